"""Both outlines of a comparison, NEW's read mostly from OLD's.

The summary names sections on both sides (OLD's for what changed, NEW's for sections
added or renumbered), so both documents are outlined before any revision is written.  Two
of the outline's steps read each block on its own: the scan of a few facts of every block
(style, numbering, text, run formatting: ``sections.scan``) and the rows and columns of
every data table (``sections.tables``); what they read depends on the block's XML alone.
In an edited copy nearly every block of NEW is stored byte for byte as one of OLD's (the
comparison pairs them by those bytes anyway: ``blocks.pair_blocks``), so NEW's outline
takes those blocks' facts and tables from OLD's and reads only the others
(``sections.scan.rescan`` checks its result the way the scan checks its own).  Everything
that depends on a block's place (headings, numbering, sections, captions) is worked out
for NEW as for any document.
"""
from __future__ import annotations

from ..ooxml import W
from ..sections.outline import build
from ..sections.scan import rescan, scan, scan_python


class _Old:
    """OLD read as usual; what was read kept for NEW (``ok``: OLD's outline read the blocks
    that were serialised, so an index in one is an index in the other)."""

    def __init__(self, serialised):
        self.serialised = serialised
        self.facts_read = None
        self.ok = False

    def facts(self, doc, blocks):
        self.ok = _same(blocks, self.serialised.els) and not _wrapped(doc)
        self.facts_read = scan(doc, blocks) or scan_python(blocks)
        return self.facts_read

    def table(self, i):
        return None


class _New:
    """NEW: a block stored byte for byte as one of OLD's is read from OLD's reading."""

    def __init__(self, old: _Old, old_tree, serialised):
        where = {x: i for i, x in enumerate(old.serialised.xml)}
        self.same = [where.get(x) for x in serialised.xml]  # NEW block -> OLD block, or None
        self.old = old
        self.old_tables = {t.block: t for t in old_tree.tables} if old.ok else {}
        self.serialised = serialised
        self.blocks_ok = False

    def facts(self, doc, blocks):
        facts = self.old.facts_read
        self.blocks_ok = _same(blocks, self.serialised.els)
        if not self.old.ok or facts is None or facts.marked is None or not self.blocks_ok or _wrapped(doc):
            return None  # not blocks as serialised, or not the XSLT's reading: the whole scan
        return rescan(blocks, [None if i is None else (facts, i) for i in self.same])

    def table(self, i):
        k = self.same[i] if self.blocks_ok else None
        return self.old_tables.get(k) if k is not None else None


def _same(blocks, els) -> bool:
    return len(blocks) == len(els) and all(a is b for a, b in zip(blocks, els))


def _wrapped(doc) -> bool:
    """Body blocks inside content controls or custom XML: the scan's output is then not
    simply its blocks' outputs one after another."""
    body = doc.element.body
    return body.find(W["sdt"]) is not None or body.find(W["customXml"]) is not None


def both(old_doc, new_doc, old_xml, new_xml):
    """(OLD's outline, NEW's outline).  ``old_xml`` / ``new_xml``: the body blocks of each
    (``blocks.Serialised``), serialised after any revisions were accepted."""
    old = _Old(old_xml)
    tree_old = build(old_doc, reuse=old)
    return tree_old, build(new_doc, reuse=_New(old, tree_old, new_xml))
