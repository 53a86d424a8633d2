"""Heading recognition and the section tree of a draft.

``build(doc, rules=None) -> Outline`` reads the body blocks of a python-docx ``Document``
(``ooxml.iter_blocks``: body paragraphs and tables, through block content controls) and
finds the numbered parts a comment letter can point at.

How a paragraph becomes a heading
---------------------------------
Only body-level paragraphs can be headings; paragraphs inside tables never are.  The text
looked at is the *current* view (earlier reviewers' insertions shown, deletions hidden), so
labels and titles are what a reader of the draft sees.  A paragraph whose mark is a tracked
deletion is not skipped: block indexes and Word's numbering stay those of the file.
Empty paragraphs, and paragraphs in TOC / Title / Subtitle / caption / header styles, are
never headings.  Evidence, from strongest to weakest:

1. **Heading styles and outline levels.**  ``w:outlineLvl`` 0-8 on the paragraph or its
   style's ``w:basedOn`` chain, or a style named "heading 1".."heading 9" (or listed in
   ``HeadingRules.heading_styles``).  Always a heading.  Its number is Word's computed
   numbering if any, else a typed label if the text starts with one; a styled heading with
   no number at all is still a section (it bounds its neighbours) and gets the positional
   address ``§n`` (``II.§2`` = second child of II).
2. **Word automatic numbering** (``sections.numbering``) on a heading-like paragraph: the
   label is not a bullet, the whole paragraph is bold (direct, run style, paragraph style or
   the numbering level's own run properties) or in capitals, and it is at most
   ``max_heading_chars`` long.  Plain numbered list items are body text.
3. **Typed labels** at the start of the text: "I." "II)" (upper-case Roman), "1." "6.2."
   "6.2" "1)" "1/" (1-2 digit components, so "2021 - 2030", "4.820 hồ sơ" and "15/6/2022"
   never match), "a)" "đ)" "a." "a/" (letters), "A." (upper-case letter), and keyword labels
   "PHẦN I" / "PHẦN THỨ NHẤT" / "Phần 1", "Chương II", "Mục 1." / "Mục I", "Điều 5.",
   "Part II", "Chapter 1", "Section 1.2", "Article 3" (and ``HeadingRules.extra_keywords``).
   Case, diacritics and NFC/NFD do not matter for keywords; the label may be split over
   runs and followed by spaces, a tab, a non-breaking space, or ":", "-", "." after a
   keyword label.  A typed label counts only WITH a layout cue: the whole paragraph bold,
   or the label itself bold, or the text in capitals, or a short (<= 150 characters)
   paragraph all in italics — and the paragraph at most ``max_heading_chars`` long and not
   ending with ";" or "," (list items do).  Exception, the run-in heading: a bold label
   and bold lead-in ending with ":" or "." ("a) Về thể chế: Trong 6 tháng ...") is a
   heading titled by the lead-in ("Về thể chế") however long the paragraph.
   ``require_bold=False`` drops the cue requirement.  "1.0", "2.0" (engineering style)
   are chapters 1 and 2.  A lone "I." / "V." / "X." / "L." / "C." / "D." / "M." is a Roman
   numeral or a capital letter, whichever continues the sequence in progress.
4. **Legal clauses.**  Inside an "Điều"/"Article" section, a typed or Word-numbered "1." is
   a khoản (kind "khoan") and "a)" an điểm (kind "diem"), bold or not: that is how laws are
   addressed ("điểm a khoản 2 Điều 5").  Outside an Điều such plain items are body text.

A label-only heading ("PHẦN THỨ NHẤT", "Chương I") takes its title from the next paragraph
when that one is short and bold, centered or in capitals; that title line then belongs to
the heading, not the body (``Section.start`` is the block after it).

Levels and sequence
-------------------
Each heading gets a rank from its label: PHẦN/Part/Chương/Chapter 10, upper-case letter 15,
Roman and "Mục" 20, "Điều"/Article 30 (khoản 35, điểm 37), decimal with d components
20 + 10·d ("1." 30, "6.2." 40), "Section x.y" like decimals, lower-case letter 75.  A styled
heading takes the rank its outline level's labelled headings have (kept increasing with
the level).  A heading closes every open section of the same or a lower rank and becomes a
child of the nearest one above: the tree is the stack of open sections.

Weak candidates (typed labels, numbering on non-heading styles) must fit the sequence: a
first child starts at 1 / a / A / I (or continues its parent's number: "6.1" under "6."),
unless its whole paragraph is bold; a later one must be greater than its previous sibling
of the same kind ("3." after "2."; "1." after "2." is a body list, not a heading).  Gaps
("II.1" then "II.3"), duplicate addresses and unexpected restarts are reported in
``Outline.warnings``.

Addresses
---------
Roman top level: "II." -> "II", "PHẦN THỨ HAI" / "PHẦN II" -> "II", "Chương I" -> "I",
"Part 2" -> "II", a top-level "1." -> "I".  Below it, each heading adds its number
components beyond its parent's own, as written (a Roman numeral under a PHẦN stays Roman:
"PHẦN THỨ NHẤT" > "II." -> "I.II"): "6.2." under "6." under "II." -> "II.6.2"; "a)" under
"2.3." -> "II.2.3.a"; "Section 2.1" under "Part II" -> "II.1"; Mục 1 / Điều 5 / khoản 2 /
điểm a under Chương I -> "I.1", "I.1.5", "I.1.5.2", "I.1.5.2.a".

Spans
-----
A section owns its heading's following blocks up to the next heading of the same or a
higher level, the closing part, the signature block ("Nơi nhận"), or the end.  Special
parts (``heading=None``, span in ``start_override .. end``):

- ``title``: the line(s) under a document-type line ("BÁO CÁO", "QUYẾT ĐỊNH", "TỜ TRÌNH",
  "KẾ HOẠCH", ...) that are centered or bold, up to an empty line, a rule or the first
  heading; else the paragraph(s) in the Title style before the first heading.
- ``preamble``: from the end of the title (or the start) to the first heading, when it has text.
- ``closing``: from the first paragraph after the last section that starts with
  "Trên đây ..." (``closing_phrases``) up to, excluding, the signature block or the end.
"""
from __future__ import annotations

import functools
import re
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Sequence

from lxml import etree

from .. import text as _text
from ..errors import Warning
from ..messages import msg
from ..model import Outline, Section, SubDocument
from . import documents as _docs
from .numbering import (Counter, NumInfo, StyleInfo, StyleSheet, load_numbering, load_styles, numpr_from,
                        paragraph_props, to_roman)
from ..ooxml import DELETED_CONTAINERS, RUN_CONTAINERS, W, iter_blocks, paragraph_text, qn, run_text

# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------

DOC_TYPES = ("bao cao", "quyet dinh", "to trinh", "ke hoach", "nghi quyet", "nghi dinh",
             "thong tu", "chi thi", "de an", "huong dan", "thong bao", "chuong trinh", "luat",
             "phap lenh", "cong van", "quy che", "quy dinh", "dieu le", "report")
CLOSING_PHRASES = ("tren day la", "tren day", "noi tren la")
SIGNATURE_MARKERS = ("noi nhan",)


@dataclass
class HeadingRules:
    """What counts as a heading.  Pass one to ``build`` (or ``redline.outline``) to override.

    - ``use_styles`` / ``use_numbering`` / ``use_typed_labels``: turn a source of evidence off.
    - ``heading_styles``: extra paragraph styles (name or id, case-insensitive) that are
      headings, with their level (1 = top), e.g. ``{"Tieu de muc": 2}``.
    - ``ignore_styles``: style-name prefixes (lower case) whose paragraphs are never headings.
    - ``require_bold``: typed labels need a layout cue (bold paragraph or label, capitals).
    - ``max_heading_chars``: longer paragraphs are not headings (styled headings excepted).
    - ``extra_keywords``: folded keyword (no diacritics, lower case) -> rank, for labels
      such as ``{"phu luc": 10}`` ("PHỤ LỤC I" as a top-level part).
    - ``legal_clauses``: inside an Điều, plain "1." / "a)" items are khoản / điểm sections.
    - ``check_sequence``: weak candidates must continue their siblings' sequence.
    - ``doc_types`` / ``closing_phrases`` / ``signature_markers``: folded phrases that
      mark the title's document-type line, the closing paragraph and the signature block.
    """

    use_styles: bool = True
    use_numbering: bool = True
    use_typed_labels: bool = True
    heading_styles: dict[str, int] = field(default_factory=dict)
    ignore_styles: tuple[str, ...] = ("toc", "title", "subtitle", "caption", "header", "footer",
                                      "table of", "index", "footnote", "endnote", "mục lục")
    require_bold: bool = True
    max_heading_chars: int = 250
    extra_keywords: dict[str, int] = field(default_factory=dict)
    legal_clauses: bool = True
    check_sequence: bool = True
    doc_types: tuple[str, ...] = DOC_TYPES
    closing_phrases: tuple[str, ...] = CLOSING_PHRASES
    signature_markers: tuple[str, ...] = SIGNATURE_MARKERS


