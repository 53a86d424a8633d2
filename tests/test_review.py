"""The review model behind `redline serve`: a plan a person corrects before anything is written.

Everything here is the public Python API; the page only calls it.
"""
from __future__ import annotations

import json
import re
import zipfile

import pytest
from lxml import etree

import oracles
import redline
from conftest import FIXTURES
from redline.edits import parse_edits
from redline.plan import make_plan
from redline.sections.outline import build as build_outline
from redline.package import open_docx

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
LETTERS = FIXTURES / "letters"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _comments(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/comments.xml"))
    return ["".join(c.itertext()) for c in root.iter(W + "comment")]


def _revisions(path) -> int:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return sum(1 for _ in root.iter(W + "ins", W + "del"))


# ----------------------------------------------------------------------------- the hooks in apply

def test_as_comment_writes_the_proposal_as_a_comment_not_a_change(tmp_path):
    edits = {"author": "Sở Tư pháp", "edits": [
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "phổ biến", "as_comment": True}]}
    path = tmp_path / "e.json"
    path.write_text(json.dumps(edits, ensure_ascii=False), "utf-8")
    out = tmp_path / "out.docx"
    result = redline.apply(DRAFT, [path], out)
    assert _revisions(out) == 0
    comments = _comments(out)
    # in the run's language (the comment is the draft's text: English until a run picks one)
    assert len(comments) == 1 and re.match(r"Sở Tư pháp (proposes|đề nghị): ", comments[0]) and "phổ biến" in comments[0]
    text = result.render("text")
    assert "written as a comment (the reviewer's choice) · I.4" in text and "(conflict)" not in text
    assert oracles.pandoc_paragraphs(out, "accept") == oracles.pandoc_paragraphs(DRAFT, "accept")


def test_as_comment_still_reports_a_wrong_target(tmp_path):
    edits = {"author": "A", "edits": [{"op": "append", "target": "IX.9", "paragraphs": ["x"], "as_comment": True}]}
    with pytest.raises(redline.ResolveError):
        redline.apply(DRAFT, [edits], tmp_path / "out.docx")


def test_unresolved_instruction_keeps_its_edit_so_it_can_be_completed():
    doc = redline.extract(LETTERS / "vpubnd.txt", draft=DRAFT)
    by_n = {u["n"]: u for u in doc["unresolved"]}
    edit = by_n[4]["edit"]
    assert edit["op"] == "append" and edit["paragraphs"] and by_n[4]["candidates"] == ["II.2", "IV.2"]
    parse_edits(doc, allow_empty=True)  # still a valid edits file
    # completed by hand (target chosen), it applies
    fixed = {**doc, "edits": doc["edits"] + [{**edit, "target": "II.2"}], "unresolved": []}
    parse_edits(fixed)


def test_extract_against_an_outline_already_built_gives_the_same():
    tree = build_outline(open_docx(DRAFT))
    assert redline.extract(LETTERS / "vpubnd.txt", draft=tree) == redline.extract(LETTERS / "vpubnd.txt", draft=DRAFT)


def test_keep_going_sets_aside_what_apply_would_refuse():
    tree = build_outline(open_docx(DRAFT))
    ef = parse_edits({"author": "A", "edits": [
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "phổ biến"},
        {"op": "append", "target": "IX.9", "paragraphs": ["x"]},
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "vận động"},
    ]})
    with pytest.raises(redline.ResolveError):
        make_plan(tree, ef.edits)
    plan = make_plan(tree, ef.edits, keep_going=True)
    assert [pe.edit.index for pe in plan.edits] == [1]
    assert [(s["edit"].index, s.get("blocking")) for s in plan.skipped] == [(2, True), (3, True)]
    assert plan.skipped[1]["conflict_with"].index == 1 and "cannot both apply" in plan.skipped[1]["reason"]


# ----------------------------------------------------------------------------- the review

THREE = [LETTERS / "cat.txt", LETTERS / "vpubnd.txt", LETTERS / "stnmt.txt"]


