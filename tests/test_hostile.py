"""Hostile and broken .docx files (issue 7): each is refused with a DocumentError /
LimitError whose one-line message names the file and the problem, before python-docx
sees a byte; through the CLI: exit code 2, one line on stderr, no traceback, no output.

Every protection has a case here that fails when the protection is removed: the
expected message is the one the protection produces, and python-docx is replaced by
a tripwire, so a file that slipped past the checks fails the test.
"""
from __future__ import annotations

import http.server
import json
import os
import re
import struct
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import redline.package as P
import redline.package.sniff as P_sniff
import redline.package.xmlcheck as P_xml
import redline.package.zipread as P_zip
from redline.errors import DocumentError, LimitError
from redline.package import Limits, open_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MiB = 1024 * 1024

# -- building blocks -------------------------------------------------------------------------

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Default Extension="bin" ContentType="application/octet-stream"/>'
      '<Override PartName="/word/document.xml" ContentType="{ct}"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="{rt}" Target="word/document.xml"/></Relationships>')


def ct_xml(ct=P.CT_DOCX) -> bytes:
    return CT.format(ct=ct).encode()


def rels_xml(rt=f"{RT}/officeDocument") -> bytes:
    return RELS.format(rt=rt).encode()


def doc_xml(body: str | bytes = "<w:p><w:r><w:t>Xin chào</w:t></w:r></w:p>", prolog: bytes = b"") -> bytes:
    body = body.encode() if isinstance(body, str) else body
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog
            + f'<w:document xmlns:w="{W_NS}"><w:body>'.encode() + body + b"</w:body></w:document>")


def good_entries(document: bytes | None = None, level: int = 6) -> list[dict]:
    return [{"name": "[Content_Types].xml", "data": ct_xml()},
            {"name": "_rels/.rels", "data": rels_xml()},
            {"name": "word/document.xml", "data": document if document is not None else doc_xml(), "level": level}]


def deflate(data: bytes, level: int = 6) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def zip_bytes(entries: list[dict]) -> bytes:
    """A zip written by hand, so that every field can lie.

    Entry keys: name (str/bytes), data, method (0/8/12...), level, raw (compressed bytes),
    crc, size (declared), flags, same_offset_as (index of an earlier entry: point the
    central record at its local header, i.e. overlapping entries).
    """
    out, central, offsets = bytearray(), bytearray(), []
    for e in entries:
        name = e["name"].encode("utf-8") if isinstance(e["name"], str) else e["name"]
        data = e.get("data", b"")
        method = e.get("method", 8)
        raw = e["raw"] if "raw" in e else (deflate(data, e.get("level", 6)) if method == 8 else data)
        crc = e.get("crc", zlib.crc32(data) & 0xFFFFFFFF)
        size = e.get("size", len(data))
        flags = e.get("flags", 0x800 if any(b > 0x7F for b in name) else 0)
        if "same_offset_as" in e:
            offset = offsets[e["same_offset_as"]]
        else:
            offset = len(out)
            out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, flags, method, 0, 0x5CEF, crc, len(raw),
                               size, len(name), 0) + name + raw
        offsets.append(offset)
        central += struct.pack("<4sBBHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 3, 20, flags, method, 0, 0x5CEF,
                               crc, len(raw), size, len(name), 0, 0, 0, 0, 0o644 << 16, offset) + name
    start = len(out)
    out += central
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def replace(entries: list[dict], name: str, **fields) -> list[dict]:
    return [({**e, **fields} if e["name"] == name else e) for e in entries]


def without(entries: list[dict], name: str) -> list[dict]:
    return [e for e in entries if e["name"] != name]


