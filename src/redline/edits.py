"""The edits file: reading it, validating it against the published JSON Schema, and
turning it into ``Edit`` objects.  Validation happens before anything else, and every
message names the edit (its 1-based number and its ``n``) and the field at fault.
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from .errors import EditsError
from .text import NOT_XML, nfc

MAX_EDITS_BYTES = 64 * 1024 * 1024
MAX_EDITS = 100_000  # the schema's maxItems of "edits"
# A valid file holds at most: the document, its "letter", each edit and its anchor, each unresolved entry.
MAX_JSON_OBJECTS = 2 + 2 * MAX_EDITS + 100_000
MAX_INT_DIGITS = 30
MAX_AUTHOR_CHARS = 500  # the schema's maxLength of "author"
MIN_YEAR, MAX_YEAR = 1000, 9999


@lru_cache(maxsize=1)
def _fast_validator():
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
    comment: str | None = None
    author: str = ""
    date: str = ""
    n: int | str | None = None
    note: str | None = None
    quote: str | None = None
    source: str | None = None  # which letter / edits file it came from
    strict: bool = True  # False for edits read out of a letter: one that cannot apply is listed, not fatal

    @property
    def where(self) -> str:
        """'edit 3 (n=2)' — how messages name this edit."""
        label = f"edit {self.index}"
        if self.n is not None:
            label += f" (n={self.n})"
        if self.source:
            label = f"{self.source}: {label}"
        return label


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


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalize_date(value: Any, where: str | None, field: str = "date") -> str:
    """Accept ISO 8601 dates/datetimes; return the form Word writes (UTC, seconds, 'Z').

    ``w:date`` is an ``xsd:dateTime`` with a four-digit year, so the date must fall in the
    years 1000 to 9999 once moved to UTC (``0001-01-01T00:00:00+00:30`` does not)."""
    label = f"{field}: date '{_short(value).strip(chr(34))}'"
    if not isinstance(value, str):
        raise EditsError(f"{field}: expected a date string such as 2022-07-15T08:00:00Z, got "
                         f"{type(value).__name__}", where=where)
    v = value.strip()
    try:
        if len(v) == 10:
            dt = datetime.fromisoformat(v).replace(tzinfo=timezone.utc)
        else:
            dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=timezone.utc)
    except ValueError:
        raise EditsError(f"{label} is not an ISO 8601 date such as 2022-07-15T08:00:00Z", where=where)
    try:
        utc = dt.astimezone(timezone.utc)
    except OverflowError:
        utc = None
    if utc is None or not MIN_YEAR <= utc.year <= MAX_YEAR:
        raise EditsError(f"{label} is out of range: a revision date lies in the years {MIN_YEAR} to {MAX_YEAR} "
                         "(in UTC)", where=where)
    return (f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}Z")


def check_author(value: Any, where: str | None, field: str = "author") -> str:
    """An author name as Word shows it beside each revision: a string of 1 to
    ``MAX_AUTHOR_CHARS`` characters, not blank, on one line, with no control character or
    lone surrogate (it becomes a ``w:author`` attribute).  The same rule for the edits
    file's ``author`` (file-level and per edit), ``--author`` and ``author=``."""
    if not isinstance(value, str):
        raise EditsError(f"{field}: expected a string, got {type(value).__name__}", where=where)
    if not value.strip():
        raise EditsError(f"{field}: must not be empty or blank", where=where)
    if len(value) > MAX_AUTHOR_CHARS:
        raise EditsError(f"{field}: {len(value):,} characters, over the limit of {MAX_AUTHOR_CHARS}", where=where)
    bad = _NOT_AUTHOR.search(value)
    if bad:
        raise EditsError(f"{field}: character {_char_name(bad.group())} cannot appear in an author name", where=where)
    return value


