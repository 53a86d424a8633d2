"""The title block split into its addressable parts: the issuing authority, the number line,
the place and date, the document-type line (the title itself is ``Outline.title``).

Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) print them in a borderless header
table: authority over the number on the left, the national motto over "Hà Tĩnh, ngày ... tháng
... năm ..." on the right; then the document-type line ("QUYẾT ĐỊNH", "LUẬT") and the title
("trích yếu").  A draft law puts "Luật số: .../QH15" under "QUỐC HỘI".  Each part becomes a
special ``Section`` whose ``paragraphs`` are exactly its paragraphs, so "replace_text" in
"number" cannot touch the motto beside it.
"""
from __future__ import annotations

from .. import text as _text
from ..model import Outline, Section
from ..ooxml import W, paragraph_text
from . import documents as _docs
from .layout import Body

PART_NAMES = ("authority", "number", "date", "doc_type")


def _part(name: str, items: list[tuple[int, object]], texts: list[str]) -> Section:
    s = Section(address=name, label="", title=_text.clean(" ".join(texts)), level=0, heading=None,
                end=items[-1][0] + 1, kind="part")
    s.start_override = items[0][0]
    s.paragraphs = items
    return s


def title_block_parts(body: Body, outline: Outline) -> dict[str, Section]:
    """authority / number / date / doc_type of the main document, where found."""
    title = outline.title
    if title is None:
        return {}
    parts: dict[str, Section] = {}
    lo = max(0, title.start - 40)
    blocks = body.blocks
    # the document-type line: right above the title (past "(Dự thảo)")
    for i in range(title.start - 1, max(lo, title.start - 4) - 1, -1):
        t = _text.clean(body.texts.get(i, ""))
        if t and _docs.document_name(t, body.rules.doc_types):
            parts["doc_type"] = _part("doc_type", [(i, blocks[i])], [t])
            break
    first_cell = True
    for i in range(lo, title.start):
        b = blocks[i]
        if b.tag == W["tbl"]:
            for tc_index, tc in enumerate(b.iter(W["tc"])):
                paras = [(i, p) for p in tc.iter(W["p"])]
                texts = [_text.clean(paragraph_text(p, "current")) for _, p in paras]
                if first_cell and tc_index == 0:
                    keep = [(it, t) for it, t in zip(paras, texts)
                            if t and not _docs.RULE_RE.fullmatch(t) and not _docs.is_number_line(t)
                            and not _docs.fold(t).startswith("cong hoa")]
                    if keep:
                        parts["authority"] = _part("authority", [k for k, _ in keep], [t for _, t in keep])
                for item, t in zip(paras, texts):
                    _line_part(parts, item, t)
            first_cell = False
        else:
            _line_part(parts, (i, b), _text.clean(body.texts.get(i, "")))
    return parts


def _line_part(parts: dict, item, t: str) -> None:
    if not t:
        return
    if "number" not in parts and _docs.is_number_line(t):
        parts["number"] = _part("number", [item], [t])
    elif "date" not in parts and _docs.is_date_line(t):
        parts["date"] = _part("date", [item], [t])
