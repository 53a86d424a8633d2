"""What in a clause is its own predicate -- the words that ask -- and what only describes.

Why its own module: every stage asks the same question ("is this verb an order?"): the units
stage to tell a colon that introduces new text from one that announces a list, the places
stage to ignore a place named only in a purpose clause, the operations stage to read the
operation.  One answer, here:

- ``quiet(skel)`` fills in (same length, so positions still match) what is not the clause's
  own predicate: brackets ("(thay cho Điều 147)"), subordinate clauses ("Khi đề nghị sửa
  đổi, ...", "nếu chuyển ... thì", "Để tránh ..., "), and operation verbs that describe or
  name rather than ask ("đã bỏ", "được bổ sung", "một số điều chỉnh", "Dự thảo sửa đổi");
- ``order_verbs(skel, *lists)`` finds the first verb of the lexicon lists left standing;
- ``imperative(text)`` says whether an order's verb opens the clause ("Bỏ câu ...", "Tại
  Điều 5, bổ sung ...").
"""
from __future__ import annotations

import re

from .lexicon import lexicon

_DESCRIBED = r"(?<!đã\s)(?<!đang\s)(?<!được\s)(?<!bị\s)(?<!sẽ\s)(?<!chưa\s)(?<!không\s)"
# "một số điều chỉnh", "các sửa đổi", "có sửa đổi, bổ sung": the verb used as a noun.
_NOMINAL = r"(?<!một số\s)(?<!những\s)(?<!các\s)(?<!sự\s)(?<!nhiều\s)(?<!có\s)"


def _v(*paths: str) -> str:
    """A verb of the lexicon as an order: not "đã bỏ", "được bổ sung", "không sửa" (a description),
    not "một số điều chỉnh" (a noun)."""
    return r"(?<![\w])" + _DESCRIBED + _NOMINAL + lexicon().alt(*paths) + r"(?![\w])"


# Words before an operation verb that make it a description ("đã bỏ", "được sửa đổi") or a
# noun ("một số điều chỉnh", "dự thảo sửa đổi", "Luật sửa đổi"): not an order.
_NOT_ORDER_BEFORE = re.compile(r"(?i)(?:^|[^\w])(?:đã|đang|được|bị|sẽ|chưa|không|một số|một vài|những|các|sự|nhiều|"
                               r"có|việc|dự thảo|luật|hiến pháp|nghị định|thông tư|nghị quyết|bản|lần|đợt|"
                               r"phạm vi|đối tượng)"  # "phạm vi điều chỉnh": the scope, a noun
                               r"(?:\s+\w+(?:\s+\w+)?\s+và)?\s+$")  # "việc xây dựng và sửa đổi": both nouns


def quiet(skel: str) -> str:
    """The skeleton with what is not the sentence's own predicate filled in (same length, so
    positions still match): brackets ("(thay cho Điều 147)"), a subordinate clause ("Khi đề
    nghị sửa đổi, ...", "nếu chuyển ... thì", "Để tránh ..., "), and operation verbs that
    describe or name rather than ask ("đã bỏ", "Dự thảo sửa đổi Hiến pháp")."""
    out = quiet_clauses(skel)
    verbs = re.compile(r"(?<![\w])" + lexicon().alt("operation.add.verbs", "operation.delete.verbs",
                                                     "operation.change.verbs", "operation.move.verbs",
                                                     "operation.rename.verbs") + r"(?![\w])", re.I)
    chars = list(out)
    results = [r.span() for r in lexicon().rx("introducer.results").finditer(out)]  # "sẽ được viết thành"
    for m in verbs.finditer(out):
        if any(a <= m.start() < b for a, b in results):
            continue
        before = "".join(chars[max(0, m.start() - 30):m.start()])
        if _NOT_ORDER_BEFORE.search(before) or re.search(r"~[,\s]*$", before):
            # described or named -- and so is a verb joined to one that is ("được sửa đổi, bổ sung")
            chars[m.start():m.end()] = "~" * (m.end() - m.start())
    return "".join(chars)


