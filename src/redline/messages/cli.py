"""Vietnamese texts of the command line's own lines (cli/main.py) and of the option checks
(src/redline/options.py, intake.py's misplaced draft).  How to add one: see __init__.py."""

VI = {
    "redline: error: {message}": "redline: lỗi: {message}",
    "redline: internal error ({kind}: {detail}); please report it, with --debug for the traceback":
        "redline: lỗi nội bộ ({kind}: {detail}); xin báo lại lỗi này, kèm kết quả chạy với --debug",
    "warning: {message}": "cảnh báo: {message}",
    "wrote {path}: {count} {count:plural:revision:revisions} settled": "đã ghi {path}: đã xử lý {count} thay đổi",
    "{value!r} is not a date: write 15/7/2022, 2022-07-15 or 2022-07-15T08:00:00Z":
        "{value!r} không phải là ngày: hãy ghi 15/7/2022, 2022-07-15 hoặc 2022-07-15T08:00:00Z",
    "unknown language {value!r}: expected one of {languages}": "không có ngôn ngữ {value!r}: chọn một trong {languages}",
    "the output would be a {kind} file but its name ends in {suffix!r}":
        "tệp kết quả là tệp {kind} nhưng tên lại có đuôi {suffix!r}",
    "name it {name}": "hãy đặt tên là {name}",
    "{name} is a letter or an edits file, not a draft: the draft (.docx) comes first, then the sources":
        "{name} là văn bản góp ý hoặc tệp sửa đổi, không phải dự thảo: dự thảo (.docx) đứng trước, "
        "sau đó mới đến các nguồn góp ý",
    "{count} {count:plural:finding:findings}": "{count} lỗi cấu trúc",
}
