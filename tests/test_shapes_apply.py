"""Issue 12: every op at clause level and at table level on the law, the decision with its Quy
chế, the plan and the report (typed and Word-numbered), proved with pandoc (Accept All = the
text fixtures/shapes_build.py computes without redline, Reject All = the draft), openxml-audit
and the XSD; the outline's address spaces, signature blocks, title block, items and tables."""
from __future__ import annotations

import json
import sys

import pytest

import oracles
import redline
from conftest import FIXTURES

sys.path.insert(0, str(FIXTURES))
import shapes_build as SB  # noqa: E402

DRAFTS = FIXTURES / "drafts"
EDITS = FIXTURES / "edits"
CASES = [(kind, layout) for kind in SB.EDITS for layout in SB.LAYOUTS]


def expected(kind, layout):
    suffix = "" if layout == "typed" else ".autonum"
    return oracles.text_lines((EDITS / f"{kind}{suffix}.expected.txt").read_text("utf-8"))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    cache = {}

    def make(kind, layout):
        if (kind, layout) not in cache:
            out = tmp_path_factory.mktemp("shapes") / f"{kind}-{layout}.docx"
            result = redline.apply(DRAFTS / f"{kind}-{layout}.docx", EDITS / f"{kind}.json", out)
            cache[(kind, layout)] = (out, result)
        return cache[(kind, layout)]

    return make


@pytest.mark.parametrize("kind,layout", CASES)
def test_accept_all_gives_the_intended_text(outputs, kind, layout):
    out, _ = outputs(kind, layout)
    assert oracles.pandoc_paragraphs(out, "accept") == expected(kind, layout)


@pytest.mark.parametrize("kind,layout", CASES)
def test_reject_all_gives_back_the_draft(outputs, kind, layout):
    out, _ = outputs(kind, layout)
    draft = DRAFTS / f"{kind}-{layout}.docx"
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")


@pytest.mark.parametrize("kind,layout", CASES)
def test_output_is_valid(outputs, kind, layout):
    out, _ = outputs(kind, layout)
    assert oracles.new_audit_errors(out, DRAFTS / f"{kind}-{layout}.docx") == []
    assert redline.check(out, original=DRAFTS / f"{kind}-{layout}.docx") == []


# --------------------------------------------------------------------------- LibreOffice


@pytest.mark.libreoffice
def test_libreoffice_accepts_and_rejects_every_shape(tmp_path):
    """Every edits file on every draft, typed and Word-numbered: clause edits, renumbering, row
    insertions and deletions (w:trPr w:ins / w:del) and cell edits, as LibreOffice headless sees
    them: Accept All = the expected text, Reject All = the draft."""
    oracles.need_libreoffice()
    outs = []
    for kind, layout in CASES:
        out = tmp_path / f"{kind}-{layout}.docx"
        redline.apply(DRAFTS / f"{kind}-{layout}.docx", EDITS / f"{kind}.json", out)
        outs.append((kind, layout, out))
    drafts = [DRAFTS / f"{kind}-{layout}.docx" for kind, layout, _ in outs]
    results = oracles.libreoffice_batch([o for _, _, o in outs] + drafts)
    by_path = {r.path: r for r in results}
    for (kind, layout, out), draft in zip(outs, drafts):
        res = by_path[out]
        assert res.error is None
        assert res.accepted == expected(kind, layout), (kind, layout)
        assert res.rejected == by_path[draft].rejected, (kind, layout)


# --------------------------------------------------------------------------- outline and references


def test_decision_has_two_address_spaces_and_no_collision():
    o = redline.outline(DRAFTS / "quyetdinh-typed.docx")
    assert o.warnings == []
    want = json.loads((FIXTURES / "expected" / "quyetdinh.outline.json").read_text("utf-8"))

    def tree(sections):
        return [{"address": s.address, "label": s.label, "title": s.title, "children": tree(s.children)}
                for s in sections]

    assert tree(o.sections) == want["sections"]
    assert [d.name for d in o.documents] == [d["name"] for d in want["documents"]]
    assert tree(o.documents[0].sections) == want["documents"][0]["sections"]
    assert o.name == "Quyết định"


