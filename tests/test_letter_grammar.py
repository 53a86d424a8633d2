"""The letter grammar's pieces, each with short examples of our own (issue 17)."""
from __future__ import annotations

import re

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


def _ops(d: dict) -> list[tuple]:
    return [(e["op"], e["target"]) for e in d["edits"]]


def test_a_located_request_in_prose_is_a_comment_there_and_an_argument_is_ignored():
    d = _doc("1. Điều 7 quy định thời hạn giải quyết là 30 ngày là chưa phù hợp, nên rút ngắn cho người dân.\n"
             "2. Chúng tôi cho rằng việc cải cách thủ tục là cần thiết trong giai đoạn hiện nay.")
    assert _ops(d) == [("comment", "Điều 7")]
    assert [a["outcome"] for a in d["accounting"] if a["n"] == 2] == ["ignored"]


def test_a_fault_and_its_fix_are_one_instruction():
    d = _doc("1. Khoản 2 Điều 4 quy định “cơ quan có thẩm quyền xem xét”. Quy định này còn chung chung. "
             "Do đó đề nghị bổ sung từ “kịp thời” vào sau từ “xem xét”.")
    assert [(e["op"], e["target"], e.get("find"), e.get("replace")) for e in d["edits"]] == [
        ("replace_text", "Khoản 2 Điều 4", "xem xét", "xem xét kịp thời")]
    assert [a["outcome"] for a in d["accounting"]].count("comment") == 0


def test_a_second_request_joined_by_va_is_its_own_instruction_even_unfinished():
    d = _doc("1. Tại Điều 9, đề nghị bổ sung từ “công khai” vào trước từ “minh bạch” và bổ sung cụm từ “")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("replace_text", "Điều 9"), ("comment", "Điều 9")]


def test_the_reason_after_an_order_is_not_its_words():
    d = _doc("1. Tại Điều 2, đề nghị thay từ “phải” bằng từ “cần” để phù hợp với Luật: “Cơ quan cần báo cáo”.")
    assert [(e["op"], e["find"], e["replace"]) for e in d["edits"]] == [("replace_text", "phải", "cần")]


def test_figures_raised_and_punctuation_replaced():
    d = _doc("1. Tại Mục 3 Phần II, đề nghị nâng chỉ tiêu từ 90% lên 95%.\n"
             "2. Tại Điều 6, đề nghị thay dấu phẩy sau cụm từ “cấp tỉnh” bằng từ “và”.")
    got = [(e["op"], e["target"], e.get("find"), e.get("replace")) for e in d["edits"]]
    assert got == [("replace_text", "Mục 3 Phần II", "90%", "95%"),
                   ("replace_text", "Điều 6", "cấp tỉnh,", "cấp tỉnh và")]


def test_a_title_renamed_and_a_new_article_with_its_title():
    d = _doc("1. Tên của Chương III nên sửa thành “Tổ chức thực hiện”.\n"
             "2. Đề nghị bổ sung một Điều mới (Điều 12a) sau Điều 12 như sau: “Điều 12a. Chuyển tiếp”.")
    first = d["edits"][0]
    assert (first["op"], first["target"], first.get("heading")) == ("replace", "Chương III", "Tổ chức thực hiện")
    assert _ops(d)[1:] == [("insert_after", "Điều 12")]


def test_a_place_in_a_document_within_the_draft():
    skel, quotes = mask_quotes("Tại Điều 3 dự thảo Quyết định, đề nghị bỏ cụm từ “X”")
    assert place_of(skel, quotes, group=None, previous=None, lead=None).target.startswith("Điều 3")


def test_a_finer_place_completes_from_the_one_just_named():
    d = _doc("1. Tại điểm a khoản 2 Điều 5, đề nghị bỏ từ “ngay”. Tại điểm b, đề nghị bỏ cụm từ “trong ngày”.")
    assert [e["target"] for e in d["edits"]] == ["Điểm a Khoản 2 Điều 5", "Điểm b Khoản 2 Điều 5"]


