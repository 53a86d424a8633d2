"""Review sessions: one per browser tab, each with its own folder, removed when it ends.

A session is created by the page when a tab opens and named by a random token the tab keeps
in ``sessionStorage`` (which another tab does not share) and sends with every request; a
cookie would be shared by every tab of the browser.  The token is also what a foreign page
cannot know, so it cannot act on a session.  A session ends when the page says so ("End
session"), when the tab has been silent for ``idle_seconds`` (the open page pings every
minute), or when the server stops; its folder goes with it.
"""
from __future__ import annotations

import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Session:
    token: str
    folder: Path
    lock: threading.RLock = field(default_factory=threading.RLock)
    review: Any = None  # redline.reviewing.Review once a draft is open
    outputs: dict[str, Path] = field(default_factory=dict)  # downloadable name -> path
    seen: float = field(default_factory=time.monotonic)

    @property
    def uploads(self) -> Path:
        return self.folder / "files"

    @property
    def out(self) -> Path:
        return self.folder / "out"


class Sessions:
    """The open sessions, under one root folder (removed when the server stops)."""

    def __init__(self, root: Path | None = None, *, idle_seconds: float = 1800, max_sessions: int = 20):
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="redline-serve-"))
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o700)
        self.idle_seconds = idle_seconds
        self.max_sessions = max_sessions
        self._lock = threading.Lock()
        self._sessions: dict[str, Session] = {}
        self._stop = threading.Event()
        self._sweeper: threading.Thread | None = None

    def create(self) -> Session | None:
        """A new session with an empty folder; None when ``max_sessions`` are open."""
        self.sweep()
        with self._lock:
            if len(self._sessions) >= self.max_sessions:
                return None
            token = secrets.token_urlsafe(24)
            folder = Path(tempfile.mkdtemp(prefix="s-", dir=self.root))
            s = Session(token, folder)
            s.uploads.mkdir()
            self._sessions[token] = s
            return s

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        with self._lock:
            s = self._sessions.get(token)
        if s is not None:
            s.seen = time.monotonic()
        return s

    def end(self, token: str) -> bool:
        with self._lock:
            s = self._sessions.pop(token, None)
        if s is None:
            return False
        with s.lock:  # let a running request on it finish first
            s.review = None
            shutil.rmtree(s.folder, ignore_errors=True)
        return True

    def sweep(self) -> None:
        """End every session silent for longer than ``idle_seconds``."""
        now = time.monotonic()
        with self._lock:
            stale = [t for t, s in self._sessions.items() if now - s.seen > self.idle_seconds]
        for token in stale:
            self.end(token)

    def __len__(self) -> int:
        return len(self._sessions)

    def start_sweeper(self, every: float = 60.0) -> None:
        def loop():
            while not self._stop.wait(every):
                self.sweep()

        self._sweeper = threading.Thread(target=loop, name="redline-serve-sweeper", daemon=True)
        self._sweeper.start()

    def close(self) -> None:
        """End every session and remove the root folder (the server is stopping)."""
        self._stop.set()
        with self._lock:
            tokens = list(self._sessions)
        for token in tokens:
            self.end(token)
        shutil.rmtree(self.root, ignore_errors=True)
