"""The body of a letter -> instruction units.

Why units: one paragraph of a letter often holds several instructions ("tại Điều 1 nên bỏ
từ “các”; ở Điều 3 nên bổ sung cụm từ “...”; ..."), and one instruction often spans
several paragraphs (its new text follows "như sau:").  The grammar reads one unit at a
time, each with its own number, so no unit borrows another's place or operation.

Two steps:

1. ``segment``: paragraphs -> items: numbered items ("1.", "II.", "1.1."), sub-items ("a)",
   or "-" / "+" under a group head such as "1. Đối với Phần II:"), and, in a letter without
   numbers, one item per paragraph; the paragraphs after a head that introduces new text
   ("sửa lại như sau:") are that item's *content*.
2. ``split_item``: an item's head -> units.  The head is cut into sentences first, so a colon
   or a verb in one sentence never reaches into the next.  In each sentence a colon is one of
   (``colon_kind``):

   - *introduce*: after an operation verb in the position of an order, or an introducer
     ("như sau", "với nội dung") that follows one: the new text comes after it -- the one
     quotation right after the colon (what follows its closing mark is the letter's own
     words again: a purpose, the speaker's name), the rest of the paragraph when unquoted
     (stopping at a reason: "Lý do", "Bởi vì"), or the content paragraphs when the colon
     ends the head;
   - *announce*: after a request or an announcement with no operation ("kiến nghị đến
     HĐND tỉnh:", "có ý kiến đóng góp, như:"): a list follows; its ";"-separated members
     are instructions of their own, each a request by distribution (``Unit.listed``);
   - anything else (a place label "Khoản 2 Điều 15:", a citation "quy định: “...”", "Lý
     do:") is left to the later stages.

   A sentence is then cut into clauses at ";" (also a ";" written inside a closing quote)
   when its parts are instructions of their own, and at ", đồng thời".  A clause that names
   its own place gets its own number (3.a, 3.b).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import clean
from .content import PH_RE, OPENING, clean_new_text, inside_quotes, is_open, mask_quotes, unmask
from .frame import attached_title
from .lexicon import lexicon
from .predicate import imperative, instruction_end, order_verbs, quiet

_TOP = re.compile(r"^(?P<num>\d{1,2}|[IVX]{1,5})[.)]\s+(?P<rest>.+)$")  # "1." or "II." (Roman groups)
_SUB = re.compile(r"^(?P<num>[a-zđ])[)]\s+(?P<rest>.+)$")
_DEC = re.compile(r"^(?P<num>\d{1,2})\.(?P<sub>\d{1,2})\.?\s+(?P<rest>.+)$")  # "1.2. ..." under "1."
# "Do đó, đề nghị ...", "Từ thực tiễn trên, ...": a sentence that goes on from the place just discussed
_LINKED = re.compile(r"(?i)^\W*(?:do đó|vì vậy|vì thế|từ đó|theo đó|như vậy|từ thực tiễn trên|trên cơ sở đó)\b")
_ROMAN_TOP = re.compile(r"^(?P<num>[IVX]{1,5})[.)]\s+(?P<rest>.+)$")
_DIGIT_TOP = re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?P<rest>.+)$")
_DASH = re.compile(r"^(?:[-–—+•]\s*|[*●▪]\s+)(?P<rest>.+)$")  # "*" in e-mails
_LABELLED = re.compile(r"^(?:[-–—+•*●▪]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|\(?[ivx]{1,4}\)\s|Điều\s+\d+)", re.I)
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_ROMAN = {"I": 1, "V": 5, "X": 10}


@dataclass
class Item:
    n: int | str
    head: str
    content: list[str] = field(default_factory=list)
    children: list["Item"] = field(default_factory=list)
    parent: "Item | None" = None
    listed: bool = False  # a member of a list the letter asks for as a whole ("đề nghị: a; b; c")
    follow: bool = False  # a paragraph after an item's head, read as more of the same item


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
    listed: bool = False  # a member of a list of requests: a request even without "đề nghị"
    joined: bool = False  # a clause joined to the one before by "đồng thời" / "và": same place
    run_on: bool = False  # a clause of a ";"-list: it keeps the place it names, or none
    open_text: bool = False  # its new text is a quotation never closed: not exact words
    tail: str = ""  # the letter's words after the new text (a purpose, the speaker)
    reason: bool = False  # the reason given for the instruction before it (it quotes another text)


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


def _order_verb(skel: str, *paths: str) -> re.Match | None:
    """An operation verb where an order puts it: not described ("đã bỏ", "được bổ sung"), not a
    noun ("một số điều chỉnh", "các sửa đổi"), not inside a bracket or a subordinate clause."""
    return order_verbs(skel, *paths)


def _only_new_words(piece: str) -> bool:
    """"đề nghị sửa thành “Y”": a clause whose one quotation is the new words, with no place and
    no current words of its own -- it changes what the clause before it quoted."""
    lx = lexicon()
    return bool(re.fullmatch(r"\W*(?:(?:" + lx.alt("request.markers") + r")\s+)?(?:" + lx.alt("operation.change.verbs") +
                             r")(?:\s+lại)?\s*(?:thành|là|bằng)\s*:?\s*⟦\d+⟧\W*", piece, re.I))


def colon_kind(sentence: str) -> tuple[str | None, int]:
    """('introduce' | 'announce' | None, index of the colon) for a sentence skeleton.  A colon in
    the reason that follows the instruction ("... để phù hợp với Điều lệ: “...”") is none, and so is
    a colon inside a number ("TCVN ISO 9001:2015", "10:30")."""
    sentence = re.sub(r"(?<=\d):(?=\d)", "\u00b7", sentence)  # same length: the index still holds
    end = instruction_end(sentence)
    if end < len(sentence) and "⟦" in sentence[:end]:
        # the instruction has its words before the reason: a colon in the reason is not its
        return colon_kind(sentence[:end]) if ":" in sentence[:end] else (None, -1)
    lx = lexicon()
    intro = re.compile(r"(?:" + lx.pattern("introducer.phrases", "introducer.results") + r")\s*:", re.I)
    op = _order_verb(sentence, "operation.add.verbs", "operation.change.verbs", "operation.rename.verbs",
                     "operation.move.verbs")
    res = lx.rx("introducer.results").search(sentence)
    if res:
        colon = sentence.find(":", res.start())
        if colon >= 0 and not sentence[res.end():colon].strip(" ⟦⟧0123456789"):
            return "introduce", colon
    first = sentence.find(":")
    if op and first >= 0 and first < op.start():
        kind, at = colon_kind(sentence[: first + 1])
        if kind == "announce":
            return kind, at  # "tôi có một số ý kiến như sau: Khoản 2 Điều 15: ... đề nghị sửa lại như sau: “...”"
    if op:
        colon = sentence.find(":", op.end())
        if colon >= 0 and re.search(r"(?i)\btừ\s+⟦\d+⟧\s+(?:thành|sang|xuống|lên)\s+⟦\d+⟧", sentence[colon:]):
            return None, -1  # "dòng “Tổng cộng” sửa tương ứng: cột A từ “1” thành “2”, ...": the changes, not new text
        if colon >= 0:
            if re.search(r"(?<![\w])(?:một số|một vài|các|những)\s+(?:nội dung|điểm|ý|vấn đề|chỗ|từ ngữ|câu chữ)"
                         r"(?:\s+\S+){0,3}?\s+(?:như\s+)?sau\s*$", sentence[op.end():colon], re.I) and \
                    lexicon().rx("operation.change.verbs").match(sentence, op.start()):
                return "announce", colon  # "đề nghị chỉnh sửa một số nội dung như sau:": a list of changes follows
            if re.search(r"(?<![\w])(?:một số|một vài|các|những)\s+(?:nội dung|điểm|ý|vấn đề|chỗ)(?:\s+\S+){0,2}\s+$",
                         sentence[:op.start()], re.I) and re.fullmatch(r"\s*(?:cụ thể\s+)?(?:như\s+)?sau\s*",
                                                                     sentence[op.end():colon], re.I):
                return "announce", colon  # "Một số nội dung cần chỉnh sửa cụ thể như sau:" (the same, subject first)
            return "introduce", colon
    for m in re.finditer(r":", sentence):
        before = sentence[: m.start()]
        if re.search(r"(?:^|\W)(?:lý do|ví dụ|ảnh|nguồn|trong đó|bao gồm|gồm|bởi lẽ|bởi vì|vì|do|cụ thể là)\s*$",
                     before, re.I):
            continue
        if intro.search(before + ":") and op is not None:
            return "introduce", m.start()
        listing = re.search(r"(?:như|như sau|sau đây|sau)\s*$", before, re.I)
        if lx.rx("request.markers", "narrative.announcements").search(before) or listing:
            asked = list(lx.rx("request.markers").finditer(before))
            if not listing and asked and lx.rx("advisory.verbs").search(quiet(before)[asked[-1].end():]) and \
                    ";" not in sentence[m.end():]:
                # "đề nghị tách Điều 4 thành hai khoản: khoản 1 ..., khoản 2 ...": the request says what
                # it asks, the colon only explains it
                continue
            if not lx.rx("location.cites", after=r"\s*$").search(before) and not re.match(
                    r"\s*⟦\d+⟧\W*$", sentence[m.end():]):
                return "announce", m.start()
    return None, -1


def wants_text(head: str) -> bool:
    """The head ends by introducing new text in the paragraphs after it ("sửa lại như sau:")."""
    skel, _ = mask_quotes(head)
    sentences = _sentences(skel)
    last = sentences[-1] if sentences else skel
    h = last.rstrip()
    if re.search(r"như sau\s*\.?$", h, re.I) and not h.endswith(":"):
        h = h.rstrip(" .") + ":"
    if not h.endswith(":"):
        return False
    kind, at = colon_kind(h)
    return kind == "introduce" and at == len(h) - 1


def announces(head: str) -> bool:
    """The head ends by announcing a list of instructions ("có ý kiến như sau:", "đề nghị:")."""
    skel, _ = mask_quotes(head)
    h = skel.rstrip()
    if not h.endswith(":"):
        return False
    kind, at = colon_kind(h)
    return kind == "announce" and at == len(h) - 1


def asks(head: str) -> bool:
    """A head whose list is asked for as a whole ("trân trọng đề nghị:", "2. Đề xuất, kiến nghị")."""
    skel, _ = mask_quotes(head)
    return bool(re.search(r"\b(?:đề nghị|kiến nghị|đề xuất)\b", skel, re.I))


def is_group(head: str) -> bool:
    """'Đối với Phần II:' -- a head that only names where its sub-items apply."""
    h = head.strip()
    if not h.endswith(":") or len(h) > 200 or len(_sentences(mask_quotes(h)[0])) > 1:
        return False
    body = h[:-1]
    lx = lexicon()
    if lx.rx("introducer.phrases").search(body) and wants_text(h) or _order_verb(
            mask_quotes(body)[0], "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs"):
        return False
    return bool(lx.rx("location.keywords").search(body) or re.match(r"^(?:đối với|về|tại|ở)\b", body, re.I))


def text_block(paras: list[str], loose: bool = False) -> int:
    """How many of ``paras`` are the new text a head introduced: a quoted block runs to its
    closing mark; otherwise the paragraphs up to one in the letter's own voice (a request, a
    reason) -- in a letter without numbered items, where nothing else ends the block, only
    the first paragraph and the bullets, labelled clauses or quoted paragraphs after it."""
    if not paras:
        return 0
    first = paras[0].lstrip()
    if first[:1] in OPENING:
        depth = 0
        for i, p in enumerate(paras):
            depth += p.count("“") + p.count("«") - p.count("”") - p.count("»")
            if p.count('"') % 2:
                depth += 1 if depth <= 0 else -1
            if depth <= 0 and i >= 0 and re.search(r"[”\"»]\s*[.;,]?\s*(?:\./\.)?$", p.rstrip()):
                return i + 1
        # never closed: the passage runs while it looks like the draft's text
        k = 1
        while k < len(paras) and _LABELLED.match(paras[k]) and not _own_voice(paras[k]):
            k += 1
        return k
    k = 1
    bullet = _DASH.match(paras[0])
    while k < len(paras) and (bullet and _DASH.match(paras[k]) and paras[k][:1] == paras[0][:1] or (
            not loose or _LABELLED.match(paras[k]) or paras[k][:1] in OPENING) and not _own_voice(paras[k])):
        k += 1  # a bullet after bullets is one more of them, whatever its words
    return k


def _own_voice(p: str) -> bool:
    """A paragraph in the letter's own voice: a request, a reason, a reference to the draft."""
    lx = lexicon()
    body = _DASH.sub(r"\g<rest>", p)
    return bool(lx.rx("request.markers", before=r"^\W*(?:(?:tôi|chúng tôi|sở|ban|bộ)\s+)?").search(body)
                or lx.rx("narrative.rationale", before=r"^\W*").search(body)
                or re.match(r"^(?:như vậy|tuy nhiên|do đó|vì vậy|theo (?:tôi|chúng tôi|đó)|ngoài ra)\b", body, re.I))


