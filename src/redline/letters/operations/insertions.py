"""Rules for new text: a new section ("bổ sung khoản 4 vào Điều 5"), an insertion at an anchor
("bổ sung ... sau câu “...”"), and new text added to the place ("bổ sung: “...”").

Why its own module: each of these adds without taking away, and each must find *where*: the
position word and its anchor, the number before a new numbered unit (``_previous_label``,
also used by grounding), or the start or end of the place.  A phrase asked to be added is
never read as a deletion.
"""
from __future__ import annotations

import re

from ...messages import msg
from ...text import clean
from ..content import PH_RE, ellipsis_inside, is_open, split_label, strip_ellipsis
from ..locations import bullet_rx, complete, find_refs, ordinal, para_rx
from ..predicate import _v, order_verbs
from .core import _COUNT, Reading, RuleBase, comment

_NUM_WORD = (r"(?:[IVXLC]+(?:\.\d+)*\.?(?![\w])|\d+(?:\.\d+)*[a-zđ]?\.?(?![\d\w])|[a-zđ](?![\w]))")


class InsertionRules(RuleBase):
    """New sections, insertions at an anchor, and additions to the place."""

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
        if out.outcome == "edit" and re.search(r"đánh số lại|(?<![\w])(?:mục|khoản|điều|điểm|chương|phần)\s+\S+\s+(?:chuyển|đổi)"
                                               r"\s+thành\s+(?:mục|khoản|điều|điểm|chương|phần)\s+\S+",
                                               self.u.sentence, re.I):
            # "... và đánh số lại các khoản tiếp theo", "...; Mục IV chuyển thành Mục V": the ones after it renumbered
            out.edits[0]["renumber"] = True
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
        # "bổ sung điểm e) Về công tác kiểm tra với nội dung: “...”": the new unit's label and title, then its words
        titled = re.match(r"\s*[).]?\s*(?P<t>[^\W\d][^⟦:;]{2,120}?)\s*,?\s*(?:(?:với|có)\s+nội\s+dung|như\s+sau|cụ\s+thể)"
                          r"(?:\s+như\s+sau)?\s*:?\s*$", after_m, re.I) if self.u.new_text and not bracket else None
        if titled and (find_refs(titled.group("t"), self.q) or re.match(r"(?i)(?:vào|cho|trong|tại|của)\b", titled.group("t"))
                       or re.search(r"(?i)(?<![\w])(?:(?:một|01|các)\s+)?(?:khoản|điểm|điều|mục|chương)(?:\s+mới)?(?![\w])",
                                    titled.group("t")) or re.search(r"(?i)\bvào\s*$", self.skel[: start - len(m.group(0))])):
            titled = None  # "... khoản 4 vào Điều 5 như sau", "bổ sung vào Điều 7 một khoản mới": a place, not a title
        if not (m.group("one") or m.group("new") or into and parent_refs or re.fullmatch(r"\d+[a-zđ]", num) or titled):
            return None
        rule = f"operation.add.verbs + new {kind}"
        parent = None
        if parent_refs:
            parent = complete(parent_refs[0], after_m, self.q, self.group)
        elif kind != "điều" and self.target:
            parent = self.target
            own = re.match(r"(?i)" + kind + r"\s+" + re.escape(num) + r"\s+(?P<rest>.+)$", parent)
            if own:
                parent = own.group("rest")  # the place read the new unit itself ("Điểm e Mục 3 Phần III")
        prev = _previous_label(num)
        if prev is None:
            return comment(parent or self.target, self.u, rule, msg("new {kind} {num}: left to the drafter", kind=kind, num=num))
        if kind == "điều":
            target = f"Điều {prev}"
        else:
            if not parent:
                return None
            target = f"{kind.capitalize()} {prev} {parent}" if kind != "điểm" else f"Điểm {prev} {parent}"
        if titled:
            t = clean(titled.group("t"))
            return self._section_edit("insert_after", target, kind, num, None, rule + " + its title",
                                      title=t if kind == "điều" else f"{num}) {t}" if kind == "điểm" else f"{num}. {t}")
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

    def new_basis(self):
        """'bổ sung căn cứ “Căn cứ Luật Đầu tư ...;” vào sau căn cứ Luật Tổ chức chính quyền địa
        phương': a new căn cứ line of the preamble, placed before or after the line that opens
        with the căn cứ named (its opening words are enough; grounding checks it is there once)."""
        if self.target not in (None, "preamble"):
            return None
        which = r"(?P<pos>sau|trước)\s+căn\s+cứ\s+(?:thứ\s+(?P<k>\w+)|(?P<w>[^⟦;.:]{3,120}?))"
        m = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:một\s+|01\s+)?căn\s+cứ\s*:?\s*⟦(?P<q>\d+)⟧"
                      r"[\s;,]*(?:vào\s+)?(?:ngay\s+)?" + which + r"\s*[.;]?\s*$", self.skel, re.I) or \
            re.search(_v("operation.add.verbs") + r"\s+(?:vào\s+)?(?:ngay\s+)?" + which +
                      r"\s+(?:thêm\s+)?(?:một\s+|01\s+)?căn\s+cứ(?:\s+mới)?(?:\s+(?:như\s+)?sau)?\s*:?\s*"
                      r"(?:⟦(?P<q2>\d+)⟧)?\s*[.;]?\s*$", self.skel, re.I) or \
            re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:một\s+|01\s+)?căn\s+cứ(?:\s+mới)?(?:\s+(?:như\s+)?sau)?"
                      r"\s+(?:vào\s+)?(?:ngay\s+)?" + which + r"\s*:?\s*(?:⟦(?P<q3>\d+)⟧)?\s*[.;]?\s*$", self.skel, re.I)
        if not m:
            return None  # ("bổ sung căn cứ sau vào sau căn cứ Luật X: “...”": the line named, then the new one)
        q = m.groupdict().get("q") or m.groupdict().get("q2") or m.groupdict().get("q3")
        new = clean(self.q[int(q)]) if q is not None else (clean(self.u.new_text[0]) if len(self.u.new_text) == 1 else "")
        if not re.match(r"(?i)căn cứ\b", new):
            return None  # the quotation is not a căn cứ line
        op = "insert_after" if m.group("pos").lower() == "sau" else "insert_before"
        if m.group("k"):
            k = ordinal(m.group("k"))
            if not isinstance(k, int):
                return None
            anchor = {"_basis": k}  # the k-th căn cứ line: grounding reads which it is
        else:
            anchor = {"sentence_prefix": "Căn cứ " + clean(m.group("w"))}
        return Reading([{"op": op, "target": "preamble", "anchor": anchor, "paragraphs": [new]}], "edit",
                       "operation.add.verbs + a new căn cứ line, placed by the one named")

    def new_row(self):
        """'thêm một dòng “Thủ tục về hộ tịch” với thời hạn cung cấp “Năm 2024”', 'bổ sung (vào bảng X) một dòng với
        nội dung báo cáo “X”, cơ quan báo cáo “Y”, thời hạn “Z”': a new row of a table, named by its
        words or not, with the cells the letter gives by their columns' names.  Grounding
        builds the row from the table's header (tables._row_cells); a cell left unsaid there
        makes it a comment."""
        v = self.verb("operation.add.verbs")
        if not v or not self.target:
            return None
        m = re.match(r"\s*(?:thêm\s+)?(?:(?:vào\s+)?(?:bảng|biểu)(?:\s+[^\W\d]\w*){0,6}?\s+)?(?:vào\s+)?(?:một|01|1)?\s*(?:dòng|hàng)\s*(?:mới\s*)?(?:⟦(?P<name>\d+)⟧)?"
                     r"\s*,?\s*(?:với|có|gồm)\s+(?P<cells>.+)$", self.skel[v.end():], re.I)
        if not m:
            return None
        cells = m.group("cells")
        end = re.search(r"[,;.]\s*(?:vì|để|do|bởi|nhằm)\b|\.\s*$", cells)  # the reason is not a cell
        cells = cells[: end.start()] if end else cells
        pairs = re.findall(r"([^⟦,;]+?)\s*:?\s*⟦(\d+)⟧", cells)
        if not pairs or re.sub(r"[^⟦,;]+?\s*:?\s*⟦\d+⟧|[\s,;]|\bvà\b", "", cells):
            return None  # something besides "label “value”" pairs: not for a rule to build
        if m.group("name") is None and len(pairs) < 2:
            return None  # "một dòng với ...": a row with no name is its cells, at least two of them
        text = "; ".join(f"{clean(label)} “{clean(self.q[int(k)])}”" for label, k in pairs)
        row = clean(self.q[int(m.group("name"))]) if m.group("name") is not None else None
        return Reading([{"op": "append", "target": self.target, "paragraphs": [text], "_table": True,
                         "_row": row}], "edit",
                       f"operation.add.verbs: {v.group(0).lower()} + a new row (dòng “...” với ...)")

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
            if qs and re.match(r"\s*(?:thêm\s+)?(?:(?:vào\s+)?(?:cuối|đầu)\s+(?:của\s+)?(?:khoản|điểm|điều|mục|đoạn)"
                               r"(?:\s+(?:này|\d+\w?))?\s+)?(?:(?:vào\s+)?(?:phụ lục|bảng|biểu)(?:\s+số)?(?:\s+\d+)?\s+)?"
                               r"(?:(?:một\s+)?(?:nhiệm vụ|chỉ tiêu|dòng|hàng)(?:\s+(?:mới|số\s+\d{1,2}))?\s*(?:là\s*)?)?"
                               r"(?:(?:" + self.lx.alt("object.block", "object.phrase") +
                               r")\s*)?(?:mới\s*)?(?:là\s*)?:?\s*⟦", after, re.I):
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
        end_of = re.search(r"(?<![\w])cuối\s+(?:của\s+)?(?:điểm|khoản|câu|đoạn|điều|tiểu mục|mục)(?:\s+(?:này|\d+\w?|[a-zđ]))?(?![\w])",
                           self.skel, re.I)
        sentence = re.search(r"(?<![\w])cuối\s+(?:của\s+)?câu\s*:?\s*⟦(?P<q>\d+)⟧", self.skel, re.I)
        if sentence and len(text) == 1 and self.target and clean(text[0]) != clean(self.q[int(sentence.group("q"))]):
            # "bổ sung cụm từ “(3.027 hồ sơ ...)” vào cuối câu “Số hồ sơ ... lớn nhất.”": the words go before
            # that sentence's closing mark (grounding._sentence_end finds it once at the place)
            return Reading([{"op": "replace_text", "target": self.target, "find": None, "replace": clean(text[0]),
                             "_sentence_end": clean(self.q[int(sentence.group("q"))])}], "edit",
                           rule + " + cuối câu “...” (before its closing mark)")
        if end_of and len(text) == 1 and self.target and (phrase_obj or clean(text[0])[:1] in ",;" or clean(text[0])[:1].islower()):
            # "bổ sung vào cuối điểm này (cuối điều) cụm từ “, bao gồm ...”": words for the end of the
            # part's one sentence, before its closing mark (grounding._phrase_end reads the words they follow)
            return Reading([{"op": "replace_text", "target": self.target, "find": None, "replace": clean(text[0]),
                             "_phrase_end": True}], "edit", rule + " + cuối ... + cụm từ (before the closing mark)")
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
        end = self._paragraph_end(v, text)
        if op == "append" and end is not None:
            return end
        return Reading([{"op": op, "target": self.target, "paragraphs": text}], "edit", rule)

    def _paragraph_end(self, v: re.Match, text: list[str]) -> Reading | None:
        """'bổ sung vào cuối đoạn câu sau: “...”', 'bổ sung câu sau vào cuối đoạn thứ hai: ...': one
        sentence for the end of a paragraph, inline.  Which paragraph: the one the ordinal names
        (an anchor), or with none the place's only one -- the firewall checks the draft has it
        (a part of several paragraphs is a comment)."""
        m = re.search(r"(?<![\w])cuối\s+(?:của\s+)?(?=đoạn(?![\w]))", self.skel[v.end():], re.I)
        quotes = PH_RE.findall(self.skel)
        if len(text) != 1 or len(quotes) > 1 or quotes and clean(self.q[int(quotes[0])]) != clean(text[0]):
            return None
        unit = re.search(r"(?<![\w])cuối\s+(?:của\s+)?(?:khoản|điểm|tiểu mục|mục|điều)(?:\s+(?:này|\d+\w?))?(?![\w])", self.skel, re.I)
        if not m and unit and re.search(r"(?<![\w])câu(?![\w])", self.skel, re.I) and not split_label(text[0])[0] \
                and not text[0].lstrip().startswith(("-", "+", "•")):
            # "bổ sung vào cuối khoản này câu sau: “...”": a sentence for the end of a one-paragraph
            # khoản or điểm, inline (the firewall checks the part is one paragraph)
            return Reading([{"op": "append", "target": self.target, "text": clean(text[0]), "_paragraph_end": True}],
                           "edit", f"operation.add.verbs: {v.group(0).lower()} + cuối {unit.group(0).split()[1].lower()} "
                                   "+ câu (inline)")
        if not m:
            return None
        at = v.end() + m.end()
        k = para_rx().match(self.skel, at) or para_rx().search(self.skel[: v.start()])  # "Cũng tại đoạn thứ hai,
        #   đề nghị bổ sung vào cuối đoạn câu sau": the paragraph the sentence named before its verb
        e = {"op": "append", "target": self.target, "text": clean(text[0]), "_paragraph_end": True}
        if k:
            e["anchor"] = {"paragraph": ordinal(k.group("k"))}
        elif not re.match(r"đoạn(?:\s+văn)?(?:\s*:|\s+(?:câu|nội dung|ý|đoạn|⟦)|\s*$|\s*[.;,]|\s+(?:như\s+)?sau)",
                          self.skel[at:], re.I):
            return None  # "cuối đoạn “...”" / "cuối đoạn này": not a paragraph said plainly
        return Reading([e], "edit", f"operation.add.verbs: {v.group(0).lower()} + cuối đoạn (inline)")


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
