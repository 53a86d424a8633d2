"""The package layer on good input: opening, the .dotx/.docm decision, and saving
(byte-for-byte preservation, never over the input, atomic writes).

Hostile input is in test_hostile.py; fuzzing in test_fuzz.py.
"""
from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

import redline.package as P
import redline.package.load as P_load
import redline.package.output as P_output
import redline.package.save as P_save
import redline.package.xmlcheck as P_xml
import redline.package.zipread as P_zip
from redline.errors import DocumentError, LimitError, OutputError
from redline.package import Limits, default_output, open_docx, save_docx, write_text_atomic

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def document_xml(paragraphs=("Hello world",), image=False) -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space='preserve'>{t}</w:t></w:r></w:p>" for t in paragraphs)
    if image:
        body += "<w:p><w:r><w:t>pic</w:t></w:r></w:p>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
            f'<w:sectPr/></w:body></w:document>').encode("utf-8")


def content_types(main_ct=P.CT_DOCX, main="/word/document.xml", extra="") -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="png" ContentType="image/png"/>'
            '<Default Extension="bin" ContentType="application/octet-stream"/>'
            f'<Override PartName="{main}" ContentType="{main_ct}"/>'
            '<Override PartName="/word/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f'{extra}</Types>').encode("utf-8")


def rels(*items) -> bytes:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}'
            '</Relationships>').encode("utf-8")


STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '</w:styles>').encode()
CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Báo cáo</dc:title></cp:coreProperties>').encode()


def rich_entries(paragraphs=("Mở đầu", "Nội dung báo cáo"), main_ct=P.CT_DOCX) -> dict[str, bytes]:
    """A small but varied package: styles, core properties, an image, an orphan entry."""
    return {
        "[Content_Types].xml": content_types(main_ct),
        "_rels/.rels": rels(("rId1", f"{RT}/officeDocument", "word/document.xml"),
                            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                                     "core-properties", "docProps/core.xml")),
        "docProps/core.xml": CORE,
        "word/document.xml": document_xml(paragraphs),
        "word/_rels/document.xml.rels": rels(("rId1", f"{RT}/styles", "styles.xml"),
                                             ("rId2", f"{RT}/image", "media/image1.png")),
        "word/styles.xml": STYLES,
        "word/media/image1.png": PNG,
        "custom/orphan.bin": b"\x00\x01 not referenced by any relationship \xff",
    }


def build_docx(path: Path, entries: dict[str, bytes], *, stored=("word/media/image1.png",)) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, body in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2022, 7, 15, 8, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
    return path


