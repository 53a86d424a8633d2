"""The plan stage: resolve every edit against the ORIGINAL draft and decide exactly what
changes, before anything is written.

Each edit becomes a ``PlannedEdit``: its target section and a list of actions in terms of
the original document (``TextChange`` inside a paragraph, ``NewParagraphs``,
``DeleteBlocks``, ``CommentOn``).  Any edit that cannot be resolved raises, naming the
edit; two edits that touch the same text are a conflict.  The revise stage then only
executes actions; the summary reads them.
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from . import diff as wdiff
from .align import align
from .edits import Edit, operation_name
from .errors import ConflictError, EditsError, ResolveError, Warning, location
from .messages import joined, msg, render
from .match import Finder, displayed_text, normal_view, quick_text, sentence_key, sentences, word_index
from .model import Outline, Section
from .ooxml import TXBX, W, in_text_box
from .text import clean, is_bullet

SPECIAL_TARGETS = {"*": "*", "title": "title", "preamble": "preamble", "closing": "closing"}


# ---------------------------------------------------------------------------- actions

@dataclass(slots=True)
class TextChange:
    """Characters start:end of paragraph ``p``'s current text become ``new``.

    One per hit (a million for a phrase replaced a million times): slots, not a dict per
    instance, keep it at ~100 bytes."""

    edit: Edit
    p: etree._Element
    block: int
    start: int
    end: int
    new: str
    old: str = ""


@dataclass
class NewParagraphs:
    """New paragraphs after ``after`` or before ``before`` (elements of the original)."""

    edit: Edit
    texts: list[str]
    models: list[etree._Element | None]
    after: etree._Element | None = None
    before: etree._Element | None = None
    heading: bool = False  # the first text is a new section heading


@dataclass
class DeleteBlocks:
    edit: Edit
    blocks: list[etree._Element]
    indices: list[int]


@dataclass
class CommentOn:
    """A comment on elements first..last; None means "on what the edit produced"."""

    edit: Edit
    text: str
    first: etree._Element | None = None
    last: etree._Element | None = None
    start: int | None = None  # with ``first`` a paragraph: the comment covers characters start:end
    end: int | None = None


@dataclass
class NewRow:
    """A new table row after (or before) row ``tr`` of ``table``, formatted like ``tr``."""

    edit: Edit
    table: etree._Element
    tr: etree._Element
    cells: list[str]
    after: bool = True
    merges: list[str | None] | None = None  # per cell: "continue" (inside a vertical merge) or None


@dataclass
class DeleteRow:
    edit: Edit
    tr: etree._Element


Action = TextChange | NewParagraphs | DeleteBlocks | CommentOn | NewRow | DeleteRow


@dataclass
class PlannedEdit:
    edit: Edit
    section: Section
    actions: list[Action] = field(default_factory=list)
    whole_blocks: set[int] = field(default_factory=set)  # blocks this edit rewrites wholesale
    deleted_blocks: set[int] = field(default_factory=set)
    demoted_from: str | None = None  # set when the edit became a comment (a conflict, or "as_comment")
    winner: Edit | None = None  # the earlier source's edit it conflicted with


@dataclass
class Plan:
    outline: Outline
    edits: list[PlannedEdit]
    conflicts: list[str] = field(default_factory=list)  # described, for the summary
    skipped: list[dict] = field(default_factory=list)  # letter edits that could not apply, with why
    #  (each with "edit" and "error": the Edit and its RedlineError; with keep_going also "blocking":
    #  True where apply would refuse)
    renumbered: list[str] = field(default_factory=list)  # typed numbers moved up, described
    warnings: list = field(default_factory=list)  # stale cross-references, text boxes left alone


# ---------------------------------------------------------------------------- planning

class Planner:
    """Builds the plan for one outline; indexes are built once and reused for every edit."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.blocks = outline.blocks
        self.headings = {s.heading for s in outline.walk() if s.heading is not None}
        # paragraph -> its current text; keyed by the element itself, which keeps its lxml
        # proxy alive: an id() key could be reused by a later proxy of another paragraph
        self._texts: dict[etree._Element, str] = {}
        self._quick: dict[int, str] = {}
        self._bodies: dict[tuple[int, bool], list[int]] = {}
        self._searchable: dict[tuple, _Searchable] = {}
        self.plan_notes: list = []  # renumbering done, for the summary
        self.plan_warnings: list[Warning] = []  # references it may make stale, text boxes left alone
        self._views: dict[tuple, Any] = {}  # (paragraph, fold) -> NormalView of a paragraph searched again
        self._searched: set[tuple] = set()
        self._boxes: dict[tuple, list] = {}
        from .sections.renumbering import Ledger

        self.ledger = Ledger(outline)  # insertions and deletions of numbered clauses, renumbered at the end

    # -- helpers over the original document

    def quick_text(self, block: int) -> str:
        """The block's text folded for quick ruling-out (``match.quick_text``), cached."""
        t = self._quick.get(block)
        if t is None:
            t = self._quick[block] = quick_text(self.outline.text(block))
        return t

    def searchable(self, section: Section, scope: str | None) -> "_Searchable":
        """``paragraphs_in`` with each paragraph's ``quick_text`` (a body paragraph's from the
        outline's text, a table cell's from its own), cached per span: every document-wide
        edit walks the same 60,000 paragraphs of a big draft, mostly only to rule them out."""
        key = (section.start, section.end, section.heading, scope == "heading",
               id(section) if section.paragraphs is not None else None)
        found = self._searchable.get(key)
        if found is None:
            found = self._searchable[key] = _Searchable([], [], [])
            for block, p in self._paragraphs(section, scope):
                found.blocks.append(block)
                found.paragraphs.append(p)
                found.quick.append(self.quick_text(block) if p is self.blocks[block] else quick_text(self.raw(p)))
        return found

    def view(self, p: etree._Element, fold: bool):
        """The paragraph's normalised view (``match.normal_view``), kept once the paragraph is
        searched a second time: many edits of one long paragraph would each rebuild it."""
        key = (p, fold)
        found = self._views.get(key)
        if found is None:
            if key not in self._searched:
                self._searched.add(key)  # the first search builds its own view, kept by no one
                return None
            found = self._views[key] = normal_view(self.raw(p), fold_case=fold)
        return found

    def raw(self, p: etree._Element) -> str:
        """The paragraph's current text (``match.displayed_text``), cached."""
        t = self._texts.get(p)
        if t is None:
            t = self._texts[p] = displayed_text(p)
        return t

    def target(self, edit: Edit) -> Section:
        key = edit.target.strip()
        special = SPECIAL_TARGETS.get(key.lower())
        if special == "*":
            return self.outline.whole()
        if special:
            found = getattr(self.outline, special)
            if found is None:
                from .sections.references import part_name

                raise ResolveError(msg("the draft has no {part} part", part=part_name(special)),
                                   **edit.place("target"))
            return found
        from .sections.references import resolve

        try:
            section = resolve(self.outline, key)
            if edit.row is not None or edit.column is not None or edit.cells is not None:
                section = self.table_target(section, edit)
            return section
        except ResolveError as exc:
            if exc.where:
                raise
            raise ResolveError(exc.message, candidates=exc.candidates, hint=exc.hint, **edit.place("target")) from None

    def table_target(self, section: Section, edit: Edit) -> Section:
        """The row / column an edit's ``row`` and ``column`` name, in the table its target names
        (or the one data table inside the target section)."""
        from .sections.tables import select, table_section

        if section.table is not None:
            info = section.table.info
        else:
            inside = [t for t in self.outline.tables if section.start <= t.block < section.end]
            if len(inside) != 1:
                raise ResolveError(msg("{section} holds {count} tables; name one (\"Biểu số 02\", \"bảng 1\")",
                                       section=section.display, count=len(inside)), **edit.place("target"))
            info = inside[0]
        t = section.table
        target = select(info, self.blocks[info.block], edit.row, edit.column, where=location(**edit.place("row")))
        if t is not None and edit.row is None:
            target.row = t.row
        if t is not None and edit.column is None:
            target.cols = t.cols
        return table_section(self.outline, target)

    def body_paragraphs(self, section: Section, *, direct: bool = True) -> list[int]:
        """Block indexes of the section's non-empty body paragraphs (headings and tables
        excluded); ``direct`` keeps only those before the first subsection."""
        key = (id(section), direct)
        if key not in self._bodies:
            stop = section.lead_end if direct and section.heading is not None else section.end
            self._bodies[key] = [i for i in range(section.start, stop) if self.blocks[i].tag == W["p"]
                                 and i not in self.headings and clean(self.outline.text(i))]
        return self._bodies[key]

    def paragraphs_in(self, section: Section, scope: str | None) -> list[tuple[int, etree._Element]]:
        """(block index, paragraph) pairs to search: everything the section owns (tables and
        subsection headings included, its own heading not), or only the heading with
        scope "heading"."""
        return list(self._paragraphs(section, scope))

    def _paragraphs(self, section: Section, scope: str | None):
        if section.paragraphs is not None:  # a title-block part, a table's row / column / cell
            yield from section.paragraphs
            return
        if scope == "heading" and section.heading is not None:
            yield section.heading, self.blocks[section.heading]
            return
        if section.inline and section.heading is not None:  # "2. Text of the khoản": content
            yield section.heading, self.blocks[section.heading]
        # the special parts (title, preamble, closing) are their own heading
        w_p = W["p"]
        for i in range(section.start, section.end):
            b = self.blocks[i]
            if i == section.heading:
                continue
            if b.tag == w_p:
                yield i, b
            else:
                # a text box's paragraphs (twice over: mc:Choice and mc:Fallback) are not
                # searched: redline does not revise text boxes (see text_box_paragraphs)
                boxed = any(True for _ in b.iter(TXBX))
                for p in b.iter(w_p):
                    if not boxed or not in_text_box(p):
                        yield i, p

    def text_box_paragraphs(self, section: Section) -> list[etree._Element]:
        """The paragraphs of the text boxes in the section's blocks, once per span.  Text
        boxes are left alone: their text is in an mc:Choice and again in an mc:Fallback, and
        revising one without the other would show different text in different programs.
        An edit whose text only they hold is refused with a message saying so."""
        key = (section.start, section.end)
        found = self._boxes.get(key)
        if found is None:
            found = self._boxes[key] = [p for i in range(section.start, section.end)
                                        for box in self.blocks[i].iter(TXBX) for p in box.iter(W["p"])]
        return found

    def model_for(self, section: Section, text: str, near: int | None = None) -> etree._Element | None:
        """A body paragraph whose formatting new text should copy: same bulletness first,
        nearest to ``near``; then any body paragraph of the section; then of the document."""
        want_bullet = is_bullet(text)
        pool = self.body_paragraphs(section, direct=False)
        if not pool:
            pool = self._document_body_paragraphs(section)
        if not pool:
            return None
        same = [i for i in pool if is_bullet(self.outline.text(i)) == want_bullet]
        choices = same or pool
        if near is None:
            near = section.end
        best = min(choices, key=lambda i: abs(i - near))
        return self.blocks[best]

    def _document_body_paragraphs(self, section: Section) -> list[int]:
        lo = section.heading if section.heading is not None else section.start
        around = list(range(max(0, lo - 40), min(len(self.blocks), section.end + 40)))
        return [i for i in around if self.blocks[i].tag == W["p"] and i not in self.headings
                and clean(self.outline.text(i))
                and (self.outline.title is None or i not in self.outline.title.span)]

    # -- the edits

    def plan(self, edit: Edit) -> PlannedEdit:
        section = self.target(edit)
        planned = PlannedEdit(edit, section)
        handler = getattr(self, "_op_" + edit.op)
        handler(planned)
        if edit.comment and edit.op != "comment":
            planned.actions.append(CommentOn(edit, edit.comment))
        if edit.as_comment and edit.op != "comment":
            # resolved and placed like the change, so a wrong target or anchor still shows
            planned = demote(self, planned, None)
        return planned

    def _op_replace(self, pe: PlannedEdit) -> None:
        e, s = pe.edit, pe.section
        if e.anchor:
            hit = self.anchor(pe)
            if hit.sentence:
                new = e.text if e.text is not None else " ".join(e.paragraphs or [])
                self.text_changes(pe, hit.block, hit.p, hit.start, hit.end, new)
            elif e.paragraphs is not None:
                self.replace_blocks(pe, [hit.block], e.paragraphs, after=self.blocks[hit.block])
            else:
                self.text_changes(pe, hit.block, hit.p, 0, len(self.raw(hit.p)), e.text or "")
            return
        if s.table is not None:
            return self._table_replace(pe)
        if e.heading is not None:
            if s.heading is None:
                raise EditsError(msg("'{section}' has no heading to rename", section=s.address), **e.place("heading"))
            p = self.blocks[s.heading]
            raw = self.raw(p)
            title = e.heading
            if s.label_chars and s.label_chars == len(raw.rstrip()) and title and not title[:1].isspace() \
                    and not raw[s.label_chars - 1:s.label_chars].isspace():
                title = " " + title  # a heading that was its label alone ("Chương I"): one space before the title
            self.text_changes(pe, s.heading, p, s.label_chars, len(raw), title)
        new = e.paragraphs if e.paragraphs is not None else ([e.text] if e.text is not None else None)
        if new is None:
            return
        if s.inline and s.heading is not None and e.heading is None:
            # the khoản's own paragraph takes the first new paragraph: its label kept, or
            # renewed when the new text brings one; the rest of the section the other paragraphs
            p = self.blocks[s.heading]
            raw = self.raw(p)
            first, label_chars = new[0], _label_chars(new[0])
            if s.label_chars == 0 or not label_chars:
                self.text_changes(pe, s.heading, p, s.label_chars, len(raw), first[label_chars:])
            else:
                self.text_changes(pe, s.heading, p, 0, len(raw), first)
            new = new[1:]
            if not new and s.start >= s.end:
                return
        stop = s.lead_end if e.scope == "lead" else s.end
        indices = list(range(s.start, stop))
        after = self.blocks[s.heading] if s.heading is not None else (
            self.blocks[s.start - 1] if s.start > 0 else None)
        self.replace_blocks(pe, indices, new, after=after, section=s)

    def _op_append(self, pe: PlannedEdit) -> None:
        e, s = pe.edit, pe.section
        if e.anchor:
            return self._op_insert_after(pe)
        if s.table is not None:
            return self._table_insert(pe, after=True)
        if e.text is not None:
            body = self.body_paragraphs(s, direct=False)
            if not body and s.inline and s.heading is not None:
                body = [s.heading]
            if not body:
                raise ResolveError(msg("'{section}' has no paragraph to add text to", section=s.display),
                                   **e.place("text"))
            i = body[-1]
            p = self.blocks[i]
            raw = self.raw(p)
            self.text_changes(pe, i, p, len(raw), len(raw), _joined(raw, e.text, at_end=True), diff=False)
            return
        last = s.end - 1
        anchor = self.blocks[last] if last >= s.start else (self.blocks[s.heading] if s.heading is not None else None)
        if anchor is None:
            raise ResolveError(msg("'{section}' has no place to append to", section=s.display), **e.place())
        near = last
        pe.actions.append(NewParagraphs(e, list(e.paragraphs), [self.model_for(s, t, near) for t in e.paragraphs],
                                        after=anchor))

    def _op_prepend(self, pe: PlannedEdit) -> None:
        e, s = pe.edit, pe.section
        if e.anchor:
            return self._op_insert_before(pe)
        if e.text is not None:
            if s.inline and s.heading is not None:
                p = self.blocks[s.heading]
                raw = self.raw(p)
                at = s.label_chars
                self.text_changes(pe, s.heading, p, at, at, _joined(raw[at:], e.text, at_end=False), diff=False)
                return
            body = self.body_paragraphs(s, direct=False)
            if not body:
                raise ResolveError(msg("'{section}' has no paragraph to add text to", section=s.display),
                                   **e.place("text"))
            i = body[0]
            p = self.blocks[i]
            raw = self.raw(p)
            self.text_changes(pe, i, p, 0, 0, _joined(raw, e.text, at_end=False), diff=False)
            return
        models = [self.model_for(s, t, s.start) for t in e.paragraphs]
        if s.heading is not None:
            pe.actions.append(NewParagraphs(e, list(e.paragraphs), models, after=self.blocks[s.heading]))
        else:
            pe.actions.append(NewParagraphs(e, list(e.paragraphs), models, before=self.blocks[s.start]))

    def _op_insert_after(self, pe: PlannedEdit, before: bool = False) -> None:
        e, s = pe.edit, pe.section
        if s.table is not None and not e.anchor:
            return self._table_insert(pe, after=not before)
        if e.anchor:
            hit = self.anchor(pe)
            if e.text is not None:
                raw = self.raw(hit.p)
                if before:
                    self.text_changes(pe, hit.block, hit.p, hit.start, hit.start,
                                      _joined(raw[hit.start:], e.text, at_end=False), diff=False)
                else:
                    self.text_changes(pe, hit.block, hit.p, hit.end, hit.end,
                                      _joined(raw[:hit.end], e.text, at_end=True), diff=False)
            if e.paragraphs:
                models = [self.model_for(s, t, hit.block) for t in e.paragraphs]
                where = {"before": hit.p} if before else {"after": hit.p}
                pe.actions.append(NewParagraphs(e, list(e.paragraphs), models, **where))
            return
        if e.heading is None:
            raise EditsError(msg("op '{op}' without an anchor inserts a new section and needs 'heading'", op=e.op),
                             **e.place())
        if s.heading is None:
            raise EditsError(msg("'{section}' is not a section; a new section goes beside a numbered one",
                                 section=s.address), **e.place("target"))
        heading_model = self.blocks[s.heading]
        heading_text = e.heading
        if s.label_chars == 0 and s.label:
            heading_text = _strip_label(heading_text)  # Word's numbering draws the label
        if self.renumbers(s, e):
            self.note_moves(pe, s, self.ledger.insert(s, before=before, owner=pe))
        texts = [heading_text] + list(e.paragraphs or [])
        models = [heading_model] + [self.model_for(s, t) for t in (e.paragraphs or [])]
        if before:
            pe.actions.append(NewParagraphs(e, texts, models, before=heading_model, heading=True))
        else:
            pe.actions.append(NewParagraphs(e, texts, models, after=self.blocks[s.end - 1], heading=True))

    def _op_insert_before(self, pe: PlannedEdit) -> None:
        self._op_insert_after(pe, before=True)

    def _op_delete(self, pe: PlannedEdit) -> None:
        e, s = pe.edit, pe.section
        if e.find:
            self.find_changes(pe, e.find, "", delete=True)
            return
        if s.table is not None and not e.anchor:
            t = s.table
            if t.row is None or t.cols is not None:
                raise EditsError(msg("delete in a table removes a row: give 'row' (or 'find' to delete a phrase)"),
                                 **e.place("row"))
            from .sections.tables import check_row_deletion

            check_row_deletion(t, e.place("row"))
            pe.actions.append(DeleteRow(e, t.rows[t.row]))
            return
        if e.anchor:
            hit = self.anchor(pe)
            if hit.sentence:
                raw = self.raw(hit.p)
                start, end = hit.start, hit.end
                while end < len(raw) and raw[end].isspace():
                    end += 1
                if end == len(raw):
                    while start > 0 and raw[start - 1].isspace():
                        start -= 1
                self.text_changes(pe, hit.block, hit.p, start, end, "", diff=False)
            else:
                self.delete(pe, [hit.block])
            return
        if s.heading is None and s.address == "*":
            raise EditsError(msg("deleting the whole document is not an edit"), **e.place("target"))
        first = s.heading if s.heading is not None else s.start
        self.delete(pe, list(range(first, s.end)))
        if s.heading is not None and self.renumbers(s, e):
            self.note_moves(pe, s, self.ledger.delete(s, owner=pe))

    def _op_replace_text(self, pe: PlannedEdit) -> None:
        self.find_changes(pe, pe.edit.find, pe.edit.replace or "")

    def _op_comment(self, pe: PlannedEdit) -> None:
        e, s = pe.edit, pe.section
        if e.anchor:
            hit = self.anchor(pe)
            pe.actions.append(CommentOn(e, e.text, hit.p, hit.p))
            return
        if s.paragraphs:
            pe.actions.append(CommentOn(e, e.text, s.paragraphs[0][1], s.paragraphs[-1][1]))
            return
        if s.heading is not None:
            p = self.blocks[s.heading]
        elif s.address == "*" and self.outline.title is not None:
            p = self.blocks[self.outline.title.start]
        else:
            body = [i for i in range(s.start, s.end) if self.blocks[i].tag == W["p"]]
            if not body:
                raise ResolveError(msg("'{section}' has no paragraph to comment on", section=s.display), **e.place())
            p = self.blocks[body[0]]
        pe.actions.append(CommentOn(e, e.text, p, p))

    # -- building blocks

    def text_changes(self, pe: PlannedEdit, block: int, p: etree._Element, start: int, end: int, new: str,
                     *, diff: bool = True) -> None:
        """Raw characters start:end of ``p`` become ``new``; with ``diff``, only the words
        that differ are revised (compared on the normalised text)."""
        raw = self.raw(p)
        if not diff:
            pe.actions.append(TextChange(pe.edit, p, block, start, end, new, raw[start:end]))
            return
        for cs, ce, text in word_changes(raw[start:end], new):
            pe.actions.append(TextChange(pe.edit, p, block, start + cs, start + ce, text, raw[start + cs:start + ce]))

    def replace_blocks(self, pe: PlannedEdit, indices: list[int], new: list[str], *, after, section=None) -> None:
        """Old blocks -> new paragraphs: pair similar paragraphs and redline them word by
        word; delete the unpaired old ones, insert the unpaired new ones in place."""
        e = pe.edit
        section = section or pe.section
        pe.whole_blocks.update(indices)
        old_texts = [clean(self.raw(self.blocks[i])) if self.blocks[i].tag == W["p"] else None
                     for i in indices]
        pairs = align(old_texts, [clean(t) for t in new])
        cursor = after
        pending: list[str] = []
        pending_models: list = []

        def flush():
            nonlocal pending, pending_models
            if pending:
                pe.actions.append(NewParagraphs(e, pending, pending_models, after=cursor) if cursor is not None
                                  else NewParagraphs(e, pending, pending_models, before=self.blocks[indices[0]]))
                pending, pending_models = [], []

        for oi, ni in pairs:
            if oi is None:
                near = indices[0] if indices else None
                model = self.model_for(section, new[ni], near)
                pending.append(new[ni])
                pending_models.append(model)
                continue
            flush()
            block = indices[oi]
            el = self.blocks[block]
            if ni is None:
                self.delete(pe, [block])
            else:
                raw = self.raw(el)
                self.text_changes(pe, block, el, 0, len(raw), new[ni])
            cursor = el
        flush()

    def delete(self, pe: PlannedEdit, indices: list[int]) -> None:
        pe.deleted_blocks.update(indices)
        pe.whole_blocks.update(indices)
        if pe.actions and isinstance(pe.actions[-1], DeleteBlocks) and pe.actions[-1].indices \
                and pe.actions[-1].indices[-1] + 1 == indices[0]:
            pe.actions[-1].indices.extend(indices)
            pe.actions[-1].blocks.extend(self.blocks[i] for i in indices)
        else:
            pe.actions.append(DeleteBlocks(pe.edit, [self.blocks[i] for i in indices], list(indices)))

    def find_changes(self, pe: PlannedEdit, find: str, replace: str, *, delete: bool = False) -> None:
        e, s = pe.edit, pe.section
        hits = []
        hidden = 0
        finder = Finder(find, case_sensitive=e.case_sensitive, exclude=e.exclude)
        if e.anchor:
            hit = self.anchor(pe)
            raw = self.raw(hit.p)
            spans, h = finder.find(raw[hit.start:hit.end])
            hits = [(hit.block, hit.p, a + hit.start, b + hit.start) for a, b in spans]
            hidden += h
        else:
            span = self.searchable(s, e.scope)
            key = finder.key  # the longest word: one test rules out nearly every paragraph
            hot = span.hot
            for k, quick in enumerate(span.quick):
                found = None
                if hot and (k, finder.fold) in hot:  # a paragraph searched again and again: its word index
                    found = finder.find_indexed(*hot[(k, finder.fold)])
                if found is None:
                    if key not in quick or not finder.may_contain_quick(quick):
                        continue  # ruled out cheaply, without building the paragraph's views
                    p = span.paragraphs[k]
                    # quick=False: ruled in above; the view is kept for a paragraph searched again
                    view = self.view(p, finder.fold)
                    found = finder.find(self.raw(p), view=view, quick=False)
                    span.count(k, finder.fold, view)
                block, p = span.blocks[k], span.paragraphs[k]
                spans, h = found
                hidden += h
                floor = self.label_floor(block, p) if e.scope != "heading" else 0  # the heading: all of it
                hits.extend((block, p, a, b) for a, b in spans if a >= floor)
        where = e.place("find")
        boxes = [p for p in self.text_box_paragraphs(s) if finder.find(self.raw(p))[0]] if not e.anchor else []
        if boxes and not hits:
            raise ResolveError(msg("{find!r} occurs in {section} only inside a text box, which redline does not "
                                   "revise", find=find, section=s.display),
                               hint=msg("change the text box by hand, or ask for a comment instead"), **where)
        if boxes:
            self.plan_warnings.append(Warning(msg("{find!r} also occurs inside a text box in {section}, left "
                                                  "unchanged: redline does not revise text boxes", find=find,
                                                  section=s.display), where=location(**where)))
        if not hits:
            if hidden:
                raise ResolveError(msg("all {count} {count:plural:occurrence:occurrences} of {find!r} in {section} "
                                       "are inside an excluded phrase", count=hidden, find=find, section=s.display),
                                   **where)
            hint = None
            if e.case_sensitive:
                loose = Finder(find, case_sensitive=False)
                if any(loose.find(self.raw(p))[0] for _, p in self.paragraphs_in(s, e.scope)):
                    hint = msg("it occurs with different capitals; set \"case_sensitive\": false to match those")
            raise ResolveError(msg("{find!r} not found in {section}", find=find, section=s.display), hint=hint, **where)
        if e.occurrence is not None:
            if e.occurrence > len(hits):
                raise ResolveError(msg("occurrence {asked} asked, but {find!r} occurs {count} "
                                       "{count:plural:time:times} in {section}", asked=e.occurrence, find=find,
                                       count=len(hits), section=s.display), **e.place("occurrence"))
            hits = [hits[e.occurrence - 1]]
        for block, p, a, b in hits:
            if delete or not replace.strip():  # words replaced by nothing: a deletion, tidied as one
                raw = self.raw(p)
                a, b = tidy_deletion(raw, a, b)
                self.text_changes(pe, block, p, a, b, "", diff=False)
            else:
                self.text_changes(pe, block, p, a, b, replace)

    def label_floor(self, block: int, p: etree._Element) -> int:
        """Characters at the start of ``p`` a find must not touch: the typed label of a heading
        whose paragraph carries content ("2. " of a khoản)."""
        if p is not self.blocks[block]:
            return 0
        floors = self.__dict__.get("_floors")
        if floors is None:
            floors = self._floors = {s.heading: s.label_chars for s in self.outline.walk()
                                     if s.inline and s.label_chars}
        return floors.get(block, 0)

    # -- tables

    def _table_replace(self, pe: PlannedEdit) -> None:
        """A cell's text (``text``), or a row's cells (``cells``), rewritten word by word."""
        e, s = pe.edit, pe.section
        t = s.table
        from .sections.tables import row_values

        if e.cells is not None:
            if t.row is None:
                raise EditsError(msg("'cells' rewrites a row: give 'row'"), **e.place("row"))
            for cell, new in row_values(t, t.row, e.cells, "cells", e.place("cells")):
                self._cell_text(pe, s.start, cell.tc, new)
            return
        if t.row is None or t.cols is None:
            raise EditsError(msg("replace in a table rewrites a cell: give 'row' and 'column' (or 'cells' for a row)"),
                             **e.place("column"))
        cells = t.cells()
        if len(cells) != 1:
            raise EditsError(msg("row and column name {count} cells here; 'replace' rewrites one cell: name a single "
                                 "column, or use 'cells' for the row", count=len(cells)), **e.place("column"))
        new = e.text if e.text is not None else "\n".join(e.paragraphs or [])
        self._cell_text(pe, s.start, cells[0].tc, new)

    def _cell_text(self, pe: PlannedEdit, block: int, tc: etree._Element, new: str) -> None:
        if tc.find(".//" + W["tbl"]) is not None:
            raise EditsError(msg("the cell holds a table of its own: its text cannot be replaced whole; use "
                                 "replace_text (or delete with find) inside it"), **pe.edit.place("text"))
        paras = list(tc.iter(W["p"]))
        first = paras[0]
        self.text_changes(pe, block, first, 0, len(self.raw(first)), new)
        for p in paras[1:]:
            raw = self.raw(p)
            if raw:
                self.text_changes(pe, block, p, 0, len(raw), "", diff=False)

    def _table_insert(self, pe: PlannedEdit, *, after: bool) -> None:
        e, s = pe.edit, pe.section
        t = s.table
        if e.cells is None:
            raise EditsError(msg("a new table row needs 'cells'"), **e.place("cells"))
        from .sections.tables import new_row

        tr, texts, merges = new_row(t, list(e.cells), after=after, place=e.place("cells"))
        pe.actions.append(NewRow(e, t.element, tr, texts, after=after, merges=merges))

    # -- renumbering

    def renumbers(self, s: Section, e: Edit) -> bool:
        """Does inserting beside / deleting ``s`` move its following siblings' numbers?  The
        edit's ``renumber``, else yes for Điều, khoản and điểm (legal drafts are cited by
        number), no for other headings.  Typed labels are rewritten as tracked changes; with
        Word's numbering the numbers move by themselves; either way references to moved
        numbers are marked (``finish_renumbering``)."""
        from .sections.renumbering import LEGAL

        if not s.number or s.heading is None or s.kind in ("item",):
            return False
        return e.renumber if e.renumber is not None else s.kind in LEGAL

    def note_moves(self, pe: PlannedEdit, s: Section, moves: list) -> None:
        """The summary's line for what this edit renumbers ("khoản 2-3 of Điều 5 renumbered 3-4")."""
        from .sections.renumbering import WORDS, legal_name

        moved = [m for m in moves if m.new is not None and m.section.label_chars]
        if not moved:
            return
        what = WORDS.get(s.kind or "", s.kind or "")
        olds = _span(m.old for m in moved)
        news = _span(m.new for m in moved)
        parent = legal_name(s.parent) if s.parent is not None and s.kind not in ("dieu", "article") else s.space
        if parent:
            self.plan_notes.append(msg("{edit}: {what} {numbers} of {parent} renumbered {new_numbers}",
                                       edit=mention(pe.edit), what=what, numbers=olds, parent=parent,
                                       new_numbers=news))
        else:
            self.plan_notes.append(msg("{edit}: {what} {numbers} renumbered {new_numbers}", edit=mention(pe.edit),
                                       what=what, numbers=olds, new_numbers=news))

    def finish_renumbering(self, planned: list[PlannedEdit]) -> None:
        """After every edit is planned: the net renumbering of each group of siblings as tracked
        changes of the typed labels (owned by the last edit that moved each), and a Word comment
        on every reference in the text the moves make stale, with a warning."""
        if not self.ledger.groups:
            return
        gone: set[int] = set()
        rewritten: dict[int, list[tuple[int, int, PlannedEdit]]] = {}
        for pe in planned:
            gone.update(pe.deleted_blocks)
            gone.update(pe.whole_blocks)
            for a in pe.actions:
                if isinstance(a, TextChange):
                    rewritten.setdefault(id(a.p), []).append((a.start, a.end, pe))
        for ch in self.ledger.label_changes(lambda p: self.raw(p)):
            p = self.blocks[ch.block]
            if ch.block in gone:
                continue
            clash = [other for a, b, other in rewritten.get(id(p), []) if _overlap(ch.start, ch.end, a, b)]
            if clash:  # the letter rewrites this label itself: its wording stands
                self.plan_warnings.append(Warning(
                    msg("{edit} rewrites the label of '{heading}' itself: it is not renumbered",
                        edit=mention(clash[0].edit), heading=_short(self.raw(p), 60)),
                    msg("block {index}", index=ch.block)))
                continue
            ch.owner.actions.append(TextChange(ch.owner.edit, p, ch.block, ch.start, ch.end, ch.new,
                                               self.raw(p)[ch.start:ch.end]))
        floors = {s.heading: s.label_chars for s in self.outline.walk() if s.heading is not None and s.label_chars}
        refs = self.ledger.stale_references(self._space_paragraphs, self.raw, floors, gone)
        by_span: dict[tuple, list] = {}
        for r in refs:
            by_span.setdefault((id(r.p), r.start, r.end), []).append(r)
        for group in by_span.values():
            r = group[0]
            owner = group[-1].owner
            notes = []
            for x in group:
                if x.new is None:
                    notes.append(msg("{what} {old} is deleted ({edit})", what=x.what, old=x.old,
                                     edit=mention(x.owner.edit)))
                else:
                    notes.append(msg("{what} {old} is now {what} {new} ({edit})", what=x.what, old=x.old,
                                     new=x.new, edit=mention(x.owner.edit)))
                self.plan_warnings.append(Warning(
                    msg("{edit}: '{reference}' names {what} {old}, which is deleted: check it (a comment marks it)",
                        edit=mention(x.owner.edit), reference=x.text, what=x.what, old=x.old) if x.new is None else
                    msg("{edit}: '{reference}' names {what} {old}, now {what} {new}: check it (a comment marks it)",
                        edit=mention(x.owner.edit), reference=x.text, what=x.what, old=x.old, new=x.new),
                    msg("block {index}", index=r.block)))
            text = render(msg("{changes}: check this reference", changes=joined(*notes, sep="; ")))
            owner.actions.append(CommentOn(owner.edit, text, r.p, r.p, r.start, r.end))

    def _space_paragraphs(self, space: str):
        """(block, paragraph) of one document's text (the main one: "")."""
        if not space:
            hi = self.outline.documents[0].start if self.outline.documents else len(self.blocks)
            section = Section(address="*", label="", title="", level=0, heading=None, end=hi)
            section.start_override = 0
        else:
            section = next(d.whole for d in self.outline.documents if d.name == space)
        return self._paragraphs(section, None)

    # -- anchors

    def anchor(self, pe: PlannedEdit) -> "Hit":
        e, s = pe.edit, pe.section
        (kind, value), = e.anchor.items()
        where = e.place("anchor")
        if kind in ("paragraph", "bullet"):
            pool = self.body_paragraphs(s, direct=True)
            if kind == "bullet":
                pool = [i for i in pool if is_bullet(self.outline.text(i))]
            if not pool:
                raise ResolveError(msg("{section} has no bullet", section=s.display) if kind == "bullet" else
                                   msg("{section} has no body paragraph", section=s.display), **where)
            if value == "last":
                i = pool[-1]
            elif value > len(pool):
                raise ResolveError(msg("bullet {asked} asked, but {section} has {count}", asked=value,
                                       section=s.display, count=len(pool)) if kind == "bullet" else
                                   msg("paragraph {asked} asked, but {section} has {count}", asked=value,
                                       section=s.display, count=len(pool)), **where)
            else:
                i = pool[value - 1]
            p = self.blocks[i]
            return Hit(i, p, 0, len(self.raw(p)), sentence=False)
        prefix = kind == "sentence_prefix"
        key = sentence_key(value, prefix=prefix)
        found, seen = [], []
        for block, p in self.paragraphs_in(s, None):
            raw = self.raw(p)
            floor = self.label_floor(block, p)  # a khoản's sentences start after "2. "
            for a, b in sentences(raw[floor:]):
                a, b = a + floor, b + floor
                k = sentence_key(raw[a:b])
                seen.append(k)
                if (k.startswith(key) if prefix else k == key):
                    found.append(Hit(block, p, a, b, sentence=True))
        if len(found) == 1:
            return found[0]
        if not found:
            close = difflib.get_close_matches(key, seen, n=2, cutoff=0.5)
            hint = msg("nearest: {sentences}", sentences=" | ".join(_short(c) for c in close)) if close else None
            quoted = _short(value)
            raise ResolveError(msg("no sentence starting with {quote!r} in {section}", quote=quoted, section=s.display)
                               if prefix else
                               msg("no sentence reading {quote!r} in {section}", quote=quoted, section=s.display),
                               hint=hint, **where)
        listing = " | ".join(_short(self.raw(h.p)[h.start:h.end]) for h in found)
        raise ResolveError(msg("{count} sentences start with {quote!r} in {section}: {sentences}", count=len(found),
                               quote=_short(value), section=s.display, sentences=listing) if prefix else
                           msg("{count} sentences read {quote!r} in {section}: {sentences}", count=len(found),
                               quote=_short(value), section=s.display, sentences=listing),
                           hint=msg("quote more of the sentence"), **where)


