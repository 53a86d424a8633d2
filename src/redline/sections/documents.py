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

from typing import TYPE_CHECKING

from .. import text as _text
from ..ooxml import W, paragraph_text
from .labels import ends_as_label, first_chars, key_text, starts_with_phrase

if TYPE_CHECKING:
    from .layout import Body

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
    if not (0 < len(t) <= 60 and t.upper() == t):
        return False
    f = fold(t)  # once, not twice per title (every capitalised cell of every small table)
    return any(f == p or f.startswith(p + " ") for p in SIGNER_TITLES)


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
    return key_text(unicodedata.normalize("NFC", text)).strip()


def is_number_line(text: str) -> bool:
    return bool(NUMBER_LINE_RE.match(_key(text)))


def is_date_line(text: str) -> bool:
    return bool(DATE_LINE_RE.search(_key(text)))


# ---------------------------------------------------------------------------- in a body


def find_signature(body: Body, after: int | None) -> int | None:
    if after is None:
        return None
    markers = body.rules.signature_markers
    initials = {m[:1] for m in markers}
    firsts = first_chars(frozenset(initials))
    texts = body.facts.texts
    for i in range(after + 1, len(body.blocks)):
        t = texts[i]
        if not t or t[0] not in firsts and t.lstrip()[:1] not in firsts:
            continue
        if starts_with_phrase(t, markers) and ends_as_label(t, markers):
            return i
    return None


def find_signatures(body: Body, after: int | None) -> list[int]:
    """Blocks after ``after`` (the first heading) that open a signature block: "Nơi nhận"
    (``signature_markers``), or a signing formula ("TM. ỦY BAN NHÂN DÂN") in a paragraph or
    in a small table's cell (``sections.documents``)."""
    if after is None:
        return []
    found = []
    first = find_signature(body, after)
    if first is not None:
        found.append(first)
    texts = body.facts.texts
    for i in range(after + 1, len(body.blocks)):
        if i == first:
            continue
        b = body.blocks[i]
        if b.tag == W["tbl"]:
            if is_signature_block(b, ""):
                found.append(i)
        else:
            t = texts[i]
            if t and t.lstrip()[:1] in "TKQtkq" and is_signing_line(t):
                found.append(i)
    found.sort()
    # a paragraph-form signature ("Nơi nhận:", its lines, "TM. ...", "CHỦ TỊCH") is one block
    out: list[int] = []
    for i in found:
        if out and i - out[-1] <= 12:
            continue
        out.append(i)
    return out


def find_documents(body: Body, sigs: list[int], heading_set: set[int]) -> list[tuple[int, int, str]]:
    """(first block, document-type line, name) of each document printed after a signature
    block: the first paragraph with text after it (past empty paragraphs, header tables and
    the signature's own lines, before any heading) is a document-type line."""
    out: list[tuple[int, int, str]] = []
    names: dict[str, int] = {}
    n = len(body.blocks)
    for sig in sigs:
        start = None
        for j in range(sig + 1, min(n, sig + 40)):
            if j in heading_set:
                break
            b = body.blocks[j]
            if b.tag == W["tbl"]:
                if start is None and j > sig + 0 and not is_signature_block(b, ""):
                    start = j  # the attached document's header frame
                continue
            t = _text.clean(body.texts.get(j, ""))
            if not t:
                continue
            name = document_name(t, body.rules.doc_types)
            if name is not None and (body.all_bold(j) or body.is_centered(j)):
                count = names.get(name, 0) + 1
                names[name] = count
                if count > 1:
                    name = f"{name} {count}"
                out.append((start if start is not None else j, j, name))
                break
            if len(t) > 200:
                break
            start = None  # a signature's own lines: the header frame must come right before
    if out:
        out = _appendices_in_a_row(body, out, names, heading_set)
    return out


_ATTACHED_NOTE = re.compile(r"^\((?:ban hanh )?kem theo\b")


def _appendices_in_a_row(body: Body, docs: list[tuple[int, int, str]], names: dict[str, int],
                         heading_set: set[int]) -> list[tuple[int, int, str]]:
    """Appendices printed one after another with no signature between them ("PHỤ LỤC I", its
    table, "PHỤ LỤC II", ...): each "PHỤ LỤC ..." line (bold or centred, alone) that comes
    after an attached document's start and is followed by its title or by "(Kèm theo ...)"
    starts a document of its own."""
    n = len(body.blocks)
    out = list(docs)
    taken = {line for _, line, _ in docs}
    for j in range(docs[0][1] + 1, n):
        if j in taken or j in heading_set or body.blocks[j].tag != W["p"]:
            continue
        t = _text.clean(body.texts.get(j, ""))
        if not t or len(t) > 40 or not APPENDIX_RE.match(fold(t).rstrip(":.")):
            continue
        if not (body.all_bold(j) or body.is_centered(j)):
            continue
        follows = [k for k in range(j + 1, min(n, j + 4)) if body.blocks[k].tag == W["p"]
                   and _text.clean(body.texts.get(k, ""))]
        if not follows:
            continue
        nxt = _text.clean(body.texts.get(follows[0], ""))
        if not (_ATTACHED_NOTE.match(fold(nxt)) or body.all_bold(follows[0]) or body.is_centered(follows[0])):
            continue
        name = document_name(t, body.rules.doc_types)
        if name is None:
            continue
        count = names.get(name, 0) + 1
        names[name] = count
        if count > 1:
            name = f"{name} {count}"
        out.append((j, j, name))
    return sorted(out)
