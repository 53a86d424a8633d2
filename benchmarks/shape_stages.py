"""CPU time and RSS growth of each stage of one apply on a cost shape, in this process
(issue 13): where a shape's time and memory go, by stage.

    python benchmarks/shape_stages.py spread-hits 300000

Wraps the pipeline's stage functions (open, edits, outline, plan, summary views, revise,
serialise, write) and prints, for each, its CPU seconds (user + system) and the RSS
before and after it.  The draft is made by shapes.py (kept in benchmarks/out/shapes).
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import shapes  # noqa: E402


def rss_mb() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def main(shape: str, n: int) -> None:
    import redline
    import redline.package as package
    import redline.pipeline as pipeline
    from redline.package import Limits

    draft, edits = shapes.build(shape, n, shapes.OUT)
    seen: dict[str, tuple[float, int, int]] = {}

    def timed(module, name):
        f = getattr(module, name)

        def g(*a, **k):
            c, r = time.process_time(), rss_mb()
            try:
                return f(*a, **k)
            finally:
                seen[name] = (time.process_time() - c, r, rss_mb())
        setattr(module, name, g)

    for name in ("read_sources", "build_outline", "make_plan", "edit_views", "apply_plan"):
        timed(pipeline, name)
    for name in ("open_docx", "docx_bytes", "write_outputs"):  # imported by the pipeline at call time
        timed(package, name)
    limits = Limits(max_paragraph_chars=10_000_000, max_text_chars=10_000_000 - 1)
    out = shapes.OUT / f"{shape}-{n}.out.docx"
    base, c = rss_mb(), time.process_time()
    redline.apply(str(draft), [str(edits)], str(out), force=True, limits=limits)
    print(f"{shape} {n:,}: cpu {time.process_time() - c:.2f} s, RSS {base} MB before, "
          f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    for name, (cpu, before, after) in seen.items():
        print(f"  {name:14} cpu {cpu:7.2f} s   RSS {before} -> {after} MB")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
