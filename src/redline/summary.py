"""The redline summary: what the letters did to the draft, readable in a minute.

What was NOT applied comes first (an instruction nobody sees is worse than a wrong one), then
the draft, one compact line per source (department, number, date, file), the counts, and one
block per edit: its number, the operation in plain words, the section, the letter's own item
number, +N/-M words, and the change: inserted and deleted paragraphs in full, a changed
paragraph as an inline redline with a little context.  Then conflicts kept as comments, the
statements that asked for no change, and warnings.

Four renderings of one model (text, markdown, json, html), every label in the run's language
(``messages``).  The Markdown is written for CommonMark, GitHub and pandoc alike: every
paragraph its own block, text escaped, and a change widened to whole words where ``**`` or
``~~`` beside punctuation would not open or close (tests/test_summary.py renders it with
pandoc's markdown and gfm readers).  The HTML needs no script, no web font and no emoji
(tests/test_summary_browser.py renders it in Chromium).
"""
from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from . import diff as wdiff
from .diff import DELETE, EQUAL, INSERT
from .edits import operation_name
from .match import ParagraphText
from .messages import current_language, joined, msg, render as say
from .ooxml import block_text
from .plan import CommentOn, DeleteBlocks, DeleteRow, NewParagraphs, NewRow, PlannedEdit, TextChange
from .text import clean

CONTEXT_WORDS = 8  # words of unchanged text kept on each side of a change inside a paragraph


