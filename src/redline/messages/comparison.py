"""Vietnamese texts of `redline compare` (src/redline/comparison/). How to add one: see __init__.py."""

VI = {
    "would overwrite an input": "sẽ ghi đè lên một tệp đầu vào",
    "OLD holds {n} tracked {n:plural:change:changes}, some on paragraph marks or table rows: accepted before "
    "comparing (as Word does); Reject All gives OLD's accepted text":
        "bản CŨ có {n} thay đổi được theo dõi, trong đó có thay đổi ở dấu đoạn hoặc hàng bảng: đã chấp nhận trước "
        "khi so sánh (như Word); Từ chối tất cả cho lại văn bản CŨ đã chấp nhận",
    "OLD holds {n} tracked {n:plural:change:changes}: compared as its current text (insertions shown, deletions "
    "hidden); they are kept in the output":
        "bản CŨ có {n} thay đổi được theo dõi: so sánh theo văn bản hiện hành (hiện phần thêm, ẩn phần xóa); các "
        "thay đổi này được giữ trong kết quả",
    "NEW holds {n} tracked {n:plural:change:changes}: compared as its accepted text, as Word does":
        "bản MỚI có {n} thay đổi được theo dõi: so sánh theo văn bản đã chấp nhận, như Word",
    "headers or footers differ: they are not compared, OLD's are kept":
        "đầu trang hoặc chân trang khác nhau: không được so sánh, giữ của bản CŨ",
    "a section break in NEW's inserted text was not carried (it refers to NEW's headers)":
        "dấu ngắt phần trong nội dung thêm từ bản MỚI không được chép sang (nó gắn với đầu trang của bản MỚI)",
}
