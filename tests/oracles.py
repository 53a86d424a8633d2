"""Independent oracles for the test suite: clients we did not write judge our outputs.

A test reads as "the accepted text of OUT is X":

    assert pandoc_paragraphs(out, "accept") == expected
    assert audit_errors(out) == []
    assert xsd_errors(out) == []
    lo = libreoffice([out])[0];  assert lo.accepted == expected   (marked @pytest.mark.libreoffice)

Paragraph lists are the common currency: every paragraph of the main story in document order
(table cells row by row, cell by cell), text normalised (NFC, whitespace collapsed, stripped),
empty paragraphs dropped (pandoc drops them, so every oracle does).  Headers, footers, notes,
comments and text boxes are not part of the list.

* pandoc (pypandoc-binary, pandoc 3.x): ``--track-changes=accept|reject|all``.  Known limits: it ignores
  formatting revisions (w:rPrChange ...), and where a deleted paragraph mark merges two paragraphs it
  joins them with a space (Word joins them with nothing).
* openxml-audit: the Open XML SDK's schema and semantic validation, pure Python.
* lxml + the ISO 29500 transitional schemas in shared/ooxml-xsd, after markup-compatibility
  preprocessing (see ``mce_preprocess``).
* LibreOffice headless through UNO (``libreoffice``, ``export_pdf``): runs ``tests/lo_uno.py`` under
  the system python3, which has the ``uno`` module.
"""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # so `from oracles import ...` works however pytest was started
from conftest import SHARED, need_shared  # noqa: E402  (the one place that names shared/)

XSD_DIR = SHARED / "ooxml-xsd"
MODES = ("accept", "reject", "all")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"


