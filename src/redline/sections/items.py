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
    """The numbered items of ``section``'s lead, or the lettered items of an item (cached on
    the outline): "1.", "2.", ... in the body, each owning the "a)", "b)", ... after it; "a)",
    "b)" directly in a body with no "1." before them belong to the section."""
    cache = outline.__dict__.setdefault("_items", {})
    key = id(section)
    if key in cache:
        return cache[key][1]
    if section.kind == "item":
        return []  # an item's lettered items were read with it (see below)
    from .labels import label_of_number, parse_label

    headings = outline.__dict__.get("_item_headings")
    if headings is None:
        headings = outline.__dict__["_item_headings"] = {s.heading for s in outline.walk()}
    stop = section.lead_end if section.heading is not None else section.end
    found: list[tuple[int, object, int]] = []  # (block, label, label chars)
    for i in range(section.start, stop):
        if i in headings or outline.blocks[i].tag != W["p"] or i in outline.quoted:
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
        if label is None or not ((label.shape == "dec" and len(label.comps) == 1) or label.shape == "letter"):
            continue
        found.append((i, label, chars))
    decimals = _run(outline, section, [f for f in found if f[1].shape == "dec"], stop, 1)
    out = list(decimals)
    for k, item in enumerate(decimals):
        end = decimals[k + 1].heading if k + 1 < len(decimals) else stop
        inside = [f for f in found if f[1].shape == "letter" and item.heading < f[0] < end]
        item.children = _run(outline, item, inside, end, "a")
        cache[id(item)] = (item, item.children)
    if not decimals:
        out = _run(outline, section, [f for f in found if f[1].shape == "letter"], stop, "a")
    cache[key] = (section, out)
    return out


def _run(outline: Outline, parent: Section, found: list, stop: int, first) -> list[Section]:
    """The items of ``found`` that run 1, 2, 3 (or a, b, c) from the start, as sections under
    ``parent``; a list that does not run so in this body is not addressable by number."""
    from .labels import LETTERS

    out: list[Section] = []
    expected = first
    kept = []
    for i, label, chars in found:
        if label.comps[0] != expected:
            continue
        kept.append((i, label, chars))
        expected = expected + 1 if isinstance(expected, int) else (
            LETTERS[LETTERS.index(expected) + 1] if LETTERS.index(expected) + 1 < len(LETTERS) else None)
    for k, (i, label, chars) in enumerate(kept):
        end = kept[k + 1][0] if k + 1 < len(kept) else stop
        value = label.comps[0]
        s = Section(address=f"{parent.address}.{value}", label=label.display,
                    title=_text.clean(outline.text(i)[chars:]), level=parent.level + 1, heading=i, end=end,
                    kind="item", number=str(value), label_chars=chars, space=parent.space, inline=True)
        s.parent = parent
        s._comps = list(getattr(parent, "_comps", []) or []) + [value]  # type: ignore[attr-defined]
        out.append(s)
    return out
