"""Reading a document into comparable blocks, and a paragraph into comparable units.

A container (the body, a table cell, a note, a text box) is a list of blocks: w:p and
w:tbl, looked through block-level content controls.  Each block gets a *key*, the text
alignment compares: a paragraph's comparison text, or a table's rows.

A paragraph's comparison text is what it displays (the current view: insertions shown,
deletions hidden), with every object that is not text folded into ONE character, so the
word diff keeps it whole and in place:

- a picture, a symbol, an equation: a character of its own kind and content (two equal
  pictures compare equal; a replaced one differs);
- a hyperlink, a simple field, a complex field (begin ... end), a run-level content
  control: one character for the whole thing (its target or instruction and its text),
  so a link or field is kept intact or replaced as a whole, never cut;
- a footnote or endnote reference, a text box: one character per kind; when two of them
  line up, their contents are compared in turn (notes.py, textboxes.py).

Characters are then normalised the way the oracles read text (NFC, any run of spaces one
space), keeping a map back to the stored characters, so equal text stored differently (NFD,
a no-break space) is not redlined and every change covers exactly the stored characters.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from lxml import etree

from ..ooxml import W, W_NS, iter_blocks

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_M_R, _M_RPR = f"{{{M_NS}}}r", f"{{{M_NS}}}rPr"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


TXBX = w("txbxContent")
FN_REF, EN_REF = w("footnoteReference"), w("endnoteReference")
FLD_CHAR, INSTR = w("fldChar"), w("instrText")
# Run children that display one fixed character.
FIXED = {W["tab"]: "\t", W["br"]: "\n", W["cr"]: "\n", W["noBreakHyphen"]: "\u2011", W["softHyphen"]: "\u00ad",
         w("ptab"): "\t"}
# Run children that are objects (one unit each).
OBJECTS = {W["drawing"], W["pict"], W["object"], W["sym"], FN_REF, EN_REF, f"{{{MC_NS}}}AlternateContent",
           w("footnoteRef"), w("endnoteRef"), w("separator"), w("continuationSeparator"), w("pgNum"),
           w("dayShort"), w("monthShort"), w("yearShort"), w("dayLong"), w("monthLong"), w("yearLong"),
           w("annotationRef"), w("ruby"), w("contentPart"), w("embedObject")}
# Paragraph-level containers kept whole.
ATOMIC = {W["hyperlink"], W["fldSimple"], W["sdt"], f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"}
TRANSPARENT = {W["smartTag"], W["customXml"], W["ins"], W["moveTo"]}
SKIPPED = {W["del"], W["moveFrom"]}

# One character per kind of lined-up object; every other object gets one by content.
NOTE_CHAR = {FN_REF: "\U0010fff0", EN_REF: "\U0010fff1"}
BOX_CHAR = "\U0010fff2"
_FIRST_SIGNATURE = 0x100000


class Signatures:
    """Object content -> one private-use character (plane 16), shared by both documents
    of a comparison so that equal objects get equal characters."""

    def __init__(self):
        self.table: dict[str, str] = {}

    def char(self, signature: str) -> str:
        ch = self.table.get(signature)
        if ch is None:
            ch = self.table[signature] = chr(_FIRST_SIGNATURE + len(self.table))
        return ch


@dataclass
class Unit:
    """A stretch of a paragraph's displayed content: text held by one run child, or one
    object.  ``top`` is the element placed, wrapped or copied for it at paragraph level
    (the run, or the hyperlink / field / control holding the object); ``runs`` the runs
    that make it up (several for a complex field)."""

    text: str  # stored characters; one signature character for an object
    start: int  # offset in the paragraph's unit text
    kind: str  # "text", "object", "note", "box", "atomic", "field"
    run: etree._Element | None = None
    child: etree._Element | None = None  # the run child (text units, objects in runs)
    top: etree._Element | None = None
    runs: list[etree._Element] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Opaque(Exception):
    """A paragraph the unit reader cannot represent faithfully (a field left open at its
    end): it is compared as a whole and replaced as a whole."""


class Reader:
    """Reads the paragraphs of one story part (the body, the notes) of one document:
    ``sig`` is shared by both documents, ``targets`` maps the part's relationship ids to
    their targets (a hyperlink compares by where it points, not by its id)."""

    def __init__(self, sig: Signatures, targets: dict[str, str] | None = None):
        self.sig = sig
        self.targets = targets or {}

    # -- units

    def units(self, p: etree._Element) -> list[Unit]:
        """The paragraph's displayed content as units, in order (see the module docstring)."""
        out: list[Unit] = []
        fields: list[Unit] = []  # complex fields open at this point, outermost first
        pos = 0

        def add(u: Unit) -> None:
            nonlocal pos
            if fields:
                _join(fields[0], u.run if u.run is not None else u.top)
                return
            u.start = pos
            pos += len(u.text)
            out.append(u)

        def walk_run(r: etree._Element) -> None:
            for c in r:
                tag = c.tag
                if tag == W["t"]:
                    if c.text:
                        add(Unit(c.text, 0, "text", r, c, r))
                elif tag in FIXED:
                    add(Unit(FIXED[tag], 0, "text", r, c, r))
                elif tag == FLD_CHAR:
                    kind = c.get(w("fldCharType"))
                    if kind == "begin":
                        if fields:
                            _join(fields[0], r)
                        fields.append(Unit("", 0, "field", r, c, r, [r]))
                    elif kind == "end" and fields:
                        f = fields.pop()
                        _join(fields[0] if fields else f, r)
                        if not fields:
                            f.text = self.sig.char("field:" + _field_signature(f.runs))
                            add(f)
                    elif fields:
                        _join(fields[0], r)
                elif tag == INSTR:
                    if fields:
                        _join(fields[0], r)
                elif tag in NOTE_CHAR:
                    add(Unit(NOTE_CHAR[tag], 0, "note", r, c, r))
                elif tag in OBJECTS:
                    if next(c.iter(TXBX), None) is not None:
                        add(Unit(BOX_CHAR, 0, "box", r, c, r))
                    else:
                        add(Unit(self.sig.char(_object_signature(c)), 0, "object", r, c, r))

        def walk(container: etree._Element) -> None:
            for c in container:
                tag = c.tag
                if tag == W["r"]:
                    walk_run(c)
                elif tag in SKIPPED:
                    continue
                elif tag in TRANSPARENT:
                    walk(c)
                elif tag in ATOMIC:
                    add(Unit(self.sig.char("atomic:" + self._atomic_signature(c)), 0, "atomic", None, None, c, [c]))

        walk(p)
        if fields:
            raise Opaque("a field continues past the end of the paragraph")
        return out

    def _atomic_signature(self, c: etree._Element) -> str:
        from ..ooxml import paragraph_text

        c = settled(c)
        head = etree.QName(c).localname
        if c.tag == W["hyperlink"]:
            rid = c.get(f"{{{R_NS}}}id")
            head += f":{self.targets.get(rid, rid) if rid else ''}#{c.get(w('anchor')) or ''}"
        elif c.tag == W["fldSimple"]:
            head += ":" + " ".join((c.get(w("instr")) or "").split())
        if c.tag.startswith(f"{{{M_NS}}}"):
            return head + "|" + _xml_signature(c)
        if c.tag == W["sdt"]:
            return head + "|" + "".join(t.text or "" for t in c.iter(W["t"]))
        return head + "|" + paragraph_text(c)

    # -- blocks

    def blocks_of(self, container: etree._Element) -> list["Block"]:
        return [self.block(el) for el in iter_blocks(container)]

    def block(self, el: etree._Element) -> "Block":
        return self.paragraph_block(el) if el.tag == W["p"] else Block(el, "t", self.table_text(el))

    def paragraph_block(self, p: etree._Element) -> "Block":
        """A paragraph's block: its comparison text (a fast path for plain text)."""
        if next(p.iter(*_HAS_OBJECTS), None) is None:
            return Block(p, "p", view(plain_text(p)).text)
        try:
            return Block(p, "p", view(unit_text(self.units(p))).text)
        except Opaque:
            return Block(p, "p", "\U0010fffe" + _xml_signature(p), opaque=True)

    def table_text(self, tbl: etree._Element) -> str:
        return "\n".join(self.row_text(tr) for tr in tbl.findall(w("tr")))

    def row_text(self, tr: etree._Element) -> str:
        return "\t".join("\u2029".join(b.text for b in self.blocks_of(tc)) for tc in row_cells(tr))