# --------------------------------------------------------------------------------------------
# Numbers and labels (shared with sections.references)
# --------------------------------------------------------------------------------------------

_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VAL = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
LETTERS = "abcdđefghijklmnopqrstuvwxyz"  # Vietnamese order: đ after d

# Vietnamese ordinals follow "thứ" ("PHẦN THỨ HAI"); English ones stand alone ("Part Two").
VN_ORDINALS = {
    "nhat": 1, "mot": 1, "nhi": 2, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
    "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
    "muoi ba": 13, "muoi bon": 14, "muoi lam": 15,
}
EN_ORDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
ORDINALS = {**VN_ORDINALS, **EN_ORDINALS}


def roman_value(token: str) -> int | None:
    """"IV" -> 4; None unless ``token`` is a well-formed upper-case Roman numeral."""
    if not token or not _ROMAN_RE.match(token):
        return None
    total = 0
    for a, b in zip(token, token[1:] + " "):
        va, vb = _ROMAN_VAL[a], _ROMAN_VAL.get(b, 0)
        total += -va if va < vb else va
    return total


def letter_value(token: str) -> int | None:
    t = token.lower()
    return LETTERS.index(t) + 1 if len(t) == 1 and t in LETTERS else None


def norm_component(token: str, *, roman: bool = True) -> int | str:
    """A number component for comparison: digits and Roman numerals -> int, letters -> the
    letter (lower case, except upper-case letters that are not Roman)."""
    t = token.strip()
    if t.isdigit():
        return int(t)
    if roman:
        v = roman_value(t)
        if v is not None:
            return v
    return t.lower() if t.islower() else t


def format_component(value: int | str) -> str:
    return str(value)


def _build_key_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x41, 0x5B)):
        table[cp] = chr(cp).lower()
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if ch in "đĐ":
            base = "d"
        if len(base) == 1:
            table[cp] = base.lower()
    for ch in _text.SPACES + "\n\r\x0b\x0c":
        table[ord(ch)] = " "
    return table


_KEY_TABLE = _build_key_table()


def key_text(text: str) -> str:
    """Same length as ``text`` (NFC): lower case, no diacritics ("đ" -> "d"), spaces plain."""
    return text.translate(_KEY_TABLE)


def nfc_with_map(raw: str) -> tuple[str, Sequence[int]]:
    """NFC of ``raw`` and, for each NFC character, the raw index just after it."""
    if unicodedata.is_normalized("NFC", raw):
        return raw, range(1, len(raw) + 1)
    out: list[str] = []
    ends: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", raw[i:j])
        for ch in cluster:
            out.append(ch)
            ends.append(j)
        i = j
    return "".join(out), ends


# Keyword -> (kind, rank); rank None = by number of components (Section 1.2).
KEYWORDS: dict[str, tuple[str, int | None]] = {
    "phan": ("phan", 10), "chuong": ("chuong", 10), "part": ("part", 10),
    "chapter": ("chapter", 10), "muc": ("muc", 20), "dieu": ("dieu", 30),
    "article": ("article", 30), "section": ("section", None),
}
RANK_UPPER, RANK_ROMAN, RANK_LETTER, RANK_KHOAN, RANK_DIEM = 15, 20, 75, 35, 37
TOP_KINDS = {"phan", "chuong", "part", "chapter"}
LEGAL_KINDS = {"dieu", "article"}

_VN_ALT = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in VN_ORDINALS), key=len, reverse=True))
_EN_ALT = "|".join(sorted((re.escape(k) for k in EN_ORDINALS), key=len, reverse=True))
# A keyword's number is not followed by "%" or a decimal comma: "Phần 41,3% ..." (a share) and
# "Mục 5% ..." start body sentences, not parts.
_NUM_ALT = rf"(?:thu\s+(?:{_VN_ALT})(?![a-z])|(?:{_EN_ALT})(?![a-z])|[ivxlcdm]{{1,7}}(?![a-z0-9])|\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?(?![\d%]|,\d)|[a-z](?![a-z0-9]))"


def _keyword_regex(keywords) -> re.Pattern:
    alt = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in keywords), key=len, reverse=True))
    return re.compile(
        rf"\s*(?P<kw>{alt})\s+(?P<num>{_NUM_ALT})(?P<dot>\.(?!\d))?(?P<sep>\s*[:.\-)\u2013\u2014]?\s*)")


_KW_RE = _keyword_regex(KEYWORDS)
_DEC_RE = re.compile(r"\s*(?P<num>\d{1,2}(?:\.\d{1,2}){0,5})(?P<dot>[.)/](?![\d/])|(?=\s))(?P<sep>\s*)")
_ROM_RE = re.compile(r"\s*(?P<num>[ivxlcdm]{1,7})(?P<dot>[.)/:]|\s*[-\u2013\u2014](?=\s))(?P<sep>\s*)")
_LET_RE = re.compile(r"\s*(?P<num>[a-z])(?P<dot>[.)/])(?P<sep>\s*)")
_FOLLOW_OK = re.compile(r"$|\s|[^\W\d_]", re.UNICODE)


@dataclass
class Label:
    """A number at the start of a heading's text (or a Word numbering label)."""

    shape: str  # "kw", "roman", "upper", "dec", "letter"
    kind: str | None  # "phan", "muc", "dieu", "section", ... for keyword labels
    number: str  # as written: "6.2", "II", "a", "THỨ HAI", "5"
    comps: list  # normalized components: [6, 2], [2], ["a"]
    display: str  # the label as displayed: "6.2.", "PHẦN THỨ HAI", "Điều 5.", "a)"
    chars: int = 0  # raw characters taken by label + separator
    rank: int = 0
    roman: bool = False  # the number is written as a Roman numeral (kept so in addresses)


def _number_comps(number_key: str, number_orig: str, *, kw: str | None) -> list | None:
    """Components of a label number; None when it is not a number."""
    nk = number_key.strip()
    m = re.match(r"thu\s+(.+)$", nk)
    if m:
        return [ORDINALS[re.sub(r"\s+", " ", m.group(1))]] if re.sub(r"\s+", " ", m.group(1)) in ORDINALS else None
    if nk in EN_ORDINALS:
        return [EN_ORDINALS[nk]]
    if re.fullmatch(r"[ivxlcdm]{1,7}", nk):
        v = roman_value(number_orig.strip().upper())
        if v is not None and (number_orig.strip().isupper() or kw):
            if len(nk) == 1 and kw in ("section",):
                pass
            return [v]
        if len(nk) == 1:
            return [number_orig.strip().lower()]
        return None
    if re.fullmatch(r"[a-z]", nk):
        return [number_orig.strip().lower()]
    parts = nk.split(".")
    comps: list = []
    for i, p in enumerate(parts):
        m2 = re.fullmatch(r"(\d+)([a-z]?)", p)
        if not m2:
            return None
        comps.append(int(m2.group(1)))
        if m2.group(2):
            comps.append(m2.group(2))
    return _trim_zeros(comps)


def _trim_zeros(comps: list) -> list:
    """"1.0" is chapter 1 written the engineering way: a trailing zero is no level."""
    while len(comps) > 1 and comps[-1] == 0:
        comps = comps[:-1]
    return comps


