"""The package layer: open an untrusted .docx safely, save outputs safely.

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

Saving (``save_docx``, ``write_text_atomic``)
=============================================
Outputs are written to a temporary file in the output's folder, flushed and fsynced,
then renamed over the target (``os.replace``; without ``force`` a no-clobber
``os.link`` where the file system allows it); the temporary file is removed on any
failure, KeyboardInterrupt included.  A kill at any point leaves the old file or the
complete new one (and at worst a hidden ``.<name>.*.tmp`` file).  The input is never
overwritten: the output is compared with the input by ``os.path.realpath`` and by
``(st_dev, st_ino)``, which catches symlinks, hard links and other spellings of the
same path, even with ``force``.  An existing output is refused unless ``force``.

``save_docx(..., dirty=...)`` writes the original zip with only what changed made
afresh: entries not in ``dirty`` are copied from the original unchanged (local
header regenerated, compressed data copied raw, same name, order and timestamp);
entries in ``dirty``, parts python-docx added and relationship parts whose
relationships changed are serialised from python-docx one by one (never the whole
package: a report's images are not deflated again only to be thrown away), and
``[Content_Types].xml`` is the original's plus the added parts; an entry in
``dirty`` that python-docx no longer has is dropped.  ``dirty=None`` is a plain
python-docx save.
"""
from __future__ import annotations

import codecs
import io
import os
import posixpath
import re
import stat
import struct
import tempfile
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lxml import etree

from .errors import DocumentError, LimitError, OutputError
from .messages import Option, msg

_FORCE_HINT = msg("use {option} to replace it", option=Option("force", flag=True))  # --force / force=True

try:  # zlib-ng: the same deflate streams as zlib, inflated and deflated 2-3x faster (README: dependencies)
    from zlib_ng import zlib_ng as _zlib
except ImportError:  # pragma: no cover - a platform without its wheels: the standard library
    import zlib as _zlib

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limits:
    """Safety limits for reading a .docx.  Defaults fit real government reports with
    photos and scans; raise one with ``dataclasses.replace(Limits(), max_...=...)``
    or ``Limits(max_...=...)``.

    python-docx parses XML with libxml2's default ceilings (nesting 256 levels, one
    text node 10,000,000 bytes), so raising ``max_xml_depth`` above 256 or
    ``max_text_chars`` above 10,000,000 lets a file past redline's checks but
    python-docx will still refuse it (as a ``DocumentError``).
    """

    max_file_bytes: int = 256 * MiB  # the .docx file itself (compressed)
    max_entries: int = 10_000  # zip entries (a big report has a few hundred)
    max_total_bytes: int = 1 * GiB  # all entries, uncompressed
    max_part_bytes: int = 256 * MiB  # one entry, uncompressed (images, embedded files)
    max_xml_part_bytes: int = 128 * MiB  # one XML part, uncompressed (parsed in memory)
    max_ratio: int = 200  # uncompressed : compressed, for entries over ratio_min_bytes
    ratio_min_bytes: int = 1 * MiB  # smaller entries are not ratio-checked
    max_xml_depth: int = 256  # element nesting in one XML part (libxml2's ceiling: a lower one costs a tree walk)
    max_text_chars: int = 5_000_000  # one text node or attribute value
    max_paragraph_chars: int = 1_000_000  # text in one w:p (a page holds ~3,000)

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"Limits.{name} must be a positive integer, got {value!r}")


DEFAULT_LIMITS = Limits()

# ---------------------------------------------------------------------------------
# constants

CT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
CT_DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_DOTM = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
OTHER_OFFICE = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "an Excel workbook (.xlsx)",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "an Excel workbook (.xlsm)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "an Excel template (.xltx)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml":
        "a PowerPoint presentation (.pptx)",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": "a PowerPoint presentation (.pptm)",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": "a PowerPoint show (.ppsx)",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":
        "a PowerPoint template (.potx)",
}
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_P_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
         "s": "http://purl.oclc.org/ooxml/wordprocessingml/main"}
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# The root element each python-docx-modelled part must have (a part with another root
# loads, then breaks whatever touches it).
EXPECTED_ROOT = {
    CT_DOCX: _W + "document", CT_DOTX: _W + "document",
    _WML + "styles+xml": _W + "styles", _WML + "numbering+xml": _W + "numbering",
    _WML + "settings+xml": _W + "settings", _WML + "header+xml": _W + "hdr", _WML + "footer+xml": _W + "ftr",
    _WML + "comments+xml": _W + "comments", _WML + "footnotes+xml": _W + "footnotes",
    _WML + "endnotes+xml": _W + "endnotes", _WML + "fontTable+xml": _W + "fonts",
    "application/vnd.openxmlformats-package.core-properties+xml":
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties",
}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CHUNK = 64 * KiB
_LIBXML_MAX_DEPTH = 256
_LIBXML_MAX_TEXT = 10_000_000


def _parser() -> etree.XMLParser:
    """The hardened parser: no entities, no DTD, no network, libxml2's size ceilings."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=False, recover=False)


def _docx_parser() -> etree.XMLParser:
    """The hardened parser, set up exactly as python-docx's own (blank text between
    elements dropped, python-docx's element classes): the trees vetting parses are the
    ones python-docx is given.  A new parser per call: lxml parsers are not thread-safe."""
    from docx.oxml.parser import element_class_lookup

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=False, recover=False, remove_blank_text=True)
    parser.set_element_class_lookup(element_class_lookup)
    return parser


# ---------------------------------------------------------------------------------
# the vetted original


@dataclass
class SourcePackage:
    """The vetted original .docx, kept for a byte-for-byte save.

    ``data`` is the whole zip exactly as read from disk; ``infos`` its entries in
    archive order (``zipfile.ZipInfo``); ``content_types`` maps lower-cased part
    names (``/word/document.xml``) and ``ext:<extension>`` to content types.
    ``kind`` is "docx" or "dotx"; ``always_dirty`` names entries a merged save must
    take from python-docx whatever the caller says (the retyped
    ``[Content_Types].xml`` of a template).
    """

    path: Path
    data: bytes
    infos: list[zipfile.ZipInfo]
    main_part: str  # zip name of the main document part, e.g. "word/document.xml"
    content_types: dict[str, str] = field(default_factory=dict)
    kind: str = "docx"
    always_dirty: frozenset[str] = frozenset()
    _by_name: dict[str, zipfile.ZipInfo] | None = field(default=None, init=False, repr=False, compare=False)

    def names(self) -> list[str]:
        return [i.filename for i in self.infos]

    def has(self, name: str) -> bool:
        return name in self._index()

    def info(self, name: str) -> zipfile.ZipInfo:
        return self._index()[name]  # KeyError for a name not in the zip

    def _index(self) -> dict[str, zipfile.ZipInfo]:
        # one dict for the whole package: a report with thousands of images looks entries up
        # thousands of times (a linear search, or a zipfile re-reading the directory each
        # time, made loading quadratic)
        if self._by_name is None:
            self._by_name = {i.filename: i for i in self.infos}
        return self._by_name

    def read(self, name: str) -> bytes:
        """The decompressed bytes of one entry (vetted at open: size and CRC checked)."""
        info = self.info(name)
        raw = _raw_data(self.data, info)
        if info.compress_type == zipfile.ZIP_STORED:
            return raw
        return _zlib.decompressobj(-15).decompress(raw, info.file_size)

    def raw(self, name: str) -> bytes:
        """The compressed bytes of one entry, exactly as stored in the file."""
        return _raw_data(self.data, self.info(name))

    def content_type(self, name: str) -> str | None:
        return _content_type_for(self.content_types, name)


# ---------------------------------------------------------------------------------
# open


def open_docx(path: str | os.PathLike, limits: Limits | None = None):
    """Open ``path`` safely and return a python-docx ``Document`` (see the module doc).

    The result carries the vetted original as ``doc._redline_source`` (``SourcePackage``).
    Raises ``DocumentError`` (``LimitError`` for a safety limit) for any bad input.
    """
    limits = limits or DEFAULT_LIMITS
    p = Path(path)
    where = str(path)
    data = _read_file(p, where, limits)
    _sniff(data, where)
    source, parts = _vet_zip(p, data, where, limits, for_python_docx=True)
    doc = _load_python_docx(source, parts, where)
    doc._redline_source = source
    return doc


def vet_docx(path: str | os.PathLike, limits: Limits | None = None) -> SourcePackage:
    """All of ``open_docx``'s checks without python-docx: the vetted ``SourcePackage``."""
    limits = limits or DEFAULT_LIMITS
    p = Path(path)
    data = _read_file(p, str(path), limits)
    _sniff(data, str(path))
    return _vet_zip(p, data, str(path), limits)[0]


