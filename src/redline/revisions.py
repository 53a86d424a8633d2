"""Accept or reject tracked changes in pure Python: all of them, or one author's.

``accept_all(root)`` / ``reject_all(root)`` work on one parsed WordprocessingML part (document,
header, footer, footnotes, endnotes, comments; styles and numbering for formatting changes);
``accept_file`` / ``reject_file`` do a whole .docx (what ``redline accept`` / ``redline reject`` run).

What each revision means (ISO/IEC 29500-1 §17.13.5), and what the two operations do with it:

========================================  ===========================  ===============================
revision                                   accept                       reject
========================================  ===========================  ===============================
w:ins, w:moveTo (run containers)           keep the content             remove it with its content
w:del, w:moveFrom (run containers)         remove it with its content   keep the content (w:delText ->
                                                                        w:t, w:delInstrText -> w:instrText)
paragraph mark w:pPr/w:rPr/w:del|moveFrom  merge the paragraph with     drop the marker
                                           the next one
paragraph mark w:pPr/w:rPr/w:ins|moveTo    drop the marker              merge with the next paragraph
w:rPrChange, w:pPrChange, w:sectPrChange,  drop the record              restore the old properties it
w:tblPrChange, w:tblPrExChange,                                         holds (revision markers and
w:trPrChange, w:tcPrChange,                                             header/footer references stay)
w:tblGridChange
w:numberingChange                          drop                         drop (it holds only the old
                                                                        number text, not numbering)
w:numPr/w:ins (numbering inserted)         drop the marker              remove the w:numPr
table row w:trPr/w:del | w:trPr/w:ins      remove row | drop marker     drop marker | remove row
cell w:cellDel | w:cellIns                 remove cell | drop marker    drop marker | remove cell
cell w:cellMerge                           w:vMerge from @vMerge        w:vMerge from @vMergeOrig
move / custom XML range markers            removed                      removed
========================================  ===========================  ===============================

Nesting works from the inside: another author's w:del inside a w:ins (text inserted by one
department and deleted by another) disappears on Accept All and on Reject All, and with an
``author`` each side is settled separately.

Merging at a paragraph mark: the paragraph's content moves to the start of the next paragraph,
which keeps its own properties - the mark that survives carries them (this is also how Word stores
it: a paragraph's properties live in its mark).  Merged texts are joined with nothing between them,
as Word and LibreOffice do (pandoc puts a space).  A paragraph cannot merge into a table, a
content control or past the end of its story: an empty paragraph there is removed (a paragraph
deleted just before a table); one with text keeps its mark, as Word never deletes the last
paragraph mark of a document or a cell.  Emptied tables, rows and cells are tidied so the result
stays valid (a cell keeps at least one paragraph).

File level: comments whose reference went away with accepted deletions or rejected insertions are
removed (with their ranges and their commentsExtended / commentsIds entries), and so are footnotes
and endnotes whose reference went away, as Word does.

Not covered: custom XML element insertions/deletions are settled by dropping their range
markers only; a field whose begin/separate/end were revised separately is not repaired.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from .errors import DocumentError, ResolveError
from .messages import Option, detect_language, language, msg
from .options import expect_suffix, language_option
from .text import fold
from .ooxml import W_NS

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


AUTHOR = w("author")
ID = w("id")

INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
P, PPR, RPR, R, TBL, TR, TC, TRPR, TCPR, NUMPR, SECTPR = (
    w(n) for n in ("p", "pPr", "rPr", "r", "tbl", "tr", "tc", "trPr", "tcPr", "numPr", "sectPr"))
TEXT_MAP = {w("delText"): w("t"), w("delInstrText"): w("instrText")}

# Where w:ins / w:del are markers on their parent rather than containers of content.
MARKER_PARENTS = {RPR, TRPR, NUMPR}

PROPERTY_CHANGES = {  # change element -> (its parent, the tag of the old properties inside it)
    w("rPrChange"): w("rPr"),
    w("pPrChange"): w("pPr"),
    w("sectPrChange"): w("sectPr"),
    w("tblPrChange"): w("tblPr"),
    w("tblPrExChange"): w("tblPrEx"),
    w("trPrChange"): w("trPr"),
    w("tcPrChange"): w("tcPr"),
    w("tblGridChange"): w("tblGrid"),
}
# Children of the current properties that the old properties never hold and a reject keeps.
KEEP_ON_RESTORE = {
    w("rPr"): {INS, DEL, MOVE_FROM, MOVE_TO},
    w("pPr"): {RPR, SECTPR},
    w("sectPr"): {w("headerReference"), w("footerReference")},
    w("trPr"): {INS, DEL},
    w("tcPr"): {w("cellIns"), w("cellDel"), w("cellMerge")},
}

RANGE_MARKERS = [w(n) for n in (
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
    "customXmlMoveToRangeEnd")]

# Block-level elements a paragraph can be followed by; everything else between blocks (bookmarks,
# comment and move ranges, permissions, proofing marks) is a marker.
BLOCKS = {P, TBL, w("sdt"), w("customXml"), w("altChunk")}
# Paragraph children that are markers, not content.
NON_CONTENT = {PPR, w("bookmarkStart"), w("bookmarkEnd"), w("commentRangeStart"), w("commentRangeEnd"),
               w("proofErr"), w("permStart"), w("permEnd"), *RANGE_MARKERS}


class _Run:
    """One accept or reject pass over a part."""

    def __init__(self, root: etree._Element, accept: bool, author: str | None,
                 select: Callable[[etree._Element], bool] | None = None):
        self.root = root
        self.accept = accept
        self.author = author
        self.select = select
        self.count = 0

    def match(self, el: etree._Element) -> bool:
        if self.select is not None:
            return self.select(el)
        return self.author is None or el.get(AUTHOR) == self.author

    def attached(self, el: etree._Element) -> bool:
        while el is not None:
            if el is self.root:
                return True
            el = el.getparent()
        return False

    # -- the pass ---------------------------------------------------------------------------

    def run(self) -> int:
        self.property_changes()
        self.custom_xml_ranges()
        self.containers()
        merges = self.paragraph_marks()
        self.rows_and_cells()
        self.numbering()
        self.range_markers()
        self.tidy()  # tables emptied of rows go before paragraphs merge around them
        for p in merges:
            if self.attached(p):
                self.merge_forward(p)
        if self.count:
            _repair_fields(self.root)
        self.tidy()
        return self.count

    def property_changes(self) -> None:
        for change in list(self.root.iter(*PROPERTY_CHANGES, w("numberingChange"))):
            if not self.match(change) or not self.attached(change):
                continue
            self.count += 1
            parent = change.getparent()
            if self.accept or change.tag == w("numberingChange"):
                parent.remove(change)
                continue
            old = change.find(PROPERTY_CHANGES[change.tag])
            keep = [c for c in parent if c.tag in KEEP_ON_RESTORE.get(parent.tag, ())]
            for c in list(parent):
                parent.remove(c)
            restored = list(old) if old is not None else []
            if parent.tag in (RPR, SECTPR):  # a mark's revision markers, header/footer references come first
                new = keep + restored
            else:
                new = restored + keep
            for c in new:
                parent.append(c)
            if old is not None and parent.tag == SECTPR:
                for k, v in old.attrib.items():
                    parent.set(k, v)

    def custom_xml_ranges(self) -> None:
        """A content control or custom XML element whose start or end tag lies in an accepted
        customXmlDel/MoveFrom range (a rejected customXmlIns/MoveTo range) is gone: its content
        stays where it was (and is settled like any other content)."""
        kinds = ("customXmlDel", "customXmlMoveFrom") if self.accept else ("customXmlIns", "customXmlMoveTo")
        for kind in kinds:
            ends = {el.get(ID): el for el in self.root.iter(w(kind + "RangeEnd"))}
            for start in list(self.root.iter(w(kind + "RangeStart"))):
                end = ends.get(start.get(ID))
                if end is None or not self.match(start):
                    continue
                # the ancestors themselves, held while compared: an id() of an lxml proxy dropped
                # after the set was made may be reused by another element's proxy (a content
                # control was then kept or unwrapped from run to run)
                above_start, above_end = list(start.iterancestors()), list(end.iterancestors())
                for el in [*above_start, *above_end]:
                    if el.tag in (w("sdt"), w("customXml")) and \
                            any(a is el for a in above_start) != any(a is el for a in above_end):
                        if self.attached(el):
                            self.count += 1
                            _unwrap_custom(el)

    def containers(self) -> None:
        """Run-level w:ins / w:del / w:moveTo / w:moveFrom (anything not a marker)."""
        found = [el for el in self.root.iter(INS, DEL, MOVE_FROM, MOVE_TO)
                 if el.getparent() is not None and el.getparent().tag not in MARKER_PARENTS and self.match(el)]
        keep_tags = (INS, MOVE_TO) if self.accept else (DEL, MOVE_FROM)
        drop_tags = (DEL, MOVE_FROM) if self.accept else (INS, MOVE_TO)
        # dropping first: content inside a dropped container needs no further work
        for el in found:
            if el.tag in drop_tags and self.attached(el):
                self.count += 1
                _remove(el)
        restored: list[etree._Element] = []
        for el in found:
            if el.tag in keep_tags and self.attached(el):
                self.count += 1
                if not self.accept:
                    restored.extend(el.iter(*TEXT_MAP))
                _unwrap(el)
        for t in restored:  # deleted text that is no longer inside any deletion becomes text again
            if t.tag in TEXT_MAP and self.attached(t) and not any(a.tag in (DEL, MOVE_FROM)
                                                                   for a in t.iterancestors()):
                t.tag = TEXT_MAP[t.tag]

    def paragraph_marks(self) -> list[etree._Element]:
        merges = []
        for p in list(self.root.iter(P)):
            rpr = p.find(f"{PPR}/{RPR}")
            if rpr is None:
                continue
            marks = [m for m in rpr if m.tag in (INS, DEL, MOVE_FROM, MOVE_TO) and self.match(m)]
            if not marks:
                continue
            gone = (DEL, MOVE_FROM) if self.accept else (INS, MOVE_TO)
            if any(m.tag in gone for m in marks):
                merges.append(p)
            for m in marks:
                self.count += 1
                rpr.remove(m)
        return merges

    def rows_and_cells(self) -> None:
        gone_row = DEL if self.accept else INS
        for tr in list(self.root.iter(TR)):
            trpr = tr.find(TRPR)
            if trpr is None or not self.attached(tr):
                continue
            marks = [m for m in trpr if m.tag in (INS, DEL) and self.match(m)]
            if not marks:
                continue
            self.count += len(marks)
            if any(m.tag == gone_row for m in marks):
                _remove(tr)
            else:
                for m in marks:
                    trpr.remove(m)
        gone_cell = w("cellDel") if self.accept else w("cellIns")
        for mark in list(self.root.iter(w("cellIns"), w("cellDel"), w("cellMerge"))):
            if not self.match(mark) or not self.attached(mark):
                continue
            self.count += 1
            tcpr = mark.getparent()
            if mark.tag == gone_cell and tcpr.getparent() is not None and tcpr.getparent().tag == TC:
                _remove(tcpr.getparent())
                continue
            if mark.tag == w("cellMerge"):
                _set_vmerge(tcpr, mark.get(w("vMerge") if self.accept else w("vMergeOrig")))
            tcpr.remove(mark)

    def numbering(self) -> None:
        for mark in list(self.root.iter(INS)):
            parent = mark.getparent()
            if parent is None or parent.tag != NUMPR or not self.match(mark) or not self.attached(mark):
                continue
            self.count += 1
            if self.accept:
                parent.remove(mark)
            else:
                parent.getparent().remove(parent)

    def range_markers(self) -> None:
        starts: dict[str, set[str]] = {}
        for el in list(self.root.iter(*RANGE_MARKERS)):
            name = etree.QName(el).localname
            if name.endswith("Start"):
                if self.match(el):
                    starts.setdefault(name[:-5], set()).add(el.get(ID))
                    _remove(el)
            elif (self.author is None and self.select is None) or el.get(ID) in starts.get(name[:-3], set()):
                _remove(el)

    # -- merging at a paragraph mark -------------------------------------------------------------

    def merge_forward(self, p: etree._Element) -> None:
        between: list[etree._Element] = []
        nxt = p.getnext()
        while nxt is not None and not (isinstance(nxt.tag, str) and (nxt.tag in BLOCKS or nxt.tag == SECTPR)):
            between.append(nxt)
            nxt = nxt.getnext()
        if nxt is not None and nxt.tag == P:
            if _has_content(p):
                _take_paragraph_properties(p, nxt)
            ppr = nxt.find(PPR)
            at = 1 if ppr is not None and nxt.index(ppr) == 0 else 0
            moved = [c for c in p if c.tag != PPR] + between
            for k, c in enumerate(moved):
                nxt.insert(at + k, c)
            _remove(p)
            return
        if _has_content(p):
            return  # nothing to merge into: the paragraph stays (Word keeps a story's last mark)
        prev = p.getprevious()
        while prev is not None and not (isinstance(prev.tag, str) and prev.tag in BLOCKS):
            prev = prev.getprevious()
        if nxt is not None and nxt.tag != SECTPR:
            pass  # an empty paragraph before a table or content control: remove it
        elif prev is None or prev.tag != P:
            return  # the story's only paragraph, or the one after a table: it must stay
        parent = p.getparent()
        idx = parent.index(p)
        for k, c in enumerate(c for c in p if c.tag != PPR):  # keep bookmarks and ranges in place
            parent.insert(idx + k, c)
        _remove(p)

    # -- keep the result valid ----------------------------------------------------------------

    def tidy(self) -> None:
        for tbl in list(self.root.iter(TBL)):
            for tr in tbl.findall(TR):
                if tr.find(TC) is None:
                    tbl.remove(tr)
            if tbl.find(TR) is None:
                parent = tbl.getparent()
                _remove(tbl)
                if parent is not None and parent.tag == TC:
                    _ensure_paragraph(parent)
        for tc in self.root.iter(TC):
            _ensure_paragraph(tc)
        body = self.root.find(w("body"))
        if body is not None and not any(c.tag in BLOCKS for c in body):
            sect = body.find(SECTPR)
            if sect is not None:
                sect.addprevious(etree.Element(P))
            else:
                body.append(etree.Element(P))


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    idx = parent.index(el)
    for k, c in enumerate(list(el)):
        parent.insert(idx + k, c)
    parent.remove(el)


FLD_CHAR, INSTR = w("fldChar"), w("instrText")
FLD_TYPE = w("fldCharType")


def _repair_fields(root: etree._Element) -> None:
    """Complex fields whose begin, separate or end went with a revision while other parts stayed
    (a field code deleted around an untouched "\\* MERGEFORMAT" switch): drop the orphans, as a
    field code outside a field means nothing."""
    stack: list[list[etree._Element]] = []  # per open field: begin, instrTexts, separate
    orphans: list[etree._Element] = []
    for el in root.iter(FLD_CHAR, INSTR):
        if el.tag == INSTR:
            if stack:
                stack[-1].append(el)
            else:
                orphans.append(el)
            continue
        kind = el.get(FLD_TYPE)
        if kind == "begin":
            stack.append([el])
        elif kind == "separate":
            if stack:
                stack[-1].append(el)
            else:
                orphans.append(el)
        elif kind == "end":
            if stack:
                stack.pop()
            else:
                orphans.append(el)
    for frame in stack:  # a begin that never ends
        orphans.extend(frame)
    for el in orphans:
        r = el.getparent()
        _remove(el)
        if r is not None and r.tag == R and not any(c.tag != RPR for c in r):
            _remove(r)


def _take_paragraph_properties(p: etree._Element, nxt: etree._Element) -> None:
    """``p`` merges into ``nxt``; the merged paragraph has ``p``'s paragraph properties (style,
    numbering, indents ...) but ``nxt``'s mark: its run properties and its section break."""
    src = p.find(PPR)
    old = nxt.find(PPR)
    new = etree.Element(PPR)
    base = [c for c in src if c.tag not in (RPR, SECTPR, w("pPrChange"))] if src is not None else []
    for c in base:
        new.append(c)
    if old is not None:
        for tag in (RPR, SECTPR):
            el = old.find(tag)
            if el is not None:
                new.append(el)
    change = src.find(w("pPrChange")) if src is not None else None
    if change is not None:
        new.append(change)
    if old is not None:
        nxt.replace(old, new)
    else:
        nxt.insert(0, new)


