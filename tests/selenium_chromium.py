"""A real browser for the review page's tests and its README screenshot: Debian's Chromium driven by
Selenium through Debian's chromedriver (no browser is downloaded), and `redline serve`'s app
on a free loopback port in a thread.  (tests/browser.py speaks the DevTools protocol itself to
look at a rendered file; the review page needs clicks, typing, file inputs and downloads, which
WebDriver gives.)"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("REDLINE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("REDLINE_CHROMEDRIVER", "/usr/bin/chromedriver")


def missing() -> str | None:
    """Why the browser cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    try:
        import flask  # noqa: F401
    except ImportError:
        return "the web extra is not installed (pip install -e '.[web]')"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} not found (Debian packages chromium and chromium-driver)"
    return None


@contextmanager
def served(config: dict | None = None):
    """The app on 127.0.0.1:<free port>; yields its base URL; every session removed after."""
    from werkzeug.serving import make_server

    from redline.web import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    app = create_app(config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", app
    finally:
        server.shutdown()
        server.server_close()
        app.extensions["redline_sessions"].close()


@contextmanager
def chromium(downloads: Path, *, width: int = 1366, height: int = 768):
    """Headless Chromium with a fresh profile, downloads going to ``downloads``."""
    # both paths are given, so Selenium Manager has nothing to find; were it ever asked, it must
    # neither download a browser nor send its usage statistics anywhere
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="redline-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--disable-default-apps", "--lang=en-US",
                f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "safebrowsing.enabled": False})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        # the viewport itself, not the window, is 1366x768 (a laptop screen)
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
