"""Reading a comment letter into clean paragraphs: decoding, and mending what PDFs break.

``read_letter(path)`` returns the letter as text, one paragraph a line (NFC, odd spaces
as plain spaces).  It reads:

- ``.txt``: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM when
  the NUL bytes give it away, and Windows-1258 (the legacy Vietnamese code page) when
  the decoded text reads as Vietnamese; anything else is ``LetterError`` "unknown encoding";
- ``.docx``: paragraph texts (tables cell by cell: letter headers are often a table),
  opened through ``redline.package.open_docx`` when that exists (safety checks);
- ``.pdf``: the text layer, through ``pypdf`` (optional extra ``redline[pdf]``).

Mending (``mend_lines``), for text that came out of a PDF or a hard-wrapped .txt:
running headers and page numbers ("2", "- 2 -", "Trang 2/3") are dropped, lines of one
paragraph are joined (a line that does not end a sentence goes on in the next one),
words hyphenated at a line end are rejoined, and a sentence split across a page break
("thủ tục hành" / blank line / "chính ...") is joined when the first part does not end a
sentence and the second starts in lower case.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from ..errors import LetterError
from ..messages import msg
from ..text import clean, xml_safe

MAX_LETTER_BYTES = 32 * 1024 * 1024

# --- decoding ----------------------------------------------------------------------

# Letters that only Vietnamese text uses (precomposed, lower case; upper case via casefold).
_VI_LETTERS = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
)
# Characters a cp1258 decoding yields that Vietnamese prose practically never contains.
_CP1258_ODD = set("ƒ„†‡ˆ‰‹Œ˜™›œŸ¡¢£¤¥¦§¨ª¬¯°±²³´µ¶·¸¹º¼½¾¿×÷ÆÇËÎÏÑ×ØÛÜßæçëîïñøûüÿ")


def decode_letter(raw: bytes, where: str = "letter") -> str:
    """Bytes of a text letter -> str, or ``LetterError`` "unknown encoding"."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                       (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise LetterError(msg("unknown encoding: starts with a {codec} byte-order mark but byte {offset} "
                                      "is not {codec}", codec=codec, offset=exc.start + len(bom)), where=where)
    if not raw.strip():
        return ""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: every other byte NUL in mostly-ASCII text.
    if len(raw) >= 4 and len(raw) % 2 == 0:
        even, odd = raw[0::2], raw[1::2]
        for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
            if zeros.count(0) > 0.3 * len(zeros):
                try:
                    text = raw.decode(codec)
                except UnicodeDecodeError:
                    continue
                if _looks_like_text(text):
                    return text
    if b"\x00" not in raw:
        try:
            text = unicodedata.normalize("NFC", raw.decode("cp1258"))
        except UnicodeDecodeError:
            text = None
        if text is not None and _looks_vietnamese(text):
            return text
    raise LetterError(msg("unknown encoding: not UTF-8, UTF-16 or Windows-1258 Vietnamese"),
                      where=where, hint=msg("save the letter as UTF-8 text, .docx or .pdf"))