def _unwrap_custom(el: etree._Element) -> None:
    """Replace a w:sdt by its w:sdtContent's children, a w:customXml by its content."""
    if el.tag == w("sdt"):
        content = el.find(w("sdtContent"))
        kids = list(content) if content is not None else []
    else:
        kids = [c for c in el if c.tag != w("customXmlPr")]
    parent = el.getparent()
    idx = parent.index(el)
    for k, c in enumerate(kids):
        parent.insert(idx + k, c)
    parent.remove(el)


_EMPTY_IN_RUN = {RPR, w("lastRenderedPageBreak")}
_TEXTS = {w("t"), w("delText"), w("instrText"), w("delInstrText")}


def _run_has_content(r: etree._Element) -> bool:
    for k in r:
        if k.tag in _EMPTY_IN_RUN or not isinstance(k.tag, str):
            continue
        if k.tag in _TEXTS and not k.text:
            continue
        return True
    return False


def _has_content(p: etree._Element) -> bool:
    """Does the paragraph show anything (text, a tab, a picture, a field, math)?"""
    for c in p:
        if not isinstance(c.tag, str) or c.tag in NON_CONTENT:
            continue
        if c.tag == R:
            if _run_has_content(c):
                return True
            continue
        if c.tag.startswith(f"{{{M_NS}}}"):
            return True
        # containers (hyperlink, sdt, smartTag, fldSimple, ins ...): content if any run in them has some
        if any(_run_has_content(r) for r in c.iter(R)) or next(c.iter(f"{{{M_NS}}}r"), None) is not None:
            return True
    return False


