"""Word's automatic numbering: the labels ("II.", "6.2.", "a)") Word draws before paragraphs.

The numbers of a multi-level list are not in the text: Word computes them while it lays the
document out, from ``word/numbering.xml`` and the paragraph's ``w:numPr``.  This module
repeats that computation in one pass over the body, so that a heading numbered by Word can
be addressed exactly like one whose number was typed.

What is modelled:

- ``w:abstractNum`` levels (``w:lvl``: ``w:start``, ``w:numFmt``, ``w:lvlText`` with %1..%9,
  ``w:lvlRestart``, ``w:isLgl``, ``w:pStyle``); ``w:num`` -> ``w:abstractNumId`` with
  ``w:lvlOverride`` (``w:startOverride`` and/or a replacement ``w:lvl``);
  numbering-linked styles (``w:numStyleLink`` -> a numbering style whose ``w:numPr`` names the
  ``w:num`` of the ``w:abstractNum`` carrying ``w:styleLink``).
- The paragraph's numbering: ``w:numPr`` on the paragraph, else inherited from its paragraph
  style through the ``w:basedOn`` chain; a direct ``w:ilvl`` without ``w:numId`` (or the
  reverse) combines with the style's; a style-inherited list with no ``w:ilvl`` takes the
  level whose ``w:pStyle`` names the style, else level 0.  ``w:numId`` 0 means "no numbering".
- Counters: one set per abstract list, shared by every ``w:num`` that points at it, except a
  ``w:num`` with overrides, which counts on its own.  A level's counter starts at its
  ``w:start`` (or the override); using a level restarts every deeper level (``w:lvlRestart``
  0 = never, n = only when a level above n is used).  A level not used yet shows its start.
- Formats: decimal, decimalZero, upperRoman, lowerRoman, upperLetter, lowerLetter (Word's
  "aa, bb" after "z"), bullet (the ``w:lvlText`` character), none (empty); anything else is
  drawn as decimal.  ``w:isLgl`` shows every level of the label in decimal.
- Paragraphs inside tables advance the counters (Word counts them) but get no label in the
  result, which maps body-level block indexes only.  Paragraphs whose mark is a tracked
  deletion are counted like the others (the original view's numbering stays stable).

Reading a document never changes it: the numbering and styles parts are looked up through
the package relationships, never created.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from lxml import etree

from ..ooxml import W, W_NS, qn

_VAL = W["val"]
_RT_NUMBERING = "/numbering"
_RT_STYLES = "/styles"

_W = {name: qn("w:" + name) for name in (
    "abstractNum abstractNumId num numId lvl ilvl start numFmt lvlText lvlRestart isLgl "
    "pStyle numStyleLink styleLink lvlOverride startOverride style styleId name basedOn type "
    "default docDefaults rPrDefault rPr pPr b bCs i caps outlineLvl numPr rStyle jc suff link"
).split()}

_FALSE = {"0", "false", "off", "none"}


def _on(el: etree._Element | None) -> bool | None:
    """Value of an OOXML on/off element: None when absent, else True unless val says off."""
    if el is None:
        return None
    v = el.get(_VAL)
    return v is None or v.lower() not in _FALSE


def _int(el: etree._Element | None, default: int | None = None) -> int | None:
    return default if el is None else _int_value(el.get(_VAL), default)


def _int_value(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def related_root(doc: Any, suffix: str) -> etree._Element | None:
    """Root element of the main document part's related part whose relationship type ends
    with ``suffix`` ("/numbering", "/styles"), or None.  Never creates the part (python-docx's
    ``numbering_part``/``styles`` properties would add a default one)."""
    try:
        rels = doc.part.rels
    except AttributeError:
        return None
    for rel in rels.values():
        if getattr(rel, "is_external", False) or not rel.reltype.endswith(suffix):
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is not None:
            return element
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            return etree.fromstring(part.blob, parser)
        except Exception:  # a broken part is "no numbering", not a crash
            return None
    return None


# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------

@dataclass
class StyleInfo:
    """A paragraph/character/numbering style with its inherited properties resolved."""

    style_id: str
    name: str = ""
    type: str = "paragraph"
    based_on: str | None = None
    num_id: int | None = None  # from w:pPr/w:numPr (inherited through basedOn)
    ilvl: int | None = None
    outline_lvl: int | None = None  # 0..8; 9 ("body text") is stored as None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    jc: str | None = None


class StyleSheet:
    """The styles part, resolved lazily and cached per style id."""

    def __init__(self, root: etree._Element | None):
        self._raw: dict[str, etree._Element] = {}
        self._resolved: dict[str, StyleInfo] = {}
        self.default_paragraph: str | None = None
        self.default_bold: bool = False
        self.default_italic: bool = False
        self._any_numbered: bool | None = None
        if root is None:
            return
        for st in root.iter(_W["style"]):
            sid = st.get(_W["styleId"])
            if sid is None:
                continue
            self._raw.setdefault(sid, st)
            if st.get(_W["type"], "paragraph") == "paragraph" and _on(st.find(_W["default"])) is True:
                self.default_paragraph = self.default_paragraph or sid
        dd = root.find(_W["docDefaults"])
        if dd is not None:
            rpr = dd.find(f"{_W['rPrDefault']}/{_W['rPr']}")
            if rpr is not None:
                self.default_bold = bool(_on(rpr.find(_W["b"])))
                self.default_italic = bool(_on(rpr.find(_W["i"])))

    def __contains__(self, style_id: str) -> bool:
        return style_id in self._raw

    def any_numbered(self) -> bool:
        """True when some paragraph style carries numbering (w:numPr)."""
        if self._any_numbered is None:
            self._any_numbered = any(
                st.find(f"{_W['pPr']}/{_W['numPr']}") is not None for st in self._raw.values())
        return self._any_numbered

    def get(self, style_id: str | None) -> StyleInfo | None:
        """Resolved style (own properties over its basedOn chain); None when unknown."""
        if style_id is None:
            style_id = self.default_paragraph
            if style_id is None:
                return None
        cached = self._resolved.get(style_id)
        if cached is not None:
            return cached
        return self._resolve(style_id, set())

    def _resolve(self, style_id: str, seen: set[str]) -> StyleInfo | None:
        cached = self._resolved.get(style_id)
        if cached is not None:
            return cached
        st = self._raw.get(style_id)
        if st is None or style_id in seen:
            return None
        seen.add(style_id)
        name_el = st.find(_W["name"])
        based_el = st.find(_W["basedOn"])
        based = based_el.get(_VAL) if based_el is not None else None
        parent = self._resolve(based, seen) if based else None
        info = StyleInfo(style_id=style_id,
                         name=name_el.get(_VAL, "") if name_el is not None else "",
                         type=st.get(_W["type"], "paragraph"), based_on=based)
        if parent is not None:
            info.num_id, info.ilvl = parent.num_id, parent.ilvl
            info.outline_lvl, info.bold, info.italic, info.caps, info.jc = (
                parent.outline_lvl, parent.bold, parent.italic, parent.caps, parent.jc)
        ppr = st.find(_W["pPr"])
        if ppr is not None:
            numpr = ppr.find(_W["numPr"])
            if numpr is not None:
                nid = _int(numpr.find(_W["numId"]))
                if nid is not None:
                    info.num_id = nid
                    info.ilvl = _int(numpr.find(_W["ilvl"]))  # own numPr: own ilvl (or none)
                else:
                    lv = _int(numpr.find(_W["ilvl"]))
                    if lv is not None:
                        info.ilvl = lv
            ol = _int(ppr.find(_W["outlineLvl"]))
            if ol is not None:
                info.outline_lvl = ol if 0 <= ol <= 8 else None
            jc = ppr.find(_W["jc"])
            if jc is not None:
                info.jc = jc.get(_VAL)
        rpr = st.find(_W["rPr"])
        if rpr is not None:
            b = _on(rpr.find(_W["b"]))
            if b is not None:
                info.bold = b
            it = _on(rpr.find(_W["i"]))
            if it is not None:
                info.italic = it
            c = _on(rpr.find(_W["caps"]))
            if c is not None:
                info.caps = c
        if info.outline_lvl is None and info.type == "paragraph":
            m = _HEADING_NAME.match(info.name) or _HEADING_NAME.match(style_id)
            if m:
                info.outline_lvl = int(m.group(1)) - 1
        self._resolved[style_id] = info
        return info


_HEADING_NAME = re.compile(r"^\s*heading\s*([1-9])\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Numbering definitions
# --------------------------------------------------------------------------------------------

@dataclass
class Level:
    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # w:lvlText, None when absent
    restart: int | None = None  # w:lvlRestart
    is_lgl: bool = False
    pstyle: str | None = None
    bold: bool | None = None  # w:lvl/w:rPr/w:b: the label is drawn bold


def _parse_level(lvl: etree._Element) -> Level:
    try:
        ilvl = int(lvl.get(_W["ilvl"], "0"))
    except ValueError:
        ilvl = 0
    level = Level(ilvl=ilvl)
    level.start = _int(lvl.find(_W["start"]), 1)
    fmt = lvl.find(_W["numFmt"])
    if fmt is not None:
        level.fmt = fmt.get(_VAL, "decimal")
    txt = lvl.find(_W["lvlText"])
    if txt is not None:
        level.text = txt.get(_VAL, "")
    level.restart = _int(lvl.find(_W["lvlRestart"]))
    level.is_lgl = bool(_on(lvl.find(_W["isLgl"])))
    ps = lvl.find(_W["pStyle"])
    if ps is not None:
        level.pstyle = ps.get(_VAL)
    rpr = lvl.find(_W["rPr"])
    if rpr is not None:
        level.bold = _on(rpr.find(_W["b"]))
    return level


@dataclass
class ListDef:
    """One ``w:num`` resolved: its levels (overrides applied) and the counter key."""

    num_id: int
    abstract_id: str
    levels: dict[int, Level]
    key: tuple  # counters are shared by every num with the same key
    style_levels: dict[str, int] = field(default_factory=dict)  # pStyle -> ilvl


class Numbering:
    """numbering.xml, indexed.  ``list_def(num_id)`` resolves a num (cached)."""

    def __init__(self, root: etree._Element | None, styles: StyleSheet):
        self.styles = styles
        self._abstract: dict[str, etree._Element] = {}
        self._nums: dict[int, etree._Element] = {}
        self._cache: dict[int, ListDef | None] = {}
        if root is None:
            return
        for an in root.iter(_W["abstractNum"]):
            aid = an.get(_W["abstractNumId"])
            if aid is not None:
                self._abstract.setdefault(aid, an)
        for num in root.iter(_W["num"]):
            try:
                nid = int(num.get(_W["numId"]))
            except (TypeError, ValueError):
                continue
            self._nums.setdefault(nid, num)

    @property
    def has_lists(self) -> bool:
        return bool(self._nums)

    def _abstract_levels(self, aid: str, depth: int = 0) -> tuple[str, dict[int, Level]] | None:
        an = self._abstract.get(aid)
        if an is None:
            return None
        link = an.find(_W["numStyleLink"])
        if link is not None and depth < 4:
            style = self.styles.get(link.get(_VAL))
            if style is not None and style.num_id:
                num = self._nums.get(style.num_id)
                if num is not None:
                    target = num.find(_W["abstractNumId"])
                    if target is not None and target.get(_VAL) != aid:
                        found = self._abstract_levels(target.get(_VAL), depth + 1)
                        if found is not None:
                            return found
        levels = {}
        for lvl in an.findall(_W["lvl"]):
            level = _parse_level(lvl)
            levels.setdefault(level.ilvl, level)
        return aid, levels

    def list_def(self, num_id: int) -> ListDef | None:
        if num_id in self._cache:
            return self._cache[num_id]
        result = None
        num = self._nums.get(num_id)
        if num is not None:
            ref = num.find(_W["abstractNumId"])
            found = self._abstract_levels(ref.get(_VAL)) if ref is not None else None
            if found is not None:
                aid, base = found
                levels = dict(base)
                overridden = False
                for ov in num.findall(_W["lvlOverride"]):
                    try:
                        ilvl = int(ov.get(_W["ilvl"], "0"))
                    except ValueError:
                        continue
                    lvl = ov.find(_W["lvl"])
                    if lvl is not None:
                        new = _parse_level(lvl)
                        new.ilvl = ilvl
                        levels[ilvl] = new
                        overridden = True
                    start = _int(ov.find(_W["startOverride"]))
                    if start is not None:
                        old = levels.get(ilvl) or Level(ilvl=ilvl)
                        levels[ilvl] = Level(ilvl=ilvl, start=start, fmt=old.fmt, text=old.text,
                                             restart=old.restart, is_lgl=old.is_lgl,
                                             pstyle=old.pstyle, bold=old.bold)
                        overridden = True
                key = ("num", num_id) if overridden else ("abstract", aid)
                style_levels = {lv.pstyle: i for i, lv in levels.items() if lv.pstyle}
                result = ListDef(num_id, aid, levels, key, style_levels)
        self._cache[num_id] = result
        return result


# --------------------------------------------------------------------------------------------
# Number formats
# --------------------------------------------------------------------------------------------

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def to_roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def to_letter(n: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa", 28 -> "bb" (Word's lowerLetter)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperLetter":
        return to_letter(n).upper()
    if fmt == "lowerLetter":
        return to_letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "none":
        return ""
    return str(n)


_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass
class NumInfo:
    """The numbering Word draws before one paragraph."""

    label: str  # "II.", "6.2.", "a)", "•"; "" for numFmt none
    num_id: int
    ilvl: int
    fmt: str  # numFmt of the paragraph's level
    is_bullet: bool
    bold: bool | None  # the level's run properties make the label bold
    style_level: bool  # the level is tied to the paragraph's style (w:pStyle), as heading lists are


def paragraph_props(p: etree._Element) -> tuple[str | None, ...]:
    """The w:val of a paragraph's direct w:pStyle, w:numPr/w:numId, w:numPr/w:ilvl,
    w:outlineLvl and w:jc, as written (None where absent): what numbering and the outline
    read of every paragraph."""
    ppr = p.find(W["pPr"])
    if ppr is None:
        return None, None, None, None, None
    numpr = ppr.find(W["numPr"])
    found = [ppr.find(W["pStyle"]), None if numpr is None else numpr.find(W["numId"]),
             None if numpr is None else numpr.find(W["ilvl"]), ppr.find(W["outlineLvl"]), ppr.find(W["jc"])]
    return tuple(None if el is None else el.get(_VAL) for el in found)


def paragraph_numpr(p: etree._Element, styles: StyleSheet) -> tuple[int, int, StyleInfo | None] | None:
    """(numId, ilvl, style) of a paragraph's numbering, or None (numId 0 / none)."""
    style_id, num_id, ilvl, _ol, _jc = paragraph_props(p)
    return numpr_from(style_id, _int_value(num_id), _int_value(ilvl), styles)


