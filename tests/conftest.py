"""Shared test settings: where the fixtures and the read-only shared/ folder live.

``REDLINE_SHARED`` moves shared/ (default: ``../shared`` beside the project), so the
suite also runs where the corpus lives elsewhere.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("REDLINE_SHARED", ROOT.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared/ not found at {SHARED}; set REDLINE_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