def _ensure_paragraph(tc: etree._Element) -> None:
    if not any(c.tag in (P, TBL) for c in tc):
        tc.append(etree.Element(P))


_VMERGE_BEFORE = {w(n) for n in ("cnfStyle", "tcW", "gridSpan", "hMerge")}


def _set_vmerge(tcpr: etree._Element, value: str | None) -> None:
    """cellMerge's ST_AnnotationVMerge ("rest" = restart, "cont" = continue, absent = none)."""
    old = tcpr.find(w("vMerge"))
    if old is not None:
        tcpr.remove(old)
    if value not in ("rest", "cont"):
        return
    vm = etree.Element(w("vMerge"))
    if value == "rest":
        vm.set(w("val"), "restart")
    idx = 0
    for k, c in enumerate(tcpr):
        if c.tag in _VMERGE_BEFORE:
            idx = k + 1
    tcpr.insert(idx, vm)


def accept_all(root: etree._Element, author: str | None = None, *,
               select: Callable[[etree._Element], bool] | None = None) -> int:
    """Accept every revision in the part ``root`` (or only ``author``'s, or only those for which
    ``select(element)`` is true), in place.  Returns the number of revisions settled."""
    return _Run(root, True, author, select).run()


def reject_all(root: etree._Element, author: str | None = None, *,
               select: Callable[[etree._Element], bool] | None = None) -> int:
    """Reject every revision in the part ``root`` (or only ``author``'s, or only those for which
    ``select(element)`` is true), in place.  Returns the number of revisions settled."""
    return _Run(root, False, author, select).run()