def test_agreement_is_ignored_but_asking_to_agree_on_a_wording_is_a_request():
    d = _doc("1. Cơ bản thống nhất với nội dung dự thảo.\n2. Tại Điều 8, cần thống nhất cách viết cụm từ “Ủy ban”.")
    assert _ops(d) == [("comment", "Điều 8")]


def test_a_fault_with_its_example_is_commented_at_the_example():
    d = _doc("1. Tiêu đề của một số điều chưa thể hiện đúng nội dung. Ví dụ, Điều 14 quy định về hồ sơ.")
    assert _ops(d) == [("comment", "Điều 14")]


def test_a_topic_label_names_a_part_by_its_heading_but_not_an_aspect():
    skel, quotes = mask_quotes("Về phương hướng, nhiệm vụ: đề nghị bổ sung nhiệm vụ thanh toán trực tuyến")
    assert place_of(skel, quotes, group=None, previous=None, lead=None).target == "phương hướng, nhiệm vụ"
    skel, quotes = mask_quotes("Về hình thức: đề nghị rà soát lỗi chính tả")
    assert place_of(skel, quotes, group=None, previous=None, lead=None).target is None
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Về phương hướng, nhiệm vụ: đề nghị bổ sung nhiệm vụ thanh toán trực tuyến.\n",
                     draft=FIXTURES / "drafts" / "cchc-typed.docx")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("comment", "IV")]


def test_new_words_without_labels_never_rewrite_a_unit_with_parts():
    from conftest import FIXTURES

    draft = FIXTURES / "drafts" / "luat-typed.docx"
    d = extract_text(HEAD + "1. Ở Điều 3, khái niệm “hồ sơ điện tử” nên sửa thành: “Hồ sơ điện tử là tập hợp các "
                     "giấy tờ, tài liệu dưới dạng dữ liệu điện tử.”\n"
                     "2. Khoản 2 Điều 5 đề nghị sửa như sau: “Tiếp nhận, xử lý hồ sơ điện tử trong 03 ngày, trong đó:”\n"
                     "3. Khoản 2 Điều 5 đề nghị viết lại: “Tiếp nhận hồ sơ và trả kết quả đúng hạn.”\n", draft=draft)
    got = [(e["op"], e["target"], e.get("scope")) for e in d["edits"]]
    # the one khoản the new words open like; the khoản's own sentence (its điểm stay); else a comment
    assert got == [("replace", "I.3.2", None), ("replace", "II.1.5.2", "lead"), ("comment", "II.1.5.2", None)]
    d = extract_text(HEAD + "1. Tại Mục 3 Phần I, đề nghị viết lại như sau: “Sở Nội vụ đã tham mưu thành lập Đoàn "
                     "kiểm tra.”\n", draft=FIXTURES / "drafts" / "cchc-typed.docx")
    assert d["edits"][0]["anchor"] == {"paragraph": 1}  # the one paragraph of the part it opens like


def test_a_change_not_firmly_ordered_is_a_comment():
    d = _doc("1. Không nên bỏ cụm từ “theo quy định” tại khoản 1 Điều 6.\n"
             "2. Đề nghị không sửa cụm từ “bản giấy” thành “bản in” tại khoản 2 Điều 6.\n"
             "3. Trường hợp giữ nguyên khoản 2 Điều 5 thì đề nghị bỏ cụm từ “trong đó”.\n"
             "4. Có ý kiến cho rằng nên thay cụm từ “01 ngày” bằng “02 ngày” tại điểm a khoản 2 Điều 5.\n"
             "5. Tại điểm b khoản 2 Điều 5, đề nghị bỏ cụm từ “hoặc tin nhắn” hoặc thay bằng cụm từ “hoặc ứng dụng”.\n"
             "6. Tại điểm a khoản 2 Điều 5, đề nghị sửa “01 ngày” thành “02 ngày” hoặc “03 ngày”.\n"
             "7. Tại khoản 1 Điều 6, đề nghị bỏ cụm từ “bản sao” để không phải nộp lại.")
    # item 4 reports others' view: the sender's narrative (no change, no comment)
    assert [(e["n"], e["op"]) for e in d["edits"]] == [(n, "comment") for n in (1, 2, 3, 5, 6)] + [(7, "delete")]
    assert next(a for a in d["accounting"] if a["text"].startswith("Có ý kiến cho rằng"))["outcome"] == "ignored"


