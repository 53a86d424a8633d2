"""The page and its JSON calls.  Each call is one call of the public ``redline.review`` API
(``Review``) on the tab's session; the page adds no logic of its own.

Every answer is JSON; a ``RedlineError`` becomes ``{"error": message}`` with status 400 (the
message the command line prints, the session folder left out of paths), anything else
``{"error": "Internal error ..."}`` with status 500: never a traceback.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, render_template, request, send_file
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .. import diff as wdiff
from ..api import review as open_review
from ..diff import DELETE, INSERT
from ..errors import RedlineError
from ..messages import LANGUAGES, msg, render
from ..reviewing import Item, Review, describe
from .sessions import Session, Sessions
from .texts import PAGE, page_texts

bp = Blueprint("redline", __name__)
MAX_LINES = 8  # redline lines shown per instruction
TOKEN_HEADER = "X-Redline-Session"
LANG_HEADER = "X-Redline-Lang"


class PageError(Exception):
    """A refusal for the page (status and message already in the tab's language)."""

    def __init__(self, message: str, status: int = 400, code: str | None = None):
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


# ---------------------------------------------------------------------------- plumbing

def _sessions() -> Sessions:
    return current_app.extensions["redline_sessions"]


def _lang() -> str:
    lang = request.args.get("lang") or request.headers.get(LANG_HEADER) or current_app.config["REDLINE_LANG"]
    return lang if lang in LANGUAGES else "en"


def _session() -> Session:
    s = _sessions().get(request.headers.get(TOKEN_HEADER))
    if s is None:
        raise PageError(msg("This session has ended (its files are deleted): reload the page.").render(_lang()), 410,
                        "no-session")
    return s


def _review(s: Session) -> Review:
    if s.review is None:
        raise PageError(msg("Open a draft first.").render(_lang()))
    return s.review


def _clean_message(s: Session | None, text: str) -> str:
    if s is not None:
        for folder in (s.uploads, s.out, s.folder):
            text = text.replace(str(folder) + "/", "").replace(str(folder), "")
    return text


@bp.before_request
def _check_origin():
    """Only this page may call: other Host names are refused (DNS rebinding), so are requests
    from another origin, and every call must carry the session header, which a foreign page
    cannot send without the browser asking first (CORS), which this app never allows."""
    allowed = current_app.config.get("REDLINE_ALLOWED_HOSTS")
    if allowed is not None and request.host not in allowed:
        abort(403)
    origin = request.headers.get("Origin")
    if origin is not None and origin.rstrip("/") != request.host_url.rstrip("/"):
        abort(403)
    if request.path.startswith("/api/") and TOKEN_HEADER not in request.headers:
        abort(403)


@bp.after_request
def _headers(response):
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_errorhandler(Exception)
def _error(exc: Exception):
    session = _sessions().get(request.headers.get(TOKEN_HEADER))
    if isinstance(exc, PageError):
        body = {"error": exc.message}
        if exc.code:
            body["code"] = exc.code
        return jsonify(body), exc.status
    if isinstance(exc, RedlineError):
        return jsonify({"error": _clean_message(session, exc.render(_lang()))}), 400
    if isinstance(exc, RequestEntityTooLarge):
        limit = current_app.config["REDLINE_MAX_UPLOAD_MB"]
        return jsonify({"error": msg("The upload is over the limit of {limit} MB (redline serve --max-upload-mb).",
                                     limit=f"{limit:g}").render(_lang())}), 413
    if isinstance(exc, HTTPException):
        return jsonify({"error": f"{exc.code} {exc.name}"}), exc.code
    current_app.logger.exception("internal error")
    return jsonify({"error": msg("Internal error ({kind}): please report it.",
                                 kind=type(exc).__name__).render(_lang())}), 500


# ---------------------------------------------------------------------------- the page

@bp.get("/")
def index():
    lang = _lang()
    return render_template("index.html", lang=lang, other="en" if lang == "vi" else "vi", text=page_texts(lang),
                           max_upload_mb=current_app.config["REDLINE_MAX_UPLOAD_MB"])


# ---------------------------------------------------------------------------- sessions

@bp.post("/api/session")
def new_session():
    s = _sessions().create()
    if s is None:
        raise PageError(msg("Too many sessions are open; end one or wait.").render(_lang()), 503)
    return jsonify({"token": s.token})


@bp.post("/api/ping")
def ping():
    _session()
    return jsonify({"ok": True})


@bp.post("/api/end")
def end():
    _sessions().end(request.headers.get(TOKEN_HEADER) or "")
    return jsonify({"ok": True})


# ---------------------------------------------------------------------------- files in

def _safe_name(filename: str | None) -> str:
    """The uploaded file's own name, made safe to keep in a folder (no path, no controls)."""
    name = unicodedata.normalize("NFC", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if c.isprintable()).strip().lstrip(".")
    name = re.sub(r'[<>:"|?*]', "_", name)
    if len(name) > 120:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[:100] + dot + suffix[:15]) if dot and len(suffix) <= 15 else name[:120]
    return name or "file"