def _read_file(p: Path, where: str, limits: Limits) -> bytes:
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise DocumentError("no such file", where=where)
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror or exc}", where=where)
    if stat.S_ISDIR(st.st_mode):
        raise DocumentError("is a folder, not a .docx file", where=where)
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError("not a regular file (a device, pipe or socket)", where=where)
    if st.st_size > limits.max_file_bytes:
        raise LimitError(f"file is {st.st_size:,} bytes, over the {limits.max_file_bytes:,} byte limit "
                         "(Limits.max_file_bytes)", where=where)
    try:
        with open(p, "rb") as f:
            # read(n) allocates n bytes up front: ask for what stat promised (+1 to see growth)
            data = f.read(min(st.st_size, limits.max_file_bytes) + 1)
            if len(data) > st.st_size:  # the file grew since stat: read on, still bounded
                data += f.read(limits.max_file_bytes + 1 - len(data))
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror or exc}", where=where)
    if len(data) > limits.max_file_bytes:  # grew since stat
        raise LimitError(f"file is over the {limits.max_file_bytes:,} byte limit (Limits.max_file_bytes)",
                         where=where)
    if not data:
        raise DocumentError("empty file (0 bytes), not a .docx", where=where)
    return data


def _sniff(data: bytes, where: str) -> None:
    """Refuse what is plainly not a zip, saying what it is."""
    if data.startswith(OLE2_MAGIC):
        _explain_ole2(data, where)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        raise DocumentError("an RTF file, not a .docx", where=where, hint="open it in Word and save it as .docx")
    if head.startswith(b"%PDF"):
        raise DocumentError("a PDF file, not a .docx", where=where)
    if head.startswith(b"<") and (b"w:wordDocument" in head or b"pkg:package" in head):
        raise DocumentError("a Word XML (flat XML) file, not a .docx", where=where,
                            hint="open it in Word and save it as .docx")
    if b"PK\x05\x06" in data[-66000:] or b"PK\x03\x04" in data[:4096]:
        return  # a zip with something in front (zipfile copes); let the zip checks judge it
    raise DocumentError("not a .docx file (not a zip archive)", where=where)


def _explain_ole2(data: bytes, where: str) -> None:
    names = _cfb_stream_names(data)
    if names is None:  # the directory could not be walked: look for the names themselves
        found = {n for n in ("EncryptedPackage", "WordDocument", "Workbook", "PowerPoint Document")
                 if n.encode("utf-16-le") in data}
    else:
        found = set(names)
    if "EncryptedPackage" in found:
        raise DocumentError("a password-protected (encrypted) .docx; redline cannot read it", where=where,
                            hint="remove the password in Word (File > Info > Protect Document > Encrypt with "
                                 "Password, clear it), save, and try again")
    if "WordDocument" in found:
        raise DocumentError("a legacy Word 97-2003 document (.doc), not a .docx", where=where,
                            hint="open it in Word or LibreOffice and save it as .docx")
    if "Workbook" in found or "Book" in found:
        raise DocumentError("a legacy Excel workbook (.xls), not a Word .docx", where=where)
    if "PowerPoint Document" in found:
        raise DocumentError("a legacy PowerPoint file (.ppt), not a Word .docx", where=where)
    raise DocumentError("a legacy Office (OLE2 compound) file, not a .docx", where=where,
                        hint="if it is a Word 97-2003 .doc, open it in Word and save it as .docx")


def _cfb_stream_names(data: bytes) -> list[str] | None:
    """Names in a compound file's directory, or None when it cannot be walked.

    A minimal, bounded reader of [MS-CFB]: header, FAT (from the header DIFAT and
    the DIFAT chain), then the directory chain.  Every loop is bounded by the number
    of sectors in the file.
    """
    try:
        if len(data) < 512:
            return None
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            return None
        size = 1 << shift
        nsect = max(0, (len(data) - size) // size + 1)  # sector -1 is the header
        first_dir, = struct.unpack_from("<I", data, 0x30)
        first_difat, ndifat = struct.unpack_from("<II", data, 0x44)

        def sector(n: int) -> bytes:
            off = (n + 1) * size
            if n < 0 or off + size > len(data) + size:  # a short last sector is tolerated
                raise ValueError("sector out of range")
            return data[off:off + size]

        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA]
        d, seen = first_difat, 0
        while d < 0xFFFFFFFA and seen <= nsect and seen < ndifat + 1:
            entries = struct.unpack(f"<{size // 4}I", sector(d).ljust(size, b"\xff"))
            fat_sectors.extend(s for s in entries[:-1] if s < 0xFFFFFFFA)
            d, seen = entries[-1], seen + 1
        fat: list[int] = []
        for s in fat_sectors[: nsect + 1]:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(s).ljust(size, b"\xff")))
        names: list[str] = []
        s, steps = first_dir, 0
        while s < 0xFFFFFFFA and steps <= nsect:
            block = sector(s)
            for off in range(0, len(block) - 127, 128):
                entry = block[off:off + 128]
                nlen = struct.unpack_from("<H", entry, 0x40)[0]
                kind = entry[0x42]
                if kind in (1, 2, 5) and 2 <= nlen <= 64:
                    names.append(entry[: nlen - 2].decode("utf-16-le", "replace"))
            if s >= len(fat):
                break
            s, steps = fat[s], steps + 1
        return names or None
    except (struct.error, ValueError, IndexError):
        return None


# -- zip ------------------------------------------------------------------------------

_BAD_NAME = re.compile(r"[\x00-\x1f\x7f\\]|^/|^[A-Za-z]:|(^|/)\.\.?(/|$)|//")
_BAD_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # controls, bidi overrides, surrogates, line breaks
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, _zlib.error, EOFError, ValueError, struct.error,
               NotImplementedError, IndexError, OverflowError, UnicodeDecodeError, OSError, RuntimeError)


