"""Real layouts, typed in our own words: an amending decree whose khoản quote whole new
articles, a circular with Chương / Điều and appendices "PHỤ LỤC I", "PHỤ LỤC II" one after the
other, a decision whose attached regulation is titled "QUY ĐỊNH", a plan "I. MỤC ĐÍCH, YÊU CẦU /
II. NHIỆM VỤ ... 1. ... a) ..." with a task table in its appendix (group rows, a merged cell), a
resolution whose Điều 1 holds Roman parts.  Each checks that the outline finds what a letter
on such a draft points at (sources read for these layouts: docs/shapes.md)."""
from __future__ import annotations

import pytest

import oracles
import redline
from wml import LB, P, cell, row, table



# ---------------------------------------------------------------------------- building blocks

def header(authority, number, date):
    """The header frame: the authority over a rule and the number, the motto over the date."""
    return table(row(cell(*[P(a, b=True, c=True) for a in authority], P("-------", c=True)),
                     cell(P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, c=True),
                          P("Độc lập - Tự do - Hạnh phúc", b=True, c=True))),
                 row(cell(P(number, c=True)), cell(P(date, i=True, c=True))), grid=2)


def sign(left, right):
    """The signature frame: "Nơi nhận:" and its list beside the signing formula."""
    return table(row(cell(*[P(x, b=(k == 0)) for k, x in enumerate(left)]),
                     cell(*[P(x, b=True, c=True) for x in right])), grid=2)


def build(path, body):
    return oracles.make_docx(path, body + "<w:sectPr/>")


# ---------------------------------------------------------------------------- the drafts

def amending_decree():  # a decree amending another: its khoản quote whole articles
    return (header(["CHÍNH PHỦ"], "Số:     /2024/NĐ-CP", "Hà Nội, ngày    tháng    năm 2024")
            + P("DỰ THẢO 2", b=True) + P("NGHỊ ĐỊNH", b=True, c=True)
            + P("Sửa đổi, bổ sung một số điều của Nghị định số 99/2020/NĐ-CP về quản lý chợ đầu mối", b=True, c=True)
            + P("Căn cứ Luật Tổ chức Chính phủ;", i=True) + P("Theo đề nghị của Bộ trưởng Bộ Công Thương;", i=True)
            + P("Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 99/2020/NĐ-CP.", i=True)
            + LB("Điều 1.", "Sửa đổi, bổ sung một số điều của Nghị định số 99/2020/NĐ-CP về quản lý chợ đầu mối", tb=True)
            + P("1. Sửa đổi, bổ sung khoản 2 Điều 3 như sau:")
            + P("“2. Chợ đầu mối là chợ có vai trò gom hàng hóa từ các vùng sản xuất để phân phối tiếp.”")
            + P("2. Sửa đổi, bổ sung Điều 5 như sau:")
            + P("“Điều 5. Điều kiện kinh doanh tại chợ đầu mối", b=True)
            + P("1. Thương nhân phải đăng ký điểm kinh doanh với ban quản lý chợ.")
            + P("2. Hàng hóa phải có nguồn gốc rõ ràng, trong đó:")
            + P("a) Hàng nông sản có giấy xác nhận vùng trồng;")
            + P("b) Hàng thủy sản có giấy xác nhận khai thác.")
            + P("3. Ban quản lý chợ kiểm tra định kỳ hằng quý.”")
            + P("3. Bổ sung Điều 5a vào sau Điều 5 như sau:")
            + P("“Điều 5a. Chợ đầu mối trực tuyến", b=True)
            + P("Chợ đầu mối được tổ chức giao dịch trực tuyến theo quy định của pháp luật về thương mại điện tử.”")
            + P("4. Bãi bỏ điểm c khoản 1 Điều 8.")
            + LB("Điều 2.", "Hiệu lực thi hành", tb=True)
            + P("Nghị định này có hiệu lực từ ngày 01 tháng 01 năm 2025.")
            + LB("Điều 3.", "Trách nhiệm thi hành", tb=True)
            + P("Các Bộ trưởng, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Nghị định này./.")
            + sign(["Nơi nhận:", "- Ban Bí thư Trung ương Đảng;", "- Lưu: VT."], ["TM. CHÍNH PHỦ", "THỦ TƯỚNG"]))