@pytest.mark.parametrize("stem", SB.STEMS)
def test_shape_outlines_match_expected(stem):
    kind = stem.split("-")[0]
    o = redline.outline(DRAFTS / f"{stem}.docx")
    want = json.loads((FIXTURES / "expected" / f"{kind}.outline.json").read_text("utf-8"))

    def flat(sections):
        return [(s.address, s.title) for top in sections for s in top.walk()]

    def flat_want(nodes):
        out = []
        for n in nodes:
            out.append((n["address"], n["title"]))
            out += flat_want(n["children"])
        return out

    assert flat(o.sections) == flat_want(want["sections"])
    for d, w in zip(o.documents, want["documents"]):
        assert d.name == w["name"] and flat(d.sections) == flat_want(w["sections"])
    assert o.warnings == []
    for address, text in want["items"].items():
        item = redline.resolve(o, address)
        assert item.kind == "item" and item.title == text


@pytest.mark.parametrize("stem", SB.STEMS)
def test_signature_blocks_belong_to_no_section(stem):
    o = redline.outline(DRAFTS / f"{stem}.docx")
    assert o.signatures
    for lo, hi in o.signatures:
        for s in o.walk():
            assert not (s.start <= lo < s.end), (s.address, lo)
            assert s.heading < lo or s.heading >= hi


@pytest.mark.parametrize("ref,address", [
    ("Điều 5 của Quy chế", "Quy chế:II.5"), ("Điều 1 Quyết định", "I"), ("Điều 5", "Quy chế:II.5"),
    ("khoản 2 Điều 3 của Quy chế", "Quy chế:I.3.2"), ("Quy chế:II.5.2", "Quy chế:II.5.2"),
    ("tên gọi của dự thảo", "title"), ("số, ký hiệu", "number"), ("cơ quan ban hành", "authority"),
    ("địa danh, ngày tháng", "date"), ("Quy chế", "Quy chế")])
def test_decision_references(ref, address):
    o = redline.outline(DRAFTS / "quyetdinh-autonum.docx")
    assert redline.resolve(o, ref).address == address


def test_a_bare_article_in_both_documents_is_ambiguous():
    o = redline.outline(DRAFTS / "quyetdinh-typed.docx")
    with pytest.raises(redline.ResolveError) as err:
        redline.resolve(o, "Điều 2")
    assert set(err.value.candidates) == {"II", "Quy chế:I.2"}


@pytest.mark.parametrize("stem", ["baocao-typed", "baocao-autonum"])
def test_tables_are_listed_and_addressable(stem):
    o = redline.outline(DRAFTS / f"{stem}.docx")
    captions = [t.caption for t in o.tables]
    assert captions == ["", "Biểu số 01: Hồ sơ tiếp nhận theo lĩnh vực", "Biểu số 02: Kết quả giải quyết theo đơn vị"]
    assert o.tables[2].header == ["STT", "Đơn vị", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn"]
    cell = redline.resolve(o, "Biểu số 02, dòng huyện Tân Lập, cột Tỷ lệ đúng hạn")
    assert [oracles.norm("".join(t.text or "" for t in p.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))) for _, p in cell.paragraphs] == ["97,5%"]
    with pytest.raises(redline.ResolveError):
        redline.resolve(o, "Biểu số 02, dòng huyện Không Có")


@pytest.mark.parametrize("ref,address", [("khoản 2 Mục II", "II.2"), ("nội dung thứ 3 của Mục II", "II.3"),
                                         ("II.1", "II.1"), ("Phụ lục", "Phụ lục")])
def test_plan_items_are_addressable_but_not_in_the_outline(ref, address):
    o = redline.outline(DRAFTS / "kehoach-autonum.docx")
    assert redline.resolve(o, ref).address == address
    assert "II.2" not in {s.address for s in o.walk()}


def test_renumbering_is_summarised_and_stale_references_warned(outputs):
    _, result = outputs("luat", "typed")
    text = result.render("text")
    assert "Renumbered" in text and "khoản 2-3" in text
    stale = [str(w) for w in result.warnings]
    assert any("khoản 2 Điều này" in w for w in stale) and any("khoản 3 Điều 5" in w for w in stale)


LETTER_DRAFTS = {"stp-luat": "luat-typed", "stp-quyetdinh": "quyetdinh-typed", "snv-kehoach": "kehoach-typed",
                 "vp-baocao": "baocao-typed"}


@pytest.mark.parametrize("name", list(LETTER_DRAFTS))
def test_letter_expected_edits_apply_to_their_draft(tmp_path, name):
    """The hand-written expected edits of the issue-12 letters are valid edits files whose every
    target resolves and applies cleanly (test material for letter extraction)."""
    draft = DRAFTS / f"{LETTER_DRAFTS[name]}.docx"
    out = tmp_path / f"{name}.docx"
    result = redline.apply(draft, FIXTURES / "letters" / "shapes" / f"{name}.expected.json", out)
    assert not result.unresolved
    assert redline.check(out, original=draft) == []
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
