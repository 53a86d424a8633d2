"""The Open Packaging Conventions side of a .docx: content types, relationships, and the
check that the package is a Word document whose every reachable part exists and is typed."""
from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

from ..errors import DocumentError
from ..messages import msg
from .parsers import hardened_parser

CT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
CT_DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_DOTM = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
OTHER_OFFICE = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": msg("an Excel workbook (.xlsx)"),
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": msg("an Excel workbook (.xlsm)"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": msg("an Excel template (.xltx)"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml":
        msg("a PowerPoint presentation (.pptx)"),
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": msg("a PowerPoint presentation (.pptm)"),
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": msg("a PowerPoint show (.ppsx)"),
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml":
        msg("a PowerPoint template (.potx)"),
}
RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
RT_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
P_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
         "s": "http://purl.oclc.org/ooxml/wordprocessingml/main"}
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"

W_ = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
# The root element each python-docx-modelled part must have (a part with another root
# loads, then breaks whatever touches it).
EXPECTED_ROOT = {
    CT_DOCX: W_ + "document", CT_DOTX: W_ + "document",
    _WML + "styles+xml": W_ + "styles", _WML + "numbering+xml": W_ + "numbering",
    _WML + "settings+xml": W_ + "settings", _WML + "header+xml": W_ + "hdr", _WML + "footer+xml": W_ + "ftr",
    _WML + "comments+xml": W_ + "comments", _WML + "footnotes+xml": W_ + "footnotes",
    _WML + "endnotes+xml": W_ + "endnotes", _WML + "fontTable+xml": W_ + "fonts",
    "application/vnd.openxmlformats-package.core-properties+xml":
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}coreProperties",
}
RELS_CT = "application/vnd.openxmlformats-package.relationships+xml"


def looks_xml(name: str) -> bool:
    low = name.lower()
    return low.endswith(".xml") or low.endswith(".rels")


def is_xml(name: str, content_types: dict[str, str]) -> bool:
    """Parts checked as XML: *.xml, *.rels and XML content types - but not images
    (an SVG often carries a harmless DOCTYPE; no stage parses images)."""
    if looks_xml(name):
        return True
    ct = (content_type_for(content_types, name) or "").lower()
    if ct.startswith("image/"):
        return False
    return ct.endswith("+xml") or ct in ("application/xml", "text/xml")


def content_type_for(content_types: dict[str, str], name: str) -> str | None:
    key = "/" + name.lower()
    if key in content_types:
        return content_types[key]
    ext = posixpath.splitext(name)[1][1:].lower()
    return content_types.get("ext:" + ext)


def parse_content_types(data: bytes, where: str) -> dict[str, str]:
    root = etree.fromstring(data, hardened_parser())
    wp = f"{where}: {CONTENT_TYPES}"
    if root.tag != f"{{{NS_CT}}}Types":
        raise DocumentError(msg("not a content-types part (root element {tag!r})", tag=root.tag), where=wp)
    out: dict[str, str] = {}
    for el in root:
        if el.tag == f"{{{NS_CT}}}Default":
            ext, ct = el.get("Extension"), el.get("ContentType")
            if ext is None or ct is None:
                raise DocumentError(msg("a Default without Extension or ContentType"), where=wp)
            out["ext:" + ext.lower()] = ct
        elif el.tag == f"{{{NS_CT}}}Override":
            name, ct = el.get("PartName"), el.get("ContentType")
            if name is None or ct is None:
                raise DocumentError(msg("an Override without PartName or ContentType"), where=wp)
            out[name.lower()] = ct
    return out


def part_rels_name(partname: str) -> str:
    """'/word/document.xml' -> 'word/_rels/document.xml.rels'; '/' -> '_rels/.rels'."""
    base, fname = posixpath.split(partname)
    return posixpath.join(base, "_rels", fname + ".rels").lstrip("/")


