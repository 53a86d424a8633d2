"""Formatting changes where the text is the same: w:rPrChange on runs, w:pPrChange on
paragraphs (``compare(..., formatting=False)`` turns both off).

Formatting is compared by meaning, not by bytes: the children of w:rPr / w:pPr with their
attributes, in any order, without revision records, editing-session ids (rsid), proofing
state and language tags, which Word changes on its own and a reader never sees.  A
paragraph's numbering compares through the list it means in OLD (transplant.num_id).
"""
from __future__ import annotations

from bisect import bisect_right

from lxml import etree

from ..ooxml import W
from .read import w

_IGNORED = {w("lang"), w("noProof"), w("webHidden"), w("rPrChange"), w("pPrChange"), W["ins"], W["del"],
            W["moveFrom"], W["moveTo"], w("rsid"), w("snapToGrid"), w("specVanish")}
_PPR_IGNORED = {W["rPr"], W["sectPr"], w("pPrChange"), w("rsid"), w("snapToGrid"), w("widowControl"),
                w("suppressAutoHyphens"), w("kinsoku"), w("overflowPunct"), w("autoSpaceDE"), w("autoSpaceDN"),
                w("adjustRightInd"), w("wordWrap"), w("topLinePunct"), w("textAlignment")}


def _attrs(el: etree._Element) -> tuple:
    return tuple(sorted((k, v) for k, v in el.attrib.items() if "rsid" not in k))


def rpr_signature(rpr: etree._Element | None) -> tuple:
    """What a run's formatting means (see the module docstring)."""
    if rpr is None:
        return ()
    return tuple(sorted((c.tag, _attrs(c)) for c in rpr if isinstance(c.tag, str) and c.tag not in _IGNORED))


def ppr_signature(ppr: etree._Element | None, num_id=None) -> tuple:
    if ppr is None:
        return ()
    out = []
    for c in ppr:
        if not isinstance(c.tag, str) or c.tag in _PPR_IGNORED:
            continue
        if c.tag == w("numPr") and num_id is not None:
            ilvl = c.find(w("ilvl"))
            nid = c.find(w("numId"))
            out.append((c.tag, (("ilvl", ilvl.get(W["val"]) if ilvl is not None else "0"),
                                ("numId", num_id(nid.get(W["val"])) if nid is not None else None))))
            continue
        out.append((c.tag, _attrs(c), tuple((g.tag, _attrs(g)) for g in c)))
    return tuple(sorted(out))


def _unit_rpr(u) -> etree._Element | None:
    if u.kind in ("atomic", "field") or u.run is None:
        return None
    return u.run.find(W["rPr"])


def segments(ou, nu, ov, nv, a: int, c: int, n: int):
    """Stretches of an equal chunk (comparison positions a.. in OLD, c.. in NEW, n long)
    whose run formatting differs: (old stored start, old stored end, NEW's w:rPr)."""
    if n == 0:
        return
    o_starts = [u.start for u in ou]
    n_starts = [u.start for u in nu]
    sig_cache: dict[int, tuple] = {}

    def sig(u) -> tuple | None:
        if u.kind in ("atomic", "field"):
            return None
        key = id(u.run)
        if key not in sig_cache:
            sig_cache[key] = rpr_signature(u.run.find(W["rPr"]))
        return sig_cache[key]

    run_start = None
    run_rpr = None
    prev_key = None
    for k in range(n + 1):
        key = None
        if k < n:
            ou_k = ou[bisect_right(o_starts, ov.starts[a + k]) - 1]
            nu_k = nu[bisect_right(n_starts, nv.starts[c + k]) - 1]
            so, sn = sig(ou_k), sig(nu_k)
            if so is not None and sn is not None and so != sn:
                key = (so, sn)
        if key != prev_key:
            if prev_key is not None:
                yield ov.starts[a + run_start], ov.ends[a + k - 1], run_rpr
            run_start = k
            run_rpr = _unit_rpr(nu_k) if key is not None else None
            prev_key = key


def apply(cmp, story, p: etree._Element, start: int, end: int, new_rpr) -> int:
    """OLD's stored characters start:end take NEW's run formatting; returns runs changed."""
    from .paragraphs import split_units

    split_units(cmp, story, p, end)
    us = split_units(cmp, story, p, start)
    runs = []
    for u in us:
        if u.start >= start and u.end <= end and u.run is not None and u.kind not in ("atomic", "field"):
            if not runs or runs[-1] is not u.run:
                runs.append(u.run)
    mapped = story.copy(new_rpr) if new_rpr is not None else None
    for r in runs:
        cmp.rv.change_run_properties(r, mapped, cmp.meta)
    return len(runs)


def paragraph_properties(cmp, story, old_p: etree._Element, new_p: etree._Element) -> bool:
    """A w:pPrChange when the paragraph properties differ in meaning."""
    old_ppr, new_ppr = old_p.find(W["pPr"]), new_p.find(W["pPr"])
    if old_ppr is None and new_ppr is None or (old_ppr is not None and new_ppr is not None
                                               and etree.tostring(old_ppr) == etree.tostring(new_ppr)):
        return False
    mapped = story.copy(new_ppr) if new_ppr is not None else None
    if ppr_signature(old_ppr) == ppr_signature(mapped):
        return False
    cmp.rv.change_paragraph_properties(old_p, mapped, cmp.meta)
    return True
