"""Word automatic numbering: labels computed from numbering.xml as Word draws them."""
from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from redline.sections.numbering import compute_labels, compute_numbering, format_number, to_letter, to_roman
from redline.ooxml import iter_blocks


def lvl(ilvl, fmt="decimal", text=None, start=1, extra=""):
    text = text if text is not None else f"%{ilvl + 1}."
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def make(numbering: str, paras, styles: str = ""):
    """paras: (text, numId|None, ilvl|None[, style]) tuples; "TABLE:<numId>:<ilvl>" adds a table
    whose cell paragraph is numbered."""
    d = docx.Document()
    d.part.numbering_part._element = parse_xml(f'<w:numbering {nsdecls("w")}>{numbering}</w:numbering>')
    if styles:
        for st in parse_xml(f'<w:styles {nsdecls("w")}>{styles}</w:styles>'):
            d.styles.element.append(st)
    for item in paras:
        if isinstance(item, str) and item.startswith("TABLE:"):
            _, nid, il = item.split(":")
            cell = d.add_table(rows=1, cols=1).cell(0, 0)
            _numpr(cell.paragraphs[0], int(nid), int(il))
            cell.paragraphs[0].add_run("in table")
            continue
        text, nid, il, *style = item
        p = d.add_paragraph(text)
        if style:
            p.style = d.styles[style[0]] if style[0] in [s.name for s in d.styles] else None
            if p.style is None:
                p._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="{style[0]}"/>'))
        if nid is not None or il is not None:
            _numpr(p, nid, il)
    return d


def _numpr(p, nid, il):
    inner = ""
    if il is not None:
        inner += f'<w:ilvl w:val="{il}"/>'
    if nid is not None:
        inner += f'<w:numId w:val="{nid}"/>'
    ppr = p._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}>{inner}</w:numPr>'))


def labels(d):
    blocks = list(iter_blocks(d.element.body))
    got = compute_labels(d, blocks)
    return [got.get(i) for i in range(len(blocks))]


MULTI = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman") + lvl(1, "decimal", "%2.")
         + lvl(2, "decimal", "%2.%3.") + lvl(3, "lowerLetter", "%4)") + '</w:abstractNum>'
         '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


def test_multilevel_counters_and_restart():
    d = make(MULTI, [("a", 1, 0), ("b", 1, 1), ("c", 1, 1), ("d", 1, 2), ("e", 1, 3), ("f", 1, 3),
                     ("g", 1, 0), ("h", 1, 1), ("i", 1, 2), ("plain", None, None)])
    assert labels(d) == ["I.", "1.", "2.", "2.1.", "a)", "b)", "II.", "1.", "1.1.", None]


def test_numid_zero_means_no_numbering_and_ignores_style():
    d = make(MULTI, [("a", 1, 0), ("b", 0, 0), ("c", 1, 0)])
    assert labels(d) == ["I.", None, "II."]


@pytest.mark.parametrize("fmt, values", [
    ("decimal", ["1.", "2.", "3."]),
    ("upperRoman", ["I.", "II.", "III."]),
    ("lowerRoman", ["i.", "ii.", "iii."]),
    ("upperLetter", ["A.", "B.", "C."]),
    ("lowerLetter", ["a.", "b.", "c."]),
    ("decimalZero", ["01.", "02.", "03."]),
    ("ordinalText", ["1.", "2.", "3."]),  # unknown formats fall back to decimal
])
def test_formats(fmt, values):
    numbering = (f'<w:abstractNum w:abstractNumId="0">{lvl(0, fmt)}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    d = make(numbering, [("x", 1, 0)] * 3)
    assert labels(d) == values


def test_bullet_and_none_formats():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "bullet", "\u2022") + lvl(1, "none", "")
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    d = make(numbering, [("x", 1, 0), ("y", 1, 1)])
    assert labels(d) == ["\u2022", ""]
    blocks = list(iter_blocks(d.element.body))
    info = compute_numbering(d, blocks)
    assert info[0].is_bullet and not info[1].is_bullet


def test_start_value_and_start_override():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "decimal", "%1.", start=3) + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>')
    d = make(numbering, [("a", 1, 0), ("b", 1, 0), ("c", 2, 0), ("d", 2, 0)])
    assert labels(d) == ["3.", "4.", "10.", "11."]


