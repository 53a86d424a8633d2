"""The guarded writer: every file redline writes goes through here - the .docx of
``apply``, a ``--summary``, an edits file from ``extract -o``, ``accept`` / ``reject``
copies, and whatever later commands write.  Call ``write_output`` for one file,
``write_outputs`` for the files of one run (all or nothing), and ``check_outputs`` at
the start of a run to refuse a bad output path before any work is done.

An output path may never be:

* **an input of the run** - compared by real path (``os.path.realpath``: symlinks,
  ``./x``, ``a/../x`` and other spellings) and by ``(st_dev, st_ino)`` (hard links, a
  case-insensitive file system), even with ``force``: ``force`` means "replace an
  earlier output", never "destroy a source";
* **an existing file, without** ``force``;
* **a device, FIFO, socket or folder**, even with ``force`` and even as root (a rename
  over ``/dev/null`` would replace the device node with a regular file);
* **the same file as another output of the run** (``-o x --summary x``);
* in a folder that does not exist.

A symlink as output is followed: the file it points at is the one checked and
replaced, in that file's folder (the link stays a link).

Every file is written to a temporary file in the target's own folder (so the rename
cannot cross file systems), flushed and fsynced, then renamed over the target
(``os.replace``; without ``force``, a no-clobber ``os.link`` where the file system has
hard links, so a file that appeared meanwhile is not replaced), and the folder is
fsynced.  The checks run once up front and again just before each rename (a symlink
or FIFO swapped in meanwhile is still caught).  A failure - disk full, an interrupt,
a refused check - removes the temporary file: a kill at any point leaves the old file
or the complete new one, and at worst a hidden ``.<name>.<random>.tmp``.

Several files (``write_outputs``): every temporary file is written and fsynced before
the first rename; when a later rename fails, the files already renamed are taken back
(a new file removed, a replaced one restored from a hard-link backup taken just before
its rename), so a run that fails has written nothing.

The temporary name is the target's name cut to ``_TMP_NAME_BYTES`` bytes plus a random
part, so a name that fits the file system (255 bytes) is accepted even when
``.<name>.<random>.tmp`` would not fit.
"""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import OutputError
from ..messages import Option, msg
from .common import one_line
from .inputs import kind_of

PathLike = str | os.PathLike
_TMP_NAME_BYTES = 96  # of the target's name kept in the temporary name (255 is the usual limit)


def _FORCE_HINT():  # noqa: N802 - a constant made when used (a message renders in the run's language)
    return msg("use {option} to replace it", option=Option("force", flag=True))


# ---------------------------------------------------------------------------------- the API


def check_outputs(paths: Iterable[PathLike | None], *, inputs: Iterable[PathLike | None] = (),
                  force: bool = False) -> list[Path]:
    """Refuse now what writing ``paths`` would refuse (see the module doc); ``None``
    entries are skipped.  Call it before the work of a run; the writers check again."""
    targets: list[tuple[Path, Path]] = []
    ins = _inputs(inputs)
    for p in paths:
        if p is None:
            continue
        out = _as_path(p)
        final = _target(out)
        _check(out, final, ins, force)
        for other, other_final in targets:
            if _same(final, other_final):
                raise OutputError(msg("is also the output {path}: two outputs of one run cannot be one file",
                                      path=other), file=out, hint=msg("give each output its own name"))
        targets.append((out, final))
    return [out for out, _ in targets]


def write_output(path: PathLike, data: bytes | str, *, inputs: Iterable[PathLike | None] = (),
                 force: bool = False) -> Path:
    """Write ``data`` (bytes, or text written as UTF-8) to ``path``, guarded and atomic."""
    return write_outputs([(path, data)], inputs=inputs, force=force)[0]


def write_outputs(items: Sequence[tuple[PathLike, bytes | str]], *, inputs: Iterable[PathLike | None] = (),
                  force: bool = False) -> list[Path]:
    """Write several files of one run, all or nothing (see the module doc)."""
    inputs = list(inputs)
    outs = check_outputs([p for p, _ in items], inputs=inputs, force=force)
    ins = _inputs(inputs)
    staged: list[_Staged] = []
    try:
        for out, (_, data) in zip(outs, items):
            staged.append(_stage(out, data.encode("utf-8") if isinstance(data, str) else data))
        done: list[_Staged] = []
        try:
            for s in staged:
                try:
                    _commit(s, ins, force, backup=len(staged) > 1)
                except BaseException:
                    _drop(s.backup)  # its target was not replaced
                    raise
                done.append(s)
        except BaseException:
            for s in reversed(done):
                _undo(s)  # a backup that cannot be put back stays (hidden), never deleted
            raise
        for folder in dict.fromkeys(s.final.parent for s in staged):
            _fsync_dir(folder)
        for s in staged:
            _drop(s.backup)
    finally:
        for s in staged:
            _drop(s.tmp)
    return outs


def same_file(a: PathLike, b: PathLike) -> bool:
    """True when ``a`` and ``b`` name the same file: same real path or same (device, inode)."""
    try:
        return _same(Path(os.path.realpath(a)), Path(os.path.realpath(b)))
    except (OSError, ValueError):
        return False


# Earlier names, kept for callers: both now refuse an existing file unless ``force``.
def write_text_atomic(path: PathLike, text: str, *, force: bool = False, protect: Iterable[PathLike] = ()) -> Path:
    """``write_output`` of ``text`` with ``protect`` as the inputs."""
    return write_output(path, text, inputs=protect, force=force)


