"""The review model behind `redline serve`: a plan a person corrects before anything is written.

Everything here is the public Python API; the page only calls it.
"""
from __future__ import annotations

import json
import zipfile

import pytest
from lxml import etree

import oracles
import redline
from conftest import FIXTURES
from redline.edits import parse_edits
from redline.plan import make_plan
from redline.sections.outline import build as build_outline
from redline.package import open_docx

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
LETTERS = FIXTURES / "letters"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _comments(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/comments.xml"))
    return ["".join(c.itertext()) for c in root.iter(W + "comment")]


def _revisions(path) -> int:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return sum(1 for _ in root.iter(W + "ins", W + "del"))


# ----------------------------------------------------------------------------- the hooks in apply

def test_as_comment_writes_the_proposal_as_a_comment_not_a_change(tmp_path):
    edits = {"author": "Sở Tư pháp", "edits": [
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "phổ biến", "as_comment": True}]}
    path = tmp_path / "e.json"
    path.write_text(json.dumps(edits, ensure_ascii=False), "utf-8")
    out = tmp_path / "out.docx"
    result = redline.apply(DRAFT, [path], out)
    assert _revisions(out) == 0
    comments = _comments(out)
    assert len(comments) == 1 and "Sở Tư pháp đề nghị" in comments[0] and "phổ biến" in comments[0]
    text = result.render("text")
    assert "replace_text → comment I.4" in text and "(conflict)" not in text
    assert oracles.pandoc_paragraphs(out, "accept") == oracles.pandoc_paragraphs(DRAFT, "accept")


def test_as_comment_still_reports_a_wrong_target(tmp_path):
    edits = {"author": "A", "edits": [{"op": "append", "target": "IX.9", "paragraphs": ["x"], "as_comment": True}]}
    with pytest.raises(redline.ResolveError):
        redline.apply(DRAFT, [edits], tmp_path / "out.docx")


def test_unresolved_instruction_keeps_its_edit_so_it_can_be_completed():
    doc = redline.extract(LETTERS / "vpubnd.txt", draft=DRAFT)
    by_n = {u["n"]: u for u in doc["unresolved"]}
    edit = by_n[4]["edit"]
    assert edit["op"] == "append" and edit["paragraphs"] and by_n[4]["candidates"] == ["II.2", "IV.2"]
    parse_edits(doc, allow_empty=True)  # still a valid edits file
    # completed by hand (target chosen), it applies
    fixed = {**doc, "edits": doc["edits"] + [{**edit, "target": "II.2"}], "unresolved": []}
    parse_edits(fixed)


def test_extract_against_an_outline_already_built_gives_the_same():
    tree = build_outline(open_docx(DRAFT))
    assert redline.extract(LETTERS / "vpubnd.txt", draft=tree) == redline.extract(LETTERS / "vpubnd.txt", draft=DRAFT)


def test_keep_going_sets_aside_what_apply_would_refuse():
    tree = build_outline(open_docx(DRAFT))
    ef = parse_edits({"author": "A", "edits": [
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "phổ biến"},
        {"op": "append", "target": "IX.9", "paragraphs": ["x"]},
        {"op": "replace_text", "target": "I.4", "find": "tuyên truyền", "replace": "vận động"},
    ]})
    with pytest.raises(redline.ResolveError):
        make_plan(tree, ef.edits)
    plan = make_plan(tree, ef.edits, keep_going=True)
    assert [pe.edit.index for pe in plan.edits] == [1]
    assert [(s["edit"].index, s.get("blocking")) for s in plan.skipped] == [(2, True), (3, True)]
    assert plan.skipped[1]["conflict_with"].index == 1 and "cannot both apply" in plan.skipped[1]["reason"]
