"""Grounding of what a letter asks of the draft's tables: the table a place holds, the row it
names (by number or by its words), the column by its header's words, a cell's own value, the
cells of a new row.  Anything not found once is a comment (``as_comment``), never a guess.

Why its own module: tables are their own small world -- rows, columns, header rows, merged
cells -- and grounding (letters/grounding.py) only asks them "which cell is meant?".
"""
from __future__ import annotations

import re

from ..messages import msg, render
from ..text import clean, fold
from .draft import Ground, as_comment, norm


def _tables_of(g: Ground, section) -> list:
    """The tables of a place: the one it names ("Biểu số 01"), else those it holds."""
    if getattr(section, "table", None) is not None:
        return [section.table.info]
    here = section.address
    return [t for t in getattr(g.tree, "tables", []) or []
            if t.owner == here or t.owner.startswith(here + ".") or t.space and t.space == here]


def _column(t, clause: str, quotes: list[str] | None = None, find: str | None = None) -> str | None:
    """The column the letter names by its header's words (neither the table's own description
    nor the words naming the row count).  A sentence that changes several cells ("cột A sửa từ
    “1” thành “2”, cột B sửa từ “3” thành “4”") names each change's column before its words."""
    if quotes and find:
        k = next((i for i, q in enumerate(quotes) if clean(q) == clean(find)), None)
        at = clause.find(f"⟦{k}⟧") if k is not None else -1
        if at > 0:
            own = _column(t, re.split(r"[,;]\s*|\s+và\s+", clause[:at])[-1], quotes)
            if own:
                return own
    if quotes:  # a header quoted ("cột “Tỷ lệ trực tuyến”", "số hồ sơ “Trực tuyến”"): its words
        heads = {fold(h) for h in t.header}
        clause = re.sub(r"(?i)(cột\s+)?⟦(\d+)⟧", lambda m: (m.group(1) or "") + quotes[int(m.group(2))]
                        if int(m.group(2)) < len(quotes) and (m.group(1) or fold(quotes[int(m.group(2))]) in heads)
                        else m.group(0), clause)
    clause = re.sub(r"(?i)\bbảng(?:\s+[^\W\d]+){1,6}", " ", clause)
    clause = fold(re.sub(r"(?i)(?<![\w])(?:dòng|hàng|nhiệm vụ|nội dung)(?:\s+(?:số|thứ)\s+\S+)?\s*(?:⟦\d+⟧)?", " ", clause))
    for h in sorted(t.header, key=len, reverse=True):
        fh = fold(h)
        if fh and fh not in ("stt", "tt") and len(fh.split()) >= 2 and re.search(r"(?<![\w])" + re.escape(fh) + r"(?![\w])",
                                                                                clause):
            return h
    return None


def _cell_value(g: Ground, e: dict, section) -> dict:
    """A cell set to a new value by its column's header words in a row the letter names: the one
    table of the place with that row, the column whose header the words name, the cell's own
    text as the words to change (or the old value the letter quoted, which must be that cell's).
    Anything not found once: a comment."""
    why = msg("the cell the letter names is not found once in {section}: left to the drafter", section=section.address)
    if e.get("_row") is None:
        # no row named apart: the column's words may name the row too ("sửa thời hạn báo cáo kết
        # quả kiểm tra môi trường thành “...”")
        return _cell_described(g, {**e, "_cell_described": e["_col"], "_note": why}, section) \
            if e.get("find") is None else as_comment(e, why)
    tables = [t for t in _tables_of(g, section) if _row_named(g, t, e["_row"]) is not None]
    if len(tables) != 1:
        return as_comment(e, why)
    t = tables[0]
    row = _row_named(g, t, e["_row"])
    column = _column(t, e["_col"]) or next((h for h in t.header if fold(h) == fold(e["_col"])), None)
    if column is None or column not in t.header:
        return as_comment(e, why)
    at = t.header.index(column)
    rows = g.rows(t)[t.header_rows:]
    if isinstance(row, int):
        hit = [rows[row - 1]] if 1 <= row <= len(rows) else []
    else:
        hit = [r for r in rows if any(fold(c) == fold(row) for c in r)] or [r for r in rows if any(norm(row) in c for c in r)]
    if len(hit) != 1 or at >= len(hit[0]) or not hit[0][at].strip():
        return as_comment(e, why)
    cell = hit[0][at].strip()
    if e.get("find") and norm(e["find"]) != cell or norm(e["replace"]) == cell:
        return as_comment(e, why)  # the old value quoted is not that cell's; or the cell already reads so
    out = {k: v for k, v in e.items() if k not in ("_cell_value", "_col")}
    return {**out, "target": t.name, "find": e.get("find") or cell, "row": row, "column": column}


