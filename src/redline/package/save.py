"""Saving: ``save_docx`` (python-docx's document, only the changed parts serialised) and
``save_parts`` (the original with some parts replaced), both through the guarded writer
(``output.py``).

``save_docx(..., dirty=...)`` writes the original zip with only what changed made
afresh: entries not in ``dirty`` are copied from the original unchanged (local
header regenerated, compressed data copied raw, same name, order and timestamp);
entries in ``dirty``, parts python-docx added and relationship parts whose
relationships changed are serialised from python-docx one by one (never the whole
package: a report's images are not deflated again only to be thrown away), and
``[Content_Types].xml`` is the original's plus the added parts; an entry in
``dirty`` that python-docx no longer has is dropped.  ``dirty=None`` is a plain
python-docx save.
"""
from __future__ import annotations

import io
import os
import posixpath
import zipfile
from pathlib import Path
from typing import Iterable

from lxml import etree

from ..errors import DocumentError, OutputError
from ..messages import msg
from .common import one_line
from .opc import CONTENT_TYPES, CT_DOCX, CT_DOTX, NS_CT, PACKAGE_RELS, RELS_CT, content_type_for, relationships
from .output import check_outputs, write_output
from .source import SourcePackage
from .parsers import hardened_parser
from .zipwrite import Body, NeedZip64, Streamed, merge_bytes, merge_zipfile, now_dos


def default_output(draft: str | os.PathLike) -> Path:
    """``<draft stem>.redline.docx`` beside the draft."""
    d = Path(draft)
    return d.with_name(d.stem + ".redline.docx")