def parse_label(raw: str, extra_keywords: dict[str, int] | None = None) -> Label | None:
    """The typed label at the start of ``raw`` (a paragraph's current text), or None."""
    prefix = raw[:72]
    nfc, ends = nfc_with_map(prefix)
    key = key_text(nfc)
    best = None
    kw_re = _KW_RE if not extra_keywords else _keyword_regex({**KEYWORDS, **extra_keywords})
    m = kw_re.match(key)
    if m:
        kw = re.sub(r"\s+", " ", m.group("kw"))
        number_orig = nfc[m.start("num"):m.end("num")]
        comps = _number_comps(m.group("num"), number_orig, kw=kw)
        if comps is not None:
            if kw in KEYWORDS:
                kind, rank = KEYWORDS[kw]
            else:
                kind, rank = kw, (extra_keywords or {}).get(kw, 10)
            if rank is None:
                rank = 20 + 10 * len(comps)
            end_label = m.end("dot") if m.group("dot") else m.end("num")
            display = _text.clean(nfc[m.start("kw"):end_label])
            best = Label("kw", kind, _text.clean(number_orig), comps, display, rank=rank,
                         roman=bool(re.fullmatch(r"[IVXLCDM]+", number_orig.strip())))
            end = m.end()
    if best is None:
        for shape, rx in (("dec", _DEC_RE), ("roman", _ROM_RE), ("letter", _LET_RE)):
            m = rx.match(key)
            if not m:
                continue
            after = m.end("dot")
            if not _FOLLOW_OK.match(key, after):
                continue
            number_orig = nfc[m.start("num"):m.end("num")]
            if shape == "dec":
                if not m.group("dot").strip() and "." not in number_orig:
                    continue  # "15 đơn vị": a bare single number is not a label
                comps = _trim_zeros([int(p) for p in number_orig.split(".")])
                rank = 20 + 10 * len(comps)
            elif shape == "roman":
                value = roman_value(number_orig)
                if value is None or not number_orig.isupper():
                    continue
                if len(number_orig) == 1 and number_orig in "CDLM":
                    continue  # "C." is a letter, not 100
                comps, rank = [value], RANK_ROMAN
            else:
                ch = number_orig
                if ch.isupper():
                    shape, comps, rank = "upper", [ch], RANK_UPPER
                else:
                    comps, rank = [ch.lower()], RANK_LETTER
            display = _text.clean(nfc[m.start("num"):m.end("dot")])
            best = Label(shape, None, number_orig, comps, display, rank=rank, roman=shape == "roman")
            end = m.end()
            break
    if best is None:
        return None
    best.chars = ends[end - 1] if end > 0 else 0
    # also swallow separators beyond the prefix window / invisible characters
    while best.chars < len(raw) and (raw[best.chars] in _text.SPACES or raw[best.chars] in " \u200b\ufeff"):
        best.chars += 1
    return best


def label_of_number(text: str) -> Label | None:
    """Shape of a Word numbering label ("II.", "6.2.", "a)", "Điều 5.", "1")."""
    t = _text.clean(text)
    if not t:
        return None
    lab = parse_label(t + " x")
    if lab is not None:
        lab.chars = 0
        lab.display = t
        return lab
    bare = t.rstrip(".)/:")
    if bare.isdigit() or re.fullmatch(r"\d+(\.\d+)+", bare):
        comps = _trim_zeros([int(p) for p in bare.split(".")])
        return Label("dec", None, bare, comps, t, 0, 20 + 10 * len(comps))
    if roman_value(bare) is not None:
        return Label("roman", None, bare, [roman_value(bare)], t, 0, RANK_ROMAN, roman=True)
    if len(bare) == 1 and bare.isalpha():
        if bare.isupper():
            return Label("upper", None, bare, [bare], t, 0, RANK_UPPER)
        return Label("letter", None, bare, [bare], t, 0, RANK_LETTER)
    return None


# --------------------------------------------------------------------------------------------
# Paragraph features
# --------------------------------------------------------------------------------------------

_B = W["b"]
_RSTYLE = qn("w:rStyle")
_VAL = W["val"]
_FALSE = {"0", "false", "off", "none"}


def _on(el) -> bool | None:
    if el is None:
        return None
    v = el.get(_VAL)
    return v is None or v.lower() not in _FALSE


def run_segments(p: etree._Element, styles: StyleSheet, para: tuple[bool, bool]) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) for each run of the paragraph's current view; ``para`` is the
    paragraph style's (bold, italic)."""
    out: list[tuple[str, bool, bool]] = []
    i_tag = qn("w:i")

    def visit(el):
        for c in el:
            tag = c.tag
            if tag == W["r"]:
                text = run_text(c)
                if not text:
                    continue
                bold, italic = para
                rpr = c.find(W["rPr"])
                if rpr is not None:
                    rs = rpr.find(_RSTYLE)
                    if rs is not None:
                        cs = styles.get(rs.get(_VAL))
                        if cs is not None:
                            bold = cs.bold if cs.bold is not None else bold
                            italic = cs.italic if cs.italic is not None else italic
                    b = _on(rpr.find(_B))
                    if b is not None:
                        bold = b
                    it = _on(rpr.find(i_tag))
                    if it is not None:
                        italic = it
                out.append((text, bold, italic))
            elif tag in DELETED_CONTAINERS:
                continue
            elif tag in RUN_CONTAINERS:
                visit(c)

    visit(p)
    return out


def _bold_stats(segments: list[tuple[str, bool, bool]], label_chars: int) -> tuple[bool, bool]:
    """(whole paragraph bold, label bold) ignoring whitespace."""
    any_text = False
    all_bold = True
    label_bold = True
    pos = 0
    label_seen = False
    for text, bold, _ in segments:
        if text.strip():
            any_text = True
            if not bold:
                all_bold = False
            if pos < label_chars:
                seg = text[:label_chars - pos]
                if seg.strip():
                    label_seen = True
                    if not bold:
                        label_bold = False
        pos += len(text)
    return (any_text and all_bold), (label_seen and label_bold)


def _all_italic(segments: list[tuple[str, bool, bool]]) -> bool:
    seen = False
    for text, _, italic in segments:
        if text.strip():
            if not italic:
                return False
            seen = True
    return seen


def _bold_lead(segments: list[tuple[str, bool, bool]]) -> int:
    """Characters of the paragraph's leading bold runs (a run-in heading's lead-in)."""
    pos = 0
    for text, bold, _ in segments:
        if not bold and text.strip():
            break
        pos += len(text)
    return pos


def _is_caps(text: str) -> bool:
    """At least three letters, none lower case."""
    if text.upper() != text:
        return False
    n = 0
    for c in text:
        if c.isalpha():
            n += 1
            if n >= 3:
                return True
    return False


# --------------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------------

@dataclass
class _Cand:
    index: int
    text: str  # cleaned current text
    raw: str
    label: Label | None
    num: NumInfo | None
    outline_level: int | None  # 0-based, styled heading
    strong: bool  # styled heading (no sequence check)
    cue: bool  # layout cue present
    clause: bool  # could be a khoản/điểm inside an Điều
    title: str = ""
    rank: int = 0


@dataclass
class _Node:
    section: Section
    rank: int
    comps: list
    shape: str | None


_PREFILTER = re.compile(  # cheap test before parse_label; NFC or NFD text
    r"[\s\u00a0\u200b\ufeff]*(?:\d{1,2}[.)/\s]|[A-Za-zĐđ][.)/]|[IVXLCDM]{1,7}\s*[.)/:\-\u2013\u2014]"
    r"|(?i:ph[aâầ]|ch[uư]|m[uụ]|đi|part|section|chapter|article))")


# --------------------------------------------------------------------------------------------
# One pass over the body
# --------------------------------------------------------------------------------------------
# Reading 50,000 paragraphs element by element through python-docx's proxies costs seconds;
# an XSLT pass (libxslt, in C) reads the same facts in a fraction of that.  It mirrors
# ``ooxml.iter_blocks`` and ``ooxml.paragraph_text(view="current")`` exactly (the corpus test
# checks the texts are identical); ``_scan_python`` is the fallback when XSLT is unavailable.