def test_words_inserted_next_to_a_phrase_found_twice_are_a_comment():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Đề nghị bổ sung từ “điện tử” vào sau cụm từ “hồ sơ” tại khoản 1 Điều 6.\n",
                     draft=FIXTURES / "drafts" / "luat-typed.docx")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("comment", "II.1.6.1")]


def test_a_part_described_is_not_a_rewrite_and_words_named_first_are_found():
    d = _doc("1. Tại Mục 2 Phần I, đề nghị sửa số hiệu văn bản tại ý thứ 2 thành “Chỉ thị số 06/CT-UBND”.\n"
             "2. Tại Mục 3 Phần I, cụm từ “đơn vị mình” đề nghị sửa thành “đơn vị”.")
    got = [(e["op"], e.get("find"), e.get("replace")) for e in d["edits"]]
    assert got == [("comment", None, None), ("replace_text", "đơn vị mình", "đơn vị")]


def test_new_words_the_place_already_has_are_kept():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Tại Mục 2 Phần II, đề nghị thay cụm từ “một cửa liên thông” bằng cụm từ "
                     "“một cửa, một cửa liên thông”.\n", draft=FIXTURES / "drafts" / "cchc-typed.docx")
    assert d["edits"][0]["exclude"] == ["một cửa, một cửa liên thông"]


def test_a_topic_label_names_the_document_of_its_places():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Về dự thảo Quyết định: tại Điều 2, đề nghị sửa “01 tháng 4 năm 2023” thành "
                     "“15 tháng 4 năm 2023”.\n", draft=FIXTURES / "drafts" / "quyetdinh-typed.docx")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("replace_text", "II")]


def test_the_same_change_at_each_place_named_together():
    d = _doc("1. Đề nghị thay cụm từ “cổng thông tin” bằng cụm từ “cổng dịch vụ” tại khoản 1 và khoản 3 Điều 5.")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("replace_text", "Khoản 1 Điều 5"),
                                                            ("replace_text", "Khoản 3 Điều 5")]


def test_a_table_named_by_its_caption_with_a_row_and_a_column():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Tại Biểu số 01, dòng “Xây dựng”, đề nghị sửa số hồ sơ tiếp nhận từ “845” thành “854”.\n",
                     draft=FIXTURES / "drafts" / "baocao-typed.docx")
    e = d["edits"][0]
    assert (e["op"], e["target"], e["row"], e["column"], e["find"], e["replace"]) == (
        "replace_text", "Phụ lục 01:Biểu số 01", "Xây dựng", "Tiếp nhận", "845", "854")


def test_a_row_by_its_number_and_a_new_row_is_for_the_drafter():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Tại Phụ lục, nhiệm vụ số 4: đề nghị chuyển cơ quan chủ trì từ “Sở Nội vụ” sang "
                     "“Sở Thông tin và Truyền thông”.\n2. Tại Phụ lục, đề nghị bổ sung nhiệm vụ: “Xây dựng kho dữ liệu "
                     "cán bộ” do Sở Nội vụ chủ trì.\n", draft=FIXTURES / "drafts" / "kehoach-typed.docx")
    first, second = d["edits"]
    assert (first["row"], first["column"]) == (4, "Cơ quan chủ trì")
    assert second["op"] == "comment"


def test_a_new_numbered_part_goes_after_the_last_one():
    from conftest import FIXTURES

    for name in ("luat-typed.docx", "luat-autonum.docx"):
        d = extract_text(HEAD + "1. Đề nghị bổ sung vào Điều 7 một khoản mới như sau: “4. Được hỗ trợ miễn phí.”\n",
                         draft=FIXTURES / "drafts" / name)
        e = d["edits"][0]
        assert (e["op"], e["target"], e["heading"]) == ("insert_after", "II.2.7.3", "4. Được hỗ trợ miễn phí.")