def save_docx(doc, output: str | os.PathLike, *, original: SourcePackage | None = None,
              dirty: Iterable[str] | None = None, force: bool = False,
              input_path: str | os.PathLike | None = None, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Write ``doc`` to ``output`` through the guarded writer (``output.py``): never over
    ``input_path``, the original's path or any of ``inputs``; an existing file only with
    ``force``.  The output path is checked before the document is serialised."""
    source = original if original is not None else getattr(doc, "_redline_source", None)
    protect = [input_path, source.path if source is not None else None, *inputs]
    check_outputs([output], inputs=protect, force=force)
    return write_output(output, docx_bytes(doc, original=source, dirty=dirty, where=str(output)), inputs=protect,
                        force=force)


def docx_bytes(doc, *, original: SourcePackage | None = None, dirty: Iterable[str] | None = None,
               where: str | None = None) -> bytes:
    """The .docx file ``doc`` makes, as bytes.

    ``original`` defaults to ``doc._redline_source``.  ``dirty`` names the zip entries redline
    changed ("word/document.xml", "word/comments.xml", ...); only those are serialised,
    and every other original entry is copied unchanged.  Relationship parts whose
    relationships python-docx changed, parts python-docx added, and
    ``[Content_Types].xml`` when a part was added or dropped are written too, even if
    not named.  ``dirty=None``, or a document without an original, is a plain
    python-docx save."""
    source = original if original is not None else getattr(doc, "_redline_source", None)
    try:
        if dirty is not None and source is not None:
            replaced, drop = _changed_entries(doc, source, {d.lstrip("/") for d in dirty} | set(source.always_dirty))
            return merged(source, replaced, drop)
        buf = io.BytesIO()
        doc.part.package.save(buf)
        return buf.getvalue()
    except (DocumentError, OutputError):
        raise
    except Exception as exc:
        raise OutputError(msg("cannot serialise the document ({kind}: {reason})", kind=type(exc).__name__,
                              reason=one_line(exc)), where=where)


def save_parts(source: SourcePackage, output: str | os.PathLike, replaced: dict[str, bytes], *,
               force: bool = False, input_path: str | os.PathLike | None = None,
               inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Write the original package with the entries in ``replaced`` given new bytes
    (deflated afresh; a name not in the original is appended), every other entry copied
    raw, byte for byte; through the guarded writer, never over ``input_path``, the
    original's path or any of ``inputs``.  For stages that edit parts as XML without
    python-docx; the caller keeps relationships and content types consistent.
    """
    protect = [input_path, source.path, *inputs]
    check_outputs([output], inputs=protect, force=force)
    return write_output(output, merged(source, dict(replaced), set()), inputs=protect, force=force)


def _changed_entries(doc, source: SourcePackage, dirty: set[str]) -> tuple[dict[str, Body], set[str]]:
    """The entries a merged save writes afresh, each serialised on its own (python-docx's
    whole-package save would serialise and deflate every part, images included, only for
    the copies to be thrown away): new bytes by name, and the names to drop.

    Taken from python-docx: the parts named in ``dirty``; parts it added; relationship
    parts it added, or whose relationships differ from the original's (a safety net for a
    caller that forgot a name); ``[Content_Types].xml`` - the original's, with the parts
    added and dropped - when parts were added or dropped, or when ``dirty`` names it.  A
    dirty name python-docx no longer has is dropped."""
    package = doc.part.package
    parts = list(package.iter_parts())
    original = set(source.names())
    replaced: dict[str, Body] = {}
    added: dict[str, str] = {}  # name -> content type
    rels = [(PACKAGE_RELS, package.rels)]
    rels += [(part.partname.rels_uri.membername, part.rels) for part in parts if len(part.rels)]
    for name, rel in rels:
        xml = rel.xml
        if name not in original:
            added[name] = RELS_CT
            replaced[name] = xml
        elif name in dirty or _rels_key(source.read(name), name) != _rels_key(xml, name):
            replaced[name] = xml
    have = {name for name, _ in rels}
    for part in parts:
        name = part.partname.membername
        have.add(name)
        if name not in original or name in dirty:
            replaced[name] = _body(part)
            if source.content_type(name) != part.content_type:  # new, or over an unlinked entry
                added[name] = part.content_type
    drop = {name for name in dirty if name in original and name not in have and name != CONTENT_TYPES}
    # OPC names are case-insensitive: a new part must not sit beside an unlinked original
    # entry that differs only in case ("word/Comments.xml"); that entry goes
    folded = {name.lower(): name for name in replaced if name not in original}
    drop |= {name for name in original if name.lower() in folded and name != folded[name.lower()]}
    if added or drop or CONTENT_TYPES in dirty:
        replaced[CONTENT_TYPES] = _content_types_after(source, added, drop)
    return replaced, drop




class _XmlPartBody(Streamed):
    """An XML part serialised straight into the zip writer's deflater, in libxml2's 4 KB
    pieces: the same bytes as python-docx's ``XmlPart.blob`` (``etree.tostring`` with
    UTF-8 and standalone="yes"), never held whole."""

    def __init__(self, element: etree._Element) -> None:
        self.element = element

    def write_to(self, sink) -> None:
        etree.ElementTree(self.element).write(sink, encoding="UTF-8", standalone=True)


def _body(part) -> Body:
    """What a part writes: streamed for a plain python-docx XML part whose element is a
    document's root with nothing beside it (writing the tree also writes a DTD and the
    comments or processing instructions around the root, which ``tostring`` of the element
    leaves out); ``part.blob`` otherwise."""
    from docx.opc.part import XmlPart

    element = getattr(part, "_element", None)
    if (isinstance(part, XmlPart) and type(part).blob is XmlPart.blob and element is not None
            and element.getparent() is None and element.getprevious() is None and element.getnext() is None
            and element.getroottree().docinfo.internalDTD is None):
        return _XmlPartBody(element)
    return part.blob


def _content_types_after(source: SourcePackage, added: dict[str, str], drop: set[str]) -> bytes:
    """The original ``[Content_Types].xml`` with an Override for each part in ``added`` (new,
    or written over an entry typed otherwise) that its Defaults do not already type, none
    for a dropped part, and a template's main part typed as a document."""
    xml = source.read(CONTENT_TYPES)
    if source.kind == "dotx":
        xml = xml.replace(CT_DOTX.encode(), CT_DOCX.encode())
    if not added and not drop:
        return xml
    root = etree.fromstring(xml, hardened_parser())
    gone = {"/" + name.lower() for name in drop} | {"/" + name.lower() for name in added}
    for el in list(root):
        if el.tag == f"{{{NS_CT}}}Override" and (el.get("PartName") or "").lower() in gone:
            root.remove(el)
    defaults = {"ext:" + (el.get("Extension") or "").lower(): el.get("ContentType")
                for el in root if el.tag == f"{{{NS_CT}}}Default"}
    for name, ct in added.items():
        if content_type_for(defaults, name) != ct:
            el = etree.SubElement(root, f"{{{NS_CT}}}Override")
            el.set("PartName", "/" + name)
            el.set("ContentType", ct)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def merged(source: SourcePackage, replaced: dict[str, Body], drop: set[str]) -> bytes:
    """The original zip with ``replaced`` entries given new bytes (deflated afresh; a
    name not in the original is appended) and ``drop`` left out; every other entry is
    copied raw, byte for byte."""
    names = set(source.names())
    append = []
    for name in replaced:
        if name not in names:
            info = zipfile.ZipInfo(name, now_dos())
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            append.append(info)
    try:
        return merge_bytes(source, drop=drop, append=append, replacements=replaced)
    except NeedZip64:
        return merge_zipfile(source, drop=drop, append=append, replacements=replaced)


def _rels_key(xml: bytes, rels_name: str) -> set[tuple]:
    """The meaning of a relationships part: (Id, Type, resolved target, external)."""
    try:
        rels = relationships(xml, rels_name)
    except (DocumentError, etree.XMLSyntaxError):
        return {("unreadable", xml)}
    # 'word/_rels/document.xml.rels' -> base '/word'
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    base = "/" + folder if folder else "/"
    return {(rid, rt, t if ext else posixpath.normpath(posixpath.join(base, t)), ext) for rid, rt, t, ext in rels}
