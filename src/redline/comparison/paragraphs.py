"""Two paired paragraphs: OLD's paragraph becomes NEW's, in place, as word-level revisions.

The comparison texts of both (read.py) go through the one word diff (diff.py: numbers
atomic, changes never split a word).  Then, from the last change to the first so that
earlier offsets stay valid:

- a changed stretch: OLD's characters wrapped in w:del (runs split at the exact
  characters; a link, field, picture or equation deleted whole), NEW's content copied in a
  w:ins right after, with NEW's formatting (transplant.py makes the copy mean the same in OLD);
- an equal stretch whose run formatting differs: OLD's runs take NEW's formatting, the old
  one recorded in w:rPrChange (formatting.py), unless formatting is ignored;
- equal note references and text boxes: their contents are compared in turn.

Paragraph properties (style, alignment, indents, numbering) that differ become a
w:pPrChange.  A paragraph the unit reader cannot represent (a field open at its end) is
replaced whole.
"""
from __future__ import annotations

from bisect import bisect_right

from lxml import etree

from .. import diff as wdiff
from ..markup import clean_rpr, split_run
from ..match import current_content
from ..ooxml import MATH_ZONES, W
from . import formatting
from .read import Opaque, Unit, unit_text, view


def compare_paragraphs(cmp, story, old_p: etree._Element, new_p: etree._Element) -> dict:
    """Revise ``old_p`` into ``new_p``; returns what changed: {"chunks": the word diff of
    the comparison texts, "format": runs reformatted, "props": paragraph properties}."""
    try:
        ou = story.old.units(old_p)
        nu = story.new.units(new_p)
    except Opaque:
        cmp.replace_paragraph(story, old_p, new_p)
        return {"chunks": [(wdiff.DELETE, "…"), (wdiff.INSERT, "…")], "format": 0, "props": False, "whole": True}
    oraw, nraw = unit_text(ou), unit_text(nu)
    ov, nv = view(oraw), view(nraw)
    chunks = wdiff.diff(ov.text, nv.text)
    ops: list[tuple] = []  # (old raw start, rank, kind, payload)
    a = c = 0  # positions in the old / new comparison text
    reformat = cmp.options.formatting
    for op, text in chunks:
        n = len(text)
        if op == wdiff.EQUAL:
            _pair_inner(cmp, story, ou, nu, ov, nv, a, c, n)
            if reformat:
                for s, e, rpr in formatting.segments(ou, nu, ov, nv, a, c, n):
                    ops.append((s, 1, "format", (e, rpr)))
            a += n
            c += n
        elif op == wdiff.DELETE:
            ops.append((_raw_start(ov, a, len(oraw)), 0, "change", (_raw_end(ov, a, n, len(oraw)), None)))
            a += n
        else:
            ns, ne = _raw_start(nv, c, len(nraw)), _raw_end(nv, c, n, len(nraw))
            if ops and ops[-1][2] == "change" and ops[-1][3][1] is None and ops[-1][3][0] == _raw_start(ov, a, len(oraw)):
                s, _, _, (e, _) = ops.pop()
                ops.append((s, 0, "change", (e, (ns, ne))))
            else:
                at = _raw_start(ov, a, len(oraw))
                ops.append((at, 0, "change", (at, (ns, ne))))
            c += n
    formatted = 0
    for start, _, kind, payload in sorted(ops, key=lambda o: (o[0], o[1]), reverse=True):
        if kind == "format":
            end, rpr = payload
            formatted += formatting.apply(cmp, story, old_p, start, end, rpr)
        else:
            end, new_span = payload
            _replace(cmp, story, old_p, start, end, new_p, nu, new_span)
    props = False
    if reformat:
        props = formatting.paragraph_properties(cmp, story, old_p, new_p)
    return {"chunks": chunks, "format": formatted, "props": props, "whole": False}