@dataclass
class _Searchable:
    """The paragraphs of a span as parallel lists (a big draft's 60,000 tuples, kept for the
    whole plan, would make every garbage collection walk them)."""

    blocks: list[int]
    paragraphs: list[etree._Element]
    quick: list[str]
    # (k, fold) -> (normal view, word index) of a paragraph searched HOT_SEARCHES times: many
    # edits of one long paragraph then find their phrase by its first word, not by reading the
    # whole paragraph again each (three scans of 150 KB per edit, 10,000 edits)
    hot: dict = field(default_factory=dict)
    searches: dict = field(default_factory=dict)

    def count(self, k: int, fold: bool, view) -> None:
        n = self.searches.get((k, fold), 0) + 1
        self.searches[(k, fold)] = n
        if n == HOT_SEARCHES and view is not None:
            self.hot[(k, fold)] = (view, word_index(view))


HOT_SEARCHES = 8


@dataclass
class Hit:
    block: int
    p: etree._Element
    start: int
    end: int
    sentence: bool


# ---------------------------------------------------------------------------- pure helpers

def word_changes(old_raw: str, new: str) -> list[tuple[int, int, str]]:
    """Word-level changes turning ``old_raw`` into ``new``, as (start, end, text) over
    ``old_raw``.  Compared on normalised text (NFC, spaces, quotes), so an NFD or NBSP
    original is not rewritten where it already reads the same; inserted text is taken
    from ``new`` exactly as the edit gives it."""
    ov, nv = normal_view(old_raw), normal_view(new)
    out = []
    for ch in wdiff.changes(ov.text, nv.text):
        if ch.end > ch.start:
            s, e = ov.starts[ch.start], ov.ends[ch.end - 1]
        else:
            s = e = ov.starts[ch.start] if ch.start < len(ov.starts) else len(old_raw)
        text = new[nv.starts[ch.new_start]:nv.ends[ch.new_end - 1]] if ch.new_end > ch.new_start else ""
        out.append((s, e, text))
    return out


