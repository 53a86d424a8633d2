"""``redline check``: every defect it knows is planted in a small document and must be caught;
clean documents (built here, Word's own from the corpus, redline's outputs) must pass."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from oracles import dele, ins, make_docx, mark, para, run, wml_part
from redline.lint import Finding, check
from redline_cli.main import main

REV = 'w:id="{}" w:author="A" w:date="2024-01-02T03:04:05Z"'


def codes(findings: list[Finding]) -> list[str]:
    return sorted({f.code for f in findings})


def comment_part(*ids: int) -> str:
    return wml_part("comments", "".join(f'<w:comment w:id="{i}" w:author="A" w:date="2024-01-01T00:00:00Z">'
                                        f'{para("note")}</w:comment>' for i in ids))


def commented(cid: int = 0, text: str = "x") -> str:
    return (f'<w:commentRangeStart w:id="{cid}"/>{run(text)}<w:commentRangeEnd w:id="{cid}"/>'
            f'<w:r><w:commentReference w:id="{cid}"/></w:r>')


CLEAN = (para("Hello ", ins("big ", id=1001), dele("old ", id=1002), "world")
         + para(ins("New paragraph", id=1003), ppr=mark("ins", 1004))
         + para(dele("Gone paragraph", id=1005), ppr=mark("del", 1006))
         + para("<w:p/>"[:0] + commented(0, "commented"))
         + para("last"))


@pytest.fixture
def build(tmp_path):
    def _build(body: str, comments: str | None = comment_part(0), name: str = "t.docx") -> Path:
        parts = {"word/comments.xml": comments} if comments else None
        return make_docx(tmp_path / name, body, parts=parts)
    return _build


def test_clean_document_passes(build):
    assert check(build(CLEAN)) == []


def test_finding_str_names_location_code_and_message():
    f = Finding("no-author", "w:ins has no w:author", "word/document.xml /w:body/w:p[2]/w:ins")
    assert str(f) == "word/document.xml /w:body/w:p[2]/w:ins: no-author: w:ins has no w:author"


PLANTED = {
    "duplicate-id": para(ins("a", id=7), ins("b", id=7)),
    "bad-id": para('<w:ins w:id="x1" w:author="A" w:date="2024-01-02T03:04:05Z">' + run("a") + "</w:ins>"),
    "no-author": para('<w:ins w:id="1" w:date="2024-01-02T03:04:05Z">' + run("a") + "</w:ins>"),
    "no-date": para('<w:del w:id="1" w:author="A">' + run("a", deleted=True) + "</w:del>"),
    "bad-date": para('<w:ins w:id="1" w:author="A" w:date="2024-13-45T25:00:00Z">' + run("a") + "</w:ins>"),
    "deltext-outside-deletion": para("ok ", run("ghost", deleted=True)),
    "text-inside-deletion": para(f'<w:del {REV.format(1)}>{run("still text")}</w:del>'),
    "deleted-final-mark": para("a") + para("b", ppr=mark("del", 1)),
    "merge-into-table": (para("text stays", ppr=mark("del", 1))
                         + f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{para('c')}</w:tc>"
                           "</w:tr></w:tbl>" + para("")),
    "cell-ends-with-table": ("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>"
                             "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>" + para("inner")
                             + "</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>" + para("")),
    "empty-table": "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid></w:tbl>" + para(""),
    "move-range-unpaired": para(f'<w:moveFromRangeStart {REV.format(1)} w:name="m"/>'
                                f'<w:moveFrom {REV.format(2)}>{run("x", deleted=True)}</w:moveFrom>')
                           + para(f'<w:moveToRangeStart {REV.format(3)} w:name="m"/><w:moveTo {REV.format(4)}>'
                                  f'{run("x")}</w:moveTo><w:moveToRangeEnd w:id="3"/>'),
    "move-unpaired": para(f'<w:moveFromRangeStart {REV.format(1)} w:name="m"/><w:moveFrom {REV.format(2)}>'
                          f'{run("x", deleted=True)}</w:moveFrom><w:moveFromRangeEnd w:id="1"/>') + para("y"),
}


@pytest.mark.parametrize("code", sorted(PLANTED))
def test_planted_defect_is_caught(build, code):
    findings = check(build(CLEAN + PLANTED[code]))
    assert code in codes(findings), findings
    hit = next(f for f in findings if f.code == code)
    assert hit.location.startswith("word/") and hit.message
    others = set(codes(findings)) - {code}
    # a planted defect may imply a second one (an unpaired move range is also an unpaired move)
    assert others <= {"move-unpaired", "move-range-unpaired"}, findings


def test_deleted_last_mark_is_fine_where_the_row_goes(build):
    row = (f"<w:tr><w:trPr><w:del {REV.format(11)}/></w:trPr><w:tc>"
           + para(dele("x", id=12), ppr=mark("del", 13)) + "</w:tc></w:tr>")
    body = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>{row}</w:tbl>" + para("")
    assert check(build(CLEAN + body)) == []
    cell = f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{para('y', ppr=mark('del', 14))}"
    assert "deleted-final-mark" in codes(check(build(CLEAN + cell + "</w:tc></w:tr></w:tbl>" + para(""))))


def test_ids_are_unique_across_parts(build, tmp_path):
    header = wml_part("hdr", para(ins("h", id=1001)))
    body = CLEAN + '<w:sectPr><w:headerReference w:type="default" r:id="rId102"/></w:sectPr>'
    doc = make_docx(tmp_path / "h.docx", body, parts={"word/comments.xml": comment_part(0), "word/header1.xml": header})
    findings = check(doc)
    assert codes(findings) == ["duplicate-id"]
    assert findings[0].location.startswith("word/header1.xml")
    assert "word/document.xml" in findings[0].message


def test_moves_may_keep_text_in_w_t(build):
    # Word writes moved-away text as w:t inside w:moveFrom; that is not a defect.
    body = (para(f'<w:moveFromRangeStart {REV.format(21)} w:name="m"/><w:moveFrom {REV.format(22)}>{run("x")}'
                 '</w:moveFrom><w:moveFromRangeEnd w:id="21"/>')
            + para(f'<w:moveToRangeStart {REV.format(23)} w:name="m"/><w:moveTo {REV.format(24)}>{run("x")}'
                   '</w:moveTo><w:moveToRangeEnd w:id="23"/>'))
    assert check(build(CLEAN + body)) == []


@pytest.mark.parametrize("body,comments,code", [
    (commented(0) + "", comment_part(0, 1), "comment-orphaned"),
    (commented(0) + para(commented(5)), comment_part(0), "comment-missing"),
    (para('<w:commentRangeStart w:id="1"/>' + run("x") + '<w:commentRangeEnd w:id="1"/>'), comment_part(0, 1),
     "comment-no-reference"),
    (para('<w:commentRangeStart w:id="1"/>' + run("x") + '<w:r><w:commentReference w:id="1"/></w:r>'),
     comment_part(0, 1), "comment-range-unpaired"),
    (para('<w:commentRangeEnd w:id="1"/>' + run("x") + '<w:commentRangeStart w:id="1"/>'
          '<w:r><w:commentReference w:id="1"/></w:r>'), comment_part(0, 1), "comment-range-reversed"),
    (para(commented(1) + '<w:r><w:commentReference w:id="1"/></w:r>'), comment_part(0, 1),
     "comment-reference-repeated"),
    (para("x"), comment_part(0, 1, 1), "duplicate-id"),
])
def test_comment_pairing(build, body, comments, code):
    base = (para("Hello ", ins("big ", id=1), dele("old ", id=2), "world") + para(commented(0)))
    findings = check(build(base + (para(body) if not body.startswith("<w:p") else body), comments))
    assert code in codes(findings), findings


def test_unreadable_files(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"this is not a zip")
    assert codes(check(bad)) == ["unreadable"]
    empty_zip = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("hello.txt", "hi")
    assert codes(check(empty_zip)) == ["unreadable"]


# ---------------------------------------------------------------- against the original / expected


@pytest.fixture
def original(build, tmp_path):
    return make_docx(tmp_path / "orig.docx", para("Hello old world") + para("Second") + para(
        "Pending ", ins("earlier", id=90, author="Someone else")))


def _redlined(tmp_path, body: str) -> Path:
    return make_docx(tmp_path / "out.docx", body)


PENDING = para("Pending ", ins("earlier", id=90, author="Someone else"))


def test_original_given_back(original, tmp_path):
    out = _redlined(tmp_path, para("Hello ", dele("old", id=1), ins("new", id=2), " world")
                    + para(ins("Inserted", id=3), ppr=mark("ins", 4)) + para("Second") + PENDING)
    assert check(out, original=original) == []
    assert check(out, original=original, expected="Hello new world\nInserted\n\nSecond\nPending earlier\n") == []


def test_original_not_given_back(original, tmp_path):
    # "old" vanished without a w:del: rejecting redline's revisions cannot restore it
    out = _redlined(tmp_path, para("Hello ", ins("new", id=2), " world") + para("Second") + PENDING)
    findings = check(out, original=original)
    assert codes(findings) == ["original-mismatch"]
    assert "paragraph 1" in findings[0].location and "Hello old world" in findings[0].message


def test_an_inserted_paragraph_without_its_mark_leaves_a_trace(original, tmp_path):
    # the paragraph's text is inserted but its mark is not: Reject All leaves an empty paragraph,
    # harmless - yet text typed into it untracked would stay.  Here: untracked text in it.
    out = _redlined(tmp_path, para("Hello old world") + para(ins("New ", id=5), "untracked") + para("Second")
                    + PENDING)
    assert codes(check(out, original=original)) == ["original-mismatch"]


def test_pending_revisions_of_the_original_are_not_redlines(original, tmp_path):
    # the original's own pending insertion must stay pending, not be rejected by the check
    out = _redlined(tmp_path, para("Hello old world") + para("Second") + para("Pending "))
    findings = check(out, original=original)
    assert codes(findings) == ["original-mismatch"]  # it was accepted silently: a defect


def test_expected_text(original, tmp_path):
    out = _redlined(tmp_path, para("Hello ", dele("old", id=1), ins("new", id=2), " world") + para("Second")
                    + PENDING)
    findings = check(out, expected="Hello new world\nSecond\nPending earlier")
    assert findings == []
    findings = check(out, expected="Hello brave new world\nSecond\nPending earlier")
    assert codes(findings) == ["expected-mismatch"] and "Hello brave new world" in findings[0].message


# ---------------------------------------------------------------- CLI


def test_cli_exit_codes(build, tmp_path):
    runner = CliRunner()
    clean = build(CLEAN, name="clean.docx")
    res = runner.invoke(main, ["check", str(clean)])
    assert res.exit_code == 0 and res.output.strip() == "ok"
    dirty = build(CLEAN + PLANTED["no-author"], name="dirty.docx")
    res = runner.invoke(main, ["check", str(dirty)])
    assert res.exit_code == 1
    assert "no-author" in res.output and "/w:body/" in res.output
    expected = tmp_path / "expected.txt"
    expected.write_text("something else entirely\n", "utf-8")
    res = runner.invoke(main, ["check", str(clean), "--expected", str(expected)])
    assert res.exit_code == 1 and "expected-mismatch" in res.output


# ---------------------------------------------------------------- real documents


@pytest.mark.corpus
def test_word_documents_are_clean(corpus_dir):
    """Documents Word wrote, with every kind of revision: no findings (except the ones they
    really have - RP042 deletes the body's final mark; RP001 has undated revisions)."""
    names = ["RP002-Deleted-Text", "RP005-Deleted-Paragraph-Mark", "RP009-Deleted-Table-Row",
             "RP015-MoveFrom-MoveTo", "RP016-Deleted-CC", "RP018-MoveFrom-MoveTo-CC", "RP019-Deleted-Field-Code",
             "RP027-Change-Section", "RP034-Deleted-Cells", "RP036-Vert-Merged-Cells", "RP047-Inserted-and-Deleted-Paragraph-Mark",
             "RP050-Deleted-Footnote"]
    for name in names:
        assert check(corpus_dir / "powertools-rp" / f"{name}.docx") == [], name
    for doc in sorted((corpus_dir / "powertools-revtracking").glob("*.docx")):
        assert check(doc) == [], doc.name
    assert codes(check(corpus_dir / "powertools-rp" / "RP042-Deleted-Para-Mark-at-End.docx")) == ["deleted-final-mark"]
    assert codes(check(corpus_dir / "powertools-rp" / "RP001-Tracked-Revisions-01.docx")) == ["no-date"]
    assert codes(check(corpus_dir / "pandoc" / "comments.docx")) == []


@pytest.mark.corpus
def test_catches_powertools_empty_tables(corpus_dir):
    assert "empty-table" in codes(check(corpus_dir / "powertools-rp" / "RP001-Tracked-Revisions-01-Accepted.docx"))


def test_accept_and_reject_outputs_are_clean(build, tmp_path):
    from redline.revisions import accept_file, reject_file

    src = build(CLEAN, name="src.docx")
    for fn in (accept_file, reject_file):
        out = tmp_path / f"{fn.__name__}.docx"
        fn(src, out)
        assert check(out) == []


# ---------------------------------------------------------------- the seed letter, every oracle

LAYOUTS = {"typed": "cchc-typed", "autonum": "cchc-autonum", "messy": "cchc-messy", "phan": "cchc-phan"}


def _seed_expected(fixtures: Path, layout: str) -> str:
    special = fixtures / "edits" / f"seed-letter.{layout}.expected.txt"
    return (special if special.exists() else fixtures / "edits" / "seed-letter.expected.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def seed_outputs(tmp_path_factory, fixtures_dir):
    import redline

    out = {}
    tmp = tmp_path_factory.mktemp("seed")
    for layout, stem in LAYOUTS.items():
        draft = fixtures_dir / "drafts" / f"{stem}.docx"
        path = tmp / f"{layout}.docx"
        redline.apply(draft, fixtures_dir / "edits" / "seed-letter.json", path)
        out[layout] = (draft, path, _seed_expected(fixtures_dir, layout))
    return out


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_seed_letter_output_passes_check_and_our_accept_reject(seed_outputs, layout, tmp_path):
    from oracles import docx_paragraphs, pandoc_paragraphs, text_lines
    from redline.revisions import accept_file, reject_file

    draft, out, expected = seed_outputs[layout]
    assert check(out, original=draft, expected=expected) == []
    accept_file(out, tmp_path / "a.docx")
    reject_file(out, tmp_path / "r.docx")
    assert docx_paragraphs(tmp_path / "a.docx") == text_lines(expected)
    assert docx_paragraphs(tmp_path / "r.docx") == pandoc_paragraphs(draft, "reject")
    assert check(tmp_path / "a.docx") == [] and check(tmp_path / "r.docx") == []


@pytest.mark.libreoffice
def test_seed_letter_output_in_libreoffice(seed_outputs):
    """LibreOffice opens every layout's output, sees the department's revisions (the messy draft
    also has a pending one of its own), and its Accept All / Reject All give the expected text /
    the draft with its own revisions rejected."""
    import json
    from oracles import libreoffice_batch, need_libreoffice, pandoc_paragraphs, text_lines

    need_libreoffice()
    layouts = list(LAYOUTS)
    results = libreoffice_batch([seed_outputs[k][1] for k in layouts])
    for layout, lo in zip(layouts, results):
        draft, out, expected = seed_outputs[layout]
        assert lo.error is None, (layout, lo.error)
        assert lo.redlines and {r["type"] for r in lo.redlines} <= {"Insert", "Delete", "ParagraphFormat", "Format"}
        author = json.loads((draft.parent.parent / "edits" / "seed-letter.json").read_text("utf-8"))["author"]
        assert author in lo.authors and len(lo.authors) <= 2, lo.authors
        assert lo.accepted == text_lines(expected), layout
        assert lo.rejected == pandoc_paragraphs(draft, "reject"), layout