def test_nums_sharing_an_abstract_list_continue_its_count():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0) + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>')
    d = make(numbering, [("a", 1, 0), ("b", 2, 0), ("c", 1, 0)])
    assert labels(d) == ["1.", "2.", "3."]


def test_lvl_override_replaces_the_level():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0) + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="0">' + lvl(0, "upperLetter", "(%1)") + '</w:lvlOverride></w:num>')
    d = make(numbering, [("a", 1, 0), ("b", 1, 0)])
    assert labels(d) == ["(A)", "(B)"]


def test_lvl_restart_zero_never_restarts():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman")
                 + lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>') + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    d = make(numbering, [("a", 1, 0), ("b", 1, 1), ("c", 1, 1), ("d", 1, 0), ("e", 1, 1)])
    assert labels(d) == ["I.", "1.", "2.", "II.", "3."]


def test_lvl_restart_only_after_named_level():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman") + lvl(1)
                 + lvl(2, "lowerLetter", "%3)", extra='<w:lvlRestart w:val="1"/>') + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    # level 2 restarts only when level 0 (w:lvlRestart 1 -> after level 1 in 1-based terms) is used
    d = make(numbering, [("a", 1, 0), ("b", 1, 1), ("c", 1, 2), ("d", 1, 1), ("e", 1, 2),
                         ("f", 1, 0), ("g", 1, 2)])
    assert labels(d) == ["I.", "1.", "a)", "2.", "b)", "II.", "a)"]


def test_is_lgl_shows_levels_in_decimal():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman")
                 + lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>") + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    d = make(numbering, [("a", 1, 0), ("b", 1, 0), ("c", 1, 1)])
    assert labels(d) == ["I.", "II.", "2.1."]


def test_unused_higher_level_shows_its_start():
    d = make(MULTI, [("deep first", 1, 2)])
    assert labels(d) == ["1.1."]


STYLES = (
    '<w:style w:type="paragraph" w:styleId="H1x"><w:name w:val="H1x"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H2x"><w:name w:val="H2x"/><w:basedOn w:val="H1x"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="H3x"><w:name w:val="H3x"/><w:basedOn w:val="H1x"/></w:style>'
)


def test_numbering_inherited_through_style_and_based_on():
    numbering = ('<w:abstractNum w:abstractNumId="0">' + lvl(0, "upperRoman") + lvl(1)
                 + lvl(2, "decimal", "%2.%3.", extra='<w:pStyle w:val="H3x"/>') + '</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    d = make(numbering, [("a", None, None, "H1x"), ("b", None, None, "H2x"), ("c", None, None, "H3x"),
                         ("d", None, None, "H2x"), ("direct ilvl", None, 1, "H1x")], styles=STYLES)
    # H3x inherits numId from H1x; its level comes from the level whose pStyle names it
    assert labels(d) == ["I.", "1.", "1.1.", "2.", "3."]


def test_num_style_link():
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ListStyleX"/>' + lvl(0, "upperLetter")
        + '</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyleX"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    styles = ('<w:style w:type="numbering" w:styleId="ListStyleX"><w:name w:val="ListStyleX"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    d = make(numbering, [("a", 2, 0), ("b", 2, 0)], styles=styles)
    assert labels(d) == ["A.", "B."]


def test_table_paragraphs_count_but_get_no_label():
    d = make(MULTI, [("a", 1, 1), "TABLE:1:1", ("b", 1, 1)])
    assert labels(d) == ["1.", None, "3."]


def test_missing_definitions_do_not_crash():
    d = make("", [("a", 5, 0), ("b", 1, 0)])
    assert labels(d) == [None, None]


def test_document_without_numbering_part_is_not_modified(tmp_path):
    d = docx.Document()
    for rid, rel in list(d.part.rels.items()):
        if rel.reltype.endswith("/numbering"):
            d.part.drop_rel(rid)
    d.add_paragraph("x")
    before = {r.reltype for r in d.part.rels.values()}
    assert labels(d) == [None]
    assert {r.reltype for r in d.part.rels.values()} == before


def test_format_helpers():
    assert [to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I", "IV", "IX", "XIV", "XL", "XC", "CD", "MCMXCIV"]
    assert [to_letter(n) for n in (1, 26, 27, 28, 53)] == ["a", "z", "aa", "bb", "aaa"]
    assert format_number(3, "none") == ""
    assert format_number(7, "decimalZero") == "07" and format_number(12, "decimalZero") == "12"
