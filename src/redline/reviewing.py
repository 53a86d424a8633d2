"""The review: the plan of a draft and its letters, checked and corrected by a person before
anything is written (what ``redline serve`` shows; usable from Python alone).

Letters are read by rules from prose, so some instructions will be misread.  A ``Review``
lays every instruction out beside the letter's own words, with what redline made of it and
its state, and takes corrections; ``write`` then produces exactly what ``redline apply``
produces from the corrected edits files, which it writes too (so the command line
reproduces the result)::

    review = redline.review("draft.docx", ["stc.txt", "vpubnd.docx"])
    item = review.items(review.sources[1])[3]      # an Item: quote, edit, state, reason, ...
    review.retarget(item.id, "II.2")               # pick its section
    review.set_comment(other.id, True)             # a comment instead of a tracked change
    review.fields(row.id)                          # a new table row: one field a cell, by column
    review.set_cells(row.id, ["4", "Huyện Sơn Trà", "743", "741", "99,7%"])
    out = review.write("out/")                     # docx, summaries, corrected edits files

Why it is shaped so:

* The draft is opened and outlined ONCE; letters are extracted against that outline.  A
  correction re-plans against the same, never-modified original: a ``Planner`` subclass
  remembers each edit's planning by its content, so re-planning after one correction
  plans only the corrected edit and re-runs the cheap conflict pass over the others.
* The review plans exactly the corrected edits files it would write (same names, order,
  authors, dates, numbering), with ``make_plan(keep_going=True)`` so every problem shows at
  once: an edit that cannot apply is listed as unresolved (and goes to the file's
  ``unresolved`` list, with the edit, so ``apply`` runs); two edits of one source that
  change the same text are a blocking conflict the person must settle (``apply`` refuses
  them too).
* Corrections are plain edits-file changes (``target``, ``as_comment``, new text or a row's
  ``cells``, moving an instruction out of ``edits``): nothing the command line cannot express.
* Every instruction's new words are editable, as ``fields``: one text (the paragraphs, the
  replacing words, a cell's new text) or, for a table row, one text a cell, each labelled
  by the header of the column it stands under as the draft's outline reads it.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .edits import Edit, load_edits, now_iso, parse_edits
from .errors import EditsError, RedlineError, ResolveError
from .messages import Joined, Message, joined, language, msg, render
from .model import Outline, Section
from .plan import Plan, PlannedEdit, Planner, make_plan

LETTER_SUFFIXES = (".txt", ".docx", ".pdf", ".md")

# States of an instruction, in the order a reviewer settles them.
CONFLICT = "conflict"  # two edits change the same text: blocking (same source) or kept as a comment
UNRESOLVED = "unresolved"  # its place in the draft is not found, or the edit cannot apply there
APPLY = "apply"  # a tracked change
COMMENT = "comment"  # a Word comment (asked for, or chosen instead of a change)
IGNORED = "ignored"  # the letter's words ask for no change ("Thống nhất với dự thảo.")
SKIPPED = "skipped"  # the reviewer left it out
STATES = (CONFLICT, UNRESOLVED, APPLY, COMMENT, IGNORED, SKIPPED)


@dataclass
class ReviewSource:
    """One letter or edits file, as read: who sent it, and its corrected edits document."""

    index: int
    name: str  # the file name as uploaded / given
    kind: str  # "letter" or "edits"
    edits_name: str  # the corrected edits file's name (also the source name apply shows)
    document: dict  # the edits document as read (extract's, or the file's)
    author: str | None = None  # corrected sender; None: the document's own
    date: str = ""
    path: Path | None = None  # the file it was read from (never written over)

    @property
    def letter(self) -> dict:
        return dict(self.document.get("letter") or {})

    @property
    def sender(self) -> str | None:
        return self.author or self.document.get("author") or self.letter.get("sender")

    @property
    def number(self) -> str | None:
        return self.letter.get("number")

    @property
    def letter_date(self) -> str | None:
        return self.letter.get("date") or (self.document.get("date") or "")[:10] or None

    @property
    def source_line(self) -> str | None:
        return self.document.get("source")

    @property
    def problem(self) -> Message | None:
        """What stops this source's edits from being planned at all."""
        if not self.sender:
            return msg("no sender found in the letter: enter the department's name")
        return None


