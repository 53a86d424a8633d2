#!/usr/bin/python3
"""Drive LibreOffice headless through UNO; run with the *system* python3 (it has ``uno``).

    /usr/bin/python3 tests/lo_uno.py JOB.json RESULT.json

JOB.json: {"docs": [{"path": "/abs/a.docx", "pdf": "/abs/a.pdf" or null}, ...]}
RESULT.json: {"docs": [{"path", "redlines": [{"author", "type", "date"}], "comments": [{"author", "text"}],
                        "paragraphs", "accepted", "rejected", "pdf", "error"}], "version": "..."}

One soffice process serves the whole batch (starting it costs most of the time), with its own
throw-away profile (-env:UserInstallation) and a private pipe, so parallel runs do not collide.
Every document is loaded three times: as stored (redlines, comments, paragraphs, PDF), then
Accept All, then Reject All (``.uno:AcceptAllTrackedChanges`` / ``.uno:RejectAllTrackedChanges``
through the dispatcher, as a user would from the Edit > Track Changes menu).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

import uno  # noqa: F401  (system python3 only)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CONNECT_TIMEOUT = 60.0


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(profile_dir: str, pipe: str) -> subprocess.Popen:
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    return subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "--nolockcheck", "--nofirststartwizard",
         f"-env:UserInstallation=file://{profile_dir}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def connect(pipe: str, proc: subprocess.Popen):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_TIMEOUT
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError(f"soffice exited with code {proc.returncode} before accepting connections")
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept a connection within "
                                   f"{CONNECT_TIMEOUT:.0f}s")
            time.sleep(0.25)


class Office:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="redline-lo-")
        self.pipe = "redline_" + uuid.uuid4().hex
        self.proc = start_office(self.profile, self.pipe)
        self.ctx = connect(self.pipe, self.proc)
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.ctx)

    def load(self, path: str):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not load the document")
        return doc

    def dispatch(self, doc, command: str) -> None:
        frame = doc.getCurrentController().getFrame()
        self.dispatcher.executeDispatch(frame, command, "", 0, ())

    def close(self) -> None:
        try:
            self.desktop.terminate()
        except Exception:  # the bridge dies with the process: expected
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)  # our own session (start_new_session): soffice and its children
            self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def close_doc(doc) -> None:
    try:
        doc.close(True)
    except Exception:
        doc.dispose()


def paragraphs(text, styles: list | None = None) -> list[str]:
    """Paragraph strings of a text in document order, through tables (row by row, cell by cell);
    each paragraph's style name goes to ``styles`` when given."""
    out: list[str] = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            out.append(el.getString())
            if styles is not None:
                styles.append(el.getPropertyValue("ParaStyleName"))
        elif el.supportsService("com.sun.star.text.TextTable"):
            for row in _table_rows(el):
                for name in row:
                    out.extend(paragraphs(el.getCellByName(name).getText(), styles))
    return out


def _table_rows(table) -> list[list[str]]:
    """Cell names grouped by row, in order ("A1", "B1", ... ; merged tables name cells "A1.1.1")."""
    rows: dict[int, list[str]] = {}
    order: list[int] = []
    for name in table.getCellNames():
        # a plain name is letters + row number; split the row number off
        i = 0
        while i < len(name) and name[i].isalpha():
            i += 1
        row_part = name[i:].split(".")[0]
        r = int(row_part) if row_part.isdigit() else 0
        if r not in rows:
            rows[r] = []
            order.append(r)
        rows[r].append(name)
    return [rows[r] for r in sorted(order)]


def redlines(doc) -> list[dict]:
    out = []
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        dt = r.getPropertyValue("RedlineDateTime")
        date = (f"{dt.Year:04d}-{dt.Month:02d}-{dt.Day:02d}T{dt.Hours:02d}:{dt.Minutes:02d}:{dt.Seconds:02d}"
                if dt else None)
        out.append({"author": r.getPropertyValue("RedlineAuthor"), "type": r.getPropertyValue("RedlineType"),
                    "date": date})
    return out


def comments(doc) -> list[dict]:
    out = []
    enum = doc.getTextFields().createEnumeration()
    while enum.hasMoreElements():
        f = enum.nextElement()
        if f.supportsService("com.sun.star.text.TextField.Annotation"):
            out.append({"author": f.getPropertyValue("Author"), "text": f.getPropertyValue("Content")})
    return out


def process(office: Office, job: dict) -> dict:
    path = job["path"]
    res = {"path": path, "redlines": None, "comments": None, "paragraphs": None, "accepted": None,
           "rejected": None, "pdf": None, "error": None, "styles": None, "accepted_styles": None,
           "rejected_styles": None}
    try:
        doc = office.load(path)
        try:
            res["redlines"] = redlines(doc)
            res["comments"] = comments(doc)
            res["styles"] = []
            res["paragraphs"] = paragraphs(doc.getText(), res["styles"])
            if job.get("pdf"):
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(job["pdf"])),
                               (prop("FilterName", "writer_pdf_Export"),))
                res["pdf"] = job["pdf"]
        finally:
            close_doc(doc)
        for key, command in (("accepted", ".uno:AcceptAllTrackedChanges"),
                             ("rejected", ".uno:RejectAllTrackedChanges")):
            if not job.get(key, True):
                continue
            doc = office.load(path)
            try:
                office.dispatch(doc, command)
                left = doc.getRedlines().createEnumeration().hasMoreElements()
                res[key + "_styles"] = []
                res[key] = paragraphs(doc.getText(), res[key + "_styles"])
                if left:
                    res["error"] = f"{command} left revisions in the document"
            finally:
                close_doc(doc)
    except Exception as exc:  # report per document; the batch goes on
        res["error"] = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"
    return res


def main(argv: list[str]) -> int:
    with open(argv[1], encoding="utf-8") as f:
        jobs = json.load(f)["docs"]
    office = Office()
    try:
        results = [process(office, job) for job in jobs]
        version = None
        try:
            cp = office.ctx.ServiceManager.createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", office.ctx)
            node = cp.createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  (prop("nodepath", "/org.openoffice.Setup/Product"),))
            version = node.getByName("ooSetupVersionAboutBox")
        except Exception:
            pass
    finally:
        office.close()
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump({"docs": results, "version": version}, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
