"""The held-back letters (fixtures/letters/held-back/, issue 17): sound data, no harmful change,
and no step back from the scores they reached once they were released for development.

The scores come from scripts/evaluate_extract.py, the same measure its README reports; a floor
is the released figure rounded down, so a change that reads one more instruction wrong fails."""
from __future__ import annotations

import importlib.util
import json

import pytest

import redline
from conftest import FIXTURES, ROOT
from redline.edits import parse_edits

HELD = FIXTURES / "letters" / "held-back"
SETS = sorted(p for p in HELD.iterdir() if p.is_dir())
FLOORS = {"set2": (0.94, 0.93), "set3": (0.95, 0.94), "set4": (0.93, 0.95), "set5": (0.96, 0.96),
          "set6": (0.93, 0.93), "set7": (0.92, 0.98), "set8": (0.89, 0.93), "set9": (0.83, 0.89),
          "set10": (0.87, 0.89), "set11": (0.95, 0.95), "set12": (0.91, 0.95), "set13": (0.91, 0.89),
          "set14": (0.89, 0.91), "set15": (0.93, 0.93), "set16": (0.89, 0.91),
          "set17": (0.84, 0.84), "set18": (0.88, 0.88), "set19": (0.87, 0.91),
          "set20": (0.95, 0.93), "set21": (0.88, 0.93), "set22": (0.87, 0.89),
          "set23": (0.86, 0.90), "set24": (0.88, 0.88), "set25": (0.89, 0.91),
          "set26": (0.90, 0.88), "set27": (0.88, 0.90), "set28": (0.83, 0.83),
          "set29": (0.91, 0.90), "set30": (0.84, 0.86), "set31": (0.93, 0.93)}  # (precision, recall) over edits, comments, unresolved


def _evaluator():
    spec = importlib.util.spec_from_file_location("evaluate_extract", ROOT / "scripts" / "evaluate_extract.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_set_is_listed_with_a_floor():
    assert [p.name for p in SETS] == sorted(FLOORS)


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_expected_files_are_valid_and_placed_in_their_drafts(folder):
    drafts = json.loads((folder / "drafts.json").read_text("utf-8"))["letters"]
    for stem, draft in drafts.items():
        doc = json.loads((folder / f"{stem}.expected.json").read_text("utf-8"))
        parse_edits(doc, allow_empty=True, author=None if doc.get("author") else "Người góp ý")
        tree = redline.outline(FIXTURES / "drafts" / draft)
        for e in doc["edits"]:
            assert redline.resolve(tree, e["target"]).address == e["target"], (stem, e["n"])
        assert any(folder.glob(stem + ".txt")) or any(folder.glob(stem + ".docx")), stem


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_no_harmful_change_and_no_step_back(folder):
    ev = _evaluator()
    score = ev.score_fixtures(folder, folder.name, verbose=False)
    assert score.harmful == []
    tp = sum(v for k, v in score.tp.items() if k != "ignored")
    fp = sum(v for k, v in score.fp.items() if k != "ignored")
    fn = sum(v for k, v in score.fn.items() if k != "ignored")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    floor_p, floor_r = FLOORS[folder.name]
    assert precision >= floor_p and recall >= floor_r, (round(precision, 3), round(recall, 3))


def test_two_comments_that_cover_the_same_paragraphs_in_word_are_one():
    # "chỉ tiêu số 1 tại Mục II" read as the first numbered line of Mục II ("II.1"), and "II" anchored at
    # that line's paragraph: the same comment for the clerk; the whole Mục, or its second line, is not
    effects = _evaluator().Effects(FIXTURES / "drafts" / "kehoach-typed.docx")
    first = effects.span({"op": "comment", "target": "II.1", "text": "x"})
    assert first is not None
    assert effects.span({"op": "comment", "target": "II", "anchor": {"paragraph": 2}, "text": "x"}) == first
    assert effects.span({"op": "comment", "target": "II.2", "text": "x"}) != first
    assert effects.span({"op": "comment", "target": "II", "text": "x"}) != first