def _raw_start(v, pos: int, raw_len: int) -> int:
    return v.starts[pos] if pos < len(v.starts) else raw_len


def _raw_end(v, pos: int, n: int, raw_len: int) -> int:
    return v.ends[pos + n - 1] if n else _raw_start(v, pos, raw_len)


def _pair_inner(cmp, story, ou, nu, ov, nv, a: int, c: int, n: int) -> None:
    """Note references and text boxes inside an equal stretch: compare their contents."""
    special = [k for k in range(n) if ov.text[a + k] in _INNER]
    if not special:
        return
    for k in special:
        o = unit_at(ou, ov.starts[a + k])
        nw = unit_at(nu, nv.starts[c + k])
        if o is None or nw is None or o.kind != nw.kind:
            continue
        if o.kind == "note":
            cmp.notes.compare(o.child, nw.child)
        elif o.kind == "box":
            cmp.boxes.compare(story, o.child, nw.child)


from .read import BOX_CHAR, NOTE_CHAR  # noqa: E402

_INNER = set(NOTE_CHAR.values()) | {BOX_CHAR}


def unit_at(us: list[Unit], offset: int) -> Unit | None:
    """The unit holding stored character ``offset``."""
    k = bisect_right([u.start for u in us], offset) - 1
    if 0 <= k < len(us) and us[k].start <= offset < us[k].end:
        return us[k]
    return None


# ---------------------------------------------------------------------------- one change

def split_units(cmp, story, p: etree._Element, offset: int) -> list[Unit]:
    """Make ``offset`` fall between units (splitting a text run there); the units after."""
    us = story.old.units(p)
    for u in us:
        if u.start < offset < u.end and u.kind == "text":
            split_run(u.run, u.child, offset - u.start, cmp.rv.fresh_id)
            return story.old.units(p)
        if u.start == offset and u.kind == "text" and u.child is not None:
            first = next((x for x in u.run if x.tag != W["rPr"]), None)
            if first is not u.child:
                split_run(u.run, u.child, 0, cmp.rv.fresh_id)
                return story.old.units(p)
        if u.start == offset and u.kind in ("object", "note", "box"):
            first = next((x for x in u.run if x.tag != W["rPr"]), None)
            if first is not u.child:
                split_run(u.run, u.child, 0, cmp.rv.fresh_id)
                return story.old.units(p)
        if u.end == offset and u.kind in ("object", "note", "box"):
            nxt = u.child.getnext()
            if nxt is not None:
                split_run(u.run, nxt, 0, cmp.rv.fresh_id)
                return story.old.units(p)
    return us


def _top(u: Unit) -> etree._Element:
    return u.runs[-1] if u.kind == "field" else u.top


def _replace(cmp, story, p, start: int, end: int, new_p, nu: list[Unit], new_span) -> None:
    """Old stored characters start:end become NEW's characters new_span (either may be empty)."""
    anchor, after = None, True
    if end > start:
        split_units(cmp, story, p, end)
        us = split_units(cmp, story, p, start)
        inside = [u for u in us if u.start >= start and u.end <= end]
        runs: list[etree._Element] = []
        for u in inside:
            if u.kind == "atomic":
                _flush_delete(cmp, runs)
                # an equation is deleted whole; a link, field or control keeps its shell, its
                # content deleted inside it (as Word writes it)
                inner = [u.top] if u.top.tag in MATH_ZONES else list(current_content(u.top))
                wrappers = cmp.rv.wrap_deleted(inner, cmp.meta) if inner else []
                anchor = wrappers[-1] if u.top.tag in MATH_ZONES and wrappers else u.top
            elif u.kind == "field":
                for el in u.runs:
                    if el.tag == W["r"]:
                        if not runs or runs[-1] is not el:
                            runs.append(el)
                    else:
                        _flush_delete(cmp, runs)
                        cmp.rv.wrap_deleted(list(current_content(el)), cmp.meta)
                        anchor = el
            elif not runs or runs[-1] is not u.run:
                runs.append(u.run)
        wrapped = _flush_delete(cmp, runs)
        if wrapped is not None:
            anchor = wrapped
        if anchor is None and inside:
            anchor = _top(inside[-1])
    if new_span is None:
        return
    ns, ne = new_span
    content = build_insertion(cmp, story, nu, ns, ne)
    if not content:
        return
    if anchor is None:
        us = split_units(cmp, story, p, start)
        before = [u for u in us if u.end <= start]
        if before:
            anchor = _top(before[-1])
        elif us:
            anchor, after = _top(us[0]), False
    if anchor is None:
        for el in content:
            p.append(el)
        return
    if after:
        for el in reversed(content):
            cmp.rv.place(anchor, el, after=True)
    else:
        for el in content:
            cmp.rv.place(anchor, el, after=False)


