"""The delete rule: what a letter asks to drop, and only that.

Why its own module: "bỏ" takes many objects -- quoted words, a punctuation mark, words inside
a quoted phrase, a table row, a sentence or paragraph, a bullet, a whole section named or
referred to ("khoản này") -- and each is dropped only when the letter names it exactly;
otherwise a comment.  A delete that drops the wrong thing is the most harmful misreading, so
the cases sit in one place, in order.
"""
from __future__ import annotations

import re

from ...messages import msg
from ...text import clean
from ..content import PH_RE, ellipsis_inside, strip_ellipsis
from ..locations import bullet_rx, complete, find_refs, ordinal, para_rx
from ..predicate import _v, instruction_end
from .core import _COUNT, _PUNCT_NAMES, _WORDS, Reading, RuleBase, _trim_phrase, comment


class DeletionRules(RuleBase):
    """Deletions: words, marks, rows, sentences, bullets, sections."""

    def delete(self):
        m = re.search(_v("operation.delete.verbs") + r"(?P<obj>.*)$", self.quiet, re.I)
        if not m:
            return None
        if self.u.new_text and self.lx.rx("introducer.result_words", "introducer.results").search(
                self.skel[m.start("obj"):]):
            return None  # "bỏ cụm từ X và sửa lại là: “...”": the result is the instruction (rewrite)
        if self.verb("operation.add.verbs", text=self.quiet[: m.start()]) and not re.search(
                r"[,;]|\bđồng thời\b", self.skel[: m.start()]):
            return None  # "bổ sung ... để bỏ ..." : the add verb governs
        obj = self.skel[m.start("obj"):]
        rule = "operation.delete.verbs: " + clean(self.skel[m.start():m.start("obj")]).lower()
        target = self.target
        qs = [int(q) for q in PH_RE.findall(obj)]
        mark = re.match(r"\s*(?:đi\s+)?(?:các\s+)?dấu\s+(?:⟦(?P<q>\d+)⟧|(?P<w>chấm phẩy|phẩy|chấm|hai chấm))\s+"
                        r"(?P<pos>sau|trước)\s+" + _COUNT + _WORDS + r"?\s*⟦(?P<a>\d+)⟧", obj, re.I)
        if mark:
            # "bỏ dấu chấm phẩy sau cụm từ “X”": the mark goes, never the words
            name = clean(self.q[int(mark.group("q"))] if mark.group("q") else mark.group("w")).lower()
            sign = _PUNCT_NAMES.get(name, name if len(name) == 1 else None)
            if not sign:
                return comment(target, self.u, rule, msg("which mark to drop is not clear: left to the drafter"))
            a = self.q[int(mark.group("a"))]
            find = a + sign if mark.group("pos").lower() == "sau" else sign + " " + a
            return Reading([{"op": "replace_text", "target": target, "find": find, "replace": a}], "edit",
                           rule + " + dấu")
        ctx = re.match(r"\s*(?:đi\s+)?" + _COUNT + _WORDS + r"?\s*⟦(?P<w>\d+)⟧\s*(?:ở|trong|tại|của)\s+"
                       r"(?:cụm\s+từ|câu|đoạn|nội dung)\s*:?\s*⟦(?P<c>\d+)⟧", obj, re.I)
        if ctx:
            # "bỏ chữ “tồn tại” trong cụm từ “19/23 tồn tại”": the words go from that phrase only
            w, c = clean(self.q[int(ctx.group("w"))]), clean(self.q[int(ctx.group("c"))])
            hits = [x for x in re.finditer(r"(?<![\w])" + re.escape(w) + r"(?![\w])", c)]
            if len(hits) == 1 and w != c and not ellipsis_inside(c) and not strip_ellipsis(c)[1]:
                rest = clean(c[: hits[0].start()] + " " + c[hits[0].end():])
                rest = re.sub(r"\s+([,;.:])", r"\1", rest)
                return Reading([{"op": "replace_text", "target": target, "find": c, "replace": rest}], "edit",
                               rule + " + “…” in its phrase")
        row = re.match(r"\s*(?:đi\s+)?(?:dòng|hàng)\s*(?:⟦(?P<q>\d+)⟧|(?:thứ|số)\s+(?P<k>\d+|nhất|hai|ba|tư|năm|cuối))", obj, re.I)
        if row:
            # "bỏ dòng “Kết quả kiểm tra môi trường”": the row of the place's table, not its words
            key = clean(self.q[int(row.group("q"))]) if row.group("q") else ordinal(row.group("k"))
            return Reading([{"op": "delete", "target": target, "_row": key, "_rowdel": True, "_named": True}], "edit",
                           rule + " + dòng")
        this = re.match(r"\s*(?:đi\s+)?(?P<w>câu|đoạn|nội dung|cụm từ|từ)\s+(?:này|trên|nêu trên)\s*[.;]?\s*$", obj, re.I)
        cited = self._cited(set())
        if this and len(cited) == 1:
            # "nội dung “S”: Bỏ câu này": the words the clause quoted from the draft
            words, cut = strip_ellipsis(cited[0])
            if this.group("w").lower() in ("câu", "đoạn"):
                return Reading([{"op": "delete", "target": target, "anchor": {
                    "sentence_prefix" if cut else "sentence": words}}], "edit", rule + " + câu này")
            return Reading([{"op": "delete", "target": target, "find": words}], "edit", rule + " + cụm từ này")
        if re.match(r"\s*(?:đi\s+)?(?:toàn bộ\s+)?(?:các\s+)?(?:câu|đoạn)\s*(?:văn\s*)?:?\s*⟦", obj, re.I) and qs:
            out = []
            for q in qs:
                s, cut = strip_ellipsis(self.q[q])
                out.append({"op": "delete", "target": target, "anchor": {"sentence_prefix" if cut else "sentence": s}})
            return Reading(out, "edit", rule + " + câu/đoạn “…”")
        b = bullet_rx().search(obj)
        if b:
            return Reading([{"op": "delete", "target": target, "anchor": {"bullet": ordinal(b.group("k"))}}], "edit",
                           rule + " + gạch đầu dòng")
        p = para_rx().search(obj)
        if p and not qs:
            return Reading([{"op": "delete", "target": target, "anchor": {"paragraph": ordinal(p.group("k"))}}],
                           "edit", rule + " + đoạn")
        if qs:
            head = obj[: obj.find("⟦")]
            if find_refs(head, self.q) and not re.search(r"(?:cụm\s+từ|từ|chữ|nội dung|câu|đoạn)\s*:?\s*$", head,
                                                         re.I):
                pass  # "bỏ khoản 3 “...”": the quote is the section's title; handled below
            else:
                out = []
                for q in qs:
                    at = obj.find(f"⟦{q}⟧")
                    if at > 0 and re.search(r"\b(?:thành|bằng)\s*$", obj[:at]):
                        continue
                    if at > 0 and re.search(r"\b(?:trong|vào|tại|ở|của)\s+(?:" + self.lx.alt(
                            "location.context") + r")\s*:?\s*$", obj[:at], re.I):
                        continue  # "trong đoạn “...”": where the words are, not words to drop
                    if at > 0 and re.search(r"(?:thuộc|của|trong)\s*$", obj[:at], re.I):
                        continue
                    if ellipsis_inside(self.q[q]) or strip_ellipsis(self.q[q])[1]:
                        return comment(target, self.u, rule, msg("the words to drop are cut short: left to the drafter"))
                    words = self.q[q] if self.draft is not None and self.draft.found(self.q[q]) else \
                        _trim_phrase(self.q[q])  # “còn chậm,” with its comma when the draft has it so
                    e = {"op": "delete", "target": target, "find": words}
                    if self.lx.rx("object.common").fullmatch(clean(e["find"]).lower()):
                        e["_common"] = True  # "bỏ từ “các”": which one?  Only the draft can say
                    out.append(e)
                if out:
                    return Reading(out, "edit", rule + " + “…”")
        obj_refs = [r for r in self.place.refs if r.start >= m.start("obj")] or \
            [r for r in find_refs(self.skel, self.q) if r.start >= m.start("obj")]
        if obj_refs:
            ref = obj_refs[0]
            if len(obj_refs) > 1 and re.search(r"\bvà\b|,", obj):
                return comment(complete(ref, self.skel, self.q, self.group), self.u, rule,
                               msg("several sections to drop: left to the drafter"))
            return Reading([{"op": "delete", "target": complete(ref, self.skel, self.q, self.group), "_named": True}], "edit",
                           rule + " + section")
        if re.search(r"\b(?:nội dung|mục|phần|tiểu mục|khoản|điểm|điều) này\b", obj, re.I) and target and \
                re.match(r"\s*(?:đi\s+)?(?:toàn bộ\s+)?(?:nội dung|mục|phần|tiểu mục|khoản|điểm|điều) này\s*[.;]?\s*$",
                         obj, re.I):
            return Reading([{"op": "delete", "target": target, "_named": True}], "edit", rule + " + this section")
        own_obj = self.skel[m.start("obj"):max(m.start("obj"), instruction_end(self.skel))]
        if not own_obj.strip(" .;,") and target:
            named = list(re.finditer(r"(?<![\w])(?P<w>câu|đoạn|cụm từ|từ|chữ|nội dung)\s*:?\s*⟦(?P<q>\d+)⟧",
                                     self.skel[: m.start()], re.I))
            if len(named) == 1:
                # "câu “S” nên bỏ đi vì ...": the words named before the verb
                words, cut = strip_ellipsis(self.q[int(named[0].group("q"))])
                if named[0].group("w").lower() in ("câu", "đoạn"):
                    return Reading([{"op": "delete", "target": target, "anchor": {
                        "sentence_prefix" if cut else "sentence": words}}], "edit", rule + " + câu “…” named first")
                if not cut:
                    return Reading([{"op": "delete", "target": target, "find": _trim_phrase(words)}], "edit",
                                   rule + " + “…” named first")
            if not named and self.place.own and self.place.refs and self.place.refs[0].start < m.start() and \
                    not self.place.bracketed:
                # "Điểm c khoản 3 Điều 4 trùng với ..., đề nghị bỏ.": the part the sentence is about
                return Reading([{"op": "delete", "target": target, "_named": True}], "edit",
                               rule + " + the part named first")
        return comment(target, self.u, rule, msg("what to drop is not quoted: left to the drafter"))