@dataclass
class Item:
    """One instruction (or one sentence asking for nothing), in letter order, with its state."""

    id: str
    source: int
    n: int | str | None
    quote: str | None
    kind: str  # "edit" (read as an edit), "unresolved" (read, target not found), "ignored"
    original: dict | None  # the edit as read (None: nothing could be built from the words)
    edit: dict | None  # the edit as corrected
    included: bool  # planned (an edit, or an unresolved one the reviewer gave a target)
    skipped: bool = False
    read_reason: str | None = None  # extract's reason for an unresolved instruction (as written in the file)
    read_candidates: list[str] = field(default_factory=list)
    # -- set by planning
    state: str = APPLY
    reason: Message | str | None = None  # rendered in the reader's language (messages.render)
    candidates: list[str] = field(default_factory=list)
    blocking: bool = False  # apply would refuse while this stands
    conflict_with: str | None = None  # "cat.edits.json: edit 8 (n=4) (Công an tỉnh)"
    planned: PlannedEdit | None = None
    number: int | None = None  # the edit's number in the corrected run (apply's [N])

    @property
    def corrected(self) -> bool:
        return self.skipped or (self.edit != self.original) or (self.kind == "unresolved" and self.included)

    @property
    def text(self) -> str | None:
        """The new text the reviewer may edit (paragraphs one per line), None when the op has
        none or its new words are a table row's cells (``cells``)."""
        return new_text(self.edit) if self.edit else None

    @property
    def cells(self) -> list[str] | None:
        """A new or rewritten table row's cell texts, left to right; None for other edits."""
        return list(self.edit["cells"]) if self.edit and self.edit.get("cells") is not None else None


@dataclass
class Field:
    """One editable piece of an instruction's new words, as a form shows it."""

    label: Message | str  # what it holds: a page text, or a cell's column header (the draft's words)
    value: str
    cell: bool = False  # one cell of a table row (its value is one cell's text)


@dataclass
class ReviewOutput:
    docx: Path
    summary_html: Path
    summary_text: Path
    edits_files: list[Path]
    command: str
    result: Any  # the ApplyResult


# ---------------------------------------------------------------------------- the edit's new text

def new_text(edit: dict) -> str | None:
    """The text an edit puts into the draft, as one string (paragraphs one per line)."""
    op = edit.get("op")
    if op == "replace_text":
        return edit.get("replace", "")
    if op == "comment":
        return edit.get("text", "")
    if op == "delete":
        return None
    if edit.get("paragraphs") is not None:
        return "\n".join(edit["paragraphs"])
    if edit.get("text") is not None:
        return edit["text"]
    if edit.get("heading") is not None:
        return edit["heading"]
    return None


def with_new_text(edit: dict, text: str) -> dict:
    """The edit with its new text replaced (the same field it had; paragraphs split on lines)."""
    op = edit.get("op")
    out = dict(edit)
    if op == "replace_text":
        out["replace"] = text
    elif op == "comment":
        out["text"] = text
    elif op == "delete":
        raise EditsError(msg("a deletion has no new text to edit"))
    elif edit.get("cells") is not None:
        raise EditsError(msg("a table row's new words are its cells: give one text a cell"))
    elif edit.get("paragraphs") is not None:
        out["paragraphs"] = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    elif edit.get("text") is not None:
        out["text"] = text
    elif edit.get("heading") is not None:
        out["heading"] = text
    else:
        raise EditsError(msg("op '{op}' has no new text to edit", op=op))
    return out


def describe(edit: dict | None) -> Message | str:
    """The operation in plain words ("add at the end", "thêm vào cuối" ...), a lazy message."""
    from .edits import operation_name

    return operation_name(edit.get("op", "")) if edit else ""


# ---------------------------------------------------------------------------- planning, remembered