def write_bytes_atomic(path: PathLike, data: bytes, *, force: bool = False,
                       protect: Iterable[PathLike] = ()) -> Path:
    """``write_output`` of ``data`` with ``protect`` as the inputs."""
    return write_output(path, data, inputs=protect, force=force)


# ---------------------------------------------------------------------------------- checks


def _as_path(p: PathLike) -> Path:
    text = os.fspath(p)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if not text or "\x00" in text:
        raise OutputError(msg("not a usable file name (empty, or a NUL character)"), file=repr(text))
    return Path(text)


def _inputs(inputs: Iterable[PathLike | None]) -> list[tuple[str, Path]]:
    """The inputs as (name as given, real path); unusable names are left out (they cannot
    name an existing file, so no output can be one of them)."""
    out = []
    for p in inputs:
        if p is None or isinstance(p, dict):
            continue
        try:
            out.append((os.fspath(p), Path(os.path.realpath(p))))
        except (TypeError, ValueError, OSError):
            continue
    return out


def _target(out: Path) -> Path:
    """The file a write to ``out`` replaces: ``out`` itself, or what a symlink points at."""
    try:
        if out.is_symlink():
            return Path(os.path.realpath(out))
    except (OSError, ValueError):
        pass
    return Path(os.path.abspath(out))


def _same(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def _check(out: Path, final: Path, inputs: list[tuple[str, Path]], force: bool) -> None:
    for given, real in inputs:
        if _same(final, real):
            raise OutputError(msg("would overwrite the input {path}", path=given), file=out,
                              hint=msg("choose another output file: {option} replaces an earlier output, never a "
                                       "source of the run", option=Option("force", flag=True)))
    try:  # what the name leads to, links followed (/dev/stdout -> a pipe that realpath cannot name)
        followed = os.stat(out)
    except (OSError, ValueError):
        followed = None
    if followed is not None and not stat.S_ISREG(followed.st_mode) and not stat.S_ISDIR(followed.st_mode):
        raise OutputError(msg("is {kind}: redline writes only regular files, even with {option}",
                              kind=kind_of(followed.st_mode), option=Option("force", flag=True)), file=out)
    folder = final.parent
    if not folder.is_dir():
        raise OutputError(msg("the folder {folder} does not exist", folder=folder), file=out)
    try:
        st = os.lstat(final)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(msg("cannot write: {reason}", reason=exc.strerror or str(exc)), file=out)
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        raise OutputError(msg("is a folder"), file=out, hint=msg("give a file name"))
    if stat.S_ISLNK(mode):  # a link that realpath could not follow (a loop)
        raise OutputError(msg("is a symbolic link that cannot be followed"), file=out)
    if not stat.S_ISREG(mode):
        raise OutputError(msg("is {kind}: redline writes only regular files, even with {option}", kind=kind_of(mode),
                              option=Option("force", flag=True)), file=out)
    if not force:
        raise OutputError(msg("already exists"), file=out, hint=_FORCE_HINT())


# ---------------------------------------------------------------------------------- writing


@dataclass
class _Staged:
    out: Path  # as given, for messages
    final: Path  # the file replaced
    tmp: Path | None
    backup: Path | None = None
    created: bool = False  # committed, and there was no file before


def _tmp_prefix(final: Path) -> str:
    raw = os.fsencode(final.name)[:_TMP_NAME_BYTES]
    return "." + raw.decode("utf-8", "ignore") + "."


def _stage(out: Path, data: bytes) -> _Staged:
    """Write ``data`` to a temporary file beside the target, fsynced, with the umask's mode."""
    final = _target(out)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=_tmp_prefix(final), suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException as exc:
        if tmp is not None:
            _drop(Path(tmp))
        if isinstance(exc, OSError):
            raise OutputError(msg("cannot write: {reason}", reason=exc.strerror or one_line(exc)), file=out)
        raise
    return _Staged(out, final, Path(tmp))


def _commit(s: _Staged, inputs: list[tuple[str, Path]], force: bool, *, backup: bool) -> None:
    """Rename the staged file over its target, after checking once more."""
    _check(s.out, s.final, inputs, force)
    try:
        if force:
            existed = os.path.lexists(s.final)
            if existed and backup:
                s.backup = _backup(s.final)
            os.replace(s.tmp, s.final)
            s.tmp, s.created = None, not existed
            return
        try:
            os.link(s.tmp, s.final)  # atomic no-clobber
            s.created = True
        except FileExistsError:
            raise OutputError(msg("already exists"), file=s.out, hint=_FORCE_HINT())
        except OSError:  # no hard links here (FAT, some network shares)
            if os.path.lexists(s.final):
                raise OutputError(msg("already exists"), file=s.out, hint=_FORCE_HINT())
            os.replace(s.tmp, s.final)
            s.tmp, s.created = None, True
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(msg("cannot write: {reason}", reason=exc.strerror or one_line(exc)), file=s.out)


def _backup(final: Path) -> Path | None:
    """A hard link to the file about to be replaced, to restore it if the run fails later."""
    for _ in range(10):
        name = final.parent / f"{_tmp_prefix(final)}{os.urandom(6).hex()}.bak"
        try:
            os.link(final, name)
            return name
        except FileExistsError:
            continue
        except OSError:
            return None
    return None


def _undo(s: _Staged) -> None:
    """Take back a committed file: restore what it replaced, or remove it."""
    try:
        if s.backup is not None:
            os.replace(s.backup, s.final)
            s.backup = None
        elif s.created:
            os.unlink(s.final)
    except OSError:
        pass


def _drop(p: Path | None) -> None:
    if p is None:
        return
    try:
        os.unlink(p)
    except OSError:
        pass


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