def test_words_for_inside_a_sentence_and_a_unit_added_where_it_exists():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Tại khoản 2 Điều 8, đề nghị bổ sung: “, không cho người khác sử dụng”.\n"
                     "2. Đề nghị bổ sung khoản 3 Điều 5 như sau: “3. Trường hợp hệ thống gặp sự cố, cơ quan thông báo "
                     "ngay.”\n3. Đề nghị bổ sung khoản 2 Điều 8 như sau: “2. Giữ bí mật mật khẩu.”\n",
                     draft=FIXTURES / "drafts" / "luat-typed.docx")
    got = [(e["op"], e["target"], tuple(e.get("paragraphs") or ())) for e in d["edits"]]
    # khoản 3 exists and the new words open like it: its new wording, but much shorter than it (the
    # harm firewall): a comment, as for khoản 2 whose new words do not open like it
    assert got == [("comment", "II.2.8.2", ()), ("comment", "II.1.5.3", ()), ("comment", "II.2.8.2", ())]
    assert "much shorter" in d["edits"][1]["note"]


def test_a_mark_dropped_and_a_word_dropped_from_its_phrase():
    d = _doc("1. Tại Mục 1 Phần II, đề nghị bỏ dấu phẩy sau cụm từ “hàng năm”.\n"
             "2. Tại Mục 3 Phần I, đề nghị bỏ chữ “tồn tại” trong cụm từ “19/23 tồn tại”.")
    got = [(e["op"], e["find"], e["replace"]) for e in d["edits"]]
    assert got == [("replace_text", "hàng năm,", "hàng năm"), ("replace_text", "19/23 tồn tại", "19/23")]


def test_the_position_named_first_and_words_between_two_others():
    d = _doc("1. Tại Mục 1 Phần II, sau cụm từ “12 nghị quyết” đề nghị bổ sung cụm từ “quy phạm pháp luật”.\n"
             "2. Tại Mục 3 Phần I, đề nghị thêm từ “đã” vào giữa hai từ “nay” và “có”.")
    got = [(e["op"], e["find"], e["replace"]) for e in d["edits"]]
    assert got == [("replace_text", "12 nghị quyết", "12 nghị quyết quy phạm pháp luật"),
                   ("replace_text", "nay có", "nay đã có")]


def test_a_docx_letter_numbered_by_word_keeps_its_numbers(tmp_path):
    import docx

    from redline.letters.extract import extract

    d = docx.Document()
    for t in ("SỞ TƯ PHÁP", "Kính gửi: Sở Nội vụ", "Sở Tư pháp có ý kiến như sau:"):
        d.add_paragraph(t)
    d.add_paragraph("Tại Mục 3 Phần I, đề nghị sửa “19/23” thành “20/23”.", style="List Number")
    d.add_paragraph("Tại Mục 4 Phần I, đề nghị bỏ cụm từ “cơ bản”.", style="List Number")
    d.add_paragraph("Trên đây là ý kiến của Sở Tư pháp./.")
    d.save(tmp_path / "letter.docx")
    got = extract(tmp_path / "letter.docx")
    assert [(e["n"], e["op"]) for e in got["edits"]] == [(1, "replace_text"), (2, "delete")]


# ------------------------------------------------------------ the harm firewall's rules 6-8 (issue 17)

def _typed(body: str) -> dict:
    from conftest import FIXTURES

    return extract_text(HEAD + body + "\nTrên đây là ý kiến của Sở Tư pháp./.",
                        draft=FIXTURES / "drafts" / "cchc-typed.docx")


def test_new_words_for_a_place_inside_a_part_never_go_to_its_end():
    # rule 6: "vào cuối đoạn thứ nhất" names a paragraph; the end of Mục 3 Phần I is elsewhere: the
    # sentence goes to the end of that paragraph (inline), never after the part's last one
    d = _typed("1. Tại Mục 3 Phần I, đề nghị bổ sung vào cuối đoạn thứ nhất câu: “Kết quả kiểm tra được công "
               "khai trên Cổng Thông tin điện tử tỉnh.”")
    assert [(e["op"], e["target"], e.get("anchor")) for e in d["edits"]] == [("append", "I.3", {"paragraph": 1})]
    d = _typed("1. Tại Mục 3 Phần I, đề nghị bổ sung vào cuối đoạn câu: “Kết quả kiểm tra được công khai.”")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("comment", "I.3")]  # two paragraphs: which one?


