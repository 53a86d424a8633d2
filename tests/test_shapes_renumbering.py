"""Renumbering: inserting or deleting an Điều, khoản or điểm moves the typed numbers after it
as tracked changes (several edits in one group add up), and every reference in the text that
the move makes stale gets a Word comment on its words and a warning; never a reference to
another document ("Điều 4 của Nghị định số ..."), never a heading's own label.  With Word's
numbering nothing is rewritten, but the references are marked all the same."""
from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree

import oracles
import redline
from conftest import FIXTURES
from oracles import para, run

W = f"{{{oracles.W_NS}}}"


def bold(text):
    return para(run(text, rpr="<w:b/>"))


def article(label, title, *rest):
    return para(run(label, rpr="<w:b/>"), run(" " + title, rpr="<w:b/>")) + "".join(rest)


LAW = "".join([
    bold("LUẬT"), bold("THỬ NGHIỆM ĐÁNH SỐ"),
    para("Căn cứ Hiến pháp; Quốc hội ban hành Luật thử nghiệm."),
    bold("Chương I"), bold("QUY ĐỊNH CHUNG"),
    article("Điều 1.", "Phạm vi"), para("Luật này quy định việc thử nghiệm đánh số lại."),
    article("Điều 2.", "Nguyên tắc"),
    para("1. Mọi khoản được đánh số liên tục."),
    para("2. Khoản thứ hai sẽ bị bỏ trong một số phép thử."),
    para("3. Khoản thứ ba gồm các điểm sau:"),
    para("a) Điểm thứ nhất;"),
    para("b) Điểm thứ hai;"),
    para("c) Điểm thứ ba áp dụng như quy định tại điểm a khoản này."),
    para("4. Trường hợp quy định tại khoản 2 và khoản 3 Điều này được xử lý riêng."),
    article("Điều 3.", "Dẫn chiếu"),
    para("Việc thử nghiệm theo quy định tại khoản 3 Điều 2 của Luật này; thủ tục theo Điều 4 của Nghị định "
         "số 30/2020/NĐ-CP; hiệu lực theo Điều 4 Luật này."),
    article("Điều 4.", "Hiệu lực"), para("Luật này có hiệu lực từ ngày 01 tháng 01 năm 2030."),
    "<w:sectPr/>",
])


@pytest.fixture(scope="module")
def law(tmp_path_factory):
    return oracles.make_docx(tmp_path_factory.mktemp("renumber") / "law.docx", LAW)


def apply(draft, tmp_path, *edits, name="out.docx"):
    out = tmp_path / name
    result = redline.apply(draft, {"author": "Bộ Tư pháp", "edits": list(edits)}, out)
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    assert redline.check(out, original=draft) == []
    return out, result


def commented(path) -> list[tuple[str, str]]:
    """(the text each comment covers, the comment's text), in document order."""
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/comments.xml")) if "word/comments.xml" in z.namelist() else None
    texts = {c.get(W + "id"): "".join(t.text or "" for t in c.iter(W + "t")) for c in
             (notes.iter(W + "comment") if notes is not None else [])}
    out, open_ids, covered = [], [], {}
    for el in doc.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t", W + "delText"):
        cid = el.get(W + "id")
        if el.tag == W + "commentRangeStart":
            open_ids.append(cid)
            covered[cid] = ""
        elif el.tag == W + "commentRangeEnd":
            open_ids.remove(cid)
            out.append((covered[cid], texts[cid]))
        else:
            for c in open_ids:
                covered[c] += el.text or ""
    return out


def test_deleting_a_khoan_renumbers_the_rest_and_marks_the_references(law, tmp_path):
    out, result = apply(law, tmp_path, {"op": "delete", "target": "khoản 2 Điều 2"})
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert "2. Khoản thứ ba gồm các điểm sau:" in accepted
    assert "3. Trường hợp quy định tại khoản 2 và khoản 3 Điều này được xử lý riêng." in accepted
    assert not any("Khoản thứ hai" in t for t in accepted)
    notes = commented(out)
    assert ("khoản 2 và khoản 3 Điều này", "khoản 2 is deleted (edit 1); khoản 3 is now khoản 2 (edit 1): check this "
            "reference") in notes
    assert any(cov == "khoản 3 Điều 2" and "khoản 3 is now khoản 2" in text for cov, text in notes)
    warnings = [str(w) for w in result.warnings]
    assert any("'khoản 2 và khoản 3 Điều này'" in w and "deleted" in w for w in warnings)
    summary = result.render("text")
    assert "khoản 3-4 of Điều 2" in summary and "renumbered 2-3" in summary


def test_deleting_an_article_renumbers_the_articles_after_it(law, tmp_path):
    out, result = apply(law, tmp_path, {"op": "delete", "target": "Điều 2"})
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert "Điều 2. Dẫn chiếu" in accepted and "Điều 3. Hiệu lực" in accepted
    notes = dict(commented(out))
    assert "Điều 4 Luật này" in notes and "Điều 4 is now Điều 3" in notes["Điều 4 Luật này"]
    assert "Điều 2 is deleted" in notes["Điều 2 của Luật này"]
    assert not any("Nghị định" in cov for cov in notes), "another document's article is not ours"