# --------------------------------------------------------------------------- normalisation

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    """NFC, every run of whitespace (tabs, breaks, no-break spaces) one space, stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def norm_paragraphs(paragraphs: Iterable[str]) -> list[str]:
    """``norm`` each paragraph and drop the empty ones (pandoc's docx reader drops them)."""
    out = []
    for p in paragraphs:
        n = norm(p)
        if n:
            out.append(n)
    return out


def text_lines(text: str) -> list[str]:
    """An expected text written one paragraph a line, in the same normal form."""
    return norm_paragraphs(text.splitlines())


# --------------------------------------------------------------------------- pandoc


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")


@functools.cache
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def _pandoc(path: Path | str, mode: str, to: str) -> str:
    _check_mode(mode)
    proc = subprocess.run(
        [pandoc_path(), "-f", "docx", "-t", to, "--wrap=none", f"--track-changes={mode}", str(path)],
        capture_output=True, timeout=120,
    )
    if proc.returncode != 0:
        raise AssertionError(f"pandoc failed on {path} (exit {proc.returncode}): "
                             f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout.decode("utf-8")


def pandoc_text(path: Path | str, mode: str = "accept") -> str:
    """The document as pandoc's plain-text writer shows it with ``--track-changes=mode``."""
    return _pandoc(path, mode, "plain")


def pandoc_ast(path: Path | str, mode: str = "accept") -> dict:
    return json.loads(_pandoc(path, mode, "json"))


def pandoc_paragraphs(path: Path | str, mode: str = "accept") -> list[str]:
    """Paragraph texts from pandoc's JSON AST (``norm_paragraphs`` form).

    Comment bodies (the contents of ``comment-start`` spans, shown with mode="all") and notes are
    not paragraph text and are left out; with mode="all" inserted and deleted text both appear.
    """
    out: list[str] = []
    for block in pandoc_ast(path, mode)["blocks"]:
        _ast_block(block, out)
    return norm_paragraphs(out)


def native_paragraphs(native: Path | str) -> list[str]:
    """Paragraph texts of a pandoc ``.native`` file (e.g. pandoc's own expected output in
    shared/corpus/pandoc), read by pandoc itself and flattened like ``pandoc_paragraphs``."""
    proc = subprocess.run([pandoc_path(), "-f", "native", "-t", "json", str(native)],
                          capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise AssertionError(f"pandoc cannot read {native}: {proc.stderr.decode('utf-8', 'replace')}")
    out: list[str] = []
    _ast_blocks(json.loads(proc.stdout)["blocks"], out)
    return norm_paragraphs(out)


def _ast_block(b: dict, out: list[str]) -> None:
    t, c = b["t"], b.get("c")
    if t in ("Para", "Plain"):
        out.append(_ast_inlines(c))
    elif t == "Header":
        out.append(_ast_inlines(c[2]))
    elif t == "LineBlock":
        out.extend(_ast_inlines(line) for line in c)
    elif t == "CodeBlock":
        out.extend(c[1].split("\n"))
    elif t == "BlockQuote":
        _ast_blocks(c, out)
    elif t == "Div":
        _ast_blocks(c[1], out)
    elif t == "BulletList":
        for item in c:
            _ast_blocks(item, out)
    elif t == "OrderedList":
        for item in c[1]:
            _ast_blocks(item, out)
    elif t == "DefinitionList":
        for term, defs in c:
            out.append(_ast_inlines(term))
            for d in defs:
                _ast_blocks(d, out)
    elif t == "Figure":
        _ast_blocks(c[2], out)
        _ast_blocks(c[1][1], out)
    elif t == "Table":
        _attr, caption, _specs, head, bodies, foot = c
        _ast_blocks(caption[1], out)
        rows = list(head[1])
        for body in bodies:
            rows += body[2] + body[3]
        rows += foot[1]
        for row in rows:
            for cell in row[1]:
                _ast_blocks(cell[4], out)
    # RawBlock, HorizontalRule, Null: no text


def _ast_blocks(blocks: list, out: list[str]) -> None:
    for b in blocks:
        _ast_block(b, out)


_QUOTES = {"DoubleQuote": ("\u201c", "\u201d"), "SingleQuote": ("\u2018", "\u2019")}


def _ast_inlines(inlines: list) -> str:
    parts: list[str] = []
    for i in inlines:
        t, c = i["t"], i.get("c")
        if t == "Str":
            parts.append(c)
        elif t in ("Space", "SoftBreak"):
            parts.append(" ")
        elif t == "LineBreak":
            parts.append("\n")
        elif t in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps", "Underline"):
            parts.append(_ast_inlines(c))
        elif t == "Quoted":
            q = _QUOTES.get(c[0]["t"], ('"', '"'))
            parts.append(q[0] + _ast_inlines(c[1]) + q[1])
        elif t in ("Cite", "Link"):
            parts.append(_ast_inlines(c[1]))
        elif t in ("Code", "Math"):
            parts.append(c[1])
        elif t == "Span":
            classes = c[0][1]
            if "comment-start" in classes:
                continue  # the comment's own text, not the paragraph's
            parts.append(_ast_inlines(c[1]))
        # Note, Image, RawInline: not paragraph text
    return "".join(parts)


# --------------------------------------------------------------------------- our own reading


def docx_paragraphs(path: Path | str, mode: str | None = None) -> list[str]:
    """Paragraph texts read directly from word/document.xml (``norm_paragraphs`` form).

    mode=None: the document must be read as stored (meant for clean documents, e.g. another
    tool's accepted output: inserted text shown, deleted text hidden).  mode="accept"/"reject":
    apply redline's own pure-Python accept/reject first (``redline.revisions``) - the third oracle.
    """
    from redline.ooxml import paragraph_text

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    if mode == "accept":
        from redline.revisions import accept_all

        accept_all(root)
    elif mode == "reject":
        from redline.revisions import reject_all

        reject_all(root)
    elif mode is not None:
        raise ValueError(f"mode must be None, 'accept' or 'reject', not {mode!r}")
    body = root.find(f"{{{W_NS}}}body")
    return norm_paragraphs(paragraph_text(p, "current") for p in story_paragraphs(body))


_BLOCK_CONTAINERS = {f"{{{W_NS}}}{n}" for n in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}


def story_paragraphs(container: etree._Element) -> Iterable[etree._Element]:
    """Block-level w:p of a story in document order, through tables, content controls and custom
    XML; not into paragraphs (text boxes) and not into markup-compatibility alternatives."""
    for child in container:
        if child.tag == f"{{{W_NS}}}p":
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from story_paragraphs(child)


# --------------------------------------------------------------------------- openxml-audit


def _auditor():
    """A fresh validator per document: after a long run a shared one was seen reporting another
    document's note ids (state carried over); building one costs ~50 ms once the schemas loaded."""
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(max_errors=0)


def audit_errors(path: Path | str, *, warnings: bool = False) -> list[str]:
    """openxml-audit's findings (Open XML SDK rules: package, schema, semantic), as strings.

    Only severity "error" unless ``warnings``.
    """
    from openxml_audit import ValidationSeverity

    result = _auditor().validate(str(path))
    return [str(e) for e in result.errors
            if warnings or e.severity == ValidationSeverity.ERROR]


def new_audit_errors(output: Path | str, original: Path | str) -> list[str]:
    """Errors of ``output`` that ``original`` does not have already (a corpus document may arrive
    with defects of its own; an output must not add any)."""
    before = set(audit_errors(original))
    return [e for e in audit_errors(output) if e not in before]


# --------------------------------------------------------------------------- XSD (lxml)


@functools.cache
def _schema_namespaces() -> frozenset[str]:
    """The namespaces the ISO 29500 transitional schema set defines: what our MCE processor
    'understands'.  Everything else (w14, w15, wps, ...) is an extension."""
    out = set()
    for xsd in XSD_DIR.glob("*.xsd"):
        ns = etree.parse(str(xsd)).getroot().get("targetNamespace")
        if ns:
            out.add(ns)
    return frozenset(out)


@functools.cache
def wml_schema() -> etree.XMLSchema:
    """wml.xsd and its imports.  wml.xsd imports the xml: namespace without a schemaLocation;
    point it at the xml.xsd beside it (in memory; shared/ stays read-only)."""
    tree = etree.parse(str(XSD_DIR / "wml.xsd"))
    for imp in tree.getroot().iter(f"{{{XSD_NS}}}import"):
        if imp.get("namespace") == XML_NS and not imp.get("schemaLocation"):
            imp.set("schemaLocation", (XSD_DIR / "xml.xsd").as_uri())
    return etree.XMLSchema(tree)


def mce_preprocess(root: etree._Element, understood: frozenset[str] | None = None) -> list[str]:
    """Markup-compatibility processing (ECMA-376 Part 3) in place, as a consumer that understands
    only ``understood`` namespaces (default: those of the ISO 29500 transitional schemas).

    * mc:AlternateContent: the first mc:Choice whose ``Requires`` prefixes are all understood, else
      mc:Fallback, else nothing; the chosen branch's children replace the element.  Word writes
      Choice for wps/w14 extensions, so a transitional-only consumer takes the Fallback (the VML
      picture) - the branch an ISO 29500 reader actually sees.
    * Elements and attributes in a namespace declared ignorable (mc:Ignorable in scope) and not
      understood are removed (elements with their content; mc:ProcessContent elements unwrapped).
    * The mc:* attributes themselves are removed.

    Returns problems found (an element in a non-understood namespace that is not ignorable is left
    in place, so the schema reports it; a MustUnderstand namespace we do not understand is listed).
    """
    if understood is None:
        need_shared("ooxml-xsd")
    understood = understood if understood is not None else _schema_namespaces()
    problems: list[str] = []
    _mce(root, understood, frozenset(), frozenset(), problems)
    return problems


def _prefixes_to_ns(el: etree._Element, value: str | None) -> set[str]:
    out = set()
    for prefix in (value or "").split():
        ns = el.nsmap.get(prefix)
        if ns:
            out.add(ns)
    return out


def _mce(el, understood, ignorable, process, problems) -> None:
    ignorable = ignorable | _prefixes_to_ns(el, el.get(f"{{{MC_NS}}}Ignorable"))
    for qn_ in (el.get(f"{{{MC_NS}}}ProcessContent") or "").split():
        prefix, _, local = qn_.rpartition(":")
        ns = el.nsmap.get(prefix)
        if ns:
            process = process | {f"{{{ns}}}{local}"}
    for ns in _prefixes_to_ns(el, el.get(f"{{{MC_NS}}}MustUnderstand")):
        if ns not in understood:
            problems.append(f"MustUnderstand namespace not understood: {ns}")
    for name in list(el.attrib):
        if name.startswith("{"):
            ns = name[1:].split("}")[0]
            if ns == MC_NS or (ns in ignorable and ns not in understood):
                del el.attrib[name]
    i = 0
    while i < len(el):
        child = el[i]
        if not isinstance(child.tag, str):  # XML comments, processing instructions
            i += 1
            continue
        ns = etree.QName(child).namespace
        if child.tag == f"{{{MC_NS}}}AlternateContent":
            chosen = None
            for branch in child:
                if branch.tag == f"{{{MC_NS}}}Choice":
                    req = _prefixes_to_ns(branch, branch.get("Requires"))
                    if req and req <= understood:
                        chosen = branch
                        break
                elif branch.tag == f"{{{MC_NS}}}Fallback":
                    chosen = branch
                    break
            _splice(el, i, chosen)  # the chosen branch's children now sit at i...: process them next
        elif ns in ignorable and ns not in understood:
            _splice(el, i, child if child.tag in process else None)
        else:
            _mce(child, understood, ignorable, process, problems)
            i += 1


def _splice(parent, index, source) -> None:
    """Replace parent[index] by the children of ``source`` (or by nothing)."""
    old = parent[index]
    kids = list(source) if source is not None else []
    parent.remove(old)
    for k, kid in enumerate(kids):
        parent.insert(index + k, kid)


# The WordprocessingML story parts, by content type.
WML_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
}


def wml_story_parts(z: zipfile.ZipFile) -> list[str]:
    """Zip names of the document, comments, header, footer, footnote and endnote parts."""
    ct = etree.fromstring(z.read("[Content_Types].xml"))
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in ct.iter(ns + "Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType") for o in ct.iter(ns + "Override")}
    out = []
    for name in z.namelist():
        if name.startswith("[") or "_rels/" in name:
            continue
        ctype = overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower())
        if ctype in WML_CONTENT_TYPES:
            out.append(name)
    return sorted(out, key=lambda n: (n != "word/document.xml", n))


