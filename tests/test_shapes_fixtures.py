"""The issue-12 fixture drafts (a law, a decision with its Quy chế, a plan, a report with tables;
typed and Word-numbered) are what fixtures/shapes_build.py makes, and show what
fixtures/shapes_content.py says, read with pandoc, a client we did not write."""
from __future__ import annotations

import json
import sys

import pytest

import oracles
from conftest import FIXTURES

sys.path.insert(0, str(FIXTURES))
import shapes_build as SB  # noqa: E402

DRAFTS = FIXTURES / "drafts"
EDITS = FIXTURES / "edits"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    root = tmp_path_factory.mktemp("shapes")
    SB.write_all(root)
    return root


@pytest.mark.parametrize("stem", SB.STEMS)
def test_shape_draft_is_up_to_date(stem, rebuilt):
    assert (DRAFTS / f"{stem}.docx").read_bytes() == (rebuilt / "drafts" / f"{stem}.docx").read_bytes(), \
        f"{stem}.docx is stale: run python fixtures/build.py"


@pytest.mark.parametrize("stem", SB.STEMS)
def test_shape_draft_shows_its_content(stem):
    kind, layout = stem.split("-")
    assert oracles.pandoc_paragraphs(DRAFTS / f"{stem}.docx", "accept") == SB.expected_paragraphs(kind, layout)


@pytest.mark.parametrize("kind", list(SB.EDITS))
def test_shape_edits_follow_the_schema_and_cover_every_op(kind):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES.parent / "src/redline/schema/edits.schema.json").read_text("utf-8"))
    doc = json.loads((EDITS / f"{kind}.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)
    table_ops = {e["op"] for e in doc["edits"] if "row" in e or "column" in e or "cells" in e
                 or "bảng" in e["target"] or "Biểu" in e["target"]}
    assert {"replace_text", "replace", "delete"} <= table_ops, kind
    assert table_ops & {"insert_after", "insert_before"}, kind


def test_every_op_appears_at_clause_and_table_level():
    ops_clause, ops_table = set(), set()
    for kind in SB.EDITS:
        for e in json.loads((EDITS / f"{kind}.json").read_text("utf-8"))["edits"]:
            tabular = "row" in e or "cells" in e or "bảng" in e["target"] or "Biểu" in e["target"]
            (ops_table if tabular else ops_clause).add(e["op"])
    every = {"replace", "append", "prepend", "insert_after", "insert_before", "delete", "replace_text", "comment"}
    assert ops_clause == every
    assert {"replace", "insert_after", "insert_before", "delete", "replace_text", "comment"} <= ops_table
