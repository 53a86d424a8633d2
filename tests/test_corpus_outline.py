"""The outline never crashes on the shared corpus, and gives plausible trees.

Opens each corpus .docx with python-docx directly (``docx.Document``).  A file python-docx
itself cannot open is skipped with the reason; nothing else is skipped.
"""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from conftest import CORPUS
from redline.ooxml import W, paragraph_text
from redline.sections.outline import build
from redline.sections.references import resolve
from redline.errors import ResolveError

pytestmark = pytest.mark.corpus

FILES = sorted(CORPUS.rglob("*.docx")) if CORPUS.is_dir() else []


def _open(path: Path):
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx's own limits, not ours
        pytest.skip(f"python-docx cannot open {path.name}: {type(exc).__name__}: {exc}")


def test_corpus_is_there(corpus_dir):
    assert corpus_dir.is_dir() and FILES, f"no .docx under {corpus_dir}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_outline_of_corpus_file(path):
    doc = _open(path)
    o = build(doc)
    n = len(o.blocks)
    seen = set()
    for s in o.walk():
        # a sane tree: real headings, spans inside the body, children inside parents
        assert s.heading is not None and 0 <= s.heading < n
        assert s.heading < s.start <= s.end <= n, s.address
        assert s.level == (s.parent.level + 1 if s.parent else 1)
        assert o.blocks[s.heading].tag.endswith("}p")
        assert s.address and s.address not in seen or any("share the address" in str(w) for w in o.warnings)
        seen.add(s.address)
        for c in s.children:
            assert c.parent is s and s.start <= c.heading < c.end <= s.end
        assert 0 <= s.label_chars <= len(o.text(s.heading))
    # the one-pass scan reads exactly what ooxml.paragraph_text reads
    for i, block in enumerate(o.blocks):
        if block.tag == W["p"]:
            assert o._texts[i] == paragraph_text(block, "current"), i
    for special in (o.title, o.preamble, o.closing):
        if special is not None:
            assert 0 <= special.start <= special.end <= n
    # every address resolves back to its section (or is reported as shared)
    for s in list(o.walk())[:50]:
        try:
            assert resolve(o, s.address) is s
        except ResolveError as e:
            assert "ambiguous" in str(e)


def test_python_docx_test_documents_have_flat_or_empty_trees(corpus_dir):
    """python-docx's own test files have no numbered headings: no deep garbage."""
    folder = corpus_dir / "python-docx"
    if not folder.is_dir():
        pytest.skip("no python-docx folder in the corpus")
    for path in sorted(folder.glob("*.docx")):
        try:
            doc = docx.Document(str(path))
        except Exception:
            continue
        o = build(doc)
        assert max((s.level for s in o.walk()), default=0) <= 2, path.name
