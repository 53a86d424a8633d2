"""Twenty letters, one redline: every fixture letter applied together to one draft."""
from __future__ import annotations

import json
import re
import zipfile

import pytest
from lxml import etree

import oracles
import redline
from conftest import FIXTURES

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
# The founding letter and the first nine fixture letters (fixtures/letters/README.md, first table).
FIRST = {"seed-letter", "cat", "sgddt", "skhdt", "sldtbxh", "stc", "stnmt", "stp", "syt", "vpubnd"}
ALL = sorted((FIXTURES / "letters").glob("*.txt")) + sorted((FIXTURES / "letters").glob("*.docx"))
LETTERS = [p for p in ALL if p.stem in FIRST]
MANIFEST = json.loads((FIXTURES / "letters" / "drafts.json").read_text("utf-8"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    out = tmp_path_factory.mktemp("many") / "merged.docx"
    result = redline.apply(DRAFT, LETTERS, out)
    return out, result


def test_all_letters_give_one_valid_output(merged):
    out, _ = merged
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(DRAFT, "reject")
    assert oracles.new_audit_errors(out, DRAFT) == []
    assert oracles.xsd_errors(out) == []


def test_each_department_signs_its_own_revisions(merged):
    out, result = merged
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    authors = {m.get(W + "author") for m in root.iter(W + "ins", W + "del")}
    senders = {s["author"] for s in result.sources}
    assert len(senders) == len(LETTERS)
    # every department with an applied edit appears as a revision author
    applied = {v.author for v in result.views if not v.demoted_from and v.op != "comment"}
    assert applied <= authors and len(applied) >= 8


def test_cross_letter_conflict_becomes_a_comment_and_is_listed(merged):
    out, result = merged
    assert len(result.plan.conflicts) == 1
    text = result.render("text")
    assert "conflicts with" in text and "cat.txt" in text and "stnmt.txt" in text
    demoted = [v for v in result.views if v.demoted_from]
    assert len(demoted) == 1 and demoted[0].author == "Sở Tài nguyên và Môi trường"
    with zipfile.ZipFile(out) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
    texts = ["".join(c.itertext()) for c in comments.iter(W + "comment")]
    assert any("Sở Tài nguyên và Môi trường" in t and "46.932" in t for t in texts)


def test_nothing_asked_for_disappears(merged):
    _, result = merged
    text = result.render("text")
    assert len(result.unresolved) == 3 and "Mục VI" in text
    assert len(result.ignored) == 2 and "Thống nhất" in text


def test_letter_and_its_hand_transcription_give_the_same_document(tmp_path):
    a, b = tmp_path / "from-letter.docx", tmp_path / "from-json.docx"
    redline.apply(DRAFT, FIXTURES / "letters" / "seed-letter.txt", a)
    redline.apply(DRAFT, FIXTURES / "edits" / "seed-letter.json", b)

    def body(path):
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        return re.sub(r' w:date="[^"]*"', "", xml)

    assert body(a) == body(b)


def test_a_letter_edit_that_cannot_apply_is_listed_not_fatal(tmp_path):
    # A letter is read by rules from prose: when one of its instructions quotes text the
    # draft does not have, the others still apply, and that one becomes a Word comment at the
    # place the letter names (never a guessed change); the summary says why.
    # (An edits file written by hand stays strict: see test_apply_errors.py.)
    letter = tmp_path / "stp.txt"
    letter.write_text(
        "SỞ TƯ PHÁP\nSố: 901/STP-VP\nHà Tĩnh, ngày 12 tháng 7 năm 2022\nKính gửi: Sở Nội vụ\n\n"
        "Sở Tư pháp có ý kiến như sau:\n\n"
        "1. Tại Mục II.1 (Cải cách thể chế), đề nghị bổ sung nội dung: Sở Tư pháp đã thẩm định 25 dự thảo.\n"
        "2. Tại Mục I.4, đề nghị thay cụm từ “không có trong dự thảo” bằng cụm từ “khác”.\n\n"
        "Trên đây là ý kiến của Sở Tư pháp./.\n", "utf-8")
    out = tmp_path / "out.docx"
    result = redline.apply(DRAFT, letter, out)
    assert out.exists()
    assert [(v.address, v.op) for v in result.views] == [("II.1", "append"), ("I.4", "comment")]
    assert "quoted text is not in I.4" in result.views[1].note
    assert "không có trong dự thảo" in result.render("text")
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(DRAFT, "reject")


@pytest.mark.parametrize("draft_name", sorted({MANIFEST["default"], *MANIFEST["letters"].values()}))
def test_every_draft_takes_all_its_letters_at_once(tmp_path, draft_name):
    """The issue-17 letters too, each on the draft it comments on, all together: one output that
    rejects back to the draft and passes openxml-audit; a letter with no sender of its own (a
    citizen's, a newspaper's) applies once an author is given for it."""
    draft = FIXTURES / "drafts" / draft_name
    letters = [p for p in ALL if p.stem not in FIRST and MANIFEST["letters"].get(p.stem, MANIFEST["default"])
               == draft_name]
    assert letters, f"drafts.json names {draft_name} for no letter"
    out = tmp_path / "all.docx"
    result = redline.apply(draft, letters, out, author="Người góp ý")
    assert result.views, "the letters change something"
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    assert oracles.new_audit_errors(out, draft) == []