def segment(body: list[str]) -> tuple[list[str], list[Item]]:
    """Split the body into (paragraphs before the first instruction, instructions)."""
    if not any(_TOP.match(p) for p in body):
        return _segment_loose(body)
    pre: list[str] = []
    items: list[Item] = []
    # "1.1." items make their "1." a group head, whatever its words ("1. Góp ý cụ thể từng điều").
    decimal_parents = {int(m.group("num")) for m in map(_DEC.match, body) if m}
    # Roman groups over numbered items ("I. Về Luật Đầu tư" / "1. Về ..."): the digits are sub-items.
    two_levels = any(_ROMAN_TOP.match(p) for p in body) and any(_DIGIT_TOP.match(p) for p in body)
    current: Item | None = None
    sub: Item | None = None
    expect_top = None
    quoted = inside_quotes(body)
    for k, p in enumerate(body):
        if k in quoted and current is not None:
            (sub or current).content.append(p)  # inside new text quoted over several paragraphs
            continue
        if attached_title(p):
            # "BẢNG TỔNG HỢP Ý KIẾN ..." attached after the cover letter: its items are numbered afresh
            expect_top, current, sub = None, None, None
            pre.append(p)
            continue
        m = _TOP.match(p)
        if two_levels and m and m.group("num").isdigit() and current is not None:
            m = None  # a numbered item under a Roman group: read below as a sub-item
        heading_like = m is not None and len(m.group("rest")) < 150 and not m.group("rest").rstrip().endswith(".")
        if m and (expect_top is None or _top_num(m) == expect_top) and (
                instruction_like(m.group("rest")) or _top_num(m) in decimal_parents or two_levels
                or heading_like and (expect_top is not None or _ROMAN_TOP.match(p))):
            current = Item(_top_num(m), m.group("rest"))
            items.append(current)
            sub = None
            expect_top = _top_num(m) + 1
            continue
        dm = _DEC.match(p) or (_DIGIT_TOP.match(p) if two_levels and current is not None else None)
        if dm and current is not None and ("sub" not in dm.groupdict() or int(dm.group("num")) == current.n):
            n = f"{current.n}.{dm.group('sub') if 'sub' in dm.groupdict() else dm.group('num')}"
            sub = Item(n, dm.group("rest"), parent=current, listed=asks(current.head) or any(
                announces(c) and asks(c) for c in current.content))
            current.children.append(sub)
            continue
        if current is None:
            pre.append(p)
            continue
        s = _SUB.match(p)
        if two_levels and sub is not None:
            s = None  # "a)" under "1." under "II.": the digit item's own sub-item (follow_ups numbers it)
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


