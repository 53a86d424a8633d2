"""`redline compare OLD NEW` (issue 15) on pairs built here: exact under pandoc and a plain XML
reading, clean under openxml-audit and `redline check` (see compare_pairs.check_exact)."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import redline
from compare_pairs import (M, W, bold, check_exact, compare, equation, field, hyperlink, math_run, nfd,
                           note_ref, notes_part, reading, revision_count, table, textbox, write_pair)
from oracles import dele, ins, mark, para, run

BODY = [
    "BÁO CÁO",
    "I. KẾT QUẢ THỰC HIỆN",
    "1. Công tác chỉ đạo",
    "Năm 2022, toàn tỉnh đã tiếp nhận 4.820 hồ sơ, giải quyết đúng hạn 97,5% số hồ sơ.",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch số 17/KH-UBND ngày 15/6/2022 về cải cách hành chính.",
    "2. Công tác kiểm tra",
    "Tổ chức 12 đoàn kiểm tra tại các sở, ban, ngành và địa phương.",
    "II. PHƯƠNG HƯỚNG",
    "Tiếp tục đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.",
]


def body(texts: list[str]) -> str:
    """Paragraphs; those that start with a label ("I.", "1.") are bold headings."""
    return "".join(para(bold(t)) if re.match(r"^(?:[IVX]+|\d+)\. [A-ZĐÂƠƯÁÀẢÃẠ]", t) else para(t) for t in texts)


def edited(**changes) -> list[str]:
    out = list(BODY)
    for k, v in changes.items():
        out[int(k[1:])] = v
    return out


TEXT_PAIRS = {
    "word-at-start": (BODY, edited(p0="DỰ THẢO BÁO CÁO")),
    "number-in-middle": (BODY, edited(p3="Năm 2022, toàn tỉnh đã tiếp nhận 4.850 hồ sơ, giải quyết đúng hạn 98,1% số hồ sơ.")),
    "date-and-number": (BODY, edited(p4="Ủy ban nhân dân tỉnh ban hành Kế hoạch số 25/KH-UBND ngày 20/7/2022 về cải cách hành chính.")),
    "word-at-end": (BODY, edited(p8="Tiếp tục đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính và dịch vụ công.")),
    "paragraph-inserted-at-start": (BODY, ["Kính gửi: Sở Nội vụ"] + BODY),
    "paragraph-inserted-in-middle": (BODY, BODY[:5] + ["Đã số hóa 1.200 hồ sơ lưu trữ."] + BODY[5:]),
    "paragraph-inserted-at-end": (BODY, BODY + ["Trên đây là báo cáo của Ủy ban nhân dân tỉnh."]),
    "paragraph-deleted-at-start": (BODY, BODY[1:]),
    "paragraph-deleted-in-middle": (BODY, BODY[:6] + BODY[7:]),
    "paragraph-deleted-at-end": (BODY, BODY[:-1]),
    "section-deleted": (BODY, BODY[:5] + BODY[7:]),
    "section-added": (BODY, BODY[:7] + ["3. Công tác tuyên truyền", "Phát hành 500 tờ rơi hướng dẫn."] + BODY[7:]),
    "paragraph-rewritten": (BODY, edited(p6="Thành lập đoàn liên ngành để rà soát toàn bộ quy trình nội bộ.")),
    "paragraph-split": (BODY, BODY[:3] + ["Năm 2022, toàn tỉnh đã tiếp nhận 4.820 hồ sơ.",
                                          "Giải quyết đúng hạn 97,5% số hồ sơ."] + BODY[4:]),
    "paragraphs-joined": (BODY, BODY[:3] + [BODY[3] + " " + BODY[4]] + BODY[5:]),
    "everything-changed": (BODY, ["Một văn bản khác hẳn.", "Không còn gì giống văn bản cũ."]),
    "identical": (BODY, BODY),
    "empty-paragraphs": (BODY[:3] + ["", ""] + BODY[3:], BODY[:3] + [""] + BODY[3:] + ["", "Phụ lục"]),
}


@pytest.mark.parametrize("name", sorted(TEXT_PAIRS))
def test_text_pairs_are_exact(tmp_path, name):
    old_texts, new_texts = TEXT_PAIRS[name]
    old, new = write_pair(tmp_path, name, body(old_texts), body(new_texts))
    out, result = compare(tmp_path, name, old, new)
    check_exact(old, new, out)
    if name == "identical":
        assert revision_count(out) == 0 and result.report.sections == []
    else:
        assert revision_count(out) > 0


def test_a_changed_number_is_one_token(tmp_path):
    old, new = write_pair(tmp_path, "n", para("Đã giải quyết 4.820 hồ sơ."), para("Đã giải quyết 4.850 hồ sơ."))
    out, result = compare(tmp_path, "n", old, new)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert ">4.820<" in xml and ">4.850<" in xml  # whole numbers deleted and inserted, not "820" -> "850"
    check_exact(old, new, out)


def test_inserted_text_keeps_new_formatting_and_old_text_keeps_its_runs(tmp_path):
    old_body = para(run("Kế hoạch "), bold("số 17"), run(" năm 2022."))
    new_body = para(run("Kế hoạch "), bold("số 25"), run(" năm 2022 "), run("(bổ sung)", rpr="<w:i/>"), run("."))
    old, new = write_pair(tmp_path, "fmt", old_body, new_body)
    out, _ = compare(tmp_path, "fmt", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        root = z.read("word/document.xml").decode()
    assert "<w:i/>" in root  # the inserted words are italic, as in NEW


def test_split_runs_and_nfd_text_compare_as_read(tmp_path):
    text = "Nâng cao chất lượng phục vụ người dân và doanh nghiệp."
    old_body = para(run(nfd(text[:9])), run(nfd(text[9:20])), run(nfd(text[20:])))
    new_body = para(text.replace("người dân", "công dân"))
    old, new = write_pair(tmp_path, "nfd", old_body, new_body)
    out, _ = compare(tmp_path, "nfd", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("<w:del ") == 1 and xml.count("<w:ins ") == 1  # only "người" -> "công"


def test_formatting_change_is_rprchange_and_can_be_ignored(tmp_path):
    old, new = write_pair(tmp_path, "bold", para("Nội dung trọng tâm năm 2022."),
                          para(run("Nội dung "), bold("trọng tâm"), run(" năm 2022.")))
    out, _ = compare(tmp_path, "bold", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("<w:rPrChange ") == 1 and "<w:ins " not in xml and "<w:del " not in xml
    out2, _ = compare(tmp_path, "bold-ignored", old, new, formatting=False)
    assert revision_count(out2) == 0


def test_paragraph_properties_change_is_pprchange(tmp_path):
    old, new = write_pair(tmp_path, "jc", para("Căn giữa đoạn này."),
                          para("Căn giữa đoạn này.", ppr='<w:jc w:val="center"/>'))
    out, _ = compare(tmp_path, "jc", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("<w:pPrChange ") == 1


# --------------------------------------------------------------------------- tables

ROWS = [["STT", "Đơn vị", "Số hồ sơ"], ["1", "Sở Nội vụ", "120"], ["2", "Sở Tư pháp", "85"], ["3", "Sở Y tế", "240"]]


def _table_pair(tmp_path, name, old_rows, new_rows, **kw):
    old, new = write_pair(tmp_path, name, para("Bảng 1") + table(old_rows, **kw.get("old", {})) + para("Hết."),
                          para("Bảng 1") + table(new_rows, **kw.get("new", {})) + para("Hết."))
    out, result = compare(tmp_path, name, old, new)
    check_exact(old, new, out)
    return out, result


def test_table_row_deleted_is_a_row_revision(tmp_path):
    out, result = _table_pair(tmp_path, "row-del", ROWS, ROWS[:2] + ROWS[3:])
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert len(re.findall(r"<w:trPr>(?:<w:cantSplit [^>]*/>)?<w:del ", xml)) == 1
    assert result.report.sections[0].rows_deleted == 1


def test_table_row_inserted_and_cell_changed(tmp_path):
    new_rows = ROWS[:2] + [["1a", "Sở Tài chính", "60"]] + [["2", "Sở Tư pháp", "95"]] + ROWS[3:]
    out, result = _table_pair(tmp_path, "row-ins", ROWS, new_rows)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert len(re.findall(r"<w:trPr>(?:<w:cantSplit [^>]*/>)?<w:ins ", xml)) == 1 and ">85<" in xml and ">95<" in xml
    s = result.report.sections[0]
    assert (s.rows_added, s.rows_changed) == (1, 1)


def test_table_with_merged_cells(tmp_path):
    merged = {(1, 0): '<w:vMerge w:val="restart"/>', (2, 0): "<w:vMerge/>", (0, 1): '<w:gridSpan w:val="2"/>'}
    old_rows = [["Tiêu chí", "Kết quả"], ["Nhóm A", "Đạt", "12"], ["", "Chưa đạt", "3"], ["Nhóm B", "Đạt", "7"]]
    new_rows = [["Tiêu chí", "Kết quả năm 2022"], ["Nhóm A", "Đạt", "14"], ["", "Chưa đạt", "1"]]
    _table_pair(tmp_path, "merged", old_rows, new_rows, old={"tcpr": merged, "grid": 3},
                new={"tcpr": merged, "grid": 3})


def test_nested_table(tmp_path):
    inner_old = table([["a1", "a2"], ["b1", "b2"]])
    inner_new = table([["a1", "a2 sửa"], ["b1", "b2"], ["c1", "c2"]])
    _table_pair(tmp_path, "nested", [["Ngoài", inner_old + para("")]], [["Ngoài", inner_new + para("")]])


def test_table_inserted_and_table_deleted(tmp_path):
    old, new = write_pair(tmp_path, "tbl", para("Trước") + table(ROWS) + para("Giữa") + para("Sau"),
                          para("Trước") + para("Giữa") + table([["x", "y"], ["z", "t"]]) + para("Sau"))
    out, _ = compare(tmp_path, "tbl", old, new)
    check_exact(old, new, out)


# --------------------------------------------------------------------------- notes, boxes, fields, links

def test_footnote_text_changed_and_note_inserted(tmp_path):
    old_body = para(run("Số liệu năm 2022"), note_ref("footnote", 1), run(" đã được rà soát."))
    new_body = para(run("Số liệu năm 2022"), note_ref("footnote", 1), run(" đã được rà soát"),
                    note_ref("footnote", 2), run("."))
    old, new = write_pair(tmp_path, "fn", old_body, new_body,
                          {"word/footnotes.xml": notes_part("footnote", {1: "Theo Cục Thống kê tỉnh."})},
                          {"word/footnotes.xml": notes_part("footnote", {1: "Theo Cục Thống kê tỉnh, tháng 12.",
                                                                         2: "Số liệu sơ bộ."})})
    out, result = compare(tmp_path, "fn", old, new)
    check_exact(old, new, out)
    assert result.notes_compared == 1
    assert "N Số liệu sơ bộ." in reading(out, "accept")


def test_endnote_deleted(tmp_path):
    old_body = para(run("Kết quả"), note_ref("endnote", 1), run(" khả quan."))
    new_body = para("Kết quả khả quan.")
    old, new = write_pair(tmp_path, "en", old_body, new_body,
                          {"word/endnotes.xml": notes_part("endnote", {1: "Ghi chú cuối."})},
                          {"word/endnotes.xml": notes_part("endnote", {})})
    out, _ = compare(tmp_path, "en", old, new)
    check_exact(old, new, out)


def test_text_box_content_compared(tmp_path):
    old, new = write_pair(tmp_path, "box", para(run("Hình 1 "), textbox(["Sơ đồ quy trình", "Bước 1: tiếp nhận"])),
                          para(run("Hình 1 "), textbox(["Sơ đồ quy trình mới", "Bước 1: tiếp nhận",
                                                        "Bước 2: thẩm định"])))
    out, result = compare(tmp_path, "box", old, new)
    check_exact(old, new, out)
    assert result.boxes_compared == 1


def test_field_kept_whole_when_text_around_changes(tmp_path):
    old, new = write_pair(tmp_path, "fld", para(run("Trang "), *[field("PAGE", "3")], run(" của báo cáo")),
                          para(run("Trang "), *[field("PAGE", "3")], run(" của dự thảo báo cáo")))
    out, _ = compare(tmp_path, "fld", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:delInstrText" not in xml  # the field itself is untouched


def test_field_replaced_whole_when_its_instruction_changes(tmp_path):
    old, new = write_pair(tmp_path, "fld2", para(run("Ngày "), field("DATE \\@ dd/MM/yyyy", "01/01/2024")),
                          para(run("Ngày "), field("CREATEDATE \\@ dd/MM/yyyy", "01/01/2024")))
    out, _ = compare(tmp_path, "fld2", old, new)
    check_exact(old, new, out)


def test_hyperlink_kept_intact(tmp_path):
    old, new = write_pair(tmp_path, "link",
                          para(run("Xem "), hyperlink("muc1", "Mục 1"), run(" để biết thêm.")) + para("Mục 1"),
                          para(run("Xem chi tiết tại "), hyperlink("muc1", "Mục 1"), run(".")) + para("Mục 1"))
    out, _ = compare(tmp_path, "link", old, new)
    check_exact(old, new, out)
    old2, new2 = write_pair(tmp_path, "link2", para(run("Xem "), hyperlink("muc1", "Mục 1")),
                            para(run("Xem "), hyperlink("muc2", "Mục 2")))
    out2, _ = compare(tmp_path, "link2", old2, new2)
    check_exact(old2, new2, out2)


# --------------------------------------------------------------------------- equations

CIRCLE = equation("S=", "π", ("sup", "r", "2"))
CIRCLE2 = equation("S=", "2π", ("sup", "r", "2"))
SPHERE = equation("V=", ("frac", "4", "3"), "π", ("sup", "r", "3"), display=True)
AROUND = ("Diện tích hình tròn là ", " với r là bán kính.")
MOVING = "Đoạn này có công thức tính diện tích hình tròn theo bán kính "
LONG_MATH = ["Phần mở đầu trình bày phạm vi áp dụng của hướng dẫn tính toán diện tích.",
             "Phần tiếp theo nêu các ký hiệu được dùng thống nhất trong toàn văn bản.",
             "Phần cuối hướng dẫn cách làm tròn kết quả đến hai chữ số thập phân."]
# OLD's equation carries another reviewer's revisions made inside it, as Word writes them
REVISED = equation("S=", math_run("2", "ins", id=801), math_run("π", "del", id=802), ("sup", "r", "2"))
ACCEPTED = equation("S=", "2", ("sup", "r", "2"))

# name: (OLD body, NEW body, equations deleted (or moved away), inserted (or moved in) by the comparison)
EQUATION_PAIRS = {
    "equation-kept-text-changed": (para(run(AROUND[0]), CIRCLE, run(AROUND[1])),
                                   para(run("Diện tích hình tròn được tính theo công thức "), CIRCLE, run(AROUND[1])),
                                   0, 0),
    "equation-changed": (para(run(AROUND[0]), CIRCLE, run(AROUND[1])), para(run(AROUND[0]), CIRCLE2, run(AROUND[1])),
                         1, 1),
    "equation-deleted": (para(run(AROUND[0]), CIRCLE, run(AROUND[1])),
                         para(run(AROUND[0] + "pi nhân bình phương bán kính."))
                         , 1, 0),
    "equation-inserted": (para(run(AROUND[0] + "pi nhân bình phương bán kính.")),
                          para(run(AROUND[0]), CIRCLE, run(AROUND[1])), 0, 1),
    "paragraphs-with-equations-deleted": (
        para("Các công thức sau:") + para(run("Thể tích khối cầu: "), SPHERE) + para(CIRCLE) + para("Hết."),
        para("Các công thức sau:") + para("Hết."), 2, 0),
    "paragraphs-with-equations-inserted": (
        para("Các công thức sau:") + para("Hết."),
        para("Các công thức sau:") + para(run("Thể tích khối cầu: "), SPHERE) + para(CIRCLE) + para("Hết."), 0, 2),
    "row-with-equation-deleted": (para("Bảng") + table([["Hình", "Diện tích"], ["Tròn", para(CIRCLE)],
                                                        ["Vuông", "a nhân a"]]) + para("Hết."),
                                  para("Bảng") + table([["Hình", "Diện tích"], ["Vuông", "a nhân a"]]) + para("Hết."),
                                  1, 0),
    "paragraph-with-equation-moved": (
        "".join(para(t) for t in LONG_MATH[:2]) + para(run(MOVING), CIRCLE) + para(LONG_MATH[2]),
        para(run(MOVING), CIRCLE) + "".join(para(t) for t in LONG_MATH), 1, 1),
    "equation-with-earlier-revisions-kept": (para(run("Diện tích: "), REVISED) + para("Đoạn hai."),
                                             para(run("Diện tích: "), ACCEPTED) + para("Đoạn hai, đã sửa."), 0, 0),
}


def _math_revisions(out) -> tuple[int, int]:
    """Equations of the output inside the comparison's own w:del / w:moveFrom, and w:ins / w:moveTo."""
    from lxml import etree

    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    gone = came = 0
    for zone in root.iter(M + "oMath", M + "oMathPara"):
        wrap = zone.getparent()
        if wrap.get(W + "author") != "redline compare":
            continue
        gone += wrap.tag in (W + "del", W + "moveFrom")
        came += wrap.tag in (W + "ins", W + "moveTo")
    return gone, came