def _docxml(path) -> str:
    import re

    with zipfile.ZipFile(path) as z:
        return re.sub(r' w:date="[^"]*"', "", z.read("word/document.xml").decode("utf-8"))


@pytest.fixture()
def review():
    return redline.review(DRAFT, THREE, date="2022-07-20T08:00:00Z")


def test_each_letter_with_its_sender_number_date_and_instructions_in_letter_order(review):
    cat, vp, stnmt = review.sources
    assert (cat.sender, cat.number, cat.letter_date) == ("Công an tỉnh", "2211/CAT-PC06", "2022-07-14")
    assert (vp.sender, vp.number, vp.letter_date) == ("Văn phòng UBND tỉnh", "3120/VP-NC", "2022-07-15")
    assert [i.n for i in review.items(vp)] == [1, 1, 2, 3, 4, 5, 6]
    assert all(i.quote for i in review.items())
    states = {(s.name, i.n): i.state for s in review.sources for i in review.items(s)}
    assert states[("vpubnd.txt", 4)] == "unresolved" and states[("vpubnd.txt", 2)] == "apply"


def test_unresolved_shows_reason_and_candidates(review):
    item = next(i for i in review.items(1) if i.n == 4)
    assert item.state == "unresolved" and "ambiguous" in item.reason and item.candidates == ["II.2", "IV.2"]
    assert review.view(item) is None


def test_cross_letter_conflict_names_the_other_source(review):
    item = next(i for i in review.items(2) if i.state == "conflict")
    assert "cat.edits.json" in item.conflict_with and "Công an tỉnh" in item.conflict_with
    assert not item.blocking and review.problems == []


def test_view_is_the_summary_inline_redline(review):
    from redline import diff

    item = next(i for i in review.items(0) if i.n == 4)  # 46.932 -> 46.923
    view = review.view(item)
    html = " ".join(diff.inline(line, "html") for line in view.lines)
    assert "<del>46.932</del>" in html and "<ins>46.923</ins>" in html and view.address == "II.2.3.a"


def test_corrections_replan_at_once(review):
    item = next(i for i in review.items(1) if i.n == 4)
    review.retarget(item.id, "Mục 2 Phần II")
    assert item.state == "apply" and item.edit["target"] == "II.2" and review.view(item).address == "II.2"
    other = review.items(0)[0]
    review.set_comment(other.id, True)
    assert other.state == "comment" and other.edit["as_comment"] is True
    review.set_comment(other.id, False)
    assert other.state == "apply" and "as_comment" not in other.edit
    review.set_text(item.id, "Tỷ lệ hồ sơ được số hóa đạt 46%.\nĐoạn thứ hai.")
    assert item.edit["paragraphs"] == ["Tỷ lệ hồ sơ được số hóa đạt 46%.", "Đoạn thứ hai."]
    review.skip(item.id)
    assert item.state == "skipped"
    review.reset(item.id)
    assert item.state == "unresolved" and item.edit == item.original


def test_a_bad_correction_is_refused_with_the_reason_and_changes_nothing(review):
    item = next(i for i in review.items(1) if i.n == 4)
    with pytest.raises(redline.ResolveError) as err:
        review.retarget(item.id, "Mục 9 Phần IX")
    assert "no section matches" in str(err.value) and err.value.candidates
    assert item.state == "unresolved" and item.edit == item.original
    applied = review.items(0)[0]
    with pytest.raises(redline.EditsError):
        review.set_text(applied.id, "bad \x01 character")
    assert applied.edit == applied.original


def test_a_retarget_that_cannot_apply_shows_beside_the_instruction(review):
    # the words the edit looks for are not in the section picked: unresolved, with the plan's reason
    item = next(i for i in review.items(0) if i.n == 4)  # replace_text 46.932 in II.2.3.a
    review.retarget(item.id, "I.1")
    assert item.state == "unresolved" and "not found" in item.reason
    assert review.problems == []


