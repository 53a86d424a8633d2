"""Bounded fuzzing of ``open_docx`` (issue 7): mutated bytes of a small valid .docx, and
mutated entries inside it, must give a Document or a ``DocumentError`` - never any
other exception.  A file that opens must also save (merged, byte for byte) and open
again.

The mutators here are shared with ``scripts/fuzz.py`` (a longer run, atheris if
installed).  This module keeps to ~20 s: fixed example counts, no deadline.
"""
from __future__ import annotations

import io
import tempfile
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.errors import DocumentError
from redline.package import Limits, open_docx, save_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Small limits: the same code paths, faster examples.
LIMITS = Limits(max_file_bytes=4 << 20, max_total_bytes=16 << 20, max_part_bytes=8 << 20,
                max_xml_part_bytes=8 << 20, ratio_min_bytes=64 << 10, max_entries=200)


def base_entries() -> list[tuple[str, bytes]]:
    """A small .docx with the parts a report has: styles, numbering, a table, an image,
    a footnote, a comment, a header, an external hyperlink."""
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
           '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>I. KẾT QUẢ</w:t></w:r></w:p>'
           '<w:p><w:r><w:t xml:space="preserve">Năm 2022, </w:t></w:r><w:ins w:id="1" w:author="A" '
           'w:date="2022-07-15T08:00:00Z"><w:r><w:t>đã</w:t></w:r></w:ins>'
           '<w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/>'
           '<w:hyperlink r:id="rId9"><w:r><w:t>link</w:t></w:r></w:hyperlink><w:commentRangeEnd w:id="0"/>'
           '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
           '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
           '<w:sectPr><w:headerReference w:type="default" r:id="rId5"/></w:sectPr></w:body></w:document>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
          '<Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/footnotes.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
          '<Override PartName="/word/comments.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
          '<Override PartName="/word/header1.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>')
    pkg_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{RT}/officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{RT}/styles" Target="styles.xml"/>'
                f'<Relationship Id="rId2" Type="{RT}/footnotes" Target="footnotes.xml"/>'
                f'<Relationship Id="rId3" Type="{RT}/comments" Target="comments.xml"/>'
                f'<Relationship Id="rId4" Type="{RT}/image" Target="media/image1.png"/>'
                f'<Relationship Id="rId5" Type="{RT}/header" Target="header1.xml"/>'
                f'<Relationship Id="rId9" Type="{RT}/hyperlink" Target="https://example.org/" '
                'TargetMode="External"/></Relationships>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
              '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>')
    foot = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
            '<w:footnote w:id="1"><w:p><w:r><w:t>chú thích</w:t></w:r></w:p></w:footnote></w:footnotes>')
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">'
                '<w:comment w:id="0" w:author="B"><w:p><w:r><w:t>ý kiến</w:t></w:r></w:p></w:comment></w:comments>')
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W_NS}">'
              '<w:p><w:r><w:t>Đầu trang</w:t></w:r></w:p></w:hdr>')
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                        "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
    return [("[Content_Types].xml", ct.encode()), ("_rels/.rels", pkg_rels.encode()),
            ("word/document.xml", doc.encode()), ("word/_rels/document.xml.rels", doc_rels.encode()),
            ("word/styles.xml", styles.encode()), ("word/footnotes.xml", foot.encode()),
            ("word/comments.xml", comments.encode()), ("word/header1.xml", header.encode()),
            ("word/media/image1.png", png)]


