"""The compare pairs of issue 15, built here (our own words), and the checks every pair must pass.

A pair is two small .docx files written with ``oracles.make_docx``: OLD and NEW, differing in
one way a drafter edits (a word, a number, a row, a note, a text box, a moved paragraph...).
``check_exact`` is the definition of a correct comparison:

* pandoc (``--track-changes``): Reject All of the output reads as OLD (rejected), Accept All as
  NEW (accepted);
* a plain reading of the XML after redline's own accept/reject (``revisions.py``), stricter
  than pandoc's: every paragraph (empty ones too, so a paragraph mark lost or added shows),
  table rows and cells (nested tables), text boxes, and each footnote / endnote at its
  reference;
* openxml-audit: no error OLD does not have; ``redline check``: no finding of a kind OLD does
  not have, and rejecting our revisions gives OLD back.
"""
from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

from lxml import etree

import oracles
import redline
from oracles import W_NS, make_docx, para, run, wml_part

W = f"{{{W_NS}}}"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
M = f"{{{M_NS}}}"
MATH_DECL = f'xmlns:m="{M_NS}"'
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
NOTE_TYPES = {"footnote": RT + "footnotes", "endnote": RT + "endnotes"}


# --------------------------------------------------------------------------- the package's parts

def _rels_target(z: zipfile.ZipFile, source: str, reltype: str) -> str | None:
    """The zip name of the part ``source`` (a zip name; "" for the package) relates to by
    ``reltype``, read from its relationships part (None when there is none)."""
    import posixpath

    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    names = {n.lower(): n for n in z.namelist()}
    if rels.lower() not in names:
        return None
    root = etree.fromstring(z.read(names[rels.lower()]))
    for rel in root.iter(RELS + "Relationship"):
        if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            return names.get(path.lower())
    return None


def main_part(z: zipfile.ZipFile) -> str | None:
    """The zip name of the main document part: the package's officeDocument relationship
    (usually word/document.xml, but a package may name it otherwise)."""
    return _rels_target(z, "", RT + "officeDocument")


def story_parts(z: zipfile.ZipFile) -> dict[str, str]:
    """{"main": zip name, "footnote": ..., "endnote": ...} for the parts the package has."""
    main = main_part(z)
    if main is None:
        return {}
    out = {"main": main}
    for kind, reltype in NOTE_TYPES.items():
        name = _rels_target(z, main, reltype)
        if name is not None:
            out[kind] = name
    return out



# --------------------------------------------------------------------------- building pairs

def bold(text: str) -> str:
    return run(text, rpr="<w:b/>")


def table(rows: list[list[str]], *, tcpr: dict | None = None, grid: int | None = None) -> str:
    """A table; a cell is plain text, or raw XML starting with '<' (paragraphs, nested tables).
    ``tcpr`` maps (row, cell) to extra w:tcPr XML (gridSpan, vMerge)."""
    cols = grid or max(len(r) for r in rows)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
    out += ['<w:gridCol w:w="2000"/>'] * cols
    out.append("</w:tblGrid>")
    for i, r in enumerate(rows):
        out.append("<w:tr>")
        for j, cell in enumerate(r):
            extra = (tcpr or {}).get((i, j), "")
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>{extra}</w:tcPr>')
            out.append(cell if cell.startswith("<") else para(cell))
            out.append("</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def note_ref(kind: str, nid: int) -> str:
    return (f'<w:r><w:rPr><w:rStyle w:val="{kind.capitalize()}Reference"/></w:rPr>'
            f'<w:{kind}Reference w:id="{nid}"/></w:r>')


def notes_part(kind: str, notes: dict[int, str]) -> str:
    inner = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
             f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
             f'</w:p></w:{kind}>')
    for nid, text in notes.items():
        inner += (f'<w:{kind} w:id="{nid}"><w:p><w:r><w:{kind}Ref/></w:r>{run(" " + text)}</w:p></w:{kind}>')
    return wml_part(f"{kind}s", inner)


def textbox(paragraphs: list[str]) -> str:
    """A run holding a VML text box (w:pict) with the given paragraphs."""
    inner = "".join(para(t) for t in paragraphs)
    return ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="tb1" style="width:200pt;height:60pt">'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