def _count_central_records(data: bytes, where: str, limits: Limits) -> None:
    """Count the central directory's records before ``zipfile`` builds a ZipInfo for
    each (millions of tiny records would take gigabytes); stop past ``max_entries``.
    Anything unparsable is left for ``zipfile`` to report."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if eocd < 0 or eocd + 22 > len(data):
        return
    size_cd, offset_cd = struct.unpack_from("<II", data, eocd + 12)
    end = eocd
    if eocd >= 20 and data[eocd - 20:eocd - 16] == b"PK\x06\x07":  # zip64 locator
        (z64,) = struct.unpack_from("<Q", data, eocd - 12)
        if z64 + 56 <= len(data) and data[z64:z64 + 4] == b"PK\x06\x06":
            size_cd, offset_cd = struct.unpack_from("<QQ", data, z64 + 40)
            end = z64
    pos = end - size_cd
    if pos < 0:
        return
    count = 0
    while pos + 46 <= end and data[pos:pos + 4] == b"PK\x01\x02":
        count += 1
        if count > limits.max_entries:
            raise LimitError(f"more than {limits.max_entries:,} zip entries (Limits.max_entries)", where=where)
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        pos += 46 + n + m + k


def _python_docx_xml_types() -> frozenset[str]:
    """Content types python-docx builds an XML part around (parsing its bytes with its own
    parser); a template's main part counts, as it is given python-docx typed as a document."""
    from docx.opc.part import PartFactory, XmlPart

    return frozenset({ct for ct, cls in PartFactory.part_type_for.items()
                      if issubclass(cls, XmlPart) and cls.load.__func__ is XmlPart.load.__func__} | {CT_DOTX})


@dataclass
class _Inflated:
    """What vetting already inflated and parsed, handed on to python-docx so that no part
    is decompressed or parsed twice: by zip name, the bytes of ``[Content_Types].xml`` and
    the relationship parts, and the parsed roots (with python-docx's element classes) of the
    parts python-docx will model as XML."""

    blobs: dict[str, bytes] = field(default_factory=dict)
    trees: dict[str, etree._Element] = field(default_factory=dict)


def _vet_zip(p: Path, data: bytes, where: str, limits: Limits, *,
             for_python_docx: bool = False) -> tuple[SourcePackage, _Inflated]:
    _count_central_records(data, where, limits)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        if data.startswith(b"PK\x03\x04"):
            raise DocumentError(f"truncated or corrupt zip: {_one_line(exc)}", where=where)
        raise DocumentError(f"not a .docx file (not a valid zip archive: {_one_line(exc)})", where=where)
    except _ZIP_ERRORS as exc:
        raise DocumentError(f"corrupt zip: {_one_line(exc)}", where=where)
    with zf:
        infos = zf.infolist()
    starts = _check_directory(data, infos, where, limits)
    types_raw = _find(infos, CONTENT_TYPES)
    # content types are needed to know which entries are XML: read that part first
    if types_raw is None:
        raise DocumentError(f"no {CONTENT_TYPES} (not an Office Open XML package)", where=where)
    total = [0]
    stored = memoryview(data)
    ct_bytes = _read_entry(stored[starts[CONTENT_TYPES]:][:types_raw.compress_size], types_raw, where, limits,
                           is_xml=True, total=total)
    _check_xml(ct_bytes, CONTENT_TYPES, where, limits)
    content_types = _parse_content_types(ct_bytes, where)
    parser = _docx_parser() if for_python_docx else _parser()
    kept = _Inflated()

    def vet(info: zipfile.ZipInfo) -> tuple[bytes, etree._Element | None]:
        is_xml = _is_xml(info.filename, content_types)
        body = _read_entry(stored[starts[info.filename]:][:info.compress_size], info, where, limits, is_xml=is_xml,
                           total=total)
        if not is_xml:
            return body, None
        return body, _check_xml(body, info.filename, where, limits, _content_type_for(content_types, info.filename),
                                parser)

    # The relationship parts first (small): they say which parts python-docx will load.
    entries = [i for i in infos if not i.is_dir() and i is not types_raw]
    rels_parts: dict[str, bytes] = {}
    for info in entries:
        if info.filename.endswith(".rels"):
            rels_parts[info.filename] = vet(info)[0]
    main, kind, reachable = _check_package(infos, content_types, rels_parts, where)
    # Then every other entry.  Of the trees, only those python-docx will build a part around
    # are kept (reachable, and of a type it models as XML); the rest are dropped once checked.
    modelled = _python_docx_xml_types() if for_python_docx else frozenset()
    for info in entries:
        if info.filename.endswith(".rels"):
            continue
        root = vet(info)[1]
        name = info.filename
        if root is not None and "/" + name in reachable and _content_type_for(content_types, name) in modelled:
            kept.trees[name] = root
        root = None  # not alive while the next part is parsed
    if for_python_docx:
        kept.blobs = {CONTENT_TYPES: ct_bytes, **rels_parts}
    source = SourcePackage(path=Path(os.path.abspath(p)), data=data, infos=infos, main_part=main,
                           content_types=content_types, kind=kind)
    if kind == "dotx":
        source.always_dirty = frozenset({CONTENT_TYPES})
    return source, kept


def _find(infos: list[zipfile.ZipInfo], name: str) -> zipfile.ZipInfo | None:
    for i in infos:
        if i.filename == name:
            return i
    return None


def _check_directory(data: bytes, infos: list[zipfile.ZipInfo], where: str, limits: Limits) -> dict[str, int]:
    """Check the directory and local headers; return where each entry's data starts."""
    if len(infos) > limits.max_entries:
        raise LimitError(f"{len(infos):,} zip entries, over the {limits.max_entries:,} limit (Limits.max_entries)",
                         where=where)
    seen: dict[str, str] = {}
    declared = 0
    for info in infos:
        name = info.filename
        if _BAD_NAME.search(name) or not name or any(unicodedata.category(c) in _BAD_CATEGORIES for c in name):
            raise DocumentError(f"unsafe zip entry name {name!r} (absolute, '..', backslash, control or "
                                "formatting character)", where=where)
        folded = name.lower()
        if folded in seen:
            same = seen[folded] == name
            raise DocumentError(f"duplicate zip entry {name!r}" + ("" if same else f" (and {seen[folded]!r})"),
                                where=where)
        seen[folded] = name
        if info.flag_bits & 0x1:
            raise DocumentError(f"zip entry {name} is encrypted", where=where)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DocumentError(f"zip entry {name} uses compression method {info.compress_type}; "
                                "a .docx uses only stored or deflated entries", where=where)
        cap = limits.max_xml_part_bytes if _looks_xml(name) else limits.max_part_bytes
        if info.file_size > cap:
            raise LimitError(f"zip entry {name} expands to {info.file_size:,} bytes, over the {cap:,} byte limit "
                             f"(Limits.{'max_xml_part_bytes' if cap == limits.max_xml_part_bytes else 'max_part_bytes'})",
                             where=where)
        _check_ratio(name, info.file_size, info.compress_size, where, limits)
        declared += info.file_size
        if declared > limits.max_total_bytes:
            raise LimitError(f"the zip entries declare more than {limits.max_total_bytes:,} bytes in all "
                             "(Limits.max_total_bytes)", where=where)
    # local records must lie inside the file, in order, without overlapping, and name the
    # entry the directory names
    spans = []
    starts: dict[str, int] = {}
    for info in infos:
        start = info.header_offset
        if start < 0 or start + 30 > len(data) or data[start:start + 4] != b"PK\x03\x04":
            raise DocumentError(f"corrupt zip: no local header for entry {info.filename}", where=where)
        nlen, xlen = struct.unpack_from("<HH", data, start + 26)
        end = start + 30 + nlen + xlen + info.compress_size
        if end > len(data):
            raise DocumentError(f"truncated or corrupt zip: entry {info.filename} runs past the end of the file",
                                where=where)
        spans.append((start, end, info.filename))
        starts[info.filename] = start + 30 + nlen + xlen
    spans.sort()
    for (s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:]):
        if s2 < e1:
            raise DocumentError(f"zip entries {n1} and {n2} overlap (a zip-bomb construction)", where=where)
    for info in infos:  # as zipfile checks when it opens an entry
        start = info.header_offset
        flags, nlen = struct.unpack_from("<H", data, start + 6)[0], struct.unpack_from("<H", data, start + 26)[0]
        try:
            local = data[start + 30:start + 30 + nlen].decode("utf-8" if flags & 0x800 else "cp437")
        except UnicodeDecodeError:
            local = None
        if local != info.orig_filename:
            raise DocumentError(f"corrupt zip: the local header of entry {info.filename} names {local!r}",
                                where=where)
    return starts


