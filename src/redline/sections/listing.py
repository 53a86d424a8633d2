"""The outline as a reader and as a program see it: one model, two renderings.

``outline_dict(outline)`` is everything a letter can point at, in document order: the title
block's parts (authority, number, date, document type), the title, the preamble, the section
tree (each section with the data tables it holds), the tables outside any section, the
closing, the signature block, then each attached document (a Quy chế, a Phụ lục: its own
address space) with the same parts, and the outline's warnings.  A table lists its address
(what ``resolve`` takes: "Biểu số 02", "bảng 1", "Phụ lục 01:Biểu số 02"), caption, header
rows, columns (name, header path, tag) and body rows (number, the text that names the row,
the cells; a cell merged from the row above is null).

``outline_text(outline)`` renders that same dict as the lines ``redline outline`` prints, and
``redline outline --json`` prints the dict itself, so the two always agree.
"""
from __future__ import annotations

from ..messages import msg, render
from ..model import Outline, Section
from ..ooxml import W
from .. import text as _text
from .tables import Grid, TableInfo, _row_key

MAX_CELL_CHARS = 60  # in the text rendering only; the dict keeps whole cells


def _part(s: Section | None) -> dict | None:
    if s is None:
        return None
    blocks = [b for b, _ in s.paragraphs] if s.paragraphs else [s.start]
    return {"address": s.address, "text": s.title, "start": min(blocks), "end": max(s.end, max(blocks) + 1)}


def _section(s: Section, tables: dict[str, list[dict]]) -> dict:
    return {"address": s.address, "label": s.label, "title": s.title, "level": s.level, "kind": s.kind,
            "number": s.number, "inline": s.inline, "heading": s.heading, "start": s.start, "end": s.end,
            "tables": tables.get(s.address, []),
            "children": [_section(c, tables) for c in s.children]}


def table_dict(outline: Outline, info: TableInfo) -> dict:
    """A table as ``redline outline`` lists it (see the module docstring)."""
    grid = Grid(outline.blocks[info.block])
    rows = []
    for r in range(info.header_rows, len(grid.rows)):
        cells = [None if c.continues else grid.text(c) for c in grid.cells(r)]
        rows.append({"row": r - info.header_rows + 1, "key": _row_key(grid, r), "cells": cells})
    return {"address": info.name, "number": info.number, "caption": info.caption, "block": info.block,
            "owner": info.owner, "header_rows": info.header_rows,
            "columns": [{"column": c.index + 1, "name": c.name, "path": c.path, "tag": c.tag} for c in info.columns],
            "header": info.header_line(), "rows": rows}


def _signature(outline: Outline, lo: int, hi: int) -> dict | None:
    for a, b in outline.signatures:
        if lo <= a < hi:
            first = ""
            for i in range(a, b):
                block = outline.blocks[i]
                texts = [outline.text(i)] if block.tag == W["p"] else [
                    "".join(t.text or "" for t in p.iter(W["t"])) for p in block.iter(W["p"])]
                first = next((_text.clean(t) for t in texts if _text.clean(t)), "")
                if first:
                    break
            return {"start": a, "end": b, "text": first}
    return None


def outline_dict(outline: Outline) -> dict:
    """Everything a letter can point at (see the module docstring)."""
    tables: dict[str, list[dict]] = {}
    for info in outline.tables:
        tables.setdefault(info.owner, []).append(table_dict(outline, info))
    first_doc = outline.documents[0].start if outline.documents else len(outline.blocks)
    out = {
        "name": outline.name,
        "parts": {name: _part(s) for name, s in outline.parts.items()},
        "title": _part(outline.title),
        "preamble": _part(outline.preamble),
        "sections": [_section(s, tables) for s in outline.sections],
        "tables": tables.get("", []),
        "closing": _part(outline.closing),
        "signature": _signature(outline, 0, first_doc),
        "documents": [],
        "warnings": [render(w) for w in outline.warnings],
    }
    for d in outline.documents:
        out["documents"].append({
            "name": d.name, "start": d.start, "end": d.end,
            "title": _part(d.title), "preamble": _part(d.preamble),
            "sections": [_section(s, tables) for s in d.sections],
            "tables": tables.get(d.name, []),
            "closing": _part(d.closing),
            "signature": _signature(outline, d.start, d.end),
        })
    return out


# ---------------------------------------------------------------------------- text

def _cut(text: str) -> str:
    return text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1].rstrip() + "…"


def _table_lines(t: dict, indent: str) -> list[str]:
    head = f"{indent}[{t['address']}]"
    if t["caption"]:
        head += f" {t['caption']}"
    lines = [head + "  " + render(msg("({count} {count:plural:row:rows} under a header of {header} "
                                      "{header:plural:row:rows})", count=len(t["rows"]), header=t["header_rows"]))]
    if t["header"]:
        lines.append(f"{indent}  | " + " | ".join(_cut(h) for h in t["header"]) + " |")
    for r in t["rows"]:
        cells = " | ".join("^" if c is None else _cut(c) for c in r["cells"])
        lines.append(f"{indent}  {render(msg('row {number}', number=r['row']))}: {cells}")
    return lines


def _special_line(part: dict | None, indent: str = "") -> list[str]:
    if part is None:
        return []
    text = part["text"]
    return [f"{indent}[{part['address']}] {text[:79] + '…' if len(text) > 80 else text}"]


def _section_lines(s: dict) -> list[str]:
    indent = "  " * (s["level"] - 1)
    lines = [f"{indent}{s['address']}  {s['title']}"]
    for t in s["tables"]:
        lines += _table_lines(t, indent + "  ")
    for c in s["children"]:
        lines += _section_lines(c)
    return lines


def _document_lines(d: dict, indent: str = "") -> list[str]:
    lines = _special_line(d["preamble"], indent)
    first = d["sections"][0]["heading"] if d["sections"] else None
    before = [t for t in d["tables"] if first is None or t["block"] < first]
    for t in before:
        lines += _table_lines(t, indent)
    for s in d["sections"]:
        lines += _section_lines(s)
    for t in d["tables"]:
        if t not in before:
            lines += _table_lines(t, indent)
    lines += _special_line(d["closing"], indent)
    if d["signature"] is not None:
        lines.append(f"{indent}[{render(msg('signature'))}] {d['signature']['text']}")
    return lines


def outline_lines(data: dict) -> list[str]:
    """The lines ``redline outline`` prints for ``outline_dict``'s result."""
    lines: list[str] = []
    for name in ("authority", "number", "date", "doc_type"):
        lines += _special_line(data["parts"].get(name))
    lines += _special_line(data["title"])
    lines += _document_lines(data)
    for d in data["documents"]:
        title = f" {d['title']['text']}" if d["title"] is not None else ""
        lines.append(f"== {d['name']}:{title}")
        lines += _document_lines(d)
    return lines


def outline_text(outline: Outline) -> str:
    return "\n".join(outline_lines(outline_dict(outline))) + "\n"


__all__ = ["outline_dict", "outline_lines", "outline_text", "table_dict"]