def _looks_like_text(text: str) -> bool:
    bad = sum(1 for c in text if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\r\n\t\f")
    return bad <= len(text) * 0.001


def _looks_vietnamese(text: str) -> bool:
    if not _looks_like_text(text):
        return False
    letters = [c for c in text.casefold() if c.isalpha()]
    if not letters:
        return False
    vi = sum(1 for c in letters if c in _VI_LETTERS)
    odd = sum(1 for c in text if c in _CP1258_ODD)
    return vi >= 0.05 * len(letters) and odd <= 0.01 * len(letters)


# --- reading -------------------------------------------------------------------------


def read_letter(path: str | Path) -> str:
    """The letter's text, one paragraph a line, mended (see the module doc)."""
    return "\n".join(letter_paragraphs(path))


def letter_paragraphs(path: str | Path) -> list[str]:
    """The letter's paragraphs, with what XML cannot hold (a stray control character from a
    PDF or a .txt) taken out, so no edit read from a letter carries one."""
    return [t for t in (xml_safe(p) for p in _read_paragraphs(path)) if t.strip()]


def _read_paragraphs(path: str | Path) -> list[str]:
    from ..package.inputs import read_input

    p = Path(path)
    where = str(p)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        paras = _docx_paragraphs(p)
        return mend_paragraphs([clean(t) for t in paras])
    if suffix in (".doc", ".odt", ".rtf"):
        raise LetterError(msg("unsupported letter format {suffix}", suffix=suffix), where=where,
                          hint=msg("save it as .docx, .txt or .pdf"))
    # a regular file, its size checked before reading (a FIFO or /dev/zero is refused)
    raw = read_input(p, limit=MAX_LETTER_BYTES, error=LetterError)
    if suffix == ".pdf" or raw.startswith(b"%PDF"):
        return mend_lines(_pdf_text(p, raw).splitlines(), pdf=True)
    if raw.startswith(b"PK\x03\x04"):
        raise LetterError(msg("this is a zip package (a .docx?), not a text letter"), where=where,
                          hint=msg("give it the .docx extension"))
    text = decode_letter(raw, where)
    return mend_lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _docx_paragraphs(p: Path) -> list[str]:
    try:
        from ..package import open_docx  # the safe opener (zip/XML limits)
    except ImportError:  # pragma: no cover - until package.py exists
        open_docx = None
    try:
        if open_docx is not None:
            doc = open_docx(p)
        else:  # pragma: no cover
            import docx

            doc = docx.Document(str(p))
    except LetterError:
        raise
    except Exception as exc:  # DocumentError or python-docx's own
        raise LetterError(msg("cannot read the .docx letter: {reason}", reason=exc), file=p)
    from ..ooxml import W, block_text, iter_blocks

    blocks = list(iter_blocks(doc.element.body))
    try:
        from ..sections.numbering import compute_labels

        labels = compute_labels(doc, blocks)  # "1.", "a)", a bullet: what Word draws before an item
    except Exception:  # pragma: no cover - a numbering part too odd to read: the text alone
        labels = {}
    out: list[str] = []
    for i, block in enumerate(blocks):
        if block.tag == W["tbl"]:
            rows = [[clean(" ".join(block_text(p) for p in tc.iter(W["p"]))) for tc in tr.iter(W["tc"])]
                    for tr in block.iter(W["tr"])]
            said = instruction_table(rows)
            if said is not None:
                out.extend(said)
                continue
            for tc in block.iter(W["tc"]):
                for para in tc.iter(W["p"]):
                    out.extend(block_text(para).split("\n"))
        else:
            text = block_text(block)
            label = clean(labels.get(i, ""))
            if label and text.strip():
                text = ("- " if not any(ch.isalnum() for ch in label) else label + " ") + text.lstrip()
            out.extend(_soft_breaks(text))
    return out


# A "phiếu góp ý": the instructions as the rows of a table whose header names each column's role.
_ROLES = (("who", r"^(?:don vi|co quan|nguoi|to chuc|phong|ca nhan)\b"),  # who proposed it: not the draft's words
          ("reason", r"ly do|giai trinh|thuyet minh|can cu"),
          ("number", r"^(?:stt|tt|so tt|so thu tu)$"),
          ("place", r"vi tri|\b(?:dieu|khoan|muc|phan|chuong|trang)\b"),
          ("current", r"noi dung (?:du thao|hien hanh|hien tai|cu)|quy dinh (?:cua du thao|hien hanh)|du thao"),
          # the wording proposed ("Đề xuất sửa đổi, bổ sung", "Nội dung đề nghị sửa", "Nội dung mới") ...
          ("proposal", r"de xuat|sua doi|chinh sua|noi dung (?:moi|de nghi)|de nghi sua|viet lai"),
          # ... and the comment on the draft's text ("Nội dung góp ý", "Ý kiến góp ý"): the request
          # itself when no column proposes wording, else the reason for the wording proposed
          ("comment", r"de nghi|gop y|y kien"))


def instruction_table(rows: list[list[str]]) -> list[str] | None:
    """The rows of a table of instructions (columns: number, place in the draft, the draft's
    current text, the proposal, the reason) said as the letter's own numbered items, in the
    grammar's words: "2. Tại <place>, nội dung “<current>”: <proposal>. Lý do: <reason>.".  A
    proposal that is only the new wording becomes "“<current>” -> “<new>”" (or "sửa thành
    “<new>”").  None for any other table (a header, a signature block)."""
    from ..text import fold

    if len(rows) < 2:
        return None
    roles: dict[str, int] = {}
    for k, head in enumerate(rows[0]):
        h = fold(head or "", expand=False)
        role = next((r for r, rx in _ROLES if h and re.search(rx, h)), None)
        if role and role not in roles:
            roles[role] = k
    if not ({"proposal", "comment"} & roles.keys()) or not ({"place", "current"} & roles.keys()):
        return None
    out = []
    for n, row in enumerate(rows[1:], start=1):
        cell = {r: (row[k] if k < len(row) else "").strip() for r, k in roles.items()}
        if not cell.get("proposal"):  # no wording proposed: the comment is the request
            cell["proposal"], cell["comment"] = cell.get("comment", ""), ""
        elif cell.get("comment") and not cell.get("reason"):
            cell["reason"] = cell["comment"]  # the comment says why the wording is proposed
        if not cell.get("proposal") and not cell.get("current"):
            continue
        number = re.sub(r"\D", "", cell.get("number", "")) or str(n)
        where = cell.get("place", "")
        current = cell.get("current", "").strip("“”\" ")
        proposal = cell.get("proposal", "").rstrip(" .")
        head = f"Tại {where}" if where else ""
        new_words = proposal[:1] in "“\"" and proposal.rstrip()[-1:] in "”\"" and proposal.count("“") <= 1
        raw = cell.get("proposal", "").strip()
        if not new_words and current and "“" not in raw and _rewords(current, raw):
            proposal, new_words = f"“{raw}”", True  # the current text written anew, unquoted
        elif not new_words and cell.get("reason") == cell.get("comment") and cell.get("comment") and \
                _asks(cell["comment"]) and not _asks(raw):
            # "Đề nghị bổ sung nhiệm vụ ..." | "- Số hóa sổ hộ tịch ...": the comment asks, the
            # proposal is the words to add
            ask = cell["comment"].rstrip(" .:")
            words = raw if "“" in raw else f"“{raw}”"
            out.append(f"{number}. {head + ': ' if head else ''}{ask}: {words}")
            continue
        if new_words and current:
            said = f"{head}: “{current}” -> {proposal}".lstrip(": ")
        elif new_words:
            said = f"{head}, đề nghị sửa thành: {proposal}".lstrip(", ")
        elif current:
            said = f"{head}, nội dung “{current}”: {proposal}".lstrip(", ")
        else:
            said = f"{head}: {proposal}".lstrip(": ")
        out.append(f"{number}. {said}." + (f" Lý do: {cell['reason'].rstrip('.')}." if cell.get("reason") else ""))
    return out


# A web portal's comment form ("Cổng thông tin ... lấy ý kiến dự thảo"): records of fields.
_RECORD = re.compile(r"(?i)^ý kiến\s+(?:số\s+)?\d+\s*:?\s*$")
_PLACE_FIELD = re.compile(r"(?i)^(?:vị trí|điều,? khoản|nội dung dự thảo được góp ý|phần góp ý)(?: góp ý)?\s*:\s*(?P<v>.*)$")
_TEXT_FIELD = re.compile(r"(?i)^(?:nội dung|ý kiến)(?: góp ý)?\s*:\s*(?P<v>.+)$")
_META_FIELD = re.compile(r"(?i)^(?:thời gian gửi|ngày gửi|trạng thái|lượt thích)\s*:")
_GENERAL = re.compile(r"(?i)^(?:góp ý chung|chung|toàn văn|toàn bộ dự thảo|khác)\s*$")
_SEGMENT = re.compile(r"(?i)^(?:(?P<kw>phần|chương|mục|tiểu mục|điều|khoản|điểm)\s+)?(?P<n>[IVX]{1,5}|\d{1,3}[a-zđ]?|[a-zđ])[.)]?(?:\s|$)")


def portal_records(paras: list[str]) -> list[str]:
    """A web portal's list of comments, one record of fields each ("Ý kiến 3" / "Vị trí góp ý: III.
    NHIỆM VỤ, GIẢI PHÁP - 2. Phát triển hạ tầng số" / "Nội dung góp ý: ..." / "Thời gian gửi: ..."),
    said as the letter's own numbered items: "3. Tại Mục III.2: ...".  Any other layout is returned
    as it is."""
    if not any(_PLACE_FIELD.match(p) for p in paras) or not any(_TEXT_FIELD.match(p) for p in paras):
        return paras
    out: list[str] = []
    n, place, text = 0, None, None
    started = False

    def flush():
        nonlocal place, text, n
        if text:
            n += 1
            where = _portal_place(place or "")
            out.append(f"{n}. Tại {where}: {text}" if where else f"{n}. {text}")
        place, text = None, None

    for p in paras:
        if _RECORD.match(p):
            flush()
            started = True
            continue
        f = _PLACE_FIELD.match(p)
        if f:
            flush()
            started, place = True, f.group("v").strip()
            continue
        t = _TEXT_FIELD.match(p) if started else None
        if t:
            text = t.group("v").strip()
            continue
        if _META_FIELD.match(p):
            flush()
            continue
        if text is not None:
            text += " " + p  # the comment's own next paragraph
        elif not started:
            out.append(p)  # the form's header: the draft, the person
    flush()
    return out


def _portal_place(field: str) -> str | None:
    """'III. NHIỆM VỤ, GIẢI PHÁP - 2. Phát triển hạ tầng số' -> 'Mục III.2'; 'Chương II - Điều 5. ...'
    -> 'Điều 5'; 'Điều 5 - Khoản 2' -> 'khoản 2 Điều 5'; 'Phụ lục' as written; 'Góp ý chung': none."""
    field = field.strip().rstrip(".:")
    if not field or _GENERAL.match(field):
        return None
    pieces = [_SEGMENT.match(x.strip()) for x in re.split(r"\s+[-–>»/]\s+", field)]
    if not pieces or not all(pieces):
        return field
    kws = [(m.group("kw") or "").lower() for m in pieces]
    if "điều" in kws:
        k = kws.index("điều")
        inner = [f"{kw.capitalize() if kw == 'điều' else kw} {m.group('n')}" for kw, m in zip(kws[k:], pieces[k:]) if kw]
        return " ".join(reversed(inner))
    if any(kws):
        return " ".join(f"{(kw or 'mục').capitalize()} {m.group('n')}" for kw, m in reversed(list(zip(kws, pieces))))
    return "Mục " + ".".join(m.group("n") for m in pieces)


def _asks(text: str) -> bool:
    """Does a phiếu's cell open with a request (``table.asks`` in the lexicon)?"""
    from .lexicon import lexicon

    return lexicon().rx("table.asks", before=r"^\W*").match(text) is not None


def _rewords(current: str, proposal: str) -> bool:
    """Is ``proposal`` the current text written anew (most of its words kept, no order verb first)?"""
    from ..text import fold, words_kept

    return not _asks(proposal) and len(set(fold(current).split())) >= 4 and words_kept(current, proposal) >= 0.6


def _soft_breaks(text: str) -> list[str]:
    # A line break inside a paragraph (w:br) is a wrapped line, except before a bullet.
    parts = text.split("\n")
    out = [parts[0]]
    for part in parts[1:]:
        if _STRUCTURAL.match(clean(part)):
            out.append(part)
        else:
            out[-1] = out[-1] + " " + part
    return out


def _pdf_text(p: Path, raw: bytes) -> str:
    import io

    try:
        import pypdf
    except ImportError:
        raise LetterError(msg("reading .pdf letters needs the optional pypdf package"), file=p,
                          hint=msg("pip install 'redline[pdf]', or save the letter as .txt or .docx"))
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise LetterError(msg("the PDF is encrypted"), file=p)
        pages = [page.extract_text() or "" for page in reader.pages]
    except LetterError:
        raise
    except Exception as exc:
        raise LetterError(msg("cannot read the PDF: {reason}", reason=exc), file=p)
    if not any(t.strip() for t in pages):
        raise LetterError(msg("the PDF has no text layer (a scan?)"), file=p, hint=msg("OCR it first"))
    return "\n\f\n".join(pages)


# --- mending -------------------------------------------------------------------------

# The line an e-mail's signature starts after ("-- "): kept as a paragraph of its own for the frame.
SIGNATURE_MARK = "--"
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:(?:trang|page)\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?$", re.I)
# Lines that always start a paragraph of their own.
_STRUCTURAL = re.compile(
    r"^(?:[-–—•+*\u25cf\u25aa\uf0b7]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][)]\s|\([a-zđ\d]{1,3}\)\s|[IVX]{1,5}[.)]\s|"
    r"(?:số|so)\s*:|kính gửi|nơi nhận|v/v\b|về việc\b|cộng hòa|cộng hoà|độc lập|trên đây|"
    r"kt\.|tm\.|tl\.|q\.|giám đốc|phó giám đốc|chánh văn phòng|trưởng|phó trưởng)",
    re.I,
)
_ORG_START = re.compile(r"^(?:SỞ|CÔNG AN|VĂN PHÒNG|BAN|ỦY BAN|UỶ BAN|UBND|THANH TRA|KHO BẠC|CỤC|CHI CỤC|BỘ CHỈ HUY|"
                        r"ĐÀI|BÁO|HỘI|LIÊN ĐOÀN|TỈNH ĐOÀN|BẢO HIỂM)\b")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"”’»)]*$|\./\.$")