def _check_ratio(name: str, size: int, csize: int, where: str, limits: Limits) -> None:
    if size > limits.ratio_min_bytes and size > limits.max_ratio * max(csize, 1):
        raise LimitError(f"zip entry {name} expands {size // max(csize, 1):,} times ({csize:,} -> {size:,} bytes), "
                         f"over the {limits.max_ratio}:1 limit (Limits.max_ratio): a zip bomb?", where=where)


def _read_entry(raw: bytes | memoryview, info: zipfile.ZipInfo, where: str, limits: Limits, *, is_xml: bool,
                total: list[int]) -> bytes:
    """Inflate one entry's stored bytes ``raw`` as a stream in ``CHUNK``-sized pieces,
    counting the bytes really produced against the limits (declared sizes can lie) and
    checking the CRC; memory stays O(CHUNK) whatever the entry claims.

    Only then, for an XML part (at most ``max_xml_part_bytes``), inflate it again whole
    and return it; other entries return b"".
    """
    name = info.filename
    cap = limits.max_xml_part_bytes if is_xml else limits.max_part_bytes
    cap_name = "max_xml_part_bytes" if is_xml else "max_part_bytes"
    if info.file_size > cap:
        raise LimitError(f"zip entry {name} expands to {info.file_size:,} bytes, over the {cap:,} byte limit "
                         f"(Limits.{cap_name})", where=where)
    stored = info.compress_type == zipfile.ZIP_STORED
    n = crc = 0
    try:
        inflate = None if stored else _zlib.decompressobj(-15)
        for chunk in _chunks(raw) if stored else _inflated_chunks(inflate, raw):
            n += len(chunk)
            total[0] += len(chunk)
            crc = _zlib.crc32(chunk, crc)
            if n > cap:
                raise LimitError(f"zip entry {name} expands past {cap:,} bytes (Limits.{cap_name})", where=where)
            if n > info.file_size:
                raise DocumentError(f"corrupt zip: entry {name} is larger than its declared size", where=where)
            if total[0] > limits.max_total_bytes:
                raise LimitError(f"the zip entries expand to more than {limits.max_total_bytes:,} bytes "
                                 "(Limits.max_total_bytes)", where=where)
            _check_ratio(name, n, info.compress_size, where, limits)
        if inflate is not None and not inflate.eof:
            raise DocumentError(f"corrupt zip entry {name}: its compressed data ends early", where=where)
        if n != info.file_size:
            raise DocumentError(f"corrupt zip: entry {name} is {n:,} bytes, not the {info.file_size:,} it declares",
                                where=where)
        if crc & 0xFFFFFFFF != info.CRC:
            raise DocumentError(f"corrupt zip entry {name}: bad CRC-32", where=where)
        if not is_xml:
            return b""
        return bytes(raw) if stored else _zlib.decompressobj(-15).decompress(raw, info.file_size)
    except _zlib.error as exc:
        raise DocumentError(f"corrupt zip entry {name}: {_one_line(exc)}", where=where)


def _chunks(raw: bytes | memoryview):
    for off in range(0, len(raw), CHUNK):
        yield raw[off:off + CHUNK]


def _inflated_chunks(inflate, raw: bytes | memoryview):
    """What ``inflate`` makes of ``raw``, at most ``CHUNK`` bytes at a time, fed ``CHUNK``
    compressed bytes at a time (so neither side ever holds more than a chunk)."""
    for piece in _chunks(raw):
        while piece and not inflate.eof:
            out = inflate.decompress(piece, CHUNK)
            piece = inflate.unconsumed_tail
            if out:
                yield out
        if inflate.eof:
            return
    while not inflate.eof:  # output still held for input already taken
        out = inflate.decompress(b"", CHUNK)
        if not out:
            return
        yield out


def _looks_xml(name: str) -> bool:
    low = name.lower()
    return low.endswith(".xml") or low.endswith(".rels")


def _is_xml(name: str, content_types: dict[str, str]) -> bool:
    """Parts checked as XML: *.xml, *.rels and XML content types - but not images
    (an SVG often carries a harmless DOCTYPE; no stage parses images)."""
    if _looks_xml(name):
        return True
    ct = (_content_type_for(content_types, name) or "").lower()
    if ct.startswith("image/"):
        return False
    return ct.endswith("+xml") or ct in ("application/xml", "text/xml")


def _content_type_for(content_types: dict[str, str], name: str) -> str | None:
    key = "/" + name.lower()
    if key in content_types:
        return content_types[key]
    ext = posixpath.splitext(name)[1][1:].lower()
    return content_types.get("ext:" + ext)


# -- XML ------------------------------------------------------------------------------

_DOCTYPE = re.compile(rb"<!\s*DOCTYPE|<!\s*ENTITY", re.I)
_DOCTYPE_STR = re.compile(r"<!\s*DOCTYPE|<!\s*ENTITY", re.I)
_XML_ENCODINGS = {"UTF-8", "UTF8", "UTF-16", "UTF-16LE", "UTF-16BE"}
_XML_DECL_ENC = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _check_xml(data: bytes, part: str, where: str, limits: Limits, content_type: str | None = None,
               parser: etree.XMLParser | None = None) -> etree._Element:
    """Refuse an XML part that is not UTF-8/16, has a DOCTYPE, is malformed or too big,
    or (for a part python-docx models) has the wrong root element; return its root.

    The costly tree walks run only when a scan of the bytes cannot rule their finding
    out, so a normal part costs one parse."""
    wp = f"{where}: {part}"
    utf16 = None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        utf16 = "utf-16"
    elif data[:2] == b"<\x00":  # UTF-16 without a byte-order mark, as XML allows
        utf16 = "utf-16-le"
    elif data[:2] == b"\x00<":
        utf16 = "utf-16-be"
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise DocumentError(f"invalid UTF-16 at byte {exc.start}", where=wp)
        if _DOCTYPE_STR.search(text):
            raise DocumentError("XML with a DOCTYPE (DTD or entity declarations) is refused: "
                                "entities are never expanded or fetched", where=wp)
        del text
    else:
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
        if not body:
            raise DocumentError("empty XML part", where=wp)
        m = _XML_DECL_ENC.match(body)
        if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            raise DocumentError(f"XML encoding {m.group(1).decode('ascii')!r}; an Office part must be UTF-8 "
                                "or UTF-16", where=wp)
        if _DOCTYPE.search(body):
            raise DocumentError("XML with a DOCTYPE (DTD or entity declarations) is refused: "
                                "entities are never expanded or fetched", where=wp)
    try:
        root = etree.fromstring(data, parser if parser is not None else _parser())
    except etree.XMLSyntaxError as exc:
        if not utf16:  # libxml2 refuses bad UTF-8 too; say where, as a person can look it up
            _check_utf8(body, wp)
        raise _xml_error(exc, wp, limits)
    if root is None:
        raise DocumentError("empty XML part", where=wp)
    tree = root.getroottree()
    info = tree.docinfo
    _refuse_parsed_doctype(info, wp)
    expected = EXPECTED_ROOT.get(content_type or "")
    if expected is not None and root.tag != expected:
        raise DocumentError(f"root element {_clark_to_text(root.tag)} where its content type needs "
                            f"{_clark_to_text(expected)}", where=wp)
    if expected == _W + "document" and root.find(_W + "body") is None:
        raise DocumentError("the document has no <w:body>", where=wp)
    if (info.encoding or "UTF-8").upper().replace("_", "-") not in _XML_ENCODINGS:
        raise DocumentError(f"XML encoding {info.encoding!r}; an Office part must be UTF-8 or UTF-16", where=wp)
    if limits.max_xml_depth < _LIBXML_MAX_DEPTH:  # deeper than libxml2's own ceiling fails to parse
        deep = etree.XPath("/*" * (limits.max_xml_depth + 1))(root)
        if deep:
            raise LimitError(f"XML nested deeper than {limits.max_xml_depth} levels (Limits.max_xml_depth) "
                             f"at {_short_path(tree, deep[0])}", where=wp)
    n = limits.max_text_chars
    big = (utf16 or _has_long_stretch(data, n)) and etree.XPath(
        f"(//text()[string-length(.) > {n}] | //@*[string-length(.) > {n}])[1]")(root)
    if big:
        node = big[0]
        owner = node.getparent() if hasattr(node, "getparent") else None
        at = f" in {_short_path(tree, owner)}" if owner is not None else ""
        raise LimitError(f"a text node or attribute of over {n:,} characters{at} (Limits.max_text_chars)",
                         where=wp)
    m = limits.max_paragraph_chars
    para = (utf16 or _may_hold_long_paragraph(data, m)) and etree.XPath(
        f"(//w:p[string-length(.) > {m}] | //s:p[string-length(.) > {m}])[1]", namespaces=_P_NS)(root)
    if para:
        raise LimitError(f"a paragraph of {len(para[0].xpath('string(.)')):,} characters, over the {m:,} limit "
                         f"(Limits.max_paragraph_chars) at {_short_path(tree, para[0])}", where=wp)
    return root


