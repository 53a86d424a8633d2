"""What redline writes, redline reads back: a draft of highly repetitive but legitimate XML
(stored uncompressed, as some tools write it) is applied, and redline's own outline, check
and reject then read the output, which redline deflated."""
from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest

import redline
from redline.errors import LimitError
from redline.package import Limits, open_docx, vet_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EMPTY = '<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'


def repetitive_draft(path, empties: int, *, stored: bool = True, empty: str = "<w:p/>") -> None:
    """A draft: a heading, a body paragraph, then ``empties`` empty paragraphs."""
    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    body = ('<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>I. CÔNG TÁC CHỈ ĐẠO</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Nội dung của mục I về cải cách hành chính.</w:t></w:r></w:p>' + empty * empties)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>{body}'
           '<w:sectPr/></w:body></w:document>').encode()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as out:
        for info in src.infolist():
            out.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info))


def test_two_hundred_thousand_empty_paragraphs_round_trip(tmp_path):
    draft, out, back = tmp_path / "d.docx", tmp_path / "o.docx", tmp_path / "r.docx"
    repetitive_draft(draft, 200_000)
    edits = tmp_path / "e.json"
    edits.write_text(json.dumps({"author": "Sở Tư pháp", "date": "2022-07-15T08:00:00Z", "edits": [
        {"op": "replace_text", "target": "I", "find": "cải cách hành chính", "replace": "CCHC"}]}), "utf-8")
    redline.apply(draft, [edits], out)
    info = zipfile.ZipFile(out).getinfo("word/document.xml")
    assert info.compress_type == zipfile.ZIP_DEFLATED  # redline deflates what it writes...
    assert info.file_size > 200 * info.compress_size  # ...and this XML compresses past the 200:1 of binaries
    assert [s.address for s in redline.outline(out).walk()] == ["I"]  # ...and still reads back
    assert redline.check(out, original=draft) == []
    redline.reject(out, back)
    assert redline.check(back) == []


def test_repetitive_xml_passes_but_a_binary_bomb_does_not(tmp_path):
    path = tmp_path / "d.docx"
    repetitive_draft(path, 60_000, stored=False, empty=EMPTY)
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    assert info.file_size > 200 * info.compress_size and info.file_size > Limits().ratio_min_bytes
    open_docx(path)
    # the same expansion in a non-XML part is still refused as a zip bomb
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/zeros.bin", bytes(8 * 2**20))
    with pytest.raises(LimitError, match="max_ratio"):
        vet_docx(path)