@pytest.mark.parametrize("name", sorted(EQUATION_PAIRS))
def test_equation_pairs_are_exact(tmp_path, name):
    old_body, new_body, deleted, inserted = EQUATION_PAIRS[name]
    old, new = write_pair(tmp_path, name, old_body, new_body)
    out, _ = compare(tmp_path, name, old, new)
    check_exact(old, new, out)  # pandoc, the XML reading (its M lines), openxml-audit, redline check
    assert _math_revisions(out) == (deleted, inserted)
    assert any(line.startswith("M ") for line in reading(out, "reject") + reading(out, "accept"))


def test_equation_with_earlier_revisions_keeps_them(tmp_path):
    old_body, new_body, _, _ = EQUATION_PAIRS["equation-with-earlier-revisions-kept"]
    old, new = write_pair(tmp_path, "eq-earlier", old_body, new_body)
    out, _ = compare(tmp_path, "eq-earlier", old, new)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    # the other reviewer's revisions inside the equation are there as they were, nothing around it
    assert xml.count('w:author="Sở Tư pháp"') == 2 and "<m:r><w:ins " in xml and "<m:r><w:del " in xml
    assert reading(out, "reject")[:2] == ["P Diện tích:", "M S=πr2"]
    assert reading(out, "accept")[:2] == ["P Diện tích:", "M S=2r2"]