def test_a_named_new_part_the_reading_did_not_make_is_a_comment():
    # rule 7: "bổ sung điểm c)" under Mục 2.3 Phần II names a new part; appending the words to the
    # end of Mục 2 would put them under the wrong heading
    d = _typed("1. Phần III (Đánh giá chung), mục 2: đề nghị bổ sung điểm c) Về công tác phối hợp với nội dung: "
               "“Sự phối hợp giữa các sở, ngành trong giải quyết hồ sơ liên thông còn chậm.”")
    assert d["edits"] and all(e["op"] in ("comment", "insert_after") for e in d["edits"])
    for e in d["edits"]:
        if e["op"] == "insert_after":  # made as the new part itself, with its label
            assert (e.get("heading") or "").startswith("c)")


def test_a_part_named_to_receive_the_words_is_not_a_new_part():
    d = extract_text(HEAD + "1. Đề nghị bổ sung Điều 5 với nội dung: “Cơ quan tiếp nhận phải trả lời bằng văn bản.”\n")
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("append", "Điều 5")]


def test_a_sentence_rewritten_around_the_quoted_words_changes_that_sentence():
    # rule 8: the words quoted are a few of the sentence; the new words are the whole sentence
    old = "Các hồ sơ trễ hạn chủ yếu thuộc lĩnh vực đất đai, do phải chờ kết quả xác minh nguồn gốc đất của cấp xã."
    new = ("Các hồ sơ trễ hạn chủ yếu thuộc lĩnh vực đất đai và xây dựng, do phải chờ kết quả xác minh nguồn gốc "
           "đất của cấp xã.")
    d = _typed("1. Điểm a tiểu mục 2.3 Mục 2 Phần II viết “lĩnh vực đất đai”. Đề nghị sửa lại là: “" + new + "”")
    e = next(e for e in d["edits"] if e["op"] != "comment")
    assert (e["op"], e["find"], e["replace"]) == ("replace_text", old, new)
    # the same words, but the new sentence is another one: the drafter decides
    d = _typed("1. Điểm a tiểu mục 2.3 Mục 2 Phần II viết “lĩnh vực đất đai”. Đề nghị sửa lại là: “Sở Tài nguyên "
               "và Môi trường cần chủ động phối hợp với các huyện trong lĩnh vực đất đai để rút ngắn thời gian.”")
    assert [e["op"] for e in d["edits"]] == ["comment"]


def test_each_cell_change_of_one_sentence_keeps_its_own_column():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Tại Biểu số 01, dòng “Xây dựng”: cột Trực tuyến đề nghị sửa từ “403” thành “413”, "
                     "cột Tỷ lệ trực tuyến sửa từ “47,7%” thành “48,9%”.\n",
                     draft=FIXTURES / "drafts" / "baocao-typed.docx")
    got = [(e["find"], e.get("row"), e.get("column")) for e in d["edits"]]
    assert got == [("403", "Xây dựng", "Trực tuyến"), ("47,7%", "Xây dựng", "Tỷ lệ trực tuyến")]


def test_a_letter_typed_one_line_a_paragraph_keeps_a_quoted_heading_line_apart():
    from redline.letters.source import mend_lines

    long = "Đề nghị cơ quan soạn thảo bổ sung đánh giá về kết quả thực hiện nhiệm vụ cải cách hành chính của " \
           "các sở, ngành trong 6 tháng đầu năm."
    lines = [long, "", "2. Đề nghị bổ sung mục 3 như sau:", "“3. Đối với Bộ Nội vụ", long + "”", ""]
    assert mend_lines(lines)[-2:] == ["“3. Đối với Bộ Nội vụ", long + "”"]
    # a hard-wrapped letter (short lines): the same two lines are one paragraph
    wrapped = ["Đề nghị cơ quan soạn thảo bổ sung", "đánh giá về kết quả thực hiện.", "",
               "2. Đề nghị bổ sung mục 3 như sau:", "“3. Đối với Bộ Nội vụ", "đề nghị hướng dẫn sớm.”"]
    assert mend_lines(wrapped)[-1] == "“3. Đối với Bộ Nội vụ đề nghị hướng dẫn sớm.”"