def _has_long_stretch(data: bytes, n: int) -> bool:
    """False only when ``data`` (UTF-8) surely has no ``n`` bytes in a row without a "<",
    so no text node or attribute value can be ``n`` characters long (entities only
    shrink text).  Such a stretch would cover a whole aligned block of ``n // 2`` bytes,
    so one C search per block decides.  CDATA can hide "<" inside text: then True."""
    if len(data) < n:
        return False
    if b"<![CDATA[" in data:
        return True
    h = max(n // 2, 1)
    return any(data.find(b"<", k, k + h) < 0 for k in range(0, len(data) - h + 1, h))


_P_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s>/]")


def _may_hold_long_paragraph(data: bytes, m: int) -> bool:
    """False only when no paragraph can hold ``m`` characters of text: the part is smaller
    than that, or (no text boxes, so paragraphs do not nest) there are no ``m`` bytes in a
    row without a paragraph start - checked, as above, one aligned block of ``m // 2``
    bytes at a time."""
    if len(data) < m:
        return False
    if b"txbxContent" in data or b"textbox" in data:
        return True
    h = max(m // 2, 1)
    return any(_P_START.search(data, k, k + h) is None for k in range(0, len(data) - h + 1, h))


def _refuse_parsed_doctype(info, wp: str) -> None:
    """The second look: a DOCTYPE the byte scan missed (an encoding it does not read)."""
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise DocumentError("XML with a DOCTYPE (DTD or entity declarations) is refused: "
                            "entities are never expanded or fetched", where=wp)


def _check_utf8(body: bytes, wp: str) -> None:
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    for off in range(0, len(body), 1 << 20):
        try:
            dec.decode(body[off:off + (1 << 20)], final=off + (1 << 20) >= len(body))
        except UnicodeDecodeError as exc:
            raise DocumentError(f"invalid UTF-8 at byte {off + exc.start:,}", where=wp)
    if not body:
        raise DocumentError("empty XML part", where=wp)


def _xml_error(exc: etree.XMLSyntaxError, wp: str, limits: Limits) -> DocumentError:
    msg = _one_line(exc.msg or exc)
    line = f" (line {exc.lineno})" if exc.lineno else ""
    m = re.match(r"Namespace prefix (\S+) (?:for (\S+) )?on (\S+) is not defined", msg)
    if m:
        return DocumentError(f"undeclared namespace prefix '{m.group(1)}' on <{m.group(3)}>{line}", where=wp)
    if "amplification" in msg or "Detected an entity reference loop" in msg:
        return DocumentError(f"XML entity expansion refused (a 'billion laughs' DOCTYPE){line}", where=wp)
    if "Excessive depth" in msg:
        return LimitError(f"XML nested deeper than {min(limits.max_xml_depth, _LIBXML_MAX_DEPTH)} levels "
                          f"(Limits.max_xml_depth){line}", where=wp)
    if "Resource limit" in msg or "huge" in msg.lower() or "too long" in msg or "XML_PARSE_HUGE" in msg:
        return LimitError(f"a text node or attribute over the parser's {_LIBXML_MAX_TEXT:,} byte limit "
                          f"(Limits.max_text_chars){line}", where=wp)
    if "encoding" in msg.lower() or "Invalid bytes" in msg or "Char 0x" in msg:
        return DocumentError(f"bad character encoding: {re.sub(r', line [0-9]+, column [0-9]+$', '', msg)}{line}",
                             where=wp)
    return DocumentError(f"not well-formed XML: {re.sub(r', line [0-9]+, column [0-9]+$', '', msg)}{line}",
                         where=wp)


def _clark_to_text(tag: object) -> str:
    """'{ns}local' -> '<local> (namespace ns)', short enough for a one-line message."""
    if not isinstance(tag, str):
        return "<?>"
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        if tag.startswith(_W):
            return f"<w:{local}>"
        return f"<{local}> (namespace {ns[:80]})"
    return f"<{tag[:80]}> (no namespace)"


def _short_path(tree, el) -> str:
    try:
        path = tree.getpath(el)
    except (ValueError, TypeError):
        return "?"
    return path if len(path) <= 80 else "..." + path[-77:]


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:300]


# -- OPC package ----------------------------------------------------------------------


def _parse_content_types(data: bytes, where: str) -> dict[str, str]:
    root = etree.fromstring(data, _parser())
    wp = f"{where}: {CONTENT_TYPES}"
    if root.tag != f"{{{NS_CT}}}Types":
        raise DocumentError(f"not a content-types part (root element {root.tag!r})", where=wp)
    out: dict[str, str] = {}
    for el in root:
        if el.tag == f"{{{NS_CT}}}Default":
            ext, ct = el.get("Extension"), el.get("ContentType")
            if ext is None or ct is None:
                raise DocumentError("a Default without Extension or ContentType", where=wp)
            out["ext:" + ext.lower()] = ct
        elif el.tag == f"{{{NS_CT}}}Override":
            name, ct = el.get("PartName"), el.get("ContentType")
            if name is None or ct is None:
                raise DocumentError("an Override without PartName or ContentType", where=wp)
            out[name.lower()] = ct
    return out


def _rels_name(partname: str) -> str:
    """'/word/document.xml' -> 'word/_rels/document.xml.rels'; '/' -> '_rels/.rels'."""
    base, fname = posixpath.split(partname)
    return posixpath.join(base, "_rels", fname + ".rels").lstrip("/")