def tidy_deletion(raw: str, a: int, b: int) -> tuple[int, int]:
    """Widen a phrase deletion so no double space, ", ." or ",," is left behind; a list
    member takes its separator with it."""
    after = raw[b:]
    before = raw[:a]
    m_after = len(after) - len(after.lstrip(" \u00a0"))
    m_before = len(before) - len(before.rstrip(" \u00a0"))
    nxt = after[m_after:m_after + 1]
    prv = before[:len(before) - m_before][-1:] if len(before) > m_before else ""
    phrase = raw[a:b].strip(" \u00a0")
    if phrase[-1:] in (",", ";") or phrase[:1] in (",", ";"):
        # the letter quoted the member with its separator ("bỏ cụm từ “huyện B,”"): it goes
        # with the phrase, and only the spaces are left to tidy (not a second separator)
        return (a, b + m_after) if m_after and (m_before or not before) else (a, b)
    if nxt in (",", ";") and after[m_after + 1:m_after + 2] in (" ", "\u00a0") and (
            prv in ("", ",", ";", ":", "(") or _list_goes_on(after[m_after + 1:])):  # at the end: a terminator
        # "A, [B, ]C" -> drop the phrase and its following separator.  After a word, with no list
        # going on after the comma ("được cải thiện [rõ nét], tỷ lệ ..."), the comma may end a
        # clause: only the words the letter named go, the comma stays for the drafter
        end = b + m_after + 1
        while end < len(raw) and raw[end] in " \u00a0":
            end += 1
        return a, end
    if prv in (",", ";") and (nxt in (".", ";", ":", ")", "!", "?", "") or re.match(r"(?:và|hoặc|and|or)\b", after[m_after:])
                              or _listed_before(before[:len(before) - m_before - 1])):
        # the last member: "A, B[, C] và D", "A, B[, C].", "A, B[, C] vẫn" -> drop the separator before
        return a - m_before - 1, b
    if m_before and (m_after or nxt in (".", ",", ";", ":", ")", "!", "?", "")):
        # "x [phrase ]y" or "x[ phrase]." -> take one side's space
        if m_after and nxt not in ("",):
            return a, b + m_after
        return a - m_before, b
    if m_after and prv == "":
        return a, b + m_after
    return a, b


