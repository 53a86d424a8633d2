"""Cost shapes (issue 13): inputs built to make one cost grow, measured at sizes a tenfold
apart, with the growth per tenfold printed (10x is linear; the bound is about 10x).

    python benchmarks/shapes.py                  # every shape at its default sizes
    python benchmarks/shapes.py --shape comments --sizes 1000,10000

Shapes:

- ``paragraph-hits``: one ``replace_text`` whose phrase occurs N times in ONE long
  paragraph (each hit a word-level redline inside the same paragraph);
- ``paragraph-edits``: N ``replace_text`` edits, each hitting one different word of ONE
  long paragraph (the conflict check between edits of one paragraph);
- ``comments``: N ``comment`` edits on one section's heading;
- ``spread-hits``: one ``replace_text`` with N hits spread over N/10 paragraphs.

Each measurement runs in a fresh subprocess (cold caches, its own peak memory) and reports
wall time by stage (``ApplyResult.timings``: load, plan, revise, save), wall and CPU time
(user + system) of the whole call, and peak RSS.  The growth is computed from the CPU time:
on a shared host the wall time also counts the time other processes held the cores (a run
beside four busy neighbours takes 2.5x its CPU time), so it grows with the neighbours' load,
not with n.
Also called by ``benchmarks/run.py --shapes``.
"""
from __future__ import annotations

import argparse
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "shapes"

DEFAULT_SIZES = {
    "paragraph-hits": [100, 1_000, 10_000],
    "paragraph-edits": [100, 1_000, 10_000],
    "comments": [100, 1_000, 10_000],
    "spread-hits": [1_000, 10_000, 100_000],  # and 1,000,000 with --sizes (5 GB, minutes)
}
AUTHOR = "Sở Tư pháp"
DATE = "2022-07-15T08:00:00Z"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---------------------------------------------------------------------------- building the inputs

