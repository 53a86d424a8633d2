"""Positions inside a sentence or a paragraph: two phrases swapped, and a sentence for the end of
a paragraph -- tracked changes only where the draft makes them exact (issue 17;
docs/letters/grammar.md, "Operations" 3 and 6, firewall rules 6 and 10).  The letters are our own
words; each edit is applied and its Accept-All text checked."""
from __future__ import annotations

import docx

import redline
from conftest import FIXTURES
from redline.letters.extract import extract_text

DRAFTS = FIXTURES / "drafts"
HEAD = "SỞ XÂY DỰNG\nKính gửi: Sở Nội vụ\nSở Xây dựng góp ý như sau:\n"


def _read(body: str, draft: str = "cchc-typed.docx", **kw) -> dict:
    return extract_text(HEAD + body + "\nTrên đây là ý kiến của Sở Xây dựng./.", draft=DRAFTS / draft, **kw)


def _accepted(tmp_path, draft: str, edit: dict) -> list[str]:
    """The draft's paragraphs after ``edit`` is applied as a tracked change and accepted."""
    edit = {k: v for k, v in edit.items() if k not in ("n", "quote", "note")}
    out = tmp_path / "out.docx"
    redline.apply(DRAFTS / draft, {"author": "Sở Xây dựng", "edits": [edit]}, out)
    assert redline.check(out, original=DRAFTS / draft) == []
    accepted = tmp_path / "accepted.docx"
    redline.accept(out, accepted)
    return [p.text for p in docx.Document(str(accepted)).paragraphs]


def _paragraphs(draft: str) -> list[str]:
    return [p.text for p in docx.Document(str(DRAFTS / draft)).paragraphs]


# ------------------------------------------------------------------ two phrases of one sentence swapped

def test_two_phrases_side_by_side_are_swapped_however_the_letter_says_it(tmp_path):
    radio, paper = "Đài Phát thanh - Truyền hình tỉnh", "Báo Hà Tĩnh"
    d = _read(f"1. Tại Mục 4 Phần I, đề nghị hoán đổi cụm từ “{radio}” lên trước cụm từ “{paper}”.\n"
              f"2. Mục I.4: đưa cụm từ “{radio}” lên trước “{paper}” cho đúng thứ tự cơ quan.\n"
              f"3. Cũng tại mục này, đề nghị chuyển cụm từ “{paper}” xuống sau cụm từ “{radio}”.\n"
              f"4. Tại Mục I.4, đề nghị đảo vị trí hai cụm từ “{paper}” và “{radio}”.")
    want = ("replace_text", "I.4", f"{paper}, {radio}", f"{radio}, {paper}")
    assert [(e["op"], e["target"], e.get("find"), e.get("replace")) for e in d["edits"]] == [want] * 4
    assert {a["outcome"] for a in d["accounting"] if a["n"] in (1, 2, 3, 4)} == {"edit"}
    before = _paragraphs("cchc-typed.docx")
    after = _accepted(tmp_path, "cchc-typed.docx", d["edits"][0])
    k = next(i for i, t in enumerate(before) if t.startswith("Công tác tuyên truyền CCHC"))
    assert after[k] == before[k].replace(f"{paper}, {radio}", f"{radio}, {paper}")
    assert after[:k] + after[k + 1:] == before[:k] + before[k + 1:]


def test_a_swap_in_a_list_of_the_decision(tmp_path):
    d = _read("1. Tại Điều 3 dự thảo Quyết định, đề nghị đổi chỗ cụm từ “Xây dựng” lên trước cụm từ “Công Thương”.",
              "quyetdinh-typed.docx")
    [e] = d["edits"]
    assert (e["op"], e["find"], e["replace"]) == ("replace_text", "Công Thương, Xây dựng", "Xây dựng, Công Thương")
    after = _accepted(tmp_path, "quyetdinh-typed.docx", e)
    assert any(t.startswith("Điều 3. Chánh Văn phòng") and "Giám đốc các sở: Xây dựng, Công Thương, Tài nguyên" in t
               for t in after)


