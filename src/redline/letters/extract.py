"""Comment letter (văn bản góp ý) -> edits document: deterministic rules over the letter's language.

The stages, each a function below:

1. ``letter.letter_paragraphs``: decode and mend the text (page breaks, wrapped lines).
2. ``parse_frame``: sender, number, date, subject, recipient, signer; where the body starts
   and ends (the opening paragraph, "Trên đây là ý kiến ...", "Đề nghị Sở Nội vụ tổng hợp",
   "Nơi nhận" and the signature carry no instruction).
3. ``segment``: the body into numbered instructions ("1.", "2."), their sub-items ("a)",
   or "-" under a group heading such as "1. Đối với Phần II:") and the content lines that
   follow each ("như sau:" ... up to the next instruction).
4. ``Parser.instruction``: one instruction -> clauses (a compound "...; đồng thời đề nghị
   ..." is several) -> edits, by the reference forms and operation phrases listed in
   ``REF`` and the ``_op_*`` methods.  Every edit carries ``n`` (the instruction's number)
   and ``quote`` (the letter's words it came from).
5. With a draft: every target is resolved (``redline.resolve``) to its canonical address;
   what fails goes to ``unresolved`` with the reason and the candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .source import letter_paragraphs
from ..text import clean, fold

# --------------------------------------------------------------------------- frame

ORG_TYPES = ("ủy ban nhân dân", "uỷ ban nhân dân", "bộ chỉ huy", "ban quản lý", "kho bạc nhà nước", "văn phòng",
             "công an", "thanh tra", "chi cục", "sở", "ban", "cục", "đài", "báo", "hội", "liên đoàn", "tỉnh đoàn",
             "bảo hiểm xã hội", "ubnd")
_KNOWN_ORGS = {
    "so thong tin va truyen thong": "Sở Thông tin và Truyền thông",
    "so tai chinh": "Sở Tài chính",
    "so ke hoach va dau tu": "Sở Kế hoạch và Đầu tư",
    "so tu phap": "Sở Tư pháp",
    "so noi vu": "Sở Nội vụ",
    "so y te": "Sở Y tế",
    "so giao duc va dao tao": "Sở Giáo dục và Đào tạo",
    "so tai nguyen va moi truong": "Sở Tài nguyên và Môi trường",
    "so nong nghiep va phat trien nong thon": "Sở Nông nghiệp và Phát triển nông thôn",
    "so lao dong thuong binh va xa hoi": "Sở Lao động - Thương binh và Xã hội",
    "so van hoa the thao va du lich": "Sở Văn hóa, Thể thao và Du lịch",
    "so xay dung": "Sở Xây dựng",
    "so cong thuong": "Sở Công thương",
    "so giao thong van tai": "Sở Giao thông vận tải",
    "so khoa hoc va cong nghe": "Sở Khoa học và Công nghệ",
    "so ngoai vu": "Sở Ngoại vụ",
    "cong an tinh": "Công an tỉnh",
    "thanh tra tinh": "Thanh tra tỉnh",
    "ban dan toc": "Ban Dân tộc",
    "van phong uy ban nhan dan tinh": "Văn phòng UBND tỉnh",
    "van phong ubnd tinh": "Văn phòng UBND tỉnh",
}
# The department code in a letter's number ("Số: 1187/STTTT-CĐS") names the sender too.
_SYMBOL_ORGS = {
    "STTTT": "Sở Thông tin và Truyền thông", "STC": "Sở Tài chính", "SKHĐT": "Sở Kế hoạch và Đầu tư",
    "SKHDT": "Sở Kế hoạch và Đầu tư", "STP": "Sở Tư pháp", "SNV": "Sở Nội vụ", "SYT": "Sở Y tế",
    "SGDĐT": "Sở Giáo dục và Đào tạo", "SGDDT": "Sở Giáo dục và Đào tạo", "STNMT": "Sở Tài nguyên và Môi trường",
    "SNN": "Sở Nông nghiệp và Phát triển nông thôn", "SNNPTNT": "Sở Nông nghiệp và Phát triển nông thôn",
    "SLĐTBXH": "Sở Lao động - Thương binh và Xã hội", "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "SXD": "Sở Xây dựng", "SCT": "Sở Công thương", "SGTVT": "Sở Giao thông vận tải",
    "SKHCN": "Sở Khoa học và Công nghệ", "CAT": "Công an tỉnh", "VPUB": "Văn phòng UBND tỉnh",
    "VP": "Văn phòng UBND tỉnh", "TTR": "Thanh tra tỉnh", "BDT": "Ban Dân tộc",
}
_ABBREV_WORDS = {"UBND", "HĐND", "CCHC", "TTHC", "MTTQ", "CNTT"}
_ORG_LINE = re.compile(r"^(?:" + "|".join(re.escape(t) for t in ORG_TYPES) + r")\b", re.I)
_NUMBER = re.compile(r"\bsố\s*:\s*(?P<num>\d*)\s*(?:/\s*(?P<sym>[\w\-&.]+))?", re.I)
_DATE = re.compile(r"(?:(?P<place>[^,]{2,40}),\s*)?ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*"
                   r"(?P<y>\d{4})", re.I)
_SUBJECT = re.compile(r"^(?:v/v|về việc)\s*:?\s*(?P<s>.*)$", re.I)
_RECIPIENT = re.compile(r"^kính\s+gửi\s*:?\s*(?P<r>.*)$", re.I)
_CLOSING = re.compile(
    r"^(?:trên đây là|nơi nhận|rất mong|trân trọng|xin trân trọng|"
    r"đề nghị\s+(?:sở|quý|văn phòng|ubnd|ủy ban|uỷ ban|cơ quan|ban)\b[^“”\"]{0,80}?"
    r"(?:tổng hợp|tiếp thu|hoàn thiện|nghiên cứu)[^“”\"]{0,60}$|"
    # the formula a letter ends with: "Sở ... kính gửi Sở Nội vụ tổng hợp./." (no quote, no label)
    r"(?![-–+•\d])[^“”\"]{0,200}(?:tổng hợp|tiếp thu|xem xét|hoàn thiện)[^“”\"]{0,40}\./\.$)", re.I)
_SIGNATURE = re.compile(r"^(?:kt\.|tm\.|tl\.|q\.|giám đốc|phó giám đốc|chánh văn phòng|trưởng|phó trưởng|"
                        r"chánh thanh tra|thủ trưởng)", re.I)
_NATIONAL = re.compile(r"^(?:cộng hòa|cộng hoà|độc lập)", re.I)
_BODY_SENDER = re.compile(
    r"(?P<org>(?:Sở|Công an|Văn phòng|Ban|Thanh tra|Kho bạc|Cục|Chi cục|Bộ Chỉ huy|Ủy ban|UBND|Đài|Báo)"
    r"(?:\s+[\w\-,]+){0,8}?)\s+(?:cơ bản\s+)?(?:đồng ý|thống nhất|nhất trí|có ý kiến|góp ý|tham gia ý kiến|"
    r"xin góp ý|xin có ý kiến)")


@dataclass
class Frame:
    sender: str | None = None
    sender_from: str | None = None  # "header", "body", "number"
    number: str | None = None
    symbol: str | None = None
    date: str | None = None  # ISO date when day, month and year are all written
    date_written: str | None = None  # "2022-07" when the day is blank
    place: str | None = None
    subject: str | None = None
    recipient: str | None = None
    signer: str | None = None
    opening: str | None = None
    body: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)

    def letter_dict(self) -> dict:
        return {
            "number": self.number, "symbol": self.symbol,
            "date": self.date or self.date_written, "place": self.place, "subject": self.subject,
            "recipient": self.recipient, "sender": self.sender, "signer": self.signer,
        }


def org_name(upper: str) -> str:
    """'SỞ THÔNG TIN VÀ TRUYỀN THÔNG' -> 'Sở Thông tin và Truyền thông' (Vietnamese name casing)."""
    text = clean(upper).strip(" .:;,")
    key = fold(text, expand=False)
    for k, v in _KNOWN_ORGS.items():
        if key == k:
            return v
    if any(c.islower() for c in text):
        return text  # already cased by its writer
    words = text.split()
    lower = [w if w in _ABBREV_WORDS else w.lower() for w in words]
    # The organisation type, then its name: each member of the name ("và", ",", "-") capitalised.
    out: list[str] = []
    type_len = 1
    joined = " ".join(lower)
    for t in ORG_TYPES:
        if joined.startswith(t + " ") or joined == t:
            type_len = len(t.split())
            break
    out = lower[:]
    out[0] = out[0][:1].upper() + out[0][1:]
    capital_next = True
    place = False
    for i in range(type_len, len(out)):
        w = out[i]
        if w in ("và", ",", "-"):
            capital_next = True
            continue
        if w in ("tỉnh", "huyện", "thành", "phố", "thị", "xã") and capital_next is False:
            place = True
            continue
        if capital_next or place:
            out[i] = w[:1].upper() + w[1:]
            capital_next = False
        if w.endswith(","):
            capital_next = True
    return " ".join(out)


def parse_frame(paras: list[str]) -> Frame:
    f = Frame()
    n = len(paras)
    # Header: up to "Kính gửi" (or the first long paragraph when there is none).
    k_recipient = next((i for i, p in enumerate(paras) if _RECIPIENT.match(p)), None)
    header_end = k_recipient if k_recipient is not None else next(
        (i for i, p in enumerate(paras) if len(p) > 150 or re.match(r"^\d{1,2}[.)]\s", p)), 0)
    orgs = []
    for i in range(header_end):
        p = paras[i]
        m = _NUMBER.search(p)
        if m and f.number is None and f.symbol is None:
            f.number = m.group("num") or None
            f.symbol = m.group("sym")
            if f.number and f.symbol:
                f.number = f"{f.number}/{f.symbol}"
            continue
        d = _DATE.search(p)
        if d and f.date_written is None:
            _set_date(f, d)
            continue
        s = _SUBJECT.match(p)
        if s:
            subject = s.group("s")
            j = i + 1
            while j < header_end and not (_NUMBER.search(paras[j]) or _DATE.search(paras[j])
                                          or _NATIONAL.match(paras[j]) or _ORG_LINE.match(paras[j])):
                subject += " " + paras[j]
                j += 1
            f.subject = clean(subject)
            continue
        if _NATIONAL.match(p):
            continue
        letters = [c for c in p if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and _ORG_LINE.match(p):
            orgs.append(p)
    if orgs:
        # The last organisation line is the sender (the first is often its parent: "UBND TỈNH ...").
        f.sender, f.sender_from = org_name(orgs[-1]), "header"
        if f.sender == "Văn phòng" and len(orgs) > 1 and fold(orgs[-2], expand=False).startswith(
                ("ubnd tinh", "uy ban nhan dan tinh")):
            f.sender = "Văn phòng UBND tỉnh"
    # Recipient(s).
    body_start = header_end
    if k_recipient is not None:
        r = _RECIPIENT.match(paras[k_recipient]).group("r").strip()
        body_start = k_recipient + 1
        names = [r] if r else []
        while body_start < n and re.match(r"^[-–+•]\s", paras[body_start]) and len(paras[body_start]) < 120:
            names.append(paras[body_start][2:])
            body_start += 1
        f.recipient = "; ".join(x.strip(" ;.,") for x in names if x.strip(" ;.,")) or None
    # Closing: the first closing phrase after the body start; signature after "Nơi nhận".
    body_end = n
    for i in range(body_start, n):
        if _CLOSING.match(paras[i]) or _SIGNATURE.match(paras[i]) and len(paras[i]) < 60:
            body_end = i
            break
    f.body = paras[body_start:body_end]
    f.closing = paras[body_end:]
    sig = [p for p in f.closing if not _CLOSING.match(p) and not re.match(r"^[-–+•]\s", p)
           and not _SIGNATURE.match(p) and len(p) < 60 and not p.endswith((";", ".", ":"))]
    if sig:
        f.signer = sig[-1]
    # Date / number may sit outside the header (e.g. after "Kính gửi" in a .docx table).
    if f.date_written is None:
        for p in paras[:body_start]:
            d = _DATE.search(p)
            if d:
                _set_date(f, d)
                break
    return f


def _set_date(f: Frame, d: re.Match) -> None:
    y = int(d.group("y"))
    m = int(d.group("m")) if d.group("m") else None
    day = int(d.group("d")) if d.group("d") else None
    place = (d.group("place") or "").strip()
    f.place = place or None
    if m and day:
        f.date = f.date_written = f"{y:04d}-{m:02d}-{day:02d}"
    elif m:
        f.date_written = f"{y:04d}-{m:02d}"
    else:
        f.date_written = f"{y:04d}"


def find_body_sender(text: str) -> str | None:
    m = _BODY_SENDER.search(text)
    if not m:
        return None
    org = m.group("org").strip(" ,")
    # "Sở Thông tin và Truyền thông" but not "Sở Nội vụ có Văn bản số ..." (that is the requester).
    key = fold(org, expand=False)
    for k, v in _KNOWN_ORGS.items():
        if key.endswith(k) or key == k:
            return v
    return org


# --------------------------------------------------------------------------- segmentation

@dataclass
class Item:
    n: int | str
    head: str
    content: list[str] = field(default_factory=list)
    children: list["Item"] = field(default_factory=list)
    parent: "Item | None" = None


_TOP = re.compile(r"^(?P<num>\d{1,2}|[IVX]{1,5})[.)]\s+(?P<rest>.+)$")  # "1." or "II." (Roman groups)
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _top_num(m: re.Match) -> int:
    """The instruction number of a "3." or "III." line."""
    num = m.group("num")
    if num.isdigit():
        return int(num)
    total = 0
    for a, b in zip(num, num[1:] + " "):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total
_SUB = re.compile(r"^(?P<num>[a-zđ])[)]\s+(?P<rest>.+)$")
_DASH = re.compile(r"^[-–—+•]\s+(?P<rest>.+)$")
_LETTERS = "abcdđeghiklmnopqrstuvxy"

_REF_WORD = r"(?:tiểu\s+mục|phần|mục|khoản|điểm|tiết|chương|điều)"
_OP_WORDS = re.compile(
    r"\b(?:đề nghị|bổ sung|sửa|thay|bỏ|bãi bỏ|lược bỏ|xóa|xoá|chuyển|viết lại|điều chỉnh|làm rõ|rà soát|xem xét|"
    r"cân nhắc|gộp|tách|thống nhất|đồng ý|không có ý kiến|đối với|về)\b", re.I)


def _instruction_like(text: str) -> bool:
    return bool(re.search(r"\b" + _REF_WORD + r"\s+[\dIVX]", text, re.I) or _OP_WORDS.search(text[:200])
                or re.match(r"^(?:tại|đối với|về|trong)\b", text, re.I))


def _is_group(head: str) -> bool:
    """'Đối với Phần II:' -- a heading that only names where its sub-items apply."""
    h = head.strip()
    if not h.endswith(":"):
        return False
    body = h[:-1]
    if re.search(r"như sau|nội dung sau|sau đây|nội dung|bổ sung|sửa|thay|viết lại|bỏ\b", body, re.I):
        return False
    return bool(re.search(_REF_WORD, body, re.I) or re.match(r"^(?:đối với|về|tại)\b", body, re.I))


def segment(body: list[str]) -> tuple[list[str], list[Item]]:
    """Split the body into (paragraphs before the first instruction, instructions)."""
    pre: list[str] = []
    items: list[Item] = []
    tops = [i for i, p in enumerate(body) if _TOP.match(p)]
    numbered = bool(tops)
    current: Item | None = None
    sub: Item | None = None
    expect_top = None
    for p in body:
        m = _TOP.match(p)
        if numbered and m and (expect_top is None or _top_num(m) == expect_top) and _instruction_like(
                m.group("rest")):
            if expect_top is None and current is None and _top_num(m) not in (1,):
                pass  # letters may start at any number; accept
            current = Item(_top_num(m), m.group("rest"))
            items.append(current)
            sub = None
            expect_top = _top_num(m) + 1
            continue
        if current is None:
            if not numbered and _DASH.match(p) and _instruction_like(_DASH.match(p).group("rest")) or \
                    not numbered and pre and _instruction_like(p) and len(p) < 2000:
                rest = _DASH.match(p).group("rest") if _DASH.match(p) else p
                current = Item(len(items) + 1, rest)
                items.append(current)
                continue
            pre.append(p)
            continue
        if not numbered:
            d = _DASH.match(p)
            if d and _instruction_like(d.group("rest")) and not _wants_text(current):
                current = Item(len(items) + 1, d.group("rest"))
                items.append(current)
                continue
        s = _SUB.match(p)
        expected_letter = _LETTERS[len(current.children)] if len(current.children) < len(_LETTERS) else None
        if s and s.group("num") == expected_letter and _instruction_like(s.group("rest")):
            sub = Item(f"{current.n}.{s.group('num')}", s.group("rest"), parent=current)
            current.children.append(sub)
            continue
        d = _DASH.match(p)
        if d and _is_group(current.head) and (sub is None or not _wants_text(sub)) and _instruction_like(
                d.group("rest")) and not (current.children and isinstance(current.children[0].n, str)
                                          and current.children[0].n[-1].isalpha()):
            sub = Item(f"{current.n}.{len(current.children) + 1}", d.group("rest"), parent=current)
            current.children.append(sub)
            continue
        (sub or current).content.append(p)
    return pre, items


def _wants_text(item: Item) -> bool:
    h = item.head.rstrip()
    return h.endswith(":") or bool(re.search(r"như sau\s*:?\s*$", h, re.I))


# --------------------------------------------------------------------------- quotes

_QUOTE = re.compile(r"“([^“”]*)”|\"([^\"]*)\"|«([^«»]*)»|‘([^‘’]*)’|”([^“”]*)”")
_PH = "⟦{}⟧"
_PH_RE = re.compile(r"⟦(\d+)⟧")


def mask_quotes(text: str) -> tuple[str, list[str]]:
    """Replace each quoted passage by a placeholder ⟦k⟧; return (skeleton, passages)."""
    found: list[str] = []

    def sub(m: re.Match) -> str:
        found.append(next(g for g in m.groups() if g is not None).strip())
        return _PH.format(len(found) - 1)

    return _QUOTE.sub(sub, text), found


def unmask(text: str, quotes: list[str], keep_marks: bool = True) -> str:
    return _PH_RE.sub(lambda m: ("“" + quotes[int(m.group(1))] + "”") if keep_marks else quotes[int(m.group(1))],
                      text)


def _strip_ellipsis(q: str) -> tuple[str, bool]:
    t = q.strip()
    cut = False
    for e in ("…", "..."):
        if t.endswith(e):
            t, cut = t[: -len(e)].rstrip(" ,;"), True
        if t.startswith(e):
            t, cut = t[len(e):].lstrip(" ,;"), True
    return t, cut


def strip_block_quotes(paras: list[str]) -> list[str]:
    """New text given in quotes: drop the opening quote of the first paragraph and the closing quote
    of the last when they enclose the block (quotes inside are left alone)."""
    if not paras:
        return paras
    out = [p.strip() for p in paras]
    opening, closing = "“\"«‘", "”\"»’"
    if out[0][:1] in opening and out[-1][-1:] in closing:
        joined = "\n".join(out)
        inner = joined[1:-1]
        if inner.count("“") == inner.count("”"):
            out = inner.strip().split("\n")
    elif len(out) == 1 and out[0][:1] in opening and out[0].rstrip(".;")[-1:] in closing:
        t = out[0].rstrip(".;")
        inner = t[1:-1]
        if inner.count("“") == inner.count("”"):
            out = [inner.strip()]
    return [p.strip() for p in out if p.strip()]


# --------------------------------------------------------------------------- references

_NUM = r"(?:[IVXLC]+(?:\.\d+)*\.?(?![\w])|\d+(?:\.\d+)*\.?(?![\d\w])|[a-zđ](?![\w])|thứ\s+(?:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám))"
_LEVEL_RANK = {"tiết": 1, "điểm": 2, "khoản": 3, "tiểu mục": 3, "mục": 4, "điều": 4, "chương": 5, "phần": 6}
_ONE_REF = re.compile(r"(?P<word>" + _REF_WORD + r")\s+(?P<num>" + _NUM + r")", re.I)
_CHAIN_SEP = re.compile(r"^\s*(?:,\s*|\s+(?:của|thuộc|tại|trong)\s+|\s+)$", re.I)
_ORDINAL_ROMAN = {"nhất": "I", "hai": "II", "ba": "III", "tư": "IV", "bốn": "IV", "năm": "V", "sáu": "VI",
                  "bảy": "VII", "tám": "VIII"}
_ORDINAL = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
            "chín": 9, "mười": 10}


@dataclass
class Ref:
    text: str  # as written (without the bracketed title)
    ranks: list[int]
    start: int
    end: int  # end in the skeleton, title included
    title: str | None = None

    @property
    def target(self) -> str:
        return f"{self.text} ({self.title})" if self.title else self.text


def find_refs(skel: str, quotes: list[str]) -> list[Ref]:
    """Section references in a skeleton (quotes masked), chains merged ("Mục 6.2 của Phần II")."""
    singles = []
    for m in _ONE_REF.finditer(skel):
        word = re.sub(r"\s+", " ", m.group("word").lower())
        num = m.group("num").rstrip(".")
        if num.lower().startswith("thứ"):
            ordinal = num.split()[-1].lower()
            num = _ORDINAL_ROMAN.get(ordinal, num) if word == "phần" else str(_ORDINAL.get(ordinal, num))
        if len(num) == 1 and num.isalpha() and num.islower() and word not in ("điểm", "tiết"):
            continue
        if re.fullmatch(r"[IVXLC]+", num) is None and re.fullmatch(r"[IVXLC]+(\.\d+)+|\d+(\.\d+)*|[a-zđ]", num) is None:
            continue
        singles.append((m.start(), m.end(), word, num, m.group("word")))
    refs: list[Ref] = []
    for start, end, word, num, written in singles:
        rank = _LEVEL_RANK[word]
        piece = f"{written[:1].upper()}{written[1:]} {num}" if not refs or True else ""
        if refs and _CHAIN_SEP.match(skel[refs[-1].end:start]) and rank > refs[-1].ranks[-1] \
                and refs[-1].title is None:
            sep = skel[refs[-1].end:start]
            sep = ", " if "," in sep else (" " + sep.strip() + " " if sep.strip() else " ")
            prev = refs[-1]
            prev.text = prev.text + sep + piece
            prev.ranks.append(rank)
            prev.end = end
        else:
            refs.append(Ref(piece, [rank], start, end))
        # A bracketed title right after: "Mục I.4 (Công tác thông tin, tuyên truyền CCHC)".
        tail = skel[end:]
        t = re.match(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", tail)
        if t and len(t.group(1)) > 3 and not re.match(r"\s*(?:trang|dòng)\b", t.group(1), re.I):
            refs[-1].title = clean(unmask(t.group(1), quotes))
            refs[-1].end = end + t.end()
        else:
            q = re.match(r"\s*⟦(\d+)⟧", tail)
            if q and quotes[int(q.group(1))][:1].isupper() and not re.match(
                    r"\s*⟦\d+⟧\s*(?:thành|bằng)\b", tail):
                refs[-1].title = clean(quotes[int(q.group(1))])
                refs[-1].end = end + q.end()
    # "Mục 4 và Mục 5 Phần IV": the first takes the context the second carries.
    for a, b in zip(refs, refs[1:]):
        if len(a.ranks) == 1 and len(b.ranks) > 1 and b.ranks[0] == a.ranks[0] and a.title is None and \
                re.fullmatch(r"\s*(?:và|,|hoặc)\s*", skel[a.end:b.start]):
            tail = b.text.split(" ", 2)[2] if b.text.count(" ") >= 2 else ""
            tail = re.sub(r"^(?:,\s*|của\s+|thuộc\s+|tại\s+|trong\s+)", "", tail)
            if tail:
                a.text = f"{a.text} {tail}"
                a.ranks = list(b.ranks)
    return refs


def combine(child: str | None, child_ranks: list[int] | None, group: "Ref | None") -> str | None:
    """A sub-item's reference inside its group's: 'Mục 2' under 'Phần II' -> 'Mục 2 Phần II'."""
    if group is None:
        return child
    if child is None:
        return group.target
    if child_ranks and max(child_ranks) < min(group.ranks) and not re.search(r"[IVX]+\.\d", child):
        m = re.match(r"^(.*?)(\s*\([^()]*\))?$", child)
        base, title = m.group(1), (m.group(2) or "")
        return f"{base} {group.text}{title}"
    return child


def complete(ref: "Ref", skel: str, quotes: list[str], group: "Ref | None") -> str:
    """A reference finer than one written earlier in the clause ("Đối với Phần IV, ... vào trước Mục 7")
    or than the group's takes that as its context."""
    before = [r for r in find_refs(skel[: ref.start], quotes) if min(r.ranks) > max(ref.ranks)]
    if before and not re.search(r"[IVX]+\.\d", ref.text):
        ctx = before[-1]
        return f"{ref.text} {ctx.text}" + (f" ({ref.title})" if ref.title else "")
    return combine(ref.target, ref.ranks, group)


