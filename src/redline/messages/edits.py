"""Vietnamese texts of the messages about edits files, the edits in them, and planning them
(src/redline/edits.py, plan.py, pipeline.py).  How to add one: see __init__.py."""

VI = {
    # where an edit is
    "edit {number}": "sửa đổi {number}",
    "edit {number} (n={n})": "sửa đổi {number} (n={n})",
    "field '{field}'": "trường '{field}'",
    # the operations, in plain words
    "replace": "thay thế",
    "add at the end": "bổ sung vào cuối",
    "add at the start": "bổ sung vào đầu",
    "insert after": "chèn sau",
    "insert before": "chèn trước",
    "delete": "bỏ",
    "change wording": "sửa cụm từ",
    "comment": "chú thích",
    # reading the edits file
    "date {value!r} is not an ISO 8601 date such as 2022-07-15T08:00:00Z":
        "ngày {value!r} không đúng dạng ISO 8601, ví dụ 2022-07-15T08:00:00Z",
    "not UTF-8 (byte {offset})": "không phải UTF-8 (byte {offset})",
    "invalid JSON at line {line}, column {column}: {reason}": "JSON sai ở dòng {line}, cột {column}: {reason}",
    "invalid JSON: nested too deeply": "JSON sai: lồng nhau quá sâu",
    "the edits list is empty: nothing to apply": "danh sách sửa đổi trống: không có gì để áp dụng",
    'no author: give "author" in the file or the edit, or {option}':
        'chưa có tác giả: ghi "author" trong tệp hoặc trong sửa đổi, hoặc dùng {option}',
    "character U+{code:04X} cannot appear in a document": "ký tự U+{code:04X} không được phép có trong văn bản",
    "unknown field '{name}' (did you mean '{close}'?)": "trường '{name}' không hợp lệ (có phải là '{close}'?)",
    "unknown field '{name}'": "trường '{name}' không hợp lệ",
    "unknown op {op!r}; expected one of {ops} (did you mean '{close}'?)":
        "thao tác {op!r} không hợp lệ; cần một trong: {ops} (có phải là '{close}'?)",
    "unknown op {op!r}; expected one of {ops}": "thao tác {op!r} không hợp lệ; cần một trong: {ops}",
    "{name!r} is required": "thiếu trường bắt buộc {name!r}",
    "expected {expected}, got {kind} {value}": "cần kiểu {expected}, nhận được {kind} {value}",
    "op '{op}' needs exactly one of {options}": "thao tác '{op}' cần đúng một trong các trường {options}",
    "op '{op}' needs at least one of {options}": "thao tác '{op}' cần ít nhất một trong các trường {options}",
    "text of {length} characters is over the limit of {limit}": "văn bản dài {length} ký tự, vượt giới hạn {limit}",
    "must not be empty": "không được để trống",
    "unknown source type '{suffix}': expected an edits file (.json) or a letter (.txt, .docx, .pdf)":
        "không nhận loại tệp '{suffix}': cần tệp sửa đổi (.json) hoặc văn bản góp ý (.txt, .docx, .pdf)",
    "no edits to apply in {sources}": "không có sửa đổi nào để áp dụng trong {sources}",
    # planning: where an edit goes
    "the draft has no {part} part": "dự thảo không có {part}",
    "'{section}' has no heading to rename": "'{section}' không có tiêu đề để đổi tên",
    "'{section}' has no paragraph to add text to": "'{section}' không có đoạn nào để bổ sung chữ vào",
    "'{section}' has no place to append to": "'{section}' không có chỗ để bổ sung vào cuối",
    "op '{op}' without an anchor inserts a new section and needs 'heading'":
        "thao tác '{op}' không có 'anchor' sẽ chèn một mục mới, nên cần trường 'heading'",
    "'{section}' is not a section; a new section goes beside a numbered one":
        "'{section}' không phải là một mục; mục mới phải đặt cạnh một mục có số thứ tự",
    "deleting the whole document is not an edit": "xóa toàn bộ văn bản không phải là một sửa đổi",
    "'{section}' has no paragraph to comment on": "'{section}' không có đoạn nào để gắn chú thích",
    "all {count} {count:plural:occurrence:occurrences} of {find!r} in {section} are inside an excluded phrase":
        "cả {count} lần {find!r} xuất hiện trong {section} đều nằm trong cụm từ được loại trừ",
    'it occurs with different capitals; set "case_sensitive": false to match those':
        'cụm từ có xuất hiện nhưng khác chữ hoa/thường; đặt "case_sensitive": false để khớp cả những chỗ đó',
    "{find!r} not found in {section}": "không tìm thấy {find!r} trong {section}",
    "occurrence {asked} asked, but {find!r} occurs {count} {count:plural:time:times} in {section}":
        "yêu cầu lần xuất hiện thứ {asked}, nhưng {find!r} chỉ xuất hiện {count} lần trong {section}",
    "{section} has no bullet": "{section} không có gạch đầu dòng nào",
    "{section} has no body paragraph": "{section} không có đoạn nội dung nào",
    "bullet {asked} asked, but {section} has {count}":
        "yêu cầu gạch đầu dòng thứ {asked}, nhưng {section} chỉ có {count}",
    "paragraph {asked} asked, but {section} has {count}": "yêu cầu đoạn thứ {asked}, nhưng {section} chỉ có {count}",
    "nearest: {sentences}": "gần nhất: {sentences}",
    "no sentence starting with {quote!r} in {section}": "không có câu nào bắt đầu bằng {quote!r} trong {section}",
    "no sentence reading {quote!r} in {section}": "không có câu nào là {quote!r} trong {section}",
    "{count} sentences start with {quote!r} in {section}: {sentences}":
        "{count} câu bắt đầu bằng {quote!r} trong {section}: {sentences}",
    "{count} sentences read {quote!r} in {section}: {sentences}": "{count} câu là {quote!r} trong {section}: "
                                                                  "{sentences}",
    "quote more of the sentence": "trích dẫn dài hơn để chỉ rõ câu",
    # conflicts between edits
    "{first} and {second} both change {place}; they cannot both apply":
        "{first} và {second} cùng sửa {place}; không thể áp dụng cả hai",
    "{loser} ({loser_author}) conflicts with {winner} ({winner_author}) on {section}: "
    "kept as a comment with its proposed wording":
        "{loser} ({loser_author}) trùng với {winner} ({winner_author}) tại {section}: "
        "giữ lại thành chú thích kèm nội dung đề nghị",
    "{author} proposes: {proposal}": "{author} đề nghị: {proposal}",
    "{author} proposes ({edit}; overlaps {winner} by {winner_author}): {proposal}":
        "{author} đề nghị ({edit}; trùng với {winner} của {winner_author}): {proposal}",
    "replace “{find}” with “{replace}”": "thay “{find}” bằng “{replace}”",
    "delete “{find}”": "bỏ “{find}”",
    "delete this passage": "bỏ nội dung này",
    # values the schema lets through but a document cannot take (edits.check_values, check_author)
    "expected a date such as 2022-07-15T08:00:00Z, got {kind}": "cần một ngày như 2022-07-15T08:00:00Z, nhận được "
                                                                "{kind}",
    "date {value!r} is out of range: a revision date lies in the years {first} to {last} (in UTC)":
        "ngày {value!r} nằm ngoài phạm vi: ngày sửa đổi phải trong các năm {first} đến {last} (giờ UTC)",
    "character U+{code:04X} cannot appear in an author name": "ký tự U+{code:04X} không được phép có trong tên tác giả",
    "expected a whole number without a decimal point, got {value}":
        "cần một số nguyên, không có phần thập phân; nhận được {value}",
    "an integer of {digits:,} digits; at most {limit}": "số nguyên có {digits:,} chữ số; tối đa {limit}",
    "too many edits: a file holds at most {limit:,}, and this one more than that many JSON objects (refused before "
    "reading the rest)": "quá nhiều sửa đổi: mỗi tệp tối đa {limit:,}, tệp này có nhiều đối tượng JSON hơn thế "
                         "(đã từ chối trước khi đọc hết)",
    "split it into several files": "chia thành nhiều tệp",
    "{count:,} edits, over the limit of {limit:,} a file holds": "{count:,} sửa đổi, vượt giới hạn {limit:,} của một "
                                                                 "tệp",
    # text boxes are left alone (plan.py)
    "{find!r} occurs in {section} only inside a text box, which redline does not revise":
        "{find!r} chỉ có trong một khung văn bản (text box) ở {section}; redline không sửa khung văn bản",
    "change the text box by hand, or ask for a comment instead": "hãy sửa khung văn bản bằng tay, hoặc dùng chú thích",
    "{find!r} also occurs inside a text box in {section}, left unchanged: redline does not revise text boxes":
        "{find!r} còn có trong một khung văn bản ở {section}, được giữ nguyên: redline không sửa khung văn bản",
    # tables and renumbering (src/redline/plan.py)
    '{section} holds {count} tables; name one ("Biểu số 02", "bảng 1")':
        '{section} có {count} bảng; hãy nêu rõ một bảng ("Biểu số 02", "bảng 1")',
    "delete in a table removes a row: give 'row' (or 'find' to delete a phrase)":
        "xóa trong bảng là bỏ một dòng: ghi 'row' (hoặc 'find' để bỏ một cụm từ)",
    "'cells' rewrites a row: give 'row'": "'cells' viết lại một dòng: ghi 'row'",
    "the row has {have} cells, 'cells' gives {given}": "dòng có {have} ô, 'cells' lại có {given}",
    "replace in a table rewrites a cell: give 'row' and 'column' (or 'cells' for a row)":
        "thay thế trong bảng là viết lại một ô: ghi 'row' và 'column' (hoặc 'cells' cho cả dòng)",
    "a new table row needs 'cells'": "dòng mới của bảng cần trường 'cells'",
    "the table's rows have {have} cells, 'cells' gives {given}": "các dòng của bảng có {have} ô, 'cells' lại có {given}",
}
