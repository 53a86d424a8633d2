#!/usr/bin/env python3
"""Regenerate the README's pictures from what is committed.

    python scripts/readme_pictures.py [--out docs]

- docs/seed-letter-preview.png: the founding letter (fixtures/letters/seed-letter.txt) applied to
  fixtures/drafts/cchc-typed.docx, the first page with changes as LibreOffice lays it out
  (scripts/render_preview.py: LibreOffice headless -> PDF -> pdftoppm).
- docs/summary-html.png: the HTML summary of four department letters and the seed letter's edits
  file applied to the same draft (Vietnamese), as headless Chromium renders it (tests/browser.py),
  the top of the page at 1000 px wide.

Needs soffice, pdftoppm and /usr/bin/chromium (.ci/run installs them).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

import redline  # noqa: E402

FIXTURES = Path("fixtures")  # relative: the pictures show the paths a reader of the README types
DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
LETTERS = [FIXTURES / "letters" / n for n in ("stp.txt", "cat.txt", "stnmt.txt", "syt.txt")]


def redline_picture(out: Path, tmp: Path) -> Path:
    import render_preview

    docx = tmp / "seed.redline.docx"
    redline.apply(DRAFT, FIXTURES / "letters" / "seed-letter.txt", docx, lang="vi")
    return render_preview.render(docx, out / "seed-letter-preview.png", page="changes")


def summary_picture(out: Path, tmp: Path, height: int = 1300) -> Path:
    from browser import Chromium

    result = redline.apply(DRAFT, [*LETTERS, FIXTURES / "edits" / "seed-letter.json"], dry_run=True, lang="vi")
    html = tmp / "summary.html"
    html.write_text(result.render("html"), "utf-8")
    png = out / "summary-html.png"
    with Chromium(width=1000, height=height) as browser:
        page = browser.open(html)
        png.write_bytes(page.screenshot(full_page=False))
    return png


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    args = ap.parse_args()
    import os

    args.out = args.out.resolve()
    os.chdir(ROOT)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for made in (redline_picture(args.out, Path(tmp)), summary_picture(args.out, Path(tmp))):
            print(f"wrote {made}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