def test_an_outer_part_with_its_title_then_an_inner_one_is_one_place():
    for text, want in [("Phần thứ ba (Đánh giá chung), mục 3: đề nghị", "Phần III, Mục 3"),
                       ("Tại Mục 6 (Hiện đại hóa), tiểu mục 6.2, đề nghị", "Mục 6, Tiểu mục 6.2"),
                       ("Điều 5 (Hồ sơ), khoản 2 đề nghị", "Điều 5, Khoản 2")]:
        skel, quotes = mask_quotes(text)
        assert [r.text for r in find_refs(skel, quotes)] == [want]
    skel, quotes = mask_quotes("Mục 2 (Cải cách TTHC), Mục 3 (Tổ chức bộ máy)")  # two places, each titled
    assert [(r.text, r.title) for r in find_refs(skel, quotes)] == [("Mục 2", "Cải cách TTHC"),
                                                                   ("Mục 3", "Tổ chức bộ máy")]


def test_a_run_on_item_under_a_part_keeps_the_part_for_its_bare_mucs():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Đối với Phần I: tại mục 3, đoạn thứ hai bỏ cụm từ “và yêu cầu”; mục 4 đề nghị thay "
                     "cụm từ “64 tin, bài” bằng cụm từ “65 tin, bài”; cũng tại mục 4, đoạn cuối sửa “đơn điệu” thành "
                     "“chưa phong phú”.\n2. Tại mục 5, đề nghị làm rõ Bộ Chỉ số.\n",
                     draft=FIXTURES / "drafts" / "cchc-typed.docx")
    got = [(e["n"], e["op"], e["target"]) for e in d["edits"]]
    assert got[:3] == [("1.a", "delete", "I.3"), ("1.b", "replace_text", "I.4"), ("1.c", "replace_text", "I.4")]
    # a new item starts afresh: its bare "mục 5" is not completed with the Phần of item 1
    assert [u["n"] for u in d["unresolved"]] == [2]


def test_cell_changes_listed_after_a_colon_and_a_row_named_after_its_table():
    from conftest import FIXTURES

    d = extract_text(HEAD + "Một số nội dung cần chỉnh sửa cụ thể như sau:\n"
                     "1. Tại Biểu số 01, dòng “Xây dựng”: cột Trực tuyến sửa từ “403” thành “413”; dòng “Tổng cộng” "
                     "sửa tương ứng: cột Trực tuyến từ “3.792” thành “3.802”, cột Tỷ lệ trực tuyến từ “49,6%” thành "
                     "“49,8%”.\n", draft=FIXTURES / "drafts" / "baocao-typed.docx")
    got = [(e["op"], e["target"], e.get("row"), e.get("column"), e.get("find")) for e in d["edits"]]
    assert got == [("replace_text", "Phụ lục 01:Biểu số 01", "Xây dựng", "Trực tuyến", "403"),
                   ("replace_text", "Phụ lục 01:Biểu số 01", "Tổng cộng", "Trực tuyến", "3.792"),
                   ("replace_text", "Phụ lục 01:Biểu số 01", "Tổng cộng", "Tỷ lệ trực tuyến", "49,6%")]
    assert d["unresolved"] == []  # the lead-in sentence announces the list; it asks nothing


def test_a_request_reported_as_others_is_a_comment():
    d = extract_text(HEAD + "1. Tại khoản 3 Điều 3, có ý kiến đề nghị bỏ cụm từ “trực tuyến”. Sở Tư pháp đề nghị giữ "
                     "nguyên như dự thảo.\n")
    assert [e["op"] for e in d["edits"]] and all(e["op"] == "comment" for e in d["edits"])


