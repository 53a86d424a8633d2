"""The section-aware summary of a comparison: what changed, section by section.

Every changed block of the body is placed in the deepest section of OLD's outline that
owns it (an inserted block: of NEW's outline, mapped back through the paired headings).
Sections are paired through their headings: a heading deleted is a section removed, one
inserted a section added, a paired heading whose address differs a section renumbered, one
whose title differs a section renamed.  Each section gets counts a person reads at a
glance ("2 sentences changed, 1 paragraph added") and the changes themselves as short
inline redlines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import diff as wdiff
from ..match import sentences
from ..summary import _words


@dataclass
class SectionReport:
    address: str  # OLD's address (NEW's for an added section)
    title: str
    status: str = "changed"  # "changed", "added", "removed", "renumbered", "renamed"
    new_address: str | None = None
    new_title: str | None = None
    sentences_changed: int = 0
    paragraphs_changed: int = 0
    paragraphs_added: int = 0
    paragraphs_deleted: int = 0
    paragraphs_moved: int = 0
    tables_changed: int = 0
    rows_added: int = 0
    rows_deleted: int = 0
    rows_changed: int = 0
    formatting: int = 0
    words_added: int = 0
    words_deleted: int = 0
    lines: list[list[tuple[int, str]]] = field(default_factory=list)
    order: int = 0

    def counts(self) -> list:
        """The counts as phrases (catalogue messages), zeros left out."""
        from ..messages import msg

        out = []
        for n, phrase in ((self.sentences_changed, msg("{n} {n:plural:sentence:sentences} changed", n=self.sentences_changed)),
                          (self.paragraphs_added, msg("{n} {n:plural:paragraph:paragraphs} added", n=self.paragraphs_added)),
                          (self.paragraphs_deleted, msg("{n} {n:plural:paragraph:paragraphs} deleted", n=self.paragraphs_deleted)),
                          (self.paragraphs_moved, msg("{n} {n:plural:paragraph:paragraphs} moved", n=self.paragraphs_moved)),
                          (self.rows_added, msg("{n} table {n:plural:row:rows} added", n=self.rows_added)),
                          (self.rows_deleted, msg("{n} table {n:plural:row:rows} deleted", n=self.rows_deleted)),
                          (self.rows_changed, msg("{n} table {n:plural:row:rows} changed", n=self.rows_changed)),
                          (self.formatting, msg("{n} formatting {n:plural:change:changes}", n=self.formatting))):
            if n:
                out.append(phrase)
        return out

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k not in ("lines", "order")}
        d["redline"] = [wdiff.inline(c) for c in self.lines]
        return d


@dataclass
class Report:
    sections: list[SectionReport]
    words_added: int = 0
    words_deleted: int = 0
    blocks_changed: int = 0


def _owners(tree) -> list:
    """For each body block, the deepest section owning it (its heading included)."""
    owner = [None] * len(tree.blocks)
    for special in (tree.title, tree.preamble, tree.closing):
        if special is not None:
            for i in special.span:
                owner[i] = special
    for s in tree.walk():
        lo = s.heading if s.heading is not None else s.start
        for i in range(lo, s.end):
            owner[i] = s
    return owner


def build(result) -> Report:
    old_t, new_t = result.old_outline, result.new_outline
    own_old, own_new = _owners(old_t), _owners(new_t)
    old_head = {s.heading: s for s in old_t.walk() if s.heading is not None}
    new_head = {s.heading: s for s in new_t.walk() if s.heading is not None}
    to_new = {c.old: c.new for c in result.changes if c.old is not None and c.new is not None}
    from_new = {v: k for k, v in to_new.items()}
    moved_to = {c.new for c in result.changes if c.status == "moved-to"}
    reports: dict[int, SectionReport] = {}  # id(section) -> report

    def report_for(section, *, new_side: bool = False) -> SectionReport:
        if section is None:
            key = ("doc", new_side)
            if key not in reports:
                reports[key] = SectionReport("*", "", order=-1)
            return reports[key]
        if id(section) not in reports:
            if new_side:
                r = SectionReport(section.address, section.title, status="added", order=_order(section, from_new))
            else:
                r = SectionReport(section.address, section.title, order=section.heading if section.heading
                                  is not None else section.start)
            reports[id(section)] = r
        return reports[id(section)]

    # sections removed, added, renumbered, renamed
    for h, s in old_head.items():
        k = to_new.get(h)
        if k is None:
            r = report_for(s)
            r.status = "removed"
        elif k in new_head:
            ns = new_head[k]
            if ns.address != s.address:
                r = report_for(s)
                r.status, r.new_address, r.new_title = "renumbered", ns.address, ns.title
            elif ns.title != s.title:
                r = report_for(s)
                r.status, r.new_title = "renamed", ns.title
    for k, ns in new_head.items():
        if k not in from_new and k not in moved_to:
            report_for(ns, new_side=True)

    total = Report([])
    for c in result.changes:
        if c.status == "equal" and not c.detail:
            continue
        if c.old is not None:
            r = report_for(own_old[c.old])
        else:
            ns = own_new[c.new]
            if ns is not None and ns.heading is not None and ns.heading not in from_new \
                    and ns.heading not in moved_to:
                r = report_for(ns, new_side=True)  # inside a section NEW adds
            else:
                r = report_for(own_old[c.after] if c.after is not None else (own_old[0] if own_old else None))
        total.blocks_changed += 1
        if c.kind == "t":
            d = c.detail or {}
            if c.status in ("inserted", "deleted"):
                r.tables_changed += 1
                rows = max(1, c.new_text.count("\n") + 1 if c.status == "inserted" else c.old_text.count("\n") + 1)
                if c.status == "inserted":
                    r.rows_added += rows
                else:
                    r.rows_deleted += rows
            else:
                r.tables_changed += 1
                r.rows_added += d.get("rows_added", 0)
                r.rows_deleted += d.get("rows_deleted", 0)
                r.rows_changed += d.get("rows_changed", 0)
            continue
        if c.status in ("inserted", "moved-to"):
            text = _plain(c.new_text)
            if c.status == "moved-to":
                r.paragraphs_moved += 1
            elif text:
                r.paragraphs_added += 1
                w = _words(text)
                r.words_added += w
                r.lines.append([(wdiff.INSERT, _shorten(text))])
        elif c.status in ("deleted", "moved-from"):
            text = _plain(c.old_text)
            if c.status == "moved-from":
                r.paragraphs_moved += 1
            elif text:
                r.paragraphs_deleted += 1
                w = _words(text)
                r.words_deleted += w
                r.lines.append([(wdiff.DELETE, _shorten(text))])
        else:
            d = c.detail or {}
            if c.status == "changed":
                chunks = d.get("chunks") or wdiff.diff(c.old_text, c.new_text)
                chunks = [(op, _plain(t)) for op, t in chunks]
                plus, minus = wdiff.word_counts(chunks)
                r.words_added += plus
                r.words_deleted += minus
                r.paragraphs_changed += 1
                r.sentences_changed += _sentences_touched(chunks)
                r.lines.append(_trim(chunks))
            r.formatting += (d.get("format") or 0) + (1 if d.get("props") else 0)
    for r in reports.values():
        total.words_added += r.words_added
        total.words_deleted += r.words_deleted
    total.sections = sorted(reports.values(), key=lambda r: r.order)
    return total


def _order(section, from_new) -> float:
    """Where an added section goes among OLD's: after the OLD block paired before it."""
    k = section.heading
    while k is not None and k >= 0 and k not in from_new:
        k -= 1
    return (from_new[k] + 0.5) if k is not None and k >= 0 else -0.5


