"""The README's picture of `redline serve`: the page at 1366x768 after the clerk's first steps.

    python scripts/screenshot_serve.py docs/serve.png [--lang vi|en]

Starts the app on a free loopback port, opens it in Debian's headless Chromium (Selenium and
chromedriver, as tests/test_serve_browser.py does), uploads fixtures/drafts/cchc-typed.docx
and three fixture letters, resolves Văn phòng UBND tỉnh's ambiguous instruction n=4 to II.2,
makes one instruction a comment, opens the outline's Part II and saves the screenshot.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import browser  # noqa: E402

DRAFT = ROOT / "fixtures" / "drafts" / "cchc-typed.docx"
LETTERS = [ROOT / "fixtures" / "letters" / name for name in ("cat.txt", "vpubnd.txt", "stnmt.txt")]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("png", type=Path)
    ap.add_argument("--lang", choices=("vi", "en"), default="vi")
    args = ap.parse_args(argv)
    why = browser.missing(webdriver=True)
    if why:
        print(f"screenshot_serve: {why}", file=sys.stderr)
        return 2
    from selenium.webdriver.support.ui import WebDriverWait

    def wait(driver, condition):
        return WebDriverWait(driver, 30, poll_frequency=0.1).until(condition)

    def state(driver, selector):  # read in one script call: the list is re-drawn after each correction
        return driver.execute_script("const e = document.querySelector(arguments[0]); return e && e.dataset.state",
                                     selector)

    with tempfile.TemporaryDirectory() as tmp, browser.served({"REDLINE_LANG": args.lang}) as (url, _), \
            browser.webdriver(Path(tmp)) as driver:
        driver.get(url + f"?lang={args.lang}")
        wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        driver.find_element("css selector", "#draft").send_keys(str(DRAFT))
        driver.find_element("css selector", "#letters").send_keys("\n".join(str(p) for p in LETTERS))
        driver.find_element("css selector", "#open").click()
        wait(driver, lambda d: len(d.find_elements("css selector", "#sources button.source")) == 3)
        driver.find_elements("css selector", "#sources button.source")[0].click()
        wait(driver, lambda d: state(d, 'article[data-n="2"]') == "apply")
        driver.find_element("css selector", 'article[data-n="2"] [data-action="comment"]').click()
        wait(driver, lambda d: state(d, 'article[data-n="2"]') == "comment")
        driver.find_elements("css selector", "#sources button.source")[1].click()
        wait(driver, lambda d: state(d, 'article[data-n="4"]') == "unresolved")
        driver.find_element("css selector", 'article[data-n="4"] [data-action="use-II.2"]').click()
        wait(driver, lambda d: state(d, 'article[data-n="4"]') == "apply")
        toggles = driver.find_elements("css selector", "#outline-tree > li > .row > .toggle")
        toggles[1].click()
        wait(driver, lambda d: d.find_elements("css selector", "#outline-tree > li:nth-child(2) ul li"))
        # scroll the list so the corrected instruction and its neighbours show
        driver.execute_script("document.querySelector('article[data-n=\"3\"]').scrollIntoView({block: 'start'})")
        driver.execute_script("document.activeElement && document.activeElement.blur()")
        args.png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.png))
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
