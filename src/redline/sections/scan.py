"""One pass over the body: what the outline needs of every block, read by one XSLT pass.

Reading 50,000 paragraphs element by element through python-docx's proxies costs seconds;
an XSLT pass (libxslt, in C) reads the same facts in a fraction of that.  It mirrors
``ooxml.iter_blocks`` and ``ooxml.paragraph_text(view="current")`` exactly (the tests check
the facts are identical on every fixture); ``scan_python`` is the fallback when XSLT is
unavailable or a separator character occurs in the text.
"""
from __future__ import annotations

import re
import threading
from typing import Any

from lxml import etree

from ..ooxml import W, W_NS, paragraph_text, qn
from .numbering import paragraph_props

F_SEP, ROW_SEP, COL_SEP = "\ue001", "\ue002", "\ue003"
RUN, RUN_TEXT, RUN_PROP = "\ue004", "\ue005", "\ue007"
_MARK_RE = re.compile("\ue004[^\ue005]*\ue005")
STRIDE = 8  # fields per block: kind, style, numId, ilvl, outlineLvl, jc, table rows, text

_SCAN_XSL = """<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
 xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<xsl:output method="text" encoding="utf-8"/>
<xsl:template match="/"><xsl:apply-templates select="*/w:body/*" mode="b"/></xsl:template>
<xsl:template match="w:p" mode="b"><xsl:text>P&#xE001;</xsl:text>
 <xsl:for-each select="w:pPr"><xsl:value-of select="w:pStyle/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:numPr/w:numId/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:numPr/w:ilvl/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:outlineLvl/@w:val"/><xsl:text>&#xE001;</xsl:text>
 <xsl:value-of select="w:jc/@w:val"/><xsl:text>&#xE001;</xsl:text></xsl:for-each>
 <xsl:if test="not(w:pPr)"><xsl:text>&#xE001;&#xE001;&#xE001;&#xE001;&#xE001;</xsl:text></xsl:if>
 <xsl:text>&#xE001;</xsl:text><xsl:apply-templates select="*" mode="c"/><xsl:text>&#xE001;</xsl:text></xsl:template>
<xsl:template match="w:tbl" mode="b"><xsl:text>T&#xE001;&#xE001;&#xE001;&#xE001;&#xE001;&#xE001;</xsl:text>
 <xsl:for-each select=".//w:p[w:pPr/w:numPr or w:pPr/w:pStyle]">
  <xsl:value-of select="w:pPr/w:pStyle/@w:val"/><xsl:text>&#xE003;</xsl:text>
  <xsl:value-of select="w:pPr/w:numPr/w:numId/@w:val"/><xsl:text>&#xE003;</xsl:text>
  <xsl:value-of select="w:pPr/w:numPr/w:ilvl/@w:val"/><xsl:text>&#xE002;</xsl:text>
 </xsl:for-each><xsl:text>&#xE001;</xsl:text>
 <xsl:for-each select="(.//w:tc)[1]//w:t"><xsl:value-of select="."/></xsl:for-each>
 <xsl:text>&#xE001;</xsl:text></xsl:template>
<xsl:template match="w:sdt" mode="b"><xsl:apply-templates select="w:sdtContent[1]/*" mode="b"/></xsl:template>
<xsl:template match="w:customXml" mode="b"><xsl:apply-templates select="*" mode="b"/></xsl:template>
<xsl:template match="*" mode="b"/>
<xsl:template match="w:r" mode="c"><xsl:text>&#xE004;</xsl:text><xsl:apply-templates select="w:rPr/*" mode="m"/>
 <xsl:text>&#xE005;</xsl:text><xsl:apply-templates select="*" mode="r"/></xsl:template>
<xsl:template match="w:b" mode="m"><xsl:text>&#xE007;b</xsl:text><xsl:value-of select="@w:val"/></xsl:template>
<xsl:template match="w:i" mode="m"><xsl:text>&#xE007;i</xsl:text><xsl:value-of select="@w:val"/></xsl:template>
<xsl:template match="w:rStyle" mode="m"><xsl:text>&#xE007;s</xsl:text><xsl:value-of select="@w:val"/></xsl:template>
<xsl:template match="*" mode="m"/>
<xsl:template match="w:ins|w:moveTo|w:hyperlink|w:smartTag|w:customXml|w:sdt|w:sdtContent|w:fldSimple"
 mode="c"><xsl:apply-templates select="*" mode="c"/></xsl:template>
<xsl:template match="*" mode="c"/>
<xsl:template match="w:t" mode="r"><xsl:value-of select="."/></xsl:template>
<xsl:template match="w:tab" mode="r"><xsl:text>&#9;</xsl:text></xsl:template>
<xsl:template match="w:br|w:cr" mode="r"><xsl:text>&#10;</xsl:text></xsl:template>
<xsl:template match="w:noBreakHyphen" mode="r"><xsl:text>&#x2011;</xsl:text></xsl:template>
<xsl:template match="w:softHyphen" mode="r"><xsl:text>&#xAD;</xsl:text></xsl:template>
<xsl:template match="*" mode="r"/>
</xsl:stylesheet>"""

_xslt_local = threading.local()


def _scan_transform():
    t = getattr(_xslt_local, "xslt", None)
    if t is None:
        t = _xslt_local.xslt = etree.XSLT(etree.fromstring(_SCAN_XSL.encode()))
    return t


