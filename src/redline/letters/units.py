"""The body of a letter -> instruction units.

Why units: one paragraph of a letter often holds several instructions ("tại Điều 1 nên bỏ
từ “các”; ở Điều 3 nên bổ sung cụm từ “...”; ..."), and one instruction often spans
several paragraphs (its new text follows "như sau:").  The grammar reads one unit at a
time, each with its own number, so no unit borrows another's place or operation.

Two steps:

1. ``segment``: paragraphs -> items: numbered items ("1.", "II."), sub-items ("a)", or
   "-" / "+" under a group head such as "1. Đối với Phần II:"), bullets of an unnumbered
   letter, loose paragraphs; the paragraphs that follow an item whose head announces new
   text ("như sau:", a closing colon) are that item's *content*, not items.
2. ``split_item``: an item's head -> units: the part before the new text (the
   *instruction part*) is cut into sentences, and a sentence into clauses at ";" or
   ", đồng thời" when the next clause has an operation of its own.  A clause that names
   its own place gets its own number (3.a, 3.b); the clauses of one instruction at one
   place ("...; đồng thời bỏ câu ...") keep the item's number.  The new text (inline
   after the colon, and the content paragraphs) belongs to the clause that introduced it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import clean
from .content import PH_RE, clean_new_text, mask_quotes, unmask
from .lexicon import lexicon

_TOP = re.compile(r"^(?P<num>\d{1,2}|[IVX]{1,5})[.)]\s+(?P<rest>.+)$")  # "1." or "II." (Roman groups)
_SUB = re.compile(r"^(?P<num>[a-zđ])[)]\s+(?P<rest>.+)$")
_DEC = re.compile(r"^(?P<num>\d{1,2})\.(?P<sub>\d{1,2})\.?\s+(?P<rest>.+)$")  # "1.2. ..." under "1."
_ROMAN_TOP = re.compile(r"^(?P<num>[IVX]{1,5})[.)]\s+(?P<rest>.+)$")
_DIGIT_TOP = re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?P<rest>.+)$")
_DASH = re.compile(r"^[-–—+•]\s+(?P<rest>.+)$")
_ORDINAL_HEAD = re.compile(r"^(?P<ord>Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:.]\s*(?P<rest>.+)$")
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = {"I": 1, "V": 5, "X": 10}
_ORD_WORDS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


@dataclass
class Item:
    n: int | str
    head: str
    content: list[str] = field(default_factory=list)
    children: list["Item"] = field(default_factory=list)
    parent: "Item | None" = None


@dataclass
class Unit:
    """One instruction (or one sentence that turns out to hold none)."""

    n: int | str
    quote: str  # the letter's words (what a comment carries and the summary shows)
    skel: str  # the instruction part, quotations masked as ⟦k⟧ (shared numbering: ``quotes``)
    quotes: list[str]
    new_text: list[str]  # cleaned new text introduced by this clause
    raw_new_text: list[str]  # as written (for the label and ellipsis checks)
    sentence: str  # the sentence of the body it came from (accounting)
    item: Item
    first: bool  # the first unit of its item
    introduced: bool = False  # the clause announced new text ("như sau:", a colon)


def _top_num(m: re.Match) -> int:
    num = m.group("num")
    if num.isdigit():
        return int(num)
    total = 0
    for a, b in zip(num, num[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def instruction_like(text: str) -> bool:
    """Does this paragraph read as an instruction (a place, an operation, a request)?"""
    lx = lexicon()
    head = text[:300]
    return bool(lx.rx("location.keywords", after=r"\s+[\dIVXivx]").search(head)
                or lx.rx("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                         "operation.move.verbs", "advisory.verbs", "request.markers").search(head)
                or lx.rx("agreement.phrases").search(head)
                or re.match(r"^(?:tại|đối với|về|trong|ở)\b", text, re.I))


def is_group(head: str) -> bool:
    """'Đối với Phần II:' -- a head that only names where its sub-items apply."""
    h = head.strip()
    if not h.endswith(":"):
        return False
    body = h[:-1]
    lx = lexicon()
    if lx.rx("introducer.phrases").search(body) or lx.rx(
            "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs").search(body):
        return False
    return bool(lx.rx("location.keywords").search(body) or re.match(r"^(?:đối với|về|tại)\b", body, re.I))


def wants_text(head: str) -> bool:
    """The head announces new text in the paragraphs after it."""
    h = head.rstrip()
    return h.endswith(":") or bool(re.search(r"như sau\s*:?\s*$", h, re.I))


def segment(body: list[str]) -> tuple[list[str], list[Item]]:
    """Split the body into (paragraphs before the first instruction, instructions)."""
    pre: list[str] = []
    items: list[Item] = []
    numbered = any(_TOP.match(p) for p in body)
    # "1.1." items make their "1." a group head, whatever its words ("1. Góp ý cụ thể từng điều").
    decimal_parents = {int(m.group("num")) for m in map(_DEC.match, body) if m}
    # Roman groups over numbered items ("I. Về Luật Đầu tư" / "1. Về ..."): the digits are sub-items.
    two_levels = any(_ROMAN_TOP.match(p) for p in body) and any(_DIGIT_TOP.match(p) for p in body)
    current: Item | None = None
    sub: Item | None = None
    expect_top = None
    for p in body:
        m = _TOP.match(p)
        if two_levels and m and m.group("num").isdigit() and current is not None:
            m = None  # a numbered item under a Roman group: read below as a sub-item
        heading_like = m is not None and len(m.group("rest")) < 150 and not m.group("rest").rstrip().endswith(".")
        if numbered and m and (expect_top is None or _top_num(m) == expect_top) and (
                instruction_like(m.group("rest")) or _top_num(m) in decimal_parents or two_levels
                or heading_like and expect_top is not None):
            current = Item(_top_num(m), m.group("rest"))
            items.append(current)
            sub = None
            expect_top = _top_num(m) + 1
            continue
        dm = _DEC.match(p) or (_DIGIT_TOP.match(p) if two_levels and current is not None else None)
        if dm and current is not None and ("sub" not in dm.groupdict() or int(dm.group("num")) == current.n):
            n = f"{current.n}.{dm.group('sub') if 'sub' in dm.groupdict() else dm.group('num')}"
            sub = Item(n, dm.group("rest"), parent=current)
            current.children.append(sub)
            continue
        o = _ORDINAL_HEAD.match(p)
        if not numbered and o and instruction_like(o.group("rest")) and not (current and wants_text(current.head)):
            current = Item(len(items) + 1, o.group("rest"))
            items.append(current)
            continue
        if current is None:
            d = _DASH.match(p)
            if not numbered and d and instruction_like(d.group("rest")) or \
                    not numbered and pre and instruction_like(p) and len(p) < 4000:
                current = Item(len(items) + 1, d.group("rest") if d else p)
                items.append(current)
                continue
            pre.append(p)
            continue
        if not numbered:
            d = _DASH.match(p)
            if d and instruction_like(d.group("rest")) and not wants_text(current.head) and not current.content:
                current = Item(len(items) + 1, d.group("rest"))
                items.append(current)
                continue
            if not d and not wants_text(current.head) and instruction_like(p) and not current.content:
                current = Item(len(items) + 1, p)
                items.append(current)
                continue
        s = _SUB.match(p)
        expected_letter = _LETTERS[len(current.children)] if len(current.children) < len(_LETTERS) else None
        if s and s.group("num") == expected_letter and instruction_like(s.group("rest")) and (
                sub is None or not wants_text(sub.head) or s.group("num") != "a"):
            sub = Item(f"{current.n}.{s.group('num')}", s.group("rest"), parent=current)
            current.children.append(sub)
            continue
        d = _DASH.match(p)
        if d and is_group(current.head) and (sub is None or not wants_text(sub.head)) and instruction_like(
                d.group("rest")) and not (current.children and isinstance(current.children[0].n, str)
                                          and current.children[0].n[-1].isalpha()):
            sub = Item(f"{current.n}.{len(current.children) + 1}", d.group("rest"), parent=current)
            current.children.append(sub)
            continue
        (sub or current).content.append(p)
    return pre, items


# ---------------------------------------------------------------------------- one item -> units

def _cut(skel: str) -> int | None:
    """Where the new text starts in a head: the first colon after an operation verb, else
    after an introducer ("như sau:", "nội dung:")."""
    lx = lexicon()
    op = lx.rx("operation.add.verbs", "operation.change.verbs").search(skel)
    if op:
        colon = skel.find(":", op.end())
        if colon >= 0:
            return colon
    m = re.search(r"(?:" + lx.pattern("introducer.phrases") + r")\s*:", skel, re.I)
    if m:
        return m.end() - 1
    return None


def _sentences(skel: str) -> list[str]:
    """Cut a skeleton at sentence ends (". X" with X upper case); quotes are masked already."""
    out, start = [], 0
    for m in re.finditer(r"[.!?]\s+(?=⟦\d+⟧|[^\W\d_])", skel):
        nxt = skel[m.end():m.end() + 1]
        if nxt == "⟦" or nxt.isupper():
            before = skel[start:m.start()].rstrip()
            if re.search(r"\b(?:TP|Tr|tr|TS|ThS|PGS|GS|Ths|Số|số|NĐ|TT|v\.v)$", before) or \
                    len(before.split()) <= 2:
                continue  # "TP. Hà Tĩnh"; "Điều 5. Tên điều" / "I. Về bố cục" (a label, not a sentence)
            out.append(skel[start:m.end()].strip())
            start = m.end()
    out.append(skel[start:].strip())
    return [s for s in out if s.strip(" .;,")]


def _clauses(sentence: str) -> list[str]:
    """Cut a sentence at ';' (or ', đồng thời') where the next part is an instruction of its own."""
    lx = lexicon()
    ops = lx.rx("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs", "operation.move.verbs",
                "advisory.verbs")
    conn = lx.pattern("connector.phrases")
    asks = lx.rx("request.markers")
    place_first = re.compile(r"^\s*(?:(?:tại|ở|trong|đối với|về|cũng tại)\s+)?(?:các\s+)?(?:"
                             + lx.alt("location.keywords", "location.special.title") + r")(?![\w])", re.I)
    pieces = re.split(r";\s*|,\s*(?=(?:" + conn + r")\b)|\.\s+(?=(?:" + conn + r")\b)", sentence, flags=re.I)
    out: list[str] = []
    def signal(piece: str):
        return ops.search(piece) or asks.search(piece) or place_first.match(piece)

    for piece in pieces:
        if out and signal(piece) and signal(out[-1]):
            out.append(piece)
        elif out:
            sep = "; " if not re.match(conn, piece, re.I) else ", "
            out[-1] = out[-1] + sep + piece
        else:
            out.append(piece)
    return [c for c in out if c.strip(" .;,")]


def _capital(text: str) -> str:
    """A clause cut from a compound reads as its own sentence: connector off, capital first."""
    t = re.sub(r"^(?:" + lexicon().pattern("connector.phrases") + r")\s*,?\s*", "", text, flags=re.I)
    return t[:1].upper() + t[1:]


def follow_ups(item: Item) -> list[Item]:
    """The paragraphs after a head that announces no new text are more sentences of the same
    instruction (reasons, further requests), each read as a unit of its own; a paragraph
    ending in ":" takes the bullets after it as its content."""
    out: list[Item] = []
    for p in item.content:
        if out and wants_text(out[-1].head) and (_DASH.match(p) or out[-1].content and not instruction_like(p)):
            out[-1].content.append(p)
        else:
            out.append(Item(item.n, p, parent=item))
    return out


def split_item(item: Item, own_place: "callable") -> list[Unit]:
    """An item's head (and content) -> units.  ``own_place(skel)`` says whether a clause
    names its own place (the locations module decides)."""
    head = item.head
    skel, quotes = mask_quotes(head)
    cut = _cut(skel)
    instr = skel[:cut] if cut is not None else skel
    rest = skel[cut + 1:].strip() if cut is not None else ""
    content = list(item.content) if wants_text(item.head) or rest else []
    raw_new = ([clean(unmask(rest, quotes))] if rest else []) + content
    new_text = clean_new_text(raw_new)
    units: list[Unit] = []
    sentences = _sentences(instr)
    pieces: list[tuple[str, str]] = []  # (clause skeleton, sentence skeleton)
    for s in sentences:
        for c in _clauses(s):
            pieces.append((c, s))
    if not pieces:
        pieces = [(instr, instr)]
    placed = sum(1 for c, _ in pieces if own_place(c, quotes))
    letters = iter(_LETTERS)
    for idx, (part, sentence) in enumerate(pieces):
        last = idx == len(pieces) - 1
        text = unmask(part, quotes)
        if last and cut is not None:
            text += ":" + (" " + unmask(rest, quotes) if rest else "")
        quote = clean(_capital(clean(text))).rstrip(" ;")
        n = item.n
        if len(pieces) > 1 and placed >= 2:
            n = f"{item.n}.{next(letters)}"
        s_text = clean(unmask(sentence, quotes) + (":" + (" " + unmask(rest, quotes) if rest else "")
                                                    if last and cut is not None else ""))
        units.append(Unit(n=n, quote=quote, skel=part, quotes=quotes, new_text=new_text if last else [],
                          raw_new_text=raw_new if last else [], sentence=s_text, item=item, first=idx == 0,
                          introduced=last and cut is not None))
    return units


def placeholders(skel: str) -> list[int]:
    return [int(q) for q in PH_RE.findall(skel)]
