"""Accounting: every sentence of the letter's body ends in exactly one outcome.

Why: a clerk cannot check a tool that may silently drop a third of a letter.  Each unit
(a sentence, or a clause of a run-on sentence) is listed once with what became of it --

- ``edit``: at least one tracked change came from it;
- ``comment``: it became a Word comment (advisory, no exact words, a conflict, ...);
- ``unresolved``: it asks for something but its place could not be found (reason given);
- ``ignored``: it asks for nothing (agreement, courtesy, narrative, the opening);

-- and the rule that decided (a lexicon entry or a grammar rule).  ``extract --explain``
prints this list; the apply summary shows its counts per letter.
"""
from __future__ import annotations

from ..messages import msg, render

OUTCOMES = ("edit", "comment", "unresolved", "ignored")


class Ledger:
    def __init__(self) -> None:
        self.entries: list[dict] = []

    def add(self, n, text: str, outcome: str, rule: str) -> int:
        self.entries.append({"n": n, "text": text, "outcome": outcome, "rule": rule})
        return len(self.entries) - 1

    def settle(self, edits: list[dict], unresolved: list[dict]) -> None:
        """After grounding: each instruction's outcome from what its edits became."""
        by_unit: dict[int, set[str]] = {}
        for e in edits:
            u = e.get("_unit")
            if u is not None:
                by_unit.setdefault(u, set()).add("comment" if e["op"] == "comment" else "edit")
                self.entries[u].setdefault("edits", []).append(describe(e))
            for more in e.get("_joined", []):  # sentences of the same comment (extract.join_comments)
                by_unit.setdefault(more, set()).add("comment")
                self.entries[more].setdefault("edits", []).append(render(msg("joined to the comment above")))
        for x in unresolved:
            u = x.get("_unit")
            if u is not None:
                by_unit.setdefault(u, set()).add("unresolved")
                self.entries[u].setdefault("edits", []).append(f"unresolved: {x['reason']}")
        for i, entry in enumerate(self.entries):
            got = by_unit.get(i)
            if not got:
                if entry["outcome"] in ("edit", "comment"):
                    entry["outcome"] = "unresolved"
                continue
            for outcome in OUTCOMES:
                if outcome in got:
                    entry["outcome"] = outcome
                    break

    def counts(self) -> dict[str, int]:
        return counts(self.entries)


def describe(e: dict) -> str:
    """'replace_text II.5: “5,8 tỷ đồng” -> “6,2 tỷ đồng”' (short, for --explain)."""
    def short(t: str) -> str:
        return t if len(t) <= 60 else t[:57] + "..."
    what = f"{e['op']} {e.get('target')}"
    if e.get("anchor"):
        k, v = next(iter(e["anchor"].items()))
        what += f" [{k} {short(str(v))}]"
    if e["op"] == "replace_text":
        what += f": “{short(e['find'])}” -> “{short(e['replace'])}”"
    elif e.get("find"):
        what += f": “{short(e['find'])}”"
    elif e.get("heading"):
        what += f": heading “{short(e['heading'])}”"
    elif e.get("paragraphs") or e.get("text"):
        first = (e.get("paragraphs") or [e.get("text")])[0]
        what += f": “{short(first)}”" + (f" (+{len(e['paragraphs']) - 1} paragraph(s))"
                                          if len(e.get("paragraphs") or []) > 1 else "")
    if e.get("note"):
        what += f"  ({e['note']})"
    return what


def counts(entries: list[dict]) -> dict[str, int]:
    out = {k: 0 for k in OUTCOMES}
    for e in entries:
        out[e["outcome"]] = out.get(e["outcome"], 0) + 1
    return out


OUTCOME_NAMES = {"edit": msg("edit"), "comment": msg("comment"), "unresolved": msg("unresolved"),
                 "ignored": msg("ignored")}


def explain(doc: dict, lang: str | None = None) -> str:
    """The accounting as a person reads it: one line per sentence, its outcome and the rule that
    decided (the rule is the lexicon entry or grammar rule's own name, as docs/letters/grammar.md
    lists them); labels in ``lang`` (default: the language in force)."""
    lines = []
    entries = doc.get("accounting", [])
    names = {k: render(v, lang) for k, v in OUTCOME_NAMES.items()}
    width = max((len(str(e.get("n", ""))) for e in entries), default=1)
    outcome_width = max(len(v) for v in names.values()) + 1
    rule = render(msg("rule"), lang)
    for e in entries:
        text = e["text"] if len(e["text"]) <= 110 else e["text"][:107] + "..."
        lines.append(f"{str(e.get('n', '')):>{width}}  {names[e['outcome']]:<{outcome_width}}  {text}")
        lines.append(f"{'':>{width}}  {'':<{outcome_width}}  {rule}: {e['rule']}")
        for what in e.get("edits", []):
            lines.append(f"{'':>{width}}  {'':<{outcome_width}}  -> {what}")
    c = counts(entries)
    lines.append("")
    lines.append(render(msg("{sentences} {sentences:plural:sentence:sentences}: {edit} {edit_name}, {comment} "
                            "{comment_name}, {unresolved} {unresolved_name}, {ignored} {ignored_name}",
                            sentences=len(entries), **{k: c[k] for k in OUTCOMES},
                            **{f"{k}_name": OUTCOME_NAMES[k] for k in OUTCOMES}), lang))
    for w in doc.get("warnings", []):
        lines.append(render(msg("warning: {text}", text=w), lang))
    return "\n".join(lines) + "\n"