# --------------------------------------------------------------------------- operations

_V_REPLACE_TEXT = r"(?:thay thế|thay đổi|thay|sửa đổi|sửa lại|chỉnh sửa|sửa|điều chỉnh|đổi|viết lại|chỉnh)"
_V_DELETE = r"(?:bãi bỏ|lược bỏ|loại bỏ|xóa bỏ|xoá bỏ|bỏ đi|bỏ|xóa|xoá|không đưa)"
_V_ADD = r"(?:bổ sung thêm|bổ sung|thêm|đưa thêm|viết thêm)"
_ADVISORY = re.compile(
    r"\b(?:làm rõ|rà soát|xem xét|cân nhắc|gộp|tách|nghiên cứu|kiểm tra|đánh giá|cập nhật|phân tích|nêu rõ|"
    r"thống kê|đối chiếu|chuẩn hóa|chuẩn hoá|bổ sung (?:thêm )?(?:số liệu|đánh giá|phân tích|nguyên nhân|"
    r"kết quả|thông tin)|lưu ý|cần thiết|biên tập|trình bày lại|sắp xếp lại|kiểm tra lại)\b", re.I)
_AGREE = re.compile(r"\b(?:thống nhất|đồng ý|nhất trí)\b(?!\s+(?:cách|số liệu|với cách))|không có ý kiến|"
                    r"không có góp ý|không có ý kiến khác", re.I)
