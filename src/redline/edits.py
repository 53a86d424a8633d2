"""The edits file: reading it, validating it against the published JSON Schema, and
turning it into ``Edit`` objects.  Validation happens before anything else, and every
message names the edit (its 1-based number and its ``n``) and the field at fault.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import EditsError, location
from .messages import Option, joined, msg
from .options import MAX_YEAR, MIN_YEAR, DateOutOfRange, date_option, parse_date
from .text import NOT_XML, nfc

MAX_EDITS_BYTES = 64 * 1024 * 1024
MAX_EDITS = 100_000  # the schema's maxItems of "edits"
# A valid file holds at most: the document, its "letter", each edit and its anchor, each unresolved entry.
MAX_JSON_OBJECTS = 2 + 2 * MAX_EDITS + 100_000
MAX_INT_DIGITS = 30
MAX_AUTHOR_CHARS = 500  # the schema's maxLength of "author"


@lru_cache(maxsize=1)
def _fast_validator():
    import fastjsonschema  # here, not at the top: compare and outline never validate an edits file

    return fastjsonschema.compile(schema())


@lru_cache(maxsize=1)
def schema() -> dict:
    """The published JSON Schema (``redline/schema/edits.schema.json``)."""
    return json.loads(resources.files("redline").joinpath("schema/edits.schema.json").read_text("utf-8"))


@dataclass
class Edit:
    """One amendment instruction.  Field meanings: see the schema and the README."""

    index: int  # 1-based position in the file (or across sources)
    op: str
    target: str
    paragraphs: list[str] | None = None
    text: str | None = None
    heading: str | None = None
    scope: str | None = None
    find: str | None = None
    replace: str | None = None
    occurrence: int | None = None
    exclude: list[str] = field(default_factory=list)
    case_sensitive: bool = True
    anchor: dict | None = None
    row: int | str | None = None  # a table row: number among the body rows, or first-cell text
    column: int | str | None = None  # a table column: number, or header text
    cells: list[str] | None = None  # a new or rewritten row's cell texts
    renumber: bool | None = None  # move following typed sibling numbers up (None: by kind)
    comment: str | None = None
    as_comment: bool = False  # written as a Word comment with its proposed wording, not a tracked change
    author: str = ""
    date: str = ""
    n: int | str | None = None
    note: str | None = None
    quote: str | None = None
    source: str | None = None  # which letter / edits file it came from
    strict: bool = True  # False for edits read out of a letter: one that cannot apply is listed, not fatal

    def place(self, field: str | None = None) -> dict:
        """Where this edit is, as an error's structured keywords: ``raise EditsError(msg(...),
        **edit.place("target"))`` -> 'letter.txt: edit 3 (n=2), field 'target': ...'."""
        return {"file": self.source, "edit": self.index, "n": self.n, "field": field}

    @property
    def where(self) -> str:
        """'edit 3 (n=2)' (with its source when there are several) in the current language."""
        return location(file=self.source, edit=self.index, n=self.n)


@dataclass
class EditsFile:
    author: str | None
    date: str | None
    source: str | None
    edits: list[Edit]
    unresolved: list[dict] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    letter: dict | None = None
    path: str | None = None
    accounting: list[dict] = field(default_factory=list)  # a letter's: what became of each sentence
    warnings: list[str] = field(default_factory=list)  # a letter's: what extract noticed


# What each op does, in the words the summary and the comments use (never the JSON name).
_OPERATION_NAMES = {
    "replace": msg("replace"),
    "append": msg("add at the end"),
    "prepend": msg("add at the start"),
    "insert_after": msg("insert after"),
    "insert_before": msg("insert before"),
    "delete": msg("delete"),
    "replace_text": msg("change wording"),
    "comment": msg("comment"),
}


def operation_name(op: str) -> Any:
    """An op in plain words ("insert_after" -> "insert after" / "chèn sau"), a lazy message."""
    return _OPERATION_NAMES.get(op, op)


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalize_date(value: Any, where: Any = None, **place: Any) -> str:
    """Accept ISO 8601 dates/datetimes (and day-first 15/7/2022); return the form Word writes
    (UTC, seconds, 'Z'), in the years 1000 to 9999 (``options.parse_date``).  ``place`` names
    it in a message (``field=``, ``edit=``...)."""
    if not isinstance(value, str):
        raise EditsError(msg("expected a date such as 2022-07-15T08:00:00Z, got {kind}", kind=type(value).__name__),
                         where=where, **place)
    try:
        return parse_date(value)
    except DateOutOfRange:
        raise EditsError(msg("date {value!r} is out of range: a revision date lies in the years {first} to {last} "
                             "(in UTC)", value=_printable(value), first=MIN_YEAR, last=MAX_YEAR),
                         where=where, **place) from None
    except (ValueError, OverflowError):
        raise EditsError(msg("date {value!r} is not an ISO 8601 date such as 2022-07-15T08:00:00Z",
                             value=_printable(value)), where=where, **place) from None


def check_author(value: Any, where: Any = None, **place: Any) -> str:
    """An author name as Word shows it beside each revision: a string of 1 to
    ``MAX_AUTHOR_CHARS`` characters, not blank, on one line, with no control character or
    lone surrogate (it becomes a ``w:author`` attribute).  The same rule for the edits
    file's ``author`` (file-level and per edit), ``--author`` and ``author=``."""
    if not isinstance(value, str):
        raise EditsError(msg("expected {expected}, got {kind} {value}", expected="string", kind=type(value).__name__,
                             value=_short(value)), where=where, **place)
    if not value.strip():
        raise EditsError(msg("must not be empty"), where=where, **place)
    if len(value) > MAX_AUTHOR_CHARS:
        raise EditsError(msg("text of {length} characters is over the limit of {limit}", length=len(value),
                             limit=MAX_AUTHOR_CHARS), where=where, **place)
    bad = _NOT_AUTHOR.search(value)
    if bad:
        raise EditsError(msg("character U+{code:04X} cannot appear in an author name", code=ord(bad.group())),
                         where=where, **place)
    return value


