"""Quoted passages and new text, cleaned as a drafter expects.

Why its own module: the letter's words and the words meant for the draft must be told
apart.  The grammar reads a sentence with every quotation masked (``mask_quotes``: each
“...” becomes ⟦k⟧), so a verb or a section word inside a quote is never taken for the
letter's own; the passages come back, cleaned, only as content:

- quotes of every style (“ ” " « » ‘ ’ and the stray ”...”) are removed, and so is the
  closing punctuation of the letter's own sentence after the quote (“X.”. -> X.);
- "..." / "…" at the end (or start) of a quote means "the rest as it is": the passage is
  a prefix (suffix) of current text, never text to write (``strip_ellipsis``);
- remarks about formatting that plain text loses ("(phần in đậm)", "được in đậm") are
  dropped, never written into the draft (``drop_formatting``);
- bullets ("- ", "+ ") are kept: they are the drafter's layout;
- the label of a rewritten khoản / điểm / Điều ("2. ...", "a) ...", "Điều 5. ...") is
  recognised (``split_label``) so the caller can keep it as the label, not text.
"""
from __future__ import annotations

import re

from ..text import clean
from .lexicon import lexicon

_QUOTE = re.compile(r"“([^“”]*)”|\"([^\"]*)\"|«([^«»]*)»|‘([^‘’]*)’|”([^“”]*)”|“([^“”\"]*)\"|"
                    r"\"([^\"“”]*)”|„([^„“”]*)[“”]")
PH = "⟦{}⟧"


class OpenQuote(str):
    """A passage whose closing quotation mark never comes (a letter cut short, a typo): its
    words are not exact, so they are never written into the draft as they stand."""

PH_RE = re.compile(r"⟦(\d+)⟧")
OPENING = "“\"«‘„"
CLOSING = "”\"»’“"


def _nested_spans(text: str) -> list[tuple[int, int]]:
    """Curly quotations that hold another ("bổ sung “- Bảo đảm dữ liệu “đúng, đủ, sạch, sống”.”"):
    the outermost spans, when every “ has its ” and they nest; none otherwise (a stray mark is
    left to the pairwise reading)."""
    if "“" not in text or text.count("“") != text.count("”"):
        return []
    spans, depth, start, nested = [], 0, 0, False
    for i, ch in enumerate(text):
        if ch == "“":
            if depth == 0:
                start, nested = i, False
            else:
                nested = True
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return []
            if depth == 0 and nested:
                spans.append((start, i + 1))
    return spans if depth == 0 else []


def mask_quotes(text: str) -> tuple[str, list[str]]:
    """Replace each quoted passage by a placeholder ⟦k⟧; return (skeleton, passages).  A
    quotation holding another is one passage, the inner marks kept in its words."""
    found: list[str] = []
    spans = _nested_spans(text)
    if spans:
        parts, at = [], 0
        for a, b in spans:
            parts.append(text[at:a])
            found.append(text[a + 1:b - 1].strip())
            parts.append("\x00" + str(len(found) - 1) + "\x00")
            at = b
        parts.append(text[at:])
        text = "".join(parts)

    def sub(m: re.Match) -> str:
        found.append(next(g for g in m.groups() if g is not None).strip())
        return PH.format(len(found) - 1)

    skel = _QUOTE.sub(sub, text)
    if spans:  # the nested passages keep their numbers: in order of the text, with the others
        order: list[str] = []
        skel = re.sub(r"\x00(\d+)\x00|⟦(\d+)⟧", lambda m: _renumber(m, found, order), skel)
        found[:] = order
    # Every matched pair is masked now: a quotation mark still there was left open (a letter cut
    # short, a typo).  Its passage runs to the end and is never read as the letter's own words.
    m = re.search(r"[“«„\"]", skel)
    if m and len(skel) - m.end() >= 3:
        found.append(OpenQuote(skel[m.end():].strip()))
        skel = skel[: m.start()] + PH.format(len(found) - 1)
    return skel, found


def _renumber(m: re.Match, found: list[str], order: list[str]) -> str:
    order.append(found[int(m.group(1) or m.group(2))])
    return PH.format(len(order) - 1)