def _relationships(xml: bytes, where: str) -> list[tuple[str, str, str, bool]]:
    root = etree.fromstring(xml, _parser())
    if root.tag != f"{{{NS_RELS}}}Relationships":
        raise DocumentError(f"not a relationships part (root element {root.tag!r})", where=where)
    rels = []
    for el in root:
        if el.tag != f"{{{NS_RELS}}}Relationship":
            continue
        rid, rtype, target = el.get("Id"), el.get("Type"), el.get("Target")
        if rid is None or rtype is None or target is None:
            raise DocumentError("a Relationship without Id, Type or Target", where=where)
        rels.append((rid, rtype, target, el.get("TargetMode") == "External"))
    return rels


def _check_package(infos: list[zipfile.ZipInfo], content_types: dict[str, str], rels_parts: dict[str, bytes],
                   where: str) -> tuple[str, str, set[str]]:
    """Find the main part and walk the relationships as python-docx will: the main part's
    zip name, the kind ("docx" / "dotx"), and the part names ("/word/styles.xml") reached."""
    names = {i.filename for i in infos}
    if PACKAGE_RELS not in rels_parts:
        raise DocumentError(f"no package relationships ({PACKAGE_RELS}): not an Office Open XML package",
                            where=where)
    pkg_rels = _relationships(rels_parts[PACKAGE_RELS], f"{where}: {PACKAGE_RELS}")
    main_targets = [(t, ext) for _id, rt, t, ext in pkg_rels if rt == RT_OFFICE_DOCUMENT]
    if not main_targets:
        if any(rt == RT_STRICT_OFFICE_DOCUMENT for _id, rt, _t, _e in pkg_rels):
            raise DocumentError("a Strict Open XML document, which redline does not read", where=where,
                                hint="save it in Word as a plain 'Word Document (.docx)'")
        raise DocumentError("no main document part (no officeDocument relationship in _rels/.rels)",
                            where=where)
    if len(main_targets) > 1:
        raise DocumentError("more than one main document part (officeDocument relationship) in _rels/.rels",
                            where=where)
    target, external = main_targets[0]
    if external:
        raise DocumentError("the main document part is an external link", where=where)
    main_partname = posixpath.normpath(posixpath.join("/", target))
    main = main_partname.lstrip("/")
    if main not in names:
        raise DocumentError(f"the main document part {main} is missing", where=where)
    ct = content_types.get(main_partname.lower()) or content_types.get(
        "ext:" + posixpath.splitext(main)[1][1:].lower())
    if ct == CT_DOCX:
        kind = "docx"
    elif ct == CT_DOTX:
        kind = "dotx"
    elif ct in (CT_DOCM, CT_DOTM):
        what = "a macro-enabled document (.docm)" if ct == CT_DOCM else "a macro-enabled template (.dotm)"
        raise DocumentError(f"{what}: redline does not open files that carry macros", where=where,
                            hint="in Word, save a copy as 'Word Document (.docx)' and use that")
    elif ct in OTHER_OFFICE:
        raise DocumentError(f"{OTHER_OFFICE[ct]}, not a Word document", where=where)
    else:
        raise DocumentError(f"the main part {main} has content type {ct!r}, not a Word document", where=where)
    # Walk every part reachable through internal relationships, as python-docx does.
    seen: set[str] = set()
    queue = ["/"]
    while queue:
        source = queue.pop()
        rels_name = _rels_name(source)
        if rels_name not in rels_parts:
            continue
        base = posixpath.split(source)[0] if source != "/" else "/"
        for rid, _rt, target, external in _relationships(rels_parts[rels_name], f"{where}: {rels_name}"):
            if external:
                continue
            partname = posixpath.normpath(posixpath.join(base, target))
            if partname in seen:
                continue
            seen.add(partname)
            member = partname[1:]
            if member not in names:
                raise DocumentError(f"relationship {rid} points at a missing part {member}",
                                    where=f"{where}: {rels_name}")
            if _content_type_for(content_types, member) is None:
                raise DocumentError(f"part {member} has no content type in {CONTENT_TYPES}", where=where)
            queue.append(partname)
    return main, kind, seen


