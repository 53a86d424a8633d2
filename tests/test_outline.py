"""The outline: heading recognition, addresses, spans and special parts.

Synthetic documents are built with python-docx in the tests; the fixture drafts are
compared with their expected trees (fixtures/expected/<stem>.outline.json / .special.json).
"""
from __future__ import annotations

import json

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

import redline
from redline import text as T
from redline.outline import HeadingRules, build, parse_label

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
    import importlib

    mod = importlib.import_module("redline.outline")
    doc = docx.Document(str(fixtures_dir / "drafts" / f"{stem}.docx"))
    blocks = list(mod.iter_blocks(doc.element.body))
    fast = mod._scan(doc, blocks)
    slow = mod._scan_python(blocks)
    assert fast is not None and fast.plain == slow.plain
    expected = tree(build(doc).sections)
    original = mod._scan
    try:
        mod._scan = lambda d, b: None  # force the fallback
        assert tree(build(doc).sections) == expected
    finally:
        mod._scan = original


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
    data = json.loads(res.output)
    assert data[0]["address"] == "I" and {"address", "label", "title", "level", "children"} <= set(data[0])


def test_public_function_survives_the_stage_module(fixtures_dir):
    """``redline.outline`` stays the public function once the stage module is loaded."""
    import importlib

    o = redline.outline(fixtures_dir / "drafts" / "cchc-typed.docx")
    mod = importlib.import_module("redline.outline")
    assert callable(redline.outline) and hasattr(mod, "build")
    o2 = redline.outline(fixtures_dir / "drafts" / "cchc-typed.docx")
    assert addresses(o) == addresses(o2)
    assert redline.resolve(o2, "Mục 6.2 của Phần II").address == "II.6.2"