_DATE_LINE = re.compile(r",\s*ngày\b.*\bnăm\s+\d{4}\s*$", re.I)


def _is_upper_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _starts_lower(text: str) -> bool:
    for c in text:
        if c.isalpha():
            return c.islower()
        if c.isdigit() or c in "-–—•+(\"“'‘«":
            return False
    return False


def _strip_markup(line: str) -> str:
    # Markdown emphasis left over from conversions ("**KT. GIÁM ĐỐC").
    t = re.sub(r"^(\*\*|__)+|(\*\*|__)+$", "", line.strip())
    return t.strip()


def mend_lines(lines: list[str], *, pdf: bool = False) -> list[str]:
    """Raw text lines -> paragraphs (see the module doc)."""
    # a drawn rule ("_______", "-----") is not text
    lines = ["" if re.fullmatch(r"\s*[_\-–—*=~.]{3,}\s*", line) else line for line in lines]
    lines = [_strip_markup(clean(line)) if "\f" not in line else "\f" for line in lines]
    lines = _drop_running_heads(lines)
    blank_style = "narrow" if _narrow(lines) else sum(1 for l in lines if not l) >= 0.25 * max(
        1, sum(1 for l in lines if l)) and not _unwrapped(lines)
    paras: list[str] = []
    # Each entry: (text, broken_by_blank) -- whether a blank line / page break preceded it.
    pending_blank = True
    signature = False  # after an e-mail's "--": the signature, one line a paragraph
    for line in lines:
        if not line or line == "\f":
            pending_blank = True
            continue
        if line.strip() == SIGNATURE_MARK:
            signature = True
        if paras and not pending_blank and not signature and _continues(paras[-1], line, wrapped=blank_style or pdf):
            paras[-1] = _join(paras[-1], line)
        else:
            paras.append(line)
        pending_blank = False
    return mend_paragraphs(paras)