def _para(text: str, *, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _docx(body: list[str], path: Path) -> None:
    """A .docx around ``body`` (paragraph XML strings), from python-docx's own template."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
           + "".join(body) + "<w:sectPr/></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info, xml.encode() if info.filename == "word/document.xml" else src.read(info))


def _head() -> list[str]:
    return [_para("BÁO CÁO SƠ KẾT", bold=True), _para("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", bold=True)]


def build(shape: str, n: int, folder: Path) -> tuple[Path, Path]:
    """The draft and edits file of ``shape`` at size ``n`` (made once, kept in ``folder``)."""
    folder.mkdir(parents=True, exist_ok=True)
    draft, edits = folder / f"{shape}-{n}.docx", folder / f"{shape}-{n}.json"
    if draft.exists() and edits.exists():
        return draft, edits
    if shape == "paragraph-hits":
        words = " ".join(f"tỉnh{i % 7} CCHC" for i in range(n))  # "CCHC" n times, ~12 chars a hit
        body = _head() + [_para("Kết quả: " + words + ".")]
        ops = [{"op": "replace_text", "target": "*", "find": "CCHC", "replace": "cải cách hành chính"}]
    elif shape == "paragraph-edits":
        words = " ".join(f"mục{i}x" for i in range(n))  # n distinct words in one paragraph
        body = _head() + [_para("Danh sách: " + words + ".")]
        ops = [{"op": "replace_text", "target": "I", "find": f"mục{i}x", "replace": f"điểm{i}"} for i in range(n)]
    elif shape == "comments":
        body = _head() + [_para(f"Nội dung đoạn {i} của mục I.") for i in range(20)]
        ops = [{"op": "comment", "target": "I", "text": f"Ý kiến số {i}: đề nghị làm rõ."} for i in range(n)]
    elif shape == "spread-hits":
        per = 10
        body = _head() + [_para(" ".join(f"đoạn{k} CCHC" for k in range(per))) for _ in range(max(1, n // per))]
        ops = [{"op": "replace_text", "target": "*", "find": "CCHC", "replace": "cải cách hành chính"}]
    else:
        raise SystemExit(f"unknown shape {shape}")
    _docx(body, draft)
    edits.write_text(json.dumps({"author": AUTHOR, "date": DATE, "edits": ops}, ensure_ascii=False), "utf-8")
    return draft, edits


# ---------------------------------------------------------------------------- measuring

def _cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def work(draft: str, edits: str, output: str) -> dict:
    import resource

    import redline
    from redline.package import Limits

    limits = Limits(max_paragraph_chars=10_000_000, max_text_chars=10_000_000 - 1)
    # a tiny run first, so the modules a first call imports are not counted (~0.3 s of CPU
    # that would flatten the growth at small n)
    warm = build("spread-hits", 10, OUT)
    with tempfile.TemporaryDirectory() as tmp:
        redline.apply(str(warm[0]), [str(warm[1])], str(Path(tmp) / "warm.docx"), force=True)
    c, t = _cpu(), time.perf_counter()
    result = redline.apply(draft, [edits], output, force=True, limits=limits)
    total, cpu = time.perf_counter() - t, _cpu() - c
    return {"total": total, "cpu": cpu, **result.timings,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure(draft: Path, edits: Path, *, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        cmd = [sys.executable, str(Path(__file__)), "--worker", str(draft), str(edits), str(out)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"error": f"over {timeout:.0f} s"}
        if proc.returncode != 0:
            return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1][:200]}
        return json.loads(proc.stdout.strip().splitlines()[-1])


STAGES = ("load", "plan", "revise", "save")


def growth(a: dict, b: dict, na: int, nb: int) -> str:
    """Growth per tenfold of n of the CPU time of the call, between two measurements (the
    stages' wall time, load + plan + revise + save, for results without CPU time)."""
    if "cpu" in a and "cpu" in b:
        ta, tb = a["cpu"], b["cpu"]
    else:
        ta, tb = (sum(r.get(s, 0.0) for s in STAGES) for r in (a, b))
    if ta <= 0:
        return "-"
    g = (tb / ta) ** (1 / math.log10(nb / na))
    return f"{g:.1f}x"


def run_shapes(shapes: list[str], sizes: dict[str, list[int]], *, timeout: float = 600) -> tuple[str, dict]:
    results: dict = {}
    lines = ["| shape | n | load | plan | revise | save | wall | cpu | peak MB | growth per tenfold (cpu) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for shape in shapes:
        prev = None
        results[shape] = {}
        for n in sizes[shape]:
            draft, edits = build(shape, n, OUT)
            r = measure(draft, edits, timeout=timeout)
            results[shape][n] = r
            if "error" in r:
                lines.append(f"| {shape} | {n:,} | | | | | {r['error']} | | | |")
                prev = None
                continue
            g = growth(prev[1], r, prev[0], n) if prev else ""
            lines.append(f"| {shape} | {n:,} | {r.get('load', 0):.2f} | {r.get('plan', 0):.2f} | "
                         f"{r.get('revise', 0):.2f} | {r.get('save', 0):.2f} | {r['total']:.2f} | {r['cpu']:.2f} | "
                         f"{r['peak_mb']:.0f} | {g} |")
            print(lines[-1], file=sys.stderr, flush=True)
            prev = (n, r)
    return "\n".join(lines), results


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description="redline cost shapes (issue 13)")
    ap.add_argument("--shape", action="append", choices=sorted(DEFAULT_SIZES))
    ap.add_argument("--sizes", help="comma-separated sizes for every chosen shape")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(work(*args.worker)))
        return
    shapes = args.shape or list(DEFAULT_SIZES)
    sizes = {s: ([int(x) for x in args.sizes.split(",")] if args.sizes else DEFAULT_SIZES[s]) for s in shapes}
    table, results = run_shapes(shapes, sizes, timeout=args.timeout)
    print(table)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2), "utf-8")


if __name__ == "__main__":
    main()
