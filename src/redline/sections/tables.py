"""Data tables: where they are, what they are called, and the rows, columns and cells a
letter names ("Biểu số 02, dòng huyện Tân Lập, cột Tỷ lệ đúng hạn").

``list_tables`` finds every data table of the outline (header and signature frames excluded),
with its address space, its number in that space ("bảng 2"), its caption (the paragraph right
above it that starts with "Biểu", "Bảng", "Table", past an "Đơn vị tính: ..." line), its header
rows and column names, and the section that owns it.

Tables as drafters make them (forms read in public reports and plans, docs/shapes.md) merge
cells, so everything here works on the table's **grid** (``Grid``): a cell covers grid columns
``col .. col+span-1`` (w:gridSpan, after w:gridBefore), and a cell marked w:vMerge "continue"
shows the text of the cell above it that starts the merge (its ``origin``).

- **Header rows**: the rows marked w:tblHeader, at least the first; then every row a header
  cell is merged down into ("STT" over two rows), and a row that splits a header cell spanning
  several columns into sub-columns ("Kết quả" over "Đúng hạn | Trễ hạn"); then a row of column
  tags ("A | B | 1 | 2 | 3=1+2"), read as part of the header.
- **Columns** are grid columns, named by the header cells over them, top to bottom ("Kết quả /
  Đúng hạn"); a letter's "cột Đúng hạn" matches the most specific name, "cột Kết quả" the
  columns under that header cell; "cột 3" the third grid column, or the column tagged "3"
  (when the two differ, an error lists both).
- **Rows** are the body rows (under the header), named by their number (1 = the first; when an
  "STT" column numbers the rows differently, an error lists both) or by the text their first
  cell starts with (the second when the first holds only a number; a cell merged from above
  does not name its row); when no first cell matches, by any cell of the row ("dòng Số lượng
  công chức" where the first cells hold form codes).
- **Cells**: a row and a column; a merged cell is the cell that shows the text.

Row insertion beside merged cells keeps the table valid (``new_row``): the new row's cell
continues a vertical merge when the row after it continues that merge, and starts none.  A row
whose cell starts a vertical merge that goes on below cannot be deleted alone (the merged text
would go with it): the error says which rows to delete or unmerge.  Several rows matching a
text, or a column name matching cells of different header cells, is an error listing them;
never a guess.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from .. import text as _text
from ..errors import EditsError, ResolveError
from ..messages import msg
from ..model import Outline, Section
from ..ooxml import W, paragraph_text, qn
from .layout import Body

CAPTION_WORDS = ("bieu", "bang", "table", "hinh")
_CAPTION_RE = re.compile(r"^(bieu mau|bieu so|bieu|bang so|bang|table)\s*(?:so\s*)?([0-9]{1,3}|[ivxlc]{1,6})\b")
_WRAPPERS = (W["sdt"], qn("w:sdtContent"), W["customXml"])
_NUMBER_CELL = re.compile(r"[0-9IVXivx.]+")
_TAG = r"\(?(?:\d{1,2}|[A-Z]|[IVX]{1,4})\)?"
_TAG_RE = re.compile(rf"{_TAG}(?:\s*[=+\-x*/:]\s*{_TAG})*")
STT_NAMES = ("stt", "tt", "so tt", "so thu tu", "no", "no.")


def _fold(t: str) -> str:
    return _text.fold(t, expand=False)


# ---------------------------------------------------------------------------- the grid

def _children(el, tag: str) -> list:
    """``tag`` children of ``el``, also inside content controls and custom XML wrappers."""
    out = []
    for c in el:
        if c.tag == tag:
            out.append(c)
        elif c.tag in _WRAPPERS:
            out.extend(_children(c, tag))
    return out


def rows_of(tbl) -> list:
    """The w:tr of a table in order (rows in content controls included)."""
    return _children(tbl, W["tr"])


def row_cells(tr) -> list:
    """The w:tc of a row in order (cells in content controls included)."""
    return _children(tr, W["tc"])


def cell_text(tc) -> str:
    return _text.clean(" ".join(paragraph_text(p, "current") for p in tc.iter(W["p"])))


def _int_attr(el, default: int) -> int:
    if el is None:
        return default
    try:
        return max(1, int(el.get(W["val"]) or default))
    except ValueError:
        return default


@dataclass(eq=False)
class Cell:
    """One w:tc placed on the grid."""

    tc: object
    row: int  # index into Grid.rows
    col: int  # first grid column
    span: int  # grid columns covered (w:gridSpan)
    merge: str | None  # w:vMerge: None, "restart" or "continue"
    origin: "Cell | None" = None  # the cell whose text shows here (itself unless it continues a merge)

    @property
    def cols(self) -> range:
        return range(self.col, self.col + self.span)

    @property
    def continues(self) -> bool:
        return self.origin is not self


class Grid:
    """A table's rows and cells on its grid (see the module docstring); rows are read on first
    use, so listing a big table's header does not read its body."""

    def __init__(self, tbl):
        self.tbl = tbl
        self.rows = rows_of(tbl)
        self._cells: list[list[Cell]] = []
        self._texts: dict[int, str] = {}

    def cells(self, r: int) -> list[Cell]:
        while len(self._cells) <= r:
            self._cells.append(self._read(len(self._cells)))
        return self._cells[r]

    def _read(self, r: int) -> list[Cell]:
        tr = self.rows[r]
        trpr = tr.find(qn("w:trPr"))
        before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
        col = _int_attr(before, 0) if before is not None else 0
        out = []
        for tc in row_cells(tr):
            tcpr = tc.find(qn("w:tcPr"))
            span = _int_attr(tcpr.find(qn("w:gridSpan")), 1) if tcpr is not None else 1
            vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            merge = None if vm is None else ("restart" if vm.get(W["val"]) == "restart" else "continue")
            cell = Cell(tc, r, col, span, merge)
            cell.origin = cell
            if merge == "continue" and r > 0:
                above = self.at(r - 1, col)
                if above is not None and above.col == col and above.origin.merge is not None:
                    cell.origin = above.origin
            out.append(cell)
            col += span
        return out

    def at(self, r: int, c: int) -> Cell | None:
        """The cell of row ``r`` covering grid column ``c``."""
        for cell in self.cells(r):
            if cell.col <= c < cell.col + cell.span:
                return cell
        return None

    @cached_property
    def width(self) -> int:
        """Grid columns, as the first rows use them (a big table's body is not read for it)."""
        return max((cells[-1].col + cells[-1].span for cells in (self.cells(r) for r in range(min(len(self.rows), 8)))
                    if cells), default=0)

    def text(self, cell: Cell) -> str:
        """The text a cell shows (its origin's)."""
        o = cell.origin
        key = id(o.tc)
        if key not in self._texts:
            self._texts[key] = cell_text(o.tc)
        return self._texts[key]

    def merged_below(self, r: int) -> list[Cell]:
        """Cells of row ``r`` that start (or continue) a vertical merge going on into row r+1."""
        if r + 1 >= len(self.rows):
            return []
        out = []
        for cell in self.cells(r):
            below = self.at(r + 1, cell.col)
            if below is not None and below.continues and below.origin is cell.origin:
                out.append(cell)
        return out

    def header(self) -> tuple[int, int | None]:
        """(header rows, index of the column-tag row or None): see the module docstring."""
        n = len(self.rows)
        if n < 2:
            return 0, None
        h = 0
        for tr in self.rows:
            trpr = tr.find(qn("w:trPr"))
            if trpr is not None and trpr.find(qn("w:tblHeader")) is not None:
                h += 1
            else:
                break
        h = max(1, min(h, n - 1))
        while h < n - 1:
            nxt = self.cells(h)
            if any(c.continues and c.origin.row < h for c in nxt):
                h += 1  # a header cell merged down into this row
                continue
            spans = [c for c in self.cells(h - 1) if c.span > 1 and not c.continues]
            under = [[d for d in nxt if s.col <= d.col < s.col + s.span] for s in spans]
            if any(len(u) >= 2 and all(0 < len(self.text(d)) <= 60 for d in u) for u in under) and not any(
                    _NUMBER_CELL.fullmatch(self.text(c)) for c in nxt if self.text(c)):
                h += 1  # sub-columns of a header cell spanning several columns
                continue
            break
        if h < n - 1 and _is_tag_row([self.text(c) for c in self.cells(h) if not c.continues]):
            return h + 1, h
        return h, None


