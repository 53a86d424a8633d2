"""Spans and the special parts: where each section ends, and the title, preamble and closing
of each document.

A section owns its heading's following blocks up to the next heading of the same or a higher
level, the closing part, the signature block, or the end (``spans``).  The title is the
line(s) under a document-type line ("BÁO CÁO", "QUYẾT ĐỊNH", ...) that are centred or bold
(``find_title``), else the Title-style paragraphs; the preamble runs from the title to the first
heading; the closing starts at "Trên đây ..." after the last section (``closing_phrases``), or at
a law's or a resolution's "Luật này được Quốc hội ... thông qua ngày ..." (``PASSED_RE``).
An attached document (a Quy chế, a Phụ lục) gets the same parts and its addresses take its
name as their space (``finish_document``).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .. import text as _text
from ..errors import Warning
from ..messages import msg
from ..model import Outline, Section, SubDocument
from ..ooxml import W
from . import documents as _docs
from .documents import RULE_RE
from .labels import key_text, shorten, starts_with_phrase

# "Luật này được Quốc hội ... thông qua ngày ...", "Nghị quyết này đã được Hội đồng nhân dân ... thông qua":
# the closing formula of a law, an ordinance, a resolution
PASSED_RE = re.compile(r"(?:bo luat|luat|nghi quyet|phap lenh) nay (?:da )?duoc\b.{0,240}\bthong qua\b")
from .layout import Body


def main_name(body: Body, outline: Outline) -> str:
    """The main document's type as references name it ("Quyết định", "Kế hoạch")."""
    if outline.title is None:
        return ""
    for i in range(max(0, outline.title.start - 3), outline.title.start):
        name = _docs.document_name(body.texts.get(i, ""), body.rules.doc_types)
        if name:
            return name
    return ""


def title_lines(body: Body, type_line: int, limit: int) -> list[int]:
    """The title lines under a document-type line (centred or bold, up to an empty line, a
    rule, "(Kèm theo ...)" after the title ("(Dự thảo)" before it is skipped) or an authority
    line: "ỦY BAN NHÂN DÂN TỈNH ..." is who enacts it, in the preamble)."""
    lines: list[int] = []
    j = type_line + 1
    while j < limit and body.blocks[j].tag == W["p"]:
        t = _text.clean(body.texts.get(j, ""))
        if not t:
            if lines:
                break
            j += 1
            continue
        if RULE_RE.fullmatch(t) or len(t) > 300 or not (body.all_bold(j) or body.is_centered(j)):
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


def finish(body: Body, outline: Outline, sections: list[Section], sig: int | None,
           hi: int | None = None) -> None:
    """Spans, title, preamble and closing of the main document (blocks before ``hi``)."""
    n = len(body.blocks) if hi is None else hi
    first_heading = sections[0].heading if sections else None
    # title
    limit = first_heading if first_heading is not None else min(n, 60)
    outline.title = find_title(body, min(limit, 80))
    outline.closing, outline.preamble = spans(body, outline.sections, sections, sig, n, outline.title, 0)


def finish_document(body: Body, sub: SubDocument, sections: list[Section], sig: int | None,
                    type_line: int) -> None:
    """Spans, title, preamble and closing of an attached document; its addresses take the
    document's name as their space."""
    first = sections[0].heading if sections else sub.end
    lines = title_lines(body, type_line, min(first, type_line + 12))
    if lines:
        sub.title = special_title(body, lines)
    sub.closing, sub.preamble = spans(body, sub.sections, sections, sig, sub.end, sub.title, type_line + 1)
    for s in sections:
        s.address = f"{sub.name}:{s.address}"
        s.space = sub.name
    for special in (sub.title, sub.preamble, sub.closing):
        if special is not None:
            special.address = f"{sub.name}:{special.address}"
            special.space = sub.name


def spans(body: Body, tops: list[Section], sections: list[Section], sig: int | None, n: int,
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
            t = body.texts.get(i)
            if not t or body.blocks[i].tag != W["p"]:
                continue
            if starts_with_phrase(t, body.rules.closing_phrases) or PASSED_RE.match(key_text(_text.clean(t[:300]))):
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
        while end > closing_start + 1 and not _text.clean(body.block_text(end - 1)):
            end -= 1  # trailing empty paragraphs belong to nobody in particular
        closing = Section(address="closing", label="", title=_text.clean(body.texts.get(closing_start, "")),
                          level=0, heading=None, end=end)
        closing.start_override = closing_start
    # preamble
    start = title.end if title is not None else lo
    stop = first_heading if first_heading is not None else (
        closing_start if closing_start is not None else (sig if sig is not None else n))
    if stop > start:
        excerpt = ""
        for i in range(start, stop):
            t = _text.clean(body.texts.get(i, "") if body.blocks[i].tag == W["p"] else "")
            if t and not RULE_RE.fullmatch(t):
                excerpt = t
                break
        if excerpt or any(body.blocks[i].tag == W["tbl"] for i in range(start, stop)):
            preamble = Section(address="preamble", label="", title=shorten(excerpt, 80),
                               level=0, heading=None, end=stop)
            preamble.start_override = start
    return closing, preamble


def check_duplicates(outline: Outline) -> None:
    seen: dict[str, Section] = {}
    for s in outline.walk():
        if s.address in seen:
            outline.warnings.append(Warning(
                msg("two sections share the address {address}: blocks {first} and {second}",
                    address=s.address, first=seen[s.address].heading, second=s.heading), s.address))
        else:
            seen[s.address] = s


def find_title(body: Body, limit: int) -> Section | None:
    doc_types = body.rules.doc_types
    blocks = body.blocks
    for i in range(min(limit, len(blocks))):
        if blocks[i].tag != W["p"]:
            continue
        raw = body.texts.get(i, "")
        text = _text.clean(raw)
        if not text or len(text) > 200:
            continue
        f = _text.fold(text, expand=False)
        exact = next((d for d in doc_types if f == d or f.startswith(d + " du thao")
                      or f == "du thao " + d), None)
        if exact:
            lines = title_lines(body, i, limit)
            if lines:
                return special_title(body, lines)
        else:
            head = next((d for d in doc_types if f.startswith(d + " ")), None)
            if head and head != "du thao":
                first_word = text.split(" ")[0]
                if (body.all_bold(i) or body.is_centered(i)) and first_word.isupper():
                    return special_title(body, [i])
    # Title style
    lines = []
    for i in range(min(limit, len(blocks))):
        if blocks[i].tag != W["p"]:
            if lines:
                break
            continue
        style = body.style_of(i)
        name = (style.name if style is not None else "").lower()
        if name == "title" and _text.clean(body.texts.get(i, "")):
            lines.append(i)
        elif lines:
            break
    if lines:
        return special_title(body, lines)
    return None


def special_title(body: Body, lines: list[int]) -> Section:
    title = _text.clean(" ".join(body.texts.get(j, "") for j in lines))
    s = Section(address="title", label="", title=title, level=0, heading=None, end=lines[-1] + 1)
    s.start_override = lines[0]
    return s
