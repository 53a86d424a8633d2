"""Two containers of blocks (the body, a cell, a note, a text box): OLD's becomes NEW's.

The blocks are paired by the one alignment core (align.py: equal blocks by patience
anchors, then edited paragraphs and tables by similarity; a paragraph never pairs with a
table).  Then, in document order:

- a pair whose XML is identical: nothing to do (most of a large document);
- paired paragraphs: word-level revisions (paragraphs.py); paired tables: rows (tables.py);
- an unpaired OLD block: deleted (a paragraph with its mark, a table row by row);
- an unpaired NEW block: copied in after the last OLD block seen, inserted (content,
  paragraph mark; a table's every row);
- whole paragraphs that moved (moves.py): w:moveFrom / w:moveTo instead.

At the end, paragraph marks Word cannot revise (a container's last, one before a table)
are settled the way revise does (``Reviser.fix_container_ends``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..align import align
from ..ooxml import W, iter_blocks
from . import moves as moves_mod
from .read import BOX_TAGS, Block, Reader, fingerprint

_INNER_STORIES = BOX_TAGS


@dataclass
class Story:
    """One story part compared: how to read each side, and how to carry NEW's content into
    OLD's part."""

    old: Reader
    new: Reader
    old_part: object
    new_part: object
    transplant: object

    def copy(self, el: etree._Element) -> etree._Element:
        return self.transplant.copy(el, self.new_part, self.old_part)


@dataclass
class Options:
    formatting: bool = True  # w:rPrChange / w:pPrChange where the text is the same
    moves: bool = True  # whole paragraphs moved as w:moveFrom / w:moveTo
    move_min_chars: int = 40  # shorter paragraphs are never shown as moved


@dataclass
class BlockChange:
    """What happened to one top-level block of the body (for the summary and the edits)."""

    kind: str  # "p" or "t"
    status: str  # "equal", "changed", "inserted", "deleted", "moved-from", "moved-to"
    old: int | None  # index in OLD's body blocks
    new: int | None  # index in NEW's body blocks
    old_text: str = ""
    new_text: str = ""
    detail: dict = field(default_factory=dict)
    after: int | None = None  # inserted blocks: the OLD block they follow (None: at the start)


class Comparer:
    """Compares containers; every writer of the comparison hangs off it."""

    def __init__(self, rv, meta, options: Options, transplant):
        self.rv = rv
        self.meta = meta
        self.options = options
        self.transplant = transplant
        self.notes = None  # notes.Notes
        self.boxes = None  # textboxes.Boxes
        self.created: list[etree._Element] = []
        self.deleted: list[etree._Element] = []
        self.moves = 0

    # ------------------------------------------------------------------ containers

    def compare_container(self, story: Story, old_c: etree._Element, new_c: etree._Element,
                          record: list[BlockChange] | None = None,
                          known: tuple[Serialised, Serialised] | None = None) -> bool:
        """Revise OLD's container into NEW's (``known``: both already serialised, see
        ``pair_blocks``).  Returns True when anything changed."""
        from .paragraphs import compare_paragraphs
        from .tables import compare_tables

        ob, nb, pairs, same = pair_blocks(story, old_c, new_c, known)
        moved = moves_mod.find(pairs, ob, nb, self.options) if self.options.moves else {}
        cursor: etree._Element | None = None  # the last OLD block handled
        last_old: int | None = None
        changed = False
        for oi, ni in pairs:
            if oi is not None and ni is not None:
                if oi in same:
                    cursor, last_old = same[oi], oi
                    if record is not None:
                        record.append(BlockChange("p" if same[oi].tag == W["p"] else "t", "equal", oi, ni))
                    continue
                o, n = ob[oi], nb[ni]
                cursor, last_old = o.el, oi
                if o.text == n.text and not o.opaque and self._unchanged(o, n):
                    if record is not None:
                        record.append(BlockChange(o.kind, "equal", oi, ni))
                    continue
                if o.kind == "p":
                    detail = compare_paragraphs(self, story, o.el, n.el)
                else:
                    detail = compare_tables(self, story, o.el, n.el)
                status = "changed" if o.text != n.text else "equal"
                changed = changed or status == "changed" or bool(detail.get("format") or detail.get("props")
                                                                 or detail.get("inner"))
                if record is not None:
                    record.append(BlockChange(o.kind, status, oi, ni, o.text, n.text, detail))
            elif ni is None:
                o = ob[oi]
                cursor, last_old = o.el, oi
                changed = True
                if ("old", oi) in moved:
                    moves_mod.write_from(self, o.el, moved[("old", oi)])
                    status = "moved-from"
                else:
                    self.delete_block(o.el)
                    status = "deleted"
                if record is not None:
                    record.append(BlockChange(o.kind, status, oi, None, o.text, ""))
            else:
                n = nb[ni]
                changed = True
                copied = self.insert_block(story, n.el, old_c, cursor, ob.get(0) or same.get(0),
                                           move=moved.get(("new", ni)))
                cursor = copied
                status = "moved-to" if ("new", ni) in moved else "inserted"
                if record is not None:
                    record.append(BlockChange(n.kind, status, None, ni, "", n.text, after=last_old))
        _end_with_paragraph(old_c)
        return changed

    def _unchanged(self, o: Block, n: Block) -> bool:
        """Blocks with the same text that need no revision: identical XML, or (paragraphs)
        the same formatting stretches (``read.fingerprint``), or formatting ignored."""
        if _same_xml(o.el, n.el):
            return True
        if o.kind != "p" or next(o.el.iter(*_INNER_STORIES), None) is not None:
            return False  # a table's cells, a note's or text box's contents may differ
        return not self.options.formatting or fingerprint(o.el) == fingerprint(n.el)

    # ------------------------------------------------------------------ whole blocks

    def delete_block(self, el: etree._Element) -> None:
        if el.tag == W["p"]:
            self.rv.delete_paragraph(el, self.meta)
            self.deleted.append(el)
        else:
            self.rv.delete_table(el, self.meta)

    def insert_block(self, story: Story, new_el: etree._Element, old_c: etree._Element,
                     cursor: etree._Element | None, first, move: str | None = None) -> etree._Element:
        """Copy NEW's block in after ``cursor`` (None: before OLD's ``first`` block, a Block
        or an element, or at the container's start when it has none), inserted."""
        copied = story.copy(new_el)
        if cursor is not None:
            cursor.addnext(copied)
        elif first is not None:
            (first.el if isinstance(first, Block) else first).addprevious(copied)
        else:
            _append_block(old_c, copied)
        if copied.tag == W["p"]:
            if move is not None:
                moves_mod.write_to(self, copied, move)
            else:
                self.rv.insert_paragraph_marks(copied, self.meta)
            self.created.append(copied)
        else:
            self.rv.insert_table(copied, self.meta)
        return copied

    def replace_paragraph(self, story: Story, old_p: etree._Element, new_p: etree._Element) -> None:
        """Delete OLD's paragraph whole and insert NEW's after it."""
        self.delete_block(old_p)
        copied = story.copy(new_p)
        old_p.addnext(copied)
        self.rv.insert_paragraph_marks(copied, self.meta)
        self.created.append(copied)

    def finish(self) -> None:
        self.rv.fix_container_ends(self.created, self.deleted)


