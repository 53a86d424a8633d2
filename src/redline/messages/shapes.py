"""Vietnamese texts of the messages about document shapes (issue 12): merged table cells,
renumbering and the references it makes stale, the outline listing (src/redline/sections/,
src/redline/plan.py).  How to add one: see __init__.py."""

VI = {
    # tables with merged cells (src/redline/sections/tables.py, src/redline/plan.py)
    "row and column name {count} cells here; 'replace' rewrites one cell: name a single column, or use 'cells' "
    "for the row":
        "dòng và cột đã nêu gồm {count} ô; 'replace' chỉ viết lại một ô: hãy nêu một cột, hoặc dùng 'cells' cho cả dòng",
    "the cell holds a table of its own: its text cannot be replaced whole; use replace_text (or delete with find) "
    "inside it":
        "ô này chứa một bảng khác: không thể thay toàn bộ nội dung ô; hãy dùng replace_text (hoặc delete với find) "
        "bên trong",
    "row {asked} of {table} is ambiguous: row {asked} under the header is '{position}', but the row numbered "
    "{asked} in the STT column is '{numbered}'":
        "dòng {asked} của {table} chưa rõ: dòng thứ {asked} dưới tiêu đề bảng là '{position}', còn dòng có STT "
        "{asked} là '{numbered}'",
    "name the row by its first cell's text": "hãy nêu dòng bằng nội dung ô đầu của dòng",
    "column {asked} of {table} is ambiguous: column {asked} from the left is '{position}', but the column tagged "
    "({asked}) is '{tagged}'":
        "cột {asked} của {table} chưa rõ: cột thứ {asked} từ trái sang là '{position}', còn cột đánh số ({asked}) "
        "là '{tagged}'",
    "name the column by its header": "hãy nêu cột bằng tiêu đề cột",
    "cell {cell} of this row is merged with the cell above it (row {row}): change its text there, or give \"\" "
    "for it":
        "ô {cell} của dòng này được gộp với ô phía trên (dòng {row}): hãy sửa nội dung tại đó, hoặc ghi \"\" cho ô này",
    "cell {cell} of the new row falls inside a cell merged over rows {first}-{last} ('{text}'): give \"\" for it, "
    "or insert the row after row {last}":
        "ô {cell} của dòng mới nằm trong ô gộp từ dòng {first} đến dòng {last} ('{text}'): hãy ghi \"\" cho ô này, "
        "hoặc chèn dòng sau dòng {last}",
    "row {row} starts the cell '{text}' merged down to row {last}: deleting it alone would take that text from "
    "the rows below; delete rows {row}-{last}, or unmerge the cell first":
        "dòng {row} mở đầu ô gộp '{text}' kéo xuống đến dòng {last}: xóa riêng dòng này sẽ làm mất nội dung đó ở "
        "các dòng dưới; hãy xóa các dòng {row}-{last}, hoặc bỏ gộp ô trước",
    # the outline listing (src/redline/sections/listing.py)
    "({count} {count:plural:row:rows} under a header of {header} {header:plural:row:rows})":
        "({count} dòng, dưới {header} dòng tiêu đề)",
    "row {number}": "dòng {number}",
    "signature": "chữ ký",
    # renumbering (src/redline/plan.py, src/redline/sections/renumbering.py)
    "{edit}: {what} {numbers} of {parent} renumbered {new_numbers}":
        "{edit}: {what} {numbers} của {parent} được đánh số lại thành {new_numbers}",
    "{edit}: {what} {numbers} renumbered {new_numbers}": "{edit}: {what} {numbers} được đánh số lại thành {new_numbers}",
    "{edit} rewrites the label of '{heading}' itself: it is not renumbered":
        "{edit} tự viết lại số của '{heading}': không đánh số lại",
    "{what} {old} is deleted ({edit})": "{what} {old} đã bị bỏ ({edit})",
    "{what} {old} is now {what} {new} ({edit})": "{what} {old} nay là {what} {new} ({edit})",
    "{edit}: '{reference}' names {what} {old}, which is deleted: check it (a comment marks it)":
        "{edit}: '{reference}' dẫn chiếu {what} {old} đã bị bỏ: đề nghị rà soát (có chú thích tại chỗ)",
    "{edit}: '{reference}' names {what} {old}, now {what} {new}: check it (a comment marks it)":
        "{edit}: '{reference}' dẫn chiếu {what} {old}, nay là {what} {new}: đề nghị rà soát (có chú thích tại chỗ)",
    "{changes}: check this reference": "{changes}: đề nghị rà soát dẫn chiếu này",
}
