"""Every way of naming a place crossed with every way of asking (issue 17): the grammar reads
places, operations and words separately, so each combination of a location form and an
operation form of docs/letters/corpus.md must give the same exact edit -- not one rule per
example.  Three drafts: the law (khoản / Điều), the report (Phần / Mục / tiểu mục) and the
decision's Quy chế (điểm / khoản / Điều of an attached document)."""
from __future__ import annotations

import itertools

import pytest

from conftest import FIXTURES
from redline.letters.extract import extract_text
from redline.letters.grounding import draft_outline

CLOSE = "\nTrên đây là ý kiến góp ý./."

LAW_PLACES = [
    "Tại khoản 2 Điều 5", "Khoản 2 Điều 5", "Tại khoản 2, Điều 5", "Điều 5, khoản 2", "Tại Điều 5 khoản 2",
    "Ở khoản 2 của Điều 5", "Đối với khoản 2 Điều 5", "Về khoản 2 Điều 5", "Tại khoản 2 Điều 5 dự thảo Luật",
    "Điều 5 (khoản 2)", "Khoản 2 Điều 5 (Trách nhiệm của cơ quan cung cấp dịch vụ)",
    "Về trách nhiệm của cơ quan cung cấp dịch vụ (khoản 2 Điều 5)", "điều 5, khoản 2", "Tại khoản 2 điều 5",
    "Khoản 2 của Điều 5", "Tại Điều 5, khoản 2"]
X, Y, Z = "trong thời hạn quy định", "trong thời hạn 03 ngày làm việc", "của pháp luật"
LAW_ASKS = [(o, "r") for o in (
    "đề nghị sửa cụm từ “X” thành “Y”", "đề nghị thay cụm từ “X” bằng cụm từ “Y”", "đề nghị thay “X” bằng “Y”",
    "cụm từ “X” đề nghị sửa thành “Y”", "nên sửa “X” thành “Y”", "đề nghị điều chỉnh “X” thành “Y”",
    "đề nghị thay thế cụm từ “X” bằng cụm từ “Y”", "đề nghị chỉnh sửa cụm từ “X” thành “Y”",
    "đề nghị sửa đổi cụm từ “X” thành “Y”", "tôi đề nghị sửa “X” thành “Y”", "đề nghị sửa cụm từ “X” thành cụm từ “Y”",
    "cần sửa “X” thành “Y”", "theo chúng tôi nên thay “X” bằng “Y”", "đề nghị đổi “X” thành “Y”",
    "đề nghị sửa “X” thành “Y” cho rõ nghĩa", "đề nghị thay cụm từ “X” bằng “Y” để phù hợp với thực tế")] + [
    (o, "d") for o in ("đề nghị bỏ cụm từ “X”", "đề nghị lược bỏ cụm từ “X”", "đề nghị xóa cụm từ “X”",
                       "cụm từ “X” đề nghị bỏ", "nên bỏ cụm từ “X”", "đề nghị bỏ cụm từ “X” vì không cần thiết",
                       "đề nghị bỏ cụm từ “X” do trùng lặp")] + [
    (o, "i") for o in ("đề nghị bổ sung cụm từ “Z” vào sau cụm từ “X”", "đề nghị bổ sung “Z” sau cụm từ “X”",
                       "sau cụm từ “X” đề nghị bổ sung cụm từ “Z”", "đề nghị thêm cụm từ “Z” vào sau “X”",
                       "đề nghị bổ sung cụm từ “Z” vào sau “X” cho đầy đủ", "đề nghị viết thêm vào sau cụm từ “X” là “Z”",
                       "đề nghị bổ sung vào sau cụm từ “X” cụm từ “Z”")]
JOINS = ["{L}, {O}.", "{L}: {O}.", "{L} {O}."]

REPORT_HEADS = ["SỞ TƯ PHÁP\nKính gửi: Sở Nội vụ\nSở Tư pháp có ý kiến như sau:\n",
                "ỦY BAN NHÂN DÂN\nHUYỆN TÂN LẬP\nSố: 12/UBND-NV\nV/v góp ý dự thảo Báo cáo\nKính gửi: Sở Nội vụ\n"
                "Thực hiện Công văn số 100/SNV-CCHC ngày 01/7/2022 của Sở Nội vụ, UBND huyện có ý kiến như sau:\n"]
NUMBERS = ["1. ", "1.1. ", "a) ", "- ", "Thứ nhất, ", ""]
REPORT_PLACES = [
    "Tại tiểu mục 2.2 Mục 2 Phần II", "Tại tiểu mục 2.2, Mục 2, Phần II", "Mục 2.2 Phần II", "Tại điểm 2.2 khoản 2 Mục II",
    "Phần II, mục 2, tiểu mục 2.2", "Tại mục II.2.2", "Tại tiểu mục 2.2 (Công bố, công khai TTHC)",
    "Tại nội dung Công bố, công khai TTHC", "Ở phần Công bố, công khai TTHC (tiểu mục 2.2 Mục 2 Phần II)",
    "Tại Phần II, Mục 2, tiểu mục 2.2", "Tiểu mục 2.2 Mục 2 Phần II (Công bố, công khai TTHC)", "Tại trang 4, tiểu mục 2.2"]
RX, RY = "đầy đủ, đúng quy định", "đầy đủ, kịp thời, đúng quy định"
REPORT_ASKS = ["đề nghị sửa cụm từ “X” thành “Y”", "đề nghị thay cụm từ “X” bằng cụm từ “Y”",
               "cụm từ “X” đề nghị sửa thành “Y”", "đề nghị bổ sung cụm từ “kịp thời,” vào sau cụm từ “đầy đủ,”",
               "đề nghị sửa “X” thành “Y” cho phù hợp"]

