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
    # compare (src/redline/comparison/)
    "would overwrite {what} ({path})": "sẽ ghi đè lên {what} ({path})",
    "would overwrite an input": "sẽ ghi đè lên một tệp đầu vào",
    "choose another file": "chọn tệp khác",
    "OLD holds {count} tracked {count:plural:change:changes}: compared as its current text (insertions shown, "
    "deletions hidden); they are kept in the output":
        "bản CŨ có {count} thay đổi được theo dõi: so sánh theo văn bản hiện tại (hiện phần chèn, ẩn phần xóa); "
        "các thay đổi này được giữ trong kết quả",
    "NEW holds {count} tracked {count:plural:change:changes}: compared as its accepted text, as Word does":
        "bản MỚI có {count} thay đổi được theo dõi: so sánh theo văn bản đã chấp nhận, như Word",
    "headers or footers differ: they are not compared, OLD's are kept":
        "đầu trang hoặc chân trang khác nhau: không so sánh phần này, giữ của bản CŨ",
}
