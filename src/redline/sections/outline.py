"""Heading recognition and the section tree of a draft.

``build(doc, rules=None) -> Outline`` reads the body blocks of a python-docx ``Document``
(``ooxml.iter_blocks``: body paragraphs and tables, through block content controls) and
finds the numbered parts a comment letter can point at.  This module is the pipeline and
the rules in one place; each step lives in its own module:

=================  ============================================================================
``rules``          ``HeadingRules``: every rule a caller can change
``scan``           one XSLT pass over the body: style, numbering, alignment, text of each block
``layout``         ``Body``: the blocks, their texts, styles, Word's numbering labels, and the
                   layout cues of each paragraph (bold, italic, capitals, centred)
``labels``         typed labels and Word's labels read as numbers ("II.", "6.2.", "Điều 5.")
``headings``       which paragraphs may be headings, with what evidence (rules 1-4 below)
``tree``           the stack of open sections: ranks, sequence checks, addresses
``documents``      signature blocks and the documents printed after them (a Quy chế, a Phụ lục)
``spans``          where each section ends; title, preamble and closing
``titleblock``     authority, number, date and document type of the title block
``tables``         data tables with caption, header and rows
=================  ============================================================================

How a paragraph becomes a heading
---------------------------------
Only body-level paragraphs can be headings; paragraphs inside tables never are.  The text
looked at is the *current* view (earlier reviewers' insertions shown, deletions hidden), so
labels and titles are what a reader of the draft sees.  A paragraph whose mark is a tracked
deletion is not skipped: block indexes and Word's numbering stay those of the file.
Empty paragraphs, and paragraphs in TOC / Title / Subtitle / caption / header styles, are
never headings.  Evidence, from strongest to weakest:

1. **Heading styles and outline levels.**  ``w:outlineLvl`` 0-8 on the paragraph or its
   style's ``w:basedOn`` chain, or a style named "heading 1".."heading 9" (or listed in
   ``HeadingRules.heading_styles``).  Always a heading.  Its number is Word's computed
   numbering if any, else a typed label if the text starts with one; a styled heading with
   no number at all is still a section (it bounds its neighbours) and gets the positional
   address ``§n`` (``II.§2`` = second child of II).
2. **Word automatic numbering** (``sections.numbering``) on a heading-like paragraph: the
   label is not a bullet, the whole paragraph is bold (direct, run style, paragraph style or
   the numbering level's own run properties) or in capitals, and it is at most
   ``max_heading_chars`` long.  Plain numbered list items are body text.
3. **Typed labels** at the start of the text: "I." "II)" (upper-case Roman), "1." "6.2."
   "6.2" "1)" "1/" (1-2 digit components, so "2021 - 2030", "4.820 hồ sơ" and "15/6/2022"
   never match), "a)" "đ)" "a." "a/" (letters), "A." (upper-case letter), and keyword labels
   "PHẦN I" / "PHẦN THỨ NHẤT" / "Phần 1", "Chương II", "Mục 1." / "Mục I", "Điều 5.",
   "Part II", "Chapter 1", "Section 1.2", "Article 3" (and ``HeadingRules.extra_keywords``).
   Case, diacritics and NFC/NFD do not matter for keywords; the label may be split over
   runs and followed by spaces, a tab, a non-breaking space, or ":", "-", "." after a
   keyword label.  A typed label counts only WITH a layout cue: the whole paragraph bold,
   or the label itself bold, or the text in capitals, or a short (<= 150 characters)
   paragraph all in italics — and the paragraph at most ``max_heading_chars`` long and not
   ending with ";" or "," (list items do).  Exception, the run-in heading: a bold label
   and bold lead-in ending with ":" or "." ("a) Về thể chế: Trong 6 tháng ...") is a
   heading titled by the lead-in ("Về thể chế") however long the paragraph.
   ``require_bold=False`` drops the cue requirement.  "1.0", "2.0" (engineering style)
   are chapters 1 and 2.  A lone "I." / "V." / "X." / "L." / "C." / "D." / "M." is a Roman
   numeral or a capital letter, whichever continues the sequence in progress.
4. **Legal clauses.**  Inside an "Điều"/"Article" section, a typed or Word-numbered "1." is
   a khoản (kind "khoan") and "a)" an điểm (kind "diem"), bold or not: that is how laws are
   addressed ("điểm a khoản 2 Điều 5").  Outside an Điều such plain items are body text.

5. **Quotations are not headings.**  An amending decree's "2. Sửa đổi, bổ sung Điều 5 như sau:"
   is followed by the new article in quotation marks (“Điều 5. ...”, its "1.", "a)", ... up to
   the closing ”): those paragraphs are text of that khoản (``headings.quoted_blocks``).
6. **Parts of an article.**  "I." / "A." right after an Điều whose text ends with ":" (a
   resolution's "Điều 1. Thông qua Kế hoạch ... như sau:") are parts of that Điều, ranked
   between Điều and khoản, until the next "Điều" (``tree.TreeBuilder.in_article``).

A label-only heading ("PHẦN THỨ NHẤT", "Chương I") takes its title from the next paragraph
when that one is short and bold, centered or in capitals; that title line then belongs to
the heading, not the body (``Section.start`` is the block after it).

Levels and sequence
-------------------
Each heading gets a rank from its label: PHẦN/Part/Chương/Chapter 10, upper-case letter 15,
Roman and "Mục" 20, "Điều"/Article 30 (its "A." / "I." parts 31 / 32, khoản 35, điểm 37), decimal with d components
20 + 10·d ("1." 30, "6.2." 40), "Section x.y" like decimals, lower-case letter 75.  A styled
heading takes the rank its outline level's labelled headings have (kept increasing with
the level).  A heading closes every open section of the same or a lower rank and becomes a
child of the nearest one above: the tree is the stack of open sections.

Weak candidates (typed labels, numbering on non-heading styles) must fit the sequence: a
first child starts at 1 / a / A / I (or continues its parent's number: "6.1" under "6."),
unless its whole paragraph is bold; a later one must be greater than its previous sibling
of the same kind ("3." after "2."; "1." after "2." is a body list, not a heading).  Gaps
("II.1" then "II.3"), duplicate addresses and unexpected restarts are reported in
``Outline.warnings``.

Addresses
---------
Roman top level: "II." -> "II", "PHẦN THỨ HAI" / "PHẦN II" -> "II", "Chương I" -> "I",
"Part 2" -> "II", a top-level "1." -> "I".  Below it, each heading adds its number
components beyond its parent's own, as written (a Roman numeral under a PHẦN stays Roman:
"PHẦN THỨ NHẤT" > "II." -> "I.II"): "6.2." under "6." under "II." -> "II.6.2"; "a)" under
"2.3." -> "II.2.3.a"; "Section 2.1" under "Part II" -> "II.1"; Mục 1 / Điều 5 / khoản 2 /
điểm a under Chương I -> "I.1", "I.1.5", "I.1.5.2", "I.1.5.2.a".

Spans
-----
A section owns its heading's following blocks up to the next heading of the same or a
higher level, the closing part, the signature block ("Nơi nhận"), or the end.  Special
parts (``heading=None``, span in ``start_override .. end``):

- ``title``: the line(s) under a document-type line ("BÁO CÁO", "QUYẾT ĐỊNH", "TỜ TRÌNH",
  "KẾ HOẠCH", ...) that are centered or bold, up to an empty line, a rule or the first
  heading; else the paragraph(s) in the Title style before the first heading.
- ``preamble``: from the end of the title (or the start) to the first heading, when it has text.
- ``closing``: from the first paragraph after the last section that starts with
  "Trên đây ..." (``closing_phrases``) or is a law's or resolution's "Luật / Nghị quyết này được
  ... thông qua ..." up to, excluding, the signature block or the end.
- attached documents: after a signature block, a document-type line ("QUY CHẾ", "QUY ĐỊNH",
  "PHỤ LỤC 01") starts a document of its own address space ("Quy chế:II.5"); appendices that
  follow one another ("PHỤ LỤC I", "PHỤ LỤC II") each start one (``documents``).
"""
from __future__ import annotations

