"""Every file redline writes goes through one guarded writer (``redline.package.output``):
never an input of the run (by any spelling), never an existing file without --force,
never a device, FIFO, socket or folder, and a run that fails has written nothing.

The property tests generate output paths from the run's own inputs - every spelling a
shell or a program could produce - for every command that writes, with and without
--force, and check that the run exits 2 and every input is unchanged."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import redline
import redline.package.output as P_output
from conftest import FIXTURES
from redline.errors import OutputError
from redline.package import check_outputs, write_output, write_outputs
from redline_cli.main import main

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
LETTER = FIXTURES / "letters" / "seed-letter.txt"
EDITS = {"author": "Sở Tư pháp", "date": "2022-07-15T08:00:00Z",
         "edits": [{"op": "replace_text", "target": "I.4", "find": "CCHC", "replace": "cải cách hành chính"}]}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its content hash (symlinks as their target)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            out[str(p.relative_to(folder))] = "-> " + os.readlink(p)
        elif p.is_file():
            out[str(p.relative_to(folder))] = digest(p)
    return out


@pytest.fixture
def run_dir(tmp_path):
    """A folder with a draft, an edits file, a text letter and a .docx letter."""
    (tmp_path / "sub").mkdir()
    shutil.copy(DRAFT, tmp_path / "d.docx")
    (tmp_path / "e.json").write_text(json.dumps(EDITS, ensure_ascii=False), "utf-8")
    shutil.copy(LETTER, tmp_path / "letter.txt")
    return tmp_path


def cli(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


# -- the cases, one by one -----------------------------------------------------------------


def test_summary_never_replaces_the_draft(run_dir):
    before = listing(run_dir)
    r = cli("apply", run_dir / "d.docx", run_dir / "e.json", "-o", run_dir / "out.docx", "--summary",
            run_dir / "d.docx")
    assert r.exit_code == 2, r.output
    assert "would overwrite the input" in r.output or "its name ends in '.docx'" in r.output  # (i16's suffix check)
    assert listing(run_dir) == before  # the .docx was not written either


@pytest.mark.parametrize("which", ["summary", "output"])
def test_an_existing_summary_or_output_needs_force_and_then_nothing_is_written(run_dir, which):
    target = run_dir / ("old.txt" if which == "summary" else "old.docx")
    target.write_text("an earlier output", "utf-8")
    args = ["--summary", target, "-o", run_dir / "out.docx"] if which == "summary" else ["-o", target]
    before = listing(run_dir)
    r = cli("apply", run_dir / "d.docx", run_dir / "e.json", *args)
    assert r.exit_code == 2 and "already exists" in r.output, r.output
    assert listing(run_dir) == before


def test_summary_and_output_written_together_with_force(run_dir):
    (run_dir / "s.md").write_text("old", "utf-8")
    (run_dir / "out.docx").write_bytes(b"old")
    r = cli("apply", run_dir / "d.docx", run_dir / "e.json", "-o", run_dir / "out.docx", "--summary",
            run_dir / "s.md", "--format", "markdown", "--force")
    assert r.exit_code == 0, r.output
    assert "cải cách hành chính" in (run_dir / "s.md").read_text("utf-8")
    assert redline.check(run_dir / "out.docx", original=run_dir / "d.docx") == []


@pytest.mark.parametrize("args,guard", [
    (["apply", "{d}", "{e}", "-o", "{e}", "--force"], False),  # refused by its suffix first
    (["apply", "{d}", "{e}", "-o", "{d}", "--force"], True),
    (["apply", "{d}", "{letter}", "-o", "{letter}", "--force"], False),
    (["apply", "{d}", "{dletter}", "-o", "{dletter}", "--force"], True),
    (["apply", "{d}", "{e}", "--summary", "{e}", "--force"], True),
    (["apply", "{d}", "{letter}", "--summary", "{letter}", "--force"], True),
    (["apply", "{d}", "{e}", "--dry-run", "--summary", "{e}", "--force"], True),
    (["extract", "{letter}", "-o", "{letter}", "--force"], False),
    (["extract", "{letter}", "--draft", "{d}", "-o", "{d}", "--force"], False),
    (["extract", "{jletter}", "-o", "{jletter}", "--force"], True),
    (["accept", "{d}", "-o", "{d}", "--force"], True),
    (["reject", "{d}", "-o", "{d}", "--force"], True),
], ids=lambda a: " ".join(a) if isinstance(a, list) else str(a))
def test_force_never_replaces_a_source(run_dir, args, guard):
    shutil.copy(FIXTURES / "letters" / "sgddt.docx", run_dir / "dletter.docx")
    names = {"d": run_dir / "d.docx", "e": run_dir / "e.json", "letter": run_dir / "letter.txt",
             "dletter": run_dir / "dletter.docx", "jletter": run_dir / "jletter.json"}
    (run_dir / "jletter.json").write_text("{}", "utf-8")  # not a letter a reader takes, but an input all the same
    before = listing(run_dir)
    r = cli(*[a.format(**names) for a in args])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "internal error" not in r.output
    if guard:  # reached the guarded writer (not refused earlier for its name's suffix)
        assert "would overwrite the input" in r.output, r.output
    assert listing(run_dir) == before


def test_two_outputs_of_one_run_cannot_be_one_file(run_dir):
    before = listing(run_dir)
    with pytest.raises(OutputError, match="two outputs"):
        redline.apply(run_dir / "d.docx", [run_dir / "e.json"], run_dir / "x.docx",
                      summary=run_dir / "sub" / ".." / "x.docx")
    assert listing(run_dir) == before


# -- special files ---------------------------------------------------------------------------------


def _special(kind: str, path: Path):
    if kind == "fifo":
        os.mkfifo(path)
        return None
    if kind == "socket":
        s = socket.socket(socket.AF_UNIX)
        s.bind(str(path))
        return s
    if kind == "folder":
        path.mkdir()
        return None
    try:  # a character device node like /dev/null (only root may make one)
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    return None


@pytest.mark.parametrize("kind", ["fifo", "socket", "device", "folder"])
@pytest.mark.parametrize("how", ["apply", "summary", "extract", "accept", "python"])
def test_never_a_device_fifo_socket_or_folder_even_with_force(run_dir, kind, how):
    target = run_dir / "special"
    keep = _special(kind, target)
    try:
        mode = os.lstat(target).st_mode
        if how == "python":
            with pytest.raises(OutputError):
                write_output(target, b"x", force=True)
        else:
            args = {"apply": ["apply", run_dir / "d.docx", run_dir / "e.json", "-o", target],
                    "summary": ["apply", run_dir / "d.docx", run_dir / "e.json", "-o", run_dir / "o.docx",
                                "--summary", target],
                    "extract": ["extract", run_dir / "letter.txt", "-o", target],
                    "accept": ["accept", run_dir / "d.docx", "-o", target]}[how]
            r = cli(*args, "--force")
            assert r.exit_code == 2, r.output
            assert "Traceback" not in r.output
        assert os.lstat(target).st_mode == mode  # still the same kind of node
        assert not (run_dir / "o.docx").exists()
    finally:
        if keep is not None:
            keep.close()


def test_a_symlink_to_a_device_is_refused(tmp_path):
    (tmp_path / "null").symlink_to("/dev/null")
    with pytest.raises(OutputError, match="device"):
        write_output(tmp_path / "null", b"x", force=True)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_link_to_a_pipe_that_realpath_cannot_name_is_refused(tmp_path):
    read, write = os.pipe()
    try:  # /dev/stdout as a pipe: /proc/self/fd/N -> "pipe:[1234]", which no real path names
        with pytest.raises(OutputError, match="named pipe"):
            write_output(f"/proc/self/fd/{write}", "x", force=True)
    finally:
        os.close(read)
        os.close(write)


def test_a_symlink_output_is_followed_and_stays_a_link(tmp_path):
    (tmp_path / "real.txt").write_text("old", "utf-8")
    (tmp_path / "link.txt").symlink_to("real.txt")
    with pytest.raises(OutputError, match="already exists"):
        write_output(tmp_path / "link.txt", "new")
    write_output(tmp_path / "link.txt", "new", force=True)
    assert (tmp_path / "link.txt").is_symlink() and (tmp_path / "real.txt").read_text("utf-8") == "new"


# -- names and atomicity ---------------------------------------------------------------------------


def test_a_name_that_fits_is_accepted_though_its_temporary_name_would_not(tmp_path):
    name = "a" + "đ" * 125 + ".txt"  # 1 + 250 + 4 = 255 bytes: the longest name ext4 takes
    assert len(os.fsencode(name)) == 255
    out = write_output(tmp_path / name, "ok")
    assert out.read_text("utf-8") == "ok" and [p.name for p in tmp_path.iterdir()] == [name]
    write_output(tmp_path / name, "again", force=True)
    assert (tmp_path / name).read_text("utf-8") == "again"


def test_a_name_too_long_for_the_file_system_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="cannot write"):
        write_output(tmp_path / ("a" * 300), "x")
    assert list(tmp_path.iterdir()) == []


def test_when_the_second_file_fails_the_first_is_taken_back(tmp_path, monkeypatch):
    first, second = tmp_path / "a.docx", tmp_path / "b.txt"
    real = os.link
    calls = []

    def link_then_fail(src, dst, *a, **k):
        calls.append(dst)
        if Path(dst) == second:
            raise OSError(28, "No space left on device")
        return real(src, dst, *a, **k)

    monkeypatch.setattr(P_output.os, "link", link_then_fail)
    monkeypatch.setattr(P_output.os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left")))
    with pytest.raises(OutputError):
        write_outputs([(first, b"docx"), (second, "summary")])
    assert list(tmp_path.iterdir()) == []


def test_with_force_a_failed_run_restores_what_it_replaced(tmp_path, monkeypatch):
    first, second = tmp_path / "a.docx", tmp_path / "b.txt"
    first.write_bytes(b"earlier output")
    second.write_text("earlier summary", "utf-8")
    real = os.replace

    def replace(src, dst):
        if Path(dst) == second:
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(P_output.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_outputs([(first, b"new docx"), (second, "new summary")], force=True)
    monkeypatch.undo()
    assert first.read_bytes() == b"earlier output" and second.read_text("utf-8") == "earlier summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.txt"]


def test_the_python_api_is_guarded_too(run_dir):
    before = listing(run_dir)
    with pytest.raises(OutputError, match="would overwrite the input"):
        redline.apply(run_dir / "d.docx", [run_dir / "e.json"], run_dir / "sub" / ".." / "d.docx", force=True)
    with pytest.raises(OutputError, match="would overwrite the input"):
        redline.apply(run_dir / "d.docx", [run_dir / "e.json"], run_dir / "o.docx", summary=run_dir / "d.docx",
                      force=True)
    with pytest.raises(OutputError, match="would overwrite the input"):
        redline.extract(run_dir / "letter.txt", output=run_dir / "letter.txt", force=True)
    with pytest.raises(OutputError, match="would overwrite the input"):
        redline.reject(run_dir / "d.docx", run_dir / "sub" / ".." / "d.docx", force=True)
    assert listing(run_dir) == before


# -- property: every spelling of every input, for every command that writes ------------------------


def spellings(run_dir: Path, target: Path):
    """Ways to name ``target`` (a file in ``run_dir``): made on demand (links are files)."""
    rel = os.path.relpath(target, Path.cwd())
    return {
        "as given": lambda: target,
        "dot": lambda: target.parent / "." / target.name,
        "up and down": lambda: target.parent / "sub" / ".." / target.name,
        "double slash": lambda: Path(str(target.parent) + "//" + target.name),
        "relative": lambda: Path(rel),
        "symlink": lambda: _link(run_dir, target, symbolic=True),
        "hard link": lambda: _link(run_dir, target, symbolic=False),
        "symlinked folder": lambda: _folder_link(run_dir) / target.name,
    }


def _link(run_dir: Path, target: Path, *, symbolic: bool) -> Path:
    p = run_dir / "sub" / (("s-" if symbolic else "h-") + target.name)
    if not os.path.lexists(p):
        (p.symlink_to(target) if symbolic else os.link(target, p))
    return p


def _folder_link(run_dir: Path) -> Path:
    p = run_dir / "alias"
    if not os.path.lexists(p):
        p.symlink_to(run_dir)
    return p


COMMANDS = {
    "apply -o": lambda d, out: ["apply", d / "d.docx", d / "e.json", d / "letter.txt", "-o", out],
    "apply --summary": lambda d, out: ["apply", d / "d.docx", d / "e.json", "-o", d / "fresh.docx", "--summary", out],
    "extract -o": lambda d, out: ["extract", d / "letter.txt", "--draft", d / "d.docx", "-o", out],
    "accept -o": lambda d, out: ["accept", d / "d.docx", "-o", out],
    "reject -o": lambda d, out: ["reject", d / "d.docx", "-o", out],
    "compare -o": lambda d, out: ["compare", d / "d.docx", d / "n.docx", "-o", out],
    "compare --edits": lambda d, out: ["compare", d / "d.docx", d / "n.docx", "-o", d / "fresh.docx", "--edits", out],
    "compare --summary": lambda d, out: ["compare", d / "d.docx", d / "n.docx", "-o", d / "fresh.docx", "--summary",
                                         out],
}
INPUTS = {"apply -o": ["d.docx", "e.json", "letter.txt"], "apply --summary": ["d.docx", "e.json"],
          "extract -o": ["letter.txt", "d.docx"], "accept -o": ["d.docx"], "reject -o": ["d.docx"],
          "compare -o": ["d.docx", "n.docx"], "compare --edits": ["d.docx", "n.docx"],
          "compare --summary": ["d.docx", "n.docx"]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_spelling_of_an_input_is_ever_written(tmp_path_factory, data):
    run_dir = tmp_path_factory.mktemp("run")
    (run_dir / "sub").mkdir()
    shutil.copy(DRAFT, run_dir / "d.docx")
    (run_dir / "e.json").write_text(json.dumps(EDITS, ensure_ascii=False), "utf-8")
    shutil.copy(LETTER, run_dir / "letter.txt")
    shutil.copy(FIXTURES / "drafts" / "cchc-messy.docx", run_dir / "n.docx")
    command = data.draw(st.sampled_from(sorted(COMMANDS)), label="command")
    victim = run_dir / data.draw(st.sampled_from(INPUTS[command]), label="input")
    spelling = data.draw(st.sampled_from(sorted(spellings(run_dir, victim))), label="spelling")
    force = data.draw(st.booleans(), label="force")
    out = spellings(run_dir, victim)[spelling]()
    before = listing(run_dir)
    cwd = os.getcwd()
    try:
        r = cli(*COMMANDS[command](run_dir, out), *(["--force"] if force else []))
    finally:
        os.chdir(cwd)
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output and "internal error" not in r.output
    assert listing(run_dir) == before


def test_check_outputs_names_what_is_wrong(tmp_path):
    (tmp_path / "in.docx").write_bytes(b"x")
    with pytest.raises(OutputError, match="does not exist"):
        check_outputs([tmp_path / "nope" / "o.docx"])
    with pytest.raises(OutputError, match="usable file name"):
        check_outputs(["bad\x00name"])
    assert check_outputs([None, tmp_path / "o.docx"], inputs=[None, tmp_path / "in.docx"]) == [tmp_path / "o.docx"]


def test_compare_writes_all_its_files_or_none(run_dir):
    shutil.copy(FIXTURES / "drafts" / "cchc-messy.docx", run_dir / "n.docx")
    (run_dir / "s.md").write_text("an earlier summary", "utf-8")
    before = listing(run_dir)
    with pytest.raises(OutputError, match="already exists"):  # refused before any work, nothing written
        redline.compare(run_dir / "d.docx", run_dir / "n.docx", run_dir / "c.docx", edits=run_dir / "c.json",
                        summary=run_dir / "s.md", summary_format="markdown")
    assert listing(run_dir) == before
    redline.compare(run_dir / "d.docx", run_dir / "n.docx", run_dir / "c.docx", edits=run_dir / "c.json",
                    summary=run_dir / "s.md", summary_format="markdown", force=True)
    assert (run_dir / "c.docx").exists() and "edits" in json.loads((run_dir / "c.json").read_text("utf-8"))
    assert (run_dir / "s.md").read_text("utf-8") != "an earlier summary"
