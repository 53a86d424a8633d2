"""Rules for requests without exact words: advisory ("làm rõ", "giữ nguyên"), any other request,
and a fault found with a place ("... là chưa đầy đủ").

Why its own module, and why last: when no rule before found the exact words of a change,
what the sentence asks still reaches the drafter -- as a comment at its place carrying the
letter's words, never as a guessed tracked change.
"""
from __future__ import annotations

from .core import RuleBase, comment


class RequestRules(RuleBase):
    """No exact words: a comment carrying the letter's words."""

    def advisory(self):
        m = self.lx.rx("advisory.verbs").search(self.masked)
        if not m:
            return None
        if not self.asked() and not self.place.own:
            return None
        return comment(self.target or self._whole_if_said(), self.u, f"advisory.verbs: {m.group(0).lower()}")

    def request(self):
        m = self.lx.rx("request.markers").search(self.masked)
        if m is None:
            m = self.lx.rx("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                           "operation.move.verbs").search(self.quiet)
            if m is None:
                if self.u.listed or self.agreed_action():
                    return comment(self.target or self._whole_if_said(), self.u,
                                   "listed: a member of a list of requests")
                return None
            return comment(self.target or self._whole_if_said(), self.u,
                           f"operation without its words: {m.group(0).lower()}")
        if not self.target and not self._whole_if_said() and not self.u.listed and all(
                self.lx.rx("request.weak").fullmatch(" ".join(x.group(0).lower().split()))
                for x in self.lx.rx("request.markers").finditer(self.masked)) and not self.lx.rx(
                "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs", "operation.move.verbs",
                "advisory.verbs").search(self.masked):
            # "..., cần phải huy động sức mạnh của toàn dân": no place, no change, only "cần": an argument
            return None
        return comment(self.target or self._whole_if_said(), self.u, f"request.markers: {m.group(0).lower()}")

    def problem(self):
        """'Điều 79 quy định ... quá phức tạp', '... là chưa đầy đủ', '... không thống nhất với Điều 1':
        a fault found with a place the sentence names (or refers back to) asks to fix it there."""
        m = self.problem_phrase()
        if m is None or not (self.place.own or self.place.carried):
            return None
        return comment(self.target or self._whole_if_said(), self.u, f"advisory.problems: {m.group(0).lower()}")