def inside_quotes(paras: list[str]) -> set[int]:
    """The paragraphs that continue a quotation opened in an earlier one and closed in a later
    one (or in themselves): new text of several paragraphs, never the letter's own numbered
    item or closing, whatever it starts with ("5. ...", "Trên đây là ...").  A quotation never
    closed marks nothing."""
    out: set[int] = set()
    depth, run = 0, []
    for i, p in enumerate(paras):
        if depth > 0:
            run.append(i)
        depth += p.count("“") + p.count("«") - p.count("”") - p.count("»")
        if depth <= 0:
            out.update(run)
            depth, run = 0, []
    return out


def is_open(q: str) -> bool:
    return isinstance(q, OpenQuote)


def unmask(text: str, quotes: list[str], keep_marks: bool = True) -> str:
    """The text with its quotations put back; a mark with no quotation given (a caller that only
    reads places passes none) stays as it is."""
    def back(m: re.Match) -> str:
        k = int(m.group(1))
        if k >= len(quotes):
            return m.group(0)
        return "“" + quotes[k] + "”" if keep_marks else quotes[k]
    return PH_RE.sub(back, text)


def strip_ellipsis(q: str) -> tuple[str, bool]:
    """'Kết quả Chỉ số CCHC năm 2021 của tỉnh…' -> (the words, True): a quote cut short."""
    t = q.strip()
    cut = False
    for e in ("…", "..."):
        if t.endswith(e):
            t, cut = t[: -len(e)].rstrip(" ,;"), True
        if t.startswith(e):
            t, cut = t[len(e):].lstrip(" ,;"), True
    return t, cut


def ellipsis_inside(q: str) -> bool:
    """A quote that leaves something out in its middle ("A ... B"): not exact words."""
    t = q.strip().strip(".…")
    return "…" in t or "..." in t


def strip_block_quotes(paras: list[str]) -> list[str]:
    """New text given in quotes: drop the opening quote of the first paragraph and the closing quote
    of the last when they enclose the block (quotes inside are left alone), and the letter's own
    punctuation after the closing quote."""
    if not paras:
        return paras
    out = [p.strip() for p in paras]
    last = out[-1]
    # “...”. / “...”; / “...”./. : the letter's sentence ends after the quote.
    trail = re.search(r"([”\"»’])\s*(?:\./\.|[.;,])\s*$", last)
    if out[0][:1] in OPENING and trail:
        out[-1] = last[: trail.start(1) + 1]
    if out[0][:1] in OPENING and out[-1][-1:] in CLOSING:
        joined = "\n".join(out)
        inner = joined[1:-1]
        if inner.count("“") == inner.count("”") and inner.count("\"") % 2 == 0:
            out = inner.strip().split("\n")
    return [p.strip() for p in out if p.strip()]


def drop_formatting(text: str) -> str:
    """'(phần in đậm là nội dung bổ sung)' and similar remarks are not text for the draft."""
    rx = lexicon().rx("formatting.remarks")
    if not rx.search(text):
        return text
    t = re.sub(r"\s*\([^()]*\)", lambda m: "" if rx.search(m.group(0)) else m.group(0), text)
    return clean(t)


def is_formatting_remark(text: str) -> bool:
    """A whole paragraph that only remarks on formatting ("Nội dung bổ sung được in đậm.")."""
    t = clean(text).strip("()[]. ")
    return bool(t) and len(t.split()) <= 14 and lexicon().rx("formatting.remarks").search(t) is not None


def clean_new_text(paras: list[str]) -> list[str]:
    """The new text as the drafter should get it: quotes and the letter's punctuation off,
    formatting remarks out, bullets kept."""
    kept = [drop_formatting(p) for p in paras if not is_formatting_remark(p)]
    return [p for p in strip_block_quotes([p for p in kept if p]) if p]


_LABEL = re.compile(r"^(?:(?P<dieu>Điều\s+\d+[a-zđ]?)\s*[.:]\s*|(?P<num>\d+(?:\.\d+)*)\s*[.)]\s+|"
                    r"(?P<letter>[a-zđ])\s*\)\s+)", re.I)


def split_label(text: str) -> tuple[str | None, str]:
    """'2. Hồ sơ gồm ...' -> ('2', 'Hồ sơ gồm ...'); 'a) ...' -> ('a', ...); 'Điều 5. Tên' -> ('Điều 5', 'Tên')."""
    m = _LABEL.match(text.strip())
    if not m:
        return None, text.strip()
    label = m.group("dieu") or m.group("num") or m.group("letter")
    return re.sub(r"\s+", " ", label), text.strip()[m.end():].strip()