def _flush_delete(cmp, runs: list[etree._Element]) -> etree._Element | None:
    """Wrap the pending runs in w:del; the last wrapper (None when nothing was pending)."""
    if not runs:
        return None
    wrappers = cmp.rv.wrap_deleted(list(runs), cmp.meta)
    runs.clear()
    return wrappers[-1] if wrappers else None


def build_insertion(cmp, story, nu: list[Unit], ns: int, ne: int) -> list[etree._Element]:
    """Paragraph-level elements for NEW's stored characters ns:ne: runs (in w:ins) copied
    with NEW's formatting, and links, fields or controls copied whole with their runs
    inserted inside."""
    out: list[etree._Element] = []
    current_ins = None
    last_run_src = None
    last_run = None

    def ins_for_run() -> etree._Element:
        nonlocal current_ins
        if current_ins is None:
            current_ins = cmp.rv.mark("ins", cmp.meta)
            out.append(current_ins)
        return current_ins

    for u in nu:
        if u.end <= ns or u.start >= ne:
            continue
        lo, hi = max(ns, u.start) - u.start, min(ne, u.end) - u.start
        if u.kind == "text":
            if u.run is not last_run_src or last_run is None:
                last_run = _run_like(cmp, story, u.run)
                ins_for_run().append(last_run)
                last_run_src = u.run
            if u.child.tag == W["t"]:
                t = last_run[-1] if len(last_run) and last_run[-1].tag == W["t"] else None
                if t is None:
                    t = etree.SubElement(last_run, W["t"])
                    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = (t.text or "") + u.text[lo:hi]
            else:
                last_run.append(etree.Element(u.child.tag, dict(u.child.attrib)))
        elif u.kind in ("object", "note", "box"):
            r = _run_like(cmp, story, u.run)
            r.append(story.copy(u.child))
            ins_for_run().append(r)
            last_run_src = last_run = None
        elif u.kind == "field":
            for el in u.runs:
                copied = story.copy(el)
                if el.tag == W["r"]:
                    ins_for_run().append(copied)
                else:
                    current_ins = None
                    cmp.rv.wrap_inserted(copied, cmp.meta)
                    out.append(copied)
            last_run_src = last_run = None
        elif u.top.tag in MATH_ZONES:  # an equation: inserted whole, beside the runs
            ins_for_run().append(story.copy(u.top))
            last_run_src = last_run = None
        else:  # atomic: a link, a simple field, a content control, its runs inserted inside
            copied = story.copy(u.top)
            cmp.rv.wrap_inserted(copied, cmp.meta)
            out.append(copied)
            current_ins = None
            last_run_src = last_run = None
    return out


def _run_like(cmp, story, run: etree._Element) -> etree._Element:
    """An empty run with ``run``'s formatting (revision records dropped), for OLD."""
    r = etree.Element(W["r"])
    rpr = run.find(W["rPr"]) if run is not None else None
    if rpr is not None:
        rpr = clean_rpr(story.copy(rpr))
        if len(rpr):
            r.append(rpr)
    return r