def _in_table(g: Ground, e: dict, section) -> dict:
    """'dòng thứ 2 (của bảng ...) đề nghị sửa “X” thành “Y”', 'Tại bảng ở Điều 6, ... “X” thành “Y”':
    the one table of the place whose cells hold X becomes the target, with the row the letter names
    and the column it names by its header's words."""
    key = norm(e["find"])
    holding = [t for t in _tables_of(g, section) if any(key in c for row in g.rows(t)[t.header_rows:] for c in row)]
    if len(holding) != 1:
        return e
    t = holding[0]
    out = {**e, "target": t.name}
    if e.get("_row") is not None:
        out["row"] = _row_named(g, t, e["_row"])
        if out["row"] is None:
            return as_comment(e, msg("the row the letter names is not in {section}: left to the drafter",
                                     section=t.name))
        column = _column(t, e.get("_clause", ""), e.get("_clause_quotes"), e.get("find"))
        if column and column in t.header:
            at = t.header.index(column)
            if not any(at < len(r) and key in r[at] for r in g.rows(t)[t.header_rows:]):
                column = None  # no cell of that column holds the words: the header words named something else
        if column:
            out["column"] = column
    if t is not getattr(getattr(section, "table", None), "info", None):
        out["note"] = render(msg("in the table of {section}", section=section.address))
    return out


def _comment_row(g: Ground, e: dict, section) -> None:
    """A comment on a row the letter names by its words ("Dòng “Tổng cộng” của Biểu số 01 ...", "Tại
    bảng chế độ báo cáo (Điều 6), dòng “...”") or by its number in a place whose matter is one table
    ("Tại Phụ lục, nhiệm vụ số 3 (...)"): anchored at that row of that table when exactly one table
    of the place has it (else at the place, as the letter names it)."""
    row = e["_row"]
    if isinstance(row, str):
        tables = [t for t in _tables_of(g, section) if _row_named(g, t, row) is not None]
    else:
        own = _tables_of(g, section)
        tables = own if len(own) == 1 and not section.children and 1 <= row <= own[0].rows - own[0].header_rows else []
    if len(tables) == 1:
        e["row"] = _row_named(g, tables[0], row)
        e["target"] = tables[0].name


def _cell_described(g: Ground, e: dict, section) -> dict:
    """'sửa thời hạn báo cáo tiến độ đầu tư hạ tầng tại bảng ở Điều 6 thành “Ngày 15 ...”': the words
    between the verb and the new value name one cell of the place's tables -- its row by the whole
    words of one of the row's cells, its column by its header's words (``_column``).  Exactly one
    such cell, whose text is not already the new value: that cell's change; anything else, the
    comment the letter's description always was."""
    words = fold(e["_cell_described"])
    hits = []
    for t in _tables_of(g, section):
        column = _column(t, e["_cell_described"])
        if column is None or column not in t.header:
            continue
        at = t.header.index(column)
        for r in g.rows(t)[t.header_rows:]:
            names = [c for i, c in enumerate(r) if i != at and len(fold(c).split()) >= 2 and
                     re.search(r"(?<![\w])" + re.escape(fold(c)) + r"(?![\w])", words)]
            if names and at < len(r) and r[at].strip():
                hits.append((t, max(names, key=len), column, r[at].strip()))
    if len(hits) != 1 or norm(hits[0][3]) == norm(e["replace"]):
        return as_comment(e, e["_note"])
    t, row, column, cell = hits[0]
    out = {k: v for k, v in e.items() if k not in ("_cell_described", "_note")}
    return {**out, "target": t.name, "find": cell, "row": row, "column": column}


