"""Renumbering: what inserting or deleting an Điều, khoản or điểm does to the numbers after it,
and which references in the text the move makes stale.

Legal drafts are cited by number ("khoản 3 Điều 5"), so a new khoản 2 moves the old khoản 2 and
3 to 3 and 4, and deleting khoản 2 moves khoản 3 back to 2.  A ``Ledger`` records every
insertion and deletion of one plan (``insert``, ``delete``) and then gives, per group of
siblings (the khoản of one Điều, the điểm of one khoản, the Điều of one document), the net
move of each original sibling (``moves``): several edits in one group add up (a khoản after two
insertions before it moves by two; one inserted before and one deleted before it stays put).

- ``label_changes``: for typed labels, the digits (or letter) to rewrite in each moved
  sibling's heading ("3." -> "4."); Word's automatic numbering moves by itself, so nothing.
- ``stale_references``: references in the text of the same document that point at a moved or
  deleted number: "khoản 3 Điều này" / "khoản 3" inside that Điều, "khoản 3 Điều 5 (của Luật
  này)" anywhere; "điểm b khoản 2 Điều này" and "điểm b" inside that khoản; "Điều 7", "Điều 7
  của Luật này", "các Điều 5, 6 và 7" — never "Điều 7 của Nghị định số ..." (another document)
  nor a heading's own label.  Found with Word's numbering too: the numbers move either way.

Everything here reads the original outline; the plan turns the results into tracked changes,
Word comments and warnings, each owned by the edit that caused the move.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from ..model import Outline, Section
from .. import text as _text
from .labels import LETTERS, key_text, nfc_with_map

LEGAL = ("dieu", "article", "khoan", "diem")
WORDS = {"dieu": "Điều", "article": "Article", "khoan": "khoản", "diem": "điểm"}

# another document named after "Điều 7": "của Nghị định số ...", "Luật Đất đai" (but not "Luật này")
_OTHER_DOC = re.compile(r"\s*(?:,\s*)?(?:(?:cua|tai|theo)\s+)?(?:bo\s+luat|luat|nghi\s+dinh|thong\s+tu|"
                        r"quyet\s+dinh|nghi\s+quyet|phap\s+lenh|hien\s+phap|chi\s+thi|van\s+ban|quy\s+che|"
                        r"quy\s+dinh|dieu\s+le)\b(?!\s+nay)")
_LIST_SEP = r"\s*(?:,|;|\bva\b|\bhoac\b|\bden\b|-|\u2013)\s*"
_NUMS = rf"\d{{1,3}}(?:{_LIST_SEP}(?:(?:khoan|dieu)\s+)?\d{{1,3}})*"
_LETS = rf"[a-zđ](?:{_LIST_SEP}(?:diem\s+)?[a-zđ])*"
_THIS_DOC = r"(?:\s*,?\s+(?:cua\s+)?(?:bo\s+luat|luat|nghi\s+dinh|thong\s+tu|quyet\s+dinh|nghi\s+quyet|phap\s+lenh|" \
            r"quy\s+che|quy\s+dinh|dieu\s+le)\s+nay\b)?"
_DIEU_RE = re.compile(rf"\b(?:cac\s+)?dieu\s+(?P<nums>{_NUMS})\b(?![./]\d){_THIS_DOC}")
_KHOAN_RE = re.compile(rf"\b(?:cac\s+)?khoan\s+(?P<nums>{_NUMS})\b(?![./]\d)"
                       rf"(?:\s+(?:cua\s+)?dieu\s+(?P<dieu>nay|\d{{1,3}})\b)?")
_DIEM_RE = re.compile(rf"\b(?:cac\s+)?diem\s+(?P<nums>{_LETS})\b"
                      rf"(?:\s+(?:cua\s+)?khoan\s+(?P<khoan>nay|\d{{1,3}})\b)?"
                      rf"(?:\s+(?:cua\s+)?dieu\s+(?P<dieu>nay|\d{{1,3}})\b)?")
# "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số ...": the numbers inside name the amended text
_AMENDING = re.compile(r"(?:sua doi|bo sung|bai bo|thay the|dinh chinh)\b.*\b(?:luat|nghi dinh|thong tu|quyet dinh|"
                       r"nghi quyet|phap lenh|quy che|quy dinh)\b")
_DIGITS_RE = re.compile(r"\d{1,3}")
_LETTER_RE = re.compile(r"(?<![a-z])[a-zđ](?![a-z])")


def siblings(outline: Outline, s: Section) -> list[Section]:
    """The group ``s`` is numbered in: the Điều of its document (they run through Chương and
    Mục), else its parent's children of its kind."""
    if s.kind in ("dieu", "article"):
        return [x for x in outline.walk() if x.kind == s.kind and x.space == s.space]
    pool = s.parent.children if s.parent is not None else [x for x in outline.sections if x.space == s.space]
    return [x for x in pool if x.kind == s.kind]


