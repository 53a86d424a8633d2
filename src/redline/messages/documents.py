"""Vietnamese texts of the messages about .docx files and output files: opening, reading,
limits, writing (src/redline/package.py, revisions.py).  How to add one: see __init__.py."""

VI = {
    "no such file": "không có tệp này",
    "not a file": "không phải là tệp",
    "part {part} is not well-formed XML: {reason}": "phần {part} không phải XML hợp lệ: {reason}",
    "no WordprocessingML document part found": "không tìm thấy phần nội dung văn bản (WordprocessingML)",
    "would overwrite the input {path}": "sẽ ghi đè lên tệp đầu vào {path}",
    "choose another output file": "chọn tệp kết quả khác",
    "already exists": "tệp đã có",
    "use {option} to replace it": "dùng {option} để ghi đè",
    "no revisions by {author!r}: the document has no tracked changes":
        "không có thay đổi nào của {author!r}: văn bản không có thay đổi được theo dõi",
    "no revisions by {author!r}; the document's revision authors are: {authors}":
        "không có thay đổi nào của {author!r}; văn bản có thay đổi của: {authors}",
}
