"""Vietnamese texts of the messages about comment letters (src/redline/letters/).  How to
add one: see __init__.py."""

VI = {
    "unsupported letter format {suffix}": "không đọc được văn bản góp ý dạng {suffix}",
    "save it as .docx, .txt or .pdf": "lưu lại dưới dạng .docx, .txt hoặc .pdf",
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
    # a source that is no letter for this draft (src/redline/intake.py)
    "this is another version of the draft ({share:.0%} of its paragraphs are the draft's, word for word), "
    "not a comment letter":
        "đây là một phiên bản khác của dự thảo ({share:.0%} số đoạn trùng nguyên văn với dự thảo), "
        "không phải văn bản góp ý",
    "give comment letters or edits files as sources; two versions of a draft are compared, not applied":
        "nguồn phải là văn bản góp ý hoặc tệp sửa đổi; hai phiên bản dự thảo thì so sánh với nhau, không áp dụng",
    "this looks like a draft ({headings} numbered headings, none asking for a change), and the draft looks "
    "like a comment letter: are they swapped?":
        "tệp này giống một dự thảo ({headings} đề mục đánh số, không mục nào đề nghị sửa), còn tệp dự thảo lại "
        "giống văn bản góp ý: có phải hai tệp bị đặt ngược chỗ?",
    "the draft comes first: redline apply DRAFT.docx LETTER": "dự thảo đứng trước: redline apply DU_THAO.docx GOP_Y",
    "this looks like a draft ({headings} numbered headings, none asking for a change), not a comment letter":
        "tệp này giống một dự thảo ({headings} đề mục đánh số, không mục nào đề nghị sửa), không phải văn bản góp ý",
    "give the comment letter that asks for changes to the draft": "hãy đưa vào văn bản góp ý đề nghị sửa dự thảo",
    "nothing was read from this letter: none of its {count} paragraphs names a place in the draft and asks "
    "for a change":
        "không đọc được đề nghị nào từ văn bản này: trong {count} đoạn không đoạn nào nêu vị trí trong dự thảo "
        "và đề nghị sửa",
    "is it the comment letter? Its instructions read like “Tại Mục I.4, đề nghị sửa ... thành ...”":
        "đây có đúng là văn bản góp ý? Đề nghị trong đó thường có dạng “Tại Mục I.4, đề nghị sửa ... thành ...”",
}
