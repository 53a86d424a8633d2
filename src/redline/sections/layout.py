"""Layout cues: what a paragraph looks like (bold, italic, capitals, centred), the evidence
that tells a typed "1." heading from a numbered list item.

``Body`` is the draft's body as the outline reads it: the blocks (body paragraphs and tables),
their facts from one pass (``scan``), each paragraph's current text, the style sheet, Word's
numbering labels (``numbering``), and per paragraph the cues the heading rules ask for:
``segments`` ((text, bold, italic) per run, run styles and paragraph styles resolved),
``all_bold``, ``is_centered``, ``style_facts``.  Nothing here decides what is a heading.
"""
from __future__ import annotations

from typing import Any

from lxml import etree

from ..ooxml import DELETED_CONTAINERS, RUN_CONTAINERS, W, iter_blocks, qn, run_text
from . import scan as _scan
from .numbering import Counter, NumInfo, StyleInfo, StyleSheet, load_numbering, load_styles, numpr_from
from .rules import HeadingRules
from .scan import RUN, RUN_PROP, RUN_TEXT, STRIDE, Facts

_B = W["b"]
_RSTYLE = qn("w:rStyle")
_VAL = W["val"]
_FALSE = {"0", "false", "off", "none"}


def _on(el) -> bool | None:
    if el is None:
        return None
    v = el.get(_VAL)
    return v is None or v.lower() not in _FALSE


def run_segments(p: etree._Element, styles: StyleSheet, para: tuple[bool, bool]) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) for each run of the paragraph's current view; ``para`` is the
    paragraph style's (bold, italic)."""
    out: list[tuple[str, bool, bool]] = []
    i_tag = qn("w:i")

    def visit(el):
        for c in el:
            tag = c.tag
            if tag == W["r"]:
                text = run_text(c)
                if not text:
                    continue
                bold, italic = para
                rpr = c.find(W["rPr"])
                if rpr is not None:
                    rs = rpr.find(_RSTYLE)
                    if rs is not None:
                        cs = styles.get(rs.get(_VAL))
                        if cs is not None:
                            bold = cs.bold if cs.bold is not None else bold
                            italic = cs.italic if cs.italic is not None else italic
                    b = _on(rpr.find(_B))
                    if b is not None:
                        bold = b
                    it = _on(rpr.find(i_tag))
                    if it is not None:
                        italic = it
                out.append((text, bold, italic))
            elif tag in DELETED_CONTAINERS:
                continue
            elif tag in RUN_CONTAINERS:
                visit(c)

    visit(p)
    return out


def bold_stats(segments: list[tuple[str, bool, bool]], label_chars: int) -> tuple[bool, bool]:
    """(whole paragraph bold, label bold) ignoring whitespace."""
    any_text = False
    all_bold = True
    label_bold = True
    pos = 0
    label_seen = False
    for text, bold, _ in segments:
        if text.strip():
            any_text = True
            if not bold:
                all_bold = False
            if pos < label_chars:
                seg = text[:label_chars - pos]
                if seg.strip():
                    label_seen = True
                    if not bold:
                        label_bold = False
        pos += len(text)
    return (any_text and all_bold), (label_seen and label_bold)


def all_italic(segments: list[tuple[str, bool, bool]]) -> bool:
    seen = False
    for text, _, italic in segments:
        if text.strip():
            if not italic:
                return False
            seen = True
    return seen


def bold_lead(segments: list[tuple[str, bool, bool]]) -> int:
    """Characters of the paragraph's leading bold runs (a run-in heading's lead-in)."""
    pos = 0
    for text, bold, _ in segments:
        if not bold and text.strip():
            break
        pos += len(text)
    return pos


def is_caps(text: str) -> bool:
    """At least three letters, none lower case."""
    if text.upper() != text:
        return False
    n = 0
    for c in text:
        if c.isalpha():
            n += 1
            if n >= 3:
                return True
    return False


def segments_from_marked(marked: str, styles: StyleSheet, para: tuple[bool, bool]) -> list[tuple[str, bool, bool]]:
    out = []
    for piece in marked.split(RUN)[1:]:
        meta, _, text = piece.partition(RUN_TEXT)
        if not text:
            continue
        bold, italic = para
        b = it = rstyle = None  # the run's w:b / w:i values ("" for no value), its w:rStyle
        if meta:  # "<PROP>b<val>", "<PROP>i<val>", "<PROP>s<style id>", in rPr order; the first counts
            for prop in meta.split(RUN_PROP)[1:]:
                kind, value = prop[:1], prop[1:]
                if kind == "b" and b is None:
                    b = value
                elif kind == "i" and it is None:
                    it = value
                elif kind == "s" and rstyle is None:
                    rstyle = value
        if rstyle:
            cs = styles.get(rstyle)
            if cs is not None:
                bold = cs.bold if cs.bold is not None else bold
                italic = cs.italic if cs.italic is not None else italic
        if b is not None:
            bold = b.lower() not in _FALSE
        if it is not None:
            italic = it.lower() not in _FALSE
        out.append((text, bold, italic))
    return out



