"""The review page itself on a large draft, in Debian's headless Chromium: what the clerk waits for.

    python benchmarks/bench_review_page.py [--size 50000] [--letters 20] [--per-letter 20]

Uses the draft and edits files of benchmarks/bench_review.py (generated when missing), serves
the page on a loopback port, and times in the browser (wall seconds, one run): upload of the
draft and every file until the first 20 instructions are drawn; a click (skip, then take back)
until the instruction is drawn again in its new state; opening a part of the outline; and
"Create redline" until the download links show (``redline apply`` of every edit).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
import bench_review  # noqa: E402
import browser  # noqa: E402


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=50000)
    ap.add_argument("--letters", type=int, default=20)
    ap.add_argument("--per-letter", type=int, default=20)
    args = ap.parse_args(argv)
    why = browser.missing(webdriver=True)
    if why:
        sys.exit(f"bench_review_page: {why}")
    from selenium.webdriver.support.ui import WebDriverWait

    draft, files = bench_review.make_sources(args.size, args.letters, args.per_letter)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, browser.served({"REDLINE_LANG": "en"}) as (url, _), \
            browser.webdriver(Path(tmp)) as d:
        def wait(condition, timeout=600):
            return WebDriverWait(d, timeout, poll_frequency=0.02).until(condition)

        def state(selector):
            return d.execute_script("const e = document.querySelector(arguments[0]); return e && e.dataset.state",
                                    selector)

        def timed(name, start, done):
            t = time.perf_counter()
            start()
            wait(lambda _: done())
            rows.append((name, time.perf_counter() - t))

        d.get(url + "?lang=en")
        wait(lambda _: d.execute_script("return document.body.dataset.ready === 'true'"))
        d.find_element("css selector", "#draft").send_keys(str(draft.resolve()))
        d.find_element("css selector", "#letters").send_keys("\n".join(str(f.resolve()) for f in files))
        timed(f"upload draft + {len(files)} files until the first 20 instructions are drawn",
              lambda: d.find_element("css selector", "#open").click(),
              lambda: len(d.find_elements("css selector", "#item-list article")) == 20)
        card = 'article[data-id="s0-2"]'
        timed("click Skip until the instruction is drawn skipped",
              lambda: d.find_element("css selector", card + ' [data-action="skip"]').click(),
              lambda: state(card) == "skipped")
        timed("click Take it back until it is drawn again",
              lambda: d.find_element("css selector", card + ' [data-action="include"]').click(),
              lambda: state(card) == "apply")
        timed("open part II of the outline",
              lambda: d.find_element("css selector", "#outline-tree > li:nth-child(2) .toggle").click(),
              lambda: d.find_elements("css selector", "#outline-tree > li:nth-child(2) ul li"))
        timed("Create redline until the download links show",
              lambda: d.find_element("css selector", "#create").click(),
              lambda: d.find_elements("css selector", '#downloads a[data-kind="docx"]'))
    print(f"## the review page, {args.size:,}-paragraph draft, {len(files)} files x {args.per_letter} edits "
          "(headless Chromium, wall s)\n")
    print("| step | s |\n| --- | --- |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
