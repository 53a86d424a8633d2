"""Opening: ``open_docx`` (vetted, then python-docx built around what vetting parsed) and
``vet_docx`` (the same checks, without python-docx)."""
from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import DocumentError, LimitError
from ..messages import msg
from .common import one_line
from .inputs import read_input
from .limits import DEFAULT_LIMITS, Limits
from .opc import (CONTENT_TYPES, CT_DOCX, CT_DOTX, check_package, content_type_for, is_xml,
                  parse_content_types)
from .sniff import sniff
from .source import SourcePackage
from .parsers import docx_parser, hardened_parser
from .xmlcheck import check_xml
from .zipread import ZIP_ERRORS, check_directory, count_central_records, read_entry


def open_docx(path: str | os.PathLike, limits: Limits | None = None):
    """Open ``path`` safely and return a python-docx ``Document`` (see the module doc).

    The result carries the vetted original as ``doc._redline_source`` (``SourcePackage``).
    Raises ``DocumentError`` (``LimitError`` for a safety limit) for any bad input.
    """
    limits = limits or DEFAULT_LIMITS
    p = Path(path)
    where = str(path)
    data = _read_file(p, where, limits)
    sniff(data, where)
    source, parts = vet_zip(p, data, where, limits, for_python_docx=True)
    doc = load_python_docx(source, parts, where)
    doc._redline_source = source
    return doc


def vet_docx(path: str | os.PathLike, limits: Limits | None = None) -> SourcePackage:
    """All of ``open_docx``'s checks without python-docx: the vetted ``SourcePackage``."""
    limits = limits or DEFAULT_LIMITS
    p = Path(path)
    data = _read_file(p, str(path), limits)
    sniff(data, str(path))
    return vet_zip(p, data, str(path), limits)[0]


def _read_file(p: Path, where: str, limits: Limits) -> bytes:
    data = read_input(p, limit=limits.max_file_bytes, error=DocumentError, limit_error=LimitError,
                      limit_name="Limits.max_file_bytes", where=where)
    if not data:
        raise DocumentError(msg("empty file (0 bytes), not a .docx"), where=where)
    return data


def python_docx_xml_types() -> frozenset[str]:
    """Content types python-docx builds an XML part around (parsing its bytes with its own
    parser); a template's main part counts, as it is given python-docx typed as a document."""
    from docx.opc.part import PartFactory, XmlPart

    return frozenset({ct for ct, cls in PartFactory.part_type_for.items()
                      if issubclass(cls, XmlPart) and cls.load.__func__ is XmlPart.load.__func__} | {CT_DOTX})


@dataclass
class Inflated:
    """What vetting already inflated and parsed, handed on to python-docx so that no part
    is decompressed or parsed twice: by zip name, the bytes of ``[Content_Types].xml`` and
    the relationship parts, and the parsed roots (with python-docx's element classes) of the
    parts python-docx will model as XML."""

    blobs: dict[str, bytes] = field(default_factory=dict)
    trees: dict[str, etree._Element] = field(default_factory=dict)


def vet_zip(p: Path, data: bytes, where: str, limits: Limits, *,
             for_python_docx: bool = False) -> tuple[SourcePackage, Inflated]:
    count_central_records(data, where, limits)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        if data.startswith(b"PK\x03\x04"):
            raise DocumentError(msg("truncated or corrupt zip: {reason}", reason=one_line(exc)), where=where)
        raise DocumentError(msg("not a .docx file (not a valid zip archive: {reason})", reason=one_line(exc)),
                            where=where)
    except ZIP_ERRORS as exc:
        raise DocumentError(msg("corrupt zip: {reason}", reason=one_line(exc)), where=where)
    with zf:
        infos = zf.infolist()
    starts = check_directory(data, infos, where, limits)
    types_raw = find_entry(infos, CONTENT_TYPES)
    # content types are needed to know which entries are XML: read that part first
    if types_raw is None:
        raise DocumentError(msg("no [Content_Types].xml (not an Office Open XML package)"), where=where)
    total = [0]
    stored = memoryview(data)
    ct_bytes = read_entry(stored[starts[CONTENT_TYPES]:][:types_raw.compress_size], types_raw, where, limits,
                           is_xml=True, total=total)
    check_xml(ct_bytes, CONTENT_TYPES, where, limits)
    content_types = parse_content_types(ct_bytes, where)
    parser = docx_parser() if for_python_docx else hardened_parser()
    kept = Inflated()

    def vet(info: zipfile.ZipInfo) -> tuple[bytes, etree._Element | None]:
        xml_part = is_xml(info.filename, content_types)
        body = read_entry(stored[starts[info.filename]:][:info.compress_size], info, where, limits, is_xml=xml_part,
                           total=total)
        if not xml_part:
            return body, None
        return body, check_xml(body, info.filename, where, limits, content_type_for(content_types, info.filename),
                                parser)

    # The relationship parts first (small): they say which parts python-docx will load.
    entries = [i for i in infos if not i.is_dir() and i is not types_raw]
    rels_parts: dict[str, bytes] = {}
    for info in entries:
        if info.filename.endswith(".rels"):
            rels_parts[info.filename] = vet(info)[0]
    main, kind, reachable = check_package(infos, content_types, rels_parts, where)
    # Then every other entry.  Of the trees, only those python-docx will build a part around
    # are kept (reachable, and of a type it models as XML); the rest are dropped once checked.
    modelled = python_docx_xml_types() if for_python_docx else frozenset()
    for info in entries:
        if info.filename.endswith(".rels"):
            continue
        root = vet(info)[1]
        name = info.filename
        if root is not None and "/" + name in reachable and content_type_for(content_types, name) in modelled:
            kept.trees[name] = root
        root = None  # not alive while the next part is parsed
    if for_python_docx:
        kept.blobs = {CONTENT_TYPES: ct_bytes, **rels_parts}
    source = SourcePackage(path=Path(os.path.abspath(p)), data=data, infos=infos, main_part=main,
                           content_types=content_types, kind=kind)
    if kind == "dotx":
        source.always_dirty = frozenset({CONTENT_TYPES})
    return source, kept


