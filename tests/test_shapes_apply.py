"""Issue 12: every op at clause level and at table level on the law, the decision with its Quy
chế, the plan and the report (typed and Word-numbered), proved with pandoc (Accept All = the
text fixtures/shapes_build.py computes without redline, Reject All = the draft), openxml-audit
and the XSD; the outline's address spaces, signature blocks, title block, items and tables."""
from __future__ import annotations

import json
import sys

import pytest

import oracles
import redline
from conftest import FIXTURES

sys.path.insert(0, str(FIXTURES))
import shapes_build as SB  # noqa: E402

DRAFTS = FIXTURES / "drafts"
EDITS = FIXTURES / "edits"
CASES = [(kind, layout) for kind in SB.EDITS for layout in SB.LAYOUTS]


def expected(kind, layout):
    suffix = "" if layout == "typed" else ".autonum"
    return oracles.text_lines((EDITS / f"{kind}{suffix}.expected.txt").read_text("utf-8"))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    cache = {}

    def make(kind, layout):
        if (kind, layout) not in cache:
            out = tmp_path_factory.mktemp("shapes") / f"{kind}-{layout}.docx"
            result = redline.apply(DRAFTS / f"{kind}-{layout}.docx", EDITS / f"{kind}.json", out)
            cache[(kind, layout)] = (out, result)
        return cache[(kind, layout)]

    return make


@pytest.mark.parametrize("kind,layout", CASES)
def test_accept_all_gives_the_intended_text(outputs, kind, layout):
    out, _ = outputs(kind, layout)
    assert oracles.pandoc_paragraphs(out, "accept") == expected(kind, layout)


@pytest.mark.parametrize("kind,layout", CASES)
def test_reject_all_gives_back_the_draft(outputs, kind, layout):
    out, _ = outputs(kind, layout)
    draft = DRAFTS / f"{kind}-{layout}.docx"
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")


@pytest.mark.parametrize("kind,layout", CASES)
def test_output_is_valid(outputs, kind, layout):
    out, _ = outputs(kind, layout)
    assert oracles.new_audit_errors(out, DRAFTS / f"{kind}-{layout}.docx") == []
    assert redline.check(out, original=DRAFTS / f"{kind}-{layout}.docx") == []