def _list_goes_on(rest: str) -> bool:
    """After "X, ": does a list go on to the clause's end ("thuận tiện và tiết kiệm chi phí.")?"""
    clause = re.split(r"[.;:!?]", rest)[0]
    return bool(re.search(r"(?:,|\s(?:và|hoặc|and|or)\s)", clause))


def _listed_before(text: str) -> bool:
    """Does the clause before a comma already hold a list ("A, B" before ", C")?  Without one, a
    phrase after a single comma and before more words ("Trường hợp hệ thống gặp sự cố, [cơ quan
    cung cấp dịch vụ] áp dụng ...") is the clause's subject, not a list's last member: its comma stays."""
    clause = re.split(r"[.;:!?]", text)[-1]
    return "," in clause


def _joined(existing: str, addition: str, *, at_end: bool) -> str:
    """Text to insert so that words stay separated by one space."""
    addition = addition.strip()
    if at_end:
        if existing and not existing[-1].isspace() and addition[:1] not in (",", ".", ";", ":", ")"):
            return " " + addition
        return addition
    if existing and not existing[:1].isspace():
        return addition + " "
    return addition


def _strip_label(heading: str) -> str:
    return heading[_label_chars(heading):]


def _label_chars(text: str) -> int:
    """Characters of a typed label (and the space after it) at the start of ``text``: "2. ",
    "b) ", "Điều 9. ", "II. "; 0 when it has none."""
    from .sections.labels import parse_label

    label = parse_label(text)
    return label.chars if label is not None else 0


