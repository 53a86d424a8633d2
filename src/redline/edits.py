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

import fastjsonschema
import jsonschema

from .errors import EditsError, location
from .messages import Option, joined, msg
from .options import date_option, parse_date
from .text import nfc

MAX_EDITS_BYTES = 64 * 1024 * 1024


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
    row: int | str | None = None  # a table row: number among the body rows, or first-cell text
    column: int | str | None = None  # a table column: number, or header text
    cells: list[str] | None = None  # a new or rewritten row's cell texts
    renumber: bool | None = None  # move following typed sibling numbers up (None: by kind)
    comment: str | None = None
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


def normalize_date(value: str, where: Any = None, **place: Any) -> str:
    """Accept ISO 8601 dates/datetimes (and day-first 15/7/2022); return the form Word writes
    (UTC, seconds, 'Z')."""
    try:
        return parse_date(value)
    except (ValueError, OverflowError):
        raise EditsError(msg("date {value!r} is not an ISO 8601 date such as 2022-07-15T08:00:00Z", value=value),
                         where=where, **place) from None


def load_edits(path: str | Path, *, author: str | None = None, date: str | None = None,
               allow_empty: bool = False) -> EditsFile:
    """Read and validate an edits file.  ``author``/``date`` override the file's defaults."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_EDITS_BYTES:
            raise EditsError(msg("edits file is {size} bytes, over the {limit} byte limit", size=size,
                                 limit=MAX_EDITS_BYTES), file=p)
        raw = p.read_bytes()
    except OSError as exc:
        raise EditsError(msg("cannot read edits file: {reason}", reason=exc.strerror or exc), file=p)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditsError(msg("not UTF-8 (byte {offset})", offset=exc.start), file=p)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EditsError(msg("invalid JSON at line {line}, column {column}: {reason}", line=exc.lineno,
                             column=exc.colno, reason=exc.msg), file=p)
    except RecursionError:
        raise EditsError(msg("invalid JSON: nested too deeply"), file=p)
    return parse_edits(data, where=str(p), author=author, date=date, allow_empty=allow_empty)


def parse_edits(data: Any, *, where: str = "edits", author: str | None = None, date: str | None = None,
                allow_empty: bool = False) -> EditsFile:
    """Validate an already-parsed edits document (dict) and build ``Edit`` objects."""
    validate(data, where)
    _check_characters(data, where)
    if not data["edits"] and not allow_empty:
        raise EditsError(msg("the edits list is empty: nothing to apply"), where=where)
    default_author = author or data.get("author")
    default_date = date_option(date) if date else (
        normalize_date(data["date"], where) if data.get("date") else now_iso())
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
    validator = jsonschema.Draft202012Validator(schema(), format_checker=None)
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(e.absolute_path), e.validator))
    if not errors:
        return
    err = _most_useful(errors)
    text, place = _describe(err, data)
    raise EditsError(text, where=where, **place)


# Characters XML 1.0 cannot hold (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _check_characters(data: dict, where: str) -> None:
    """Text that would become document XML must be characters XML can hold."""
    for i, edit in enumerate(data["edits"], start=1):
        for key, value in edit.items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                if isinstance(v, str) and _NOT_XML.search(v):
                    bad = _NOT_XML.search(v).group()
                    raise EditsError(msg("character U+{code:04X} cannot appear in a document", code=ord(bad)),
                                     where=where, edit=i, n=edit.get("n"), field=key)


def _most_useful(errors: list) -> Any:
    # Prefer errors deepest in the document: they point at the field, not the whole edit.
    return max(errors, key=lambda e: (len(e.absolute_path), e.validator in ("additionalProperties", "type", "enum")))


def _describe(err: Any, data: Any) -> tuple[Any, dict]:
    """A jsonschema error as (message, place): the place is the edit and field at fault."""
    path = list(err.absolute_path)
    place: dict = {}
    if len(path) >= 2 and path[0] == "edits" and isinstance(path[1], int):
        edit = data["edits"][path[1]]
        place["edit"] = path[1] + 1
        if isinstance(edit, dict) and "n" in edit:
            place["n"] = edit["n"]
        rest = path[2:]
        if rest:
            place["field"] = ".".join(str(p) for p in rest)
    elif path:
        place["field"] = ".".join(str(p) for p in path)
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
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 60 else text[:57] + "..."