_F_SEP, _ROW_SEP, _COL_SEP = "\ue001", "\ue002", "\ue003"
_RUN, _RUN_TEXT, _RUN_PROP = "\ue004", "\ue005", "\ue007"
_MARK_RE = re.compile("\ue004[^\ue005]*\ue005")
_STRIDE = 8  # fields per block: kind, style, numId, ilvl, outlineLvl, jc, table rows, text

_SCAN_XSL = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
 xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="/"><xsl:apply-templates select="*/w:body/*" mode="b"/></xsl:template>
<xsl:template match="w:p" mode="b"><xsl:text>P&#xE001;</xsl:text>
 <xsl:for-each select="w:pPr"><xsl:value-of select="w:pStyle/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:numPr/w:numId/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:numPr/w:ilvl/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:outlineLvl/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:jc/@w:val"/><xsl:text>&#xE001;</xsl:text></xsl:for-each>
 <xsl:if test="not(w:pPr)"><xsl:text>&#xE001;&#xE001;&#xE001;&#xE001;&#xE001;</xsl:text></xsl:if>
 <xsl:text>&#xE001;</xsl:text><xsl:apply-templates select="*" mode="c"/><xsl:text>&#xE001;</xsl:text></xsl:template>
<xsl:template match="w:tbl" mode="b"><xsl:text>T&#xE001;&#xE001;&#xE001;&#xE001;&#xE001;&#xE001;</xsl:text>
 <xsl:for-each select=".//w:p[w:pPr/w:numPr or w:pPr/w:pStyle]">
  <xsl:value-of select="w:pPr/w:pStyle/@w:val"/><xsl:text>&#xE003;</xsl:text>
  <xsl:value-of select="w:pPr/w:numPr/w:numId/@w:val"/><xsl:text>&#xE003;</xsl:text>
  <xsl:value-of select="w:pPr/w:numPr/w:ilvl/@w:val"/><xsl:text>&#xE002;</xsl:text>
 </xsl:for-each><xsl:text>&#xE001;</xsl:text>
 <xsl:for-each select="(.//w:tc)[1]//w:t"><xsl:value-of select="."/></xsl:for-each>
 <xsl:text>&#xE001;</xsl:text></xsl:template>
<xsl:template match="w:sdt" mode="b"><xsl:apply-templates select="w:sdtContent[1]/*" mode="b"/></xsl:template>
<xsl:template match="w:customXml" mode="b"><xsl:apply-templates select="*" mode="b"/></xsl:template>
<xsl:template match="*" mode="b"/>
<xsl:template match="w:r" mode="c"><xsl:text>&#xE004;</xsl:text><xsl:apply-templates select="w:rPr/*" mode="m"/>
 <xsl:text>&#xE005;</xsl:text><xsl:apply-templates select="*" mode="r"/></xsl:template>
<xsl:template match="w:b" mode="m"><xsl:text>&#xE007;b</xsl:text><xsl:value-of select="@w:val"/></xsl:template>
<xsl:template match="w:i" mode="m"><xsl:text>&#xE007;i</xsl:text><xsl:value-of select="@w:val"/></xsl:template>
<xsl:template match="w:rStyle" mode="m"><xsl:text>&#xE007;s</xsl:text><xsl:value-of select="@w:val"/></xsl:template>
<xsl:template match="*" mode="m"/>
<xsl:template match="w:ins|w:moveTo|w:hyperlink|w:smartTag|w:customXml|w:sdt|w:sdtContent|w:fldSimple"
 mode="c"><xsl:apply-templates select="*" mode="c"/></xsl:template>
