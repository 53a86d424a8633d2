"""Tables as drafters make them: merged cells (w:gridSpan, w:vMerge), a two-row header with a
row of column tags, group rows, an STT column, a table nested in a cell.  Rows, columns and
cells are addressed on the grid; inserted and deleted rows keep the table valid; Accept All /
Reject All hold in pandoc, our own accept/reject, openxml-audit and LibreOffice.

The document is written here in our own words, in the layout of the appraisal tables of
public provincial reports (docs/shapes.md): "STT | Đơn vị | Kết quả giải quyết (Tổng số /
Đúng hạn / Tỷ lệ) | Ghi chú", a tag row "(1) ... (5)=(4)/(3)", Roman group rows, "Tổng cộng"."""
from __future__ import annotations

import pytest

import oracles
import redline
from oracles import para, run
from wml import bold, cell, row, table

def report_body(header_marked=False):
    h = header_marked
    t = table(
        row(cell("STT", merge="restart"), cell("Đơn vị", merge="restart"), cell("Kết quả giải quyết", span=3),
            cell("Ghi chú", merge="restart"), header=h),
        row(cell(merge="continue"), cell(merge="continue"), cell("Tổng số"), cell("Đúng hạn"), cell("Tỷ lệ"),
            cell(merge="continue"), header=h),
        row(cell("(1)"), cell("(2)"), cell("(3)"), cell("(4)"), cell("(5)=(4)/(3)"), cell("(6)")),
        row(cell("I"), cell("Khối sở, ngành", span=4), cell("")),
        row(cell("1"), cell("Sở Tư pháp"), cell("120"), cell("118"), cell("98,3%"), cell("")),
        row(cell("2"), cell("Sở Xây dựng"), cell("95"), cell("90"), cell("94,7%"), cell("")),
        row(cell("II"), cell("Khối huyện", span=4), cell("")),
        row(cell("3"), cell("Huyện Tân Lập"), cell("300"), cell("290"), cell("96,7%"),
            cell("Còn hồ sơ tồn do thiếu giấy tờ", merge="restart")),
        row(cell("4"), cell("Huyện Sơn Trà"), cell("200"), cell("199"), cell("99,5%"), cell(merge="continue")),
        row(cell("Tổng cộng", span=2), cell("715"), cell("697"), cell("97,5%"), cell("")),
        grid=6)
    return (bold("BÁO CÁO") + bold("Kết quả giải quyết thủ tục hành chính năm 2023")
            + para("Văn phòng báo cáo kết quả như sau:")
            + bold("I. KẾT QUẢ") + para("Kết quả chung đạt yêu cầu.")
            + para(run("Biểu số 01: Kết quả giải quyết hồ sơ theo đơn vị", rpr="<w:b/>"))
            + para(run("Đơn vị tính: hồ sơ", rpr="<w:i/>")) + t
            + bold("II. NHIỆM VỤ") + para("Tiếp tục theo dõi.") + "<w:sectPr/>")


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    return oracles.make_docx(tmp_path_factory.mktemp("tables") / "merged.docx", report_body())


@pytest.fixture(scope="module")
def outline(draft):
    return redline.outline(draft)


def cell_texts(section):
    return [oracles.norm("".join(t.text or "" for t in p.iter(f"{{{oracles.W_NS}}}t"))) for _, p in section.paragraphs]


@pytest.mark.parametrize("marked", [False, True])
def test_two_row_header_and_tag_row(tmp_path, marked):
    o = redline.outline(oracles.make_docx(tmp_path / "t.docx", report_body(marked)))
    info, = o.tables
    assert info.caption == "Biểu số 01: Kết quả giải quyết hồ sơ theo đơn vị"
    assert info.header_rows == 3 and info.tag_row == 2
    assert info.header == ["STT", "Đơn vị", "Tổng số", "Đúng hạn", "Tỷ lệ", "Ghi chú"]
    assert info.columns[3].path == ["Kết quả giải quyết", "Đúng hạn"] and info.columns[4].tag == "(5)=(4)/(3)"
    assert info.header_line() == ["STT", "Đơn vị", "Kết quả giải quyết / Tổng số", "Kết quả giải quyết / Đúng hạn",
                                  "Kết quả giải quyết / Tỷ lệ", "Ghi chú"]


