"""Behaviour pinned while making ``redline.outline.build`` cheaper on long drafts (issue 8):
the per-style cache of outline levels and the keyword-label rule found on the 200,000-paragraph
benchmark draft."""
from __future__ import annotations

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from redline.sections.outline import HeadingRules, build, parse_label


def _para(d, text, *, bold=False, italic=False, style=None, outline_lvl=None):
    p = d.add_paragraph(style=style)
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if outline_lvl is not None:
        el = OxmlElement("w:outlineLvl")
        el.set(qn("w:val"), str(outline_lvl))
        p._p.get_or_add_pPr().append(el)
    return p


def test_keyword_followed_by_a_share_is_body_text_not_a_part():
    # "Phần 41,3% ..." ("a 41.3% share ...") in a short italic paragraph used to become PHẦN XLI
    assert parse_label("Phần 41,3% hồ sơ được giải quyết") is None
    assert parse_label("Mục 5% còn lại") is None
    assert parse_label("PHẦN 4, KẾT LUẬN").number == "4"  # a comma and a space: still a label
    assert parse_label("Mục 1.2 Kết quả").comps == [1, 2]
    d = docx.Document()
    _para(d, "I. KẾT QUẢ", bold=True)
    _para(d, "1. Công tác chỉ đạo", bold=True)
    _para(d, "Phần 41,3% hồ sơ được giải quyết trước hạn.", italic=True)
    _para(d, "2. Công tác tuyên truyền", bold=True)
    o = build(d)
    assert [(s.address, s.title) for s in o.walk()] == [
        ("I", "KẾT QUẢ"), ("I.1", "Công tác chỉ đạo"), ("I.2", "Công tác tuyên truyền")]
    assert o.by_address()["I.1"].span == range(2, 3)
    assert o.warnings == []


def test_outline_level_precedence_with_many_paragraphs_of_one_style():
    """heading_styles beats the paragraph's w:outlineLvl, which beats its style's; level 9
    ("body text") on the paragraph switches a heading style off.  Several paragraphs share
    each style, so the per-style facts are reused."""
    d = docx.Document()
    d.styles.add_style("Tieu de muc", WD_STYLE_TYPE.PARAGRAPH)
    _para(d, "Chương một", style="Heading 1")
    _para(d, "thân bài")
    _para(d, "Không phải tiêu đề", style="Heading 1", outline_lvl=9)
    _para(d, "Mục riêng", outline_lvl=1)
    _para(d, "Tiêu đề theo quy tắc", style="Tieu de muc", outline_lvl=9)
    _para(d, "Chương hai", style="Heading 1")
    _para(d, "Tiêu đề theo quy tắc 2", style="Tieu de muc")
    plain = build(d)
    assert [(s.address, s.title) for s in plain.walk()] == [
        ("§1", "Chương một"), ("§1.§1", "Mục riêng"), ("§2", "Chương hai")]
    ruled = build(d, HeadingRules(heading_styles={"tieu de muc": 2}))
    assert [(s.address, s.title) for s in ruled.walk()] == [
        ("§1", "Chương một"), ("§1.§1", "Mục riêng"), ("§1.§2", "Tiêu đề theo quy tắc"),
        ("§2", "Chương hai"), ("§2.§1", "Tiêu đề theo quy tắc 2")]
    assert build(d, HeadingRules(use_styles=False)).sections == []