def numpr_from(style_id: str | None, num_id: int | None, ilvl: int | None,
               styles: StyleSheet) -> tuple[int, int, StyleInfo | None] | None:
    """Combine a paragraph's direct ``w:numPr`` values with its style's (see module doc).
    ilvl -1 in the result means "the level whose w:pStyle names the style"."""
    style = styles.get(style_id)
    from_style = False
    if num_id is None and style is not None and style.num_id is not None:
        num_id = style.num_id
        from_style = True
        if ilvl is None:
            ilvl = style.ilvl
    elif num_id is not None and ilvl is None and style is not None and style.num_id == num_id:
        ilvl = style.ilvl
        from_style = True
    if not num_id:
        return None
    if ilvl is None and from_style and style is not None:
        ilvl = -1  # look up the level tied to the style
    return num_id, (ilvl if ilvl is not None else 0), style


class Counter:
    """Running counters of Word lists, one document pass: call ``advance`` for every numbered
    paragraph in document order (table cells included)."""

    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.state: dict[tuple, list[int | None]] = {}

    def advance(self, num_id: int, ilvl: int, style: StyleInfo | None) -> NumInfo | None:
        ld = self.numbering.list_def(num_id)
        if ld is None:
            return None
        if ilvl < 0:
            ilvl = ld.style_levels.get(style.style_id, 0) if style is not None else 0
        ilvl = min(max(ilvl, 0), 8)
        level = ld.levels.get(ilvl) or Level(ilvl=ilvl)
        counters = self.state.get(ld.key)
        if counters is None:
            counters = self.state[ld.key] = [None] * 9
        if level.fmt != "bullet":
            counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            lv = ld.levels.get(deeper)
            restart = lv.restart if lv is not None else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                counters[deeper] = None
        return NumInfo(
            label=self._label(ld, ilvl, level, counters), num_id=num_id, ilvl=ilvl,
            fmt=level.fmt, is_bullet=level.fmt == "bullet", bold=level.bold,
            style_level=style is not None and level.pstyle == style.style_id)

    @staticmethod
    def _label(ld: ListDef, ilvl: int, level: Level, counters: list[int | None]) -> str:
        if level.fmt == "none" and not level.text:
            return ""
        text = level.text if level.text is not None else f"%{ilvl + 1}."
        if level.fmt == "bullet":
            return text

        def sub(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k > ilvl:
                return ""
            lv = ld.levels.get(k) or Level(ilvl=k)
            value = counters[k] if counters[k] is not None else lv.start
            fmt = "decimal" if (level.is_lgl and k < ilvl) else lv.fmt
            if fmt == "bullet":
                fmt = "decimal"
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(sub, text)


def compute_numbering(doc: Any, blocks: Iterable[etree._Element],
                      styles: StyleSheet | None = None) -> dict[int, NumInfo]:
    """Block index -> ``NumInfo`` for every numbered body paragraph (one pass)."""
    if styles is None:
        styles = StyleSheet(related_root(doc, _RT_STYLES))
    numbering = Numbering(related_root(doc, _RT_NUMBERING), styles)
    result: dict[int, NumInfo] = {}
    if not numbering._nums:
        return result
    counter = Counter(numbering)
    p_tag, tbl_tag = W["p"], W["tbl"]
    # (a Numbering with no w:num at all numbers nothing: see the early return above)
    for index, block in enumerate(blocks):
        if block.tag == p_tag:
            numpr = paragraph_numpr(block, styles)
            if numpr is not None:
                info = counter.advance(*numpr)
                if info is not None:
                    result[index] = info
        elif block.tag == tbl_tag:
            for p in block.iter(p_tag):
                numpr = paragraph_numpr(p, styles)
                if numpr is not None:
                    counter.advance(*numpr)
    return result


def compute_labels(doc: Any, blocks: Iterable[etree._Element]) -> dict[int, str]:
    """Block index -> the label Word displays ("II.", "6.2.", "a)", a bullet character) for
    every numbered body-level paragraph; un-numbered paragraphs and tables are absent."""
    return {i: info.label for i, info in compute_numbering(doc, blocks).items()}


def load_styles(doc: Any) -> StyleSheet:
    return StyleSheet(related_root(doc, _RT_STYLES))


def load_numbering(doc: Any, styles: StyleSheet) -> Numbering:
    return Numbering(related_root(doc, _RT_NUMBERING), styles)


__all__ = ["compute_labels", "compute_numbering", "NumInfo", "StyleSheet", "StyleInfo", "Counter",
           "Numbering", "numpr_from", "paragraph_numpr", "paragraph_props", "load_styles", "load_numbering", "related_root", "to_roman", "to_letter", "format_number", "W_NS"]
