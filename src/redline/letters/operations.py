"""Operations: what an instruction asks, read from its verb, its object and its quotations.

Why its own module, and why rules in this order: each rule below reads one construction of
the grammar (verb from the lexicon + object + the role of each quotation) and either
returns a ``Reading`` or passes.  The first that reads the clause decides, and its name
(with the lexicon entry that matched) is what `extract --explain` prints.

The safety rule is structural, not per example: a tracked change is produced only where the
letter gives exact words -- the words to find and their replacement, the phrase to drop,
the new text (quoted, or after "như sau:"), or a whole unit to drop that it names exactly
("bỏ khoản 3", "bỏ gạch đầu dòng cuối cùng").  An add/change/delete without its exact
words, a hedged request ("xem xét bỏ", "cân nhắc bổ sung"), or an advisory ("làm rõ", "giữ
nguyên") becomes a comment carrying the letter's words.  A phrase the letter asks to ADD
is never a deletion: the add rules run on the add verb, and a quote after it is new text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import clean
from .content import PH_RE, ellipsis_inside, strip_ellipsis
from .lexicon import lexicon
from .locations import Place, bullet_rx, complete, find_refs, ordinal, para_rx, sentence_rx
from .units import Unit

_NUM_WORD = (r"(?:[IVXLC]+(?:\.\d+)*\.?(?![\w])|\d+(?:\.\d+)*[a-zđ]?\.?(?![\d\w])|[a-zđ](?![\w]))")


@dataclass
class Reading:
    edits: list[dict] = field(default_factory=list)
    outcome: str = "ignored"  # edit / comment / unresolved / ignored
    rule: str = ""
    agreement: bool = False  # listed under "ignored" (no change asked)


_DESCRIBED = r"(?<!đã\s)(?<!đang\s)(?<!được\s)(?<!bị\s)(?<!sẽ\s)(?<!chưa\s)(?<!không\s)"


def _v(*paths: str) -> str:
    """A verb of the lexicon as an order: not "đã bỏ", "được bổ sung", "không sửa" (a description)."""
    return r"(?<![\w])" + _DESCRIBED + lexicon().alt(*paths) + r"(?![\w])"


def comment(target: str | None, u: Unit, rule: str, note: str | None = None) -> Reading:
    e = {"op": "comment", "target": target, "text": u.quote}
    if note:
        e["note"] = note
    return Reading([e], "comment", rule)


class Rules:
    """The rules, in the order they are tried; each returns a Reading or None."""

    def __init__(self, u: Unit, place: Place, group):
        self.u = u
        self.place = place
        self.group = group
        self.skel = u.skel
        self.q = u.quotes
        masked = u.skel
        for r in reversed(place.refs):
            masked = masked[: r.start] + "§" + masked[r.end:]
        # "không phải là", "cần thiết": words that look like a request marker but are not one.
        masked = lexicon().rx("request.not_markers").sub(lambda m: "~" * len(m.group(0)), masked)
        self.masked = masked
        self.low = masked.lower()
        self.lx = lexicon()

    @property
    def target(self) -> str | None:
        return self.place.target

    def read(self) -> Reading:
        for rule in (self.agreement, self.narrative, self.hedged, self.move, self.new_section, self.replace_text,
                     self.delete, self.insert_anchor, self.rename, self.rewrite, self.add, self.advisory,
                     self.request):
            out = rule()
            if out is not None:
                return self.whole_request(out)
        return Reading([], "ignored", "narrative: no operation, no request")

    def whole_request(self, out: Reading) -> Reading:
        """An exact change is made only when it is the whole request: a clause that also asks to
        reorder ("hoán đổi"), or goes on with a second predicate ("bỏ cụm từ “X” và sử dụng ..."),
        becomes a comment carrying all its words."""
        if out.outcome != "edit":
            return out
        m = self.lx.rx("advisory.reorder").search(self.masked)
        if m:
            return comment(self.target, self.u, out.rule + f" + advisory.reorder: {m.group(0).lower()}",
                           "part of the request has no exact words: left to the drafter")
        last = self.skel.rfind("⟧")
        tail = self.skel[last + 1:] if last >= 0 else ""
        second = re.search(r"(?:\bvà|;)\s+(?:đồng thời\s+)?(?P<v>" + self.lx.alt(
            "operation.second.verbs", "operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
            "advisory.verbs") + r")(?![\w])", tail, re.I)
        if second and not re.match(r"(?i)sửa lại là|sửa lại thành|sửa thành", second.group("v")):
            return comment(self.target, self.u, out.rule + f" + second request: {second.group('v').lower()}",
                           "a second request in the same sentence: left to the drafter")
        return out

    # -- no change asked

    def agreement(self):
        m = self.lx.rx("agreement.phrases").search(self.masked)
        if not m:
            return None
        rest = self.masked[: m.start()] + self.masked[m.end():]
        if self.u.new_text or self.lx.rx("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                         "operation.move.verbs").search(rest):
            return None
        adv = self.lx.rx("advisory.verbs").search(rest)
        if adv and not re.fullmatch(r"thống nhất|nhất trí", adv.group(0), re.I):
            return None
        return Reading([], "ignored", f"agreement.phrases: {m.group(0).lower()}", agreement=True)

    def narrative(self):
        """A statement, not a request: a reason ("Lý do: ..."), or no request marker and no verb
        in the position of an order ("Bỏ câu ...", "Điều 5 bổ sung từ ..."), and no new text.
        "các đại biểu đóng góp ý kiến bổ sung, chỉnh sửa ..." reports; it asks nothing."""
        text = self.masked.strip()
        r = self.lx.rx("narrative.rationale", before=r"^\W*").search(text)
        if r:
            return Reading([], "ignored", f"narrative.rationale: {r.group(0).strip(' :').lower()}")
        if self.lx.rx("request.markers").search(text) or _imperative(text):
            return None
        m = self.lx.rx("narrative.openings", before="^").search(text)
        return Reading([], "ignored", f"narrative.openings: {m.group(0).lower()}" if m else
                       "narrative: no request, no operation in the position of an order")

    def hedged(self):
        """'xem xét bỏ ...', 'cân nhắc bổ sung ...': asked to consider, not to do."""
        m = re.search(r"(?:" + self.lx.alt("advisory.hedges") + r")\s+(?:việc\s+)?(?:có\s+nên\s+)?"
                      r"(?=" + self.lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                           "operation.move.verbs") + r")", self.masked, re.I)
        if not m:
            return None
        return comment(self.target, self.u, f"advisory.hedges: {clean(m.group(0)).lower()}")

    # -- moves and new sections

    def move(self):
        m = re.search(_v("operation.move.verbs") + r"(?!\s+(?:đổi|số|giao|tiếp|ra khỏi|vào diện))(?P<obj>.*?)"
                      r"(?<![\w])(?P<dir>" + self.lx.alt("operation.move.directions") + r")(?![\w])(?P<dest>.*)$",
                      self.skel, re.I)
        if not m:
            return None
        obj_q = PH_RE.search(m.group("obj"))
        rule = "operation.move.verbs: " + clean(self.skel[m.start():m.start("obj")]).lower()
        if not obj_q:
            if not find_refs(m.group("obj"), self.q):
                return None  # "đưa vào áp dụng ...": not a move of text
            return comment(self.target, self.u, rule, "move without quoted text: left to the drafter")
        moved = self.q[int(obj_q.group(1))]
        moved_clean, cut = strip_ellipsis(moved)
        all_refs = find_refs(self.skel, self.q)
        dest = m.group("dest")
        src_refs = [r for r in all_refs if r.start < m.start("dir")]
        dest_refs = [r for r in all_refs if r.start >= m.start("dest")]
        src_target = complete(src_refs[0], self.skel, self.q, self.group) if src_refs else self.target
        dst_target = complete(dest_refs[0], self.skel, self.q, self.group) if dest_refs else src_target
        is_para = re.search(r"\bđoạn\b", m.group("obj"), re.I) is not None
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
            return comment(self.target, self.u, rule, "move without a clear destination: left to the drafter")
        if cut:
            return comment(src_target, self.u, rule, "the letter quotes the moved text cut short: left to the drafter")
        return Reading(edits, "edit", rule)

    def new_section(self):
        kinds = r"(?P<kind>tiểu\s+mục|mục|khoản|điểm|phần|điều|chương)"
        m = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:một\s+|01\s+)?" + kinds +
                      r"(?:\s+mới)?(?:\s+(?P<num>" + _NUM_WORD + r"))?(?:\s*(?:mới)?\s*⟦(?P<q>\d+)⟧)?"
                      r"(?P<mid>[^⟦]*?)(?:\b(?:vào|ở|tại|đặt)\s+)?(?:ngay\s+)?(?P<pos>sau|trước)\s+(?P<ref>.*)$",
                      self.skel, re.I)
        rule = "operation.add.verbs + new section"
        if not m:
            return self._new_numbered_section()
        dest_refs = [r for r in find_refs(self.skel, self.q) if r.start >= m.start("ref")]
        if not dest_refs:
            return None
        target = complete(dest_refs[0], self.skel, self.q, self.group)
        op = "insert_after" if m.group("pos").lower() == "sau" else "insert_before"
        return self._section_edit(op, target, m.group("kind"), (m.group("num") or "").rstrip("."),
                                  m.group("q"), rule)

    def _new_numbered_section(self):
        """'bổ sung Điều 65 với nội dung: ...', 'bổ sung khoản 4 vào Điều 5 như sau: ...': a new
        numbered unit with no position word goes after the one numbered before it."""
        m = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:một\s+|01\s+)?(?P<kind>điều|khoản|điểm)"
                      r"(?:\s+mới)?\s+(?P<num>\d+[a-zđ]?|[a-zđ])(?![\w.])", self.skel, re.I)
        if not m:
            return None
        kind, num = m.group("kind").lower(), m.group("num")
        rule = f"operation.add.verbs + new {kind}"
        after_m = self.skel[m.end():]
        parent_refs = [r for r in find_refs(after_m, self.q)]
        parent = None
        if parent_refs:
            parent = complete(parent_refs[0], after_m, self.q, self.group)
        elif kind != "điều" and self.target:
            parent = self.target
        prev = _previous_label(num)
        if prev is None:
            return comment(parent or self.target, self.u, rule, f"new {kind} {num}: left to the drafter")
        if kind == "điều":
            target = f"Điều {prev}"
        else:
            if not parent:
                return None
            target = f"{kind.capitalize()} {prev} {parent}" if kind != "điểm" else f"Điểm {prev} {parent}"
        return self._section_edit("insert_after", target, kind, num, None, rule)

    def _section_edit(self, op, target, kind, num, q, rule):
        paras = list(self.u.new_text)
        heading = None
        if q is not None:
            title = clean(self.q[int(q)])
            heading = f"{num}. {title}" if num and not title.startswith(num) else title
        elif paras and (not num or paras[0].startswith(num) or paras[0].lower().startswith(kind.lower())
                        or len(paras[0]) < 150):
            heading = paras.pop(0)
        if heading is None:
            return comment(target, self.u, rule, "new section without its text: left to the drafter")
        if kind.lower() == "điều" and num and not re.match(r"(?i)điều\s+\d", heading):
            heading = f"Điều {num}. {heading}"
        e = {"op": op, "target": target, "heading": heading}
        if paras:
            e["paragraphs"] = paras
        return Reading([e], "edit", rule)

    # -- changes of words

    def _pairs(self) -> list[tuple[str, str, int, int]]:
        """(find, replace): “X” ... thành|bằng ... “Y”."""
        into = self.lx.alt("operation.change.into")
        out = []
        for m in re.finditer(r"⟦(\d+)⟧\s*(?:\([^()]*\)\s*)?(?:(?:được\s+)?(?:sửa|đổi|điều chỉnh|thay)\s+(?:lại\s+)?)?"
                             r"(?:" + into + r")\s+(?:(?:cụm\s+từ|từ|chữ|số liệu|con số|câu|nội dung|tên|là)\s+)?"
                             r"(?:là\s+)?:?\s*⟦(\d+)⟧", self.skel, re.I):
            out.append((self.q[int(m.group(1))], self.q[int(m.group(2))], m.start(), m.end()))
        return out

    def replace_text(self):
        pairs = self._pairs()
        verb = re.search(_v("operation.change.verbs"), self.skel, re.I)
        ins = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:(?:cụm\s+từ|từ|chữ|dấu)\s*)?⟦(?P<new>\d+)⟧\s*"
                        r"(?:vào\s+)?(?:ngay\s+)?(?:phía\s+)?(?P<pos>sau|trước)\s+(?:(?:hai|ba|bốn|các|\d+)\s+)?"
                        r"(?:(?:cụm\s+từ|từ|chữ)\s*)?⟦(?P<old>\d+)⟧",
                        self.skel, re.I)
        if not pairs and not ins:
            return None
        if pairs and not verb and not re.search(r"\bthành\b", self.low):
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
                return comment(target, self.u, rule, "the quoted words are cut short: left to the drafter")
            ed = {"op": "replace_text", "target": target, "find": find, "replace": repl}
            if exclude:
                ed["exclude"] = exclude
            if occ:
                ed["occurrence"] = ordinal(occ.group(1))
            if target == "title":
                ed["scope"] = "heading"
            edits.append(ed)
        if ins:
            new, old = self.q[int(ins.group("new"))], self.q[int(ins.group("old"))]
            if strip_ellipsis(old)[1] or ellipsis_inside(old) or ellipsis_inside(new):
                return comment(target, self.u, rule, "the quoted words are cut short: left to the drafter")
            if new.startswith((",", ";", ".")) or len(new) <= 2 and not new.isalnum():
                repl = f"{old}{new}" if ins.group("pos").lower() == "sau" else f"{new} {old}"
            else:
                repl = f"{old} {new}" if ins.group("pos").lower() == "sau" else f"{new} {old}"
            ed = {"op": "replace_text", "target": target, "find": old, "replace": repl}
            if target == "title":
                ed["scope"] = "heading"
            if exclude:
                ed["exclude"] = exclude
            edits.append(ed)
        return Reading(edits, "edit", rule) if edits else None

    def delete(self):
        m = re.search(_v("operation.delete.verbs") + r"(?P<obj>.*)$", self.skel, re.I)
        if not m:
            return None
        if re.search(_v("operation.add.verbs"), self.skel[: m.start()], re.I) and not re.search(
                r"[,;]|\bđồng thời\b", self.skel[: m.start()]):
            return None  # "bổ sung ... để bỏ ..." : the add verb governs
        obj = m.group("obj")
        rule = "operation.delete.verbs: " + m.group(0)[: len(m.group(0)) - len(obj)].strip().lower()
        target = self.target
        qs = [int(q) for q in PH_RE.findall(obj)]
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
                    if ellipsis_inside(self.q[q]) or strip_ellipsis(self.q[q])[1]:
                        return comment(target, self.u, rule, "the words to drop are cut short: left to the drafter")
                    if obj.find(f"⟦{q}⟧") > 0 and re.search(r"\b(?:thành|bằng)\s*$", obj[: obj.find(f"⟦{q}⟧")]):
                        continue
                    out.append({"op": "delete", "target": target, "find": self.q[q]})
                if out:
                    return Reading(out, "edit", rule + " + “…”")
        obj_refs = [r for r in self.place.refs if r.start >= m.start("obj")] or \
            [r for r in find_refs(self.skel, self.q) if r.start >= m.start("obj")]
        if obj_refs:
            ref = obj_refs[0]
            if len(obj_refs) > 1 and re.search(r"\bvà\b|,", obj):
                return comment(complete(ref, self.skel, self.q, self.group), self.u, rule,
                               "several sections to drop: left to the drafter")
            return Reading([{"op": "delete", "target": complete(ref, self.skel, self.q, self.group)}], "edit",
                           rule + " + section")
        if re.search(r"\b(?:nội dung|mục|phần|tiểu mục|khoản|điểm|điều) này\b", obj, re.I) and target and \
                re.match(r"\s*(?:đi\s+)?(?:toàn bộ\s+)?(?:nội dung|mục|phần|tiểu mục|khoản|điểm|điều) này\s*[.;]?\s*$",
                         obj, re.I):
            return Reading([{"op": "delete", "target": target}], "edit", rule + " + this section")
        return comment(target, self.u, rule, "what to drop is not quoted: left to the drafter")

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
        v = re.search(_v("operation.add.verbs"), self.skel, re.I)
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
            return comment(self.target, self.u, rule, "insertion without its text: left to the drafter")
        return Reading([e], "edit", rule)

    def rename(self):
        m = re.search(r"(?:" + self.lx.alt("operation.rename.verbs") + r")\b.*?(?:thành|là)\s*:?\s*⟦(\d+)⟧",
                      self.skel, re.I)
        if not m or not self.target:
            return None
        rule = "operation.rename.verbs: " + clean(re.match(self.lx.alt("operation.rename.verbs"), m.group(0),
                                                           re.I).group(0)).lower()
        new = clean(self.q[int(m.group(1))])
        if self.target == "title":
            return Reading([{"op": "replace", "target": "title", "paragraphs": [new]}], "edit", rule)
        return Reading([{"op": "replace", "target": self.target, "heading": new}], "edit", rule)

    def rewrite(self):
        """'sửa đổi, bổ sung như sau: ...', 'viết lại như sau', 'thay thế bằng nội dung sau',
        'sửa lại là: ...': the place's text becomes the new text."""
        v = re.search(_v("operation.change.verbs") + r"(?!\s+vì\b)", self.masked, re.I)
        if not v:
            return None
        rule = f"operation.change.verbs: {clean(v.group(0)).lower()} (rewrite)"
        target = self.target
        b = bullet_rx().search(self.skel)
        p = para_rx().search(self.skel)
        s = sentence_rx().search(self.skel)
        anchor = None
        if b:
            anchor = {"bullet": ordinal(b.group("k"))}
        elif s and not s.group("pos") and int(s.group("q")) not in self.place.current:
            a, cut = strip_ellipsis(self.q[int(s.group("q"))])
            anchor = {"sentence_prefix" if cut else "sentence": a}
        elif p:
            anchor = {"paragraph": ordinal(p.group("k"))}
        text = list(self.u.new_text)
        used = {int(s.group("q"))} if s else set()
        if not text:
            # A quotation the verb introduces: "sửa lại (nội dung) thành/là/như sau “...”".
            intro = re.search(r"(?:" + self.lx.alt("operation.change.verbs") + r")(?![\w])[^⟦.;]{0,60}?"
                              r"(?:\b(?:thành|bằng|là|như sau|nội dung|sau)\b)\s*:?\s*⟦(\d+)⟧", self.skel, re.I)
            own = [self.q[int(intro.group(1))]] if intro and int(intro.group(1)) not in used | set(
                self.place.current) else []
            text = own
        if not text:
            return None if self.lx.rx("advisory.verbs").search(self.masked) else comment(
                target, self.u, rule, "replacement without its text: left to the drafter")
        if text and text[0].lstrip().startswith(("…", "...")):
            # "sửa lại là: “… A, X, B”": a fragment; exact only against the fragment it rewrites.
            cited = [self.q[i] for i in self.place.current] + [
                q for i, q in enumerate(self.q) if strip_ellipsis(q)[1] and q not in text and i not in used]
            new, _ = strip_ellipsis(text[0])
            if len(text) == 1 and cited:
                old, _ = strip_ellipsis(cited[-1])
                if old and old != new and not ellipsis_inside(old) and not ellipsis_inside(new):
                    return Reading([{"op": "replace_text", "target": target, "find": old, "replace": new}], "edit",
                                   rule + " + cited fragment")
            return comment(target, self.u, rule, "the new text is a fragment (“…”): left to the drafter")
        if self._quoted_cut(text):
            e = {"op": "replace", "target": target, "paragraphs": text, "_rest_as_is": True}
            if anchor:
                e["anchor"] = anchor
            return Reading([e], "edit", rule + " + “...” (the rest as it is)")
        cited = [self.q[i] for i in self.place.current if f"⟦{i}⟧" not in self.skel[v.start():]]
        if cited and not anchor and len(text) == 1 and not ellipsis_inside(cited[-1]):
            # "Khoản 2 ghi: “X”. ... sửa lại là: Y": the cited words become the new ones.
            old, cut = strip_ellipsis(cited[-1])
            if not cut:
                return Reading([{"op": "replace_text", "target": target, "find": old, "replace": text[0]}],
                               "edit", rule + " + cited current text")
        e = {"op": "replace", "target": target}
        if anchor:
            e["anchor"] = anchor
        if anchor and ("sentence" in anchor or "sentence_prefix" in anchor) and len(text) == 1:
            e["text"] = text[0]
        else:
            e["paragraphs"] = text
        if re.search(r"phần mở đầu|đoạn mở đầu|nội dung chung", self.low) and not anchor:
            e["scope"] = "lead"
        return Reading([e], "edit", rule)

    def _quoted_cut(self, text: list[str]) -> bool:
        """New text given as one quotation that ends in "..." / "…": the rest stays as it is."""
        if len(text) != 1 or not strip_ellipsis(text[0])[1] or len(text[0].split()) < 4:
            return False
        raw = self.u.raw_new_text
        quoted = bool(raw) and raw[0].lstrip()[:1] in "“\"«‘"
        return quoted or any(text[0] == q for q in self.q)

    def add(self):
        v = re.search(_v("operation.add.verbs"), self.skel, re.I)
        if not v:
            return None
        rule = f"operation.add.verbs: {v.group(0).lower()}"
        text = list(self.u.new_text)
        after = self.skel[v.end():]
        phrase_obj = re.match(r"\s*(?:thêm\s+)?(?:" + self.lx.alt("object.phrase") + r")\s*:?\s*⟦", after, re.I)
        if not text:
            qs = PH_RE.findall(after)
            if qs and re.match(r"\s*(?:thêm\s+)?(?:(?:" + self.lx.alt("object.block", "object.phrase") +
                               r")\s*)?(?:mới\s*)?:?\s*⟦", after, re.I):
                text = [self.q[int(i)] for i in qs if int(i) not in self.place.current and not any(
                    r.start <= self.skel.find(f"⟦{i}⟧") < r.end for r in self.place.refs) and not re.search(
                    r"\b(?:sau|trước)\s+(?:\S+\s+){0,3}$", self.skel[: self.skel.find(f"⟦{i}⟧")], re.I)]
        if not text:
            return None  # "bổ sung đánh giá ...": no words given; the advisory rule decides
        if phrase_obj:
            return comment(self.target, self.u, rule + " + " + clean(phrase_obj.group(0)).rstrip("⟦: ").lower(),
                           "words to add without their place in the text: left to the drafter")
        op = "prepend" if re.search(r"\b(?:vào|ở|lên)\s+(?:phần\s+)?đầu\b", self.low) else "append"
        return Reading([{"op": op, "target": self.target, "paragraphs": text}], "edit", rule)

    # -- no exact words: comments

    def advisory(self):
        m = self.lx.rx("advisory.verbs").search(self.masked)
        if not m:
            return None
        return comment(self.target or self._whole_if_said(), self.u, f"advisory.verbs: {m.group(0).lower()}")

    def request(self):
        m = self.lx.rx("request.markers").search(self.masked)
        if m is None:
            m = self.lx.rx("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs").search(
                self.masked)
            if m is None:
                return None
            return comment(self.target, self.u, f"operation without its words: {m.group(0).lower()}")
        return comment(self.target or self._whole_if_said(), self.u, f"request.markers: {m.group(0).lower()}")

    def _whole_if_said(self) -> str | None:
        return "*" if self.place.special == "*" else None


def _imperative(masked: str) -> bool:
    """An operation or advisory verb where an order puts it: first, after the place and the
    linking words ("Bỏ câu ...", "Tại Điều 5, bổ sung ...", "khoản 1, Điều 6 thêm cụm từ ...")."""
    lx = lexicon()
    lead = re.match(r"^(?:\W|§|⟦\d+⟧|\b(?:tại|ở|trong|đối với|cụ thể|ngoài ra|đồng thời|như vậy|do đó|vì vậy|"
                    r"theo đó|và|các|thì)\b|"
                    r"(?:" + lx.alt("location.keywords") + r")\s+\S+|\s)*", masked, re.I)
    rest = masked[lead.end():] if lead else masked
    return bool(re.match(lx.alt("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                                "operation.rename.verbs", "operation.move.verbs", "advisory.verbs")
                         + r"(?![\w])", rest, re.I))


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


def read(u: Unit, place: Place, group) -> Reading:
    return Rules(u, place, group).read()