def circular():  # Chương / Điều with label-only articles; two appendices in a row
    return (header(["BỘ NỘI VỤ"], "Số:     /2024/TT-BNV", "Hà Nội, ngày    tháng    năm 2024")
            + P("THÔNG TƯ", b=True, c=True)
            + P("Hướng dẫn chế độ báo cáo thống kê ngành nội vụ", b=True, c=True)
            + P("Căn cứ Luật Thống kê;", i=True) + P("Theo đề nghị của Vụ trưởng Vụ Kế hoạch;", i=True)
            + P("Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn chế độ báo cáo thống kê ngành nội vụ.", i=True)
            + P("Chương I", b=True, c=True) + P("QUY ĐỊNH CHUNG", b=True, c=True)
            + P("Điều 1. Phạm vi điều chỉnh", b=True)
            + P("Thông tư này hướng dẫn chế độ báo cáo thống kê áp dụng trong ngành nội vụ.")
            + P("Điều 2. Đối tượng áp dụng", b=True)
            + P("1. Các cơ quan chuyên môn về nội vụ ở địa phương.")
            + P("2. Các đơn vị thuộc Bộ Nội vụ.")
            + P("Chương II", b=True, c=True) + P("CHẾ ĐỘ BÁO CÁO", b=True, c=True)
            + P("Điều 3. Biểu mẫu báo cáo", b=True)
            + P("1. Biểu mẫu báo cáo quy định tại Phụ lục I ban hành kèm theo Thông tư này.")
            + P("2. Giải thích biểu mẫu quy định tại Phụ lục II ban hành kèm theo Thông tư này.")
            + P("Điều 4. Kỳ báo cáo", b=True)
            + P("Báo cáo được gửi định kỳ sáu tháng và hằng năm theo quy định tại khoản 1 Điều 3 Thông tư này.")
            + P("Chương III", b=True, c=True) + P("ĐIỀU KHOẢN THI HÀNH", b=True, c=True)
            + P("Điều 5. Hiệu lực thi hành", b=True)
            + P("Thông tư này có hiệu lực kể từ ngày 01 tháng 7 năm 2024./.")
            + sign(["Nơi nhận:", "- Văn phòng Chính phủ;", "- Lưu: VT, KHTC."], ["BỘ TRƯỞNG"])
            + P("PHỤ LỤC I", b=True, c=True) + P("DANH MỤC BIỂU MẪU BÁO CÁO", b=True, c=True)
            + P("(Ban hành kèm theo Thông tư số    /2024/TT-BNV ngày    tháng    năm 2024 của Bộ trưởng Bộ Nội vụ)", i=True, c=True)
            + table(row(cell("STT"), cell("Ký hiệu biểu"), cell("Tên biểu"), cell("Kỳ báo cáo")),
          row(cell("1"), cell("0101.N/BCB-NV"), cell("Số lượng cơ quan hành chính"), cell("Năm")),
          row(cell("2"), cell("0102.N/BCB-NV"), cell("Số lượng công chức"), cell("Sáu tháng, năm")))
            + P("PHỤ LỤC II", b=True, c=True) + P("GIẢI THÍCH BIỂU MẪU", b=True, c=True)
            + P("(Ban hành kèm theo Thông tư số    /2024/TT-BNV ngày    tháng    năm 2024 của Bộ trưởng Bộ Nội vụ)", i=True, c=True)
            + P("1. Biểu 0101.N/BCB-NV", b=True)
            + P("Phản ánh số lượng cơ quan hành chính tại thời điểm báo cáo.")
            + P("2. Biểu 0102.N/BCB-NV", b=True)
            + P("Phản ánh số lượng công chức theo ngạch."))