class _RememberingPlanner(Planner):
    """A ``Planner`` that remembers each edit's planning (or its error) by the edit's content.

    Planning an edit depends only on the edit and the original draft, never on the other
    edits (those meet only in ``make_plan``'s conflict pass), so an unchanged edit's
    ``PlannedEdit`` is reused, re-bound to the new ``Edit`` object."""

    def __init__(self, outline: Outline):
        super().__init__(outline)
        self._memo: dict[str, tuple[PlannedEdit | RedlineError, list, list, str]] = {}

    def start(self) -> None:
        """A new plan: the renumbering notes and warnings are the new plan's edits' only."""
        self.plan_notes, self.plan_warnings = [], []

    def plan(self, edit: Edit) -> PlannedEdit:
        key = _edit_key(edit)
        found = self._memo.get(key)
        if found is not None and (found[1] or found[2]) and found[3] != edit.where:
            found = None  # its renumbering notes name the edit by number: plan it again under its new one
        if found is None:
            notes, warnings = len(self.plan_notes), len(self.plan_warnings)
            try:
                result: PlannedEdit | RedlineError = super().plan(edit)
            except (ResolveError, EditsError) as exc:
                result = exc
            found = self._memo[key] = (result, self.plan_notes[notes:], self.plan_warnings[warnings:], edit.where)
        else:  # what planning it said the first time, said again
            self.plan_notes.extend(found[1])
            self.plan_warnings.extend(found[2])
        if isinstance(found[0], RedlineError):
            raise found[0]
        return _rebind(found[0], edit)


_NOT_PLANNING = {"index", "source", "strict", "date", "n", "note", "quote"}


def _edit_key(edit: Edit) -> str:
    return json.dumps({k: v for k, v in vars(edit).items() if k not in _NOT_PLANNING}, sort_keys=True,
                      ensure_ascii=False, default=str)


def _rebind(pe: PlannedEdit, edit: Edit) -> PlannedEdit:
    if pe.edit is edit:
        return pe
    return PlannedEdit(edit, pe.section, [dataclasses.replace(a, edit=edit) for a in pe.actions],
                       set(pe.whole_blocks), set(pe.deleted_blocks), pe.demoted_from, pe.winner)


# ---------------------------------------------------------------------------- the review

