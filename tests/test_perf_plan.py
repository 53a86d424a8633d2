"""The plan stage's shortcuts give the same answers as the plain computations they replace.

Each shortcut (cheap bounds before a diff, a translate table for folding, a text-only
paragraph reader, a word filter before searching) is checked against the straightforward
version on tricky and on random input.  Outcomes only, never timings.
"""
from __future__ import annotations

import random
import sys
import unicodedata
from pathlib import Path

import docx
import pytest

from redline import diff as wdiff
from redline import text as T
from redline.match import Finder, ParagraphText, displayed_text, normal_view, quick_text
from redline.ooxml import W
from redline.align import align

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# ------------------------------------------------------------------------- folding


def _strip_reference(text: str) -> str:
    """strip_diacritics as it was: NFD of the whole string, combining marks dropped."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_reference(text: str, *, expand: bool = True) -> str:
    """fold as it was: one str.replace per quote and dash."""
    t = _strip_reference(T.clean(text)).casefold()
    for k, v in {**T.QUOTES, **T.DASHES}.items():
        t = t.replace(k, v)
    t = T._PUNCT.sub(" ", t)
    t = t.replace(" - ", " ").replace("-", " ") if not expand else t
    words = []
    for word in t.split():
        w = word.strip("-")
        if not w:
            continue
        if expand and w in T.ABBREVIATIONS:
            words.append(T.ABBREVIATIONS[w])
        else:
            words.extend(p for p in w.split("-") if p)
    return " ".join(words)


TRICKY = [
    "Công tác thông tin, tuyên truyền CCHC",
    unicodedata.normalize("NFD", "Kết quả xây dựng, phát triển hạ tầng kỹ thuật – “Chính quyền điện tử”"),
    "ĐẨY MẠNH ỨNG DỤNG CNTT; Đổi mới\u00a0phương\u200bthức",
    "Ngoặc ‘đơn’ «kép» — gạch\u2011nối, KT-XH, Ủy ban nhân dân",
    "a\u0323\u0302 o\u031b\u0301 u\u031b\u0300 e\u0302\u0303 (dấu ghép NFD, thứ tự lộn: a\u0302\u0323)",
    "İstanbul ǅemal ﬁnance Ⅻ ½ ℌ Å Ω K",  # compatibility characters stay themselves (NFD, not NFKD)
    "ký tự lẻ \u0301 đầu dòng và \u0308\u0301 chồng dấu",
    "", "   ", "ASCII only - nothing to strip",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fold_is_unchanged_on_tricky_vietnamese(text):
    assert T.strip_diacritics(text) == _strip_reference(text)
    assert T.fold(text) == _fold_reference(text)
    assert T.fold(text, expand=False) == _fold_reference(text, expand=False)


def test_strip_diacritics_per_character_equals_whole_string():
    bad = [hex(c) for c in range(sys.maxunicode + 1)
           if not 0xD800 <= c < 0xE000 and T.strip_diacritics(chr(c)) != _strip_reference(chr(c))]
    assert bad == []
    rnd = random.Random(7)
    pool = list("aeiouyAEIOUYdđĐ \u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b“”–") + ["ấ", "ự", "Ở"]
    for _ in range(3000):
        s = "".join(rnd.choice(pool) for _ in range(rnd.randint(0, 15)))
        assert T.strip_diacritics(s) == _strip_reference(s)
        assert T.fold(s) == _fold_reference(s)


# ------------------------------------------------------------------------- pairing

def _lcs_reference(a, b) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def test_lcs_length_matches_the_quadratic_definition():
    rnd = random.Random(3)
    for _ in range(2000):
        a = [rnd.choice("abcde ") for _ in range(rnd.randint(0, 40))]
        b = [rnd.choice("abcdef ") for _ in range(rnd.randint(0, 40))]
        assert wdiff.lcs_length(a, b) == _lcs_reference(a, b)


WORDS = ("công tác cải cách hành chính năm 2022 tỉnh huyện xã kế hoạch số 17/KH-UBND 4.820 97,5% "
         "15/6/2022 1,2 tỷ ISO 9001:2008 dịch vụ công trực tuyến hồ sơ thủ tục đạt tỷ lệ").split()
PUNCT = ["", "", "", ",", ".", ";", " -", ":"]


def _paragraph(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) + rnd.choice(PUNCT) for _ in range(rnd.randint(1, 30)))


def _variant(rnd: random.Random, text: str, rate: float) -> str:
    words = text.split(" ")
    out = []
    for w in words:
        r = rnd.random()
        if r < rate / 3:
            continue
        out.append(rnd.choice(WORDS) if r < rate else w)
        if rnd.random() < rate / 3:
            out.append(rnd.choice(WORDS))
    return "  ".join(out) if rnd.random() < 0.1 else " ".join(out)


_similarity = wdiff.similarity


def _exact_similarity(old, new, floor=0.0):
    """similarity with no shortcut: the full diff for every pair."""
    return _similarity(getattr(old, "text", old), getattr(new, "text", new))


def test_bounded_similarity_decides_the_floor_like_the_full_diff():
    rnd = random.Random(11)
    for _ in range(1500):
        a = _paragraph(rnd)
        b = _variant(rnd, a, rnd.random()) if rnd.random() < 0.6 else _paragraph(rnd)
        exact = wdiff.similarity(a, b)
        quick = wdiff.similarity(wdiff.Tokens.of(a), wdiff.Tokens.of(b), floor=0.4)
        assert (quick >= 0.4) == (exact >= 0.4), (a, b)
        if exact >= 0.4:
            assert quick == exact
        else:
            assert quick >= exact  # below the floor: an upper bound


def test_alignment_is_the_one_the_full_diff_gives(monkeypatch):
    rnd = random.Random(5)
    cases = []
    for _ in range(150):
        old = [_paragraph(rnd) for _ in range(rnd.randint(1, 7))]
        new = []
        for t in old:
            r = rnd.random()
            if r < 0.2:
                continue  # deleted
            new.append(t if r < 0.35 else _variant(rnd, t, rnd.random() * 0.8))
            if rnd.random() < 0.3:
                new.append(_paragraph(rnd))  # inserted
        rnd.shuffle(new) if rnd.random() < 0.2 else None
        if rnd.random() < 0.2:
            old[rnd.randrange(len(old))] = None  # a table
        cases.append((old, new))
    fast = [align(old, new) for old, new in cases]
    monkeypatch.setattr(wdiff, "similarity", _exact_similarity)
    slow = [align(old, new) for old, new in cases]
    assert fast == slow


def test_pairing_decisions_on_a_replaced_section():
    old = ["UBND tỉnh đã ban hành Kế hoạch số 17/KH-UBND về cải cách hành chính năm 2022.",
           "Tổ chức 12 hội nghị tập huấn cho 1.200 lượt cán bộ.",
           "Duy trì chuyên trang CCHC trên Báo Hà Tĩnh."]
    new = ["UBND tỉnh đã ban hành Kế hoạch số 25/KH-UBND về cải cách hành chính năm 2022.",
           "Xây dựng kho dữ liệu dùng chung của tỉnh.",
           "Duy trì chuyên trang CCHC trên Báo Hà Tĩnh và Đài tỉnh."]
    # the changed ones pair with their originals; the unlike middle ones do not
    assert align(old, new) == [(0, 0), (1, None), (None, 1), (2, 2)]


def test_cached_diff_hands_out_copies():
    first = wdiff.diff("Kế hoạch số 17", "Kế hoạch số 25")
    first.append((wdiff.INSERT, "x"))
    assert wdiff.diff("Kế hoạch số 17", "Kế hoạch số 25") == first[:-1]


# ------------------------------------------------------------------------- reading and finding

@pytest.mark.parametrize("draft", sorted(p.name for p in (FIXTURES / "drafts").glob("*.docx")))
def test_displayed_text_is_paragraph_text(draft):
    body = docx.Document(str(FIXTURES / "drafts" / draft)).element.body
    paragraphs = list(body.iter(W["p"]))
    assert paragraphs
    for p in paragraphs:
        assert displayed_text(p) == ParagraphText(p).text


def test_every_word_of_the_phrase_must_be_there():
    f = Finder("Kế hoạch số 17/KH-UBND")
    assert f.words[0] == "hoạch" and set(f.words) == {"kế", "hoạch", "số", "17", "kh", "ubnd"}
    assert not f.may_contain("Kế hoạch số 18/KH-UBND")  # "17" missing: no view is built
    assert f.find("Theo Kế hoạch số 18/KH-UBND") == ([], 0)
    raw = unicodedata.normalize("NFD", "Theo KẾ HOẠCH số 17/KH\u2011UBND\u00a0ngày")
    assert f.may_contain_quick(quick_text(raw))
    loose = Finder("kế hoạch số 17/kh-ubnd", case_sensitive=False)
    spans, hidden = loose.find(raw)
    assert hidden == 0 and len(spans) == 1
    s, e = spans[0]
    assert normal_view(raw[s:e]).text == "KẾ HOẠCH số 17/KH-UBND"