def load_edits(path: str | Path, *, author: str | None = None, date: str | None = None,
               allow_empty: bool = False) -> EditsFile:
    """Read and validate an edits file.  ``author``/``date`` override the file's defaults."""
    from .package.inputs import read_input

    p = Path(path)
    # a regular file, its size checked before reading (a FIFO or /dev/zero is refused)
    raw = read_input(p, limit=MAX_EDITS_BYTES, error=EditsError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditsError(msg("not UTF-8 (byte {offset})", offset=exc.start), file=p)
    try:
        data = json.loads(text, parse_int=_parse_int, object_hook=_ObjectBudget(MAX_JSON_OBJECTS))
    except json.JSONDecodeError as exc:
        raise EditsError(msg("invalid JSON at line {line}, column {column}: {reason}", line=exc.lineno,
                             column=exc.colno, reason=exc.msg), file=p)
    except RecursionError:
        raise EditsError(msg("invalid JSON: nested too deeply"), file=p)
    except _TooManyObjects:
        raise EditsError(msg("too many edits: a file holds at most {limit:,}, and this one more than that many JSON "
                             "objects (refused before reading the rest)", limit=MAX_EDITS), file=p,
                         hint=msg("split it into several files"))
    return parse_edits(data, where=str(p), author=author, date=date, allow_empty=allow_empty)


def parse_edits(data: Any, *, where: str = "edits", author: str | None = None, date: str | None = None,
                allow_empty: bool = False) -> EditsFile:
    """Validate an already-parsed edits document (dict) and build ``Edit`` objects."""
    if isinstance(data, dict) and isinstance(data.get("edits"), list) and len(data["edits"]) > MAX_EDITS:
        raise EditsError(msg("{count:,} edits, over the limit of {limit:,} a file holds", count=len(data["edits"]),
                             limit=MAX_EDITS), where=where, hint=msg("split it into several files"))
    check_values(data, where)
    validate(data, where)
    if not data["edits"] and not allow_empty:
        raise EditsError(msg("the edits list is empty: nothing to apply"), where=where)
    if author is not None:
        check_author(author, option=Option("author"))
    default_author = author or data.get("author")
    default_date = date_option(date) if date else (
        normalize_date(data["date"], where, field="date") if data.get("date") else now_iso())
    edits = []
    for i, raw in enumerate(data["edits"], start=1):
        e = Edit(index=i, op=raw["op"], target=nfc(raw["target"]))
        for key, value in raw.items():
            if key in ("op", "target"):
                continue
            if isinstance(value, str):
                value = nfc(value)
            elif isinstance(value, list):
                value = [nfc(v) if isinstance(v, str) else v for v in value]
            setattr(e, key, value)
        e.author = raw.get("author") or default_author or ""
        if not e.author:
            raise EditsError(msg("no author: give \"author\" in the file or the edit, or {option}",
                                 option=Option("author")), where=where, edit=e.index, n=e.n)
        e.date = (normalize_date(raw["date"], where, edit=e.index, n=e.n, field="date") if raw.get("date")
                  else default_date)
        edits.append(e)
    return EditsFile(author=default_author, date=default_date, source=data.get("source"), edits=edits,
                     unresolved=list(data.get("unresolved", [])), ignored=list(data.get("ignored", [])),
                     letter=data.get("letter"), path=where, accounting=list(data.get("accounting", [])),
                     warnings=list(data.get("warnings", [])))


def validate(data: Any, where: str) -> None:
    """Raise ``EditsError`` for the first schema violation, phrased for a person.

    jsonschema is the reference validator and phrases every error; a valid file (the
    usual case) is first accepted by the same schema compiled to Python by
    fastjsonschema, ten times faster (1,000 edits: 0.02 s instead of 0.2 s).  The fast
    check may only be stricter (it also checks ``format``): anything it refuses goes to
    jsonschema, whose verdict stands (tests/test_edits_schema.py checks they agree)."""
    try:
        _fast_validator()(data)
        return
    except Exception:  # JsonSchemaException, or anything odd in generated code: ask jsonschema
        pass
    errors, probe, offset = _reference_errors(data)
    if not errors:
        return
    errors.sort(key=lambda e: (_path_key(e.absolute_path), e.validator))
    err = _most_useful(errors)
    text, place = _describe(err, probe, offset)
    raise EditsError(text, where=where, **place)


def _reference_errors(data: Any) -> tuple[list, Any, int]:
    """jsonschema's errors, found in time proportional to the first bad edit, not the file:
    the document without its edits first, then the first edit the compiled per-edit check
    refuses, alone (``probe`` is the document the errors' paths point into; ``offset`` the
    index of its first edit in ``data``).  When the compiled check refused only what
    jsonschema accepts, the whole document goes to jsonschema, whose verdict stands."""
    import jsonschema  # here, not at the top: compare and outline never validate an edits file

    validator = jsonschema.Draft202012Validator(schema(), format_checker=None)
    if isinstance(data, dict) and isinstance(data.get("edits"), list) and len(data["edits"]) > 1:
        top = {**data, "edits": []}
        errors = list(validator.iter_errors(top))
        if errors:
            return errors, top, 0
        item_ok = _fast_edit_validator()
        for i, item in enumerate(data["edits"]):
            try:
                item_ok(item)
                continue
            except Exception:
                pass
            probe = {"edits": [item]}
            errors = list(validator.iter_errors(probe))
            if errors:
                return errors, probe, i
    return list(validator.iter_errors(data)), data, 0


@lru_cache(maxsize=1)
def _fast_edit_validator():
    import fastjsonschema

    return fastjsonschema.compile({"$defs": schema()["$defs"], "$ref": "#/$defs/edit"})


def _path_key(path) -> list:
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path]