def _same_xml(a: etree._Element, b: etree._Element) -> bool:
    return etree.tostring(a) == etree.tostring(b)


@dataclass
class Serialised:
    """A container's blocks and each one's XML as bytes: what pairing compares first.  The
    body's are made once, before the outlines, which reuse them (comparison.outlines)."""

    els: list[etree._Element]
    xml: list[bytes]


def serialise(container: etree._Element) -> Serialised:
    els = list(iter_blocks(container))
    return Serialised(els, [etree.tostring(el, encoding="UTF-8") for el in els])


def pair_blocks(story: Story, old_c: etree._Element, new_c: etree._Element,
                known: tuple[Serialised, Serialised] | None = None):
    """Pair the blocks of two containers in two passes: blocks whose XML is byte for byte the
    same (patience anchors over the serialised blocks: in an edited copy, nearly all of
    them, and no text needs reading), then, inside each gap, blocks by comparison text and
    similarity (align.py).  ``known``: both containers already serialised, unchanged since.
    Returns (OLD's blocks read, NEW's blocks read, as dicts by index for the gaps; the
    pairs; {OLD index: element} of the identical pairs)."""
    from ..align import equal_runs

    old_s, new_s = known or (serialise(old_c), serialise(new_c))
    o_els, n_els, o_xml, n_xml = old_s.els, new_s.els, old_s.xml, new_s.xml
    ob: dict[int, Block] = {}
    nb: dict[int, Block] = {}
    same: dict[int, etree._Element] = {}
    pairs: list[tuple] = []
    for tag, i1, i2, j1, j2 in equal_runs(o_xml, n_xml):
        if tag == "equal":
            for k in range(i2 - i1):
                same[i1 + k] = o_els[i1 + k]
                pairs.append((i1 + k, j1 + k))
            continue
        olds = [story.old.block(el) for el in o_els[i1:i2]]
        news = [story.new.block(el) for el in n_els[j1:j2]]
        ob.update(zip(range(i1, i2), olds))
        nb.update(zip(range(j1, j2), news))
        for a, b in align([x.text for x in olds], [x.text for x in news],
                          old_kinds=[x.kind for x in olds], new_kinds=[x.kind for x in news]):
            pairs.append((None if a is None else i1 + a, None if b is None else j1 + b))
    return ob, nb, pairs, same


def _append_block(container: etree._Element, el: etree._Element) -> None:
    last = container[-1] if len(container) else None
    if last is not None and last.tag == W["sectPr"]:
        last.addprevious(el)
    else:
        container.append(el)


def _end_with_paragraph(container: etree._Element) -> None:
    """A cell (and a note, a text box) must end with a paragraph: when NEW's last block was
    a table copied after OLD's last paragraph was deleted, an empty paragraph closes it."""
    if container.tag not in (W["tc"], "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"):
        return
    blocks = [c for c in container if c.tag in (W["p"], W["tbl"])]
    if blocks and blocks[-1].tag == W["tbl"]:
        blocks[-1].addnext(etree.Element(W["p"]))
