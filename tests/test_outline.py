"""The outline: heading recognition, addresses, spans and special parts.

Synthetic documents are built with python-docx in the tests; the fixture drafts are
compared with their expected trees (fixtures/expected/<stem>.outline.json / .special.json).
"""
from __future__ import annotations

import json
import unicodedata

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

import redline
from redline import text as T
from redline.sections.outline import HeadingRules, build

FIXTURE_STEMS = ["cchc-typed", "cchc-autonum", "cchc-messy", "cchc-phan", "english-report", "legal-vn"]


def make_doc(spec):
    """spec items: "text" or ("text", *opts); opts: "b" bold, "H1".."H3" heading style,
    "c" centered, "Title" title style, "table" (a 1x1 table with the text)."""
    d = docx.Document()
    for item in spec:
        if isinstance(item, str):
            item = (item,)
        text, *opts = item
        if "table" in opts:
            t = d.add_table(rows=1, cols=1)
            cell = t.cell(0, 0)
            cell.paragraphs[0].add_run(text).bold = "b" in opts
            continue
        p = d.add_paragraph()
        for o in opts:
            if o in ("H1", "H2", "H3"):
                p.style = d.styles["Heading " + o[1]]
            elif o == "Title":
                p.style = d.styles["Title"]
        if "c" in opts:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(text)
        if "b" in opts:
            r.bold = True
    return d


def tree(sections):
    return [{"address": s.address, "label": s.label, "title": s.title, "children": tree(s.children)}
            for s in sections]


def addresses(outline):
    return [s.address for s in outline.walk()]


# --------------------------------------------------------------------------------------------
# fixtures


@pytest.mark.parametrize("stem", FIXTURE_STEMS)
def test_fixture_tree_matches_expected(fixtures_dir, stem):
    path = fixtures_dir / "drafts" / f"{stem}.docx"
    expected = json.loads((fixtures_dir / "expected" / f"{stem}.outline.json").read_text("utf-8"))
    outline = build(docx.Document(str(path)))
    assert tree(outline.sections) == expected
    assert outline.warnings == []


@pytest.mark.parametrize("stem", FIXTURE_STEMS)
def test_fixture_special_parts_match_expected(fixtures_dir, stem):
    outline = build(docx.Document(str(fixtures_dir / "drafts" / f"{stem}.docx")))
    expected = json.loads((fixtures_dir / "expected" / f"{stem}.special.json").read_text("utf-8"))
    for name in ("title", "preamble", "closing"):
        part = getattr(outline, name)
        got = [T.clean(outline.text(i)) for i in part.span] if part is not None else []
        got = [t for t in got if t]
        assert got == [T.clean(t) for t in expected[name]], name
        if part is not None:
            assert part.address == name and part.heading is None and part.level == 0


def test_fixture_layouts_agree_on_addresses_and_titles(fixtures_dir):
    """The four CCHC layouts are the same report: same addresses, same titles."""
    trees = {}
    for stem in ("cchc-typed", "cchc-autonum", "cchc-messy", "cchc-phan"):
        o = build(docx.Document(str(fixtures_dir / "drafts" / f"{stem}.docx")))
        trees[stem] = [(s.address, s.title, s.level) for s in o.walk()]
    first = trees["cchc-typed"]
    assert all(t == first for t in trees.values())
    addrs = [a for a, _, _ in first]
    for wanted in ("I.4", "II.6.2", "IV.7", "II.2.3.a", "III.3.đ"):
        assert wanted in addrs


def test_fixture_spans_partition_the_body(fixtures_dir):
    """Every block after the preamble and before the closing belongs to exactly one leaf
    span or heading; children lie inside their parents."""
    o = build(docx.Document(str(fixtures_dir / "drafts" / "cchc-typed.docx")))
    for s in o.walk():
        assert s.heading < s.start <= s.end
        for c in s.children:
            assert s.start <= c.heading and c.end <= s.end
        for a, b in zip(s.children, s.children[1:]):
            assert a.end == b.heading
    tops = o.sections
    for a, b in zip(tops, tops[1:]):
        assert a.end == b.heading
    assert o.preamble.end == tops[0].heading
    assert tops[-1].end == o.closing.start


