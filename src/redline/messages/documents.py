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
}
