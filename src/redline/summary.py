"""The redline summary: what a letter did to the draft, readable in a minute.

One block per edit (number, op, address and heading, +N/-M words, the change as an
inline redline with a little context), grouped by source, then what was not applied
(unresolved, ignored, conflicts).  Four renderings of one model: text, markdown, json,
html.
"""
from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass, field

from . import diff as wdiff
from .diff import DELETE, EQUAL, INSERT
from .match import ParagraphText
from .ooxml import block_text
from .plan import CommentOn, DeleteBlocks, NewParagraphs, PlannedEdit, TextChange
from .text import clean

CONTEXT_WORDS = 8
MAX_WORDS = 60  # longer inserted / deleted passages are shortened in the summary


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
    return [_view(pe) for pe in planned]


def _view(pe: PlannedEdit) -> EditView:
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
                v.lines.append([(INSERT, _shorten(t))])
                v.plus += _words(t)
        elif isinstance(a, DeleteBlocks):
            for b in a.blocks:
                t = clean(block_text(b))
                if t:
                    v.lines.append([(DELETE, _shorten(t))])
                    v.minus += _words(t)
        elif isinstance(a, CommentOn):
            v.comments.append(a.text)
    fill = iter(order)
    for i, line in enumerate(v.lines):
        if line is None:
            p, changes = by_p[next(fill)]
            chunks = _paragraph_chunks(ParagraphText(p).text, changes)
            plus, minus = wdiff.word_counts(chunks)
            v.plus += plus
            v.minus += minus
            v.lines[i] = _trim_context(chunks)
    return v


def _paragraph_chunks(raw: str, changes: list[TextChange]) -> list[tuple[int, str]]:
    chunks: list[tuple[int, str]] = []
    pos = 0
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if c.start > pos:
            chunks.append((EQUAL, raw[pos:c.start]))
        if c.end > c.start:
            chunks.append((DELETE, raw[c.start:c.end]))
        if c.new:
            chunks.append((INSERT, c.new))
        pos = max(pos, c.end)
    if pos < len(raw):
        chunks.append((EQUAL, raw[pos:]))
    return chunks


