"""Finding text as it really is in a .docx: split over runs, in NFD, with non-breaking
spaces, tabs, soft hyphens, zero-width spaces and any quote style.

``ParagraphText`` reads a paragraph's displayed characters (the current view: existing
insertions shown, deletions hidden) and remembers which run holds each one.
``NormalView`` is a normalised copy of that text with a map back to the original
character offsets, so a match found in the normalised text becomes a revision that
covers exactly the original characters.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from lxml import etree

from .ooxml import DELETED_CONTAINERS, MATH_ZONES, RUN_CONTAINERS, W
from .text import DASHES, INVISIBLE, QUOTES, SPACES


@dataclass
class Piece:
    """A stretch of displayed text held by one child element of one run."""

    run: etree._Element
    child: etree._Element  # w:t, w:tab, w:br, w:noBreakHyphen ...
    start: int  # offset of the first character in the paragraph text
    text: str


# What each child of a run displays: w:t its text, the others one fixed character.
_T = W["t"]
_FIXED_TEXT = {W["tab"]: "\t", W["br"]: "\n", W["cr"]: "\n", W["noBreakHyphen"]: "\u2011",
               W["softHyphen"]: "\u00ad"}


class ParagraphText:
    """The displayed text of a paragraph and, for each stretch, the run that holds it."""

    def __init__(self, p: etree._Element):
        self.p = p
        self.pieces: list[Piece] = []
        parts: list[str] = []
        pos = 0
        for run in current_runs(p):
            for child in run:
                tag = child.tag
                s = (child.text or "") if tag == _T else _FIXED_TEXT.get(tag)
                if s:
                    self.pieces.append(Piece(run, child, pos, s))
                    parts.append(s)
                    pos += len(s)
        self.text = "".join(parts)

    def run_at(self, offset: int) -> etree._Element | None:
        """The run holding character ``offset`` (None past the end)."""
        i = self.index_at(offset)
        return self.pieces[i].run if i is not None else None

    # -- a map kept valid while the paragraph is split (revise: many changes, one map) --
    #
    # The pieces are contiguous and in order, so a piece is found by bisection on their
    # starts.  ``markup.split_at`` tells the map what it split (``split_piece``), and a
    # caller that changes the text from the last offset to the first drops what lies at
    # and after each change's start (``truncate``): what comes after is never looked at
    # again.  So k changes to one paragraph cost one reading of it plus O(k log k), not k
    # readings (issue 13: 2,000 hits in one paragraph took 34 s).

    def index_at(self, offset: int) -> int | None:
        """The index of the piece holding character ``offset``, or None."""
        i = bisect_right(self._starts(), offset) - 1
        if i >= 0 and offset < self.pieces[i].start + len(self.pieces[i].text):
            return i
        return None

    def first_from(self, offset: int) -> int:
        """The index of the first piece starting at or after ``offset`` (len when none)."""
        return bisect_left(self._starts(), offset)

    def split_piece(self, i: int, offset: int, new_run: etree._Element, tail: etree._Element | None) -> None:
        """Piece ``i``'s run was split at ``offset`` into ``new_run``: the text from there on,
        in ``tail`` (the new child holding the rest of piece ``i``'s text; None when the
        split fell at the piece's start and moved its child whole), and every later child
        of the old run moved to ``new_run``."""
        pieces, old = self.pieces, self.pieces[i].run
        if tail is not None:
            piece = pieces[i]
            k = offset - piece.start
            pieces.insert(i + 1, Piece(new_run, tail, offset, piece.text[k:]))
            piece.text = piece.text[:k]
            self._starts().insert(i + 1, offset)
            j = i + 2
        else:
            j = i
        while j < len(pieces) and pieces[j].run is old:
            pieces[j].run = new_run
            j += 1

    def truncate(self, offset: int) -> None:
        """Forget the pieces at and after ``offset`` (a change there was made)."""
        i = self.first_from(offset)
        del self.pieces[i:]
        del self._starts()[i:]

    def _starts(self) -> list[int]:
        starts = self.__dict__.get("starts")
        if starts is None:
            starts = self.__dict__["starts"] = [piece.start for piece in self.pieces]
        return starts


def displayed_text(p: etree._Element) -> str:
    """``ParagraphText(p).text`` without recording the pieces: the planner reads the text
    of tens of thousands of paragraphs and needs the runs of none of them."""
    parts = []
    for run in current_runs(p):
        for child in run:
            tag = child.tag
            s = (child.text or "") if tag == _T else _FIXED_TEXT.get(tag)
            if s:
                parts.append(s)
    return "".join(parts)


def current_runs(el: etree._Element):
    """Runs displayed in the current view, in order (not inside w:del / w:moveFrom)."""
    for c in el:
        tag = c.tag
        if tag == W["r"]:
            yield c
        elif tag in DELETED_CONTAINERS:
            continue
        elif tag in RUN_CONTAINERS:
            yield from current_runs(c)


def current_content(el: etree._Element):
    """What deleting ``el``'s displayed content wraps in w:del, in order: the runs of the
    current view and its equations (``MATH_ZONES``, each deleted whole: its m:r are not runs)."""
    for c in el:
        tag = c.tag
        if tag == W["r"] or tag in MATH_ZONES:
            yield c
        elif tag in DELETED_CONTAINERS:
            continue
        elif tag in RUN_CONTAINERS:
            yield from current_content(c)


# ----------------------------------------------------------------------------- normalised view

_SPACE_CHARS = set(SPACES) | {" ", "\n", "\r"}
_DROP = set(INVISIBLE)
_MAP = {**QUOTES, **DASHES, "\u2011": "-"}


@dataclass
class NormalView:
    """Normalised text plus, for each of its characters, the original span it came from."""

    text: str
    starts: list[int] | range
    ends: list[int] | range

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


_SPECIAL = re.compile("[" + re.escape("".join(_SPACE_CHARS - {" "}) + "".join(_DROP) + "".join(_MAP)) + "]|  ")


_SPACES_ONLY = re.compile("[" + re.escape("".join(_SPACE_CHARS - {" "})) + "]|  ")


def normal_view(raw: str, *, fold_case: bool = False, unify: bool = True) -> NormalView:
    """NFC by grapheme cluster, spaces of every kind as one space, invisibles dropped,
    quotes and dashes unified; optionally lower-cased.  ``unify=False`` keeps invisibles,
    quotes and dashes as they are (compare: a changed quote style is a change)."""
    drop, mapping = (_DROP, _MAP) if unify else ((), {})
    if not (_SPECIAL if unify else _SPACES_ONLY).search(raw) and unicodedata.is_normalized("NFC", raw):
        text = raw.lower() if fold_case else raw
        if len(text) == len(raw):  # already normal: the identity map, without a per-character loop
            return NormalView(text, range(len(raw)), range(1, len(raw) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(raw)
    while i < n:
        ch = raw[i]
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        if ch in drop:
            i = j
            continue
        if ch in _SPACE_CHARS:
            if out and out[-1] == " ":
                ends[-1] = j
            else:
                out.append(" ")
                starts.append(i)
                ends.append(j)
            i = j
            continue
        cluster = unicodedata.normalize("NFC", raw[i:j])
        cluster = "".join(mapping.get(c, c) for c in cluster)
        if fold_case:
            cluster = cluster.lower()
        for c in cluster:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    return NormalView("".join(out), starts, ends)


def normalize(text: str, *, fold_case: bool = False) -> str:
    return normal_view(text, fold_case=fold_case).text.strip()


def find_all(raw: str, needle: str, *, case_sensitive: bool = True, exclude: list[str] | None = None,
             view: NormalView | None = None) -> tuple[list[tuple[int, int]], int]:
    """Occurrences of ``needle`` in ``raw`` as original (start, end) spans, whole words only.

    Returns (spans kept, number of hits hidden by ``exclude`` contexts)."""
    return Finder(needle, case_sensitive=case_sensitive, exclude=exclude).find(raw, view=view, quick=False)


def _find_in_view(view: NormalView, target: str, contexts: list[str]) -> tuple[list[tuple[int, int]], int]:
    hay = view.text
    hidden_ranges = [(m, m + len(c)) for c in contexts for m in _iter_find(hay, c)]
    spans, hidden = [], 0
    s = hay.find(target)
    while s >= 0:
        e = s + len(target)
        if not _word_bounded(hay, s, e, target):
            s = hay.find(target, s + 1)  # a rejected hit must not hide an overlapping whole-word one
            continue
        if any(hs <= s and e <= he for hs, he in hidden_ranges):
            hidden += 1
        else:
            spans.append(view.original_span(s, e))
        s = hay.find(target, e)
    return spans, hidden


_INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")
_WORDS = re.compile(r"\w+")


def quick_text(raw: str) -> str:
    """NFC, lower case, invisibles dropped: enough to rule a paragraph out quickly."""
    t = unicodedata.normalize("NFC", raw).lower()
    return _INVISIBLE_RE.sub("", t) if _INVISIBLE_RE.search(t) else t


class Finder:
    """Finding one phrase in many paragraphs: the phrase and the excluded phrases are
    normalised once, and a paragraph that lacks one of the phrase's words (checked on a
    cheap NFC + lower-case copy, ``quick_text``) is skipped without building its
    normalised view.  A document-wide replace_text on 200,000 paragraphs depends on it."""

    def __init__(self, needle: str, *, case_sensitive: bool = True, exclude: list[str] | None = None):
        self.fold = not case_sensitive
        self.target = normalize(needle, fold_case=self.fold)
        self.contexts = [c for c in (normalize(x, fold_case=self.fold) for x in exclude or []) if c]
        # longest first: a long word rules most paragraphs out at the first test; stock words
        # ("kế hoạch", "số") alone let thousands through
        self.words = sorted(dict.fromkeys(_WORDS.findall(normalize(needle, fold_case=True))), key=len, reverse=True)
        self.key = self.words[0] if self.words else ""

    def may_contain(self, raw: str) -> bool:
        return self.may_contain_quick(quick_text(raw))

    def may_contain_quick(self, quick: str) -> bool:
        """``may_contain`` on an already computed ``quick_text``."""
        return all(w in quick for w in self.words)

    def find_indexed(self, view: NormalView, index: dict[str, list[int]]) -> tuple[list[tuple[int, int]], int] | None:
        """``find`` on a paragraph with a word index (``word_index``): only where the phrase's
        first word starts, which is every place a whole-word match can begin (its first
        character is a letter or digit, so the character before it is not one).  None when the
        phrase starts otherwise (then ``find`` it).  The same hits, in the same order."""
        first = _ALNUM_RUN.match(self.target)
        if first is None or first.start() != 0:
            return None
        hay, target = view.text, self.target
        hidden_ranges = [(m, m + len(c)) for c in self.contexts for m in _iter_find(hay, c)]
        spans: list[tuple[int, int]] = []
        hidden = 0
        last = 0
        for s in index.get(first.group(), ()):
            if s < last:
                continue
            e = s + len(target)
            if not hay.startswith(target, s) or not _word_bounded(hay, s, e, target):
                continue
            if any(hs <= s and e <= he for hs, he in hidden_ranges):
                hidden += 1
            else:
                spans.append(view.original_span(s, e))
            last = e
        return spans, hidden

    def find(self, raw: str, *, view: NormalView | None = None, quick: bool = True) -> tuple[list[tuple[int, int]], int]:
        if not self.target or (quick and not self.may_contain(raw)):
            return [], 0
        return _find_in_view(view or normal_view(raw, fold_case=self.fold), self.target, self.contexts)


_ALNUM_RUN = re.compile(r"[^\W_]+")


def word_index(view: NormalView) -> dict[str, list[int]]:
    """Where each word (a maximal run of letters and digits) starts in ``view.text``."""
    index: dict[str, list[int]] = {}
    for m in _ALNUM_RUN.finditer(view.text):
        index.setdefault(m.group(), []).append(m.start())
    return index


def _iter_find(hay: str, needle: str):
    start = 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return
        yield i
        start = i + len(needle)


def _word_bounded(hay: str, s: int, e: int, needle: str) -> bool:
    before_ok = s == 0 or not (needle[0].isalnum() and hay[s - 1].isalnum())
    after_ok = e == len(hay) or not (needle[-1].isalnum() and hay[e].isalnum())
    # a number is one token: "820" is not found inside "4.820", "97" not inside "97,5%", "6" not in "15/6/2022"
    if needle[0].isdigit() and s >= 2 and hay[s - 1] in _NUMBER_JOINERS and hay[s - 2].isdigit():
        before_ok = False
    if needle[-1].isdigit() and e + 1 < len(hay) and hay[e] in _NUMBER_JOINERS and hay[e + 1].isdigit():
        after_ok = False
    return before_ok and after_ok


_NUMBER_JOINERS = ".,/:"


# ----------------------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)]*\s+")
_LABEL_ONLY = re.compile(r"^\s*(?:[-–—•+]\s*)?(?:\d+(?:\.\d+)*|[a-zđ]|[IVXLC]+)[.)]?\s*$")


def sentences(raw: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``raw``, trailing spaces excluded.  A sentence ends
    at . ! ? … followed by a space and a capital letter, a digit or an opening quote, or
    at the end of the paragraph.  Numbers ("4.820", "15/6/2022") and a list label at the
    start of a paragraph ("1.", "a)") never end one."""
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(raw):
        nxt = raw[m.end():m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘«(-–—•+"):
            continue
        if _LABEL_ONLY.match(raw[pos:m.start() + 1]):
            continue
        if raw[pos:m.start()].strip():
            spans.append(_trim(raw, pos, m.end()))
            pos = m.end()
    if raw[pos:].strip():
        spans.append(_trim(raw, pos, len(raw)))
    return spans


def _trim(raw: str, s: int, e: int) -> tuple[int, int]:
    while s < e and raw[s].isspace():
        s += 1
    while e > s and raw[e - 1].isspace():
        e -= 1
    return s, e


def sentence_key(text: str, *, prefix: bool = False) -> str:
    """Comparison key for sentence anchors: normalised, end punctuation and ellipses dropped."""
    t = normalize(text)
    t = t.rstrip(" .…;:!?")
    if prefix:
        t = re.sub(r"(\.\.\.|…)\s*$", "", t).rstrip()
    return t
