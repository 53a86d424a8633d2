"""The shortcuts that keep costs linear (issue 13) give the plain computations' answers:
the word index finds what the scan finds, the sorted spans find the clashes a walk over
every span finds, the summary's context cut from the ends is the cut of the split words,
and a paragraph changed k times through one kept map is the paragraph changed k times
with the map read again each time.  (Speed itself is measured in benchmarks/shapes.py.)"""
from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from redline.diff import EQUAL, INSERT
from redline.markup import Meta
from redline.match import Finder, ParagraphText, normal_view, word_index
from redline.ooxml import W
from redline.plan import _overlap, _Spans
from redline.revise import Reviser
from redline.summary import _context, _trim_context

WORDS = st.sampled_from(["CCHC", "cchc", "cải", "cách", "hành", "chính", "4.820", "820", "x", "a_b", "b", "—",
                         "“số”", "97,5%", "97", "Sở", "số"])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, max_size=40), seps=st.lists(st.sampled_from([" ", ", ", ". ", "\u00a0", "-", ""]),
                                                          min_size=40, max_size=40),
       needle=st.lists(WORDS, min_size=1, max_size=3), fold=st.booleans(),
       exclude=st.lists(st.lists(WORDS, min_size=2, max_size=3).map(" ".join), max_size=1))
def test_the_word_index_finds_what_the_scan_finds(words, seps, needle, fold, exclude):
    raw = "".join(w + s for w, s in zip(words, seps))
    finder = Finder(" ".join(needle), case_sensitive=not fold, exclude=exclude)
    view = normal_view(raw, fold_case=fold)
    indexed = finder.find_indexed(view, word_index(view))
    if indexed is not None:
        assert indexed == finder.find(raw, view=view, quick=False)


def _naive(spans, a, b):
    for s, e, other in spans:
        if _overlap(a, b, s, e):
            return other
    return None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=40))
def test_sorted_spans_find_the_clashes_a_walk_finds(pairs):
    sorted_spans, plain = _Spans(), []
    for n, (a, length) in enumerate(pairs):
        b = a + length
        expected = _naive(plain, a, b)
        assert (sorted_spans.clash(a, b) is None) == (expected is None), (plain, a, b)
        if expected is None:  # only spans that clash with nothing are kept, as Claims does
            sorted_spans.add(a, b, n)
            plain.append((a, b, n))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb", "", "c c", "d"]), max_size=40), st.data())
def test_the_context_cut_from_the_ends_is_the_cut_of_the_split_words(words, data):
    raw = " ".join(words)
    a = data.draw(st.integers(0, len(raw)))
    b = data.draw(st.integers(a, len(raw)))
    for first, last in ((True, False), (False, True), (False, False)):
        chunks = [(INSERT, "x"), (EQUAL, raw[a:b]), (INSERT, "y")]
        at = 1
        if first:
            chunks, at = chunks[1:], 0
        if last:
            chunks = chunks[:2]
        assert _context(raw, a, b, first=first, last=last) == _trim_context(chunks)[at][1]


def _paragraph(pieces: list[tuple[str, bool]]) -> etree._Element:
    p = etree.Element(W["p"])
    for text, bold in pieces:
        r = etree.SubElement(p, W["r"])
        if bold:
            etree.SubElement(etree.SubElement(r, W["rPr"]), W["b"])
        t = etree.SubElement(r, W["t"])
        t.text = text
    return p


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.tuples(st.text("ab ", min_size=1, max_size=6), st.booleans()), min_size=1, max_size=6),
       data=st.data())
def test_many_changes_through_one_map_equal_changes_through_fresh_maps(pieces, data):
    from redline.markup import split_at_all

    p1 = _paragraph(pieces)
    length = len(ParagraphText(p1).text)
    cuts = sorted(data.draw(st.lists(st.integers(0, length), max_size=8)))
    changes, pos = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):  # non-overlapping changes
        if a >= pos:
            changes.append((a, b, data.draw(st.sampled_from(["", "X", "Y Z"]))))
            pos = b + 1
    meta = Meta("A", "2022-07-15T08:00:00Z")
    p2 = copy.deepcopy(p1)
    body1, body2 = etree.Element(W["body"]), etree.Element(W["body"])
    body1.append(p1)
    body2.append(p2)
    plain, kept = Reviser(body1), Reviser(body2)
    for a, b, new in reversed(changes):  # the plain way: the map read again for every change
        plain.change_text(p1, a, b, new, meta)
    text = split_at_all(p2, [x for a, b, new in changes if b > a or new for x in (a, b)], kept.fresh_id)
    for a, b, new in reversed(changes):
        kept.change_text(p2, a, b, new, meta, text=text)
    import re

    def shape(p):  # the markup, revision ids aside (they are handed out in another order)
        return re.sub(rb' w:id="[0-9]+"', b"", etree.tostring(p))

    assert shape(p1) == shape(p2)