def xsd_errors(path: Path | str, parts: Sequence[str] | None = None) -> list[str]:
    """Schema errors of the WordprocessingML story parts (document, comments, headers, footers,
    notes) against ISO 29500 transitional wml.xsd, after ``mce_preprocess``.  Each error is
    "part:line: message".  Skips the calling test when shared/ooxml-xsd is missing."""
    need_shared("ooxml-xsd")
    schema = wml_schema()
    errors: list[str] = []
    with zipfile.ZipFile(path) as z:
        names = list(parts) if parts is not None else wml_story_parts(z)
        for name in names:
            root = etree.fromstring(z.read(name))
            for p in mce_preprocess(root):
                errors.append(f"{name}: {p}")
            # validate a fresh parse so that line numbers refer to the part as stored... lxml keeps
            # sourceline on the preprocessed tree, which is what we want.
            if not schema.validate(root):
                for e in schema.error_log:
                    errors.append(f"{name}:{e.line}: {e.message}")
    return errors


# --------------------------------------------------------------------------- LibreOffice (UNO)

SYSTEM_PYTHON = os.environ.get("REDLINE_UNO_PYTHON", "/usr/bin/python3")
LO_SCRIPT = HERE / "lo_uno.py"
LO_TIMEOUT_PER_DOC = 60  # seconds, on top of LO_TIMEOUT_START
LO_TIMEOUT_START = 90