def _segment_loose(body: list[str]) -> tuple[list[str], list[Item]]:
    """A letter without numbered items: one item per paragraph (a dash or an ordinal label is
    part of its words), numbered from the first that reads as an instruction (the opening and
    the narrative before it are numbered 0); a head that introduces new text takes the block
    after it as content; a head that names a place or asks and then announces a list ("Ở
    Chương I, đề nghị ... như sau:") takes the paragraphs after it, up to the next such head,
    as its sub-items."""
    pre: list[str] = []
    items: list[Item] = []
    group: Item | None = None
    asked = False  # the opening ended "..., Sở ... đề nghị:": the bullets after it are asked for
    quoted = inside_quotes(body)
    i = 0
    while i < len(body):
        p = body[i]
        if i in quoted and items:
            (items[-1].children[-1] if items[-1].children else items[-1]).content.append(p)
            i += 1
            continue
        d = _DASH.match(p)
        text = d.group("rest") if d else p
        if not items and group is None and (not instruction_like(text) or _opening(text) or
                                            not d and not pre and announces(text) and not _heads_a_list(text)):
            pre.append(p)
            asked = announces(text) and asks(_sentences(mask_quotes(text)[0])[-1])
            i += 1
            continue
        if group is not None and not (announces(text) and _heads_a_list(text) or is_group(text)):
            item = Item(f"{group.n}.{len(group.children) + 1}", text, parent=group, listed=asks(group.head))
            group.children.append(item)
        else:
            item = Item(len(items) + 1, text, listed=bool(asked and d))
            items.append(item)
            group = None
        i += 1
        if wants_text(text):
            k = text_block(body[i:], loose=True)
            item.content = body[i:i + k]
            i += k
        elif (announces(text) and _heads_a_list(text) or is_group(text)) and item.parent is None and i < len(body):
            group = item
    return pre, items


