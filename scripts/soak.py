"""Run the property tests of tests/test_properties.py longer than CI does.

    python scripts/soak.py --examples 500                 # fresh random seed, every property
    python scripts/soak.py --examples 2000 --seed 7 -k random_edits
    python scripts/soak.py --examples 300 --shrink        # shrink a failure (slow: ~1 s an example)
    python scripts/soak.py --avoid-bugs                   # steer around known bugs (none known now)
    python scripts/soak.py --replay DOC_SEED EDITS_SEED   # one example of the random-edits property,
                                                          # by the seeds a failure printed

CI runs each property derandomized with a few dozen examples; a soak run takes a new seed each time
(printed, so a failure can be rerun with --seed), keeps each failing example's draft, edits,
expected text and output under --keep (default /tmp/redline-property-failures), and stops at the
first failure of each property.  Exit code: pytest's (0 = every property held).
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=200, help="examples per property (default 200)")
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: a fresh random one)")
    ap.add_argument("-k", dest="select", default=None, help="pytest -k expression, e.g. random_edits")
    ap.add_argument("--shrink", action="store_true", help="let hypothesis shrink a failing example")
    ap.add_argument("--avoid-bugs", action="store_true", help="steer around known bugs")
    ap.add_argument("--keep", default=None, help="folder for failing examples")
    ap.add_argument("--replay", nargs=2, type=int, metavar=("DOC_SEED", "EDITS_SEED"),
                    help="run one example of the random-edits property and print what it checks")
    args = ap.parse_args(argv)

    env = dict(os.environ)
    if args.avoid_bugs:
        env["REDLINE_PROPERTY_AVOID_BUGS"] = "1"
    if args.keep:
        env["REDLINE_PROPERTY_KEEP"] = args.keep
    if args.replay:
        return replay(*args.replay, env)

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    env["REDLINE_PROPERTY_EXAMPLES"] = str(args.examples)
    env["REDLINE_PROPERTY_SEED"] = str(seed)
    if args.shrink:
        env["REDLINE_PROPERTY_SHRINK"] = "1"
    print(f"soak: {args.examples} examples per property, seed {seed}", file=sys.stderr)
    cmd = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_properties.py"), "-q", "-p", "no:warnings",
           "--hypothesis-show-statistics", "-k", args.select or "random_edits or mutated"]
    return subprocess.call(cmd, cwd=ROOT, env=env)


def replay(doc_seed: int, edits_seed: int, env: dict) -> int:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "tests"))
    import json

    import test_properties as tp

    doc, planned = tp.make_example(doc_seed, edits_seed)
    print("draft:\n" + doc.describe())
    print("edits:\n" + json.dumps([p.edit for p in planned], ensure_ascii=False, indent=1))
    try:
        tp.run_example(doc, planned, audit=True)
    except AssertionError as exc:
        print(f"FAILED: {exc}")
        return 1
    print("held: reject = draft, accept = intended, check clean, no new schema errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