def _is_tag_row(texts: list[str]) -> bool:
    """"A | B | 1 | 2 | 3=1+2", "(1) | (2) | (3)": column tags, not data (numbers run 1, 2, 3)."""
    filled = [t for t in texts if t]
    if len(filled) < 3 or len(filled) < 0.6 * len(texts) or not all(_TAG_RE.fullmatch(t) for t in filled):
        return False
    leads = [re.match(r"\(?(\d+|[A-Z]+)", t).group(1) for t in filled]
    numbers = [int(x) for x in leads if x.isdigit()]
    letters = [x for x in leads if len(x) == 1 and x.isalpha()]
    if numbers and numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return False
    if letters and letters != [chr(ord(letters[0]) + k) for k in range(len(letters))]:
        return False
    return bool(numbers) and numbers[0] in (0, 1) or (bool(letters) and letters[0] == "A")


def tag_number(tag: str) -> str:
    """"(5)=(4)/(3)" -> "5": the number (or letter) a column tag starts with."""
    m = re.match(r"\s*\(?(\d+|[A-Z]+)", tag)
    return m.group(1) if m else ""


# ---------------------------------------------------------------------------- tables of the outline

@dataclass(eq=False)
class Column:
    index: int  # grid column, 0-based
    path: list[str]  # header texts over it, top to bottom ("Kết quả", "Đúng hạn")
    tag: str = ""  # its column tag ("3", "(3)", "3=1+2"), when the header has a tag row

    @property
    def name(self) -> str:
        return self.path[-1] if self.path else ""