def _row_value(g: Ground, e: dict, section) -> dict:
    """'đưa “Thủ tục về xây dựng” lên “Năm 2025”': in the place's tables, the one row with a cell of
    those words, and in it the one other cell shaped like the new value (its figures aside: "Năm
    2026" for "Năm 2025", "30,1%" for "33,4%"), not already that value: that cell's change.
    Anything else: a comment."""
    shape = lambda x: re.sub(r"\d[\d.,/]*", "#", fold(x))  # noqa: E731
    want = shape(e["replace"])
    hits = []
    for t in _tables_of(g, section):
        for r in g.rows(t)[t.header_rows:]:
            named = [i for i, c in enumerate(r) if fold(c) == fold(e["_row_value"])]
            if named:
                cells = [i for i, c in enumerate(r) if i not in named and c.strip() and shape(c) == want and i < len(t.header)]
                hits.extend((t, r[named[0]], t.header[i], r[i].strip()) for i in cells)
    if len(hits) != 1 or norm(hits[0][3]) == norm(e["replace"]):
        return as_comment(e, msg("the cell the letter names is not found once in {section}: left to the drafter",
                                 section=section.address))
    t, row, column, cell = hits[0]
    out = {k: v for k, v in e.items() if k != "_row_value"}
    new = e["replace"]
    if cell[:1].isupper() and new[:1].islower():
        new = new[:1].upper() + new[1:]  # "sang năm 2026" in a cell that reads "Năm 2025": written as its neighbours
    return {**out, "target": t.name, "find": cell, "replace": new, "row": row, "column": column}


def _row_named(g: Ground, t, row):
    """The row as the planner finds it: a number as it is; words as the draft writes them (the
    letter's "huyện Tân Lập" is the row "Huyện Tân Lập"), None when no row has them."""
    if not isinstance(row, str):
        return row
    key = fold(row)
    for r in g.rows(t)[t.header_rows:]:
        for c in r:
            if fold(c) == key:
                return c
    return row if any(norm(row) in c for r in g.rows(t)[t.header_rows:] for c in r) else None


def _row_deleted(g: Ground, e: dict, section) -> dict:
    """'bỏ dòng “Kết quả kiểm tra môi trường”': that row of the place's one table holding it."""
    row = e["_row"]
    tables = _tables_of(g, section)
    if isinstance(row, str):
        tables = [t for t in tables if any(norm(row) in c for r in g.rows(t)[t.header_rows:] for c in r)]
    if len(tables) != 1:
        return as_comment(e, msg("which row is meant is not clear: left to the drafter"))
    return {**{k: v for k, v in e.items() if k != "find"}, "target": tables[0].name, "row": row}


def _in_cell(g: Ground, e: dict, section) -> dict | None:
    """'Nhiệm vụ số 3 tại Phụ lục: cơ quan chủ trì đề nghị ghi là “X”': new words for one cell, the
    row and the column both named: that cell's text; without the column, a comment."""
    new = e.get("paragraphs") or ([e["text"]] if e.get("text") else [])
    tables = _tables_of(g, section)
    if e["op"] != "replace" or e.get("_row") is None or len(new) != 1 or len(tables) != 1 or e.get("anchor"):
        return None
    column = _column(tables[0], e.get("_clause", ""))
    if column is None:
        return as_comment(e, msg("which cell of the row is meant is not said: left to the drafter"))
    row = _row_named(g, tables[0], e["_row"])
    if row is None:
        return as_comment(e, msg("the row the letter names is not in {section}: left to the drafter",
                                 section=tables[0].name))
    out = {k: v for k, v in e.items() if k not in ("paragraphs", "_rewrite")}
    return {**out, "target": tables[0].name, "row": row, "column": column, "text": clean(new[0])}