_SPECIAL_TARGETS = [
    (re.compile(r"toàn bộ (?:nội dung )?(?:dự thảo|báo cáo|văn bản)|toàn văn|trong cả dự thảo|"
                r"trong dự thảo(?! báo cáo)|các chỗ trong dự thảo", re.I), "*"),
    (re.compile(r"\b(?:tại |ở )?(?:tiêu đề|tên)\s+(?:của\s+)?(?:dự thảo|báo cáo)\b|\btại tiêu đề\b", re.I), "title"),
    (re.compile(r"\b(?:phần|đoạn) mở đầu\s+(?:của\s+)?(?:dự thảo|báo cáo)|phần mở đầu\b(?!\s+của\s+" + _REF_WORD + ")",
                re.I), "preamble"),
    (re.compile(r"\bphần kết luận\b|\bđoạn kết\b", re.I), "closing"),
]
# "Đối với nội dung về cải cách thủ tục hành chính": a section named by its title.
_TOPIC = re.compile(r"\b(?:phần\s+)?nội dung (?:về|liên quan đến)\s+(?P<t>[^,:;⟦()]{4,120}?)\s*(?=[,:;(]|\bđề nghị\b|$)",
                    re.I)
_RELATIVE = re.compile(r"\b(?:khoản|mục|phần|tiểu mục|điểm|nội dung) này\b|\btại đây\b", re.I)
_PAGE = re.compile(r"\btrang\s+(?P<page>\d+)(?:\s*,?\s*dòng\s+(?:thứ\s+)?(?P<line>\d+|\w+)"
                   r"(?:\s+từ\s+(?:trên|dưới)\s+(?:xuống|lên))?)?", re.I)
