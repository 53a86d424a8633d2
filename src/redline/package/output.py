"""The guarded writer: every file redline writes goes through here."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import OutputError


def write_text_atomic(path: str | os.PathLike, text: str, *, force: bool = True,
                      protect: Iterable[str | os.PathLike] = ()) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically; never over a ``protect`` path."""
    out = Path(path)
    protect = list(protect)
    _preflight(out, protect, force)
    _atomic_write(out, text.encode("utf-8"), force=force, protect=protect)
    return out


def write_bytes_atomic(path: str | os.PathLike, data: bytes, *, force: bool = False,
                       protect: Iterable[str | os.PathLike] = ()) -> Path:
    """Write ``data`` to ``path`` atomically; never over a ``protect`` path."""
    out = Path(path)
    protect = list(protect)
    _preflight(out, protect, force)
    _atomic_write(out, data, force=force, protect=protect)
    return out


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when ``a`` and ``b`` name the same file: same real path or same (device, inode)."""
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
    except (OSError, ValueError):
        pass
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _preflight(out: Path, protect: list, force: bool) -> None:
    where = str(out)
    for p in protect:
        if p is not None and same_file(out, p):
            raise OutputError(f"would overwrite the input {p}", where=where, hint="choose another output file")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"the folder {parent} does not exist", where=where)
    if out.is_dir():
        raise OutputError("is a folder", where=where)
    if (out.exists() or out.is_symlink()) and not force:
        raise OutputError("already exists", where=where, hint="use --force to replace it")


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def _atomic_write(out: Path, data: bytes, *, force: bool, protect: list) -> None:
    """Temp file in the same folder, fsync, rename; the temp file never survives a failure."""
    where = str(out)
    parent = out.parent if str(out.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{out.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        for p in protect:  # re-check just before the rename
            if p is not None and same_file(out, p):
                raise OutputError(f"would overwrite the input {p}", where=where, hint="choose another output file")
        if force:
            os.replace(tmp, out)
            tmp = None
        else:
            try:
                os.link(tmp, out)  # atomic no-clobber
            except FileExistsError:
                raise OutputError("already exists", where=where, hint="use --force to replace it")
            except OSError:  # no hard links here (FAT, some network shares)
                if out.exists() or out.is_symlink():
                    raise OutputError("already exists", where=where, hint="use --force to replace it")
                os.replace(tmp, out)
                tmp = None
        _fsync_dir(parent)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", where=where)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _write_all(f, data: bytes) -> None:
    """Write in chunks (a test hook, and it keeps interrupts responsive)."""
    view = memoryview(data)
    for off in range(0, len(view), 1 << 20):
        f.write(view[off:off + (1 << 20)])


def _fsync_dir(parent: Path) -> None:
    try:
        fd = os.open(parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
