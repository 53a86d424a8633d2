"""The WordprocessingML element layer: names, and reading text out of paragraphs.

Everything that needs to know how a paragraph's text is stored (runs, w:t, tabs,
breaks, existing w:ins / w:del, fields, content controls) asks this module, so the
rules live in one place.
"""
from __future__ import annotations

from typing import Iterator

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}


def qn(tag: str) -> str:
    """'w:p' -> '{namespace}p'."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


W = {name: qn("w:" + name) for name in (
    "body p r t tab br cr delText ins del moveFrom moveTo pPr rPr tbl tr tc sdt sdtContent "
    "customXml smartTag hyperlink fldSimple noBreakHyphen softHyphen sym instrText delInstrText "
    "fldChar rPrChange pPrChange numPr ilvl numId pStyle outlineLvl jc ind b bCs vanish "
    "commentRangeStart commentRangeEnd commentReference bookmarkStart bookmarkEnd proofErr "
    "sectPr lastRenderedPageBreak footnoteReference endnoteReference drawing pict object "
    "id author date val"
).split()}

# Containers whose children are runs (or more containers) inside a paragraph.
RUN_CONTAINERS = {W["ins"], W["moveTo"], W["hyperlink"], W["smartTag"], W["customXml"],
                  W["sdt"], W["sdtContent"], W["fldSimple"]}
DELETED_CONTAINERS = {W["del"], W["moveFrom"]}
# Office Math zones (m:oMath, m:oMathPara): paragraph-level content beside the runs, never
# inside one.  A tracked change marks one whole, with a w:ins / w:del around it (ISO 29500
# CT_RunTrackChange holds them); the revisions Word writes inside one (m:r/w:del, m:ctrlPr/w:ins)
# are that equation's own.
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MATH_ZONES = {f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"}
# A text box's own story: its paragraphs sit inside a run of the paragraph that anchors it,
# twice when the box is an mc:AlternateContent (wps:txbx in the Choice, v:textbox in the Fallback).
TXBX = qn("w:txbxContent")


def in_text_box(el: etree._Element) -> bool:
    """Is ``el`` inside a text box's story (a w:txbxContent)?"""
    return any(True for _ in el.iterancestors(TXBX))


def iter_blocks(body: etree._Element) -> Iterator[etree._Element]:
    """Body-level paragraphs and tables in document order, looking through block-level
    content controls (w:sdt) and custom XML wrappers, which Word uses for cover pages etc."""
    for child in body:
        tag = child.tag
        if tag == W["p"] or tag == W["tbl"]:
            yield child
        elif tag == W["sdt"]:
            content = child.find(W["sdtContent"])
            if content is not None:
                yield from iter_blocks(content)
        elif tag == W["customXml"]:
            yield from iter_blocks(child)


def run_text(r: etree._Element, *, deleted: bool = False) -> str:
    """The characters a run displays (w:t, or w:delText inside a deletion; tabs, breaks)."""
    out = []
    text_tag = W["delText"] if deleted else W["t"]
    for c in r:
        tag = c.tag
        if tag == text_tag or tag == W["t"]:
            out.append(c.text or "")
        elif tag == W["tab"]:
            out.append("\t")
        elif tag in (W["br"], W["cr"]):
            out.append("\n")
        elif tag == W["noBreakHyphen"]:
            out.append("\u2011")
        elif tag == W["softHyphen"]:
            out.append("\u00ad")
    return "".join(out)


def paragraph_text(p: etree._Element, view: str = "current") -> str:
    """Text of a paragraph as displayed.

    view="current": existing insertions shown, existing deletions hidden (what Word shows
    with "No Markup"/Accept All); view="original": the reverse (Reject All).
    Field instructions are never text; field results are.
    """
    out: list[str] = []
    _collect(p, view, out, deleted=False)
    return "".join(out)


def _collect(el: etree._Element, view: str, out: list[str], deleted: bool) -> None:
    for c in el:
        tag = c.tag
        if tag == W["r"]:
            if deleted:
                if view == "original":
                    out.append(run_text(c, deleted=True))
            else:
                out.append(run_text(c))
        elif tag in DELETED_CONTAINERS:
            _collect(c, view, out, deleted=True)
        elif tag in (W["ins"], W["moveTo"]):
            if view == "current":
                _collect(c, view, out, deleted)
        elif tag in RUN_CONTAINERS:
            _collect(c, view, out, deleted)


def block_text(block: etree._Element, view: str = "current") -> str:
    """Paragraph text, or a table's text as tab-separated cells and newline-separated rows."""
    if block.tag == W["p"]:
        return paragraph_text(block, view)
    rows = []
    for tr in block.iter(W["tr"]):
        cells = []
        for tc in tr.findall(W["tc"]):
            cells.append(" ".join(paragraph_text(p, view) for p in tc.iter(W["p"])))
        rows.append("\t".join(cells))
    return "\n".join(rows)


def is_deleted_paragraph(p: etree._Element) -> bool:
    """True when the paragraph mark itself is a tracked deletion (w:pPr/w:rPr/w:del)."""
    ppr = p.find(W["pPr"])
    if ppr is None:
        return False
    rpr = ppr.find(W["rPr"])
    return rpr is not None and rpr.find(W["del"]) is not None