def _short(text: str, n: int = 80) -> str:
    t = clean(text)
    return t if len(t) <= n else t[: n - 1] + "…"


# ---------------------------------------------------------------------------- the whole plan

def make_plan(outline: Outline, edits: list[Edit], *, demote_cross_source: bool = True, progress=None,
              keep_going: bool = False, planner: Planner | None = None) -> Plan:
    """Resolve and check every edit; raise on the first bad one (a letter's edit that cannot
    apply is set aside in ``Plan.skipped`` instead), on conflicts within one source; turn a
    later source's conflicting edit into a comment (multi-letter runs).

    ``keep_going`` sets aside what would raise as well, marked ``"blocking"``, so that a
    reviewer sees every problem at once (``redline.review``); ``planner`` lets a caller that
    plans the same draft again and again keep one ``Planner`` and its indexes."""
    if planner is None or planner.outline is not outline:
        planner = Planner(outline)
    planned: list[PlannedEdit] = []
    conflicts: list[str] = []
    skipped: list[dict] = []
    claims = Claims()
    for done, edit in enumerate(edits, start=1):
        if progress is not None:
            progress("plan", done, len(edits))
        try:
            pe = planner.plan(edit)
        except (ResolveError, EditsError) as exc:
            if edit.strict and not keep_going:
                raise
            skipped.append({"instruction": edit.quote or f"{edit.op} {edit.target}", "reason": render(exc.message),
                            "n": edit.n, "candidates": getattr(exc, "candidates", []), "source": edit.source,
                            "edit": edit, "error": exc, **({"blocking": True} if edit.strict else {})})
            continue
        clash = claims.clash(pe)
        if clash is not None:
            other = clash.edit
            same_source = (other.source or "") == (edit.source or "")
            if (same_source and edit.strict) or not demote_cross_source:
                # A hand-written edits file is strict; a letter never stops the run: its own
                # later instruction becomes a comment with its wording, listed as a conflict.
                error = ConflictError(msg("{first} and {second} both change {place}; they cannot both apply",
                                          first=location(edit=edit.index, n=edit.n),
                                          second=location(edit=other.index, n=other.n),
                                          place=_where_text(planner, pe, clash)), file=edit.source)
                if not keep_going:
                    raise error
                skipped.append({"instruction": edit.quote or f"{edit.op} {edit.target}",
                                "reason": render(error.message), "n": edit.n, "candidates": [],
                                "source": edit.source, "edit": edit, "error": error, "blocking": True,
                                "conflict_with": other})
                continue
            pe = demote(planner, pe, other)
            conflicts.append(msg("{loser} ({loser_author}) conflicts with {winner} ({winner_author}) on {section}: "
                                 "kept as a comment with its proposed wording", loser=mention(edit),
                                 loser_author=edit.author, winner=mention(other), winner_author=other.author,
                                 section=pe.section.display))
        claims.add(pe)
        planned.append(pe)
    planner.finish_renumbering(planned)
    return Plan(outline, planned, conflicts, skipped, planner.plan_notes, planner.plan_warnings)


