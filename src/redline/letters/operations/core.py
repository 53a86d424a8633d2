"""What every rule of the grammar shares: the outcome of a reading, and the clause as the rules see it.

Why its own module: each rule (statements, moves, insertions, changes, deletions, rewrites,
requests) reads the same clause through the same lenses -- its skeleton with quotations
masked, the place's references masked, the request markers that are not requests masked --
and asks the same questions of it (is it asked? what does the result quotation say? which
current text did the letter cite?).  ``RuleBase`` holds those once.  It also holds the two
checks ``Rules.read`` applies to the reading of every rule: ``whole_request`` (an exact change
only when it is the whole, firm request) and ``_placed_inside`` (a bullet or paragraph the
place names holds the words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...messages import msg, render
from ...text import clean
from ..content import is_open, strip_ellipsis
from ..lexicon import lexicon
from ..locations import Place, bullet_rx, ordinal, para_rx
from ..predicate import _v, imperative, instruction_end, order_verbs, quiet
from ..units import Unit

_COUNT = r"(?:(?:hai|ba|bốn|năm|các|những|\d+)\s+)?"
_WORDS = r"(?:cụm\s+từ|từ|chữ|nhóm\s+chữ|dấu)"
_PUNCT_NAMES = {"phẩy": ",", "chấm phẩy": ";", "chấm": ".", "hai chấm": ":"}
_ARROW = re.compile(r"⟧\s*(?:->|→|=>|⇒|-{1,2}>)\s*⟦")  # “X” -> “Y”


@dataclass
class Reading:
    edits: list[dict] = field(default_factory=list)
    outcome: str = "ignored"  # edit / comment / unresolved / ignored
    rule: str = ""
    agreement: bool = False  # listed under "ignored" (no change asked)
    declines: bool = False  # the sender declines the view it reported just before


def reported_view(text: str) -> re.Match | None:
    """Others' opinion or request the letter reports ("Có ý kiến đề nghị bỏ khoản 3", "Có ý kiến
    thành viên Hội đồng thẩm định đề nghị bỏ ..."): a subject from ``advisory.reported``, then
    its verb of asking."""
    return re.search(r"(?<![\w])(?P<w>" + lexicon().alt("advisory.reported") + r")(?![\w])[^⟦;.,:]{0,80}?\s"
                     r"(?:cho rằng|muốn|đề nghị|kiến nghị|đề xuất)(?![\w])", text, re.I)


def comment(target: str | None, u: Unit, rule: str, note=None) -> Reading:
    """A Word comment at ``target`` with the letter's words; ``note`` (a catalogue message) says why
    it is no tracked change, in the language of the run."""
    e = {"op": "comment", "target": target, "text": u.quote}
    if note:
        e["note"] = render(note)
    return Reading([e], "comment", rule)


def _trim_phrase(words: str) -> str:
    """A phrase the letter quotes inside its own list ends with the list's punctuation:
    “thực hiện quyền làm chủ của nhân dân;” -- the ';' is the letter's, not the draft's."""
    return words.rstrip().rstrip(";,").rstrip() if words.rstrip().endswith((";", ",")) else words


def _uses(e: dict, q: str) -> bool:
    words = [e.get("find"), e.get("replace"), e.get("text"), e.get("heading")] + list(e.get("paragraphs") or [])
    a = e.get("anchor") or {}
    words += [a.get("sentence"), a.get("sentence_prefix")]
    core = strip_ellipsis(clean(q))[0]
    return any(w and core and (core in clean(w) or clean(w) in core) for w in words)


class RuleBase:
    """The clause as every rule reads it, and what they ask of it; the rules themselves are
    in the mixins ``Rules`` combines."""

    def __init__(self, u: Unit, place: Place, group, draft=None):
        self.u = u
        self.draft = draft  # grounding.Ground, or None
        self.place = place
        self.group = group
        self.skel = u.skel
        self.q = u.quotes
        self.quiet = quiet(u.skel)
        masked = u.skel
        for r in reversed(place.refs):
            masked = masked[: r.start] + "§" * (r.end - r.start) + masked[r.end:]
        # "không phải là", "cần thiết", "Chính phủ đề nghị": look like a request marker, are not one.
        masked = lexicon().rx("request.not_markers").sub(lambda m: "~" * len(m.group(0)), masked)
        # "do hoàn cảnh thay đổi nên ...", "vì trùng lặp nên ...": "nên" after a cause is "so", not "should"
        masked = re.sub(r"(?i)((?<![\w])(?:do|vì|bởi vì|bởi|tại vì|nhờ)(?![\w])[^.;:⟦]*?\s)(nên)(?![\w])",
                        lambda m: m.group(1) + "~~~", masked)
        self.masked = quiet(masked)
        self.low = masked.lower()
        self.declines = False  # the clause declines the view reported before it (and asks its own thing)
        self.lx = lexicon()

    @property
    def target(self) -> str | None:
        return self.place.target

    def verb(self, *paths: str, text: str | None = None) -> re.Match | None:
        return re.search(_v(*paths), self.quiet if text is None else text, re.I)

    def _placed_inside(self, out: Reading) -> Reading:
        """"Phần III, mục 2, gạch đầu dòng thứ 3: bỏ chữ “X”": a bullet or paragraph the place names
        before the request holds the words to change."""
        v = order_verbs(self.skel, "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs") or \
            self.lx.rx("request.markers").search(self.skel)
        before = self.skel[: v.start()] if v else ""
        m = bullet_rx().search(before) or para_rx().search(before)
        if m:
            kind = "bullet" if bullet_rx().search(before) else "paragraph"
            for e in out.edits:
                if e.get("find") and not e.get("anchor") and e["op"] in ("replace_text", "delete"):
                    e["anchor"] = {kind: ordinal(m.group("k"))}
        return out

    def whole_request(self, out: Reading) -> Reading:
        """An exact change is made only when it is the whole request: a clause that also asks to
        reorder ("hoán đổi"), asks "in the direction of" something ("theo hướng ..."), goes on
        with a second predicate ("bỏ cụm từ “X” và sử dụng ..."), or gives words whose quotation
        is never closed becomes a comment carrying all its words."""
        if out.outcome != "edit":
            return out
        m = self.lx.rx("advisory.reorder").search(self.masked)
        if m and not any(e.get("_swap") for e in out.edits):  # a swap the draft made exact is the request
            return comment(self.target, self.u, out.rule + f" + advisory.reorder: {m.group(0).lower()}",
                           msg("part of the request has no exact words: left to the drafter"))
        d = self.lx.rx("advisory.directions").search(self.masked)
        if d:
            return comment(self.target, self.u, out.rule + f" + advisory.directions: {d.group(0).lower()}",
                           msg("the request says in which direction, not the exact words: left to the drafter"))
        guard = self.not_firm()
        if guard:
            return comment(self.target, self.u, out.rule + f" + {guard[0]}", guard[1])
        last = self.skel.rfind("⟧")
        tail = self.skel[last + 1:] if last >= 0 else ""
        second = re.search(r"(?:\bvà|;)\s+(?:đồng thời\s+)?(?P<v>" + self.lx.alt(
            "operation.second.verbs", "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
            "advisory.verbs") + r")(?![\w])", tail, re.I)
        if second and (re.match(r"(?i)sửa lại là|sửa lại thành|sửa thành", second.group("v")) or re.match(
                r"\s*(?:lại\s+)?(?:là|thành|như sau|cho rõ nghĩa|:|lại cho)", tail[second.end("v"):], re.I)
                or self.lx.rx("introducer.result_words").match(tail, second.start("v"))):
            second = None  # "... và sửa lại là “...”": the result of the same change, stated again
        if second:
            return comment(self.target, self.u, out.rule + f" + second request: {second.group('v').lower()}",
                           msg("a second request in the same sentence: left to the drafter"))
        if self.u.open_text or any(is_open(q) and any(_uses(e, q) for e in out.edits) for q in self.q):
            return comment(self.target, self.u, out.rule + " + quotation never closed",
                           msg("the quoted words are not closed: left to the drafter"))
        return out

    def not_firm(self) -> tuple[str, str] | None:
        """An exact change the letter does not firmly order: negated, under a condition, reported
        as others' opinion, or one of alternatives (`advisory.negations` ... `advisory.alternatives`)."""
        lx = self.lx
        ops = lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                     "operation.move.verbs", "operation.rename.verbs", "operation.swap.verbs")
        skel = re.sub(r"\([^()]*\)", lambda m: "~" * len(m.group(0)), self.skel)
        own = skel[: instruction_end(skel)]
        m = re.search(r"(?<![\w])(?P<w>" + lx.alt("advisory.negations") + r")\s+(?:(?:nên|cần|phải|được|với|việc)\s+)"
                      r"{0,2}(?:" + ops + r")(?![\w])", own, re.I)
        if m:
            return (f"advisory.negations: {m.group('w').lower()}", msg("the letter asks not to change: left to the drafter"))
        m = re.match(r"\W*(?P<w>" + lx.alt("advisory.conditions") + r")(?![\w])[^⟦;]*?(?<![\w])thì(?![\w])", skel, re.I)
        if m:
            return (f"advisory.conditions: {m.group('w').lower()}",
                    msg("the change is asked under a condition: left to the drafter"))
        m = reported_view(own)
        # others' opinion or request, reported ("Có ý kiến đề nghị bỏ khoản 3 ...", "Có ý kiến thành viên
        # Hội đồng thẩm định đề nghị bỏ ..."): the letter may go
        # on to answer it ("... đề nghị giữ lại"), so it is never a tracked change of its own
        if m:
            return (f"advisory.reported: {m.group('w').lower()}",
                    msg("others' opinion reported by the letter: left to the drafter"))
        m = re.search(r"(?<![\w])(?P<w>" + lx.alt("advisory.opinions") + r")(?![\w])[^⟦;]{0,60}?(?<![\w])(?:" + ops +
                      r")(?![\w])", own, re.I)
        if m and not re.search(r"(?i)(?<![\w])(?:tôi|chúng tôi|chúng em|em|mình|chúng ta|ta)\s*,?\s*$", own[:m.start()]):
            # "Bộ X cho rằng nên bỏ ..." weighs; "Chúng tôi cho rằng ... nên bỏ ..." is the sender's own request
            return (f"advisory.opinions: {m.group('w').lower()}",
                    msg("an opinion, not an order: left to the drafter"))
        alt = lx.alt("advisory.alternatives")
        m = re.search(r"⟦\d+⟧\s*,?\s*(?P<w>" + alt + r")\s+(?:(?:là|bằng|thành)\s+)?(?:(?:cụm\s+)?từ\s+)?⟦\d+⟧", own, re.I) or \
            re.search(r"(?<![\w])(?P<w>" + alt + r")\s+(?:(?:là|có thể|nên|cần)\s+)?(?:" + ops + r")(?![\w])", own, re.I)
        if m:
            return (f"advisory.alternatives: {m.group('w').lower()}",
                    msg("the letter offers alternatives: left to the drafter"))
        return None

    def asked(self) -> bool:
        """A request marker, an order's verb in first position, or a member of a list asked for."""
        text = self.masked
        return bool(self.lx.rx("request.markers").search(text) or imperative(text) or self.u.listed
                    or self.agreed_action())

    def agreed_action(self) -> bool:
        """'các đại biểu thống nhất chỉnh sửa gọn lại ...': agreeing to an operation asks for it."""
        return bool(re.search(r"(?:" + self.lx.alt("agreement.phrases") + r")\s+(?:" + self.lx.alt(
            "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs") + r")(?![\w])",
            self.masked, re.I))

    def problem_phrase(self) -> re.Match | None:
        m = self.lx.rx("advisory.problems").search(self.masked)
        if m:
            return m
        for b in self.lx.rx("advisory.betters").finditer(self.masked):
            if re.search(r"(?:có lẽ|có vẻ|sẽ|thì)(?:\s+\S+){0,3}\s+$", self.masked[: b.start()], re.I):
                return b
        return None

    def result_intro(self) -> re.Match | None:
        return re.search(r"(?:" + self.lx.alt("introducer.result_words") + r")(?![\w])[^⟦.;]{0,40}?:?\s*⟦(?P<q>\d+)⟧",
                         self.skel, re.I)

    def _result(self) -> tuple[int, str] | None:
        """The quotation that states the result ("sửa lại là “...”", "thành mệnh đề hoàn chỉnh
        “...”", "để thành nội dung “...”"), with its index."""
        m = self.result_intro()
        if m is None:
            return None
        k = int(m.group("q"))
        return k, self.q[k]

    def _cited(self, exclude: set[int]) -> list[str]:
        """The draft's current text the letter quoted for this place (not the new words)."""
        own = [self.q[i] for i in self.place.current if i not in exclude and i < len(self.q)]
        return own or list(self.place.cited)

    def _whole_if_said(self) -> str | None:
        return "*" if self.place.special == "*" else None