def relationships(xml: bytes, where: str) -> list[tuple[str, str, str, bool]]:
    root = etree.fromstring(xml, hardened_parser())
    if root.tag != f"{{{NS_RELS}}}Relationships":
        raise DocumentError(msg("not a relationships part (root element {tag!r})", tag=root.tag), where=where)
    rels = []
    for el in root:
        if el.tag != f"{{{NS_RELS}}}Relationship":
            continue
        rid, rtype, target = el.get("Id"), el.get("Type"), el.get("Target")
        if rid is None or rtype is None or target is None:
            raise DocumentError(msg("a Relationship without Id, Type or Target"), where=where)
        rels.append((rid, rtype, target, el.get("TargetMode") == "External"))
    return rels


def check_package(infos: list[zipfile.ZipInfo], content_types: dict[str, str], rels_parts: dict[str, bytes],
                   where: str) -> tuple[str, str, set[str]]:
    """Find the main part and walk the relationships as python-docx will: the main part's
    zip name, the kind ("docx" / "dotx"), and the part names ("/word/styles.xml") reached."""
    names = {i.filename for i in infos}
    if PACKAGE_RELS not in rels_parts:
        raise DocumentError(msg("no package relationships (_rels/.rels): not an Office Open XML package"),
                            where=where)
    pkg_rels = relationships(rels_parts[PACKAGE_RELS], f"{where}: {PACKAGE_RELS}")
    main_targets = [(t, ext) for _id, rt, t, ext in pkg_rels if rt == RT_OFFICE_DOCUMENT]
    if not main_targets:
        if any(rt == RT_STRICT_OFFICE_DOCUMENT for _id, rt, _t, _e in pkg_rels):
            raise DocumentError(msg("a Strict Open XML document, which redline does not read"), where=where,
                                hint=msg("save it in Word as a plain 'Word Document (.docx)'"))
        raise DocumentError(msg("no main document part (no officeDocument relationship in _rels/.rels)"),
                            where=where)
    if len(main_targets) > 1:
        raise DocumentError(msg("more than one main document part (officeDocument relationship) in _rels/.rels"),
                            where=where)
    target, external = main_targets[0]
    if external:
        raise DocumentError(msg("the main document part is an external link"), where=where)
    main_partname = posixpath.normpath(posixpath.join("/", target))
    main = main_partname.lstrip("/")
    if main not in names:
        raise DocumentError(msg("the main document part {main} is missing", main=main), where=where)
    ct = content_types.get(main_partname.lower()) or content_types.get(
        "ext:" + posixpath.splitext(main)[1][1:].lower())
    if ct == CT_DOCX:
        kind = "docx"
    elif ct == CT_DOTX:
        kind = "dotx"
    elif ct in (CT_DOCM, CT_DOTM):
        what = msg("a macro-enabled document (.docm)") if ct == CT_DOCM else msg("a macro-enabled template (.dotm)")
        raise DocumentError(msg("{what}: redline does not open files that carry macros", what=what), where=where,
                            hint=msg("in Word, save a copy as 'Word Document (.docx)' and use that"))
    elif ct in OTHER_OFFICE:
        raise DocumentError(msg("{what}, not a Word document", what=OTHER_OFFICE[ct]), where=where)
    else:
        raise DocumentError(msg("the main part {main} has content type {ct!r}, not a Word document", main=main, ct=ct),
                            where=where)
    # Walk every part reachable through internal relationships, as python-docx does.
    seen: set[str] = set()
    queue = ["/"]
    while queue:
        source = queue.pop()
        rels_name = part_rels_name(source)
        if rels_name not in rels_parts:
            continue
        base = posixpath.split(source)[0] if source != "/" else "/"
        for rid, _rt, target, external in relationships(rels_parts[rels_name], f"{where}: {rels_name}"):
            if external:
                continue
            partname = posixpath.normpath(posixpath.join(base, target))
            if partname in seen:
                continue
            seen.add(partname)
            member = partname[1:]
            if member not in names:
                raise DocumentError(msg("relationship {rid} points at a missing part {member}", rid=rid, member=member),
                                    where=where, part=rels_name)
            if content_type_for(content_types, member) is None:
                raise DocumentError(msg("part {member} has no content type in [Content_Types].xml", member=member),
                                    where=where)
            queue.append(partname)
    return main, kind, seen
