"""Vietnamese texts of the summary's labels and the run's status line (src/redline/summary.py).
How to add one: see __init__.py."""

VI = {
    "redline summary": "Tóm tắt sửa đổi",
    "draft": "dự thảo",
    "source": "nguồn",
    "output": "kết quả",
    "note": "ghi chú",
    "dry run: nothing written": "chạy thử: không ghi tệp nào",
    "wrote {path}": "đã ghi {path}",
    "{missing} of {total} {total:plural:instruction:instructions} not applied: see the summary":
        "{missing}/{total} đề nghị chưa được áp dụng: xem bản tóm tắt",
    "{applied} of {total} {total:plural:instruction:instructions} applied": "đã áp dụng {applied}/{total} đề nghị",
    "{applied} of {total} {total:plural:instruction:instructions} planned":
        "dự kiến áp dụng {applied}/{total} đề nghị",
    "NOT APPLIED: {missing} of {total} {total:plural:instruction:instructions}":
        "CHƯA ÁP DỤNG: {missing}/{total} đề nghị",
    "conflicts with an earlier source's change here: kept as a comment with its proposed wording":
        "trùng với sửa đổi của nguồn trước tại đây: giữ lại thành chú thích kèm nội dung đề nghị",
    "item {n}": "ý {n}",
    "candidates: {sections}": "các mục có thể: {sections}",
    "No. {number}": "Số {number}",
    "+{added} / −{deleted} words": "+{added} / −{deleted} từ",
    "{count} {count:plural:statement:statements} asked for no change": "{count} ý kiến không đề nghị sửa",
    "{operation}, kept as a comment (conflict)": "{operation}, giữ lại thành chú thích (trùng)",
    "Conflicts (kept as comments):": "Trùng nhau (giữ lại thành chú thích):",
    "No change asked:": "Không đề nghị sửa:",
    "Warnings:": "Cảnh báo:",
    "the whole document": "toàn văn",
    "Renumbered (typed numbers, as tracked changes):": "Đánh số lại (số gõ tay, dưới dạng thay đổi được theo dõi):",
}
