"""The committed fixtures are what fixtures/build.py makes, and they show what content.py says.

Other tests trust the drafts, expected outlines and expected texts blindly, so this file checks
them without redline's own code: a rebuild compares byte for byte, the visible text is read
straight from the XML, and each layout's peculiarities (split runs, NFD, numbering.xml, ...) are
checked to be really there.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from conftest import FIXTURES, SHARED, need_shared

sys.path.insert(0, str(FIXTURES))
import content as C  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DRAFTS = FIXTURES / "drafts"
EXPECTED = FIXTURES / "expected"
EDITS = FIXTURES / "edits"


def _load_build():
    spec = importlib.util.spec_from_file_location("fixtures_build", FIXTURES / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build()
STEMS = list(build.DRAFTS)
CCHC = [s for s in STEMS if s.startswith("cchc-")]


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fixtures")
    build.build(root)
    return root


def xml_part(path: Path, name: str = "word/document.xml") -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def body(path: Path) -> etree._Element:
    return etree.fromstring(xml_part(path)).find(f"{W}body")


# --------------------------------------------------------------------------- up to date


@pytest.mark.parametrize("stem", STEMS)
def test_draft_is_up_to_date(stem, rebuilt):
    committed, fresh = DRAFTS / f"{stem}.docx", rebuilt / "drafts" / f"{stem}.docx"
    assert xml_part(committed) == xml_part(fresh), f"{stem}.docx is stale: run python fixtures/build.py"
    with zipfile.ZipFile(committed) as a, zipfile.ZipFile(fresh) as b:
        assert a.namelist() == b.namelist()


def test_rebuild_is_byte_identical(rebuilt):
    """Deterministic output: fixed dates and zip timestamps, so rebuilding changes nothing."""
    for stem in STEMS:
        assert (DRAFTS / f"{stem}.docx").read_bytes() == (rebuilt / "drafts" / f"{stem}.docx").read_bytes(), stem


def test_expected_and_edits_files_are_up_to_date(rebuilt):
    fresh = sorted(p.relative_to(rebuilt) for p in rebuilt.rglob("*") if p.is_file()
                   and p.parent.name in ("expected", "edits"))
    assert fresh, "build wrote no expected/edits files"
    for rel in fresh:
        assert (FIXTURES / rel).read_bytes() == (rebuilt / rel).read_bytes(), f"{rel} is stale"


# --------------------------------------------------------------------------- visible text


def visible_text(p: etree._Element, view: str = "current") -> str:
    """A paragraph's text read independently of redline: w:t (and w:delText in the original
    view), tabs and breaks; inserted runs only in the current view."""
    out = []
    for el in p.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}br"):
        if el.tag == f"{W}tab" and el.getparent().tag != f"{W}r":
            continue  # a tab stop definition (w:tabs/w:tab), not a character
        in_del = any(a.tag == f"{W}del" for a in el.iterancestors())
        in_ins = any(a.tag == f"{W}ins" for a in el.iterancestors())
        if (view == "current" and in_del) or (view == "original" and in_ins):
            continue
        out.append({f"{W}tab": "\t", f"{W}br": "\n"}.get(el.tag, el.text or ""))
    return "".join(out)


def story(container):
    for child in container:
        if child.tag == f"{W}p":
            yield child
        elif child.tag in (f"{W}tbl", f"{W}tr", f"{W}tc"):
            yield from story(child)


def displayed(path: Path, view: str = "current") -> list[str]:
    return [n for n in (C.norm(visible_text(p, view)) for p in story(body(path))) if n]


@pytest.mark.parametrize("stem", STEMS)
def test_visible_text_matches_content(stem):
    layout = build.LAYOUT_OF[stem]
    assert displayed(DRAFTS / f"{stem}.docx") == C.expected_paragraphs(layout, numbers=False)


def test_messy_original_view_is_before_the_earlier_reviewer():
    got = displayed(DRAFTS / "cchc-messy.docx", "original")
    assert got == C.expected_paragraphs("messy", view="original")
    assert got != C.expected_paragraphs("messy")


@pytest.mark.parametrize("stem", STEMS)
def test_python_docx_reads_the_body_paragraphs(stem):
    """python-docx's own view (body paragraphs only, no tables) agrees as well."""
    doc = Document(str(DRAFTS / f"{stem}.docx"))
    got = [n for n in (C.norm(p.text) for p in doc.paragraphs) if n]
    expected = C.expected_paragraphs(build.LAYOUT_OF[stem], numbers=False, tables=False)
    if stem == "cchc-messy":  # python-docx skips runs inside w:ins
        inserted = C.PRIOR_REVISION["inserted"]
        expected = [C.norm(e.replace(inserted, "")) for e in expected]
    assert got == expected


# --------------------------------------------------------------------------- outlines


def flatten(tree, key="title"):
    out = []
    for node in tree:
        out.append((node["address"], node[key]))
        out += flatten(node["children"], key)
    return out