@functools.cache
def lo_missing() -> str | None:
    """Why LibreOffice cannot be driven here, or None when it can."""
    if not shutil.which("soffice"):
        return "soffice not on PATH (apt-get install --no-install-recommends libreoffice-writer python3-uno)"
    try:
        proc = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{SYSTEM_PYTHON} unusable: {exc}"
    if proc.returncode != 0:
        return f"{SYSTEM_PYTHON} cannot import uno (apt-get install python3-uno)"
    return None


def need_libreoffice() -> None:
    """Skip the calling test when LibreOffice is missing - or fail, where it must be there
    (REDLINE_REQUIRE_LO=1, as ``.ci/run`` sets it)."""
    import pytest

    why = lo_missing()
    if why:
        if os.environ.get("REDLINE_REQUIRE_LO") == "1":
            pytest.fail(f"LibreOffice required but unusable: {why}")
        pytest.skip(why)


@dataclass
class LOResult:
    """What LibreOffice sees in one document (paragraph lists in ``norm_paragraphs`` form)."""

    path: Path
    redlines: list[dict] = field(default_factory=list)  # {"author", "type" (Insert, Delete, Format, ...), "date"}
    comments: list[dict] = field(default_factory=list)  # {"author", "text"}
    paragraphs: list[str] = field(default_factory=list)  # as loaded: inserted and deleted text both
    accepted: list[str] | None = None  # after .uno:AcceptAllTrackedChanges
    rejected: list[str] | None = None  # after .uno:RejectAllTrackedChanges
    pdf: Path | None = None
    error: str | None = None

    @property
    def authors(self) -> set[str]:
        return {r["author"] for r in self.redlines}


