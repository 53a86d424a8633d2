"""The public functions: each is the whole job for one CLI command, callable from Python.

Imports are local so that ``import redline`` stays cheap and a stage's dependencies
load only when that stage runs.

Every function takes ``lang="vi"|"en"`` for its messages (errors, warnings, the summary);
by default the ``REDLINE_LANG`` environment variable, else the language of the document's
own text.  An error raised inside speaks that language (``str(err)``); ``err.render("en")``
gives another.
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


def resolve(outline_or_path: Any, reference: str, *, lang: str | None = None):
    """Resolve a reference as people write it ("Mục 6.2 của Phần II") to one ``Section``.

    Not found or ambiguous: a ``ResolveError`` naming the nearest sections or the candidates,
    in ``lang`` ("vi" / "en"; default: REDLINE_LANG, else the language of the draft's headings)."""
    from .messages import detect_language, language
    from .model import Outline
    from .options import language_option
    from .sections.references import resolve as _resolve

    tree = outline_or_path if isinstance(outline_or_path, Outline) else outline(outline_or_path)
    chosen = language_option(lang) or detect_language(" ".join(s.title for s in tree.walk()))
    with language(chosen):
        return _resolve(tree, reference)


def apply(draft: str | Path, sources: Any, output: str | Path | None = None, *, author: str | None = None,
          date: str | None = None, dry_run: bool = False, force: bool = False, progress: bool = False,
          limits: Any = None, lang: str | None = None, summary: str | Path | None = None, summary_format: str = "text"):
    """Apply edits files, comment letters or edit dicts to ``draft`` as tracked changes.

    draft: the .docx to redline; never modified.
    sources: one source or a list of them, applied in order (an earlier source wins a
        conflict): an edits file (.json), a comment letter (.txt, .docx, .pdf), or a dict in
        the edits-file format.
    output: the .docx to write (default ``<draft>.redline.docx`` beside the draft); its name
        must end in .docx.
    author: the revisions' author, instead of the sources' own.
    date: the revisions' date, instead of the sources' own: ISO 8601 ("2022-07-15",
        "2022-07-15T08:00:00Z") or day first ("15/7/2022").
    dry_run: plan and summarise; write nothing.
    force: replace ``output`` when it exists (otherwise an ``OutputError``).
    progress: draw a progress bar on stderr for a long run.
    limits: ``redline.package.Limits`` for reading the draft (size, zip and XML limits).
    lang: "vi" or "en" for messages and the summary (default: see the module docstring).
    summary: a file to write the summary to, as ``summary_format`` ("text", "markdown",
        "json", "html"), together with ``output``: both are written or neither.

    No output is ever an input of the run (by any spelling of its path), an existing file
    without ``force``, or a device, pipe, socket or folder (``redline.package.output``).
    Returns an ``ApplyResult``: ``render(fmt)`` for the summary ("text", "markdown", "json",
    "html"), ``applied`` / ``not_applied`` / ``instructions`` counts, ``unresolved``,
    ``warnings``.  Raises a ``RedlineError`` subclass for bad input; nothing is written then.
    """
    from .pipeline import apply as _apply

    if isinstance(sources, (str, Path, dict)):
        sources = [sources]
    return _apply(Path(draft), list(sources), output, author=author, date=date, dry_run=dry_run, force=force,
                  progress=progress, limits=limits, lang=lang, summary=summary, summary_format=summary_format)


MAX_EXPECTED_BYTES = 64 * 1024 * 1024  # the expected text of `check --expected`


def check(path: str | Path, original: str | Path | None = None, expected: str | None = None, *,
          expected_file: str | Path | None = None):
    """Structural lint of a redlined .docx; returns a list of findings (empty = clean).

    original: the draft ``path`` was made from (rejecting redline's revisions must give it
    back); expected: the text Accept All must give, one paragraph a line, or read it from
    ``expected_file`` (UTF-8, a regular file of at most 64 MiB)."""
    from .lint import check as _check

    if expected_file is not None:
        from .package import read_text

        expected = read_text(expected_file, limit=MAX_EXPECTED_BYTES)
    return _check(Path(path), original=Path(original) if original else None, expected=expected)


def accept(path: str | Path, output: str | Path, *, author: str | None = None, force: bool = False,
           lang: str | None = None) -> int:
    """Write ``output``: ``path`` with every tracked change accepted, or only ``author``'s.

    author: a revision author as the document names it; case, accents and Unicode
        normalisation do not matter ("so tu phap" finds "Sở Tư pháp").  No author matches:
        a ``ResolveError`` listing the authors the document holds.
    force: replace ``output`` when it exists.  lang: "vi" or "en" for messages.
    Returns the number of revisions accepted."""
    from .revisions import accept_file

    return accept_file(Path(path), Path(output), author=author, force=force, lang=lang)


def reject(path: str | Path, output: str | Path, *, author: str | None = None, force: bool = False,
           lang: str | None = None) -> int:
    """Write ``output``: ``path`` with every tracked change rejected, or only ``author``'s.

    author: a revision author, matched as for ``accept`` (no match: a ``ResolveError`` listing
        the document's authors).
    force: replace ``output`` when it exists.  lang: "vi" or "en" for messages.
    Returns the number of revisions rejected."""
    from .revisions import reject_file

    return reject_file(Path(path), Path(output), author=author, force=force, lang=lang)


def extract(letter: str | Path, draft: Any = None, output: str | Path | None = None, *,
            force: bool = False, lang: str | None = None) -> dict:
    """Read a comment letter (.txt, .docx, .pdf) and return the edits document (the format
    ``redline apply`` reads), every edit with the letter's words it came from.

    draft: resolve every target against this draft, a path or an ``Outline`` already built
        (unresolved ones are listed, not raised).
    output: also write the edits there as JSON (never over the letter or the draft; an
    existing file only with ``force``).
    lang: "vi" or "en" for messages and reasons (default: the letter's language)."""
    from .letters.extract import extract as _extract
    from .messages import language
    from .options import language_option

    if isinstance(draft, (str, Path)):
        draft = Path(draft)
    with language(language_option(lang) or _text_language(letter)):
        inputs = [letter] + ([draft] if isinstance(draft, Path) else [])
        if output is not None:
            from .package import check_outputs

            check_outputs([output], inputs=inputs, force=force)
        edits = _extract(Path(letter), draft=draft or None)
        if output is not None:
            import json

            from .package import write_output

            write_output(output, json.dumps(edits, ensure_ascii=False, indent=2) + "\n", inputs=inputs, force=force)
        return edits


def _text_language(path: str | Path) -> str | None:
    """The language of a letter's text, or None when it cannot be read (its error comes later)."""
    from .errors import RedlineError
    from .letters.source import letter_paragraphs
    from .messages import detect_language

    try:
        return detect_language("\n".join(letter_paragraphs(path)[:200]))
    except (RedlineError, OSError):
        return None


def compare(old: str | Path, new: str | Path, output: str | Path | None = None, *, author: str | None = None,
            date: str | None = None, formatting: bool = True, moves: bool = True, force: bool = False,
            edits: str | Path | None = None, letter: str | Path | None = None, dry_run: bool = False,
            limits: Any = None, lang: str | None = None, summary: str | Path | None = None,
            summary_format: str = "text"):
    """Compare OLD with NEW: write OLD's package with the differences as tracked changes and
    return a ``CompareResult`` (the section-aware summary, warnings).

    output: the .docx to write (default ``<OLD>.compare.docx`` beside OLD); never OLD or NEW.
    author, date: the revisions' author (default "redline compare") and date (default: now).
    formatting: show formatting-only changes as w:rPrChange / w:pPrChange (False: ignore them).
    moves: show moved paragraphs as moves (False: as a deletion and an insertion).
    force: replace an existing output (never an input).
    edits, letter: also write the way back: an edits file that ``apply(OLD, edits)`` turns into
        NEW, and the same as the body of a comment letter that ``extract`` reads back.
    dry_run: compare and summarise, write nothing.
    limits: ``redline.package.Limits`` for reading both files.
    lang: "vi" or "en" for the summary and messages (default: OLD's language).
    summary, summary_format: also write the summary to this file, as text / markdown / json / html.
    """
    from .comparison import compare as _compare

    return _compare(old, new, output, author=author, date=date, formatting=formatting, moves=moves, force=force,
                    edits=edits, letter=letter, dry_run=dry_run, limits=limits, lang=lang, summary=summary,
                    summary_format=summary_format)


def review(draft: str | Path, sources: Any = (), *, limits: Any = None, date: str | None = None,
           lang: str | None = None):
    """Open ``draft`` once, read letters and edits files (in order, as ``apply`` would) and plan
    them for a person to check and correct before anything is written; returns a ``Review``
    (what ``redline serve`` shows): ``items()``, ``retarget``, ``set_comment``, ``set_text``,
    ``skip``, ``reset``, ``set_author``, then ``write(folder)``: the corrected edits files and
    exactly what ``apply`` makes of them.

    date: the revision date of sources that give none (default: now).
    lang: "vi" or "en" for the plan's words (default: the draft's language, as ``apply``)."""
    from .reviewing import review as _review

    if isinstance(sources, (str, Path)):
        sources = [sources]
    return _review(Path(draft), list(sources), limits=limits, date=date, lang=lang)


__all__: Sequence[str] = ("outline", "resolve", "apply", "check", "accept", "reject", "extract", "compare",
                          "review")
