"""What counts as a heading: ``HeadingRules``, the one object a caller passes to change any
rule of the outline (``redline.outline(path, rules=HeadingRules(...))``), and the folded
phrases that mark a title's document-type line, a closing paragraph and a signature block.
"""
from __future__ import annotations

from dataclasses import dataclass, field

DOC_TYPES = ("bao cao", "quyet dinh", "to trinh", "ke hoach", "nghi quyet", "nghi dinh",
             "thong tu", "chi thi", "de an", "huong dan", "thong bao", "chuong trinh", "luat",
             "phap lenh", "cong van", "quy che", "quy dinh", "dieu le", "report")
CLOSING_PHRASES = ("tren day la", "tren day", "noi tren la")
SIGNATURE_MARKERS = ("noi nhan",)


@dataclass
class HeadingRules:
    """What counts as a heading.  Pass one to ``build`` (or ``redline.outline``) to override.

    - ``use_styles`` / ``use_numbering`` / ``use_typed_labels``: turn a source of evidence off.
    - ``heading_styles``: extra paragraph styles (name or id, case-insensitive) that are
      headings, with their level (1 = top), e.g. ``{"Tieu de muc": 2}``.
    - ``ignore_styles``: style-name prefixes (lower case) whose paragraphs are never headings.
    - ``require_bold``: typed labels need a layout cue (bold paragraph or label, capitals).
    - ``max_heading_chars``: longer paragraphs are not headings (styled headings excepted).
    - ``extra_keywords``: folded keyword (no diacritics, lower case) -> rank, for labels
      such as ``{"phu luc": 10}`` ("PHỤ LỤC I" as a top-level part).
    - ``legal_clauses``: inside an Điều, plain "1." / "a)" items are khoản / điểm sections.
    - ``check_sequence``: weak candidates must continue their siblings' sequence.
    - ``doc_types`` / ``closing_phrases`` / ``signature_markers``: folded phrases that
      mark the title's document-type line, the closing paragraph and the signature block.
    """

    use_styles: bool = True
    use_numbering: bool = True
    use_typed_labels: bool = True
    heading_styles: dict[str, int] = field(default_factory=dict)
    ignore_styles: tuple[str, ...] = ("toc", "title", "subtitle", "caption", "header", "footer",
                                      "table of", "index", "footnote", "endnote", "mục lục")
    require_bold: bool = True
    max_heading_chars: int = 250
    extra_keywords: dict[str, int] = field(default_factory=dict)
    legal_clauses: bool = True
    check_sequence: bool = True
    doc_types: tuple[str, ...] = DOC_TYPES
    closing_phrases: tuple[str, ...] = CLOSING_PHRASES
    signature_markers: tuple[str, ...] = SIGNATURE_MARKERS