class Facts:
    """What the outline needs of every block, column-wise: ``STRIDE`` strings per block in
    ``plain`` (and ``marked``: the same with run markers carrying bold / run style before
    each run's text).  Field 0 is "P" (paragraph) or "T" (table); for tables field 6 lists the
    style / numId / ilvl of their numbered or styled paragraphs and field 7 is the first
    cell's text."""

    def __init__(self, plain: list[str], marked: list[str] | None):
        self.plain = plain
        self.marked = marked
        self.texts = plain[7::STRIDE]  # field 7 of every block, for loops over all of them


    def is_table(self, i: int) -> bool:
        return self.plain[i * STRIDE] == "T"

    def text(self, i: int) -> str:
        return self.texts[i]

    def style_id(self, i: int) -> str | None:
        return self.plain[i * STRIDE + 1] or None

    def num_id(self, i: int) -> int | None:
        return opt_int(self.plain[i * STRIDE + 2])

    def ilvl(self, i: int) -> int | None:
        return opt_int(self.plain[i * STRIDE + 3])

    def outline_lvl(self, i: int) -> str | None:
        return self.plain[i * STRIDE + 4] or None

    def jc(self, i: int) -> str | None:
        return self.plain[i * STRIDE + 5] or None

    def table_rows(self, i: int) -> list[tuple]:
        rows = []
        for item in self.plain[i * STRIDE + 6].split(ROW_SEP):
            if item:
                cols = (item.split(COL_SEP) + ["", "", ""])[:3]
                rows.append((cols[0] or None, opt_int(cols[1]), opt_int(cols[2])))
        return rows

    def marked_text(self, i: int) -> str | None:
        return self.marked[i * STRIDE + 7] if self.marked is not None else None


def opt_int(v: str | None) -> int | None:
    if not v:
        return None
    try:
        return int(v)
    except ValueError:
        return None


def scan(doc: Any, blocks: list[etree._Element]) -> Facts | None:
    """The facts of every block through one XSLT pass; None when that is not possible."""
    try:
        out = str(_scan_transform()(doc.element))
    except Exception:  # no XSLT, odd root: use the element walk
        return None
    return _facts(out, blocks)


def _facts(out: str, blocks: list) -> Facts | None:
    """``Facts`` from the scan's text output for ``blocks``; None when a separator character
    inside the text throws the fields out of line."""
    marked = out.split(F_SEP)
    if len(marked) != len(blocks) * STRIDE + 1:
        return None  # a separator character inside the text: do it the slow way
    plain = _MARK_RE.sub("", out).split(F_SEP)
    if len(plain) != len(marked):
        return None
    for i in range(0, len(blocks) * STRIDE, 4096 * STRIDE):  # spot-check the alignment
        if plain[i] not in ("P", "T"):
            return None
    return Facts(plain, marked)


def rescan(blocks: list[etree._Element], known: list[tuple[Facts, int] | None]) -> Facts | None:
    """What ``scan`` would read of a body whose top-level children are exactly ``blocks``
    (no content-control or custom-XML wrappers: the caller checks), reading only the blocks
    it does not know.  ``known[k] = (facts, i)`` says block k's XML is byte for byte that of
    block i of an earlier XSLT scan.  A block's facts are a function of its XML alone and
    the scan's output is the concatenation of its blocks' outputs (eight separators each
    when the scan succeeded), so block i's fields are block k's; the unknown blocks are
    scanned in one XSLT pass over copies of them under a bare body.  The output is then
    put together and checked exactly as ``scan`` checks its own, so the result is the one
    ``scan`` gives.  None when that cannot be done (an earlier scan without run markers, a
    separator character in the text): the caller scans the whole body.

    ``redline compare`` reads NEW's outline this way: in an edited copy nearly every block
    is OLD's, and reading them again was almost half of the outline's cost."""
    unknown = [b for b, k in zip(blocks, known) if k is None]
    fresh: list[str] = []
    if unknown:
        import copy

        root = etree.Element(qn("w:document"), nsmap={"w": W_NS})
        body = etree.SubElement(root, W["body"])
        body.extend(copy.deepcopy(b) for b in unknown)
        try:
            fresh = str(_scan_transform()(root)).split(F_SEP)
        except Exception:
            return None
        if len(fresh) != len(unknown) * STRIDE + 1:
            return None
    marked: list[str] = []
    at = 0
    for k in known:
        if k is None:
            marked.extend(fresh[at:at + STRIDE])
            at += STRIDE
        else:
            facts, i = k
            if facts.marked is None:
                return None
            marked.extend(facts.marked[i * STRIDE:(i + 1) * STRIDE])
    marked.append("")
    return _facts(F_SEP.join(marked), blocks)


def scan_python(blocks: list[etree._Element]) -> Facts:
    """The same facts as ``_scan``, element by element (no run markers)."""
    plain: list[str] = []
    for b in blocks:
        if b.tag == W["p"]:
            plain.extend(_para_facts(b))
            plain.extend(["", paragraph_text(b, "current")])
        else:
            rows = []
            for p in b.iter(W["p"]):
                f = _para_facts(p)
                if f[1] or f[2] or f[3]:
                    rows.append(COL_SEP.join(f[1:4]) + ROW_SEP)
            first = ""
            tc = next(b.iter(W["tc"]), None)
            if tc is not None:
                first = "".join(t.text or "" for t in tc.iter(W["t"]))
            plain.extend(["T", "", "", "", "", "", "".join(rows), first])
    plain.append("")
    return Facts(plain, None)


def _para_facts(p: etree._Element) -> list[str]:
    """["P", style, numId, ilvl, outlineLvl, jc] of a paragraph, "" for absent values."""
    return ["P", *(v or "" for v in paragraph_props(p))]