def _opening(text: str) -> bool:
    """The letter's opening formula ("Phúc đáp Công văn số ...", "Thực hiện Văn bản số ...")."""
    return bool(lexicon().rx("narrative.formulas", before=r"^\W*").search(text))


def _heads_a_list(text: str) -> bool:
    """'Ở Chương I, đề nghị có một số điều chỉnh như sau:' -- names a place or asks, then lists:
    the paragraphs after it are its sub-items (an opening "Sở ... có ý kiến như sau:" is not)."""
    from .locations import find_refs

    skel, quotes = mask_quotes(text)
    lx = lexicon()
    if lx.rx("narrative.formulas", "narrative.openings", before=r"^\W*").search(skel) or len(_sentences(skel)) > 1 \
            or len(skel) > 250:
        return False
    return bool(find_refs(skel, quotes) or lx.rx("request.markers").search(skel))


# ---------------------------------------------------------------------------- one item -> units

def _sentences(skel: str, quotes: list[str] | None = None) -> list[str]:
    """Cut a skeleton at sentence ends (". X" with X upper case; a quotation that ends its own
    sentence: “....” X); quotes are masked already."""
    out, start = [], 0
    ends = r""
    if quotes:
        done = [str(k) for k, q in enumerate(quotes) if q.rstrip().endswith((".", "!", "?", "./."))]
        if done:
            ends = r"|(?<=⟦(?:" + "|".join(done) + r")⟧)\s+(?=[^\W\d_])"
    for m in re.finditer(r"[.!?…]\s+(?=⟦\d+⟧|[^\W\d_])|(?<=⟧)\.\s+(?=[^\W\d_])" + ends, skel):
        nxt = skel[m.end():m.end() + 1]
        if nxt == "⟦" or nxt.isupper():
            before = skel[start:m.start()].rstrip()
            if re.search(r"\b(?:TP|Tr|tr|TS|ThS|PGS|GS|Ths|Số|số|NĐ|TT|v\.v|[A-ZĐ])$", before) or \
                    len(before.split()) <= 2:
                continue  # "TP. Hà Tĩnh"; "Điều 5. Tên điều" / "I. Về bố cục" (a label, not a sentence)
            out.append(skel[start:m.end()].strip())
            start = m.end()
    out.append(skel[start:].strip())
    return [s for s in out if s.strip(" .;,")]


