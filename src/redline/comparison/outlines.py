"""Both outlines of a comparison, NEW's read mostly from OLD's.

The summary names sections on both sides (OLD's for what changed, NEW's for sections
added or renumbered), so both documents are outlined before any revision is written.  The
outline's costliest step reads a few facts of every block (style, numbering, text, run
formatting: ``sections.scan``), and a block's facts depend on its XML alone.  In an
edited copy nearly every block of NEW is stored byte for byte as one of OLD's (the
comparison pairs them by those bytes anyway: ``blocks.pair_blocks``), so NEW's outline
takes those blocks' facts from OLD's scan and reads only the others
(``sections.scan.rescan``, which checks its result the way the scan checks its own).
"""
from __future__ import annotations

from ..ooxml import W
from ..sections.outline import build
from ..sections.scan import rescan, scan, scan_python


def both(old_doc, new_doc, old_xml, new_xml):
    """(OLD's outline, NEW's outline).  ``old_xml`` / ``new_xml``: the body blocks of each
    (``blocks.Serialised``), serialised after any revisions were accepted."""
    kept = {}

    def keep(doc, blocks):  # OLD: the usual scan, remembered
        kept["facts"] = scan(doc, blocks) or scan_python(blocks)
        kept["blocks"] = blocks
        return kept["facts"]

    def reuse(doc, blocks):  # NEW: OLD's facts for the blocks OLD holds byte for byte
        facts = kept.get("facts")
        body = doc.element.body
        if (facts is None or facts.marked is None or len(blocks) != len(new_xml.els)
                or body.find(W["sdt"]) is not None or body.find(W["customXml"]) is not None
                or any(a is not b for a, b in zip(blocks, new_xml.els))
                or len(kept["blocks"]) != len(old_xml.els)
                or any(a is not b for a, b in zip(kept["blocks"], old_xml.els))):
            return None  # blocks read another way than serialised: the whole scan
        where = {x: i for i, x in enumerate(old_xml.xml)}
        return rescan(blocks, [(facts, where[x]) if x in where else None for x in new_xml.xml])

    return build(old_doc, read_facts=keep), build(new_doc, read_facts=reuse)