# ------------------------------------------------------------------------------------------
# whole files

_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
STORY_TYPES = {_CT + t for t in ("document.main+xml", "template.main+xml", "header+xml", "footer+xml",
                                 "footnotes+xml", "endnotes+xml", "comments+xml")}
STORY_TYPES |= {"application/vnd.ms-word.document.macroEnabled.main+xml",
                "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"}
PROPERTY_TYPES = {_CT + "styles+xml", _CT + "numbering+xml"}
COMMENTS_TYPE = _CT + "comments+xml"
EXTENDED_COMMENT_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml",
}
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"


class Package:
    """The parts of a .docx as bytes; the one place that reads and writes files.  Uses the shared
    safe opener and writer (``redline.package.vet_docx`` / ``save_parts``): every entry not
    changed is copied raw, byte for byte; the output is written atomically, never over the input."""

    def __init__(self, path: Path):
        from .package import vet_docx

        self.path = path
        self.source = vet_docx(path)  # raises DocumentError for anything unsafe or broken
        self.content_type: Callable[[str], str | None] = self.source.content_type
        self.parts = {n: None for n in self.source.names()}
        self.changed: dict[str, bytes] = {}

    def names_of(self, types: set[str]) -> list[str]:
        return [n for n in self.parts if self.content_type(n) in types]

    def read(self, name: str) -> bytes:
        return self.changed.get(name) or self.source.read(name)

    def xml(self, name: str) -> etree._Element:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                                 remove_blank_text=False)
        try:
            return etree.fromstring(self.read(name), parser)
        except etree.XMLSyntaxError as exc:
            raise DocumentError(msg("part {part} is not well-formed XML: {reason}", part=name, reason=exc),
                                file=self.path)

    def put(self, name: str, root: etree._Element) -> None:
        self.changed[name] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                              + etree.tostring(root, xml_declaration=False, encoding="UTF-8"))

    def save(self, output: Path, force: bool) -> None:
        from .package import save_parts

        save_parts(self.source, output, self.changed, force=force, input_path=self.path)