def test_a_new_part_after_a_named_sibling_with_a_description():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Mục IV: đề nghị bổ sung sau khoản 2 một khoản giao nhiệm vụ cho Sở Nội vụ như sau:\n"
                     "“3. Sở Nội vụ\nHướng dẫn các cơ quan bố trí công chức phụ trách chuyển đổi số.”\n",
                     draft=FIXTURES / "drafts" / "kehoach-typed.docx")
    e = d["edits"][0]
    assert (e["op"], e["target"], e["heading"]) == ("insert_after", "IV.2", "3. Sở Nội vụ")


def test_a_clause_quoted_as_a_sentence_to_drop_is_deleted_as_words():
    from conftest import FIXTURES

    clause = "Trung tâm Tích hợp dữ liệu của tỉnh được đầu tư nâng cấp, bảo đảm an toàn thông tin theo cấp độ 3"
    d = extract_text(HEAD + f"1. Tại tiểu mục 6.2 Mục 6 Phần II, đề nghị bỏ câu “{clause}” ở đoạn thứ nhất.\n",
                     draft=FIXTURES / "drafts" / "cchc-typed.docx")
    e = d["edits"][0]
    assert (e["op"], e.get("find"), e.get("anchor", {}).get("sentence")) == ("delete", clause, None)


def test_quoted_column_headers_joined_by_va():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Tại Biểu số 01, dòng “Xây dựng”: đề nghị sửa cột “Trực tuyến” từ “403” thành “413” và "
                     "cột “Tỷ lệ trực tuyến” từ “47,7%” thành “48,9%”.\n", draft=FIXTURES / "drafts" / "baocao-typed.docx")
    assert [(e.get("column"), e["find"]) for e in d["edits"]] == [("Trực tuyến", "403"), ("Tỷ lệ trực tuyến", "47,7%")]


def test_opinions_of_others_are_narrative_of_a_body_a_comment_the_senders_own_stands():
    d = extract_text(HEAD + "1. Tại khoản 1 Điều 3, một số phòng chuyên môn của Sở đề xuất bỏ cụm từ “qua dịch vụ bưu "
                     "chính công ích”.\n2. Tại Điều 4, Bộ Tài chính cho rằng nên bỏ cụm từ “bằng văn bản”.\n"
                     "3. Tại Điều 5, chúng tôi cho rằng nên bỏ cụm từ “trong ngày”.\n")
    # some of the sender's own departments (a view it reports: its narrative), a named body weighing (a
    # comment), the sender's own opinion (its request)
    assert [(e["n"], e["op"]) for e in d["edits"]] == [(2, "comment"), (3, "delete")]


def test_a_header_quoted_without_the_word_cot_and_words_of_another_column_before_it():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Về số liệu lĩnh vực xây dựng: tại Biểu số 01, dòng “Xây dựng”, đề nghị sửa số hồ sơ "
                     "“Trực tuyến” từ “403” thành “413”.\n", draft=FIXTURES / "drafts" / "baocao-typed.docx")
    assert [(e["op"], e.get("column"), e["find"]) for e in d["edits"]] == [("replace_text", "Trực tuyến", "403")]


def test_a_part_named_by_what_it_regulates_and_opinions_reported_without_a_place():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Tại điều quy định về nguyên tắc phối hợp, đề nghị làm rõ trách nhiệm của cơ quan chủ "
                     "trì.\n2. Có ý kiến cho rằng thời hạn phối hợp còn dài. Một số đại biểu đề nghị rút ngắn thời hạn.\n",
                     draft=FIXTURES / "drafts" / "quyetdinh-typed.docx")
    assert [(e["n"], e["op"], e["target"]) for e in d["edits"]] == [(1, "comment", "Quy chế:I.3")]
    assert d["unresolved"] == []  # a meeting's opinions with no place are reported, not asked
    assert any("others' opinion reported" in a["rule"] for a in d["accounting"])


