"""Vietnamese texts of the messages about comment letters (src/redline/letters/).  How to
add one: see __init__.py."""

VI = {
    "letter not found": "không tìm thấy văn bản góp ý",
    "unsupported letter format {suffix}": "không đọc được văn bản góp ý dạng {suffix}",
    "save it as .docx, .txt or .pdf": "lưu lại dưới dạng .docx, .txt hoặc .pdf",
    "letter is {size} bytes, over the {limit} byte limit": "văn bản góp ý có {size} byte, vượt giới hạn {limit} byte",
    "this is a zip package (a .docx?), not a text letter": "đây là một gói zip (tệp .docx?), không phải văn bản chữ",
    "give it the .docx extension": "đổi đuôi tệp thành .docx",
    "cannot read the .docx letter: {reason}": "không đọc được văn bản góp ý .docx: {reason}",
    "reading .pdf letters needs the optional pypdf package": "để đọc văn bản góp ý .pdf cần cài thêm gói pypdf",
    "pip install 'redline[pdf]', or save the letter as .txt or .docx":
        "chạy pip install 'redline[pdf]', hoặc lưu văn bản góp ý thành .txt hay .docx",
    "the PDF is encrypted": "tệp PDF đã bị mã hóa",
    "cannot read the PDF: {reason}": "không đọc được tệp PDF: {reason}",
    "the PDF has no text layer (a scan?)": "tệp PDF không có lớp chữ (bản quét?)",
    "OCR it first": "cần nhận dạng chữ (OCR) trước",
    "unknown encoding: starts with a {codec} byte-order mark but byte {offset} is not {codec}":
        "bảng mã không rõ: mở đầu bằng dấu BOM {codec} nhưng byte {offset} không phải {codec}",
    "unknown encoding: not UTF-8, UTF-16 or Windows-1258 Vietnamese":
        "bảng mã không rõ: không phải UTF-8, UTF-16 hay Windows-1258 tiếng Việt",
    "save the letter as UTF-8 text, .docx or .pdf": "lưu văn bản góp ý thành văn bản UTF-8, .docx hoặc .pdf",
}