def _ids(roots: Iterable[etree._Element], tag: str) -> set[str]:
    return {el.get(ID) for r in roots for el in r.iter(tag)}


def settle_file(path: Path, output: Path, *, accept: bool, author: str | None = None,
                force: bool = False, lang: str | None = None) -> int:
    """Accept or reject the revisions of every part of ``path`` (or only ``author``'s, matched
    as headings are: no case, accents or NFC/NFD); write ``output``.  Returns the number of
    revisions settled.  Messages speak ``lang``, by default the document's language."""
    lang = language_option(lang)
    with language(lang):
        from .edits import check_author
        from .package import check_outputs

        path, output = Path(path), expect_suffix(output, (".docx",))
        if author is not None:
            check_author(author, option=Option("author"))  # the same rule as the edits file's authors
        check_outputs([output], inputs=[path], force=force)  # before any work
        pkg = Package(path)
        stories = {n: pkg.xml(n) for n in pkg.names_of(STORY_TYPES)}
        if not stories:
            raise DocumentError(msg("no WordprocessingML document part found"), file=path)
        with language(lang or _language(stories)):
            props = {n: pkg.xml(n) for n in pkg.names_of(PROPERTY_TYPES)}
            select = None
            if author is not None:
                select = _author_filter(path, author, [*stories.values(), *props.values()])
            refs_before = {t: _ids(stories.values(), w(t)) for t in
                           ("commentReference", "footnoteReference", "endnoteReference")}
            count = 0
            fn = accept_all if accept else reject_all
            touched = set()
            for name, root in {**stories, **props}.items():
                n = fn(root, None, select=select)
                if n:
                    touched.add(name)
                count += n
            touched |= _drop_orphans(pkg, stories, refs_before)
            for name in touched:  # parts without revisions stay byte for byte
                pkg.put(name, {**stories, **props}[name])
            pkg.save(output, force)
            return count