def _load_python_docx(source: SourcePackage, inflated: _Inflated, where: str):
    """python-docx's ``Document`` over the vetted package, without reading it again.

    This is python-docx's own ``Package.open`` with two inputs swapped: its package
    reader gets the bytes vetting already inflated (not the zip), and every part
    python-docx would parse as XML is built around the tree vetting already parsed
    with python-docx's element classes.  A template's main part is typed as a document
    (see the module doc)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.package import Unmarshaller
    from docx.opc.packuri import PACKAGE_URI
    from docx.opc.part import PartFactory, XmlPart
    from docx.opc.pkgreader import PackageReader, _ContentTypeMap
    from docx.package import Package

    blobs, trees = inflated.blobs, inflated.trees
    if source.kind == "dotx":
        blobs[CONTENT_TYPES] = blobs[CONTENT_TYPES].replace(CT_DOTX.encode(), CT_DOCX.encode())
    selector = PartFactory.__dict__.get("part_class_selector")

    def make_part(partname, content_type, reltype, blob, package):
        cls = (selector(content_type, reltype) if selector else None) or PartFactory._part_cls_for(content_type)
        tree = trees.get(partname.membername)
        if tree is not None and issubclass(cls, XmlPart) and cls.load.__func__ is XmlPart.load.__func__:
            return cls(partname, content_type, tree, package)
        if tree is not None:  # the reader held back the bytes of a part with a tree: read them now
            blob = source.read(partname.membername)
        return cls.load(partname, content_type, blob, package)

    reader = _InflatedReader(source, blobs, set(trees))
    try:
        content_types = _ContentTypeMap.from_xml(reader.content_types_xml)
        pkg_srels = PackageReader._srels_for(reader, PACKAGE_URI)
        sparts = PackageReader._load_serialized_parts(reader, pkg_srels, content_types)
        package = Package()
        Unmarshaller.unmarshal(PackageReader(content_types, pkg_srels, sparts), package, make_part)
        part = package.main_document_part
        if part.content_type != CT.WML_DOCUMENT_MAIN:
            raise ValueError(f"the main part has content type {part.content_type}")
        return part.document
    except (DocumentError, MemoryError):
        raise
    except Exception as exc:  # input python-docx cannot model: bad input, not a redline bug
        raise DocumentError(f"python-docx cannot read it ({type(exc).__name__}: {_one_line(exc)})", where=where)


class _InflatedReader:
    """python-docx's physical package reader interface over what vetting inflated.  A part
    with a parsed tree gets no bytes (b""; ``make_part`` builds it around the tree, so
    document.xml is not inflated a second time); any other entry (an image, a theme) is
    read from the vetted zip bytes."""

    def __init__(self, source: SourcePackage, blobs: dict[str, bytes], with_tree: set[str]) -> None:
        self.source, self.blobs, self.with_tree = source, blobs, with_tree

    def blob_for(self, pack_uri) -> bytes:
        name = pack_uri.membername
        if name in self.blobs:
            return self.blobs[name]
        if name in self.with_tree:
            return b""
        return self.source.read(name)  # KeyError for a missing entry, as python-docx's zip reader

    @property
    def content_types_xml(self) -> bytes:
        return self.blobs[CONTENT_TYPES]

    def rels_xml_for(self, source_uri) -> bytes | None:
        name = source_uri.rels_uri.membername
        return self.blob_for(source_uri.rels_uri) if self.source.has(name) else None

    def close(self) -> None:
        pass


# ---------------------------------------------------------------------------------
# save


def default_output(draft: str | os.PathLike) -> Path:
    """``<draft stem>.redline.docx`` beside the draft."""
    d = Path(draft)
    return d.with_name(d.stem + ".redline.docx")


def save_docx(doc, output: str | os.PathLike, *, original: SourcePackage | None = None,
              dirty: Iterable[str] | None = None, force: bool = False,
              input_path: str | os.PathLike | None = None) -> Path:
    """Write ``doc`` to ``output`` atomically; see the module docstring.

    ``original`` defaults to ``doc._redline_source``.  Neither ``input_path`` nor the
    original's path is ever overwritten.  ``dirty`` names the zip entries redline
    changed ("word/document.xml", "word/comments.xml", ...); only those are serialised,
    and every other original entry is copied unchanged.  Relationship parts whose
    relationships python-docx changed, parts python-docx added, and
    ``[Content_Types].xml`` when a part was added or dropped are written too, even if
    not named.  ``dirty=None``, or a document without an original, is a plain
    python-docx save (still atomic and never over the input).
    """
    source = original if original is not None else getattr(doc, "_redline_source", None)
    protect = [p for p in (input_path, source.path if source is not None else None) if p is not None]
    out = Path(output)
    _preflight(out, protect, force)
    try:
        if dirty is not None and source is not None:
            replaced, drop = _changed_entries(doc, source, {d.lstrip("/") for d in dirty} | set(source.always_dirty))
            data = _merged(source, replaced, drop)
        else:
            buf = io.BytesIO()
            doc.part.package.save(buf)
            data = buf.getvalue()
    except (DocumentError, OutputError):
        raise
    except Exception as exc:
        raise OutputError(f"cannot serialise the document ({type(exc).__name__}: {_one_line(exc)})",
                          where=str(out))
    _atomic_write(out, data, force=force, protect=protect)
    return out


def save_parts(source: SourcePackage, output: str | os.PathLike, replaced: dict[str, bytes], *,
               force: bool = False, input_path: str | os.PathLike | None = None) -> Path:
    """Write the original package with the entries in ``replaced`` given new bytes
    (deflated afresh; a name not in the original is appended), every other entry copied
    raw, byte for byte; atomically, never over the input (``input_path`` or the
    original's path).  For stages that edit parts as XML without python-docx; the
    caller keeps relationships and content types consistent.
    """
    out = Path(output)
    protect = [input_path if input_path is not None else source.path]
    _preflight(out, protect, force)
    _atomic_write(out, _merged(source, dict(replaced), set()), force=force, protect=protect)
    return out


def _changed_entries(doc, source: SourcePackage, dirty: set[str]) -> tuple[dict[str, bytes], set[str]]:
    """The entries a merged save writes afresh, each serialised on its own (python-docx's
    whole-package save would serialise and deflate every part, images included, only for
    the copies to be thrown away): new bytes by name, and the names to drop.

    Taken from python-docx: the parts named in ``dirty``; parts it added; relationship
    parts it added, or whose relationships differ from the original's (a safety net for a
    caller that forgot a name); ``[Content_Types].xml`` - the original's, with the parts
    added and dropped - when parts were added or dropped, or when ``dirty`` names it.  A
    dirty name python-docx no longer has is dropped."""
    package = doc.part.package
    parts = list(package.iter_parts())
    original = set(source.names())
    replaced: dict[str, bytes] = {}
    added: dict[str, str] = {}  # name -> content type
    rels = [(PACKAGE_RELS, package.rels)]
    rels += [(part.partname.rels_uri.membername, part.rels) for part in parts if len(part.rels)]
    for name, rel in rels:
        xml = rel.xml
        if name not in original:
            added[name] = RELS_CT
            replaced[name] = xml
        elif name in dirty or _rels_key(source.read(name), name) != _rels_key(xml, name):
            replaced[name] = xml
    have = {name for name, _ in rels}
    for part in parts:
        name = part.partname.membername
        have.add(name)
        if name not in original or name in dirty:
            replaced[name] = part.blob
            if source.content_type(name) != part.content_type:  # new, or over an unlinked entry
                added[name] = part.content_type
    drop = {name for name in dirty if name in original and name not in have and name != CONTENT_TYPES}
    # OPC names are case-insensitive: a new part must not sit beside an unlinked original
    # entry that differs only in case ("word/Comments.xml"); that entry goes
    folded = {name.lower(): name for name in replaced if name not in original}
    drop |= {name for name in original if name.lower() in folded and name != folded[name.lower()]}
    if added or drop or CONTENT_TYPES in dirty:
        replaced[CONTENT_TYPES] = _content_types_after(source, added, drop)
    return replaced, drop


RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"


def _content_types_after(source: SourcePackage, added: dict[str, str], drop: set[str]) -> bytes:
    """The original ``[Content_Types].xml`` with an Override for each part in ``added`` (new,
    or written over an entry typed otherwise) that its Defaults do not already type, none
    for a dropped part, and a template's main part typed as a document."""
    xml = source.read(CONTENT_TYPES)
    if source.kind == "dotx":
        xml = xml.replace(CT_DOTX.encode(), CT_DOCX.encode())
    if not added and not drop:
        return xml
    root = etree.fromstring(xml, _parser())
    gone = {"/" + name.lower() for name in drop} | {"/" + name.lower() for name in added}
    for el in list(root):
        if el.tag == f"{{{NS_CT}}}Override" and (el.get("PartName") or "").lower() in gone:
            root.remove(el)
    defaults = {"ext:" + (el.get("Extension") or "").lower(): el.get("ContentType")
                for el in root if el.tag == f"{{{NS_CT}}}Default"}
    for name, ct in added.items():
        if _content_type_for(defaults, name) != ct:
            el = etree.SubElement(root, f"{{{NS_CT}}}Override")
            el.set("PartName", "/" + name)
            el.set("ContentType", ct)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _merged(source: SourcePackage, replaced: dict[str, bytes], drop: set[str]) -> bytes:
    """The original zip with ``replaced`` entries given new bytes (deflated afresh; a
    name not in the original is appended) and ``drop`` left out; every other entry is
    copied raw, byte for byte."""
    names = set(source.names())
    append = []
    for name in replaced:
        if name not in names:
            info = zipfile.ZipInfo(name, _now_dos())
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            append.append(info)
    try:
        return _merge_bytes(source, drop=drop, append=append, replacements=replaced)
    except _NeedZip64:
        return _merge_zipfile(source, drop=drop, append=append, replacements=replaced)


