"""Vietnamese texts of `redline compare` (src/redline/comparison/). How to add one: see __init__.py."""

VI = {
    "OLD holds {count} tracked {count:plural:change:changes}, some on paragraph marks or table rows: accepted "
    "before comparing (as Word does); Reject All gives OLD's accepted text":
        "bản CŨ có {count} thay đổi được theo dõi, trong đó có thay đổi ở dấu đoạn hoặc hàng bảng: đã chấp nhận "
        "trước khi so sánh (như Word); Từ chối tất cả cho lại văn bản CŨ đã chấp nhận",
    "a section break in NEW's inserted text was not carried (it refers to NEW's headers)":
        "dấu ngắt phần trong nội dung thêm từ bản MỚI không được chép sang (nó gắn với đầu trang của bản MỚI)",
    # the summary of a comparison (summary.render_compare, comparison/report.py)
    "redline compare": "So sánh văn bản",
    "old": "bản cũ",
    "new": "bản mới",
    "section added": "thêm mục",
    "section removed": "bỏ mục",
    "renumbered as {address}": "đánh số lại thành {address}",
    "renamed: {title}": "đổi tên: {title}",
    "changed": "có sửa đổi",
    "{sections} {sections:plural:section:sections} changed, {blocks} {blocks:plural:block:blocks}":
        "{sections} mục có sửa đổi, {blocks} khối",
    "{count} {count:plural:paragraph:paragraphs} moved": "{count} đoạn được chuyển chỗ",
    "… {count} more": "… còn {count}",
    "{n} {n:plural:sentence:sentences} changed": "sửa {n} câu",
    "{n} {n:plural:paragraph:paragraphs} added": "thêm {n} đoạn",
    "{n} {n:plural:paragraph:paragraphs} deleted": "bỏ {n} đoạn",
    "{n} {n:plural:paragraph:paragraphs} moved": "chuyển chỗ {n} đoạn",
    "{n} table {n:plural:row:rows} added": "thêm {n} hàng bảng",
    "{n} table {n:plural:row:rows} deleted": "bỏ {n} hàng bảng",
    "{n} table {n:plural:row:rows} changed": "sửa {n} hàng bảng",
    "{n} formatting {n:plural:change:changes}": "{n} thay đổi định dạng",
}
