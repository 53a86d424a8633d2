"""A progress bar on stderr for long runs: silent for the first seconds, and never
shown when stderr is not a terminal (the caller decides; see ``Progress(enabled=...)``)."""
from __future__ import annotations

import sys
import time

DELAY = 2.0  # seconds before anything is shown


class Progress:
    def __init__(self, enabled: bool, stream=None, delay: float = DELAY):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.delay = delay
        self.start = time.monotonic()
        self.shown = False
        self._last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        width = 30
        filled = int(width * done / total) if total else width
        self.stream.write(f"\rredline: {stage:<7} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def silent(stage: str, done: int, total: int) -> None:
    """The default callback: no output."""
