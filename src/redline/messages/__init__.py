"""Every user-facing message, in English and Vietnamese, through one catalogue.

A clerk in a Vietnamese department reads Vietnamese; a program or a foreign reviewer reads
English.  So every message a person sees (CLI lines, ``RedlineError`` texts, warnings, the
summary's labels in every format) is written once in English *where it is used* and
translated once in the catalogue beside this file; ``tests/test_messages.py`` fails when
the code uses a message the catalogue does not translate, when the two texts' parameters
differ, or when the catalogue keeps a translation nothing uses.  The English template is
the key (as in gettext), so the code reads as what the user sees.

How to add a message
--------------------
1. Write it in English through ``msg``, parameters by keyword (``str.format`` syntax)::

       from .messages import msg
       raise EditsError(msg("unknown op {op!r}; expected one of {ops}", op=op, ops=", ".join(OPS)),
                        file=path, edit=3, field="op")

   ``msg`` returns a lazy ``Message``: nothing is formatted until it is shown, in the
   language chosen then.  A parameter may itself be a ``Message`` (rendered in the same
   language) or an ``Option`` (a CLI option / Python keyword: ``--force`` on the command
   line, ``force=True`` from Python).  ``{n:plural:edit:edits}`` prints the English
   singular or plural word for the number ``n`` (Vietnamese has no plural: its text
   simply omits the spec); ``{size:,}`` groups digits as each language does (1,024 /
   1.024).  Keep the file, edit number and field out of the text: pass them to the
   error as structured data (``file=``, ``edit=``, ``n=``, ``field=``, ``part=``), so a
   program can read them and each language words them its own way.
2. Add the Vietnamese text, keyed by the exact English template, to the ``VI`` dict of
   the catalogue file for your concern (``documents.py``, ``edits.py``, ``letters.py``,
   ``summary.py``, ``cli.py``, ...; a new concern may add a new file: every module in
   this folder is read).  Same parameter names, any order.
3. Run ``python -m pytest -q tests/test_messages.py``.

Choosing the language: ``lang="vi"|"en"`` on the public functions (``--lang`` on the
command line); by default the draft's language, detected from its text
(``detect_language``).  Inside a run, ``with language("vi"):`` sets it for everything
rendered there; an error remembers the language active when it was raised, so
``str(err)`` outside the run still speaks it (``err.render("en")`` for another).
"""
from __future__ import annotations

import contextvars
import importlib
import os
import pkgutil
import re
import string
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator, Mapping

LANGUAGES = ("en", "vi")
DEFAULT_LANGUAGE = "en"

_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("redline_lang", default=None)
_STYLE: contextvars.ContextVar[str] = contextvars.ContextVar("redline_option_style", default="python")


# ---------------------------------------------------------------------------- choosing the language

def normalize_language(lang: str | None) -> str | None:
    """'vi', 'VI', 'vi_VN.UTF-8', 'vi-VN' -> 'vi'; 'en', 'en_GB' -> 'en'; None -> None.

    Anything else is a ``ValueError`` naming the languages there are (the public
    functions turn it into a ``UsageError``)."""
    if lang is None:
        return None
    code = re.split(r"[-_.@]", str(lang).strip().lower(), maxsplit=1)[0]
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    return code


def current_language() -> str | None:
    """The language set by the innermost ``language(...)`` block, or None (not chosen)."""
    return _LANG.get()


@contextmanager
def language(lang: str | None) -> Iterator[str | None]:
    """Render every message inside the block in ``lang`` (None: leave the outer choice)."""
    code = normalize_language(lang)
    if code is None:
        yield _LANG.get()
        return
    token = _LANG.set(code)
    try:
        yield code
    finally:
        _LANG.reset(token)


@contextmanager
def option_style(style: str) -> Iterator[None]:
    """'cli' renders an ``Option`` as ``--force``; 'python' (the default) as ``force=True``."""
    token = _STYLE.set(style)
    try:
        yield
    finally:
        _STYLE.reset(token)


