"""Heading rules: which paragraphs may be headings, and with what evidence.

``candidates(body)`` walks the body paragraphs once and returns a ``Cand`` for each
paragraph that has evidence of being a heading (the rules, from strongest to weakest, are in
``outline``'s docstring): a heading style or outline level (strong: no sequence check), or a
Word numbering label or typed label with a layout cue (weak: the tree builder checks it
continues its siblings' sequence), or a "1." / "a)" that would be a khoản / điểm once inside
an Điều.  ``style_ranks`` gives styled headings the rank their level's labelled headings have.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import text as _text
from .labels import LEGAL_KINDS, Label, label_of_number, parse_label
from .layout import Body, all_italic, bold_lead, bold_stats, is_caps
from .numbering import NumInfo
from .scan import STRIDE, opt_int


@dataclass
class Cand:
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


PREFILTER = re.compile(  # cheap test before parse_label; NFC or NFD text
    r"[\s\u00a0\u200b\ufeff]*(?:\d{1,2}[.)/\s]|[A-Za-zĐđ][.)/]|[IVXLCDM]{1,7}\s*[.)/:\-\u2013\u2014]"
    r"|(?i:ph[aâầ]|ch[uư]|m[uụ]|đi|part|section|chapter|article))")


OPEN_QUOTES = "\u201c\"\u00ab\u201e"
CLOSE_QUOTE_RE = re.compile(r"[\u201d\"\u00bb\u201c][\s.;,:/]*$")
MAX_QUOTE_BLOCKS = 300


def quoted_blocks(body: Body) -> set[int]:
    """Paragraphs inside a quotation: an amending decree's "1. Sửa đổi, bổ sung Điều 5 như sau:"
    followed by “Điều 5. ...”, its khoản and điểm, up to the paragraph that closes the quote
    (“... hằng quý.”).  They are the amended text, never this document's own headings.  A quote
    counts only after a paragraph ending with ":" and when it closes within a few hundred
    paragraphs, so a stray quotation mark never hides the rest of a draft."""
    texts = body.facts.texts
    is_table = body.facts.is_table
    out: set[int] = set()
    n = len(body.blocks)
    i = 0
    while i < n:
        t = texts[i]
        if not t or (t[0] not in OPEN_QUOTES and not (t[0].isspace() and t.lstrip()[:1] in OPEN_QUOTES)) \
                or is_table(i) or i in out:
            i += 1
            continue
        t = t.strip()
        before = next((texts[j].strip() for j in range(i - 1, max(-1, i - 20), -1)
                       if texts[j].strip() and not is_table(j)), "")
        if before.endswith(":") and not CLOSE_QUOTE_RE.search(t[1:]):
            for j in range(i + 1, min(n, i + MAX_QUOTE_BLOCKS)):
                u = texts[j].strip() if not is_table(j) else ""
                if u and CLOSE_QUOTE_RE.search(u):
                    out.update(range(i, j + 1))
                    i = j
                    break
        i += 1
    return out


def candidates(body: Body, quoted: set[int] = frozenset()) -> list[Cand]:
    """Every paragraph with evidence of being a heading, in document order (``quoted``: the
    paragraphs of quotations, never headings)."""
    rules = body.rules
    out: list[Cand] = []
    seen_dieu = False
    typed = rules.use_typed_labels
    use_styles = rules.use_styles
    prefilter = PREFILTER.match if not rules.extra_keywords else (lambda raw: True)
    plain = body.facts.plain
    numinfo = body.numinfo
    style_facts = body.style_facts
    for i in range(len(body.blocks)):
        k = i * STRIDE
        if plain[k] != "P":
            continue
        raw = plain[k + 7]
        if not raw or raw.isspace() or i in quoted:
            continue
        style, style_ol, extra_ol, ignored = style_facts(plain[k + 1])
        ol = None
        if use_styles:  # a heading_styles level, else the paragraph's outlineLvl, else the style's
            if extra_ol is not None:
                ol = extra_ol
            elif plain[k + 4]:
                v = opt_int(plain[k + 4])
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
            out.append(Cand(i, text, raw, label, num, ol, True, True, False, title))
            continue
        # weak: numbering or typed label, needs a cue (or is a legal clause)
        segs = body.segments(i, style)
        all_bold, label_bold = bold_stats(segs, label.chars)
        if num is not None and num.bold:
            label_bold = True
        rest = _text.clean(raw[label.chars:])
        title = rest
        caps = is_caps(rest) or (style is not None and bool(style.caps))
        short = len(text) <= rules.max_heading_chars
        listy = text.endswith((";", ",")) or (text.endswith(":") and len(text) > 120)
        italic = len(text) <= 150 and all_italic(segs)
        runin = False
        if label_bold and not all_bold and num is None:
            # a run-in heading: "a) Về thể chế: Trong 6 tháng ..." -> title "Về thể chế"
            lead_end = bold_lead(segs)
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
            out.append(Cand(i, text, raw, label, num, None, False, cue, clause,
                         title if not clause or cue else rest))
    return out


def style_ranks(cands: list[Cand]) -> dict[int, int]:
    """Outline level -> rank: the rank most labelled headings of that level have, kept
    increasing with the level."""
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