@pytest.mark.parametrize("stem", FIXTURE_STEMS)
def test_fast_scan_matches_the_element_walk(fixtures_dir, stem):
    """The XSLT scan and the python-docx element walk give the same facts and tree."""
    from redline.ooxml import iter_blocks
    from redline.sections import scan

    doc = docx.Document(str(fixtures_dir / "drafts" / f"{stem}.docx"))
    blocks = list(iter_blocks(doc.element.body))
    fast = scan.scan(doc, blocks)
    slow = scan.scan_python(blocks)
    assert fast is not None and fast.plain == slow.plain
    expected = tree(build(doc).sections)
    original = scan.scan
    try:
        scan.scan = lambda d, b: None  # force the fallback
        assert tree(build(doc).sections) == expected
    finally:
        scan.scan = original


def test_fixture_autonum_labels_are_computed(fixtures_dir):
    o = build(docx.Document(str(fixtures_dir / "drafts" / "cchc-autonum.docx")))
    by = o.by_address()
    assert by["II.6.2"].label == "6.2."
    assert by["II.6.2"].label_chars == 0  # Word draws the number
    text = o.text(by["II.6.2"].heading)
    assert not text.lstrip().startswith("6.2")


def test_fixture_typed_label_chars(fixtures_dir):
    o = build(docx.Document(str(fixtures_dir / "drafts" / "cchc-typed.docx")))
    s = o.by_address()["II.6.2"]
    text = o.text(s.heading)
    assert text[:s.label_chars].strip() == "6.2."
    assert T.clean(text[s.label_chars:]) == s.title


def test_fixture_messy_label_chars_cover_nfd_and_nbsp(fixtures_dir):
    o = build(docx.Document(str(fixtures_dir / "drafts" / "cchc-messy.docx")))
    for s in o.walk():
        text = o.text(s.heading)
        assert T.clean(text[s.label_chars:]) == s.title, s.address
        assert T.clean(text[:s.label_chars]) == s.label or s.label.startswith(T.clean(text[:s.label_chars]).rstrip(":-– ")), s.address


def test_fixture_legal_kinds(fixtures_dir):
    o = build(docx.Document(str(fixtures_dir / "drafts" / "legal-vn.docx")))
    by = o.by_address()
    assert by["II"].kind == "chuong"
    assert by["II.1"].kind == "muc"
    assert by["II.1.3"].kind == "dieu" and by["II.1.3"].number == "3"
    assert by["II.2.5.2"].kind == "khoan"
    assert by["II.2.5.2.a"].kind == "diem"


