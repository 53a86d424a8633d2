"""Vietnamese texts of the messages about the draft's sections: the outline's warnings and
references that do not resolve (src/redline/sections/).  How to add one: see __init__.py."""

VI = {
    "block {index}": "khối {index}",
    "'{label}' starts a new level without 1/a before it": "'{label}' mở một cấp mới mà không có 1/a đứng trước",
    "'{text}' looks like a heading but does not continue '{previous}' (treated as body text)":
        "'{text}' trông như tiêu đề nhưng không nối tiếp '{previous}' (coi là nội dung)",
    "numbering gap: '{label}' follows '{previous}'": "số thứ tự bị ngắt quãng: '{label}' đứng sau '{previous}'",
    "two sections share the address {address}: blocks {first} and {second}":
        "hai mục cùng số {address}: khối {first} và khối {second}",
    "no section matches '{reference}'": "không có mục nào khớp với '{reference}'",
    " (looked for {addresses})": " (đã tìm {addresses})",
    "; the draft has no numbered sections": "; dự thảo không có mục đánh số nào",
    "; nearest: {sections}": "; gần nhất: {sections}",
    "'{reference}' is ambiguous{why}: it matches {count} sections: {sections}":
        "'{reference}' chưa rõ{why}: khớp với {count} mục: {sections}",
    "write the full address, e.g. {address}": "ghi đầy đủ số mục, ví dụ {address}",
    " (no exact address; read loosely)": " (không có số mục khớp hẳn; đã đọc nới lỏng)",
    " (several headings have this text)": " (nhiều tiêu đề có cùng nội dung này)",
    "no section matches the number in '{reference}' (looked for {addresses}); its title names {sections}":
        "không có mục nào khớp với số trong '{reference}' (đã tìm {addresses}); tên mục trỏ tới {sections}",
    "check the number": "kiểm tra lại số mục",
    "'{reference}': the number names {section}, but the title '{title}' does not match it":
        "'{reference}': số mục trỏ tới {section}, nhưng tên '{title}' không khớp với mục đó",
    "; the title names {sections}": "; tên mục trỏ tới {sections}",
    "correct the number or the title": "sửa lại số mục hoặc tên mục",
    "title": "tiêu đề",
    "preamble": "phần mở đầu",
    "closing": "phần kết",
    "the draft has no {part} part ('{reference}')": "dự thảo không có {part} ('{reference}')",
    "the outline found none; name a section instead": "không tìm thấy phần này; hãy nêu một mục cụ thể",
    "'{reference}' is ambiguous: it matches {count} sections in different documents: {sections}":
        "'{reference}' chưa rõ: khớp với {count} mục ở các văn bản khác nhau: {sections}",
    "name the document, e.g. '{example}'": "nêu rõ văn bản, ví dụ '{example}'",
    "no table matches '{reference}'": "không có bảng nào khớp với '{reference}'",
    "tables: {names}": "các bảng: {names}",
    "'{reference}' is ambiguous: it matches {count} tables: {tables}": "'{reference}' chưa rõ: khớp với {count} bảng: {tables}",
    "{document} has no {part} part ('{reference}')": "{document} không có {part} ('{reference}')",
    # tables (src/redline/sections/tables.py)
    "{table} has {count} {count:plural:row:rows} under its header; row {asked} asked":
        "{table} có {count} dòng dưới tiêu đề bảng; yêu cầu dòng {asked}",
    "no row of {table} starts with {row!r}": "không có dòng nào của {table} bắt đầu bằng {row!r}",
    "rows: {names}": "các dòng: {names}",
    "{count} rows of {table} start with {row!r}: {rows}": "{count} dòng của {table} bắt đầu bằng {row!r}: {rows}",
    "quote more of the row's first cell, or give its number": "trích dài hơn ô đầu của dòng, hoặc ghi số thứ tự dòng",
    "{table} has {count} {count:plural:column:columns}; column {asked} asked":
        "{table} có {count} cột; yêu cầu cột {asked}",
    "no column of {table} is headed {column!r}": "không có cột nào của {table} có tiêu đề {column!r}",
    "{count} columns of {table} are headed {column!r}": "{count} cột của {table} có tiêu đề {column!r}",
    "columns: {names}": "các cột: {names}",
}
