"""Data tables: where they are, what they are called, and the rows, columns and cells a
letter names ("Biểu số 02, dòng huyện Tân Lập, cột Tỷ lệ đúng hạn").

``list_tables`` finds every data table of the outline (header and signature frames excluded),
with its address space, its number in that space ("bảng 2"), its caption (the paragraph right
above it that starts with "Biểu", "Bảng", "Table", past an "Đơn vị tính: ..." line), its header
row(s) (rows marked w:tblHeader, else the first) and the section that owns it.

``select`` turns a table plus an optional row and column into a ``TableTarget``: a row is named
by its number among the body rows (1 = the first row under the header) or by the text its
first cell starts with (the second cell when the first holds only a number, the "STT" column);
a column by its number or its header text (no case, no diacritics).  Several rows matching a
text is an error listing them; never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import text as _text
from ..errors import ResolveError
from ..messages import msg
from ..model import Outline, Section
from ..ooxml import W, paragraph_text, qn

CAPTION_WORDS = ("bieu", "bang", "table", "hinh")
_CAPTION_RE = re.compile(r"^(bieu mau|bieu so|bieu|bang so|bang|table)\s*(?:so\s*)?([0-9]{1,3}|[ivxlc]{1,6})\b")


@dataclass(eq=False)
class TableInfo:
    block: int
    space: str
    number: int  # 1-based among the data tables of its space
    caption: str = ""
    caption_key: tuple | None = None  # ("bieu", 2) for "Biểu số 02"
    header_rows: int = 1
    header: list[str] = field(default_factory=list)
    rows: int = 0
    owner: str = ""  # the address of the section that owns it ("" when none)

    @property
    def name(self) -> str:
        base = self.caption.split(":")[0].strip() if self.caption_key else f"bảng {self.number}"
        return f"{self.space}:{base}" if self.space else base

    def to_dict(self) -> dict:
        return {"space": self.space, "number": self.number, "caption": self.caption, "header": self.header,
                "rows": self.rows, "owner": self.owner, "block": self.block}


@dataclass(eq=False)
class TableTarget:
    """A table, or one row / column / cell of it, as an edit's target."""

    info: TableInfo
    element: object  # the w:tbl
    row: int | None = None  # index into the w:tr list (header rows included)
    col: int | None = None  # cell index in the row

    @property
    def rows(self) -> list:
        return self.element.findall(W["tr"])


def _fold(t: str) -> str:
    return _text.fold(t, expand=False)


def row_cells(tr) -> list:
    return tr.findall(W["tc"])


def cell_text(tc) -> str:
    return _text.clean(" ".join(paragraph_text(p, "current") for p in tc.iter(W["p"])))


def list_tables(builder, outline: Outline) -> list[TableInfo]:
    frames: set[int] = set()
    for lo, hi in outline.signatures:
        frames.update(range(lo, hi))
    spaces = [("", 0, outline.title.start if outline.title is not None else 0)]
    for d in outline.documents:
        spaces.append((d.name, d.start, d.title.start if d.title is not None else d.start + 1))
    owners = [(s.start, s.end, s) for s in outline.walk()]
    out: list[TableInfo] = []
    counts: dict[str, int] = {}
    for i, b in enumerate(builder.blocks):
        if b.tag != W["tbl"] or i in frames:
            continue
        space, lo, head_end = next((sp for sp in reversed(spaces) if sp[1] <= i), spaces[0])
        if i < head_end:
            continue  # the header frame
        counts[space] = counts.get(space, 0) + 1
        info = TableInfo(block=i, space=space, number=counts[space])
        trs = b.findall(W["tr"])
        info.rows = len(trs)
        marked = 0
        for tr in trs:
            trpr = tr.find(qn("w:trPr"))
            if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
                marked += 1
            else:
                break
        info.header_rows = max(1, marked) if len(trs) > 1 else 0
        if trs:
            info.header = [cell_text(tc) for tc in row_cells(trs[info.header_rows - 1 if info.header_rows else 0])]
        for j in range(i - 1, max(lo, i - 4) - 1, -1):
            t = _text.clean(builder.texts.get(j, "")) if builder.blocks[j].tag == W["p"] else None
            if t is None:
                break
            if not t or _fold(t).startswith("don vi tinh") or _fold(t).startswith("(don vi"):
                continue
            m = _CAPTION_RE.match(_fold(t))
            if m:
                info.caption = t
                kind = "bieu" if m.group(1).startswith("bieu") else ("bang" if m.group(1).startswith("bang") else "table")
                num = m.group(2)
                info.caption_key = (kind, int(num) if num.isdigit() else num)
            break
        inside = [s for lo_, hi_, s in owners if lo_ <= i < hi_]
        info.owner = min(inside, key=lambda s: s.end - s.start).address if inside else space
        out.append(info)
    return out