@dataclass
class EditView:
    number: int
    n: int | str | None
    op: str
    address: str
    title: str
    author: str
    source: str | None
    note: str | None
    plus: int = 0
    minus: int = 0
    lines: list[list[tuple[int, str]]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    demoted_from: str | None = None
    conflict: bool = False  # demoted because an earlier source changes the same text (else: "as_comment")


def edit_views(planned: list[PlannedEdit]) -> list[EditView]:
    """Summary blocks for planned edits; call before revising (it reads the original text)."""
    texts: dict = {}  # paragraph -> its text, read once however many edits change it
    return [_view(pe, texts) for pe in planned]


def _view(pe: PlannedEdit, texts: dict | None = None) -> EditView:
    e = pe.edit
    v = EditView(e.index, e.n, e.op, pe.section.address, pe.section.title, e.author, e.source, e.note,
                 demoted_from=pe.demoted_from, conflict=pe.winner is not None)
    by_p: dict[int, tuple] = {}
    order: list[int] = []
    for a in pe.actions:
        if isinstance(a, TextChange):
            if id(a.p) not in by_p:
                by_p[id(a.p)] = (a.p, [])
                order.append(id(a.p))
                v.lines.append(None)  # placeholder, filled below in action order
            by_p[id(a.p)][1].append(a)
        elif isinstance(a, NewParagraphs):
            for t in a.texts:
                v.lines.append([(INSERT, t)])
                v.plus += _words(t)
        elif isinstance(a, DeleteBlocks):
            for b in a.blocks:
                t = clean(block_text(b))
                if t:
                    v.lines.append([(DELETE, t)])
                    v.minus += _words(t)
        elif isinstance(a, CommentOn):
            v.comments.append(a.text)
        elif isinstance(a, NewRow):
            t = " | ".join(a.cells)
            v.lines.append([(INSERT, t)])
            v.plus += _words(t)
        elif isinstance(a, DeleteRow):
            t = " | ".join(clean(block_text(tc)) for tc in a.tr if tc.tag.endswith("}tc"))
            v.lines.append([(DELETE, t)])
            v.minus += _words(t)
    fill = iter(order)
    for i, line in enumerate(v.lines):
        if line is None:
            p, changes = by_p[next(fill)]
            raw = texts.get(p) if texts is not None else None
            if raw is None:
                raw = ParagraphText(p).text
                if texts is not None:
                    texts[p] = raw
            chunks = _paragraph_chunks(raw, changes, trim=True)
            plus, minus = wdiff.word_counts(chunks)
            v.plus += plus
            v.minus += minus
            v.lines[i] = _trim_context(chunks)
    return v


def _paragraph_chunks(raw: str, changes: list[TextChange], trim: bool = False) -> list[tuple[int, str]]:
    """The paragraph as a diff; with ``trim``, its unchanged stretches already cut to their
    context (as ``_trim_context`` would), reading only the words kept: one edit of a long
    paragraph costs its own size, not the paragraph's (10,000 edits of a 150 KB paragraph
    copied and split it 10,000 times)."""
    chunks: list[tuple[int, str]] = []
    pos = 0
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if c.start > pos:
            chunks.append((EQUAL, _context(raw, pos, c.start, first=not chunks, last=False) if trim
                           else raw[pos:c.start]))
        if c.end > c.start:
            chunks.append((DELETE, raw[c.start:c.end]))
        if c.new:
            chunks.append((INSERT, c.new))
        pos = max(pos, c.end)
    if pos < len(raw):
        chunks.append((EQUAL, _context(raw, pos, len(raw), first=not chunks, last=True) if trim else raw[pos:]))
    return chunks


def _context(raw: str, a: int, b: int, *, first: bool, last: bool) -> str:
    """``_trim_context``'s cut of the unchanged stretch raw[a:b], found with find/rfind from
    its ends (CONTEXT_WORDS steps) instead of splitting the whole stretch into words."""
    keep = CONTEXT_WORDS

    def from_start(k: int) -> int:  # index of the k-th space from a, or -1
        pos = a - 1
        for _ in range(k):
            pos = raw.find(" ", pos + 1, b)
            if pos < 0:
                return -1
        return pos

    def from_end(k: int) -> int:  # index of the k-th space back from b, or -1
        pos = b
        for _ in range(k):
            pos = raw.rfind(" ", a, pos)
            if pos < 0:
                return -1
        return pos

    if first:
        cut = from_end(keep)
        return raw[a:b] if cut < 0 else "…" + raw[cut + 1:b]
    if last:
        cut = from_start(keep)
        return raw[a:b] if cut < 0 else raw[a:cut] + "…"
    head, tail = from_start(keep), from_end(keep)
    if head < 0 or tail < 0 or head >= tail:
        return raw[a:b]
    return raw[a:head] + " … " + raw[tail + 1:b]


def _trim_context(chunks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Unchanged text around the changes cut to a few words (the changes stay whole)."""
    out = []
    for i, (op, text) in enumerate(chunks):
        if op != EQUAL:
            out.append((op, text))
            continue
        words = text.split(" ")
        first, last = i == 0, i == len(chunks) - 1
        keep = CONTEXT_WORDS
        if first and len(words) > keep:
            text = "…" + " ".join(words[-keep:])
        elif last and len(words) > keep:
            text = " ".join(words[:keep]) + "…"
        elif not first and not last and len(words) > 2 * keep:
            text = " ".join(words[:keep]) + " … " + " ".join(words[-keep:])
        out.append((op, text))
    return out


def _words(text: str) -> int:
    return sum(1 for t in wdiff.tokenize(text) if t[:1].isalnum())


# ---------------------------------------------------------------------------- the model all formats share

def _instructions(result) -> tuple[int, int, int]:
    """(applied, not applied, all) instructions; a conflict kept as a comment is not applied (an
    edit a reviewer chose to write as a comment, ``as_comment``, is: as chosen)."""
    applied = sum(1 for v in result.views if not v.conflict)
    missing = len(result.unresolved) + sum(1 for v in result.views if v.conflict)
    return applied, missing, applied + missing


def status_message(result):
    """The one stderr line of a run: what was written, and how many instructions were not applied."""
    applied, missing, total = _instructions(result)
    head = (msg("dry run: nothing written") if result.dry_run else msg("wrote {path}", path=result.output))
    if missing:
        tail = msg("{missing} of {total} {total:plural:instruction:instructions} not applied: see the summary",
                   missing=missing, total=total)
    elif result.dry_run:
        tail = msg("{applied} of {total} {total:plural:instruction:instructions} planned", applied=applied,
                   total=total)
    else:
        tail = msg("{applied} of {total} {total:plural:instruction:instructions} applied", applied=applied,
                   total=total)
    return joined(head, tail, sep="; ")


@dataclass
class _Missing:
    """One instruction that was not applied, for the list at the top."""

    source: str | None
    n: Any
    text: str
    reason: str
    candidates: list[str]


def _missing(result) -> list[_Missing]:
    out = [_Missing(u.get("from"), u.get("n"), clean(u.get("instruction") or ""), say(u.get("reason")),
                    list(u.get("candidates") or [])) for u in result.unresolved]
    for v in result.views:
        if v.conflict:
            out.append(_Missing(v.source, v.n, f"{say(operation_name(v.demoted_from))} {v.address} {v.title}".strip(),
                                say(msg("conflicts with an earlier source's change here: kept as a comment with its "
                                        "proposed wording")), []))
    return out


def _missing_line(m: _Missing) -> tuple[str, str, str]:
    """(where, instruction, why) of a missing instruction, as plain text."""
    where = ", ".join(x for x in (m.source, say(msg("item {n}", n=m.n)) if m.n is not None else None) if x)
    why = m.reason
    if m.candidates:
        why += "; " + say(msg("candidates: {sections}", sections=", ".join(m.candidates)))
    return where, m.text, why


def _not_applied_title(missing: int, total: int) -> str:
    return say(msg("NOT APPLIED: {missing} of {total} {total:plural:instruction:instructions}", missing=missing,
                   total=total))


def _date(value: str | None) -> str | None:
    """'2022-07-13' -> '13/7/2022' in Vietnamese, as written in English; '2022-07' -> '7/2022'."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?:T.*)?", value)
    if not m or current_language() != "vi":
        return value[:10]
    y, mo, d = m.group(1), int(m.group(2)), m.group(3)
    return f"{int(d)}/{mo}/{y}" if d else f"{mo}/{y}"


_SOURCE_NUMBER = re.compile(r"(?:\bsố|\bNo\.?)\s*:?\s*([^\s,;()]*\d[^\s,;()]*|[.…]+/[^\s,;()]+)", re.IGNORECASE)
_SOURCE_DATE = re.compile(r"(?:\bngày|\bdated?)\s+([\d.…]+/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})", re.IGNORECASE)


def _source_parts(s: dict) -> list[tuple[str, str]]:
    """One source as (kind, text) parts: department, number, date, file."""
    letter = s.get("letter") or {}
    parts = []
    dept = letter.get("sender") or s.get("author")
    if dept:
        parts.append(("department", dept))
    number = letter.get("number") or (f"…/{letter['symbol']}" if letter.get("symbol") else None)
    date = _date(letter.get("date"))
    if not letter and s.get("source"):  # an edits file's "source": "Văn bản số 845/STP-VP ngày 13/7/2022 ..."
        text = clean(s["source"])
        m = _SOURCE_NUMBER.search(text)
        number = m.group(1).replace("...", "…") if m else None
        m = _SOURCE_DATE.search(text)
        date = m.group(1).replace("...", "…") if m else None
        if not number and not date:
            parts.append(("number", text if len(text) <= 60 else text[:59] + "…"))
    if number:
        parts.append(("number", say(msg("No. {number}", number=number))))
    if date:
        parts.append(("date", date))
    if s.get("path"):
        parts.append(("file", str(s["path"]).replace("\\", "/").rsplit("/", 1)[-1]))
    return parts


def _counts(result) -> str:
    applied, missing, total = _instructions(result)
    plus = sum(v.plus for v in result.views)
    minus = sum(v.minus for v in result.views)
    text = (msg("{applied} of {total} {total:plural:instruction:instructions} planned", applied=applied, total=total)
            if result.dry_run else
            msg("{applied} of {total} {total:plural:instruction:instructions} applied", applied=applied, total=total))
    parts = [say(text), say(msg("+{added} / −{deleted} words", added=plus, deleted=minus))]
    if result.ignored:
        parts.append(say(msg("{count} {count:plural:statement:statements} asked for no change",
                             count=len(result.ignored))))
    return "; ".join(parts)


def accounting_counts(result) -> list[dict]:
    """Per letter: {"path", "sentences", "edit", "comment", "unresolved", "ignored"} -- what became
    of every sentence of its body (issue 17; ``letters/accounting.py``)."""
    from .letters.accounting import counts

    out = []
    for letter in getattr(result, "accounting", None) or []:
        c = counts(letter["entries"])
        out.append({"path": str(letter["path"]), "sentences": len(letter["entries"]), **c})
    return out


def accounting_lines(result) -> list[str]:
    """'letter stc.txt: 6 sentences read — 3 edits, 1 comment, 0 unresolved, 2 ignored': the clerk
    sees that nothing the letter said was dropped."""
    from pathlib import Path

    return [say(msg("letter {name}: {sentences} {sentences:plural:sentence:sentences} read — {edit} "
                    "{edit:plural:edit:edits}, {comment} {comment:plural:comment:comments}, {unresolved} "
                    "unresolved, {ignored} ignored", name=Path(c["path"]).name, sentences=c["sentences"],
                    edit=c["edit"], comment=c["comment"], unresolved=c["unresolved"], ignored=c["ignored"]))
            for c in accounting_counts(result)]


def _edit_title(v: EditView) -> tuple[str, str]:
    """('Replace', 'I.4 Công tác ...') for an edit's heading."""
    op = say(operation_name(v.op))
    op = op[:1].upper() + op[1:]
    if v.conflict:
        op = say(msg("{operation}, kept as a comment (conflict)", operation=op))
    elif v.demoted_from:
        op = say(msg("{operation}, written as a comment (the reviewer's choice)", operation=op))
    address = v.address
    if address == "*":
        address = say(msg("the whole document"))
    elif address in ("title", "preamble", "closing"):
        from .sections.references import part_name

        address = say(part_name(address)) + ":"
    return op, f"{address} {clean(v.title)}".strip() if v.title else address


def _edit_meta(v: EditView, multi: bool) -> str:
    parts = [v.author] if v.author else []
    if v.n is not None:
        parts.append(say(msg("item {n}", n=v.n)))
    parts.append(say(msg("+{added} / −{deleted} words", added=v.plus, deleted=v.minus)))
    return " · ".join(parts)


def _groups(result) -> list[tuple[str | None, list[EditView]]]:
    """Edits grouped by source, in order (one group with no name for a single source); a
    group is named by its source's department and file ("Sở Tư pháp · stp.txt")."""
    names = {}
    for s in result.sources:
        parts = dict(_source_parts(s))
        if parts.get("file"):
            names[parts["file"]] = " · ".join(x for x in (parts.get("department"), parts["file"]) if x)
    groups: list[tuple[str | None, list[EditView]]] = []
    for v in result.views:
        name = names.get(v.source, v.source) if v.source else None
        if not groups or groups[-1][0] != name:
            groups.append((name, []))
        groups[-1][1].append(v)
    return groups


def _renumbered(result) -> list[str]:
    """Typed numbers an insertion moved up (plan.renumbered); the references they may make
    stale are among the warnings."""
    return [say(r) for r in (getattr(result.plan, "renumbered", None) or [])]


def _conflicts(result) -> list[str]:
    return [say(c) for c in (result.plan.conflicts if result.plan else [])]


# ---------------------------------------------------------------------------- rendering

def render(result, fmt: str = "text") -> str:
    """The summary of ``result`` (an ``ApplyResult``) as text, markdown, json or html."""
    if fmt == "json":
        return _json(result)
    if fmt == "html":
        return _html(result)
    if fmt == "markdown":
        return _markdown(result)
    return _text(result)


def _output_label(result) -> str:
    return say(msg("dry run: nothing written")) if result.dry_run else str(result.output)


def _text(result) -> str:
    out = [say(msg("redline summary"))]
    missing = _missing(result)
    applied, n_missing, total = _instructions(result)
    if missing:
        out.append(_not_applied_title(n_missing, total))
        for m in missing:
            where, text, why = _missing_line(m)
            out.append(f"  - {where + ': ' if where else ''}{text} — {why}")
    labels = [(say(msg("draft")), str(result.draft))]
    labels += [(say(msg("source")), " · ".join(t for _, t in _source_parts(s))) for s in result.sources]
    labels.append((say(msg("output")), _output_label(result)))
    width = max(len(k) for k, _ in labels) + 1
    out += [f"  {k + ':':<{width}} {v}" for k, v in labels]
    out += [f"  {_counts(result)}"] + [f"  {line}" for line in accounting_lines(result)] + [""]
    multi = len(result.sources) > 1
    for source, views in _groups(result):
        if multi and source:
            out.append(f"== {source} ==")
        for v in views:
            op, where = _edit_title(v)
            out.append(f"[{v.number}] {op} · {where} · {_edit_meta(v, multi)}")
            if v.note:
                out.append(f"    {say(msg('note'))}: {clean(v.note)}")
            for chunks in v.lines:
                out.append("    " + wdiff.inline(chunks, "text"))
            for c in v.comments:
                out.append(f"    {say(msg('comment'))}: {clean(c)}")
            out.append("")
    renumbered = _renumbered(result)
    if renumbered:
        out.append(say(msg("Renumbered (typed numbers, as tracked changes):")))
        out += [f"  - {r}" for r in renumbered] + [""]
    conflicts = _conflicts(result)
    if conflicts:
        out.append(say(msg("Conflicts (kept as comments):")))
        out += [f"  - {c}" for c in conflicts] + [""]
    if result.ignored:
        out.append(say(msg("No change asked:")))
        out += [f"  - {clean(i)}" for i in result.ignored] + [""]
    if result.warnings:
        out.append(say(msg("Warnings:")))
        out += [f"  - {say(w.render())}" for w in result.warnings] + [""]
    return "\n".join(out).rstrip() + "\n"


# -- Markdown

_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~^$@!])")
_MD_LINE_START = re.compile(r"^([-+=:>%]|\d+[.)](?=\s|$))")