def test_insertions_and_deletions_in_one_group_add_up(law, tmp_path):
    out, _ = apply(law, tmp_path,
                   {"op": "insert_before", "target": "khoản 2 Điều 2", "heading": "2. Khoản chèn thứ nhất."},
                   {"op": "insert_after", "target": "khoản 3 Điều 2", "heading": "5. Khoản chèn thứ hai."},
                   {"op": "delete", "target": "điểm a khoản 3 Điều 2"})
    accepted = oracles.pandoc_paragraphs(out, "accept")
    numbered = [t for t in accepted if re.match(r"^\d\. |^[a-d]\) ", t)]
    assert numbered == ["1. Mọi khoản được đánh số liên tục.", "2. Khoản chèn thứ nhất.",
                        "3. Khoản thứ hai sẽ bị bỏ trong một số phép thử.", "4. Khoản thứ ba gồm các điểm sau:",
                        "a) Điểm thứ hai;", "b) Điểm thứ ba áp dụng như quy định tại điểm a khoản này.",
                        "5. Khoản chèn thứ hai.",
                        "6. Trường hợp quy định tại khoản 2 và khoản 3 Điều này được xử lý riêng."]
    notes = dict(commented(out))
    assert "điểm a is deleted" in notes["điểm a khoản này"]
    assert "khoản 2 is now khoản 3" in notes["khoản 2 và khoản 3 Điều này"]
    assert "khoản 3 is now khoản 4" in notes["khoản 2 và khoản 3 Điều này"]


def test_an_insertion_and_a_deletion_before_a_clause_leave_it_in_place(law, tmp_path):
    out, result = apply(law, tmp_path,
                        {"op": "insert_before", "target": "khoản 1 Điều 2", "heading": "1. Khoản mới đầu tiên."},
                        {"op": "delete", "target": "khoản 2 Điều 2"})
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert "3. Khoản thứ ba gồm các điểm sau:" in accepted and "2. Mọi khoản được đánh số liên tục." in accepted
    assert "4. Trường hợp quy định tại khoản 2 và khoản 3 Điều này được xử lý riêng." in accepted
    notes = dict(commented(out))
    assert notes["khoản 2 và khoản 3 Điều này"] == "khoản 2 is deleted (edit 2): check this reference"
    assert "khoản 3 Điều 2" not in notes  # khoản 3 is khoản 3 again


def test_renumber_false_touches_nothing_else(law, tmp_path):
    out, result = apply(law, tmp_path, {"op": "delete", "target": "khoản 2 Điều 2", "renumber": False})
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert "3. Khoản thứ ba gồm các điểm sau:" in accepted
    assert commented(out) == [] and result.plan.renumbered == []


def test_word_numbering_moves_by_itself_but_references_are_marked(tmp_path):
    draft = FIXTURES / "drafts" / "luat-autonum.docx"
    out, result = apply(draft, tmp_path, {"op": "delete", "target": "khoản 2 Điều 5"})
    notes = dict(commented(out))
    assert "khoản 2 Điều này" in notes and "khoản 2 is deleted" in notes["khoản 2 Điều này"]
    assert "khoản 3 Điều 5" in notes and "khoản 3 is now khoản 2" in notes["khoản 3 Điều 5"]
    assert result.plan.renumbered == []  # Word renumbers its own labels


def test_typed_fixture_delete(tmp_path):
    draft = FIXTURES / "drafts" / "luat-typed.docx"
    out, result = apply(draft, tmp_path, {"op": "delete", "target": "khoản 1 Điều 5"})
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert any(t.startswith("1. Tiếp nhận, xử lý hồ sơ điện tử") for t in accepted)
    assert any(t.startswith("2. Trường hợp hệ thống gặp sự cố") for t in accepted)
    notes = dict(commented(out))
    assert "khoản 2 is now khoản 1" in notes["khoản 2 Điều này"]
    assert oracles.new_audit_errors(out, draft) == []


def test_the_comments_speak_the_runs_language(law, tmp_path):
    out = tmp_path / "vi.docx"
    redline.apply(law, {"author": "Bộ Tư pháp", "edits": [{"op": "delete", "target": "khoản 2 Điều 2"}]}, out,
                  lang="vi")
    notes = dict(commented(out))
    assert "khoản 2 đã bị bỏ" in notes["khoản 2 và khoản 3 Điều này"]
    assert "đề nghị rà soát dẫn chiếu này" in notes["khoản 2 và khoản 3 Điều này"]


@pytest.mark.libreoffice
def test_libreoffice_agrees_on_renumbered_deletions(law, tmp_path):
    oracles.need_libreoffice()
    out, _ = apply(law, tmp_path, {"op": "delete", "target": "khoản 2 Điều 2"}, {"op": "delete", "target": "Điều 3"})
    results = {r.path: r for r in oracles.libreoffice_batch([out, law])}
    assert results[out].error is None
    assert results[out].accepted == oracles.pandoc_paragraphs(out, "accept")
    assert results[out].rejected == results[law].rejected