@pytest.mark.parametrize("ref,texts", [
    ("Biểu số 01, dòng Huyện Tân Lập, cột Đúng hạn", ["290"]),
    ("Biểu số 01, dòng Sở Tư pháp, cột Kết quả giải quyết Tỷ lệ", ["98,3%"]),
    ("Biểu số 01, dòng Huyện Sơn Trà, cột Ghi chú", ["Còn hồ sơ tồn do thiếu giấy tờ"]),  # merged from above
    ("Biểu số 01, dòng Huyện Tân Lập, cột Kết quả giải quyết", ["300", "290", "96,7%"]),  # a spanning header
    ("Biểu số 01, dòng Tổng cộng, cột Đơn vị", ["Tổng cộng"]),  # a cell spanning STT and Đơn vị
    ("Biểu số 01, dòng Khối huyện, cột Tổng số", ["Khối huyện"]),  # a group row's spanning cell
    ("Biểu số 01, dòng 5, cột (5)", ["96,7%"]),  # no row is numbered 5 in the STT column: the fifth row
])
def test_rows_columns_and_cells_on_the_grid(outline, ref, texts):
    assert cell_texts(redline.resolve(outline, ref)) == texts


def test_a_row_number_that_the_stt_column_contradicts_is_ambiguous(outline):
    with pytest.raises(redline.ResolveError) as err:
        redline.resolve(outline, "Biểu số 01, dòng 3")
    assert "Sở Xây dựng" in str(err.value) and "Huyện Tân Lập" in str(err.value)


def test_a_column_number_that_its_tag_contradicts_is_not_guessed(tmp_path):
    body = (bold("BÁO CÁO") + bold("Số liệu") + bold("I. SỐ LIỆU")
            + table(row(cell("Nội dung"), cell("Kế hoạch"), cell("Thực hiện"), cell("Tỷ lệ")),
                    row(cell("A"), cell("1"), cell("2"), cell("3=2/1")),
                    row(cell("Hồ sơ"), cell("10"), cell("9"), cell("90%")), grid=4) + "<w:sectPr/>")
    o = redline.outline(oracles.make_docx(tmp_path / "tags.docx", body))
    assert o.tables[0].tag_row == 1
    with pytest.raises(redline.ResolveError) as err:
        redline.resolve(o, "bảng 1, dòng Hồ sơ, cột 2")
    assert "Kế hoạch" in str(err.value) and "Thực hiện" in str(err.value)
    assert cell_texts(redline.resolve(o, "bảng 1, dòng Hồ sơ, cột (2)")) == ["9"]
    assert cell_texts(redline.resolve(o, "bảng 1, dòng Hồ sơ, cột Thực hiện")) == ["9"]


EDITS = [
    {"op": "replace_text", "target": "Biểu số 01", "row": "Huyện Tân Lập", "column": "Tỷ lệ", "find": "96,7%",
     "replace": "96,8%"},
    {"op": "replace_text", "target": "Biểu số 01", "row": "Huyện Sơn Trà", "column": "Ghi chú", "find": "tồn",
     "replace": "tồn đọng"},  # the merged cell, through the row it reaches
    {"op": "replace", "target": "Biểu số 01", "row": "Sở Xây dựng", "cells": ["2", "Sở Xây dựng", "96", "91",
                                                                             "94,8%", ""]},
    {"op": "insert_after", "target": "Biểu số 01", "row": "Huyện Tân Lập",  # inside the merged Ghi chú
     "cells": ["", "Huyện Mới", "10", "10", "100%", ""]},
    {"op": "insert_after", "target": "Biểu số 01", "row": "Huyện Sơn Trà",  # after the merge ends
     "cells": ["5", "Huyện Kỳ Lâm", "50", "49", "98%", "Mới thành lập"]},
    {"op": "delete", "target": "Biểu số 01", "row": "Sở Tư pháp"},
    {"op": "replace", "target": "Biểu số 01", "row": "Tổng cộng", "column": "Tỷ lệ", "text": "97,6%"},
]


