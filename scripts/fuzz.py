#!/usr/bin/env python3
"""A longer fuzzing run of ``redline.package.open_docx`` than CI's (tests/test_fuzz.py).

    python scripts/fuzz.py --seconds 600                  # atheris if installed, else hypothesis
    python scripts/fuzz.py --seconds 60 --engine hypothesis --seed ../shared/corpus/pandoc/*.docx
    python scripts/fuzz.py --seconds 300 --target outline     # open_docx, then the outline stage

The property (shared with tests/test_fuzz.py): a mutated .docx opens, saves and opens
again, or is refused with a ``DocumentError``; any other exception is a bug.
``--target outline`` also builds the outline (``redline.outline``) of every file that
opens, where any ``RedlineError`` is acceptable.  A failing input is written to ``--out`` (default ``fuzz-failures/``) and the run exits 1.
Inputs: a small built .docx (every part a report has) plus any ``--seed`` files, mutated
as raw bytes, as zip entries, and with XML tokens.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_fuzz_module():
    spec = importlib.util.spec_from_file_location("redline_fuzz_cases", ROOT / "tests" / "test_fuzz.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def save_failure(out: Path, data: bytes, exc: BaseException) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"crash-{hashlib.sha256(data).hexdigest()[:16]}.docx"
    path.write_bytes(data)
    path.with_suffix(".txt").write_text("".join(traceback.format_exception(exc)), "utf-8")
    return path


TARGET = "open"


def check_outline(data: bytes) -> None:
    import tempfile

    import redline
    from redline.errors import RedlineError

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.docx"
        path.write_bytes(data)
        try:
            redline.outline(path)
        except RedlineError:
            pass


def checked(F, out: Path, data: bytes) -> None:
    try:
        F.check(data)
        if TARGET == "outline":
            check_outline(data)
    except Exception as exc:  # noqa: BLE001 - the point: anything but DocumentError is a finding
        where = save_failure(out, data, exc)
        print(f"\nFAILURE: {type(exc).__name__}: {exc}\n  input saved to {where}", file=sys.stderr)
        raise


def seeds_of(F, paths: list[str]) -> list[tuple[bytes, list]]:
    """(zip bytes, entries) for the built base and every readable seed file."""
    import zipfile
    import io

    seeds = [(F.BASE_ZIP, F.BASE), (F.BASE_STORED, F.BASE)]
    for p in paths:
        data = Path(p).read_bytes()
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
        except Exception:  # noqa: BLE001 - a seed that is not a zip is still a byte seed
            entries = F.BASE
        seeds.append((data, entries))
    return seeds


def run_hypothesis(F, seeds, seconds: float, out: Path) -> int:
    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    strategy = st.one_of(
        st.tuples(st.just("bytes"), st.integers(0, len(seeds) - 1), F.byte_ops),
        st.tuples(st.just("entries"), st.integers(0, len(seeds) - 1), F.entry_ops),
        st.tuples(st.just("tokens"), st.integers(0, len(seeds) - 1),
                  st.lists(st.tuples(st.integers(0, 50), st.integers(0, 1 << 20), st.sampled_from(F.TOKENS)),
                           min_size=1, max_size=6)),
    )
    count = 0

    def one(case) -> None:
        nonlocal count
        count += 1
        kind, i, ops = case
        data, entries = seeds[i]
        if kind == "bytes":
            blob = F.mutate_bytes(data, ops)
        elif kind == "entries":
            blob = F.build_zip(F.mutate_entries(entries, ops))
        else:
            entries = list(entries)
            for j, pos, token in ops:
                if entries:
                    k = j % len(entries)
                    name, body = entries[k]
                    p = pos % (len(body) + 1)
                    entries[k] = (name, body[:p] + token + body[p:])
            blob = F.build_zip(entries)
        checked(F, out, blob)

    deadline = time.monotonic() + seconds
    round_ = 0
    while time.monotonic() < deadline:
        round_ += 1
        test = settings(max_examples=100, deadline=None, database=None,
                        suppress_health_check=list(HealthCheck))(given(strategy)(one))
        seed(round_ * 7919 + int(time.time()))(test)()
        print(f"\r{count} inputs, {deadline - time.monotonic():5.0f} s left", end="", file=sys.stderr, flush=True)
    print(f"\nhypothesis: {count} inputs, no failure", file=sys.stderr)
    return 0


def run_atheris(F, seeds, seconds: float, out: Path) -> int:
    import atheris

    def one(buf: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(buf)
        mode = fdp.ConsumeIntInRange(0, 2)
        data, entries = seeds[fdp.ConsumeIntInRange(0, len(seeds) - 1)]
        if mode == 0:
            ops = [(fdp.ConsumeIntInRange(0, 5), fdp.ConsumeIntInRange(0, 1 << 20), fdp.ConsumeIntInRange(0, 64),
                    fdp.ConsumeBytes(fdp.ConsumeIntInRange(1, 16)) or b"\0") for _ in range(fdp.ConsumeIntInRange(1, 8))]
            blob = F.mutate_bytes(data, ops)
        elif mode == 1:
            ops = [(fdp.ConsumeIntInRange(0, 5), fdp.ConsumeIntInRange(0, 50), fdp.ConsumeIntInRange(0, 1 << 16),
                    fdp.ConsumeIntInRange(0, 200), fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 32)))
                   for _ in range(fdp.ConsumeIntInRange(1, 6))]
            blob = F.build_zip(F.mutate_entries(entries, ops))
        else:
            blob = fdp.ConsumeBytes(fdp.remaining_bytes())
        checked(F, out, blob)

    atheris.Setup([sys.argv[0], f"-max_total_time={int(seconds)}", "-rss_limit_mb=4096"], one)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300, help="how long to run (default 300)")
    ap.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    ap.add_argument("--seed", nargs="*", default=[], help=".docx files to mutate besides the built one")
    ap.add_argument("--target", choices=["open", "outline"], default="open",
                    help="open: open_docx + save + reopen; outline: also redline.outline")
    ap.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="where failing inputs go")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    global TARGET
    TARGET = args.target
    F = load_fuzz_module()
    seeds = seeds_of(F, args.seed)
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "hypothesis"
    print(f"fuzzing open_docx with {engine} for {args.seconds:.0f} s ({len(seeds)} seeds)", file=sys.stderr)
    runner = run_atheris if engine == "atheris" else run_hypothesis
    try:
        return runner(F, seeds, args.seconds, args.out)
    except Exception:  # noqa: BLE001 - already reported by checked()
        return 1


if __name__ == "__main__":
    sys.exit(main())
