"""The XML limits: hardened parsers, and the checks every XML part passes (encoding, no
DOCTYPE, well-formed, root element, nesting, text node and paragraph sizes)."""
from __future__ import annotations

import codecs
import re

from lxml import etree

from ..errors import DocumentError, LimitError
from ..messages import msg
from .common import one_line
from .limits import Limits
from .opc import EXPECTED_ROOT
from .parsers import hardened_parser

W_ = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "s": "http://purl.oclc.org/ooxml/wordprocessingml/main"}
_LIBXML_MAX_DEPTH = 256
_LIBXML_MAX_TEXT = 10_000_000


_DOCTYPE = re.compile(rb"<!\s*DOCTYPE|<!\s*ENTITY", re.I)
_DOCTYPE_STR = re.compile(r"<!\s*DOCTYPE|<!\s*ENTITY", re.I)
_XML_ENCODINGS = {"UTF-8", "UTF8", "UTF-16", "UTF-16LE", "UTF-16BE"}
_XML_DECL_ENC = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def check_xml(data: bytes, part: str, where: str, limits: Limits, content_type: str | None = None,
               parser: etree.XMLParser | None = None) -> etree._Element:
    """Refuse an XML part that is not UTF-8/16, has a DOCTYPE, is malformed or too big,
    or (for a part python-docx models) has the wrong root element; return its root.

    The costly tree walks run only when a scan of the bytes cannot rule their finding
    out, so a normal part costs one parse."""
    wp = f"{where}: {part}"
    utf16 = None
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        utf16 = "utf-16"
    elif data[:2] == b"<\x00":  # UTF-16 without a byte-order mark, as XML allows
        utf16 = "utf-16-le"
    elif data[:2] == b"\x00<":
        utf16 = "utf-16-be"
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise DocumentError(msg("invalid UTF-16 at byte {offset}", offset=exc.start), where=wp)
        if _DOCTYPE_STR.search(text):
            raise DocumentError(msg("XML with a DOCTYPE (DTD or entity declarations) is refused: entities are never "
                                    "expanded or fetched"), where=wp)
        del text
    else:
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
        if not body:
            raise DocumentError(msg("empty XML part"), where=wp)
        m = _XML_DECL_ENC.match(body)
        if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            raise DocumentError(msg("XML encoding {encoding!r}; an Office part must be UTF-8 or UTF-16",
                                    encoding=m.group(1).decode("ascii")), where=wp)
        if _DOCTYPE.search(body):
            raise DocumentError(msg("XML with a DOCTYPE (DTD or entity declarations) is refused: entities are never "
                                    "expanded or fetched"), where=wp)
    try:
        root = etree.fromstring(data, parser if parser is not None else hardened_parser())
    except etree.XMLSyntaxError as exc:
        if not utf16:  # libxml2 refuses bad UTF-8 too; say where, as a person can look it up
            _check_utf8(body, wp)
        raise _xml_error(exc, wp, limits)
    if root is None:
        raise DocumentError(msg("empty XML part"), where=wp)
    tree = root.getroottree()
    info = tree.docinfo
    _refuse_parsed_doctype(info, wp)
    expected = EXPECTED_ROOT.get(content_type or "")
    if expected is not None and root.tag != expected:
        raise DocumentError(msg("root element {found} where its content type needs {needed}",
                                found=_clark_to_text(root.tag), needed=_clark_to_text(expected)), where=wp)
    if expected == W_ + "document" and root.find(W_ + "body") is None:
        raise DocumentError(msg("the document has no <w:body>"), where=wp)
    if (info.encoding or "UTF-8").upper().replace("_", "-") not in _XML_ENCODINGS:
        raise DocumentError(msg("XML encoding {encoding!r}; an Office part must be UTF-8 or UTF-16",
                                encoding=info.encoding), where=wp)
    if limits.max_xml_depth < _LIBXML_MAX_DEPTH:  # deeper than libxml2's own ceiling fails to parse
        deep = etree.XPath("/*" * (limits.max_xml_depth + 1))(root)
        if deep:
            raise LimitError(msg("XML nested deeper than {depth} levels (Limits.max_xml_depth) at {path}",
                                 depth=limits.max_xml_depth, path=_short_path(tree, deep[0])), where=wp)
    n = limits.max_text_chars
    big = (utf16 or _has_long_stretch(data, n)) and etree.XPath(
        f"(//text()[string-length(.) > {n}] | //@*[string-length(.) > {n}])[1]")(root)
    if big:
        node = big[0]
        owner = node.getparent() if hasattr(node, "getparent") else None
        at = f" in {_short_path(tree, owner)}" if owner is not None else ""
        raise LimitError(msg("a text node or attribute of over {limit:,} characters{at} (Limits.max_text_chars)",
                             limit=n, at=at), where=wp)
    m = limits.max_paragraph_chars
    para = (utf16 or _may_hold_long_paragraph(data, m)) and etree.XPath(
        f"(//w:p[string-length(.) > {m}] | //s:p[string-length(.) > {m}])[1]", namespaces=P_NS)(root)
    if para:
        raise LimitError(msg("a paragraph of {count:,} characters, over the {limit:,} limit "
                             "(Limits.max_paragraph_chars) at {path}", count=len(para[0].xpath("string(.)")), limit=m,
                             path=_short_path(tree, para[0])), where=wp)
    return root