def _row_cells(g: Ground, e: dict, section) -> dict | None:
    """'bổ sung nhiệm vụ số 5 như sau: nhiệm vụ “A”; cơ quan chủ trì “B”; thời gian hoàn thành “C”',
    'bổ sung vào cuối Biểu số 02 dòng số liệu của huyện Sơn Trà: đã giải quyết 743, đúng hạn 741, tỷ lệ
    99,7%': a new row whose cells the letter gives by the columns' names (the row's own name in the
    column that names rows), appended to the place's one table; the number column takes the number
    the letter gives, or the next one.  Any column left unsaid: None (a comment)."""
    tables = _tables_of(g, section)
    text = " ".join(e.get("paragraphs") or [e.get("text") or ""])
    pairs = [(a, b) for a, b in re.findall(r"([^“”\"“;:,]+?)\s*:?\s*[“\"]([^”\"]+)[”\"]", text)
             if not re.search(r"(?i)(?:dòng|hàng)\s*$", a)]  # "thêm một dòng “X”": the row's name, not a cell
    named_row = e.get("_row") if isinstance(e.get("_row"), str) else None
    if len(pairs) < (1 if named_row else 2):
        pairs = [(m.group(1), m.group(2)) for m in (re.match(r"\s*([^\d,;]+?)\s+(\d[\d.,/]*%?)(?:\s+[^\W\d]+){0,2}\s*$", x)
                                                   for x in re.split(r",\s+|;", text.rstrip(" ."))) if m]
    if len(tables) == 1 and len(pairs) < (1 if named_row else 2):
        # the new words were only the row's name: the cells are in the letter's sentence ("bổ sung vào Phụ
        # lục một nhiệm vụ: “X”, cơ quan chủ trì “Y”, thời gian hoàn thành là Z"), each after its column's
        # header words
        pairs = _cells_by_header(tables[0], e.get("quote") or "")
    if len(tables) != 1 or len(pairs) < (1 if named_row else 2):
        return None
    t = tables[0]
    heads = [fold(h) for h in t.header]
    cells: list[str | None] = [None] * len(t.header)
    for label, value in pairs:
        label = fold(label)
        hit = [i for i, h in enumerate(heads) if h and h == label.strip()] or \
            [i for i, h in enumerate(heads) if h and (h in label or label.endswith(h))] or \
            [i for i, h in enumerate(heads) if h.startswith(label)]
        if len(hit) != 1 or cells[hit[0]] is not None:
            return None
        cells[hit[0]] = clean(value)
    rows = g.rows(t)[t.header_rows:]
    name = re.search(r"(?:dòng|hàng)(?:\s+số liệu)?\s+(?:của\s+)?(?P<n>[^:,;“”]{2,60}?)\s*:", e.get("quote", ""), re.I)
    name = name.group("n") if name else named_row  # "bổ sung dòng “Tổng cộng” ... với số liệu: ..."
    total = bool(name and re.fullmatch(r"(?i)\s*(?:tổng cộng|tổng số|tổng|cộng|toàn tỉnh)\s*", name))
    for i, h in enumerate(heads):
        if cells[i] is not None:
            continue
        if h in ("stt", "tt") and total:
            cells[i] = ""  # a total row has no number
        elif h in ("stt", "tt"):
            last = [r[i] for r in rows if r[i:i + 1] and r[i].strip(".").isdigit()]
            cells[i] = str(e["_row"]) if isinstance(e.get("_row"), int) else \
                str(int(last[-1].strip(".")) + 1) if last else None
        elif name and any(r[i:i + 1] and not re.search(r"\d", r[i]) for r in rows):
            n = clean(name)
            cells[i] = n[:1].upper() + n[1:]  # the row's name, written as the column writes names
            name = None
    if any(c is None for c in cells):
        return None
    out = {k: v for k, v in e.items() if k not in ("paragraphs", "text")}
    at = re.search(r"(?i)(?<![\w])(?P<pos>sau|trước)\s+(?:dòng|hàng)\s+[“\"](?P<r>[^”\"]{1,80})[”\"]", e.get("quote", ""))
    if at:
        # "bổ sung dòng “X” vào sau dòng “Xây dựng” với số liệu: ...": next to the row it names, or nowhere
        row = _row_named(g, t, clean(at.group("r")))
        if row is None:
            return None
        return {**out, "op": "insert_after" if at.group("pos").lower() == "sau" else "insert_before", "target": t.name,
                "row": row, "cells": cells}
    last = next((r for r in reversed(rows) if any(c.strip() for c in r)), None)
    if not total and last is not None and any(re.fullmatch(r"(?i)\s*(?:tổng cộng|tổng số|tổng|cộng|toàn tỉnh)\s*", c)
                                              for c in last):
        # a new row of figures in a table that ends with its total: above the total, not under it
        name_cell = next(c for c in last if re.fullmatch(r"(?i)\s*(?:tổng cộng|tổng số|tổng|cộng|toàn tỉnh)\s*", c))
        return {**out, "op": "insert_before", "target": t.name, "row": name_cell, "cells": cells}
    return {**out, "op": "append", "target": t.name, "cells": cells}