def test_only_the_corrected_edit_is_planned_again(review, monkeypatch):
    from redline.plan import Planner

    calls = []
    original = Planner.plan

    def counting(self, edit):
        calls.append(edit.target)
        return original(self, edit)

    monkeypatch.setattr(Planner, "plan", counting)
    item = next(i for i in review.items(1) if i.n == 4)
    review.retarget(item.id, "II.2")
    assert calls == ["II.2"]


def test_write_is_apply_of_the_corrected_edits_files(review, tmp_path):
    item = next(i for i in review.items(1) if i.n == 4)
    review.retarget(item.id, "II.2")
    switched = next(i for i in review.items(0) if i.n == 2)
    review.set_comment(switched.id, True)
    skipped = next(i for i in review.items(1) if i.n == 2)
    review.skip(skipped.id)
    out = review.write(tmp_path / "out")
    assert out.command == ("redline apply cchc-typed.docx cat.edits.json vpubnd.edits.json stnmt.edits.json "
                           "-o cchc-typed.redline.docx")
    # the command line on the written files gives the same document
    again = tmp_path / "again.docx"
    result = redline.apply(DRAFT, out.edits_files, again)
    assert _docxml(again) == _docxml(out.docx)
    # and the review planned exactly what apply did
    planned = {(i.number, i.state) for i in review.items() if i.number}
    assert planned == {(v.number, "conflict" if v.conflict else "comment" if v.demoted_from or v.op == "comment"
                        else "apply") for v in result.views}
    text = out.summary_text.read_text("utf-8")
    assert "skipped by the reviewer" in text and "II.2" in text and "written as a comment" in text
    assert "cat.edits.json" in text and "draft:  cchc-typed.docx" in text and "/tmp" not in text
    # the oracles
    assert oracles.pandoc_paragraphs(out.docx, "reject") == oracles.pandoc_paragraphs(DRAFT, "reject")
    accepted = "\n".join(oracles.pandoc_paragraphs(out.docx, "accept"))
    assert "Tỷ lệ hồ sơ TTHC được số hóa khi tiếp nhận đạt 45,2%." in accepted
    assert oracles.new_audit_errors(out.docx, DRAFT) == []
    assert any(re.match(r"Công an tỉnh (proposes|đề nghị): ", c) for c in _comments(out.docx))
    written = json.loads((tmp_path / "out" / "vpubnd.edits.json").read_text("utf-8"))
    assert [u["n"] for u in written["unresolved"]] == [2, 3, 5]
    assert written["date"] == "2022-07-15T00:00:00Z"


def test_same_letter_conflict_blocks_until_settled(tmp_path):
    edits = {"author": "Sở Tư pháp", "edits": [
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "phổ biến"},
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "vận động"}]}
    path = tmp_path / "stp.json"
    path.write_text(json.dumps(edits, ensure_ascii=False), "utf-8")
    review = redline.review(DRAFT, [path])
    first, second = review.items(0)
    assert second.state == "conflict" and second.blocking and review.problems
    with pytest.raises(redline.RedlineError, match="cannot create"):
        review.write(tmp_path / "out")
    review.set_comment(second.id, True)
    assert review.problems == [] and second.state == "comment"
    out = review.write(tmp_path / "out")
    assert _revisions(out.docx) > 0 and len(_comments(out.docx)) == 1


def test_a_source_without_sender_asks_for_one(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"edits": [{"op": "append", "target": "I.4", "paragraphs": ["Thêm."]}]}), "utf-8")
    review = redline.review(DRAFT, [path])
    assert review.problems and "sender" in review.problems[0]
    review.set_author(0, "Sở Y tế")
    assert review.problems == [] and review.items(0)[0].state == "apply"
    out = review.write(tmp_path / "out")
    assert json.loads(out.edits_files[0].read_text("utf-8"))["author"] == "Sở Y tế"


def test_bad_sources_are_refused_with_the_cli_message(tmp_path):
    review = redline.review(DRAFT)
    bad = tmp_path / "letter.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    with pytest.raises(redline.RedlineError) as err:
        review.add_source(bad)
    assert "unknown source type" in str(err.value)
    broken = tmp_path / "e.json"
    broken.write_text("{", "utf-8")
    with pytest.raises(redline.EditsError, match="invalid JSON"):
        review.add_source(broken)
    assert review.sources == []