def _unwrapped(lines: list[str]) -> bool:
    """Text whose paragraphs are one line each (saved from a word processor, typed in an
    e-mail): several lines far longer than any hard-wrapped column.  There a line break inside
    a block is a paragraph break (a quoted new part's heading line, then its text)."""
    return sum(1 for l in lines if len(l) > 120) >= 2


def _narrow(lines: list[str]) -> bool:
    """Text hard-wrapped in a narrow column (a journal's two-column page pasted as text): nearly
    every line is short and most do not end a sentence, so a line goes on in the next."""
    text = [l for l in lines if l and l != "\f"]
    if len(text) < 8:
        return False
    lengths = sorted(len(l) for l in text)
    open_ends = sum(1 for l in text if not _SENTENCE_END.search(l))
    return lengths[int(0.9 * (len(lengths) - 1))] <= 60 and open_ends >= 0.6 * len(text)


def _continues(prev: str, line: str, *, wrapped: bool | str) -> bool:
    """Is ``line`` the next visual line of paragraph ``prev`` (no blank line between)?"""
    if _STRUCTURAL.match(line) or _is_upper_line(line) != _is_upper_line(prev):
        return False  # a line in capitals ("BÁO CÁO", "SỞ TƯ PHÁP") is a paragraph of its own
    if _is_upper_line(line) and (_ORG_START.match(line) or not re.search(r"(?:\bVÀ|[-,])$", prev)
                                 and not re.match(r"^(?:VÀ\b|[-,])", line)):
        return False  # header lines: "UBND TỈNH HÀ TĨNH" / "SỞ TÀI CHÍNH"
    if _STRUCTURAL.match(prev) and re.match(r"^(?:số|so)\s*:|kính gửi|nơi nhận", prev, re.I):
        return False
    if _DATE_LINE.search(prev) or _DATE_LINE.search(line):
        return False
    if prev.endswith("-") and not prev.endswith(" -"):
        return True
    if wrapped and prev.count("“") > prev.count("”") and not _STRUCTURAL.match(line) and not re.search(
            r"[.!?…]['\"”’»)]*$", prev):
        return True  # a quotation still open goes on
    if _SENTENCE_END.search(prev) and not (wrapped == "narrow" and re.search(r"[:;]$", prev)):
        return False
    return bool(wrapped) or _starts_lower(line)