def select(info: TableInfo, tbl, row=None, column=None, where: str = "") -> TableTarget:
    """The row / column of ``tbl`` an edit names (see the module docstring)."""
    trs = tbl.findall(W["tr"])
    body = list(range(info.header_rows, len(trs)))
    target = TableTarget(info, tbl)
    label = info.caption or info.name
    if row is not None:
        if isinstance(row, int) or (isinstance(row, str) and row.strip().isdigit()):
            n = int(row)
            if not 1 <= n <= len(body):
                raise ResolveError(msg("{table} has {count} {count:plural:row:rows} under its header; row {asked} asked",
                                       table=label, count=len(body), asked=n), where=where)
            target.row = body[n - 1]
        else:
            want = _fold(row)
            found = []
            for r in body:
                cells = [cell_text(tc) for tc in row_cells(trs[r])]
                keys = [c for c in cells if c and not re.fullmatch(r"[0-9IVXivx.]+", c)][:1]
                if keys and (_fold(keys[0]) == want or _fold(keys[0]).startswith(want)
                             or want.startswith(_fold(keys[0]) + " ")):
                    found.append((r, keys[0]))
            exact = [f for f in found if _fold(f[1]) == want]
            found = exact or found
            if not found:
                names = "; ".join(cell for r in body for cell in
                                  [next((c for c in (cell_text(tc) for tc in row_cells(trs[r]))
                                         if c and not re.fullmatch(r"[0-9IVXivx.]+", c)), "")][:1])
                raise ResolveError(msg("no row of {table} starts with {row!r}", table=label, row=row), where=where,
                                   hint=msg("rows: {names}", names=names) if names else None)
            if len(found) > 1:
                raise ResolveError(msg("{count} rows of {table} start with {row!r}: {rows}", count=len(found),
                                       table=label, row=row, rows="; ".join(t for _, t in found)), where=where,
                                   hint=msg("quote more of the row's first cell, or give its number"))
            target.row = found[0][0]
    if column is not None:
        ncols = len(row_cells(trs[target.row if target.row is not None else (body[0] if body else 0)]))
        if isinstance(column, int) or (isinstance(column, str) and column.strip().isdigit()):
            n = int(column)
            if not 1 <= n <= ncols:
                raise ResolveError(msg("{table} has {count} {count:plural:column:columns}; column {asked} asked",
                                       table=label, count=ncols, asked=n), where=where)
            target.col = n - 1
        else:
            want = _fold(column)
            heads = [_fold(h) for h in info.header]
            found = [k for k, h in enumerate(heads) if h == want] or \
                [k for k, h in enumerate(heads) if h.startswith(want) or want in h]
            if len(found) != 1:
                raise ResolveError(msg("no column of {table} is headed {column!r}", table=label, column=column)
                                   if not found else
                                   msg("{count} columns of {table} are headed {column!r}", count=len(found),
                                       table=label, column=column),
                                   where=where, hint=msg("columns: {names}", names="; ".join(info.header)))
            target.col = found[0]
    return target


def target_paragraphs(t: TableTarget, block: int) -> list[tuple[int, object]]:
    """(block, w:p) of the cells a target covers: a cell, a row, a column (body rows) or the
    whole table."""
    trs = t.rows
    rows = [t.row] if t.row is not None else list(range(len(trs)))
    if t.row is None and t.col is not None:
        rows = list(range(t.info.header_rows, len(trs)))
    out = []
    for r in rows:
        cells = row_cells(trs[r])
        for c, tc in enumerate(cells):
            if t.col is None or c == t.col:
                out.extend((block, p) for p in tc.iter(W["p"]))
    return out


def table_section(outline: Outline, t: TableTarget) -> Section:
    """A pseudo-section for a table target: its span is the table block, its paragraphs the
    cells named."""
    name = t.info.caption.split(":")[0].strip() if t.info.caption_key else f"bảng {t.info.number}"
    parts = [name]
    if t.row is not None:
        parts.append(f"dòng {t.row - t.info.header_rows + 1}")
    if t.col is not None:
        parts.append(f"cột {t.info.header[t.col] if t.col < len(t.info.header) else t.col + 1}")
    address = ", ".join(parts)
    if t.info.space:
        address = f"{t.info.space}:{address}"
    s = Section(address=address, label="", title=t.info.caption, level=0, heading=None,
                end=t.info.block + 1, kind="table", space=t.info.space)
    s.start_override = t.info.block
    s.paragraphs = target_paragraphs(t, t.info.block)
    s.table = t
    return s
