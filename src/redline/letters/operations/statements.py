"""Rules for sentences that ask no change: an announcement of a list, agreement, narrative, a hedge.

Why its own module, and why these rules run first: most sentences of a letter ask nothing
(the opening formula, "nhất trí với dự thảo", the reason given for the request before, a
heading); a sentence that only asks to *consider* a change ("xem xét bỏ ...") is a comment,
never the change.  Read first, they keep an operation verb in such a sentence from becoming a
tracked change.
"""
from __future__ import annotations

import re

from ...text import clean
from ..predicate import quiet
from .core import _ARROW, Reading, RuleBase, comment


# a verb that describes the draft's words ("Điều 4 quy định ...", "dự thảo nêu ..."): what follows it is the
# draft's, not the letter's
_DESCRIBES = re.compile(r"(?i)(?<![\w])(?:quy định|nêu|ghi|nói)(?![\w])")
# a date that opens the sentence ("Ngày 28 tháng 7 năm 2023, ...", "Ngày 28/7/2023, ...")
_DATED = r"(?:ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4})\s*,?\s*)?"


class StatementRules(RuleBase):
    """No change asked: the sentence announces, agrees, tells or only weighs."""

    def announcement(self):
        """'... có ý kiến như sau:', 'kiến nghị đến HĐND tỉnh:' -- announces what follows."""
        from ..units import colon_kind

        s = self.skel.rstrip()
        if s.endswith(":") and colon_kind(s)[0] == "announce":
            if (self.place.own or self.place.carried) and self.lx.rx("advisory.verbs", "advisory.hedges").search(
                    self.masked):
                return None  # "Đề nghị Ban soạn thảo cân nhắc quy định trên ở một số vấn đề sau:" asks itself
            m = self.lx.rx("narrative.announcements").search(s)
            return Reading([], "ignored", "narrative.announcements" + (f": {m.group(0).lower()}" if m else
                                                                          ": a list follows"))
        if re.search(r"(?i)(?<![\w])(?:dưới đây|sau đây|như sau)\s*\.?\s*$", s) and "⟦" not in s and \
                not self.u.new_text and not (self.place.own or self.place.carried):
            # "..., Bộ Tư pháp đề nghị cơ quan chủ trì nghiên cứu, chỉnh lý một số nội dung cụ thể dưới
            # đây.": the items after it are what it asks, the sentence only announces them
            return Reading([], "ignored", "narrative.announcements: the items below follow")
        cl = self.lx.rx("narrative.closings").search(self.masked)
        if cl and not self.place.own and "⟦" not in self.skel:
            return Reading([], "ignored", f"narrative.closings: {cl.group(0).lower()}")
        li = self.lx.rx("narrative.lead_ins", before=r"^\W*").search(self.masked)
        if li and "⟦" not in self.skel:
            return Reading([], "ignored", f"narrative.lead_ins: {li.group(0).strip(' ,').lower()}")
        # "Phúc đáp ...", "Sở Tư pháp nhận được Văn bản số ... đề nghị thẩm định ...": the opening formula,
        # also after its subject
        m = re.match(r"^\W*" + _DATED + r"(?:[^\W\d]\w*\s+){0,6}?(?:" + self.lx.alt("narrative.formulas") + r")(?![\w])",
                     self.masked, re.I)
        if m and not self.u.new_text:
            return Reading([], "ignored", f"narrative.openings: {m.group(0).strip(' -').lower()}")
        o = self.lx.rx("narrative.openings", before=r"^\W*").search(self.masked)
        if o and self.u.item.n == 0 and "⟦" not in self.skel and not self.place.own and not self.u.new_text:
            # before the first item, "Căn cứ Luật ... và các văn bản hướng dẫn ...", "Ngày ..., Bộ X nhận
            # được Công văn ... đề nghị thẩm định ...": the letter's own basis and history, not a request
            return Reading([], "ignored", f"narrative.openings: {o.group(0).strip(' -').lower()}")
        return None

    def agreement(self):
        d = self.lx.rx("agreement.declines").search(self.masked)
        if d and self.lx.rx("request.markers").search(self.masked, d.end()):
            # "Tôi không tán thành ý kiến này và đề nghị giữ nguyên khoản 4": the view reported
            # before is declined, and the sender's own request is read as any other
            self.declines = True
        elif d and "⟦" not in self.skel and not self.u.new_text:
            return Reading([], "ignored", f"agreement.declines: {' '.join(d.group(0).lower().split())}",
                           agreement=True, declines=True)
        m = self.lx.rx("agreement.phrases").search(self.masked)
        if not m:
            return None
        before = self.masked[: m.start()]
        after = self.masked[m.end():]
        if re.search(r"(?i)(?<![\w])(?:cho|để|nhằm|để cho)\s+(?:được\s+)?$", before):
            return None  # "... sửa thành “X” cho thống nhất với ...": a purpose, not the sender agreeing
        clause = re.split(r"[;.]", before)[-1]
        own = _DESCRIBES.split(clause)[0]  # "Điều 4 quy định công chức
        #     phải ...": the draft's words described; their modal is not the letter's
        if re.search(r"(?<![\w])(?:cần|nên|phải|đề nghị|kiến nghị|đề xuất|cần phải)(?![\w])", own, re.I) or re.match(
                r"\s+(?:" + self.lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                         "advisory.verbs") + r")(?![\w])", after, re.I):
            return None  # "cần thống nhất định mức", "đề nghị viết thống nhất “X” thành “Y”", "thống nhất
            #              chỉnh sửa gọn lại": asked, not agreed
        q = quiet(self.masked)
        said = _DESCRIBES.search(q[: m.start()])
        # "Điều 4 quy định công chức phải hướng dẫn ... bổ sung hồ sơ ..., tôi thấy rất đúng": the draft's
        # words described and agreed with; their verbs are not the letter's
        rest = q[: said.start() if said else m.start()] + q[m.end():]
        if self.u.new_text or self.verb("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                        "operation.move.verbs", text=rest):
            return None
        adv = self.lx.rx("advisory.verbs").search(rest)
        if adv and not re.fullmatch(r"thống nhất|nhất trí", adv.group(0), re.I):
            return None
        if self.place.own and self.problem_phrase() is not None:
            return None
        return Reading([], "ignored", f"agreement.phrases: {m.group(0).lower()}", agreement=True)

    def narrative(self):
        """A statement, not a request: a reason ("Lý do: ..."), or no request marker and no verb
        in the position of an order ("Bỏ câu ...", "Điều 5 bổ sung từ ..."), and no new text.
        "các đại biểu đóng góp ý kiến bổ sung, chỉnh sửa ..." reports; it asks nothing.  A
        sentence that finds fault with a place it names ("Điều 79 ... quá phức tạp") is a
        request for that place: the ``problem`` rule reads it."""
        text = self.masked.strip()
        if self.u.first and not self.u.item.follow and _is_caps(self.u.quote) and len(text.split()) <= 15:
            return Reading([], "ignored", "narrative: the item's heading")  # "III. KIẾN NGHỊ"
        if self.u.first and len(text.split()) <= 4 and not re.search(r"[.:;?!]\s*$", text) and "⟦" not in self.skel \
                and not self.place.own and not self.u.new_text and not self.verb(
                    "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs", "advisory.verbs") \
                and re.match(r"(?i)^\W*(?:kiến nghị|đề nghị|ý kiến|góp ý|đề xuất)(?:\s+\w+){1,3}\s*$", text):
            return Reading([], "ignored", "narrative: the item's heading")  # "3. Kiến nghị khác" over its requests
        if self.u.first and not self.u.item.follow and isinstance(self.u.item.n, (int, str)) and len(text) < 150 and \
                re.match(r"(?i)^\W*(?:về|đối với|vấn đề)\b", text) and not re.search(r"[.:;]\s*$", text) \
                and not self.asked():
            return Reading([], "ignored", "narrative: the item's topic heading")
        if self.u.reason:
            return Reading([], "ignored", "narrative.rationale: the reason given for the instruction before it")
        if self.u.quote.rstrip(" .…").endswith("?") and self.target and (self.place.own or self.place.carried):
            # "Bảng lộ trình ở Điều 9 ..., như vậy có chậm quá không?": a question put to the drafter
            # about a place asks for an answer there
            return comment(self.target, self.u, "advisory.question: a question about the place")
        if not self.target and "⟦" not in self.skel and re.match(
                r"\W*(?:thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*[,:]\s*)?(?:" +
                self.lx.alt("advisory.reported") + r")(?![\w])", text, re.I):
            # "(Thứ năm,) Có ý kiến cho rằng ...", "Một số đại biểu đề nghị ..." with no place and no words of the
            # draft to find one by: a meeting's opinions reported; with a place they are a comment there
            return Reading([], "ignored", "narrative: others' opinion reported, with no place")
        r = self.lx.rx("narrative.rationale", before=r"^\W*").search(text)
        if r:
            return Reading([], "ignored", f"narrative.rationale: {r.group(0).strip(' :').lower()}")
        if self.asked() or _ARROW.search(self.skel):
            return None  # asked; or old words -> new words: a change needs no verb
        if self.problem_phrase() is not None and (self.place.own or self.place.carried):
            return None
        if (self.result_intro() is not None or self.u.new_text and self.lx.rx("introducer.results").search(
                self.skel)) and self.target:
            return None  # "điều 1 sẽ được viết thành: ...": the result the letter proposes
        m = self.lx.rx("narrative.openings", before="^").search(text)
        return Reading([], "ignored", f"narrative.openings: {m.group(0).lower()}" if m else
                       "narrative: no request, no operation in the position of an order")

    def hedged(self):
        """'xem xét bỏ ...', 'cân nhắc bổ sung ...': asked to consider, not to do."""
        m = re.search(r"(?:" + self.lx.alt("advisory.hedges") + r")\s+(?:kỹ\s+)?(?:việc\s+)?(?:có\s+nên\s+)?"
                      r"(?=" + self.lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                           "operation.move.verbs", "operation.rename.verbs", "operation.swap.verbs") + r")",
                      self.masked, re.I)
        if not m or self.lx.rx("introducer.results").match(self.masked, m.start()):
            return None  # "có thể viết thành: ...": the words proposed, not a hedge
        return comment(self.target or self._whole_if_said(), self.u, f"advisory.hedges: {clean(m.group(0)).lower()}")


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
