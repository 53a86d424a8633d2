"""redline: apply amendment instructions to a .docx draft as native Word tracked changes.

The pipeline, one module a stage::

    package.open_docx   -> the .docx, read safely (zip, XML, limits)
    sections.outline    -> the section tree with addresses (I.4, II.6.2, ...)
    plan.make_plan      -> every edit resolved and checked; nothing touched yet
    revise.apply_plan   -> tracked-change XML (w:ins / w:del), comments
    package.save_docx   -> atomic write; summary.render -> the readable redline

Public API (everything the CLI does is one call here)::

    redline.outline(path)                  -> Outline
    redline.resolve(outline, "Mục I.4")    -> Section
    redline.apply(draft, edits, output)    -> ApplyResult (summary, warnings)
    redline.check(path, original=...)      -> list[Finding]
    redline.accept(path, output) / redline.reject(path, output)
    redline.extract(letter, draft=...)     -> edits document (dict)
    redline.compare(old, new, output)      -> CompareResult (section-aware summary, warnings)
    redline.review(draft, sources)         -> Review: the plan, corrected by a person, then written
"""
from .errors import (  # noqa: F401
    EXIT_BAD_INPUT, EXIT_BUG, EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK,
    ConflictError, DocumentError, EditsError, LetterError, LimitError, OutputError,
    RedlineError, ResolveError, UsageError, Warning,
)
from .api import accept, apply, check, compare, extract, outline, reject, resolve, review  # noqa: F401

__version__ = "0.1.0"
__all__ = [
    "outline", "resolve", "apply", "check", "accept", "reject", "extract", "compare", "review",
    "RedlineError", "DocumentError", "LimitError", "EditsError", "ResolveError", "ConflictError", "LetterError",
    "OutputError", "UsageError", "Warning", "EXIT_OK", "EXIT_FINDINGS", "EXIT_BAD_INPUT", "EXIT_INCOMPLETE",
    "EXIT_BUG",
]
