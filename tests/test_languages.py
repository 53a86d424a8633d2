"""Messages and summaries in the reader's language: Vietnamese or English, by default the
draft's, with the same content in both."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

import redline
from conftest import FIXTURES
from redline.errors import ResolveError, UsageError
from redline_cli.main import main

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
EDITS = FIXTURES / "edits" / "seed-letter.json"
LETTERS = FIXTURES / "letters"


@pytest.fixture
def no_pinned_language(monkeypatch):
    monkeypatch.delenv("REDLINE_LANG", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)


def test_a_vietnamese_draft_gets_a_vietnamese_summary_by_default(no_pinned_language):
    result = redline.apply(DRAFT, EDITS, dry_run=True)
    assert result.lang == "vi"
    text = result.render("text")
    assert text.startswith("Tóm tắt sửa đổi") and "Thay thế · I.4" in text and "đã áp dụng" not in text
    assert "dự kiến áp dụng 3/3 đề nghị" in text


def test_an_english_draft_gets_an_english_summary_by_default(no_pinned_language):
    result = redline.apply(FIXTURES / "drafts" / "english-report.docx", FIXTURES / "edits" / "english-report.json",
                           dry_run=True)
    assert result.lang == "en" and result.render("text").startswith("redline summary")


def test_errors_speak_the_drafts_language(no_pinned_language, tmp_path):
    edits = {"author": "Sở Tư pháp", "edits": [{"op": "append", "target": "Mục IX", "paragraphs": ["x"]}]}
    with pytest.raises(ResolveError) as err:
        redline.apply(DRAFT, edits, tmp_path / "o.docx")
    assert "không có mục nào khớp với 'Mục IX'" in str(err.value) and "sửa đổi 1, trường 'target'" in str(err.value)
    assert "no section matches 'Mục IX'" in err.value.render("en")
    assert (err.value.edit, err.value.field) == (1, "target")  # the structure stays


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_both_languages_carry_the_same_content(fmt):
    letters = [LETTERS / n for n in ("stp.txt", "cat.txt", "stnmt.txt", "syt.txt")]
    en = redline.apply(DRAFT, letters, dry_run=True, lang="en").render(fmt)
    vi = redline.apply(DRAFT, letters, dry_run=True, lang="vi").render(fmt)
    assert en != vi
    if fmt == "json":
        a, b = json.loads(en), json.loads(vi)
        assert a.keys() == b.keys() and len(a["not_applied"]) == len(b["not_applied"]) > 0
        assert [e["redline"] for e in a["edits"]] == [e["redline"] for e in b["edits"]]
        return
    assert len(en.splitlines()) == len(vi.splitlines())
    if fmt == "html":  # the words a reader sees, not the class names
        en, vi = (re.sub(r"<style>.*?</style>|<[^>]+>", " ", t, flags=re.S) for t in (en, vi))
    for english in ("redline summary", "instructions", "NOT APPLIED", " words", "item ", "source"):
        assert english not in vi.replace("redline summary:", ""), english
    assert "CHƯA ÁP DỤNG" in vi and "NOT APPLIED" in en


def test_the_command_line_takes_lang(tmp_path):
    out = tmp_path / "o.docx"
    r = CliRunner().invoke(main, ["apply", str(DRAFT), str(EDITS), "-o", str(out), "--lang", "vi"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Tóm tắt sửa đổi") and "đã ghi" in r.output
    r = CliRunner().invoke(main, ["apply", str(DRAFT), str(EDITS), "-o", str(tmp_path / "o.txt"), "--lang", "vi"])
    assert r.exit_code == 2 and "redline: lỗi:" in r.output and "hãy đặt tên là o.docx" in r.output


def test_an_unknown_language_names_the_option():
    with pytest.raises(UsageError, match="unknown language 'fr'") as err:
        redline.apply(DRAFT, EDITS, dry_run=True, lang="fr")
    assert "lang=" in str(err.value)


def test_check_findings_speak_the_chosen_language(tmp_path):
    import zipfile

    out = tmp_path / "o.docx"
    redline.apply(DRAFT, EDITS, out)
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b' w:author="', b' w:x="', 1)
            dst.writestr(item, data)
    en = CliRunner().invoke(main, ["check", str(bad), "--lang", "en"])
    vi = CliRunner().invoke(main, ["check", str(bad), "--lang", "vi"])
    assert en.exit_code == vi.exit_code == 1
    assert "no-author" in en.output and "has no w:author" in en.output and "1 finding" in en.output
    assert "no-author" in vi.output and "không có w:author" in vi.output and "1 lỗi cấu trúc" in vi.output


def test_resolve_speaks_the_drafts_language(no_pinned_language):
    with pytest.raises(ResolveError, match="không có mục nào khớp với 'Mục IX'"):
        redline.resolve(DRAFT, "Mục IX")
    with pytest.raises(ResolveError, match="no section matches 'Mục IX'"):
        redline.resolve(DRAFT, "Mục IX", lang="en")
