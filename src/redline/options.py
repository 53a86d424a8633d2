"""The public functions' option values, checked at the edge before any work: the revision
date (``date=`` / ``--date``), the language (``lang=`` / ``--lang``) and an output file's
suffix.  A bad value is a ``UsageError`` naming the option, never blamed on a letter or an
edits file."""
from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import OutputError, UsageError
from .messages import LANGUAGES, Option, msg, normalize_language

# 15/7/2022, 15-07-2022, 15.7.2022, optionally followed by a time (08:30 or 08:30:15): how a
# Vietnamese clerk (and most of the world) writes a date: day first.
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def parse_date(value: str) -> str:
    """An ISO 8601 date or date-time, or a day-first date (15/7/2022, 15-07-2022 08:30), as
    Word writes revision dates: UTC, whole seconds, 'Z', in the years 1000 to 9999
    (``DateOutOfRange`` outside them).  ``ValueError`` otherwise.

    A date without a zone is taken as UTC (Word shows it as written)."""
    v = value.strip()
    m = _DMY.fullmatch(v)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        hour, minute, second = (int(m.group(i) or 0) for i in (4, 5, 6))
        dt = datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)
    elif len(v) == 10:
        dt = datetime.fromisoformat(v).replace(tzinfo=timezone.utc)
    else:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
    # w:date is an xsd:dateTime with a four-digit year: 0001-01-01T00:00:00+00:30 falls before
    # year 1 in UTC (OverflowError) and 0999 would be written "999" (strftime does not pad)
    try:
        utc = dt.astimezone(timezone.utc)
    except OverflowError:
        raise DateOutOfRange(value) from None
    if not MIN_YEAR <= utc.year <= MAX_YEAR:
        raise DateOutOfRange(value)
    return f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}Z"


MIN_YEAR, MAX_YEAR = 1000, 9999


class DateOutOfRange(ValueError):
    """A date outside the years 1000 to 9999 once moved to UTC."""


def date_option(value: str | None) -> str | None:
    """``date=`` / ``--date``, checked: None stays None."""
    if value is None:
        return None
    try:
        return parse_date(str(value))
    except DateOutOfRange:
        raise UsageError(msg("date {value!r} is out of range: a revision date lies in the years {first} to {last} "
                             "(in UTC)", value=value, first=MIN_YEAR, last=MAX_YEAR), option=Option("date")) from None
    except (ValueError, OverflowError):
        raise UsageError(msg("{value!r} is not a date: write 15/7/2022, 2022-07-15 or 2022-07-15T08:00:00Z",
                             value=value), option=Option("date")) from None


def language_option(value: str | None) -> str | None:
    """``lang=`` / ``--lang``, checked ('vi', 'en', or a locale such as 'vi_VN'); None: not chosen.

    Not chosen, the ``REDLINE_LANG`` environment variable decides when set; otherwise the
    caller detects the draft's language."""
    if value is None:
        value = os.environ.get("REDLINE_LANG") or None
        if value is None:
            return None
    try:
        return normalize_language(value)
    except ValueError:
        raise UsageError(msg("unknown language {value!r}: expected one of {languages}", value=value,
                             languages=", ".join(LANGUAGES)), option=Option("lang")) from None


def expect_suffix(path: Any, suffixes: tuple[str, ...]) -> Path:
    """Refuse an output whose name promises another format (``-o out.txt`` for a .docx)."""
    p = Path(path)
    if p.suffix.lower() not in suffixes:
        raise OutputError(msg("the output would be a {kind} file but its name ends in {suffix!r}",
                              kind=suffixes[0], suffix=p.suffix or ""), file=p,
                          hint=msg("name it {name}", name=p.with_suffix(suffixes[0]).name if p.suffix
                                   else p.name + suffixes[0]))
    return p