def test_a_phieu_with_a_comment_column_and_a_proposal_column():
    from redline.letters.source import instruction_table

    rows = [["STT", "Vị trí trong dự thảo", "Nội dung dự thảo", "Nội dung góp ý", "Đề xuất sửa đổi, bổ sung"],
            ["1", "Mục II, khoản 1", "Tỷ lệ hồ sơ đạt 50%.", "Chỉ tiêu còn cao.", "Sửa “50%” thành “40%”."],
            ["2", "Mục III, khoản 2", "- Trang bị máy tính cho 100% công chức.", "Mở rộng đối tượng.",
             "- Trang bị máy tính cho 100% cán bộ, công chức."],
            ["3", "Mục III, khoản 3", "", "Đề nghị bổ sung nhiệm vụ số hóa sổ hộ tịch.", "- Số hóa sổ hộ tịch cấp xã."],
            ["4", "Mục I, khoản 2", "", "Thống nhất như dự thảo.", ""]]
    assert instruction_table(rows) == [
        "1. Tại Mục II, khoản 1, nội dung “Tỷ lệ hồ sơ đạt 50%.”: Sửa “50%” thành “40%”. Lý do: Chỉ tiêu còn cao.",
        "2. Tại Mục III, khoản 2: “- Trang bị máy tính cho 100% công chức.” -> “- Trang bị máy tính cho 100% cán bộ, "
        "công chức.”. Lý do: Mở rộng đối tượng.",
        "3. Tại Mục III, khoản 3: Đề nghị bổ sung nhiệm vụ số hóa sổ hộ tịch: “- Số hóa sổ hộ tịch cấp xã.”",
        "4. Tại Mục I, khoản 2: Thống nhất như dự thảo."]


def test_a_quotation_holding_another_and_three_ls_for_a_roman_three():
    skel, quotes = mask_quotes("đề nghị bổ sung gạch đầu dòng “- Bảo đảm dữ liệu “đúng, đủ, sạch, sống”.”; đoạn thứ "
                               "nhất nên bỏ cụm từ “phiên bản 2.0”.")
    assert skel == "đề nghị bổ sung gạch đầu dòng ⟦0⟧; đoạn thứ nhất nên bỏ cụm từ ⟦1⟧."
    assert quotes == ["- Bảo đảm dữ liệu “đúng, đủ, sạch, sống”.", "phiên bản 2.0"]
    skel, quotes = mask_quotes("Tại mục lll.2 (Tồn tại, hạn chế), đề nghị bỏ cụm từ “X”")
    assert [r.text for r in find_refs(skel, quotes)] == ["Mục III.2"]


def test_an_indicator_of_a_part_by_its_number():
    from conftest import FIXTURES

    skel, quotes = mask_quotes("Mục II (Mục tiêu), chỉ tiêu số 3: đề nghị sửa thành “X”; (chỉ tiêu số 1 Mục II)")
    assert [r.text for r in find_refs(skel, quotes)] == ["Chỉ tiêu thứ 3 của Mục II", "Chỉ tiêu thứ 1 của Mục II"]
    d = extract_text(HEAD + "1. Mục II (Mục tiêu), chỉ tiêu số 1: đề nghị cân nhắc giảm tỷ lệ cho phù hợp.\n"
                     "2. Tại Phụ lục, nhiệm vụ số 4: đề nghị làm rõ cơ quan phối hợp.\n",
                     draft=FIXTURES / "drafts" / "kehoach-typed.docx")
    assert [(e["n"], e["target"]) for e in d["edits"]][:1] == [(1, "II.1")]


def test_a_lone_date_for_a_clause_changes_its_one_date():
    from conftest import FIXTURES

    d = extract_text(HEAD + "1. Khoản 1 Điều 9 quy định Luật có hiệu lực từ một ngày gần. Chúng tôi thấy thời gian "
                     "này gấp, nên đề nghị sửa thành “ngày 01 tháng 01 năm 2026”.\n",
                     draft=FIXTURES / "drafts" / "luat-typed.docx")
    e = next(e for e in d["edits"] if e["target"] == "III.9.1")
    assert (e["op"], e["replace"]) == ("replace_text", "ngày 01 tháng 01 năm 2026")
    assert re.fullmatch(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", e["find"])