# Elements whose inner stories (note text, text box paragraphs) a paragraph's text does not show.
BOX_TAGS = (TXBX, w("footnoteReference"), w("endnoteReference"))
_PLAIN = (W["t"], *FIXED)
_HIDDEN = (W["del"], W["moveFrom"])


def plain_text(p: etree._Element) -> str:
    """The displayed text of a paragraph without objects: one pass over its text elements
    in C (a paragraph holding a deletion takes the careful path, ``match.displayed_text``)."""
    if next(p.iter(*_HIDDEN), None) is not None:
        from ..match import displayed_text

        return displayed_text(p)
    if next(p.iter(*FIXED), None) is None:
        return "".join(p.itertext(W["t"], with_tail=False))
    t = W["t"]
    return "".join((el.text or "") if el.tag == t else FIXED[el.tag] for el in p.iter(*_PLAIN))


def fingerprint(p: etree._Element) -> tuple:
    """What a paragraph's formatting looks like, cheaply: its properties and, for each
    stretch of runs with the same properties, those properties and the text's length.
    Two paragraphs with the same text and the same fingerprint need no revision."""
    ppr = p.find(W["pPr"])
    out = [etree.tostring(ppr) if ppr is not None else b""]
    last, length = None, 0
    rpr_tag, t = W["rPr"], W["t"]
    for r in p.iter(W["r"]):
        rpr = r.find(rpr_tag)
        key = etree.tostring(rpr) if rpr is not None else b""
        n = sum(len(c.text or "") if c.tag == t else 1 for c in r if c.tag != rpr_tag)
        if key == last:
            length += n
        else:
            if last is not None:
                out.append((last, length))
            last, length = key, n
    out.append((last, length))
    return tuple(out)


