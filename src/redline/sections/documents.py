"""Where one document ends and the next begins: signature blocks, attached documents, and the
parts of a title block.

A decision that issues a regulation is two documents in one file: the decision (its Điều 1-3,
then "Nơi nhận" and "TM. ỦY BAN NHÂN DÂN ..."), then the regulation with its own header, its own
"QUY CHẾ" line, title, "(Ban hành kèm theo ...)" and its own Chương I, Điều 1 ....  Plans and
reports print their "PHỤ LỤC" the same way.  Read this way (forms seen in public provincial
decisions, plans and reports; see docs/shapes.md):

- a **signature block** starts at a paragraph or table cell that begins with "Nơi nhận" (as a
  label), or with a signing formula "TM." / "KT." / "TL." / "TUQ." / "Q." / "T/M" followed by an
  office in capitals ("TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"); it belongs to no section and closes
  the one before it;
- an **attached document** starts after a signature block when the first paragraph with text
  (after empty paragraphs and a header table) is a document-type line: "QUY CHẾ", "QUY ĐỊNH",
  "KẾ HOẠCH", "PHỤ LỤC 01", ... (``HeadingRules.doc_types`` plus "phụ lục").  Its name is that
  line in sentence case ("Quy chế", "Phụ lục 01"): the address space references name.
- the **title block** of each document: the issuing authority (the header table's first cell),
  the number line ("Số: .../QĐ-UBND", "Luật số: ..."), the place and date ("Hà Tĩnh, ngày ...
  tháng ... năm ..."), the document-type line and the title ("trích yếu").  A line in capitals
  naming an authority ("ỦY BAN NHÂN DÂN TỈNH ...", "CHỦ TỊCH ...", "BỘ TRƯỞNG ...") after the
  title is the enacting authority of the preamble, not the title (``AUTHORITY_PHRASES``).
"""
from __future__ import annotations

import re
import unicodedata

from .. import text as _text
from ..ooxml import W, paragraph_text

SIGNING_RE = re.compile(r"^\s*(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\s*\.?\s+[A-ZĐÀ-Ỹ]", re.UNICODE)
AUTHORITY_PHRASES = ("uy ban nhan dan", "hoi dong nhan dan", "chu tich", "bo truong", "thu tuong",
                     "chinh phu", "quoc hoi", "giam doc", "uy ban thuong vu quoc hoi", "tong cuc truong",
                     "chanh an", "vien truong")
APPENDIX_RE = re.compile(r"^phu luc(?:\s+(?:so\s+)?([0-9]{1,3}|[ivxlc]{1,6}|[a-z]))?\s*[.:]?$")
NUMBER_LINE_RE = re.compile(r"^(?:luat|nghi quyet|phap lenh)?\s*so\s*:", re.UNICODE)
RULE_RE = re.compile(r"[-_=.*~\u2013\u2014\s]{3,}")
DATE_LINE_RE = re.compile(r",?\s*ngay\s+[\d\s.]*thang\s+[\d\s.]*nam\s+\d{4}")


def fold(text: str) -> str:
    return _text.fold(text, expand=False)


def is_signing_line(text: str) -> bool:
    """"TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC": a signing formula, the start of a signature."""
    t = unicodedata.normalize("NFC", text.strip())
    return bool(SIGNING_RE.match(t)) and t.upper() == t


SIGNER_TITLES = ("chu tich", "pho chu tich", "bo truong", "thu truong", "thu tuong", "giam doc", "pho giam doc",
                 "tong giam doc", "chanh van phong", "truong ban", "vien truong", "chanh an")


def is_signer_title(text: str) -> bool:
    """"CHỦ TỊCH QUỐC HỘI", "GIÁM ĐỐC": a signer's title in capitals (a law signs without "TM.")."""
    t = _text.clean(text)
    return 0 < len(t) <= 60 and t.upper() == t and any(
        fold(t) == p or fold(t).startswith(p + " ") for p in SIGNER_TITLES)


def starts_recipients(text: str) -> bool:
    """"Nơi nhận:" as a label."""
    f = fold(text[:40])
    return f == "noi nhan" or f.startswith("noi nhan:") or f.startswith("noi nhan :")


def cell_first_lines(tbl) -> list[str]:
    """The first non-empty paragraph text of each cell of a (small) table."""
    out = []
    for tc in tbl.iter(W["tc"]):
        for p in tc.iter(W["p"]):
            t = paragraph_text(p, "current").strip()
            if t:
                out.append(t)
                break
    return out


def is_signature_block(block, text: str) -> bool:
    """Does this body block open a signature block?  ``text``: a paragraph's current text."""
    if block.tag == W["p"]:
        return starts_recipients(text) or is_signing_line(text)
    if block.tag == W["tbl"]:
        rows = block.findall(W["tr"])
        if len(rows) > 3:
            return False
        return any(starts_recipients(t) or is_signing_line(t) or is_signer_title(t) for t in cell_first_lines(block))
    return False


def document_name(line: str, doc_types) -> str | None:
    """The address-space name a document-type line gives ("PHỤ LỤC 01" -> "Phụ lục 01"), or None
    when the line is not one."""
    t = _text.clean(line).rstrip(":.")
    f = fold(t)
    if not (f in doc_types or APPENDIX_RE.match(f)):
        return None
    words = t.split()
    out = []
    for i, w in enumerate(words):
        if i and (w.isdigit() or re.fullmatch(r"[IVXLC]+", w)):
            out.append(w)
        else:
            out.append(w.lower())
    name = " ".join(out)
    return name[:1].upper() + name[1:]


def is_authority_line(text: str) -> bool:
    t = _text.clean(text)
    return t.upper() == t and any(fold(t).startswith(p) for p in AUTHORITY_PHRASES)


def _key(text: str) -> str:
    from .outline import key_text

    return key_text(unicodedata.normalize("NFC", text)).strip()


def is_number_line(text: str) -> bool:
    return bool(NUMBER_LINE_RE.match(_key(text)))


def is_date_line(text: str) -> bool:
    return bool(DATE_LINE_RE.search(_key(text)))
