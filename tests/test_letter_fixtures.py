"""The fixture letters' expected files and the real letters' hand judgments are sound data.

These check the data, not the extractor: every expected file is a valid edits document whose targets
exist in the draft the letter is on (fixtures/letters/drafts.json), every quoted sentence is the
letter's own text, applying each draft's expected files together gives only the one documented
cross-letter conflict, and fixtures/letters/real/judgments.json keeps its documented format.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path

import docx
import pytest

import redline
from conftest import FIXTURES
from redline.edits import parse_edits

LETTERS = FIXTURES / "letters"
DRAFTS = FIXTURES / "drafts"
MANIFEST = json.loads((LETTERS / "drafts.json").read_text("utf-8"))
EXPECTED = sorted(LETTERS.glob("*.expected.json"))
REAL = LETTERS / "real" / "judgments.json"


def _stem(p: Path) -> str:
    return p.name[: -len(".expected.json")]


def _draft_of(stem: str) -> Path:
    return DRAFTS / MANIFEST["letters"].get(stem, MANIFEST["default"])


def _letter(stem: str) -> Path:
    return next(p for p in LETTERS.glob(stem + ".*") if p.suffix in (".txt", ".docx"))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\u00a0", " ")).strip()


def _letter_text(path: Path) -> str:
    if path.suffix == ".docx":
        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        parts += [c.text for t in d.tables for row in t.rows for c in row.cells]
        return _flat("\n".join(parts))
    return _flat(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def outlines():
    return {name: redline.outline(DRAFTS / name) for name in {MANIFEST["default"], *MANIFEST["letters"].values()}}


def test_manifest_names_real_letters_and_drafts():
    stems = {_stem(p) for p in EXPECTED}
    assert set(MANIFEST["letters"]) <= stems
    for stem in stems:
        assert _draft_of(stem).is_file(), stem
        _letter(stem)  # raises StopIteration when the letter itself is missing


@pytest.mark.parametrize("path", EXPECTED, ids=_stem)
def test_expected_file_is_a_valid_edits_document(path, outlines):
    doc = json.loads(path.read_text("utf-8"))
    parse_edits(doc, allow_empty=True, author=None if doc.get("author") else "Người góp ý")
    outline = outlines[_draft_of(_stem(path)).name]
    for e in doc["edits"]:
        assert redline.resolve(outline, e["target"]).address == e["target"], (e["n"], e["target"])
    for u in doc["unresolved"]:
        for c in u.get("candidates", []):
            assert redline.resolve(outline, c).address == c, (u["n"], c)


@pytest.mark.parametrize("path", EXPECTED, ids=_stem)
def test_quotes_are_the_letters_own_words(path):
    doc = json.loads(path.read_text("utf-8"))
    text = _letter_text(_letter(_stem(path)))
    quoted = [e["quote"] for e in doc["edits"]] + [u["quote"] for u in doc["unresolved"]] + doc["ignored"]
    # casefolded: a clause cut out of a compound sentence starts with a capital in its quote
    missing = [q for q in quoted if _flat(q).casefold() not in text.casefold()]
    assert missing == []


# fixtures/letters/README.md: the deliberate conflict (cat/stnmt) and the two met when the held-back
# letters, written apart, joined the others
CROSS_LETTER_CONFLICTS = {
    "cchc-typed.docx": [("cat", "stnmt")],
    "legal-vn.docx": [("congdan", "hoiluatgia")],
    "luat-typed.docx": [("bandoc", "hoitinhoc")],
}


@pytest.mark.parametrize("draft", sorted({MANIFEST["default"], *MANIFEST["letters"].values()}))
def test_expected_files_of_one_draft_apply_together(draft, tmp_path):
    """Only the documented cross-letter conflicts (fixtures/letters/README.md) exist."""
    paths = []
    for path in EXPECTED:
        if _draft_of(_stem(path)).name != draft:
            continue
        doc = json.loads(path.read_text("utf-8"))
        doc["unresolved"], doc["ignored"] = [], []
        doc["author"] = doc.get("author") or f"Người góp ý ({_stem(path)})"
        out = tmp_path / (_stem(path) + ".json")
        out.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        paths.append(out)
    result = redline.apply(DRAFTS / draft, paths, tmp_path / "out.docx")
    conflicts = sorted(tuple(sorted(re.findall(r"([\w-]+)\.json", str(c)))) for c in result.plan.conflicts)
    assert conflicts == sorted(CROSS_LETTER_CONFLICTS.get(draft, []))


# ----------------------------------------------------------------------------- real letters, judged by hand

SHA1 = re.compile(r"[0-9a-f]{40}")
KINDS = {"edit", "comment", "unresolved", "ignored"}


def test_judgments_keep_their_format():
    data = json.loads(REAL.read_text("utf-8"))
    assert data["format"] == "redline-real-judgments/1"
    sources = {s["address"]: s for s in data["sources"]}
    ids = [s["id"] for s in data["sources"]]
    assert len(ids) == len(set(ids)) and len(sources) == len(ids)
    last: dict[str, int] = {}
    for j in data["judgments"]:
        src = sources[j["source"]]
        assert j["id"] == src["id"]
        assert j["n"] == last.get(j["source"], 0) + 1  # numbered in letter order
        last[j["source"]] = j["n"]
        exp = j["expected"]
        assert exp["kind"] in KINDS
        if exp["kind"] in ("edit", "comment"):
            assert exp["target"]
        if exp["kind"] == "edit":
            assert exp["op"] in ("replace_text", "delete", "replace", "insert_after", "insert_before",
                                 "append", "prepend")
        for key, value in exp.items():
            if key.endswith("_sha1"):
                assert SHA1.fullmatch(value), (j["id"], j["n"], key)
        start, end = j["span"]
        assert 0 <= start < end
    judged = {j["source"] for j in data["judgments"] if j["expected"]["kind"] != "ignored"}
    assert len(judged) >= 12


def test_real_letter_texts_match_their_judgments():
    folder = os.environ.get("REDLINE_REAL_LETTERS")
    if not folder or not Path(folder).is_dir():
        pytest.skip("REDLINE_REAL_LETTERS not set: the real letters' texts live outside the project")
    data = json.loads(REAL.read_text("utf-8"))
    bodies = {}
    for s in data["sources"]:
        lines = unicodedata.normalize("NFC", (Path(folder) / f"{s['id']}.txt").read_text("utf-8")).split("\n", 1)
        assert lines[0].strip() == s["address"]
        bodies[s["address"]] = lines[1]
        assert hashlib.sha1(lines[1].encode("utf-8")).hexdigest() == s["body_sha1"], s["id"]
    for j in data["judgments"]:
        start, end = j["span"]
        assert end <= len(bodies[j["source"]]), (j["id"], j["n"])
