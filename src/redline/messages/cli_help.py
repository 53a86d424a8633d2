"""Vietnamese texts of the command line's help (`redline [COMMAND] --help`: cli/main.py, cli/help.py).
How to add one: see __init__.py.  Metavariables (DRAFT, PATH, FILE, OLD, NEW, ...) and option
names stay as the command line spells them."""

VI = {
    # click's headings, the help and version options
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Hiển thị hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiển thị phiên bản rồi thoát.",
    # redline
    "Apply amendment instructions to a .docx draft as native Word tracked changes.":
        "Đưa các đề nghị sửa đổi vào dự thảo .docx dưới dạng thay đổi được theo dõi (Track Changes) của Word.",
    "Show tracebacks.": "Hiển thị chi tiết lỗi (traceback).",
    "Language of messages, the summary and this help: vi or en, for every command "
    "(default: the document's language; env REDLINE_LANG).":
        "Ngôn ngữ của thông báo, bản tóm tắt và phần hướng dẫn này: vi hoặc en, áp dụng cho mọi lệnh "
        "(mặc định: ngôn ngữ của văn bản; biến môi trường REDLINE_LANG).",
    "Language of messages and the summary: vi or en (default: the document's language; env REDLINE_LANG).":
        "Ngôn ngữ của thông báo và bản tóm tắt: vi hoặc en (mặc định: ngôn ngữ của văn bản; "
        "biến môi trường REDLINE_LANG).",
    # outline, resolve
    "Print the section tree of DRAFT: title block, sections, tables, attached documents.":
        "In cây đề mục của dự thảo DRAFT: phần thể thức đầu văn bản, các mục, bảng, văn bản kèm theo.",
    "Print the whole structure as JSON (what the text shows).":
        "In toàn bộ cấu trúc dưới dạng JSON (cùng nội dung với bản in thường).",
    "Print the address REFERENCE resolves to in DRAFT.":
        "In số mục của dự thảo DRAFT mà tham chiếu REFERENCE chỉ tới.",
    # apply
    "Apply EDITS files and/or comment LETTERS (.json, .txt, .docx, .pdf) to DRAFT.":
        "Áp dụng các tệp sửa đổi (EDITS) và/hoặc văn bản góp ý (LETTERS) (.json, .txt, .docx, .pdf) "
        "vào dự thảo DRAFT.",
    "Output .docx (default: <draft>.redline.docx beside the draft).":
        "Tệp .docx kết quả (mặc định: <draft>.redline.docx, cùng thư mục với dự thảo).",
    "Write the summary to FILE instead of stdout (its suffix picks the format: .txt .md .json .html).":
        "Ghi bản tóm tắt vào tệp FILE thay vì in ra màn hình (đuôi tệp quyết định định dạng: "
        ".txt .md .json .html).",
    "Summary format: text (default), markdown, json or html.":
        "Định dạng bản tóm tắt: text (mặc định), markdown, json hoặc html.",
    "Revision author (overrides the edits file and the letter).":
        "Tác giả của các thay đổi (thay cho tác giả ghi trong tệp sửa đổi và văn bản góp ý).",
    "Revision date: 15/7/2022, 2022-07-15 or 2022-07-15T08:00:00Z (overrides the sources).":
        "Ngày của các thay đổi: 15/7/2022, 2022-07-15 hoặc 2022-07-15T08:00:00Z (thay cho ngày ghi trong "
        "các nguồn góp ý).",
    "Plan and summarise; write nothing.": "Chạy thử: chỉ lập kế hoạch sửa đổi và bản tóm tắt, không ghi tệp nào.",
    "Replace an existing output file.": "Ghi đè tệp kết quả nếu đã có.",
    "Exit {code} when any instruction was not applied (the output is still written).":
        "Thoát với mã {code} khi có đề nghị chưa được áp dụng (tệp kết quả vẫn được ghi).",
    # check
    "Lint a redlined .docx; exit 0 when clean, {code} with a list of findings.":
        "Kiểm tra cấu trúc một tệp .docx đã sửa; thoát với mã 0 khi không có lỗi, mã {code} kèm danh sách lỗi.",
    "The draft PATH was made from: rejecting redline's revisions must give it back.":
        "Dự thảo gốc của PATH: từ chối các thay đổi do redline tạo ra phải cho lại đúng dự thảo này.",
    "Text file with the expected accepted text.":
        "Tệp văn bản chứa nội dung mong đợi sau khi chấp nhận các thay đổi.",
    # accept, reject
    "Accept tracked changes: write a copy of PATH with all revisions (or one author's) accepted.":
        "Chấp nhận thay đổi được theo dõi: ghi bản sao của PATH trong đó mọi thay đổi (hoặc các thay đổi "
        "của một tác giả) đã được chấp nhận.",
    "Reject tracked changes: write a copy of PATH with all revisions (or one author's) rejected.":
        "Từ chối thay đổi được theo dõi: ghi bản sao của PATH trong đó mọi thay đổi (hoặc các thay đổi "
        "của một tác giả) đã bị từ chối.",
    "The .docx to write (required).": "Tệp .docx sẽ ghi ra (bắt buộc).",
    "Only this author's revisions (case, accents and Unicode form do not matter).":
        "Chỉ xử lý thay đổi của tác giả này (không phân biệt chữ hoa, chữ thường, dấu và dạng Unicode).",
    # extract
    "Turn a comment LETTER (.txt, .docx, .pdf) into an edits file.":
        "Chuyển văn bản góp ý LETTER (.txt, .docx, .pdf) thành tệp sửa đổi.",
    "Resolve every target against this draft.": "Xác định vị trí của từng đề nghị trong dự thảo này.",
    "Write the edits file here (default: stdout).": "Ghi tệp sửa đổi vào đây (mặc định: in ra màn hình).",
    "Print, for each sentence of the letter, what became of it and which rule decided.":
        "Với từng câu của văn bản góp ý, in ra câu đó được xử lý thế nào và theo quy tắc nào.",
    # compare
    "Compare OLD with NEW: OLD with the differences as tracked changes, and a summary by section.":
        "So sánh OLD với NEW: ghi OLD kèm các điểm khác nhau dưới dạng thay đổi được theo dõi, "
        "và bản tóm tắt theo từng mục.",
    "Output .docx (default: <OLD>.compare.docx beside OLD).":
        "Tệp .docx kết quả (mặc định: <OLD>.compare.docx, cùng thư mục với OLD).",
    "Write the summary to FILE instead of stdout.": "Ghi bản tóm tắt vào tệp FILE thay vì in ra màn hình.",
    "Revision author (default: 'redline compare').": "Tác giả của các thay đổi (mặc định: 'redline compare').",
    "Revision date: 15/7/2022, 2022-07-15 or 2022-07-15T08:00:00Z (default: now).":
        "Ngày của các thay đổi: 15/7/2022, 2022-07-15 hoặc 2022-07-15T08:00:00Z (mặc định: thời điểm hiện tại).",
    "Compare text only: no formatting revisions.": "Chỉ so sánh nội dung chữ, không đánh dấu thay đổi định dạng.",
    "Show moved paragraphs as deleted and inserted.":
        "Thể hiện đoạn văn được di chuyển thành một đoạn bị xóa và một đoạn được chèn.",
    "Also write the differences as an edits file: `redline apply OLD EDITS` gives NEW's text.":
        "Ghi thêm các điểm khác nhau thành tệp sửa đổi: `redline apply OLD EDITS` cho ra nội dung của NEW.",
    "Also write the differences as the body of a comment letter (Vietnamese).":
        "Ghi thêm các điểm khác nhau thành phần nội dung của một văn bản góp ý (bằng tiếng Việt).",
    "Replace existing output files.": "Ghi đè các tệp kết quả nếu đã có.",
    # serve
    "Start the review page: check and correct every instruction before the redline is written.":
        "Mở trang rà soát: kiểm tra và hiệu chỉnh từng đề nghị trước khi tạo bản sửa.",
    "Port to listen on (default: {port}; 0: any free one).":
        "Cổng mạng để mở trang (mặc định: {port}; 0: một cổng bất kỳ còn trống).",
    "Address to listen on (default: {host}, this computer's own); any other lets other computers reach it.":
        "Địa chỉ để mở trang (mặc định: {host}, chỉ máy này truy cập được); địa chỉ khác cho phép máy khác "
        "truy cập.",
    "Open the page in the web browser.": "Mở trang trong trình duyệt web.",
    "Language of the page: vi or en (default: env REDLINE_LANG, else the locale's, else vi).":
        "Ngôn ngữ của trang: vi hoặc en (mặc định: theo biến môi trường REDLINE_LANG, nếu không có thì theo "
        "ngôn ngữ của hệ thống, nếu không nữa thì vi).",
    "Largest upload (all the files sent at once), in MB (default: {size}).":
        "Dung lượng tải lên tối đa (tổng các tệp gửi cùng lúc), tính bằng MB (mặc định: {size}).",
}
