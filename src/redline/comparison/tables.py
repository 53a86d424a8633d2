"""Two paired tables: rows paired, inserted and deleted as row revisions, cells compared.

Rows are paired by the one alignment core over their text, and only rows of the same shape
(cell count, spans, vertical merges: ``read.row_shape``) pair, so a paired row is compared
cell by cell: each cell is a container of blocks like the body (paragraphs, nested tables).
An unpaired OLD row is deleted (w:trPr/w:del and its text); an unpaired NEW row is copied in
after the last OLD row seen and inserted (w:trPr/w:ins and its text).  A row whose shape
changed is therefore shown as deleted and inserted: exact, if not the smallest redline.
Table-level properties and the grid stay OLD's.
"""
from __future__ import annotations

from lxml import etree

from ..align import align
from .read import row_cells, row_shape, w

TR = w("tr")


def compare_tables(cmp, story, old_tbl: etree._Element, new_tbl: etree._Element) -> dict:
    old_rows, new_rows = old_tbl.findall(TR), new_tbl.findall(TR)
    ot = [story.old.row_text(tr) for tr in old_rows]
    nt = [story.new.row_text(tr) for tr in new_rows]
    pairs = align(ot, nt, old_kinds=[repr(row_shape(tr)) for tr in old_rows],
                  new_kinds=[repr(row_shape(tr)) for tr in new_rows])
    detail = {"rows_added": 0, "rows_deleted": 0, "rows_changed": 0, "inner": False}
    cursor = None
    for oi, ni in pairs:
        if oi is not None and ni is not None:
            cursor = old_rows[oi]
            if etree.tostring(old_rows[oi]) == etree.tostring(new_rows[ni]):
                continue
            changed = False
            for oc, nc in zip(row_cells(old_rows[oi]), row_cells(new_rows[ni])):
                if etree.tostring(oc) != etree.tostring(nc):
                    changed = cmp.compare_container(story, oc, nc) or changed
            if ot[oi] != nt[ni]:
                detail["rows_changed"] += 1
            elif changed:
                detail["inner"] = True
        elif ni is None:
            cursor = old_rows[oi]
            cmp.rv.delete_row(old_rows[oi], cmp.meta)
            detail["rows_deleted"] += 1
        else:
            copied = story.copy(new_rows[ni])
            if cursor is not None:
                cursor.addnext(copied)
            elif old_rows:
                old_rows[0].addprevious(copied)
            else:
                old_tbl.append(copied)
            cmp.rv.insert_row(copied, cmp.meta)
            cursor = copied
            detail["rows_added"] += 1
    return detail