def load_edits(path: str | Path, *, author: str | None = None, date: str | None = None,
               allow_empty: bool = False) -> EditsFile:
    """Read and validate an edits file.  ``author``/``date`` override the file's defaults."""
    from .package.inputs import read_input

    p = Path(path)
    # a regular file, its size checked before reading (a FIFO or /dev/zero is refused)
    raw = read_input(p, limit=MAX_EDITS_BYTES, what="edits file", error=EditsError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditsError(f"not UTF-8 (byte {exc.start})", where=str(p))
    try:
        data = json.loads(text, parse_int=_parse_int, object_hook=_ObjectBudget(MAX_JSON_OBJECTS))
    except json.JSONDecodeError as exc:
        raise EditsError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", where=str(p))
    except RecursionError:
        raise EditsError("invalid JSON: nested too deeply", where=str(p))
    except _TooManyObjects:
        raise EditsError(f"too many edits: a file holds at most {MAX_EDITS:,} (refused after reading "
                         f"{MAX_JSON_OBJECTS:,} JSON objects, before the rest)", where=str(p),
                         hint="split it into several files")
    return parse_edits(data, where=str(p), author=author, date=date, allow_empty=allow_empty)


def parse_edits(data: Any, *, where: str = "edits", author: str | None = None, date: str | None = None,
                allow_empty: bool = False) -> EditsFile:
    """Validate an already-parsed edits document (dict) and build ``Edit`` objects."""
    if isinstance(data, dict) and isinstance(data.get("edits"), list) and len(data["edits"]) > MAX_EDITS:
        raise EditsError(f"{len(data['edits']):,} edits, over the limit of {MAX_EDITS:,} a file holds", where=where,
                         hint="split it into several files")
    check_values(data, where)
    validate(data, where)
    if not data["edits"] and not allow_empty:
        raise EditsError("the edits list is empty: nothing to apply", where=where)
    if author is not None:
        check_author(author, None, "option --author")
    if date is not None:
        date = normalize_date(date, None, "option --date")
    default_author = author or data.get("author")
    default_date = date or (normalize_date(data["date"], where, "field 'date'") if data.get("date") else now_iso())
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
            raise EditsError("no author: give \"author\" in the file or the edit, or --author",
                             where=f"{where}: {e.where}")
        e.date = normalize_date(raw["date"], f"{where}: {e.where}", "field 'date'") if raw.get("date") else default_date
        edits.append(e)
    return EditsFile(author=default_author, date=default_date, source=data.get("source"), edits=edits,
                     unresolved=list(data.get("unresolved", [])), ignored=list(data.get("ignored", [])),
                     letter=data.get("letter"), path=where)


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
    raise EditsError(_describe(err, probe, offset), where=where)


def _reference_errors(data: Any) -> tuple[list, Any, int]:
    """jsonschema's errors, found in time proportional to the first bad edit, not the file:
    the document without its edits first, then the first edit the compiled per-edit check
    refuses, alone (``probe`` is the document the errors' paths point into; ``offset`` the
    index of its first edit in ``data``).  When the compiled check refused only what
    jsonschema accepts, the whole document goes to jsonschema, whose verdict stands."""
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
    return fastjsonschema.compile({"$defs": schema()["$defs"], "$ref": "#/$defs/edit"})


def _path_key(path) -> list:
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in path]


# ... and an author name holds none of those, nor a tab, line break or other control character.
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


def check_values(data: Any, where: str) -> None:
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
                raise EditsError(f"{_locate(path, data)}: character {_char_name(bad.group())} cannot appear in a "
                                 "document", where=where)
            if path and path[-1] == "author" and len(path) in (1, 3):
                check_author(value, where, _locate(path, data))
        elif isinstance(value, bool):
            continue
        elif isinstance(value, float):
            shown = "an integral float " + repr(value) if value.is_integer() else repr(value)
            raise EditsError(f"{_locate(path, data)}: expected an integer or a string, got {shown} (write 1, not "
                             "1.0)", where=where)
        elif isinstance(value, _HugeInt):
            raise EditsError(f"{_locate(path, data)}: an integer of {value.digits:,} digits; at most "
                             f"{MAX_INT_DIGITS}", where=where)
        elif isinstance(value, int):
            if value.bit_length() > MAX_INT_DIGITS * 4:
                raise EditsError(f"{_locate(path, data)}: an integer of over {MAX_INT_DIGITS} digits", where=where)
        elif isinstance(value, dict):
            stack.extend((v, path + (k,)) for k, v in value.items())
        elif isinstance(value, (list, tuple)):
            stack.extend((v, path + (i,)) for i, v in enumerate(value))