_LO_CACHE: dict[tuple, LOResult] = {}


def _lo_key(path: Path) -> tuple:
    st = path.stat()
    return (str(path.resolve()), st.st_mtime_ns, st.st_size)


def _run_lo(items: Sequence[tuple[Path, Path | None]], accept_reject: bool) -> list[LOResult]:
    why = lo_missing()
    if why:
        raise RuntimeError(f"LibreOffice unusable: {why}")
    with tempfile.TemporaryDirectory(prefix="redline-lojob-") as tmp:
        job = Path(tmp) / "job.json"
        result = Path(tmp) / "result.json"
        job.write_text(json.dumps({"docs": [
            {"path": str(p.resolve()), "pdf": str(pdf.resolve()) if pdf else None,
             "accepted": accept_reject, "rejected": accept_reject} for p, pdf in items]}), "utf-8")
        timeout = LO_TIMEOUT_START + LO_TIMEOUT_PER_DOC * len(items)
        try:
            proc = subprocess.run([SYSTEM_PYTHON, str(LO_SCRIPT), str(job), str(result)],
                                  capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"LibreOffice batch of {len(items)} timed out after {timeout}s") from None
        if proc.returncode != 0 or not result.exists():
            raise AssertionError(f"LibreOffice driver failed (exit {proc.returncode}): "
                                 f"{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
        data = json.loads(result.read_text("utf-8"))
    return [LOResult(
        path=p, redlines=d["redlines"] or [], comments=d["comments"] or [],
        paragraphs=norm_paragraphs(d["paragraphs"] or []),
        accepted=norm_paragraphs(d["accepted"]) if d["accepted"] is not None else None,
        rejected=norm_paragraphs(d["rejected"]) if d["rejected"] is not None else None,
        pdf=Path(d["pdf"]) if d["pdf"] else None, error=d["error"]) for (p, _), d in zip(items, data["docs"])]


def libreoffice_batch(paths: Sequence[Path | str]) -> list[LOResult]:
    """Open each document in one LibreOffice headless process (``tests/lo_uno.py`` under the system
    python3): its redlines and comments, its paragraphs as loaded, after Accept All and after
    Reject All (each on a fresh load).  Results are cached per file (path, mtime, size), so a test
    module can warm the cache with one batch and single calls are then free."""
    paths = [Path(p) for p in paths]
    todo = [p for p in dict.fromkeys(paths) if _lo_key(p) not in _LO_CACHE]
    if todo:
        for p, res in zip(todo, _run_lo([(p, None) for p in todo], accept_reject=True)):
            _LO_CACHE[_lo_key(p)] = res
    return [_LO_CACHE[_lo_key(p)] for p in paths]


def libreoffice(path: Path | str) -> LOResult:
    """``libreoffice_batch`` for one document; a document LibreOffice cannot process fails."""
    res = libreoffice_batch([path])[0]
    if res.error:
        raise AssertionError(f"LibreOffice on {path}: {res.error}")
    return res


def export_pdf(path: Path | str, pdf: Path | str) -> Path:
    """PDF of the document as LibreOffice lays it out (tracked changes shown, as loaded)."""
    pdf = Path(pdf)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    res = _run_lo([(Path(path), pdf)], accept_reject=False)[0]
    if res.error or not pdf.exists():
        raise AssertionError(f"LibreOffice could not export {path} to PDF: {res.error}")
    return pdf


# --------------------------------------------------------------------------- building test documents

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PART_TYPES = {  # zip name -> (content type, relationship type)
    "word/comments.xml": ("comments", "comments"),
    "word/footnotes.xml": ("footnotes", "footnotes"),
    "word/endnotes.xml": ("endnotes", "endnotes"),
    "word/header1.xml": ("header", "header"),
    "word/footer1.xml": ("footer", "footer"),
}
WML_DECL = (f'xmlns:w="{W_NS}" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


@functools.cache
def _template() -> dict[str, bytes]:
    """python-docx's default package minus stylesWithEffects.xml (which openxml-audit rightly
    flags as inconsistent with styles.xml): styles, settings, fonts, theme, numbering."""
    import docx

    tpl = Path(docx.__file__).parent / "templates" / "default.docx"
    with zipfile.ZipFile(tpl) as z:
        files = {n: z.read(n) for n in z.namelist()}
    del files["word/stylesWithEffects.xml"]
    for name in ("[Content_Types].xml", "word/_rels/document.xml.rels"):
        root = etree.fromstring(files[name])
        for el in list(root):
            if "stylesWithEffects" in (el.get("PartName", "") + el.get("Target", "")):
                root.remove(el)
        files[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return files


def make_docx(path: Path | str, body: str, *, parts: dict[str, str] | None = None,
              root_attrs: str = "") -> Path:
    """Write a small, valid .docx whose w:body holds ``body`` (WordprocessingML using the w: and r:
    prefixes) on python-docx's default styles.  ``parts`` maps e.g. "word/comments.xml" to its
    full XML text (see ``wml_part``); each gets its content type and a relationship
    (rId101, rId102, ... in sorted name order; header1/footer1 need a sectPr referring to them)."""
    path = Path(path)
    files = dict(_template())
    ct = etree.fromstring(files["[Content_Types].xml"])
    rels = etree.fromstring(files["word/_rels/document.xml.rels"])
    for i, name in enumerate(sorted(parts or {}), start=101):
        ctype, rtype = _PART_TYPES[name]
        etree.SubElement(ct, f"{{{_CT_NS}}}Override", PartName="/" + name,
                         ContentType="application/vnd.openxmlformats-officedocument."
                                     f"wordprocessingml.{ctype}+xml")
        etree.SubElement(rels, f"{{{_REL_NS}}}Relationship", Id=f"rId{i}", Target=name.split("/", 1)[1],
                         Type=f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rtype}")
        files[name] = parts[name].encode("utf-8")
    files["[Content_Types].xml"] = etree.tostring(ct, xml_declaration=True, encoding="UTF-8", standalone=True)
    files["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                           standalone=True)
    files["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document {WML_DECL} {root_attrs}><w:body>{body}</w:body></w:document>').encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return path


def wml_part(root: str, inner: str) -> str:
    """Full XML text of a WordprocessingML part, e.g. wml_part("comments", "<w:comment ...>")."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:{root} {WML_DECL}>{inner}</w:{root}>')


def para(*runs: str, ppr: str = "") -> str:
    """<w:p> with optional pPr (inner XML) and runs given as XML strings or plain text."""
    inner = "".join(r if r.lstrip().startswith("<") else run(r) for r in runs)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def run(text: str, *, deleted: bool = False, rpr: str = "") -> str:
    tag = "w:delText" if deleted else "w:t"
    return (f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}'
            f'<{tag} xml:space="preserve">{_esc(text)}</{tag}></w:r>')


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_REV = 'w:id="{id}" w:author="{author}" w:date="2024-01-02T03:04:05Z"'


def ins(*runs: str, id: int, author: str = "A") -> str:  # noqa: A002
    return f'<w:ins {_REV.format(id=id, author=author)}>{"".join(r if r.startswith("<") else run(r) for r in runs)}</w:ins>'


def dele(*texts: str, id: int, author: str = "A") -> str:  # noqa: A002
    inner = "".join(t if t.startswith("<") else run(t, deleted=True) for t in texts)
    return f'<w:del {_REV.format(id=id, author=author)}>{inner}</w:del>'


def mark(kind: str, id: int, author: str = "A") -> str:  # noqa: A002
    """A paragraph-mark revision for pPr: mark("ins", 5) -> <w:rPr><w:ins .../></w:rPr>."""
    return f'<w:rPr><w:{kind} {_REV.format(id=id, author=author)}/></w:rPr>'
