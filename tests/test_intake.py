"""Loud no-ops: a source that is not a comment letter for this draft is an error that says what
probably happened, never '0 edits applied' with exit 0 and a file written."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

import redline
from conftest import FIXTURES
from redline.errors import LetterError, UsageError
from redline.intake import evidence
from redline.letters.source import letter_paragraphs
from redline_cli.main import main

DRAFTS = FIXTURES / "drafts"
DRAFT = DRAFTS / "cchc-typed.docx"
LETTER_DOCX = FIXTURES / "letters" / "sgddt.docx"


def test_draft_and_letter_swapped(tmp_path):
    out = tmp_path / "o.docx"
    with pytest.raises(LetterError, match="are they swapped") as err:
        redline.apply(LETTER_DOCX, DRAFT, out)
    assert "the draft comes first" in str(err.value) and err.value.file == str(DRAFT)
    assert not out.exists()


def test_swapped_on_the_command_line_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "o.docx"
    result = CliRunner().invoke(main, ["apply", str(LETTER_DOCX), str(DRAFT), "-o", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert "are they swapped" in result.output and "Traceback" not in result.output


def test_a_second_draft_as_a_source(tmp_path):
    with pytest.raises(LetterError, match="another version of the draft"):
        redline.apply(DRAFT, DRAFTS / "cchc-autonum.docx", tmp_path / "o.docx")


def test_a_letter_from_which_nothing_is_read(tmp_path):
    letter = tmp_path / "note.txt"
    letter.write_text("Kính gửi: Sở Nội vụ\n\nHôm qua đoàn công tác đã đến thăm huyện Can Lộc.\n"
                      "Buổi làm việc diễn ra trong không khí cởi mở.\n", "utf-8")
    with pytest.raises(LetterError, match="nothing was read from this letter"):
        redline.apply(DRAFT, letter, tmp_path / "o.docx")


def test_a_letter_where_the_draft_belongs():
    with pytest.raises(UsageError, match="the draft .*comes first"):
        redline.apply(FIXTURES / "letters" / "stp.txt", DRAFT)


def test_a_letter_that_agrees_with_everything_is_not_an_error(tmp_path):
    letter = tmp_path / "ok.txt"
    letter.write_text("SỞ TƯ PHÁP\nKính gửi: Sở Nội vụ\n\nSở Tư pháp thống nhất với dự thảo Báo cáo.\n", "utf-8")
    result = redline.apply(DRAFT, letter, tmp_path / "o.docx")
    assert result.instructions == 0 and result.ignored


@pytest.mark.parametrize("name", ["stp.txt", "skhdt.txt", "syt.txt", "sgddt.docx", "seed-letter.txt"])
def test_real_letters_pass_the_checks(name):
    ev = evidence(letter_paragraphs(FIXTURES / "letters" / name))
    assert not ev.looks_like_a_draft and ev.looks_like_a_letter, ev


@pytest.mark.parametrize("name", ["cchc-typed.docx", "cchc-messy.docx", "cchc-phan.docx", "legal-vn.docx"])
def test_drafts_look_like_drafts(name):
    ev = evidence(letter_paragraphs(DRAFTS / name))
    assert ev.looks_like_a_draft and not ev.looks_like_a_letter, ev