def test_every_cchc_layout_has_the_same_tree():
    trees = {stem: json.loads((EXPECTED / f"{stem}.outline.json").read_text("utf-8")) for stem in CCHC}
    first = flatten(trees["cchc-typed"])
    for stem, tree in trees.items():
        assert flatten(tree) == first, stem


def test_the_seed_letter_targets_exist():
    found = dict(flatten(json.loads((EXPECTED / "cchc-typed.outline.json").read_text("utf-8"))))
    assert found["I.4"] == "Công tác thông tin, tuyên truyền CCHC"
    assert found["II.6.2"] == "Kết quả xây dựng, phát triển hạ tầng kỹ thuật và các hệ thống nền tảng"
    assert found["IV.7"] == "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"
    assert "II.2.3.a" in found and "III.3.đ" in found and "III.3.b" in found
    assert found["II.2"] == found["IV.2"]  # a shared title: references by title are ambiguous


def test_outline_addresses_follow_the_rule():
    legal = dict(flatten(json.loads((EXPECTED / "legal-vn.outline.json").read_text("utf-8")), "label"))
    assert legal["I"] == "Chương I" and legal["II.1"] == "Mục 1." and legal["II.2.5"] == "Điều 5."
    assert legal["II.2.5.2"] == "2." and legal["II.2.5.2.a"] == "a)" and legal["III.8"] == "Điều 8."
    english = dict(flatten(json.loads((EXPECTED / "english-report.outline.json").read_text("utf-8")), "label"))
    assert english == {"I": "Part I", "I.1": "Section 1.1", "I.2": "1.2",
                       "II": "Part II", "II.1": "Section 2.1", "II.2": "2.2"}


@pytest.mark.parametrize("stem", STEMS)
def test_every_heading_and_special_part_is_in_the_draft(stem):
    """Each expected title and special text is a displayed paragraph (or ends one)."""
    shown = displayed(DRAFTS / f"{stem}.docx")
    for address, title in flatten(json.loads((EXPECTED / f"{stem}.outline.json").read_text("utf-8"))):
        assert any(p == title or p.endswith(" " + title) for p in shown), (address, title)
    specials = json.loads((EXPECTED / f"{stem}.special.json").read_text("utf-8"))
    for part in ("title", "preamble", "closing"):
        for text in specials[part]:
            assert C.norm(text) in shown, (part, text)


# --------------------------------------------------------------------------- layout features


def headings(path: Path):
    """Body paragraphs whose text is a CCHC heading, as (paragraph element, text)."""
    titles = {t for _, t in flatten(C.outline("typed"))}
    for p in body(path).iter(f"{W}p"):
        text = C.norm(visible_text(p))
        if any(text == t or text.endswith(" " + t) for t in titles):
            yield p, text


def test_typed_headings_are_bold_by_direct_formatting():
    found = list(headings(DRAFTS / "cchc-typed.docx"))
    assert len(found) == len(flatten(C.outline("typed")))
    for p, text in found:
        assert p.find(f"{W}pPr/{W}pStyle") is None, text  # style Normal
        assert all(r.find(f"{W}rPr/{W}b") is not None for r in p.iter(f"{W}r")), text
        assert re.match(r"^([IVX]+\.|\d+\.(\d+\.)?|[a-zđ]\)) ", text), text


def test_autonum_numbers_come_from_numbering_xml():
    path = DRAFTS / "cchc-autonum.docx"
    numbering = xml_part(path, "word/numbering.xml").decode()
    for needle in ('w:numFmt w:val="upperRoman"', 'w:numFmt w:val="decimal"',
                   'w:numFmt w:val="lowerLetter"', 'w:lvlText w:val="%1."', 'w:lvlText w:val="%2."',
                   'w:lvlText w:val="%2.%3."', 'w:lvlText w:val="%4)"', "w:lvlRestart",
                   "w:startOverride", 'w:start w:val="1"'):
        assert needle in numbering, needle
    styles = xml_part(path, "word/styles.xml").decode()
    assert styles.count("<w:numPr>") >= 4  # Heading 1-4 carry the list
    texts = [t for _, t in headings(path)]
    assert "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" in texts and "Kiểm soát quy định TTHC" in texts
    assert not any(re.match(r"^([IVX]+|\d+(\.\d+)*)\.\s", t) for t in texts)
    assert "đ) Về phối hợp giữa các cơ quan" in texts  # the one level Word cannot letter