@pytest.fixture(scope="module")
def applied(draft, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables-out") / "merged.redline.docx"
    result = redline.apply(draft, {"author": "Sở Tư pháp", "edits": EDITS}, out)
    return out, result


def test_merged_table_edits_accept_and_reject(draft, applied):
    out, _ = applied
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert "96,8%" in accepted and "Còn hồ sơ tồn đọng do thiếu giấy tờ" in accepted
    assert "Sở Tư pháp" not in accepted and "Huyện Mới" in accepted and "Huyện Kỳ Lâm" in accepted
    assert accepted.index("Huyện Tân Lập") < accepted.index("Huyện Mới") < accepted.index("Huyện Sơn Trà") \
        < accepted.index("Huyện Kỳ Lâm")
    assert "97,6%" in accepted and "97,5%" not in accepted
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    assert oracles.new_audit_errors(out, draft) == []
    assert redline.check(out, original=draft) == []


def test_a_row_inserted_inside_a_merge_continues_it(applied):
    """The new row between Tân Lập and Sơn Trà lies inside the merged Ghi chú: its cell continues
    the merge (so Sơn Trà's continuing cell still has its start above); the row after Sơn Trà
    starts none."""
    import zipfile

    from lxml import etree

    out, _ = applied
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    ns = {"w": oracles.W_NS}
    rows = root.findall(".//w:tbl/w:tr", ns)
    texts = ["".join(r.itertext()) for r in rows]
    new_mid = next(r for r, t in zip(rows, texts) if "Huyện Mới" in t)
    new_end = next(r for r, t in zip(rows, texts) if "Huyện Kỳ Lâm" in t)
    assert new_mid.find("w:trPr/w:ins", ns) is not None
    last_mid = new_mid.findall("w:tc", ns)[-1].find("w:tcPr/w:vMerge", ns)
    assert last_mid is not None and last_mid.get(f"{{{oracles.W_NS}}}val") is None
    assert new_end.findall("w:tc", ns)[-1].find("w:tcPr/w:vMerge", ns) is None


@pytest.mark.parametrize("edit,words", [
    ({"op": "delete", "row": "Huyện Tân Lập"}, ["starts the cell", "down to row 6"]),
    ({"op": "insert_after", "row": "Huyện Tân Lập", "cells": ["", "X", "1", "1", "100%", "Khác"]},
     ["merged over rows 5-6"]),
    ({"op": "replace", "row": "Huyện Sơn Trà", "cells": ["4", "Huyện Sơn Trà", "200", "199", "99,5%", "Khác"]},
     ["merged with the cell above"]),
    ({"op": "replace", "row": "Huyện Tân Lập", "column": "Kết quả giải quyết", "text": "1"}, ["3 cells"]),
])
def test_edits_that_would_break_a_merge_are_refused(draft, tmp_path, edit, words):
    with pytest.raises(redline.RedlineError) as err:
        redline.apply(draft, {"author": "A", "edits": [{"target": "Biểu số 01", **edit}]}, tmp_path / "o.docx")
    for w in words:
        assert w in str(err.value)
    assert not (tmp_path / "o.docx").exists()


def test_deleting_the_last_row_of_a_merge_is_allowed(draft, tmp_path):
    out = tmp_path / "o.docx"
    redline.apply(draft, {"author": "A", "edits": [{"op": "delete", "target": "Biểu số 01", "row": "Huyện Sơn Trà"}]},
                  out)
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert "Huyện Sơn Trà" not in accepted and "Còn hồ sơ tồn do thiếu giấy tờ" in accepted
    assert redline.check(out, original=draft) == []


# ---------------------------------------------------------------------------- nested tables

def nested_body():
    inner = table(row(cell("Chỉ tiêu"), cell("Giá trị")), row(cell("Tỷ lệ đúng hạn"), cell("97,5% trong kỳ")), grid=2)
    return (bold("BÁO CÁO") + bold("Số liệu tổng hợp") + bold("I. KẾT QUẢ") + para("Các chỉ tiêu chính:")
            + table(row(cell("Khung"), cell("Chi tiết")), row(cell("Hồ sơ"), cell(para("Bảng con:"), inner, para(""))),
                    grid=2)
            + bold("II. NHIỆM VỤ") + para("Tiếp tục.") + "<w:sectPr/>")


@pytest.mark.parametrize("edit", [
    {"op": "replace_text", "target": "I", "find": "97,5%", "replace": "98,1%"},
    {"op": "replace_text", "target": "*", "find": "97,5%", "replace": "98,1%"},
    {"op": "replace_text", "target": "bảng 1", "row": "Hồ sơ", "column": "Chi tiết", "find": "97,5%", "replace": "98,1%"},
    {"op": "delete", "target": "I", "find": "trong kỳ"},
    {"op": "insert_after", "target": "I", "anchor": {"sentence": "97,5% trong kỳ"}, "text": "(ước tính)"},
])
def test_nested_tables_are_reached(tmp_path, edit):
    draft = oracles.make_docx(tmp_path / "nested.docx", nested_body())
    out = tmp_path / "out.docx"
    redline.apply(draft, {"author": "A", "edits": [edit]}, out)
    accepted = oracles.pandoc_paragraphs(out, "accept")
    changed = [t for t in accepted if "Tỷ lệ" not in t and ("98,1%" in t or t == "97,5%" or "ước tính" in t)]
    assert changed, accepted
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    assert redline.check(out, original=draft) == []
    assert oracles.new_audit_errors(out, draft) == []


def test_a_cell_holding_a_table_is_not_replaced_whole(tmp_path):
    draft = oracles.make_docx(tmp_path / "nested.docx", nested_body())
    with pytest.raises(redline.EditsError, match="table of its own"):
        redline.apply(draft, {"author": "A", "edits": [{"op": "replace", "target": "bảng 1", "row": "Hồ sơ",
                                                        "column": "Chi tiết", "text": "x"}]}, tmp_path / "o.docx")


# ---------------------------------------------------------------------------- LibreOffice

@pytest.mark.libreoffice
def test_libreoffice_agrees_on_merged_and_nested_tables(draft, applied, tmp_path):
    oracles.need_libreoffice()
    out, _ = applied
    nested = oracles.make_docx(tmp_path / "nested.docx", nested_body())
    nested_out = tmp_path / "nested.out.docx"
    redline.apply(nested, {"author": "A", "edits": [
        {"op": "replace_text", "target": "I", "find": "97,5%", "replace": "98,1%"}]}, nested_out)
    results = {r.path: r for r in oracles.libreoffice_batch([out, draft, nested_out, nested])}
    for new, old in ((out, draft), (nested_out, nested)):
        assert results[new].error is None
        assert results[new].rejected == results[old].rejected
        assert results[new].accepted == oracles.pandoc_paragraphs(new, "accept")


def test_the_outline_lists_the_grid(outline):
    from redline.sections.listing import outline_dict, outline_lines

    data = outline_dict(outline)
    t, = data["sections"][0]["tables"]
    assert t["address"] == "Biểu số 01" and t["header_rows"] == 3
    assert [c["tag"] for c in t["columns"]] == ["(1)", "(2)", "(3)", "(4)", "(5)=(4)/(3)", "(6)"]
    assert t["rows"][5] == {"row": 6, "key": "Huyện Sơn Trà", "cells": ["4", "Huyện Sơn Trà", "200", "199", "99,5%", None]}
    assert t["rows"][0]["cells"] == ["I", "Khối sở, ngành", ""]
    lines = outline_lines(data)
    assert "    | STT | Đơn vị | Kết quả giải quyết / Tổng số | Kết quả giải quyết / Đúng hạn | Kết quả giải quyết / Tỷ lệ" \
           " | Ghi chú |" in lines
    assert "    row 6: 4 | Huyện Sơn Trà | 200 | 199 | 99,5% | ^" in lines
