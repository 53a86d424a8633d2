"""A phrase deleted from a sentence takes a comma with it only when it is a list member
(plan.tidy_deletion): checked on the Accept-All text of the fixture law."""
from __future__ import annotations

import docx

import oracles
import redline
from conftest import FIXTURES

LUAT = FIXTURES / "drafts" / "luat-typed.docx"


def test_deleted_words_take_a_comma_only_as_a_list_member(tmp_path):
    cases = [("II.1.5.3", "cơ quan cung cấp dịch vụ",  # after a fronted clause: the clause's comma stays
              "3. Trường hợp hệ thống gặp sự cố, áp dụng các biện pháp quy định tại khoản 2 Điều này và thông báo "
              "công khai thời gian khắc phục."),
             ("I.4.1", "đơn giản",  # a list member takes its separator
              "1. Lấy người sử dụng làm trung tâm, bảo đảm thuận tiện và tiết kiệm chi phí."),
             ("I.4.2", "thời hạn",  # the last member before "và"
              "2. Công khai, minh bạch về quy trình và kết quả giải quyết.")]
    for k, (target, find, want) in enumerate(cases):
        out, accepted = tmp_path / f"o{k}.docx", tmp_path / f"a{k}.docx"
        redline.apply(LUAT, {"author": "Hội", "edits": [{"op": "delete", "target": target, "find": find}]}, out)
        redline.accept(out, accepted)
        assert want in [p.text for p in docx.Document(str(accepted)).paragraphs]
        # pandoc reads the same revisions: Reject All is the law, Accept All holds the sentence as intended
        assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(LUAT, "reject")
        assert oracles.pandoc_paragraphs(out, "accept") == oracles.pandoc_paragraphs(accepted, "accept")
        assert oracles.new_audit_errors(out, LUAT) == []


def test_a_comma_after_the_words_stays_unless_a_list_goes_on(tmp_path):
    report = FIXTURES / "drafts" / "cchc-typed.docx"
    out, accepted = tmp_path / "o.docx", tmp_path / "a.docx"
    redline.apply(report, {"author": "Hội", "edits": [{"op": "delete", "target": "III.1", "find": "rõ nét"}]}, out)
    redline.accept(out, accepted)
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(report, "reject")
    assert oracles.pandoc_paragraphs(out, "accept") == oracles.pandoc_paragraphs(accepted, "accept")
    assert "- Chất lượng giải quyết TTHC được cải thiện, tỷ lệ hồ sơ đúng hạn đạt trên 97%;" in [
        p.text for p in docx.Document(str(accepted)).paragraphs]


def test_words_replaced_by_nothing_are_deleted_and_tidied_as_a_deletion(tmp_path):
    # "find" with its space before it, "replace" empty: the same sentence a delete gives, no " ." left
    for k, find in enumerate((" như bản giấy", "như bản giấy")):
        out, accepted = tmp_path / f"o{k}.docx", tmp_path / f"a{k}.docx"
        edit = {"op": "replace_text", "target": "II.1.5.2.c", "find": find, "replace": ""}
        redline.apply(LUAT, {"author": "Hội", "edits": [edit]}, out)
        redline.accept(out, accepted)
        assert "c) Trả kết quả điện tử có giá trị." in [p.text for p in docx.Document(str(accepted)).paragraphs]
        assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(LUAT, "reject")
        assert oracles.pandoc_paragraphs(out, "accept") == oracles.pandoc_paragraphs(accepted, "accept")
        assert oracles.new_audit_errors(out, LUAT) == []