def _signal(piece: str) -> bool:
    """The piece reads as an instruction: an order's verb, an advisory, a request, or a place first."""
    lx = lexicon()
    place_first = re.compile(r"^\s*(?:(?:tại|ở|trong|đối với|về|cũng tại)\s+)?(?:các\s+)?(?:"
                             + lx.alt("location.keywords", "location.special.title") + r")(?![\w])", re.I)
    q = quiet(piece)
    return bool(lx.rx("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                      "operation.move.verbs", "request.markers").search(q)
                or lx.rx("advisory.verbs").search(q) and not lx.rx("agreement.phrases").search(q)
                or place_first.match(piece))


def _clauses(sentence: str, quotes: list[str], listed: bool) -> list[tuple[str, bool]]:
    """Cut a sentence at ';' (also one written inside a closing quote) or ', đồng thời' where the
    next part is an instruction of its own.  In a ';'-list whose first member asks for something,
    every member is an instruction (the request is distributed over the list).  Returns
    (clause, joined) pairs: joined when a connector ties the clause to the one before."""
    lx = lexicon()
    conn = lx.pattern("connector.phrases")
    # a quote that ends in ";" closes a member of the list: “...;” đề nghị ...
    ends = [m.end() for m in PH_RE.finditer(sentence) if quotes[int(m.group(1))].rstrip().endswith(";")]
    cuts = []
    # (never before "bằng"/"thành": “X”; bằng “Y” is one change whose quote kept its own ";")
    for m in re.finditer(r";\s*(?!(?:bằng|thành)\s)|,\s*(?=(?:" + conn + r")\b)|\.\s+(?=(?:" + conn + r")\b)",
                         sentence, re.I):
        cuts.append((m.start(), m.end()))
    for e in ends:
        if e < len(sentence) and sentence[e:].strip()[:1] not in (";", ".", ",", "") and not re.match(
                r"\s*(?:bằng|thành)\s|\s*(?:vào\s+)?(?:ngay\s+)?(?:sau|trước|cuối|đầu)\s", sentence[e:], re.I):
            # (never before where the quoted line goes: “Căn cứ ...;” vào sau căn cứ ...)
            cuts.append((e, e))
    # "thay từ “X” bằng từ “Y” và hoán đổi từ “Z” ...": a second operation with words of its own is
    # an instruction of its own at the same place ("... và sửa lại là “...”" restates the first).
    ops = lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs", "operation.move.verbs",
                 "advisory.reorder", "advisory.verbs")
    for m in re.finditer(r"\s+và\s+(?=(?:" + ops + r")(?![\w]))", sentence, re.I):
        before, after = sentence[: m.start()], sentence[m.end():]
        nxt = re.split(r";", after, maxsplit=1)[0]
        v = re.match(r"(?:" + ops + r")(?![\w])", after, re.I)
        # "... sửa “X” thành “Y” và tính lại tỷ lệ": an advisory after an exact change is its own request
        advising = lx.rx("advisory.verbs").match(after) and "⟦" not in nxt
        if "⟦" in before and ("⟦" in nxt or "“" in nxt or advising) and order_verbs(
                before, "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs") and not re.match(
                r"\s*(?:lại\s+)?(?:là|thành|như sau|cho rõ nghĩa|:|vào và)", after[v.end():], re.I)                 and not lx.rx("introducer.result_words").match(after):
            cuts.append((m.start(), m.start() + len(m.group(0)) - len(m.group(0).lstrip()) + 3))
    cuts = sorted(c for c in cuts if sentence[: c[0]].count("(") <= sentence[: c[0]].count(")"))  # not in (...)
    pieces, at = [], 0
    for a, b in cuts:
        pieces.append(sentence[at:a])
        at = b
    pieces.append(sentence[at:])
    asks_first = bool(pieces) and (listed or _asks_strongly(pieces[0]))
    out: list[tuple[str, bool]] = []
    from .locations import names_place

    for k, piece in enumerate(pieces):
        if not piece.strip(" .;,"):
            continue
        joined = bool(re.match(r"\s*(?:" + conn + r"|và)\b", piece, re.I)) or k > 0 and \
            sentence[cuts[k - 1][0]:cuts[k - 1][1]].strip() == "và"
        if out and asks_first and not joined and names_place(out[-1][0], quotes) and not names_place(piece, quotes) \
                and not _asks_strongly(piece) and not order_verbs(piece, "operation.add.verbs", "operation.delete.verbs",
                                                                  "operation.change.verbs", "operation.move.verbs"):
            # "... trong toàn bộ dự thảo; lần đầu xuất hiện cần ghi đầy đủ": the same request, said on
            out[-1] = (out[-1][0] + "; " + piece, out[-1][1])
            continue
        context_only = out and not names_place(piece, quotes) and not _asks_strongly(out[-1][0]) and \
            not order_verbs(out[-1][0], "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs") \
            and ("⟦" not in piece or "⟦" in out[-1][0] and _only_new_words(piece))
        if context_only:
            # "Có ý kiến cho rằng X còn rộng; đề nghị Ban soạn thảo làm rõ", "Điều 7 và Điều 8 ... có thể
            # gộp; đề nghị cơ quan soạn thảo cân nhắc": what (and where) the request is about, then the
            # request with no place and no words of its own: one instruction
            out[-1] = (out[-1][0] + "; " + piece, out[-1][1])
            continue
        if out and (_signal(piece) and _signal(out[-1][0]) or asks_first and len(piece.split()) >= 2 and not joined
                    or joined and _signal(piece)):
            out.append((piece, joined))
        elif out:
            sep = "; " if not joined else ", "
            out[-1] = (out[-1][0] + sep + piece, out[-1][1])
        else:
            out.append((piece, False))
    return out