from typing import Any

from ..errors import Warning
from ..model import Outline, SubDocument
from . import documents as _docs
from . import spans as _spans
from .headings import candidates, quoted_blocks, style_ranks
from .labels import LETTERS, ORDINALS, key_text, label_of_number, norm_component, parse_label, roman_value
from .layout import Body
from .rules import HeadingRules
from .tables import list_tables
from .titleblock import title_block_parts
from .tree import TreeBuilder


def build(doc: Any, rules: HeadingRules | None = None, *, reuse=None) -> Outline:
    """The section tree of ``doc`` (a python-docx Document).  See the module docstring.

    ``reuse``: what a reading of an almost identical document already knows, used in place
    of reading it again (``redline compare`` reads NEW's unchanged blocks from OLD:
    comparison.outlines).  ``reuse.facts(doc, blocks)`` gives every block's ``scan.Facts``
    or None (then the one-pass scan reads them); ``reuse.table(i)`` the ``TableInfo`` of a
    table stored byte for byte as block ``i``, or None."""
    body = Body(doc, rules or HeadingRules(), reuse.facts if reuse is not None else None)
    warnings: list[Warning] = []
    quoted = quoted_blocks(body)
    cands = candidates(body, quoted)
    ranks = style_ranks(cands)
    n = len(body.blocks)
    sigs = _docs.find_signatures(body, cands[0].index if cands else None)
    docs = _docs.find_documents(body, sigs, {c.index for c in cands})
    bounds = [0] + [d[0] for d in docs] + [n]
    outline = Outline(blocks=body.blocks, sections=[], warnings=warnings)
    outline._texts = body.texts  # paragraphs' current text, already read
    outline.numbers = {i: info.label for i, info in body.numinfo.items()}
    outline.quoted = quoted
    trees = TreeBuilder(body, warnings)
    for k in range(len(bounds) - 1):  # the main document, then each attached one
        lo, hi = bounds[k], bounds[k + 1]
        region = [c for c in cands if lo <= c.index < hi]
        sig = next((x for x in sigs if lo <= x < hi and (not region or x > region[0].index)), None)
        tops, accepted = trees.tree(region, ranks, sig)
        if sig is not None:
            outline.signatures.append((sig, hi))
        if k == 0:
            outline.sections = tops
            _spans.finish(body, outline, accepted, sig, hi)
            outline.name = _spans.main_name(body, outline)
            continue
        start, type_line, name = docs[k - 1]
        sub = SubDocument(name=name, start=start, end=hi, sections=tops)
        _spans.finish_document(body, sub, accepted, sig, type_line)
        outline.documents.append(sub)
    _spans.check_duplicates(outline)
    outline.parts = title_block_parts(body, outline)
    outline.tables = list_tables(body, outline, reuse.table if reuse is not None else None)
    return outline


__all__ = ["build", "HeadingRules", "parse_label", "label_of_number", "roman_value",
           "norm_component", "key_text", "LETTERS", "ORDINALS"]