def test_a_swap_the_draft_does_not_make_exact_stays_a_comment():
    d = _read("1. Tại Điều 3 dự thảo Quyết định, đề nghị đảo vị trí hai cụm từ “Công Thương” và "
              "“Tài nguyên và Môi trường”.\n"  # not side by side
              "2. Tại Điều 3 dự thảo Quyết định, đề nghị đưa cụm từ “Công Thương” lên trước cụm từ “Xây dựng”.\n"
              # already in that order
              "3. Tại Điều 3 dự thảo Quyết định, đề nghị xem xét hoán đổi cụm từ “Xây dựng” lên trước "
              "cụm từ “Công Thương”.\n"  # hedged
              "4. Tại Chương II của Quy chế, đề nghị hoán đổi cụm từ “Sở Công Thương” và cụm từ “Sở Xây dựng”.",
              "quyetdinh-typed.docx")  # neither side by side nor once
    assert [(e["n"], e["op"]) for e in d["edits"]] == [(1, "comment"), (2, "comment"), (3, "comment"), (4, "comment")]
    # a phrase that stands twice at the place: the span may be once, but which phrase is meant is not said
    d = _read("1. Tại Mục 2 Phần II, đề nghị hoán đổi cụm từ “ban hành” và cụm từ “sửa đổi, bổ sung”.")
    assert [e["op"] for e in d["edits"]] == ["comment"]
    # without the draft the separator is unknown; without a place the swap is not placed
    d = extract_text(HEAD + "1. Tại Điều 3 dự thảo Quyết định, đề nghị hoán đổi cụm từ “Xây dựng” lên trước cụm từ "
                            "“Công Thương”.\n2. Đề nghị hoán đổi cụm từ “Xây dựng” lên trước cụm từ “Công Thương”.")
    assert [e["op"] for e in d["edits"]] == ["comment"] and [u["n"] for u in d["unresolved"]] == [2]
    d = _read("1. Đề nghị hoán đổi cụm từ “Xây dựng” lên trước cụm từ “Công Thương”.", "quyetdinh-typed.docx")
    assert all(e["op"] == "comment" for e in d["edits"])


# ------------------------------------------------------------------ a sentence for the end of a paragraph

def test_a_sentence_for_the_end_of_the_only_paragraph_is_added_inline(tmp_path):
    new = "Đồng thời hướng dẫn cách tính điểm đối với các tiêu chí thành phần mới."
    for body in (f"1. Tại Mục 1 Phần V, đề nghị bổ sung vào cuối đoạn câu sau: “{new}”",
                 f"1. Mục V.1: bổ sung vào cuối đoạn: “{new}”",
                 f"1. Tại Mục 1 Phần V, bổ sung câu sau vào cuối đoạn: {new}"):
        d = _read(body)
        assert [(e["op"], e["target"], e.get("text"), e.get("anchor")) for e in d["edits"]] == \
            [("append", "V.1", new, None)], body
    before = _paragraphs("cchc-typed.docx")
    after = _accepted(tmp_path, "cchc-typed.docx", d["edits"][0])
    k = next(i for i, t in enumerate(before) if t.startswith("Đề nghị Bộ Nội vụ sớm ban hành"))
    assert after[k] == before[k] + " " + new
    assert len(after) == len(before)


def test_a_sentence_for_the_end_of_a_paragraph_named_by_its_ordinal(tmp_path):
    new = "Kết quả khắc phục được báo cáo UBND tỉnh hằng quý."
    d = _read(f"1. Tại Mục 3 Phần I, đề nghị bổ sung vào cuối đoạn thứ hai câu sau: “{new}”\n"
              f"2. Tại Mục 3 Phần I, đề nghị bổ sung vào cuối đoạn cuối câu sau: “{new}”")
    assert [(e["op"], e["target"], e.get("anchor")) for e in d["edits"]] == \
        [("append", "I.3", {"paragraph": 2}), ("append", "I.3", {"paragraph": "last"})]
    before = _paragraphs("cchc-typed.docx")
    after = _accepted(tmp_path, "cchc-typed.docx", d["edits"][0])
    k = next(i for i, t in enumerate(before) if t.startswith("Qua kiểm tra, Đoàn đã chỉ ra"))
    assert after[k] == before[k] + " " + new
    assert after[:k] + after[k + 1:] == before[:k] + before[k + 1:]


def test_a_paragraph_end_the_draft_does_not_single_out_stays_a_comment():
    new = "Kết quả khắc phục được báo cáo UBND tỉnh hằng quý."
    d = _read(f"1. Tại Mục 3 Phần I, đề nghị bổ sung vào cuối đoạn câu sau: “{new}”\n"  # two paragraphs
              f"2. Tại Mục 3 Phần I, đề nghị bổ sung vào cuối đoạn thứ năm câu sau: “{new}”\n"  # it has two
              f"3. Tại Mục 2 Phần II, đề nghị bổ sung vào cuối đoạn câu sau: “{new}”")  # it has parts
    assert [(e["n"], e["op"]) for e in d["edits"]] == [(1, "comment"), (2, "comment"), (3, "comment")]
    d = extract_text(HEAD + f"1. Tại Mục 1 Phần V, đề nghị bổ sung vào cuối đoạn câu sau: “{new}”")  # no draft
    assert [e["op"] for e in d["edits"]] == ["comment"]