def decision():  # the attached regulation is a "QUY ĐỊNH"
    return (header(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH LÂM"], "Số:     /2024/QĐ-UBND", "Bình Lâm, ngày    tháng    năm 2024")
            + P("QUYẾT ĐỊNH", b=True, c=True)
            + P("Quy định chế độ báo cáo định kỳ trên địa bàn tỉnh Bình Lâm", b=True, c=True)
            + P("ỦY BAN NHÂN DÂN TỈNH BÌNH LÂM", b=True, c=True)
            + P("Căn cứ Luật Tổ chức chính quyền địa phương;", i=True)
            + P("Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân tỉnh.", i=True)
            + P("QUYẾT ĐỊNH:", b=True, c=True)
            + LB("Điều 1.", "Ban hành kèm theo Quyết định này Quy định chế độ báo cáo định kỳ trên địa bàn tỉnh Bình Lâm.")
            + LB("Điều 2.", "Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2024.")
            + LB("Điều 3.", "Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ngành chịu trách nhiệm thi hành Quyết định này./.")
            + sign(["Nơi nhận:", "- Như Điều 3;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
            + header(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH LÂM"], "", "")
            + P("QUY ĐỊNH", b=True, c=True)
            + P("Chế độ báo cáo định kỳ trên địa bàn tỉnh Bình Lâm", b=True, c=True)
            + P("(Ban hành kèm theo Quyết định số    /2024/QĐ-UBND ngày    tháng    năm 2024 của Ủy ban nhân dân tỉnh)", i=True, c=True)
            + P("Chương I", b=True, c=True) + P("QUY ĐỊNH CHUNG", b=True, c=True)
            + P("Điều 1. Phạm vi điều chỉnh", b=True) + P("Quy định này quy định chế độ báo cáo định kỳ.")
            + P("Điều 2. Nguyên tắc", b=True) + P("1. Báo cáo đúng thời hạn.") + P("2. Số liệu thống nhất.")
            + P("Chương II", b=True, c=True) + P("CÁC BÁO CÁO", b=True, c=True)
            + P("Điều 3. Danh mục báo cáo", b=True) + P("Danh mục báo cáo tại Phụ lục kèm theo Quy định này.")
            + P("Điều 4. Thời hạn gửi báo cáo", b=True) + P("1. Báo cáo sáu tháng gửi trước ngày 20 tháng 6.") + P("2. Báo cáo năm gửi trước ngày 20 tháng 12.")
            + P("Điều 5. Tổ chức thực hiện", b=True) + P("Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc thực hiện Quy định này."))


def plan():  # MỤC ĐÍCH, YÊU CẦU / NHIỆM VỤ with a) b) items; a task table
    return (header(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH LÂM"], "Số:     /KH-UBND", "Bình Lâm, ngày    tháng    năm 2024")
            + P("KẾ HOẠCH", b=True, c=True)
            + P("Triển khai số hóa hồ sơ hộ tịch năm 2024", b=True, c=True)
            + P("Thực hiện chỉ đạo của Bộ Tư pháp, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
            + P("I. MỤC ĐÍCH, YÊU CẦU", b=True)
            + P("1. Mục đích", b=True)
            + P("- Hoàn thành số hóa sổ hộ tịch lưu tại cấp huyện và cấp xã.")
            + P("- Phục vụ tra cứu, khai thác dữ liệu hộ tịch trên môi trường điện tử.")
            + P("2. Yêu cầu", b=True)
            + P("- Bảo đảm đúng tiến độ, chất lượng dữ liệu.")
            + P("II. NHIỆM VỤ VÀ GIẢI PHÁP", b=True)
            + P("1. Rà soát, thống kê sổ hộ tịch", b=True)
            + P("a) Cấp xã thống kê số sổ hộ tịch đang lưu trữ;")
            + P("b) Cấp huyện tổng hợp, báo cáo Sở Tư pháp.")
            + P("2. Nhập dữ liệu vào phần mềm", b=True)
            + P("a) Lựa chọn đơn vị thực hiện theo quy định;")
            + P("b) Kiểm tra chất lượng dữ liệu sau khi nhập.")
            + P("III. TỔ CHỨC THỰC HIỆN", b=True)
            + P("1. Sở Tư pháp chủ trì, hướng dẫn, kiểm tra việc thực hiện Kế hoạch.")
            + P("2. Sở Tài chính bảo đảm kinh phí thực hiện.")
            + P("3. Ủy ban nhân dân cấp huyện chỉ đạo cấp xã thực hiện đúng tiến độ.")
            + P("(Có Phụ lục nhiệm vụ kèm theo)", i=True)
            + sign(["Nơi nhận:", "- Bộ Tư pháp;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
            + P("PHỤ LỤC", b=True, c=True)
            + P("DANH MỤC NHIỆM VỤ SỐ HÓA HỒ SƠ HỘ TỊCH NĂM 2024", b=True, c=True)
            + P("(Kèm theo Kế hoạch số    /KH-UBND ngày    tháng    năm 2024 của Ủy ban nhân dân tỉnh)", i=True, c=True)
            + table(row(cell("TT"), cell("Nhiệm vụ"), cell("Cơ quan chủ trì"), cell("Cơ quan phối hợp"), cell("Thời gian hoàn thành")),
          row(cell("I"), cell("Rà soát, thống kê", span=4)),
          row(cell("1"), cell("Thống kê sổ hộ tịch cấp xã"), cell("UBND cấp xã"), cell("UBND cấp huyện", merge="restart"), cell("Quý I")),
          row(cell("2"), cell("Tổng hợp số liệu cấp huyện"), cell("UBND cấp huyện"), cell(merge="continue"), cell("Quý I")),
          row(cell("II"), cell("Nhập dữ liệu", span=4)),
          row(cell("3"), cell("Lựa chọn đơn vị thực hiện"), cell("Sở Tư pháp"), cell("Sở Tài chính"), cell("Quý II")),
          row(cell("4"), cell("Kiểm tra chất lượng dữ liệu"), cell("Sở Tư pháp"), cell("UBND cấp huyện"), cell("Quý IV")), grid=5))


def resolution():  # Điều 1 holds Roman parts; a closing formula
    return (header(["HỘI ĐỒNG NHÂN DÂN", "TỈNH BÌNH LÂM"], "Số:     /NQ-HĐND", "Bình Lâm, ngày    tháng 12 năm 2024")
            + P("NGHỊ QUYẾT", b=True, c=True)
            + P("Về kế hoạch phát triển kinh tế - xã hội năm 2025", b=True, c=True)
            + P("HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH LÂM", b=True, c=True) + P("KHÓA X, KỲ HỌP THỨ 9", b=True, c=True)
            + P("Căn cứ Luật Tổ chức chính quyền địa phương;", i=True)
            + P("Xét Báo cáo của Ủy ban nhân dân tỉnh và ý kiến của đại biểu tại kỳ họp,", i=True)
            + P("QUYẾT NGHỊ:", b=True, c=True)
            + LB("Điều 1.", "Thông qua kế hoạch phát triển kinh tế - xã hội năm 2025 với các nội dung chủ yếu sau:")
            + P("I. MỤC TIÊU TỔNG QUÁT", b=True)
            + P("Giữ vững tăng trưởng, cải thiện đời sống nhân dân.")
            + P("II. CÁC CHỈ TIÊU CHỦ YẾU", b=True)
            + P("1. Tốc độ tăng trưởng kinh tế đạt 7%.")
            + P("2. Thu ngân sách trên địa bàn đạt 9.000 tỷ đồng.")
            + P("III. NHIỆM VỤ, GIẢI PHÁP", b=True)
            + P("1. Đẩy mạnh cải cách hành chính", b=True)
            + P("Tiếp tục đơn giản hóa thủ tục hành chính.")
            + P("2. Phát triển hạ tầng", b=True)
            + P("Ưu tiên các công trình giao thông trọng điểm.")
            + LB("Điều 2.", "Tổ chức thực hiện")
            + P("1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.")
            + P("2. Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.")
            + P("Nghị quyết này được Hội đồng nhân dân tỉnh Bình Lâm Khóa X, Kỳ họp thứ 9 thông qua ngày 10 tháng 12 năm 2024./.")
            + sign(["Nơi nhận:", "- Ủy ban Thường vụ Quốc hội;", "- Lưu: VT."], ["CHỦ TỊCH"]))


DRAFTS = {"amending_decree": amending_decree, "circular": circular, "decision": decision, "plan": plan,
          "resolution": resolution}


@pytest.fixture(scope="module")
def outlines(tmp_path_factory):
    root = tmp_path_factory.mktemp("layouts")
    return {name: redline.outline(build(root / f"{name}.docx", make())) for name, make in DRAFTS.items()}


def tree(sections):
    return [(s.address, s.title, tree(s.children)) if s.children else (s.address, s.title) for s in sections]


def test_an_amending_decree_keeps_the_quoted_articles_inside_its_khoan(outlines):
    o = outlines["amending_decree"]
    assert o.warnings == []
    assert tree(o.sections) == [
        ("I", "Sửa đổi, bổ sung một số điều của Nghị định số 99/2020/NĐ-CP về quản lý chợ đầu mối", [
            ("I.1", "Sửa đổi, bổ sung khoản 2 Điều 3 như sau:"),
            ("I.2", "Sửa đổi, bổ sung Điều 5 như sau:"),
            ("I.3", "Bổ sung Điều 5a vào sau Điều 5 như sau:"),
            ("I.4", "Bãi bỏ điểm c khoản 1 Điều 8.")]),
        ("II", "Hiệu lực thi hành"), ("III", "Trách nhiệm thi hành")]
    k2 = redline.resolve(o, "khoản 2 Điều 1")
    texts = [o.text(i) for i in range(k2.start, k2.end)]
    assert texts[0].startswith("“Điều 5.") and texts[-1].endswith("hằng quý.”")
    assert redline.resolve(o, "khoản 3 Điều 1").title.startswith("Bổ sung Điều 5a")


def test_a_renumbering_in_an_amending_decree_leaves_the_amended_texts_numbers_alone(outlines, tmp_path):
    draft = build(tmp_path / "decree.docx", amending_decree())
    out = tmp_path / "out.docx"
    result = redline.apply(draft, {"author": "Bộ Tư pháp", "edits": [{"op": "delete", "target": "Điều 2"}]}, out)
    assert result.warnings == []  # "khoản 2 Điều 3", "Điều 5" name the amended decree's articles
    accepted = oracles.pandoc_paragraphs(out, "accept")
    assert "Điều 2. Trách nhiệm thi hành" in accepted and "2. Sửa đổi, bổ sung Điều 5 như sau:" in accepted


@pytest.mark.parametrize("ref,address", [
    ("Điều 3", "II.3"), ("khoản 2 Điều 3", "II.3.2"), ("Chương II", "II"), ("Phụ lục I", "Phụ lục I"),
    ("Phụ lục II", "Phụ lục II"), ("Mục 2 Phụ lục II", "Phụ lục II:II"), ("bảng 1 của Phụ lục I", "Phụ lục I:bảng 1"),
    ("Phụ lục I, dòng Số lượng công chức, cột Kỳ báo cáo", "Phụ lục I:bảng 1, dòng 2, cột Kỳ báo cáo")])
def test_a_circular_and_its_appendices(outlines, ref, address):
    o = outlines["circular"]
    assert [d.name for d in o.documents] == ["Phụ lục I", "Phụ lục II"]
    assert redline.resolve(o, ref).address == address


@pytest.mark.parametrize("ref,address", [
    ("Điều 5 của Quy định", "Quy định:II.5"), ("Điều 2 Quyết định", "II"), ("Điều 5", "Quy định:II.5"),
    ("khoản 2 Điều 4 của Quy định", "Quy định:II.4.2"), ("Chương II của Quy định", "Quy định:II"),
    ("Quy định", "Quy định"), ("tên gọi của dự thảo", "title")])
def test_a_decision_and_its_quy_dinh(outlines, ref, address):
    o = outlines["decision"]
    assert [d.name for d in o.documents] == ["Quy định"] and o.warnings == []
    assert o.title.title == "Quy định chế độ báo cáo định kỳ trên địa bàn tỉnh Bình Lâm"
    assert redline.resolve(o, ref).address == address


def test_a_bare_article_in_both_the_decision_and_its_quy_dinh_is_ambiguous(outlines):
    with pytest.raises(redline.ResolveError) as err:
        redline.resolve(outlines["decision"], "Điều 2")
    assert set(err.value.candidates) == {"II", "Quy định:I.2"}


@pytest.mark.parametrize("ref,address,title", [
    ("Mục II.1", "II.1", "Rà soát, thống kê sổ hộ tịch"),
    ("điểm a khoản 1 Mục II", "II.1.a", "Cấp xã thống kê số sổ hộ tịch đang lưu trữ;"),
    ("điểm b khoản 2 Mục II", "II.2.b", "Kiểm tra chất lượng dữ liệu sau khi nhập."),
    ("khoản 2 Mục I", "I.2", "Yêu cầu"),
    ("nhiệm vụ 2 Mục III", "III.2", "Sở Tài chính bảo đảm kinh phí thực hiện."),
    ("Phụ lục, dòng Tổng hợp số liệu cấp huyện, cột Cơ quan phối hợp",
     "Phụ lục:bảng 1, dòng 3, cột Cơ quan phối hợp", "")])
def test_a_plan_its_items_and_its_task_table(outlines, ref, address, title):
    o = outlines["plan"]
    got = redline.resolve(o, ref)
    assert got.address == address and (got.title == title or got.table is not None)


def test_a_plan_task_table_reads_its_group_rows_and_merged_cell(outlines):
    o = outlines["plan"]
    assert len(o.tables) == 1 and o.tables[0].header_rows == 1
    cell = redline.resolve(o, "Phụ lục, dòng Tổng hợp số liệu cấp huyện, cột Cơ quan phối hợp")
    w_t = f"{{{oracles.W_NS}}}t"
    assert ["".join(t.text for t in p.iter(w_t)) for _, p in cell.paragraphs] == ["UBND cấp huyện"]  # merged above
    with pytest.raises(redline.ResolveError, match="STT"):
        redline.resolve(o, "Phụ lục, dòng 4")  # a group row sits before it: the 4th row is not STT 4


def test_a_resolution_whose_article_holds_roman_parts(outlines):
    o = outlines["resolution"]
    assert tree(o.sections) == [
        ("I", "Thông qua kế hoạch phát triển kinh tế - xã hội năm 2025 với các nội dung chủ yếu sau:", [
            ("I.I", "MỤC TIÊU TỔNG QUÁT"),
            ("I.II", "CÁC CHỈ TIÊU CHỦ YẾU", [("I.II.1", "Tốc độ tăng trưởng kinh tế đạt 7%."),
                                                ("I.II.2", "Thu ngân sách trên địa bàn đạt 9.000 tỷ đồng.")]),
            ("I.III", "NHIỆM VỤ, GIẢI PHÁP", [("I.III.1", "Đẩy mạnh cải cách hành chính"),
                                               ("I.III.2", "Phát triển hạ tầng")])]),
        ("II", "Tổ chức thực hiện", [
            ("II.1", "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết."),
            ("II.2", "Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.")])]
    assert o.closing is not None and o.closing.title.startswith("Nghị quyết này được Hội đồng nhân dân")
    assert redline.resolve(o, "mục II Điều 1").address == "I.II"
    assert redline.resolve(o, "khoản 2 mục II Điều 1").address == "I.II.2"
    assert redline.resolve(o, "khoản 2 Điều 2").address == "II.2"
