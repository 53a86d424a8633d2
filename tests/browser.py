"""Debian's Chromium for the tests (and the scripts that picture the product): found in one
place, started with one set of flags, and one line saying why when it cannot run.  No browser
is downloaded.

Two ways to drive it, for two needs:

* ``Chromium`` looks at a rendered file (the HTML summary) and needs nothing but the browser:
  it is started with ``--remote-debugging-pipe`` and spoken to over two pipes (file
  descriptors 3 and 4 in the browser; JSON messages ended by NUL), the transport the DevTools
  protocol offers for exactly this.  ``Chromium().open(path)`` gives a ``Page`` whose
  ``js(expression)`` returns the value of a JavaScript expression evaluated in the rendered
  page (layout included), and ``screenshot()`` a PNG.
* ``webdriver(downloads)`` drives the review page the way a person does (keys, file inputs,
  focus, downloads), which is WebDriver's job: Selenium through Debian's chromedriver, with
  ``served()`` running `redline serve`'s app on a free loopback port in a thread.

``missing()`` / ``missing(webdriver=True)`` say why either cannot run here; ``require(...)``
skips with that line (fails under CI, which must run them).
"""
from __future__ import annotations

import base64
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("REDLINE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("REDLINE_CHROMEDRIVER", "/usr/bin/chromedriver")
# headless, and nothing that reaches the network or the user's profile
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-extensions", "--disable-default-apps"]


def missing(*, webdriver: bool = False) -> str | None:
    """Why the browser (with ``webdriver``: Selenium, chromedriver and the page's app too)
    cannot run here, or None."""
    if not Path(CHROMIUM).is_file():
        return f"Chromium not found at {CHROMIUM} (Debian package chromium; .ci/run installs it)"
    if not webdriver:
        return None
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    try:
        import flask  # noqa: F401
    except ImportError:
        return "the web extra is not installed (pip install -e '.[web]')"
    if not Path(CHROMEDRIVER).is_file():
        return f"chromedriver not found at {CHROMEDRIVER} (Debian package chromium-driver; .ci/run installs it)"
    return None


def require(*, webdriver: bool = False) -> None:
    """Skip the test (or, at import, the module) with one line when the browser cannot run;
    under CI (CI=true) that is a failure: CI installs the browser and must run these tests."""
    import pytest

    why = missing(webdriver=webdriver)
    if why is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs the browser: {why}", pytrace=False)
    pytest.skip(why, allow_module_level=True)


# ---------------------------------------------------------------------------- DevTools over a pipe

class Chromium:
    def __init__(self, width: int = 1000, height: int = 800):
        self.profile = tempfile.mkdtemp(prefix="redline-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def fds():  # in the child: the pipes at 3 (commands in) and 4 (replies out), inheritable
            src_in, src_out = os.dup(to_browser_r), os.dup(from_browser_w)  # above 4, whatever they were
            os.dup2(src_in, 3, inheritable=True)
            os.dup2(src_out, 4, inheritable=True)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, "--hide-scrollbars", "--remote-debugging-pipe",
                                      f"--user-data-dir={self.profile}", "about:blank"],
                                     preexec_fn=fds, close_fds=False, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._id = 0
        self.width, self.height = width, height

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def open(self, path: Path) -> "Page":
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        page.send("Page.navigate", {"url": Path(path).resolve().as_uri()})
        for _ in range(200):
            if page.js("document.readyState") == "complete":
                break
        page.js("document.fonts.ready.then(() => true)", wait=True)
        return page

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    def __init__(self, browser: Chromium, session: str):
        self.browser, self.session = browser, session

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def js(self, expression: str, *, wait: bool = False):
        """The (JSON) value of ``expression`` in the page; ``wait``: await a promise."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": wait})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, *, full_page: bool = True) -> bytes:
        params: dict = {"format": "png"}
        if full_page:
            w, h = self.js("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": w, "height": h, "scale": 1})
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])


# ---------------------------------------------------------------------------- WebDriver (the review page)

@contextmanager
def served(config: dict | None = None):
    """The review page's app on 127.0.0.1:<free port>; yields (base URL, app); every session
    removed after."""
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
def webdriver(downloads: Path, *, width: int = 1366, height: int = 768):
    """Chromium driven by Selenium, a fresh profile, a ``width`` x ``height`` viewport (a laptop
    screen), downloads going to ``downloads``."""
    # both paths are given, so Selenium Manager has nothing to find; were it ever asked, it must
    # neither download a browser nor send its usage statistics anywhere
    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver as wd
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="redline-chromium-")
    options = wd.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (*FLAGS, "--lang=en-US", f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "safebrowsing.enabled": False})
    driver = wd.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        # the viewport itself, not the window, is width x height
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