RULE_PLACES = [
    "Tại điểm a khoản 2 Điều 4 Quy chế", "Tại điểm a khoản 2 Điều 4 của dự thảo Quy chế",
    "Điểm a khoản 2 Điều 4 dự thảo Quy chế", "Đối với dự thảo Quy chế, tại điểm a khoản 2 Điều 4",
    "Quy chế, Điều 4, khoản 2, điểm a", "Điều 4 khoản 2 điểm a Quy chế", "Tại điểm a, khoản 2, Điều 4 của Quy chế",
    "Tại Điều 4 (Phối hợp trong thành lập, mở rộng cụm công nghiệp), điểm a khoản 2",
    "Tại điểm a khoản 2 Điều 4 dự thảo Quy chế ban hành kèm theo Quyết định"]
A = "quy hoạch sử dụng đất"
RULE_ASKS = [("đề nghị sửa cụm từ “quy hoạch sử dụng đất” thành “quy hoạch sử dụng đất cấp huyện”", ("replace_text", A)),
             ("đề nghị bổ sung cụm từ “cấp huyện” vào sau cụm từ “quy hoạch sử dụng đất”", ("replace_text", A)),
             ("đề nghị bỏ cụm từ “và quy hoạch sử dụng đất”", ("delete", "và quy hoạch sử dụng đất")),
             ("đề nghị sửa lại như sau: “a) Sự phù hợp với quy hoạch tỉnh, quy hoạch sử dụng đất cấp huyện;”",
              ("rewrite", None)),
             ("đề nghị làm rõ nội dung này", ("comment", None)),
             ("đề nghị cơ quan soạn thảo xem xét lại", ("comment", None)),
             ("đề nghị rà soát, bổ sung quy hoạch xây dựng", ("comment", None))]


def _edits(text: str, outline) -> list[tuple]:
    d = extract_text(text + CLOSE, draft=outline)
    return [(e["op"], e["target"], e.get("find"), e.get("replace")) for e in d["edits"]]


def test_every_place_form_with_every_change_form_of_the_law():
    law = draft_outline(FIXTURES / "drafts" / "luat-typed.docx")
    want = {"r": [("replace_text", "II.1.5.2", X, Y)], "d": [("delete", "II.1.5.2", X, None)],
            "i": [("replace_text", "II.1.5.2", X, X + " " + Z)]}
    wrong = []
    for (li, place), (oi, (ask, kind)) in itertools.product(enumerate(LAW_PLACES), enumerate(LAW_ASKS)):
        sentence = JOINS[(li + oi) % 3].format(L=place, O=ask.replace("X", X).replace("Y", Y).replace("Z", Z))
        got = _edits("HỘI LUẬT GIA TỈNH\nKính gửi: Ban soạn thảo\nHội có ý kiến như sau:\n1. " + sentence, law)
        if got != want[kind]:
            wrong.append((sentence, got))
    assert not wrong, f"{len(wrong)} of {len(LAW_PLACES) * len(LAW_ASKS)} read otherwise, e.g. {wrong[:3]}"


def test_every_place_form_of_a_report_under_every_heading_and_numbering():
    report = draft_outline(FIXTURES / "drafts" / "cchc-typed.docx")
    good = {(RX, RY), ("đầy đủ,", "đầy đủ, kịp thời,"), ("đầy đủ, đúng", "đầy đủ, kịp thời, đúng")}
    wrong, n = [], 0
    for (hi, head), (ni, num), (li, place), (oi, ask) in itertools.product(
            enumerate(REPORT_HEADS), enumerate(NUMBERS), enumerate(REPORT_PLACES), enumerate(REPORT_ASKS)):
        if (hi + ni + li + oi) % 3:
            continue  # a third of the 720 combinations, every value of every factor included
        n += 1
        sentence = f"{place}, {ask.replace('X', RX).replace('Y', RY)}."
        sentence = num + (sentence[0].lower() + sentence[1:] if num == "Thứ nhất, " else sentence)
        got = _edits(head + sentence, report)
        if not (len(got) == 1 and got[0][:2] == ("replace_text", "II.2.2") and got[0][2:] in good):
            wrong.append((sentence, got))
    assert not wrong, f"{len(wrong)} of {n} read otherwise, e.g. {wrong[:3]}"


@pytest.mark.parametrize("ask,want", RULE_ASKS, ids=[w[0] for _a, w in RULE_ASKS])
def test_every_place_form_in_an_attached_regulation(ask, want):
    decision = draft_outline(FIXTURES / "drafts" / "quyetdinh-typed.docx")
    target = "Quy chế:II.4.2.a"
    wrong = []
    for place in RULE_PLACES:
        got = _edits(f"SỞ XÂY DỰNG\nKính gửi: Sở Công Thương\nSở Xây dựng có ý kiến như sau:\n1. {place}, {ask}.",
                     decision)
        if want[0] == "comment":
            ok = got == [("comment", target, None, None)]  # no words given: a comment there, never a change
        elif want[0] == "rewrite":
            ok = len(got) == 1 and got[0][:2] in (("replace", target), ("replace_text", target))
        else:
            ok = len(got) == 1 and got[0][:3] == (want[0], target, want[1])
        if not ok:
            wrong.append((place, got))
    assert not wrong, f"{len(wrong)} of {len(RULE_PLACES)} read otherwise: {wrong[:3]}"
