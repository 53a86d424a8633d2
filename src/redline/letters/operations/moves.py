"""Rules for text taken from one place to another: move ("chuyển ... lên/xuống/sang ...") and merge ("ghép").

Why its own module: a move is two edits (a deletion at the source, an insertion at the
destination) and a merge rewrites the destination; both name two places, where the other
rules name one.
"""
from __future__ import annotations

import re

from ...messages import msg
from ...text import clean
from ..content import PH_RE, is_open, strip_ellipsis
from ..locations import complete, find_refs
from ..predicate import _v
from .core import Reading, RuleBase, comment


class MoveRules(RuleBase):
    """Moves and merges: two places in one request."""

    def move(self):
        if self._raise():
            return None  # "chuyển thời gian hoàn thành từ “Quý III” sang “Quý II”": a value changed
        m = re.search(_v("operation.move.verbs") + r"(?!\s+(?:đổi|số|giao|tiếp|ra khỏi|vào diện|ra\b))(?P<obj>.*?)"
                      r"(?<![\w])(?P<dir>" + self.lx.alt("operation.move.directions") + r")(?![\w])(?P<dest>.*)$",
                      self.quiet, re.I)
        if not m:
            return None
        obj = self.skel[m.start("obj"):m.end("obj")]
        dest = self.skel[m.start("dest"):]
        obj_q = PH_RE.search(obj)
        rule = "operation.move.verbs: " + clean(self.skel[m.start():m.start("obj")]).lower()
        all_refs = find_refs(self.skel, self.q)
        src_refs = [r for r in all_refs if m.start("obj") <= r.start < m.start("dir")]
        src_target = complete(src_refs[0], self.skel, self.q, self.group) if src_refs else self.target
        if not obj_q:
            if not src_refs:
                return None  # "đưa vào áp dụng ...": not a move of text
            return comment(src_target, self.u, rule, msg("move without quoted text: left to the drafter"))
        moved = self.q[int(obj_q.group(1))]
        moved_clean, cut = strip_ellipsis(moved)
        dest_refs = [r for r in all_refs if r.start >= m.start("dest")]
        dst_target = complete(dest_refs[0], self.skel, self.q, self.group) if dest_refs else src_target
        is_para = re.search(r"\bđoạn\b", obj, re.I) is not None
        key = "sentence_prefix" if cut else "sentence"
        edits = [{"op": "delete", "target": src_target, "anchor": {key: moved_clean}}]
        s = re.search(r"(?P<pos>sau|trước)\s+(?:câu|đoạn)\s*⟦(?P<q>\d+)⟧", dest, re.I)
        if s:
            a, acut = strip_ellipsis(self.q[int(s.group("q"))])
            op = "insert_after" if s.group("pos").lower() == "sau" else "insert_before"
            e = {"op": op, "target": dst_target, "anchor": {"sentence_prefix" if acut else "sentence": a}}
            if is_para:
                e["paragraphs"] = [moved_clean]
            else:
                e["text"] = moved_clean
            edits.append(e)
        elif re.search(r"\bđầu\b", dest, re.I):
            edits.append({"op": "prepend", "target": dst_target, "paragraphs": [moved_clean]})
        elif dest_refs or re.search(r"\bcuối\b", dest, re.I):
            edits.append({"op": "append", "target": dst_target, "paragraphs": [moved_clean]})
        else:
            return comment(src_target, self.u, rule, msg("move without a clear destination: left to the drafter"))
        if cut:
            return comment(src_target, self.u, rule, msg("the letter quotes the moved text cut short: left to the drafter"))
        return Reading(edits, "edit", rule)

    def merge(self):
        """'đưa khoản 1 Điều 5 ghép chung với Điều 1, cụ thể như sau: “...”': the letter gives the
        merged unit's text: the destination becomes it.  Without the text, a comment."""
        m = re.search(r"(?:" + self.lx.alt("operation.merge.verbs") + r")(?![\w])", self.quiet, re.I)
        if not m:
            return None
        dest = [r for r in find_refs(self.skel, self.q) if r.start >= m.end()]
        if not dest:
            return None
        target = complete(dest[0], self.skel, self.q, self.group)
        rule = f"operation.merge.verbs: {m.group(0).lower()}"
        res = re.search(r"(?:như sau|thành|là)\s*:?\s*⟦(\d+)⟧", self.skel[m.end():], re.I)
        text = list(self.u.new_text) or ([self.q[int(res.group(1))]] if res else [])
        if not text or any(is_open(t) for t in text):
            src = [r for r in self.place.refs if r.start < m.start()]
            return comment(complete(src[0], self.skel, self.q, self.group) if src else target, self.u, rule,
                           msg("merge without the merged text: left to the drafter"))
        text = [clean(t) for t in text]
        return Reading([{"op": "replace", "target": target, "paragraphs": text, "_rewrite": True}], "edit",
                       rule + " + the merged text")
