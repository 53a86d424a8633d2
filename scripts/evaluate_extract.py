#!/usr/bin/env python3
"""Precision and recall of ``redline extract`` per operation, over every fixture letter.

For each ``fixtures/letters/<name>.(txt|docx|pdf)`` with a ``<name>.expected.json`` (and the seed
letter, against ``fixtures/edits/seed-letter.json``), extract with ``--draft`` (the typed CCHC
draft) and match the edits one to one.  An extracted edit is right when its op, target and
payload (find/replace/exclude/anchor/heading/paragraphs/text/scope/occurrence) all equal an
expected one's.  Items that went to ``unresolved`` count under the pseudo-op "unresolved"
(matched by instruction number; the expected candidates must be offered), agreement under "ignored".

When the resolver (``redline.resolve``) is not there yet, targets are left out of the
comparison and the report says so.

Usage: python scripts/evaluate_extract.py [--no-draft] [--verbose]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from redline.letters.extract import extract  # noqa: E402

LETTERS = ROOT / "fixtures" / "letters"
DRAFT = ROOT / "fixtures" / "drafts" / "cchc-typed.docx"
SEED_JSON = ROOT / "fixtures" / "edits" / "seed-letter.json"
PAYLOAD = ("find", "replace", "exclude", "anchor", "heading", "paragraphs", "text", "scope", "occurrence")


def key(e: dict, with_target: bool) -> str:
    fields = {k: e.get(k) for k in PAYLOAD}
    fields["op"] = e["op"]
    if with_target:
        fields["target"] = e["target"]
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def unresolved_key(u: dict) -> str:
    return json.dumps({"n": u.get("n"), "candidates": sorted(u.get("candidates", []))}, ensure_ascii=False)


def cases(with_draft: bool):
    for exp in sorted(LETTERS.glob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        letter = next((p for p in LETTERS.glob(stem + ".*") if p.suffix in (".txt", ".docx", ".pdf")), None)
        if letter is not None:
            yield stem, letter, json.loads(exp.read_text("utf-8"))
    seed = LETTERS / "seed-letter.txt"
    if seed.is_file() and SEED_JSON.is_file():
        hand = json.loads(SEED_JSON.read_text("utf-8"))
        if with_draft:
            from redline.letters.extract import draft_outline, resolve_reference

            tree = draft_outline(DRAFT)
            for e in hand["edits"]:
                e["target"] = resolve_reference(tree, e["target"]).address
        hand.setdefault("unresolved", [])
        hand.setdefault("ignored", [])
        yield "seed-letter", seed, hand


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-draft", action="store_true", help="do not resolve targets (compare without them)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    have_resolver = importlib.util.find_spec("redline.sections.references") is not None
    with_draft = not args.no_draft and have_resolver and DRAFT.is_file()
    if not with_draft:
        print("note: targets not compared (" + ("--no-draft" if args.no_draft else "no resolver or draft yet") + ")")
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    letters = 0
    for name, path, expected in cases(with_draft):
        letters += 1
        got = extract(path, draft=DRAFT if with_draft else None)
        exp_edits = list(expected["edits"])
        exp_unres = list(expected.get("unresolved", []))
        pool = defaultdict(list)
        for e in exp_edits:
            pool[key(e, with_draft)].append(e)
        for e in got["edits"]:
            k = key(e, with_draft)
            if pool.get(k):
                pool[k].pop()
                tp[e["op"]] += 1
            elif not with_draft and any(u.get("quote") == e.get("quote") for u in exp_unres):
                continue  # expected as unresolved once resolved against the draft
            else:
                fp[e["op"]] += 1
                if args.verbose:
                    print(f"  {name}: unexpected {e['op']} n={e.get('n')} {e['target']}")
        for k, left in pool.items():
            for e in left:
                fn[e["op"]] += 1
                if args.verbose:
                    print(f"  {name}: missed {e['op']} n={e.get('n')} {e['target']}")
        if with_draft:
            # Matched by instruction number; the expected candidates (the sections a person must choose
            # between) must all be offered.
            left = list(got["unresolved"])
            for u in exp_unres:
                hit = next((g for g in left if g.get("n") == u.get("n")
                            and set(u.get("candidates", [])) <= set(g.get("candidates", []))), None)
                if hit is not None:
                    left.remove(hit)
                    tp["unresolved"] += 1
                else:
                    fn["unresolved"] += 1
                    if args.verbose:
                        print(f"  {name}: missed unresolved {unresolved_key(u)}")
            fp["unresolved"] += len(left)
        exp_ign, got_ign = list(expected.get("ignored", [])), list(got["ignored"])
        for x in got_ign:
            if x in exp_ign:
                exp_ign.remove(x)
                tp["ignored"] += 1
            else:
                fp["ignored"] += 1
        fn["ignored"] += len(exp_ign)
    ops = sorted(set(tp) | set(fp) | set(fn))
    print(f"{letters} letters")
    print(f"{'op':<14}{'expected':>9}{'extracted':>10}{'right':>7}{'precision':>11}{'recall':>8}")
    T = F = N = 0
    for op in ops:
        t, f, n = tp[op], fp[op], fn[op]
        T, F, N = T + t, F + f, N + n
        prec = t / (t + f) if t + f else 1.0
        rec = t / (t + n) if t + n else 1.0
        print(f"{op:<14}{t + n:>9}{t + f:>10}{t:>7}{prec:>11.2f}{rec:>8.2f}")
    prec = T / (T + F) if T + F else 1.0
    rec = T / (T + N) if T + N else 1.0
    print(f"{'all':<14}{T + N:>9}{T + F:>10}{T:>7}{prec:>11.2f}{rec:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
