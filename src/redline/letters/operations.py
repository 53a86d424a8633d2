"""Operations: what an instruction asks, read from its verb, its object and its quotations.

Why its own module, and why rules in this order: each rule below reads one construction of
the grammar (verb from the lexicon + object + the role of each quotation) and either
returns a ``Reading`` or passes.  The first that reads the clause decides, and its name
(with the lexicon entry that matched) is what `extract --explain` prints.

The safety rule is structural, not per example: a tracked change is produced only where the
letter gives exact words -- the words to find and their replacement, the phrase to drop,
the new text (quoted, or after "như sau:"), or a whole unit to drop that it names exactly
("bỏ khoản 3", "bỏ gạch đầu dòng cuối cùng").  An add/change/delete without its exact
words, a hedged request ("xem xét bỏ", "cân nhắc bổ sung"), a request "in the direction of"
something ("theo hướng ..."), a quotation never closed, or an advisory ("làm rõ", "giữ
nguyên") becomes a comment carrying the letter's words.  A phrase the letter asks to ADD is
never a deletion: the add rules run on the add verb, and a quote after it is new text.

Which quotations are which (the heart of reading real letters):

- *current text*: a quotation right after the place ("Khoản 2, Điều 18 ghi: “...”",
  "Điều 27, khoản 1, “...”") or after "tại câu / trong đoạn" -- the draft as it stands;
- *context*: the sentence a word goes into or comes out of ("vào câu “... Y (X), ...”",
  "trong đoạn “...”"); brackets in it mark the word's position;
- *object*: the words an operation acts on ("bỏ cụm từ “X”", "thay “X” bằng “Y”");
- *result*: what the passage becomes ("sửa lại là “...”", "để thành nội dung “...”"): with
  the current text (or the object it adds) it gives one exact replacement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..messages import msg, render
from ..text import clean
from .content import PH_RE, ellipsis_inside, is_open, strip_ellipsis
from .lexicon import lexicon
from .locations import Place, bullet_rx, complete, find_refs, ordinal, para_rx, sentence_rx
from .predicate import _v, imperative, instruction_end, order_verbs, quiet  # noqa: F401  (order_verbs: public)
from .units import Unit

_NUM_WORD = (r"(?:[IVXLC]+(?:\.\d+)*\.?(?![\w])|\d+(?:\.\d+)*[a-zđ]?\.?(?![\d\w])|[a-zđ](?![\w]))")
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


class Rules:
    """The rules, in the order they are tried; each returns a Reading or None."""

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
        self.lx = lexicon()

    @property
    def target(self) -> str | None:
        return self.place.target

    def verb(self, *paths: str, text: str | None = None) -> re.Match | None:
        return re.search(_v(*paths), self.quiet if text is None else text, re.I)

    def read(self) -> Reading:
        for rule in (self.announcement, self.agreement, self.narrative, self.hedged, self.merge, self.move,
                     self.new_section,
                     self.replace_text, self.delete, self.insert_anchor, self.rename, self.rewrite, self.add,
                     self.advisory, self.request, self.problem):
            out = rule()
            if out is not None:
                return self._placed_inside(self.whole_request(out))
        return Reading([], "ignored", "narrative: no operation, no request")

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
        if m:
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
                     "operation.move.verbs", "operation.rename.verbs")
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
        m = re.search(r"(?<![\w])(?P<w>" + lx.alt("advisory.reported") + r")(?![\w])(?:\s+\S+){0,4}?\s+"
                      r"(?:cho rằng|muốn|đề nghị|kiến nghị|đề xuất)(?![\w])", own, re.I)
        # others' opinion or request, reported ("Có ý kiến đề nghị bỏ khoản 3 ..."): the letter may go
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

    # -- no change asked

    def announcement(self):
        """'... có ý kiến như sau:', 'kiến nghị đến HĐND tỉnh:' -- announces what follows."""
        from .units import colon_kind

        s = self.skel.rstrip()
        if s.endswith(":") and colon_kind(s)[0] == "announce":
            if (self.place.own or self.place.carried) and self.lx.rx("advisory.verbs", "advisory.hedges").search(
                    self.masked):
                return None  # "Đề nghị Ban soạn thảo cân nhắc quy định trên ở một số vấn đề sau:" asks itself
            m = self.lx.rx("narrative.announcements").search(s)
            return Reading([], "ignored", "narrative.announcements" + (f": {m.group(0).lower()}" if m else
                                                                          ": a list follows"))
        cl = self.lx.rx("narrative.closings").search(self.masked)
        if cl and not self.place.own and "⟦" not in self.skel:
            return Reading([], "ignored", f"narrative.closings: {cl.group(0).lower()}")
        li = self.lx.rx("narrative.lead_ins", before=r"^\W*").search(self.masked)
        if li and "⟦" not in self.skel:
            return Reading([], "ignored", f"narrative.lead_ins: {li.group(0).strip(' ,').lower()}")
        # "Phúc đáp ...", "Sở Tư pháp nhận được Văn bản số ... đề nghị thẩm định ...": the opening formula,
        # also after its subject
        m = re.match(r"^\W*(?:[^\W\d]\w*\s+){0,6}?(?:" + self.lx.alt("narrative.formulas") + r")(?![\w])",
                     self.masked, re.I)
        if m and not self.u.new_text:
            return Reading([], "ignored", f"narrative.openings: {m.group(0).strip(' -').lower()}")
        return None

    def agreement(self):
        m = self.lx.rx("agreement.phrases").search(self.masked)
        if not m:
            return None
        before = self.masked[: m.start()]
        after = self.masked[m.end():]
        clause = re.split(r"[;.]", before)[-1]
        if re.search(r"(?<![\w])(?:cần|nên|phải|đề nghị|kiến nghị|đề xuất|cần phải)(?![\w])", clause, re.I) or re.match(
                r"\s+(?:" + self.lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                         "advisory.verbs") + r")(?![\w])", after, re.I):
            return None  # "cần thống nhất định mức", "đề nghị viết thống nhất “X” thành “Y”", "thống nhất
            #              chỉnh sửa gọn lại": asked, not agreed
        q = quiet(self.masked)
        rest = q[: m.start()] + q[m.end():]
        if self.u.new_text or self.verb("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                        "operation.move.verbs", text=rest):
            return None
        adv = self.lx.rx("advisory.verbs").search(rest)
        if adv and not re.fullmatch(r"thống nhất|nhất trí", adv.group(0), re.I):
            return None
        if self.place.own and self.problem_phrase() is not None:
            return None
        return Reading([], "ignored", f"agreement.phrases: {m.group(0).lower()}", agreement=True)

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

    def narrative(self):
        """A statement, not a request: a reason ("Lý do: ..."), or no request marker and no verb
        in the position of an order ("Bỏ câu ...", "Điều 5 bổ sung từ ..."), and no new text.
        "các đại biểu đóng góp ý kiến bổ sung, chỉnh sửa ..." reports; it asks nothing.  A
        sentence that finds fault with a place it names ("Điều 79 ... quá phức tạp") is a
        request for that place: the ``problem`` rule reads it."""
        text = self.masked.strip()
        if self.u.first and not self.u.item.follow and _is_caps(self.u.quote) and len(text.split()) <= 15:
            return Reading([], "ignored", "narrative: the item's heading")  # "III. KIẾN NGHỊ"
        if self.u.first and not self.u.item.follow and isinstance(self.u.item.n, (int, str)) and len(text) < 150 and \
                re.match(r"(?i)^\W*(?:về|đối với|vấn đề)\b", text) and not re.search(r"[.:;]\s*$", text) \
                and not self.asked():
            return Reading([], "ignored", "narrative: the item's topic heading")
        if self.u.reason:
            return Reading([], "ignored", "narrative.rationale: the reason given for the instruction before it")
        if not self.target and "⟦" not in self.skel and re.match(
                r"\W*(?:" + self.lx.alt("advisory.reported") + r")(?![\w])", text, re.I):
            # "Có ý kiến cho rằng ...", "Một số đại biểu đề nghị ..." with no place and no words of the
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
                                           "operation.move.verbs", "operation.rename.verbs") + r")",
                      self.masked, re.I)
        if not m or self.lx.rx("introducer.results").match(self.masked, m.start()):
            return None  # "có thể viết thành: ...": the words proposed, not a hedge
        return comment(self.target or self._whole_if_said(), self.u, f"advisory.hedges: {clean(m.group(0)).lower()}")

    # -- moves and new sections

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

    def new_section(self):
        kinds = r"(?P<kind>tiểu\s+mục|mục|khoản|điểm|phần|điều|chương)"
        m = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:một\s+|01\s+)?" + kinds +
                      r"(?:\s+mới)?(?:\s+(?P<num>" + _NUM_WORD + r"))?(?:\s*(?:mới)?\s*⟦(?P<q>\d+)⟧)?"
                      r"(?P<mid>[^⟦]*?)(?:\b(?:vào|ở|tại|đặt)\s+)?(?:ngay\s+)?(?P<pos>sau|trước)\s+(?P<ref>.*)$",
                      self.skel, re.I)
        rule = "operation.add.verbs + new section"
        if m and not order_verbs(self.skel[: m.end()], "operation.add.verbs"):
            m = None
        if m is None:
            # "bổ sung vào trước khoản 2 Điều 5 một khoản mới như sau: ...", "bổ sung sau khoản 2 một
            # khoản giao nhiệm vụ cho ...": the position named first
            m = re.search(_v("operation.add.verbs") + r"\s+(?:vào\s+)?(?:ngay\s+)?(?P<pos>sau|trước)\s+(?P<ref>[^⟦]*?)\s+"
                          r"(?:một\s+|01\s+)" + kinds + r"(?:\s+mới)?(?:\s+(?P<num>" + _NUM_WORD + r")(?![\w]))?(?P<q>)",
                          self.skel, re.I)
        if not m:
            return self._new_numbered_section()
        dest_refs = [r for r in find_refs(self.skel, self.q) if r.start >= m.start("ref")]
        if not dest_refs:
            return None
        target = complete(dest_refs[0], self.skel, self.q, self.group)
        op = "insert_after" if m.group("pos").lower() == "sau" else "insert_before"
        out = self._section_edit(op, target, m.group("kind"), (m.group("num") or "").rstrip("."),
                                 m.group("q") or None, rule)
        if out.outcome == "edit" and re.search(r"đánh số lại", self.skel, re.I):
            out.edits[0]["renumber"] = True  # "... và đánh số lại các khoản tiếp theo"
        return out

    def _new_numbered_section(self):
        """'bổ sung khoản 4 vào Điều 5 như sau: ...', 'bổ sung một điều mới (Điều 65a)': a new
        numbered unit with no position word goes after the one numbered before it.  "bổ sung
        Điều 65 với nội dung: ..." (an existing number, no "mới", no parent) adds the content
        to that unit: the ``add`` rule reads it."""
        m = self.verb("operation.add.verbs")
        if not m:
            return None
        m = re.match(r"\s+(?:thêm\s+)?(?P<one>một\s+|01\s+)?(?P<kind>điều|khoản|điểm)(?P<new>\s+mới)?\s+"
                     r"(?P<num>\d+[a-zđ]?|[a-zđ])(?![\w.])", self.skel[m.end():], re.I)
        if not m:
            return None
        start = self.skel.find(m.group(0)) + len(m.group(0))
        after_m = self.skel[start:]
        bracket = re.match(r"\s*\(([^()]{3,100})\)", after_m)  # "Điều 9 (Hiệu lực thi hành)": its title
        if bracket:
            after_m = after_m[bracket.end():]
        parent_refs = [r for r in find_refs(after_m, self.q)]
        into = re.match(r"\s*(?:vào|cho|trong|tại|của)\s+(?:cuối\s+|đầu\s+)?", after_m, re.I)
        kind, num = m.group("kind").lower(), m.group("num")
        if not (m.group("one") or m.group("new") or into and parent_refs or re.fullmatch(r"\d+[a-zđ]", num)):
            return None
        rule = f"operation.add.verbs + new {kind}"
        parent = None
        if parent_refs:
            parent = complete(parent_refs[0], after_m, self.q, self.group)
        elif kind != "điều" and self.target:
            parent = self.target
        prev = _previous_label(num)
        if prev is None:
            return comment(parent or self.target, self.u, rule, msg("new {kind} {num}: left to the drafter", kind=kind, num=num))
        if kind == "điều":
            target = f"Điều {prev}"
        else:
            if not parent:
                return None
            target = f"{kind.capitalize()} {prev} {parent}" if kind != "điểm" else f"Điểm {prev} {parent}"
        return self._section_edit("insert_after", target, kind, num, None, rule,
                                  title=clean(bracket.group(1)) if bracket else None)

    def _section_edit(self, op, target, kind, num, q, rule, title: str | None = None):
        paras = list(self.u.new_text)
        heading = None
        if title:
            heading = title
        elif q is not None:
            title = clean(self.q[int(q)])
            heading = f"{num}. {title}" if num and not title.startswith(num) else title
        elif paras and (not num or paras[0].startswith(num) or paras[0].lower().startswith(kind.lower())
                        or len(paras[0]) < 150):
            heading = paras.pop(0)
        if heading is None:
            return comment(target, self.u, rule, msg("new section without its text: left to the drafter"))
        if kind.lower() == "điều" and num and not re.match(r"(?i)điều\s+\d", heading):
            heading = f"Điều {num}. {heading}"
        e = {"op": op, "target": target, "heading": heading}
        if paras:
            e["paragraphs"] = paras
        return Reading([e], "edit", rule)

    # -- changes of words

    def _pairs(self) -> list[tuple[str, str, int, int]]:
        """(find, replace): “X” ... thành|bằng ... “Y” (the words named first, the request after them:
        "dòng “X” em nghĩ nên sửa thành “Y”"); “X” -> “Y”; "thay dấu chấm phẩy sau cụm từ “X” bằng
        dấu phẩy" (or "bằng từ “Z”")."""
        lx = self.lx
        into = lx.alt("operation.change.into")
        change = lx.alt("operation.change.verbs")
        out = []
        asking = r"(?:(?:[^\W\d]\w*\s+){0,4}?(?:" + lx.alt("request.markers") + r")\s+(?:được\s+)?)?"
        for m in re.finditer(r"⟦(\d+)⟧\s*(?:\([^()]*\)\s*)?,?\s*" + asking +
                             r"(?:(?:được\s+)?(?:" + change + r")\s+(?:lại\s+)?)?"
                             r"(?:" + into + r")\s+" + _COUNT + r"(?:(?:cụm\s+từ|từ|chữ|số liệu|con số|câu|nội dung|tên|"
                             r"là)\s+)?(?:là\s+)?:?\s*⟦(\d+)⟧|⟦(\d+)⟧\s*(?:->|→|=>|⇒|-{1,2}>)\s*⟦(\d+)⟧", self.skel, re.I):
            a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            out.append((self.q[int(a)], self.q[int(b)], m.start(), m.end()))
        marks = r"(?:⟦(?P<{0}>\d+)⟧|(?P<{1}>chấm phẩy|phẩy|chấm|hai chấm))"
        p = re.search(r"\bdấu\s+" + marks.format("q", "w") + r"\s+(?P<pos>sau|trước)\s+" + _COUNT + _WORDS +
                      r"?\s*⟦(?P<a>\d+)⟧\s+(?:" + into + r")\s+(?:dấu\s+" + marks.format("q2", "w2") + "|" + _COUNT +
                      _WORDS + r"?\s*⟦(?P<b>\d+)⟧)", self.skel, re.I)
        if p:
            name = clean(self.q[int(p.group("q"))] if p.group("q") else p.group("w")).lower()
            mark = _PUNCT_NAMES.get(name, name if len(name) == 1 else None)
            name2 = clean(self.q[int(p.group("q2"))] if p.group("q2") else p.group("w2") or "").lower()
            mark2 = _PUNCT_NAMES.get(name2, name2 if len(name2) == 1 else None)
            if mark and (mark2 or p.group("b")):
                a = self.q[int(p.group("a"))]
                after = p.group("pos").lower() == "sau"
                if mark2:
                    # "thay dấu chấm phẩy sau “X” bằng dấu phẩy": one mark for another
                    out = [(a + mark, a + mark2, p.start(), p.end())] if after else \
                        [(mark + " " + a, mark2 + " " + a, p.start(), p.end())]
                else:
                    b = self.q[int(p.group("b"))]
                    out = [(a + mark, f"{a} {b}", p.start(), p.end())] if after else \
                        [(mark + a, f"{b} {a}", p.start(), p.end())]
        return out

    def _raise(self) -> list[tuple[str, str, int, int]]:
        """'nâng tỷ lệ từ 50% lên 60%', 'giảm thời hạn từ 07 ngày xuống 05 ngày': a figure changed,
        its old and new values written out (quoted or not)."""
        m = re.search(r"(?<![\w])(?:" + self.lx.alt("operation.raise.verbs") + r")(?![\w])[^⟦;]{0,80}?\btừ\s+"
                      r"(?:⟦(?P<qa>\d+)⟧|(?P<a>\d[\d.,/]*\s*(?:%|[^\W\d]+(?:\s+[^\W\d]+)?)?))\s+"
                      r"(?:lên|xuống|thành|còn|sang)\s+(?:⟦(?P<qb>\d+)⟧|(?P<b>\d[\d.,/]*\s*(?:%|[^\W\d]+(?:\s+[^\W\d]+)?)?))",
                      self.quiet, re.I)
        if not m:
            # "sửa 97,5% thành 98,1%": two figures, unquoted, with no "từ"
            m = re.search(r"(?<![\w])(?:" + self.lx.alt("operation.raise.verbs") + r")(?![\w])[^⟦;]{0,60}?\s"
                          r"(?P<a>\d[\d.,/]*%?)\s+(?:lên|xuống|thành|còn)\s+(?P<b>\d[\d.,/]*%?)(?![\w])(?P<qa>)(?P<qb>)",
                          self.quiet, re.I)
            if not m:
                return []
        a = self.q[int(m.group("qa"))] if m.group("qa") else m.group("a").strip()
        b = self.q[int(m.group("qb"))] if m.group("qb") else m.group("b").strip()
        if not m.group("qa"):
            # unquoted: the unit word only when both sides carry the same one ("20%" / "30%")
            ua, ub = re.sub(r"^[\d.,/]+\s*", "", a), re.sub(r"^[\d.,/]+\s*", "", b)
            if ua != ub:
                a, b = re.match(r"[\d.,/]+%?", a).group(0), re.match(r"[\d.,/]+%?", b).group(0)
        return [(a, b, m.start(), m.end())]

    def replace_text(self):
        pairs = self._pairs() or self._raise()
        verb = self.verb("operation.change.verbs")
        ins = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:vào\s+)?" + _COUNT + r"(?:" + _WORDS +
                        r"\s*)?⟦(?P<new>\d+)⟧\s*(?:vào\s+)?(?:ngay\s+)?(?:phía\s+)?(?P<pos>sau|trước)\s+" + _COUNT +
                        r"(?:" + _WORDS + r"\s*)?⟦(?P<old>\d+)⟧", self.quiet, re.I)
        if not ins:
            # "sau cụm từ “A” đề nghị bổ sung cụm từ “B”": the position named first
            ins = re.search(r"(?<![\w])(?P<pos>sau|trước)\s+" + _COUNT + r"(?:" + _WORDS + r"\s*)?⟦(?P<old>\d+)⟧\s*,?\s*"
                            r"(?:(?:đề nghị|kiến nghị|nên|cần)\s+)?" + _v("operation.add.verbs") +
                            r"\s+(?:thêm\s+)?" + _COUNT + r"(?:" + _WORDS + r"\s*)?⟦(?P<new>\d+)⟧", self.quiet, re.I)
        # "thêm từ “X” vào giữa hai từ “A” và “B”"
        between = None if ins else re.search(
            _v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:vào\s+)?" + _COUNT + r"(?:" + _WORDS + r"\s*)?⟦(?P<new>\d+)⟧"
            r"\s*(?:vào\s+)?(?:ở\s+)?(?:khoảng\s+)?giữa\s+(?:hai\s+)?(?:" + _WORDS + r"\s*)?⟦(?P<a>\d+)⟧\s*(?:và|với)\s+"
            r"(?:" + _WORDS + r"\s*)?⟦(?P<b>\d+)⟧", self.quiet, re.I)
        if not pairs and not ins and not between:
            return self.bracketed()
        if pairs and not verb and not re.search(r"\bthành\b", self.low) and not self._raise() and not _ARROW.search(self.skel) \
                and not (self.asked() and re.search(r"\blà\b", self.low)):  # "“X” mình nghĩ phải là “Y”"
            return None
        target = self.target
        if target is None and self.place.page is not None:
            target = "*"
        exclude = []
        tr = re.search(r"\(?\b(?:trừ|ngoại trừ|không thay|không áp dụng)\b(?P<x>[^)]*)\)?", self.skel, re.I)
        if tr:
            exclude = [self.q[int(q)] for q in PH_RE.findall(tr.group("x"))]
        occ = re.search(r"(?:lần xuất hiện|chỗ|vị trí)\s+thứ\s+(\d+|nhất|hai|ba|tư)", self.low)
        edits = []
        rule = ("operation.change.into: " + ("thành/bằng" if pairs else "")) if pairs else \
            "operation.add.verbs + position (sau/trước từ)"
        for find, repl, s, e in pairs:
            if tr and s >= tr.start():
                continue
            if ellipsis_inside(find) or ellipsis_inside(repl):
                return comment(target, self.u, rule, msg("the quoted words are cut short: left to the drafter"))
            if not find.rstrip().endswith((";", ",")):
                repl = _trim_phrase(repl)
            ed = {"op": "replace_text", "target": target, "find": find, "replace": repl}
            if exclude:
                ed["exclude"] = exclude
            if occ:
                ed["occurrence"] = ordinal(occ.group(1))
            if target == "title" and self._title_heading():
                ed["scope"] = "heading"
            edits.append(ed)
        if ins:
            new, old = self.q[int(ins.group("new"))], self.q[int(ins.group("old"))]
            after = ins.group("pos").lower() == "sau"
            res = self._result_with(new, old, after)
            if res is not None:
                find, repl = res
            else:
                # "vào sau ba từ “Ngày Quốc khánh…”": the anchor's words are exact; the "…" only
                # says the sentence goes on (an insertion needs no more).
                old = strip_ellipsis(old)[0]
                if ellipsis_inside(old) or ellipsis_inside(new):
                    return comment(target, self.u, rule, msg("the quoted words are cut short: left to the drafter"))
                sep = self._separator(new, old, after)
                find = old
                repl = f"{old}{sep}{new}" if after else f"{new}{sep}{old}"
            ed = {"op": "replace_text", "target": target, "find": find, "replace": repl, "_insert": True}
            if target == "title" and self._title_heading():
                ed["scope"] = "heading"
            if exclude:
                ed["exclude"] = exclude
            edits.append(ed)
        if between:
            new, a, b = (clean(self.q[int(between.group(k))]) for k in ("new", "a", "b"))
            if any(ellipsis_inside(x) or strip_ellipsis(x)[1] for x in (new, a, b)):
                return comment(target, self.u, rule, msg("the quoted words are cut short: left to the drafter"))
            edits.append({"op": "replace_text", "target": target, "find": f"{a} {b}", "replace": f"{a} {new} {b}",
                          "_insert": True})
        return Reading(edits, "edit", rule) if edits else None

    def _title_heading(self) -> bool:
        """"tại tiêu đề": the title's heading line only ("tên gọi của dự thảo" is the whole title)."""
        return bool(self.place.rule and "tiêu đề" in self.place.rule)

    def _separator(self, new: str, old: str, after: bool) -> str:
        """How the inserted words join their anchor: as the letter's own result shows it ("... đồng
        ý, đăng ký trước ..."), else a space (a comma or full stop that starts the words: none)."""
        if new.startswith((",", ";", ".")) or len(new) <= 2 and not new.isalnum():
            return "" if after else " "
        res = self._result()
        if res is not None:
            r = res[1]
            pair = (old, new) if after else (new, old)
            m = re.search(re.escape(pair[0]) + r"(\s*[,;]?\s+)" + re.escape(pair[1]), r)
            if m:
                return m.group(1)
        return " "

    def _result(self) -> tuple[int, str] | None:
        """The quotation that states the result ("sửa lại là “...”", "thành mệnh đề hoàn chỉnh
        “...”", "để thành nội dung “...”"), with its index."""
        m = self.result_intro()
        if m is None:
            return None
        k = int(m.group("q"))
        return k, self.q[k]

    def result_intro(self) -> re.Match | None:
        return re.search(r"(?:" + self.lx.alt("introducer.result_words") + r")(?![\w])[^⟦.;]{0,40}?:?\s*⟦(?P<q>\d+)⟧",
                         self.skel, re.I)

    def _result_with(self, new: str, old: str, after: bool) -> tuple[str, str] | None:
        """An insertion whose result the letter also states: the result without the new words is
        the text to find (it must hold the anchor), the result is the replacement."""
        res = self._result()
        if res is None:
            return None
        r, _ = strip_ellipsis(res[1])
        r = _trim_phrase(r.rstrip(". "))
        n = clean(new)
        if r.count(n) != 1:
            return None
        i = r.find(n)
        before, rest = r[:i], r[i + len(n):]
        if after and before.rstrip(" ,").endswith(strip_ellipsis(old)[0].rstrip(" ,")):
            find = before.rstrip(" ,") + (rest if rest.startswith((",", " ")) else " " + rest if rest else "")
        elif not after and rest.lstrip(" ,").startswith(strip_ellipsis(old)[0]):
            find = (before.rstrip() + " " if before.strip() else "") + rest.lstrip(" ,")
        else:
            return None
        find = clean(find)
        if not find or ellipsis_inside(find) or find == r:
            return None
        return find, r

    def bracketed(self):
        """'thêm cụm từ “X” vào câu “... Y (X), ...”', 'bỏ chữ “X” trong đoạn “... (X) ...”': the
        brackets in the quoted sentence mark where the words go in or come out."""
        add = self.verb("operation.add.verbs")
        dele = self.verb("operation.delete.verbs")
        v = add or dele
        if v is None:
            return None
        objs = [int(k) for k in PH_RE.findall(self.skel[v.end():])]
        if len(objs) < 2:
            return None
        x = clean(self.q[objs[0]])
        for k in objs[1:]:
            ctx = self.q[k]
            m = re.search(r"\(\s*" + re.escape(x) + r"\s*\)", ctx)
            if not m:
                continue
            before, after = ctx[: m.start()], ctx[m.end():]
            before = strip_ellipsis(before)[0] if before.strip().startswith(("…", "...")) else before
            after = strip_ellipsis(after)[0] if after.strip().endswith(("…", "...")) else after
            before, after = before.rstrip(), after.rstrip(" .")
            if ellipsis_inside(before) or ellipsis_inside(after) or not before.strip() and not after.strip():
                return None
            gap = "" if after.startswith((",", ";", ".")) or not after else " "
            joined_without = clean(before + gap + after) if before.strip() else clean(after)
            with_x = clean(before + " " + x + (gap + after if after else "")) if before.strip() else clean(
                x + " " + after)
            rule = ("operation.add.verbs" if v is add else "operation.delete.verbs") + " + (…) in the quoted sentence"
            if v is add:
                find, repl = joined_without, with_x
            else:
                find, repl = with_x, joined_without
            return Reading([{"op": "replace_text", "target": self.target, "find": find, "replace": repl,
                             "_context": True}], "edit", rule)
        return None

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

    # -- insertions

    def _anchor(self):
        s = re.search(r"(?P<pos>sau|trước)\s+(?:câu|đoạn|nội dung)\s*:?\s*⟦(?P<q>\d+)⟧", self.skel, re.I)
        if s:
            a, cut = strip_ellipsis(self.q[int(s.group("q"))])
            return {"sentence_prefix" if cut else "sentence": a}, s.group("pos").lower(), s
        b = re.search(r"(?P<pos>sau|trước)\s+" + bullet_rx().pattern, self.skel, re.I)
        if b:
            return {"bullet": ordinal(b.group("k"))}, b.group("pos").lower(), b
        p = re.search(r"(?P<pos>sau|trước)\s+" + para_rx().pattern, self.skel, re.I)
        if p:
            return {"paragraph": ordinal(p.group("k"))}, p.group("pos").lower(), p
        return None, None, None

    def insert_anchor(self):
        v = self.verb("operation.add.verbs")
        if not v:
            return None
        anchor, pos, am = self._anchor()
        if anchor is None:
            return None
        rule = f"operation.add.verbs: {v.group(0).lower()} + {pos} (anchor)"
        op = "insert_after" if pos == "sau" else "insert_before"
        used = {int(am.group("q"))} if "q" in am.groupdict() and am.group("q") else set()
        own = [self.q[int(q)] for q in PH_RE.findall(self.skel) if int(q) not in used]
        e = {"op": op, "target": self.target, "anchor": anchor}
        inline = "sentence" in anchor or "sentence_prefix" in anchor
        if own and used:
            # "bổ sung cụm từ “X” sau câu “… Y, X”": the quoted sentence already holds X -- it is
            # the result, and X goes right after the words before it.
            x = clean(own[0])
            res = clean(strip_ellipsis(self.q[next(iter(used))])[0])
            if len(own) == 1 and res.endswith(x) and len(res) > len(x) + 3 and pos == "sau":
                find = res[: -len(x)].rstrip(" ,")
                if find and not ellipsis_inside(find):
                    return Reading([{"op": "replace_text", "target": self.target, "find": find, "replace": res}],
                                   "edit", rule + " + the result quoted")
        if own:
            rest_skel = self.skel[: am.start()] + self.skel[am.end():]
            if inline and re.search(r"\b(?:câu|cụm từ|nội dung)\s*:?\s*⟦", rest_skel, re.I):
                e["text"] = " ".join(own)
            else:
                e["paragraphs"] = own
        elif self.u.new_text:
            if inline and len(self.u.new_text) == 1 and not re.search(r"\b(?:đoạn|gạch đầu dòng|ý)\b",
                                                                       self.skel[: am.start()], re.I):
                e["text"] = self.u.new_text[0]
            else:
                e["paragraphs"] = list(self.u.new_text)
        else:
            return comment(self.target, self.u, rule, msg("insertion without its text: left to the drafter"))
        return Reading([e], "edit", rule)

    def rename(self):
        m = re.search(r"(?:" + self.lx.alt("operation.rename.verbs") + r")\b.*?(?:thành|là)\s*:?\s*⟦(\d+)⟧",
                      self.skel, re.I)
        if m:
            rule = "operation.rename.verbs: " + clean(re.match(self.lx.alt("operation.rename.verbs"), m.group(0),
                                                               re.I).group(0)).lower()
        else:
            # "tên của Chương II nên sửa thành “...”": the name of the place, changed
            m = re.search(r"(?:^|[^\w])tên(?:\s+gọi)?(?:\s+của)?\s+§+[^⟦]*?(?:" + self.lx.alt("operation.change.verbs") +
                          r")(?:\s+lại)?\s*(?:thành|là)\s*:?\s*⟦(\d+)⟧", self.masked, re.I)
            rule = "operation.rename: tên của ... sửa thành"
        if not m or not self.target:
            return None
        new = clean(self.q[int(m.group(1))])
        if self.target == "title":
            return Reading([{"op": "replace", "target": "title", "paragraphs": [new]}], "edit", rule)
        return Reading([{"op": "replace", "target": self.target, "heading": new}], "edit", rule)

    def _cited(self, exclude: set[int]) -> list[str]:
        """The draft's current text the letter quoted for this place (not the new words)."""
        own = [self.q[i] for i in self.place.current if i not in exclude and i < len(self.q)]
        return own or list(self.place.cited)

    def rewrite(self):
        """'sửa đổi, bổ sung như sau: ...', 'viết lại như sau', 'thay thế bằng nội dung sau',
        'sửa lại là: ...', 'bổ sung thành “...”', 'sẽ được viết thành: ...': the place's text
        becomes the new text; with the current text quoted, that text becomes it."""
        v = re.search(_v("operation.change.verbs") + r"(?!\s+vì\b)", quiet(self.masked), re.I)
        res_q = self.result_intro()
        res_w = self.lx.rx("introducer.results").search(self.masked)
        add_into = re.search(_v("operation.add.verbs") + r"\s+(?:vào\s+)?(?:thêm\s+)?(?:để\s+)?thành\b", self.quiet,
                             re.I)
        res = res_q or (res_w if self.u.new_text else None)
        if not v and not res and not add_into:
            return None
        verb = v or add_into or res
        rule = f"operation.change.verbs: {clean(verb.group(0)).lower()} (rewrite)" if v else \
            f"introducer.results: {clean(verb.group(0)).lower()} (rewrite)"
        target = self.target
        b = bullet_rx().search(self.skel)
        p = para_rx().search(self.skel)
        s = sentence_rx().search(self.skel)
        anchor = None
        if b:
            anchor = {"bullet": ordinal(b.group("k"))}
        elif s and not s.group("pos") and int(s.group("q")) not in self.place.current and not re.search(
                r"(?:thành|là|bằng)\s*$", self.skel[: s.start()], re.I):
            a, cut = strip_ellipsis(self.q[int(s.group("q"))])
            anchor = {"sentence_prefix" if cut else "sentence": a}
        elif p:
            anchor = {"paragraph": ordinal(p.group("k"))}
        text = list(self.u.new_text)
        used = {int(s.group("q"))} if s and anchor and ("sentence" in anchor or "sentence_prefix" in anchor) else set()
        own_k = None
        if not text:
            # A quotation the verb introduces: "sửa lại (nội dung) thành/là/như sau “...”", or the
            # one that ends the clause right after the verb ("sửa lại cho rõ nghĩa “...”").
            intro = re.search(r"(?:" + self.lx.alt("operation.change.verbs", "introducer.result_words") +
                              r")(?![\w])[^⟦.;]{0,60}?(?:(?:\b(?:thành|bằng|là|như sau|nội dung|sau)\b)\s*:?\s*"
                              r"⟦(\d+)⟧|⟦(\d+)⟧(?=\W*$))", self.skel[verb.start():], re.I)
            if intro:
                k = int(intro.group(1) or intro.group(2))
                if k not in used | set(self.place.current):
                    text, own_k = [self.q[k]], k
            figure = re.search(r"\b(?:thành|là)\s+(\d[\d.,/]*%?)\s*[.;]?\s*$", self.skel)
            if not text and figure and not PH_RE.search(self.skel):
                text = [figure.group(1)]  # "cột Tỷ lệ trực tuyến, đề nghị sửa thành 47,8%": a figure, unquoted
        if not text:
            if self.lx.rx("advisory.verbs").search(self.masked):
                return None
            return comment(target or self._whole_if_said(), self.u, rule,
                           msg("replacement without its text: left to the drafter"))
        if v and not anchor and self._described_object(v):
            # "sửa số hiệu văn bản tại ý thứ 2 thành “...”": a part described, not the place itself
            return comment(target, self.u, rule + " + a part described, not quoted",
                           msg("what to change is described, not quoted: left to the drafter"))
        if any(is_open(t) for t in text):
            return comment(target, self.u, rule + " + quotation never closed",
                           msg("the quoted words are not closed: left to the drafter"))
        if not target:
            return None
        cited = self._cited(used | ({own_k} if own_k is not None else set()))
        head_cut = text[0].lstrip().startswith(("…", "..."))
        if head_cut or len(text) == 1 and strip_ellipsis(text[0])[1] and cited and strip_ellipsis(cited[-1])[1]:
            # a fragment ("… A, X, B" or "A X …"): exact only against the fragment it rewrites
            new, _ = strip_ellipsis(text[0])
            cands = cited + [q for i, q in enumerate(self.q) if strip_ellipsis(q)[1] and q not in text
                             and i not in used and not is_open(q)]
            if len(text) == 1 and cands:
                old, _ = strip_ellipsis(cands[-1])
                old, new = old.rstrip(" ."), new.rstrip(" .")
                if old and old != new and not ellipsis_inside(old) and not ellipsis_inside(new):
                    return Reading([{"op": "replace_text", "target": target, "find": old, "replace": new}], "edit",
                                   rule + " + cited fragment")
            derived = self._derived_find(new)
            if derived is not None:
                return Reading([{"op": "replace_text", "target": target, "find": derived, "replace": new}], "edit",
                               rule + " + the added words taken out of the result")
            return comment(target, self.u, rule, msg("the new text is a fragment (“…”): left to the drafter"))
        if self._quoted_cut(text):
            e = {"op": "replace", "target": target, "paragraphs": text, "_rest_as_is": True, "_rewrite": True}
            if anchor:
                e["anchor"] = anchor
            return Reading([e], "edit", rule + " + “...” (the rest as it is)")
        own_label = self._own_label(text[0])
        if cited and not anchor and len(text) == 1 and not ellipsis_inside(cited[-1]) and not own_label:
            # "Khoản 2 ghi: “X”. ... sửa lại là: Y": the cited words become the new ones.
            old, cut = strip_ellipsis(cited[-1])
            if not cut and clean(old) != clean(text[0]):
                return Reading([{"op": "replace_text", "target": target, "find": old, "replace": text[0]}],
                               "edit", rule + " + cited current text")
        if not cited and not anchor and len(text) == 1 and not own_label:
            derived = self._derived_find(text[0])
            if derived is not None:
                return Reading([{"op": "replace_text", "target": target, "find": derived, "replace": text[0]}],
                               "edit", rule + " + the added words taken out of the result")
        if own_label:
            text = [own_label] + text[1:]
        e = {"op": "replace", "target": target, "_rewrite": True}
        if anchor:
            e["anchor"] = anchor
        if anchor and ("sentence" in anchor or "sentence_prefix" in anchor) and len(text) == 1:
            e["text"] = text[0]
        else:
            e["paragraphs"] = text
        if re.search(r"phần mở đầu|đoạn mở đầu|nội dung chung", self.low) and not anchor:
            e["scope"] = "lead"
        return Reading([e], "edit", rule)

    def _described_object(self, v: re.Match) -> bool:
        """Words between the change verb and its new text ("sửa <số hiệu văn bản tại ý thứ 2>
        thành ...") that name a part of the place, not the place: a rewrite of the whole would
        overwrite what the letter does not ask to change."""
        m = re.match(r"(?P<obj>[^⟦:;.]*?)\s*(?:\b(?:thành|là|bằng|như sau|sau)\b|:|⟦)", self.skel[v.end():], re.I)
        if not m:
            return False
        obj = m.group("obj")
        for r in find_refs(obj, self.q):
            obj = obj[: r.start] + " " * (r.end - r.start) + obj[r.end:]
        obj = re.sub(r"(?i)(?<![\w])(?:lại|đổi|bổ sung|nội dung|toàn bộ|toàn văn|cả|đoạn|câu|tên|tiêu đề|tên gọi|"
                     r"mục|khoản|điều|điểm|tiểu mục|phần|chương|này|trên|đó|đoạn này|như|cho|rõ|gọn|nghĩa|ngắn|hơn|"
                     r"chặt chẽ|phù hợp|lại|tại|ở|trong|của|dự thảo|quy định|văn bản|cụ thể|thêm|một số|"
                     r"các|những|ý|nội dung của|đoạn văn|gọn lại|rõ ràng|như|là|thì|được)(?![\w])", " ", obj)
        return len(re.findall(r"[^\W\d_]+", obj)) >= 2

    def _own_label(self, first: str) -> str | None:
        """New text that starts with the label of the unit it rewrites ("2. ..." for khoản 2):
        the label is the unit's, the rest is its text."""
        from .content import split_label

        label, rest = split_label(first)
        if label is None or not self.target:
            return None
        m = re.match(r"^\s*(?:khoản|điểm)\s+(\S+)", self.target, re.I) or re.match(r"^\s*(Điều\s+\d+[a-zđ]?)",
                                                                                       self.target, re.I)
        if not m:
            return None
        own = m.group(1).rstrip(".,")
        return rest if clean(label).lower() == clean(own).lower() else None

    def _derived_find(self, result: str) -> str | None:
        """'bổ sung cụm từ “X” và sửa lại là “... A, X, B ...”': the words to add are in the result
        once; the result without them is the text to find."""
        v = self.verb("operation.add.verbs")
        if not v:
            return None
        objs = [self.q[int(k)] for k in PH_RE.findall(self.skel[v.end():])]
        r = clean(strip_ellipsis(result)[0]).rstrip(" .")
        for x in objs:
            x = clean(x)
            if not x or x == r or r.count(x) != 1:
                continue
            i = r.find(x)
            before, after = r[:i].rstrip(), r[i + len(x):]
            if before.endswith(",") and after.startswith((",", " ")):
                before = before[:-1].rstrip()
            find = clean(before + (after if after.startswith((",", ";", ".")) else (" " + after if after else "")))
            find = find.strip(" ,")
            if find and find != r and len(find.split()) >= 2:
                return find
        return None

    def _quoted_cut(self, text: list[str]) -> bool:
        """New text given as one quotation that ends in "..." / "…": the rest stays as it is."""
        if len(text) != 1 or not strip_ellipsis(text[0])[1] or len(text[0].split()) < 4:
            return False
        raw = self.u.raw_new_text
        quoted = bool(raw) and raw[0].lstrip()[:1] in "“\"«‘"
        return quoted or any(text[0] == q for q in self.q)

    def add(self):
        v = self.verb("operation.add.verbs")
        if not v:
            return None
        rule = f"operation.add.verbs: {v.group(0).lower()}"
        text = list(self.u.new_text)
        after = self.skel[v.end():]
        unit = re.search(r"⟦(?P<q>\d+)⟧\W{0,3}\s*thành\s+(?P<kind>khoản|điểm)\s+(?P<num>\d+[a-zđ]?|[a-zđ])(?![\w])",
                         after, re.I)
        if unit and self.target and not is_open(self.q[int(unit.group("q"))]):
            # "Điều 8 nên bổ sung nghĩa vụ “...” thành khoản 3": a new numbered part of the place
            new = {"op": "append", "target": f"{unit.group('kind').capitalize()} {unit.group('num')} {self.target}",
                   "paragraphs": [clean(self.q[int(unit.group("q"))])], "_new": True}
            return Reading([new], "edit", rule + f" + thành {unit.group('kind').lower()} (a new part)")
        phrase_obj = re.match(r"\s*(?:thêm\s+)?(?:vào\s+)?" + _COUNT + r"(?:" + self.lx.alt("object.phrase") +
                              r")\s*:?\s*⟦", after, re.I)
        if not text:
            qs = PH_RE.findall(after)
            if qs and re.match(r"\s*(?:thêm\s+)?(?:(?:" + self.lx.alt("object.block", "object.phrase") +
                               r")\s*)?(?:mới\s*)?:?\s*⟦", after, re.I):
                text = [self.q[int(i)] for i in qs if int(i) not in self.place.current and not any(
                    r.start <= self.skel.find(f"⟦{i}⟧") < r.end for r in self.place.refs) and not re.search(
                    r"\b(?:sau|trước)\s+(?:\S+\s+){0,3}$", self.skel[: self.skel.find(f"⟦{i}⟧")], re.I)][:1]
        if not text:
            return None  # "bổ sung đánh giá ...": no words given; the advisory rule decides
        if any(is_open(t) for t in text):
            return comment(self.target, self.u, rule + " + quotation never closed",
                           msg("the quoted words are not closed: left to the drafter"))
        cited = self._cited(set())
        if cited and len(text) == 1 and not phrase_obj:
            # "Điều 34 nêu: “X”. ... cần bổ sung “X theo quy định của luật”": the new sentence holds
            # the cited one: it replaces it.
            old, cut = strip_ellipsis(cited[-1])
            new = clean(text[0]).rstrip(".")
            if not cut and old and clean(old).rstrip(".") in new and clean(old).rstrip(".") != new:
                return Reading([{"op": "replace_text", "target": self.target, "find": old, "replace": new}], "edit",
                               rule + " + the cited text completed")
        if phrase_obj:
            return comment(self.target, self.u, rule + " + " + clean(phrase_obj.group(0)).rstrip("⟦: ").lower(),
                           msg("words to add without their place in the text: left to the drafter"))
        first = clean(text[0])
        # words in the sentence's own quotation marks, in small letters, with no paragraph named for them
        inside = any(clean(q) == first for q in self.q) and first[:1].islower() and not re.match(r"[a-zđ]\)", first) \
            and not re.search(r"(?<![\w])(?:đầu|cuối)\s+(?:nội dung|mục|phần|khoản|điều|điểm)|(?<![\w])đoạn(?![\w])",
                              self.skel, re.I)
        if len(text) == 1 and (first[:1] in ",;" or inside):
            # "bổ sung: “, không cho người khác sử dụng”": words that go inside a sentence, not a paragraph
            return comment(self.target, self.u, rule + " + words inside a sentence",
                           msg("words to add without their place in the text: left to the drafter"))
        if not self.target:
            return None
        op = "prepend" if re.search(r"\b(?:vào|ở|lên)\s+(?:phần\s+)?đầu\b", self.low) else "append"
        return Reading([{"op": op, "target": self.target, "paragraphs": text}], "edit", rule)

    # -- no exact words: comments

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

    def problem_phrase(self) -> re.Match | None:
        m = self.lx.rx("advisory.problems").search(self.masked)
        if m:
            return m
        for b in self.lx.rx("advisory.betters").finditer(self.masked):
            if re.search(r"(?:có lẽ|có vẻ|sẽ|thì)(?:\s+\S+){0,3}\s+$", self.masked[: b.start()], re.I):
                return b
        return None

    def problem(self):
        """'Điều 79 quy định ... quá phức tạp', '... là chưa đầy đủ', '... không thống nhất với Điều 1':
        a fault found with a place the sentence names (or refers back to) asks to fix it there."""
        m = self.problem_phrase()
        if m is None or not (self.place.own or self.place.carried):
            return None
        return comment(self.target or self._whole_if_said(), self.u, f"advisory.problems: {m.group(0).lower()}")

    def _whole_if_said(self) -> str | None:
        return "*" if self.place.special == "*" else None


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _uses(e: dict, q: str) -> bool:
    words = [e.get("find"), e.get("replace"), e.get("text"), e.get("heading")] + list(e.get("paragraphs") or [])
    a = e.get("anchor") or {}
    words += [a.get("sentence"), a.get("sentence_prefix")]
    core = strip_ellipsis(clean(q))[0]
    return any(w and core and (core in clean(w) or clean(w) in core) for w in words)


def _previous_label(num: str) -> str | None:
    """'65' -> '64', '4a' -> '4', 'c' -> 'b'; None for the first."""
    if num.isdigit():
        return str(int(num) - 1) if int(num) > 1 else None
    m = re.fullmatch(r"(\d+)([a-zđ])", num)
    if m:
        return m.group(1)
    letters = "abcdđeghiklmnopqrstuvxy"
    if num in letters and letters.index(num) > 0:
        return letters[letters.index(num) - 1]
    return None


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
