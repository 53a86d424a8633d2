"""Errors and warnings: how redline tells a caller what went wrong, and where.

Every problem caused by the input (a document, an edits file, a letter, a target, an
option) is a ``RedlineError`` subclass carrying a one-line message that names the thing at
fault.  Anything else that escapes is a bug in redline.  The CLI maps the classes to exit
codes (see ``EXIT_*``), so a calling program can tell bad input from a bug.

The message is a ``messages.Message`` (English and Vietnamese from one catalogue); where it
happened is structured data (``file``, ``part``, ``edit``, ``n``, ``field``, ``option``) that
a program reads from the attributes and a person reads in the rendered line::

    edits.json: edit 3 (n=2), field 'target': no section matches 'Mục IX' (did you mean ...?)

``str(err)`` speaks the language that was active when the error was raised (the run's
``lang``); ``err.render("vi")`` any other.

Recoverable problems are not raised: they are returned as ``Warning`` objects beside
the result, as mammoth does.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .messages import Message, Option, current_language, msg, render

EXIT_OK = 0
EXIT_FINDINGS = 1  # `redline check` found defects
EXIT_BAD_INPUT = 2  # a RedlineError: bad document, edits file, letter, target, option, output path
EXIT_INCOMPLETE = 3  # `apply --strict`: some instructions were not applied (the output is written)
EXIT_BUG = 70  # an unexpected exception: a bug in redline (EX_SOFTWARE)


def location(*, file: Any = None, part: str | None = None, edit: int | None = None, n: Any = None,
             field: str | None = None, option: Option | None = None, where: Any = None,
             lang: str | None = None) -> str:
    """'draft.docx: word/document.xml', 'edits.json: edit 3 (n=2), field 'target'', '--date': the
    rendered place a message is about (empty when none is known)."""
    head = [render(where, lang)] if where is not None else []
    if file is not None:
        head.append(str(file))
    if part is not None:
        head.append(part)
    tail = []
    if edit is not None:
        tail.append(render(msg("edit {number} (n={n})", number=edit, n=n) if n is not None
                           else msg("edit {number}", number=edit), lang))
    if field is not None:
        tail.append(render(msg("field '{field}'", field=field), lang))
    if option is not None:
        tail.append(option.render())
    if tail:
        head.append(", ".join(tail))
    return ": ".join(h for h in head if h)


class RedlineError(Exception):
    """Bad input or an impossible request. ``str(err)`` is the one-line message.

    Attributes: ``message`` (a ``Message``, or a plain string from older code), ``hint``
    (what the user can do), and where: ``file``, ``part`` (a package part such as
    word/document.xml), ``edit`` (1-based number), ``n`` (the letter's own number),
    ``field``, ``option`` (a CLI option / keyword argument); ``lang`` is the language the
    error speaks by default."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: Message | str, *, where: Any = None, hint: Message | str | None = None,
                 file: Any = None, part: str | None = None, edit: int | None = None, n: Any = None,
                 field: str | None = None, option: Option | None = None):
        self.message = message
        self.hint = hint
        self.file = str(file) if file is not None else None
        self.part = part
        self.edit = edit
        self.n = n
        self.field = field
        self.option = option
        self._where = where  # free text from older code; prefer the structured fields
        self.lang = current_language()
        super().__init__(self.render(self.lang))

    @property
    def where(self) -> str | None:
        """The rendered place ('file: edit 3, field 'x''), or None."""
        return self.location(self.lang) or None

    def location(self, lang: str | None = None) -> str:
        return location(file=self.file, part=self.part, edit=self.edit, n=self.n, field=self.field,
                        option=self.option, where=self._where, lang=lang or self.lang)

    def render(self, lang: str | None = None) -> str:
        """The one-line message in ``lang`` (default: the language it was raised in)."""
        lang = lang or self.lang
        where = self.location(lang)
        text = render(self.message, lang)
        text = f"{where}: {text}" if where else text
        if self.hint:
            text += f" ({render(self.hint, lang)})"
        return text

    def __str__(self) -> str:
        return self.render(self.lang)

    def to_dict(self, lang: str | None = None) -> dict:
        """The error for programs: class, message, hint and the structured place."""
        data = {"error": type(self).__name__, "message": render(self.message, lang or self.lang)}
        if self.hint:
            data["hint"] = render(self.hint, lang or self.lang)
        for key in ("file", "part", "edit", "n", "field"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.option is not None:
            data["option"] = self.option.name
        return data


class DocumentError(RedlineError):
    """The .docx cannot be read: not a zip, corrupt, legacy .doc, encrypted, unsafe XML."""


class LimitError(DocumentError):
    """The document exceeds a safety limit (zip bomb, huge part, deep nesting)."""


class EditsError(RedlineError):
    """The edits file is malformed: invalid JSON, wrong field, unknown op."""


class ResolveError(RedlineError):
    """A reference (target, anchor, find text) matches nothing or more than one place."""

    def __init__(self, message: Message | str, *, candidates: list[str] | None = None, **kw):
        self.candidates = list(candidates or [])
        self.ambiguous = False  # set when the reference matches several places (vs. none)
        super().__init__(message, **kw)


class ConflictError(RedlineError):
    """Two edits touch the same text and cannot both apply."""


class LetterError(RedlineError):
    """A comment letter cannot be read (unknown encoding, unsupported format), or is not a letter."""


class OutputError(RedlineError):
    """The output cannot be written safely (would overwrite the input, exists, wrong suffix, disk full)."""


class UsageError(RedlineError):
    """A bad argument or option value (``--date``, ``--lang``, ``--author``), named in the message."""


@dataclass(frozen=True)
class Warning:  # noqa: A001 - mammoth's name; shadows the builtin only inside redline
    """A recoverable problem, returned beside a result instead of raised."""

    message: Message | str
    where: Message | str | None = None

    def render(self, lang: str | None = None) -> str:
        text = render(self.message, lang)
        return f"{render(self.where, lang)}: {text}" if self.where else text

    def __str__(self) -> str:
        return self.render()
