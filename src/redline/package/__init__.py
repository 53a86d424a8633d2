"""The package layer: open an untrusted .docx safely, write every output safely.

Opening (``open_docx``)
=======================
A .docx arrives by mail from another office, so every byte is untrusted.  Before
python-docx sees anything, ``open_docx`` reads the file once into memory and vets
it; python-docx then never reads the disk or the zip itself: its package is built
from the bytes vetting inflated, around the XML trees vetting parsed (with
python-docx's own parser settings and element classes), so a part is inflated and
parsed once, not twice - for a large draft the parse is most of the load.  The
checks, in order:

1. the path is a regular, readable, non-empty file no larger than ``max_file_bytes``;
2. it is a zip.  An OLE2 compound file (magic ``D0 CF 11 E0``) is explained: a
   password-protected .docx (its directory holds an ``EncryptedPackage`` stream),
   a legacy Word 97-2003 .doc (a ``WordDocument`` stream), or another legacy Office
   file.  The directory is parsed with a small bounded CFB reader (no ``olefile``);
   if that fails, the stream names are searched for in UTF-16LE.  RTF, PDF and
   Word 2003 XML get their own message;
3. the zip directory: at most ``max_entries`` entries; every entry name is a
   relative, forward-slash name without ``.``/``..`` segments, drive letters,
   backslashes or control characters (zip names are never used as file-system
   paths anyway; a hostile name is refused rather than ignored); no duplicate names
   (also none differing only in case: OPC part names are case-insensitive); no
   encrypted entries; only stored or deflated entries (what Word writes); local
   records that do not overlap (the overlapping-entries zip bomb);
4. declared sizes: each entry at most ``max_part_bytes`` (XML parts
   ``max_xml_part_bytes``), the sum at most ``max_total_bytes``, and an entry over
   ``ratio_min_bytes`` at most ``max_ratio`` times its compressed size;
5. every entry is then inflated as a stream in 64 KiB chunks, counting the bytes
   actually produced against the same limits (declared sizes can lie) and checking
   the CRC: memory stays bounded whatever the entry claims; only then is an XML
   part inflated whole;
6. every XML part (name ``*.xml`` / ``*.rels`` or an XML content type) must be UTF-8
   or UTF-16 and decode cleanly; must contain no ``<!DOCTYPE`` (so no internal
   entities, billion laughs, XXE or external DTD - Word itself refuses DTDs); must
   parse with a hardened lxml parser (``resolve_entities=False``, ``no_network=True``,
   ``load_dtd=False``, ``huge_tree=False``) with every namespace prefix declared; and
   must stay within ``max_xml_depth`` nesting, ``max_text_chars`` per text node or
   attribute value and ``max_paragraph_chars`` of text per ``w:p`` (each a tree walk
   that runs only when a scan of the bytes in C cannot rule it out; the default
   depth is libxml2's own ceiling, which the parse enforces);
7. the package: ``[Content_Types].xml`` and ``_rels/.rels`` exist; the main part is
   found through the ``officeDocument`` relationship (so ``word/document2.xml`` and
   other alternate paths work); every part python-docx will load (everything
   reachable through internal relationships) exists and has a content type;
8. the main part's content type decides what the file is (see below); python-docx
   builds its document; any failure it still raises becomes a ``DocumentError``.

Every error is a ``redline.errors.DocumentError`` (``LimitError`` for a safety
limit) whose ``where`` is the file name as given and whose one-line message names
the problem and, when there is one, the part.

.docx, .dotx, .docm, .dotm: the decision
----------------------------------------
The main part's content type decides, not the file extension:

* ``...wordprocessingml.document.main+xml`` (.docx): accepted.
* ``...wordprocessingml.template.main+xml`` (.dotx, a template): accepted and
  treated as a document.  python-docx is given a ``[Content_Types].xml`` that names
  the main part a document, and a merged save always writes the original's with that
  one type changed, so the output is a real .docx (as Word's "save as .docx" would
  make it); every other part is kept byte for byte.
* ``application/vnd.ms-word.document.macroEnabled.main+xml`` (.docm) and
  ``...template.macroEnabledTemplate.main+xml`` (.dotm): refused.  redline never
  executes macros, but it will not carry a macro project from an untrusted source
  into a new file under a .docx name (Word refuses macros in a .docx), nor silently
  drop the user's macros.  The message says to save a copy as .docx.
* Strict Open XML (the ``purl.oclc.org`` relationship namespace) and other Office
  files (.xlsx, .pptx) are refused with a message that says what they are.

The returned object is a normal ``docx.document.Document``.  It carries the vetted
original as ``doc._redline_source``, a ``SourcePackage`` (path, zip bytes, entry
list, content types, main part name, kind), which ``save_docx`` uses to copy
unchanged parts byte for byte.

Saving (``save_docx``, ``save_parts``) and every other output
=============================================================
``save.py`` writes the original zip with only what changed made afresh; every file
redline writes (the .docx, a summary, an edits file, accept/reject copies, and whatever
later commands add) goes through the one guarded writer in ``output.py``.

The modules, one concern each
=============================
==============  =====================================================================
``limits``      ``Limits`` and its defaults
``common``      size units, the chunk size, the deflate library, one-line messages
``inputs``      reading an input file safely (regular file, size checked first)
``sniff``       what a file is when it is not a zip (OLE2, RTF, PDF, Word XML)
``zipread``     the zip directory and local headers vetted; entries inflated in chunks
``parsers``     the hardened lxml parsers
``xmlcheck``    the checks every XML part passes
``opc``         content types, relationships, the package's main part and reach
``source``      ``SourcePackage``, the vetted original kept for a byte-for-byte save
``load``        ``open_docx`` / ``vet_docx``
``zipwrite``    zips written with untouched entries copied raw
``save``        ``save_docx`` / ``save_parts``
``output``      the guarded writer
==============  =====================================================================
"""
from __future__ import annotations

from .common import CHUNK, GiB, KiB, MiB
from .limits import DEFAULT_LIMITS, Limits
from .load import open_docx, vet_docx
from .opc import CT_DOCM, CT_DOCX, CT_DOTM, CT_DOTX
from .inputs import read_input, read_text
from .output import (check_outputs, same_file, write_bytes_atomic, write_output, write_outputs,
                     write_text_atomic)
from .save import default_output, docx_bytes, save_docx, save_parts
from .source import SourcePackage

__all__ = ["Limits", "DEFAULT_LIMITS", "SourcePackage", "open_docx", "vet_docx", "save_docx", "save_parts",
           "write_text_atomic", "write_bytes_atomic", "default_output", "same_file", "docx_bytes",
           "write_output", "write_outputs", "check_outputs", "read_input", "read_text",
           "CT_DOCX", "CT_DOTX", "CT_DOCM", "CT_DOTM", "KiB", "MiB", "GiB", "CHUNK"]