class Review:
    """A draft, its sources and the corrected plan.  Build with ``redline.review``."""

    def __init__(self, draft: str | Path, *, limits: Any = None, date: str | None = None,
                 lang: str | None = None):
        from .intake import check_draft_path
        from .messages import detect_language
        from .options import language_option
        from .package import open_docx
        from .pipeline import draft_paragraphs
        from .sections.outline import build

        self.draft = Path(draft)
        chosen = language_option(lang)
        with language(chosen):
            check_draft_path(self.draft)
            self.document = open_docx(self.draft, limits=limits) if limits is not None else open_docx(self.draft)
        # the plan speaks the draft's language, as apply does (its comment texts go into the .docx)
        self.lang = chosen or detect_language("\n".join(draft_paragraphs(self.document, limit=200)))
        with language(self.lang):
            self.outline: Outline = build(self.document)
        self._draft_paragraphs: list[str] | None = None  # for telling a letter from another draft
        self.date = date or now_iso()  # the revision date of sources that give none
        self.sources: list[ReviewSource] = []
        self._items: dict[int, list[Item]] = {}
        self._planner = _RememberingPlanner(self.outline)
        self._sections = list(self.outline.walk())
        self.plan: Plan | None = None
        self.problems: list[Message | Joined] = []  # what stops write(); empty when it can run

    # -- sources

    def add_source(self, path: str | Path, name: str | None = None) -> ReviewSource:
        """Read a letter (.txt, .docx, .pdf) or an edits file (.json) and plan again; a letter
        that is no letter for this draft is refused as ``apply`` refuses it."""
        with language(self.lang):
            return self._add_source(Path(path), name)

    def _add_source(self, p: Path, name: str | None) -> ReviewSource:
        from .pipeline import draft_paragraphs, read_letter

        name = name or p.name
        suffix = p.suffix.lower()
        if suffix == ".json":
            document = _read_json(p, name)
            letter_text = None
            kind = "edits"
        elif suffix in LETTER_SUFFIXES:
            from .letters.source import letter_paragraphs

            if self._draft_paragraphs is None:
                self._draft_paragraphs = draft_paragraphs(self.document)
            document = read_letter(p, self.outline, self._draft_paragraphs)
            letter_text = "\n".join(letter_paragraphs(p))  # read again only to place each instruction
            kind = "letter"
        else:
            raise EditsError(msg("unknown source type '{suffix}': expected an edits file (.json) or a letter "
                                 "(.txt, .docx, .pdf)", suffix=p.suffix), file=name)
        index = max((s.index for s in self.sources), default=-1) + 1
        source = ReviewSource(index, name, kind, self._edits_name(name), document,
                              date=document.get("date") or self.date, path=p)
        self.sources.append(source)
        self._items[index] = _read_items(source, letter_text)
        self.replan()
        return source

    def remove_source(self, index: int) -> None:
        self.source(index)  # a source that is not there is an error, not a silent no-op
        self.sources = [s for s in self.sources if s.index != index]
        self._items.pop(index, None)
        self.replan()

    def source(self, index: int) -> ReviewSource:
        for s in self.sources:
            if s.index == index:
                return s
        raise EditsError(msg("no source number {index}", index=index))

    def items(self, source: ReviewSource | int | None = None) -> list[Item]:
        """The instructions of one source in letter order (all sources when None)."""
        if source is None:
            return [i for s in self.sources for i in self._items[s.index]]
        index = source.index if isinstance(source, ReviewSource) else source
        return list(self._items[index])

    def item(self, item_id: str) -> Item:
        m = re.fullmatch(r"s(\d+)-(\d+)", item_id or "")
        if m and int(m.group(1)) in self._items:
            items = self._items[int(m.group(1))]
            k = int(m.group(2))
            if k < len(items):
                return items[k]
        raise EditsError(msg("no instruction {item!r}", item=item_id))

    # -- corrections: each re-plans at once and returns the item

    def retarget(self, item_id: str, reference: str) -> Item:
        """Aim the instruction at the section ``reference`` resolves to (also resolves an
        unresolved one; an instruction nothing could be built from becomes a comment there)."""
        item = self.item(item_id)
        if item.kind == "ignored":
            raise EditsError(msg("this sentence asks for no change: there is nothing to skip"))
        section = self.resolve(reference)
        if item.edit is None:
            edit = {"op": "comment", "target": section.address, "text": item.quote or ""}
            if item.n is not None:
                edit = {"n": item.n, **edit}
            if item.quote:
                edit["quote"] = item.quote
        else:
            edit = {**item.edit, "target": section.address}
        self._check(item, edit)
        item.edit = edit
        item.included = True
        item.skipped = False
        self.replan()
        return item

    def set_comment(self, item_id: str, as_comment: bool) -> Item:
        """Write the instruction as a Word comment with its proposed wording (True) or as the
        tracked change it asks for (False)."""
        item = self._editable(item_id)
        if item.edit.get("op") == "comment":
            if not as_comment:
                raise EditsError(msg("this instruction only asks for a comment: it has no change to make"))
            return item
        edit = {k: v for k, v in item.edit.items() if k != "as_comment"}
        if as_comment:
            edit["as_comment"] = True
        item.edit = edit
        self.replan()
        return item

    def set_text(self, item_id: str, text: str) -> Item:
        """Replace the new text the instruction puts into the draft."""
        item = self._editable(item_id)
        edit = with_new_text(item.edit, text)
        self._check(item, edit)
        item.edit = edit
        self.replan()
        return item

    def set_cells(self, item_id: str, cells: list[str]) -> Item:
        """Replace a table row's new cell texts (a new row, or a row rewritten), left to right,
        one a field of ``fields``."""
        item = self._editable(item_id)
        if item.edit.get("cells") is None:
            raise EditsError(msg("this instruction changes no table row: edit its new text instead"), n=item.n)
        if not isinstance(cells, (list, tuple)) or not all(isinstance(c, str) for c in cells):
            raise EditsError(msg("a row's cells are a list of texts, one a cell"), n=item.n, field="cells")
        edit = {**item.edit, "cells": [c.strip() for c in cells]}
        self._check(item, edit)
        item.edit = edit
        self.replan()
        return item

    def skip(self, item_id: str, skipped: bool = True) -> Item:
        """Leave the instruction out (listed as skipped in the summary), or take it back."""
        item = self.item(item_id)
        if item.kind == "ignored":
            raise EditsError(msg("this sentence asks for no change: there is nothing to skip"))
        item.skipped = skipped
        self.replan()
        return item

    def reset(self, item_id: str) -> Item:
        """Back to the instruction as read."""
        item = self.item(item_id)
        item.edit = copy.deepcopy(item.original)
        item.included = item.kind == "edit"
        item.skipped = False
        self.replan()
        return item

    def set_author(self, index: int, author: str) -> ReviewSource:
        """The sending department's name, when the letter does not say it (or says it wrong)."""
        source = self.source(index)
        author = " ".join((author or "").split())
        if not author:
            raise EditsError(msg("the sender's name is empty"))
        if len(author) > 500:
            raise EditsError(msg("the sender's name is over {limit} characters", limit=500))
        source.author = author
        self.replan()
        return source

    def _editable(self, item_id: str) -> Item:
        item = self.item(item_id)
        if item.edit is None:
            raise EditsError(msg("pick a section for this instruction first"))
        return item

    def _check(self, item: Item, edit: dict) -> None:
        """A corrected edit must still be a valid edit (schema, characters)."""
        try:
            parse_edits({"author": "x", "edits": [edit]})
        except EditsError as exc:  # named by the instruction's own number, not the one-edit test file's
            raise EditsError(exc.message, n=item.n, field=exc.field, hint=exc.hint) from None

    # -- the new words, as fields

    def fields(self, item: Item | str) -> list[Field]:
        """The instruction's new words as a form edits them: one field a cell of a table row
        (labelled by its column's header; more fields than the edit gives when the row has
        more cells, so the person sees the cells left empty), else one field with the new text
        (labelled with the cell it goes into when it changes a cell), none when it has no new
        words (a deletion, or nothing built from the letter's words yet)."""
        item = self.item(item) if isinstance(item, str) else item
        if item.edit is None:
            return []
        with language(self.lang):
            table = self._table_target(item)
        cells = item.cells
        if cells is not None:
            labels = self._row_labels(item, table)
            count = max(len(labels), len(cells))
            return [Field(labels[k] if k < len(labels) and labels[k] else msg("cell {k}", k=k + 1),
                          cells[k] if k < len(cells) else "", cell=True) for k in range(count)]
        text = item.text
        if text is None:
            return []
        where = self._cell_words(table) if table is not None else None
        if item.edit.get("op") == "replace_text":
            label = (msg("New words for “{find}” in the cell at {cell}", find=item.edit.get("find", ""), cell=where)
                     if where else msg("New words for “{find}”", find=item.edit.get("find", "")))
        elif where:
            label = msg("New text of the cell at {cell}", cell=where)
        else:
            label = msg("New text (one paragraph a line)")
        return [Field(label, text)]

    def _table_target(self, item: Item):
        """The table row / column / cell the instruction names (a ``TableTarget``), None when it
        names no table part or its target is not found."""
        section = item.planned.section if item.planned is not None else None
        if section is None:
            try:
                edit = parse_edits({"author": "x", "edits": [item.edit]}).edits[0]
                section = self._planner.target(edit)
            except RedlineError:
                return None
        return getattr(section, "table", None)

    @staticmethod
    def _row_labels(item: Item, table) -> list[str]:
        from .sections.tables import model_row, row_labels

        if table is None:
            return []
        op = item.edit.get("op")
        if op == "replace":
            return row_labels(table, table.row) if table.row is not None else []
        return row_labels(table, model_row(table, after=op != "insert_before"))

    @staticmethod
    def _cell_words(table) -> Message | None:
        """"row 3, column “Tỷ lệ đúng hạn”" for a target of one row and column, else None."""
        from .sections.tables import column_label

        if table.row is None or table.cols is None:
            return None
        column = column_label(table.info, table.cols) or str(table.cols.start + 1)
        return msg("row {row}, column “{column}”", row=table.row_label(), column=column)

    # -- the draft, for pickers

    @property
    def section_count(self) -> int:
        return len(self._sections)

    def resolve(self, reference: str) -> Section:
        from .sections.references import resolve

        reference = (reference or "").strip()
        if not reference:
            raise ResolveError(msg("no section given"))
        special = self.outline.by_address().get(reference)
        if special is not None:
            return special
        if reference == "*":
            return self.outline.whole()
        return resolve(self.outline, reference)

    def sections(self, parent: str | None = None) -> list[Section]:
        """The children of ``parent`` (the top level when None): the outline, one level at a time."""
        if not parent:
            return list(self.outline.sections)
        return list(self.resolve(parent).children)

    def find_sections(self, query: str, limit: int = 50) -> list[Section]:
        """Sections whose address or label starts with ``query``, then those whose heading
        holds all its words (no case, no diacritics), in document order."""
        from .text import fold

        q = (query or "").strip()
        if not q:
            return []
        by_number, by_words = [], []
        qn = q.rstrip(".").lower()
        words = fold(q).split()
        for s in self._sections:
            if s.address.lower().startswith(qn) or s.label.lower().rstrip(". ").startswith(qn):
                by_number.append(s)
            elif words and all(w in _folded_title(s) for w in words):
                by_words.append(s)
            if len(by_number) >= limit:
                break
        return (by_number + by_words)[:limit]

    # -- planning

    def edits_documents(self) -> list[tuple[ReviewSource, dict]]:
        """Each source's corrected edits document, in source order: what ``write`` saves and
        ``redline apply`` reads back."""
        out = []
        for s in self.sources:
            doc: dict[str, Any] = {}
            if s.sender:
                doc["author"] = s.sender
            doc["date"] = s.date
            if s.document.get("source"):
                doc["source"] = s.document["source"]
            if s.document.get("letter"):
                doc["letter"] = s.document["letter"]
            edits, unresolved, ignored = [], [], []
            for item in self._items[s.index]:
                if item.kind == "ignored":
                    ignored.append(item.quote or "")
                elif item.skipped:
                    unresolved.append(_unresolved_entry(item, render(msg("skipped by the reviewer"))))
                elif item.included and item.state != UNRESOLVED:
                    edits.append(item.edit)
                else:
                    unresolved.append(_unresolved_entry(item, render(item.reason or item.read_reason)
                                                        or render(msg("not resolved"))))
            doc["edits"] = edits
            doc["unresolved"] = unresolved
            doc["ignored"] = ignored
            out.append((s, doc))
        return out

    def replan(self) -> None:
        """Plan every included edit against the original draft and set each item's state."""
        with language(self.lang):
            self._replan()

    def _replan(self) -> None:
        items = [i for s in self.sources for i in self._items[s.index]]
        for item in items:
            item.state, item.reason, item.candidates, item.blocking = APPLY, None, [], False
            item.conflict_with, item.planned, item.number = None, None, None
            if item.kind == "ignored":
                item.state = IGNORED
            elif item.skipped:
                item.state = SKIPPED
            elif not item.included:
                item.state, item.reason = UNRESOLVED, item.read_reason
                item.candidates = list(item.read_candidates)
        self.problems = [joined(s.name, ": ", s.problem) for s in self.sources if s.problem]
        # first pass: which included edits can apply; second: number those as apply will
        plan, by_edit = self._plan_included()
        failed = {id(by_edit[id(u["edit"])]) for u in plan.skipped if not u.get("conflict_with")}
        if failed:
            for u in plan.skipped:
                item = by_edit[id(u["edit"])]
                if not u.get("conflict_with"):
                    item.state, item.reason = UNRESOLVED, u["error"].message
                    item.candidates = list(u.get("candidates") or [])
            plan, by_edit = self._plan_included(exclude=failed)
        for u in plan.skipped:
            item = by_edit[id(u["edit"])]
            if u.get("conflict_with") is not None:
                item.state, item.reason, item.blocking = CONFLICT, u["error"].message, True
                item.conflict_with = _name_edit(u["conflict_with"])
                self.problems.append(joined(u["error"].message, msg(": skip one or make one a comment")))
            else:  # cannot happen: the failures were taken out above
                item.state, item.reason = UNRESOLVED, u["error"].message
        for pe in plan.edits:
            item = by_edit[id(pe.edit)]
            item.planned = pe
            item.number = pe.edit.index
            if pe.winner is not None:
                item.state, item.conflict_with = CONFLICT, _name_edit(pe.winner)
                item.reason = next((c for c in plan.conflicts
                                    if isinstance(c, Message) and c.params.get("loser") == pe.edit.where), None)
            elif pe.demoted_from or pe.edit.op == "comment":
                item.state = COMMENT
            else:
                item.state = APPLY
        self.plan = plan

    def _plan_included(self, exclude: set[int] = frozenset()) -> tuple[Plan, dict[int, Item]]:
        multi = len(self.sources) > 1
        edits: list[Edit] = []
        by_edit: dict[int, Item] = {}
        for s in self.sources:
            if s.problem:
                continue
            chosen = [i for i in self._items[s.index]
                      if i.included and not i.skipped and i.kind != "ignored" and id(i) not in exclude]
            ef = parse_edits({"author": s.sender, "date": s.date, "edits": [i.edit for i in chosen]},
                             where=s.edits_name, allow_empty=True)
            for item, e in zip(chosen, ef.edits):
                e.source = s.edits_name if multi else None
                by_edit[id(e)] = item
            edits.extend(ef.edits)
        if multi:
            for k, e in enumerate(edits, start=1):
                e.index = k
        self._planner.start()
        plan = make_plan(self.outline, edits, keep_going=True, planner=self._planner)
        return plan, by_edit

    # -- views

    def view(self, item: Item):
        """The summary's view of a planned instruction (address, title, +/- words, the inline
        redline lines), as the HTML summary shows it; None when it is not planned."""
        from .summary import edit_views

        if item.planned is None:
            return None
        return edit_views([item.planned])[0]

    def counts(self, source: ReviewSource | int | None = None) -> dict[str, int]:
        out = {state: 0 for state in STATES}
        for item in self.items(source):
            out[item.state] += 1
        return out

    # -- writing

    def write(self, folder: str | Path, output: str | None = None, *, force: bool = True) -> ReviewOutput:
        """Write the corrected edits files into ``folder``, then ``redline.apply`` them to the
        draft: the tracked-changes .docx and the summary (HTML and text) in ``folder``.  The
        summary names the files as ``command`` (``redline apply DRAFT EDITS... -o OUT``, run in
        ``folder`` beside a copy of the draft) would.

        Every path goes through the guarded writer and is judged before any work (never the
        draft or a source, an existing file only with ``force``); the edits files are written
        together, then the .docx by ``apply``, then the two summaries together."""
        from .api import apply
        from .package import check_outputs, write_outputs

        if self.problems:
            raise RedlineError(msg("cannot create the redline yet: {problems}",
                                   problems=joined(*self.problems, sep="; ")))
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / (output or (self.draft.stem + ".redline.docx"))
        documents = self.edits_documents()
        files = [folder / s.edits_name for s, _ in documents]
        summaries = [out.with_suffix(".summary.html"), out.with_suffix(".summary.txt")]
        inputs = [self.draft, *(s.path for s in self.sources if s.path is not None)]
        with language(self.lang):
            check_outputs([*files, out, *summaries], inputs=inputs, force=force)
            write_outputs([(path, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
                           for path, (_, doc) in zip(files, documents)], inputs=inputs, force=force)
        result = apply(self.draft, files, out, force=force, lang=self.lang)
        _relative_paths(result, folder)
        with language(self.lang):
            write_outputs([(summaries[0], result.render("html")), (summaries[1], result.render("text"))],
                          inputs=inputs + files + [out], force=force)
        command = " ".join(["redline", "apply", shlex.quote(self.draft.name)]
                           + [shlex.quote(f.name) for f in files] + ["-o", shlex.quote(out.name)])
        return ReviewOutput(out, summaries[0], summaries[1], files, command, result)

    def _edits_name(self, name: str) -> str:
        stem = re.sub(r"[^\w.\-]+", "_", Path(name).stem, flags=re.UNICODE).strip("._") or "source"
        taken = {s.edits_name for s in self.sources} | {s.name for s in self.sources} | {self.draft.name}
        candidate, k = f"{stem}.edits.json", 2
        while candidate in taken:
            candidate, k = f"{stem}-{k}.edits.json", k + 1
        return candidate


def review(draft: str | Path, sources: Iterable[str | Path] = (), *, limits: Any = None,
           date: str | None = None, lang: str | None = None) -> Review:
    """Open ``draft`` once, read ``sources`` (letters and edits files, in order) and plan them."""
    r = Review(draft, limits=limits, date=date, lang=lang)
    for s in sources:
        r.add_source(s)
    return r


# ---------------------------------------------------------------------------- helpers

def _read_json(p: Path, name: str) -> dict:
    """An edits file, validated with ``load_edits``'s checks and messages, as its dict (an
    author may be missing: the reviewer can give it, as ``--author`` does)."""
    try:
        load_edits(p, author="-", allow_empty=True)
    except EditsError as exc:
        raise EditsError(exc.message, file=name, edit=exc.edit, n=exc.n, field=exc.field, hint=exc.hint) from None
    return json.loads(p.read_text("utf-8-sig"))


def _read_items(source: ReviewSource, letter_text: str | None = None) -> list[Item]:
    """Edits, unresolved instructions and ignored sentences, in letter order: where the
    letter's words stand in ``letter_text`` (the letter as extract read it) when they are
    found there, else by instruction number (what has neither keeps its reading order)."""
    doc = source.document
    items: list[Item] = []
    for e in doc.get("edits", []):
        items.append(Item("", source.index, e.get("n"), e.get("quote"), "edit", copy.deepcopy(e),
                          copy.deepcopy(e), True))
    for u in doc.get("unresolved", []):
        e = u.get("edit")
        items.append(Item("", source.index, u.get("n"), u.get("quote") or u.get("instruction"), "unresolved",
                          copy.deepcopy(e), copy.deepcopy(e), False, read_reason=u.get("reason"),
                          read_candidates=list(u.get("candidates") or [])))
    for text in doc.get("ignored", []):
        items.append(Item("", source.index, None, text, "ignored", None, None, False))
    folded = _flat(letter_text) if letter_text else ""
    keys = []
    for seq, item in enumerate(items):
        at = folded.find(_flat(item.quote)[:80]) if folded and item.quote else -1
        keys.append(((0, at, 0) if at >= 0 else (1, 0, 0), _n_key(item.n) if at < 0 else (), seq))
    items = [item for _, item in sorted(zip(keys, items), key=lambda pair: pair[0])]
    for k, item in enumerate(items):
        item.id = f"s{source.index}-{k}"
    return items


def _flat(text: str) -> str:
    """Text compared for finding a quote in its letter: NFC, one space, no case."""
    from .text import clean

    return clean(text).casefold()


def _n_key(n: Any) -> tuple:
    if n is None:
        return (1,)
    parts = re.findall(r"\d+|[^\d.]+", str(n))
    return (0, tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts))