<xsl:template match="*" mode="c"/>
<xsl:template match="w:t" mode="r"><xsl:value-of select="."/></xsl:template>
<xsl:template match="w:tab" mode="r"><xsl:text>&#9;</xsl:text></xsl:template>
<xsl:template match="w:br|w:cr" mode="r"><xsl:text>&#10;</xsl:text></xsl:template>
<xsl:template match="w:noBreakHyphen" mode="r"><xsl:text>&#x2011;</xsl:text></xsl:template>
<xsl:template match="w:softHyphen" mode="r"><xsl:text>&#xAD;</xsl:text></xsl:template>
<xsl:template match="*" mode="r"/>
</xsl:stylesheet>"""

_xslt_local = threading.local()


def _scan_transform():
    t = getattr(_xslt_local, "xslt", None)
    if t is None:
        t = _xslt_local.xslt = etree.XSLT(etree.fromstring(_SCAN_XSL.encode()))
    return t


class _Facts:
    """What the outline needs of every block, column-wise: ``_STRIDE`` strings per block in
    ``plain`` (and ``marked``: the same with run markers carrying bold / run style before
    each run's text).  Field 0 is "P" (paragraph) or "T" (table); for tables field 6 lists the
    style / numId / ilvl of their numbered or styled paragraphs and field 7 is the first
    cell's text."""

    def __init__(self, plain: list[str], marked: list[str] | None):
        self.plain = plain
        self.marked = marked
        self.texts = plain[7::_STRIDE]  # field 7 of every block, for loops over all of them


    def is_table(self, i: int) -> bool:
        return self.plain[i * _STRIDE] == "T"

    def text(self, i: int) -> str:
        return self.texts[i]

    def style_id(self, i: int) -> str | None:
        return self.plain[i * _STRIDE + 1] or None

    def num_id(self, i: int) -> int | None:
        return _opt_int(self.plain[i * _STRIDE + 2])

    def ilvl(self, i: int) -> int | None:
        return _opt_int(self.plain[i * _STRIDE + 3])

    def outline_lvl(self, i: int) -> str | None:
        return self.plain[i * _STRIDE + 4] or None

    def jc(self, i: int) -> str | None:
        return self.plain[i * _STRIDE + 5] or None

    def table_rows(self, i: int) -> list[tuple]:
        rows = []
        for item in self.plain[i * _STRIDE + 6].split(_ROW_SEP):
            if item:
                cols = (item.split(_COL_SEP) + ["", "", ""])[:3]
                rows.append((cols[0] or None, _opt_int(cols[1]), _opt_int(cols[2])))
        return rows

    def marked_text(self, i: int) -> str | None:
        return self.marked[i * _STRIDE + 7] if self.marked is not None else None


def _opt_int(v: str | None) -> int | None:
    if not v:
        return None
    try:
        return int(v)
    except ValueError:
        return None


def _scan(doc: Any, blocks: list[etree._Element]) -> _Facts | None:
    """The facts of every block through one XSLT pass; None when that is not possible."""
    try:
        out = str(_scan_transform()(doc.element))
    except Exception:  # no XSLT, odd root: use the element walk
        return None
    marked = out.split(_F_SEP)
    if len(marked) != len(blocks) * _STRIDE + 1:
        return None  # a separator character inside the text: do it the slow way
    plain = _MARK_RE.sub("", out).split(_F_SEP)
    if len(plain) != len(marked):
        return None
    for i in range(0, len(blocks) * _STRIDE, 4096 * _STRIDE):  # spot-check the alignment
        if plain[i] not in ("P", "T"):
            return None
    return _Facts(plain, marked)


def _scan_python(blocks: list[etree._Element]) -> _Facts:
    """The same facts as ``_scan``, element by element (no run markers)."""
    plain: list[str] = []
    for b in blocks:
        if b.tag == W["p"]:
            plain.extend(_para_facts(b))
            plain.extend(["", paragraph_text(b, "current")])
        else:
            rows = []
            for p in b.iter(W["p"]):
                f = _para_facts(p)
                if f[1] or f[2] or f[3]:
                    rows.append(_COL_SEP.join(f[1:4]) + _ROW_SEP)
            first = ""
            tc = next(b.iter(W["tc"]), None)
            if tc is not None:
                first = "".join(t.text or "" for t in tc.iter(W["t"]))
            plain.extend(["T", "", "", "", "", "", "".join(rows), first])
    plain.append("")
    return _Facts(plain, None)


def _para_facts(p: etree._Element) -> list[str]:
    """["P", style, numId, ilvl, outlineLvl, jc] of a paragraph, "" for absent values."""
    return ["P", *(v or "" for v in paragraph_props(p))]


def _segments_from_marked(marked: str, styles: StyleSheet, para: tuple[bool, bool]) -> list[tuple[str, bool, bool]]:
    out = []
    for piece in marked.split(_RUN)[1:]:
        meta, _, text = piece.partition(_RUN_TEXT)
        if not text:
            continue
        bold, italic = para
        b = it = rstyle = None  # the run's w:b / w:i values ("" for no value), its w:rStyle
        if meta:  # "<PROP>b<val>", "<PROP>i<val>", "<PROP>s<style id>", in rPr order; the first counts
            for prop in meta.split(_RUN_PROP)[1:]:
                kind, value = prop[:1], prop[1:]
                if kind == "b" and b is None:
                    b = value
                elif kind == "i" and it is None:
                    it = value
                elif kind == "s" and rstyle is None:
                    rstyle = value
        if rstyle:
            cs = styles.get(rstyle)
            if cs is not None:
                bold = cs.bold if cs.bold is not None else bold
                italic = cs.italic if cs.italic is not None else italic
        if b is not None:
            bold = b.lower() not in _FALSE
        if it is not None:
            italic = it.lower() not in _FALSE
        out.append((text, bold, italic))
    return out


class _Builder:
    def __init__(self, doc: Any, rules: HeadingRules):
        self.doc = doc
        self.rules = rules
        body = doc.element.body
        if body.find(W["sdt"]) is None and body.find(W["customXml"]) is None:  # no wrappers: in C
            self.blocks: list[etree._Element] = list(body.iterchildren(W["p"], W["tbl"]))
        else:
            self.blocks = list(iter_blocks(body))
        self.styles = load_styles(doc)
        self.facts: _Facts = _scan(doc, self.blocks) or _scan_python(self.blocks)
        plain = self.facts.plain
        self.texts: dict[int, str] = {
            i: plain[i * _STRIDE + 7] for i in range(len(self.blocks)) if plain[i * _STRIDE] == "P"}
        self.numinfo: dict[int, NumInfo] = self.count_numbers() if rules.use_numbering else {}
        self.warnings: list[Warning] = []
        self.extra_heading_styles = {k.lower(): v for k, v in rules.heading_styles.items()}
        self._style_facts: dict[str, tuple] = {}

    def count_numbers(self) -> dict[int, NumInfo]:
        """Word's numbering labels of body paragraphs (``sections.numbering``), from the scan."""
        numbering = load_numbering(self.doc, self.styles)
        result: dict[int, NumInfo] = {}
        if not numbering.has_lists:
            return result
        counter = Counter(numbering)
        styles = self.styles
        numbered_style: dict[str, bool] = {}  # style id -> its chain carries numbering

        def style_has_numbers(style_id: str) -> bool:
            v = numbered_style.get(style_id)
            if v is None:
                st = styles.get(style_id or None)
                v = numbered_style[style_id] = st is not None and st.num_id is not None
            return v
        facts = self.facts
        plain = facts.plain
        for i in range(len(self.blocks)):
            k = i * _STRIDE
            if plain[k] == "P":
                if not plain[k + 2] and not plain[k + 3] and not style_has_numbers(plain[k + 1]):
                    continue
                numpr = numpr_from(facts.style_id(i), facts.num_id(i), facts.ilvl(i), styles)
                if numpr is not None:
                    info = counter.advance(*numpr)
                    if info is not None:
                        result[i] = info
            elif plain[k + 6]:
                for style_id, num_id, ilvl in facts.table_rows(i):
                    numpr = numpr_from(style_id, num_id, ilvl, styles)
                    if numpr is not None:
                        counter.advance(*numpr)
        return result

    # ---- per paragraph
    def style_of(self, i: int) -> StyleInfo | None:
        return self.styles.get(self.facts.style_id(i))

    def ignored_style(self, style: StyleInfo | None) -> bool:
        if style is None:
            return False
        name = (style.name or style.style_id).lower()
        return any(name.startswith(prefix) for prefix in self.rules.ignore_styles)

    def para_bold(self, style: StyleInfo | None) -> tuple[bool, bool]:
        """(bold, italic) the paragraph style gives its runs."""
        bold = style.bold if style is not None and style.bold is not None else self.styles.default_bold
        italic = (style.italic if style is not None and style.italic is not None
                  else self.styles.default_italic)
        return bold, italic

    def is_centered(self, i: int) -> bool:
        jc = self.facts.jc(i)
        if jc is None:
            style = self.style_of(i)
            jc = style.jc if style is not None else None
        return jc == "center"

    def segments(self, i: int, style: StyleInfo | None = None) -> list[tuple[str, bool, bool]]:
        """(text, bold, italic) of each run of paragraph ``i``, current view (``style``: its
        paragraph style, when the caller has it already)."""
        if style is None:
            style = self.style_of(i)
        marked = self.facts.marked_text(i)
        if marked is not None:
            return _segments_from_marked(marked, self.styles, self.para_bold(style))
        return run_segments(self.blocks[i], self.styles, self.para_bold(style))

    def all_bold(self, i: int) -> bool:
        return _bold_stats(self.segments(i), 0)[0]

    def style_facts(self, style_id: str) -> tuple[StyleInfo | None, int | None, int | None, bool]:
        """(style, its outline level, its ``HeadingRules.heading_styles`` level, ignored) for a
        paragraph style id, computed once per id: a draft has a handful of styles and tens of
        thousands of paragraphs."""
        got = self._style_facts.get(style_id)
        if got is None:
            style = self.styles.get(style_id or None)
            extra = None
            if style is not None and self.extra_heading_styles:
                lvl = (self.extra_heading_styles.get(style.name.lower())
                       or self.extra_heading_styles.get(style.style_id.lower()))
                extra = lvl - 1 if lvl else None
            got = (style, style.outline_lvl if style is not None else None, extra, self.ignored_style(style))
            self._style_facts[style_id] = got
        return got

    def candidates(self) -> list[_Cand]:
        rules = self.rules
        out: list[_Cand] = []
        seen_dieu = False
        typed = rules.use_typed_labels
        use_styles = rules.use_styles
        prefilter = _PREFILTER.match if not rules.extra_keywords else (lambda raw: True)
        plain = self.facts.plain
        numinfo = self.numinfo
        style_facts = self.style_facts
        for i in range(len(self.blocks)):
            k = i * _STRIDE
            if plain[k] != "P":
                continue
            raw = plain[k + 7]
            if not raw or raw.isspace():
                continue
            style, style_ol, extra_ol, ignored = style_facts(plain[k + 1])
            ol = None
            if use_styles:  # a heading_styles level, else the paragraph's outlineLvl, else the style's
                if extra_ol is not None:
                    ol = extra_ol
                elif plain[k + 4]:
                    v = _opt_int(plain[k + 4])
                    ol = v if v is not None and 0 <= v <= 8 else None
                else:
                    ol = style_ol
            num = numinfo.get(i) if numinfo else None
            if num is not None and (num.is_bullet or not num.label.strip()):
                num = None
            maybe_typed = typed and prefilter(raw) is not None
            if ol is None and num is None and not maybe_typed:
                continue
            if ignored:
                continue
            label = None
            if num is not None:
                label = label_of_number(num.label)
                if label is None:
                    num = None
            if label is None and maybe_typed:
                label = parse_label(raw, rules.extra_keywords or None)
            if ol is None and label is None:
                continue
            text = raw.strip()  # cleaned lazily: most candidates only need its length and end
            if label is not None and label.kind in LEGAL_KINDS:
                seen_dieu = True
            if ol is not None:
                title = _text.clean(raw[label.chars:] if label is not None else raw)
                out.append(_Cand(i, text, raw, label, num, ol, True, True, False, title))
                continue
            # weak: numbering or typed label, needs a cue (or is a legal clause)
            segs = self.segments(i, style)
            all_bold, label_bold = _bold_stats(segs, label.chars)
            if num is not None and num.bold:
                label_bold = True
            body = _text.clean(raw[label.chars:])
            title = body
            caps = _is_caps(body) or (style is not None and bool(style.caps))
            short = len(text) <= rules.max_heading_chars
            listy = text.endswith((";", ",")) or (text.endswith(":") and len(text) > 120)
            italic = len(text) <= 150 and _all_italic(segs)
            runin = False
            if label_bold and not all_bold and num is None:
                # a run-in heading: "a) Về thể chế: Trong 6 tháng ..." -> title "Về thể chế"
                lead_end = _bold_lead(segs)
                lead = _text.clean(raw[label.chars:lead_end])
                after = raw[lead_end:lead_end + 3].lstrip()[:1]
                if lead and len(lead) <= rules.max_heading_chars and (
                        lead.endswith((":", ".")) or after in (":", ".")):
                    title = lead.rstrip(" :.")
                    runin = bool(title)
            cue = (short or runin) and (runin or not listy) and (
                all_bold or label_bold or caps or italic or not rules.require_bold)
            if num is not None:  # Word list: only whole-bold / capitals make a heading
                cue = short and not listy and (all_bold or caps or (num.bold is True and label_bold)
                                               or not rules.require_bold)
            if label.kind in LEGAL_KINDS and label_bold and not listy:
                cue = True  # "Điều 3. Chánh Văn phòng ... chịu trách nhiệm thi hành ...": an article
            clause = (rules.legal_clauses and seen_dieu and label.shape in ("dec", "letter")
                      and (label.shape == "letter" or len(label.comps) == 1))
            if cue or clause:
                out.append(_Cand(i, text, raw, label, num, None, False, cue, clause,
                                 title if not clause or cue else body))
        return out

    # ---- ranks of styled headings
    def style_ranks(self, cands: list[_Cand]) -> dict[int, int]:
        by_level: dict[int, list[int]] = {}
        for c in cands:
            if c.outline_level is not None and c.label is not None:
                by_level.setdefault(c.outline_level, []).append(c.label.rank)
        levels = sorted({c.outline_level for c in cands if c.outline_level is not None})
        ranks: dict[int, int] = {}
        prev = None
        for lv in levels:
            seen = by_level.get(lv)
            if seen:
                r = max(set(seen), key=seen.count)
            else:
                r = (prev + 10) if prev is not None else 20 + 10 * lv
            if prev is not None and r <= prev:
                r = prev + 1
            ranks[lv] = r
            prev = r
        return ranks

    # ---- the tree
    def build(self) -> Outline:
        cands = self.candidates()
        ranks = self.style_ranks(cands)
        n = len(self.blocks)
        sigs = self.find_signatures(cands[0].index if cands else None)
        docs = self.find_documents(sigs, {c.index for c in cands})
        bounds = [0] + [d[0] for d in docs] + [n]
        outline = Outline(blocks=self.blocks, sections=[], warnings=self.warnings)
        outline._texts = self.texts  # paragraphs' current text, already read
        outline.numbers = {i: info.label for i, info in self.numinfo.items()}
        for k in range(len(bounds) - 1):
            lo, hi = bounds[k], bounds[k + 1]
            region = [c for c in cands if lo <= c.index < hi]
            sig = next((x for x in sigs if lo <= x < hi and (not region or x > region[0].index)), None)
            tops, accepted = self.tree(region, ranks, sig)
            if sig is not None:
                outline.signatures.append((sig, hi))
            if k == 0:
                outline.sections = tops
                self.finish(outline, accepted, sig, region, hi)
                outline.name = self.main_name(outline)
                continue
            start, type_line, name = docs[k - 1]
            sub = SubDocument(name=name, start=start, end=hi, sections=tops)
            self.finish_document(sub, accepted, sig, type_line)
            outline.documents.append(sub)
        self.check_duplicates(outline)
        outline.parts = title_block_parts(self, outline)
        outline.tables = list_tables(self, outline)
        return outline

    def tree(self, cands: list[_Cand], ranks: dict[int, int], sig: int | None) -> tuple[list[Section], list]:
        """The section tree of one document's candidates: the stack of open sections."""
        rules = self.rules
        stack: list[_Node] = []
        tops: list[Section] = []
        heading_set = {c.index for c in cands}
        accepted: list[tuple[Section, _Node]] = []
        last_at_rank: dict[int, Any] = {}  # last Roman value / upper-case letter accepted
        reset_done = False
        for c in cands:
            if sig is not None and c.index > sig and not reset_done:
                stack.clear()
                reset_done = True
            label = c.label
            if label is not None and label.shape in ("roman", "upper") and len(label.number) == 1:
                label = self.roman_or_letter(label, last_at_rank)
            kind = label.kind if label is not None else None
            weak = not c.strong
            if c.strong:
                rank = ranks[c.outline_level]
            elif c.clause and any(n.section.kind in LEGAL_KINDS for n in stack):  # inside an Điều
                kind = "khoan" if label.shape == "dec" else "diem"
                rank = RANK_KHOAN if kind == "khoan" else RANK_DIEM
            elif c.cue:
                rank = label.rank
            else:
                continue
            k = len(stack)
            while k and stack[k - 1].rank >= rank:
                k -= 1
            parent = stack[k - 1] if k else None
            siblings = parent.section.children if parent else tops
            if weak and rules.check_sequence and label is not None:
                if not self.sequence_ok(c, label, parent, siblings, stack, k, rank):
                    continue
            elif label is not None:
                self.gap_check(c, label, siblings, stack, k, rank)
            del stack[k:]
            section = self.make_section(c, label, kind, parent, siblings, heading_set)
            node = _Node(section, rank, label.comps if label else [], label.shape if label else None)
            section._rank = rank  # type: ignore[attr-defined]
            if parent is not None:
                section.parent = parent.section
                parent.section.children.append(section)
            else:
                tops.append(section)
            stack.append(node)
            accepted.append((section, node))
            if label is not None and rank in (RANK_ROMAN, RANK_UPPER):
                last_at_rank[rank] = label.comps[-1]
        return tops, [s for s, _ in accepted]

    @staticmethod
    def roman_or_letter(label: Label, last_at_rank: dict) -> Label:
        """"I." / "V." / "X." / "L." / "C." / "D." / "M." alone are Roman numerals or capital
        letters: whichever continues the sequence in progress ("L." after "XLIX.", "I." after
        "H."); by default I, V and X are Roman, the others letters."""
        ch = label.number
        as_roman = roman_value(ch)
        as_letter = letter_value(ch)
        prev_roman = last_at_rank.get(RANK_ROMAN)
        prev_letter = last_at_rank.get(RANK_UPPER)
        roman_fits = as_roman is not None and isinstance(prev_roman, int) and as_roman == prev_roman + 1
        letter_fits = as_letter is not None and isinstance(prev_letter, str) \
            and letter_value(prev_letter) is not None and as_letter == letter_value(prev_letter) + 1
        if roman_fits and not letter_fits:
            want = "roman"
        elif letter_fits and not roman_fits:
            want = "upper"
        else:
            want = label.shape
        if want == label.shape:
            return label
        if want == "roman":
            return Label("roman", None, ch, [as_roman], label.display, label.chars, RANK_ROMAN, roman=True)
        return Label("upper", None, ch, [ch], label.display, label.chars, RANK_UPPER)

    def sequence_ok(self, c: _Cand, label: Label, parent: _Node | None, siblings: list[Section],
                    stack: list[_Node], k: int, rank: int) -> bool:
        prev = None
        for s in reversed(siblings):
            if getattr(s, "_rank", None) == rank:
                prev = s
                break
        last = label.comps[-1] if label.comps else None
        if prev is None:
            first_like = last in (1, "a", "A") or label.shape == "kw"
            if label.shape == "dec" and len(label.comps) > 1 and parent is not None:
                first_like = first_like or label.comps[:-1] == parent.comps
            if not first_like and parent is not None and len(label.comps) > 1 \
                    and label.comps[:len(parent.comps)] == parent.comps:
                first_like = True
            if first_like:
                return True
            # A sequence that starts late: accept only a fully bold or capital heading.
            segs_ok = c.cue and (c.text == c.text.upper() or self._all_bold(c))
            if segs_ok:
                self.warnings.append(Warning(
                    msg("'{label}' starts a new level without 1/a before it", label=label.display),
                    msg("block {index}", index=c.index)))
                return True
            return False
        prev_last = prev._comps[-1] if getattr(prev, "_comps", None) else None  # type: ignore[attr-defined]
        a, b = _ordinal(prev_last), _ordinal(last)
        if a is None or b is None:
            return True
        if b <= a:
            if self._all_bold(c) and not c.clause:
                self.warnings.append(Warning(
                    msg("'{text}' looks like a heading but does not continue '{previous}' (treated as body text)",
                        text=_short(_text.clean(c.text)), previous=prev.label),
                    msg("block {index}", index=c.index)))
            return False
        if b > a + 1:
            self.warnings.append(Warning(
                msg("numbering gap: '{label}' follows '{previous}'", label=label.display, previous=prev.label),
                msg("block {index}", index=c.index)))
        return True

    def gap_check(self, c, label, siblings, stack, k, rank) -> None:
        prev = None
        for s in reversed(siblings):
            if getattr(s, "_rank", None) == rank and getattr(s, "_comps", None):
                prev = s
                break
        if prev is None or not label.comps:
            return
        a, b = _ordinal(prev._comps[-1]), _ordinal(label.comps[-1])  # type: ignore[attr-defined]
        if a is not None and b is not None and b != a + 1:
            self.warnings.append(Warning(
                msg("numbering gap: '{label}' follows '{previous}'", label=label.display, previous=prev.label),
                msg("block {index}", index=c.index)))

    def _all_bold(self, c: _Cand) -> bool:
        return self.all_bold(c.index)

    def make_section(self, c: _Cand, label: Label | None, kind: str | None, parent: _Node | None,
                     siblings: list[Section], heading_set: set[int]) -> Section:
        if label is not None:
            comps = list(label.comps)
            rel = comps
            if parent is not None:
                pc = parent.comps
                if pc and len(comps) > len(pc) and comps[:len(pc)] == pc:
                    rel = comps[len(pc):]
                parts = [to_roman(v) if label.roman and isinstance(v, int) else format_component(v)
                         for v in rel]
                address = parent.section.address + "." + ".".join(parts)
            else:
                head = comps[0]
                first = to_roman(head) if isinstance(head, int) else str(head)
                address = ".".join([first] + [format_component(v) for v in comps[1:]])
            number, display = label.number, label.display
            label_chars = label.chars if c.num is None else 0
        else:
            comps = []
            pos = len(siblings) + 1
            address = (parent.section.address + "." if parent is not None else "") + f"§{pos}"
            number, display, label_chars = "", "", 0
        title = c.title
        start_override = None
        if not title:
            nxt = self.title_line_after(c.index, heading_set)
            if nxt is not None:
                title = _text.clean(self.texts.get(nxt, ""))
                start_override = nxt + 1
        section = Section(address=address, label=display, title=title,
                          level=(parent.section.level + 1) if parent is not None else 1,
                          heading=c.index, end=len(self.blocks), kind=kind, number=number,
                          label_chars=label_chars)
        section.start_override = start_override
        section._comps = comps  # type: ignore[attr-defined]
        # the heading paragraph carries the section's text: a khoản / điểm, or an article whose
        # text follows its bold label ("Điều 1. Ban hành kèm theo ...")
        section.inline = kind in ("khoan", "diem") or (
            kind in LEGAL_KINDS and c.title == _text.clean(c.raw[label.chars:] if label else c.raw)
            and not self.all_bold(c.index) and len(c.title) > 0)
        return section

    def title_line_after(self, index: int, heading_set: set[int]) -> int | None:
        j = index + 1
        if j >= len(self.blocks) or j in heading_set or self.blocks[j].tag != W["p"]:
            return None
        raw = self.texts.get(j, "")
        text = _text.clean(raw)
        if not text or len(text) > self.rules.max_heading_chars:
            return None
        if self.all_bold(j) or _is_caps(text) or self.is_centered(j):
            return j
        return None

    # ---- special parts and spans
    def block_text(self, i: int) -> str:
        """A paragraph's text, or the text of a table's first cell."""
        return self.facts.text(i)

    def find_signature(self, after: int | None) -> int | None:
        if after is None:
            return None
        markers = self.rules.signature_markers
        initials = {m[:1] for m in markers}
        firsts = _first_chars(frozenset(initials))
        texts = self.facts.texts
        for i in range(after + 1, len(self.blocks)):
            t = texts[i]
            if not t or t[0] not in firsts and t.lstrip()[:1] not in firsts:
                continue
            if _starts_with_phrase(t, markers) and _ends_as_label(t, markers):
                return i
        return None

    def find_signatures(self, after: int | None) -> list[int]:
        """Blocks after ``after`` (the first heading) that open a signature block: "Nơi nhận"
        (``signature_markers``), or a signing formula ("TM. ỦY BAN NHÂN DÂN") in a paragraph or
        in a small table's cell (``sections.documents``)."""
        if after is None:
            return []
        found = []
        first = self.find_signature(after)
        if first is not None:
            found.append(first)
        texts = self.facts.texts
        for i in range(after + 1, len(self.blocks)):
            if i == first:
                continue
            b = self.blocks[i]
            if b.tag == W["tbl"]:
                if _docs.is_signature_block(b, ""):
                    found.append(i)
            else:
                t = texts[i]
                if t and t.lstrip()[:1] in "TKQtkq" and _docs.is_signing_line(t):
                    found.append(i)
        found.sort()
        # a paragraph-form signature ("Nơi nhận:", its lines, "TM. ...", "CHỦ TỊCH") is one block
        out: list[int] = []
        for i in found:
            if out and i - out[-1] <= 12:
                continue
            out.append(i)
        return out

    def find_documents(self, sigs: list[int], heading_set: set[int]) -> list[tuple[int, int, str]]:
        """(first block, document-type line, name) of each document printed after a signature
        block: the first paragraph with text after it (past empty paragraphs, header tables and
        the signature's own lines, before any heading) is a document-type line."""
        out: list[tuple[int, int, str]] = []
        names: dict[str, int] = {}
        n = len(self.blocks)
        for sig in sigs:
            start = None
            for j in range(sig + 1, min(n, sig + 40)):
                if j in heading_set:
                    break
                b = self.blocks[j]
                if b.tag == W["tbl"]:
                    if start is None and j > sig + 0 and not _docs.is_signature_block(b, ""):
                        start = j  # the attached document's header frame
                    continue
                t = _text.clean(self.texts.get(j, ""))
                if not t:
                    continue
                name = _docs.document_name(t, self.rules.doc_types)
                if name is not None and (self.all_bold(j) or self.is_centered(j)):
                    count = names.get(name, 0) + 1
                    names[name] = count
                    if count > 1:
                        name = f"{name} {count}"
                    out.append((start if start is not None else j, j, name))
                    break
                if len(t) > 200:
                    break
                start = None  # a signature's own lines: the header frame must come right before
        return out

    def main_name(self, outline: Outline) -> str:
        """The main document's type as references name it ("Quyết định", "Kế hoạch")."""
        if outline.title is None:
            return ""
        for i in range(max(0, outline.title.start - 3), outline.title.start):
            name = _docs.document_name(self.texts.get(i, ""), self.rules.doc_types)
            if name:
                return name
        return ""

    def title_lines(self, type_line: int, limit: int) -> list[int]:
        """The title lines under a document-type line (centred or bold, up to an empty line,
        a rule, "(...)" or an authority line)."""
        lines: list[int] = []
        j = type_line + 1
        while j < limit and self.blocks[j].tag == W["p"]:
            t = _text.clean(self.texts.get(j, ""))
            if not t:
                if lines:
                    break
                j += 1
                continue
            if _RULE_LINE.fullmatch(t) or len(t) > 300 or not (self.all_bold(j) or self.is_centered(j)):
                break
            if t.startswith("(") and t.endswith(")"):
                if lines:
                    break
                j += 1
                continue
            if lines and _docs.is_authority_line(t):
                break
            lines.append(j)
            j += 1
        return lines

    def finish(self, outline: Outline, sections: list[Section], sig: int | None,
               cands: list[_Cand], hi: int | None = None) -> None:
        """Spans, title, preamble and closing of the main document (blocks before ``hi``)."""
        n = len(self.blocks) if hi is None else hi
        first_heading = sections[0].heading if sections else None
        # title
        limit = first_heading if first_heading is not None else min(n, 60)
        outline.title = self.find_title(min(limit, 80))
        outline.closing, outline.preamble = self.spans(outline.sections, sections, sig, n, outline.title, 0)

    def finish_document(self, sub: SubDocument, sections: list[Section], sig: int | None,
                        type_line: int) -> None:
        """Spans, title, preamble and closing of an attached document; its addresses take the
        document's name as their space."""
        first = sections[0].heading if sections else sub.end
        lines = self.title_lines(type_line, min(first, type_line + 12))
        if lines:
            sub.title = self._special_title(lines)
        sub.closing, sub.preamble = self.spans(sub.sections, sections, sig, sub.end, sub.title, type_line + 1)
        for s in sections:
            s.address = f"{sub.name}:{s.address}"
            s.space = sub.name
        for special in (sub.title, sub.preamble, sub.closing):
            if special is not None:
                special.address = f"{sub.name}:{special.address}"
                special.space = sub.name

    def spans(self, tops: list[Section], sections: list[Section], sig: int | None, n: int,
              title: Section | None, lo: int) -> tuple[Section | None, Section | None]:
        """Set every section's end (up to the next heading of its rank, the closing, the
        signature block or ``n``); return the (closing, preamble) parts."""
        first_heading = sections[0].heading if sections else None
        # closing: after the last heading before the signature block
        before_sig = [s for s in sections if sig is None or s.heading < sig]
        closing_start = None
        if before_sig:
            last = max(s.heading for s in before_sig)
            stop = sig if sig is not None else n
            for i in range(last + 1, stop):
                t = self.texts.get(i)
                if not t or self.blocks[i].tag != W["p"]:
                    continue
                if _starts_with_phrase(t, self.rules.closing_phrases):
                    closing_start = i
                    break
        barriers = sorted(x for x in (closing_start, sig) if x is not None)
        # ends
        heads = [s.heading for s in sections]

        def barrier_after(h: int) -> int:
            k = bisect_right(barriers, h)
            return barriers[k] if k < len(barriers) else n

        def set_ends(children: list[Section], limit_end: int) -> None:
            for idx, s in enumerate(children):
                nxt = children[idx + 1].heading if idx + 1 < len(children) else limit_end
                s.end = min(nxt, limit_end, barrier_after(s.heading))
                if s.start_override is not None and s.start_override > s.end:
                    s.start_override = s.end
                set_ends(s.children, s.end)

        set_ends(tops, n)
        del heads
        closing = preamble = None
        if closing_start is not None:
            end = sig if sig is not None and sig > closing_start else n
            nxt = [s.heading for s in sections if s.heading > closing_start]
            if nxt:
                end = min(end, nxt[0])
            while end > closing_start + 1 and not _text.clean(self.block_text(end - 1)):
                end -= 1  # trailing empty paragraphs belong to nobody in particular
            closing = Section(address="closing", label="", title=_text.clean(self.texts.get(closing_start, "")),
                              level=0, heading=None, end=end)
            closing.start_override = closing_start
        # preamble
        start = title.end if title is not None else lo
        stop = first_heading if first_heading is not None else (
            closing_start if closing_start is not None else (sig if sig is not None else n))
        if stop > start:
            excerpt = ""
            for i in range(start, stop):
                t = _text.clean(self.texts.get(i, "") if self.blocks[i].tag == W["p"] else "")
                if t and not _RULE_LINE.fullmatch(t):
                    excerpt = t
                    break
            if excerpt or any(self.blocks[i].tag == W["tbl"] for i in range(start, stop)):
                preamble = Section(address="preamble", label="", title=_short(excerpt, 80),
                                   level=0, heading=None, end=stop)
                preamble.start_override = start
        return closing, preamble

    def check_duplicates(self, outline: Outline) -> None:
        seen: dict[str, Section] = {}
        for s in outline.walk():
            if s.address in seen:
                self.warnings.append(Warning(
                    msg("two sections share the address {address}: blocks {first} and {second}",
                        address=s.address, first=seen[s.address].heading, second=s.heading), s.address))
            else:
                seen[s.address] = s

    def find_title(self, limit: int) -> Section | None:
        doc_types = self.rules.doc_types
        blocks = self.blocks
        for i in range(min(limit, len(blocks))):
            if blocks[i].tag != W["p"]:
                continue
            raw = self.texts.get(i, "")
            text = _text.clean(raw)
            if not text or len(text) > 200:
                continue
            f = _text.fold(text, expand=False)
            exact = next((d for d in doc_types if f == d or f.startswith(d + " du thao")
                          or f == "du thao " + d), None)
            lines: list[int] = []
            if exact:
                j = i + 1
                while j < limit and blocks[j].tag == W["p"]:
                    t = _text.clean(self.texts.get(j, ""))
                    if not t:
                        if lines:
                            break
                        j += 1
                        continue
                    if _RULE_LINE.fullmatch(t):
                        break
                    if not (self.all_bold(j) or self.is_centered(j)) or len(t) > 300:
                        break
                    if t.startswith("(") and t.endswith(")"):
                        if lines:
                            break  # "(Kèm theo ...)", "(Dự thảo)" after the title
                        j += 1  # "(Dự thảo)" between the document type and the title
                        continue
                    if lines and _docs.is_authority_line(t):
                        break  # "ỦY BAN NHÂN DÂN TỈNH ...": who enacts it, in the preamble
                    lines.append(j)
                    j += 1
                if lines:
                    return self._special_title(lines)
            else:
                head = next((d for d in doc_types if f.startswith(d + " ")), None)
                if head and head != "du thao":
                    first_word = text.split(" ")[0]
                    if (self.all_bold(i) or self.is_centered(i)) and first_word.isupper():
                        return self._special_title([i])
        # Title style
        lines = []
        for i in range(min(limit, len(blocks))):
            if blocks[i].tag != W["p"]:
                if lines:
                    break
                continue
            style = self.style_of(i)
            name = (style.name if style is not None else "").lower()
            if name == "title" and _text.clean(self.texts.get(i, "")):
                lines.append(i)
            elif lines:
                break
        if lines:
            return self._special_title(lines)
        return None

    def _special_title(self, lines: list[int]) -> Section:
        title = _text.clean(" ".join(self.texts.get(j, "") for j in lines))
        s = Section(address="title", label="", title=title, level=0, heading=None, end=lines[-1] + 1)
        s.start_override = lines[0]
        return s


_NON_WORD = re.compile(r"[^a-z0-9]+")
_RULE_LINE = re.compile(r"[-_=.*~\u2013\u2014\s]{3,}")  # "-------" under a title


def _ends_as_label(text: str, phrases) -> bool:
    """The phrase is a label ("Nơi nhận:" or the phrase alone on its line), not the first
    words of a sentence ("Nối nhận hồ sơ ..." folds alike but goes on)."""
    first_line = _text.clean(text.split("\n", 1)[0])
    for phrase in phrases:
        words = len(phrase.split())
        if re.match(r"\W*" + r"\w+\W+" * (words - 1) + r"\w+\s*(?::|$)", first_line):
            return True
    return False


def _starts_with_phrase(text: str, phrases) -> bool:
    """Does ``text`` start with one of the folded ``phrases`` ("noi nhan", "tren day la")?"""
    head = _NON_WORD.sub(" ", key_text(unicodedata.normalize("NFC", text[:60]))).strip()
    return any(head == ph or head.startswith(ph + " ") for ph in phrases)


@functools.lru_cache(maxsize=16)
def _first_chars(initials: frozenset) -> frozenset:
    """Characters whose key (no case, no diacritics) is one of ``initials``."""
    return frozenset(chr(cp) for cp in range(0x20, 0x2000) if key_text(chr(cp)) in initials)


def _ordinal(v) -> int | None:
    if isinstance(v, int):
        return v
    if isinstance(v, str) and len(v) == 1:
        lv = letter_value(v)
        return lv
    return None


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


from .tables import list_tables  # noqa: E402  (they read the builder's facts)
from .titleblock import title_block_parts  # noqa: E402


def build(doc: Any, rules: HeadingRules | None = None) -> Outline:
    """The section tree of ``doc`` (a python-docx Document).  See the module docstring."""
    return _Builder(doc, rules or HeadingRules()).build()


__all__ = ["build", "HeadingRules", "parse_label", "label_of_number", "roman_value",
           "norm_component", "key_text", "LETTERS", "ORDINALS"]

