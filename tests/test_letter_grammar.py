"""The letter grammar's pieces, each with short examples of our own (issue 17)."""
from __future__ import annotations

from redline.letters.content import clean_new_text, mask_quotes, split_label, strip_ellipsis
from redline.letters.extract import extract_text
from redline.letters.locations import find_refs, place_of

HEAD = "SỞ TƯ PHÁP\nKính gửi: Sở Nội vụ\nSở Tư pháp có ý kiến như sau:\n"


def _doc(body: str) -> dict:
    return extract_text(HEAD + body + "\nTrên đây là ý kiến của Sở Tư pháp./.")


def test_run_on_clauses_each_keep_their_own_place_and_operation():
    d = _doc("1. Tại Điều 1 nên bỏ từ “cơ bản”; ở Điều 3 nên bổ sung cụm từ “thủ trưởng”; Điều 5 bổ sung từ “kịp thời”.")
    ops = [(e["n"], e["op"], e["target"]) for e in d["edits"]]
    assert ops == [("1.a", "delete", "Điều 1"), ("1.b", "comment", "Điều 3"), ("1.c", "comment", "Điều 5")]
    assert all(e["op"] != "delete" for e in d["edits"][1:])  # a phrase to ADD never becomes a deletion


def test_a_common_word_to_drop_is_a_comment_until_the_draft_says_which():
    d = _doc("1. Tại Điều 1 nên bỏ từ “các” để thống nhất với Điều 3.")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("comment", "Điều 1")]


def test_place_is_carried_only_when_the_letter_says_so():
    d = _doc("1. Tại Mục 2 Phần I, đề nghị bỏ cụm từ “cơ bản”.\n2. Đề nghị làm rõ số liệu.\n"
             "3. Cũng tại mục này, đề nghị làm rõ tiến độ.")
    by_n = {e["n"]: e for e in d["edits"]}
    assert by_n[3]["target"] == "Mục 2 Phần I"
    assert 2 not in by_n and [u["n"] for u in d["unresolved"]] == [2]


def test_outer_first_chains_and_decimal_items():
    skel, quotes = mask_quotes("Tại Điều 4, khoản 3, điểm đ: đề nghị bỏ cụm từ “X”")
    assert [r.text for r in find_refs(skel, quotes)] == ["Điều 4, Khoản 3, Điểm đ"]
    d = _doc("1. Góp ý cụ thể\n1.1. Tại Điều 11: đề nghị sửa cụm từ “yêu cầu” thành “đề nghị”.\nLý do: cho rõ.")
    assert [(e["n"], e["op"], e["find"]) for e in d["edits"]] == [("1.1", "replace_text", "yêu cầu")]
    assert any(a["rule"].startswith("narrative.rationale") for a in d["accounting"])


def test_reasons_and_descriptions_are_not_orders():
    d = _doc("1. Về Điều 3. Dự thảo đã bỏ quy định về thời hạn. Các đại biểu đóng góp ý kiến bổ sung, chỉnh sửa.")
    assert [e for e in d["edits"] if e["op"] != "comment"] == []


def test_content_cleaning():
    assert clean_new_text(["“Hồ sơ gồm hai bộ.”."]) == ["Hồ sơ gồm hai bộ."]
    assert clean_new_text(["- Ý một;", "(phần in đậm là nội dung bổ sung)"]) == ["- Ý một;"]
    assert strip_ellipsis("Kết quả Chỉ số CCHC…") == ("Kết quả Chỉ số CCHC", True)
    assert split_label("2. Hồ sơ gồm") == ("2", "Hồ sơ gồm")
    skel, quotes = mask_quotes("Điều 60: “Cơ quan phải thực hành")  # left open: never the letter's words
    assert "phải" not in skel and quotes == ["Cơ quan phải thực hành"]


def test_quote_pins_and_confirms_the_place_in_the_draft():
    from conftest import FIXTURES

    draft = FIXTURES / "drafts" / "cchc-typed.docx"
    d = extract_text(HEAD + "1. Đề nghị thay cụm từ “97,5%” bằng cụm từ “97,8%”.\n", draft=draft)
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("replace_text", "II.2.3.b")]
    d = extract_text(HEAD + "1. Tại Mục I.4, đề nghị bỏ cụm từ “không có trong dự thảo”.\n", draft=draft)
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("comment", "I.4")]


def test_sender_never_from_the_body():
    d = extract_text("Kính gửi: Bộ Tư pháp\nSở Tư pháp hoàn toàn nhất trí với dự thảo.\n")
    assert "author" not in d and d["warnings"]


def test_every_sentence_is_accounted_for():
    d = _doc("1. Tại Mục 2 Phần I, đề nghị bỏ cụm từ “cơ bản”. Đề nghị làm rõ số liệu.\n2. Thống nhất với dự thảo.")
    assert [a["outcome"] for a in d["accounting"]] == ["ignored", "edit", "comment", "ignored"]
    assert all(a["rule"] for a in d["accounting"])


def test_place_of_by_heading_words():
    skel, quotes = mask_quotes("Tại phần đánh giá chung, đề nghị làm rõ nguyên nhân")
    assert place_of(skel, quotes, group=None, previous=None, lead=None).target == "đánh giá chung"