@dataclass(eq=False)
class TableInfo:
    block: int
    space: str
    number: int  # 1-based among the data tables of its space
    caption: str = ""
    caption_key: tuple | None = None  # ("bieu", 2) for "Biểu số 02"
    header_rows: int = 1
    header: list[str] = field(default_factory=list)  # each grid column's name
    rows: int = 0
    owner: str = ""  # the address of the section that owns it ("" when none)
    columns: list[Column] = field(default_factory=list)
    tag_row: int | None = None  # the header's column-tag row, when it has one

    @property
    def name(self) -> str:
        """The table as references name it: "Biểu số 02", "bảng 1", "Phụ lục 01:Biểu số 02"."""
        base = self.caption.split(":")[0].strip() if self.caption_key else f"bảng {self.number}"
        return f"{self.space}:{base}" if self.space else base

    @property
    def stt(self) -> int | None:
        """The grid column numbering the rows ("STT"), if any."""
        for c in self.columns:
            if _fold(c.name).rstrip(".") in STT_NAMES:
                return c.index
        return None

    def header_line(self) -> list[str]:
        """The header as read, one entry a header cell of the lowest header row: its path
        ("Kết quả / Đúng hạn")."""
        out: list[str] = []
        for c in self.columns:
            label = " / ".join(c.path)
            if not out or out[-1] != label or len(c.path) == 0:
                out.append(label)
        return out

    def to_dict(self) -> dict:
        return {"space": self.space, "number": self.number, "caption": self.caption, "header": self.header,
                "rows": self.rows, "owner": self.owner, "block": self.block}


def read_columns(info: TableInfo, grid: Grid) -> None:
    """Header rows, column names and tags of a table (``TableInfo.columns``)."""
    info.header_rows, info.tag_row = grid.header()
    named_rows = [r for r in range(info.header_rows) if r != info.tag_row] or ([0] if grid.rows else [])
    info.columns = []
    for c in range(grid.width):
        path: list[str] = []
        seen: set[int] = set()
        for r in named_rows:
            cell = grid.at(r, c)
            if cell is None or id(cell.origin) in seen:
                continue
            seen.add(id(cell.origin))
            t = grid.text(cell)
            if t and (not path or path[-1] != t):
                path.append(t)
        tag = ""
        if info.tag_row is not None:
            cell = grid.at(info.tag_row, c)
            tag = grid.text(cell) if cell is not None and cell.col == c else ""
        info.columns.append(Column(c, path, tag))
    info.header = [col.name for col in info.columns]