def _join(f: Unit, el: etree._Element | None) -> None:
    """Add ``el`` (a run or a container) to the elements of field ``f``, once."""
    if el is not None and (not f.runs or f.runs[-1] is not el):
        f.runs.append(el)


def unit_text(us: list[Unit]) -> str:
    return "".join(u.text for u in us)


# ---------------------------------------------------------------------------- signatures

_REVISED = (W["ins"], W["del"], W["moveFrom"], W["moveTo"], W["rPrChange"], W["pPrChange"])


def settled(el: etree._Element) -> etree._Element:
    """``el`` as its current view shows it: a copy with its own revisions accepted, when it
    holds any.  OLD's earlier revisions inside an equation, link or control (Word writes
    m:r/w:ins, m:ctrlPr/w:del ...) are kept in the output, and NEW is read accepted: both
    sides are signed by what they show, so an equation unchanged between them is left
    untouched instead of replaced whole.  Math runs left empty (a deletion inside accepted:
    by us, they stay; by Word, they go) are dropped on both sides."""
    revised = next(el.iter(*_REVISED), None) is not None
    if not revised and not any(_empty_math_run(r) for r in el.iter(_M_R)):
        return el
    import copy

    from ..revisions import accept_all

    out = copy.deepcopy(el)
    if revised:
        accept_all(out)
    for r in [r for r in out.iter(_M_R) if _empty_math_run(r)]:
        r.getparent().remove(r)
    return out


def _empty_math_run(r: etree._Element) -> bool:
    return not any(c.tag not in (W["rPr"], _M_RPR) for c in r)


# Identifiers that differ between equal copies, and namespace declarations (a part declares
# every namespace at its root, and an element serialised in place repeats them; a copy holds
# only those it uses).
_IDS = re.compile(rb'\s(?:w:id|w14:paraId|w14:textId|w:rsid\w*|wp14:\w+|r:id|r:embed|r:link|id|xmlns(?::\w+)?)="[^"]*"')


def _xml_signature(el: etree._Element) -> str:
    raw = etree.tostring(el, encoding="UTF-8")
    return hashlib.sha1(_IDS.sub(b"", raw)).hexdigest()


def _object_signature(c: etree._Element) -> str:
    if c.tag == W["sym"]:
        return f"sym:{c.get(w('font'))}:{c.get(w('char'))}"
    blips = [b.get(f"{{{R_NS}}}embed") for b in c.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")]
    return f"{etree.QName(c).localname}:{_xml_signature(c)}:{len(blips)}"


def _field_signature(runs: list[etree._Element]) -> str:
    instr = "".join(t.text or "" for r in runs for t in r.iter(INSTR))
    result = []
    seen_sep = False
    for r in runs:
        for c in r.iter(FLD_CHAR, W["t"]):
            if c.tag == FLD_CHAR and c.get(w("fldCharType")) == "separate":
                seen_sep = True
            elif c.tag == W["t"] and seen_sep:
                result.append(c.text or "")
    return " ".join(instr.split()) + "|" + "".join(result)


# ---------------------------------------------------------------------------- normalised view

def view(raw: str):
    """The comparison view of stored text (``match.NormalView``: NFC by grapheme cluster,
    every run of space-like characters one space, with a map back to the stored characters);
    quotes, dashes and invisible characters are kept as they are: changing them is a change."""
    from ..match import normal_view

    return normal_view(raw, unify=False)


# ---------------------------------------------------------------------------- blocks

@dataclass
class Block:
    """One block of a container: its element, kind ("p" / "t") and comparison text."""

    el: etree._Element
    kind: str
    text: str
    opaque: bool = False


_HAS_OBJECTS = (W["hyperlink"], W["fldSimple"], W["sdt"], FLD_CHAR, W["drawing"], W["pict"], W["object"],
                W["sym"], FN_REF, EN_REF, f"{{{MC_NS}}}AlternateContent", f"{{{M_NS}}}oMath", w("footnoteRef"),
                w("endnoteRef"), w("ptab"), w("separator"), w("continuationSeparator"))


def row_cells(tr: etree._Element) -> list[etree._Element]:
    """The cells of a row, looking through cell-level content controls."""
    out = []
    for c in tr:
        if c.tag == w("tc"):
            out.append(c)
        elif c.tag in (W["sdt"], W["customXml"]):
            inner = c.find(W["sdtContent"]) if c.tag == W["sdt"] else c
            if inner is not None:
                out.extend(x for x in inner if x.tag == w("tc"))
    return out


def row_shape(tr: etree._Element) -> tuple:
    """What a row's cells look like: span and vertical merge of each (rows pair cell by
    cell only when their shapes agree)."""
    shape = []
    for tc in row_cells(tr):
        tcpr = tc.find(w("tcPr"))
        span = vm = None
        if tcpr is not None:
            g = tcpr.find(w("gridSpan"))
            span = g.get(w("val")) if g is not None else None
            v = tcpr.find(w("vMerge"))
            vm = (v.get(w("val")) or "continue") if v is not None else None
        shape.append((span, vm))
    return tuple(shape)
