"""Small WordprocessingML builders for test drafts typed in our own words: paragraphs with a
layout (bold, italic, centred), a bold label before plain text, and tables with merged cells.
Used with ``oracles.make_docx``."""
from __future__ import annotations

from oracles import para, run


def P(text: str, *, b: bool = False, i: bool = False, c: bool = False) -> str:  # noqa: N802
    """A paragraph: bold, italic, centred."""
    rpr = ("<w:b/>" if b else "") + ("<w:i/>" if i else "")
    return para(run(text, rpr=rpr) if rpr else run(text), ppr='<w:jc w:val="center"/>' if c else "")


def LB(label: str, text: str, *, tb: bool = False) -> str:  # noqa: N802
    """A bold label ("Điều 1.") then plain (or bold) text in the same paragraph."""
    return para(run(label, rpr="<w:b/>"), run(" " + text, rpr="<w:b/>" if tb else ""))


def bold(text: str) -> str:
    return para(run(text, rpr="<w:b/>"))


def cell(*paras: str, span: int = 1, merge: str | None = None) -> str:
    """A table cell of paragraphs (plain strings or XML), spanning ``span`` grid columns,
    starting ("restart") or continuing ("continue") a vertical merge."""
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        props += "<w:vMerge/>"
    inner = "".join(p if p.startswith("<") else para(p) for p in paras) or para("")
    return f'<w:tc><w:tcPr><w:tcW w:w="1400" w:type="dxa"/>{props}</w:tcPr>{inner}</w:tc>'


def row(*cells: str, header: bool = False) -> str:
    """A table row; ``header`` marks it w:tblHeader."""
    return f"<w:tr>{'<w:trPr><w:tblHeader/></w:trPr>' if header else ''}{''.join(cells)}</w:tr>"


def table(*rows: str, grid: int = 4) -> str:
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            "<w:tblGrid>" + '<w:gridCol w:w="1400"/>' * grid + "</w:tblGrid>" + "".join(rows) + "</w:tbl>")
