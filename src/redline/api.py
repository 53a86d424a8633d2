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


MAX_EXPECTED_BYTES = 64 * 1024 * 1024  # the expected text of `check --expected`


def check(path: str | Path, original: str | Path | None = None, expected: str | None = None, *,
          expected_file: str | Path | None = None):
    """Structural lint of a redlined .docx; returns a list of findings (empty = clean).
    ``expected`` is the text Accept All must give, one paragraph a line, or read it from
    ``expected_file`` (UTF-8, a regular file of at most 64 MiB)."""
    from .lint import check as _check

    if expected_file is not None:
        from .package import read_text

        expected = read_text(expected_file, limit=MAX_EXPECTED_BYTES)
    return _check(Path(path), original=Path(original) if original else None, expected=expected)


def accept(path: str | Path, output: str | Path, author: str | None = None, **options):
    """Write a clean copy with all revisions (or one author's) accepted."""
    from .revisions import accept_file

    return accept_file(Path(path), Path(output), author=author, **options)


def reject(path: str | Path, output: str | Path, author: str | None = None, **options):
    """Write a clean copy with all revisions (or one author's) rejected."""
    from .revisions import reject_file

    return reject_file(Path(path), Path(output), author=author, **options)


def extract(letter: str | Path, draft: str | Path | None = None, output: str | Path | None = None, *,
            force: bool = False, **options) -> dict:
    """Read a comment letter and return the edits document (schema of ``redline apply``);
    with ``output``, also write it there as JSON (never over the letter or the draft; an
    existing file only with ``force``)."""
    from .letters.extract import extract as _extract

    if output is not None:
        from .package import check_outputs

        check_outputs([output], inputs=[letter, draft], force=force)
    edits = _extract(Path(letter), draft=Path(draft) if draft else None, **options)
    if output is not None:
        import json

        from .package import write_output

        write_output(output, json.dumps(edits, ensure_ascii=False, indent=2) + "\n", inputs=[letter, draft],
                     force=force)
    return edits


__all__: Sequence[str] = ("outline", "resolve", "apply", "check", "accept", "reject", "extract")
