"""The diff core: tokens, minimal word-level redlines, numbers kept whole."""
import pytest

from redline import diff as d


@pytest.mark.parametrize("number", ["4.820", "97,5%", "15/6/2022", "1,2 tỷ", "ISO 9001:2008", "2021-2030"])
def test_numbers_are_single_tokens(number):
    assert number in d.tokenize(f"đạt {number} trong năm")


def test_changed_number_is_one_replacement():
    assert d.inline(d.diff("tỷ lệ đạt 32,4% kế hoạch", "tỷ lệ đạt 35,1% kế hoạch")) == \
        "tỷ lệ đạt [-32,4%-]{+35,1%+} kế hoạch"


def test_amount_with_unit_changes_as_a_whole():
    assert d.inline(d.diff("kinh phí 1,2 tỷ đồng", "kinh phí 1,5 tỷ đồng")) == "kinh phí [-1,2 tỷ-]{+1,5 tỷ+} đồng"


def test_words_never_split():
    chunks = d.diff("Chính phủ điện tử", "Chính quyền điện tử")
    assert d.inline(chunks) == "Chính [-phủ-]{+quyền+} điện tử"


def test_unchanged_text_is_untouched_and_insertion_is_minimal():
    old = "UBND tỉnh đã ban hành kế hoạch triển khai."
    new = "UBND tỉnh đã ban hành kịp thời kế hoạch triển khai."
    assert d.changes(old, new) == [d.Change(22, 22, "kịp thời ", 22, 31)]


def test_changes_reconstruct_the_new_text():
    old = "Năm 2022, toàn tỉnh tiếp nhận 4.820 hồ sơ, giải quyết đúng hạn 97,5%."
    new = "Sáu tháng đầu năm 2022, toàn tỉnh tiếp nhận 5.012 hồ sơ trực tuyến, giải quyết đúng hạn 98%."
    out, pos = [], 0
    for ch in d.changes(old, new):
        out.append(old[pos:ch.start] + ch.new)
        pos = ch.end
    out.append(old[pos:])
    assert "".join(out) == new


def test_similarity_orders_paragraph_pairs():
    a = "Duy trì chuyên trang CCHC trên Báo Hà Tĩnh."
    assert d.similarity(a, a) == 1.0
    assert d.similarity(a, "Duy trì chuyên trang CCHC trên Báo Hà Tĩnh và Đài tỉnh.") > 0.6
    assert d.similarity(a, "Một nội dung hoàn toàn khác.") < 0.3


def test_word_counts_and_renderings():
    chunks = d.diff("bỏ hai từ này", "bỏ này thêm ba từ")
    plus, minus = d.word_counts(chunks)
    assert (plus, minus) != (0, 0)
    assert "<del>" in d.inline(chunks, "html") and "<ins>" in d.inline(chunks, "html")
    assert "~~" in d.inline(chunks, "markdown")