def _span(numbers) -> str:
    """"2-3", or "3" for one number."""
    values = list(numbers)
    return values[0] if len(values) == 1 else f"{values[0]}-{values[-1]}"


def mention(edit: Edit):
    """An edit as a reader names it: 'stp.txt, item 3' (the letter's own number), else 'edit 7'."""
    what = msg("item {n}", n=edit.n) if edit.n is not None else msg("edit {number}", number=edit.index)
    return joined(edit.source, what, sep=", ") if edit.source else what


def _where_text(planner: Planner, a: PlannedEdit, b: PlannedEdit) -> str:
    return a.section.display if a.section is b.section else f"{a.section.display} / {b.section.display}"


def demote(planner: Planner, pe: PlannedEdit, winner: Edit | None) -> PlannedEdit:
    """A later source's edit that collides with an earlier one (``winner``) becomes a comment
    carrying its proposed wording, on the same place; so does an edit marked ``as_comment``
    (``winner`` None: a reviewer chose a comment over a tracked change)."""
    e = pe.edit
    proposal = _describe_proposal(pe)
    first = last = None
    for a in pe.actions:
        if isinstance(a, TextChange):
            first = last = a.p
            break
        if isinstance(a, DeleteBlocks):
            first, last = a.blocks[0], a.blocks[-1]
            break
    if first is None:
        s = pe.section
        idx = s.heading if s.heading is not None else s.start
        first = last = planner.blocks[idx]
    if first.tag != W["p"]:
        first = last = next(first.iter(W["p"]))
    if last.tag != W["p"]:
        last = first
    if winner is None:
        text = render(msg("{author} proposes: {proposal}", author=e.author, proposal=proposal))
    else:
        text = render(msg("{author} proposes ({edit}; overlaps {winner} by {winner_author}): {proposal}",
                          author=e.author, edit=mention(e), winner=mention(winner), winner_author=winner.author,
                          proposal=proposal))
    return PlannedEdit(e, pe.section, [CommentOn(e, text, first, last)], demoted_from=e.op, winner=winner)