class Body:
    """The draft's body blocks with their facts, texts, styles and Word's numbering labels,
    and the layout cues of each paragraph (see the module docstring)."""

    def __init__(self, doc: Any, rules: HeadingRules, read_facts=None):
        """``read_facts(doc, blocks)``: the blocks' facts read another way (``outline.build``),
        or None for the one-pass scan."""
        self.doc = doc
        self.rules = rules
        body = doc.element.body
        if body.find(W["sdt"]) is None and body.find(W["customXml"]) is None:  # no wrappers: in C
            self.blocks: list[etree._Element] = list(body.iterchildren(W["p"], W["tbl"]))
        else:
            self.blocks = list(iter_blocks(body))
        self.styles = load_styles(doc)
        self.facts: Facts = ((read_facts(doc, self.blocks) if read_facts is not None else None)
                             or _scan.scan(doc, self.blocks) or _scan.scan_python(self.blocks))
        plain = self.facts.plain
        self.texts: dict[int, str] = {
            i: plain[i * STRIDE + 7] for i in range(len(self.blocks)) if plain[i * STRIDE] == "P"}
        self.numinfo: dict[int, NumInfo] = self.count_numbers() if rules.use_numbering else {}
        self.extra_heading_styles = {k.lower(): v for k, v in rules.heading_styles.items()}
        self._style_facts: dict[str, tuple] = {}

    def count_numbers(self) -> dict[int, NumInfo]:
        """Word's numbering labels of body paragraphs (``sections.numbering``), from the scan."""
        numbering = load_numbering(self.doc, self.styles)
        result: dict[int, NumInfo] = {}
        if not numbering.has_lists:
            return result
        counter = Counter(numbering)
        styles = self.styles
        numbered_style: dict[str, bool] = {}  # style id -> its chain carries numbering

        def style_has_numbers(style_id: str) -> bool:
            v = numbered_style.get(style_id)
            if v is None:
                st = styles.get(style_id or None)
                v = numbered_style[style_id] = st is not None and st.num_id is not None
            return v
        facts = self.facts
        plain = facts.plain
        for i in range(len(self.blocks)):
            k = i * STRIDE
            if plain[k] == "P":
                if not plain[k + 2] and not plain[k + 3] and not style_has_numbers(plain[k + 1]):
                    continue
                numpr = numpr_from(facts.style_id(i), facts.num_id(i), facts.ilvl(i), styles)
                if numpr is not None:
                    info = counter.advance(*numpr)
                    if info is not None:
                        result[i] = info
            elif plain[k + 6]:
                for style_id, num_id, ilvl in facts.table_rows(i):
                    numpr = numpr_from(style_id, num_id, ilvl, styles)
                    if numpr is not None:
                        counter.advance(*numpr)
        return result

    # ---- per paragraph
    def style_of(self, i: int) -> StyleInfo | None:
        return self.styles.get(self.facts.style_id(i))

    def ignored_style(self, style: StyleInfo | None) -> bool:
        if style is None:
            return False
        name = (style.name or style.style_id).lower()
        return any(name.startswith(prefix) for prefix in self.rules.ignore_styles)

    def para_bold(self, style: StyleInfo | None) -> tuple[bool, bool]:
        """(bold, italic) the paragraph style gives its runs."""
        bold = style.bold if style is not None and style.bold is not None else self.styles.default_bold
        italic = (style.italic if style is not None and style.italic is not None
                  else self.styles.default_italic)
        return bold, italic

    def is_centered(self, i: int) -> bool:
        jc = self.facts.jc(i)
        if jc is None:
            style = self.style_of(i)
            jc = style.jc if style is not None else None
        return jc == "center"

    def segments(self, i: int, style: StyleInfo | None = None) -> list[tuple[str, bool, bool]]:
        """(text, bold, italic) of each run of paragraph ``i``, current view (``style``: its
        paragraph style, when the caller has it already)."""
        if style is None:
            style = self.style_of(i)
        marked = self.facts.marked_text(i)
        if marked is not None:
            return segments_from_marked(marked, self.styles, self.para_bold(style))
        return run_segments(self.blocks[i], self.styles, self.para_bold(style))

    def all_bold(self, i: int) -> bool:
        return bold_stats(self.segments(i), 0)[0]

    def style_facts(self, style_id: str) -> tuple[StyleInfo | None, int | None, int | None, bool]:
        """(style, its outline level, its ``HeadingRules.heading_styles`` level, ignored) for a
        paragraph style id, computed once per id: a draft has a handful of styles and tens of
        thousands of paragraphs."""
        got = self._style_facts.get(style_id)
        if got is None:
            style = self.styles.get(style_id or None)
            extra = None
            if style is not None and self.extra_heading_styles:
                lvl = (self.extra_heading_styles.get(style.name.lower())
                       or self.extra_heading_styles.get(style.style_id.lower()))
                extra = lvl - 1 if lvl else None
            got = (style, style.outline_lvl if style is not None else None, extra, self.ignored_style(style))
            self._style_facts[style_id] = got
        return got

    def block_text(self, i: int) -> str:
        """A paragraph's text, or the text of a table's first cell."""
        return self.facts.text(i)
