"""Reading an input file safely: every file redline reads whole (a draft, an edits file, a
letter, the expected text of ``check --expected``) comes through ``read_input``.

Why not ``Path.read_bytes``: a FIFO given as an input blocks it forever, and ``/dev/zero``
or ``/dev/urandom`` are read until memory runs out (their ``st_size`` is 0, so a size
check on ``stat`` alone passes).  Here the file is opened with ``O_NONBLOCK`` (opening a
FIFO then returns at once instead of waiting for a writer), the *open descriptor* is
checked with ``fstat`` (so a file swapped for a FIFO after a ``stat`` is still caught),
anything but a regular file is refused, the size is checked against the caller's limit
before a byte is read, and the read itself stops one byte past the limit (a file that
grows while read is refused, never read on).
"""
from __future__ import annotations

import os
import stat

from typing import Any

from ..errors import RedlineError
from ..messages import Message, msg


def read_input(path: str | os.PathLike, *, limit: int, error: type[RedlineError] = RedlineError,
               limit_error: type[RedlineError] | None = None, limit_name: str | None = None,
               where: Any = None) -> bytes:
    """The whole content of the regular file ``path``, at most ``limit`` bytes.

    ``error`` is the ``RedlineError`` subclass raised (``limit_error`` for the size limit,
    default the same); ``limit_name`` names the setting that raises the limit, for the
    hint; ``where`` overrides the file name messages start with."""
    place: dict = {"where": where} if where is not None else {"file": path}
    limit_error = limit_error or error
    hint = msg("raise {setting}", setting=limit_name) if limit_name else None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(msg("not found (no such file)"), **place)
    except IsADirectoryError:
        raise error(msg("is a folder, not a file"), **place)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise error(msg("cannot read: {reason}", reason=getattr(exc, "strerror", None) or str(exc)), **place)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error(msg("is a folder, not a file"), **place)
        if not stat.S_ISREG(st.st_mode):
            raise error(msg("not a regular file but {kind}; an input must be a file", kind=kind_of(st.st_mode)),
                        **place)
        if st.st_size > limit:
            raise limit_error(msg("file is {size:,} bytes, over the {limit:,} byte limit", size=st.st_size,
                                  limit=limit), hint=hint, **place)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # a regular file: reads never block anyway; be explicit
        chunks = []
        want = min(st.st_size, limit) + 1  # +1 to see growth
        got = 0
        while True:
            piece = os.read(fd, max(want - got, 1 << 16))
            if not piece:
                break
            chunks.append(piece)
            got += len(piece)
            if got > limit:
                raise limit_error(msg("file grew past the {limit:,} byte limit while being read", limit=limit),
                                  hint=hint, **place)
    except OSError as exc:
        raise error(msg("cannot read: {reason}", reason=exc.strerror or str(exc)), **place)
    finally:
        os.close(fd)
    return b"".join(chunks)


def kind_of(mode: int) -> Message:
    """What a file that is not a regular file is, in words (for a message)."""
    if stat.S_ISFIFO(mode):
        return msg("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("a device")
    if stat.S_ISSOCK(mode):
        return msg("a socket")
    if stat.S_ISDIR(mode):
        return msg("a folder")
    return msg("a special file")



def read_text(path: str | os.PathLike, *, limit: int, error: type[RedlineError] = RedlineError,
              where: Any = None) -> str:
    """``read_input`` decoded as UTF-8 (a byte-order mark is dropped); a binary file (a NUL
    byte, or bytes that are not UTF-8) is refused with the offset of the first bad byte."""
    place: dict = {"where": where} if where is not None else {"file": path}
    raw = read_input(path, limit=limit, error=error, where=where)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise error(msg("not a text file: a NUL byte at offset {offset:,}; UTF-8 text is expected", offset=nul),
                    **place)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(msg("not UTF-8 (byte {offset})", offset=exc.start), **place)