_BULLET = re.compile(r"(?:ý\s+)?(?:dấu\s+)?gạch đầu dòng\s+(?:thứ\s+)?(?P<k>\d+|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|"
                     r"chín|mười|cuối cùng|cuối|đầu tiên|đầu)", re.I)
_PARA = re.compile(r"\bđoạn\s+(?:văn\s+)?(?:thứ\s+)?(?P<k>\d+|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|"
                   r"cuối cùng|cuối|đầu tiên|đầu)\b", re.I)
_SENT = re.compile(r"\b(?P<pos>(?:ngay\s+)?(?:sau|trước)\s+)?(?:câu|đoạn|nội dung|đoạn văn)\s*:?\s*⟦(?P<q>\d+)⟧", re.I)


def _ordinal(k: str) -> int | str:
    k = k.lower()
    if k.isdigit():
        return int(k)
    if k.startswith("cuối"):
        return "last"
    if k.startswith("đầu"):
        return 1
    return _ORDINAL.get(k, 1)


@dataclass
class Clause:
    text: str  # as written
    skel: str
    quotes: list[str]
    new_text: list[str]  # text after "như sau:" (inline rest + content paragraphs)
    n: int | str
    quote: str


class Parser:
    """Turns instructions into edits; keeps the previous target for "khoản này" / "mục này"."""

    def __init__(self) -> None:
        self.edits: list[dict] = []
        self.ignored: list[str] = []
        self.unresolved: list[dict] = []
        self.previous_target: str | None = None

    # -- driving

    def item(self, item: Item, group: Ref | None = None) -> None:
        if item.children:
            skel, quotes = mask_quotes(item.head)
            refs = find_refs(skel, quotes)
            gref = refs[0] if refs else None
            if gref is not None and group is not None:
                gref = Ref(combine(gref.text, gref.ranks, group), gref.ranks + group.ranks, 0, 0, gref.title)
            gref = gref or group
            # Text of the group head itself beyond the reference ("Đối với Phần II, đề nghị: ...") is rare.
            if item.content:
                self.ignored.extend(item.content)
            for child in item.children:
                self.item(child, gref)
            return
        self.instruction(item, group)

    def instruction(self, item: Item, group: Ref | None) -> None:
        head = item.head
        content = list(item.content)
        skel, quotes = mask_quotes(head)
        # Where the new text starts: the first colon after an operation phrase.
        cut = None
        op_m = re.search(r"\b(?:" + _V_ADD + "|" + _V_REPLACE_TEXT + r"|thay thế bằng)\b", skel, re.I)
        if op_m:
            colon = skel.find(":", op_m.end())
            if colon >= 0:
                cut = colon
        if cut is None:
            colon = re.search(r"(?:như sau|nội dung sau|sau đây|nội dung)\s*:", skel, re.I)
            if colon:
                cut = colon.end() - 1
        instr_skel = skel[:cut] if cut is not None else skel
        rest = skel[cut + 1:].strip() if cut is not None else ""
        new_text = ([clean(unmask(rest, quotes))] if rest else []) + content
        new_text = strip_block_quotes(new_text)
        # Compound instructions: split the instruction part (never inside quotes, never the new text).
        parts = re.split(r";\s*(?=(?:đồng thời|và đồng thời|đề nghị|ngoài ra)\b)|\.\s+(?=(?:Đồng thời|Ngoài ra|"
                         r"Bên cạnh đó|Mặt khác|Đề nghị)\b)", instr_skel)
        parts = [p for p in parts if p.strip(" .;,")]
        first_target: str | None = None
        for idx, part in enumerate(parts):
            last = idx == len(parts) - 1
            clause_text = clean(unmask(part, quotes) + (":" + (" " + unmask(rest, quotes) if rest else "")
                                                        if last and cut is not None else ""))
            clause_text = re.sub(r"^(?:đồng thời|và đồng thời|ngoài ra|bên cạnh đó|mặt khác)\s*,?\s*", "",
                                 clause_text, flags=re.I)
            clause_text = clause_text[:1].upper() + clause_text[1:]
            c = Clause(text=unmask(part, quotes), skel=part, quotes=quotes,
                       new_text=new_text if last else [], n=item.n, quote=clean(clause_text).rstrip(" ;"))
            target = self.clause(c, group, first_target)
            if first_target is None and target:
                first_target = target

    # -- one clause

    def clause(self, c: Clause, group: Ref | None, inherited: str | None) -> str | None:
        skel = c.skel
        refs = find_refs(skel, c.quotes)
        # Keywords are looked for outside references (a title such as "(Đánh giá chung)" is no request).
        masked = skel
        for r in reversed(refs):
            masked = masked[: r.start] + "§" + masked[r.end:]
        low = masked.lower()
        special = None
        for rx, name in _SPECIAL_TARGETS:
            if rx.search(skel):
                special = name
                break
        page = _PAGE.search(skel)
        relative = _RELATIVE.search(skel)
        tm = _TOPIC.search(skel)
        topic = clean(tm.group("t")) if tm else None  # the title it names: the resolver reads titles
        # The target: the first reference (for new sections / moves, handled by their rules).
        target = None
        if refs:
            main = refs[0]
            for r in refs[1:]:
                if max(r.ranks) < min(main.ranks):  # "Đối với Phần II, tại Mục 3, ..."
                    main = r
            target = complete(main, skel, c.quotes, group)
        elif special:
            target = special
        elif topic:
            target = topic
        elif relative and self.previous_target:
            target = self.previous_target
        elif inherited:
            target = inherited
        elif group is not None:
            target = group.target
        ctx = dict(refs=refs, special=special, page=page, group=group, target=target)

        for rule in (self._op_agreement, self._op_move, self._op_new_section, self._op_replace_text,
                     self._op_delete, self._op_insert_anchor, self._op_rename, self._op_replace, self._op_add,
                     self._op_advisory):
            out = rule(c, low, ctx)
            if out is not None:
                for e in out:
                    self._emit(c, e, ctx)
                t = next((e["target"] for e in out if e.get("target")), None)
                if t:
                    self.previous_target = t
                return t
        # Nothing recognised: a request becomes a comment, anything else is listed as ignored.
        if re.search(r"\b(?:đề nghị|cần|nên|phải)\b", low):
            e = {"op": "comment", "target": target or "*", "text": c.quote}
            self._emit(c, e, ctx)
            return target
        self.ignored.append(c.quote)
        return None

    def _emit(self, c: Clause, e: dict, ctx: dict) -> None:
        e = {"n": c.n, **e, "quote": c.quote}
        if not e.get("target"):
            if ctx["page"] is not None and (e.get("find") or e.get("anchor")):
                e["target"] = "*"
            else:
                self.unresolved.append({"n": c.n, "instruction": c.quote,
                                        "reason": "no section named: the instruction says what to change but not where",
                                        "quote": c.quote})
                return
        if ctx["page"] is not None and not e.get("note"):
            e["note"] = "page reference: " + ctx["page"].group(0) + " (located by the quoted text)"
        self.edits.append(e)

    # -- rules (each returns a list of edits, or None when it does not apply)

    def _op_agreement(self, c, low, ctx):
        if not _AGREE.search(low):
            return None
        rest = _AGREE.sub("", low)
        if re.search(r"\b(?:" + _V_ADD + "|" + _V_DELETE + "|" + _V_REPLACE_TEXT + r"|chuyển)\b", rest) or c.new_text \
                or _ADVISORY.search(rest):
            return None
        self.ignored.append(c.quote)
        return []

    def _op_move(self, c, low, ctx):
        m = re.search(r"\b(?:chuyển|đưa)\b(?!\s+(?:đổi|số|giao|tiếp))(?P<obj>.*?)\b(?P<dir>lên|xuống|về|sang|vào)\b"
                      r"(?P<dest>.*)$", c.skel, re.I)
        if not m:
            return None
        obj_q = _PH_RE.search(m.group("obj"))
        if not obj_q:
            return [{"op": "comment", "target": ctx["target"] or "*", "text": c.quote,
                     "note": "move without quoted text: left to the drafter"}]
        moved = c.quotes[int(obj_q.group(1))]
        moved_clean, cut = _strip_ellipsis(moved)
        all_refs = find_refs(c.skel, c.quotes)
        dest = m.group("dest")
        src_refs = [r for r in all_refs if r.start < m.start("dir")]
        dest_refs = [r for r in all_refs if r.start >= m.start("dest")]
        src = src_refs[0] if src_refs else None
        src_target = complete(src, c.skel, c.quotes, ctx["group"]) if src else ctx["target"]
        dst_target = complete(dest_refs[0], c.skel, c.quotes, ctx["group"]) if dest_refs else src_target
        is_para = re.search(r"\bđoạn\b", m.group("obj"), re.I) is not None
        anchor_key = "sentence_prefix" if cut else "sentence"
        edits = [{"op": "delete", "target": src_target, "anchor": {anchor_key: moved_clean}}]
        s = re.search(r"(?P<pos>sau|trước)\s+(?:câu|đoạn)\s*⟦(?P<q>\d+)⟧", dest, re.I)
        if s:
            a, acut = _strip_ellipsis(c.quotes[int(s.group("q"))])
            op = "insert_after" if s.group("pos").lower() == "sau" else "insert_before"
            e = {"op": op, "target": dst_target, "anchor": {"sentence_prefix" if acut else "sentence": a}}
            if is_para:
                e["paragraphs"] = [moved_clean]
            else:
                e["text"] = moved_clean
            edits.append(e)
        elif re.search(r"\bđầu\b", dest, re.I):
            edits.append({"op": "prepend", "target": dst_target, "paragraphs": [moved_clean]})
        else:
            edits.append({"op": "append", "target": dst_target, "paragraphs": [moved_clean]})
        if cut:
            edits[-1]["note"] = "the letter quotes the moved text cut short; complete it from the draft"
        return edits

    def _op_new_section(self, c, low, ctx):
        m = re.search(_V_ADD + r"\s+(?:thêm\s+)?(?:một\s+|01\s+)?(?P<kind>tiểu\s+mục|mục|khoản|điểm|phần)"
                      r"(?:\s+mới)?(?:\s+(?P<num>" + _NUM + r"))?(?:\s*(?:mới)?\s*⟦(?P<q>\d+)⟧)?"
                      r"(?P<mid>[^⟦]*?)\b(?:vào|ở|tại|đặt)?\s*(?:ngay\s+)?(?P<pos>sau|trước)\s+(?P<ref>.*)$",
                      c.skel, re.I)
        if not m:
            return None
        offset = m.start("ref")
        dest_refs = [r for r in find_refs(c.skel, c.quotes) if r.start >= offset]
        if not dest_refs:
            return None
        target = complete(dest_refs[0], c.skel, c.quotes, ctx["group"])
        # "vào sau tiểu mục 1.3 của Mục I" may name the parent after the position too.
        op = "insert_after" if m.group("pos").lower() == "sau" else "insert_before"
        paras = list(c.new_text)
        num = (m.group("num") or "").rstrip(".")
        heading = None
        if m.group("q") is not None:
            title = clean(c.quotes[int(m.group("q"))])
            heading = f"{num}. {title}" if num and not title.startswith(num) else title
        elif paras and (not num or paras[0].startswith(num) or len(paras[0]) < 150):
            heading = paras.pop(0)
        if heading is None:
            return [{"op": "comment", "target": target, "text": c.quote,
                     "note": "new section without its text: left to the drafter"}]
        e = {"op": op, "target": target, "heading": heading}
        if paras:
            e["paragraphs"] = paras
        return [e]

    def _pairs(self, c: Clause) -> list[tuple[str, str, int, int]]:
        """(find, replace) pairs: “X” ... thành|bằng ... “Y” after a change verb."""
        out = []
        for m in re.finditer(r"⟦(\d+)⟧\s*(?:\([^()]*\)\s*)?(?:sửa\s+|đổi\s+|điều chỉnh\s+)?(?:thành|bằng)\s+"
                             r"(?:(?:cụm\s+từ|từ|chữ|số liệu|con số|câu|nội dung|tên)\s+)?(?:là\s+)?⟦(\d+)⟧",
                             c.skel, re.I):
            out.append((c.quotes[int(m.group(1))], c.quotes[int(m.group(2))], m.start(), m.end()))
        return out

    def _op_replace_text(self, c, low, ctx):
        pairs = self._pairs(c)
        verb = re.search(r"\b" + _V_REPLACE_TEXT + r"\b", c.skel, re.I)
        ins = re.search(_V_ADD + r"\s+(?:thêm\s+)?(?:cụm\s+từ|từ|chữ)\s*⟦(?P<new>\d+)⟧\s*(?:vào\s+)?(?:ngay\s+)?"
                        r"(?P<pos>sau|trước)\s+(?:cụm\s+từ|từ|chữ)\s*⟦(?P<old>\d+)⟧", c.skel, re.I)
        if not pairs and not ins:
            return None
        if pairs and not verb and not re.search(r"\bthành\b", low):
            return None
        target = ctx["target"] or ("*" if ctx["page"] is not None or ctx["special"] == "*" else None)
        if target is None:
            target = "*"
        exclude = []
        tr = re.search(r"\(?\b(?:trừ|ngoại trừ|không thay|không áp dụng)\b(?P<x>[^)]*)\)?", c.skel, re.I)
        if tr:
            exclude = [c.quotes[int(q)] for q in _PH_RE.findall(tr.group("x"))]
        occ = re.search(r"(?:lần xuất hiện|chỗ|vị trí)\s+thứ\s+(\d+|nhất|hai|ba|tư)", low)
        edits = []
        for find, repl, s, e in pairs:
            if tr and s >= tr.start():
                continue
            ed = {"op": "replace_text", "target": target, "find": find, "replace": repl}
            if exclude:
                ed["exclude"] = exclude
            if occ:
                ed["occurrence"] = _ordinal(occ.group(1))
            if target == "title":
                ed["scope"] = "heading"
            edits.append(ed)
        if ins:
            new, old = c.quotes[int(ins.group("new"))], c.quotes[int(ins.group("old"))]
            repl = f"{old} {new}" if ins.group("pos").lower() == "sau" else f"{new} {old}"
            ed = {"op": "replace_text", "target": target, "find": old, "replace": repl}
            if exclude:
                ed["exclude"] = exclude
            edits.append(ed)
        if target == "*" and ctx["refs"] == [] and ctx["page"] is None and ctx["special"] != "*" and not exclude:
            for ed in edits:
                ed.setdefault("note", "no section named: applies to the whole draft")
        return edits or None

    def _op_delete(self, c, low, ctx):
        m = re.search(r"\b" + _V_DELETE + r"\b(?P<obj>.*)$", c.skel, re.I)
        if not m:
            return None
        obj = m.group("obj")
        target = ctx["target"]
        qs = [int(q) for q in _PH_RE.findall(obj)]
        if re.match(r"\s*(?:toàn bộ\s+)?(?:các\s+)?(?:câu|đoạn)\s*(?:văn\s*)?:?\s*⟦", obj, re.I) and qs:
            out = []
            for q in qs:
                s, cut = _strip_ellipsis(c.quotes[q])
                out.append({"op": "delete", "target": target, "anchor": {"sentence_prefix" if cut else "sentence": s}})
            return out
        b = _BULLET.search(obj)
        if b:
            return [{"op": "delete", "target": target, "anchor": {"bullet": _ordinal(b.group("k"))}}]
        p = _PARA.search(obj)
        if p:
            return [{"op": "delete", "target": target, "anchor": {"paragraph": _ordinal(p.group("k"))}}]
        if qs:
            return [{"op": "delete", "target": target or "*", "find": c.quotes[q]} for q in qs]
        obj_refs = [r for r in ctx["refs"] if r.start >= m.start("obj")]
        if obj_refs:
            return [{"op": "delete", "target": complete(obj_refs[0], c.skel, c.quotes, ctx["group"])}]
        if re.search(r"\b(?:nội dung|mục|phần|tiểu mục|khoản) này\b", obj, re.I) and target:
            return [{"op": "delete", "target": target}]
        return None

    def _anchor(self, skel: str, quotes: list[str]) -> tuple[dict | None, str | None, re.Match | None]:
        """An anchor after 'sau' / 'trước': (anchor, position 'sau'|'trước', match)."""
        s = re.search(r"(?P<pos>sau|trước)\s+(?:câu|đoạn|nội dung)\s*:?\s*⟦(?P<q>\d+)⟧", skel, re.I)
        if s:
            a, cut = _strip_ellipsis(quotes[int(s.group("q"))])
            return {"sentence_prefix" if cut else "sentence": a}, s.group("pos").lower(), s
        b = re.search(r"(?P<pos>sau|trước)\s+" + _BULLET.pattern, skel, re.I)
        if b:
            return {"bullet": _ordinal(b.group("k"))}, b.group("pos").lower(), b
        p = re.search(r"(?P<pos>sau|trước)\s+" + _PARA.pattern[2:], skel, re.I)
        if p:
            return {"paragraph": _ordinal(p.group("k"))}, p.group("pos").lower(), p
        return None, None, None

    def _op_insert_anchor(self, c, low, ctx):
        if not re.search(r"\b" + _V_ADD + r"\b", c.skel, re.I):
            return None
        anchor, pos, am = self._anchor(c.skel, c.quotes)
        if anchor is None:
            return None
        op = "insert_after" if pos == "sau" else "insert_before"
        # New text: a quote that is not the anchor, else the text after "như sau:".
        used = {int(am.group("q"))} if "q" in am.groupdict() and am.group("q") else set()
        own = [c.quotes[int(q)] for q in _PH_RE.findall(c.skel) if int(q) not in used]
        e = {"op": op, "target": ctx["target"], "anchor": anchor}
        inline = "sentence" in anchor or "sentence_prefix" in anchor
        if own:
            rest_skel = c.skel[: am.start()] + c.skel[am.end():]
            if inline and re.search(r"\b(?:câu|cụm từ|nội dung)\s*:?\s*⟦", rest_skel, re.I):
                e["text"] = " ".join(own)
            else:
                e["paragraphs"] = own
        elif c.new_text:
            if inline and len(c.new_text) == 1 and not re.search(r"\b(?:đoạn|gạch đầu dòng|ý)\b",
                                                                   c.skel[: am.start()], re.I):
                e["text"] = c.new_text[0]
            else:
                e["paragraphs"] = list(c.new_text)
        else:
            return [{"op": "comment", "target": ctx["target"] or "*", "text": c.quote,
                     "note": "insertion without its text: left to the drafter"}]
        return [e]

    def _op_rename(self, c, low, ctx):
        m = re.search(r"\b(?:sửa|đổi|điều chỉnh|chỉnh sửa)\s+(?:lại\s+)?(?:tên|tiêu đề)\b.*?(?:thành|là)\s*:?\s*⟦(\d+)⟧",
                      c.skel, re.I)
        if not m or not ctx["target"] or ctx["target"] == "title" and not ctx["refs"]:
            return None
        return [{"op": "replace", "target": ctx["target"], "heading": clean(c.quotes[int(m.group(1))])}]

    def _op_replace(self, c, low, ctx):
        if not re.search(r"sửa đổi,?\s+bổ sung|viết lại|thay thế\s+(?:bằng|như|toàn bộ)|thay bằng|sửa lại|"
                         r"sửa thành|chỉnh sửa lại|điều chỉnh lại|biên tập lại|sửa đổi như|điều chỉnh như|"
                         r"thay thế nội dung|sửa như sau|sửa đổi lại|thay thế\b", low):
            return None
        target = ctx["target"]
        b = _BULLET.search(c.skel)
        p = _PARA.search(c.skel)
        s = _SENT.search(c.skel)
        anchor = None
        if b:
            anchor = {"bullet": _ordinal(b.group("k"))}
        elif s and not s.group("pos"):
            a, cut = _strip_ellipsis(c.quotes[int(s.group("q"))])
            anchor = {"sentence_prefix" if cut else "sentence": a}
        elif p:
            anchor = {"paragraph": _ordinal(p.group("k"))}
        text = list(c.new_text)
        if not text:
            own = [q for i, q in enumerate(c.quotes) if not (s and i == int(s.group("q")))]
            text = own[-1:] if own else []
        if not text:
            return [{"op": "comment", "target": target or "*", "text": c.quote,
                     "note": "replacement without its text: left to the drafter"}]
        e = {"op": "replace", "target": target}
        if anchor:
            e["anchor"] = anchor
        if anchor and ("sentence" in anchor or "sentence_prefix" in anchor) and len(text) == 1:
            e["text"] = text[0]
        else:
            e["paragraphs"] = text
        if re.search(r"phần mở đầu|đoạn mở đầu|nội dung chung", low) and not anchor:
            e["scope"] = "lead"
        return [e]

    def _op_add(self, c, low, ctx):
        if not re.search(r"\b" + _V_ADD + r"\b", c.skel, re.I):
            return None
        text = list(c.new_text)
        if not text:
            q = _PH_RE.findall(c.skel)
            if q and re.search(_V_ADD + r"\s+(?:thêm\s+)?(?:nội dung|câu|đoạn|ý|cụm từ)?\s*:?\s*⟦", c.skel, re.I):
                text = [c.quotes[int(i)] for i in q if not any(
                    r.start <= c.skel.find(_PH.format(i)) < r.end for r in ctx["refs"])]
        if not text:
            return None  # "bổ sung đánh giá ..." without text: advisory
        op = "prepend" if re.search(r"\b(?:vào|ở|lên)\s+(?:phần\s+)?đầu\b", low) else "append"
        return [{"op": op, "target": ctx["target"], "paragraphs": text}]

    def _op_advisory(self, c, low, ctx):
        if not (_ADVISORY.search(low) or re.search(r"\b(?:đề nghị|cần)\b", low) and not c.new_text):
            return None
        e = {"op": "comment", "target": ctx["target"] or "*", "text": c.quote}
        return [e]