def _unresolved_entry(item: Item, reason: str) -> dict:
    edit = item.edit
    out: dict[str, Any] = {}
    if item.n is not None:
        out["n"] = item.n
    out["instruction"] = item.quote or (f"{edit['op']} {edit['target']}" if edit else "")
    out["reason"] = reason
    candidates = item.candidates or item.read_candidates
    if candidates:
        out["candidates"] = list(candidates)
    if item.quote:
        out["quote"] = item.quote
    if edit is not None:
        out["edit"] = edit
    return out


def _name_edit(edit: Edit) -> str:
    return f"{edit.where} ({edit.author})"


def _folded_title(section: Section) -> str:
    from .text import fold

    key = getattr(section, "_review_fold", None)
    if key is None:
        key = fold(section.title)
        section._review_fold = key  # type: ignore[attr-defined]
    return key


def _relative_paths(result, folder: Path) -> None:
    """Name the files as ``command`` does, run in ``folder`` with the draft copied there: the
    written files relative to ``folder``, the draft by its name (no temporary paths)."""
    def rel(p):
        if p is None:
            return None
        try:
            return Path(p).resolve().relative_to(folder.resolve())
        except ValueError:
            return Path(Path(p).name)

    result.draft = rel(result.draft)
    result.output = rel(result.output)
    result.sources = [{**s, "path": str(rel(s["path"]))} for s in result.sources]


__all__ = ["review", "Review", "ReviewSource", "Item", "Field", "ReviewOutput", "STATES", "new_text", "describe"]
