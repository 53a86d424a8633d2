"""Footnotes and endnotes.

A note reference is one unit of its paragraph's text (read.py).  When OLD's and NEW's
references line up, the two notes are compared as containers of blocks, like the body,
inside OLD's notes part.  A reference NEW inserts brings its note along: copied into
OLD's notes part with a fresh id (the part is created when OLD has none), its text
inserted.  A deleted reference leaves its note in place: Accept All drops the reference,
and with it the note (Word shows a note only through its reference).
"""
from __future__ import annotations

import copy

from lxml import etree

from ..ooxml import W
from .read import EN_REF, FN_REF, Reader, w

RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
KINDS = {FN_REF: ("footnote", RT_FOOTNOTES, "footnotes"), EN_REF: ("endnote", RT_ENDNOTES, "endnotes")}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


class NotePart:
    """One notes part of one document, parsed."""

    def __init__(self, part, root: etree._Element):
        self.part = part
        self.root = root

    @classmethod
    def of(cls, doc, reltype: str) -> "NotePart | None":
        try:
            part = doc.part.part_related_by(reltype)
        except KeyError:
            return None
        root = part.element if hasattr(part, "element") else etree.fromstring(part.blob, _parser())
        return cls(part, root)

    def note(self, tag: str, note_id: str | None) -> etree._Element | None:
        for n in self.root.findall(w(tag)):
            if n.get(W["id"]) == note_id:
                return n
        return None

    def targets(self) -> dict[str, str]:
        return {rid: (rel.target_ref if rel.is_external else str(rel.target_part.partname))
                for rid, rel in self.part.rels.items()}


class Notes:
    def __init__(self, cmp, old_doc, new_doc, sig, transplant):
        from ..revisions import accept_all

        self.cmp = cmp
        self.old_doc = old_doc
        self.transplant = transplant
        self.sig = sig
        self.old: dict[str, NotePart | None] = {}
        self.new: dict[str, NotePart | None] = {}
        self.changed: set[str] = set()
        self.accepted = 0
        self.compared = 0
        for tag, (_, reltype, _) in KINDS.items():
            self.old[tag] = NotePart.of(old_doc, reltype)
            self.new[tag] = NotePart.of(new_doc, reltype)
            if self.new[tag] is not None:
                self.accepted += accept_all(self.new[tag].root)

    def roots(self) -> list[etree._Element]:
        return [p.root for p in self.old.values() if p is not None]

    def story(self, tag: str):
        from .blocks import Story

        o, n = self.old[tag], self.new[tag]
        return Story(Reader(self.sig, o.targets()), Reader(self.sig, n.targets()), o.part, n.part, self.transplant)

    def compare(self, old_ref: etree._Element, new_ref: etree._Element) -> bool:
        tag = old_ref.tag
        name = KINDS[tag][0]
        o, n = self.old.get(tag), self.new.get(tag)
        if o is None or n is None:
            return False
        old_note = o.note(name, old_ref.get(W["id"]))
        new_note = n.note(name, new_ref.get(W["id"]))
        if old_note is None or new_note is None or etree.tostring(old_note) == etree.tostring(new_note):
            return False
        self.compared += 1
        changed = self.cmp.compare_container(self.story(tag), old_note, new_note)
        if changed:
            self.changed.add(tag)
        return changed

    def copy_note(self, tag: str, new_id: str | None) -> str | None:
        """NEW's note ``new_id`` copied into OLD (text inserted); OLD's id for it."""
        name = KINDS[tag][0]
        n = self.new.get(tag)
        note = n.note(name, new_id) if n is not None else None
        if note is None:
            return new_id
        o = self.old.get(tag) or self._create(tag)
        ids = [int(x.get(W["id"])) for x in o.root.findall(w(name)) if (x.get(W["id"]) or "").lstrip("-").isdigit()]
        fresh = str(max(ids + [0]) + 1)
        copied = self.transplant.copy(note, n.part, o.part)
        copied.set(W["id"], fresh)
        for p in copied.iter(W["p"]):
            self.cmp.rv.wrap_inserted(p, self.cmp.meta)
        o.root.append(copied)
        self.changed.add(tag)
        return fresh

    def _create(self, tag: str) -> NotePart:
        """OLD has no notes part of this kind: one with NEW's separators."""
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        name, reltype, part_name = KINDS[tag]
        root = copy.deepcopy(self.new[tag].root)
        for x in list(root):
            if x.get(w("type")) is None:
                root.remove(x)
        part = Part(PackURI(f"/word/{part_name}.xml"), CT.format(part_name), b"", self.old_doc.part.package)
        self.old_doc.part.relate_to(part, reltype)
        self.old[tag] = NotePart(part, root)
        return self.old[tag]

    def finish(self) -> set[str]:
        """Write the changed notes parts back; their zip names."""
        out = set()
        for tag in self.changed:
            o = self.old[tag]
            if not hasattr(o.part, "element"):
                o.part._blob = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                                + etree.tostring(o.root, encoding="UTF-8"))
            out.add(o.part.partname.lstrip("/"))
        return out