# --------------------------------------------------------------------------- the whole letter

def extract(path: str | Path, draft: Any = None, **options: Any) -> dict:
    """Read the letter at ``path`` and return the edits document (schema of ``redline apply``);
    ``draft`` (a path or an ``Outline``) resolves every target."""
    paras = letter_paragraphs(path)
    return extract_paragraphs(paras, draft=draft, where=str(path))


def extract_text(text: str, draft: str | Path | None = None) -> dict:
    """The same, from letter text already read (one paragraph a line, or raw text to mend)."""
    from .source import mend_lines

    return extract_paragraphs(mend_lines(text.split("\n")), draft=draft)


def extract_paragraphs(paras: list[str], draft: Any = None, where: str = "letter") -> dict:
    frame = parse_frame(paras)
    pre, items = segment(frame.body)
    if pre:
        frame.opening = pre[0]
    if frame.sender is None:
        for p in pre + frame.body[:1]:
            s = find_body_sender(p)
            if s:
                frame.sender, frame.sender_from = s, "body"
                break
    if frame.sender is None and frame.symbol:
        code = re.split(r"[-/]", frame.symbol)[0].upper()
        if code in _SYMBOL_ORGS:
            frame.sender, frame.sender_from = _SYMBOL_ORGS[code], "number"
    parser = Parser()
    for extra in pre[1:]:
        # Paragraphs between the opening and the first numbered instruction.
        if _instruction_like(extra) and not re.search(r"như sau\s*:?$", extra):
            parser.instruction(Item(0, extra), None)
        else:
            parser.ignored.append(extra)
    for item in items:
        parser.item(item)
    if not items and pre and _AGREE.search(pre[0]) and not parser.edits:
        parser.ignored.append(pre[0])
    doc: dict[str, Any] = {}
    if frame.sender:
        doc["author"] = frame.sender
    if frame.date:
        doc["date"] = frame.date + "T00:00:00Z"
    doc["source"] = source_line(frame)
    doc["letter"] = frame.letter_dict()
    doc["edits"] = parser.edits
    doc["unresolved"] = parser.unresolved
    doc["ignored"] = parser.ignored
    if draft is not None:
        resolve_against(doc, draft)
    return doc


