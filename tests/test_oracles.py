"""The oracles themselves are tested: each must see what it claims to see, or a green suite means
nothing.  (LibreOffice tests are marked and slow.)"""
from __future__ import annotations

import os

import pytest
from lxml import etree

from oracles import (
    MODES, audit_errors, dele, docx_paragraphs, export_pdf, ins, libreoffice, libreoffice_batch, make_docx,
    mark, mce_preprocess, native_paragraphs, need_libreoffice, norm, para, pandoc_paragraphs, pandoc_text,
    text_lines, wml_part, xsd_errors,
)

PANDOC_CASES = ["track_changes_deletion", "track_changes_insertion", "track_changes_move",
                "paragraph_insertion_deletion"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", PANDOC_CASES)
def test_pandoc_paragraphs_match_pandocs_own_expectations(corpus_dir, name, mode):
    docx = corpus_dir / "pandoc" / f"{name}.docx"
    native = corpus_dir / "pandoc" / f"{name}_{mode}.native"
    assert pandoc_paragraphs(docx, mode) == native_paragraphs(native)


def test_pandoc_leaves_comment_bodies_out(corpus_dir):
    paras = pandoc_paragraphs(corpus_dir / "pandoc" / "comments.docx", "all")
    assert paras == native_paragraphs(corpus_dir / "pandoc" / "comments.native")
    assert not any("I left a comment" in p for p in paras)


def test_pandoc_on_a_built_document(tmp_path):
    doc = make_docx(tmp_path / "a.docx",
                    para("Hello ", ins("big ", id=1), dele("old ", id=2), "world") + para("Second"))
    assert pandoc_paragraphs(doc, "accept") == ["Hello big world", "Second"]
    assert pandoc_paragraphs(doc, "reject") == ["Hello old world", "Second"]
    assert pandoc_paragraphs(doc, "all") == ["Hello big old world", "Second"]
    assert pandoc_text(doc, "accept").split() == ["Hello", "big", "world", "Second"]
    with pytest.raises(ValueError):
        pandoc_text(doc, "everything")


def test_pandoc_merges_a_paragraph_whose_mark_is_deleted(tmp_path):
    doc = make_docx(tmp_path / "m.docx", para("One", ppr=mark("del", 1)) + para("Two"))
    assert pandoc_paragraphs(doc, "reject") == ["One", "Two"]
    assert pandoc_paragraphs(doc, "accept") == ["One Two"]  # pandoc joins with a space (Word: "OneTwo")


def test_norm_and_text_lines():
    assert norm("  a\u00a0\tb\n c ") == "a b c"
    assert norm("e\u0301") == "\u00e9"  # NFC
    assert text_lines("One\n\n  Two  \n") == ["One", "Two"]


def test_docx_paragraphs_reads_tables_in_order(corpus_dir):
    paras = docx_paragraphs(corpus_dir / "pandoc" / "tables.docx")
    assert paras == pandoc_paragraphs(corpus_dir / "pandoc" / "tables.docx", "accept")


# ---------------------------------------------------------------- schema oracles


def test_built_document_is_clean_for_both_validators(tmp_path):
    comments = wml_part("comments", '<w:comment w:id="0" w:author="X" w:date="2024-01-01T00:00:00Z">'
                                    "<w:p><w:r><w:t>note</w:t></w:r></w:p></w:comment>")
    doc = make_docx(tmp_path / "ok.docx",
                    para("Hello ", ins("big ", id=1), dele("old ", id=2), "world", ppr=mark("ins", 3)),
                    parts={"word/comments.xml": comments})
    assert audit_errors(doc) == []
    assert xsd_errors(doc) == []


def test_both_validators_catch_a_revision_without_author(tmp_path):
    doc = make_docx(tmp_path / "bad.docx",
                    para('<w:ins w:id="1" w:date="2024-01-01T00:00:00Z"><w:r><w:t>x</w:t></w:r></w:ins>'))
    assert any("author" in e for e in xsd_errors(doc))
    assert any("author" in e for e in audit_errors(doc))


def test_both_validators_catch_misplaced_elements(tmp_path):
    doc = make_docx(tmp_path / "bad.docx", "<w:p><w:r><w:p/></w:r></w:p>")
    assert xsd_errors(doc)
    assert audit_errors(doc)


def test_xsd_checks_comments_part(tmp_path):
    comments = wml_part("comments", '<w:comment w:id="0"><w:p/></w:comment>')  # no w:author
    doc = make_docx(tmp_path / "c.docx", para("x"), parts={"word/comments.xml": comments})
    errors = xsd_errors(doc)
    assert errors and all(e.startswith("word/comments.xml:") for e in errors)


MC_DECL = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def test_ignorable_extensions_are_stripped_before_validation(tmp_path):
    body = ('<w:p w14:paraId="12345678" w14:textId="77777777"><w:r><w:rPr><w14:ligatures w14:val="all"/>'
            "</w:rPr><w:t>x</w:t></w:r></w:p>")
    ok = make_docx(tmp_path / "ok.docx", body, root_attrs=MC_DECL + ' mc:Ignorable="w14"')
    assert xsd_errors(ok) == []
    bad = make_docx(tmp_path / "bad.docx", body, root_attrs=MC_DECL)  # w14 used but not ignorable
    assert any("paraId" in e for e in xsd_errors(bad))


def test_alternate_content_takes_the_fallback_a_transitional_reader_sees():
    xml = (f'<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" {MC_DECL}>'
           '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
           "<mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body>")
    root = etree.fromstring(xml)
    assert mce_preprocess(root) == []
    r = root[0][0]
    assert [etree.QName(c).localname for c in r] == ["pict"]


def test_mce_keeps_a_choice_it_understands():
    xml = (f'<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" {MC_DECL}>'
           '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w"><w:tab/></mc:Choice>'
           "<mc:Fallback><w:br/></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body>")
    root = etree.fromstring(xml)
    mce_preprocess(root)
    assert [etree.QName(c).localname for c in root[0][0]] == ["tab"]


def test_clean_corpus_documents_pass_xsd(corpus_dir):
    # documents straight from Word, with w14 extensions and mc:AlternateContent pictures
    for name in ("powertools-rp/RP002-Deleted-Text.docx", "pandoc/comments.docx", "pandoc/image.docx",
                 "powertools-revtracking/014-MovedParagraph.docx"):
        assert xsd_errors(corpus_dir / name) == [], name


# ---------------------------------------------------------------- LibreOffice


@pytest.fixture(scope="module")
def lo_docs(tmp_path_factory, corpus_dir):
    need_libreoffice()
    tmp = tmp_path_factory.mktemp("lo")
    built = make_docx(tmp / "built.docx",
                      para("Hello ", ins("big ", id=1, author="Dept A"), dele("old ", id=2, author="Dept B"),
                           "world") + para("Second"))
    docs = {"built": built,
            "split": corpus_dir / "pandoc" / "paragraph_insertion_deletion.docx",
            "comments": corpus_dir / "pandoc" / "comments.docx",
            "move": corpus_dir / "pandoc" / "track_changes_move.docx"}
    libreoffice_batch(list(docs.values()))  # one soffice start for the module
    return docs


@pytest.mark.libreoffice
def test_libreoffice_accepts_and_rejects(lo_docs):
    lo = libreoffice(lo_docs["built"])
    assert lo.accepted == ["Hello big world", "Second"]
    assert lo.rejected == ["Hello old world", "Second"]
    assert lo.paragraphs == ["Hello big old world", "Second"]
    assert sorted((r["author"], r["type"]) for r in lo.redlines) == [("Dept A", "Insert"), ("Dept B", "Delete")]


@pytest.mark.libreoffice
def test_libreoffice_merges_at_a_deleted_paragraph_mark_without_a_space(lo_docs):
    # Word and LibreOffice join the two paragraphs' texts directly; pandoc inserts a space.
    lo = libreoffice(lo_docs["split"])
    assert lo.accepted == ["This is a", "splitParagraph."]
    assert lo.rejected == native_paragraphs(lo_docs["split"].with_name("paragraph_insertion_deletion_reject.native"))


@pytest.mark.libreoffice
def test_libreoffice_moves_and_comments(lo_docs):
    move = libreoffice(lo_docs["move"])
    assert move.accepted == pandoc_paragraphs(lo_docs["move"], "accept")
    assert move.rejected == pandoc_paragraphs(lo_docs["move"], "reject")
    comments = libreoffice(lo_docs["comments"])
    assert len(comments.comments) == 5
    assert {c["author"] for c in comments.comments} == {"Jesse Rosenthal"}
    assert any(c["text"] == "I left a comment." for c in comments.comments)
    assert comments.redlines == []


@pytest.mark.libreoffice
def test_libreoffice_exports_pdf(lo_docs, tmp_path):
    pdf = export_pdf(lo_docs["built"], tmp_path / "out" / "built.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"


@pytest.mark.libreoffice
def test_render_preview_script(corpus_dir, tmp_path):
    """scripts/render_preview.py: the page of a redlined document that shows a change, as PNG."""
    import importlib.util
    import shutil as _shutil

    from conftest import ROOT

    need_libreoffice()
    if not _shutil.which("pdftoppm"):
        if os.environ.get("REDLINE_REQUIRE_LO") == "1":
            pytest.fail("pdftoppm missing (apt-get install poppler-utils)")
        pytest.skip("pdftoppm missing (apt-get install poppler-utils)")
    spec = importlib.util.spec_from_file_location("render_preview", ROOT / "scripts" / "render_preview.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    src = make_docx(tmp_path / "src.docx", "".join(para(f"Plain paragraph {i} " * 8) for i in range(60))
                    + para("Here ", ins("several inserted words", id=1), dele("and deleted ones", id=2)))
    assert mod.changed_texts(src) == ["several inserted words", "and deleted ones"]
    png = mod.render(src, tmp_path / "out" / "preview.png", page="changes", dpi=40)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert mod.main([str(tmp_path / "missing.docx"), str(tmp_path / "x.png")]) == 2
    assert not (tmp_path / "x.png").exists()