def _language(stories: dict[str, etree._Element]) -> str:
    """The language of the document's own text (its main story first)."""
    text = []
    for root in stories.values():
        for t in root.iter(w("t")):
            text.append(t.text or "")
            if len(text) > 3000:
                break
        if text:
            break
    return detect_language(" ".join(text))


def revision_authors(roots: Iterable[etree._Element]) -> list[str]:
    """The authors of the revisions in ``roots`` (comments' authors aside), in first-seen order."""
    seen: dict[str, None] = {}
    comment = w("comment")
    for root in roots:
        for el in root.iter():
            a = el.get(AUTHOR)
            if a is not None and el.tag != comment:
                seen.setdefault(a, None)
    return list(seen)


def _author_filter(path: Path, author: str, roots: list[etree._Element]) -> Callable[[etree._Element], bool]:
    """The revisions of ``author`` as the document spells it; none: a ResolveError listing them."""
    authors = revision_authors(roots)
    key = fold(author)
    wanted = {a for a in authors if fold(a) == key}
    if not wanted:
        if not authors:
            raise ResolveError(msg("no revisions by {author!r}: the document has no tracked changes", author=author),
                               file=path)
        raise ResolveError(msg("no revisions by {author!r}; the document's revision authors are: {authors}",
                               author=author, authors="; ".join(authors)), file=path, candidates=authors)
    return lambda el: el.get(AUTHOR) in wanted