def build_zip(entries: list[tuple[str, bytes]], *, stored: bool = False) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are part of the game
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
            for name, body in entries:
                zf.writestr(zipfile.ZipInfo(name, (2022, 7, 15, 8, 0, 0)), body,
                            compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    return buf.getvalue()


BASE = base_entries()
BASE_ZIP = build_zip(BASE)
BASE_STORED = build_zip(BASE, stored=True)

# Tokens that matter to a zip reader, an XML parser or the package checks.
TOKENS = [b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b"&amp;", b"&#0;", b"&#xD800;", b"<w:p>", b"</w:p>",
          b"<w:r><w:t>x</w:t></w:r>", b"</w:body>", b"<v:shape/>", b' xmlns:v="urn:v"', b"<![CDATA[x]]>",
          b"<?xml version='1.0'?>", b"\xff", b"\xc3", b"\x00", b'"', b"<", b">", b"/>", b"]]>", b"<!--", b"-->",
          b' w:id="1"', b' r:id="rId99"', b'Target="../../../etc/passwd"', b'TargetMode="External"',
          b'encoding="UTF-16"', b'encoding="latin-1"', b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06",
          b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<w:customXml>" * 50, b"x" * 5000]
NAMES = ["../evil", "/abs.xml", "word\\document.xml", "Word/Document.xml", "word/document.xml", "word/./a.xml",
         "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/new.xml", "dir/", "é.xml",
         "word/media/image1.png", "C:/x", "a//b.xml", ""]


def mutate_bytes(data: bytes, ops: list[tuple[int, int, int, bytes]]) -> bytes:
    """Apply (kind, position, length, payload) edits; positions wrap around the data."""
    b = bytearray(data)
    for kind, pos, length, payload in ops:
        if not b:
            b += payload
            continue
        pos %= len(b)
        if kind == 0:  # overwrite
            b[pos:pos + len(payload)] = payload
        elif kind == 1:  # insert
            b[pos:pos] = payload
        elif kind == 2:  # delete
            del b[pos:pos + length]
        elif kind == 3:  # truncate
            del b[pos:]
        elif kind == 4:  # duplicate a range
            b[pos:pos] = b[pos:pos + length]
        else:  # flip one bit
            b[pos] ^= 1 << (length % 8)
    return bytes(b)


def mutate_entries(entries: list[tuple[str, bytes]], ops: list[tuple[int, int, int, int, bytes]]) -> list:
    """Apply (kind, entry, position, length, payload) edits to the entries of a package."""
    out = list(entries)
    for kind, index, pos, length, payload in ops:
        if not out:
            out.append((NAMES[index % len(NAMES)], payload))
            continue
        i = index % len(out)
        name, body = out[i]
        if kind == 0:  # edit the decompressed bytes of one entry
            out[i] = (name, mutate_bytes(body, [(length % 6, pos, length, payload)]))
        elif kind == 1:  # insert a meaningful token
            token = TOKENS[length % len(TOKENS)]
            p = pos % (len(body) + 1)
            out[i] = (name, body[:p] + token + body[p:])
        elif kind == 2:  # drop an entry
            del out[i]
        elif kind == 3:  # rename it
            out[i] = (NAMES[length % len(NAMES)], body)
        elif kind == 4:  # duplicate it (same or another name)
            out.append((NAMES[length % len(NAMES)] if length % 2 else name, body))
        else:  # add a new entry
            out.append((NAMES[length % len(NAMES)], payload))
    return out


def check(data: bytes) -> None:
    """The property: DocumentError or a Document that saves and opens again."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.docx"
        path.write_bytes(data)
        try:
            doc = open_docx(path, LIMITS)
        except DocumentError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc), str(exc)
            return
        out = Path(tmp) / "out.docx"
        save_docx(doc, out, dirty={"word/document.xml"})
        again = open_docx(out, LIMITS)
        assert len(again.paragraphs) == len(doc.paragraphs)


byte_ops = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 1 << 20), st.integers(0, 64),
                              st.binary(min_size=1, max_size=16)), min_size=1, max_size=8)
entry_ops = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 50), st.integers(0, 1 << 16),
                               st.integers(0, 200), st.binary(max_size=32)), min_size=1, max_size=6)

FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def test_base_package_opens_and_round_trips():
    check(BASE_ZIP)
    check(BASE_STORED)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.docx"
        path.write_bytes(BASE_ZIP)
        assert open_docx(path).paragraphs[0].text == "I. KẾT QUẢ"


@FUZZ
@given(ops=byte_ops, stored=st.booleans())
def test_mutated_bytes_raise_only_document_error(ops, stored):
    check(mutate_bytes(BASE_STORED if stored else BASE_ZIP, ops))


@FUZZ
@given(ops=entry_ops, stored=st.booleans())
def test_mutated_entries_raise_only_document_error(ops, stored):
    check(build_zip(mutate_entries(BASE, ops), stored=stored))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(part=st.sampled_from([n for n, _ in BASE if n.endswith((".xml", ".rels"))]),
       tokens=st.lists(st.tuples(st.integers(0, 1 << 16), st.sampled_from(TOKENS)), min_size=1, max_size=5))
def test_xml_token_soup_raises_only_document_error(part, tokens):
    entries = dict(BASE)
    body = entries[part]
    for pos, token in tokens:
        p = pos % (len(body) + 1)
        body = body[:p] + token + body[p:]
    entries[part] = body
    check(build_zip(list(entries.items())))


@pytest.mark.parametrize("seed", [b"", b"PK\x05\x06" + bytes(18), b"PK\x03\x04" + bytes(26),
                                  zlib.compress(b"x"), BASE_ZIP[:100], BASE_ZIP[-100:]])
def test_degenerate_inputs(seed):
    check(seed)
