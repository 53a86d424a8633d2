"""Candidate places for a request that names none ("Đề nghị bổ sung quy định về phí, lệ phí ...").

They are offered to the person who places the request, never taken as its place.  A clerk
placing such a request reasons in two steps, and so does this module:

1. **What kind of thing is asked for**, and which part of this kind of draft holds such things
   (lexicon ``suggest``): a new chapter among the chapters after the general provisions (a new
   Điều there too, with the group of Điều that speaks most of its matter), figures
   in the tables and the annex, a new table in the annex, an assessment in the "Đánh giá" part,
   money or staff asked of the province in the parts whose heading speaks of them ("Sở Tài chính",
   "tài chính công", "đội ngũ cán bộ"), a task for an office in the tasks part of a report or a plan ("Nhiệm vụ", "Giải pháp",
   "Phương hướng"), a rule about implementing documents in the final provisions, and any other
   new rule of a legal text in its chapters of substance (not the general provisions, not the
   final ones).
2. **Which of those parts speaks of the same thing**: the word pairs the request shares with
   each part's heading and own text, weighted by how rare they are in the draft (a heading's
   pairs count twice).  A khoản or điểm stands for its Điều: a new rule is a new Điều or khoản,
   not an old khoản.

Without a kind, or without such a part in the draft, the words alone decide.
"""
from __future__ import annotations

import math
import re
import unicodedata

from .lexicon import lexicon

SPEAKS = 9.0  # a part sharing this much (two or three rare pairs) speaks of the same matter
_BODY_KINDS = {"khoan", "diem"}  # parts whose place a new rule does not take: their Điều does


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())  # accents kept: "cán bộ" is not "cần bổ"


def _pairs(text: str) -> set[str]:
    w = _words(text)
    return {f"{a} {b}" for a, b in zip(w, w[1:])}


def _opens(title: str, phrases: list[str]) -> bool:
    t = " ".join(_words(title))
    return any(t == p or t.startswith(p + " ") for p in (" ".join(_words(x)) for x in phrases))


class _Place:
    """A part of the draft a request may be placed in: a section, a data table, an annex."""

    def __init__(self, address: str, heading: str, body: str, section=None, parent: "_Place | None" = None,
                 table: bool = False):
        self.address, self.heading, self.section, self.parent, self.table = address, heading, section, parent, table
        self.head_pairs, self.own_pairs = _pairs(heading), _pairs(heading + " " + body)
        self.children: list[_Place] = []

    def subtree(self):
        yield self
        for c in self.children:
            yield from c.subtree()


def _places(ground) -> tuple[list[_Place], dict[str, _Place]]:
    """Every section (heading and own text, sub-parts excluded), each annex as a whole (its
    title), and each data table (caption, header and cells) under the part that owns it."""
    tree = ground.tree
    by: dict[str, _Place] = {}
    roots: list[_Place] = []

    def add(s, parent):
        if s.heading is None:
            return
        stop = min([c.heading for c in s.children if c.heading is not None] or [s.end])
        body = " ".join(tree.text(i) for i in range(s.heading + 1, max(stop, s.heading + 1)))
        p = _Place(s.address, tree.text(s.heading), body, s, parent)
        by[p.address] = p
        (parent.children if parent else roots).append(p)
        for c in s.children:
            add(c, p)

    for s in tree.sections:
        add(s, None)
    for d in tree.documents:
        whole = _Place(d.whole.address, d.title.title if d.title is not None else d.name, "", d.whole)
        by[whole.address] = whole
        roots.append(whole)
        for s in d.sections:
            add(s, whole)
    for t in tree.tables:
        owner = by.get(t.owner) if t.owner else None
        p = _Place(t.name, t.caption, tree.text(t.block), None, owner, table=True)
        by[p.address] = p
        (owner.children if owner else roots).append(p)
    return roots, by


def _scores(places: dict[str, _Place], want: set[str]) -> dict[str, float]:
    df: dict[str, int] = {}
    for p in places.values():
        for pair in p.own_pairs & want:
            df[pair] = df.get(pair, 0) + 1
    n = len(places)
    weight = {q: math.log(n / k) if k * 4 <= n else 0.0 for q, k in df.items()}  # in a quarter of the parts: no sign
    return {a: sum(weight[q] * (2 if q in p.head_pairs else 1) for q in p.own_pairs & want)
            for a, p in places.items()}


def _kind(text: str, legal: bool) -> str | None:
    lx = lexicon()
    # money and staff speak louder than the figures they come with ("số liệu tinh giản biên chế" is about staff)
    for kind in ("new_chapter", "final") + (() if legal else ("funding", "staffing")) + ("new_table", "data", "assessment"):
        if lx.search(f"suggest.{kind}.asks", text):
            return kind
    if legal and lx.search("suggest.new_article.asks", text):
        return "new_article"
    if legal:
        return "provision" if lx.search("suggest.provision.asks", text) else None
    return "tasks" if lx.search("suggest.tasks.asks", text) else None


