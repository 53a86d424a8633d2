"""The public functions: each is the whole job for one CLI command, callable from Python.

Imports are local so that ``import redline`` stays cheap and a stage's dependencies
load only when that stage runs.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence


def outline(source: Any, rules: Any = None):
    """Read a draft (path or python-docx Document) into its section tree (``Outline``)."""
    from .package import open_docx
    from .sections.outline import build

    doc = open_docx(source) if isinstance(source, (str, Path)) else source
    return build(doc, rules=rules)


def resolve(outline_or_path: Any, reference: str):
    """Resolve a reference as people write it ("Mục 6.2 của Phần II") to one ``Section``."""
    from .model import Outline
    from .sections.references import resolve as _resolve

    tree = outline_or_path if isinstance(outline_or_path, Outline) else outline(outline_or_path)
    return _resolve(tree, reference)


def apply(draft: str | Path, sources: Any, output: str | Path | None = None, **options):
    """Apply edits files / letters / edit dicts to ``draft``; write ``output`` (unless dry_run)."""
    from .pipeline import apply as _apply

    if isinstance(sources, (str, Path, dict)):
        sources = [sources]
    return _apply(Path(draft), list(sources), output, **options)


def check(path: str | Path, original: str | Path | None = None, expected: str | None = None):
    """Structural lint of a redlined .docx; returns a list of findings (empty = clean)."""
    from .lint import check as _check

    return _check(Path(path), original=Path(original) if original else None, expected=expected)


def accept(path: str | Path, output: str | Path, author: str | None = None, **options):
    """Write a clean copy with all revisions (or one author's) accepted."""
    from .revisions import accept_file

    return accept_file(Path(path), Path(output), author=author, **options)


def reject(path: str | Path, output: str | Path, author: str | None = None, **options):
    """Write a clean copy with all revisions (or one author's) rejected."""
    from .revisions import reject_file

    return reject_file(Path(path), Path(output), author=author, **options)


def extract(letter: str | Path, draft: Any = None, **options) -> dict:
    """Read a comment letter and return the edits document (schema of ``redline apply``);
    ``draft`` (a path, or an ``Outline`` already built) resolves every target."""
    from .letters.extract import extract as _extract

    if isinstance(draft, (str, Path)):
        draft = Path(draft)
    return _extract(Path(letter), draft=draft or None, **options)


def review(draft: str | Path, sources: Any = (), **options):
    """Open ``draft`` once, read letters / edits files and plan them for a person to check and
    correct before anything is written (``Review``; what ``redline serve`` shows)."""
    from .reviewing import review as _review

    if isinstance(sources, (str, Path)):
        sources = [sources]
    return _review(Path(draft), list(sources), **options)


__all__: Sequence[str] = ("outline", "resolve", "apply", "check", "accept", "reject", "extract", "review")
