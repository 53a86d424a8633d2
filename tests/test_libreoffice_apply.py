"""redline's outputs as LibreOffice sees them (headless, through UNO): every change a
redline with its department's name, Accept All = the intended text, Reject All = the
draft, comments present, and the document lays out to PDF.  Slow: one batch per module."""
from __future__ import annotations

import json
from collections import Counter

import pytest

import oracles
import redline
from conftest import FIXTURES

pytestmark = pytest.mark.libreoffice

DRAFTS = FIXTURES / "drafts"
EDITS = FIXTURES / "edits"
CASES = [("typed", "seed-letter"), ("messy", "seed-letter"), ("autonum", "seed-letter"), ("phan", "seed-letter"),
         ("typed", "all-ops"), ("messy", "fine-grained"), ("typed", "fine-grained")]


def expected(name, layout):
    special = EDITS / f"{name}.{layout}.expected.txt"
    return oracles.text_lines((special if special.exists() else EDITS / f"{name}.expected.txt").read_text("utf-8"))


@pytest.fixture(scope="module")
def lo(tmp_path_factory):
    oracles.need_libreoffice()
    tmp = tmp_path_factory.mktemp("lo")
    outs = {}
    for layout, name in CASES:
        out = tmp / f"{layout}-{name}.docx"
        redline.apply(DRAFTS / f"cchc-{layout}.docx", EDITS / f"{name}.json", out)
        outs[(layout, name)] = out
    drafts = {layout: DRAFTS / f"cchc-{layout}.docx" for layout, _ in CASES}
    results = oracles.libreoffice_batch(list(outs.values()) + list(drafts.values()))
    by_path = {r.path: r for r in results}
    return {k: by_path[p] for k, p in outs.items()}, {k: by_path[p] for k, p in drafts.items()}


@pytest.mark.parametrize("layout,name", CASES)
def test_libreoffice_accept_and_reject(lo, layout, name):
    outs, drafts = lo
    res = outs[(layout, name)]
    assert res.error is None
    # LibreOffice shows Word's automatic numbers in the text; the expected files (pandoc's
    # view) leave them out, so compare the autonum layout against the draft's own LO view.
    assert res.rejected == drafts[layout].rejected
    if layout != "autonum":
        assert res.accepted == expected(name, layout)


@pytest.mark.parametrize("layout,name", CASES)
def test_libreoffice_sees_attributed_revisions(lo, layout, name):
    outs, drafts = lo
    res = outs[(layout, name)]
    data = json.loads((EDITS / f"{name}.json").read_text("utf-8"))
    authors = {data["author"]} | {e["author"] for e in data["edits"] if "author" in e}
    dates = {d[:16] for d in [data["date"]] + [e["date"] for e in data["edits"] if "date" in e]}
    key = lambda r: (r["author"], r["type"], r["date"][:16])  # noqa: E731
    new = Counter(map(key, res.redlines)) - Counter(map(key, drafts[layout].redlines))
    assert new and sum(new.values()) == len(res.redlines) - len(drafts[layout].redlines)  # earlier ones kept
    for author, kind, date in new:
        assert author in authors and date in dates and kind in {"Insert", "Delete", "ParagraphFormat", "Format"}
    wanted = [e["comment"] if e["op"] != "comment" else e["text"] for e in data["edits"]
              if e.get("comment") or e["op"] == "comment"]
    assert sorted(c["text"] for c in res.comments if c["author"] in authors) == sorted(wanted)


def test_seed_letter_output_lays_out_to_pdf(tmp_path):
    oracles.need_libreoffice()
    out = tmp_path / "seed.docx"
    redline.apply(DRAFTS / "cchc-typed.docx", EDITS / "seed-letter.json", out)
    pdf = oracles.export_pdf(out, tmp_path / "seed.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