def list_tables(body: Body, outline: Outline, known=None) -> list[TableInfo]:
    """The data tables of the outline (see the module docstring).  ``known(i)``: the
    ``TableInfo`` of a table stored byte for byte as block ``i`` (``outline.build``'s
    ``reuse``), whose rows and columns are then not read again: they depend on the table's
    XML alone."""
    frames: set[int] = set()
    for lo, hi in outline.signatures:
        frames.update(range(lo, hi))
    spaces = [("", 0, outline.title.start if outline.title is not None else 0)]
    for d in outline.documents:
        spaces.append((d.name, d.start, d.title.start if d.title is not None else d.start + 1))
    out: list[TableInfo] = []
    counts: dict[str, int] = {}
    for i, b in enumerate(body.blocks):
        if b.tag != W["tbl"] or i in frames:
            continue
        space, lo, head_end = next((sp for sp in reversed(spaces) if sp[1] <= i), spaces[0])
        if i < head_end:
            continue  # the header frame
        counts[space] = counts.get(space, 0) + 1
        info = TableInfo(block=i, space=space, number=counts[space])
        same = known(i) if known is not None else None
        if same is not None:
            info.rows, info.header_rows, info.tag_row = same.rows, same.header_rows, same.tag_row
            info.columns = [Column(c.index, list(c.path), c.tag) for c in same.columns]
            info.header = list(same.header)
        else:
            grid = Grid(b)
            info.rows = len(grid.rows)
            read_columns(info, grid)
        for j in range(i - 1, max(lo, i - 4) - 1, -1):
            t = _text.clean(body.texts.get(j, "")) if body.blocks[j].tag == W["p"] else None
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
        info.owner = space
        out.append(info)
    _owners(outline, out)
    return out


def _owners(outline: Outline, tables: list[TableInfo]) -> None:
    """Each table's owner: the innermost section whose span holds it (one walk of the tree, the
    tables found by bisection: a big draft has thousands of sections and hundreds of tables)."""
    if not tables:
        return
    blocks = [t.block for t in tables]
    for section in outline.walk():  # parents before children: the innermost is set last
        lo = bisect_left(blocks, section.start)
        hi = bisect_left(blocks, section.end)
        for k in range(lo, hi):
            tables[k].owner = section.address


# ---------------------------------------------------------------------------- targets

@dataclass(eq=False)
class TableTarget:
    """A table, or one row / column / cell of it, as an edit's target."""

    info: TableInfo
    element: object  # the w:tbl
    row: int | None = None  # index into the rows (header rows included)
    cols: range | None = None  # grid columns

    @cached_property
    def grid(self) -> Grid:
        return Grid(self.element)

    @property
    def rows(self) -> list:
        return self.grid.rows

    @property
    def body_rows(self) -> range:
        return range(self.info.header_rows, len(self.grid.rows))

    def cells(self) -> list[Cell]:
        """The cells the target covers, each merged cell once (as the cell that shows it)."""
        g = self.grid
        rows = [self.row] if self.row is not None else (
            list(self.body_rows) if self.cols is not None else range(len(g.rows)))
        out, seen = [], set()
        for r in rows:
            for cell in g.cells(r):
                if self.cols is not None and not (cell.col < self.cols.stop and self.cols.start < cell.col + cell.span):
                    continue
                o = cell.origin
                if id(o) not in seen:
                    seen.add(id(o))
                    out.append(o)
        return out

    def row_label(self) -> int | None:
        return None if self.row is None else self.row - self.info.header_rows + 1


def _row_key(grid: Grid, r: int) -> str:
    """The text naming a row: its first cell's, past a number (the STT column) and past cells
    merged from the row above."""
    for cell in grid.cells(r):
        if cell.continues:
            continue
        t = grid.text(cell)
        if t and not _NUMBER_CELL.fullmatch(t):
            return t
    return ""


