"""Vietnamese texts of the messages about .docx files and output files: opening, reading,
limits, writing (src/redline/package.py, revisions.py).  How to add one: see __init__.py."""

VI = {
    "part {part} is not well-formed XML: {reason}": "phần {part} không phải XML hợp lệ: {reason}",
    "no WordprocessingML document part found": "không tìm thấy phần nội dung văn bản (WordprocessingML)",
    "would overwrite the input {path}": "sẽ ghi đè lên tệp đầu vào {path}",
    "already exists": "tệp đã có",
    "use {option} to replace it": "dùng {option} để ghi đè",
    # reading an input file (package/inputs.py)
    "not found (no such file)": "không tìm thấy (không có tệp này)",
    "is a folder, not a file": "là một thư mục, không phải tệp",
    "cannot read: {reason}": "không đọc được: {reason}",
    "not a regular file but {kind}; an input must be a file":
        "không phải tệp thông thường mà là {kind}; đầu vào phải là một tệp",
    "file is {size:,} bytes, over the {limit:,} byte limit": "tệp có {size:,} byte, vượt giới hạn {limit:,} byte",
    "file grew past the {limit:,} byte limit while being read": "tệp lớn dần quá giới hạn {limit:,} byte trong lúc đọc",
    "raise {setting}": "tăng {setting}",
    "not a text file: a NUL byte at offset {offset:,}; UTF-8 text is expected":
        "không phải tệp văn bản: có byte NUL ở vị trí {offset:,}; cần văn bản UTF-8",
    "a named pipe": "một ống dẫn có tên (FIFO)",
    "a device": "một thiết bị",
    "a socket": "một socket",
    "a folder": "một thư mục",
    "a special file": "một tệp đặc biệt",
    # writing an output file (package/output.py)
    "is also the output {path}: two outputs of one run cannot be one file":
        "trùng với tệp kết quả {path}: hai kết quả của một lần chạy không thể là một tệp",
    "give each output its own name": "đặt cho mỗi tệp kết quả một tên riêng",
    "not a usable file name (empty, or a NUL character)": "tên tệp không dùng được (trống, hoặc có ký tự NUL)",
    "choose another output file: {option} replaces an earlier output, never a source of the run":
        "chọn tệp kết quả khác: {option} chỉ ghi đè kết quả cũ, không bao giờ ghi đè tệp đầu vào",
    "the folder {folder} does not exist": "thư mục {folder} không tồn tại",
    "cannot write: {reason}": "không ghi được: {reason}",
    "is a folder": "là một thư mục",
    "give a file name": "hãy ghi tên một tệp",
    "is a symbolic link that cannot be followed": "là một liên kết tượng trưng không lần theo được",
    "is {kind}: redline writes only regular files, even with {option}":
        "là {kind}: redline chỉ ghi tệp thông thường, kể cả khi có {option}",
    "no revisions by {author!r}: the document has no tracked changes":
        "không có thay đổi nào của {author!r}: văn bản không có thay đổi được theo dõi",
    "no revisions by {author!r}; the document's revision authors are: {authors}":
        "không có thay đổi nào của {author!r}; văn bản có thay đổi của: {authors}",
    # opening a .docx (src/redline/package/: sniff, zipread, xmlcheck, opc, load, save)
    "XML entity expansion refused (a 'billion laughs' DOCTYPE){line}":
        "từ chối khai triển thực thể XML (DOCTYPE kiểu 'billion laughs'){line}",
    "a text node or attribute over the parser's {limit:,} byte limit (Limits.max_text_chars){line}":
        'một nút văn bản hoặc thuộc tính vượt giới hạn {limit:,} byte của bộ phân tích (Limits.max_text_chars){line}',
    "in Word, save a copy as 'Word Document (.docx)' and use that":
        "trong Word, lưu một bản dạng 'Word Document (.docx)' và dùng bản đó",
    "save it in Word as a plain 'Word Document (.docx)'":
        "lưu lại trong Word dạng 'Word Document (.docx)' thông thường",
    "undeclared namespace prefix '{prefix}' on <{element}>{line}":
        "tiền tố không gian tên '{prefix}' chưa được khai báo ở <{element}>{line}",
    "unsafe zip entry name {name!r} (absolute, '..', backslash, control or formatting character)":
        "tên mục zip không an toàn {name!r} (đường dẫn tuyệt đối, '..', dấu gạch chéo ngược, ký tự điều khiển hoặc "
        "định dạng)",
    'XML encoding {encoding!r}; an Office part must be UTF-8 or UTF-16':
        'mã hóa XML {encoding!r}; một phần của tệp Office phải là UTF-8 hoặc UTF-16',
    'XML nested deeper than {depth} levels (Limits.max_xml_depth) at {path}':
        'XML lồng nhau sâu hơn {depth} cấp (Limits.max_xml_depth) tại {path}',
    'XML nested deeper than {depth} levels (Limits.max_xml_depth){line}':
        'XML lồng nhau sâu hơn {depth} cấp (Limits.max_xml_depth){line}',
    'XML with a DOCTYPE (DTD or entity declarations) is refused: entities are never expanded or fetched':
        'từ chối XML có DOCTYPE (DTD hoặc khai báo thực thể): thực thể không bao giờ được khai triển hay tải về',
    'a Default without Extension or ContentType':
        'một Default thiếu Extension hoặc ContentType',
    'a PDF file, not a .docx':
        'là tệp PDF, không phải .docx',
    'a PowerPoint presentation (.pptm)':
        'một bản trình chiếu PowerPoint (.pptm)',
    'a PowerPoint presentation (.pptx)':
        'một bản trình chiếu PowerPoint (.pptx)',
    'a PowerPoint show (.ppsx)':
        'một tệp trình chiếu PowerPoint (.ppsx)',
    'a PowerPoint template (.potx)':
        'một mẫu PowerPoint (.potx)',
    'a Relationship without Id, Type or Target':
        'một Relationship thiếu Id, Type hoặc Target',
    'a Strict Open XML document, which redline does not read':
        'văn bản Strict Open XML, redline không đọc được',
    'a Word XML (flat XML) file, not a .docx':
        'là tệp Word XML (XML phẳng), không phải .docx',
    'a legacy Excel workbook (.xls), not a Word .docx':
        'là bảng tính Excel cũ (.xls), không phải tệp Word .docx',
    'a legacy Office (OLE2 compound) file, not a .docx':
        'là tệp Office cũ (OLE2), không phải .docx',
    'a legacy PowerPoint file (.ppt), not a Word .docx':
        'là tệp PowerPoint cũ (.ppt), không phải tệp Word .docx',
    'a legacy Word 97-2003 document (.doc), not a .docx':
        'là văn bản Word 97-2003 cũ (.doc), không phải .docx',
    'a macro-enabled document (.docm)':
        'văn bản có macro (.docm)',
    'a macro-enabled template (.dotm)':
        'mẫu có macro (.dotm)',
    'a paragraph of {count:,} characters, over the {limit:,} limit (Limits.max_paragraph_chars) at {path}':
        'một đoạn có {count:,} ký tự, vượt giới hạn {limit:,} (Limits.max_paragraph_chars) tại {path}',
    'a password-protected (encrypted) .docx; redline cannot read it':
        'tệp .docx có mật khẩu (đã mã hóa); redline không đọc được',
    'a text node or attribute of over {limit:,} characters{at} (Limits.max_text_chars)':
        'một nút văn bản hoặc thuộc tính dài hơn {limit:,} ký tự{at} (Limits.max_text_chars)',
    'an Excel template (.xltx)':
        'một mẫu Excel (.xltx)',
    'an Excel workbook (.xlsm)':
        'một bảng tính Excel (.xlsm)',
    'an Excel workbook (.xlsx)':
        'một bảng tính Excel (.xlsx)',
    'an Override without PartName or ContentType':
        'một Override thiếu PartName hoặc ContentType',
    'an RTF file, not a .docx':
        'là tệp RTF, không phải .docx',
    'bad character encoding: {reason}{line}':
        'mã hóa ký tự sai: {reason}{line}',
    'cannot serialise the document ({kind}: {reason})':
        'không ghi được nội dung văn bản ({kind}: {reason})',
    'corrupt zip entry {name}: bad CRC-32':
        'mục zip {name} bị hỏng: sai CRC-32',
    'corrupt zip entry {name}: its compressed data ends early':
        'mục zip {name} bị hỏng: dữ liệu nén kết thúc sớm',
    'corrupt zip entry {name}: {reason}':
        'mục zip {name} bị hỏng: {reason}',
    'corrupt zip: entry {name} is larger than its declared size':
        'zip bị hỏng: mục {name} lớn hơn kích thước khai báo',
    'corrupt zip: entry {name} is {size:,} bytes, not the {declared:,} it declares':
        'zip bị hỏng: mục {name} có {size:,} byte, không phải {declared:,} như khai báo',
    'corrupt zip: no local header for entry {name}':
        'zip bị hỏng: không có phần đầu cục bộ cho mục {name}',
    'corrupt zip: the local header of entry {name} names {local!r}':
        'zip bị hỏng: phần đầu cục bộ của mục {name} ghi tên {local!r}',
    'corrupt zip: {reason}':
        'zip bị hỏng: {reason}',
    'empty XML part':
        'phần XML trống',
    'empty file (0 bytes), not a .docx':
        'tệp trống (0 byte), không phải .docx',
    'if it is a Word 97-2003 .doc, open it in Word and save it as .docx':
        'nếu là tệp Word 97-2003 .doc, hãy mở bằng Word và lưu thành .docx',
    'invalid UTF-16 at byte {offset}':
        'UTF-16 sai ở byte {offset}',
    'invalid UTF-8 at byte {offset:,}':
        'UTF-8 sai ở byte {offset:,}',
    'more than one main document part (officeDocument relationship) in _rels/.rels':
        'có nhiều hơn một phần nội dung chính (quan hệ officeDocument) trong _rels/.rels',
    'more than {limit:,} zip entries (Limits.max_entries)':
        'nhiều hơn {limit:,} mục zip (Limits.max_entries)',
    'no [Content_Types].xml (not an Office Open XML package)':
        'không có [Content_Types].xml (không phải gói Office Open XML)',
    'no main document part (no officeDocument relationship in _rels/.rels)':
        'không có phần nội dung chính (không có quan hệ officeDocument trong _rels/.rels)',
    'no package relationships (_rels/.rels): not an Office Open XML package':
        'không có quan hệ của gói (_rels/.rels): không phải gói Office Open XML',
    'not a .docx file (not a valid zip archive: {reason})':
        'không phải tệp .docx (không phải tệp zip hợp lệ: {reason})',
    'not a .docx file (not a zip archive)':
        'không phải tệp .docx (không phải tệp zip)',
    'not a content-types part (root element {tag!r})':
        'không phải phần content-types (phần tử gốc {tag!r})',
    'not a relationships part (root element {tag!r})':
        'không phải phần relationships (phần tử gốc {tag!r})',
    'not well-formed XML: {reason}{line}':
        'XML không đúng cú pháp: {reason}{line}',
    'open it in Word and save it as .docx':
        'hãy mở bằng Word và lưu thành .docx',
    'open it in Word or LibreOffice and save it as .docx':
        'hãy mở bằng Word hoặc LibreOffice và lưu thành .docx',
    'part {member} has no content type in [Content_Types].xml':
        'phần {member} không có kiểu nội dung trong [Content_Types].xml',
    'python-docx cannot read it ({kind}: {reason})':
        'python-docx không đọc được ({kind}: {reason})',
    'relationship {rid} points at a missing part {member}':
        'quan hệ {rid} trỏ tới phần {member} không tồn tại',
    'remove the password in Word (File > Info > Protect Document > Encrypt with Password, clear it), save, and try '
    'again':
        'gỡ mật khẩu trong Word (File > Info > Protect Document > Encrypt with Password, xóa mật khẩu), lưu lại rồi '
        'thử lại',
    'root element {found} where its content type needs {needed}':
        'phần tử gốc {found} trong khi kiểu nội dung cần {needed}',
    'the document has no <w:body>':
        'văn bản không có <w:body>',
    'the main document part is an external link':
        'phần nội dung chính là một liên kết ra ngoài',
    'the main document part {main} is missing':
        'thiếu phần nội dung chính {main}',
    'the main part {main} has content type {ct!r}, not a Word document':
        'phần chính {main} có kiểu nội dung {ct!r}, không phải văn bản Word',
    'the zip entries declare more than {limit:,} bytes in all (Limits.max_total_bytes)':
        'các mục zip khai báo tổng cộng hơn {limit:,} byte (Limits.max_total_bytes)',
    'the zip entries expand to more than {limit:,} bytes (Limits.max_total_bytes)':
        'các mục zip giải nén ra hơn {limit:,} byte (Limits.max_total_bytes)',
    'truncated or corrupt zip: entry {name} runs past the end of the file':
        'zip bị cắt cụt hoặc hỏng: mục {name} vượt quá cuối tệp',
    'truncated or corrupt zip: {reason}':
        'zip bị cắt cụt hoặc hỏng: {reason}',
    'zip entries {n1} and {n2} overlap (a zip-bomb construction)':
        'các mục zip {n1} và {n2} chồng lên nhau (kiểu bom zip)',
    'zip entry {name} expands past {limit:,} bytes (Limits.{setting})':
        'mục zip {name} giải nén ra hơn {limit:,} byte (Limits.{setting})',
    'zip entry {name} expands to {size:,} bytes, over the {limit:,} byte limit (Limits.{setting})':
        'mục zip {name} giải nén ra {size:,} byte, vượt giới hạn {limit:,} byte (Limits.{setting})',
    'zip entry {name} expands {ratio:,} times ({csize:,} -> {size:,} bytes), over the {limit}:1 limit '
    '(Limits.max_ratio): a zip bomb?':
        'mục zip {name} nở ra {ratio:,} lần ({csize:,} -> {size:,} byte), vượt giới hạn {limit}:1 (Limits.max_ratio): '
        'bom zip?',
    'zip entry {name} is encrypted':
        'mục zip {name} đã bị mã hóa',
    'zip entry {name} uses compression method {method}; a .docx uses only stored or deflated entries':
        'mục zip {name} dùng phương pháp nén {method}; tệp .docx chỉ dùng mục lưu thẳng hoặc nén deflate',
    '{count:,} zip entries, over the {limit:,} limit (Limits.max_entries)':
        '{count:,} mục zip, vượt giới hạn {limit:,} (Limits.max_entries)',
    '{what}, not a Word document':
        '{what}, không phải văn bản Word',
    '{what}: redline does not open files that carry macros':
        '{what}: redline không mở tệp có macro',
    "duplicate zip entry {name!r}": "mục zip {name!r} bị trùng",
    "duplicate zip entry {name!r} (and {other!r})": "mục zip {name!r} bị trùng (với {other!r})",
    # compare (src/redline/comparison/)
    "OLD holds {count} tracked {count:plural:change:changes}: compared as its current text (insertions shown, "
    "deletions hidden); they are kept in the output":
        "bản CŨ có {count} thay đổi được theo dõi: so sánh theo văn bản hiện tại (hiện phần chèn, ẩn phần xóa); "
        "các thay đổi này được giữ trong kết quả",
    "NEW holds {count} tracked {count:plural:change:changes}: compared as its accepted text, as Word does":
        "bản MỚI có {count} thay đổi được theo dõi: so sánh theo văn bản đã chấp nhận, như Word",
    "headers or footers differ: they are not compared, OLD's are kept":
        "đầu trang hoặc chân trang khác nhau: không so sánh phần này, giữ của bản CŨ",
}
