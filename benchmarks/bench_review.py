"""The review behind `redline serve` on a large draft: how long one correction takes.

    python benchmarks/bench_review.py [--size 50000] [--letters 20] [--per-letter 20] [--rounds 5]

Builds (benchmarks/generate.py) a draft of SIZE body paragraphs and LETTERS edits files of
PER-LETTER edits each (every operation, targets as letters write them, two document-wide
``replace_text``; one department per file), opens them with ``redline.review`` and measures,
CPU and wall seconds (median of ROUNDS):

- open:       ``redline.review(draft, files)``: open + outline once, read the files, plan all;
- correct:    each correction the page offers, on a different instruction every round,
              re-planned against the original draft (``Review.retarget``, ``set_comment``,
              ``set_text``, ``skip``): what the clerk waits for after a click;
- page:       the 20 instruction views of one letter the page shows (``Review.view``);
- search:     ``Review.find_sections`` by number and by heading words (the section picker);
- full plan:  ``make_plan`` of every edit with a fresh ``Planner`` (what re-planning would cost
              without remembering each edit's planning);
- page round trip (with the web extra): the page's two requests after a click, POST the
              correction + GET the letter's first 20 instructions, through Flask's test client.

Edits files stand in for letters: a letter is extracted once, when it is uploaded, and then
planned exactly like its edits file.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(fn):
    c, w = cpu(), time.perf_counter()
    out = fn()
    return out, cpu() - c, time.perf_counter() - w


def make_sources(size: int, letters: int, per_letter: int) -> tuple[Path, list[Path]]:
    generate.generate(size, [])
    draft = generate.draft_path(size)
    folder = generate.OUT / f"review-{size}-{letters}x{per_letter}"
    files = [folder / f"letter-{k + 1:02d}.json" for k in range(letters)]
    if all(f.exists() for f in files) and folder.joinpath("stamp").exists() \
            and folder.joinpath("stamp").read_text() == str(draft.stat().st_mtime):
        return draft, files
    folder.mkdir(parents=True, exist_ok=True)
    d = generate.make_draft(size)
    doc = generate.make_edits(d, letters * per_letter)
    edits = doc["edits"]
    for k, path in enumerate(files):
        part = edits[k * per_letter:(k + 1) * per_letter]
        for i, e in enumerate(part, start=1):
            e["n"] = i
        path.write_text(json.dumps({"author": f"Sở số {k + 1}", "date": "2022-07-15T08:00:00Z",
                                    "source": f"Văn bản số {100 + k}/BM (benchmark)", "edits": part},
                                   ensure_ascii=False), "utf-8")
    folder.joinpath("stamp").write_text(str(draft.stat().st_mtime))
    return draft, files


def page_round_trip(review, items, sections, rng, rounds, record) -> None:
    """The page's requests after one click, on the same review (a session given it directly)."""
    from redline.web import create_app

    app = create_app({"REDLINE_LANG": "en"})
    try:
        client = app.test_client()
        token = client.post("/api/session", headers={"X-Redline-Session": ""}).get_json()["token"]
        app.extensions["redline_sessions"].get(token).review = review
        headers = {"X-Redline-Session": token}
        for r in range(rounds):
            item = items[(r * 5 + 1) % len(items)]

            def click():
                assert client.post(f"/api/items/{item.id}", json={"action": "retarget", "value": rng.choice(sections)},
                                   headers=headers).status_code == 200
                assert client.get(f"/api/items?source={item.source}&limit=20", headers=headers).status_code == 200

            record("page round trip: POST correction + GET 20 instructions", click)
            review.reset(item.id)
    finally:
        app.extensions["redline_sessions"].close()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=50000)
    ap.add_argument("--letters", type=int, default=20)
    ap.add_argument("--per-letter", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    import redline
    from redline.plan import make_plan

    draft, files = make_sources(args.size, args.letters, args.per_letter)
    review, c_open, w_open = timed(lambda: redline.review(draft, files))
    items = [i for i in review.items() if i.state == "apply" and i.edit and i.edit["target"] != "*"]
    sections = [s.address for s in review.outline.walk() if s.level >= 2]
    rng = random.Random(8)
    results: dict[str, list[tuple[float, float]]] = {}

    def record(name, fn):
        _, c, w = timed(fn)
        results.setdefault(name, []).append((c, w))

    for r in range(args.rounds):
        item = items[r % len(items)]
        record("correct: retarget (pick a section)", lambda: review.retarget(item.id, rng.choice(sections)))
        record("correct: back to its own section", lambda: review.reset(item.id))
        other = items[(r * 7 + 3) % len(items)]
        record("correct: make it a comment", lambda: review.set_comment(other.id, True))
        record("correct: back to a tracked change", lambda: review.set_comment(other.id, False))
        third = next(i for i in items[(r * 11 + 5) % len(items):] if i.text is not None)
        record("correct: edit the new text", lambda: review.set_text(third.id, (third.text or "") + " (sửa)"))
        record("correct: skip", lambda: review.skip(third.id))
        record("correct: undo (reset)", lambda: review.reset(third.id))
        source = review.sources[r % len(review.sources)]
        record("page: 20 instruction views", lambda: [review.view(i) for i in review.items(source)[:20]])
        record("search: by number", lambda: review.find_sections("II.3"))
        record("search: by heading words", lambda: review.find_sections("cai cach hanh chinh"))
    edits = [pe.edit for pe in review.plan.edits]
    for _ in range(max(1, args.rounds // 2)):
        record("full plan, fresh Planner (no memory)", lambda: make_plan(review.outline, edits, keep_going=True))

    try:
        page_round_trip(review, items, sections, rng, args.rounds, record)
    except ImportError:
        pass

    n_edits = sum(1 for _ in review.items())
    print(f"## review of a {args.size:,}-paragraph draft, {args.letters} letters x {args.per_letter} edits "
          f"({n_edits} instructions, {len(sections):,} sections)\n")
    print("| step | cpu s (median) | wall s (median) |\n| --- | --- | --- |")
    print(f"| open: review(draft, {args.letters} files) | {c_open:.2f} | {w_open:.2f} |")
    for name, runs in results.items():
        print(f"| {name} | {statistics.median(c for c, _ in runs):.3f} | {statistics.median(w for _, w in runs):.3f} |")
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; states: {review.counts()}")


if __name__ == "__main__":
    main()
