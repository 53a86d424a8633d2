"""Matching text as stored in a .docx: normalised view with a map back to the original."""
import unicodedata

from redline.match import find_all, normal_view, sentence_key, sentences


def test_nfd_nbsp_and_quotes_match_their_plain_forms():
    raw = unicodedata.normalize("NFD", "thay cụm từ “Chính\u00a0phủ  điện tử” ở đây")
    spans, hidden = find_all(raw, '"Chính phủ điện tử"')
    assert hidden == 0 and len(spans) == 1
    s, e = spans[0]
    assert unicodedata.normalize("NFC", raw[s:e]).replace("\u00a0", " ").replace("  ", " ") == "“Chính phủ điện tử”"


def test_invisible_characters_are_ignored_but_kept_in_the_span():
    raw = "cải\u00adcách hành\u200b chính"
    spans, _ = find_all(raw, "cảicách hành chính")
    assert spans == [(0, len(raw))]


def test_whole_words_only_and_case():
    raw = "Chính phủ điện tử; chính phủ điện tử hóa"
    assert len(find_all(raw, "Chính phủ điện tử")[0]) == 1
    assert len(find_all(raw, "Chính phủ điện tử", case_sensitive=False)[0]) == 2
    assert find_all("cơ bản hóa", "cơ bả")[0] == []


def test_exclude_context_hides_hits():
    raw = "Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số; xây dựng Chính phủ điện tử."
    spans, hidden = find_all(raw, "Chính phủ điện tử",
                             exclude=["Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số"])
    assert hidden == 1 and len(spans) == 1 and spans[0][0] > 60


def test_view_maps_back_to_original_offsets():
    raw = "a\u00a0\u00a0b\tc"
    v = normal_view(raw)
    assert v.text == "a b c"
    assert v.original_span(1, 2) == (1, 3)


def test_sentences_do_not_break_on_numbers_or_dates():
    raw = "Tiếp nhận 4.820 hồ sơ ngày 15/6/2022. UBND tỉnh đã tổ chức Hội nghị. Tỷ lệ 97,5%."
    spans = sentences(raw)
    assert [raw[a:b] for a, b in spans] == ["Tiếp nhận 4.820 hồ sơ ngày 15/6/2022.", "UBND tỉnh đã tổ chức Hội nghị.",
                                            "Tỷ lệ 97,5%."]


def test_sentence_keys_ignore_end_punctuation_and_ellipsis():
    assert sentence_key("UBND tỉnh đã tổ chức Hội nghị …", prefix=True) == "UBND tỉnh đã tổ chức Hội nghị"
    assert sentence_key("Câu  “trích”.") == sentence_key('Câu "trích"')
