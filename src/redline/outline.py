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
2. **Word automatic numbering** (``redline.numbering``) on a heading-like paragraph: the
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
   or the label itself bold, or the text in capitals — and the paragraph at most
   ``max_heading_chars`` long and not ending with ";" or "," (list items do).
   ``require_bold=False`` drops the cue requirement.
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
components beyond its parent's own: "6.2." under "6." under "II." -> "II.6.2"; "a)" under
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

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from . import text as _text
from .errors import Warning
from .model import Outline, Section
from .numbering import NumInfo, StyleInfo, StyleSheet, compute_numbering, load_styles, to_roman
from .ooxml import DELETED_CONTAINERS, RUN_CONTAINERS, W, iter_blocks, paragraph_text, qn, run_text

# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------

DOC_TYPES = ("bao cao", "quyet dinh", "to trinh", "ke hoach", "nghi quyet", "nghi dinh",
             "thong tu", "chi thi", "de an", "huong dan", "thong bao", "chuong trinh", "luat",
             "phap lenh", "cong van", "quy che", "quy dinh", "dieu le", "du thao", "report")
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
# Numbers and labels (shared with redline.resolve)
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


def nfc_with_map(raw: str) -> tuple[str, list[int]]:
    """NFC of ``raw`` and, for each NFC character, the raw index just after it."""
    if unicodedata.is_normalized("NFC", raw):
        return raw, list(range(1, len(raw) + 1))
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
_NUM_ALT = rf"(?:thu\s+(?:{_VN_ALT})(?![a-z])|(?:{_EN_ALT})(?![a-z])|[ivxlcdm]{{1,7}}(?![a-z0-9])|\d{{1,3}}(?:\.\d{{1,3}})*[a-z]?(?![\d])|[a-z](?![a-z0-9]))"


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
            best = Label("kw", kind, _text.clean(number_orig), comps, display, rank=rank)
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
                comps = [int(p) for p in number_orig.split(".")]
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
            best = Label(shape, None, number_orig, comps, display, rank=rank)
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
        comps = [int(p) for p in bare.split(".")]
        return Label("dec", None, bare, comps, t, 0, 20 + 10 * len(comps))
    if roman_value(bare) is not None:
        return Label("roman", None, bare, [roman_value(bare)], t, 0, RANK_ROMAN)
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


def run_segments(p: etree._Element, styles: StyleSheet, para_bold: bool) -> list[tuple[str, bool]]:
    """(text, bold) for each run of the paragraph's current view."""
    out: list[tuple[str, bool]] = []

    def visit(el):
        for c in el:
            tag = c.tag
            if tag == W["r"]:
                text = run_text(c)
                if not text:
                    continue
                bold = para_bold
                rpr = c.find(W["rPr"])
                if rpr is not None:
                    rs = rpr.find(_RSTYLE)
                    if rs is not None:
                        cs = styles.get(rs.get(_VAL))
                        if cs is not None and cs.bold is not None:
                            bold = cs.bold
                    b = _on(rpr.find(_B))
                    if b is not None:
                        bold = b
                out.append((text, bold))
            elif tag in DELETED_CONTAINERS:
                continue
            elif tag in RUN_CONTAINERS:
                visit(c)

    visit(p)
    return out


def _bold_stats(segments: list[tuple[str, bool]], label_chars: int) -> tuple[bool, bool]:
    """(whole paragraph bold, label bold) ignoring whitespace."""
    any_text = False
    all_bold = True
    label_bold = True
    pos = 0
    label_seen = False
    for text, bold in segments:
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


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(not c.islower() for c in letters)


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


_PREFILTER = re.compile(r"[\s\u00a0\u200b\ufeff]*(?:\d|[A-Za-zĐđ][.)/]|[IVXL]|[PpCcMmĐđDdSsAa])")


