"""Does a change to compare keep its output?  Digests of everything ``redline compare``
writes for the benchmark pairs (benchmarks/compare.py's generator), recorded before a
change and checked after it.

    python benchmarks/compare_same.py --record benchmarks/out/compare-digests.json [--sizes 2000,20000]
    python benchmarks/compare_same.py --check benchmarks/out/compare-digests.json

Per size: the SHA-256 of every part of the output package (word/document.xml first of
all), of the summary in each format, once as the benchmark runs it and once with the edits file
and the letter asked for (``--edits``, ``--letter``), with a fixed
author and date so that two runs of the same code give the same bytes.  ``--check``
exits non-zero and names each part that differs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import compare as bench  # noqa: E402


def digests(size: int, changed: float) -> dict[str, str]:
    import redline

    old, new, _ = bench.make_pair(size, changed)
    out: dict[str, str] = {}
    tmp = bench.OUT / "same"  # a fixed place: the summary names the output
    tmp.mkdir(parents=True, exist_ok=True)
    # as the benchmark runs it (no edits, no letter), then with the way back asked for
    for run, extra in (("plain", {}), ("edits", {"edits": tmp / "edits.json",
                                                 "letter": tmp / "letter.txt"})):
        doc = tmp / f"{run}.docx"
        result = redline.compare(old, new, doc, author="bench", date="2026-01-01T00:00:00Z",
                                 limits=bench._limits_for(old), force=True, **extra)
        with zipfile.ZipFile(doc) as z:
            for name in sorted(z.namelist()):
                out[f"{run}/{name}"] = _sha(z.read(name))
        for name, path in extra.items():
            out[f"{run}/{name}"] = _sha(path.read_bytes())
        for fmt in ("text", "markdown", "json", "html"):
            out[f"{run}/summary.{fmt}"] = _sha(result.render(fmt).encode("utf-8"))
    return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--record", type=Path)
    mode.add_argument("--check", type=Path)
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--changed", type=float, default=0.02)
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    now = {str(size): digests(size, args.changed) for size in sizes}
    if args.record:
        args.record.parent.mkdir(parents=True, exist_ok=True)
        args.record.write_text(json.dumps(now, indent=2))
        print(f"recorded {sum(map(len, now.values()))} digests for {', '.join(map(str, sizes))} paragraphs")
        return 0
    then = json.loads(args.check.read_text())
    bad = [f"{size}: {name}" for size in now for name in sorted(set(now[size]) | set(then.get(size, {})))
           if now[size].get(name) != then.get(size, {}).get(name)]
    for line in bad:
        print("differs:", line)
    print("identical" if not bad else f"{len(bad)} outputs differ")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