def select(info: TableInfo, tbl, row=None, column=None, where: str = "") -> TableTarget:
    """The row / column of ``tbl`` an edit names (see the module docstring)."""
    target = TableTarget(info, tbl)
    grid = target.grid
    body = list(target.body_rows)
    label = info.caption or info.name
    if row is not None:
        if isinstance(row, int) or (isinstance(row, str) and row.strip().isdigit()):
            n = int(row)
            if not 1 <= n <= len(body):
                raise ResolveError(msg("{table} has {count} {count:plural:row:rows} under its header; row {asked} asked",
                                       table=label, count=len(body), asked=n), where=where)
            target.row = body[n - 1]
            stt = info.stt
            if stt is not None:
                numbered = [r for r in body if (c := grid.at(r, stt)) is not None and not c.continues
                            and grid.text(c).rstrip(".") == str(n)]
                if numbered and target.row not in numbered:
                    err = ResolveError(msg("row {asked} of {table} is ambiguous: row {asked} under the header is "
                                           "'{position}', but the row numbered {asked} in the STT column is '{numbered}'",
                                           asked=n, table=label, position=_row_key(grid, target.row),
                                           numbered=_row_key(grid, numbered[0])),
                                       where=where, hint=msg("name the row by its first cell's text"))
                    err.ambiguous = True
                    raise err
        else:
            want = _fold(row)
            found = []
            for r in body:
                key = _row_key(grid, r)
                fk = _fold(key)
                if key and (fk == want or fk.startswith(want) or want.startswith(fk + " ")):
                    found.append((r, key))
            exact = [f for f in found if _fold(f[1]) == want]
            found = exact or found
            if not found:  # "dòng Số lượng công chức" where the first cells hold codes: any cell of the row
                for r in body:
                    texts = [grid.text(c) for c in grid.cells(r) if not c.continues]
                    hit = next((t for t in texts if t and not _NUMBER_CELL.fullmatch(t)
                                and (_fold(t) == want or _fold(t).startswith(want))), None)
                    if hit:
                        found.append((r, hit))
                exact = [f for f in found if _fold(f[1]) == want]
                found = exact or found
            if not found:
                names = "; ".join(k for k in (_row_key(grid, r) for r in body) if k)
                raise ResolveError(msg("no row of {table} starts with {row!r}", table=label, row=row), where=where,
                                   hint=msg("rows: {names}", names=names) if names else None)
            if len(found) > 1:
                raise ResolveError(msg("{count} rows of {table} start with {row!r}: {rows}", count=len(found),
                                       table=label, row=row, rows="; ".join(t for _, t in found)), where=where,
                                   hint=msg("quote more of the row's first cell, or give its number"))
            target.row = found[0][0]
    if column is not None:
        target.cols = _select_column(info, grid, column, label, where)
    return target


def _select_column(info: TableInfo, grid: Grid, column, label: str, where: str) -> range:
    ncols = len(info.columns)
    if isinstance(column, int) or (isinstance(column, str) and column.strip().isdigit()):
        n = int(column)
        if not 1 <= n <= ncols:
            raise ResolveError(msg("{table} has {count} {count:plural:column:columns}; column {asked} asked",
                                   table=label, count=ncols, asked=n), where=where)
        tagged = [c.index for c in info.columns if tag_number(c.tag) == str(n)]
        if tagged and tagged[0] != n - 1:
            err = ResolveError(msg("column {asked} of {table} is ambiguous: column {asked} from the left is "
                                   "'{position}', but the column tagged ({asked}) is '{tagged}'", asked=n, table=label,
                                   position=" / ".join(info.columns[n - 1].path),
                                   tagged=" / ".join(info.columns[tagged[0]].path)),
                               where=where, hint=msg("name the column by its header"))
            err.ambiguous = True
            raise err
        return range(n - 1, n)
    if isinstance(column, str) and re.fullmatch(r"\(\s*\d{1,2}\s*\)", column.strip()):
        tagged = [c.index for c in info.columns if tag_number(c.tag) == column.strip(" ()")]
        if len(tagged) == 1:
            return range(tagged[0], tagged[0] + 1)
    want = _fold(column)
    # the most specific name first, then the whole path, then any header cell over the column
    for test in (lambda c: _fold(c.name) == want,
                 lambda c: _fold(" ".join(c.path)) == want,
                 lambda c: any(_fold(p) == want for p in c.path),
                 lambda c: any(_fold(p).startswith(want) for p in c.path),
                 lambda c: any(want in _fold(p) for p in c.path)):
        found = [c for c in info.columns if test(c)]
        if found:
            break
    if not found:
        raise ResolveError(msg("no column of {table} is headed {column!r}", table=label, column=column),
                           where=where, hint=msg("columns: {names}", names="; ".join(info.header_line())))
    first, last = found[0].index, found[-1].index
    if len(found) > 1:
        # several grid columns under one header cell ("Kết quả" over "Đúng hạn | Trễ hạn"): that cell's columns
        one_cell = [c.index for c in found] == list(range(first, last + 1)) and any(
            (a := grid.at(r, first)) is not None and (b := grid.at(r, last)) is not None and a.origin is b.origin
            and all(grid.text(a) in c.path for c in found)
            for r in range(info.header_rows) if r != info.tag_row)
        if not one_cell:
            raise ResolveError(msg("{count} columns of {table} are headed {column!r}", count=len(found),
                                   table=label, column=column),
                               where=where, hint=msg("columns: {names}", names="; ".join(info.header_line())))
    return range(first, last + 1)