def _imperative_start(piece: str) -> bool:
    return imperative(piece)


def _capital(text: str) -> str:
    """A clause cut from a compound reads as its own sentence: connector off, capital first."""
    t = re.sub(r"^(?:" + lexicon().pattern("connector.phrases") + r")\s*,?\s*", "", text, flags=re.I)
    return t[:1].upper() + t[1:]


def follow_ups(item: Item, paras: list[str] | None = None) -> list[Item]:
    """Paragraphs after a head that are not its new text are more sentences of the same
    instruction (reasons, further requests), each read as a unit of its own; a paragraph
    that introduces new text takes the block after it."""
    paras = list(item.content if paras is None else paras)
    out: list[Item] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        sub = _SUB.match(p) or _DEC.match(p)
        if sub:
            # "a) Khoản 1 Điều 5: sửa ..." under "2. Chương II": a sub-item, read with its own number
            label = sub.group("sub") if "sub" in sub.groupdict() else sub.group("num")
            more = Item(f"{item.n}.{label}", sub.group("rest"), parent=item)
        else:
            more = Item(item.n, p, parent=item, follow=True)
        out.append(more)
        i += 1
        if wants_text(p):
            k = text_block(paras[i:])
            more.content = paras[i:i + k]
            i += k
    return out


def _cite_unquoted(skel: str, quotes: list[str]) -> str:
    """'Tại khoản 1, Điều 32 ... quy định: Phản biện xã hội là ...' -- the words after a
    citation verb and a colon are the draft's current text even without quotation marks:
    masked like a quotation, so their verbs are never read as the letter's."""
    lx = lexicon()
    refword = lx.alt("location.keywords")
    m = re.search(r"(?:" + refword + r")\s+[\dIVXivx][^:;]{0,80}?\b(?:" + lx.alt("location.cites") +
                  r")\s*:\s*(?!⟦)(?P<t>[^⟦]+?)(?=\.\s+[A-ZĐÀ-Ỹ]|$)", skel, re.I)
    if not m or lx.rx("request.markers").search(skel[m.start():m.start("t")]):
        return skel
    quotes.append(clean(m.group("t")))
    return skel[: m.start("t")] + f"⟦{len(quotes) - 1}⟧" + skel[m.end("t"):]


