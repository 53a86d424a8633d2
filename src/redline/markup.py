"""Revision markup: the low-level writers of every tracked change redline makes.

``redline apply`` (revise.py) and ``redline compare`` (comparison/) both write through
here, so a revision looks the same whoever asked for it:

- ids and attribution: ``Revisions`` hands out w:id values unique across the parts it
  was given (revision ids share one space with every other w:id annotation: comments,
  bookmarks, property changes...), and stamps w:author / w:date (``Meta``);
- text: ``wrap_deleted`` puts runs (and equations, whole) in w:del (or w:moveFrom) with
  w:delText, ``place``
  puts new content at paragraph level, splitting another reviewer's revision around it;
  run splitting at a character offset (``split_run``, ``isolate``);
- paragraph marks: ``mark_paragraph`` (w:pPr/w:rPr/w:ins|w:del|w:moveFrom|w:moveTo, in
  schema order), ``delete_paragraph``;
- table rows: ``mark_row`` (w:trPr/w:ins|w:del), ``delete_table``, ``insert_row``;
- properties: ``change_run_properties`` (w:rPrChange), ``change_paragraph_properties``
  (w:pPrChange): the new properties in force, the old ones recorded for Reject;
- moves: ``move_range`` (w:moveFromRangeStart/End, w:moveToRangeStart/End, one name
  for both ends of a move).

Nothing here decides *what* changes; callers do.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from .match import ParagraphText, current_content
from .ooxml import MATH_ZONES, TXBX, W, qn

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REVISION_TAGS = {W["ins"], W["del"], W["moveFrom"], W["moveTo"]}
# Children of w:pPr that must come after w:rPr (schema order).
_PPR_AFTER_RPR = {W["sectPr"], W["pPrChange"]}

# Every WordprocessingML element whose type has a w:id attribute (read from the ISO 29500
# transitional schema, wml.xsd: the CT_Markup family, bookmarks, revisions and more), but
# w:tc: a cell's optional w:id is a string identifier of the cell, not an annotation id, and
# a table-heavy draft has tens of thousands of cells.
ID_TAGS = tuple(qn("w:" + name) for name in (
    "bookmarkEnd", "bookmarkStart", "cellDel", "cellIns", "cellMerge", "comment", "commentRangeEnd",
    "commentRangeStart", "commentReference", "customXmlDelRangeEnd", "customXmlDelRangeStart",
    "customXmlInsRangeEnd", "customXmlInsRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveFromRangeStart",
    "customXmlMoveToRangeEnd", "customXmlMoveToRangeStart", "del", "div", "eastAsianLayout", "endnote",
    "endnoteReference", "fitText", "footnote", "footnoteReference", "ins", "moveFrom", "moveFromRangeEnd",
    "moveFromRangeStart", "moveTo", "moveToRangeEnd", "moveToRangeStart", "numberingChange", "pPrChange",
    "permEnd", "permStart", "rPrChange", "sectPrChange", "tblGridChange", "tblPrChange", "tblPrExChange",
    "tcPrChange", "trPrChange"))

_TRPR, _TBLPREX, _TRPRCHANGE = qn("w:trPr"), qn("w:tblPrEx"), qn("w:trPrChange")
# w:rPr children that are revision markers, not formatting
_RPR_MARKERS = {W["ins"], W["del"], W["moveFrom"], W["moveTo"], W["rPrChange"]}
# CT_PPrBase: the order of w:pPr's property children (a w:pPrChange's w:pPr holds only these)
_PPR_ORDER = [qn("w:" + n) for n in (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
    "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle").split()]
_PPR_RANK = {tag: k for k, tag in enumerate(_PPR_ORDER)}


@dataclass(frozen=True)
class Meta:
    """Who made a revision and when (w:author, w:date)."""

    author: str
    date: str  # ISO 8601, UTC, e.g. 2022-07-15T08:00:00Z


def highest_id(*roots: etree._Element) -> int:
    """The highest integer w:id of an annotation in ``roots`` (0 when none).  iter() over
    the tags that may carry one matches names in C, without looking at the million other
    attributes of a large body (an XPath for @w:id does)."""
    top = 0
    for root in roots:
        ids = (el.get(W["id"]) for el in root.iter(*ID_TAGS))
        top = max(top, max((int(v) for v in ids if v is not None and v.lstrip("-").isdigit()), default=0))
    return top


class Revisions:
    """Writes revision markup; hands out revision ids unique across the parts scanned."""

    next_id: int = 0

    def start_ids(self, *roots: etree._Element) -> None:
        """Start above every w:id already in ``roots`` (and above ``next_id``)."""
        self.next_id = max(self.next_id, highest_id(*roots) + 1)

    def fresh_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def mark(self, tag: str, meta: Meta) -> etree._Element:
        """A revision element (w:ins, w:del, w:moveFrom, w:moveTo, w:rPrChange, ...) with
        a fresh id, author and date, not yet placed."""
        el = etree.Element(W[tag] if tag in W else qn("w:" + tag))
        el.set(W["id"], str(self.fresh_id()))
        el.set(W["author"], meta.author)
        el.set(W["date"], meta.date)
        return el

    def renumber(self, el: etree._Element) -> None:
        """Fresh ids for every annotation in a copied element."""
        for node in el.iter(*ID_TAGS):
            if node.get(W["id"]) is not None and node.tag not in (qn("w:footnoteReference"),
                                                                   qn("w:endnoteReference"),
                                                                   qn("w:commentReference")):
                node.set(W["id"], str(self.fresh_id()))

    # ------------------------------------------------------------------ text

    def wrap_deleted(self, runs: list[etree._Element], meta: Meta, tag: str = "del") -> list[etree._Element]:
        """Put ``runs`` in w:del (or w:moveFrom), adjacent runs of one parent in one
        wrapper; their text becomes w:delText (a move keeps w:t, as Word writes it).  An
        equation (m:oMath, m:oMathPara) among them is wrapped whole, as Open-XML-PowerTools'
        comparer writes it: pandoc honours that form on accept and reject alike, where the
        m:r/w:del form inside the equation is hidden by its math reader in both views."""
        wrappers: list[etree._Element] = []
        current = None
        for run in runs:
            if current is not None and run.getprevious() is current and run.getparent() is current.getparent():
                current.append(run)
                if tag == "del":
                    to_deleted_text(run)
                continue
            current = self.mark(tag, meta)
            run.addprevious(current)  # O(1): parent.index(run) made k deletions in one paragraph cost O(k^2)
            current.append(run)
            if tag == "del":
                to_deleted_text(run)
            wrappers.append(current)
        return wrappers

    def place(self, anchor: etree._Element, el: etree._Element, *, after: bool) -> None:
        """Put ``el`` right after (before) ``anchor`` at paragraph level.  When ``anchor`` sits
        inside another revision (an earlier reviewer's w:ins), that revision is split in
        two around the new element, so the new text lands exactly at the anchor."""
        node = anchor
        while node.getparent() is not None and node.getparent().tag in REVISION_TAGS:
            parent = node.getparent()
            # the children that go after the new element, and whether any stay before it
            # (only the tail is listed: splitting one container k times from its end is O(k))
            moving = list(node.itersiblings()) if after else [node, *node.itersiblings()]
            if moving and (after or node.getprevious() is not None):
                twin = etree.Element(parent.tag, dict(parent.attrib))
                twin.set(W["id"], str(self.fresh_id()))
                for c in moving:
                    twin.append(c)
                parent.addnext(twin)
                after = True
            node = parent
        if after:
            node.addnext(el)
        else:
            node.addprevious(el)

    # ------------------------------------------------------------------ paragraphs

    def delete_paragraph(self, p: etree._Element, meta: Meta, mark: bool = True, tag: str = "del") -> None:
        """Delete (or move away) a paragraph's displayed content and, with ``mark``, its mark.

        A run anchoring a text box is not wrapped: the box's own paragraphs are deleted
        instead, in the mc:Choice and the mc:Fallback alike (``delete_text_boxes``), so
        every program shows the same text, and Reject All gives it back in every reader
        (pandoc does not look inside a drawing in a deleted run).  The emptied frame stays."""
        runs = list(current_content(p))
        boxed = [r for r in runs if any(True for _ in r.iter(TXBX))]
        if boxed:
            runs = [r for r in runs if not any(r is b for b in boxed)]
            for r in boxed:
                self.delete_text_boxes(r, meta, tag)
        if runs:
            self.wrap_deleted(runs, meta, tag)
        if mark:
            mark_paragraph(_ppr(p), self.mark(tag, meta))

    def delete_text_boxes(self, run: etree._Element, meta: Meta, tag: str = "del") -> None:
        """Delete the text of every text box ``run`` anchors: each copy (Choice, Fallback)
        revised alike, every paragraph's content and every mark but the box's last (a
        story's last mark is never deleted, as a cell's)."""
        for box in list(run.iter(TXBX)):
            if _boxed_below(box, run):
                continue  # a box inside a box: deleted through its own anchoring run
            direct = [c for c in box if c.tag == W["p"]]
            for inner in list(box.iter(W["p"])):
                if _boxed_below(inner, box):
                    continue  # in a nested box: deleted with its own anchoring run
                self.delete_paragraph(inner, meta, mark=inner.getparent() is box and inner is not direct[-1],
                                      tag=tag)

    def insert_paragraph_marks(self, p: etree._Element, meta: Meta, tag: str = "ins") -> None:
        """A new paragraph (copied in): every run it displays in one w:ins (or w:moveTo) at
        its level, and its mark inserted.  Runs inside hyperlinks, fields and content
        controls get their own wrapper inside the container (a w:ins cannot hold one)."""
        self.wrap_inserted(p, meta, tag)
        mark_paragraph(_ppr(p), self.mark(tag, meta))

    def wrap_inserted(self, container: etree._Element, meta: Meta, tag: str = "ins") -> None:
        """Wrap every run and equation of ``container`` (a paragraph, hyperlink, field...)
        that is not yet inside a revision in w:ins / w:moveTo, adjacent ones of one parent
        together (an equation whole: see ``wrap_deleted``)."""
        group: list[etree._Element] = []

        def flush():
            if group:
                wrapper = self.mark(tag, meta)
                group[0].addprevious(wrapper)
                for r in group:
                    wrapper.append(r)
                group.clear()

        for c in list(container):
            t = c.tag
            if t == W["r"] or t in MATH_ZONES:
                group.append(c)
                continue
            if t in (W["bookmarkStart"], W["bookmarkEnd"], W["proofErr"]) and group:
                group.append(c)  # markers between runs may sit inside a w:ins
                continue
            flush()
            if t in (W["hyperlink"], W["fldSimple"], W["smartTag"], W["customXml"], W["sdt"],
                     W["sdtContent"]):
                self.wrap_inserted(c, meta, tag)
        while group and group[-1].tag != W["r"] and group[-1].tag not in MATH_ZONES:
            group.pop()
        flush()

    # ------------------------------------------------------------------ tables

    def mark_row(self, tr: etree._Element, tag: str, meta: Meta) -> None:
        """A row revision: w:trPr/w:ins or w:trPr/w:del (before any w:trPrChange)."""
        trpr = tr.find(_TRPR)
        if trpr is None:
            trpr = etree.Element(_TRPR)
            tr.insert(1 if tr.find(_TBLPREX) is not None else 0, trpr)
        if not any(c.tag not in (W["ins"], W["del"], _TRPRCHANGE) for c in trpr):
            # CT_TrPr needs one row property before its revision marks (its choice has minOccurs
            # 1; openxml-audit reports a bare one); "may split across pages", the default, changes
            # nothing
            etree.SubElement(trpr, qn("w:cantSplit")).set(W["val"], "off")
        change = trpr.find(_TRPRCHANGE)
        if change is not None:
            change.addprevious(self.mark(tag, meta))
        else:
            trpr.append(self.mark(tag, meta))

    def delete_row(self, tr: etree._Element, meta: Meta) -> None:
        """A deleted row: the row mark and every run in it (nested tables included)."""
        self.mark_row(tr, "del", meta)
        for p in tr.iter(W["p"]):
            self.delete_paragraph(p, meta, mark=False)

    def insert_row(self, tr: etree._Element, meta: Meta) -> None:
        """An inserted row (already in place): the row mark and every run in it inserted."""
        self.mark_row(tr, "ins", meta)
        for p in tr.iter(W["p"]):
            self.wrap_inserted(p, meta)
        for inner in tr.iter(qn("w:tr")):
            if inner is not tr:
                self.mark_row(inner, "ins", meta)

    def delete_table(self, tbl: etree._Element, meta: Meta) -> None:
        for tr in tbl.findall(qn("w:tr")):
            self.delete_row(tr, meta)

    def insert_table(self, tbl: etree._Element, meta: Meta) -> None:
        for tr in tbl.findall(qn("w:tr")):
            self.insert_row(tr, meta)

    # ------------------------------------------------------------------ properties

    def change_run_properties(self, run: etree._Element, new_rpr: etree._Element | None, meta: Meta) -> None:
        """Give ``run`` the formatting ``new_rpr`` and record its old formatting in a
        w:rPrChange (an earlier reviewer's record of the original is kept instead)."""
        old = run.find(W["rPr"])
        earlier = old.find(W["rPrChange"]) if old is not None else None
        rpr = etree.Element(W["rPr"])
        if old is not None:
            for c in old:
                if c.tag in (W["ins"], W["del"], W["moveFrom"], W["moveTo"]):
                    rpr.append(copy.deepcopy(c))
        for c in (new_rpr if new_rpr is not None else ()):
            if c.tag not in _RPR_MARKERS:
                rpr.append(copy.deepcopy(c))
        if earlier is not None:
            rpr.append(earlier)
        else:
            change = self.mark("rPrChange", meta)
            was = etree.SubElement(change, W["rPr"])
            for c in (old if old is not None else ()):
                if c.tag not in _RPR_MARKERS:
                    was.append(copy.deepcopy(c))
            rpr.append(change)
        if old is not None:
            run.replace(old, rpr)
        else:
            run.insert(0, rpr)

    def change_paragraph_properties(self, p: etree._Element, new_ppr: etree._Element | None, meta: Meta) -> None:
        """Give ``p`` the paragraph properties of ``new_ppr`` (its mark's run properties and
        section break stay ``p``'s own) and record the old ones in a w:pPrChange."""
        old = _ppr(p)
        earlier = old.find(W["pPrChange"])
        keep_mark = old.find(W["rPr"])
        keep_sect = old.find(W["sectPr"])
        ppr = etree.Element(W["pPr"])
        for c in (new_ppr if new_ppr is not None else ()):
            if c.tag in _PPR_RANK:
                ppr.append(copy.deepcopy(c))
        if keep_mark is not None:
            ppr.append(keep_mark)
        if keep_sect is not None:
            ppr.append(keep_sect)
        if earlier is not None:
            ppr.append(earlier)
        else:
            change = self.mark("pPrChange", meta)
            was = etree.SubElement(change, W["pPr"])
            for c in old:
                if c.tag in _PPR_RANK:
                    was.append(copy.deepcopy(c))
            ppr.append(change)
        p.replace(old, ppr)

    # ------------------------------------------------------------------ moves

    def move_range(self, kind: str, name: str, meta: Meta) -> tuple[etree._Element, etree._Element]:
        """The start and end markers of one side of a move (``kind``: "moveFrom" or
        "moveTo"); both sides of one move share ``name``."""
        start = self.mark(kind + "RangeStart", meta)
        start.set(qn("w:name"), name)
        end = etree.Element(qn(f"w:{kind}RangeEnd"))
        end.set(W["id"], start.get(W["id"]))
        return start, end


# ---------------------------------------------------------------------------- element helpers

def _ppr(p: etree._Element) -> etree._Element:
    ppr = p.find(W["pPr"])
    if ppr is None:
        ppr = etree.Element(W["pPr"])
        p.insert(0, ppr)
    return ppr


def make_runs(text: str, rpr: etree._Element | None) -> list[etree._Element]:
    """Runs for ``text`` with a copy of ``rpr``; tabs become w:tab, newlines w:br."""
    runs = []
    if not text:
        return runs
    r = etree.Element(W["r"])
    if rpr is not None and len(rpr):
        r.append(copy.deepcopy(rpr))
    buf = []

    def flush():
        if buf:
            t = etree.SubElement(r, W["t"])
            t.text = "".join(buf)
            t.set(XML_SPACE, "preserve")
            buf.clear()

    if "\t" not in text and "\n" not in text:  # the usual case, without a Python step per character
        buf.append(text)
        flush()
        return [r]
    for ch in text:
        if ch == "\t":
            flush()
            etree.SubElement(r, W["tab"])
        elif ch == "\n":
            flush()
            etree.SubElement(r, W["br"])
        else:
            buf.append(ch)
    flush()
    runs.append(r)
    return runs


def clean_rpr(rpr: etree._Element | None) -> etree._Element | None:
    """A copy of run properties without revision records and without the reference
    styles of comment / note marks (new text must not look like a footnote number)."""
    if rpr is None:
        return None
    out = copy.deepcopy(rpr)
    for child in list(out):
        if child.tag in _RPR_MARKERS or \
                child.tag == qn("w:rStyle") and \
                child.get(W["val"]) in ("CommentReference", "FootnoteReference", "EndnoteReference"):
            out.remove(child)
    return out


def mark_paragraph(ppr: etree._Element, mark: etree._Element) -> None:
    """Put an ins/del/moveFrom/moveTo mark on the paragraph mark (w:pPr/w:rPr/...), in
    schema order (CT_ParaRPr: ins, del, moveFrom, moveTo, then formatting)."""
    rpr = ppr.find(W["rPr"])
    if rpr is None:
        rpr = etree.Element(W["rPr"])
        after = [c for c in ppr if c.tag in _PPR_AFTER_RPR]
        if after:
            after[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    order = [W["ins"], W["del"], W["moveFrom"], W["moveTo"]]
    rank = order.index(mark.tag)
    existing = [c for c in rpr if c.tag in order]
    before = [c for c in existing if order.index(c.tag) <= rank]
    if before:
        before[-1].addnext(mark)
    else:
        rpr.insert(0, mark)


def mark_of(p: etree._Element, tag: str):
    """The paragraph mark's revision of kind ``tag`` (w:ins, w:del ...), or None."""
    ppr = p.find(W["pPr"])
    rpr = ppr.find(W["rPr"]) if ppr is not None else None
    return rpr.find(tag) if rpr is not None else None


def to_deleted_text(run: etree._Element) -> None:
    """w:t -> w:delText and w:instrText -> w:delInstrText inside a run being deleted.

    A text box anchored in the run (its w:txbxContent, in an mc:AlternateContent's Choice
    and Fallback alike) is a story of its own: deleting the run deletes the shape whole,
    and its paragraphs keep their w:t.  Turning them into w:delText would put deleted text
    in paragraphs with no w:del of their own, which Reject All then loses (pandoc)."""
    boxed = any(True for _ in run.iter(TXBX))
    for el in run.iter(W["t"], W["instrText"]):
        if boxed and _boxed_below(el, run):
            continue
        el.tag = W["delText"] if el.tag == W["t"] else W["delInstrText"]
        if el.text and (el.text != el.text.strip()):
            el.set(XML_SPACE, "preserve")


def _boxed_below(el: etree._Element, top: etree._Element) -> bool:
    """Is there a w:txbxContent between ``el`` and its ancestor ``top``?"""
    for a in el.iterancestors():
        if a is top:
            return False
        if a.tag == TXBX:
            return True
    return False


def _sibling_run(run: etree._Element, rpr: etree._Element | None, fresh) -> etree._Element:
    """An empty run with ``run``'s attributes and a copy of its properties ``rpr``, where a
    formatting revision gets a ``fresh()`` id: the second half of a split run."""
    new = etree.Element(W["r"], dict(run.attrib))
    if rpr is not None:
        rpr = copy.deepcopy(rpr)
        for node in rpr.iter():
            if node.get(W["id"]) is not None:
                node.set(W["id"], str(fresh()))
        new.append(rpr)
    return new


def split_run(run: etree._Element, child: etree._Element, offset: int, fresh) -> etree._Element:
    """Split ``run`` so that text from ``offset`` inside ``child`` on moves to a new run
    (same properties; a formatting revision in them gets a ``fresh()`` id) placed right
    after it.  Returns the new run."""
    new = _sibling_run(run, run.find(W["rPr"]), fresh)
    moving = False
    for c in list(run):
        if c is child:
            moving = True
            if offset > 0:
                text = c.text or ""
                tail = etree.SubElement(new, c.tag)
                tail.text = text[offset:]
                tail.set(XML_SPACE, "preserve")
                c.text = text[:offset]
                c.set(XML_SPACE, "preserve")
                continue
        if moving and c.tag != W["rPr"]:
            new.append(c)
    run.addnext(new)
    return new


def split_at_all(p: etree._Element, offsets, fresh) -> ParagraphText:
    """Make every offset in ``offsets`` a run boundary in one pass, and return the
    paragraph's new map.  Each run is cut once at all its offsets, so each of its
    characters is copied once: cutting one long w:t at k offsets one at a time copies
    its prefix k times (10,000 hits in a 150 KB paragraph: 7 s of string copies)."""
    text = ParagraphText(p)
    cuts = sorted({o for o in offsets if 0 < o < len(text.text)})
    if not cuts:
        return text
    by_run: dict[etree._Element, dict[etree._Element, list[int]]] = {}
    ci = 0
    for piece in text.pieces:
        end = piece.start + len(piece.text)
        while ci < len(cuts) and cuts[ci] < end:
            if cuts[ci] >= piece.start:
                by_run.setdefault(piece.run, {}).setdefault(piece.child, []).append(cuts[ci] - piece.start)
            ci += 1
        if ci == len(cuts):
            break
    for run, children in by_run.items():
        _cut_run(run, children, fresh)
    return ParagraphText(p)


def _cut_run(run: etree._Element, cuts: dict[etree._Element, list[int]], fresh) -> None:
    """Cut ``run`` into consecutive runs: before child c when 0 is in ``cuts[c]``, inside a
    text child at its other offsets.  The first part stays in ``run``; each later part is a
    new run with the same properties (a formatting revision in them gets a ``fresh()`` id)."""
    parts: list[list[etree._Element]] = [[]]
    for c in [c for c in run if c.tag != W["rPr"]]:
        ks = cuts.get(c)
        if not ks:
            parts[-1].append(c)
            continue
        if ks[0] == 0:
            if parts[-1]:
                parts.append([])
            ks = ks[1:]
        if not ks:
            parts[-1].append(c)
            continue
        whole = c.text or ""
        bounds = [0, *ks, len(whole)]
        for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
            if n == 0:
                el = c
            else:
                el = etree.Element(c.tag)
                parts.append([])
            el.text = whole[a:b]
            el.set(XML_SPACE, "preserve")
            parts[-1].append(el)
    cursor = run
    rpr = run.find(W["rPr"])
    for part in parts[1:]:
        new = _sibling_run(run, rpr, fresh)
        for el in part:
            new.append(el)
        cursor.addnext(new)
        cursor = new


def split_at(p: etree._Element, offset: int, fresh, text: ParagraphText | None = None) -> None:
    """Make ``offset`` of the paragraph's displayed text fall on a run boundary.  ``text``,
    when given, is the paragraph's map, kept up to date (see ``ParagraphText.split_piece``)."""
    text = text if text is not None else ParagraphText(p)
    i = text.index_at(offset)
    if i is None:
        return
    piece = text.pieces[i]
    if piece.start < offset:
        new = split_run(piece.run, piece.child, offset - piece.start, fresh)
        text.split_piece(i, offset, new, next(c for c in new if c.tag != W["rPr"]))
        return
    # boundary inside a run (between two children): split before this child
    run = piece.run
    first_text_child = next((c for c in run if c.tag != W["rPr"]), None)
    if first_text_child is not piece.child:
        text.split_piece(i, offset, split_run(run, piece.child, 0, fresh), None)


def isolate(p: etree._Element, start: int, end: int, fresh, text: ParagraphText | None = None) -> list[etree._Element]:
    """Split runs so that start:end is covered by whole runs; return those runs."""
    text = text if text is not None else ParagraphText(p)
    split_at(p, end, fresh, text)
    split_at(p, start, fresh, text)
    runs: list[etree._Element] = []
    for piece in text.pieces[text.first_from(start):]:
        if piece.start + len(piece.text) > end:
            break
        if not runs or runs[-1] is not piece.run:
            runs.append(piece.run)
    return runs


def split_after(p: etree._Element, offset: int, fresh, text: ParagraphText | None = None) -> etree._Element:
    """Split at ``offset`` and return the run that ends there."""
    text = text if text is not None else ParagraphText(p)
    split_at(p, offset, fresh, text)
    i = text.first_from(offset) - 1  # pieces are contiguous: the one before ``offset`` ends there
    return text.pieces[i].run if i >= 0 else None


def split_before(p: etree._Element, offset: int, fresh, text: ParagraphText | None = None) -> etree._Element | None:
    """Split at ``offset`` and return the run that starts there (None at the end)."""
    text = text if text is not None else ParagraphText(p)
    split_at(p, offset, fresh, text)
    i = text.first_from(offset)
    return text.pieces[i].run if i < len(text.pieces) else None
