"""The revise stage: executes a plan as tracked changes, through the revision-markup writers
of ``markup.py`` (which ``redline compare`` shares).

It knows four moves, each a real Word revision with author and date:

- ``change_text``: characters start:end of a paragraph's displayed text become new
  text (deleted runs wrapped in w:del with w:delText, new runs in w:ins taking the
  formatting of the run they join).
- ``insert_paragraphs``: new paragraphs whose content and paragraph mark are inserted,
  formatted like a model paragraph of the same section.
- ``delete_blocks``: paragraphs (content and mark) and tables (every row) deleted.
- ``add_comment``: a Word comment on a passage, through python-docx's comments part.

Paragraph marks follow Word's rule that the last paragraph of the body (and a paragraph
right before a table) keeps its mark: there the revision moves to the mark before, so
Reject All gives back the original paragraphs exactly and Accept All the intended ones.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from .markup import (  # noqa: F401  (Meta is part of revise's interface)
    REVISION_TAGS, Meta, Revisions, clean_rpr as _clean_rpr, isolate as _isolate, make_runs,
    mark_of as _mark_of, mark_paragraph as _mark_paragraph, split_after as _split_after,
    split_at_all as _split_at_all, split_before as _split_before,
)
from .match import ParagraphText
from .ooxml import W, in_text_box, qn


@dataclass
class Reviser(Revisions):
    """Writes an apply run's revisions into one document (markup.py's writers)."""

    body: etree._Element
    next_id: int = 0
    produced: dict = field(default_factory=dict)  # edit key -> list of elements it produced
    _comments: list | None = field(default=None, repr=False)  # [w:comments, next id, used ids], once made
    keep: set | None = None  # the keys whose produced elements are recorded (None: all)

    def __post_init__(self) -> None:
        # Revision ids share one space with every other w:id-carrying annotation in the
        # part (property changes, custom XML ranges, numbering changes...): start above all.
        self.start_ids(self.body)

    def _record(self, key, *elements) -> None:
        if key is not None and (self.keep is None or key in self.keep):
            self.produced.setdefault(key, []).extend(e for e in elements if e is not None)

    # ------------------------------------------------------------------ text inside a paragraph

    def change_text(self, p: etree._Element, start: int, end: int, new: str, meta: Meta, key=None,
                    text: ParagraphText | None = None) -> None:
        """Characters start:end of ``p``'s displayed text become ``new``, as a tracked change.

        Offsets are in the paragraph's current text (``ParagraphText``); apply several
        changes to one paragraph from the last to the first so offsets stay valid, passing
        the same ``text`` map to each (it is kept up to date, and cut at ``start``)."""
        text = text if text is not None else ParagraphText(p)
        if not 0 <= start <= end <= len(text.text):
            raise ValueError(f"offsets {start}:{end} outside paragraph of {len(text.text)} characters")
        model_run = text.run_at(start - 1) if start > 0 else text.run_at(start)
        if model_run is None:
            model_run = text.run_at(start)
        rpr = _clean_rpr(model_run.find(W["rPr"])) if model_run is not None else None
        anchor = None  # element after which the insertion goes
        if end > start:
            runs = _isolate(p, start, end, self.fresh_id, text)
            dels = self.wrap_deleted(runs, meta)
            self._record(key, *dels)
            anchor = dels[-1]
        if new:
            ins = self.mark("ins", meta)
            for r in make_runs(new, rpr):
                ins.append(r)
            if anchor is None:
                if start > 0:
                    self.place(_split_after(p, start, self.fresh_id, text), ins, after=True)
                else:
                    first = _split_before(p, 0, self.fresh_id, text)
                    if first is None:
                        p.append(ins)
                    else:
                        self.place(first, ins, after=False)
            else:
                self.place(anchor, ins, after=True)
            self._record(key, ins)
        text.truncate(start)  # what lies from ``start`` on is done: later changes come before it

    # ------------------------------------------------------------------ whole paragraphs

    def insert_paragraphs(self, texts: list[str], meta: Meta, *, after: etree._Element | None = None,
                          before: etree._Element | None = None, models: list[etree._Element | None],
                          key=None) -> list[etree._Element]:
        """Insert new paragraphs after ``after`` (or before ``before``), each formatted like
        its model paragraph; content and paragraph mark are tracked insertions."""
        new_ps = []
        for text, model in zip(texts, models):
            p = etree.Element(W["p"])
            ppr = _model_ppr(model)
            p.append(ppr)
            _mark_paragraph(ppr, self.mark("ins", meta))
            ins = self.mark("ins", meta)
            for r in make_runs(text, _model_rpr(model)):
                ins.append(r)
            if len(ins):
                p.append(ins)
            new_ps.append(p)
        if after is not None:
            cursor = after
            for p in new_ps:
                cursor.addnext(p)
                cursor = p
        elif before is not None:
            for p in new_ps:
                before.addprevious(p)
        else:
            raise ValueError("insert_paragraphs needs after= or before=")
        self._record(key, *new_ps)
        return new_ps

    def delete_blocks(self, blocks: list[etree._Element], meta: Meta, key=None) -> None:
        """Delete paragraphs (content and mark) and tables (every row), as revisions."""
        for block in blocks:
            if block.tag == W["p"]:
                self.delete_paragraph(block, meta)
            elif block.tag == W["tbl"]:
                for tr in block.iter(W["tr"]):
                    self.mark_row(tr, "del", meta)
                    for p in tr.iter(W["p"]):
                        if not in_text_box(p):  # a text box goes whole with the run anchoring it
                            self.delete_paragraph(p, meta, mark=False)
            self._record(key, block)


    # ------------------------------------------------------------------ table rows

    def new_row(self, model: etree._Element, cells: list[str], meta: Meta, *, after: bool = True,
                key=None, merges: list[str | None] | None = None) -> etree._Element:
        """A new row beside ``model`` with its row and cell properties, one paragraph a cell
        formatted like the model cell's first paragraph; marked as a row insertion (w:trPr/w:ins),
        its runs and paragraph marks inserted (markup's writers).  ``merges``: per cell, "continue"
        for a cell inside a vertically merged cell, else None (the model's w:vMerge is dropped)."""
        tr = etree.Element(W["tr"])
        for child in model:
            if child.tag in (qn("w:tblPrEx"), qn("w:trPr")):
                copied = copy.deepcopy(child)
                for rev in list(copied.iter(W["ins"], W["del"], qn("w:trPrChange"), qn("w:tblPrExChange"))):
                    rev.getparent().remove(rev)
                tr.append(copied)
        from .sections.tables import row_cells, set_vmerge

        for k, tc_model in enumerate(row_cells(model)):
            tc = etree.SubElement(tr, W["tc"])
            tcpr = tc_model.find(qn("w:tcPr"))
            if tcpr is not None:
                tcpr = copy.deepcopy(tcpr)
                for rev in list(tcpr.iter(qn("w:tcPrChange"), qn("w:cellIns"), qn("w:cellDel"), qn("w:cellMerge"))):
                    rev.getparent().remove(rev)
                tc.append(tcpr)
            set_vmerge(tc, merges[k] if merges and k < len(merges) else None)
            p_model = tc_model.find(W["p"])
            p = etree.SubElement(tc, W["p"])
            p.append(_model_ppr(p_model))
            for r in make_runs(cells[k] if k < len(cells) else "", _model_rpr(p_model)):
                p.append(r)
            self.insert_paragraph_marks(p, meta)
        self.mark_row(tr, "ins", meta)
        if after:
            model.addnext(tr)
        else:
            model.addprevious(tr)
        self._record(key, tr)
        return tr

    # ------------------------------------------------------------------ comments

    def add_comment(self, document, first: etree._Element, last: etree._Element, text: str, meta: Meta) -> None:
        """A Word comment spanning ``first``..``last`` (elements inside paragraphs, or
        paragraphs).  Range markers sit outside revision containers; the reference run
        follows the range end."""
        cid = str(self._new_comment(document, text, meta))
        start = etree.Element(W["commentRangeStart"])
        start.set(W["id"], cid)
        end = etree.Element(W["commentRangeEnd"])
        end.set(W["id"], cid)
        ref_run = etree.Element(W["r"])
        etree.SubElement(ref_run, qn("w:commentReference")).set(W["id"], cid)
        if first.tag == W["p"]:
            # pPr, when there is one, is the first child (CT_P); find() would walk every child,
            # and a paragraph with 10,000 comments has 30,000
            head = next(iter(first), None)
            if head is not None and head.tag == W["pPr"]:
                nxt = head.getnext()
                if nxt is not None:
                    nxt.addprevious(start)
                else:
                    first.append(start)
            else:
                first.insert(0, start)
        else:
            self.place(first, start, after=False)
        if last.tag == W["p"]:
            last.append(end)
            last.append(ref_run)
        else:
            self.place(last, end, after=True)
            end.addnext(ref_run)

    def _new_comment(self, document, text: str, meta: Meta) -> int:
        """A w:comment in the comments part (python-docx makes the part when there is none),
        with ``text`` as its paragraphs, as python-docx's ``add_comment`` writes it; its id
        from a counter started above the part's highest (python-docx looks for the highest
        id on every call: n comments cost O(n^2))."""
        if self._comments is None:
            root = document.comments._comments_elm
            used = [int(v) for v in root.xpath("./w:comment/@w:id") if v.lstrip("-").isdigit()]
            self._comments = [root, max(used, default=-1) + 1, set(used)]
        root, cid, used = self._comments
        while cid in used or cid > 2**31 - 1:  # past the 32-bit range: the first unused from 0
            cid = cid + 1 if cid <= 2**31 - 1 else 0
        used.add(cid)
        self._comments[1] = cid + 1
        comment = etree.SubElement(root, qn("w:comment"))
        comment.set(W["id"], str(cid))
        comment.set(W["author"], meta.author)
        comment.set(qn("w:initials"), _initials(meta.author))
        comment.set(W["date"], meta.date)
        for n, line in enumerate(text.split("\n")):
            p = etree.SubElement(comment, W["p"])
            etree.SubElement(etree.SubElement(p, W["pPr"]), qn("w:pStyle")).set(W["val"], "CommentText")
            if n == 0:
                ref = etree.SubElement(p, W["r"])
                etree.SubElement(etree.SubElement(ref, W["rPr"]), qn("w:rStyle")).set(W["val"], "CommentReference")
                etree.SubElement(ref, qn("w:annotationRef"))
            for r in make_runs(line, None):
                p.append(r)
        return cid

    # ------------------------------------------------------------------ final repair

    def fix_container_ends(self, created: list[etree._Element], deleted: list[etree._Element]) -> None:
        """A paragraph mark that Word cannot revise (the last of the body, or one right
        before a table) must not carry our revision.  As Word does when you press Enter at
        the end of a paragraph, the revision moves to the mark of the nearest paragraph
        before our own run of paragraphs, and the last paragraph takes over that
        paragraph's original mark (properties and any earlier reviewer's revision)."""
        made = {id(p) for p in created}
        gone = {id(p) for p in deleted}
        ours = made | gone
        for p in created + deleted:
            if p.getparent() is None or p.tag != W["p"] or _followed_by_paragraph(p):
                continue
            mark = _mark_of(p, W["ins"]) if id(p) in made else _mark_of(p, W["del"])
            if mark is None:
                continue
            if mark.tag == W["ins"] and self._end_into_deleted(p, made, gone):
                continue
            target = _previous_paragraph(p)
            while target is not None and id(target) in ours:
                target = _previous_paragraph(target)
            if target is None:
                # Nothing before it in this container can carry the mark: a table, a content
                # control (w:sdt) or the container's start comes first.  A deleted mark cannot
                # stay (Word never deletes the last mark; redline check: deleted-final-mark),
                # and moving it into a content control or a table would merge across its
                # boundary: the paragraph keeps its mark, and Accept All leaves it empty.
                if mark.tag == W["del"]:
                    self._unmark(p, mark)
                continue
            if mark.tag == W["ins"] and _mark_of(target, W["del"]) is not None:
                continue  # the draft already deletes that mark (itself malformed): leave ours be
            self._shift_mark_back(p, target, mark)

    @staticmethod
    def _unmark(p: etree._Element, mark: etree._Element) -> None:
        """Take our revision ``mark`` off ``p``'s paragraph mark (an emptied w:rPr goes too)."""
        rpr = mark.getparent()
        rpr.remove(mark)
        if not len(rpr):
            rpr.getparent().remove(rpr)

    def _end_into_deleted(self, p: etree._Element, made: set[int], gone: set[int]) -> bool:
        """New paragraphs that end the body right after paragraphs this run deletes (a
        replaced last passage): the last deleted paragraph's original mark must stay the
        final one.  So it moves to the end and takes the last new paragraph's text after
        its own deleted text, in one paragraph.  True when that was done.  ``made`` and
        ``gone``: ids of the paragraphs this run created and deleted."""
        first = p
        while _previous_paragraph(first) is not None and id(_previous_paragraph(first)) in made:
            first = _previous_paragraph(first)
        last_deleted = _previous_paragraph(first)
        if last_deleted is None or id(last_deleted) not in gone:
            return False
        mark = _mark_of(last_deleted, W["del"])
        if mark is not None:
            mark.getparent().remove(mark)
            rpr = last_deleted.find(W["pPr"]).find(W["rPr"])
            if not len(rpr):
                rpr.getparent().remove(rpr)
        for child in [c for c in p if c.tag != W["pPr"]]:
            last_deleted.append(child)
        p.addprevious(last_deleted)
        p.getparent().remove(p)
        return True

    def _shift_mark_back(self, p: etree._Element, target: etree._Element, mark: etree._Element) -> None:
        """Move ``p``'s mark revision to ``target``'s mark; for an insertion, ``p`` then ends
        with ``target``'s original mark (a copy of its properties and earlier revisions)."""
        ppr = p.find(W["pPr"])
        rpr = ppr.find(W["rPr"])
        rpr.remove(mark)
        if not len(rpr):
            ppr.remove(rpr)
        tppr = target.find(W["pPr"])
        if tppr is None:
            tppr = etree.Element(W["pPr"])
            target.insert(0, tppr)
        if mark.tag == W["ins"]:
            new_ppr = copy.deepcopy(tppr)
            self.renumber(new_ppr)
            for child in list(new_ppr):
                if child.tag == W["sectPr"]:
                    new_ppr.remove(child)
            p.replace(ppr, new_ppr)
            old = tppr.find(W["rPr"])
            if old is not None:
                for rev in [c for c in old if c.tag in (W["ins"], W["del"])]:
                    old.remove(rev)  # moved to the new last paragraph with its copy
        _mark_paragraph(tppr, mark)

    def join_end_insertion(self, before: etree._Element, new_ps: list[etree._Element]) -> None:
        """New paragraphs right after a paragraph whose text ends with an insertion by the
        same author: mark ``before``'s paragraph mark as inserted instead of the last new
        one's (the Enter-at-the-end form).  Both forms mean the same in Word; LibreOffice
        merges the adjacent insertions into one change and, with the other form, rejects
        one paragraph mark too many."""
        if before.tag != W["p"] or not new_ps:
            return
        last_content = next((c for c in reversed(before) if c.tag not in _NON_CONTENT), None)
        mark = _mark_of(new_ps[-1], W["ins"])
        if (last_content is None or last_content.tag != W["ins"] or mark is None
                or last_content.get(W["author"]) != mark.get(W["author"])
                or _mark_of(before, W["ins"]) is not None or _mark_of(before, W["del"]) is not None):
            return
        self._shift_mark_back(new_ps[-1], before, mark)

_NON_CONTENT = {W["pPr"], W["bookmarkStart"], W["bookmarkEnd"], W["commentRangeStart"], W["commentRangeEnd"],
                W["proofErr"]}


def _previous_paragraph(p: etree._Element) -> etree._Element | None:
    """The paragraph before ``p`` in the same container, or None when a table, content
    control or the container's start comes first."""
    prev = p.getprevious()
    while prev is not None and prev.tag != W["p"]:
        if prev.tag in (W["tbl"], W["sdt"]):
            return None
        prev = prev.getprevious()
    return prev


# ---------------------------------------------------------------------------- helpers

def _model_rpr(model: etree._Element | None) -> etree._Element | None:
    """Run properties of the model paragraph's dominant run (the one with most text)."""
    if model is None:
        return None
    best, best_len = None, -1
    for piece_run, length in _run_lengths(model):
        if length > best_len:
            best, best_len = piece_run, length
    if best is None:
        ppr = model.find(W["pPr"])
        mark = ppr.find(W["rPr"]) if ppr is not None else None
        return _clean_rpr(mark)
    return _clean_rpr(best.find(W["rPr"]))


def _run_lengths(p: etree._Element):
    text = ParagraphText(p)
    totals: dict = {}
    order = []
    for piece in text.pieces:
        if piece.run not in totals:
            totals[piece.run] = 0
            order.append(piece.run)
        totals[piece.run] += len(piece.text.strip())
    return [(r, totals[r]) for r in order]


def _model_ppr(model: etree._Element | None) -> etree._Element:
    """A copy of the model's paragraph properties without anything that belongs to that
    paragraph alone: its revisions (mark, numbering, property changes) and a section break."""
    ppr = model.find(W["pPr"]) if model is not None else None
    ppr = copy.deepcopy(ppr) if ppr is not None else etree.Element(W["pPr"])
    for el in list(ppr.iter(*REVISION_TAGS, W["pPrChange"], W["rPrChange"], qn("w:numberingChange"))):
        el.getparent().remove(el)
    for child in list(ppr):
        if child.tag == W["sectPr"]:
            ppr.remove(child)
    rpr = ppr.find(W["rPr"])
    if rpr is not None and not len(rpr):
        ppr.remove(rpr)
    return ppr


def _followed_by_paragraph(p: etree._Element) -> bool:
    """Is the next block after ``p`` a paragraph?  Markers between blocks (bookmarks,
    comment, permission and move ranges, proofing marks, XML comments) are looked past."""
    nxt = p.getnext()
    while nxt is not None and (not isinstance(nxt.tag, str) or nxt.tag not in _BLOCK_TAGS):
        nxt = nxt.getnext()
    return nxt is not None and nxt.tag == W["p"]


_BLOCK_TAGS = {W["p"], W["tbl"], W["sdt"], W["customXml"], W["sectPr"], qn("w:altChunk")}


def _initials(author: str) -> str:
    words = [w for w in author.split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words)[:8]


# ---------------------------------------------------------------------------- the stage

def apply_plan(document, plan, progress=None) -> set[str]:
    """Execute a plan on ``document`` (python-docx Document).  Returns the names of the
    package parts that changed, so the save stage copies every other part byte for byte."""
    from .plan import CommentOn, DeleteBlocks, DeleteRow, NewParagraphs, NewRow, TextChange

    rv = Reviser(document.element.body)
    order = {id(pe): n for n, pe in enumerate(plan.edits)}
    metas = {id(pe): Meta(pe.edit.author, pe.edit.date) for pe in plan.edits}
    # What an edit produced is kept only for an edit whose comment goes on it (step 5): a
    # million hits would otherwise keep two million element proxies alive to the end.
    rv.keep = {id(pe) for pe in plan.edits if any(isinstance(a, CommentOn) and a.first is None for a in pe.actions)}

    # 0. Comments on a passage of a paragraph (a reference a renumbering made stale): its runs
    #    are split out now, while the offsets are those of the original text.
    passages: dict[int, tuple[etree._Element, etree._Element]] = {}
    for pe in plan.edits:
        for a in pe.actions:
            if isinstance(a, CommentOn) and a.start is not None and a.first is not None:
                runs = _isolate(a.first, a.start, a.end, rv.fresh_id)
                if runs:
                    passages[id(a)] = (runs[0], runs[-1])

    # 1. Changes inside paragraphs, from the last offset to the first, so that offsets
    #    computed on the original text stay valid.
    per_paragraph: dict[int, tuple[etree._Element, list]] = {}
    for pe in plan.edits:
        for a in pe.actions:
            if isinstance(a, TextChange):
                per_paragraph.setdefault(id(a.p), (a.p, []))[1].append((a, pe))
    total = len(per_paragraph)
    for done, (p, items) in enumerate(per_paragraph.values(), start=1):
        if progress is not None and done % 50 == 0:
            progress("revise", done, total)
        items.sort(key=lambda it: (it[0].start, it[0].end, order[id(it[1])]), reverse=True)
        # one map of the paragraph for all its changes, cut at every change's ends in one pass
        text = _split_at_all(p, [x for a, _ in items if a.end > a.start or a.new for x in (a.start, a.end)],
                             rv.fresh_id)
        for a, pe in items:
            rv.change_text(p, a.start, a.end, a.new, metas[id(pe)], key=id(pe), text=text)

    # 2. Whole blocks deleted.
    deleted: list[etree._Element] = []
    for pe in plan.edits:
        for a in pe.actions:
            if isinstance(a, DeleteBlocks):
                rv.delete_blocks(a.blocks, metas[id(pe)], key=id(pe))
                deleted.extend(b for b in a.blocks if b.tag == W["p"])

    # 2b. Table rows deleted, then new rows (beside original rows; several after one row stay
    #     in edit order).
    last_row: dict[int, etree._Element] = {}
    for pe in plan.edits:
        for a in pe.actions:
            if isinstance(a, DeleteRow):
                rv.delete_row(a.tr, metas[id(pe)])
                rv._record(id(pe), a.tr)
    for pe in plan.edits:
        for a in pe.actions:
            if isinstance(a, NewRow):
                anchor = last_row.get(id(a.tr), a.tr) if a.after else a.tr
                new_tr = rv.new_row(a.tr, a.cells, metas[id(pe)], after=a.after, key=id(pe), merges=a.merges)
                if a.after:
                    anchor.addnext(new_tr)
                    last_row[id(a.tr)] = new_tr

    # 3. New paragraphs, in edit order; several insertions after one anchor stay in order.
    created: list[etree._Element] = []
    last_after: dict[int, etree._Element] = {}
    for pe in plan.edits:
        for a in pe.actions:
            if isinstance(a, NewParagraphs):
                if a.after is not None:
                    anchor = last_after.get(id(a.after), a.after)
                    new = rv.insert_paragraphs(a.texts, metas[id(pe)], after=anchor, models=a.models, key=id(pe))
                    if anchor is a.after:
                        rv.join_end_insertion(anchor, new)
                    last_after[id(a.after)] = new[-1]
                    last_after[id(new[-1])] = new[-1]
                else:
                    new = rv.insert_paragraphs(a.texts, metas[id(pe)], before=a.before, models=a.models,
                                               key=id(pe))
                created.extend(new)

    # 4. Paragraph marks Word cannot revise (end of body, before a table).
    rv.fix_container_ends(created, deleted)

    # 5. Comments, last: they may anchor on what the edit produced.
    dirty = {document.part.partname.lstrip("/")}
    order_key = None
    for pe in plan.edits:
        for a in pe.actions:
            if isinstance(a, CommentOn):
                first, last = passages.get(id(a), (a.first, a.last))
                if first is None:
                    produced = rv.produced.get(id(pe), [])
                    if not produced:
                        continue
                    if order_key is None:
                        order_key = _document_order(document.element.body)
                    produced = sorted(produced, key=order_key)
                    first, last = produced[0], produced[-1]
                    if first.tag == W["tbl"]:
                        first = next(first.iter(W["p"]))
                    if last.tag == W["tbl"]:
                        last = list(last.iter(W["p"]))[-1]
                rv.add_comment(document, first, last, a.text, metas[id(pe)])
                dirty.update(_comment_parts(document))
    return dirty


def _document_order(body: etree._Element):
    """A sort key in document order for the few elements a comment spans: the block's
    position (from one map of the body's children), then the child indexes inside it."""
    blocks = {el: i for i, el in enumerate(body)}

    def key(el: etree._Element) -> tuple:
        path = []
        while el.getparent() is not None and el.getparent() is not body:
            parent = el.getparent()
            path.append(parent.index(el))
            el = parent
        return (blocks.get(el, -1), path[::-1])

    return key


def _comment_parts(document) -> set[str]:
    part = document.part._comments_part  # created on first use by python-docx
    return {part.partname.lstrip("/"), "[Content_Types].xml", document.part.partname.rels_uri.lstrip("/")}