def _rationale_start(sentence: str) -> bool:
    return bool(lexicon().rx("narrative.rationale", before=r"^\W*").search(sentence)
                or re.match(r"^\W*(?:bởi vì|vì|để|nhằm)\b", sentence, re.I))


def split_item(item: Item, own_place: "callable" = None) -> list[Unit]:
    """An item's head (and the block of its content it introduces) -> units.  The content
    paragraphs that are not new text stay in ``item.content`` for the caller to read."""
    skel, quotes = mask_quotes(item.head)
    skel = _cite_unquoted(skel, quotes)
    # (sentence, asked as a member of a list, first sentence of a list member)
    queue = [(x, item.listed and k == 0, False) for k, x in enumerate(_sentences(skel, quotes) or [skel])]
    units: list[Unit] = []
    i = 0
    while i < len(queue):
        s, listed, member = queue[i]
        before = len(units)
        kind, at = colon_kind(s)
        new_raw: list[str] = []
        inline = ""
        tail = ""
        open_text = False
        if kind == "introduce":
            instr, rest = s[:at], s[at + 1:].strip()
            if rest.startswith("⟦"):
                q = PH_RE.match(rest)
                new_raw = [quotes[int(q.group(1))]]
                open_text = is_open(quotes[int(q.group(1))])
                tail = rest[q.end():].strip()
                body = re.match(r",?\s*(?:với|có)\s+nội\s+dung(?:\s+(?:như\s+sau|là))?\s*:?\s*⟦(\d+)⟧\s*[.;]?\s*$", tail, re.I)
                if body:  # "như sau: “4. Sở Nội vụ” với nội dung: “...”": the new unit's heading, then its words
                    new_raw.append(quotes[int(body.group(1))])
                    tail = ""
                named = re.search(r"(?i)(?:mục|khoản|điểm|điều|chương|phần|tiểu mục)\s+mới\s+⟦(\d+)⟧\s*,?\s*(?:với|có)\s+"
                                  r"nội\s+dung(?:\s+(?:như\s+sau|là))?\s*$", instr)
                if named and not body and len(new_raw) == 1:
                    # "bổ sung vào trước Mục IV một mục mới “IV. KINH PHÍ” với nội dung: “...”": the heading quoted
                    # before the colon, then the unit's words after it
                    new_raw.insert(0, quotes[int(named.group(1))])
                if not tail.strip(" .…;,"):
                    tail = ""
                inline = unmask(rest, quotes)
            elif rest:
                parts = [rest]
                j = i + 1
                # a row's cells ("bổ sung dòng “X” với số liệu: A 1.126, B 958, ...") end with their sentence:
                # the next one ("Dòng Tổng cộng ... đề nghị tính lại") is an instruction of its own
                row = re.search(r"(?i)(?<![\w])(?:dòng|hàng)(?![\w])", instr)
                while j < len(queue) and not row and not _rationale_start(queue[j][0]) and not queue[j][2]:
                    parts.append(queue[j][0])
                    j += 1
                inline = clean(unmask(" ".join(parts), quotes))
                cut = inline.find("[")
                new_words = inline[:cut].rstrip() if cut > 0 else inline  # "[...]": an editor's note, not text
                new_raw = [new_words]
                # words never brought to a sentence's end are cut short: not exact words
                open_text = not re.search(r"[.;!?…:)\"”»]$", new_words)
                i = j - 1
            elif i == len(queue) - 1 and item.content:
                k = text_block(item.content)
                new_raw = list(item.content[:k])
                open_text = new_raw[0].lstrip()[:1] in OPENING and not re.search(
                    r"[”\"»]\s*[.;,]?\s*(?:\./\.)?$", new_raw[-1].rstrip())
                item.content = item.content[k:]
            units.extend(_clause_units(item, instr, s, quotes, new_raw, inline, tail, open_text, True,
                                       listed, len(units)))
        elif kind == "announce":
            head_part = s[: at + 1]
            units.extend(_clause_units(item, head_part, head_part, quotes, [], "", "", False, False,
                                       listed, len(units)))
            rest = s[at + 1:].strip()
            if ";" in rest or any(";" in x for x, _, _ in queue[i + 1:]):
                # a list: its ';'-separated members run to the end of the paragraph
                rest = " ".join([rest] + [x for x, _, _ in queue[i + 1:]])
                del queue[i + 1:]
                members = [m for m in re.split(r";\s*", rest) if m.strip(" .;,")]
                for m in members:
                    for k, ms in enumerate(_sentences(m, quotes) or [m]):
                        queue.append((ms, k == 0, k == 0))
            elif rest.strip(" .;,"):
                queue.insert(i + 1, (rest, True, True))
        else:
            units.extend(_clause_units(item, s, s, quotes, [], "", "", False, False, listed, len(units)))
        if member and len(units) > before:
            units[before].run_on = True  # a member of a list keeps the place it names, or none
        i += 1
    _number(units, item)
    return units