def _items(listed: str, *, letters: bool) -> list[str]:
    """The numbers (or letters) a reference lists: "2, 3 va 4" -> 2, 3, 4; "5 den dieu 7" and
    "5 - 7" -> 5, 6, 7 (folded text)."""
    rx = _LETTER_RE if letters else _DIGITS_RE
    out: list[str] = []
    prev_end = 0
    for m in rx.finditer(listed):
        sep = listed[prev_end:m.start()]
        value = m.group()
        if out and re.search(r"\bden\b|-|\u2013", sep):
            a, b = out[-1], value
            if a.isdigit() and b.isdigit() and int(a) < int(b) <= int(a) + 50:
                out.extend(str(v) for v in range(int(a) + 1, int(b)))
            elif not a.isdigit() and a in LETTERS and b in LETTERS and LETTERS.index(a) < LETTERS.index(b):
                out.extend(LETTERS[LETTERS.index(a) + 1:LETTERS.index(b)])
        out.append(value)
        prev_end = m.end()
    return out


def fold_title(title: str) -> str:
    return _text.fold(title or "", expand=False)


def legal_name(x: Section) -> str:
    """"khoản 2 Điều 5" for a khoản (its Điều named by number), "Điều 5", "điểm a khoản 2 Điều 5";
    other sections by their address and title."""
    parts = []
    node: Section | None = x
    while node is not None and node.kind in LEGAL:
        parts.append(f"{WORDS[node.kind]} {_value(node)}")
        node = node.parent if node.kind != "dieu" else None
    return " ".join(parts) if parts else x.display


def shift(number: str, delta: int) -> str:
    """"3" + 1 -> "4"; "b" - 1 -> "a" (Vietnamese letter order: đ after d)."""
    if number.isdigit():
        return str(max(1, int(number) + delta))
    k = LETTERS.index(number) if number in LETTERS else 0
    return LETTERS[min(max(0, k + delta), len(LETTERS) - 1)]


def _value(x: Section) -> str:
    comps = getattr(x, "_comps", None)
    v = comps[-1] if comps else x.number
    return str(v).lower()


@dataclass
class Group:
    members: list[Section]
    inserted: list[tuple[int, int, Any]] = field(default_factory=list)  # (position among members, order, owner)
    deleted: dict[int, tuple[int, Any]] = field(default_factory=dict)  # id(member) -> (order, owner)
    index: dict[int, int] = field(default_factory=dict)  # id(member) -> its position


@dataclass
class Move:
    """One original sibling's net move: its number ``old`` becomes ``new`` (None: deleted)."""

    section: Section
    old: str
    new: str | None
    owner: Any  # the last edit that moved (or deleted) it


@dataclass
class LabelChange:
    block: int
    start: int  # raw characters of the heading paragraph's current text
    end: int
    new: str
    owner: Any


@dataclass
class StaleReference:
    block: int
    p: Any  # the paragraph (a body paragraph or one in a table cell)
    start: int  # raw characters of the paragraph's current text
    end: int
    text: str  # the reference as written
    what: str  # "khoản", "Điều", "điểm"
    old: str
    new: str | None  # None: the clause it named is deleted
    owner: Any


