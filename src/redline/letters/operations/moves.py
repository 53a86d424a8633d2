"""Rules for text taken from one place to another: move ("chuyển ... lên/xuống/sang ..."), merge
("ghép"), and two phrases of one sentence swapped ("hoán đổi cụm từ “A” lên trước cụm từ “B”").

Why its own module: a move is two edits (a deletion at the source, an insertion at the
destination) and a merge rewrites the destination; both name two places, where the other
rules name one.  A swap names two positions too, and is exact only where the draft has the
two phrases side by side: it is the one rule here that reads the draft (``self.draft``).
"""
from __future__ import annotations

import re

from ...messages import msg
from ...text import clean
from ..content import PH_RE, is_open, strip_ellipsis
from ..locations import complete, find_refs
from ..predicate import _v, instruction_end
from .core import Reading, RuleBase, _trim_phrase, comment


class MoveRules(RuleBase):
    """Moves, merges and swaps: two places in one request."""

    def swap(self):
        """'hoán đổi cụm từ “A” lên trước cụm từ “B”', 'đưa “A” lên trước “B”', 'chuyển cụm từ “A”
        xuống sau cụm từ “B”', 'đảo vị trí hai cụm từ “A” và “B”': two phrases of one sentence
        change places.  Exact only where the draft has them side by side, joined by a separator
        (``operation.swap.separators``) in the order the letter implies, and that once: then the
        span of the two becomes the two swapped, joined the same way (the firewall checks each
        phrase stands once at the place).  Anything less certain is a comment."""
        lx = self.lx
        obj = r"(?:(?:hai|2)\s+)?(?:(?:" + lx.alt("object.phrase") + r")\s+)?"
        m = re.search(r"(?P<v>" + _v("operation.swap.verbs", "operation.move.verbs") + r")\s+(?:(?:vị trí|thứ tự)\s+)?"
                      r"(?:của\s+)?" + obj + r"⟦(?P<a>\d+)⟧\s*,?\s*(?P<dir>(?<![\w])(?:" +
                      lx.alt("operation.swap.before", "operation.swap.after") + r"))\s+(?:vị trí\s+)?(?:của\s+)?" +
                      obj + r"⟦(?P<b>\d+)⟧", self.quiet, re.I) or \
            re.search(r"(?P<v>" + _v("operation.swap.verbs") + r")\s+(?:(?:vị trí|thứ tự|chỗ)\s+)?(?:(?:của|giữa)\s+)?" +
                      obj + r"⟦(?P<a>\d+)⟧\s*(?:,|và|với|cho)\s*" + obj + r"⟦(?P<b>\d+)⟧(?P<dir>)", self.quiet, re.I)
        if not m or not self.target or self.target == "*":
            return None  # no swap of quoted phrases, or no place: the other rules read it as before
        tail = self.skel[m.end():max(instruction_end(self.skel), m.end())]
        result = re.fullmatch(r"[\s,;:]*(?:thành|để thành|sửa thành|như sau)\s*:?\s*(?:⟦(?P<r>\d+)⟧)?[\s.;,:!]*", tail, re.I)
        stated = (self.q[int(result.group("r"))] if result.group("r") else
                  self.u.new_text[0] if len(self.u.new_text) == 1 else None) if result else None
        if result and stated is None:
            result = None
        if not result and not re.fullmatch(r"[\s.;,:!]*(?:(?:cho|để|nhằm|vì|do|bởi)(?![\w])[^⟦]*)?", tail, re.I):
            return None  # more is asked than the swap ("... và bỏ cụm từ “C”"); "cho nhau", a reason: no more
        v = " ".join(m.group("v").lower().split())
        rule = f"operation.swap.verbs: {v}" if v in lx.phrases("operation.swap.verbs") else \
            f"operation.move.verbs: {v} + operation.swap: {' '.join(m.group('dir').lower().split())}"
        a, b = (self.q[int(m.group(k))] for k in ("a", "b"))
        if any(is_open(x) or strip_ellipsis(x)[1] for x in (a, b)):
            return comment(self.target, self.u, rule, msg("the quoted words are cut short: left to the drafter"))
        a, b = _trim_phrase(clean(a)), _trim_phrase(clean(b))
        d = " ".join(m.group("dir").lower().split())
        # "A lên trước B": the draft has B then A; "A xuống sau B": A then B; a plain swap: either
        orders = [(b, a)] if d in lx.phrases("operation.swap.before") else [(a, b)] if d else [(a, b), (b, a)]
        if self.draft is None:
            return comment(self.target, self.u, rule, msg("two phrases to swap: which words stand between them needs "
                                                          "the draft: left to the drafter"))
        found = self._side_by_side(orders) if a and b and a != b else set()
        if len(found) != 1:
            return comment(self.target, self.u, rule, msg("the two phrases are not side by side once in the draft: "
                                                          "left to the drafter"))
        (find, replace), = found
        if result:
            # "..., thành: “B, A và …”": the result the letter states must open as the swap makes it
            said = clean(strip_ellipsis(stated)[0]).rstrip(" .;,")
            if not (said.startswith(replace) or replace.startswith(said)):
                return comment(self.target, self.u, rule, msg("the two phrases are not side by side once in the draft: "
                                                              "left to the drafter"))
        return Reading([{"op": "replace_text", "target": self.target, "find": find, "replace": replace, "_swap": [a, b]}],
                       "edit", rule + " + the two phrases side by side in the draft")

    def _side_by_side(self, orders: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """Every (span, span swapped) the draft has for the phrases in one of ``orders``, joined by
        one separator of the lexicon or a space."""
        seps = [r"\s+" + re.escape(x) + r"\s+" if x[:1].isalnum() else r"\s*" + re.escape(x) + r"\s+"
                for x in sorted(self.lx.phrases("operation.swap.separators"), key=len, reverse=True)]
        sep = "(?P<sep>" + "|".join(seps + [r"\s+"]) + ")"
        out = set()
        for x, y in orders:
            rx = re.compile(r"(?<![\w])" + re.escape(x) + sep + re.escape(y) + r"(?![\w])")
            for i in range(len(self.draft.tree.blocks)):
                for hit in rx.finditer(self.draft.block(i)):
                    out.add((hit.group(0), y + hit.group("sep") + x))
        return out

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
