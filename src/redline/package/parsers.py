"""The hardened lxml parsers every XML part of an untrusted package is parsed with."""
from __future__ import annotations

from lxml import etree


def hardened_parser() -> etree.XMLParser:
    """The hardened parser: no entities, no DTD, no network, libxml2's size ceilings."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=False, recover=False)


def docx_parser() -> etree.XMLParser:
    """The hardened parser, set up exactly as python-docx's own (blank text between
    elements dropped, python-docx's element classes): the trees vetting parses are the
    ones python-docx is given.  A new parser per call: lxml parsers are not thread-safe."""
    from docx.oxml.parser import element_class_lookup

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=False, recover=False, remove_blank_text=True)
    parser.set_element_class_lookup(element_class_lookup)
    return parser
