"""compare's outputs as LibreOffice sees them (headless, through UNO), on a sample of the compare
pairs: Accept All reads as NEW and Reject All as OLD (as LibreOffice reads those files), and every
revision is attributed to the comparison's author.  Slow: one batch for the module."""
from __future__ import annotations

import pytest

import oracles
from compare_pairs import compare, note_ref, notes_part, table, write_pair
from oracles import para, run
from test_compare import BODY, LONG, ROWS, TEXT_PAIRS, body

pytestmark = pytest.mark.libreoffice

SAMPLE = ["number-in-middle", "paragraph-inserted-at-end", "paragraph-deleted-at-end", "section-deleted",
          "paragraph-split", "paragraphs-joined", "everything-changed"]


def _pairs(tmp):
    out = {}
    for name in SAMPLE:
        old_t, new_t = TEXT_PAIRS[name]
        out[name] = write_pair(tmp, name, body(old_t), body(new_t))
    out["table-rows"] = write_pair(tmp, "table-rows", para("Bảng") + table(ROWS) + para("Hết."),
                                   para("Bảng") + table(ROWS[:2] + [["2", "Sở Tư pháp", "95"], ["4", "Sở Xây dựng", "7"]])
                                   + para("Hết."))
    out["move"] = write_pair(tmp, "move", body(LONG), body([LONG[2], LONG[0], LONG[1], LONG[3]]))
    out["footnote"] = write_pair(
        tmp, "footnote", para(run("Số liệu"), note_ref("footnote", 1), run(" năm 2022.")),
        para(run("Số liệu"), note_ref("footnote", 1), run(" năm 2023.")),
        {"word/footnotes.xml": notes_part("footnote", {1: "Theo Cục Thống kê."})},
        {"word/footnotes.xml": notes_part("footnote", {1: "Theo Cục Thống kê tỉnh."})})
    return out


@pytest.fixture(scope="module")
def lo(tmp_path_factory):
    oracles.need_libreoffice()
    tmp = tmp_path_factory.mktemp("lo-compare")
    cases = {}
    for name, (old, new) in _pairs(tmp).items():
        out, _ = compare(tmp, name, old, new)
        cases[name] = (old, new, out)
    files = [p for trio in cases.values() for p in trio]
    results = {r.path: r for r in oracles.libreoffice_batch(files)}
    return {name: tuple(results[p] for p in trio) for name, trio in cases.items()}


@pytest.mark.parametrize("name", SAMPLE + ["table-rows", "move", "footnote"])
def test_libreoffice_accept_and_reject(lo, name):
    old, new, out = lo[name]
    assert out.error is None
    assert out.accepted == new.paragraphs
    assert out.rejected == old.paragraphs
    assert out.redlines and {r["author"] for r in out.redlines} == {"redline compare"}


def test_body_is_the_shared_fixture():
    assert BODY and LONG  # the sample reuses test_compare's pairs, so both suites judge the same files
