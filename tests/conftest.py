"""Shared test settings: where the fixtures and the read-only shared/ folder live.

shared/ holds what the project may not copy into its repository: the document corpus
(pandoc's, python-docx's and Open-XML-PowerTools' test files), the ISO 29500 XSD schemas
and the founding seed letter.  It lives beside the project (``../shared``);
``REDLINE_SHARED`` points elsewhere.  On a plain clone without it, every test that needs it
is skipped and the run ends with ONE line saying so; under CI (``CI=true``) it is required
and its absence fails those tests.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# Messages speak the draft's language by default (README, "Languages"); most tests read the
# English texts, so the suite pins English.  Tests of the default (tests/test_languages.py)
# remove this with monkeypatch.delenv("REDLINE_LANG").
os.environ["REDLINE_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("REDLINE_SHARED", ROOT.parent / "shared")).resolve()
CORPUS = SHARED / "corpus"
SHARED_REASON = "needs ../shared (corpus, ooxml-xsd schemas, seed letter)"
_skipped_for_shared: list[str] = []


def need_shared(what: str = "") -> Path:
    """``SHARED / what``; when it is missing, skip the calling test (fail it under CI=true)."""
    path = SHARED / what if what else SHARED
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} not found: CI needs shared/ beside the project (or REDLINE_SHARED)")
    pytest.skip(SHARED_REASON)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple) and SHARED_REASON in str(report.longrepr[2]):
        _skipped_for_shared.append(item.nodeid)


def pytest_collection_modifyitems(config, items):
    # Parametrized over the corpus, with the corpus absent: pytest's own empty-parameter skip.
    for item in items:
        marker = item.get_closest_marker("skip")
        if marker and "got empty parameter set" in str(marker.kwargs.get("reason", "")) \
                and item.get_closest_marker("corpus") is not None:
            item.add_marker(pytest.mark.skip(reason=SHARED_REASON))


def pytest_terminal_summary(terminalreporter):
    if _skipped_for_shared:
        terminalreporter.write_line(
            f"shared/ not found at {SHARED}: {len(_skipped_for_shared)} tests that need it (corpus, ooxml-xsd "
            "schemas, seed letter) were skipped; put shared/ beside the project or set REDLINE_SHARED "
            "(see the README).", yellow=True)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return need_shared()


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    return need_shared("corpus")


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