def target_paragraphs(t: TableTarget, block: int) -> list[tuple[int, object]]:
    """(block, w:p) of the cells a target covers: a cell, a row, a column (body rows) or the
    whole table."""
    return [(block, p) for cell in t.cells() for p in cell.tc.iter(W["p"])]


def table_section(outline: Outline, t: TableTarget) -> Section:
    """A pseudo-section for a table target: its span is the table block, its paragraphs the
    cells named."""
    name = t.info.caption.split(":")[0].strip() if t.info.caption_key else f"bảng {t.info.number}"
    parts = [name]
    if t.row is not None:
        parts.append(f"dòng {t.row_label()}")
    if t.cols is not None:
        col = t.info.columns[t.cols.start] if t.cols.start < len(t.info.columns) else None
        parts.append(f"cột {col.name if col is not None and col.name else t.cols.start + 1}")
    address = ", ".join(parts)
    if t.info.space:
        address = f"{t.info.space}:{address}"
    s = Section(address=address, label="", title=t.info.caption, level=0, heading=None,
                end=t.info.block + 1, kind="table", space=t.info.space)
    s.start_override = t.info.block
    s.paragraphs = target_paragraphs(t, t.info.block)
    s.table = t
    return s


# ---------------------------------------------------------------------------- edits of rows

def row_values(t: TableTarget, r: int, values: list, field_name: str, place: dict) -> list[tuple[Cell, str]]:
    """(cell, new text) for a row's ``cells`` edit: one value a cell of the row; a cell merged
    from the row above takes "" or the text it shows (it is changed where the merge starts)."""
    cells = t.grid.cells(r)
    if len(values) != len(cells):
        raise EditsError(msg("the row has {have} cells, 'cells' gives {given}", have=len(cells), given=len(values)),
                         **place)
    out = []
    for k, (cell, value) in enumerate(zip(cells, values)):
        if cell.continues:
            if value and _fold(value) != _fold(t.grid.text(cell)):
                raise EditsError(msg("cell {cell} of this row is merged with the cell above it (row {row}): change its "
                                     "text there, or give \"\" for it", cell=k + 1, row=cell.origin.row - t.info.header_rows + 1),
                                 **place)
            continue
        out.append((cell, value))
    return out


def model_row(t: TableTarget, *, after: bool) -> int:
    """The row a new row is made on (and inserted beside): the target row, else the last row
    (``append``, after) or the first body row (before)."""
    rows = t.grid.rows
    if t.row is not None:
        return t.row
    if after:
        return len(rows) - 1
    return t.info.header_rows if len(rows) > t.info.header_rows else len(rows) - 1


