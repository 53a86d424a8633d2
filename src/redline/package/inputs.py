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

from ..errors import RedlineError


def read_input(path: str | os.PathLike, *, limit: int, what: str = "file", error: type[RedlineError] = RedlineError,
               limit_error: type[RedlineError] | None = None, limit_name: str | None = None,
               where: str | None = None) -> bytes:
    """The whole content of the regular file ``path``, at most ``limit`` bytes.

    ``what`` names the input in messages ("edits file", "letter"); ``error`` is the
    ``RedlineError`` subclass raised (``limit_error`` for the size limit, default the
    same); ``limit_name`` names the setting that raises the limit, for the message."""
    where = str(path) if where is None else where
    limit_error = limit_error or error
    limit_text = f"{limit:,} byte limit" + (f" ({limit_name})" if limit_name else "")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{what} not found (no such file)", where=where)
    except IsADirectoryError:
        raise error(f"is a folder, not a{'n' if what[:1] in 'aeiou' else ''} {what}", where=where)
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        raise error(f"cannot read: {getattr(exc, 'strerror', None) or exc}", where=where)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise error(f"is a folder, not a{'n' if what[:1] in 'aeiou' else ''} {what}", where=where)
        if not stat.S_ISREG(st.st_mode):
            raise error(f"not a regular file ({_kind(st.st_mode)}); the {what} must be a file", where=where)
        if st.st_size > limit:
            raise limit_error(f"{what} is {st.st_size:,} bytes, over the {limit_text}", where=where)
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
                raise limit_error(f"{what} is over the {limit_text} (it grew while being read)", where=where)
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", where=where)
    finally:
        os.close(fd)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"



def read_text(path: str | os.PathLike, *, limit: int, what: str = "text file",
              error: type[RedlineError] = RedlineError, where: str | None = None) -> str:
    """``read_input`` decoded as UTF-8 (a byte-order mark is dropped); a binary file (a NUL
    byte, or bytes that are not UTF-8) is refused with the offset of the first bad byte."""
    where = str(path) if where is None else where
    raw = read_input(path, limit=limit, what=what, error=error, where=where)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise error(f"not a text file (a NUL byte at offset {nul:,}); the {what} must be UTF-8 text", where=where)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (byte {exc.start:,}); the {what} must be UTF-8 text", where=where)