def _join(prev: str, line: str) -> str:
    # "nghiệp-" + "vụ": a word hyphenated at the line end.
    # A Latin word hyphenated at the line end ("Inter-" / "net") loses the hyphen; Vietnamese
    # syllables are never split, so a hyphen after one is a real one ("kinh tế-" / "xã hội").
    if re.search(r"\w-$", prev) and not prev.endswith(" -") and _starts_lower(line):
        before = re.search(r"(\w+)-$", prev).group(1)
        after = re.match(r"\W*(\w+)", line)
        if before.isascii() and after and after.group(1).isascii():
            return prev[:-1] + line
        return prev + line
    return prev + " " + line


def mend_paragraphs(paras: list[str]) -> list[str]:
    """Join a paragraph that does not end a sentence with the next when that starts lower case
    (a sentence split by a page break), and drop empty paragraphs."""
    out: list[str] = []
    for para in paras:
        para = clean(para)
        if not para:
            continue
        if (out and not _SENTENCE_END.search(out[-1]) and _starts_lower(para)
                and not _STRUCTURAL.match(para) and not _DATE_LINE.search(out[-1])):
            out[-1] = _join(out[-1], para)
        else:
            out.append(para)
    return out


def _drop_running_heads(lines: list[str]) -> list[str]:
    """Drop page numbers and running headers/footers (short lines repeated at page breaks)."""
    breaks = set()
    for i, line in enumerate(lines):
        if line == "\f" or (line and _PAGE_NUMBER.match(line) and not re.match(r"^\d{1,2}\.$", line)):
            breaks.add(i)
    if not breaks:
        return lines
    # Lines next to a break (skipping blanks) that occur more than once are running heads.
    near = Counter()
    for i in breaks:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j]:
                j += step
            if 0 <= j < len(lines) and j not in breaks and len(lines[j]) <= 120:
                near[lines[j]] += 1
    counts = Counter(lines)
    heads = {line for line, k in near.items() if counts[line] >= 2 and k >= 2}
    out = []
    for i, line in enumerate(lines):
        if i in breaks:
            out.append("\f" if line == "\f" else "")
        elif line in heads:
            out.append("")
        else:
            out.append(line)
    return out
