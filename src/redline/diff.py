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
    return _tidy(result)


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


def similarity(old: str, new: str, floor: float = 0.0) -> float:
    """Share of tokens kept unchanged, 0..1; used to pair old and new paragraphs.

    The shared-token count bounds it from above at little cost: below ``floor`` that
    bound is returned without running the diff."""
    if not old and not new:
        return 1.0
    a, b = tokenize(old), tokenize(new)
    total = max(len(a), len(b))
    if not total:
        return 0.0
    bound = sum((Counter(a) & Counter(b)).values()) / total
    if bound < floor:
        return bound
    kept = sum(len(tokenize(t)) for op, t in diff(old, new) if op == EQUAL)
    return kept / total


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