def _sentences_touched(chunks) -> int:
    """Sentences of the new text that hold a change (a deletion counts at its place)."""
    new_text, marks = "", []
    for op, t in chunks:
        if op == wdiff.EQUAL:
            new_text += t
        elif op == wdiff.INSERT:
            marks.append((len(new_text), len(new_text) + len(t)))
            new_text += t
        else:
            marks.append((len(new_text), len(new_text)))
    spans = sentences(new_text) or [(0, len(new_text))]
    touched = set()
    for a, b in marks:
        for k, (s, e) in enumerate(spans):
            if s <= a <= e or (a < s and b > s):
                touched.add(k)
                break
        else:
            touched.add(len(spans) - 1)
    return len(touched)




_OBJECT_CHAR = re.compile("[\U00100000-\U0010ffff]")  # read.py's object characters (plane 16)


def _plain(text: str) -> str:
    """Comparison text as a reader sees it: an object character shown as ◆ (one C pass)."""
    return _OBJECT_CHAR.sub("◆", text)


def _shorten(text: str, n: int = 60) -> str:
    words = text.split()
    return text if len(words) <= n else " ".join(words[: n - 10]) + " … " + " ".join(words[-8:])


def _trim(chunks):
    """Unchanged text around the changes cut to a few words (summary.py's rule), long
    changes shortened."""
    from ..summary import _trim_context

    return [(op, text if op == wdiff.EQUAL else _shorten(text)) for op, text in _trim_context(chunks)]