def _now_dos() -> tuple[int, int, int, int, int, int]:
    import time

    t = time.localtime()
    return (max(t.tm_year, 1980), t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def write_text_atomic(path: str | os.PathLike, text: str, *, force: bool = True,
                      protect: Iterable[str | os.PathLike] = ()) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; never over a ``protect`` path."""
    out = Path(path)
    protect = list(protect)
    _preflight(out, protect, force)
    _atomic_write(out, text.encode("utf-8"), force=force, protect=protect)
    return out


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, force: bool = False,
                       protect: Iterable[str | os.PathLike] = ()) -> Path:
    """Write ``data`` to ``path`` atomically; never over a ``protect`` path."""
    out = Path(path)
    protect = list(protect)
    _preflight(out, protect, force)
    _atomic_write(out, data, force=force, protect=protect)
    return out


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when ``a`` and ``b`` name the same file: same real path or same (device, inode)."""
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
    except (OSError, ValueError):
        pass
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _preflight(out: Path, protect: list, force: bool) -> None:
    where = str(out)
    for p in protect:
        if p is not None and same_file(out, p):
            raise OutputError(f"would overwrite the input {p}", where=where, hint="choose another output file")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"the folder {parent} does not exist", where=where)
    if out.is_dir():
        raise OutputError("is a folder", where=where)
    if (out.exists() or out.is_symlink()) and not force:
        raise OutputError(msg("already exists"), where=where, hint=_FORCE_HINT)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def _atomic_write(out: Path, data: bytes, *, force: bool, protect: list) -> None:
    """Temp file in the same folder, fsync, rename; the temp file never survives a failure."""
    where = str(out)
    parent = out.parent if str(out.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{out.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        for p in protect:  # re-check just before the rename
            if p is not None and same_file(out, p):
                raise OutputError(f"would overwrite the input {p}", where=where, hint="choose another output file")
        if force:
            os.replace(tmp, out)
            tmp = None
        else:
            try:
                os.link(tmp, out)  # atomic no-clobber
            except FileExistsError:
                raise OutputError(msg("already exists"), where=where, hint=_FORCE_HINT)
            except OSError:  # no hard links here (FAT, some network shares)
                if out.exists() or out.is_symlink():
                    raise OutputError(msg("already exists"), where=where, hint=_FORCE_HINT)
                os.replace(tmp, out)
                tmp = None
        _fsync_dir(parent)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", where=where)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _write_all(f, data: bytes) -> None:
    """Write in chunks (a test hook, and it keeps interrupts responsive)."""
    view = memoryview(data)
    for off in range(0, len(view), 1 << 20):
        f.write(view[off:off + (1 << 20)])


def _fsync_dir(parent: Path) -> None:
    try:
        fd = os.open(parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- merging zips ---------------------------------------------------------------------


def _raw_data(data: bytes, info: zipfile.ZipInfo) -> bytes:
    off = info.header_offset
    if data[off:off + 4] != b"PK\x03\x04":
        raise ValueError(f"no local header for {info.filename}")
    nlen, xlen = struct.unpack_from("<HH", data, off + 26)
    start = off + 30 + nlen + xlen
    return data[start:start + info.compress_size]


def _rels_key(xml: bytes, rels_name: str) -> set[tuple]:
    """The meaning of a relationships part: (Id, Type, resolved target, external)."""
    try:
        rels = _relationships(xml, rels_name)
    except (DocumentError, etree.XMLSyntaxError):
        return {("unreadable", xml)}
    # 'word/_rels/document.xml.rels' -> base '/word'
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    base = "/" + folder if folder else "/"
    return {(rid, rt, t if ext else posixpath.normpath(posixpath.join(base, t)), ext) for rid, rt, t, ext in rels}


def _merge_bytes(source: SourcePackage, *, drop: set[str] = frozenset(), append: list | None = None,
                 replacements: dict[str, bytes] | None = None) -> bytes:
    """Build a zip: each original entry copied raw, replaced by given bytes (deflated
    afresh) or dropped; then the ``append`` entries, from ``replacements``."""
    replacements = replacements or {}
    w = _ZipWriter()
    for info in source.infos:
        name = info.filename
        if name in replacements:
            w.add_bytes(info, replacements[name])
        elif name in drop:
            continue
        else:
            w.add_raw(info, _raw_data(source.data, info))
    for ninfo in append or []:
        w.add_bytes(ninfo, replacements[ninfo.filename])
    return w.finish()


def _merge_zipfile(source: SourcePackage, *, drop: set[str], append: list, replacements: dict[str, bytes]) -> bytes:
    """The same merge through ``zipfile`` (recompressing), for packages that need zip64."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source.data)) as oz, zipfile.ZipFile(out, "w", allowZip64=True) as wz:
        for info in source.infos:
            name = info.filename
            if name in drop and name not in replacements:
                continue
            body = replacements.get(name)
            if body is None:
                body = oz.read(info)
            clone = _clone_info(info)
            clone.compress_type = info.compress_type
            wz.writestr(clone, body)
        for ninfo in append:
            wz.writestr(_clone_info(ninfo), replacements[ninfo.filename])
    return out.getvalue()


class _ZipWriter:
    """A minimal zip writer that copies compressed data raw (no zip64: falls back)."""

    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.central: list[bytes] = []
        self.fallback: list[tuple[zipfile.ZipInfo, bytes, bool]] = []

    def add_bytes(self, info: zipfile.ZipInfo, body: bytes) -> None:
        c = _zlib.compressobj(6, _zlib.DEFLATED, -15)
        raw = c.compress(body) + c.flush()
        clone = _clone_info(info)
        clone.compress_type = zipfile.ZIP_DEFLATED
        clone.CRC = _zlib.crc32(body) & 0xFFFFFFFF
        clone.file_size = len(body)
        clone.compress_size = len(raw)
        self.add_raw(clone, raw)

    def add_raw(self, info: zipfile.ZipInfo, raw: bytes) -> None:
        i = _clone_info(info)
        name = i.filename.encode("utf-8")
        flags = i.flag_bits & ~0x08  # sizes go in the local header: no data descriptor
        if any(b > 0x7F for b in name):
            flags |= 0x800
        else:
            flags &= ~0x800
        extra = _strip_zip64(i.extra)
        offset = self.out.tell()
        if max(offset, i.compress_size, i.file_size) >= 0xFFFFFFFF or len(self.central) >= 0xFFFF:
            raise _NeedZip64()
        y, mo, d, h, mi, s = i.date_time
        dostime = (h << 11) | (mi << 5) | (s // 2)
        dosdate = (max(y, 1980) - 1980) << 9 | (mo << 5) | d
        version = max(i.extract_version, 20)
        self.out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", version, flags, i.compress_type, dostime,
                                   dosdate, i.CRC, i.compress_size, i.file_size, len(name), len(extra)))
        self.out.write(name)
        self.out.write(extra)
        self.out.write(raw)
        self.central.append(
            struct.pack("<4sBBHHHHHIIIHHHHHII", b"PK\x01\x02", i.create_version, i.create_system, version, flags,
                        i.compress_type, dostime, dosdate, i.CRC, i.compress_size, i.file_size, len(name),
                        len(extra), len(i.comment), 0, i.internal_attr, i.external_attr, offset)
            + name + extra + i.comment)

    def finish(self) -> bytes:
        start = self.out.tell()
        for rec in self.central:
            self.out.write(rec)
        size = self.out.tell() - start
        if start >= 0xFFFFFFFF or size >= 0xFFFFFFFF:
            raise _NeedZip64()
        n = len(self.central)
        self.out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, n, n, size, start, 0))
        return self.out.getvalue()


class _NeedZip64(Exception):
    """The merged package needs zip64; not produced by the raw writer."""


def _clone_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    c = zipfile.ZipInfo(info.filename, info.date_time)
    for attr in ("compress_type", "comment", "extra", "create_system", "create_version", "extract_version",
                 "flag_bits", "internal_attr", "external_attr", "CRC", "compress_size", "file_size"):
        setattr(c, attr, getattr(info, attr, 0))
    return c


def _strip_zip64(extra: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i + 4 <= len(extra):
        hid, ln = struct.unpack_from("<HH", extra, i)
        if hid != 0x0001:
            out += extra[i:i + 4 + ln]
        i += 4 + ln
    return bytes(out)


__all__ = ["Limits", "DEFAULT_LIMITS", "SourcePackage", "open_docx", "vet_docx", "save_docx", "save_parts",
           "write_text_atomic", "write_bytes_atomic", "default_output", "same_file"]