def cfb(names: list[str], *, payload: bytes = b"", break_directory: bool = False) -> bytes:
    """A minimal OLE2 compound file ([MS-CFB] v3, 512-byte sectors) whose directory
    holds ``names`` as (empty) streams; ``payload`` is stored in an extra sector."""
    entries = [("Root Entry", 5)] + [(n, 2) for n in names]
    directory = bytearray()
    for i, (n, kind) in enumerate(entries):
        enc = n.encode("utf-16-le") + b"\0\0"
        child = 1 if i == 0 and len(entries) > 1 else 0xFFFFFFFF
        right = i + 1 if 1 <= i < len(entries) - 1 else 0xFFFFFFFF
        directory += (enc.ljust(64, b"\0") + struct.pack("<HBB", len(enc), kind, 1)
                      + struct.pack("<III", 0xFFFFFFFF, right, child) + bytes(16) + bytes(4) + bytes(16)
                      + struct.pack("<IQ", 0xFFFFFFFE, 0))
    while len(directory) % 512:
        directory += bytes(128)  # unused entries
    ndir = len(directory) // 512
    fat = [0xFFFFFFFD] + [i + 2 for i in range(ndir - 1)] + [0xFFFFFFFE]
    sectors = directory
    if payload:
        fat.append(0xFFFFFFFE)
        sectors += payload[:512].ljust(512, b"\0")
    fat += [0xFFFFFFFF] * (128 - len(fat))
    first_dir = 0xDEAD if break_directory else 1
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", P_sniff.OLE2_MAGIC, bytes(16), 0x3E, 3, 0xFFFE, 9, 6, bytes(6), 0, 1,
                         first_dir, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header += struct.pack("<109I", 0, *([0xFFFFFFFF] * 108))
    return header + struct.pack("<128I", *fat) + bytes(sectors)


def random_letters(n: int) -> bytes:
    """``n`` bytes of lowercase letters and spaces that deflate compresses < 2:1."""
    table = bytes((b"abcdefghijklmnopqrstuvwxyz     ")[i % 31] for i in range(256))
    return os.urandom(n).translate(table)


