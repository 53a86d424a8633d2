"""The one paragraph alignment core (src/redline/align.py): patience anchors, then similar pairs."""
from __future__ import annotations

import difflib
import random

from redline.align import align, equal_runs

WORDS = ("cải cách hành chính thủ tục hồ sơ giải quyết trực tuyến dịch vụ cơ quan đơn vị địa phương "
         "tổ chức bộ máy biên chế viên chức cán bộ đào tạo bồi dưỡng năng lực chuyên môn nghiệp vụ").split()


def _para(rnd: random.Random, k: int) -> str:
    return f"{k}. " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 20))) + f" ({rnd.randint(1, 999)})."


def _edit(rnd: random.Random, text: str) -> str:
    words = text.split()
    i = rnd.randrange(1, len(words))
    words[i] = rnd.choice(WORDS) + "x"
    return " ".join(words)


def test_identical_lists_pair_one_to_one():
    texts = [f"đoạn {i}" for i in range(50)] + ["", "", "- "] * 5
    assert align(texts, list(texts)) == [(i, i) for i in range(len(texts))]


def test_equal_runs_cover_both_sides_in_order():
    rnd = random.Random(3)
    for _ in range(200):
        a = [rnd.choice("abcdefg") for _ in range(rnd.randint(0, 30))]
        b = [rnd.choice("abcdefg") for _ in range(rnd.randint(0, 30))]
        ops = equal_runs(a, b)
        i = j = 0
        for tag, i1, i2, j1, j2 in ops:
            assert (i1, j1) == (i, j)
            if tag == "equal":
                assert a[i1:i2] == b[j1:j2]
            i, j = i2, j2
        assert (i, j) == (len(a), len(b))


def test_patience_keeps_as_many_equal_lines_as_difflib_on_unique_texts():
    rnd = random.Random(11)
    old = [_para(rnd, k) for k in range(300)]
    new = list(old)
    for _ in range(20):
        del new[rnd.randrange(len(new))]
    for _ in range(20):
        new.insert(rnd.randrange(len(new)), _para(rnd, 1000 + rnd.randrange(1000)))
    ours = sum(i2 - i1 for tag, i1, i2, _, _ in equal_runs(old, new) if tag == "equal")
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    theirs = sum(n for _, _, n in sm.get_matching_blocks())
    assert ours == theirs == 280


def test_large_document_with_two_percent_edited_pairs_every_edit_with_its_original():
    rnd = random.Random(7)
    old = [_para(rnd, k) for k in range(5000)]
    new = list(old)
    edited = set(rnd.sample(range(5000), 100))
    for k in edited:
        new[k] = _edit(rnd, old[k])
    pairs = align(old, new)
    assert pairs == [(k, k) for k in range(5000)]


def test_a_rewritten_chapter_beyond_the_dense_limit_still_pairs_edits():
    rnd = random.Random(9)
    old = [_para(rnd, k) for k in range(80)]
    new = [_edit(rnd, t) for t in old]  # every paragraph edited: one gap of 80 x 80
    new.insert(40, "Một đoạn hoàn toàn mới về chuyển đổi số.")
    pairs = align(old, new)
    paired = [(a, b) for a, b in pairs if a is not None and b is not None]
    assert paired == [(k, k if k < 40 else k + 1) for k in range(80)]
    assert (None, 40) in pairs


def test_kinds_never_pair_a_paragraph_with_a_table():
    old, new = ["a b c d"], ["a b c d"]
    assert align(old, new, old_kinds=["p"], new_kinds=["t"]) == [(0, None), (None, 0)]
    assert align(["a b c d e"], ["a b c d x"], old_kinds=["t"], new_kinds=["t"]) == [(0, 0)]


def test_none_pairs_with_nothing():
    assert align([None, "x y z"], [None, "x y z"]) == [(0, None), (None, 0), (1, 1)]