def _save(s: Session, storage) -> Path:
    name = _safe_name(storage.filename)
    path = s.uploads / name
    stem, suffix = Path(name).stem, Path(name).suffix
    k = 2
    while path.exists():
        path = s.uploads / f"{stem} ({k}){suffix}"
        k += 1
    storage.save(path)
    return path


@bp.post("/api/upload")
def upload():
    """A draft (starts the review again, keeping the letters) and/or letters / edits files."""
    s = _session()
    lang = _lang()
    with s.lock:
        errors: list[dict] = []
        draft = request.files.get("draft")
        sources = [f for f in request.files.getlist("sources") if f and f.filename]
        if draft and draft.filename:
            path = _save(s, draft)
            try:
                review = open_review(path)
            except RedlineError as exc:
                path.unlink(missing_ok=True)
                errors.append({"file": path.name, "error": _clean_message(s, exc.render(lang))})
                return jsonify({"errors": errors, "state": _state(s, lang)}), 400
            previous = s.review
            s.review, s.outputs = review, {}
            if previous is not None:  # the letters already read, against the new draft
                for old in previous.sources:
                    try:
                        review.add_source(s.uploads / old.name, name=old.name)
                    except RedlineError as exc:
                        errors.append({"file": old.name, "error": _clean_message(s, exc.render(lang))})
        review = _review(s)
        limit = current_app.config["REDLINE_MAX_FILES"]
        for f in sources:
            if len(review.sources) >= limit:
                errors.append({"file": _safe_name(f.filename),
                               "error": msg("At most {limit} files in one session.", limit=limit).render(lang)})
                continue
            path = _save(s, f)
            try:
                review.add_source(path, name=path.name)
            except RedlineError as exc:
                path.unlink(missing_ok=True)
                errors.append({"file": path.name, "error": _clean_message(s, exc.render(lang))})
        s.outputs = {}
        return jsonify({"errors": errors, "state": _state(s, lang)}), (400 if errors else 200)


@bp.post("/api/sources/<int:index>/sender")
def set_sender(index: int):
    s = _session()
    with s.lock:
        _review(s).set_author(index, str((request.get_json(silent=True) or {}).get("value", "")))
        return jsonify({"state": _state(s, _lang())})


@bp.post("/api/sources/<int:index>/remove")
def remove_source(index: int):
    s = _session()
    with s.lock:
        review = _review(s)
        source = review.source(index)
        review.remove_source(index)
        (s.uploads / source.name).unlink(missing_ok=True)
        return jsonify({"state": _state(s, _lang())})


# ---------------------------------------------------------------------------- reading the review

@bp.get("/api/state")
def state():
    s = _session()
    with s.lock:
        return jsonify({"state": _state(s, _lang())})


@bp.get("/api/items")
def items():
    s = _session()
    lang = _lang()
    with s.lock:
        review = _review(s)
        source = review.source(request.args.get("source", type=int, default=-1))
        offset = max(0, request.args.get("offset", type=int, default=0))
        limit = min(100, max(1, request.args.get("limit", type=int, default=20)))
        all_items = review.items(source)
        titles = _titles(review)
        return jsonify({"total": len(all_items), "offset": offset,
                        "items": [_item(review, i, lang, titles) for i in all_items[offset:offset + limit]]})


@bp.get("/api/outline")
def outline():
    s = _session()
    with s.lock:
        review = _review(s)
        q = request.args.get("q", "").strip()
        offset = max(0, request.args.get("offset", type=int, default=0))
        limit = min(500, max(1, request.args.get("limit", type=int, default=200)))
        found = review.find_sections(q, limit=limit) if q else review.sections(request.args.get("parent") or None)
        rows = found if q else found[offset:offset + limit]
        return jsonify({"total": len(found), "offset": 0 if q else offset, "sections": [_section(x) for x in rows]})


# ---------------------------------------------------------------------------- corrections

ACTIONS = {
    "retarget": lambda r, i, v: r.retarget(i, str(v or "")),
    "comment": lambda r, i, v: r.set_comment(i, True),
    "change": lambda r, i, v: r.set_comment(i, False),
    "text": lambda r, i, v: r.set_text(i, str(v if v is not None else "")),
    "cells": lambda r, i, v: r.set_cells(i, v),
    "skip": lambda r, i, v: r.skip(i, True),
    "include": lambda r, i, v: r.skip(i, False),
    "reset": lambda r, i, v: r.reset(i),
}


@bp.post("/api/items/<item_id>")
def correct(item_id: str):
    s = _session()
    lang = _lang()
    body = request.get_json(silent=True) or {}
    action = ACTIONS.get(body.get("action"))
    if action is None:
        raise PageError(f"unknown action {body.get('action')!r}")
    with s.lock:
        review = _review(s)
        action(review, item_id, body.get("value"))
        s.outputs = {}
        return jsonify({"item": _item(review, review.item(item_id), lang, _titles(review)),
                        "state": _state(s, lang)})


