"""The one word-level diff core.  Every redline in redline (replaced paragraphs, phrase
replacements, the summary) is computed here.

Text is cut into tokens (words, numbers, spaces, punctuation), each token becomes one
character, diff-match-patch diffs those characters and cleans the result up
semantically, and the result is mapped back to text.  So a change never splits a word
or a number: "4.820", "97,5%", "15/6/2022", "1,2 tỷ" and "ISO 9001:2008" are single
tokens.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from diff_match_patch import diff_match_patch

EQUAL, DELETE, INSERT = 0, -1, 1
DIFF_TIMEOUT = 1.0  # seconds; bounds the cost of one diff on pathological input

_UNITS = r"(?:tỷ|triệu|nghìn|ngàn|trăm|tr\.?|đồng|ha|km|m2|m²|%)"
TOKEN = re.compile(
    r"(?:ISO|TCVN|QCVN|IEC)\s\d+(?:[:.\-/]\d+)*"  # standards: "ISO 9001:2008"
    rf"|\d+(?:[.,/:\-]\d+)*%?(?:\s{_UNITS}(?!\w))?"  # numbers, dates, amounts: "1,2 tỷ"
    r"|\w+(?:[-'’]\w+)*"  # words, with combining marks (NFD) and inner hyphens
    r"|\s+"
    r"|.",
    re.UNICODE | re.DOTALL,
)


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(text)


@dataclass(frozen=True)
class Change:
    """Characters ``start:end`` of the old text become ``new`` (either side may be empty)."""

    start: int
    end: int
    new: str
    new_start: int = 0  # where ``new`` sits in the new text
    new_end: int = 0

    @property
    def old_len(self) -> int:
        return self.end - self.start


def diff(old: str, new: str) -> list[tuple[int, str]]:
    """Word-level diff as (op, text) chunks, op in EQUAL / DELETE / INSERT."""
    if old == new:
        return [(EQUAL, old)] if old else []
    return list(_diff(old, new))


# Pairing paragraphs diffs a pair to score it, and redlining the pair then diffs the same
# two texts again; a small cache makes the second one free.
@lru_cache(maxsize=256)
def _diff(old: str, new: str) -> tuple[tuple[int, str], ...]:
    table: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        out = []
        for tok in tokenize(text):
            ch = table.get(tok)
            if ch is None:
                ch = chr(0xE000 + len(tokens)) if len(tokens) < 0x1900 else chr(0x10000 + len(tokens))
                table[tok] = ch
                tokens.append(tok)
            out.append(ch)
        return "".join(out)

    a, b = encode(old), encode(new)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT
    chunks = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(chunks)
    decode = {ch: tok for tok, ch in table.items()}
    result: list[tuple[int, str]] = []
    for op, text in chunks:
        piece = "".join(decode[c] for c in text)
        if result and result[-1][0] == op:
            result[-1] = (op, result[-1][1] + piece)
        else:
            result.append((op, piece))
    return tuple(_tidy(result))


def _tidy(chunks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Absorb equal runs that are only spaces between two changes: "[-a-]{+b+} [-c-]{+d+}"
    reads better as "[-a c-]{+b d+}"."""
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(chunks):
        op, text = chunks[i]
        if (op == EQUAL and not text.strip() and out and out[-1][0] != EQUAL
                and i + 1 < len(chunks) and chunks[i + 1][0] != EQUAL):
            # fold the space into both sides of the surrounding change
            dels = [t for o, t in out[-2:] if o == DELETE]
            ins = [t for o, t in out[-2:] if o == INSERT]
            while out and out[-1][0] != EQUAL:
                out.pop()
            d = "".join(dels) + text
            n = "".join(ins) + text
            j = i + 1
            while j < len(chunks) and chunks[j][0] != EQUAL:
                if chunks[j][0] == DELETE:
                    d += chunks[j][1]
                else:
                    n += chunks[j][1]
                j += 1
            out.append((DELETE, d))
            out.append((INSERT, n))
            i = j
            continue
        out.append((op, text))
        i += 1
    return [(o, t) for o, t in out if t]


def changes(old: str, new: str) -> list[Change]:
    """The diff as replacements over the old text, in order (deletion+insertion merged)."""
    result: list[Change] = []
    pos = npos = 0
    pending: Change | None = None
    for op, text in diff(old, new):
        if op == EQUAL:
            if pending:
                result.append(pending)
                pending = None
            pos += len(text)
            npos += len(text)
            continue
        if pending is None:
            pending = Change(pos, pos, "", npos, npos)
        if op == DELETE:
            pos += len(text)
            pending = Change(pending.start, pos, pending.new, pending.new_start, pending.new_end)
        else:
            npos += len(text)
            pending = Change(pending.start, pending.end, pending.new + text, pending.new_start, npos)
    if pending:
        result.append(pending)
    return result