def _cells_by_header(t, quote: str) -> list[tuple[str, str]]:
    """(header, value) for each column whose header's words the sentence writes, followed by a value
    (quoted, or up to the next comma: "cơ quan chủ trì là Sở X", "thời gian hoàn thành trong Quý III")."""
    out = []
    for h in t.header:
        if fold(h) in ("stt", "tt") or len(h.split()) < 1:
            continue
        m = re.search(r"(?<![\w])" + re.escape(h) + r"(?![\w])(?:\s+mới)?\s*(?:là|:)?\s*(?:trong\s+|vào\s+)?"
                      r"(?:[“\"](?P<q>[^”\"]+)[”\"]|(?P<n>\d[\d.,/]*%?)(?:\s+[^\W\d]+){0,2}|(?P<w>[^,.;“”\"]{2,80}?))"
                      r"\s*(?=[,.;](?:\s|$)|$)", quote, re.I)
        agent = re.match(r"(?i)(?:cơ quan|đơn vị)\s+(?P<v>\S.*)$", h)
        if not m and agent:
            # "... do Sở Công Thương chủ trì": the agent before the verb the header names ("Cơ quan chủ trì")
            m = re.search(r"(?<![\w])do\s+(?P<w>[^,.;“”\"]{2,60}?)\s+" + re.escape(agent.group("v")) + r"(?![\w])",
                          quote, re.I)
        if m:
            # a figure with its separators ("1.126", "85,1%"), without its unit ("958 hồ sơ")
            g = m.groupdict()
            out.append((h, clean(g.get("q") or g.get("n") or g.get("w"))))
    return out


_ROWISH = re.compile(r"(?i)(?<![\w])(?:nhiệm vụ|dòng|hàng|chỉ tiêu|lĩnh vực|đơn vị|dự án)(?![\w])")


def _new_row(g: Ground, e: dict, section) -> bool:
    """'Tại Phụ lục, đề nghị bổ sung nhiệm vụ: “...” do Sở Nội vụ chủ trì': new words for a table
    (a row, its cells described) are not a paragraph to add under it."""
    if e["op"] not in ("append", "prepend", "insert_after", "insert_before") or e.get("cells") or e.get("anchor"):
        return False
    if getattr(section, "table", None) is not None:
        return True
    has_table = any(g.tree.blocks[i].tag.endswith("}tbl") for i in range(section.start, section.end))
    said = re.sub(r"“[^”]*”?|\"[^\"]*\"?", " ", e.get("quote", ""))  # the letter's words, not the new ones
    return has_table and (section.kind == "document" or bool(_ROWISH.search(said)))