def zero_bomb(total: int) -> bytes:
    """A raw deflate stream that inflates to ``total`` zero bytes (1 MiB blocks), built in
    milliseconds: after a full flush every 1 MiB block compresses to the same bytes."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(MiB)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert first == again
    tail = c.compress(b"") + c.flush()
    return first * (total // MiB) + tail


# -- the hostile files -----------------------------------------------------------------------

BILLION_LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]>\n")


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _deep(n: int) -> bytes:
    return b"<w:p>" + b"<w:customXml>" * n + b"</w:customXml>" * n + b"</w:p>"


def _big_paragraph() -> bytes:
    text = random_letters(50 * MiB)
    runs = b"".join(b"<w:r><w:t>" + text[i:i + 10_000] + b"</w:t></w:r>" for i in range(0, len(text), 10_000))
    return b"<w:p>" + runs + b"</w:p>"


def _big_text_node() -> bytes:
    return b"<w:p><w:r><w:t>" + random_letters(50 * MiB) + b"</w:t></w:r></w:p>"


CASES = {
    # id: (content builder -> bytes, error class, [message fragments], limits)
    "not-a-zip": (lambda: "Kính gửi Sở Tư pháp,\n".encode() * 50, DocumentError,
                  ["not a .docx file (not a zip archive)"], None),
    "empty": (lambda: b"", DocumentError, ["empty file"], None),
    "rtf": (lambda: b"{\\rtf1\\ansi Hello}", DocumentError, ["an RTF file, not a .docx", "save it as .docx"], None),
    "truncated-zip": (lambda: zip_bytes(good_entries())[:-60], DocumentError, ["truncated or corrupt zip"], None),
    "bad-crc": (lambda: zip_bytes(replace(good_entries(), "word/document.xml", method=0,
                                          crc=zlib.crc32(doc_xml()) ^ 1)),
                DocumentError, ["corrupt zip entry word/document.xml", "CRC"], None),
    "corrupt-deflate": (lambda: zip_bytes(replace(good_entries(), "word/document.xml",
                                                  raw=b"\xff" * 40)),
                        DocumentError, ["corrupt zip entry word/document.xml"], None),
    "bad-central-directory": (lambda: zip_bytes(good_entries()).replace(b"PK\x01\x02", b"PK\x01\x09", 1),
                              DocumentError, ["corrupt zip"], None),
    "no-document-xml": (lambda: zip_bytes(without(good_entries(), "word/document.xml")), DocumentError,
                        ["main document part word/document.xml is missing"], None),
    "no-content-types": (lambda: zip_bytes(without(good_entries(), "[Content_Types].xml")), DocumentError,
                         ["no [Content_Types].xml"], None),
    "no-package-rels": (lambda: zip_bytes(without(good_entries(), "_rels/.rels")), DocumentError,
                        ["no package relationships (_rels/.rels)"], None),
    "no-office-document-rel": (lambda: zip_bytes(replace(good_entries(), "_rels/.rels",
                                                         data=rels_xml(f"{RT}/styles"))),
                               DocumentError, ["no main document part"], None),
    "strict-ooxml": (lambda: zip_bytes(replace(
        good_entries(), "_rels/.rels",
        data=rels_xml("http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"))),
        DocumentError, ["Strict Open XML"], None),
    "missing-related-part": (lambda: zip_bytes(good_entries() + [{
        "name": "word/_rels/document.xml.rels",
        "data": RELS.replace("{rt}", f"{RT}/image").replace("word/document.xml", "media/none.png").encode()}]),
        DocumentError, ["word/_rels/document.xml.rels", "points at a missing part word/media/none.png"], None),
    "ole2-doc": (lambda: cfb(["WordDocument", "1Table", "\x05SummaryInformation"]), DocumentError,
                 ["legacy Word 97-2003 document (.doc)", "save it as .docx"], None),
    "ole2-encrypted-docx": (lambda: cfb(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]), DocumentError,
                            ["password-protected", "remove the password"], None),
    "ole2-encrypted-broken-directory": (lambda: cfb(["EncryptionInfo", "EncryptedPackage"], break_directory=True),
                                        DocumentError, ["password-protected", "remove the password"], None),
    "billion-laughs": (lambda: zip_bytes(good_entries(doc_xml(_p("&lol9;"), prolog=BILLION_LAUGHS))),
                       DocumentError, ["word/document.xml", "DOCTYPE"], None),
    "xxe-local-file": (lambda: zip_bytes(good_entries(doc_xml(
        _p("&xxe;"), prolog=b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'))),
        DocumentError, ["word/document.xml", "DOCTYPE"], None),
    "xxe-url": (lambda: zip_bytes(good_entries(doc_xml(
        _p("&xxe;"), prolog=b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>\n'))),
        DocumentError, ["word/document.xml", "DOCTYPE"], None),
    "external-dtd": (lambda: zip_bytes(good_entries(doc_xml(
        prolog=b'<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/evil.dtd">\n'))),
        DocumentError, ["DOCTYPE"], None),
    "doctype-in-rels": (lambda: zip_bytes(replace(good_entries(), "_rels/.rels", data=rels_xml().replace(
        b"<Relationships", b"<!DOCTYPE r [<!ENTITY a 'b'>]><Relationships"))),
        DocumentError, ["_rels/.rels", "DOCTYPE"], None),
    "doctype-utf16": (lambda: zip_bytes(good_entries(doc_xml(
        prolog=b'<!DOCTYPE w:document [<!ENTITY a "b">]>').decode().replace('"UTF-8"', '"UTF-16"')
        .encode("utf-16"))), DocumentError, ["DOCTYPE"], None),
    "doctype-utf16-no-bom": (lambda: zip_bytes(good_entries(doc_xml(
        prolog=b'<!DOCTYPE w:document [<!ENTITY a "b">]>').decode().replace('"UTF-8"', '"UTF-16"')
        .encode("utf-16-le"))), DocumentError, ["DOCTYPE"], None),
    "zip-bomb-ratio": (lambda: zip_bytes(good_entries() + [{"name": "word/media/zeros.bin", "data": bytes(50 * MiB)}]),
                       LimitError, ["word/media/zeros.bin", "max_ratio"], None),
    "zip-bomb-2GiB-declared": (lambda: zip_bytes(good_entries() + [
        {"name": "word/media/bomb.bin", "raw": zero_bomb(2048 * MiB), "size": 2048 * MiB, "crc": 0}]),
        LimitError, ["word/media/bomb.bin", "2,147,483,648 bytes", "max_part_bytes"], None),
    "zip-bomb-xml-part": (lambda: zip_bytes(good_entries() + [
        {"name": "word/bomb.xml", "raw": zero_bomb(512 * MiB), "size": 512 * MiB, "crc": 0}]),
        LimitError, ["word/bomb.xml", "max_xml_part_bytes"], None),
    "total-size": (lambda: zip_bytes(good_entries() + [{"name": f"word/media/{i}.bin", "data": random_letters(MiB)}
                                                      for i in range(3)]),
                   LimitError, ["declare", "max_total_bytes"], Limits(max_total_bytes=2 * MiB)),
    "too-many-entries": (lambda: zip_bytes(good_entries() + [{"name": f"x/{i}.bin", "data": b""} for i in range(20)]),
                         LimitError, ["more than 10 zip entries", "max_entries"], Limits(max_entries=10)),
    "file-too-big": (lambda: zip_bytes(good_entries()), LimitError, ["file is 934 bytes, over the 200 byte limit", "max_file_bytes"],
                     Limits(max_file_bytes=200)),
    "paragraph-50MB": (lambda: zip_bytes(good_entries(doc_xml(_big_paragraph()), level=1)), LimitError,
                       ["word/document.xml", "paragraph", "max_paragraph_chars"], None),
    "text-node-50MB": (lambda: zip_bytes(good_entries(doc_xml(_big_text_node()), level=1)), LimitError,
                       ["word/document.xml", "text node"], None),
    "text-node-6MB": (lambda: zip_bytes(good_entries() + [
        {"name": "customXml/item1.xml", "data": b"<data>" + random_letters(6 * MiB) + b"</data>", "level": 1}]),
        LimitError, ["customXml/item1.xml", "text node", "max_text_chars"], None),
    "attribute-6MB": (lambda: zip_bytes(good_entries() + [
        {"name": "customXml/item1.xml", "data": b'<data v="' + random_letters(6 * MiB) + b'"/>', "level": 1}]),
        LimitError, ["customXml/item1.xml", "attribute", "max_text_chars"], None),
    "part-without-content-type": (lambda: zip_bytes(good_entries() + [
        {"name": "word/_rels/document.xml.rels",
         "data": RELS.replace("{rt}", f"{RT}/styles").replace("word/document.xml", "styles.foo").encode()},
        {"name": "word/styles.foo", "data": b"x"}]),
        DocumentError, ["part word/styles.foo has no content type"], None),
    "two-main-parts": (lambda: zip_bytes(replace(good_entries(), "_rels/.rels", data=rels_xml().replace(
        b"</Relationships>", f'<Relationship Id="rId2" Type="{RT}/officeDocument" Target="word/document.xml"/>'
        '</Relationships>'.encode()))), DocumentError, ["more than one main document part"], None),
    "wrong-root-namespace": (lambda: zip_bytes(good_entries(doc_xml().replace(W_NS.encode(), b"urn:not-word"))),
                             DocumentError, ["word/document.xml", "root element <document> (namespace urn:not-word)",
                                             "<w:document>"], None),
    "no-body": (lambda: zip_bytes(good_entries(doc_xml().replace(b"<w:body>", b"<w:bodx>")
                                               .replace(b"</w:body>", b"</w:bodx>"))),
                DocumentError, ["word/document.xml", "no <w:body>"], None),
    "styles-wrong-root": (lambda: zip_bytes(replace(good_entries(), "[Content_Types].xml", data=ct_xml().replace(
        b"</Types>", b'<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.wordprocessingml.styles+xml"/></Types>')) + [
        {"name": "word/styles.xml", "data": f'<w:numbering xmlns:w="{W_NS}"/>'.encode()}]),
        DocumentError, ["word/styles.xml", "root element <w:numbering>", "<w:styles>"], None),
    "nesting-10000": (lambda: zip_bytes(good_entries(doc_xml(_deep(10_000)))), LimitError,
                      ["word/document.xml", "nested deeper than"], None),
    "nesting-300": (lambda: zip_bytes(good_entries(doc_xml(_deep(300)))), LimitError,
                    ["word/document.xml", "nested deeper than 256 levels"], None),  # libxml2's own ceiling
    "nesting-230-limit-200": (lambda: zip_bytes(good_entries(doc_xml(_deep(230)))), LimitError,
                              ["word/document.xml", "nested deeper than 200 levels"],
                              Limits(max_xml_depth=200)),  # a lower limit walks the tree
    "entry-dotdot": (lambda: zip_bytes(good_entries() + [{"name": "../evil", "data": b"x"}]), DocumentError,
                     ["unsafe zip entry name '../evil'"], None),
    "entry-inner-dotdot": (lambda: zip_bytes(good_entries() + [{"name": "word/../../evil.xml", "data": b"<a/>"}]),
                           DocumentError, ["unsafe zip entry name 'word/../../evil.xml'"], None),
    "entry-absolute": (lambda: zip_bytes(good_entries() + [{"name": "/etc/cron.d/evil", "data": b"x"}]),
                       DocumentError, ["unsafe zip entry name '/etc/cron.d/evil'"], None),
    "entry-drive": (lambda: zip_bytes(good_entries() + [{"name": "C:/Windows/evil", "data": b"x"}]),
                    DocumentError, ["unsafe zip entry name 'C:/Windows/evil'"], None),
    "entry-backslash": (lambda: zip_bytes(good_entries() + [{"name": "word\\..\\..\\evil", "data": b"x"}]),
                        DocumentError, ["unsafe zip entry name"], None),
    "entry-bidi-override": (lambda: zip_bytes(good_entries() + [{"name": "word/media/gpj.\u202eexe", "data": b"x"}]),
                            DocumentError, ["unsafe zip entry name 'word/media/gpj.\\u202eexe'"], None),  # shown escaped
    "entry-duplicate": (lambda: zip_bytes(good_entries() + [{"name": "word/document.xml", "data": doc_xml(_p("2"))}]),
                        DocumentError, ["duplicate zip entry 'word/document.xml'"], None),
    "entry-duplicate-case": (lambda: zip_bytes(good_entries() + [{"name": "Word/Document.xml", "data": doc_xml()}]),
                             DocumentError, ["duplicate zip entry 'Word/Document.xml'"], None),
    "entries-overlap": (lambda: zip_bytes(good_entries() + [{"name": "word/other.xml", "data": doc_xml(),
                                                            "same_offset_as": 2}]),
                        DocumentError, ["overlap (a zip-bomb construction)"], None),
    "entry-encrypted": (lambda: zip_bytes(replace(good_entries(), "word/document.xml", flags=1)), DocumentError,
                        ["zip entry word/document.xml is encrypted"], None),
    "entry-bzip2": (lambda: zip_bytes(replace(good_entries(), "word/document.xml", method=12, raw=b"BZh9")),
                    DocumentError, ["compression method 12"], None),
    "invalid-utf8": (lambda: zip_bytes(good_entries(doc_xml(_p("Ph\xe1\xbb\x8f").encode("latin-1")
                                                            .replace(b"\xbb", b"\xff")))),
                     DocumentError, ["word/document.xml", "invalid UTF-8 at byte"], None),
    "undeclared-prefix": (lambda: zip_bytes(good_entries(doc_xml("<w:p><v:shape/></w:p>"))), DocumentError,
                          ["word/document.xml", "undeclared namespace prefix 'v'"], None),
    "undeclared-attribute-prefix": (lambda: zip_bytes(good_entries(doc_xml('<w:p w14:paraId="1"/>'))),
                                    DocumentError, ["undeclared namespace prefix 'w14'"], None),
    "latin1-declared": (lambda: zip_bytes(good_entries(doc_xml().replace(b"UTF-8", b"ISO-8859-1"))),
                        DocumentError, ["word/document.xml", "encoding 'ISO-8859-1'"], None),
    "malformed-xml": (lambda: zip_bytes(good_entries(doc_xml("<w:p><w:r></w:p>"))), DocumentError,
                      ["word/document.xml", "not well-formed XML"], None),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = {}
    for case, (build, *_rest) in CASES.items():
        files[case] = folder / f"{case}.docx"
        files[case].write_bytes(build())
    return files


class PythonDocxReached(BaseException):
    """python-docx was called on a file the checks should have refused."""


@pytest.fixture
def tripwire(monkeypatch):
    import docx

    def never(*args, **kwargs):
        raise PythonDocxReached()

    monkeypatch.setattr(docx, "Document", never)


def test_the_base_file_is_good(tmp_path):
    path = tmp_path / "good.docx"
    path.write_bytes(zip_bytes(good_entries()))
    assert open_docx(path).paragraphs[0].text == "Xin chào"


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_with_a_clear_message(case, hostile, tripwire):
    _build, cls, fragments, limits = CASES[case]
    path = hostile[case]
    with pytest.raises(DocumentError) as err:
        open_docx(path, limits)
    exc = err.value
    assert type(exc) is cls, (case, exc)
    msg = str(exc)
    assert exc.where is not None and exc.where.startswith(str(path)), msg
    assert "\n" not in msg and len(msg) < 600, msg
    said = msg[len(str(path)):]  # the file's own name must not satisfy a fragment
    for frag in fragments:
        assert frag in said, (case, msg)
    assert "root:" not in msg  # nothing of /etc/passwd leaks


@pytest.mark.parametrize("case", [c for c, v in CASES.items() if v[3] is None])
def test_cli_exit_2_one_line_no_traceback(case, hostile):
    from redline_cli.main import main

    path = hostile[case]
    result = CliRunner().invoke(main, ["outline", str(path)])
    assert result.exit_code == 2, (case, result.output, result.exception)
    err = result.stderr
    assert err.count("\n") == 1 and err.startswith("redline: error: "), err
    assert str(path) in err
    assert "Traceback" not in result.output
    said = err.split(str(path), 1)[1]
    for frag in CASES[case][2]:
        assert frag in said, (case, err)


@pytest.mark.parametrize("case", ["not-a-zip", "billion-laughs", "ole2-encrypted-docx", "zip-bomb-2GiB-declared"])
def test_cli_subprocess(case, hostile):
    path = hostile[case]
    proc = subprocess.run([sys.executable, "-m", "redline_cli.main", "outline", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and str(path) in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("case", ["truncated-zip", "billion-laughs", "zip-bomb-ratio", "entry-dotdot", "ole2-doc"])
def test_cli_apply_writes_no_output(case, hostile, tmp_path):
    pytest.importorskip("redline.pipeline")
    from redline_cli.main import main

    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps({"author": "Sở Tư pháp", "edits": [
        {"op": "append", "target": "Mục I", "paragraphs": ["Bổ sung."]}]}), "utf-8")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(main, ["apply", str(hostile[case]), str(edits), "-o", str(out)])
    assert result.exit_code == 2, (result.output, result.exception)
    assert str(hostile[case]) in result.stderr and "Traceback" not in result.output
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        open_docx(tmp_path / "nope.docx")
    with pytest.raises(DocumentError, match="is a folder"):
        open_docx(tmp_path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match="not a regular file"):
        open_docx(fifo)


# -- the CFB reader, not just a string search --------------------------------------------------


def test_cfb_directory_is_parsed():
    assert P_sniff.cfb_stream_names(cfb(["EncryptionInfo", "EncryptedPackage"])) == [
        "Root Entry", "EncryptionInfo", "EncryptedPackage"]
    assert P_sniff.cfb_stream_names(cfb(["x"], break_directory=True)) is None


def test_doc_mentioning_encryptedpackage_in_its_text_is_still_a_doc(tmp_path):
    path = tmp_path / "legacy.doc"
    path.write_bytes(cfb(["WordDocument"], payload="see EncryptedPackage".encode("utf-16-le")))
    with pytest.raises(DocumentError, match=r"legacy Word 97-2003 document \(\.doc\)"):
        open_docx(path)


# -- the second layer: the hardened parser itself --------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY leak "FETCHED">')

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    _Recorder.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("layers", ["all", "scan-only", "parsed-doctype-check", "parser-only"])
def test_entities_are_never_expanded_nor_fetched(tmp_path, http_server, monkeypatch, layers):
    """Three layers: the byte scan for <!DOCTYPE, the parsed-tree check (docinfo), and the
    hardened parsers themselves.  Each of the first two refuses alone; with both off (simulating their removal) neither our parser nor python-docx's reads the
    local file, fetches the URL or expands the billion laughs."""
    if layers == "scan-only":
        monkeypatch.setattr(P_xml, "_refuse_parsed_doctype", lambda info, wp: None)
    if layers not in ("all", "scan-only"):
        monkeypatch.setattr(P_xml, "_DOCTYPE", re.compile(rb"(?!x)x"))
        monkeypatch.setattr(P_xml, "_DOCTYPE_STR", re.compile(r"(?!x)x"))
    if layers == "parser-only":
        monkeypatch.setattr(P_xml, "_refuse_parsed_doctype", lambda info, wp: None)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    prologs = {
        "file": f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode(),
        "url": f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{http_server}/xxe">]>'.encode(),
        "dtd": f'<!DOCTYPE w:document SYSTEM "{http_server}/evil.dtd">'.encode(),
        "param": f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{http_server}/p.dtd"> %p;]>'.encode(),
        "laughs": BILLION_LAUGHS,
    }
    prologs["file-utf16"] = prologs["file"]
    for label, prolog in prologs.items():
        ref = "&lol9;" if label == "laughs" else ("&xxe;" if label.startswith(("file", "url")) else "x")
        xml = doc_xml(_p(ref), prolog=prolog)
        if label.endswith("utf16"):
            xml = xml.decode().replace('"UTF-8"', '"UTF-16"').encode("utf-16")
        path = tmp_path / f"{label}.docx"
        path.write_bytes(zip_bytes(good_entries(xml)))
        tracemalloc.start()
        started = time.monotonic()
        try:
            doc = open_docx(path)
        except DocumentError as exc:
            text = str(exc)
            if label == "laughs" and layers in ("parsed-doctype-check", "parser-only"):
                assert "billion laughs" in text, text  # libxml2's own guard, while parsing
            else:
                assert layers != "parser-only", text
                assert "DOCTYPE (DTD or entity declarations) is refused" in text, text
        else:
            assert layers == "parser-only", label
            text = "\n".join(p.text for p in doc.paragraphs)
        finally:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        assert "TOP-SECRET-TOKEN" not in text and "FETCHED" not in text and "lollollol" not in text, label
        assert peak < 50 * MiB and time.monotonic() - started < 10, label
    assert _Recorder.hits == []


# -- zip bombs in bounded memory ---------------------------------------------------------------------


def _peak_while_refusing(path: Path, limits=None) -> tuple[DocumentError, int]:
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as err:
            open_docx(path, limits)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return err.value, peak


def test_millions_of_entries_are_counted_before_zipfile_reads_them(tmp_path):
    """60,000 empty entries: refused by counting central records, without building
    60,000 ZipInfo objects (tens of MiB; a 256 MiB file could hold millions)."""
    entries = good_entries() + [{"name": f"{i:x}", "data": b"", "method": 0} for i in range(60_000)]
    path = tmp_path / "many.docx"
    path.write_bytes(zip_bytes(entries))
    size = os.path.getsize(path)
    exc, peak = _peak_while_refusing(path)
    assert isinstance(exc, LimitError) and "more than 10,000 zip entries" in str(exc)
    assert peak - size < 4 * MiB, (peak, size)


def test_zip_bomb_with_honest_sizes_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bytes(good_entries() + [
        {"name": "word/media/bomb.bin", "raw": zero_bomb(2048 * MiB), "size": 2048 * MiB, "crc": 0}]))
    started = time.monotonic()
    exc, peak = _peak_while_refusing(path)
    assert isinstance(exc, LimitError) and "max_part_bytes" in str(exc)
    assert peak < 16 * MiB and time.monotonic() - started < 5


@pytest.mark.parametrize("name", ["word/media/bomb.bin", "word/document.xml"])
def test_zip_bomb_with_lying_sizes_is_refused_in_bounded_memory(tmp_path, name):
    """The entry claims 100 MiB (under every limit, ratio 50:1) but its stream would
    inflate to 2 GiB: it is inflated as a stream, stops at the declared size, and fails
    its CRC, all in a few MiB of memory - not the 100 MiB that reading it whole takes."""
    entries = [e for e in good_entries() if e["name"] != name] + [
        {"name": name, "raw": zero_bomb(2048 * MiB), "size": 100 * MiB, "crc": 12345}]
    path = tmp_path / "liar.docx"
    path.write_bytes(zip_bytes(entries))
    assert os.path.getsize(path) < 3 * MiB
    exc, peak = _peak_while_refusing(path)
    assert name in str(exc) and ("CRC" in str(exc) or "corrupt" in str(exc)), str(exc)
    assert peak < 24 * MiB, peak


def test_streamed_count_holds_when_the_reader_trusts_the_stream(tmp_path):
    """If a zip reader ever stopped truncating at the declared size, the streamed count
    still stops an endless entry just past its declared size (and past the real ratio),
    in bounded memory."""

    endless = zero_bomb(2048 * MiB)  # the stream goes on far past any declared size
    info = zipfile.ZipInfo("word/media/endless.bin")
    info.compress_type = zipfile.ZIP_DEFLATED
    info.file_size, info.compress_size = 5 * MiB, 4 * MiB  # honest-looking, under every limit
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError, match="larger than its declared size"):
            P_zip.read_entry(endless, info, "x.docx", Limits(), is_xml=False, total=[0])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MiB
    # the real ratio is checked as the bytes come, not only as declared
    info.compress_size = 10_000
    total = [0]
    with pytest.raises(LimitError, match="max_ratio"):
        P_zip.read_entry(endless, info, "x.docx", Limits(max_ratio=300), is_xml=False, total=total)
    assert total[0] <= 3 * MiB + P.CHUNK
    # and so is the total
    info.compress_size = 4 * MiB
    total = [0]
    with pytest.raises(LimitError, match="max_total_bytes"):
        P_zip.read_entry(endless, info, "x.docx", Limits(max_total_bytes=2 * MiB), is_xml=False, total=total)
    assert total[0] <= 2 * MiB + P.CHUNK
