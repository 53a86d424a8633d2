"""`redline serve`'s application through Flask's test client: sessions, uploads (good and bad),
corrections, the files out.  The real-browser path is tests/test_serve_browser.py."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

flask = pytest.importorskip("flask", reason="the web extra (pip install -e '.[web]') is not installed")

import oracles  # noqa: E402
import redline  # noqa: E402
from conftest import FIXTURES  # noqa: E402
from redline.web import create_app  # noqa: E402
from test_hostile import good_entries, zip_bytes  # noqa: E402

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
LETTERS = FIXTURES / "letters"


@pytest.fixture()
def app(tmp_path):
    app = create_app({"REDLINE_SESSIONS_ROOT": tmp_path / "sessions", "REDLINE_MAX_UPLOAD_MB": 5,
                      "REDLINE_LANG": "en", "TESTING": False})
    yield app
    app.extensions["redline_sessions"].close()


class Tab:
    """One browser tab: its own session token."""

    def __init__(self, app, lang="en"):
        self.client = app.test_client()
        self.lang = lang
        r = self.client.post("/api/session", headers={"X-Redline-Session": ""})
        assert r.status_code == 200
        self.token = r.get_json()["token"]

    def headers(self):
        return {"X-Redline-Session": self.token, "X-Redline-Lang": self.lang}

    def upload(self, draft: Path | tuple | None = None, *sources):
        data = {}
        if draft is not None:
            data["draft"] = _file(draft)
        if sources:
            data["sources"] = [_file(s) for s in sources]
        return self.client.post("/api/upload", data=data, headers=self.headers(), content_type="multipart/form-data")

    def get(self, path):
        return self.client.get(path, headers=self.headers())

    def post(self, path, body=None):
        return self.client.post(path, json=body, headers=self.headers())


def _file(spec):
    if isinstance(spec, tuple):
        name, data = spec
        return (io.BytesIO(data), name)
    return (io.BytesIO(Path(spec).read_bytes()), Path(spec).name)


def _cli_lines(folder: Path, *args: str) -> list[str]:
    """What `redline apply ARGS --dry-run` prints on stderr (without 'redline: error: '), run in
    ``folder`` so that files are named as the clerk knows them."""
    import os

    from click.testing import CliRunner

    from redline_cli.main import main

    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["apply", *args, "--dry-run", "--lang", "en"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2, result.output
    return [line.removeprefix("redline: error: ") for line in result.output.strip().splitlines()]


# ----------------------------------------------------------------------------- the page

def test_page_is_served_in_both_languages_with_labels(app):
    client = app.test_client()
    en = client.get("/?lang=en").get_data(as_text=True)
    vi = client.get("/?lang=vi").get_data(as_text=True)
    assert '<html lang="en">' in en and '<label for="draft">Draft (.docx)</label>' in en
    assert '<html lang="vi">' in vi and "Dự thảo (.docx)" in vi and "Tạo bản sửa" in vi
    r = client.get("/")
    assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    # nothing from the network: every script and stylesheet is served by the app
    assert "http://" not in en.replace('href="?', "") and "https://" not in en
    assert client.get("/static/app.js").status_code == 200


# ----------------------------------------------------------------------------- the clerk's path

def test_upload_review_correct_and_create(app, tmp_path):
    tab = Tab(app)
    r = tab.upload(DRAFT, LETTERS / "cat.txt", LETTERS / "vpubnd.txt", LETTERS / "stnmt.txt")
    assert r.status_code == 200, r.get_json()
    state = r.get_json()["state"]
    assert state["draft"]["name"] == "cchc-typed.docx"
    assert [(s["sender"], s["number"], s["date"]) for s in state["sources"]] == [
        ("Công an tỉnh", "2211/CAT-PC06", "2022-07-14"), ("Văn phòng UBND tỉnh", "3120/VP-NC", "2022-07-15"),
        ("Sở Tài nguyên và Môi trường", "2045/STNMT-VP", "2022-07-14")]
    items = tab.get("/api/items?source=1").get_json()["items"]
    unresolved = next(i for i in items if i["n"] == 4)
    assert unresolved["state"] == "unresolved" and [c["address"] for c in unresolved["candidates"]] == ["II.2", "IV.2"]
    assert unresolved["candidates"][0]["title"]
    assert "<ins>" in unresolved["lines"][0]  # what it asks for, even before it has a place
    r = tab.post(f"/api/items/{unresolved['id']}", {"action": "retarget", "value": "II.2"})
    item = r.get_json()["item"]
    assert item["state"] == "apply" and item["target"] == "II.2" and item["corrected"]
    first = tab.get("/api/items?source=0").get_json()["items"][0]
    r = tab.post(f"/api/items/{first['id']}", {"action": "comment"})
    assert r.get_json()["item"]["state"] == "comment"
    conflict = next(i for i in tab.get("/api/items?source=2").get_json()["items"] if i["state"] == "conflict")
    assert "cat.edits.json" in conflict["conflict_with"]
    r = tab.post("/api/create")
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["command"].startswith("redline apply cchc-typed.docx cat.edits.json")
    kinds = [f["kind"] for f in body["files"]]
    assert kinds == ["docx", "summary_html", "summary_text", "edits_file", "edits_file", "edits_file"]
    docx = tab.client.get(body["files"][0]["url"])
    assert docx.status_code == 200 and "attachment" in docx.headers["Content-Disposition"]
    out = tmp_path / "out.docx"
    out.write_bytes(docx.data)
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(DRAFT, "reject")
    assert oracles.new_audit_errors(out, DRAFT) == []
    summary = tab.client.get(body["files"][2]["url"]).get_data(as_text=True)
    assert "vpubnd.edits.json" in summary and "draft:  cchc-typed.docx" in summary and str(tmp_path) not in summary
    edits = json.loads(tab.client.get(body["files"][4]["url"]).data)
    assert any(e["target"] == "II.2" and e["n"] == 4 for e in edits["edits"])


def test_a_rows_cells_are_fields_named_by_column_and_corrected_in_the_tabs_language(app):
    tab = Tab(app, lang="vi")
    r = tab.upload(FIXTURES / "drafts" / "baocao-typed.docx", FIXTURES / "edits" / "baocao.json")
    assert r.status_code == 200, r.get_json()
    items = tab.get("/api/items?source=0").get_json()["items"]
    row, cell = next(i for i in items if i["n"] == 4), next(i for i in items if i["n"] == 3)
    assert [(f["label"], f["value"], f["cell"]) for f in row["fields"]] == [
        ("STT", "4", True), ("Đơn vị", "Huyện Sơn Trà", True), ("Đã giải quyết", "743", True),
        ("Đúng hạn", "741", True), ("Tỷ lệ đúng hạn", "99,7%", True)]
    assert cell["fields"] == [{"label": "Nội dung mới của ô ở dòng 4, cột “Tỷ lệ trực tuyến”", "value": "47,8%",
                               "cell": False}]
    r = tab.post(f"/api/items/{row['id']}", {"action": "cells", "value": ["4", "Huyện Sơn Trà", "743", "740"]})
    item = r.get_json()["item"]
    assert item["state"] == "apply" and item["corrected"]
    assert [f["value"] for f in item["fields"]] == ["4", "Huyện Sơn Trà", "743", "740", ""]
    r = tab.post(f"/api/items/{row['id']}", {"action": "cells", "value": "4 | Huyện Sơn Trà"})
    assert r.status_code == 400 and "danh sách" in r.get_json()["error"]


def test_a_bad_correction_shows_its_message(app):
    tab = Tab(app)
    tab.upload(DRAFT, LETTERS / "vpubnd.txt")
    item = next(i for i in tab.get("/api/items?source=0").get_json()["items"] if i["n"] == 4)
    r = tab.post(f"/api/items/{item['id']}", {"action": "retarget", "value": "Mục 9 Phần IX"})
    assert r.status_code == 400 and "no section matches 'Mục 9 Phần IX'" in r.get_json()["error"]
    r = tab.post("/api/items/s0-99", {"action": "skip"})
    assert r.status_code == 400 and "no instruction" in r.get_json()["error"]


def test_outline_one_level_at_a_time_and_search(app):
    tab = Tab(app)
    tab.upload(DRAFT)
    top = tab.get("/api/outline").get_json()
    assert [s["address"] for s in top["sections"]][:2] == ["I", "II"] and top["sections"][0]["children"] > 0
    sub = tab.get("/api/outline?parent=II").get_json()["sections"]
    assert sub[0]["address"] == "II.1"
    found = tab.get("/api/outline?q=" + "thủ tục hành chính").get_json()["sections"]
    assert {"II.2", "IV.2"} <= {s["address"] for s in found}


# ----------------------------------------------------------------------------- bad uploads

BAD = {
    "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000),
    "notes.txt": "Đây không phải là tệp Word.".encode("utf-8"),
    "evil.docx": zip_bytes(good_entries() + [{"name": "../evil", "data": b"x"}]),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_draft_gets_the_cli_message_not_a_traceback(app, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD[name])
    tab = Tab(app)
    r = tab.upload(path)
    assert r.status_code == 400
    errors = r.get_json()["errors"]
    letter = tmp_path / "stc.txt"
    letter.write_bytes((LETTERS / "stc.txt").read_bytes())
    assert [e["error"] for e in errors] == _cli_lines(tmp_path, name, "stc.txt") and errors[0]["file"] == name
    assert "Traceback" not in r.get_data(as_text=True)
    assert r.get_json()["state"]["draft"] is None


def test_a_bad_letter_is_refused_and_the_others_load(app, tmp_path):
    tab = Tab(app)
    bad = tmp_path / "bad.json"
    bad.write_text('{"edits": [', "utf-8")
    r = tab.upload(DRAFT, LETTERS / "stc.txt", bad)
    assert r.status_code == 400
    assert r.get_json()["errors"] == [{"file": "bad.json", "error": "bad.json: invalid JSON at line 1, column 12: "
                                                                     "Expecting value"}]
    assert [s["name"] for s in r.get_json()["state"]["sources"]] == ["stc.txt"]


def test_an_upload_over_the_limit_is_refused_with_the_setting_named(app):
    tab = Tab(app)
    r = tab.upload(("huge.docx", b"\0" * (6 * 1024 * 1024)))
    assert r.status_code == 413
    assert r.get_json()["error"] == "The upload is over the limit of 5 MB (redline serve --max-upload-mb)."
    tab.lang = "vi"
    r = tab.upload(("huge.docx", b"\0" * (6 * 1024 * 1024)))
    assert "vượt giới hạn 5 MB" in r.get_json()["error"]


def test_an_internal_error_is_one_line_without_traceback(app, monkeypatch):
    from redline.reviewing import Review

    tab = Tab(app)
    tab.upload(DRAFT, LETTERS / "stc.txt")

    def broken(self, *a, **k):
        raise RuntimeError("boom at /secret/path")

    monkeypatch.setattr(Review, "skip", broken)
    r = tab.post("/api/items/s0-0", {"action": "skip"})
    assert r.status_code == 500 and r.get_json() == {"error": "Internal error (RuntimeError): please report it."}


# ----------------------------------------------------------------------------- sessions

def test_two_tabs_do_not_see_each_others_files(app):
    a, b = Tab(app), Tab(app)
    a.upload(DRAFT, LETTERS / "stc.txt")
    assert b.get("/api/state").get_json()["state"]["draft"] is None
    assert b.get("/api/items?source=0").status_code == 400
    created = a.post("/api/create").get_json()
    url = created["files"][0]["url"]
    forged = url.replace(a.token, b.token)
    assert b.client.get(forged).status_code == 404
    nobody = app.test_client()
    assert nobody.get("/api/state", headers={"X-Redline-Session": "guess"}).status_code == 410
    assert nobody.post("/api/items/s0-0", json={"action": "skip"},
                       headers={"X-Redline-Session": "guess"}).status_code == 410


def test_ending_a_session_removes_its_folder_and_stopping_removes_all(app):
    sessions = app.extensions["redline_sessions"]
    a, b = Tab(app), Tab(app)
    a.upload(DRAFT, LETTERS / "stc.txt")
    b.upload(DRAFT)
    folder_a = sessions.get(a.token).folder
    assert any(folder_a.rglob("*.docx"))
    assert a.post("/api/end").status_code == 200
    assert not folder_a.exists() and a.get("/api/state").status_code == 410
    folder_b = sessions.get(b.token).folder
    sessions.close()
    assert not folder_b.exists() and not sessions.root.exists()


def test_a_silent_tab_has_its_session_ended(app):
    sessions = app.extensions["redline_sessions"]
    tab = Tab(app)
    tab.upload(DRAFT)
    folder = sessions.get(tab.token).folder
    sessions.idle_seconds = 0
    sessions.sweep()
    assert not folder.exists() and tab.get("/api/state").status_code == 410


def test_other_host_names_are_refused(tmp_path):
    app = create_app({"REDLINE_SESSIONS_ROOT": tmp_path / "s", "REDLINE_ALLOWED_HOSTS": {"127.0.0.1:8765"}})
    try:
        client = app.test_client()
        assert client.get("/", base_url="http://127.0.0.1:8765").status_code == 200
        assert client.get("/", base_url="http://attacker.example:8765").status_code == 403
        assert client.post("/api/session", base_url="http://attacker.example:8765",
                           headers={"X-Redline-Session": ""}).status_code == 403
    finally:
        app.extensions["redline_sessions"].close()


def test_uploaded_names_cannot_escape_the_session_folder(app):
    tab = Tab(app)
    r = tab.upload(DRAFT, ("../../outside.txt", (LETTERS / "stc.txt").read_bytes()))
    assert r.status_code == 200
    folder = app.extensions["redline_sessions"].get(tab.token).uploads
    assert (folder / "outside.txt").exists()
    assert not (folder.parent.parent / "outside.txt").exists()


def test_cli_serve_help_and_host_warning(monkeypatch):
    from click.testing import CliRunner

    from redline_cli.main import main

    calls = {}
    monkeypatch.setattr("redline.web.serve", lambda **kw: calls.update(kw))
    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "9999", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "warning: listening on 0.0.0.0" in r.output
    assert calls["host"] == "0.0.0.0" and calls["port"] == 9999 and calls["lang"] == "en"
    r = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--lang", "vi"])
    assert "cảnh báo: đang mở ở địa chỉ 0.0.0.0" in r.output and calls["lang"] == "vi"
    r = CliRunner().invoke(main, ["serve"], env={"REDLINE_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""})
    assert "warning" not in r.output and calls["host"] == "127.0.0.1" and calls["port"] == 8765
    assert calls["lang"] == "vi"


def test_a_document_wide_change_shows_its_first_paragraphs_and_counts_the_rest(app, tmp_path):
    edits = tmp_path / "stp.json"
    edits.write_text(json.dumps({"author": "Sở Tư pháp", "edits": [
        {"op": "replace_text", "target": "*", "find": "CCHC", "replace": "cải cách hành chính"}]},
        ensure_ascii=False), "utf-8")
    tab = Tab(app)
    tab.upload(DRAFT, edits)
    item = tab.get("/api/items?source=0").get_json()["items"][0]
    assert item["state"] == "apply" and len(item["lines"]) == 8 and item["more_lines"] > 0
    view = app.extensions["redline_sessions"].get(tab.token).review.view(
        app.extensions["redline_sessions"].get(tab.token).review.items(0)[0])
    assert len(view.lines) == 8 + item["more_lines"]


def test_a_letter_without_sender_asks_for_it_and_a_letter_can_be_removed(app, tmp_path):
    edits = tmp_path / "nameless.json"
    edits.write_text(json.dumps({"edits": [{"op": "append", "target": "I.4", "paragraphs": ["Thêm một đoạn."]}]}),
                     "utf-8")
    tab = Tab(app)
    state = tab.upload(DRAFT, LETTERS / "stc.txt", edits).get_json()["state"]
    nameless = state["sources"][1]
    assert nameless["problem"] and "sender" in nameless["problem"] and state["problems"]
    assert tab.post("/api/create").status_code == 400
    r = tab.post(f"/api/sources/{nameless['index']}/sender", {"value": "  "})
    assert r.status_code == 400 and "empty" in r.get_json()["error"]
    state = tab.post(f"/api/sources/{nameless['index']}/sender", {"value": "Sở Y tế"}).get_json()["state"]
    assert state["problems"] == [] and state["sources"][1]["sender"] == "Sở Y tế"
    state = tab.post("/api/sources/0/remove").get_json()["state"]
    assert [s["name"] for s in state["sources"]] == ["nameless.json"]
    folder = app.extensions["redline_sessions"].get(tab.token).uploads
    assert not (folder / "stc.txt").exists()
    assert tab.post("/api/create").status_code == 200


def test_the_server_stops_on_sigterm_and_removes_every_session_folder(tmp_path):
    import re
    import signal
    import subprocess
    import sys
    import urllib.request

    proc = subprocess.Popen([sys.executable, "-m", "redline_cli.main", "serve", "--port", "0", "--lang", "en"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = proc.stderr.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/).*kept in (\S+) until", line)
        assert m, line
        url, root = m.group(1), Path(m.group(2))
        with urllib.request.urlopen(urllib.request.Request(url + "api/session", method="POST",
                                                           headers={"X-Redline-Session": ""})) as r:
            token = json.loads(r.read())["token"]
        with urllib.request.urlopen(url) as r:
            assert "redline" in r.read().decode("utf-8")
        assert token and root.is_dir() and any(root.iterdir())
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert not root.exists()
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.mark.parametrize("name", ["evil.docx", "legacy.doc"])
def test_a_bad_letter_gets_the_cli_message(app, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(BAD[name])
    tab = Tab(app)
    r = tab.upload(DRAFT, path)
    assert r.status_code == 400
    assert [e["error"] for e in r.get_json()["errors"]] == _cli_lines(tmp_path, str(DRAFT), name)
    assert r.get_json()["state"]["sources"] == []


def test_another_site_cannot_call_the_page(app):
    """A page on another origin can send a simple POST to 127.0.0.1 (no CORS preflight): it is refused."""
    client = app.test_client()
    assert client.post("/api/session").status_code == 403  # no session header: not this page's script
    r = client.post("/api/session", headers={"X-Redline-Session": "", "Origin": "http://evil.example"})
    assert r.status_code == 403
    r = client.post("/api/session", headers={"X-Redline-Session": "", "Origin": "http://localhost"})
    assert r.status_code == 200  # the page's own origin
    assert len(app.extensions["redline_sessions"]) == 1


def test_a_new_draft_keeps_the_letters_read_against_it(app):
    tab = Tab(app)
    tab.upload(DRAFT, LETTERS / "vpubnd.txt")
    state = tab.upload(FIXTURES / "drafts" / "cchc-autonum.docx").get_json()["state"]
    assert state["draft"]["name"] == "cchc-autonum.docx"
    assert [s["name"] for s in state["sources"]] == ["vpubnd.txt"] and state["sources"][0]["counts"]["apply"] > 0


def test_the_plans_notes_are_shown_beside_the_instructions(app):
    tab = Tab(app)
    # the law's edits renumber khoản 2-3 of Điều 5, which "khoản 2 Điều này" and "khoản 3 Điều 5" name
    state = tab.upload(FIXTURES / "drafts" / "luat-typed.docx", FIXTURES / "edits" / "luat.json").get_json()["state"]
    assert any("renumbered" in n for n in state["notes"]) and any("check it" in n for n in state["notes"])
    tab.lang = "vi"
    assert tab.get("/api/state").get_json()["state"]["notes"]