def field(instr: str, result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def hyperlink(anchor: str, text: str) -> str:
    return f'<w:hyperlink w:anchor="{anchor}">{run(text)}</w:hyperlink>'


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def math_run(text: str, rev: str = "", id: int = 900) -> str:  # noqa: A002
    """An m:r in Cambria Math; ``rev`` ("ins" / "del") writes it as Word records a revision
    made inside an equation: the run's properties and text inside a w:ins / w:del in the m:r."""
    inner = f'<w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr><m:t>{text}</m:t>'
    if rev:
        inner = f'<w:{rev} w:id="{id}" w:author="Sở Tư pháp" w:date="2023-03-01T00:00:00Z">{inner}</w:{rev}>'
    return f"<m:r>{inner}</m:r>"


def equation(*parts, display: bool = False) -> str:
    """An equation (m:oMath; in an m:oMathPara when ``display``).  A part is text (one m:r), raw
    XML, or ("sup", base, exponent) / ("frac", numerator, denominator)."""
    def one(part) -> str:
        if isinstance(part, str):
            return part if part.startswith("<") else math_run(part)
        kind, a, b = part
        if kind == "sup":
            return f"<m:sSup><m:e>{one(a)}</m:e><m:sup>{one(b)}</m:sup></m:sSup>"
        return f"<m:f><m:num>{one(a)}</m:num><m:den>{one(b)}</m:den></m:f>"
    xml = "<m:oMath>" + "".join(one(x) for x in parts) + "</m:oMath>"
    return f"<m:oMathPara>{xml}</m:oMathPara>" if display else xml


def write_pair(tmp: Path, name: str, old_body: str, new_body: str, old_parts: dict | None = None,
               new_parts: dict | None = None) -> tuple[Path, Path]:
    old = make_docx(tmp / f"{name}.old.docx", old_body, parts=old_parts, root_attrs=MATH_DECL)
    new = make_docx(tmp / f"{name}.new.docx", new_body, parts=new_parts, root_attrs=MATH_DECL)
    return old, new


def compare(tmp: Path, name: str, old: Path, new: Path, **options):
    out = tmp / f"{name}.out.docx"
    result = redline.compare(old, new, out, force=True, date="2024-05-06T07:08:09Z", **options)
    return out, result


# --------------------------------------------------------------------------- the plain reading

def reading(path: Path | str, mode: str | None) -> list[str]:
    """The document after redline's own Accept All / Reject All (mode None: as stored), as a
    list of lines: "P text" for every body paragraph (empty ones too), "[T" / "T]" around a
    table, "R" before each row and "C" before each cell, "M text" for each equation (m:oMath or
    m:oMathPara: its m:t texts; after its paragraph), "X text" for each paragraph of a text box
    (after its paragraph), "N text" for each paragraph of a note (after its paragraph)."""
    from redline.ooxml import paragraph_text
    from redline.revisions import accept_all, reject_all

    with zipfile.ZipFile(path) as z:
        roots = {kind: etree.fromstring(z.read(name)) for kind, name in story_parts(z).items()}
    for root in roots.values():
        if mode == "accept":
            accept_all(root)
        elif mode == "reject":
            reject_all(root)
    notes = {}
    for kind in NOTE_TYPES:
        if kind in roots:
            notes.update({(kind, n.get(W + "id")): n for n in roots[kind].findall(W + kind)})
    out: list[str] = []

    def norm(t: str) -> str:
        return oracles.norm(t)

    def paragraph(p) -> None:
        out.append("P " + norm(paragraph_text(p)))
        for zone in math_zones(p):
            out.append("M " + norm("".join(t.text or "" for t in zone.iter(M + "t", W + "t"))))
        for box in p.iter(W + "txbxContent"):
            for bp in box.iter(W + "p"):
                out.append("X " + norm(paragraph_text(bp)))
        for ref in p.iter(W + "footnoteReference", W + "endnoteReference"):
            kind = "footnote" if ref.tag.endswith("footnoteReference") else "endnote"
            note = notes.get((kind, ref.get(W + "id")))
            for np_ in (note.iter(W + "p") if note is not None else ()):
                out.append("N " + norm(paragraph_text(np_)))

    def blocks(container) -> None:
        for c in container:
            if c.tag == W + "p":
                paragraph(c)
            elif c.tag == W + "tbl":
                out.append("[T")
                for tr in c.findall(W + "tr"):
                    out.append("R")
                    for tc in tr.findall(W + "tc"):
                        out.append("C")
                        blocks(tc)
                out.append("T]")
            elif c.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                blocks(c)

    blocks(roots["main"].find(W + "body"))
    return out


def math_zones(p) -> list:
    """The equations of a paragraph, outermost only (an m:oMathPara holds m:oMath), not those of
    its text boxes."""
    out = []
    for z in p.iter(M + "oMathPara", M + "oMath"):
        up = z.getparent()
        while up is not None and up is not p and up.tag not in (M + "oMathPara", W + "txbxContent"):
            up = up.getparent()
        if up is p:
            out.append(z)
    return out


# --------------------------------------------------------------------------- the checks

def audit_findings(out: Path, old: Path) -> list[str]:
    return oracles.new_audit_errors(out, old)


def mark_revisions(path: Path) -> bool:
    """Does the document hold paragraph-mark revisions?  Where one merges two paragraphs,
    pandoc joins their texts with a space and Word (and redline) with nothing, so pandoc's
    reading of such a document cannot be compared with a redline-accepted one."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read(main_part(z)))
    return any(el.getparent().tag == W + "rPr" and el.getparent().getparent().tag == W + "pPr"
               for el in root.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"))


def new_findings(out: Path, old: Path) -> list[str]:
    """`redline check` findings of the output whose kind OLD does not already have."""
    had = {f.code for f in redline.check(old)}
    return [str(f) for f in redline.check(out, original=old) if f.code not in had]


def check_exact(old: Path, new: Path, out: Path, *, pandoc: bool = True, audit: bool = True,
                old_accepted: bool = False) -> None:
    """``old_accepted``: OLD's earlier revisions were accepted before comparing (they touched
    paragraph marks or rows), so Reject All gives OLD's accepted text."""
    before = "accept" if old_accepted else "reject"
    if pandoc and not (mark_revisions(old) or mark_revisions(new)):
        assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(old, before)
        assert oracles.pandoc_paragraphs(out, "accept") == oracles.pandoc_paragraphs(new, "accept")
    assert reading(out, "reject") == reading(old, before)
    assert reading(out, "accept") == reading(new, "accept")
    if audit:
        assert audit_findings(out, old) == []
    if old_accepted:  # what the output was made from: OLD with its revisions accepted
        accepted = out.with_name(out.stem + ".old-accepted.docx")
        redline.accept(old, accepted, force=True)
        old = accepted
    assert new_findings(out, old) == []