def column_label(info: TableInfo, cols: range) -> str:
    """The header a cell over grid columns ``cols`` stands under: its column's header path
    ("Kết quả / Đúng hạn"), or what the columns it spans share ("Kết quả"); "" when unnamed."""
    paths = [info.columns[c].path for c in cols if c < len(info.columns)]
    if not paths:
        return ""
    common = paths[0]
    for path in paths[1:]:
        k = 0
        while k < min(len(common), len(path)) and common[k] == path[k]:
            k += 1
        common = common[:k]
    if common:
        return " / ".join(common)
    return ", ".join(dict.fromkeys(path[-1] for path in paths if path))


def row_labels(t: TableTarget, r: int) -> list[str]:
    """One label a cell of row ``r``: the header of the column it stands under (what a
    ``cells`` edit's values are, left to right)."""
    return [column_label(t.info, cell.cols) for cell in t.grid.cells(r)]


def new_row(t: TableTarget, values: list, *, after: bool, place: dict) -> tuple[object, list[str], list[str | None]]:
    """(model row, cell texts, vertical merges) for a new row beside the target row (or at the
    end / the top of the body): each new cell continues a vertical merge when the row after the
    new one continues it (it is then inside the merged cell and takes no text), else starts none."""
    g = t.grid
    rows = g.rows
    r = model_row(t, after=after)
    model = g.cells(r)
    if len(values) > len(model):
        raise EditsError(msg("the table's rows have {have} cells, 'cells' gives {given}", have=len(model),
                             given=len(values)), **place)
    nxt = r + 1 if after else r  # the row that will follow the new one
    texts: list[str] = []
    merges: list[str | None] = []
    for k, cell in enumerate(model):
        value = values[k] if k < len(values) else ""
        below = g.at(nxt, cell.col) if nxt < len(rows) else None
        inside = (below is not None and below.continues and below.col == cell.col and below.span == cell.span
                  and nxt > 0 and below.origin.row < nxt)
        if inside:
            if value and _fold(value) != _fold(g.text(below)):
                raise EditsError(msg("cell {cell} of the new row falls inside a cell merged over rows {first}-{last} "
                                     "('{text}'): give \"\" for it, or insert the row after row {last}", cell=k + 1,
                                     first=below.origin.row - t.info.header_rows + 1,
                                     last=_merge_end(g, below) - t.info.header_rows + 1, text=g.text(below)), **place)
            texts.append("")
            merges.append("continue")
        else:
            texts.append(value)
            merges.append(None)
    return rows[r], texts, merges


def _merge_end(g: Grid, cell: Cell) -> int:
    r = cell.row
    while r + 1 < len(g.rows):
        below = g.at(r + 1, cell.col)
        if below is None or below.origin is not cell.origin:
            break
        r += 1
    return r


def check_row_deletion(t: TableTarget, place: dict) -> None:
    """A row whose cell starts a vertical merge going on below cannot be deleted alone."""
    g = t.grid
    for cell in g.merged_below(t.row):
        if not cell.continues:
            end = _merge_end(g, cell)
            raise EditsError(msg("row {row} starts the cell '{text}' merged down to row {last}: deleting it alone "
                                 "would take that text from the rows below; delete rows {row}-{last}, or unmerge "
                                 "the cell first", row=t.row_label(), text=g.text(cell),
                                 last=end - t.info.header_rows + 1), **place)


_TCPR_BEFORE_VMERGE = {qn("w:cnfStyle"), qn("w:tcW"), qn("w:gridSpan"), qn("w:hMerge")}


def set_vmerge(tc, merge: str | None) -> None:
    """Give a (new) cell the vertical merge ``merge`` ("continue", "restart") or none, with
    w:vMerge in its schema place inside w:tcPr."""
    tcpr = tc.find(qn("w:tcPr"))
    if tcpr is not None:
        for vm in tcpr.findall(qn("w:vMerge")):
            tcpr.remove(vm)
    if merge is None:
        return
    if tcpr is None:
        tcpr = etree.Element(qn("w:tcPr"))
        tc.insert(0, tcpr)
    vm = etree.Element(qn("w:vMerge"))
    if merge == "restart":
        vm.set(W["val"], "restart")
    at = 0
    for k, child in enumerate(tcpr):
        if child.tag in _TCPR_BEFORE_VMERGE:
            at = k + 1
    tcpr.insert(at, vm)