def quiet_clauses(skel: str) -> str:
    """Only the brackets and subordinate clauses of ``quiet`` filled in."""
    out = re.sub(r"\([^()]*\)", lambda m: "(" + "~" * (len(m.group(0)) - 2) + ")", skel)
    out = re.sub(r"(?i)(?<![\w])(?:khi|nếu|trong khi|sau khi|mặc dù)(?!\s+(?:ấy|đó|này|cần|có thể)\b)"
                 r"(?![\w])[^,;⟦]*?(?:,|(?<![\w])thì(?![\w]))",
                 lambda m: "~" * len(m.group(0)), out)
    out = re.sub(r"(?i)^\W*để(?![\w])[^,;⟦]*?(?:,|(?<![\w])thì(?![\w]))", lambda m: "~" * len(m.group(0)), out)
    return out


def order_verbs(skel: str, *paths: str) -> re.Match | None:
    """The first verb of ``paths`` in the position of an order in ``skel``; no verb inside a
    compound that names something else ("đổi" in "chuyển đổi số", lexicon ``operation.compounds``)."""
    lx = lexicon()
    text = lx.rx("operation.compounds").sub(lambda m: "·" * len(m.group(0)), quiet(skel))
    return re.search(_v(*paths), text, re.I)


def imperative(masked: str) -> bool:
    """An operation or advisory verb where an order puts it: first, after the place and the
    linking words ("Bỏ câu ...", "Tại Điều 5, bổ sung ...", "khoản 1, Điều 6 thêm cụm từ ...")."""
    lx = lexicon()
    lead = re.match(r"^(?:⟦\d+⟧|§|[^\w~]|\d+[\w.]*(?![\w])|\b(?:tại|ở|trong|đối với|cụ thể|ngoài ra|đồng thời|như vậy|do đó|vì vậy|"
                    r"theo đó|và|các|thì|cũng|này|nội dung|câu|đoạn|thứ\s+\w+|cuối cùng|cuối|đầu tiên)\b|"
                    r"(?:" + lx.alt("location.keywords") + r")\s+\S+|(?:biểu|bảng|phụ lục|dòng|hàng)(?:\s+số)?\s+\S+|\s)*",
                    masked, re.I)
    rest = masked[lead.end():] if lead else masked
    # "cột Tỷ lệ trực tuyến sửa từ ...": a table's column named by its header's words, then the order
    col = re.match(r"(?i)(?:cột|dòng|hàng)\s+(?:[^\W\d]\w*\s+){1,6}?(?=(?:" + lx.alt(
        "operation.change.verbs", "operation.delete.verbs") + r")(?![\w]))", rest)
    if col:
        rest = rest[col.end():]
    return bool(re.match(lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                "operation.rename.verbs", "operation.move.verbs", "advisory.verbs")
                         + r"(?![\w])", rest, re.I))


def instruction_end(skel: str) -> int:
    """Where the instruction of a clause ends and its reason starts (", bởi vì ...", " để ...",
    " nhằm ...", "cho phù hợp với ...", "cho thống nhất với ..."): a place written after that is cited,
    not the place."""
    lx = lexicon()
    verb = order_verbs(skel, "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                       "operation.move.verbs", "operation.rename.verbs") or lx.rx(
        "advisory.verbs", "request.markers").search(skel)
    if not verb:
        return len(skel)
    m = re.search(r"(?:,\s*|\s)(?:bởi vì|bởi lẽ|bởi|vì|do|để(?!\s+thành)|nhằm|cho phù hợp|phù hợp với|"
                  r"cho (?:thống nhất|đồng bộ|khớp|đúng|chính xác|rõ)(?:\s+với)?)(?![\w])",
                  skel[verb.end():], re.I)
    return verb.end() + m.start() if m else len(skel)
