"""``redline serve``: a local page where a person checks every instruction of the letters
before it becomes a tracked change (``pip install redline[web]``).

``app.py`` the Flask application and the local server; ``routes.py`` the page and its JSON
calls, each one call of ``redline.review``'s ``Review``; ``sessions.py`` one session (and
folder) per browser tab; ``texts.py`` the page's words in English and Vietnamese;
``templates/`` and ``static/`` the page itself (plain HTML, CSS, JavaScript).
"""
from __future__ import annotations

from .app import create_app, serve  # noqa: F401

__all__ = ["create_app", "serve"]