def test_cli_outline_json_on_fixture(fixtures_dir):
    from click.testing import CliRunner
    from redline_cli.main import main

    res = CliRunner().invoke(main, ["outline", str(fixtures_dir / "drafts" / "cchc-typed.docx"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)["sections"]
    assert data[0]["address"] == "I" and {"address", "label", "title", "level", "children"} <= set(data[0])


def test_no_public_function_is_shadowed_by_a_module(fixtures_dir):
    """Every API function keeps its name after every stage module is imported: no module of the
    package is named like one (the stage modules are sections/, lint, letters/, ...)."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(redline.__path__, "redline."):
        importlib.import_module(info.name)
    for name in redline.__all__:
        if name[0].islower():
            assert callable(getattr(redline, name)), f"redline.{name} is {getattr(redline, name)!r}"
    o = redline.outline(fixtures_dir / "drafts" / "cchc-typed.docx")
    assert redline.resolve(o, "Mục 6.2 của Phần II").address == "II.6.2"


# --------------------------------------------------------------------------------------------
# synthetic documents

REPORT = [
    ("UBND TỈNH HÀ TĨNH", "b", "c"), ("SỞ NỘI VỤ", "b", "c"),
    ("BÁO CÁO", "b", "c"), ("(Dự thảo)", "c"), ("Sơ kết công tác CCHC 6 tháng đầu năm 2022", "b", "c"),
    ("-----------", "c"),
    "Thực hiện Kế hoạch số 486/KH-UBND ngày 29/12/2021, Sở Nội vụ báo cáo như sau:",
    ("I. KẾT QUẢ ĐẠT ĐƯỢC", "b"),
    ("1. Công tác chỉ đạo", "b"),
    "Trong 6 tháng, đã tiếp nhận 4.820 hồ sơ, giải quyết đúng hạn 98%.",
    "2021 - 2030 là giai đoạn thực hiện Chương trình tổng thể.",
    "15/6/2022 UBND tỉnh ban hành Kế hoạch.",
    "1. Sở Nội vụ chủ trì rà soát các thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh;",
    "2. Các sở, ngành phối hợp thực hiện kịp thời và đầy đủ các nhiệm vụ được giao;",
    ("2. Công tác tuyên truyền", "b"),
    ("Danh mục", "b", "table"),
    ("3. Trong bảng không phải mục", "b", "table"),
    "- Tuyên truyền trên Báo Hà Tĩnh;",
    ("II. NHIỆM VỤ", "b"),
    ("1. Cải cách thể chế", "b"),
    ("1.1. Rà soát văn bản", "b"),
    ("a) Cấp tỉnh", "b"),
    "Nội dung a.",
    ("b) Cấp huyện", "b"),
    "Nội dung b.",
    ("1. Danh sách đậm trong thân bài", "b"),  # breaks the sequence: body, not a section
    ("2. Cải cách thủ tục hành chính", "b"),
    "Trên đây là báo cáo sơ kết công tác CCHC 6 tháng đầu năm 2022./.",
    "",
    ("Nơi nhận:", "b"),
    "- Như trên;",
    ("GIÁM ĐỐC", "b"),
]


@pytest.fixture(scope="module")
def report():
    return build(make_doc(REPORT))


def test_synthetic_report_tree(report):
    assert tree(report.sections) == [
        {"address": "I", "label": "I.", "title": "KẾT QUẢ ĐẠT ĐƯỢC", "children": [
            {"address": "I.1", "label": "1.", "title": "Công tác chỉ đạo", "children": []},
            {"address": "I.2", "label": "2.", "title": "Công tác tuyên truyền", "children": []}]},
        {"address": "II", "label": "II.", "title": "NHIỆM VỤ", "children": [
            {"address": "II.1", "label": "1.", "title": "Cải cách thể chế", "children": [
                {"address": "II.1.1", "label": "1.1.", "title": "Rà soát văn bản", "children": [
                    {"address": "II.1.1.a", "label": "a)", "title": "Cấp tỉnh", "children": []},
                    {"address": "II.1.1.b", "label": "b)", "title": "Cấp huyện", "children": []}]}]},
            {"address": "II.2", "label": "2.", "title": "Cải cách thủ tục hành chính", "children": []}]},
    ]


def test_body_numbers_lists_and_tables_are_not_sections(report):
    by = report.by_address()
    i1 = by["I.1"]
    texts = [report.text(i) for i in i1.span]
    assert any(t.startswith("4.820") or "4.820" in t for t in texts)
    assert any(t.startswith("2021 - 2030") for t in texts)
    assert any(t.startswith("15/6/2022") for t in texts)
    assert any(t.startswith("1. Sở Nội vụ") for t in texts)  # a numbered list item
    # the bold "3." inside the table stays inside I.2
    i2 = by["I.2"]
    assert any(report.blocks[i].tag.endswith("}tbl") for i in i2.span)
    # the bold "1." that restarts a sequence is body text of II.1.1.b, with a warning
    b = by["II.1.1.b"]
    assert any(report.text(i).startswith("1. Danh sách") for i in b.span)
    assert any("does not continue" in str(w) for w in report.warnings)


def test_special_parts_of_synthetic_report(report):
    assert report.title.title == "Sơ kết công tác CCHC 6 tháng đầu năm 2022"
    assert report.text(report.title.start).startswith("Sơ kết")
    assert report.title.end == report.title.start + 1
    pre = [T.clean(report.text(i)) for i in report.preamble.span]
    assert "Thực hiện Kế hoạch số 486/KH-UBND ngày 29/12/2021, Sở Nội vụ báo cáo như sau:" in pre
    assert report.preamble.end == report.sections[0].heading
    assert report.closing.title.startswith("Trên đây là báo cáo")
    assert report.closing.span == range(report.closing.start, report.closing.start + 1)
    assert report.sections[-1].end == report.closing.start
    # the signature block belongs to nobody
    last = report.sections[-1].children[-1]
    assert last.end == report.closing.start


def test_spans_own_everything_until_next_heading(report):
    by = report.by_address()
    assert by["I"].end == by["II"].heading
    assert by["I.1"].end == by["I.2"].heading
    assert by["II.1.1.a"].span == range(by["II.1.1.a"].heading + 1, by["II.1.1.b"].heading)
    assert by["I"].lead_end == by["I.1"].heading
    assert by["II.1"].end == by["II.2"].heading


def test_labels_split_over_runs_nfd_nbsp_and_tab():
    d = docx.Document()
    for pieces in (["I", ".\u00a0", "KẾT ", "QUẢ"], ["1", ".", "\t", "Công tác"],
                   [unicodedata.normalize("NFD", "PHẦN THỨ HAI: "), "NHIỆM VỤ"]):
        p = d.add_paragraph()
        for piece in pieces:
            p.add_run(piece).bold = True
    o = build(d)
    assert [(s.address, s.label, s.title) for s in o.walk()] == [
        ("I", "I.", "KẾT QUẢ"), ("I.1", "1.", "Công tác"), ("II", "PHẦN THỨ HAI", "NHIỆM VỤ")]
    for s in o.walk():
        text = o.text(s.heading)
        assert T.clean(text[s.label_chars:]) == s.title
    assert o.by_address()["II"].label_chars == len(unicodedata.normalize("NFD", "PHẦN THỨ HAI: "))


def test_document_without_numbered_headings_gives_empty_tree():
    o = build(make_doc(["Một đoạn văn.", ("Đoạn đậm không số", "b"), "Đoạn khác 2021 - 2030."]))
    assert o.sections == [] and o.title is None
    assert o.preamble is not None and o.preamble.span == range(0, 3)


def test_styled_headings_without_numbers_are_flat_positional_sections():
    o = build(make_doc([("Introduction", "H1"), "text", ("Details", "H2"), "more", ("Results", "H1")]))
    assert [(s.address, s.title, s.level) for s in o.walk()] == [
        ("§1", "Introduction", 1), ("§1.§1", "Details", 2), ("§2", "Results", 1)]


def test_styled_headings_with_typed_numbers():
    o = build(make_doc([("I. KẾT QUẢ", "H1"), ("1. Chỉ đạo", "H2"), "x", ("2. Tuyên truyền", "H2"),
                        ("II. NHIỆM VỤ", "H1"), ("1. Thể chế", "H2")]))
    assert [s.address for s in o.walk()] == ["I", "I.1", "I.2", "II", "II.1"]
    assert o.by_address()["I.2"].label_chars == 3


def test_two_line_heading_takes_title_from_next_line():
    o = build(make_doc([("PHẦN THỨ NHẤT", "b", "c"), ("KẾT QUẢ THỰC HIỆN", "b", "c"), ("I. Chỉ đạo", "b"), "x",
                        ("PHẦN THỨ HAI", "b", "c"), ("NHIỆM VỤ", "b", "c"), "y"]))
    tops = o.sections
    assert [(s.address, s.label, s.title) for s in tops] == [
        ("I", "PHẦN THỨ NHẤT", "KẾT QUẢ THỰC HIỆN"), ("II", "PHẦN THỨ HAI", "NHIỆM VỤ")]
    assert tops[0].start == tops[0].heading + 2  # the title line belongs to the heading
    assert [s.address for s in tops[0].children] == ["I.I"]  # a Roman numeral stays one
    assert tops[1].span == range(tops[1].heading + 2, len(o.blocks))


def test_roman_and_capital_letters_follow_their_sequence():
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    o = build(make_doc([(f"{r}. Phần {r}", "b") for r in romans]))
    assert [s.address for s in o.walk()] == romans
    letters = "ABCDEFGHIJ"
    o = build(make_doc([(f"{c}. Mục {c}", "b") for c in letters]))
    assert [s.address for s in o.walk()] == list(letters)
    from redline.sections.numbering import to_roman
    many = [to_roman(n) for n in range(1, 53)]  # ... XLIX, L, LI, LII
    o = build(make_doc([(f"{r}. Phần", "b") for r in many]))
    assert [s.address for s in o.walk()] == many


def test_numbering_gap_and_duplicates_are_warned():
    o = build(make_doc([("I. A", "b"), ("1. Một", "b"), ("3. Ba", "b"), ("II. B", "b")]))
    assert [s.address for s in o.walk()] == ["I", "I.1", "I.3", "II"]
    assert any("gap" in str(w) and "3." in str(w) for w in o.warnings)
    o = build(make_doc([("I. A", "H1"), ("I. A lần nữa", "H1")]))
    assert any("share the address I" in str(w) for w in o.warnings)


def test_legal_clauses_only_inside_dieu():
    o = build(make_doc([
        ("Chương I", "b", "c"), ("QUY ĐỊNH CHUNG", "b", "c"),
        "1. Một đoạn đánh số ngoài Điều nào không phải khoản.",
        ("Điều 1. Phạm vi", "b"),
        "1. Quy chế này quy định việc tiếp nhận hồ sơ.",
        "a) Điểm thứ nhất;",
        "b) Điểm thứ hai.",
        "2. Khoản thứ hai.",
        ("Điều 2. Đối tượng", "b"),
        "Quy chế áp dụng với mọi cơ quan.",
        ("Chương II", "b", "c"), ("TỔ CHỨC THỰC HIỆN", "b", "c"),
        ("Điều 3. Trách nhiệm", "b"),
    ]))
    assert [(s.address, s.kind) for s in o.walk()] == [
        ("I", "chuong"), ("I.1", "dieu"), ("I.1.1", "khoan"), ("I.1.1.a", "diem"), ("I.1.1.b", "diem"),
        ("I.1.2", "khoan"), ("I.2", "dieu"), ("II", "chuong"), ("II.3", "dieu")]
    assert o.by_address()["I"].title == "QUY ĐỊNH CHUNG"


def test_english_parts_and_sections():
    o = build(make_doc([("Part I – Background", "b"), ("Section 1.1 Scope", "b"), "x",
                        ("Section 1.2 Method", "b"), ("Part II – Results", "b"), ("Section 2.1 Findings", "b")]))
    assert [(s.address, s.label, s.title, s.kind) for s in o.walk()] == [
        ("I", "Part I", "Background", "part"), ("I.1", "Section 1.1", "Scope", "section"),
        ("I.2", "Section 1.2", "Method", "section"), ("II", "Part II", "Results", "part"),
        ("II.1", "Section 2.1", "Findings", "section")]


def test_title_style_is_the_title():
    o = build(make_doc([("Annual Report", "Title"), "Intro text.", ("1. First", "b"), "x"]))
    assert o.title.title == "Annual Report" and o.title.span == range(0, 1)
    assert o.preamble.span == range(1, 2)
    assert [s.address for s in o.walk()] == ["I"]


def test_tracked_deletion_in_heading_uses_current_text():
    d = make_doc([("I. KẾT QUẢ", "b"), ("1. Công tác cũ", "b"), "x"])
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    p = d.paragraphs[1]._p
    p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A" w:date="2022-01-01T00:00:00Z">'
                       '<w:r><w:rPr><w:b/></w:rPr><w:delText> bỏ</w:delText></w:r></w:del>'))
    p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="A" w:date="2022-01-01T00:00:00Z">'
                       '<w:r><w:rPr><w:b/></w:rPr><w:t> mới</w:t></w:r></w:ins>'))
    o = build(d)
    assert o.by_address()["I.1"].title == "Công tác cũ mới"


def test_heading_rules_overrides():
    spec = [("I. KẾT QUẢ", "b"), "1. Công tác chỉ đạo", "x", "2. Công tác tuyên truyền",
            ("PHỤ LỤC I", "b"), ("1. Bảng số liệu", "b")]
    default = build(make_doc(spec))
    assert [s.address for s in default.walk()] == ["I", "I.1"]  # PHỤ LỤC unknown; plain items body
    loose = build(make_doc(spec), HeadingRules(require_bold=False, extra_keywords={"phu luc": 10}))
    assert [(s.address, s.kind) for s in loose.walk()] == [
        ("I", None), ("I.1", None), ("I.2", None), ("I", "phu luc"), ("I.1", None)]
    short = build(make_doc([("I. Một tiêu đề khá dài ở đây", "b")]), HeadingRules(max_heading_chars=10))
    assert short.sections == []
    styled = docx.Document()
    from docx.enum.style import WD_STYLE_TYPE
    styled.styles.add_style("Tieu de muc", WD_STYLE_TYPE.PARAGRAPH)
    styled.add_paragraph("Kết quả", style="Tieu de muc")
    styled.add_paragraph("nội dung")
    o = build(styled, HeadingRules(heading_styles={"Tieu de muc": 1}))
    assert [(s.address, s.title) for s in o.walk()] == [("§1", "Kết quả")]
    assert build(styled).sections == []
    no_typed = build(make_doc(spec), HeadingRules(use_typed_labels=False))
    assert no_typed.sections == []


def test_word_numbered_bold_list_paragraphs_are_headings_plain_ones_are_not():
    from test_numbering import MULTI, make as make_numbered

    d = make_numbered(MULTI, [("KẾT QUẢ", 1, 0), ("Công tác chỉ đạo", 1, 1), ("một mục danh sách thường", 1, 3)])
    for p in d.paragraphs[:2]:
        for r in p.runs:
            r.bold = True
    o = build(d)
    assert [(s.address, s.label, s.title, s.label_chars) for s in o.walk()] == [
        ("I", "I.", "KẾT QUẢ", 0), ("I.1", "1.", "Công tác chỉ đạo", 0)]


def test_run_in_heading_takes_its_bold_lead_in_as_title():
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("I. KẾT QUẢ").bold = True
    p = d.add_paragraph()
    p.add_run("1. Cải cách thể chế:").bold = True
    p.add_run(" Trong 6 tháng đầu năm, các cơ quan đã rà soát " + "nhiều văn bản quy phạm pháp luật, " * 12)
    p = d.add_paragraph()
    p.add_run("2. Cải cách thủ tục hành chính").bold = True
    p.add_run(". Đã công bố 120 thủ tục.")
    o = build(d)
    assert [(s.address, s.title) for s in o.walk()] == [
        ("I", "KẾT QUẢ"), ("I.1", "Cải cách thể chế"), ("I.2", "Cải cách thủ tục hành chính")]
    assert len(o.text(o.by_address()["I.1"].heading)) > 250  # long, but a heading all the same


def test_italic_lettered_items_are_headings():
    d = docx.Document()
    d.add_paragraph().add_run("1. Nguyên nhân").bold = True
    for text in ("a) Về nhận thức", "b) Về nguồn lực"):
        d.add_paragraph().add_run(text).italic = True
    d.add_paragraph("a) một mục liệt kê thường, không nghiêng, dài dòng như thân bài vẫn thường thấy;")
    o = build(d)
    assert [s.address for s in o.walk()] == ["I", "I.a", "I.b"]


def test_engineering_style_numbers_drop_trailing_zero():
    o = build(make_doc([("1.0 Introduction", "b"), "x", ("2.0 Scope", "b"), ("2.1 Detail", "b")]))
    assert [(s.address, s.label) for s in o.walk()] == [("I", "1.0"), ("II", "2.0"), ("II.1", "2.1")]
    assert o.warnings == []


def test_a_sentence_that_folds_like_noi_nhan_does_not_end_the_sections(tmp_path):
    # "Nối nhận ..." folds to the same letters as the signature block's "Nơi nhận:" label;
    # only the label (with its colon, or alone on its line) ends the numbered sections.
    import oracles

    body = (oracles.para(oracles.run("I. KẾT QUẢ", rpr="<w:b/>"))
            + oracles.para(oracles.run("1. Tiếp nhận", rpr="<w:b/>"))
            + oracles.para("Nối nhận hồ sơ trực tuyến với hệ thống một cửa điện tử.")
            + oracles.para(oracles.run("2. Giải quyết", rpr="<w:b/>"))
            + oracles.para("Nơi nhận:") + oracles.para("- Như trên;"))
    path = oracles.make_docx(tmp_path / "d.docx", body)
    tree = redline.outline(path)
    assert [s.address for s in tree.walk()] == ["I", "I.1", "I.2"]
    assert tree.walk().__next__().end == 4  # the signature block is not part of I
