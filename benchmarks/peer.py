"""The peer: docx-redline (PyPI ``docx-redline``, Python 3.12+) doing the same
paragraph-scoped text replacements as redline's peer workload.

``setup()`` (run by run.py under the project's Python) finds a 3.12+ interpreter,
makes ``benchmarks/out/peer-venv`` with it and pip-installs docx-redline there.  Where
the interpreters are looked for, in order: ``$PEER_PYTHON``; ``python3.14`` ...
``python3.12`` on PATH; ``$(pyenv root)/versions/3.1[2-9]*/bin/python3``;
``/usr/bin/python3.1[2-9]`` (Debian's package on a release that has one).  None found
-> the peer is reported as blocked, never faked.

Run as a script by the venv's interpreter, it is a measurement worker::

    peer-venv/bin/python benchmarks/peer.py DRAFT TASKS.json OUT.docx [--mode indexed|search]

TASKS.json (made by generate.py) lists {paragraph_contains, find, replace}.  Each task:
locate the paragraph whose text contains ``paragraph_contains`` (its first sentence,
unique in the draft), and rewrite it with ``find`` -> ``replace`` through
``Redliner.set_paragraph_text`` (docx-redline's word-level diff; only the changed words
become w:del / w:ins), i.e. the same result redline's ``replace_text`` + paragraph anchor
gives.  ``--mode indexed`` (default) builds one text -> paragraph index up front, as
redline does; ``--mode search`` calls ``Redliner.find_paragraph(contains=...)`` per task
(the library's public search, a scan of every paragraph per call: O(paragraphs x edits)).
Prints one JSON line: load / locate / revise / save seconds, peak RSS and its baseline.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / "out" / "peer-venv"
PACKAGE = "docx-redline"


def _version(exe: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run([exe, "-c", "import sys; print(sys.version_info[0], sys.version_info[1])"],
                             capture_output=True, text=True, timeout=30)
        major, minor = map(int, out.stdout.split())
        return major, minor
    except Exception:
        return None


def find_interpreter() -> str | None:
    candidates = []
    if os.environ.get("PEER_PYTHON"):
        candidates.append(os.environ["PEER_PYTHON"])
    for minor in range(20, 11, -1):
        exe = shutil.which(f"python3.{minor}")
        if exe:
            candidates.append(exe)
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        root = os.path.expanduser("~/.pyenv")
    for d in sorted(glob.glob(os.path.join(root or "", "versions", "3.*")), reverse=True):
        candidates.append(os.path.join(d, "bin", "python3"))
    candidates += sorted(glob.glob("/usr/bin/python3.1[2-9]"), reverse=True)
    for exe in candidates:
        v = _version(exe) if os.path.exists(exe) or shutil.which(exe) else None
        if v and v >= (3, 12):
            return exe
    return None


def setup(log=print) -> tuple[str | None, str]:
    """(venv python, status text).  venv python is None when the peer is blocked."""
    py = VENV / "bin" / "python"
    if py.exists():
        ok = subprocess.run([str(py), "-c", "import docx_redline"], capture_output=True)
        if ok.returncode == 0:
            return str(py), _describe(py)
    exe = find_interpreter()
    if exe is None:
        return None, ("blocked: no Python 3.12+ interpreter on this machine (PATH, pyenv, /usr/bin); "
                      "docx-redline needs one")
    log(f"peer: making {VENV} with {exe}")
    subprocess.run([exe, "-m", "venv", "--clear", str(VENV)], check=True)
    r = subprocess.run([str(py), "-m", "pip", "install", "-q", PACKAGE], capture_output=True, text=True)
    if r.returncode != 0:
        return None, f"blocked: pip install {PACKAGE} failed under {exe}: {r.stderr.strip()[-300:]}"
    return str(py), _describe(py)


def _describe(py: Path) -> str:
    out = subprocess.run([str(py), "-c", "import sys, importlib.metadata as m; "
                          "print(sys.version.split()[0], m.version('docx-redline'), m.version('python-docx'), "
                          "m.version('lxml'))"], capture_output=True, text=True).stdout.split()
    return f"docx-redline {out[1]} (python-docx {out[2]}, lxml {out[3]}) on Python {out[0]}" if out else "?"


# ---------------------------------------------------------------------------- worker

def worker(draft: str, tasks_path: str, output: str, mode: str = "indexed") -> dict:
    import resource

    from docx_redline import Redliner
    from docx_redline.oxml.textmap import paragraph_text

    tasks = json.loads(Path(tasks_path).read_text("utf-8"))
    base = next(int(x.split()[1]) for x in Path("/proc/self/status").read_text().splitlines()
                if x.startswith("VmRSS:"))  # ru_maxrss is carried across exec: not a baseline
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    rl = Redliner(draft, author="Sở Thông tin và Truyền thông", date="2022-07-15T08:00:00Z")
    t_load = time.perf_counter() - t0

    t = time.perf_counter()
    targets = []
    if mode == "indexed":
        index = []
        for para in rl.paragraphs():
            index.append((paragraph_text(para._p), para))
        by_first: dict[str, object] = {}
        for text, para in index:
            by_first.setdefault(text.split(". ")[0], para)
        for task in tasks:
            para = by_first.get(task["paragraph_contains"])
            if para is None:  # not a first sentence after all: scan
                para = next(p for txt, p in index if task["paragraph_contains"] in txt)
            targets.append(para)
    else:
        for task in tasks:
            targets.append(rl.find_paragraph(contains=task["paragraph_contains"]))
    t_locate = time.perf_counter() - t

    t = time.perf_counter()
    changed = 0
    for task, para in zip(tasks, targets):
        old = paragraph_text(para._p)
        new = old.replace(task["find"], task["replace"], 1)
        changed += rl.set_paragraph_text(para, new) > 0
    t_revise = time.perf_counter() - t

    t = time.perf_counter()
    rl.save(output)
    t_save = time.perf_counter() - t
    ru1 = resource.getrusage(resource.RUSAGE_SELF)
    peak = ru1.ru_maxrss
    return {"cpu": (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime),"load": t_load, "locate": t_locate, "revise": t_revise, "save": t_save,
            "total": t_load + t_locate + t_revise + t_save, "baseline_kb": base, "peak_kb": peak,
            "changed": changed, "tasks": len(tasks)}


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    mode = "search" if "--mode=search" in sys.argv or ("--mode" in sys.argv and "search" in sys.argv) else "indexed"
    args = [a for a in args if a not in ("search", "indexed")]
    print(json.dumps(worker(*args[:3], mode=mode)))
