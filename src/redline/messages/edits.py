"""Vietnamese texts of the messages about edits files, edits and where they point (see __init__)."""

VI = {
    "edit {number}": "sửa đổi {number}",
    "edit {number} (n={n})": "sửa đổi {number} (n={n})",
    "field '{field}'": "trường '{field}'",
}
