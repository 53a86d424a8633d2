"""Text normalisation shared by every stage: one place decides when two strings are "the same".

Three strengths:
- ``clean``: what a person sees (NFC, odd spaces to plain spaces, invisible characters
  dropped, runs of spaces collapsed).  Used to compare whole texts.
- ``fold``: for matching headings and references: ``clean`` plus case, diacritics
  (đ -> d), quotes and dashes unified, punctuation dropped, common Vietnamese
  administrative abbreviations expanded.  "CCHC" and "Cải cách hành chính" fold alike.
- ``VISIBLE_MAP``: per-character mapping used by the matcher that must keep a map back
  to the original characters (see ``redline.match``).
"""
from __future__ import annotations

import re
import unicodedata

# Characters that display as a space.
SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t"
# Characters that display as nothing.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
QUOTES = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
}
DASHES = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"}
BULLET_MARKERS = ("-", "\u2013", "\u2014", "\u2022", "+", "\u25cf", "\u25aa", "\uf0b7", "*")

_WS = re.compile(r"\s+")
_SPACE_TABLE = {ord(c): " " for c in SPACES}
_SPACE_TABLE.update({ord(c): None for c in INVISIBLE})

# Abbreviations that Vietnamese administrative texts use interchangeably with the words.
ABBREVIATIONS = {
    "cchc": "cai cach hanh chinh",
    "tthc": "thu tuc hanh chinh",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "qppl": "quy pham phap luat",
    "cntt": "cong nghe thong tin",
    "cqdt": "chinh quyen dien tu",
    "cpdt": "chinh phu dien tu",
    "dvc": "dich vu cong",
    "dvctt": "dich vu cong truc tuyen",
    "cbccvc": "can bo cong chuc vien chuc",
    "cbcc": "can bo cong chuc",
    "kt-xh": "kinh te xa hoi",
    "ktxh": "kinh te xa hoi",
    "tw": "trung uong",
    "nn": "nha nuoc",
    "csdl": "co so du lieu",
    "cds": "chuyen doi so",
    "ttdt": "thong tin dien tu",
    "mttq": "mat tran to quoc",
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """What a reader sees: NFC, exotic spaces as plain spaces, invisibles dropped, spaces collapsed."""
    return _WS.sub(" ", nfc(text).translate(_SPACE_TABLE)).strip()


class _BareTable(dict):
    """``str.translate`` table: a character -> itself decomposed (NFD) without its
    combining marks; đ/Đ -> d/D.  Filled on first sight of each character, so folding
    is one C-level pass per string instead of a Python loop over its characters.

    Per character is the same as per string: NFD decomposes each character on its own
    and only reorders runs of combining marks, which are all dropped."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        bare = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        self[code] = bare
        return bare


_BARE = _BareTable({ord("đ"): "d", ord("Đ"): "D"})


def strip_diacritics(text: str) -> str:
    if text.isascii():
        return text  # nothing to decompose or strip
    return text.translate(_BARE)


_PUNCT = re.compile(r"[^\w\s-]+")
_QUOTE_DASH_TABLE = str.maketrans({**QUOTES, **DASHES})


def fold(text: str, *, expand: bool = True) -> str:
    """Key for loose matching: no case, no diacritics, no punctuation, abbreviations expanded."""
    t = strip_diacritics(clean(text)).casefold()
    t = t.translate(_QUOTE_DASH_TABLE)
    t = _PUNCT.sub(" ", t)
    t = t.replace(" - ", " ").replace("-", " ") if not expand else t
    words = []
    for word in t.split():
        w = word.strip("-")
        if not w:
            continue
        if expand and w in ABBREVIATIONS:
            words.append(ABBREVIATIONS[w])
        else:
            words.extend(p for p in w.split("-") if p)
    return " ".join(words)


def words_kept(old: str, new: str) -> float:
    """The share of ``old``'s words (folded, each counted once) that ``new`` still has: 1.0 when
    every one is there, in any order; 0.0 when none is, or ``old`` has no words.  How a letter's
    new words are told to be the current text written anew (letters.source, letters.firewall)."""
    was = set(fold(old).split())
    return len(was & set(fold(new).split())) / len(was) if was else 0.0


def unquote(text: str) -> str:
    """Strip one layer of quotes of any style (and surrounding spaces) from both ends."""
    t = text.strip()
    opening = "\"'\u201c\u201d\u201e\u00ab\u2018\u2019\u201a"
    closing = "\"'\u201c\u201d\u00bb\u2019\u2018"
    while len(t) >= 1 and t[0] in opening:
        t = t[1:].lstrip()
    while len(t) >= 1 and t[-1] in closing:
        t = t[:-1].rstrip()
    return t


def is_bullet(text: str) -> bool:
    """True when the paragraph text starts with a typed bullet marker ("- ", "• ", "+ ")."""
    t = clean(text)
    return bool(t) and t[0] in BULLET_MARKERS and (len(t) == 1 or t[1] == " ")


# Characters XML 1.0 cannot hold: C0 controls but tab, newline and CR; lone surrogates; U+FFFE/F.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PAGE_BREAKS = {"\x0b": "\n", "\x0c": "\n"}  # a vertical tab or form feed in text from a PDF or a .txt


def xml_safe(text: str) -> str:
    """``text`` with what XML cannot hold taken out: a form feed or vertical tab (a page or
    line break in plain text) becomes a newline, any other such character is dropped.  For
    text that arrives as prose (a letter), where refusing the whole file over one stray
    control character would help nobody; an edits file is refused instead, by field."""
    if not NOT_XML.search(text):
        return text
    return NOT_XML.sub(lambda m: _PAGE_BREAKS.get(m.group(), ""), text)
