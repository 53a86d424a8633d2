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
from .content import inside_quotes
from .source import SIGNATURE_MARK
from .lexicon import lexicon

_ABBREV_WORDS = {"UBND", "HĐND", "CCHC", "TTHC", "MTTQ", "CNTT", "VCCI", "DDCI", "PCI"}
_NUMBER = re.compile(r"\bsố\s*:\s*(?P<num>\d*)\s*(?:/\s*(?P<sym>[\w\-&.]+))?", re.I)
_DATE = re.compile(r"(?:(?P<place>[^,]{2,40}),\s*)?ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*"
                   r"(?P<y>\d{4})", re.I)
_SUBJECT = re.compile(r"^(?:v/v|về việc)\s*:?\s*(?P<s>.*)$", re.I)
_RECIPIENT = re.compile(r"^kính\s+gửi\s*:?\s*(?P<r>.*)$", re.I)
_NATIONAL = re.compile(r"^(?:cộng hòa|cộng hoà|độc lập)", re.I)
_DOC_TYPE = re.compile(r"^(?:BÁO CÁO|TỜ TRÌNH|THÔNG BÁO|BIÊN BẢN)(?: THẨM ĐỊNH| TỔNG HỢP| THẨM TRA)?$")
_TITLE = re.compile(r"^(?:GÓP Ý|Ý KIẾN|THAM GIA Ý KIẾN|V/V)\b")
_BULLET = re.compile(r"^[-–+•*●▪]\s")


def _org_line():
    # "HỘI NGHỊ ...", "HỘI THẢO ...", "BÁO CÁO": an event or a document, not an organisation
    return lexicon().rx("frame.org_types", before="^", after=r"(?![\w])(?!\s+(?:nghị|thảo|thi|viên|đồng|cáo)\b)")


def _closing():
    lx = lexicon()
    closers = lx.pattern("frame.closers")
    return re.compile(
        r"^(?:" + closers + "|"
        r"đề nghị\s+(?:sở|quý|văn phòng|ubnd|ủy ban|uỷ ban|cơ quan|ban|bộ)\b[^“”\"]{0,80}?"
        r"(?:tổng hợp|tiếp thu|hoàn thiện|nghiên cứu)[^“”\"]{0,60}$|"
        # the formula a letter ends with: "Sở ... kính gửi Sở Nội vụ tổng hợp./." (no quote, no label)
        r"(?![-–+•\d])[^“”\"]{0,200}(?:tổng hợp|tiếp thu|xem xét|hoàn thiện|kính gửi|trân trọng)[^“”\"]{0,40}\./\.$)",
        re.I)


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
    for t, written in lexicon().get("frame.type_spelling").items():
        if joined.startswith(t + " ") or joined == t:
            out[:len(t.split())] = written.split()  # "Ban Quản lý", "Kho bạc Nhà nước"
            break
    # After the type: a name's first word and the first after "và" / "," take a capital; after a
    # place word (tỉnh, huyện, thành phố ...) every word is the place's proper name.
    capital_next = True
    place = False
    i = type_len
    while i < len(out):
        w = out[i]
        if w in ("và", ",", "-"):
            capital_next, place = True, False
        elif w in ("tỉnh", "huyện", "quận", "xã", "phường") or w in ("thành", "thị") and i + 1 < len(out) and \
                out[i + 1] in ("phố", "xã", "trấn"):
            if w in ("thành", "thị"):
                i += 1
            place, capital_next = True, False
        elif capital_next or place:
            out[i] = w[:1].upper() + w[1:]
            capital_next = False
        if w.endswith(","):
            capital_next = True
        i += 1
    return re.sub(r"\bviệt nam\b", "Việt Nam", " ".join(out))