def _trim_context(chunks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    out = []
    for i, (op, text) in enumerate(chunks):
        if op != EQUAL:
            out.append((op, _shorten(text)))
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


def _shorten(text: str) -> str:
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    return " ".join(words[: MAX_WORDS - 10]) + " … " + " ".join(words[-8:])


def _words(text: str) -> int:
    return sum(1 for t in wdiff.tokenize(text) if t[:1].isalnum())


# ---------------------------------------------------------------------------- rendering

def render(result, fmt: str = "text") -> str:
    views = result.views
    if fmt == "json":
        return _json(result, views)
    if fmt == "html":
        return _html(result, views)
    return _text(result, views, markdown=(fmt == "markdown"))


def _header(result, views) -> dict:
    plus = sum(v.plus for v in views)
    minus = sum(v.minus for v in views)
    applied = sum(1 for v in views if not v.demoted_from)
    return {
        "draft": str(result.draft),
        "output": None if result.dry_run else str(result.output),
        "sources": [s for s in result.sources],
        "applied": applied,
        "words_added": plus,
        "words_deleted": minus,
        "unresolved": len(result.unresolved),
        "ignored": len(result.ignored),
        "conflicts": len(result.plan.conflicts) if result.plan else 0,
    }


def _text(result, views, markdown: bool) -> str:
    h = _header(result, views)
    style = "markdown" if markdown else "text"
    output = "(dry run: nothing written)" if result.dry_run else h["output"]
    fields = [("draft", h["draft"])]
    fields += [("source", f"{s['path']} — {s.get('author') or '?'}" + (f" ({s['source']})" if s.get("source") else ""))
               for s in h["sources"]]
    fields.append(("output", output))
    verb = "planned" if result.dry_run else "applied"
    counts = (f"{h['applied']} edit(s) {verb} (+{h['words_added']}/-{h['words_deleted']} words); "
              f"{h['unresolved']} unresolved, {h['ignored']} ignored, {h['conflicts']} conflict(s)")
    if markdown:
        out = ["# redline summary\n"] + [f"- **{k}**: {v}" for k, v in fields] + [f"- {counts}\n"]
    else:
        out = ["redline summary"] + [f"  {k + ':':<8} {v}" for k, v in fields] + [f"  {counts}", ""]
    current_source = object()
    multi = len(h["sources"]) > 1
    for v in views:
        if multi and v.source != current_source:
            current_source = v.source
            out.append(f"## {v.source} — {v.author}\n" if markdown else f"== {v.source} — {v.author} ==")
        n = f" (n={v.n})" if v.n is not None else ""
        op = v.op + ((" → comment (conflict)" if v.conflict else " → comment") if v.demoted_from else "")
        title = f" {v.title}" if v.title else ""
        line = f"[{v.number}]{n} {op} {v.address}{title}  +{v.plus}/-{v.minus}"
        out.append(f"### {line}" if markdown else line)
        if v.note:
            out.append(f"    note: {v.note}")
        for chunks in v.lines:
            out.append(("> " if markdown else "    ") + wdiff.inline(chunks, style))
        for c in v.comments:
            out.append(("> 💬 " if markdown else "    comment: ") + c)
        out.append("")
    _tail(result, out, markdown)
    return "\n".join(out).rstrip() + "\n"


def _tail(result, out: list[str], markdown: bool) -> None:
    _renumbering(result, out, markdown)
    if result.plan and result.plan.conflicts:
        out.append("## Conflicts" if markdown else "Conflicts (kept as comments):")
        out.extend(("- " if markdown else "  - ") + c for c in result.plan.conflicts)
        out.append("")
    if result.unresolved:
        out.append("## Not applied: unresolved" if markdown else "Not applied (unresolved):")
        for u in result.unresolved:
            cands = f" [candidates: {', '.join(u.get('candidates', []))}]" if u.get("candidates") else ""
            src = f"{u['from']}: " if u.get("from") else ""
            n = f"n={u['n']}: " if u.get("n") is not None else ""
            out.append(("- " if markdown else "  - ") + f"{src}{n}{clean(u['instruction'])[:200]} — {u['reason']}{cands}")
        out.append("")
    if result.ignored:
        out.append("## Not applied: no change asked" if markdown else "Not applied (no change asked):")
        out.extend(("- " if markdown else "  - ") + clean(i)[:200] for i in result.ignored)
        out.append("")


def _renumbering(result, out: list[str], markdown: bool) -> None:
    """Typed numbers moved up by an insertion, and the references that may now be stale."""
    plan = result.plan
    if not plan or not getattr(plan, "renumbered", None):
        return
    out.append("## Renumbered" if markdown else "Renumbered (typed numbers, as tracked changes):")
    out.extend(("- " if markdown else "  - ") + r for r in plan.renumbered)
    for w in getattr(plan, "warnings", []):
        out.append(("- " if markdown else "  - ") + f"check: {w}")
    out.append("")


def _json(result, views) -> str:
    data = _header(result, views)
    data["edits"] = [
        {**{k: val for k, val in asdict(v).items() if k != "lines"},
         "redline": [wdiff.inline(c) for c in v.lines]}
        for v in views
    ]
    data["conflict_list"] = list(result.plan.conflicts) if result.plan else []
    data["unresolved_list"] = result.unresolved
    data["ignored_list"] = result.ignored
    data["warnings"] = [str(w) for w in result.warnings]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_CSS = """body{font-family:'Times New Roman',serif;max-width:60em;margin:2em auto;line-height:1.5;color:#222}
del{color:#b00;text-decoration:line-through;background:#fdd}ins{color:#060;text-decoration:underline;background:#dfd}
.edit{border-top:1px solid #ccc;padding:.5em 0}.meta{color:#555;font-size:.9em}.line{margin:.3em 0 .3em 1.5em}
.comment{margin-left:1.5em;color:#035;font-style:italic}h1{font-size:1.4em}"""


def _html(result, views) -> str:
    h = _header(result, views)
    e = html.escape
    out = ["<!DOCTYPE html>", "<html lang=\"vi\"><head><meta charset=\"utf-8\">",
           f"<title>redline: {e(h['draft'])}</title><style>{_CSS}</style></head><body>",
           "<h1>redline summary</h1>", "<p class=\"meta\">", f"draft: {e(h['draft'])}<br>"]
    for s in h["sources"]:
        out.append(f"source: {e(str(s['path']))} — {e(s.get('author') or '?')}"
                   + (f" ({e(s['source'])})" if s.get("source") else "") + "<br>")
    out.append(f"{h['applied']} edit(s) applied (+{h['words_added']}/-{h['words_deleted']} words); "
               f"{h['unresolved']} unresolved, {h['ignored']} ignored, {h['conflicts']} conflict(s)</p>")
    for v in views:
        n = f" (n={e(str(v.n))})" if v.n is not None else ""
        out.append(f"<div class=\"edit\"><b>[{v.number}]{n} {e(v.op)} {e(v.address)}</b> {e(v.title)} "
                   f"<span class=\"meta\">+{v.plus}/-{v.minus} · {e(v.author)}</span>")
        for chunks in v.lines:
            out.append(f"<div class=\"line\">{wdiff.inline(chunks, 'html')}</div>")
        for c in v.comments:
            out.append(f"<div class=\"comment\">💬 {e(c)}</div>")
        out.append("</div>")
    tail: list[str] = []
    _tail(result, tail, markdown=True)
    for line in tail:
        if line.startswith("## "):
            out.append(f"<h2>{e(line[3:])}</h2>")
        elif line.startswith("- "):
            out.append(f"<p class=\"line\">{e(line[2:])}</p>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
