"""Carrying content from NEW into OLD's package.

An inserted paragraph, run, row or note is copied from NEW, but the copy lands in OLD's
package, where NEW's identifiers mean nothing or something else.  ``Transplant.copy``
makes a copy that means in OLD what the original meant in NEW:

- relationship ids (a hyperlink's target, a picture, an embedded object): the same
  target related from OLD's part (an external address as such, a picture through
  python-docx's image store, any other part copied);
- styles: a style NEW uses and OLD lacks is copied into OLD's styles (with the styles it
  is based on); a style both have keeps OLD's definition, as Word's compare does;
- numbering: NEW's list becomes OLD's list with the same definition, or is copied in
  with fresh ids;
- notes: a footnote or endnote reference gets a new note in OLD (notes.py);
- NEW's comments, and ids that must be unique (bookmarks, w14:paraId), are not carried:
  comment marks are dropped, bookmarks renumbered (dropped when OLD has one of that name),
  paragraph ids removed (Word makes new ones);
- a section break (w:sectPr) in a copied paragraph's properties is dropped: it would
  refer to NEW's headers and footers.
"""
from __future__ import annotations

import copy
import hashlib

from lxml import etree

from ..errors import Warning
from ..messages import msg
from ..ooxml import W
from .read import R_NS, w

W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
_COMMENT_MARKS = {W["commentRangeStart"], W["commentRangeEnd"], W["commentReference"]}
_STYLE_REFS = {w("pStyle"): "paragraph", w("rStyle"): "character", w("tblStyle"): "table"}
RT_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
RT_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


