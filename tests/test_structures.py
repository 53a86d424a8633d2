"""Outputs that exited 0 but were wrong: the body's final paragraph mark deleted when what
comes before the deleted last section is a content control (w:sdt) or a table, and a text
box (mc:AlternateContent: wps:txbx in the Choice, v:textbox in the Fallback) turned into
w:delText with no w:del of its own.  Each output is checked by ``redline check`` and, where
pandoc is there, by pandoc's Reject All / Accept All."""
from __future__ import annotations

import io
import json
import zipfile

import docx
import pytest
from lxml import etree

import redline
from oracles import norm_paragraphs, pandoc_paragraphs
from redline.errors import ResolveError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
AUTHOR = {"author": "Sở Tư pháp", "date": "2022-07-15T08:00:00Z"}


def P(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def text_box(text: str) -> str:
    """A run anchoring a text box, in both forms Word writes (DrawingML Choice, VML Fallback)."""
    inner = f"<w:txbxContent>{P(text)}</w:txbxContent>"
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" '
            'distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
            '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionV><wp:extent cx="2000000" cy="400000"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            '<wp:wrapNone/><wp:docPr id="7" name="Khung 1"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr '
            'txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="400000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>' + inner + '</wps:txbx>'
            '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape id="k1" style="width:150pt;height:30pt"><v:textbox>' + inner +
            '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def make(path, body: str) -> None:
    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    decl = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {decl}><w:body>{body}'
           "<w:sectPr/></w:body></w:document>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, xml if info.filename == "word/document.xml" else src.read(info))


def apply(tmp_path, draft, *edits):
    path = tmp_path / "e.json"
    path.write_text(json.dumps({**AUTHOR, "edits": list(edits)}, ensure_ascii=False), "utf-8")
    out = tmp_path / "out.docx"
    result = redline.apply(draft, [path], out)
    return out, result


def pandoc_or_skip():
    try:
        from oracles import pandoc_path

        pandoc_path()
    except Exception as exc:  # pypandoc-binary missing
        pytest.skip(f"pandoc not available: {exc}")


# -- the last section after a content control or a table -----------------------------------------

BEFORE = {
    "content control": "<w:sdt><w:sdtPr/><w:sdtContent>" + P("Nội dung mở đầu trong khung điều khiển.")
                       + "</w:sdtContent></w:sdt>",
    "table": ("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr/>" + P("Một ô bảng.")
              + "</w:tc></w:tr></w:tbl>"),
}


@pytest.mark.parametrize("kind", sorted(BEFORE))
def test_deleting_the_last_section_never_deletes_the_final_mark(tmp_path, kind):
    draft = tmp_path / "d.docx"
    make(draft, P("BÁO CÁO", True) + P("I. MỞ ĐẦU", True) + BEFORE[kind] + P("II. KẾT QUẢ", True)
         + P("Kết quả thứ nhất.") + P("Kết quả thứ hai."))
    out, _ = apply(tmp_path, draft, {"op": "delete", "target": "II"})
    assert redline.check(out, original=draft) == []
    accepted = tmp_path / "a.docx"
    redline.accept(out, accepted)
    assert [s.address for s in redline.outline(accepted).walk()] == ["I"]
    pandoc_or_skip()
    assert norm_paragraphs(pandoc_paragraphs(out, "reject")) == norm_paragraphs(pandoc_paragraphs(draft, "accept"))
    kept = norm_paragraphs(pandoc_paragraphs(out, "accept"))
    assert not any("Kết quả" in t or "KẾT QUẢ" in t for t in kept), kept


def test_a_body_that_is_all_content_control_then_the_deleted_section(tmp_path):
    draft = tmp_path / "d.docx"
    make(draft, "<w:sdt><w:sdtPr/><w:sdtContent>" + P("BÁO CÁO", True) + P("I. MỞ ĐẦU", True) + P("Mở đầu.")
         + "</w:sdtContent></w:sdt>" + P("II. KẾT QUẢ", True) + P("Kết quả."))
    out, _ = apply(tmp_path, draft, {"op": "delete", "target": "II"})
    assert redline.check(out, original=draft) == []


# -- text boxes --------------------------------------------------------------------------------------


def boxed_draft(tmp_path, box_text="Ghi chú trong khung về CCHC."):
    draft = tmp_path / "d.docx"
    make(draft, P("BÁO CÁO", True) + P("I. MỞ ĐẦU", True)
         + '<w:p><w:r><w:t xml:space="preserve">Đoạn có khung: </w:t></w:r>' + text_box(box_text) + "</w:p>"
         + P("Đoạn thường của mục I.") + P("II. KẾT QUẢ", True) + P("Kết quả về CCHC."))
    return draft


def test_deleting_a_paragraph_with_a_text_box_revises_the_box_in_choice_and_fallback(tmp_path):
    draft = boxed_draft(tmp_path)
    out, _ = apply(tmp_path, draft, {"op": "delete", "target": "I"})
    assert redline.check(out, original=draft) == []
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    boxes = root.findall(".//w:txbxContent", NS)
    assert len(boxes) == 2  # Choice and Fallback, both kept...
    for box in boxes:  # ...and both revised alike: the box's text deleted inside the box
        assert box.findall(".//w:t", NS) == []
        assert [t.getparent().getparent().tag for t in box.findall(".//w:delText", NS)] == [f"{{{W}}}del"]
    choice, fallback = (etree.tostring(b, method="c14n") for b in boxes)
    strip = lambda x: __import__("re").sub(rb'w:id="[0-9]+"', b"", x)  # noqa: E731
    assert strip(choice) == strip(fallback)
    pandoc_or_skip()
    assert norm_paragraphs(pandoc_paragraphs(out, "reject")) == norm_paragraphs(pandoc_paragraphs(draft, "accept"))
    assert not any("khung" in t for t in pandoc_paragraphs(out, "accept"))


def test_deleting_a_table_with_a_text_box_in_a_cell(tmp_path):
    draft = tmp_path / "d.docx"
    make(draft, P("BÁO CÁO", True) + P("I. MỞ ĐẦU", True) + P("Trước bảng.")
         + "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr/>"
         + '<w:p><w:r><w:t xml:space="preserve">Ô có khung </w:t></w:r>' + text_box("Chữ trong khung ở ô.") + "</w:p>"
         + "</w:tc></w:tr></w:tbl>" + P("Sau bảng.") + P("II. KẾT QUẢ", True) + P("Kết quả."))
    out, _ = apply(tmp_path, draft, {"op": "delete", "target": "I"})
    assert redline.check(out, original=draft) == []


def test_a_phrase_only_in_a_text_box_is_refused_saying_so(tmp_path):
    draft = boxed_draft(tmp_path, "Khung nói về thủ tục đặc thù.")
    with pytest.raises(ResolveError, match="only inside a text box"):
        apply(tmp_path, draft, {"op": "replace_text", "target": "*", "find": "thủ tục đặc thù", "replace": "x"})


def test_a_phrase_also_in_a_text_box_is_changed_outside_it_with_a_warning(tmp_path):
    draft = boxed_draft(tmp_path)
    out, result = apply(tmp_path, draft, {"op": "replace_text", "target": "*", "find": "CCHC",
                                          "replace": "cải cách hành chính"})
    assert any("text box" in str(w) for w in result.warnings), result.warnings
    assert redline.check(out, original=draft) == []
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    for box in root.findall(".//w:txbxContent", NS):  # both copies untouched
        assert "".join(box.itertext()) == "Ghi chú trong khung về CCHC."


def test_check_catches_deleted_text_in_a_text_box_without_its_own_deletion(tmp_path):
    """The defect of issue 13 by hand: the anchoring run in a w:del, the box's text turned
    into w:delText with no w:del inside the box.  check used to pass it."""
    draft = boxed_draft(tmp_path)
    z = zipfile.ZipFile(draft)
    root = etree.fromstring(z.read("word/document.xml"))
    box_run = root.find(".//w:txbxContent", NS)
    anchor = next(a for a in box_run.iterancestors() if a.tag == f"{{{W}}}r")
    wrapper = etree.Element(f"{{{W}}}del", {f"{{{W}}}id": "90", f"{{{W}}}author": "X",
                                              f"{{{W}}}date": "2022-07-15T08:00:00Z"})
    anchor.addprevious(wrapper)
    wrapper.append(anchor)
    for t in anchor.iter(f"{{{W}}}t"):
        t.tag = f"{{{W}}}delText"
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            out.writestr(info.filename, etree.tostring(root) if info.filename == "word/document.xml"
                         else z.read(info))
    codes = {f.code for f in redline.check(bad)}
    assert "deltext-outside-deletion" in codes