def source_line(f: Frame) -> str:
    """'Văn bản số 1187/STTTT-CĐS ngày 06/7/2022 của Sở Thông tin và Truyền thông'."""
    parts = ["Văn bản"]
    if f.number:
        parts.append(f"số {f.number}")
    elif f.symbol:
        parts.append(f"số …/{f.symbol}")
    if f.date:
        y, m, d = f.date.split("-")
        parts.append(f"ngày {d}/{int(m)}/{y}")
    elif f.date_written and len(f.date_written) == 7:
        y, m = f.date_written.split("-")
        parts.append(f"tháng {int(m)}/{y}")
    if f.sender:
        parts.append(f"của {f.sender}")
    if f.subject:
        parts.append(f"(V/v {f.subject})")
    return " ".join(parts)


# --------------------------------------------------------------------------- resolution

SPECIAL = {"*", "title", "preamble", "closing"}


def resolve_against(doc: dict, draft: Any) -> None:
    """Resolve every target against ``draft``; failures move to ``unresolved``."""
    from ..errors import ResolveError
    from ..messages import render

    tree = draft_outline(draft)
    kept = []
    for e in doc["edits"]:
        target = e["target"]
        if target in SPECIAL:
            if target == "*" and e.get("note", "").startswith("page reference") and e.get("find"):
                narrowed = _locate_text(tree, e["find"])
                if narrowed:
                    e["target"] = narrowed
            kept.append(e)
            continue
        try:
            section = resolve_reference(tree, target)
        except ResolveError as err:
            doc["unresolved"].append(_unresolved(e, render(err.message), err.candidates))
            continue
        conflict = _title_conflict(tree, target, section)
        if conflict is not None:
            doc["unresolved"].append(_unresolved(e, *conflict))
            continue
        e["target"] = section.address
        kept.append(e)
    doc["edits"] = kept