def md_escape(text: str) -> str:
    """Plain text as one Markdown paragraph: every character that could start markup escaped
    (pandoc's extensions too: ~ ^ $ @ | for subscript, superscript, math, citations, tables),
    a line-initial list/heading/quote marker neutralised, breaks and indents flattened."""
    t = re.sub(r"\s+", " ", text).strip()
    t = _MD_INLINE.sub(r"\\\1", t)
    m = _MD_LINE_START.match(t)
    if m:
        t = m.group(1)[:-1] + "\\" + m.group(1)[-1] + t[m.end():]
    return t


def _punct(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch)[0] in "PS"


def _word_align(chunks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Widen each run of changes to whole words where a delimiter beside punctuation inside a
    word would not open or close in CommonMark ("word**, x**"): the widened run is shown as the
    old words deleted and the new words inserted, which reads the same."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(chunks):
        if chunks[i][0] == EQUAL:
            out.append(chunks[i])
            i += 1
            continue
        j = i
        while j < len(chunks) and chunks[j][0] != EQUAL:
            j += 1
        run = chunks[i:j]
        before = out[-1][1] if out and out[-1][0] == EQUAL else ""
        after = chunks[j][1] if j < len(chunks) else ""
        old = "".join(t for op, t in run if op == DELETE)
        new = "".join(t for op, t in run if op == INSERT)
        texts = [t.strip() for t in (old, new) if t.strip()]
        bad_open = bool(before) and not before[-1].isspace() and not _punct(before[-1]) and any(
            _punct(t[0]) for t in texts)
        bad_close = bool(after) and not after[0].isspace() and not _punct(after[0]) and any(
            _punct(t[-1]) for t in texts)
        if bad_open or bad_close:
            left = re.search(r"\S*$", before).group() if bad_open else ""
            right = re.match(r"\S*", after).group() if bad_close else ""
            if left:
                out[-1] = (EQUAL, before[: len(before) - len(left)])
            old, new = left + old + right, left + new + right
            run = [(op, t) for op, t in ((DELETE, old), (INSERT, new)) if t]
            after = after[len(right):]
            out.extend(run)
            if j < len(chunks):
                chunks = chunks[:j] + [(EQUAL, after)] + chunks[j + 1:]
        else:
            out.extend(run)
        i = j
    return [(op, t) for op, t in out if t]


def md_inline(chunks: list[tuple[int, str]]) -> str:
    """A diff as Markdown: ~~deleted~~ and **inserted**, the delimiters always tight around
    words (spaces kept outside), so that every renderer opens and closes them."""
    parts = []
    for op, text in _word_align(chunks):
        flat = re.sub(r"\s+", " ", text)
        if op == EQUAL or not flat.strip():
            parts.append(_MD_INLINE.sub(r"\\\1", flat))
            continue
        lead = flat[: len(flat) - len(flat.lstrip())]
        trail = flat[len(flat.rstrip()):]
        mark = "~~" if op == DELETE else "**"
        body = _MD_INLINE.sub(r"\\\1", flat.strip())
        parts.append(lead + mark + body + mark + trail)
    line = "".join(parts).strip()
    m = _MD_LINE_START.match(line)
    if m:
        line = m.group(1)[:-1] + "\\" + m.group(1)[-1] + line[m.end():]
    return line


def _markdown(result) -> str:
    out = [f"# {md_escape(say(msg('redline summary')))}", ""]
    missing = _missing(result)
    applied, n_missing, total = _instructions(result)
    if missing:
        out += ["## " + md_escape(_not_applied_title(n_missing, total)), ""]
        for m in missing:
            where, text, why = _missing_line(m)
            out.append(f"- {md_escape((where + ': ' if where else '') + text)} — {md_escape(why)}")
        out.append("")
    out.append(f"- {md_escape(say(msg('draft')))}: {md_escape(str(result.draft))}")
    for s in result.sources:
        out.append(f"- {md_escape(say(msg('source')))}: {md_escape(' · '.join(t for _, t in _source_parts(s)))}")
    out.append(f"- {md_escape(say(msg('output')))}: {md_escape(_output_label(result))}")
    out.append(f"- {md_escape(_counts(result))}")
    out += [f"- {md_escape(line)}" for line in accounting_lines(result)]
    out.append("")
    multi = len(result.sources) > 1
    for source, views in _groups(result):
        if multi and source:
            out += [f"## {md_escape(source)}", ""]
        for v in views:
            op, where = _edit_title(v)
            out += [f"### {v.number}\\. {md_escape(op)} · {md_escape(where)}", "", md_escape(_edit_meta(v, multi)), ""]
            if v.note:
                out += [f"{md_escape(say(msg('note')))}: {md_escape(v.note)}", ""]
            for chunks in v.lines:
                out += [md_inline(chunks), ""]
            for c in v.comments:
                out += [f"{md_escape(say(msg('comment')))}: {md_escape(c)}", ""]
    renumbered = _renumbered(result)
    if renumbered:
        out += ["## " + md_escape(say(msg("Renumbered (typed numbers, as tracked changes):")).rstrip(":")), ""]
        out += [f"- {md_escape(r)}" for r in renumbered] + [""]
    conflicts = _conflicts(result)
    if conflicts:
        out += [f"## {md_escape(say(msg('Conflicts (kept as comments):')).rstrip(':'))}", ""]
        out += [f"- {md_escape(c)}" for c in conflicts] + [""]
    if result.ignored:
        out += [f"## {md_escape(say(msg('No change asked:')).rstrip(':'))}", ""]
        out += [f"- {md_escape(i)}" for i in result.ignored] + [""]
    if result.warnings:
        out += [f"## {md_escape(say(msg('Warnings:')).rstrip(':'))}", ""]
        out += [f"- {md_escape(w.render())}" for w in result.warnings] + [""]
    return "\n".join(out).rstrip() + "\n"


# -- JSON

def _json(result) -> str:
    applied, n_missing, total = _instructions(result)
    data: dict[str, Any] = {
        "lang": result.lang,
        "not_applied": [{"source": m.source, "n": m.n, "instruction": m.text, "reason": m.reason,
                         "candidates": m.candidates} for m in _missing(result)],
        "instructions": total,
        "draft": str(result.draft),
        "output": None if result.dry_run else str(result.output),
        "sources": [{**s, "line": " · ".join(t for _, t in _source_parts(s))} for s in result.sources],
        "applied": applied,
        "words_added": sum(v.plus for v in result.views),
        "words_deleted": sum(v.minus for v in result.views),
        "unresolved": len(result.unresolved),
        "ignored": len(result.ignored),
        "conflicts": len(result.plan.conflicts) if result.plan else 0,
    }
    data["edits"] = [
        {**{k: val for k, val in asdict(v).items() if k != "lines"},
         "operation": say(operation_name(v.op)),
         "redline": [wdiff.inline(c) for c in v.lines]}
        for v in result.views
    ]
    data["renumbered"] = _renumbered(result)
    data["conflict_list"] = _conflicts(result)
    data["unresolved_list"] = result.unresolved
    data["ignored_list"] = result.ignored
    data["warnings"] = [w.render() for w in result.warnings]
    data["letters"] = accounting_counts(result)
    return json.dumps(data, ensure_ascii=False, indent=2, default=say) + "\n"


# -- HTML

_CSS = """
:root{color-scheme:light}
body{font-family:'Times New Roman','DejaVu Serif',serif;max-width:52em;margin:1.5em auto;padding:0 1em;
line-height:1.5;color:#1d1d1d;background:#fff}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}h3{font-size:1.02em;margin:0 0 .2em}
del{color:#a40000;text-decoration:line-through;background:#fde8e8}
ins{color:#05610f;text-decoration:underline;background:#e3f6e5}
.counts{font-weight:bold}
.not-applied{border:2px solid #b85c00;background:#fff6e8;padding:.4em 1em;margin:1em 0}
.not-applied h2{margin-top:.3em;color:#8a4500}
.not-applied li{margin:.3em 0}.why{color:#444}
.files{margin:0;padding:0;list-style:none;color:#333}.files li{margin:.15em 0}
.label{color:#666;display:inline-block;min-width:6em}
.source .sep{color:#999;padding:0 .3em}
.edit{border-top:1px solid #ccc;padding:.6em 0}
.meta{color:#555;font-size:.92em;margin:.1em 0 .4em}
.line{margin:.35em 0 .35em 1.2em;white-space:pre-wrap}
.note,.comment{margin:.35em 0 .35em 1.2em;color:#034;font-style:italic}
.op{font-weight:bold}.address{font-family:inherit}
ul{padding-left:1.4em}
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _html(result) -> str:
    lang = current_language() or "en"
    applied, n_missing, total = _instructions(result)
    out = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{_e(say(msg('redline summary')))}: {_e(result.draft.name if hasattr(result.draft, 'name') else result.draft)}</title>",
           f"<style>{_CSS}</style>", "</head>", "<body>",
           f"<h1>{_e(say(msg('redline summary')))}</h1>", f'<p class="counts">{_e(_counts(result))}</p>']
    out += [f'<p class="counts letter">{_e(line)}</p>' for line in accounting_lines(result)]
    missing = _missing(result)
    if missing:
        out.append('<section class="not-applied" id="not-applied">')
        out.append(f"<h2>{_e(_not_applied_title(n_missing, total))}</h2>")
        out.append("<ul>")
        for m in missing:
            where, text, why = _missing_line(m)
            out.append(f'<li><span class="where">{_e(where)}</span>{": " if where else ""}'
                       f'<span class="instruction">{_e(text)}</span> — <span class="why">{_e(why)}</span></li>')
        out += ["</ul>", "</section>"]
    out.append('<ul class="files">')
    out.append(f'<li class="draft"><span class="label">{_e(say(msg("draft")))}</span> {_e(result.draft)}</li>')
    for s in result.sources:
        parts = '<span class="sep">·</span>'.join(f'<span class="{k}">{_e(t)}</span>' for k, t in _source_parts(s))
        title = f' title="{_e(clean(s["source"]))}"' if s.get("source") else ""
        out.append(f'<li class="source"{title}><span class="label">{_e(say(msg("source")))}</span> {parts}</li>')
    out.append(f'<li class="output"><span class="label">{_e(say(msg("output")))}</span> '
               f'{_e(_output_label(result))}</li>')
    out.append("</ul>")
    multi = len(result.sources) > 1
    for source, views in _groups(result):
        out.append('<section class="group">')
        if multi and source:
            out.append(f"<h2>{_e(source)}</h2>")
        for v in views:
            op, where = _edit_title(v)
            out.append(f'<article class="edit" id="edit-{v.number}">')
            out.append(f'<h3><span class="number">{v.number}.</span> <span class="op">{_e(op)}</span> '
                       f'<span class="address">{_e(where)}</span></h3>')
            out.append(f'<p class="meta">{_e(_edit_meta(v, multi))}</p>')
            if v.note:
                out.append(f'<p class="note">{_e(say(msg("note")))}: {_e(v.note)}</p>')
            for chunks in v.lines:
                kind = ("inserted" if all(op == INSERT for op, _ in chunks) else
                        "deleted" if all(op == DELETE for op, _ in chunks) else "changed")
                out.append(f'<p class="line {kind}">{wdiff.inline(chunks, "html")}</p>')
            for c in v.comments:
                out.append(f'<p class="comment">{_e(say(msg("comment")))}: {_e(c)}</p>')
            out.append("</article>")
        out.append("</section>")
    for cls, title, items in (("renumbered", msg("Renumbered (typed numbers, as tracked changes):"),
                               _renumbered(result)),
                              ("conflicts", msg("Conflicts (kept as comments):"), _conflicts(result)),
                              ("ignored", msg("No change asked:"), [clean(i) for i in result.ignored]),
                              ("warnings", msg("Warnings:"), [w.render() for w in result.warnings])):
        if items:
            out.append(f'<section class="{cls}"><h2>{_e(say(title).rstrip(":"))}</h2><ul>')
            out += [f"<li>{_e(i)}</li>" for i in items]
            out.append("</ul></section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------- compare (issue 15)

def render_compare(result, fmt: str = "text") -> str:
    """The summary of ``redline compare``: section by section (comparison/report.py)."""
    rep = result.report
    head = {
        "old": str(result.old), "new": str(result.new),
        "output": str(result.output) if result.output else None,
        "author": result.author, "date": result.date,
        "sections_changed": len(rep.sections), "blocks_changed": rep.blocks_changed,
        "words_added": rep.words_added, "words_deleted": rep.words_deleted,
        "notes_compared": result.notes_compared, "text_boxes_compared": result.boxes_compared,
        "moves": result.moves,
    }
    if fmt == "json":
        return json.dumps({**head, "sections": [s.to_dict() for s in rep.sections],
                           "warnings": [str(w) for w in result.warnings]}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _compare_html(head, rep, result)
    return _compare_text(head, rep, result, markdown=(fmt == "markdown"))


def _compare_section_line(s) -> str:
    title = f" {s.title}" if s.title else ""
    if s.status == "added":
        parts = [say(msg("section added"))]
    else:
        what = None
        if s.status == "removed":
            what = msg("section removed")
        elif s.status == "renumbered":
            new_title = f" ({s.new_title})" if s.new_title and s.new_title != s.title else ""
            what = msg("renumbered as {address}", address=(s.new_address or "") + new_title)
        elif s.status == "renamed":
            what = msg("renamed: {title}", title=s.new_title or "")
        parts = ([say(what)] if what is not None else []) + [say(c) for c in s.counts()]
    words = (" (" + say(msg("+{added} / −{deleted} words", added=s.words_added, deleted=s.words_deleted)) + ")"
             if s.words_added or s.words_deleted else "")
    return f"{s.address}{title}: " + (", ".join(parts) if parts else say(msg("changed"))) + words


def _compare_counts(head: dict) -> str:
    line = say(msg("{sections} {sections:plural:section:sections} changed, {blocks} "
                   "{blocks:plural:block:blocks}", sections=head["sections_changed"], blocks=head["blocks_changed"]))
    line += "; " + say(msg("+{added} / −{deleted} words", added=head["words_added"], deleted=head["words_deleted"]))
    if head["moves"]:
        line += "; " + say(msg("{count} {count:plural:paragraph:paragraphs} moved", count=head["moves"]))
    return line


def _compare_text(head: dict, rep, result, markdown: bool) -> str:
    style = "markdown" if markdown else "text"
    counts = _compare_counts(head)
    fields = [(say(msg("old")), head["old"]), (say(msg("new")), head["new"]),
              (say(msg("output")), head["output"] or say(msg("dry run: nothing written")))]
    title = say(msg("redline compare"))
    if markdown:
        out = [f"# {title}\n"] + [f"- **{k}**: {v}" for k, v in fields] + [f"- {counts}\n"]
    else:
        out = [title] + [f"  {k + ':':<8} {v}" for k, v in fields] + [f"  {counts}", ""]
    for s in rep.sections:
        line = _compare_section_line(s)
        out.append(f"### {line}" if markdown else line)
        for chunks in s.lines[:20]:
            out.append(("> " if markdown else "    ") + wdiff.inline(chunks, style))
        if len(s.lines) > 20:
            out.append(("> " if markdown else "    ") + say(msg("… {count} more", count=len(s.lines) - 20)))
        out.append("")
    if result.warnings:
        out.append("## " + say(msg("Warnings:")).rstrip(":") if markdown else say(msg("Warnings:")))
        out.extend(("- " if markdown else "  - ") + w.render() for w in result.warnings)
    return "\n".join(out).rstrip() + "\n"


def _compare_html(head: dict, rep, result) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", f"<html lang=\"{current_language() or 'en'}\"><head><meta charset=\"utf-8\">",
           f"<title>{e(say(msg('redline compare')))}: {e(head['old'])}</title><style>{_COMPARE_CSS}</style></head><body>",
           f"<h1>{e(say(msg('redline compare')))}</h1>", "<p class=\"meta\">",
           f"{e(say(msg('old')))}: {e(head['old'])}<br>{e(say(msg('new')))}: {e(head['new'])}<br>"
           f"{e(say(msg('output')))}: {e(str(head['output']))}<br>", f"{e(_compare_counts(head))}</p>"]
    for s in rep.sections:
        out.append(f"<div class=\"edit\"><b>{e(_compare_section_line(s))}</b>")
        for chunks in s.lines[:20]:
            out.append(f"<div class=\"line\">{wdiff.inline(chunks, 'html')}</div>")
        out.append("</div>")
    for w in result.warnings:
        out.append(f"<p class=\"comment\">{e(w.render())}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


_COMPARE_CSS = """body{font-family:'Times New Roman',serif;max-width:60em;margin:2em auto;line-height:1.5;color:#222}
del{color:#b00;text-decoration:line-through;background:#fdd}ins{color:#060;text-decoration:underline;background:#dfd}
.edit{border-top:1px solid #ccc;padding:.5em 0}.meta{color:#555;font-size:.9em}.line{margin:.3em 0 .3em 1.5em}
.comment{margin-left:1.5em;color:#035;font-style:italic}h1{font-size:1.4em}"""
