"""`redline apply` on every fixture layout, proved with clients we did not write.

For each layout and each edits file: pandoc's Reject All gives back the draft exactly,
pandoc's Accept All gives exactly the expected text (computed by fixtures/build.py without
redline), openxml-audit finds no new errors, and the XSD check finds none.
"""
from __future__ import annotations

import json
import zipfile

import pytest
from lxml import etree

import oracles
import redline
from conftest import FIXTURES

DRAFTS = FIXTURES / "drafts"
EDITS = FIXTURES / "edits"
LAYOUTS = {"typed": "cchc-typed", "autonum": "cchc-autonum", "messy": "cchc-messy", "phan": "cchc-phan"}
EDIT_FILES = ["seed-letter", "all-ops", "fine-grained"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def expected_lines(name: str, layout: str) -> list[str]:
    special = EDITS / f"{name}.{layout}.expected.txt"
    path = special if special.exists() else EDITS / f"{name}.expected.txt"
    return oracles.text_lines(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    cache = {}

    def make(layout: str, name: str):
        key = (layout, name)
        if key not in cache:
            out = tmp_path_factory.mktemp("apply") / f"{layout}-{name}.docx"
            result = redline.apply(DRAFTS / f"{LAYOUTS[layout]}.docx", EDITS / f"{name}.json", out)
            cache[key] = (out, result)
        return cache[key]

    return make


@pytest.mark.parametrize("name", EDIT_FILES)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_reject_all_gives_back_the_draft(outputs, layout, name):
    out, _ = outputs(layout, name)
    draft = DRAFTS / f"{LAYOUTS[layout]}.docx"
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")


@pytest.mark.parametrize("name", EDIT_FILES)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_accept_all_gives_the_intended_text(outputs, layout, name):
    out, _ = outputs(layout, name)
    assert oracles.pandoc_paragraphs(out, "accept") == expected_lines(name, layout)


@pytest.mark.parametrize("name", EDIT_FILES)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_output_is_schema_valid(outputs, layout, name):
    out, _ = outputs(layout, name)
    assert oracles.new_audit_errors(out, DRAFTS / f"{LAYOUTS[layout]}.docx") == []
    assert oracles.xsd_errors(out) == []


@pytest.mark.parametrize("name", EDIT_FILES)
def test_every_revision_is_attributed_and_dated(outputs, name):
    out, _ = outputs("typed", name)
    edits = json.loads((EDITS / f"{name}.json").read_text("utf-8"))
    authors = {edits["author"]} | {e["author"] for e in edits["edits"] if "author" in e}
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    marks = root.iter(W + "ins", W + "del")
    seen = set()
    ids = []
    for m in marks:
        assert m.get(W + "author") in authors
        assert m.get(W + "date", "").endswith("Z")
        ids.append(m.get(W + "id"))
        seen.add(m.get(W + "author"))
    assert ids and len(ids) == len(set(ids))
    assert seen == authors or name != "seed-letter"


def test_seed_letter_output_opens_and_names_the_department(outputs):
    out, result = outputs("typed", "seed-letter")
    text = result.render("text")
    assert "Sở Thông tin và Truyền thông" in text
    assert "[1] Replace · I.4 Công tác thông tin, tuyên truyền CCHC · Sở Thông tin và Truyền thông · item 1" in text
    assert "Add at the end · II.6.2" in text and "Add at the end · IV.7" in text
    assert "replace_text" not in text and "(n=" not in text  # plain words, not the edits file's names
    import docx

    docx.Document(str(out))


def test_replace_is_a_word_level_redline_not_delete_all_insert_all(tmp_path):
    # A paragraph that changes by two words must keep every other word untouched.
    draft = DRAFTS / "cchc-typed.docx"
    tree = redline.outline(draft)
    section = redline.resolve(tree, "I.4")
    original = [tree.text(i) for i in section.span]
    new = [p.replace("đa dạng", "phong phú, đa dạng") for p in original]
    assert new != original
    out = tmp_path / "out.docx"
    redline.apply(draft, {"author": "A", "edits": [{"op": "replace", "target": "I.4", "paragraphs": new}]}, out)
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    inserted = "".join(t.text for ins in root.iter(W + "ins") for t in ins.iter(W + "t"))
    deleted = "".join(t.text for d in root.iter(W + "del") for t in d.iter(W + "delText"))
    assert inserted.strip() == "phong phú,"
    assert deleted == ""
    assert oracles.pandoc_paragraphs(out, "accept") == oracles.norm_paragraphs(
        oracles.pandoc_paragraphs(draft, "accept")[i].replace("đa dạng", "phong phú, đa dạng")
        for i in range(len(oracles.pandoc_paragraphs(draft, "accept"))))


@pytest.mark.parametrize("layout", ["typed", "messy", "autonum"])
def test_inserted_paragraphs_copy_their_neighbours_formatting(outputs, layout):
    """New paragraphs carry the paragraph properties of a body paragraph of the draft
    (style, indent, alignment, spacing) and the run properties of its text, never bold
    heading formatting or python-docx defaults."""
    import copy

    out, _ = outputs(layout, "seed-letter")
    draft = DRAFTS / f"{LAYOUTS[layout]}.docx"

    def props(path):
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        return root.find(W + "body")

    def ppr_key(p):
        ppr = copy.deepcopy(p.find(W + "pPr"))
        if ppr is None:
            return ""
        for r in ppr.findall(W + "rPr"):
            ppr.remove(r)
        return etree.tostring(ppr)

    tree = redline.outline(draft)
    headings = {s.heading for s in tree.walk()}
    body_paragraphs = [b for i, b in enumerate(tree.blocks) if b.tag == W + "p" and i not in headings
                       and tree.text(i).strip()]
    body_pprs = {ppr_key(p) for p in body_paragraphs}
    body_rprs = {etree.tostring(r.find(W + "rPr")) if r.find(W + "rPr") is not None else b""
                 for p in body_paragraphs for r in p.iter(W + "r")}
    new_ps = [p for p in props(out).iter(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    assert len(new_ps) >= 3
    for p in new_ps:
        assert ppr_key(p) in body_pprs
        assert p.find(f"{W}pPr/{W}jc") is not None and p.find(f"{W}pPr/{W}jc").get(W + "val") == "both"
        for run in p.iter(W + "r"):
            rpr = run.find(W + "rPr")
            assert (etree.tostring(rpr) if rpr is not None else b"") in body_rprs
            assert rpr is None or rpr.find(W + "b") is None


def test_untouched_parts_are_copied_byte_for_byte(outputs):
    out, _ = outputs("messy", "seed-letter")
    draft = DRAFTS / "cchc-messy.docx"
    with zipfile.ZipFile(draft) as a, zipfile.ZipFile(out) as b:
        changed = {n for n in a.namelist() if n in b.namelist() and a.read(n) != b.read(n)}
    assert changed <= {"word/document.xml"}


def test_input_is_never_modified(tmp_path):
    import hashlib

    draft = DRAFTS / "cchc-typed.docx"
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    redline.apply(draft, EDITS / "seed-letter.json", tmp_path / "o.docx")
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("stem,present,absent", [
    ("legal-vn", ["b) Hẹn lại ngày trả kết quả, không quá 03 ngày làm việc kể từ ngày hết hạn giải quyết;",
                  "Điều 4a. Tiếp nhận hồ sơ ngoài giờ hành chính",
                  "Trung tâm tiếp nhận hồ sơ vào sáng thứ Bảy hằng tuần.", "3. Tổ chức, cá nhân có liên quan."],
     ["c) Báo cáo Giám đốc Trung tâm để theo dõi, đôn đốc."]),
    ("english-report", ["2.2 Public services", "Online public services grew steadily.",
                        "- 156 administrative procedures were reviewed;"], []),
])
def test_legal_and_english_drafts(tmp_path, stem, present, absent):
    """Not tied to one country's habits: Điều / khoản / điểm and Part / Section targets."""
    draft = DRAFTS / f"{stem}.docx"
    out = tmp_path / "out.docx"
    redline.apply(draft, EDITS / f"{stem}.json", out)
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    accepted = oracles.pandoc_paragraphs(out, "accept")
    for p in present:
        assert p in accepted
    for p in absent:
        assert p in oracles.pandoc_paragraphs(draft, "accept") and p not in accepted
    assert any(p.endswith("Figures were checked twice.") for p in accepted) or stem != "english-report"
    assert redline.check(out, original=draft) == []
    assert oracles.new_audit_errors(out, draft) == []


def test_apply_pauses_the_cyclic_collector_only_for_the_run(tmp_path):
    """apply keeps gc off during the run (a large draft's long-lived objects made its full
    passes ~4% of the run) and gives it back as it found it, also when the run fails."""
    import gc

    from redline.errors import RedlineError
    from redline.pipeline import _collector_paused

    assert gc.isenabled()
    with _collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RedlineError):
        redline.apply(tmp_path / "missing.docx", [{"author": "A", "edits": [
            {"op": "replace", "target": "I", "text": "x"}]}], tmp_path / "out.docx")
    assert gc.isenabled()
    gc.disable()
    try:
        with _collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_an_appended_block_marks_only_its_own_paragraphs(tmp_path):
    # LibreOffice draws a change bar beside the heading after an appended block (6.3. after the
    # II.6.2 append): it models the new paragraph's inserted mark as a range reaching the start
    # of the next paragraph.  The markup is Word's own form (README, "Change bars in
    # LibreOffice"): only the new paragraphs carry revisions; the paragraph before and the
    # heading after carry none.
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    out = tmp_path / "o.docx"
    redline.apply(DRAFTS / "cchc-typed.docx", EDITS / "seed-letter.json", out)
    body = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml")).find(W + "body")
    paras = list(body.iter(W + "p"))
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in paras]
    new = next(i for i, t in enumerate(texts) if t.startswith("Hiện nay, đang trình"))
    assert texts[new + 1].startswith("6.3.")
    marked = [p.find(f"{W}pPr/{W}rPr/{W}ins") is not None for p in paras]
    assert marked[new] and not marked[new - 1] and not marked[new + 1]
    for p in (paras[new - 1], paras[new + 1]):
        assert not any(el.tag in (W + "ins", W + "del", W + "pPrChange", W + "rPrChange") for el in p.iter())