def revision_count(out: Path) -> int:
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read(main_part(z)))
    return sum(1 for _ in root.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo", W + "rPrChange",
                                    W + "pPrChange"))


# --------------------------------------------------------------------------- pairs from real documents

def corpus_pair(path: Path, tmp: Path) -> tuple[Path, Path] | None:
    """OLD = a real document; NEW = the same with a word changed, a paragraph inserted and
    (with three or more) one deleted, among paragraphs with text (of the body and its tables;
    a deleted one of the body), made on the XML
    of the main part so every other part stays the same.  A document with no paragraph of plain
    text gets a new first paragraph instead.  None only when the main part has no body."""
    import hashlib
    import random

    from redline.ooxml import paragraph_text

    rnd = random.Random(int(hashlib.sha1(path.name.encode()).hexdigest()[:8], 16))
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        data = {i.filename: z.read(i.filename) for i in infos}
    with zipfile.ZipFile(path) as z:
        main = main_part(z)
    if main is None:
        return None
    root = etree.fromstring(data[main])
    body = root.find(W + "body")
    if body is None:
        return None
    # paragraphs of the body and of its tables (not of text boxes), with text
    paras = [b for b in body.iter(W + "p") if paragraph_text(b).strip()
             and not any(x.tag == W + "txbxContent" for x in b.iterancestors())]
    plain = [b for b in paras if next(b.iter(W + "fldChar", W + "fldSimple", W + "sectPr"), None) is None
             and any(t.text and t.text.strip() for t in b.iter(W + "t"))]
    if not plain:  # nothing to edit: NEW is OLD with a paragraph of text before everything else
        body.insert(0, etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:r><w:t>Đoạn mới do so sánh thêm vào.</w:t></w:r></w:p>'))
        return _write_pair(path, tmp, infos, data, main, root)
    a = rnd.choice(plain)
    # a word changed in a: its last text gets a new word
    runs = [t for t in a.iter(W + "t") if t.text and t.text.strip()]
    runs[-1].text = runs[-1].text.rstrip() + " sửa đổi"
    # a new paragraph after b, formatted like b
    b = rnd.choice(paras)
    twin = etree.fromstring(etree.tostring(b))
    for el in list(twin):
        if el.tag != W + "pPr":
            twin.remove(el)
    for sect in twin.iter(W + "sectPr"):
        sect.getparent().remove(sect)
    twin.append(etree.fromstring(f'<w:r xmlns:w="{W_NS}"><w:t>Đoạn mới do so sánh thêm vào.</w:t></w:r>'))
    b.addnext(twin)
    # c deleted, when there are enough paragraphs
    # Word keeps a body's last paragraph, and the paragraph before a table or content control
    # (its mark cannot be deleted): an edited copy never lacks them, so neither does NEW
    blocks = [x for x in body if x.tag in (W + "p", W + "tbl", W + "sdt")]
    kept = {id(x) for k, x in enumerate(blocks) if k == len(blocks) - 1 or blocks[k + 1].tag != W + "p"}
    rest = [x for x in plain if x is not a and x is not b and x.getparent() is body and id(x) not in kept]
    if len(paras) >= 3 and rest:
        c = rnd.choice(rest)
        c.getparent().remove(c)
    return _write_pair(path, tmp, infos, data, main, root)


def _write_pair(path: Path, tmp: Path, infos, data: dict, main: str, root) -> tuple[Path, Path]:
    """OLD: a byte copy of ``path``; NEW: the same package with ``root`` as its main part."""
    import shutil

    old = tmp / ("old-" + path.name)
    new = tmp / ("new-" + path.name)
    shutil.copyfile(path, old)
    data[main] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(new, "w", zipfile.ZIP_DEFLATED) as z:
        for i in infos:
            z.writestr(i, data[i.filename])
    return old, new