def _clause_units(item: Item, instr: str, sentence: str, quotes: list[str], new_raw: list[str], inline: str,
                  tail: str, open_text: bool, introduced: bool, listed: bool, before: int) -> list[Unit]:
    new_text = clean_new_text(new_raw)
    pieces = _clauses(instr, quotes, listed) or [(instr, False)]
    reason = None
    if not introduced and pieces:
        last, joined = pieces[-1]
        end = instruction_end(last)
        if end < len(last) and "⟦" in last[:end] and re.search(r":\s*⟦\d+⟧", last[end:]):
            # "... bằng từ “là” để phù hợp với lời mở đầu của Điều lệ: “...”": the reason quotes
            # another text; it is a sentence part of its own (narrative), not the instruction's words.
            pieces[-1] = (last[:end], joined)
            reason = last[end:].lstrip(" ,")
    out = []
    many = len(pieces) > 1
    for idx, (part, joined) in enumerate(pieces):
        last = idx == len(pieces) - 1
        text = unmask(part, quotes)
        if last and introduced:
            text += ":" + (" " + inline if inline else "")
        quote = clean(_capital(re.sub(r"^[-–•+*]\s+", "", clean(text)))).rstrip(" ;")  # a bullet's marker is no word
        s_text = clean(unmask(sentence, quotes) + (":" + (" " + inline if inline else "")
                                                   if introduced else ""))
        out.append(Unit(n=item.n, quote=quote, skel=part, quotes=quotes,
                        new_text=new_text if last and introduced else [],
                        raw_new_text=new_raw if last and introduced else [], sentence=s_text, item=item,
                        first=before == 0 and idx == 0, introduced=last and introduced,
                        listed=listed or (many and idx > 0 and _listed_run(pieces)),
                        joined=joined, run_on=many and not joined and idx > 0, open_text=open_text and last and introduced,
                        tail=tail if last else ""))
    if reason:
        out.append(Unit(n=item.n, quote=clean(_capital(clean(unmask(reason, quotes)))), skel=reason, quotes=quotes,
                        new_text=[], raw_new_text=[], sentence=clean(unmask(sentence, quotes)), item=item, first=False,
                        joined=True, reason=True))
    return out


def _listed_run(pieces: list[tuple[str, bool]]) -> bool:
    """A ';'-list whose first member asks for something: each member is asked for."""
    return _asks_strongly(pieces[0][0])


def _asks_strongly(piece: str) -> bool:
    """A request marker other than a bare "cần" / "phải" / "nên", outside brackets and
    subordinate clauses, or an order's verb first."""
    lx = lexicon()
    text = lx.rx("request.not_markers").sub(lambda m: "~" * len(m.group(0)), quiet(piece))
    strong = [m for m in lx.rx("request.markers").finditer(text)
              if not lx.rx("request.weak").fullmatch(" ".join(m.group(0).lower().split()))
              or re.match(r"\s+(?:" + lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                                "operation.move.verbs", "advisory.verbs") + r")(?![\w])",
                          text[m.end():], re.I)]  # "nên thay", "cần bổ sung": a modal before an order
    return bool(strong or _imperative_start(text))


def _number(units: list[Unit], item: Item) -> None:
    """Clauses that name places of their own get letters (3.a, 3.b); the rest keep the item's."""
    from .locations import names_place

    if len(units) < 2:
        return
    placed = sum(1 for u in units if names_place(u.skel, u.quotes))
    if placed < 2:
        return
    letters = iter(_LETTERS)
    for u in units:
        u.n = f"{item.n}.{next(letters, 'z')}"


def placeholders(skel: str) -> list[int]:
    return [int(q) for q in PH_RE.findall(skel)]
