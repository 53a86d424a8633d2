"""Bad edits never give a traceback or a half-written file: each error names the edit
(number, n), the field and the reason, and exits 2."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import FIXTURES
from redline_cli.main import main

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"


def run_apply(tmp_path, edits, *extra):
    edits_path = tmp_path / "edits.json"
    edits_path.write_text(edits if isinstance(edits, str) else json.dumps(edits, ensure_ascii=False), "utf-8")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(main, ["apply", str(DRAFT), str(edits_path), "-o", str(out), *extra])
    return result, out


def doc(*edits, **top):
    return {"author": "Sở Tư pháp", "date": "2022-07-15T08:00:00Z", **top, "edits": list(edits)}


CASES = [
    ("unknown op", doc({"op": "rewrite", "target": "I.4", "paragraphs": ["x"]}),
     ["edit 1", "unknown op 'rewrite'", "replace"]),
    ("missing field", doc({"op": "replace_text", "target": "I.4", "find": "CCHC", "n": 7}),
     ["edit 1 (n=7)", "'replace' is required"]),
    ("wrong type", doc({"op": "append", "target": "I.4", "paragraphs": "một đoạn"}),
     ["edit 1", "field 'paragraphs'", "expected array, got str"]),
    ("typo in a field name", doc({"op": "append", "target": "I.4", "paragraph": ["x"]}),
     ["edit 1", "unknown field 'paragraph'", "did you mean 'paragraphs'"]),
    ("target not found", doc({"op": "append", "target": "Mục IV.9", "paragraphs": ["x"]}),
     ["edit 1", "field 'target'", "IV.9"]),
    ("ambiguous target", doc({"op": "append", "target": "Cải cách thủ tục hành chính", "paragraphs": ["x"]}),
     ["edit 1", "field 'target'", "II.2", "IV.2"]),
    ("find not found", doc({"op": "replace_text", "target": "I.4", "find": "không có cụm này", "replace": "y"}),
     ["edit 1", "field 'find'", "not found", "I.4"]),
    ("conflict", doc({"op": "replace", "target": "I.4", "paragraphs": ["Mới."], "n": 1},
                     {"op": "replace_text", "target": "I.4", "find": "CCHC", "replace": "cải cách hành chính", "n": 2}),
     ["edit 2 (n=2)", "edit 1 (n=1)", "cannot both apply"]),
    ("invalid JSON", '{"author": "A", "edits": [}', ["invalid JSON at line 1, column"]),
    ("empty edits", doc(), ["edits list is empty"]),
    ("bad date", doc({"op": "append", "target": "I.4", "paragraphs": ["x"]}, date="15th July 2022"),
     ["date '15th July 2022'"]),
    ("no author", {"edits": [{"op": "append", "target": "I.4", "paragraphs": ["x"]}]}, ["no author"]),
]


@pytest.mark.parametrize("name,edits,expected", CASES, ids=[c[0] for c in CASES])
def test_bad_edits_fail_cleanly(tmp_path, name, edits, expected):
    result, out = run_apply(tmp_path, edits)
    assert result.exit_code == 2, result.output
    message = result.output
    assert "Traceback" not in message
    for piece in expected:
        assert piece in message, f"{piece!r} missing from: {message}"
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["edits.json"]  # no temp file left behind


def test_an_edits_file_read_out_of_a_letter_keeps_the_letters_leniency(tmp_path):
    """An edits file with a "letter" block (written by `extract -o` or the review page) applies as the
    letter would: of two of its own instructions that collide the later becomes a comment, listed as
    a conflict, and one that cannot apply is listed; the same edits without the block stay strict."""
    colliding = ({"op": "replace", "target": "I.4", "paragraphs": ["Mới."], "n": 1},
                 {"op": "replace_text", "target": "I.4", "find": "CCHC", "replace": "cải cách hành chính", "n": 2},
                 {"op": "replace_text", "target": "I.4", "find": "không có cụm này", "replace": "y", "n": 3})
    letter = {"number": "901/STP-VP", "symbol": "STP-VP", "date": "2022-07-12", "place": "Hà Tĩnh",
              "subject": None, "recipient": "Sở Nội vụ", "sender": "Sở Tư pháp", "signer": None}
    result, out = run_apply(tmp_path, doc(*colliding, letter=letter), "--format", "json",
                            "--summary", str(tmp_path / "s.json"))
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert out.exists() and summary["applied"] == 1 and summary["conflicts"] == 1
    rewrite, collision = summary["edits"]
    assert rewrite["op"] == "replace" and not rewrite["conflict"]
    assert collision["conflict"] and collision["demoted_from"] == "replace_text" and collision["plus"] == 0
    assert "cải cách hành chính" in collision["comments"][0]  # its proposed wording, as a comment
    assert [u["n"] for u in summary["unresolved_list"]] == [3]
    (tmp_path / "by-hand").mkdir()
    result, out = run_apply(tmp_path / "by-hand", doc(*colliding))
    assert result.exit_code == 2 and "cannot both apply" in result.output and not out.exists()


def test_not_found_names_the_nearest_sections(tmp_path):
    result, _ = run_apply(tmp_path, doc({"op": "append", "target": "Mục 6.9 của Phần II", "paragraphs": ["x"]}))
    assert result.exit_code == 2
    assert "II.6" in result.output


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path):
    edits = json.loads((FIXTURES / "edits" / "seed-letter.json").read_text("utf-8"))
    result, out = run_apply(tmp_path, edits, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output and "Replace · I.4" in result.output
    assert not out.exists()


def test_existing_output_is_refused_without_force(tmp_path):
    edits = json.loads((FIXTURES / "edits" / "seed-letter.json").read_text("utf-8"))
    (tmp_path / "out.docx").write_bytes(b"keep me")
    result, out = run_apply(tmp_path, edits)
    assert result.exit_code == 2 and out.read_bytes() == b"keep me"
    result, out = run_apply(tmp_path, edits, "--force")
    assert result.exit_code == 0 and out.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("fmt,marker", [("text", "[-"), ("markdown", "~~"), ("json", '"words_added"'),
                                         ("html", "<ins>")])
def test_summary_formats(tmp_path, fmt, marker):
    edits = doc({"op": "replace_text", "target": "I.4", "find": "đa dạng", "replace": "phong phú", "n": 3})
    result, _ = run_apply(tmp_path, edits, "--format", fmt, "--summary", str(tmp_path / f"s.{fmt}"))
    assert result.exit_code == 0, result.output
    text = (tmp_path / f"s.{fmt}").read_text("utf-8")
    assert marker in text and "I.4" in text
    if fmt == "json":
        data = json.loads(text)
        assert data["applied"] == 1 and data["edits"][0]["n"] == 3


def test_a_closed_pipe_is_not_an_internal_error():
    # `redline outline DRAFT | head -1`: the reader goes away; redline stops quietly.
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "redline_cli.main", "outline", str(DRAFT)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # before redline writes anything: its first write meets a closed pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert "internal error" not in err and "Traceback" not in err