def _holders(kind: str, roots: list[_Place], places: dict[str, _Place], rank) -> list[_Place]:
    """The top-most parts of the draft that hold things of ``kind``."""
    lx = lexicon()
    if kind == "new_table":
        return [p for p in roots if p.section is not None and p.section.kind == "document"
                and any(c.table for c in p.subtree())]
    if kind == "data":
        tables = sorted((p for p in places.values() if p.table), key=lambda p: -rank(p))
        return tables + _headed(roots, lx.phrases("suggest.data.headings"))
    if kind in ("new_chapter", "new_article"):  # among the chapters, after the general provisions
        general = lx.phrases("suggest.general.headings")
        return [p for r in roots for p in (r.children if r.section is not None and r.section.kind == "document" else [r])
                if p.children and p.section is not None and p.section.level == 1 and not _opens(p.section.title, general)]
    if kind == "provision":
        general = lx.phrases("suggest.general.headings") + lx.phrases("suggest.final.headings")
        out = []
        for r in roots:
            tops = r.children if r.section is not None and r.section.kind == "document" else [r]
            out += [p for p in tops if p.children and p.section is not None
                    and not _opens(p.section.title, general)]
        return out
    if kind in ("funding", "staffing"):
        # the parts whose heading holds the words anywhere ("Cải cách tài chính công", "Sở Tài chính"),
        # then the tasks' parts as for any other task
        return _headed(roots, lx.phrases(f"suggest.{kind}.headings"), anywhere=True) + _holders("tasks", roots, places, rank)
    found = _headed(roots, lx.phrases(f"suggest.{kind}.headings"))
    if kind == "tasks":  # an annex that lists tasks: its tables are where a task goes
        for r in roots:
            if r.section is not None and r.section.kind == "document" and lx.search("suggest.tasks.annex", r.heading):
                found += [c for c in r.subtree() if c.table] or [r]
    return found


def _headed(roots: list[_Place], phrases: list[str], anywhere: bool = False) -> list[_Place]:
    """The parts (in document order) whose heading opens with one of ``phrases`` (the outermost such
    part), or with ``anywhere`` holds one of them (every such part)."""
    want = [" ".join(_words(x)) for x in phrases]
    out = []

    def walk(p):
        if p.section is not None and p.section.heading is not None:
            t = " ".join(_words(p.section.title))
            if anywhere and any(f" {w} " in f" {t} " for w in want):
                out.append(p)
            elif not anywhere and _opens(p.section.title, phrases):
                out.append(p)
                return
        for c in p.children:
            walk(c)
    for r in roots:
        walk(r)
    return out


def _lift(p: _Place) -> _Place:
    while p.section is not None and p.section.kind in _BODY_KINDS and p.parent is not None:
        p = p.parent
    return p


def suggest(ground, text: str, limit: int = 3) -> list[str]:
    """Up to ``limit`` candidate addresses for the placeless request ``text``, best first."""
    lx = lexicon()
    asking = set()  # the letter's own asking words are not what it speaks of
    for path in ("request.markers", "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                 "advisory.verbs", "advisory.hedges"):
        for phrase in lx.phrases(path):
            asking |= _pairs(phrase)
    tree = ground.tree
    topic = " ".join(p.title for p in (tree.title, *tree.parts.values(), *(d.title for d in tree.documents))
                     if p is not None)
    want = _pairs(text) - asking - _pairs(topic)  # the draft's own subject and issuer say nothing of where
    roots, places = _places(ground)
    if not places:
        return []
    score = _scores(places, want) if want else {a: 0.0 for a in places}

    def subtree_score(p: _Place) -> float:
        return max(score[q.address] for q in p.subtree())

    out: list[str] = []

    def take(p: _Place):
        a = _lift(p).address
        if a not in out and len(out) < limit:
            out.append(a)

    legal = any(s.kind in ("chuong", "dieu") for s in ground.tree.walk())
    best = sorted((a for a in score if score[a] >= 2.5), key=lambda a: -score[a])
    kind = _kind(text, legal)
    holders = _holders(kind, roots, places, subtree_score) if kind else []
    if kind == "new_chapter" and holders:
        for p in holders:
            take(p)
        return out
    if kind == "new_article" and holders:
        # a new Điều: the chapters it may go in, then the group of Điều (a Mục) that speaks most of its matter
        for p in holders[: limit - 1]:
            take(p)
        groups = [c for p in holders for c in p.children if c.children and subtree_score(c) > 0]
        for c in sorted(groups, key=lambda c: -subtree_score(c))[:1]:
            take(c)
        return out
    if holders:
        if kind != "data":
            holders = sorted(holders, key=lambda p: -subtree_score(p))  # stable: document order on ties
        first = holders[0]
        take(first)
        inner = sorted((q for q in first.subtree() if q is not first and score[q.address] >= 2.5),
                       key=lambda q: -score[q.address])
        if inner and score[inner[0].address] >= SPEAKS:  # one of its parts speaks of the same matter
            take(inner[0])
        for c in sorted(first.children, key=lambda c: -subtree_score(c)):  # else one level down: its parts
            if len(holders) > 1 and len(out) >= limit - 1:
                break
            take(c)
        for q in inner[:1]:
            take(q)
        for p in holders[1:]:
            take(p)
    for a in best:
        take(places[a])
    return out