def find_entry(infos: list[zipfile.ZipInfo], name: str) -> zipfile.ZipInfo | None:
    for i in infos:
        if i.filename == name:
            return i
    return None


def load_python_docx(source: SourcePackage, inflated: Inflated, where: str):
    """python-docx's ``Document`` over the vetted package, without reading it again.

    This is python-docx's own ``Package.open`` with two inputs swapped: its package
    reader gets the bytes vetting already inflated (not the zip), and every part
    python-docx would parse as XML is built around the tree vetting already parsed
    with python-docx's element classes.  A template's main part is typed as a document
    (see the module doc)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.package import Unmarshaller
    from docx.opc.packuri import PACKAGE_URI
    from docx.opc.part import PartFactory, XmlPart
    from docx.opc.pkgreader import PackageReader, _ContentTypeMap
    from docx.package import Package

    blobs, trees = inflated.blobs, inflated.trees
    if source.kind == "dotx":
        blobs[CONTENT_TYPES] = blobs[CONTENT_TYPES].replace(CT_DOTX.encode(), CT_DOCX.encode())
    selector = PartFactory.__dict__.get("part_class_selector")

    def make_part(partname, content_type, reltype, blob, package):
        cls = (selector(content_type, reltype) if selector else None) or PartFactory._part_cls_for(content_type)
        tree = trees.get(partname.membername)
        if tree is not None and issubclass(cls, XmlPart) and cls.load.__func__ is XmlPart.load.__func__:
            return cls(partname, content_type, tree, package)
        if tree is not None:  # the reader held back the bytes of a part with a tree: read them now
            blob = source.read(partname.membername)
        return cls.load(partname, content_type, blob, package)

    reader = _InflatedReader(source, blobs, set(trees))
    try:
        content_types = _ContentTypeMap.from_xml(reader.content_types_xml)
        pkg_srels = PackageReader._srels_for(reader, PACKAGE_URI)
        sparts = PackageReader._load_serialized_parts(reader, pkg_srels, content_types)
        package = Package()
        Unmarshaller.unmarshal(PackageReader(content_types, pkg_srels, sparts), package, make_part)
        part = package.main_document_part
        if part.content_type != CT.WML_DOCUMENT_MAIN:
            raise ValueError(f"the main part has content type {part.content_type}")
        return part.document
    except (DocumentError, MemoryError):
        raise
    except Exception as exc:  # input python-docx cannot model: bad input, not a redline bug
        raise DocumentError(msg("python-docx cannot read it ({kind}: {reason})", kind=type(exc).__name__,
                                reason=one_line(exc)), where=where)


class _InflatedReader:
    """python-docx's physical package reader interface over what vetting inflated.  A part
    with a parsed tree gets no bytes (b""; ``make_part`` builds it around the tree, so
    document.xml is not inflated a second time); any other entry (an image, a theme) is
    read from the vetted zip bytes."""

    def __init__(self, source: SourcePackage, blobs: dict[str, bytes], with_tree: set[str]) -> None:
        self.source, self.blobs, self.with_tree = source, blobs, with_tree

    def blob_for(self, pack_uri) -> bytes:
        name = pack_uri.membername
        if name in self.blobs:
            return self.blobs[name]
        if name in self.with_tree:
            return b""
        return self.source.read(name)  # KeyError for a missing entry, as python-docx's zip reader

    @property
    def content_types_xml(self) -> bytes:
        return self.blobs[CONTENT_TYPES]

    def rels_xml_for(self, source_uri) -> bytes | None:
        name = source_uri.rels_uri.membername
        return self.blob_for(source_uri.rels_uri) if self.source.has(name) else None

    def close(self) -> None:
        pass