class Ledger:
    """Insertions and deletions of typed or Word-numbered Điều / khoản / điểm, for one plan."""

    def __init__(self, outline: Outline):
        self.outline = outline
        self.groups: dict[tuple, Group] = {}

    def _group(self, s: Section) -> Group:
        """The group of ``s``, read once: an Điều's by kind and document, others by parent."""
        key = (s.kind, s.space) if s.kind in ("dieu", "article") else (s.kind, id(s.parent), s.space)
        g = self.groups.get(key)
        if g is None:
            members = siblings(self.outline, s)
            g = self.groups[key] = Group(members, index={id(x): k for k, x in enumerate(members)})
        return g

    def insert(self, s: Section, *, before: bool, owner: Any) -> list[Move]:
        """A new sibling right before (or after) ``s``; the moves this edit alone makes."""
        g = self._group(s)
        at = g.index[id(s)] + (0 if before else 1)
        g.inserted.append((at, self._next(), owner))
        self._moves = None
        return [Move(x, _value(x), shift(_value(x), 1), owner) for x in g.members[at:]
                if id(x) not in g.deleted]

    def delete(self, s: Section, *, owner: Any) -> list[Move]:
        g = self._group(s)
        at = g.index[id(s)]
        g.deleted[id(s)] = (self._next(), owner)
        self._moves = None
        return [Move(s, _value(s), None, owner)] + [Move(x, _value(x), shift(_value(x), -1), owner)
                                                    for x in g.members[at + 1:] if id(x) not in g.deleted]

    def _next(self) -> int:
        self._order = getattr(self, "_order", 0) + 1
        return self._order

    def moves(self) -> list[tuple[Group, list[Move]]]:
        """Each group's net moves: a sibling moves by the insertions minus the deletions before it
        (one pass a group), owned by the latest edit among them."""
        if getattr(self, "_moves", None) is not None:
            return self._moves
        out = []
        for g in self.groups.values():
            moves = []
            inserted = sorted(g.inserted, key=lambda t: t[0])
            p = 0
            delta = 0
            last: tuple[int, Any] | None = None
            for k, x in enumerate(g.members):
                while p < len(inserted) and inserted[p][0] <= k:
                    delta += 1
                    if last is None or inserted[p][1] > last[0]:
                        last = (inserted[p][1], inserted[p][2])
                    p += 1
                gone = g.deleted.get(id(x))
                if gone is not None:
                    moves.append(Move(x, _value(x), None, gone[1]))
                    delta -= 1  # the siblings after it move back
                    if last is None or gone[0] > last[0]:
                        last = gone
                    continue
                if delta:
                    moves.append(Move(x, _value(x), shift(_value(x), delta), last[1]))
            out.append((g, moves))
        self._moves = out
        return out

    def label_changes(self, raw: Callable[[Any], str]) -> list[LabelChange]:
        """The typed label digits of every moved sibling (``raw``: a paragraph's current text)."""
        out = []
        for _, moves in self.moves():
            for m in moves:
                x = m.section
                if m.new is None or not x.label_chars or x.heading is None:
                    continue
                text = raw(self.outline.blocks[x.heading])
                rx = r"(\d+)(?!.*\d)" if _value(x).isdigit() else r"([a-zđ])(?=\s*[).])"
                found = re.search(rx, text[:x.label_chars])
                if found:
                    out.append(LabelChange(x.heading, found.start(1), found.end(1), m.new, m.owner))
        return out

    def stale_references(self, paragraphs: Callable[[str], Any], raw: Callable[[Any], str],
                         floors: dict[int, int], skip: set[int]) -> list[StaleReference]:
        """References that point at a moved or deleted number.  ``paragraphs(space)``: (block, p)
        of a document's text; ``floors``: heading block -> characters of its typed label (never
        a reference); ``skip``: blocks deleted anyway.  Each document's text is read once,
        whatever the number of groups."""
        found: dict[str, list] = {}  # space -> [(kind, match, block, p, text, ends)]
        foreign = set(self.outline.quoted)  # the text an amending article quotes or names speaks of another document
        for x in self.outline.walk():
            if x.kind in ("dieu", "article") and _AMENDING.match(fold_title(x.title)):
                foreign.update(range(x.heading if x.heading is not None else x.start, x.end))

        def references(space: str) -> list:
            if space not in found:
                found[space] = refs = []
                for block, p in paragraphs(space):
                    if block in skip or block in foreign:
                        continue
                    text = raw(p)
                    if not text:
                        continue
                    nfc, ends = nfc_with_map(text)
                    key = key_text(nfc)
                    if "dieu" not in key and "khoan" not in key and "diem" not in key:
                        continue
                    floor = floors.get(block, 0) if p is self.outline.blocks[block] else 0
                    for kind, rx in (("dieu", _DIEU_RE), ("khoan", _KHOAN_RE), ("diem", _DIEM_RE)):
                        for m in rx.finditer(key):
                            if (ends[m.start() - 1] if m.start() else 0) < floor:
                                continue  # the heading's own label
                            if kind == "dieu" and _OTHER_DOC.match(key, m.end()):
                                continue  # "Điều 7 của Nghị định số ...": another document's
                            refs.append((kind, m, block, p, text, ends))
            return found[space]

        out: list[StaleReference] = []
        for g, moves in self.moves():
            if not moves:
                continue
            first = g.members[0]
            kind = "dieu" if first.kind in ("dieu", "article") else first.kind
            changed = {m.old: m for m in moves}
            parent = first.parent if kind in ("khoan", "diem") else None
            grand = parent.parent if parent is not None and kind == "diem" else None
            for rkind, m, block, p, text, ends in references(first.space):
                if rkind != kind or not self._ours(m, kind, block, parent, grand):
                    continue
                hits = [changed[n] for n in _items(m.group("nums"), letters=kind == "diem") if n in changed]
                if not hits:
                    continue
                start_raw = ends[m.start() - 1] if m.start() else 0
                end_raw = ends[m.end() - 1]
                for mv in hits:
                    out.append(StaleReference(block, p, start_raw, end_raw, text[start_raw:end_raw],
                                              WORDS.get(first.kind, kind), mv.old, mv.new, mv.owner))
        return out

    @staticmethod
    def _ours(m: re.Match, kind: str, block: int, parent: Section | None, grand: Section | None) -> bool:
        """Does the reference name this group's parent ("Điều này" inside it, its number, or
        nothing and the reference is inside it)?"""
        def inside(s: Section | None) -> bool:
            return s is not None and s.heading is not None and s.heading <= block < s.end

        def names(s: Section | None, said: str | None) -> bool:
            if said is None:
                return inside(s)
            if said == "nay":
                return inside(s)
            return s is not None and _value(s) == said

        if kind in ("dieu", "article"):
            return True
        if kind == "khoan":
            return names(parent, m.group("dieu"))
        khoan, dieu = m.group("khoan"), m.group("dieu")
        if khoan is None and dieu is not None:
            return False  # "điểm b Điều 5": not a khoản's điểm
        if dieu is not None and not names(grand, dieu):
            return False
        return names(parent, khoan)


__all__ = ["Ledger", "Move", "LabelChange", "StaleReference", "siblings", "shift", "legal_name", "WORDS", "LEGAL"]