def test_messy_layout_is_messy():
    path = DRAFTS / "cchc-messy.docx"
    root = etree.fromstring(xml_part(path))
    texts = [t.text or "" for t in root.iter(f"{W}t")]
    joined = "".join(texts)
    # runs split inside phrases and labels
    for phrase in ("Chính phủ điện tử", "32,4%", "Phước Hưng"):
        assert not any(phrase in unicodedata.normalize("NFC", t) for t in texts), phrase
        assert phrase in unicodedata.normalize("NFC", joined)
    assert any(t == "I" for t in texts)  # "II." stored as "I" + "I.\u00a0..."
    # decomposed Unicode, no-break spaces and tabs after labels
    assert any(unicodedata.normalize("NFC", t) != t for t in texts)
    assert "\u00a0" in joined
    assert root.find(f".//{W}r/{W}tab") is not None
    # a comment, a bookmark, an earlier reviewer's tracked change, a table in a section
    assert root.find(f".//{W}commentReference") is not None
    assert "Phòng Tổng hợp".encode() in xml_part(path, "word/comments.xml")
    assert root.find(f".//{W}bookmarkStart") is not None
    for tag in ("ins", "del"):
        rev = root.find(f".//{W}{tag}")
        assert rev is not None and rev.get(f"{W}author") == "Văn phòng UBND tỉnh"
    assert len(root.find(f"{W}body").findall(f"{W}tbl")) == 3  # header, data, signature


def test_phan_layout_names_its_parts():
    texts = [t for _, t in headings(DRAFTS / "cchc-phan.docx")]
    parts = [t for t in texts if t.startswith("PHẦN")]
    assert parts[0] == "PHẦN THỨ NHẤT CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert [p.split(" ")[2] for p in parts] == ["NHẤT", "HAI", "BA", "TƯ", "NĂM"]


def test_body_numbers_that_are_not_sections_are_there():
    shown = "\n".join(C.expected_paragraphs("typed"))
    for needle in ("4.820", "97,5%", "15/6/2022", "2021 - 2030", "1,2 tỷ đồng", "ISO 9001:2008",
                   "\n1. Quyết định số 1125", "huyện Tân Lập, huyện Phước Hưng, huyện Bình Lâm",
                   "UBND tỉnh đã tổ chức Hội nghị", " cơ bản ", "32,4%", C.STRATEGY):
        assert needle in shown, needle
    assert shown.count("Chính phủ điện tử") >= 4


# --------------------------------------------------------------------------- edits files


@pytest.mark.parametrize("name", ["seed-letter", "fine-grained", "all-ops"])
def test_edits_files_follow_the_schema(name):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES.parent / "src/redline/schema/edits.schema.json").read_text("utf-8"))
    doc = json.loads((EDITS / f"{name}.json").read_text("utf-8"))
    jsonschema.validate(doc, schema, format_checker=jsonschema.FormatChecker())
    for suffix in ("", ".autonum", ".phan"):
        assert (EDITS / f"{name}{suffix}.expected.txt").is_file()


def test_seed_letter_transcription():
    doc = json.loads((EDITS / "seed-letter.json").read_text("utf-8"))
    assert doc["author"] == "Sở Thông tin và Truyền thông" and doc["date"] == "2022-07-15T08:00:00Z"
    n1, n2, n3 = doc["edits"]
    assert (n1["op"], n2["op"], n3["op"]) == ("replace", "append", "append")
    assert len(n1["paragraphs"]) == 5 and n1["paragraphs"][-1].startswith("Nhìn chung,")
    assert sum(p.startswith("- ") for p in n1["paragraphs"]) == 4
    mended = n1["paragraphs"][1]
    assert "thủ tục hành chính đảm bảo thuận tiện" in mended and "\n" not in mended
    assert n2["paragraphs"] == ["Hiện nay, đang trình UBND tỉnh phê duyệt Kế hoạch lựa chọn nhà thầu "
                                "thực hiện thuê mạng truyền số liệu chuyên dùng cấp II trong cơ quan "
                                "nhà nước trên địa bàn tỉnh Hà Tĩnh."]
    assert len(n3["paragraphs"]) == 2


def test_seed_letter_copy_is_unchanged():
    seed = need_shared("seed/000_226b52244f99b591.txt")
    assert (FIXTURES / "letters" / "seed-letter.txt").read_bytes() == seed.read_bytes()


def test_fine_grained_edits_cover_issue_4():
    edits = json.loads((EDITS / "fine-grained.json").read_text("utf-8"))["edits"]
    assert len(edits) >= 14
    anchors = {k for e in edits for k in e.get("anchor", {})}
    assert anchors == {"paragraph", "bullet", "sentence", "sentence_prefix"}
    ops = {(e["op"], "anchor" in e, "find" in e) for e in edits}
    for needed in [("insert_after", True, False), ("insert_before", True, False), ("delete", True, False),
                   ("delete", False, True), ("replace", True, False), ("replace_text", False, True),
                   ("comment", False, False)]:
        assert needed in ops, needed
    assert {e["target"] for e in edits} >= {"*", "title", "preamble", "closing"}
    assert any(e.get("exclude") for e in edits) and any("occurrence" in e for e in edits)
    assert any(e.get("case_sensitive") is False for e in edits)
    assert len({e.get("author") for e in edits}) >= 3


def test_expected_texts_differ_from_the_original_exactly_where_edits_say():
    """A sanity check of the reference logic: every edit except the comment changes something."""
    original = C.expected_paragraphs("typed")
    doc = build.fine_grained_edits()
    for edit in doc["edits"]:
        after = build.accepted_paragraphs({"edits": [edit]}, "typed")
        assert (after == original) == (edit["op"] == "comment"), edit["n"]
