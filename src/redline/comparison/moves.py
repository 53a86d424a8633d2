"""Moves: a whole paragraph deleted in one place and inserted unchanged in another.

Among the paragraphs alignment left unpaired, an OLD one and a NEW one with the same
comparison text, at least ``Options.move_min_chars`` characters long (short lines such as
"- Năm 2022" recur by chance), and unique among the unpaired on each side, are a move.
They are written as Word writes a move: the old paragraph's content and mark in
w:moveFrom between w:moveFromRangeStart/End, the new one's in w:moveTo between
w:moveToRangeStart/End, both ranges sharing one name.  Consecutive moved paragraphs
(a moved section) form one move.  ``compare(..., moves=False)`` shows them as a deletion
and an insertion instead.
"""
from __future__ import annotations

from collections import Counter

from lxml import etree

from ..markup import mark_paragraph
from ..ooxml import W


def find(pairs, ob, nb, options) -> dict:
    """{("old", i): name, ("new", j): name} for every moved paragraph."""
    gone = [i for i, j in pairs if j is None and ob[i].kind == "p" and not ob[i].opaque]
    came = [j for i, j in pairs if i is None and nb[j].kind == "p" and not nb[j].opaque]
    if not gone or not came:
        return {}
    count_old = Counter(ob[i].text for i in gone)
    count_new = Counter(nb[j].text for j in came)
    where_new = {nb[j].text: j for j in came}
    out: dict = {}
    names: dict[int, str] = {}
    prev = None  # (i, j) of the last move, to join consecutive ones
    for i in gone:
        t = ob[i].text
        if len(t.strip()) < options.move_min_chars or count_old[t] != 1 or count_new.get(t) != 1:
            continue
        j = where_new[t]
        if prev is not None and prev == (i - 1, j - 1):
            name = names[prev[0]]
        else:
            name = f"redline-move-{len(set(names.values())) + 1}"
        names[i] = name
        out[("old", i)] = name
        out[("new", j)] = name
        prev = (i, j)
    return out


def write_from(cmp, p: etree._Element, name: str) -> None:
    """OLD's paragraph moved away: content and mark in w:moveFrom, inside the named range
    (a run of consecutive moved paragraphs shares one range)."""
    cmp.rv.delete_paragraph(p, cmp.meta, tag="moveFrom")
    _range(cmp, p, "moveFrom", name)
    cmp.deleted.append(p)
    cmp.moves += 1


def write_to(cmp, p: etree._Element, name: str) -> None:
    """NEW's paragraph, copied in at its new place: content and mark in w:moveTo."""
    cmp.rv.wrap_inserted(p, cmp.meta, tag="moveTo")
    ppr = p.find(W["pPr"])
    if ppr is None:
        ppr = etree.Element(W["pPr"])
        p.insert(0, ppr)
    mark_paragraph(ppr, cmp.rv.mark("moveTo", cmp.meta))
    _range(cmp, p, "moveTo", name)


def _range(cmp, p: etree._Element, kind: str, name: str) -> None:
    """Open the named range at the start of ``p`` and close it at its end; when the
    paragraph before ``p`` ends the same move's range, that range is extended over ``p``."""
    ends = cmp.__dict__.setdefault("_move_ends", {})
    last = ends.get((kind, name))
    if last is not None and last[0] is p.getprevious():
        end = last[1]
        end.getparent().remove(end)
        p.append(end)
    else:
        start, end = cmp.rv.move_range(kind, name, cmp.meta)
        ppr = p.find(W["pPr"])
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        p.append(end)
    ends[(kind, name)] = (p, end)