def _is_upper(p: str) -> bool:
    letters = [c for c in p if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


# "Nội dung góp ý:" -- a web form's last field before the comments themselves.
_CONTACT = re.compile(r"(?i)^\s*(?:đt|điện thoại|sđt|dđ|tel|fax|e-?mail|thư điện tử)\b")  # a contact line, not a name
_WHO_FIELD = re.compile(r"(?i)^\s*(?:họ và tên|họ tên|người góp ý|tên (?:tổ chức|cơ quan|đơn vị)|cơ quan, đơn vị|"
                        r"tổ chức góp ý|từ|from)\s*:\s*(?P<v>.+)$")
_FORM_BODY = re.compile(r"(?i)^\s*(?:nội dung(?: góp ý| ý kiến)?|ý kiến(?: góp ý)?|góp ý cụ thể)\s*:\s*$")


def _prose(p: str) -> bool:
    """A sentence of the body, not a header line: ten words or more ending like a sentence, and
    not a form's "Label: value" field ("Địa chỉ: ...", "Dự thảo: Luật ...")."""
    return len(p.split()) >= 10 and p.rstrip().endswith((".", "!", "?")) and not re.match(r"^[^:.]{1,30}:\s", p)


def parse_frame(paras: list[str]) -> Frame:
    f = Frame()
    n = len(paras)
    org_line = _org_line()
    closing = _closing()
    signature = _signature()
    # Header: up to "Kính gửi" (or the first long paragraph when there is none).
    k_recipient = next((i for i, p in enumerate(paras) if _RECIPIENT.match(p)), None)
    header_end = k_recipient if k_recipient is not None else next(
        (i + (1 if _FORM_BODY.match(p) else 0) for i, p in enumerate(paras)
         if len(p) > 150 or re.match(r"^\d{1,2}[.)]\s", p) or _FORM_BODY.match(p) or _prose(p)), 0)
    orgs = []
    for i in range(header_end):
        p = paras[i]
        who = _WHO_FIELD.match(p)
        if who and f.sender is None:
            # a form's or an e-mail's header field ("Họ và tên: ...", "Từ: Văn phòng UBND xã ... <...>")
            name = clean(re.sub(r"<[^<>]*>|\([^()]*@[^()]*\)", "", who.group("v"))).strip(" ,;")
            if name:
                f.sender, f.sender_from = name, "header"
            continue
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
        if _DOC_TYPE.match(p) and f.subject is None:
            # "BÁO CÁO" / "Tổng hợp ý kiến góp ý dự thảo ...": a report's title is its subject
            if i + 1 < header_end and not _is_upper(paras[i + 1]):
                f.subject = clean(paras[i + 1])
            continue
        if _is_upper(p) and _TITLE.match(p) and f.subject is None:
            f.subject = clean(p)  # "GÓP Ý DỰ THẢO QUY CHẾ ...": a title in capitals instead of "V/v"
            continue
        if _is_upper(p) and org_line.match(p):
            # "ỦY BAN NHÂN DÂN" / "HUYỆN TÂN LẬP", "PHÒNG THƯƠNG MẠI VÀ CÔNG NGHIỆP" / "VIỆT NAM": a name
            # wrapped over two header lines
            nxt = paras[i + 1] if i + 1 < header_end else ""
            if nxt and _is_upper(nxt) and not org_line.match(nxt) and len(nxt) < 60 and not (
                    _NUMBER.search(nxt) or _DATE.search(nxt) or _NATIONAL.match(nxt) or _SUBJECT.match(nxt)):
                p = f"{p} {nxt}"
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
    # A title in capitals right under "Kính gửi" ("GÓP Ý VỀ DỰ THẢO LUẬT ..."): the letter's subject.
    if body_start < n and f.subject is None and _is_upper(paras[body_start]) and len(paras[body_start]) < 200 and \
            re.match(r"(?i)^(?:góp ý|ý kiến|tham gia ý kiến|v/v)\b", paras[body_start]):
        f.subject = clean(paras[body_start])
        body_start += 1
    # Closing: the first closing phrase after the body start; signature after "Nơi nhận".
    body_end = n
    quoted = inside_quotes(paras)
    for i in range(body_start, n):
        if i in quoted:
            continue  # new text of several paragraphs ("... như sau: “... / Trên đây là ...”")
        if paras[i] == SIGNATURE_MARK or closing.match(paras[i]) or signature.match(paras[i]) and len(paras[i]) < 60:
            body_end = i
            break
    # A byline at the end of a press report or a citizen's text ("Thu Hà", "PHẠM TẤN LỰC", "(Hội Nông
    # dân quận ...)", "VĂN NỞ ghi"): the signature of a text without a signature block.
    while body_end > body_start and _byline(paras[body_end - 1]):
        body_end -= 1
    f.body = paras[body_start:body_end]
    f.closing = paras[body_end:]
    attached = _attached_table(f.closing)
    if attached is not None:
        # "BẢNG TỔNG HỢP Ý KIẾN ... (Kèm theo Công văn số ...)" after the signature: the letter's own
        # requests, item by item; the cover letter only points at it
        f.body = f.body + f.closing[attached:]
        f.closing = f.closing[:attached]
    signed = any(closing.match(p) or signature.match(p) for p in f.closing) or any(
        closing.match(p) for p in paras[max(body_start, body_end - 2):body_end])
    sig = [p for p in f.closing if not closing.match(p) and not _BULLET.match(p) and not _CONTACT.match(p)
           and not signature.match(p) and len(p) < 60 and not p.endswith((";", ".", ":"))] if signed else []
    if f.closing[:1] == [SIGNATURE_MARK]:
        sig = f.closing[1:2]  # an e-mail's signature: the name first, then the post and the office
    if sig:
        # the last line that is a person's name (an e-mail puts the post after it), else the last line
        person = [p for p in sig if re.fullmatch(r"(?:[A-ZÀ-Ỹ][\wÀ-ỹ]*\s+){1,4}[A-ZÀ-Ỹ][\wÀ-ỹ]*", p.strip())
                  and not _org_line().match(p)]
        last = (person or sig)[-1]
        f.signer = re.sub(r"\s*\([^()]*\)\s*$", "", last).strip() or last  # "Name (phường ...)"
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


_ATTACHED_TITLE = re.compile(r"^(?:BẢNG|PHỤ LỤC|PHIẾU)\b.*(?:Ý KIẾN|GÓP Ý)")
_ITEM = re.compile(r"^\d+[.)]\s+\S")


def attached_title(p: str) -> bool:
    """Is ``p`` the title, in capitals, of a table of comments attached to a cover letter ("BẢNG TỔNG
    HỢP Ý KIẾN GÓP Ý ...")?  The frame keeps what follows it in the body; the units number its items
    afresh."""
    return bool(_ATTACHED_TITLE.match(p.strip())) and _is_upper(p)


def _attached_table(closing: list[str]) -> int | None:
    """Where a table of comments attached after the signature begins (its title in capitals
    naming the comments, an optional "(Kèm theo ...)" line, then items "1. ..."), if there is one."""
    for j, p in enumerate(closing):
        if attached_title(p):
            k = j + 1
            while k < len(closing) and not _ITEM.match(closing[k]) and k - j <= 2:
                k += 1
            if k < len(closing) and _ITEM.match(closing[k]):
                return j  # its title too: the items under it are numbered afresh
    return None


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
    for i, p in enumerate(f.closing):
        m = _SIGN_ORG.match(p.strip())
        if m and org_line.match(m.group("org")) and not re.match(r"^(?:giám đốc|chủ tịch|trưởng)\b",
                                                                    m.group("org"), re.I):
            nxt = f.closing[i + 1].strip() if i + 1 < len(f.closing) else ""
            if _is_upper(nxt) and org_line.match(nxt) and not _SIGN_ORG.match(nxt):
                # "TM. BAN THƯỜNG VỤ" / "HIỆP HỘI DOANH NGHIỆP TỈNH ...": the organ, then its body
                f.sender, f.sender_from = org_name(nxt), "signature"
                return
            f.sender, f.sender_from = org_name(m.group("org")), "signature"
            return
    for p in f.closing:
        m = _CLOSING_OF.match(p.strip())
        if m and org_line.match(m.group("org").strip()):
            f.sender, f.sender_from = org_name(m.group("org")), "closing"
            return
    if f.closing[:1] == [SIGNATURE_MARK]:
        # "Chuyên viên Phòng Nội vụ huyện Cẩm Bình": the office in the post line of an e-mail's signature
        for p in f.closing[2:]:
            m = next((m for m in lexicon().rx("frame.org_types", before=r"(?<![\w])").finditer(p)
                      if p[m.start()].isupper()), None)
            if m and len(p) < 100 and not re.search(r"\d", p[m.start():]):
                f.sender, f.sender_from = org_name(p[m.start():].strip()), "signature"
                return


def _byline(p: str) -> bool:
    """A short line of a name (capitalised words), an organisation in brackets, or "X ghi"."""
    t = clean(p)
    if re.fullmatch(r"\([^()]{3,80}\)", t):
        return True
    words = t.split()
    if not 1 <= len(words) <= 5 or re.search(r"[.;:,!?“”\"]$", t) or any(c.isdigit() for c in t):
        return False
    words = words[:-1] if words[-1] == "ghi" else words
    return all(w[:1].isupper() for w in words)


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


def source_line(f: Frame) -> str | None:
    """'Văn bản số 1187/STTTT-CĐS ngày 06/7/2022 của Sở Thông tin và Truyền thông'; None for a text
    with no number of its own (a citizen's comment, a newspaper's report)."""
    if not f.number and not f.symbol:
        return None
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
