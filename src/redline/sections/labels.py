"""Numbers and labels: the typed number at the start of a heading ("II.", "6.2.", "a)", "PHẦN
THỨ HAI", "Chương I", "Điều 5."), Word's numbering labels read the same way, and the folded
text both are matched on.

``parse_label(raw)`` reads the label at the start of a paragraph's current text into a
``Label``: its shape ("kw" keyword, "roman", "upper" letter, "dec" decimal, "letter"), its
number components normalised for comparison ([6, 2], [2], ["a"]), its display and the raw
characters it takes (with the separator after it), and its rank (see ``outline``'s
docstring: PHẦN/Chương 10 ... lower-case letter 75).  ``label_of_number`` does the same for
the label Word's numbering draws.  ``sections.references`` reads references with the same
numbers, ordinals and folding (``key_text``), so a heading and a reference to it agree.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from .. import text as _text

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
RANK_ARTICLE_UPPER, RANK_ARTICLE_ROMAN = 31, 32  # "A." / "I." parts inside an Điều's content
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



def ordinal(v) -> int | None:
    """A number component's place in its sequence: 3 for 3, 2 for "b"; None otherwise."""
    if isinstance(v, int):
        return v
    if isinstance(v, str) and len(v) == 1:
        return letter_value(v)
    return None


# --------------------------------------------------------------------------------------------
# Phrases ("Nơi nhận:", "Trên đây là ...") matched on folded text
# --------------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^a-z0-9]+")


def ends_as_label(text: str, phrases) -> bool:
    """The phrase is a label ("Nơi nhận:" or the phrase alone on its line), not the first
    words of a sentence ("Nối nhận hồ sơ ..." folds alike but goes on)."""
    first_line = _text.clean(text.split("\n", 1)[0])
    for phrase in phrases:
        words = len(phrase.split())
        if re.match(r"\W*" + r"\w+\W+" * (words - 1) + r"\w+\s*(?::|$)", first_line):
            return True
    return False


def starts_with_phrase(text: str, phrases) -> bool:
    """Does ``text`` start with one of the folded ``phrases`` ("noi nhan", "tren day la")?"""
    head = _NON_WORD.sub(" ", key_text(unicodedata.normalize("NFC", text[:60]))).strip()
    return any(head == ph or head.startswith(ph + " ") for ph in phrases)


@functools.lru_cache(maxsize=16)
def first_chars(initials: frozenset) -> frozenset:
    """Characters whose key (no case, no diacritics) is one of ``initials``."""
    return frozenset(chr(cp) for cp in range(0x20, 0x2000) if key_text(chr(cp)) in initials)


def shorten(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