class Transplant:
    """Copies NEW's elements into OLD (see the module docstring).  ``notes`` (set by the
    comparer) makes a note in OLD for a copied reference."""

    def __init__(self, old_doc, new_doc, warnings: list[Warning]):
        self.old_doc = old_doc
        self.new_doc = new_doc
        self.warnings = warnings
        self.notes = None  # comparison.notes.Notes
        self.dirty: set[str] = set()
        self._rels: dict[tuple, str] = {}
        self._parts: dict[str, object] = {}
        self._styles_done: set[str] = set()
        self._num_map: dict[str, str] = {}
        self._bookmarks: set[str] | None = None
        self._next_bookmark: int | None = None
        self._said: set[str] = set()

    def say(self, message) -> None:
        key = str(message)
        if key not in self._said:
            self._said.add(key)
            self.warnings.append(Warning(message))

    # ------------------------------------------------------------------ the copy

    def copy(self, el: etree._Element, new_part=None, old_part=None) -> etree._Element:
        """A deep copy of NEW's ``el`` that means the same in OLD.  ``new_part`` /
        ``old_part``: the parts holding it (default: the main document parts)."""
        new_part = new_part if new_part is not None else self.new_doc.part
        old_part = old_part if old_part is not None else self.old_doc.part
        out = copy.deepcopy(el)
        for node in list(out.iter()):
            if not isinstance(node.tag, str):
                continue
            tag = node.tag
            if tag in _COMMENT_MARKS:
                self._drop(node)
                continue
            if tag == W["sectPr"] and node.getparent() is not None and node.getparent().tag == W["pPr"]:
                node.getparent().remove(node)
                self.say(msg("a section break in NEW's inserted text was not carried (it refers to NEW's headers)"))
                continue
            for name in list(node.attrib):
                if name.startswith(f"{{{R_NS}}}"):
                    node.set(name, self._relate(node.get(name), new_part, old_part))
                elif name.startswith(f"{{{W14_NS}}}") and name.rsplit("}", 1)[1] in ("paraId", "textId"):
                    del node.attrib[name]
            if tag in _STYLE_REFS:
                self._style(node.get(W["val"]))
            elif tag == W["numId"]:
                node.set(W["val"], self.num_id(node.get(W["val"])))
            elif tag in (w("footnoteReference"), w("endnoteReference")) and self.notes is not None:
                node.set(W["id"], self.notes.copy_note(tag, node.get(W["id"])))
            elif tag in (W["bookmarkStart"], W["bookmarkEnd"]):
                self._bookmark(node)
        if self._bookmarks is not None and next(out.iter(W["bookmarkStart"], W["bookmarkEnd"]), None) is not None:
            finish_bookmarks(out, self)
        return out

    @staticmethod
    def _drop(node: etree._Element) -> None:
        parent = node.getparent()
        if parent is None:
            return
        if node.tag == W["commentReference"] and parent.tag == W["r"] and \
                not [c for c in parent if c.tag not in (W["rPr"], W["commentReference"])]:
            grand = parent.getparent()
            if grand is not None:
                grand.remove(parent)
                return
        parent.remove(node)

    # ------------------------------------------------------------------ relationships

    def _relate(self, rid: str | None, new_part, old_part) -> str:
        if not rid:
            return rid
        key = (id(new_part), id(old_part), rid)
        if key in self._rels:
            return self._rels[key]
        rel = new_part.rels.get(rid)
        if rel is None:
            return rid
        if rel.is_external:
            out = old_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
        elif rel.reltype == RT_IMAGE and hasattr(old_part, "get_or_add_image"):
            import io

            out, _ = old_part.get_or_add_image(io.BytesIO(rel.target_part.blob))
        else:
            out = old_part.relate_to(self._copy_part(rel.target_part), rel.reltype)
        self._rels[key] = out
        return out

    def _copy_part(self, part):
        """A copy of one of NEW's parts (a chart, an embedded object...) in OLD's package,
        with its own relationships copied in turn."""
        from docx.opc.part import Part

        digest = hashlib.sha1(part.blob).hexdigest() + part.content_type
        if digest in self._parts:
            return self._parts[digest]
        package = self.old_doc.part.package
        name = str(part.partname)
        stem, dot, ext = name.rpartition(".")
        base = stem.rstrip("0123456789")
        partname = package.next_partname(f"{base}%d.{ext}" if dot else name + "%d")
        twin = Part(partname, part.content_type, part.blob, package)
        self._parts[digest] = twin
        for rid, rel in part.rels.items():
            if rel.is_external:
                twin.rels.add_relationship(rel.reltype, rel.target_ref, rid, is_external=True)
            else:
                twin.rels.add_relationship(rel.reltype, self._copy_part(rel.target_part), rid)
        return twin

    # ------------------------------------------------------------------ styles

    def _style(self, style_id: str | None) -> None:
        if not style_id or style_id in self._styles_done:
            return
        self._styles_done.add(style_id)
        old_styles = self.old_doc.styles.element
        if _find_style(old_styles, style_id) is not None:
            return
        new_style = _find_style(self.new_doc.styles.element, style_id)
        if new_style is None:
            return
        old_styles.append(copy.deepcopy(new_style))
        self.dirty.add(self.old_doc.part._styles_part.partname.lstrip("/"))
        for ref in ("basedOn", "next", "link"):
            el = new_style.find(w(ref))
            if el is not None:
                self._style(el.get(W["val"]))

    # ------------------------------------------------------------------ numbering

    def num_id(self, new_id: str | None) -> str | None:
        """OLD's numId for NEW's list ``new_id``: the same id when it means the same list,
        else a list of OLD with the same definition, else a copy of NEW's."""
        if new_id in (None, "0"):
            return new_id
        if new_id in self._num_map:
            return self._num_map[new_id]
        new_num = self._numbering(self.new_doc)
        old_num = self._numbering(self.old_doc)
        out = new_id
        if new_num is not None:
            want = _num_definition(new_num, new_id)
            if want is not None:
                if old_num is None or _num_definition(old_num, new_id) != want:
                    out = next((nid for nid in _num_ids(old_num) if _num_definition(old_num, nid) == want), None) \
                        if old_num is not None else None
                    if out is None:
                        out = self._copy_num(new_num, new_id)
        self._num_map[new_id] = out
        return out

    def _numbering(self, doc):
        try:
            from docx.opc.constants import RELATIONSHIP_TYPE as RT

            return doc.part.part_related_by(RT.NUMBERING).element
        except (KeyError, AttributeError):
            return None

    def _copy_num(self, new_num: etree._Element, new_id: str) -> str:
        old_num = self.old_doc.part.numbering_part.element  # created when OLD has none
        num = _find(new_num, "num", "numId", new_id)
        abstract = _find(new_num, "abstractNum", "abstractNumId", num.find(w("abstractNumId")).get(W["val"]))
        next_abs = 1 + max((int(a.get(w("abstractNumId"))) for a in old_num.findall(w("abstractNum"))
                            if (a.get(w("abstractNumId")) or "").isdigit()), default=-1)
        next_num = 1 + max((int(n.get(w("numId"))) for n in old_num.findall(w("num"))
                            if (n.get(w("numId")) or "").isdigit()), default=0)
        a = copy.deepcopy(abstract)
        a.set(w("abstractNumId"), str(next_abs))
        for nsid in a.findall(w("nsid")):
            a.remove(nsid)
        n = copy.deepcopy(num)
        n.set(w("numId"), str(next_num))
        n.find(w("abstractNumId")).set(W["val"], str(next_abs))
        nums = old_num.findall(w("num"))
        if nums:
            nums[0].addprevious(a)
        else:
            old_num.append(a)
        cleanup = old_num.find(w("numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(n)
        else:
            old_num.append(n)
        self.dirty.add(self.old_doc.part.numbering_part.partname.lstrip("/"))
        return str(next_num)

    # ------------------------------------------------------------------ bookmarks

    def _bookmark(self, node: etree._Element) -> None:
        if self._bookmarks is None:
            body = self.old_doc.element
            self._bookmarks = {b.get(w("name")) for b in body.iter(W["bookmarkStart"])}
            self._next_bookmark = 1 + max((int(b.get(W["id"])) for b in body.iter(W["bookmarkStart"], W["bookmarkEnd"])
                                           if (b.get(W["id"]) or "").isdigit()), default=0)
        if node.tag == W["bookmarkStart"] and node.get(w("name")) in self._bookmarks:
            node.set("_drop", node.get(W["id"]))  # ids are remapped pairwise in finish_bookmarks


def finish_bookmarks(el: etree._Element, transplant: Transplant) -> None:
    """Renumber the copied bookmarks of ``el`` (start and end share an id); drop those whose
    name OLD already has (a bookmark name must be unique)."""
    drop = {b.get("_drop") for b in el.iter(W["bookmarkStart"]) if b.get("_drop")}
    mapping: dict[str, str] = {}
    for b in list(el.iter(W["bookmarkStart"], W["bookmarkEnd"])):
        old_id = b.get(W["id"])
        if old_id in drop:
            b.getparent().remove(b)
            continue
        if old_id not in mapping:
            mapping[old_id] = str(transplant._next_bookmark)
            transplant._next_bookmark += 1
        b.set(W["id"], mapping[old_id])
        if b.tag == W["bookmarkStart"]:
            transplant._bookmarks.add(b.get(w("name")))


def _find_style(styles: etree._Element, style_id: str):
    for s in styles.iter(w("style")):
        if s.get(w("styleId")) == style_id:
            return s
    return None


def _find(root: etree._Element, tag: str, attr: str, value: str):
    for el in root.findall(w(tag)):
        if el.get(w(attr)) == value:
            return el
    return None


def _num_ids(numbering: etree._Element) -> list[str]:
    return [n.get(w("numId")) for n in numbering.findall(w("num"))]


def _num_definition(numbering: etree._Element, num_id: str) -> bytes | None:
    """What a list looks like: its abstract definition (levels, formats, texts) and its
    overrides, serialised without the identifiers that differ between copies."""
    num = _find(numbering, "num", "numId", num_id)
    if num is None:
        return None
    ref = num.find(w("abstractNumId"))
    abstract = _find(numbering, "abstractNum", "abstractNumId", ref.get(W["val"])) if ref is not None else None
    parts = []
    for el in (abstract, *num.findall(w("lvlOverride"))):
        if el is None:
            continue
        c = copy.deepcopy(el)
        for k in list(c.attrib):
            del c.attrib[k]
        for x in list(c.iter(w("nsid"), w("tmpl"))):
            x.getparent().remove(x)
        parts.append(etree.tostring(c, method="c14n"))
    return b"".join(parts)