def _drop_orphans(pkg: Package, stories: dict[str, etree._Element], before: dict[str, set[str]]) -> set[str]:
    """Comments, footnotes and endnotes whose only reference went with a revision go too.
    Returns the names of the story parts changed."""
    touched: set[str] = set()
    lost = {t: before[t] - _ids(stories.values(), w(t)) for t in before}
    for tag, item in (("footnoteReference", "footnote"), ("endnoteReference", "endnote")):
        if lost[tag]:
            for name, root in stories.items():
                for el in list(root.iter(w(item))):
                    if el.get(ID) in lost[tag] and el.getparent() is root:
                        root.remove(el)
                        touched.add(name)
    gone = lost["commentReference"]
    if not gone:
        return touched
    para_ids: set[str] = set()
    for name, root in stories.items():
        for el in list(root.iter(w("commentRangeStart"), w("commentRangeEnd"))):
            if el.get(ID) in gone:
                _remove(el)
                touched.add(name)
        if root.tag == w("comments"):
            for c in list(root.iter(w("comment"))):
                if c.get(ID) in gone:
                    para_ids |= {p.get(f"{{{W14_NS}}}paraId") for p in c.iter(P)} - {None}
                    root.remove(c)
                    touched.add(name)
    if not para_ids:
        return touched
    durable: set[str] = set()
    for name in pkg.names_of(EXTENDED_COMMENT_PARTS):
        root = pkg.xml(name)
        changed = False
        for el in list(root):
            attrs = {etree.QName(k).localname: v for k, v in el.attrib.items()}
            if attrs.get("paraId") in para_ids:
                if "durableId" in attrs:
                    durable.add(attrs["durableId"])
                root.remove(el)
                changed = True
        if changed:
            pkg.put(name, root)
    if durable:
        for name in pkg.names_of(EXTENDED_COMMENT_PARTS):
            root = pkg.xml(name)
            changed = False
            for el in list(root):
                if {etree.QName(k).localname: v for k, v in el.attrib.items()}.get("durableId") in durable:
                    root.remove(el)
                    changed = True
            if changed:
                pkg.put(name, root)
    return touched


def accept_file(path: Path, output: Path, author: str | None = None, force: bool = False,
                lang: str | None = None) -> int:
    """Write ``output``: ``path`` with every revision (or ``author``'s) accepted."""
    return settle_file(path, output, accept=True, author=author, force=force, lang=lang)


def reject_file(path: Path, output: Path, author: str | None = None, force: bool = False,
                lang: str | None = None) -> int:
    """Write ``output``: ``path`` with every revision (or ``author``'s) rejected."""
    return settle_file(path, output, accept=False, author=author, force=force, lang=lang)
