"""Compare benchmark (issue 15): `redline compare OLD NEW` beside python-docx's open+save.

    python benchmarks/compare.py --sizes 2000,20000,200000 [--changed 0.02] [--repeat 3]

For each size, OLD is the generated draft of benchmarks/generate.py (the same drafts as
run.py) and NEW the same draft with ``--changed`` of its body paragraphs edited the ways a
department edits a copy: a word or two reworded (most), a number changed, a paragraph
deleted, a paragraph inserted, a paragraph moved elsewhere, a table cell changed.  Each
measurement runs in a fresh subprocess (imports and allocator cold; peak memory its own):

- floor: python-docx ``Document(OLD)`` + ``save()``, the same floor as run.py;
- compare: ``redline.compare(OLD, NEW, OUT)`` (load both, outline both, compare, save;
  the modules it uses imported before the clock starts, as python-docx is for the floor)
  and the section-aware summary (``result.report``), split by ``CompareResult.timings``
  taken in CPU time (the stages' wall times are not printed).

Printed: a Markdown table (wall, CPU, ×floor, memory peak - baseline), growth per tenfold
(10× is linear), and the raw numbers in benchmarks/out/compare-results.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402
from run import _limits_for, current_rss_kb  # noqa: E402

OUT = HERE / "out"


# ---------------------------------------------------------------------------- the pair

def _stable(fn):
    """``fn(value, rng)`` with an rng seeded by the value: a paragraph is written the same way
    (run splits, formatting) in OLD and NEW unless its text changed, as in an edited copy."""
    def wrapped(value, rng, *args, **kw):
        digest = hashlib.sha1(repr(value).encode("utf-8")).digest()
        return fn(value, random.Random(int.from_bytes(digest[:8], "big")), *args, **kw)
    return wrapped


for _name in ("body_p", "heading_p", "table"):
    setattr(generate, _name, _stable(getattr(generate, _name)))


def make_pair(size: int, changed: float, seed: int = generate.SEED) -> tuple[Path, Path, dict]:
    """OLD (the run.py draft of ``size``) and NEW (``changed`` of its paragraphs edited)."""
    OUT.mkdir(exist_ok=True)
    old = OUT / f"compare-{size}.old.docx"
    new = OUT / f"compare-{size}-{changed:g}.new.docx"
    stamp = OUT / f"compare-{size}-{changed:g}.json"
    key = {"generate": generate.__file__ and Path(generate.__file__).stat().st_mtime,
           "self": Path(__file__).stat().st_mtime}
    if old.exists() and new.exists() and stamp.exists() and json.loads(stamp.read_text())["key"] == key:
        return old, new, json.loads(stamp.read_text())["edits"]
    d = generate.make_draft(size, seed)
    generate.write_docx(old, generate.document_xml(d, seed))
    rng = random.Random(seed + 15)
    tx = generate.Text(rng)
    slots = []  # (section, index in body) of every body paragraph
    for s in d.sections():
        for k, (kind, _) in enumerate(s.body):
            if kind in ("p", "b"):
                slots.append((s, k))
    picks = rng.sample(slots, max(1, round(changed * d.n_paragraphs)))
    counts = {"reworded": 0, "number": 0, "deleted": 0, "inserted": 0, "moved": 0, "cell": 0}
    deletions, moved = [], []
    for s, k in picks:
        r = rng.random()
        kind, text = s.body[k]
        if r < 0.55:
            s.body[k] = (kind, generate._tweak(text, rng))
            counts["reworded"] += 1
        elif r < 0.65:
            s.body[k] = (kind, text + f" Đạt {rng.randint(10, 99)},{rng.randint(1, 9)}% kế hoạch.")
            counts["number"] += 1
        elif r < 0.78:
            deletions.append((s, k))
            counts["deleted"] += 1
        elif r < 0.91:
            s.body.insert(k + 1, ("p", tx.paragraph()))
            counts["inserted"] += 1
        elif r < 0.96:
            moved.append((s, k))
            counts["moved"] += 1
        else:
            tables = [(i, v) for i, (kk, v) in enumerate(s.body) if kk == "t"]
            if tables:
                i, rows = tables[0]
                rows = [list(row) for row in rows]
                rows[1][3] = str(int(rows[1][3]) + 1) if rows[1][3].isdigit() else rows[1][3] + "1"
                s.body[i] = ("t", [tuple(row) for row in rows])
                counts["cell"] += 1
            else:
                s.body[k] = (kind, generate._tweak(text, rng))
                counts["reworded"] += 1
    taken = []
    for s, k in moved:
        if k < len(s.body) and s.body[k][0] in ("p", "b"):
            taken.append(s.body[k])
            s.body[k] = None
    for s, k in deletions:
        if k < len(s.body):
            s.body[k] = None
    for s in d.sections():
        s.body = [b for b in s.body if b is not None]
    all_secs = list(d.sections())
    for item in taken:
        rng.choice(all_secs).body.append(item)
    generate.write_docx(new, generate.document_xml(d, seed))
    stamp.write_text(json.dumps({"key": key, "edits": counts}))
    return old, new, counts


# ---------------------------------------------------------------------------- workers

def work(kind: str, old: str, new: str, output: str) -> dict:
    import resource

    res: dict = {}
    if kind == "floor-docx":
        import docx

        base = current_rss_kb()
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        t = time.perf_counter()
        d = docx.Document(old)
        d.save(output)
        res["total"] = time.perf_counter() - t
    else:
        import importlib
        import pkgutil
        import types

        import redline
        import redline.comparison
        import redline.comparison.engine as engine

        # every module a comparison uses imported before the baseline, as the floor imports
        # python-docx before its own: both sides time the work, not the imports
        for name in ("docx", "redline.sections.outline", "redline.package", "redline.revise", "redline.revisions",
                     "redline.markup", "redline.edits", "redline.options", "redline.summary",
                     *(m.name for m in pkgutil.iter_modules(redline.comparison.__path__, "redline.comparison."))):
            importlib.import_module(name)

        # the stages timed in CPU (process time), as the totals: on a loaded machine wall
        # time says more about the neighbours than about compare
        engine.time = types.SimpleNamespace(perf_counter=time.process_time)
        limits = _limits_for(old)
        base = current_rss_kb()
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        t = time.perf_counter()
        result = redline.compare(old, new, output, force=True, limits=limits)
        t_report = time.process_time()
        res["sections"] = len(result.report.sections)  # the summary is part of the job: timed
        res["report"] = time.process_time() - t_report
        res["total"] = time.perf_counter() - t
        res.update(result.timings)
    ru = resource.getrusage(resource.RUSAGE_SELF)
    res["cpu"] = (ru.ru_utime - ru0.ru_utime) + (ru.ru_stime - ru0.ru_stime)
    res["mem_mb"] = max(0, ru.ru_maxrss - base) / 1024
    return res


def measure(kind: str, old: Path, new: Path) -> dict:
    out = OUT / f"{old.stem}.{kind}.out.docx"
    proc = subprocess.run([sys.executable, __file__, "--worker", kind, str(old), str(new), str(out)],
                          capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"worker {kind} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fmt_s(x: float) -> str:
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--changed", type=float, default=0.02)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--worker", nargs=4, metavar=("KIND", "OLD", "NEW", "OUT"))
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(work(*args.worker)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, raw = [], {}
    for size in sizes:
        old, new, counts = make_pair(size, args.changed)
        doc_mb = __import__("zipfile").ZipFile(old).getinfo("word/document.xml").file_size / 2**20
        best: dict[str, dict] = {}
        for _ in range(args.repeat if size < 100_000 else 1):
            for kind in ("floor-docx", "compare"):
                r = measure(kind, old, new)
                if kind not in best or r["cpu"] < best[kind]["cpu"]:
                    best[kind] = r
        raw[size] = {"edits": counts, "doc_mb": doc_mb, **best}
        floor = best["floor-docx"]
        for kind, label in (("floor-docx", "floor: python-docx open+save (OLD)"),
                            ("compare", f"compare ({sum(counts.values())} paragraphs changed)")):
            r = best[kind]
            split = " / ".join(f"{k} {fmt_s(r[k])}" for k in ("load", "outline", "compare", "save", "report") if k in r)
            rows.append(f"| {size:,} ¶ | {doc_mb:.1f} MB | {label} | {fmt_s(r['total'])} | {split} | "
                        f"{r['total'] / floor['total']:.2f} | {fmt_s(r['cpu'])} | {r['cpu'] / floor['cpu']:.2f} | "
                        f"{r['mem_mb']:.0f} MB |")
    print(f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}; Python "
          f"{platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M')}; nice {os.nice(0)}\n")
    print("| draft | doc.xml | measurement | wall | cpu: load / outline / compare / save / report | ×floor (wall) | cpu | "
          "×floor (cpu) | mem (peak−base) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    if len(sizes) > 1:
        print()
        for a, b in zip(sizes, sizes[1:]):
            for kind in ("floor-docx", "compare"):
                ta, tb = raw[a][kind]["cpu"], raw[b][kind]["cpu"]
                g = (tb / ta) ** (1 / math.log10(b / a))
                print(f"- growth per tenfold, {kind}, {a:,} -> {b:,} paragraphs: {g:.1f}x (cpu)")
    (OUT / "compare-results.json").write_text(json.dumps(raw, indent=2))


if __name__ == "__main__":
    main()