def _char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if 0xD800 <= ord(ch) <= 0xDFFF:
        name = "a lone surrogate"
    elif not name:
        name = "a control character"
    return f"U+{ord(ch):04X} ({name.lower() if name.isupper() else name})"


def _locate(path: tuple | list, data: Any, offset: int = 0) -> str:
    """How a message names a place in the document: "edit 3 (n=2), field 'anchor.paragraph'",
    "field 'author'"; ``offset`` shifts the edit number (a probe holding one edit)."""
    path = list(path)
    if len(path) >= 2 and path[0] == "edits" and isinstance(path[1], int):
        loc = f"edit {path[1] + 1 + offset}"
        try:
            edit = data["edits"][path[1]]
        except (KeyError, IndexError, TypeError):
            edit = None
        n = edit.get("n") if isinstance(edit, dict) else None
        if isinstance(n, (int, str)) and not isinstance(n, bool):
            loc += f" (n={_short(n).strip(chr(34)) if isinstance(n, str) else _short(n)})"
        rest = path[2:]
        if rest:
            loc += ", field '" + ".".join(str(p) for p in rest) + "'"
        return loc
    if path:
        return "field '" + ".".join(str(p) for p in path) + "'"
    return "the document"


def _most_useful(errors: list) -> Any:
    # Prefer errors deepest in the document: they point at the field, not the whole edit.
    return max(errors, key=lambda e: (len(e.absolute_path), e.validator in ("additionalProperties", "type", "enum")))


def _describe(err: Any, data: Any, offset: int = 0) -> str:
    path = list(err.absolute_path)
    loc = _locate(path, data, offset) if path else ""
    if err.validator == "additionalProperties":
        allowed = list(err.schema.get("properties", {}))
        extra = [k for k in err.instance if k not in allowed]
        hints = []
        for k in extra:
            close = difflib.get_close_matches(k, allowed, n=1)
            hints.append(f"unknown field '{k}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        msg = "; ".join(hints)
    elif err.validator == "enum" and path and path[-1] == "op":
        close = difflib.get_close_matches(str(err.instance), err.validator_value, n=1)
        msg = f"unknown op {err.instance!r}; expected one of {', '.join(err.validator_value)}"
        if close:
            msg += f" (did you mean '{close[0]}'?)"
    elif err.validator == "required":
        msg = err.message.replace("is a required property", "is required")
    elif err.validator == "type":
        expected = err.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        msg = f"expected {expected}, got {type(err.instance).__name__} {_short(err.instance)}"
    elif err.validator in ("anyOf", "oneOf") and path and isinstance(err.instance, dict) and "op" in err.instance:
        needs = [sorted(s.get("required", [])) for s in err.validator_value]
        options = " or ".join("'" + "'+'".join(n) + "'" for n in needs if n)
        verb = "exactly one of" if err.validator == "oneOf" else "at least one of"
        msg = f"op '{err.instance['op']}' needs {verb} {options}"
    elif err.validator == "maxLength":
        msg = f"text of {len(err.instance)} characters is over the limit of {err.validator_value}"
    elif err.validator == "minLength":
        msg = "must not be empty"
    else:
        msg = err.message if len(err.message) < 300 else err.message[:300] + "..."
    return f"{loc}: {msg}" if loc else msg


def _short(value: Any) -> str:
    """A value as a message shows it: JSON, at most 60 characters, control characters and
    lone surrogates escaped (the message must print on any terminal)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103):,} digits"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = f"<{type(value).__name__}>"
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    text = "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) < 60 else text[:57] + "..."