class _Builder:
    def __init__(self, doc: Any, rules: HeadingRules):
        self.doc = doc
        self.rules = rules
        self.blocks: list[etree._Element] = list(iter_blocks(doc.element.body))
        self.styles = load_styles(doc)
        self.numinfo: dict[int, NumInfo] = (
            compute_numbering(doc, self.blocks, self.styles) if rules.use_numbering else {})
        self.texts: dict[int, str] = {}
        self.warnings: list[Warning] = []
        self.extra_heading_styles = {k.lower(): v for k, v in rules.heading_styles.items()}

    # ---- per paragraph
    def style_of(self, p: etree._Element) -> tuple[StyleInfo | None, etree._Element | None]:
        ppr = p.find(W["pPr"])
        sid = None
        if ppr is not None:
            ps = ppr.find(W["pStyle"])
            if ps is not None:
                sid = ps.get(_VAL)
        return self.styles.get(sid), ppr

    def ignored_style(self, style: StyleInfo | None) -> bool:
        if style is None:
            return False
        name = (style.name or style.style_id).lower()
        return any(name.startswith(prefix) for prefix in self.rules.ignore_styles)

    def para_bold(self, style: StyleInfo | None) -> bool:
        if style is not None and style.bold is not None:
            return style.bold
        return self.styles.default_bold

    def is_centered(self, style, ppr) -> bool:
        jc = None
        if ppr is not None:
            el = ppr.find(W["jc"])
            if el is not None:
                jc = el.get(_VAL)
        if jc is None and style is not None:
            jc = style.jc
        return jc == "center"

    def candidates(self) -> list[_Cand]:
        rules = self.rules
        out: list[_Cand] = []
        p_tag = W["p"]
        seen_dieu = False
        for i, b in enumerate(self.blocks):
            if b.tag != p_tag:
                continue
            raw = paragraph_text(b, "current")
            self.texts[i] = raw
            if not raw or raw.isspace():
                continue
            style, ppr = self.style_of(b)
            if self.ignored_style(style):
                continue
            ol = None
            if rules.use_styles:
                if ppr is not None:
                    el = ppr.find(W["outlineLvl"])
                    if el is not None:
                        try:
                            v = int(el.get(_VAL))
                            ol = v if 0 <= v <= 8 else -1
                        except (TypeError, ValueError):
                            pass
                if ol is None and style is not None:
                    ol = style.outline_lvl
                if ol == -1:
                    ol = None
                if style is not None and self.extra_heading_styles:
                    lvl = (self.extra_heading_styles.get(style.name.lower())
                           or self.extra_heading_styles.get(style.style_id.lower()))
                    if lvl:
                        ol = lvl - 1
            num = self.numinfo.get(i)
            if num is not None and (num.is_bullet or not num.label.strip()):
                num = None
            label = None
            if num is not None:
                label = label_of_number(num.label)
                if label is None:
                    num = None
            if label is None and rules.use_typed_labels and _PREFILTER.match(raw):
                label = parse_label(raw, rules.extra_keywords or None)
            if ol is None and label is None:
                continue
            text = _text.clean(raw)
            if label is not None and label.kind in LEGAL_KINDS:
                seen_dieu = True
            if ol is not None:
                title = _text.clean(raw[label.chars:]) if label is not None else text
                out.append(_Cand(i, text, raw, label, num, ol, True, True, False, title))
                continue
            # weak: numbering or typed label, needs a cue (or is a legal clause)
            segs = run_segments(b, self.styles, self.para_bold(style))
            all_bold, label_bold = _bold_stats(segs, label.chars)
            if num is not None and num.bold:
                label_bold = True
            body = _text.clean(raw[label.chars:])
            caps = _is_caps(body) or (style is not None and bool(style.caps))
            short = len(text) <= rules.max_heading_chars
            listy = text.endswith((";", ",")) or text.endswith(":") and len(text) > 120
            cue = short and not listy and (all_bold or label_bold or caps or not rules.require_bold)
            if num is not None:  # Word list: only whole-bold / capitals make a heading
                cue = short and not listy and (all_bold or caps or (num.bold is True and label_bold)
                                               or not rules.require_bold)
            clause = (rules.legal_clauses and seen_dieu and label.shape in ("dec", "letter")
                      and (label.shape == "letter" or len(label.comps) == 1))
            if cue or clause:
                out.append(_Cand(i, text, raw, label, num, None, False, cue, clause, body))
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
        rules = self.rules
        cands = self.candidates()
        ranks = self.style_ranks(cands)
        sig = self.find_signature(cands[0].index if cands else None)
        stack: list[_Node] = []
        tops: list[Section] = []
        heading_set = {c.index for c in cands}
        accepted: list[tuple[Section, _Node]] = []
        reset_done = False
        for c in cands:
            if sig is not None and c.index > sig and not reset_done:
                stack.clear()
                reset_done = True
            in_dieu = any(n.section.kind in LEGAL_KINDS for n in stack)
            label = c.label
            kind = label.kind if label is not None else None
            weak = not c.strong
            if c.strong:
                rank = ranks[c.outline_level]
            elif c.clause and in_dieu:
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
        outline = Outline(blocks=self.blocks, sections=tops, warnings=self.warnings)
        outline._texts = self.texts  # paragraphs' current text, already read
        self.finish(outline, [s for s, _ in accepted], sig, cands)
        return outline

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
                    f"'{label.display}' starts a new level without 1/a before it", f"block {c.index}"))
                return True
            return False
        prev_last = prev._comps[-1] if getattr(prev, "_comps", None) else None  # type: ignore[attr-defined]
        a, b = _ordinal(prev_last), _ordinal(last)
        if a is None or b is None:
            return True
        if b <= a:
            if self._all_bold(c) and not c.clause:
                self.warnings.append(Warning(
                    f"'{_short(c.text)}' looks like a heading but does not continue "
                    f"'{prev.label}' (treated as body text)", f"block {c.index}"))
            return False
        if b > a + 1:
            self.warnings.append(Warning(
                f"numbering gap: '{label.display}' follows '{prev.label}'", f"block {c.index}"))
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
                f"numbering gap: '{label.display}' follows '{prev.label}'", f"block {c.index}"))

    def _all_bold(self, c: _Cand) -> bool:
        p = self.blocks[c.index]
        style, _ = self.style_of(p)
        all_bold, _ = _bold_stats(run_segments(p, self.styles, self.para_bold(style)), 0)
        return all_bold

    def make_section(self, c: _Cand, label: Label | None, kind: str | None, parent: _Node | None,
                     siblings: list[Section], heading_set: set[int]) -> Section:
        if label is not None:
            comps = list(label.comps)
            rel = comps
            if parent is not None:
                pc = parent.comps
                if pc and len(comps) > len(pc) and comps[:len(pc)] == pc:
                    rel = comps[len(pc):]
                parts = [format_component(v) for v in rel]
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
        return section

    def title_line_after(self, index: int, heading_set: set[int]) -> int | None:
        j = index + 1
        if j >= len(self.blocks) or j in heading_set or self.blocks[j].tag != W["p"]:
            return None
        raw = self.texts.get(j, "")
        text = _text.clean(raw)
        if not text or len(text) > self.rules.max_heading_chars:
            return None
        p = self.blocks[j]
        style, ppr = self.style_of(p)
        all_bold, _ = _bold_stats(run_segments(p, self.styles, self.para_bold(style)), 0)
        if all_bold or _is_caps(text) or self.is_centered(style, ppr):
            return j
        return None

    # ---- special parts and spans
    def block_text(self, i: int) -> str:
        b = self.blocks[i]
        return self.texts.get(i, "") if b.tag == W["p"] else self.first_text(b)

    def first_text(self, block: etree._Element) -> str:
        if block.tag == W["p"]:
            return paragraph_text(block)
        for p in block.iter(W["p"]):
            t = paragraph_text(p)
            if t.strip():
                return t
        return ""

    def find_signature(self, after: int | None) -> int | None:
        if after is None:
            return None
        markers = self.rules.signature_markers
        for i in range(after + 1, len(self.blocks)):
            b = self.blocks[i]
            t = self.texts.get(i) if b.tag == W["p"] else self.first_text(b)
            if not t:
                continue
            s = t.lstrip()[:40]
            if s[:1] not in "NnKkTt":
                continue
            f = _text.fold(s, expand=False)
            if any(f.startswith(m) for m in markers):
                return i
        return None

    def finish(self, outline: Outline, sections: list[Section], sig: int | None,
               cands: list[_Cand]) -> None:
        n = len(self.blocks)
        first_heading = sections[0].heading if sections else None
        # title
        limit = first_heading if first_heading is not None else min(n, 60)
        outline.title = self.find_title(min(limit, 80))
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
                s = t.lstrip()[:40]
                if s[:1] not in "TtNn":
                    continue
                f = _text.fold(s, expand=False)
                if any(f.startswith(ph) for ph in self.rules.closing_phrases):
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

        set_ends(outline.sections, n)
        del heads
        if closing_start is not None:
            end = sig if sig is not None and sig > closing_start else n
            nxt = [s.heading for s in sections if s.heading > closing_start]
            if nxt:
                end = min(end, nxt[0])
            while end > closing_start + 1 and not _text.clean(self.block_text(end - 1)):
                end -= 1  # trailing empty paragraphs belong to nobody in particular
            outline.closing = Section(address="closing", label="", title=_text.clean(self.texts.get(closing_start, "")),
                                      level=0, heading=None, end=end)
            outline.closing.start_override = closing_start
        # preamble
        start = outline.title.end if outline.title is not None else 0
        stop = first_heading if first_heading is not None else (
            closing_start if closing_start is not None else (sig if sig is not None else n))
        if stop > start:
            excerpt = ""
            for i in range(start, stop):
                t = _text.clean(self.texts.get(i, "") if self.blocks[i].tag == W["p"] else "")
                if t:
                    excerpt = t
                    break
            if excerpt or any(self.blocks[i].tag == W["tbl"] for i in range(start, stop)):
                outline.preamble = Section(address="preamble", label="", title=_short(excerpt, 80),
                                           level=0, heading=None, end=stop)
                outline.preamble.start_override = start
        # duplicates
        seen: dict[str, Section] = {}
        for s in outline.walk():
            if s.address in seen:
                self.warnings.append(Warning(
                    f"two sections share the address {s.address}: blocks {seen[s.address].heading} "
                    f"and {s.heading}", s.address))
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
                    if re.fullmatch(r"[-_=.*~\u2013\u2014\s]{3,}", t):
                        break
                    style, ppr = self.style_of(blocks[j])
                    all_bold, _ = _bold_stats(run_segments(blocks[j], self.styles, self.para_bold(style)), 0)
                    if not (all_bold or self.is_centered(style, ppr)) or len(t) > 300:
                        break
                    if t.startswith("(") and t.endswith(")") and lines:
                        break  # "(Dự thảo)", "(Kèm theo ...)" after the title
                    lines.append(j)
                    j += 1
                if lines:
                    return self._special_title(lines)
            else:
                head = next((d for d in doc_types if f.startswith(d + " ")), None)
                if head and head != "du thao":
                    style, ppr = self.style_of(blocks[i])
                    all_bold, _ = _bold_stats(run_segments(blocks[i], self.styles, self.para_bold(style)), 0)
                    first_word = text.split(" ")[0]
                    if (all_bold or self.is_centered(style, ppr)) and first_word.isupper():
                        return self._special_title([i])
        # Title style
        lines = []
        for i in range(min(limit, len(blocks))):
            if blocks[i].tag != W["p"]:
                if lines:
                    break
                continue
            style, _ = self.style_of(blocks[i])
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


def _ordinal(v) -> int | None:
    if isinstance(v, int):
        return v
    if isinstance(v, str) and len(v) == 1:
        lv = letter_value(v)
        return lv
    return None


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def build(doc: Any, rules: HeadingRules | None = None) -> Outline:
    """The section tree of ``doc`` (a python-docx Document).  See the module docstring."""
    return _Builder(doc, rules or HeadingRules()).build()


__all__ = ["build", "HeadingRules", "parse_label", "label_of_number", "roman_value",
           "norm_component", "key_text", "LETTERS", "ORDINALS"]


class _CallableModule(type(__import__("sys"))):
    """``redline.outline`` is both this module and the public function ``redline.outline(path)``
    (importing the submodule replaces the package attribute): calling the module calls the
    function, so both keep working whichever was touched first."""

    def __call__(self, *args, **kwargs):
        from .api import outline as _api_outline

        return _api_outline(*args, **kwargs)


__import__("sys").modules[__name__].__class__ = _CallableModule
