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
    # the letter grammar (src/redline/letters/): extract --explain, apply's questions
    "no sender found in the letter's header or signature: give {option}":
        "không tìm thấy cơ quan gửi ở phần đầu hay phần ký của văn bản góp ý: hãy ghi {option}",
    "the letter names no sender (no organisation in its header or signature)":
        "văn bản góp ý không ghi cơ quan gửi (không có tên cơ quan ở phần đầu hay phần ký)",
    "give the office or person with {option}": "ghi tên cơ quan hoặc người góp ý bằng {option}",
    "no sender found in the letter; its changes are attributed to “{author}” ({option})":
        "văn bản góp ý không ghi cơ quan gửi; các thay đổi được ghi cho “{author}” ({option})",
    "edit": "sửa đổi",
    "unresolved": "chưa xác định vị trí",
    "ignored": "không đề nghị sửa",
    "rule": "quy tắc",
    "{sentences} {sentences:plural:sentence:sentences}: {edit} {edit_name}, {comment} {comment_name}, "
    "{unresolved} {unresolved_name}, {ignored} {ignored_name}":
        "{sentences} câu: {edit} {edit_name}, {comment} {comment_name}, {unresolved} {unresolved_name}, "
        "{ignored} {ignored_name}",
    "warning: {text}": "lưu ý: {text}",
    "cannot read the lexicon: {reason}": "không đọc được tệp từ vựng (lexicon): {reason}",
    # why a request became a comment or stayed unresolved (notes and reasons of extract)
    "joined to the comment above": "gộp vào góp ý ở trên",
    "the part is not one paragraph: which sentence is meant is left to the drafter":
        "không xác định được câu văn bản góp ý nêu trong phần này: để cơ quan soạn thảo xử lý",
    "the words to change are read from the draft: give {option}": "câu chữ cần sửa được đọc từ dự thảo: cần {option}",
    "the part is not one paragraph: where the words go is left to the drafter":
        "phần này không phải một đoạn: vị trí bổ sung để cơ quan soạn thảo xử lý",
    "the cell the letter names is not found once in {section}: left to the drafter":
        "không xác định được đúng một ô bảng văn bản góp ý nêu trong {section}: để cơ quan soạn thảo xử lý",
    "the preamble has no căn cứ line {k}: left to the drafter":
        "phần căn cứ không có căn cứ thứ {k}: để cơ quan soạn thảo xử lý",
    "“{target}” names several places; the quoted text is in {found}":
        "“{target}” chỉ nhiều vị trí; đoạn trích nằm ở {found}",
    "page reference: {page} (located by the quoted text)": "dẫn theo trang: {page} (xác định vị trí theo đoạn trích)",
    "the new text ends with “...”: give {option} to place it":
        "nội dung mới kết thúc bằng “...”: cần {option} để xác định vị trí",
    "“{find}” is a common word: which occurrence is meant needs the draft":
        "“{find}” là từ thông dụng: cần có dự thảo mới biết là chỗ nào",
    "no section named: the instruction says what to change but not where":
        "không nêu mục nào: đề nghị nói sửa gì nhưng không nói sửa ở đâu",
    "no place named: located by the quoted text": "không nêu vị trí: xác định theo đoạn trích",
    "a new part for the draft, with no place named": "đề nghị bổ sung nội dung mới vào dự thảo nhưng không nêu vị trí",
    "the value to change is not found once in {section}: left to the drafter":
        "không xác định được đúng một giá trị cần sửa trong {section}: để cơ quan soạn thảo xử lý",
    "no section named, and the quoted text is in several places":
        "không nêu mục nào, và đoạn trích có ở nhiều chỗ",
    "page reference: the quoted text is not in the draft": "dẫn theo trang: đoạn trích không có trong dự thảo",
    "“{target}” is not in the draft ({reason}); located by the quoted text":
        "dự thảo không có “{target}” ({reason}); xác định vị trí theo đoạn trích",
    "the letter names {named}; the quoted text is in {found}": "văn bản góp ý nêu {named}; đoạn trích nằm ở {found}",
    "the letter names a place inside {section} the reading did not find: left to the drafter":
        "văn bản góp ý nêu một vị trí bên trong {section} mà không xác định được: để cơ quan soạn thảo xử lý",
    "the letter names a new part ({part}) the reading did not make: left to the drafter":
        "văn bản góp ý đề nghị bổ sung {part} nhưng không xác định được cách bổ sung: để cơ quan soạn thảo xử lý",
    "the new words rewrite more than the quoted words: left to the drafter":
        "nội dung mới viết lại nhiều hơn cụm từ được trích: để cơ quan soạn thảo xử lý",
    "“{find}” is part of a sentence in {section}, not a whole one: left to the drafter":
        "“{find}” chỉ là một phần của câu trong {section}, không phải cả câu: để cơ quan soạn thảo xử lý",
    "an opinion, not an order: left to the drafter": "một ý kiến nhận định, không phải đề nghị sửa cụ thể: để cơ quan soạn thảo xử lý",
    "the quoted text is not in {section}: left to the drafter":
        "đoạn trích không có trong {section}: để cơ quan soạn thảo xử lý",
    "“{find}” occurs {count} times in {section}: left to the drafter":
        "“{find}” xuất hiện {count} lần trong {section}: để cơ quan soạn thảo xử lý",
    "“{target}” is not in the draft: a new one after {before}": "dự thảo chưa có “{target}”: thêm mới sau {before}",
    "in the table of {section}": "trong bảng của {section}",
    "the new words are those of paragraph {k} of {section}": "nội dung mới là của đoạn {k} trong {section}",
    "the new words are those of {part}, one part of {section}": "nội dung mới là của {part}, một phần của {section}",
    "{section} has {count} parts and the new text names none of them: left to the drafter":
        "{section} có {count} phần và nội dung mới không ứng với phần nào: để cơ quan soạn thảo xử lý",
    "the new wording of {section}": "nội dung mới của {section}",
    "{section} exists: a new one in its place is for the drafter":
        "{section} đã có: thêm mới vào vị trí này do cơ quan soạn thảo quyết định",
    "a new part after {part}": "phần mới sau {part}",
    "a new row of the table in {section}: its cells are for the drafter":
        "dòng mới của bảng trong {section}: nội dung các ô do cơ quan soạn thảo điền",
    "the new text ends with “...”: only its beginning changes": "nội dung mới kết thúc bằng “...”: chỉ sửa phần đầu",
    "the new text ends with “...” and its beginning was not found: left to the drafter":
        "nội dung mới kết thúc bằng “...” và không tìm thấy phần đầu của nó: để cơ quan soạn thảo xử lý",
    "part of the request has no exact words: left to the drafter":
        "một phần đề nghị không có câu chữ cụ thể: để cơ quan soạn thảo xử lý",
    "the request says in which direction, not the exact words: left to the drafter":
        "đề nghị chỉ nêu hướng sửa, không có câu chữ cụ thể: để cơ quan soạn thảo xử lý",
    "a second request in the same sentence: left to the drafter":
        "câu có thêm một đề nghị khác: để cơ quan soạn thảo xử lý",
    "the quoted words are not closed: left to the drafter": "đoạn trích không đóng ngoặc kép: để cơ quan soạn thảo xử lý",
    "the letter asks not to change: left to the drafter": "văn bản góp ý đề nghị không sửa: để cơ quan soạn thảo xử lý",
    "the change is asked under a condition: left to the drafter":
        "đề nghị sửa có điều kiện: để cơ quan soạn thảo xử lý",
    "others' opinion reported by the letter: left to the drafter":
        "ý kiến của người khác được văn bản góp ý nêu lại: để cơ quan soạn thảo xử lý",
    "the letter offers alternatives: left to the drafter":
        "văn bản góp ý nêu nhiều phương án: để cơ quan soạn thảo xử lý",
    "move without quoted text: left to the drafter": "chuyển chỗ nhưng không trích nội dung: để cơ quan soạn thảo xử lý",
    "two phrases to swap: which words stand between them needs the draft: left to the drafter":
        "hoán đổi hai cụm từ: cần có dự thảo để biết giữa chúng là gì: để cơ quan soạn thảo xử lý",
    "the two phrases are not side by side once in the draft: left to the drafter":
        "hai cụm từ không đứng liền nhau đúng một chỗ trong dự thảo: để cơ quan soạn thảo xử lý",
    "move without a clear destination: left to the drafter":
        "chuyển chỗ nhưng không rõ chuyển đến đâu: để cơ quan soạn thảo xử lý",
    "the letter quotes the moved text cut short: left to the drafter":
        "nội dung cần chuyển được trích không đầy đủ: để cơ quan soạn thảo xử lý",
    "merge without the merged text: left to the drafter":
        "gộp nhưng không có nội dung sau khi gộp: để cơ quan soạn thảo xử lý",
    "new {kind} {num}: left to the drafter": "{kind} {num} mới: để cơ quan soạn thảo xử lý",
    "new section without its text: left to the drafter": "mục mới nhưng không có nội dung: để cơ quan soạn thảo xử lý",
    "the quoted words are cut short: left to the drafter":
        "đoạn trích không đầy đủ: để cơ quan soạn thảo xử lý",
    "which mark to drop is not clear: left to the drafter": "không rõ bỏ dấu nào: để cơ quan soạn thảo xử lý",
    "the words to drop are cut short: left to the drafter":
        "câu chữ cần bỏ được trích không đầy đủ: để cơ quan soạn thảo xử lý",
    "several sections to drop: left to the drafter": "bỏ nhiều mục cùng lúc: để cơ quan soạn thảo xử lý",
    "what to drop is not quoted: left to the drafter": "không trích nội dung cần bỏ: để cơ quan soạn thảo xử lý",
    "insertion without its text: left to the drafter": "bổ sung nhưng không có nội dung: để cơ quan soạn thảo xử lý",
    "replacement without its text: left to the drafter": "thay thế nhưng không có nội dung mới: để cơ quan soạn thảo xử lý",
    "what to change is described, not quoted: left to the drafter":
        "nội dung cần sửa chỉ được mô tả, không được trích: để cơ quan soạn thảo xử lý",
    "the new text is a fragment (“…”): left to the drafter":
        "nội dung mới chỉ là một đoạn (“…”): để cơ quan soạn thảo xử lý",
    "words to add without their place in the text: left to the drafter":
        "câu chữ cần bổ sung không nêu vị trí trong câu: để cơ quan soạn thảo xử lý",
    # the harm firewall (letters/firewall.py) and tables
    "the new words are much shorter than {section}: left to the drafter":
        "nội dung mới ngắn hơn nhiều so với {section}: để cơ quan soạn thảo xử lý",
    "the new words are part of a sentence, not a block: left to the drafter":
        "nội dung mới chỉ là một phần của câu, không phải một đoạn: để cơ quan soạn thảo xử lý",
    "the letter does not say the part is rewritten: left to the drafter":
        "văn bản góp ý không nói viết lại toàn bộ phần này: để cơ quan soạn thảo xử lý",
    "the letter does not name the part to delete: left to the drafter":
        "văn bản góp ý không nêu rõ phần cần bỏ: để cơ quan soạn thảo xử lý",
    "the row the letter names is not in {section}: left to the drafter":
        "dòng được nêu không có trong {section}: để cơ quan soạn thảo xử lý",
    "which row is meant is not clear: left to the drafter": "không rõ dòng nào: để cơ quan soạn thảo xử lý",
    "which cell of the row is meant is not said: left to the drafter":
        "không nêu ô nào của dòng: để cơ quan soạn thảo xử lý",
}
