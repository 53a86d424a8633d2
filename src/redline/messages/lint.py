"""Vietnamese texts of `redline check`'s findings (src/redline/lint.py).  The finding codes
(duplicate-id, no-author, ...) stay as they are: programs read them.  How to add one: see
__init__.py."""

VI = {
    "revision id {id!r} is not an integer": "mã thay đổi {id!r} không phải số nguyên",
    "revision id {id} already used at {first}": "mã thay đổi {id} đã dùng ở {first}",
    "comment id {id} used {count} times": "mã chú thích {id} dùng {count} lần",
    "w:{name} has no w:author": "w:{name} không có w:author",
    "w:{name} has no w:date": "w:{name} không có w:date",
    "w:{name} has an invalid w:date {date!r}": "w:{name} có w:date không hợp lệ {date!r}",
    "{element} {text!r} is not inside w:del or w:moveFrom": "{element} {text!r} không nằm trong w:del hay w:moveFrom",
    "{element} {text!r} inside a deletion (should be {deleted})":
        "{element} {text!r} nằm trong phần bị xóa (phải là {deleted})",
    "the last paragraph mark of a {what} is marked deleted; Word never deletes it (Accept All keeps it)":
        "dấu đoạn cuối cùng của {what} bị đánh dấu xóa; Word không bao giờ xóa dấu này (Chấp nhận tất cả vẫn giữ nó)",
    "a paragraph with text left after Accept All has its mark deleted but is followed by a table: it has "
    "nothing to merge with":
        "một đoạn còn chữ sau khi Chấp nhận tất cả có dấu đoạn bị xóa nhưng đứng trước một bảng: không có gì để "
        "nhập vào",
    "a table cell without a paragraph": "ô bảng không có đoạn nào",
    "a table cell must end with a paragraph": "ô bảng phải kết thúc bằng một đoạn",
    "a table without rows": "bảng không có dòng nào",
    "comment id {id} is used but comments.xml has no such comment":
        "mã chú thích {id} được dùng nhưng comments.xml không có chú thích đó",
    "comment {id} has a range but no w:commentReference": "chú thích {id} có phạm vi nhưng không có w:commentReference",
    "comment {id} has {starts} commentRangeStart and {ends} commentRangeEnd":
        "chú thích {id} có {starts} commentRangeStart và {ends} commentRangeEnd",
    "comment {id}'s range ends before it starts": "phạm vi của chú thích {id} kết thúc trước khi bắt đầu",
    "comment {id} is referenced {count} times": "chú thích {id} được tham chiếu {count} lần",
    "comment {id} is never referenced in the document": "chú thích {id} không được tham chiếu ở đâu trong văn bản",
    "w:{kind}Range id {id} has no matching end": "w:{kind}Range mã {id} không có điểm kết thúc tương ứng",
    "w:{kind}Range id {id} has no matching start": "w:{kind}Range mã {id} không có điểm bắt đầu tương ứng",
    "move {name!r} has a {have} range but no {missing} range":
        "di chuyển {name!r} có phạm vi {have} nhưng không có phạm vi {missing}",
    "{what}: paragraph {number} is {got!r}, expected {want!r} ({count} "
    "{count:plural:paragraph differs:paragraphs differ})":
        "{what}: đoạn {number} là {got!r}, đúng ra phải là {want!r} ({count} đoạn khác nhau)",
    "the original: {reason}": "bản gốc: {reason}",
    "rejecting the revisions the original did not have does not give it back (with every revision accepted)":
        "từ chối các thay đổi bản gốc không có vẫn không trả lại bản gốc (khi chấp nhận mọi thay đổi)",
    "rejecting the revisions the original did not have does not give it back (with every revision rejected)":
        "từ chối các thay đổi bản gốc không có vẫn không trả lại bản gốc (khi từ chối mọi thay đổi)",
    "the text after Accept All differs from the expected text":
        "văn bản sau khi Chấp nhận tất cả khác với văn bản mong đợi",
}
