"""Errors and warnings: how redline tells a caller what went wrong, and where.

Every problem caused by the input (a document, an edits file, a letter, a target)
is a ``RedlineError`` subclass carrying a one-line message that names the thing at
fault.  Anything else that escapes is a bug in redline.  The CLI maps the classes
to exit codes (see ``EXIT_*``), so a calling program can tell bad input from a bug.

Recoverable problems are not raised: they are returned as ``Warning`` objects beside
the result, as mammoth does.
"""
from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1  # `redline check` found defects
EXIT_BAD_INPUT = 2  # a RedlineError: bad document, edits file, letter, target, output path
EXIT_BUG = 70  # an unexpected exception: a bug in redline (EX_SOFTWARE)


class RedlineError(Exception):
    """Bad input or an impossible request. ``str(err)`` is the one-line message."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where  # e.g. a file name, "edit 3 (n=2), field 'target'"
        self.hint = hint  # what the user can do about it
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class DocumentError(RedlineError):
    """The .docx cannot be read: not a zip, corrupt, legacy .doc, encrypted, unsafe XML."""


class LimitError(DocumentError):
    """The document exceeds a safety limit (zip bomb, huge part, deep nesting)."""


class EditsError(RedlineError):
    """The edits file is malformed: invalid JSON, wrong field, unknown op."""


class ResolveError(RedlineError):
    """A reference (target, anchor, find text) matches nothing or more than one place."""

    def __init__(self, message: str, *, candidates: list[str] | None = None, **kw):
        self.candidates = list(candidates or [])
        super().__init__(message, **kw)


class ConflictError(RedlineError):
    """Two edits touch the same text and cannot both apply."""


class LetterError(RedlineError):
    """A comment letter cannot be read (unknown encoding, unsupported format)."""


class OutputError(RedlineError):
    """The output cannot be written safely (would overwrite the input, exists, disk full)."""


@dataclass(frozen=True)
class Warning:  # noqa: A001 - mammoth's name; shadows the builtin only inside redline
    """A recoverable problem, returned beside a result instead of raised."""

    message: str
    where: str | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message