def test_find_sections_by_number_and_by_heading_words(review):
    assert [s.address for s in review.find_sections("II.6")][:1] == ["II.6"]
    found = [s.address for s in review.find_sections("thu tuc hanh chinh")]
    assert "II.2" in found and "IV.2" in found
    assert [s.address for s in review.sections()] == [s.address for s in review.outline.sections]
    assert [s.address for s in review.sections("II")][:2] == ["II.1", "II.2"]


def test_renumbering_notes_come_once_per_plan_as_apply_gives_them(tmp_path):
    draft, edits = FIXTURES / "drafts" / "legal-vn.docx", FIXTURES / "edits" / "legal-vn.json"
    applied = redline.apply(draft, [edits], tmp_path / "out.docx")
    assert applied.plan.renumbered  # the fixture inserts an Điều: the following ones move up
    review = redline.review(draft, [edits])
    other = review.items(0)[0]
    for _ in range(3):  # corrections re-plan: the notes must not pile up
        review.skip(other.id)
        # the inserting edit is now one number lower, and its note says so
        assert [str(n) for n in review.plan.renumbered] == [str(n).replace("edit 3", "edit 2")
                                                            for n in applied.plan.renumbered]
        review.skip(other.id, False)
    assert [str(n) for n in review.plan.renumbered] == [str(n) for n in applied.plan.renumbered]
    assert [str(w) for w in review.plan.warnings] == [str(w) for w in applied.plan.warnings]
    out = review.write(tmp_path / "review")
    assert _docxml(out.docx) == _docxml(tmp_path / "out.docx")


def test_instructions_and_sentences_asking_nothing_in_the_letters_own_order(tmp_path):
    letter = tmp_path / "sxd.txt"
    letter.write_text(
        "SỞ XÂY DỰNG\nSố: 77/SXD-VP\nHà Tĩnh, ngày 12 tháng 7 năm 2022\nKính gửi: Sở Nội vụ\n\n"
        "Sở Xây dựng có ý kiến như sau:\n\n"
        "1. Tại Mục II.1, đề nghị bổ sung nội dung: Sở Xây dựng đã rà soát 12 thủ tục.\n"
        "2. Thống nhất với nội dung Phần III.\n"
        "3. Tại Mục I.4, đề nghị thay cụm từ “tuyên truyền” bằng cụm từ “phổ biến”.\n\n"
        "Trên đây là ý kiến của Sở Xây dựng./.\n", "utf-8")
    review = redline.review(DRAFT, [letter])
    kinds = [(i.kind, (i.quote or "")[:12]) for i in review.items(0)]
    assert [k for k, _ in kinds] == ["edit", "ignored", "edit"], kinds


def test_write_judges_every_output_before_any_work(tmp_path):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(DRAFT.read_bytes())
    review = redline.review(draft, [LETTERS / "cat.txt"])
    with pytest.raises(redline.OutputError):
        review.write(tmp_path, output="draft.docx")  # the draft itself: never, even with force
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]  # nothing written
    out = review.write(tmp_path / "out")
    with pytest.raises(redline.OutputError):
        review.write(tmp_path / "out", force=False)  # an earlier output, not asked to replace it
    assert review.write(tmp_path / "out").docx == out.docx


# ----------------------------------------------------------------------------- a table's new words

REPORT = FIXTURES / "drafts" / "baocao-typed.docx"
REPORT_EDITS = FIXTURES / "edits" / "baocao.json"


def _by_n(review, n):
    return next(i for i in review.items() if i.n == n)


def _headers(draft, table):
    from redline.sections.listing import table_dict

    tree = build_outline(open_docx(draft))
    info = next(t for t in tree.tables if t.name.endswith(table))
    return [c["name"] for c in table_dict(tree, info)["columns"]]