def entries_of(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def raw_of(path: Path) -> dict[str, bytes]:
    data = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        return {i.filename: P_zip.raw_data(data, i) for i in zf.infolist()}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return build_docx(tmp_path / "draft.docx", rich_entries())


# -- open -------------------------------------------------------------------------------


def test_open_returns_python_docx_document_with_vetted_source(draft):
    doc = open_docx(draft)
    assert [p.text for p in doc.paragraphs] == ["Mở đầu", "Nội dung báo cáo"]
    src = doc._redline_source
    assert isinstance(src, P.SourcePackage)
    assert src.data == draft.read_bytes()
    assert src.main_part == "word/document.xml" and src.kind == "docx"
    assert src.names() == list(rich_entries())
    assert src.read("word/media/image1.png") == PNG
    assert src.content_type("word/media/image1.png") == "image/png"


def test_open_accepts_str_path_and_alternate_main_part(tmp_path):
    entries = rich_entries()
    entries["word/document2.xml"] = entries.pop("word/document.xml")
    entries["[Content_Types].xml"] = content_types(main="/word/document2.xml")
    entries["_rels/.rels"] = rels(("rId1", f"{RT}/officeDocument", "/word/document2.xml"))
    entries["word/_rels/document2.xml.rels"] = entries.pop("word/_rels/document.xml.rels")
    path = build_docx(tmp_path / "alt.docx", entries)
    doc = open_docx(str(path))
    assert doc.paragraphs[0].text == "Mở đầu"
    assert doc._redline_source.main_part == "word/document2.xml"


def test_svg_image_with_doctype_is_an_image_not_a_part_to_parse(tmp_path):
    entries = rich_entries()
    entries["[Content_Types].xml"] = content_types(extra='<Default Extension="svg" ContentType="image/svg+xml"/>')
    entries["word/media/logo.svg"] = (b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                                      b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>')
    path = build_docx(tmp_path / "logo.docx", entries)
    out = save_docx(open_docx(path), tmp_path / "out.docx", dirty=set())
    assert dict(entries_of(out))["word/media/logo.svg"] == entries["word/media/logo.svg"]


def test_python_docx_reads_only_what_vetting_read_and_parses_nothing_twice(draft, monkeypatch):
    """python-docx opens neither the file nor the zip, and no XML part is parsed twice:
    its parts are built around the trees vetting parsed (the load's main cost)."""
    import docx
    import docx.opc.phys_pkg
    from lxml import etree

    def refuse(*args, **kwargs):
        raise AssertionError("python-docx read the package itself")

    monkeypatch.setattr(docx, "Document", refuse)
    monkeypatch.setattr(docx.opc.phys_pkg.PhysPkgReader, "__new__", refuse)
    parsed = []
    real = etree.fromstring

    def counting(text, *args, **kwargs):
        parsed.append(bytes(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(etree, "fromstring", counting)
    doc = open_docx(draft)
    with zipfile.ZipFile(draft) as zf:
        document_xml = zf.read("word/document.xml")
    assert parsed.count(document_xml) == 1
    assert doc.element.getroottree() is not None and doc.paragraphs  # a working python-docx Document
    assert type(doc.element).__name__ == "CT_Document"  # python-docx's element classes


def test_dotx_template_opens_as_document_and_saves_as_docx(tmp_path):
    path = build_docx(tmp_path / "t.dotx", rich_entries(main_ct=P.CT_DOTX))
    doc = open_docx(path)
    assert doc._redline_source.kind == "dotx"
    assert doc.paragraphs[0].text == "Mở đầu"
    out = save_docx(doc, tmp_path / "t.redline.docx", dirty=set())
    ct = dict(entries_of(out))["[Content_Types].xml"].decode()
    assert P.CT_DOCX in ct and P.CT_DOTX not in ct
    assert open_docx(out)._redline_source.kind == "docx"
    before, after = dict(entries_of(path)), dict(entries_of(out))
    assert {n for n in before if before[n] != after.get(n)} == {"[Content_Types].xml"}


@pytest.mark.parametrize("ct,what", [(P.CT_DOCM, ".docm"), (P.CT_DOTM, ".dotm")])
def test_macro_enabled_documents_are_refused(tmp_path, monkeypatch, ct, what):
    import docx

    class Reached(BaseException):
        pass

    def never(*a, **k):
        raise Reached()

    monkeypatch.setattr(docx, "Document", never)
    entries = rich_entries(main_ct=ct)
    entries["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 macro project"
    path = build_docx(tmp_path / ("m" + what), entries)
    with pytest.raises(DocumentError) as err:
        open_docx(path)
    msg = str(err.value)
    assert str(path) in msg and "macro" in msg and what in msg and "save a copy as" in msg


def test_docm_content_type_refused_even_under_docx_name(tmp_path):
    path = build_docx(tmp_path / "looks-fine.docx", rich_entries(main_ct=P.CT_DOCM))
    with pytest.raises(DocumentError, match=r"macro-enabled document \(\.docm\)"):
        open_docx(path)


def test_other_office_files_are_named(tmp_path):
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    path = build_docx(tmp_path / "book.docx", rich_entries(main_ct=ct))
    with pytest.raises(DocumentError, match=r"Excel workbook \(\.xlsx\), not a Word document"):
        open_docx(path)


def test_limits_defaults_and_validation():
    lim = Limits()
    assert lim.max_file_bytes == 256 * P.MiB
    assert lim.max_total_bytes == 1 * P.GiB
    assert lim.max_part_bytes == 256 * P.MiB
    assert lim.max_xml_part_bytes == 128 * P.MiB
    assert (lim.max_ratio, lim.ratio_min_bytes) == (200, 1 * P.MiB)
    assert lim.max_entries == 10_000
    assert lim.max_xml_depth == 256
    assert lim.max_text_chars == 5_000_000
    assert lim.max_paragraph_chars == 1_000_000
    with pytest.raises(ValueError):
        Limits(max_ratio=0)
    with pytest.raises(ValueError):
        Limits(max_entries=True)


def test_limits_are_raisable(tmp_path):
    path = build_docx(tmp_path / "long.docx", rich_entries(paragraphs=("x" * 2000,)))
    with pytest.raises(LimitError, match="max_paragraph_chars"):
        open_docx(path, Limits(max_paragraph_chars=1000))
    assert open_docx(path, Limits(max_paragraph_chars=5000)).paragraphs[0].text == "x" * 2000


def test_default_output():
    assert default_output(Path("/a/b/Báo cáo.docx")) == Path("/a/b/Báo cáo.redline.docx")
    assert default_output("draft.dotx") == Path("draft.redline.docx")


@pytest.mark.corpus
def test_every_corpus_docx_opens_and_round_trips(corpus_dir, tmp_path):
    files = sorted(corpus_dir.rglob("*.docx"))
    assert files
    for i, f in enumerate(files):
        doc = open_docx(f)
        out = save_docx(doc, tmp_path / f"{i}.docx", dirty={"word/document.xml"})
        before, after = entries_of(f), dict(entries_of(out))
        assert [n for n, _ in before] == list(after)[: len(before)], f
        changed = {n for n, body in before if after[n] != body}
        assert changed <= {"word/document.xml"}, (f, changed)
        open_docx(out)


def test_vet_docx_checks_without_python_docx(draft, tmp_path, monkeypatch):
    import docx

    monkeypatch.setattr(docx, "Document", lambda *a: pytest.fail("python-docx called"))
    src = P.vet_docx(draft)
    assert src.main_part == "word/document.xml" and src.read("word/styles.xml") == STYLES
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DocumentError, match="not a zip"):
        P.vet_docx(bad)


# -- save: byte for byte ---------------------------------------------------------------------


def test_untouched_entries_are_copied_byte_for_byte(draft, tmp_path):
    doc = open_docx(draft)
    doc.paragraphs[1].runs[0].text = "Nội dung đã sửa"
    out = save_docx(doc, tmp_path / "out.docx", dirty={"word/document.xml"})
    before, after = entries_of(draft), entries_of(out)
    assert [n for n, _ in before] == [n for n, _ in after]  # same names, same order
    changed = [n for (n, a), (_, b) in zip(before, after) if a != b]
    assert changed == ["word/document.xml"]
    raw_before, raw_after = raw_of(draft), raw_of(out)  # even the compressed bytes
    assert all(raw_before[n] == raw_after[n] for n in raw_before if n != "word/document.xml")
    with zipfile.ZipFile(draft) as a, zipfile.ZipFile(out) as b:
        for ia in a.infolist():
            ib = b.getinfo(ia.filename)
            assert (ia.date_time, ia.compress_type, ia.CRC) == (ib.date_time, ib.compress_type, ib.CRC) \
                or ia.filename == "word/document.xml"
        assert b.testzip() is None
    assert [p.text for p in open_docx(out).paragraphs] == ["Mở đầu", "Nội dung đã sửa"]


def test_a_changed_xml_part_is_streamed_into_the_zip_as_python_docx_would_write_it(tmp_path, monkeypatch):
    """A large changed part is deflated while libxml2 writes it, never held whole, and the
    entry holds exactly python-docx's serialisation of it (XmlPart.blob)."""
    many = [f"Đoạn {i}: nội dung báo cáo về cải cách hành chính" for i in range(40_000)]  # ~4 MB of XML
    draft = build_docx(tmp_path / "big.docx", rich_entries(paragraphs=many))
    doc = open_docx(draft)
    doc.paragraphs[7].runs[0].text = "Đoạn đã sửa"
    expected = doc.part.blob
    import docx.opc.part

    monkeypatch.setattr(docx.opc.part, "serialize_part_xml",
                        lambda *a: pytest.fail("document.xml serialised whole"))
    out = save_docx(doc, tmp_path / "out.docx", dirty={"word/document.xml"})
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None  # CRC and sizes of the streamed entry
        assert z.read("word/document.xml") == expected
    assert len(expected) > 2 * (1 << 20)  # more than one of the deflater's pieces


def test_the_zip64_fallback_writes_a_streamed_part_too(draft, tmp_path, monkeypatch):
    import redline.package.zipwrite as P_zipwrite

    def too_big(*a, **k):
        raise P_zipwrite.NeedZip64()

    monkeypatch.setattr(P_zipwrite.ZipWriter, "add_raw", too_big)
    doc = open_docx(draft)
    doc.paragraphs[1].runs[0].text = "Nội dung đã sửa"
    assert isinstance(P_save._body(doc.part), P_save.Streamed)
    out = save_docx(doc, tmp_path / "out.docx", dirty={"word/document.xml"})
    assert dict(entries_of(out))["word/document.xml"] == doc.part.blob
    assert [p.text for p in open_docx(out).paragraphs] == ["Mở đầu", "Nội dung đã sửa"]


@pytest.mark.parametrize("around", ["<!-- a note -->", "<?app hint?>"])
def test_a_part_with_something_beside_its_root_is_written_as_tostring_writes_the_element(tmp_path, around):
    """Writing a tree would also write the comment or processing instruction beside the root,
    which python-docx's serialisation of the element leaves out: such a part is not streamed."""
    entries = rich_entries()
    xml = entries["word/document.xml"]
    head, rest = xml.split(b"\n", 1)
    entries["word/document.xml"] = head + b"\n" + around.encode() + rest
    doc = open_docx(build_docx(tmp_path / "d.docx", entries))
    doc.paragraphs[0].runs[0].text = "Đã sửa"
    assert not isinstance(P_save._body(doc.part), P_save.Streamed)
    out = save_docx(doc, tmp_path / "out.docx", dirty={"word/document.xml"})
    assert dict(entries_of(out))["word/document.xml"] == doc.part.blob


def test_new_parts_are_appended_and_get_content_types(draft, tmp_path):
    doc = open_docx(draft)
    para = doc.add_paragraph("Ý kiến")
    doc.add_comment(para.runs, text="Sở Tư pháp đề nghị bổ sung", author="STP")
    # the caller names only the document part: the rels and content types follow anyway
    out = save_docx(doc, tmp_path / "out.docx", dirty={"word/document.xml"})
    names = [n for n, _ in entries_of(out)]
    assert names[: len(rich_entries())] == list(rich_entries())
    assert "word/comments.xml" in names[len(rich_entries()):]
    after = dict(entries_of(out))
    assert b"comments.xml" in after["word/_rels/document.xml.rels"]
    ct = after["[Content_Types].xml"].decode()
    assert "/word/comments.xml" in ct
    assert "/custom/orphan.bin" in ct or 'Extension="bin"' in ct  # the orphan keeps a content type
    assert after["custom/orphan.bin"] == rich_entries()["custom/orphan.bin"]
    assert after["word/styles.xml"] == STYLES
    reopened = open_docx(out)
    assert reopened._redline_source.content_type("custom/orphan.bin") == "application/octet-stream"


def test_dirty_entry_missing_from_python_docx_is_dropped(draft, tmp_path):
    out = save_docx(open_docx(draft), tmp_path / "out.docx", dirty={"custom/orphan.bin"})
    assert "custom/orphan.bin" not in dict(entries_of(out))


def test_dirty_none_is_a_plain_python_docx_save(draft, tmp_path):
    doc = open_docx(draft)
    out = save_docx(doc, tmp_path / "out.docx")
    plain = io.BytesIO()
    doc.save(plain)
    assert [n for n, _ in entries_of(out)] == [i.filename for i in zipfile.ZipFile(plain).infolist()]


def test_input_is_never_modified(draft, tmp_path):
    digest = sha(draft)
    doc = open_docx(draft)
    doc.add_paragraph("thêm")
    save_docx(doc, tmp_path / "out.docx", dirty={"word/document.xml"})
    assert sha(draft) == digest


# -- save: never over the input ---------------------------------------------------------------


def _spellings(draft: Path, tmp_path: Path):
    (tmp_path / "x").mkdir()
    link = tmp_path / "link.docx"
    link.symlink_to(draft)
    hard = tmp_path / "hard.docx"
    os.link(draft, hard)
    return {
        "same path": draft,
        "symlink": link,
        "dot-dot spelling": tmp_path / "x" / ".." / "draft.docx",
        "dot spelling": Path(str(tmp_path) + "/./draft.docx"),
        "hard link": hard,
    }


@pytest.mark.parametrize("force", [False, True])
def test_refuses_to_overwrite_the_input_by_any_name(draft, tmp_path, force):
    digest = sha(draft)
    doc = open_docx(draft)
    doc.add_paragraph("thêm")
    for label, target in _spellings(draft, tmp_path).items():
        with pytest.raises(OutputError, match="would overwrite the input") as err:
            save_docx(doc, target, dirty={"word/document.xml"}, force=force)
        assert str(target) in str(err.value), label
        assert sha(draft) == digest, label
    assert no_temp_files(tmp_path)


def test_explicit_input_path_is_protected(draft, tmp_path):
    other = build_docx(tmp_path / "other.docx", rich_entries())
    doc = open_docx(draft)
    with pytest.raises(OutputError, match="would overwrite the input"):
        save_docx(doc, other, force=True, input_path=other)


def test_input_protection_is_rechecked_at_rename(draft, tmp_path, monkeypatch):
    """A symlink swapped in between the first check and the rename is still caught."""
    out = tmp_path / "out.docx"
    real = P_output._write_all

    def write_then_swap(f, data):
        real(f, data)
        out.symlink_to(draft)

    monkeypatch.setattr(P_output, "_write_all", write_then_swap)
    digest = sha(draft)
    with pytest.raises(OutputError, match="would overwrite the input"):
        save_docx(open_docx(draft), out, force=True)
    assert sha(draft) == digest and no_temp_files(tmp_path)


def test_refuses_existing_output_unless_force(draft, tmp_path, monkeypatch):
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")
    doc = open_docx(draft)
    with monkeypatch.context() as m:  # refused up front, before any work is done
        m.setattr(P_save, "_changed_entries", lambda *a: pytest.fail("serialised before checking the output"))
        with pytest.raises(OutputError, match="already exists") as err:
            save_docx(doc, out, dirty=set())
    assert "force=True" in str(err.value)  # from Python; the CLI says --force (test_cli_newcomer.py)
    assert out.read_bytes() == b"old"
    save_docx(doc, out, dirty=set(), force=True)
    assert entries_of(out) == entries_of(draft)
    assert no_temp_files(tmp_path)


def test_output_errors_are_output_errors(draft, tmp_path):
    doc = open_docx(draft)
    with pytest.raises(OutputError, match="does not exist"):
        save_docx(doc, tmp_path / "missing" / "out.docx")
    with pytest.raises(OutputError, match="is a folder"):
        save_docx(doc, tmp_path, force=True)


def test_file_and_folder_are_fsynced(draft, tmp_path, monkeypatch):
    synced = []
    real = os.fsync

    def spy(fd):
        synced.append(stat.S_ISDIR(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(P_output.os, "fsync", spy)
    save_docx(open_docx(draft), tmp_path / "out.docx", dirty=set())
    assert synced == [False, True]  # the temp file before the rename, the folder after


def test_output_mode_follows_umask(draft, tmp_path):
    out = save_docx(open_docx(draft), tmp_path / "out.docx", dirty=set())
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


# -- save: atomic ------------------------------------------------------------------------------


@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_mid_write_keeps_old_output_and_leaves_no_temp_file(draft, tmp_path, monkeypatch, exc):
    out = tmp_path / "out.docx"
    out.write_bytes(b"the previous output")

    def half_then_fail(f, data):
        f.write(data[: len(data) // 2])
        raise exc

    monkeypatch.setattr(P_output, "_write_all", half_then_fail)
    expected = OutputError if isinstance(exc, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as err:
        save_docx(open_docx(draft), out, dirty=set(), force=True)
    if expected is OutputError:
        assert "No space left on device" in str(err.value)
    assert out.read_bytes() == b"the previous output"
    assert no_temp_files(tmp_path)


def test_failure_at_rename_leaves_no_temp_file(draft, tmp_path, monkeypatch):
    out = tmp_path / "out.docx"

    def boom(src, dst):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(P_output.os, "replace", boom)
    monkeypatch.setattr(P_output.os, "link", boom)
    with pytest.raises(OutputError, match="cannot write"):
        save_docx(open_docx(draft), out, dirty=set())
    assert not out.exists() and no_temp_files(tmp_path)


def test_no_clobber_when_output_appears_during_write(draft, tmp_path, monkeypatch):
    out = tmp_path / "out.docx"
    real = P_output._write_all

    def write_and_race(f, data):
        real(f, data)
        out.write_bytes(b"someone else's file")

    monkeypatch.setattr(P_output, "_write_all", write_and_race)
    with pytest.raises(OutputError, match="already exists"):
        save_docx(open_docx(draft), out, dirty=set())
    assert out.read_bytes() == b"someone else's file" and no_temp_files(tmp_path)


def test_save_parts_replaces_and_appends_copying_the_rest_raw(draft, tmp_path):
    src = P.vet_docx(draft)
    new_doc = document_xml(("Một", "Hai"))
    out = P.save_parts(src, tmp_path / "out.docx", {"word/document.xml": new_doc, "word/extra.xml": b"<x/>"})
    after = entries_of(out)
    assert [n for n, _ in after] == list(rich_entries()) + ["word/extra.xml"]
    assert dict(after)["word/document.xml"] == new_doc
    raw_before, raw_after = raw_of(draft), raw_of(out)
    assert all(raw_before[n] == raw_after[n] for n in raw_before if n != "word/document.xml")
    with pytest.raises(OutputError, match="would overwrite the input"):
        P.save_parts(src, draft, {}, force=True)
    with pytest.raises(OutputError, match="already exists"):
        P.save_parts(src, out, {})


def test_write_bytes_atomic(tmp_path, draft):
    target = tmp_path / "out.bin"
    P.write_bytes_atomic(target, b"abc")
    assert target.read_bytes() == b"abc"
    with pytest.raises(OutputError, match="already exists"):
        P.write_bytes_atomic(target, b"x")  # force=False by default
    P.write_bytes_atomic(target, b"def", force=True)
    assert target.read_bytes() == b"def"
    with pytest.raises(OutputError, match="would overwrite the input"):
        P.write_bytes_atomic(draft, b"x", force=True, protect=[draft])
    assert no_temp_files(tmp_path)


def test_write_text_atomic(tmp_path, draft):
    target = tmp_path / "summary.txt"
    write_text_atomic(target, "Tóm tắt\n")
    assert target.read_text("utf-8") == "Tóm tắt\n"
    with pytest.raises(OutputError, match="already exists"):  # a summary never replaces a file unasked
        write_text_atomic(target, "x")
    write_text_atomic(target, "lần hai\n", force=True)
    assert target.read_text("utf-8") == "lần hai\n"
    with pytest.raises(OutputError, match="would overwrite the input"):
        write_text_atomic(tmp_path / "x" / ".." / "draft.docx", "x", protect=[draft])
    assert no_temp_files(tmp_path)


def test_paragraph_limit_counts_text_split_over_many_runs(tmp_path):
    # No single stretch of text is long (the cheap pre-check of long text nodes passes),
    # but the paragraph's runs add up past the limit: it must still be refused.
    runs = "".join(f"<w:r><w:t>{'x' * 90}</w:t></w:r>" for _ in range(30))
    body = f"<w:p>{runs}</w:p><w:p><w:r><w:t>ngắn</w:t></w:r></w:p>"
    entries = rich_entries()
    entries["word/document.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>").encode()
    path = build_docx(tmp_path / "long.docx", entries)
    with pytest.raises(LimitError, match="max_paragraph_chars"):
        open_docx(path, Limits(max_paragraph_chars=2000))
    open_docx(path, Limits(max_paragraph_chars=5000))


def test_cheap_prechecks_never_rule_out_what_the_tree_would_find():
    """The byte pre-checks may ask for the tree walk needlessly, never skip it wrongly."""
    import random

    rnd = random.Random(8)
    for _ in range(400):
        texts = [b"x" * rnd.choice((0, 3, 40, 90, 150, 400)) for _ in range(rnd.randint(1, 12))]
        data = b"".join(b"<w:r><w:t>" + t + b"</w:t></w:r>" for t in texts)
        n = rnd.randint(10, 300)
        if max(map(len, data.split(b"<"))) >= n:
            assert P_xml._has_long_stretch(data, n), (n, data)
        starts = [m.start() for m in P_xml._P_START.finditer(data)]
        paras = data.replace(b"<w:r>", b"<w:p><w:r>", rnd.randint(0, 3))
        starts = [m.start() for m in P_xml._P_START.finditer(paras)] + [len(paras)]
        if max(b - a for a, b in zip([0] + starts, starts)) >= n:
            assert P_xml._may_hold_long_paragraph(paras, n), (n, paras)
    normal = b"<w:p><w:r><w:t>" + b"x" * 40 + b"</w:t></w:r></w:p>"
    assert not P_xml._has_long_stretch(normal * 1000, 100)  # everyday markup is ruled out in C
    assert not P_xml._may_hold_long_paragraph(normal * 1000, 1000)
    assert P_xml._has_long_stretch(b"<a><![CDATA[" + b"<" * 500 + b"]]></a>", 100)  # CDATA hides "<" in text
    para = b"<w:p>" + b"<w:r><w:t>yy</w:t></w:r>" * 10 + b"</w:p>"
    assert P_xml._may_hold_long_paragraph(para, 50)
    nested = b"<w:p><w:txbxContent>" + para + b"</w:txbxContent></w:p>"
    assert P_xml._may_hold_long_paragraph(nested * 5, 60)  # text boxes nest paragraphs: always check


# -- review findings: entry lookups, what vetting keeps, parts written over orphans -------------


def test_many_images_are_read_without_rereading_the_zip_each_time(tmp_path, monkeypatch):
    """A report with hundreds of images: each entry is found in one index, not by a
    zipfile that re-reads the whole directory per image (loading was quadratic)."""
    entries = rich_entries()
    n = 300
    entries["word/_rels/document.xml.rels"] = rels(
        ("rIdS", f"{RT}/styles", "styles.xml"), *((f"rId{i}", f"{RT}/image", f"media/i{i}.png") for i in range(n)))
    entries.update({f"word/media/i{i}.png": PNG for i in range(n)})
    path = build_docx(tmp_path / "images.docx", entries)
    made = []
    real = zipfile.ZipFile

    class Counting(real):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(zipfile, "ZipFile", Counting)
    doc = open_docx(path)
    assert len(doc.inline_shapes) == 0 and len(doc.part.rels) == n + 1
    assert len(made) <= 2, len(made)


def test_vetting_keeps_trees_only_of_parts_python_docx_will_build(tmp_path):
    """Unlinked XML parts, and parts python-docx keeps as bytes, are checked and dropped:
    six unlinked 20 MB parts must not all be in memory at once."""
    entries = rich_entries()
    entries["custom/unlinked.xml"] = b"<a><b>unlinked</b></a>"
    entries["word/orphan-header.xml"] = f'<w:hdr xmlns:w="{W_NS}"/>'.encode()
    path = build_docx(tmp_path / "d.docx", entries)
    source, kept = P_load.vet_zip(path, path.read_bytes(), str(path), P.DEFAULT_LIMITS, for_python_docx=True)
    assert set(kept.trees) == {"word/document.xml", "word/styles.xml", "docProps/core.xml"}
    assert set(kept.blobs) == {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"}


@pytest.mark.parametrize("orphan", ["word/comments.xml", "word/Comments.xml"])
def test_a_new_part_over_an_unlinked_entry_gets_its_content_type(tmp_path, orphan):
    """python-docx names a new comments part word/comments.xml without knowing an unlinked
    entry of that name (or of that name in other capitals) is in the zip: the output types
    the new part and holds one entry for the name."""
    from redline.revise import _comment_parts

    entries = rich_entries()
    entries[orphan] = f'<w:comments xmlns:w="{W_NS}"/>'.encode()
    path = build_docx(tmp_path / "d.docx", entries)
    doc = open_docx(path)
    doc.add_comment(doc.paragraphs[1].runs, text="xem lại", author="Sở TT&TT")
    out = save_docx(doc, tmp_path / "out.docx", dirty={"word/document.xml"} | _comment_parts(doc))
    with zipfile.ZipFile(out) as zf:
        names = [n for n in zf.namelist() if n.lower() == "word/comments.xml"]
        ct = zf.read("[Content_Types].xml").decode()
    assert names == ["word/comments.xml"]
    assert 'PartName="/word/comments.xml"' in ct and "comments+xml" in ct
    again = open_docx(out)
    assert [c.text for c in again.comments] == ["xem lại"]