def draft_outline(draft: Any):
    """The draft's outline (``draft`` a path, or an outline already built: a caller reading
    many letters against one draft opens it once)."""
    from ..model import Outline
    from ..package import open_docx
    from ..sections.outline import build

    if isinstance(draft, Outline):
        return draft
    return build(open_docx(draft))


def resolve_reference(tree, reference: str):
    from ..sections.references import resolve

    return resolve(tree, reference)


def _unresolved(e: dict, reason: str, candidates: list[str]) -> dict:
    out = {"n": e["n"], "instruction": f"{e['op']} {e['target']}", "reason": reason}
    if candidates:
        out["candidates"] = list(candidates)
    if e.get("quote"):
        out["quote"] = e["quote"]
    out["edit"] = dict(e)  # kept whole, so a person can give it a target and apply it
    return out


def _title_conflict(tree, target: str, section) -> tuple[str, list[str]] | None:
    """A bracketed title that names another section than the number does."""
    m = re.search(r"\(([^()]+)\)\s*$", target)
    if not m:
        return None
    want = fold(m.group(1))
    have = fold(section.title)
    if not want or _similar(want, have):
        return None
    others = [s.address for s in tree.walk() if s is not section and _similar(want, fold(s.title))]
    return (f"the number names {section.display} but the title in brackets is “{m.group(1)}”",
            [section.address] + others)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) >= 0.7 * min(len(wa), len(wb))


def _locate_text(tree, find: str) -> str | None:
    """The deepest section whose text holds ``find`` exactly once in the draft, for page references."""
    key = clean(find)
    hits = [i for i in range(len(tree.blocks)) if key in clean(tree.text(i))]
    if len(hits) != 1:
        return None
    best = None
    for s in tree.walk():
        if s.heading is not None and s.heading <= hits[0] < s.end:
            if best is None or s.level > best.level:
                best = s
    return best.address if best else None