def test_equations_in_the_way_back(tmp_path):
    """The edits file carries text: an equation that changed is listed as unresolved, never
    turned into a replacement that would drop it; text edited around one keeps it."""
    old_body, new_body, _, _ = EQUATION_PAIRS["equation-changed"]
    old, new = write_pair(tmp_path, "eq-back", old_body, new_body)
    _, result = compare(tmp_path, "eq-back", old, new, edits=tmp_path / "eq-back.json")
    assert result.edits["edits"] == []
    assert [u["reason"] for u in result.edits["unresolved"]] == [
        "a picture, equation, link or field changed: an edits file carries text only"]
    old_body, new_body, _, _ = EQUATION_PAIRS["equation-kept-text-changed"]
    old, new = write_pair(tmp_path, "eq-back2", old_body, new_body)
    _, result = compare(tmp_path, "eq-back2", old, new, edits=tmp_path / "eq-back2.json")
    assert "unresolved" not in result.edits
    applied = tmp_path / "eq-back2.applied.docx"
    redline.apply(old, tmp_path / "eq-back2.json", applied, force=True)
    assert reading(applied, "accept") == reading(new, "accept")  # the equation's M line included


# --------------------------------------------------------------------------- moves

LONG = ["Đoạn thứ nhất nói về công tác cải cách thủ tục hành chính trong năm qua.",
        "Đoạn thứ hai nói về việc nâng cao chất lượng đội ngũ cán bộ, công chức.",
        "Đoạn thứ ba nói về hiện đại hóa nền hành chính và chuyển đổi số.",
        "Đoạn thứ tư nói về cải cách tài chính công và cơ chế tự chủ."]


