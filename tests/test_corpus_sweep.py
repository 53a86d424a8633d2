"""The corpus sweep (scripts/corpus_sweep.py) as a test: every real .docx under
shared/corpus gets an append and a replace_text; pandoc's Reject All must give back the
original, the edits must show after Accept All, and `redline check` must find nothing new.
A document redline cannot handle must be refused with a RedlineError, never crash."""
from __future__ import annotations

import sys

import pytest

from conftest import CORPUS, ROOT, need_shared

sys.path.insert(0, str(ROOT / "scripts"))
import corpus_sweep  # noqa: E402

FILES = corpus_sweep.corpus_files(CORPUS) if CORPUS.is_dir() else []


def test_the_corpus_is_there():
    need_shared("corpus")
    assert len(FILES) > 150, f"expected the shared corpus under {CORPUS} (set REDLINE_SHARED)"


@pytest.mark.corpus
@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(CORPUS)) for p in FILES])
def test_sweep(path, tmp_path):
    status, detail = corpus_sweep.sweep_one(path, tmp_path)
    assert status in ("passed", "refused"), detail
