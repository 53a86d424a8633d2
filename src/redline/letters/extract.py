"""Comment letter (văn bản góp ý) -> edits document: the orchestration of the letter grammar.

The stages, one module each (see docs/letters/grammar.md for the grammar and its lexicon):

1. ``source``: decode and mend the text (page breaks, wrapped lines) into paragraphs.
2. ``frame``: sender (header, number, signature, closing formula -- never the body's
   prose), number, date, subject, recipient, signer; where the body starts and ends.
3. ``units``: the body into items (numbered, sub-items, bullets, paragraphs) with their
   content, and each item into instruction units (sentences, ";"-clauses), each numbered.
4. ``locations`` + ``operations`` (+ ``content``): per unit, its place, its operation and
   its words, each from the lexicon (``lexicon.toml``); the rule that decided is kept.
5. ``grounding`` (with a draft): targets resolved, quotations pin or confirm the place.
6. ``accounting``: every unit ends as edit / comment / unresolved / ignored, with its rule.

Every edit carries ``n`` (the instruction's number) and ``quote`` (the letter's words).
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

from .accounting import Ledger
from .frame import Frame, org_name, parse_frame, source_line  # noqa: F401  (public names)
from .lexicon import lexicon
from .locations import Place, Ref, combine, document_group, find_refs, para_rx, place_of
from .operations import Reading, problem_of, read, weak_request
from .operations.core import reported_view
from .source import letter_paragraphs, portal_records
from .units import _LINKED, Item, Unit, follow_ups, segment, split_item
from .content import mask_quotes, unmask  # noqa: F401

from ..messages import Option, msg, render
from ..text import clean

# The warning of a letter without a sender (apply asks for --author, or says whom it attributes to).
NO_SENDER = msg("no sender found in the letter's header or signature: give {option}", option=Option("author"))

# Re-exported for callers of the old single-module extractor.
from .grounding import Ground, draft_outline, ground, resolve_reference  # noqa: F401,E402
from .draft import as_comment  # noqa: E402
from .firewall import firewall  # noqa: E402


def extract(path: str | Path, draft: Any = None, **options: Any) -> dict:
    """Read the letter at ``path`` and return the edits document (schema of ``redline apply``)."""
    paras = letter_paragraphs(path)
    return extract_paragraphs(paras, draft=draft, where=str(path))


def extract_text(text: str, draft: Any = None) -> dict:
    """The same, from letter text already read (one paragraph a line, or raw text to mend)."""
    from .source import mend_lines

    return extract_paragraphs(mend_lines(text.split("\n")), draft=draft)


class Reader:
    """Walks the items of a body; keeps the places named so far ("cũng tại mục này", "điều
    này" refer back to them; a bare "khoản 1" takes the Điều last named)."""

    def __init__(self, draft: Ground | None = None) -> None:
        self.draft = draft  # with a draft, a quotation found in it is current text, one not found new words
        self.edits: list[dict] = []
        self.unresolved: list[dict] = []
        self.ignored: list[str] = []
        self.ledger = Ledger()
        self.previous: str | None = None
        self.context: str | None = None  # the last place named (completes a bare finer one)
        self.numbered = False  # numbered items: each starts afresh
        self.bulleted = False  # items that are bullets ("- Tại Mục 3 ..."): each starts afresh too
        self.current_by_unit: dict[int, list[str]] = {}
        self.opening = False  # reading the paragraphs before the first numbered item
        self.chain: dict = {"edit": None, "faults": []}  # the instructions of one item so far
        self.last_lead: Place | None = None  # the place the previous item ended on
        self.item_placed = False  # a sentence of the current item named a place

    def item(self, item: Item, group: Ref | None = None) -> None:
        if item.parent is None and (self.numbered or self.bulleted):
            self.context = None  # a numbered (or bulleted) item names its own places
        if item.children:
            skel, quotes = mask_quotes(item.head)
            refs = find_refs(skel, quotes)
            gref = refs[0] if refs else document_group(item.head)
            if gref is not None and group is not None and not gref.doc:
                gref = Ref(combine(gref.text, gref.ranks, group), gref.ranks + group.ranks, 0, 0, gref.title)
            gref = gref or group
            self.ledger.add(item.n, clean(item.head), "ignored",
                            "group head: names the place of its sub-items" + (f" ({gref.target})" if gref else ""))
            for p in item.content:
                self.ignored.append(p)
                self.ledger.add(item.n, p, "ignored", "group head's text: no instruction")
            for child in item.children:
                self.item(child, gref)
            return
        self.instruction(item, group)

    def instruction(self, item: Item, group: Ref | None, lead: Place | None = None, fresh: bool = True) -> Place | None:
        units = split_item(item)
        leftover = list(item.content)  # the paragraphs after the head that are not its new text
        self.chain = {"edit": None, "faults": []}  # one paragraph: a fault and its fix, a change and its reason
        if fresh:
            self.item_placed = False  # has a sentence of this item named (or carried) a place yet?
            if lead is None and units and _LINKED.match(units[0].skel):
                lead = self.last_lead  # "Do đó, đề nghị ...", "Từ thực tiễn trên, ...": the place just discussed
        fault = None  # the sentence before found a fault but named no place (its ledger entry)
        named_para = None  # the paragraph a sentence of this item named ("đoạn cuối", "Đoạn thứ nhất ...")
        said = None  # the sentence before, when it said something at no place (what a bare "này" points at)
        for u in units:
            this = _THIS_PARA.search(u.skel)
            if this and named_para:
                # "..., đoạn cuối chỉ nêu ... Đề nghị bỏ đoạn này.": the paragraph just named
                u = dataclasses.replace(u, skel=u.skel[: this.start()] + named_para + u.skel[this.end():])
            else:
                p = para_rx().search(u.skel)
                named_para = p.group(0) if p else named_para
            inherit = lead if (not u.run_on or u.joined or _anchored(u)) else None
            # "8. Dự thảo chưa có quy định về X. VCCI đề nghị nghiên cứu bổ sung nội dung này.": within an
            # item whose sentences so far named no place, "này" points at what they said, not at the
            # place of the item before
            previous = None if (self.numbered or self.bulleted) and not u.first and not self.item_placed \
                else self.previous
            place = place_of(u.skel, u.quotes, group=group, previous=previous, lead=inherit,
                             context=self.context)
            self.item_placed = self.item_placed or place.own or place.carried
            reading = read(u, place, group, self.draft)
            if reading.outcome == "ignored" and fault is not None and place.own and _EXAMPLE.match(u.skel):
                # "Tiêu đề của một số khoản không rõ ràng. Ví dụ, Điều 33 ...": the fault is commented
                # where its example is, with both sentences' words
                e = {"n": u.n, "op": "comment", "target": place.target,
                     "text": self.ledger.entries[fault]["text"] + " " + u.quote,
                     "quote": self.ledger.entries[fault]["text"], "_unit": fault}
                self.edits.append(e)
                self.ledger.entries[fault]["outcome"] = "comment"
                self.ledger.entries[fault]["rule"] = f"{place.rule} (its example) + advisory.problems"
                reading = Reading([], "ignored", "narrative: the example of the fault before (commented there)")
            fault = (len(self.ledger.entries) if reading.outcome == "ignored" and not place.own and
                     problem_of(u, place) is not None else None)
            if reading.outcome != "ignored" and not place.own and place.target and \
                    place.target == self.chain["edit"] and weak_request(u, place):
                reading = Reading([], "ignored", "narrative: the reason for the change before it (request.weak)")
            if said and (place.rule or "").endswith("(no previous place)") and reading.outcome != "ignored":
                # "Dự thảo chưa có quy định về X. Đề nghị nghiên cứu bổ sung nội dung này.": what "này"
                # points at is the sentence before -- the person placing the request reads both
                for e in reading.edits:
                    e["_said"] = said
            k = self.emit(u, place, reading)
            said = u.quote if reading.outcome == "ignored" and not place.own and not place.carried else None
            if not reading.declines and reading.outcome == "ignored" and _BARE_NO.match(u.quote) and \
                    self._reported_before(u.n):
                # "Nhiều người cho rằng nên bỏ X. Tôi không đồng ý, vì ...": a refusal with no object
                # right after a reported view declines that view
                self.ledger.entries[k]["rule"] = "agreement.declines: a refusal right after a reported view"
                reading.declines = True
            if reading.declines:
                self._drop_reported(u.n)
                lead = None  # the declined view's place is no place of the sentences after it
            self._settle_faults(k, place, reading)
            if (place.own or place.carried) and place.target and reading.rule and not reading.rule.startswith(
                    "narrative.rationale") and not (place.bracketed and reading.outcome == "ignored" and not (u.first and not item.follow)):
                lead = place
                if reading.outcome != "edit":
                    # "Điều 5 quy định ... “X” là chưa chính xác. Đề nghị sửa thành “Y”": the draft's words
                    # this sentence quotes are what the next one at its place changes
                    place.cited = [q for i, q in enumerate(u.quotes) if i in place.current or
                                   self.draft is not None and self.draft.found(q)]
                self.previous = place.target
                self._context(place.target)
        inner = document_group(item.head) or group  # "2. Về nội dung dự thảo Quy chế" over "a) ...", "b) ..."
        head_lead = lead  # the place the item's head set
        for more in follow_ups(item, leftover) if leftover else []:
            # a bullet of the item starts from the head's place, not from the bullet before it ("- Tại Mục 1
            # Phần V, đề nghị ...", then "- Đề nghị bổ sung phụ lục ...": the second names no place)
            bullet = re.match(r"\s*[-–•+*]\s", more.head)
            lead = self.instruction(more, inner, head_lead if bullet else lead, fresh=False)
        if fresh and lead is not None:
            self.last_lead = lead
        return lead

    def _reported_before(self, n) -> bool:
        """Is the sentence before this one, in the same item, a view the letter reports?"""
        if len(self.ledger.entries) < 2:
            return False
        before = self.ledger.entries[-2]
        return _item_of(before["n"]) == _item_of(n) and _reported(before)

    def _drop_reported(self, n) -> None:
        """"Một số phòng đề xuất bỏ X; Sở không thống nhất với ý kiến này": a view the sender reports
        and then declines asks nothing of the draft; its comment goes, and it is listed as ignored."""
        for k in range(len(self.ledger.entries) - 1, -1, -1):
            entry = self.ledger.entries[k]
            if _item_of(entry["n"]) != _item_of(n):
                break
            if entry["outcome"] != "ignored" and _reported(entry):
                self.edits = [e for e in self.edits if e.get("_unit") != k]
                entry["outcome"] = "ignored"
                entry["rule"] = "narrative: others' view the letter reports and then declines"
                self.ignored.append(entry["text"])

    def _settle_faults(self, k: int, place: Place, reading) -> None:
        """A fault found with a place ("Quy định như vậy là chưa đầy đủ") followed by the request
        that fixes it at the same place is that request's reason: one instruction, not two.  So is
        a request without its words ("Điều 6 nên bổ sung X.") followed by the words for that place
        ("Theo tôi, có thể viết thành: ...")."""
        if reading.outcome not in ("edit", "comment") or not place.target:
            return
        if reading.rule.startswith("advisory.problems"):
            self.chain["faults"].append((k, place.target, "fault"))
            return
        if reading.outcome == "comment" and re.match(r"(?:request\.markers|operation without its words)", reading.rule):
            self.chain["faults"].append((k, place.target, "request"))
            return
        words = reading.outcome == "edit" and any(
            e.get("_unit") == k and e["op"] in ("replace", "append", "prepend") for e in self.edits)
        if reading.outcome == "edit":
            self.chain["edit"] = place.target
        keep = []
        for f, target, kind in self.chain["faults"]:
            if target != place.target or kind == "request" and not words:
                keep.append((f, target, kind))
                continue
            fault_text = self.ledger.entries[f]["text"]
            self.edits = [e for e in self.edits if e.get("_unit") != f]
            self.ledger.entries[f]["outcome"] = "ignored"
            self.ledger.entries[f]["rule"] = ("narrative: the fault behind the request that follows" if kind == "fault"
                                              else "narrative: the request whose words follow")
            for e in self.edits:
                if e.get("_unit") == k and e["op"] == "comment":
                    e["text"] = fault_text + " " + e["text"]
        self.chain["faults"] = keep

    def _context(self, target: str) -> None:
        """The place just named, for completing a bare finer one ("tại điểm b" after "điểm a khoản 2
        Điều 5"; "tiểu mục 2.2" after "Tại Mục 2 Phần II: ở tiểu mục 2.1 ...")."""
        if _PIECES.search(target):
            self.context = target

    def emit(self, u: Unit, place: Place, reading) -> int:
        outcome = reading.outcome
        rule = " + ".join(r for r in (place.rule, reading.rule) if r) if outcome != "ignored" else reading.rule
        if outcome == "ignored" and self.opening and not reading.agreement:
            rule = "narrative: the letter's opening" if not rule.startswith("narrative.") else rule
        k = self.ledger.add(u.n, u.quote, outcome, rule)
        table = _table_hints(u)
        if table.get("_row") is not None:
            self.chain["row"] = table["_row"]  # "Tại Phụ lục, dòng số 4 (...): ..." then the change in the next sentence
        self.current_by_unit[k] = [q for i, q in enumerate(u.quotes) if i in place.current or
                                   self.draft is not None and self.draft.found(q)]  # what locates it
        if outcome == "ignored":
            if reading.agreement or not (self.opening and self.numbered or reading.rule.startswith(
                    ("narrative.openings", "narrative.announcements", "narrative.lead_ins",
                     "narrative: the item's topic heading"))):
                self.ignored.append(u.quote)
            return k
        if table.get("_row") is None and any(e.get("_col") for e in reading.edits) and self.chain.get("row") is not None and \
                not re.search(r"(?i)(?<![\w])(?:dòng|hàng)(?![\w])", u.skel):
            # (a sentence that names a row of its own that was not read is never given another's)
            # "Tại Phụ lục, dòng số 4 (...): ... Đề nghị sửa cơ quan chủ trì thành “...”": the row the
            # sentence before named, in the same item
            table = {"_table": True, "_clause": u.skel, "_clause_quotes": list(u.quotes), **table,
                     "_row": self.chain["row"]}
        for e in reading.edits:
            e = {"n": u.n, **e, "quote": u.quote, "_unit": k}
            if not place.own and (place.rule or "").startswith("location.group"):
                e["_from_group"] = True  # the place is only the group head's ("Về dự thảo Quy chế")
            if e.get("_said"):
                e["quote"] = f"{e.pop('_said')} {u.quote}"
            if table and e["op"] != "comment":
                e.update(table)
            elif table and table.get("_row") is not None:
                e.update(_table=True, _row=table["_row"])  # a comment at a row named by its words or number
            if place.page is not None and not e.get("note"):
                e["note"] = render(msg("page reference: {page} (located by the quoted text)", page=place.page.group(0)))
                e["_page"] = True
                if not e.get("target"):
                    e["target"] = "*"
            self.edits.append(e)
            if place.also and e.get("target") == place.target and e.get("find") and e["op"] in ("replace_text", "delete"):
                # "bỏ cụm từ “X” tại Điều 1 và Điều 2": the same change at each place named
                self.edits.extend({**e, "target": t} for t in place.also)
        t = next((e["target"] for e in reading.edits if e.get("target")), None)
        if t is None and reading.edits and self.draft is not None:
            # no place named, the quoted current words pin it: "Cũng tại câu này, ..." after it
            # means that place
            held = {s.address for q in self.current_by_unit.get(k, []) for s in self.draft.sections_holding(q)}
            t = held.pop() if len(held) == 1 else None
        if t:
            self.previous = t
        return k


# A sentence that opens by pointing back at what was just discussed ("Do đó, đề nghị ...").
_PIECES = re.compile(r"(?i)(tiểu mục|phần|chương|mục|điều|khoản|điểm|tiết)\s+([^\s,()]+)")
_THIS_PARA = re.compile(r"(?i)(?<![\w])đoạn\s+(?:này|trên|đó|nói trên|vừa nêu)(?![\w])")
_EXAMPLE = re.compile(r"(?i)^\W*(?:ví dụ|chẳng hạn|cụ thể là|như)\b")


_ROW_ORDINAL = re.compile(r"(?i)(?<![\w])(?:(?:dòng|hàng)\s+(?:thứ\s+|số\s+)?|(?:nhiệm vụ|nội dung|chỉ tiêu)\s+(?:số|thứ)\s+|"
                          r"(?:stt|số thứ tự)\s+)(?P<k>\d+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?![\w])")
_ROW_TEXT = re.compile(r"(?i)(?<![\w])(?:dòng|hàng|nhiệm vụ(?:\s+số\s+\d+)?|nội dung(?:\s+số\s+\d+)?)\s*⟦(?P<q>\d+)⟧")
# "dòng huyện Tân Lập, cột ...": a row named by its words without quotes, up to the next comma
_ROW_WORDS = re.compile(r"(?i)(?<![\w])(?:dòng|hàng)\s+(?!(?:thứ|số|cuối|đầu|số liệu)\b)(?P<t>[^\W\d][^,;:⟦]{1,60}?)\s*"
                        r"(?=[,;:]|\s(?:của|thuộc|trong)\s+(?:biểu|bảng)(?![\w])|"
                        r"\s(?:sửa|đề nghị|cần|bổ sung|bỏ|thay|điều chỉnh|ghi)(?![\w]))")
_TABLE_WORDS = re.compile(r"(?i)(?<![\w])(?:bảng|biểu|phụ lục|dòng|hàng)(?![\w])")


def _table_hints(u: Unit) -> dict:
    """A table or a row of one, as the letter names it ("bảng ở Điều 6", "dòng thứ 2", "dòng “Thủ
    tục về xây dựng”", "nhiệm vụ số 4 “...”"): kept for grounding, which knows the draft's tables."""
    if not _TABLE_WORDS.search(u.skel):
        return {}
    out = {"_table": True, "_clause": u.skel, "_clause_quotes": list(u.quotes)}
    t = _ROW_TEXT.search(u.skel)
    m = _ROW_ORDINAL.search(u.skel)
    w = _ROW_WORDS.search(u.skel)
    if t:
        out["_row"] = clean(u.quotes[int(t.group("q"))])
    elif w and not m:
        out["_row"] = clean(w.group("t"))  # the draft's own spelling of it is found by grounding
    elif m:
        from .locations import ORDINAL

        k = m.group("k").lower()
        out["_row"] = int(k) if k.isdigit() else ORDINAL.get(k, 1)
    return out


def _anchored(u: Unit) -> bool:
    """A clause that places itself inside a section without naming the section ("ở đoạn thứ tư",
    "vào câu “...”", "gạch đầu dòng thứ 2"), or opens with a row of a table by its words ("dòng
    “Tổng cộng” sửa tương ứng: ..."), is about the section (the table) just named."""
    return bool(re.search(r"(?i)\b(?:đoạn|khổ|gạch đầu dòng|dòng)\s+(?:thứ\s+)?(?:\d+|nhất|hai|ba|tư|năm|cuối|đầu)|"
                          r"\b(?:câu|đoạn)\s*:?\s*⟦|^\W*(?:dòng|hàng)\s*⟦|^\W*(?:dòng|hàng|cột)\s+[^\W\d]", u.skel, re.I))


# "Tôi không đồng ý, vì ...", "Hội không tán thành.": a refusal with no object of its own.
_BARE_NO = re.compile(r"(?i)^\W*(?:[^\W\d]+\s+){0,8}?không\s+(?:đồng ý|đồng tình|tán thành|nhất trí|thống nhất)"
                      r"\s*(?:[,.;]|\s+vì\b|$)")


def _reported(entry: dict) -> bool:
    """Is this ledger entry a view the letter reports ("Có ý kiến đề nghị ...", "X cho rằng ...")?"""
    return bool(re.search(r"advisory\.(?:reported|opinions)", entry["rule"]) or
                lexicon().rx("advisory.reported", "advisory.opinions").search(entry["text"]))


def _asks(entry: dict) -> bool:
    """Does this ledger entry's sentence ask anything itself (a request marker)?  A weak one after a
    negated verb ("chưa ràng buộc cơ quan phải hướng dẫn ...", "không bắt buộc phải ...") says what
    the draft fails to require: it describes, it does not ask."""
    lx = lexicon()
    text = entry["text"]
    for m in lx.rx("request.markers").finditer(text):
        weak = lx.rx("request.weak").fullmatch(" ".join(m.group(0).lower().split()))
        if not (weak and re.search(r"(?i)(?<![\w])(?:chưa|không)\s+(?:[^\W\d]+\s+){1,4}$", text[: m.start()])):
            return True
    return False


def _item_of(n) -> str:
    """The item a unit belongs to: "4" for "4", "4.a", "4.b" (the clauses and sentences of item 4)."""
    s = str(n)
    return s[:-2] if re.search(r"\.[a-zđ]$", s) else s


def join_comments(doc: dict, ledger: Ledger) -> None:
    """One instruction, one comment: in one item, sentences that end as comments at the same
    place ("Cụm từ “X” ở khoản 3 chưa rõ. Đề nghị làm rõ.") are one comment holding all their
    words, and a fault found at a place ("câu “X” chưa chính xác vì ...") followed by the change
    that fixes it there is that change's reason, not a comment of its own."""
    def where(e: dict) -> tuple:
        return (_item_of(e.get("n")), e.get("target"), str(e.get("row")), str(e.get("column")))

    out: list[dict] = []
    first: dict[tuple, dict] = {}
    for e in doc["edits"]:
        k = where(e)
        if e["op"] != "comment":
            for c in [c for c in out if c["op"] == "comment" and where(c) == k and c.get("_unit") is not None
                      and not c.get("_joined") and ("advisory.problems" in ledger.entries[c["_unit"]]["rule"] or
                                                     not _asks(ledger.entries[c["_unit"]]))]:
                out.remove(c)
                first.pop(k, None)
                entry = ledger.entries[c["_unit"]]
                entry["outcome"], entry["rule"] = "ignored", "narrative: the fault behind the change that follows"
            out.append(e)
            continue
        head = first.get(k)
        if head is not None and e.get("_unit") is not None and e.get("_unit") != head.get("_unit") \
                and e.get("_unit") not in head.get("_joined", []) and _leads_to(ledger, head, e):
            head["text"] = head["text"].rstrip() + " " + e["text"].lstrip()
            head.setdefault("_joined", []).append(e["_unit"])
            continue
        first.setdefault(k, e)
        out.append(e)
    doc["edits"] = out
    _join_options(doc, ledger)


def drop_reported_views(doc: dict, ledger: Ledger, g: Ground | None, digest: bool = False) -> None:
    """A view the letter reports from others ("Có ý kiến đề nghị bỏ khoản 3 ...", "Một số ý kiến
    cho rằng ...") is the sender's narrative, not its request, when the letter has a voice of its
    own (a sender, and not a digest of views: "BÁO CÁO Tổng hợp ý kiến ...", a news report of a
    meeting); in a digest, the views are what it conveys and each stays a comment -- except one the
    sender's own next instruction (nothing asked between) answers at the same place or inside it
    ("Có ý kiến đề nghị lùi lộ trình ... Đoàn đề nghị sửa “Năm 2026” thành “Năm 2025”").  A view
    joined with the sender's own words in one comment stays."""
    by_unit: dict[int, list[dict]] = {}
    for e in doc["edits"]:
        if e.get("_unit") is not None:
            by_unit.setdefault(e["_unit"], []).append(e)
    asked = sorted(set(by_unit) | {u["_unit"] for u in doc["unresolved"] if u.get("_unit") is not None})
    for k, after in zip(asked, asked[1:] + [None]):
        view = by_unit.get(k, [])
        if not view or any(e["op"] != "comment" or e.get("_joined") for e in view) or \
                not reported_view(ledger.entries[k]["text"]):
            continue
        own = by_unit.get(after, []) if after is not None and not reported_view(ledger.entries[after]["text"]) else []
        if digest and not any(_same_place(g, v.get("target"), e.get("target")) for v in view for e in own):
            continue
        doc["edits"] = [e for e in doc["edits"] if e.get("_unit") != k]
        entry = ledger.entries[k]
        entry["outcome"] = "ignored"
        entry["rule"] = ("narrative: others' view reported, then the sender's own instruction at that place" if digest
                         else "narrative: others' view the letter reports (the sender's requests are its own)")
        doc["ignored"].append(entry["text"])


def _same_place(g: Ground | None, a: str | None, b: str | None) -> bool:
    """Do two targets name one place, or one inside the other (a table is in the part holding it)?"""
    def owner(t: str) -> str:
        table = next((x for x in getattr(g.tree, "tables", []) or [] if x.name == t), None) if g else None
        return table.owner if table is not None and table.owner else t

    if not a or not b:
        return False
    a, b = owner(a), owner(b)
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


_OPTION = re.compile(r"(?i)^\W*(?:hoặc\s+(?:là\s+)?)?(?:\((?:[ivx]+|[a-zđ]|\d+)\)|(?:[ivx]+|[a-zđ])\)|phương án\s+\w+\s*:)")


def _join_options(doc: dict, ledger: Ledger) -> None:
    """'Đề nghị cân nhắc theo một trong hai phương án: (i) ...; hoặc (ii) ...': the options a
    comment announces with a colon are its words, not instructions of their own."""
    for c in [e for e in doc["edits"] if e["op"] == "comment" and e.get("_unit") is not None]:
        last = max([c["_unit"]] + c.get("_joined", []))  # the comment's last sentence announces them
        if not ledger.entries[last]["text"].rstrip().endswith(":"):
            continue
        k = last + 1
        while k < len(ledger.entries) and _item_of(ledger.entries[k]["n"]) == _item_of(ledger.entries[c["_unit"]]["n"]) \
                and _OPTION.match(ledger.entries[k]["text"]):
            doc["edits"] = [e for e in doc["edits"] if e.get("_unit") != k]
            doc["unresolved"] = [u for u in doc["unresolved"] if u.get("_unit") != k]
            c["text"] = c["text"].rstrip() + " " + ledger.entries[k]["text"]
            c.setdefault("_joined", []).append(k)
            k += 1


def _leads_to(ledger: Ledger, head: dict, e: dict) -> bool:
    """Does the comment ``head`` lead to the request ``e`` (one point), rather than stand beside it
    as a request of its own?  It does when it asks nothing itself (a fault, what the draft says),
    or reports others' view before the sender's own request."""
    if head.get("_unit") is None:
        return False
    a, b = ledger.entries[head["_unit"]], ledger.entries[e["_unit"]]
    if _reported(a):
        return not _reported(b)
    return not _asks(a)


def _number_in_order(entries: list[dict], doc: dict) -> None:
    """A letter with neither numbers nor bullets (a citizen's, a news report): its instructions
    are numbered in the order it gives them, one number each (fixtures/letters/README.md)."""
    order: dict[int, int] = {}
    for k, entry in enumerate(entries):
        if entry["outcome"] != "ignored":
            order[k] = len(order) + 1
            entry["n"] = order[k]
    for x in doc["edits"] + doc["unresolved"]:
        if x.get("_unit") in order:
            x["n"] = order[x["_unit"]]


def _loose(body: list[str]) -> bool:
    from .units import _TOP

    return not any(_TOP.match(p) for p in body)


def extract_paragraphs(paras: list[str], draft: Any = None, where: str = "letter") -> dict:
    lexicon()  # a bad site lexicon is reported before anything else
    g = Ground(draft_outline(draft)) if draft is not None else None
    frame = parse_frame(portal_records(paras))
    pre, items = segment(frame.body)
    numbered = any(isinstance(i.n, int) for i in items) and not _loose(frame.body)
    if pre:
        frame.opening = pre[0]
    reader = Reader(g)
    reader.numbered = numbered
    bulleted = any(re.match(r"\s*[-–•+*]\s", p) for p in frame.body)
    reader.bulleted = bulleted
    reader.opening = True
    for extra in pre:
        # Paragraphs before the first numbered instruction: the opening formula, and sometimes
        # a first instruction.
        reader.instruction(Item(0, extra), None)
    reader.opening = False
    for item in items:
        reader.item(item)
    doc: dict[str, Any] = {}
    warnings: list[str] = []
    if frame.sender:
        doc["author"] = frame.sender
    else:
        warnings.append(render(NO_SENDER))
    if frame.date:
        doc["date"] = frame.date + "T00:00:00Z"
    source = source_line(frame)
    if source:
        doc["source"] = source
    doc["letter"] = frame.letter_dict()
    doc["edits"] = reader.edits
    doc["unresolved"] = []
    doc["ignored"] = reader.ignored
    if g is not None:
        ground(doc, g, reader.current_by_unit)
    else:
        placed = []
        for e in doc["edits"]:
            if e.get("_cell_described"):
                e = as_comment(e, e["_note"])  # a cell described: without the draft, the description
            elif e.get("_phrase_end") or e.get("_cell_value") or e.get("_row_value"):
                # the words to change are the draft's own (a part's last words, a cell's value): without
                # the draft, a comment
                e = as_comment(e, msg("the words to change are read from the draft: give {option}",
                                      option=Option("draft")))
            if e.get("target"):
                placed.append(e)
            else:
                doc["unresolved"].append({"n": e["n"], "instruction": e["quote"], "_unit": e.get("_unit"),
                                          "reason": render(msg("no section named: the instruction says what to "
                                                               "change but not where")), "quote": e["quote"]})
        doc["edits"] = placed
    firewall(doc, g)
    join_comments(doc, reader.ledger)
    drop_reported_views(doc, reader.ledger, g, digest=not frame.sender or bool(re.search(
        r"(?i)tổng hợp\s+(?:các\s+)?ý kiến", frame.subject or "")))
    reader.ledger.settle(doc["edits"], doc["unresolved"])
    if _loose(frame.body) and not bulleted:
        _number_in_order(reader.ledger.entries, doc)
    doc["edits"] = [{k: v for k, v in e.items() if not k.startswith("_")} for e in doc["edits"]]
    doc["unresolved"] = [{k: v for k, v in u.items() if not k.startswith("_")} for u in doc["unresolved"]]
    doc["accounting"] = reader.ledger.entries
    if warnings:
        doc["warnings"] = warnings
    return doc
