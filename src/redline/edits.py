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

from .errors import EditsError
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
    comment: str | None = None
    as_comment: bool = False  # written as a Word comment with its proposed wording, not a tracked change
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


def normalize_date(value: str, where: str) -> str:
    """Accept ISO 8601 dates/datetimes; return the form Word writes (UTC, seconds, 'Z')."""
    v = value.strip()
    try:
        if len(v) == 10:
            dt = datetime.fromisoformat(v).replace(tzinfo=timezone.utc)
        else:
            dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
            if dt.tzinfo is None:
                dt = dt.replace(tzinfo=timezone.utc)
    except ValueError:
        raise EditsError(f"date {value!r} is not an ISO 8601 date such as 2022-07-15T08:00:00Z", where=where)
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_edits(path: str | Path, *, author: str | None = None, date: str | None = None,
               allow_empty: bool = False) -> EditsFile:
    """Read and validate an edits file.  ``author``/``date`` override the file's defaults."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_EDITS_BYTES:
            raise EditsError(f"edits file is {size} bytes, over the {MAX_EDITS_BYTES} byte limit", where=str(p))
        raw = p.read_bytes()
    except OSError as exc:
        raise EditsError(f"cannot read edits file: {exc.strerror or exc}", where=str(p))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditsError(f"not UTF-8 (byte {exc.start})", where=str(p))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EditsError(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", where=str(p))
    except RecursionError:
        raise EditsError("invalid JSON: nested too deeply", where=str(p))
    return parse_edits(data, where=str(p), author=author, date=date, allow_empty=allow_empty)


def parse_edits(data: Any, *, where: str = "edits", author: str | None = None, date: str | None = None,
                allow_empty: bool = False) -> EditsFile:
    """Validate an already-parsed edits document (dict) and build ``Edit`` objects."""
    validate(data, where)
    _check_characters(data, where)
    if not data["edits"] and not allow_empty:
        raise EditsError("the edits list is empty: nothing to apply", where=where)
    default_author = author or data.get("author")
    default_date = normalize_date(date, where) if date else (
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
            raise EditsError("no author: give \"author\" in the file or the edit, or --author",
                             where=f"{where}: {e.where}")
        e.date = normalize_date(raw["date"], f"{where}: {e.where}") if raw.get("date") else default_date
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
    raise EditsError(_describe(err, data), where=where)


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
                    n = f" (n={edit['n']})" if "n" in edit else ""
                    raise EditsError(f"edit {i}{n}, field '{key}': character U+{ord(bad):04X} cannot appear in a "
                                     "document", where=where)


def _most_useful(errors: list) -> Any:
    # Prefer errors deepest in the document: they point at the field, not the whole edit.
    return max(errors, key=lambda e: (len(e.absolute_path), e.validator in ("additionalProperties", "type", "enum")))


def _describe(err: Any, data: Any) -> str:
    path = list(err.absolute_path)
    loc = ""
    if len(path) >= 2 and path[0] == "edits" and isinstance(path[1], int):
        edit = data["edits"][path[1]]
        loc = f"edit {path[1] + 1}"
        if isinstance(edit, dict) and "n" in edit:
            loc += f" (n={edit['n']})"
        rest = path[2:]
        if rest:
            loc += ", field '" + ".".join(str(p) for p in rest) + "'"
    elif path:
        loc = "field '" + ".".join(str(p) for p in path) + "'"
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
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 60 else text[:57] + "..."