def test_moved_paragraph_is_a_move(tmp_path):
    old, new = write_pair(tmp_path, "move", body(LONG), body([LONG[2], LONG[0], LONG[1], LONG[3]]))
    out, result = compare(tmp_path, "move", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:moveFrom " in xml and "<w:moveTo " in xml and result.moves == 1
    out2, _ = compare(tmp_path, "move-off", old, new, moves=False)
    check_exact(old, new, out2)
    with zipfile.ZipFile(out2) as z:
        assert "<w:moveFrom " not in z.read("word/document.xml").decode()


def test_moved_section_is_one_move(tmp_path):
    old, new = write_pair(tmp_path, "move2", body(LONG + ["Kết luận."]), body(LONG[2:4] + LONG[0:2] + ["Kết luận."]))
    out, result = compare(tmp_path, "move2", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count("<w:moveFromRangeStart ") == 1 and xml.count("<w:moveToRangeStart ") == 1


# --------------------------------------------------------------------------- earlier tracked changes

def test_old_with_tracked_changes_keeps_them(tmp_path):
    old_body = (para(run("Kế hoạch "), ins("mới ", id=901, author="Sở Tư pháp"), run("năm 2022"),
                     dele(" cũ", id=902, author="Sở Tư pháp"), run(".")) +
                para("Đoạn thứ hai.") + para("Đoạn thứ ba."))
    new_body = para("Kế hoạch mới năm 2023.") + para("Đoạn thứ hai.") + para("Đoạn thứ ba, sửa.")
    old, new = write_pair(tmp_path, "tracked", old_body, new_body)
    out, result = compare(tmp_path, "tracked", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode()
    assert 'w:author="Sở Tư pháp"' in xml  # the earlier reviewer's revisions are kept
    assert any("OLD holds" in str(w) for w in result.warnings)


def test_old_with_paragraph_mark_revisions_is_accepted_first(tmp_path):
    old_body = (para("Đoạn một.", ppr=mark("del", 903, author="Sở Tư pháp")) + para("Đoạn hai.") +
                para(run("Đoạn ba"), ins(" mới", id=904, author="Sở Tư pháp"), run(".")))
    new_body = para("Đoạn một.Đoạn hai.") + para("Đoạn ba mới, sửa.")
    old, new = write_pair(tmp_path, "tracked-marks", old_body, new_body)
    out, result = compare(tmp_path, "tracked-marks", old, new)
    assert result.old_accepted and any("accepted before comparing" in str(w) for w in result.warnings)
    check_exact(old, new, out, old_accepted=True)


def test_new_with_tracked_changes_is_compared_as_accepted(tmp_path):
    old_body = para("Kế hoạch năm 2022.")
    new_body = para(run("Kế hoạch "), ins("bổ sung ", id=5), run("năm 2022"), dele(" cũ", id=6), run("."))
    old, new = write_pair(tmp_path, "tracked-new", old_body, new_body)
    out, result = compare(tmp_path, "tracked-new", old, new)
    check_exact(old, new, out)
    assert any("NEW holds 2" in str(w) for w in result.warnings)


# --------------------------------------------------------------------------- summary, API, CLI

def test_summary_is_by_section(tmp_path, monkeypatch):
    monkeypatch.delenv("REDLINE_LANG", raising=False)  # the draft's language decides
    new_texts = BODY[:3] + ["Năm 2022, toàn tỉnh đã tiếp nhận 4.850 hồ sơ, giải quyết đúng hạn 97,5% số hồ sơ.",
                            BODY[4], "Đã số hóa 1.200 hồ sơ lưu trữ."] + BODY[5:7] + [
        "II. KIẾN NGHỊ", "Đề nghị bổ sung kinh phí cho chuyển đổi số.", "III. PHƯƠNG HƯỚNG"] + BODY[8:]
    old, new = write_pair(tmp_path, "sum", body(BODY), body(new_texts))
    out, result = compare(tmp_path, "sum", old, new)
    check_exact(old, new, out)
    lines = [s for s in result.render("text", lang="en").splitlines() if not s.startswith(" ")]
    assert any(s.startswith("I.1 Công tác chỉ đạo: 1 sentence changed, 1 paragraph added") for s in lines), lines
    assert any(s.startswith("II KIẾN NGHỊ: section added") for s in lines), lines
    assert any(s.startswith("II PHƯƠNG HƯỚNG: renumbered as III") for s in lines), lines
    data = json.loads(result.render("json"))
    assert {s["address"] for s in data["sections"]} >= {"I.1", "II"}
    assert "<ins>" in result.render("html") and result.render("markdown", lang="en").startswith("# redline compare")
    vi = result.render("text")  # the draft is Vietnamese: so is its summary by default
    assert result.lang == "vi" and "sửa 1 câu, thêm 1 đoạn" in vi and "thêm mục" in vi, vi
    assert "3 sections changed" in result.render("text", lang="en")


def test_cli_compare(tmp_path):
    old, new = write_pair(tmp_path, "cli", body(BODY), body(edited(p6="Tổ chức 14 đoàn kiểm tra.")))
    out = tmp_path / "cli.out.docx"
    res = CliRunner().invoke(__import__("cli.main", fromlist=["main"]).main,
                                             ["compare", str(old), str(new), "-o", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output + res.stderr
    assert json.loads(res.stdout)["sections"][0]["address"] == "I.2"
    again = CliRunner().invoke(__import__("cli.main", fromlist=["main"]).main,
                                               ["compare", str(old), str(new), "-o", str(out)])
    assert again.exit_code == 2 and "already exists" in again.stderr
    bad = CliRunner().invoke(__import__("cli.main", fromlist=["main"]).main,
                                             ["compare", str(old), str(tmp_path / "missing.docx"), "-o",
                                              str(tmp_path / "x.docx")])
    assert bad.exit_code == 2 and not (tmp_path / "x.docx").exists()


def _renamed_main_part(path, name: str) -> None:
    """Move the package's main part to ``name`` (word/<name>), as some producers do: the package
    relationship, the content type override and the part's own relationships follow it."""
    with zipfile.ZipFile(path) as z:
        files = {i.filename: z.read(i.filename) for i in z.infolist()}
    files[f"word/{name}"] = files.pop("word/document.xml")
    files[f"word/_rels/{name}.rels"] = files.pop("word/_rels/document.xml.rels")
    for part in ("_rels/.rels", "[Content_Types].xml"):
        files[part] = files[part].replace(b"/word/document.xml", f"/word/{name}".encode()) \
            .replace(b'"word/document.xml"', f'"word/{name}"'.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in files.items():
            z.writestr(n, data)


def test_main_part_under_another_name(tmp_path):
    old, new = write_pair(tmp_path, "main-part", body(BODY), body(edited(p6="Tổ chức 14 đoàn kiểm tra.")))
    for p in (old, new):
        _renamed_main_part(p, "main.xml")
    out, result = compare(tmp_path, "main-part", old, new)
    check_exact(old, new, out)
    with zipfile.ZipFile(out) as z:
        assert "word/main.xml" in z.namelist() and "word/document.xml" not in z.namelist()
    assert revision_count(out) > 0 and result.report.sections


def test_output_never_overwrites_an_input(tmp_path):
    old, new = write_pair(tmp_path, "ow", body(BODY), body(BODY[1:]))
    before = new.read_bytes()
    with pytest.raises(redline.OutputError):
        redline.compare(old, new, new, force=True)
    assert new.read_bytes() == before


# --------------------------------------------------------------------------- NEW's outline from OLD's facts

@pytest.mark.parametrize("draft", sorted(p.name for p in (Path(__file__).parent.parent / "fixtures" / "drafts").glob("*.docx")))
@pytest.mark.parametrize("odd", [False, True])
def test_new_outline_read_from_old_facts_is_the_outline_read_alone(fixtures_dir, draft, odd):
    """compare reads NEW's unchanged blocks' outline facts and tables from OLD's reading
    (comparison.outlines): on every fixture draft edited (a paragraph reworded, one deleted,
    one added, one moved), the facts, the outline and its tables are those NEW's own reading
    gives; with a scan separator character
    in an edited paragraph (``odd``) the reuse stands down and the whole scan is used."""
    import copy

    from redline.comparison import outlines
    from redline.comparison.blocks import serialise
    from redline.ooxml import W as WT
    from redline.package import open_docx
    from redline.sections import scan
    from redline.sections.outline import build

    path = fixtures_dir / "drafts" / draft
    old, new = open_docx(path), open_docx(path)
    paras = [p for p in new.element.body.iterchildren(WT["p"]) if "".join(p.itertext(WT["t"])).strip()]
    assert len(paras) >= 6, draft
    t = next(paras[3].iter(WT["t"]))
    t.text = ("\ue001 " if odd else "đã sửa ") + (t.text or "")
    paras[4].getparent().remove(paras[4])
    paras[1].addnext(copy.deepcopy(paras[-1]))
    paras[-2].addprevious(paras[2])  # moved
    used = []
    real = outlines.rescan
    outlines.rescan = lambda *a: used.append(real(*a)) or used[-1]
    try:
        old_tree, new_tree = outlines.both(old, new, serialise(old.element.body), serialise(new.element.body))
    finally:
        outlines.rescan = real
    assert used and (used[-1] is None) == odd
    blocks = list(new.element.body.iterchildren(WT["p"], WT["tbl"]))
    alone = scan.scan(new, blocks)
    if not odd:
        assert alone is not None and used[-1].plain == alone.plain and used[-1].marked == alone.marked
    for mine, theirs in ((old_tree, build(old)), (new_tree, build(new))):
        assert [s.to_dict() for s in mine.walk()] == [s.to_dict() for s in theirs.walk()]
        assert mine._texts == theirs._texts and mine.numbers == theirs.numbers
        assert [(t.to_dict(), t.tag_row, [(c.index, c.path, c.tag) for c in t.columns]) for t in mine.tables] == \
            [(t.to_dict(), t.tag_row, [(c.index, c.path, c.tag) for c in t.columns]) for t in theirs.tables]
    # NEW's tables are OLD's objects' copies, never the objects themselves
    assert not {id(c) for t in new_tree.tables for c in t.columns} & {id(c) for t in old_tree.tables for c in t.columns}
