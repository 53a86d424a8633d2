"""The letter's frame: header (sender, number, date, subject), recipient, body, closing, signature.

Why separate from the body: the sender is read ONLY from the frame -- an organisation line
of the header ("SỞ TƯ PHÁP"), the office code of the letter's number ("Số: 845/STP-XDKTVB"),
an organisation named in the signature block ("TM. ỦY BAN NHÂN DÂN") or the closing
formula ("Trên đây là ý kiến của Sở Tư pháp") -- never from the body's prose, where "Sở Tư
pháp hoàn toàn nhất trí ..." would give "Sở Tư pháp hoàn toàn".  A letter with no sender
(a citizen's, a newspaper's) has ``sender = None``; the caller warns and asks for --author.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import clean, fold
from .lexicon import lexicon

_ABBREV_WORDS = {"UBND", "HĐND", "CCHC", "TTHC", "MTTQ", "CNTT", "VCCI", "DDCI", "PCI"}
_NUMBER = re.compile(r"\bsố\s*:\s*(?P<num>\d*)\s*(?:/\s*(?P<sym>[\w\-&.]+))?", re.I)
_DATE = re.compile(r"(?:(?P<place>[^,]{2,40}),\s*)?ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*"
                   r"(?P<y>\d{4})", re.I)
_SUBJECT = re.compile(r"^(?:v/v|về việc)\s*:?\s*(?P<s>.*)$", re.I)
_RECIPIENT = re.compile(r"^kính\s+gửi\s*:?\s*(?P<r>.*)$", re.I)
_NATIONAL = re.compile(r"^(?:cộng hòa|cộng hoà|độc lập)", re.I)
_BULLET = re.compile(r"^[-–+•]\s")


def _org_line():
    return lexicon().rx("frame.org_types", before="^")


def _closing():
    lx = lexicon()
    closers = lx.pattern("frame.closers")
    return re.compile(
        r"^(?:" + closers + "|"
        r"đề nghị\s+(?:sở|quý|văn phòng|ubnd|ủy ban|uỷ ban|cơ quan|ban|bộ)\b[^“”\"]{0,80}?"
        r"(?:tổng hợp|tiếp thu|hoàn thiện|nghiên cứu)[^“”\"]{0,60}$|"
        # the formula a letter ends with: "Sở ... kính gửi Sở Nội vụ tổng hợp./." (no quote, no label)
        r"(?![-–+•\d])[^“”\"]{0,200}(?:tổng hợp|tiếp thu|xem xét|hoàn thiện)[^“”\"]{0,40}\./\.$)", re.I)


def _signature():
    return lexicon().rx("frame.signature", before="^")


@dataclass
class Frame:
    sender: str | None = None
    sender_from: str | None = None  # "header", "number", "signature", "closing"
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
    known = lexicon().names
    if key in known:
        return known[key]
    if any(c.islower() for c in text):
        return text  # already cased by its writer
    words = text.split()
    lower = [w if w in _ABBREV_WORDS else w.lower() for w in words]
    type_len = 1
    joined = " ".join(lower)
    for t in sorted(lexicon().phrases("frame.org_types"), key=len, reverse=True):
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


def _is_upper(p: str) -> bool:
    letters = [c for c in p if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def parse_frame(paras: list[str]) -> Frame:
    f = Frame()
    n = len(paras)
    org_line = _org_line()
    closing = _closing()
    signature = _signature()
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
                                          or _NATIONAL.match(paras[j]) or org_line.match(paras[j])):
                subject += " " + paras[j]
                j += 1
            f.subject = clean(subject)
            continue
        if _NATIONAL.match(p):
            continue
        if _is_upper(p) and org_line.match(p):
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
        while body_start < n and _BULLET.match(paras[body_start]) and len(paras[body_start]) < 120:
            names.append(paras[body_start][2:])
            body_start += 1
        f.recipient = "; ".join(x.strip(" ;.,") for x in names if x.strip(" ;.,")) or None
    # Closing: the first closing phrase after the body start; signature after "Nơi nhận".
    body_end = n
    for i in range(body_start, n):
        if closing.match(paras[i]) or signature.match(paras[i]) and len(paras[i]) < 60:
            body_end = i
            break
    f.body = paras[body_start:body_end]
    f.closing = paras[body_end:]
    sig = [p for p in f.closing if not closing.match(p) and not _BULLET.match(p)
           and not signature.match(p) and len(p) < 60 and not p.endswith((";", ".", ":"))]
    if sig:
        f.signer = sig[-1]
    # Date / number may sit outside the header (e.g. after "Kính gửi" in a .docx table).
    if f.date_written is None:
        for p in paras[:body_start]:
            d = _DATE.search(p)
            if d:
                _set_date(f, d)
                break
    if f.sender is None:
        _sender_elsewhere(f)
    return f


_SIGN_ORG = re.compile(r"^(?:tm|kt|tl|q)\.\s*(?P<org>.+)$", re.I)
_CLOSING_OF = re.compile(r"^trên đây là\b.{0,60}?\bý kiến\b[^.]{0,40}?\bcủa\s+(?P<org>[^,.;(]+?)"
                         r"\s*(?:\(|,|\.|;|về\b|đối với\b|gửi\b|đề nghị\b|kính\b|$)", re.I)


def _sender_elsewhere(f: Frame) -> None:
    """No organisation line in the header: the number's office code, then the signature block
    ("TM. BAN THƯỜNG TRỰC ..."), then the closing formula ("Trên đây là ý kiến của X")."""
    lx = lexicon()
    if f.symbol:
        code = re.split(r"[-/]", f.symbol)[0].upper()
        if code in lx.symbols:
            f.sender, f.sender_from = lx.symbols[code], "number"
            return
    org_line = _org_line()
    for p in f.closing:
        m = _SIGN_ORG.match(p.strip())
        if m and org_line.match(m.group("org")) and not re.match(r"^(?:giám đốc|chủ tịch|trưởng)\b",
                                                                    m.group("org"), re.I):
            f.sender, f.sender_from = org_name(m.group("org")), "signature"
            return
    for p in f.closing:
        m = _CLOSING_OF.match(p.strip())
        if m and org_line.match(m.group("org").strip()):
            f.sender, f.sender_from = org_name(m.group("org")), "closing"
            return


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