@dataclass(frozen=True)
class Tokens:
    """A text cut into tokens once, with what the cheap bounds of ``similarity`` read:
    pairing k old with m new paragraphs compares each text k or m times."""

    text: str
    tokens: list[str]
    counts: Counter
    words: list[str]  # the tokens that are not whitespace

    @classmethod
    def of(cls, text: str) -> "Tokens":
        tokens = tokenize(text)
        return cls(text, tokens, Counter(tokens), [t for t in tokens if t.strip()])


def similarity(old: str | Tokens, new: str | Tokens, floor: float = 0.0) -> float:
    """Share of tokens kept unchanged, 0..1; used to pair old and new paragraphs.

    Below ``floor`` only an upper bound is returned: the real diff (the costly part, and
    the costlier the less alike the texts are) runs only when cheap bounds cannot rule
    the pair out.  Pass ``Tokens`` to reuse one text's tokens over many comparisons."""
    a = old if isinstance(old, Tokens) else Tokens.of(old)
    b = new if isinstance(new, Tokens) else Tokens.of(new)
    if not a.text and not b.text:
        return 1.0
    total = max(len(a.tokens), len(b.tokens))
    if not total:
        return 0.0
    bound = sum((a.counts & b.counts).values()) / total
    if bound >= floor > 0:
        bound = min(bound, _kept_bound(a, b, floor * total) / total)
    if bound < floor:
        return bound
    kept = sum(len(tokenize(t)) for op, t in diff(a.text, b.text) if op == EQUAL)
    return kept / total


def _kept_bound(a: Tokens, b: Tokens, enough: float) -> int:
    """An upper bound on the tokens ``similarity`` counts as kept, tightened only until it
    drops below ``enough``.

    The kept tokens lie in the diff's equal chunks, which run in order through both texts,
    so they are at most the longest common subsequence (LCS) of the two token lists.
    Texts that share little but their spaces and stock words still have a long common
    subsequence, yet their diff keeps almost nothing, and ``_tidy`` absorbs any equal chunk
    of only whitespace between two changes.  So every equal chunk but the first and the
    last holds a word; a chunk with w words holds at most w + 1 whitespace tokens (a run of
    whitespace is one token), so at most 3w tokens; a first or last chunk of only
    whitespace is one token.  Hence kept <= 3 * LCS(words) + 2.  (Tokenizing an equal
    chunk again, as ``similarity`` does, can only merge its tokens, never split them.)"""
    word_bound = 3 * lcs_length(a.words, b.words) + 2
    if word_bound < enough:
        return word_bound
    return min(word_bound, lcs_length(a.tokens, b.tokens))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists, bit-parallel
    (Hyyrö 2004): bit i of ``v`` is 0 where row b[i] gained a match, and one big-integer
    add per token of ``a`` updates all of b at once, in C instead of an n x m Python loop."""
    if len(a) < len(b):
        a, b = b, a
    masks: dict[str, int] = {}
    for i, tok in enumerate(b):
        masks[tok] = masks.get(tok, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for tok in a:
        match = masks.get(tok)
        if match:
            u = v & match
            v = ((v + u) | (v - u)) & full
    return len(b) - v.bit_count()


def word_counts(chunks: list[tuple[int, str]]) -> tuple[int, int]:
    """(+inserted words, -deleted words) of a diff, for the summary."""
    plus = sum(len([t for t in tokenize(x) if t.strip() and (t[0].isalnum())]) for o, x in chunks if o == INSERT)
    minus = sum(len([t for t in tokenize(x) if t.strip() and (t[0].isalnum())]) for o, x in chunks if o == DELETE)
    return plus, minus


def inline(chunks: list[tuple[int, str]], style: str = "text") -> str:
    """Render a diff inline: [-deleted-]{+inserted+} (text), ~~/** (markdown), <del>/<ins> (html)."""
    import html as _html

    out = []
    for op, text in chunks:
        if style == "html":
            t = _html.escape(text)
            out.append(t if op == EQUAL else (f"<del>{t}</del>" if op == DELETE else f"<ins>{t}</ins>"))
        elif style == "markdown":
            out.append(text if op == EQUAL else (f"~~{text}~~" if op == DELETE else f"**{text}**"))
        else:
            out.append(text if op == EQUAL else (f"[-{text}-]" if op == DELETE else f"{{+{text}+}}"))
    return "".join(out)
