"""compare on real documents (shared/corpus: pandoc's, python-docx's and Open-XML-PowerTools'
test files, many with tracked changes, fields, tables, notes, text boxes): each is compared
with a copy carrying a changed word, an inserted and (where there are three) a deleted
paragraph, and the output
must be exact under pandoc and the plain XML reading and pass `redline check`.  A document
redline refuses (a RedlineError, such as a .docm) must be refused by opening it as a draft too,
with nothing written.  A document with no paragraph of text gets a new first paragraph."""
from __future__ import annotations

import os

import pytest

import oracles
import redline
from compare_pairs import check_exact, corpus_pair, main_part
from conftest import CORPUS
from redline.errors import RedlineError

FILES = sorted(p for p in CORPUS.rglob("*.docx") if not p.name.startswith("~$")) if CORPUS.is_dir() else []


def pandoc_limited(path) -> bool:
    """Documents judged by the XML reading alone: pandoc cannot read the original at all, or
    drops tracked changes inside SourceCode-style code blocks (scripts/corpus_sweep.py found it
    on codeblock.docx)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        if b'w:val="SourceCode"' in z.read(main_part(z)):
            return True
    try:
        oracles.pandoc_paragraphs(path, "reject")
    except AssertionError:
        return True
    return False


def test_the_corpus_is_there():
    if not CORPUS.is_dir() and os.environ.get("CI") != "true":
        pytest.skip(f"shared corpus not found at {CORPUS} (set REDLINE_SHARED)")
    assert len(FILES) > 150, f"expected the shared corpus under {CORPUS}"


@pytest.mark.corpus
@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_compare_corpus_pair(path, tmp_path):
    pair = corpus_pair(path, tmp_path)
    assert pair is not None, "the corpus document has no w:body"
    old, new = pair
    out = tmp_path / "out.docx"
    try:
        result = redline.compare(old, new, out, date="2024-05-06T07:08:09Z")
    except RedlineError as exc:
        # compare refuses exactly what opening a draft refuses (a .docm, a hostile file), never more
        with pytest.raises(RedlineError) as opened:
            redline.outline(old)
        assert str(opened.value) in str(exc) or type(opened.value) is type(exc), (exc, opened.value)
        assert not out.exists()
        return
    check_exact(old, new, out, pandoc=not pandoc_limited(old), audit=False, old_accepted=result.old_accepted)