# ---------------------------------------------------------------------------- files out

@bp.post("/api/create")
def create():
    s = _session()
    lang = _lang()
    with s.lock:
        review = _review(s)
        out = review.write(s.out)
        files = [("docx", out.docx), ("summary_html", out.summary_html), ("summary_text", out.summary_text)]
        files += [("edits_file", p) for p in out.edits_files]
        s.outputs = {p.name: p for _, p in files}
        return jsonify({
            "files": [{"kind": kind, "name": p.name, "url": f"/download/{s.token}/{p.name}"} for kind, p in files],
            "command": out.command, "state": _state(s, lang)})


@bp.get("/download/<token>/<name>")
def download(token: str, name: str):
    s = _sessions().get(token)
    if s is None or name not in s.outputs:
        abort(404)
    path = s.outputs[name]
    mimetype = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8",
                ".json": "application/json"}.get(path.suffix, "application/octet-stream")
    return send_file(path, mimetype=mimetype, as_attachment=True, download_name=name)


# ---------------------------------------------------------------------------- JSON shapes

def _state(s: Session, lang: str) -> dict:
    review = s.review
    if review is None:
        return {"draft": None, "sources": [], "problems": [], "counts": {}}
    return {
        "draft": {"name": review.draft.name, "sections": review.section_count, "blocks": len(review.outline.blocks)},
        "sources": [{
            "index": src.index, "name": src.name, "kind": src.kind, "sender": src.sender, "number": src.number,
            "date": src.letter_date, "source_line": src.source_line, "problem": render(src.problem, lang) or None,
            "counts": review.counts(src),
        } for src in review.sources],
        "problems": [_clean_message(s, render(p, lang)) for p in review.problems],
        # what the plan says beside the instructions: typed numbers moved up, references that may be stale
        "notes": [render(n, lang) for n in (review.plan.renumbered if review.plan else [])]
        + [w.render(lang) if hasattr(w, "render") else str(w) for w in (review.plan.warnings if review.plan else [])],
        "counts": review.counts(),
    }


def _titles(review: Review) -> dict[str, str]:
    return {address: section.title for address, section in review.outline.by_address().items()}


def _section(section) -> dict:
    return {"address": section.address, "label": section.label, "title": section.title, "level": section.level,
            "children": len(section.children)}


def _item(review: Review, item: Item, lang: str, titles: dict[str, str]) -> dict:
    view = review.view(item)
    edit = item.edit or {}
    target = view.address if view else edit.get("target")
    if view is not None:
        # a document-wide change can touch hundreds of paragraphs: the first few show what it does
        lines = [wdiff.inline(line, "html") for line in view.lines[:MAX_LINES]]
        more = max(0, len(view.lines) - MAX_LINES)
        comments = list(view.comments)
    else:
        lines, comments, more = _proposal_lines(edit), [], 0
    return {
        "id": item.id, "n": item.n, "number": item.number, "quote": item.quote, "kind": item.kind,
        "state": item.state, "state_label": PAGE["state_" + item.state].render(lang),
        "reason": render(item.reason, lang) or None,
        "candidates": [{"address": a, "title": titles.get(a, "")} for a in item.candidates],
        "conflict_with": item.conflict_with, "blocking": item.blocking,
        "op": edit.get("op"), "operation": _capital(render(describe(item.edit), lang)), "target": target,
        "title": (view.title if view else titles.get(target or "", "")), "lines": lines, "more_lines": more,
        "comments": comments,
        "text": item.text, "as_comment": bool(edit.get("as_comment")),
        # the new words as the form edits them: one text, or one text a table row's cell
        "fields": [{"label": render(f.label, lang), "value": f.value, "cell": f.cell} for f in review.fields(item)],
        "can_comment": bool(edit) and edit.get("op") != "comment", "skipped": item.skipped,
        "corrected": item.corrected, "has_edit": bool(edit),
    }


def _proposal_lines(edit: dict) -> list[str]:
    """What an instruction that is not planned asks for, in the same inline rendering."""
    if not edit:
        return []
    op = edit.get("op")
    if op == "replace_text":
        return [wdiff.inline([(DELETE, edit.get("find", "")), (INSERT, edit.get("replace", ""))], "html")]
    if op == "delete" and edit.get("find"):
        return [wdiff.inline([(DELETE, edit["find"])], "html")]
    texts: list[str] = []
    if edit.get("heading"):
        texts.append(edit["heading"])
    texts += list(edit.get("paragraphs") or [])
    if edit.get("cells"):
        texts.append(" | ".join(str(c) for c in edit["cells"]))
    if edit.get("text") and op != "comment":
        texts.append(edit["text"])
    return [wdiff.inline([(INSERT, x)], "html") for x in texts]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
