"""Numbered items inside a section's body: addressable when a letter points at them, never
headings in the outline.

A plan's "II. MỤC TIÊU" lists its objectives as "1. ...", "2. ..." (typed, or drawn by Word's
numbering on plain list paragraphs); a letter writes "khoản 2 Mục II", "nội dung thứ 2 của Mục
II", "II.2".  Those paragraphs stay body text of II (the outline does not turn every numbered
list into headings), and ``items(outline, section)`` reads them on demand: each item is an
inline ``Section`` (kind "item") whose paragraph carries label and text and which owns the
paragraphs up to the next item or the section's first subsection.
"""
from __future__ import annotations

from .. import text as _text
from ..model import Outline, Section
from ..ooxml import W


def items(outline: Outline, section: Section) -> list[Section]:
    """The numbered items of ``section``'s lead (cached on the outline)."""
    cache = outline.__dict__.setdefault("_items", {})
    key = id(section)
    if key in cache:
        return cache[key][1]
    from .outline import label_of_number, parse_label

    headings = {s.heading for s in outline.walk()}
    stop = section.lead_end if section.heading is not None else section.end
    found: list[tuple[int, object, int]] = []  # (block, label, label chars)
    for i in range(section.start, stop):
        if i in headings or outline.blocks[i].tag != W["p"]:
            continue
        raw = outline.text(i)
        if not raw.strip():
            continue
        label, chars = None, 0
        drawn = outline.numbers.get(i)
        if drawn:
            label = label_of_number(drawn)
        else:
            label = parse_label(raw)
            chars = label.chars if label is not None else 0
        if label is None or label.shape != "dec" or len(label.comps) != 1:
            continue
        found.append((i, label, chars))
    out: list[Section] = []
    expected = 1
    for k, (i, label, chars) in enumerate(found):
        if label.comps[0] != expected:
            continue  # a list that does not run 1, 2, 3 in this body is not addressable by number
        expected += 1
        end = stop
        for j, _, _ in found[k + 1:]:
            end = j
            break
        s = Section(address=f"{section.address}.{label.comps[0]}", label=label.display,
                    title=_text.clean(outline.text(i)[chars:]), level=section.level + 1, heading=i, end=end,
                    kind="item", number=str(label.comps[0]), label_chars=chars, space=section.space,
                    inline=True)
        s.parent = section
        s._comps = list(getattr(section, "_comps", []) or []) + [label.comps[0]]  # type: ignore[attr-defined]
        out.append(s)
    cache[key] = (section, out)
    return out
