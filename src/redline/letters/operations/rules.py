"""``Rules``: the mixins put together, and the one order in which the rules are tried.

Why its own module: the order decides (the first rule that reads a clause wins), so it is
written once, here, next to the module-level entry points ``read``, ``weak_request`` and
``problem_of``.  Each rule lives in the module of its concern.
"""
from __future__ import annotations

import re

from ..locations import Place
from ..predicate import order_verbs
from ..units import Unit
from .changes import ChangeRules
from .core import Reading
from .deletions import DeletionRules
from .insertions import InsertionRules
from .moves import MoveRules
from .requests import RequestRules
from .rewrites import RewriteRules
from .statements import StatementRules


class Rules(StatementRules, MoveRules, InsertionRules, ChangeRules, DeletionRules, RewriteRules, RequestRules):
    """The rules, in the order they are tried; each returns a Reading or None."""

    def read(self) -> Reading:
        for rule in (self.announcement, self.agreement, self.end_mark, self.cell_values, self.cell_list, self.row_value, self.narrative, self.hedged, self.merge, self.swap, self.move,
                     self.new_section,
                     self.value_named, self.replace_text, self.delete, self.insert_anchor, self.rename, self.rewrite, self.new_basis, self.new_row, self.add,
                     self.advisory, self.request, self.problem):
            out = rule()
            if out is not None:
                out = self._placed_inside(self.whole_request(out))
                out.declines = out.declines or self.declines
                return out
        return Reading([], "ignored", "narrative: no operation, no request")


def read(u: Unit, place: Place, group, draft=None) -> Reading:
    return Rules(u, place, group, draft).read()


def weak_request(u: Unit, place: Place) -> bool:
    """Asks only with "cần" / "phải" / "nên": no other marker, no operation verb in the position of
    an order, no advisory verb except as a noun ("yêu cầu đảm bảo ...")."""
    r = Rules(u, place, None)
    lx = r.lx
    text = r.masked
    weak = lx.rx("request.weak").search(text)
    if not weak:
        return False
    strong = [m for m in lx.rx("request.markers").finditer(text)
              if not lx.rx("request.weak").fullmatch(" ".join(m.group(0).lower().split()))]
    if strong or u.listed or order_verbs(u.skel, "operation.add.verbs", "operation.delete.verbs",
                                         "operation.change.verbs", "operation.move.verbs"):
        return False
    for m in lx.rx("advisory.verbs").finditer(text):
        if not re.search(r"(?:yêu cầu|việc|sự|nhằm|để|~+)\s+$", text[: m.start()], re.I):
            return False
    return True


def problem_of(u: Unit, place: Place) -> re.Match | None:
    """The fault a sentence finds ("... không rõ ràng"), whatever its place."""
    return Rules(u, place, None).problem_phrase()