def _has_long_stretch(data: bytes, n: int) -> bool:
    """False only when ``data`` (UTF-8) surely has no ``n`` bytes in a row without a "<",
    so no text node or attribute value can be ``n`` characters long (entities only
    shrink text).  Such a stretch would cover a whole aligned block of ``n // 2`` bytes,
    so one C search per block decides.  CDATA can hide "<" inside text: then True."""
    if len(data) < n:
        return False
    if b"<![CDATA[" in data:
        return True
    h = max(n // 2, 1)
    return any(data.find(b"<", k, k + h) < 0 for k in range(0, len(data) - h + 1, h))


_P_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s>/]")


def _may_hold_long_paragraph(data: bytes, m: int) -> bool:
    """False only when no paragraph can hold ``m`` characters of text: the part is smaller
    than that, or (no text boxes, so paragraphs do not nest) there are no ``m`` bytes in a
    row without a paragraph start - checked, as above, one aligned block of ``m // 2``
    bytes at a time."""
    if len(data) < m:
        return False
    if b"txbxContent" in data or b"textbox" in data:
        return True
    h = max(m // 2, 1)
    return any(_P_START.search(data, k, k + h) is None for k in range(0, len(data) - h + 1, h))


def _refuse_parsed_doctype(info, wp: str) -> None:
    """The second look: a DOCTYPE the byte scan missed (an encoding it does not read)."""
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise DocumentError(msg("XML with a DOCTYPE (DTD or entity declarations) is refused: entities are never "
                                "expanded or fetched"), where=wp)


def _check_utf8(body: bytes, wp: str) -> None:
    dec = codecs.getincrementaldecoder("utf-8")("strict")
    for off in range(0, len(body), 1 << 20):
        try:
            dec.decode(body[off:off + (1 << 20)], final=off + (1 << 20) >= len(body))
        except UnicodeDecodeError as exc:
            raise DocumentError(msg("invalid UTF-8 at byte {offset:,}", offset=off + exc.start), where=wp)
    if not body:
        raise DocumentError(msg("empty XML part"), where=wp)


def _xml_error(exc: etree.XMLSyntaxError, wp: str, limits: Limits) -> DocumentError:
    text = one_line(exc.msg or exc)
    line = f" (line {exc.lineno})" if exc.lineno else ""
    m = re.match(r"Namespace prefix (\S+) (?:for (\S+) )?on (\S+) is not defined", text)
    if m:
        return DocumentError(msg("undeclared namespace prefix '{prefix}' on <{element}>{line}", prefix=m.group(1),
                                 element=m.group(3), line=line), where=wp)
    if "amplification" in text or "Detected an entity reference loop" in text:
        return DocumentError(msg("XML entity expansion refused (a 'billion laughs' DOCTYPE){line}", line=line),
                             where=wp)
    if "Excessive depth" in text:
        return LimitError(msg("XML nested deeper than {depth} levels (Limits.max_xml_depth){line}",
                              depth=min(limits.max_xml_depth, _LIBXML_MAX_DEPTH), line=line), where=wp)
    if "Resource limit" in text or "huge" in text.lower() or "too long" in text or "XML_PARSE_HUGE" in text:
        return LimitError(msg("a text node or attribute over the parser's {limit:,} byte limit "
                              "(Limits.max_text_chars){line}", limit=_LIBXML_MAX_TEXT, line=line), where=wp)
    if "encoding" in text.lower() or "Invalid bytes" in text or "Char 0x" in text:
        return DocumentError(msg("bad character encoding: {reason}{line}", reason=_no_position(text), line=line),
                             where=wp)
    return DocumentError(msg("not well-formed XML: {reason}{line}", reason=_no_position(text), line=line), where=wp)


def _no_position(text: str) -> str:
    """libxml2's message without its trailing ', line N, column M' (the line is said apart)."""
    return re.sub(r", line [0-9]+, column [0-9]+$", "", text)


def _clark_to_text(tag: object) -> str:
    """'{ns}local' -> '<local> (namespace ns)', short enough for a one-line message."""
    if not isinstance(tag, str):
        return "<?>"
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        if tag.startswith(W_):
            return f"<w:{local}>"
        return f"<{local}> (namespace {ns[:80]})"
    return f"<{tag[:80]}> (no namespace)"


def _short_path(tree, el) -> str:
    try:
        path = tree.getpath(el)
    except (ValueError, TypeError):
        return "?"
    return path if len(path) <= 80 else "..." + path[-77:]
