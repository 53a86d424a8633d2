"""The Flask application of ``redline serve`` and the local server that runs it.

Flask (with Werkzeug's threaded server) because the work is synchronous library calls on
one machine for one person: a small WSGI app, upload size limits, Jinja2 templates that
escape by default and a server that needs nothing else installed.  The page itself is plain
HTML, CSS and JavaScript served from ``static/`` (no build step, nothing from the network).
"""
from __future__ import annotations

import atexit
import signal
import sys
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Any

from flask import Flask, Request

from ..messages import msg
from .sessions import Sessions

MB = 1024 * 1024
DEFAULTS = {
    "REDLINE_LANG": "vi",  # the page's language unless the tab asks for another
    "REDLINE_MAX_UPLOAD_MB": 100,  # one upload request (every file in it); the .docx limits apply too
    "REDLINE_MAX_FILES": 100,  # letters / edits files in one session
    "REDLINE_IDLE_SECONDS": 1800,  # a tab silent this long has its session ended (the page pings each minute)
    "REDLINE_MAX_SESSIONS": 10,  # each holds its draft's tree (a 50,000-paragraph draft: ~0.7 GB)
    "REDLINE_ALLOWED_HOSTS": None,  # Host header values accepted (None: any; serve() sets the loopback names)
    "REDLINE_SESSIONS_ROOT": None,  # where session folders go (default: a new temporary folder)
}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The application; ``config`` overrides ``DEFAULTS`` (and any Flask setting)."""
    from .routes import bp

    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["REDLINE_MAX_UPLOAD_MB"] * MB)
    app.config["MAX_FORM_MEMORY_SIZE"] = 1 * MB  # text fields; files are spooled to disk
    app.config["JSON_AS_ASCII"] = False
    sessions = Sessions(app.config["REDLINE_SESSIONS_ROOT"], idle_seconds=app.config["REDLINE_IDLE_SECONDS"],
                        max_sessions=app.config["REDLINE_MAX_SESSIONS"])
    app.extensions["redline_sessions"] = sessions

    class SpooledInSessionsRoot(Request):
        """Uploads are spooled under the sessions' root folder, never the system's temp folder."""

        def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
            return tempfile.TemporaryFile("wb+", dir=sessions.root)

    app.request_class = SpooledInSessionsRoot
    app.register_blueprint(bp)
    return app


def serve(*, host: str = "127.0.0.1", port: int = 8765, open_browser: bool = False, lang: str = "vi",
          max_upload_mb: float = 100, echo=lambda message: print(message)) -> None:
    """Run the review page until interrupted; every session folder is removed on the way out."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request; errors still shown
    loopback = host in ("127.0.0.1", "localhost", "::1")
    app = create_app({"REDLINE_LANG": lang, "REDLINE_MAX_UPLOAD_MB": max_upload_mb})
    sessions: Sessions = app.extensions["redline_sessions"]
    atexit.register(sessions.close)
    server = make_server(host, port, app, threaded=True)
    port = server.server_port  # the one given, or the free one chosen for --port 0
    if loopback:
        # refuse other Host names (a DNS-rebinding page must not reach the sessions)
        app.config["REDLINE_ALLOWED_HOSTS"] = {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]")}
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown if not loopback else '127.0.0.1'}:{port}/"
    echo(msg("redline serve: {url}  (Ctrl+C to stop; files are kept in {folder} until then)", url=url,
             folder=sessions.root))
    sessions.start_sweeper()

    def stop(signum, frame):  # SIGTERM: stop like Ctrl+C, so the folders are removed
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        sessions.close()
        echo(msg("redline serve: stopped; session files removed"))
        sys.stdout.flush()


__all__ = ["create_app", "serve", "DEFAULTS"]