def test_a_new_row_is_edited_cell_by_cell_under_its_column_headers(tmp_path):
    review = redline.review(REPORT, [REPORT_EDITS])
    row = _by_n(review, 4)  # insert_after in Biểu số 02, "Huyện Sơn Trà"
    assert row.text is None and row.cells == ["4", "Huyện Sơn Trà", "743", "741", "99,7%"]
    fields = review.fields(row)
    # one field a cell, named by the header of its column as the draft's outline reads it
    assert [str(f.label) for f in fields] == _headers(REPORT, "Biểu số 02")
    assert [f.value for f in fields] == row.cells and all(f.cell for f in fields)
    review.set_cells(row.id, ["4", "Huyện Sơn Trà", "743", "740", "99,6%"])
    # re-planned at once: the view shows the corrected row
    assert row.state == "apply" and row.corrected
    assert "99,6%" in " ".join(str(x) for line in review.view(row).lines for x in line)
    out = review.write(tmp_path / "out")
    written = json.loads(out.edits_files[0].read_text("utf-8"))
    assert next(e for e in written["edits"] if e.get("n") == 4)["cells"] == ["4", "Huyện Sơn Trà", "743", "740", "99,6%"]
    accepted = oracles.pandoc_paragraphs(out.docx, "accept")
    assert "99,6%" in accepted and "740" in accepted and "99,7%" not in accepted
    assert oracles.pandoc_paragraphs(out.docx, "reject") == oracles.pandoc_paragraphs(REPORT, "reject")


def test_a_row_with_a_wrong_number_of_cells_shows_why_at_once():
    review = redline.review(REPORT, [REPORT_EDITS])
    row = _by_n(review, 6)  # insert_before in Biểu số 01
    review.set_cells(row.id, ["5", "Công Thương", "412", "396", "96,1%", "thừa"])
    assert row.state == "unresolved" and "5 cells" in str(row.reason) and "gives 6" in str(row.reason)
    # still labelled by its columns, with the extra value in a field of its own
    fields = review.fields(row)
    assert [str(f.label) for f in fields] == _headers(REPORT, "Biểu số 01") + ["cell 6"]
    review.set_cells(row.id, ["5", "Công Thương", "412", "396", "96,1%"])
    assert row.state == "apply"


def test_a_row_is_not_edited_as_one_text_nor_a_text_as_cells():
    review = redline.review(REPORT, [REPORT_EDITS])
    row, cell, deletion = _by_n(review, 4), _by_n(review, 3), _by_n(review, 5)
    with pytest.raises(redline.EditsError, match="its cells"):
        review.set_text(row.id, "4 Huyện Sơn Trà")
    with pytest.raises(redline.EditsError, match="no table row"):
        review.set_cells(cell.id, ["47,9%"])
    with pytest.raises(redline.EditsError, match="list of texts"):
        review.set_cells(row.id, "4, Huyện Sơn Trà")
    assert review.fields(deletion) == []
    assert not any(i.corrected for i in review.items())


def test_a_cell_change_is_edited_as_its_new_words_named_by_its_cell(tmp_path):
    review = redline.review(REPORT, [REPORT_EDITS])
    cell, words = _by_n(review, 3), _by_n(review, 1)  # replace a cell's text; replace_text in a cell
    (field,) = review.fields(cell)
    assert field.value == "47,8%" and not field.cell
    assert field.label.render("en") == "New text of the cell at row 4, column “Tỷ lệ trực tuyến”"
    assert field.label.render("vi") == "Nội dung mới của ô ở dòng 4, cột “Tỷ lệ trực tuyến”"
    (field,) = review.fields(words)
    assert field.label.render("en") == "New words for “97,5%” in the cell at row 1, column “Tỷ lệ đúng hạn”"
    review.set_text(cell.id, "48,2%")
    review.set_text(words.id, "98,4%")
    assert cell.edit["text"] == "48,2%" and words.edit["replace"] == "98,4%"
    assert cell.state == words.state == "apply"
    out = review.write(tmp_path / "out")
    accepted = oracles.pandoc_paragraphs(out.docx, "accept")
    assert "48,2%" in accepted and "98,4%" in accepted and "47,8%" not in accepted