def environment_language() -> str | None:
    """The language of the user's locale (LC_ALL, LC_MESSAGES, LANG), when it is one we speak."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            try:
                return normalize_language(value)
            except ValueError:
                return None
    return None


# Letters only Vietnamese writes among the languages our users' drafts come in: đ, the
# horn and breve vowels, and the tone marks (dot below, hook above) on any vowel.
_VI_LETTERS = set("đăâêôơư")
_VI_MARKS = {"\u0323", "\u0309", "\u031b", "\u0306"}  # dot below, hook above, horn, breve


def detect_language(text: str) -> str:
    """'vi' when the text reads as Vietnamese, else 'en'.

    A word counts as Vietnamese when it holds a letter or mark only Vietnamese uses
    (đ, ă, â, ê, ô, ơ, ư; dot below, hook above).  Vietnamese prose has them in about
    half its words, so a fifth of the first 400 words is a safe line: an English draft
    quoting a few Vietnamese names stays English."""
    words = re.findall(r"[^\W\d_]+", text[:20000])[:400]
    if not words:
        return DEFAULT_LANGUAGE
    vi = 0
    for w in words:
        d = unicodedata.normalize("NFD", w.lower())
        if any(c in _VI_MARKS for c in d) or any(c in _VI_LETTERS for c in unicodedata.normalize("NFC", d)):
            vi += 1
    return "vi" if vi >= 0.2 * len(words) else "en"


# ---------------------------------------------------------------------------- messages

class Option:
    """A command-line option that Python callers pass as a keyword argument.

    ``Option("force")`` renders as ``--force`` on the command line and ``force=True``
    from Python; ``Option("date", value="15/7/2022")`` as ``--date 15/7/2022`` /
    ``date='15/7/2022'``; ``Option("date")`` as ``--date`` / ``date=``."""

    __slots__ = ("name", "value", "flag")

    def __init__(self, name: str, value: Any = None, *, flag: bool = False):
        self.name, self.value, self.flag = name, value, flag

    def render(self, style: str | None = None) -> str:
        style = style or _STYLE.get()
        if style == "cli":
            opt = "--" + self.name.replace("_", "-")
            return opt if self.value is None else f"{opt} {self.value}"
        if self.flag:
            return f"{self.name}=True"
        return f"{self.name}=" if self.value is None else f"{self.name}={self.value!r}"

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Option({self.name!r})"


class _StandsForStr:
    """A message stands in for a str in the places messages used to be strings: ``+`` with a
    str gives the rendered text, ``in`` searches it."""

    __slots__ = ()

    def __add__(self, other: Any) -> str:
        return str(self) + str(other)

    def __radd__(self, other: Any) -> str:
        return str(other) + str(self)

    def __contains__(self, item: str) -> bool:
        return item in str(self)


class Message(_StandsForStr):
    """An English template and its parameters, rendered in a language when shown.

    Equal templates with equal parameters are equal messages; ``str()`` renders in the
    current language (see ``language``)."""

    __slots__ = ("template", "params")

    def __init__(self, template: str, params: Mapping[str, Any]):
        self.template = template
        self.params = dict(params)

    def render(self, lang: str | None = None) -> str:
        code = normalize_language(lang) or _LANG.get() or DEFAULT_LANGUAGE
        text = translations().get(self.template, self.template) if code != "en" else self.template
        values = {k: _value(v, code) for k, v in self.params.items()}
        try:
            return _Formatter(code).vformat(text, (), values)
        except (KeyError, IndexError, ValueError):  # a catalogue slip must never hide the message
            return _Formatter("en").vformat(self.template, (), values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"msg({self.template!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash(self.template)



def msg(template: str, **params: Any) -> Message:
    """A user-facing message: its English ``template`` and keyword ``params``.

    The template is the catalogue key; see the module docstring for how to add one."""
    return Message(template, params)


class Joined(_StandsForStr):
    """Messages (or plain strings) shown one after another: a sentence built of parts,
    each part a catalogue message, e.g. ``joined(msg("no section matches {ref!r}", ...),
    msg("; nearest: {names}", ...))``."""

    __slots__ = ("parts", "sep")

    def __init__(self, parts: list[Any], sep: str = ""):
        self.parts, self.sep = parts, sep

    def render(self, lang: str | None = None) -> str:
        return self.sep.join(render(p, lang) for p in self.parts if p is not None)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"joined({self.parts!r}, sep={self.sep!r})"


def joined(*parts: Any, sep: str = "") -> Joined:
    """Parts shown in order (None parts left out), each in the language of the whole."""
    return Joined([p for p in parts if p is not None], sep)


def render(text: Any, lang: str | None = None) -> str:
    """A message, a plain string (shown as it is) or None, as text in ``lang``."""
    if text is None:
        return ""
    if isinstance(text, (Message, Joined)):
        return text.render(lang)
    if isinstance(text, Option):
        return text.render()
    return str(text)


def _value(v: Any, lang: str) -> Any:
    if isinstance(v, (Message, Joined)):
        return v.render(lang)
    if isinstance(v, Option):
        return v.render()
    if isinstance(v, os.PathLike):
        return os.fspath(v)
    return v


class _Formatter(string.Formatter):
    """str.format with a language: ``{n:plural:one:many}`` and localized digit groups."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        if spec.startswith("plural:"):
            _, one, many = (spec.split(":") + ["", ""])[:3]
            return one if value == 1 else many
        text = super().format_field(value, spec)
        if self.lang == "vi" and "," in spec and isinstance(value, (int, float)):
            text = text.translate(str.maketrans(",.", ".,"))
        return text


# ---------------------------------------------------------------------------- the catalogue

@lru_cache(maxsize=1)
def translations() -> dict[str, str]:
    """English template -> Vietnamese template, merged from every module in this folder."""
    return {k: v for _, table in catalogue_files() for k, v in table.items()}


@lru_cache(maxsize=1)
def catalogue_files() -> tuple[tuple[str, dict[str, str]], ...]:
    """(module name, its VI dict) for every catalogue file beside this one."""
    files = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        files.append((info.name, dict(getattr(module, "VI", {}))))
    return tuple(files)


def template_fields(template: str) -> set[str]:
    """The parameter names a template uses ({name}, {name!r}, {name:spec})."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is not None and field != "":
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return names


__all__ = ["msg", "Message", "joined", "Joined", "Option", "render", "language", "current_language", "option_style",
           "detect_language", "environment_language", "normalize_language", "translations", "template_fields",
           "LANGUAGES", "DEFAULT_LANGUAGE"]
