"""The document model every stage shares: a draft's blocks and its tree of addressable sections.

A ``Draft`` is the opened .docx (python-docx ``Document``) plus the flat list of its
body blocks (w:p and w:tbl elements, in order).  An ``Outline`` is the section tree
built over those blocks: each ``Section`` owns a contiguous span of block indexes.
Nothing here changes the document; the revise stage is the only writer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from lxml import etree

from .errors import Warning
from .ooxml import block_text


@dataclass(eq=False)
class Section:
    """One numbered part of a draft, or a special part (title, preamble, closing, *).

    ``heading`` is the index of the heading paragraph in ``Outline.blocks`` (None for the
    special parts, which have no heading).  The section owns blocks ``start .. end-1``:
    its body, subsections included.  ``lead_end`` is where the first subsection begins.
    """

    address: str  # canonical: "II.6.2", "II.2.3.a"; or "title", "preamble", "closing", "*"
    label: str  # the number as displayed, e.g. "6.2.", "PHẦN THỨ HAI", "Điều 5."
    title: str  # heading text without the label
    level: int  # 1 = top level; 0 for the special parts
    heading: int | None  # index of the heading block, None for special parts
    end: int  # one past the last block the section owns
    kind: str | None = None  # keyword that introduced it, folded: "phan", "muc", "dieu", "part", ...
    number: str = ""  # the section's own number token(s) as written: "6.2", "II", "a", "5"
    label_chars: int = 0  # characters of the heading paragraph's current text taken by a typed
    #                       label and the separator after it (0 when Word's numbering draws it)
    children: list["Section"] = field(default_factory=list)
    parent: "Section | None" = field(default=None, repr=False)
    start_override: int | None = field(default=None, repr=False)  # special parts only
    space: str = ""  # the address space: "" for the main document, "Quy chế", "Phụ lục 01" ...
    inline: bool = False  # the heading paragraph carries the section's text (khoản, điểm, an
    #                       item, a decision's "Điều 1. Ban hành ..."): every op treats it as content
    paragraphs: list | None = field(default=None, repr=False)  # explicit w:p elements (a title-block
    #                       part, a table's row / column / cell) instead of the block span
    table: object = field(default=None, repr=False)  # a TableTarget when the section names a table

    @property
    def start(self) -> int:
        """First body block (the block after the heading)."""
        if self.start_override is not None:
            return self.start_override
        return (self.heading + 1) if self.heading is not None else 0

    @property
    def lead_end(self) -> int:
        """One past the last block before the first subsection."""
        return self.children[0].heading if self.children else self.end

    @property
    def span(self) -> range:
        """Every block the section owns, heading excluded."""
        return range(self.start, self.end)

    @property
    def display(self) -> str:
        """'II.6.2 (Kết quả xây dựng ...)' for messages and summaries."""
        return f"{self.address} ({self.title})" if self.title else self.address

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict:
        return {
            "address": self.address,
            "label": self.label,
            "title": self.title,
            "level": self.level,
            "kind": self.kind,
            "heading": self.heading,
            "start": self.start,
            "end": self.end,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(eq=False)
class Outline:
    """The section tree of a draft, plus the special parts and what was noticed on the way."""

    blocks: list[etree._Element]  # body-level w:p / w:tbl in document order
    sections: list[Section]  # top-level numbered sections
    title: Section | None = None
    preamble: Section | None = None
    closing: Section | None = None
    warnings: list[Warning] = field(default_factory=list)
    _texts: dict[int, str] = field(default_factory=dict, repr=False)
    name: str = ""  # the main document's type as a reference names it: "Quyết định", "Kế hoạch"
    documents: list["SubDocument"] = field(default_factory=list)  # printed after the signature
    tables: list = field(default_factory=list)  # sections.tables.TableInfo, document order
    parts: dict[str, Section] = field(default_factory=dict)  # title block: authority, number, date, doc_type
    signatures: list[tuple[int, int]] = field(default_factory=list)  # block spans owned by no section
    numbers: dict[int, str] = field(default_factory=dict, repr=False)  # block -> Word's numbering label
    quoted: set[int] = field(default_factory=set, repr=False)  # paragraphs inside a quotation (amended text)

    def walk(self) -> Iterator[Section]:
        """Every numbered section, depth first, in document order (attached documents last)."""
        for s in self.sections:
            yield from s.walk()
        for d in self.documents:
            for s in d.sections:
                yield from s.walk()

    def by_address(self) -> dict[str, Section]:
        found = {s.address: s for s in self.walk()}
        for special in (self.title, self.preamble, self.closing, *self.parts.values()):
            if special is not None:
                found[special.address] = special
        for d in self.documents:
            for special in (d.whole, d.title, d.preamble, d.closing):
                if special is not None:
                    found[special.address] = special
        return found

    def text(self, index: int) -> str:
        """Displayed text of block ``index`` (cached)."""
        if index not in self._texts:
            self._texts[index] = block_text(self.blocks[index])
        return self._texts[index]

    def whole(self) -> Section:
        """The pseudo-section "*": the whole document body."""
        s = Section(address="*", label="", title="", level=0, heading=None, end=len(self.blocks))
        s.start_override = 0
        return s

    def to_list(self) -> list[dict]:
        return [s.to_dict() for s in self.sections]


@dataclass(eq=False)
class SubDocument:
    """A document printed after the main one's signature block (the Quy chế a decision issues,
    a plan's or report's Phụ lục): its own address space, named as references name it.  Its
    sections' addresses are prefixed with the name: "Quy chế:II.5"."""

    name: str  # "Quy chế", "Phụ lục 01"
    start: int  # first block (its header frame or its document-type line)
    end: int  # one past its last block
    sections: list[Section] = field(default_factory=list)
    title: Section | None = None
    preamble: Section | None = None
    closing: Section | None = None

    @cached_property
    def whole(self) -> Section:
        """The pseudo-section naming the whole attached document ("Phụ lục 01")."""
        s = Section(address=self.name, label="", title=self.name, level=0, heading=None, end=self.end,
                    kind="document", space=self.name)
        s.start_override = self.start
        return s

    def to_dict(self) -> dict:
        return {"name": self.name, "start": self.start, "end": self.end,
                "title": self.title.title if self.title is not None else "",
                "sections": [s.to_dict() for s in self.sections]}
