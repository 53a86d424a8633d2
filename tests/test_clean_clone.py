"""A plain clone (no ../shared) passes the test command with one line saying what was skipped;
under CI (CI=true) shared/ is required, and .ci/run says so in its first second."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from conftest import ROOT


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "REDLINE_SHARED")}
    env.update(REDLINE_SHARED=str(ROOT / "no-such-shared"), **extra)
    return env


def _pytest(env, *args):
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)


def test_tests_that_need_shared_skip_with_one_line():
    proc = _pytest(_env(), "tests/test_oracles.py", "-k", "xsd or mce", "tests/test_extract.py", "-k", "seed")
    assert proc.returncode == 0, proc.stdout[-2000:]
    lines = [ln for ln in proc.stdout.splitlines() if "shared/ not found at" in ln]
    assert len(lines) == 1 and "were skipped" in lines[0] and "REDLINE_SHARED" in lines[0], proc.stdout[-2000:]
    assert " skipped" in proc.stdout.splitlines()[-1]


def test_under_ci_they_fail_instead():
    proc = _pytest(_env(CI="true"), "tests/test_oracles.py", "-k", "xsd")
    assert proc.returncode == 1 and "CI needs shared/" in proc.stdout


def test_ci_run_stops_at_once_without_shared():
    start = time.monotonic()
    proc = subprocess.run(["bash", str(ROOT / ".ci" / "run")], env=_env(CI="true"), capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)
    assert time.monotonic() - start < 1.0
    assert proc.returncode == 1 and "CI=true but shared/ is missing" in proc.stderr