def _describe_proposal(pe: PlannedEdit) -> str:
    e = pe.edit
    if e.op == "replace_text":
        return render(msg("replace “{find}” with “{replace}”", find=e.find, replace=e.replace))
    if e.op == "delete":
        return render(msg("delete “{find}”", find=e.find) if e.find else msg("delete this passage"))
    parts = []
    if e.heading:
        parts.append(e.heading)
    if e.paragraphs:
        parts.extend(e.paragraphs)
    if e.text:
        parts.append(e.text)
    return f"{render(operation_name(e.op))}: " + "\n".join(parts)


class Claims:
    """What the planned edits so far touch, to find two edits that change the same text."""

    def __init__(self):
        self.whole: dict[int, PlannedEdit] = {}  # block -> edit rewriting or deleting it wholesale
        self.touched: dict[int, PlannedEdit] = {}  # block -> an edit changing text inside it
        self.spans: dict[int, _Spans] = {}  # id(paragraph) -> the char spans edits change in it
        self.deleted: dict[int, PlannedEdit] = {}  # block -> edit deleting it
        self.targets: dict[int, PlannedEdit] = {}  # heading block -> an edit aimed at that section

    def clash(self, pe: PlannedEdit) -> PlannedEdit | None:
        for b in pe.whole_blocks:
            other = self.whole.get(b) or self.touched.get(b)
            if other is not None:
                return other
        for b in pe.deleted_blocks:
            if b in self.targets:
                return self.targets[b]
        heading = pe.section.heading
        if heading is not None and heading in self.deleted:
            return self.deleted[heading]
        for a in pe.actions:
            if isinstance(a, DeleteRow):
                for p in a.tr.iter(W["p"]):
                    if self.spans.get(id(p)):
                        return self.spans[id(p)][0][2]
            if isinstance(a, TextChange):
                if a.block in self.whole and a.block not in pe.whole_blocks:
                    return self.whole[a.block]
                spans = self.spans.get(id(a.p))
                other = spans.clash(a.start, a.end) if spans is not None else None
                if other is not None:
                    return other
        return None

    def add(self, pe: PlannedEdit) -> None:
        for b in pe.whole_blocks:
            self.whole[b] = pe
        for b in pe.deleted_blocks:
            self.deleted[b] = pe
        if pe.section.heading is not None:
            self.targets.setdefault(pe.section.heading, pe)
        for a in pe.actions:
            if isinstance(a, TextChange):
                spans = self.spans.get(id(a.p))
                if spans is None:
                    spans = self.spans[id(a.p)] = _Spans()
                spans.add(a.start, a.end, pe)
                self.touched.setdefault(a.block, pe)
            elif isinstance(a, DeleteRow):  # every cell paragraph of a deleted row is claimed whole
                for p in a.tr.iter(W["p"]):
                    self.spans.setdefault(id(p), []).append((0, 1 << 30, pe))