# An author name holds no character XML cannot, nor a tab, line break or other control character.
_NOT_AUTHOR = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


class _HugeInt:
    """What the JSON reader makes of an integer literal of more than ``MAX_INT_DIGITS``
    digits (Python refuses to convert one of 4,300 and takes quadratic time below that):
    ``check_values`` refuses it, naming the field."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _parse_int(text: str) -> int | _HugeInt:
    digits = len(text) - (text[:1] == "-")
    return _HugeInt(digits) if digits > MAX_INT_DIGITS else int(text)


class _TooManyObjects(Exception):
    pass


class _ObjectBudget:
    """A ``json.loads`` object hook that stops the parse once more objects were read than a
    valid file can hold, so a 1,000,000-edit file is refused after the first 300,000
    objects instead of after building all of them."""

    def __init__(self, budget: int) -> None:
        self.left = budget

    def __call__(self, obj: dict) -> dict:
        self.left -= 1
        if self.left < 0:
            raise _TooManyObjects()
        return obj


def check_values(data: Any, where: Any = None) -> None:
    """Refuse, naming the field, the values the schema lets through but a document cannot
    take: a float anywhere (no field of the format is a number, and ``1.0`` where an integer
    is expected is a mistake, not an index), an integer of more than ``MAX_INT_DIGITS``
    digits, a string with a character XML cannot hold (every string is checked, whether
    it reaches the XML or a message), and an author name that is blank, multi-line or holds
    a control character.  One walk, without recursion (a dict from Python may nest deep)."""
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            bad = NOT_XML.search(value)
            if bad:
                raise EditsError(msg("character U+{code:04X} cannot appear in a document", code=ord(bad.group())),
                                 where=where, **_place(path, data))
            if path and path[-1] == "author" and len(path) in (1, 3):
                check_author(value, where, **_place(path, data))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, float):
            raise EditsError(msg("expected a whole number without a decimal point, got {value}", value=repr(value)),
                             where=where, **_place(path, data))
        elif isinstance(value, _HugeInt):
            raise EditsError(msg("an integer of {digits:,} digits; at most {limit}", digits=value.digits,
                                 limit=MAX_INT_DIGITS), where=where, **_place(path, data))
        elif isinstance(value, int):
            if value.bit_length() > MAX_INT_DIGITS * 3.33:
                raise EditsError(msg("an integer of {digits:,} digits; at most {limit}",
                                     digits=int(value.bit_length() * 0.30103) + 1, limit=MAX_INT_DIGITS),
                                 where=where, **_place(path, data))
        elif isinstance(value, dict):
            stack.extend((v, path + (k,)) for k, v in value.items())
        elif isinstance(value, (list, tuple)):
            stack.extend((v, path + (i,)) for i, v in enumerate(value))


def _place(path: tuple | list, data: Any, offset: int = 0) -> dict:
    """Where in the document ``path`` points, as an error's structured place: the edit
    (1-based, shifted by ``offset`` for a probe holding one edit), its ``n``, the field."""
    path = list(path)
    place: dict = {}
    if len(path) >= 2 and path[0] == "edits" and isinstance(path[1], int):
        place["edit"] = path[1] + 1 + offset
        try:
            edit = data["edits"][path[1]]
        except (KeyError, IndexError, TypeError):
            edit = None
        n = edit.get("n") if isinstance(edit, dict) else None
        if isinstance(n, (int, str)) and not isinstance(n, bool):
            place["n"] = _printable(n) if isinstance(n, str) else (n if n.bit_length() < 64 else "...")
        rest = path[2:]
        if rest:
            place["field"] = ".".join(str(p) for p in rest)
    elif path:
        place["field"] = ".".join(str(p) for p in path)
    return place


def _most_useful(errors: list) -> Any:
    # Prefer errors deepest in the document: they point at the field, not the whole edit.
    return max(errors, key=lambda e: (len(e.absolute_path), e.validator in ("additionalProperties", "type", "enum")))


def _describe(err: Any, data: Any, offset: int = 0) -> tuple[Any, dict]:
    """A jsonschema error as (message, place): the place is the edit and field at fault."""
    path = list(err.absolute_path)
    place = _place(path, data, offset)
    if err.validator == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed]
        hints = []
        for k in extra:
            close = difflib.get_close_matches(k, allowed, n=1)
            hints.append(msg("unknown field '{name}' (did you mean '{close}'?)", name=k, close=close[0]) if close
                         else msg("unknown field '{name}'", name=k))
        text: Any = joined(*hints, sep="; ")
    elif err.validator == "enum" and path and path[-1] == "op":
        close = difflib.get_close_matches(str(err.instance), err.validator_value, n=1)
        ops = ", ".join(err.validator_value)
        text = (msg("unknown op {op!r}; expected one of {ops} (did you mean '{close}'?)", op=err.instance, ops=ops,
                    close=close[0]) if close
                else msg("unknown op {op!r}; expected one of {ops}", op=err.instance, ops=ops))
    elif err.validator == "required":
        text = msg("{name!r} is required", name=_missing(err))
    elif err.validator == "type":
        expected = err.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        text = msg("expected {expected}, got {kind} {value}", expected=expected, kind=type(err.instance).__name__,
                   value=_short(err.instance))
    elif err.validator in ("anyOf", "oneOf") and path and isinstance(err.instance, dict) and "op" in err.instance:
        needs = [sorted(s.get("required", [])) for s in err.validator_value]
        options = " or ".join("'" + "'+'".join(n) + "'" for n in needs if n)
        text = (msg("op '{op}' needs exactly one of {options}", op=err.instance["op"], options=options)
                if err.validator == "oneOf" else
                msg("op '{op}' needs at least one of {options}", op=err.instance["op"], options=options))
    elif err.validator == "maxLength":
        text = msg("text of {length} characters is over the limit of {limit}", length=len(err.instance),
                   limit=err.validator_value)
    elif err.validator == "minLength":
        text = msg("must not be empty")
    else:  # jsonschema's own phrasing (English): rare validators
        text = err.message if len(err.message) < 300 else err.message[:300] + "..."
    return text, place


def _missing(err: Any) -> str:
    """The required property a jsonschema 'required' error is about."""
    missing = [k for k in err.validator_value if not isinstance(err.instance, dict) or k not in err.instance]
    return missing[0] if missing else err.validator_value[0]


def _short(value: Any) -> str:
    """A value as a message shows it: JSON, at most 60 characters, printable on any terminal."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"<an integer of about {int(value.bit_length() * 0.30103):,} digits>"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = f"<{type(value).__name__}>"
    text = _printable(text)
    return text if len(text) < 60 else text[:57] + "..."


def _printable(text: str) -> str:
    """``text`` with control characters and lone surrogates escaped (\\u0001), so a message
    quoting a bad value prints on any terminal and shows where the bad character is."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)