class _Spans:
    """The character spans edits change in one paragraph, sorted, so that checking a new
    span costs O(log n) and not a walk over every earlier one (10,000 edits of one
    paragraph made 50 million comparisons).  The stored spans never overlap (each was
    checked before it was added), so sorted by start their ends never decrease: the spans
    that can meet [a, b) are found by bisection on the starts, walking back only while an
    end reaches ``a``."""

    __slots__ = ("keys", "edits")

    def __init__(self) -> None:
        self.keys: list[tuple[int, int]] = []
        self.edits: list[PlannedEdit] = []

    def clash(self, a: int, b: int) -> PlannedEdit | None:
        i = bisect_right(self.keys, (b, b))  # every span starting after b is past reach
        while i > 0:
            i -= 1
            s, e = self.keys[i]
            if e < a:
                break
            if _overlap(a, b, s, e):
                return self.edits[i]
        return None

    def add(self, a: int, b: int, pe: PlannedEdit) -> None:
        i = bisect_right(self.keys, (a, b))
        self.keys.insert(i, (a, b))
        self.edits.insert(i, pe)


def _overlap(s1: int, e1: int, s2: int, e2: int) -> bool:
    if s1 == e1 and s2 == e2:
        return False  # two insertions at one point: both apply, in order
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


__all__ = ["make_plan", "Planner", "Plan", "PlannedEdit", "TextChange", "NewParagraphs", "DeleteBlocks", "CommentOn",
           "NewRow", "DeleteRow",
           "word_changes", "align", "tidy_deletion"]
