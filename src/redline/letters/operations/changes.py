"""Rules for a change of words: “X” thành/bằng “Y”, “X” -> “Y”, a figure raised or lowered
("từ 50% lên 60%"), words put in at a position ("thêm “X” sau từ “A”", "giữa hai từ"), and
words into or out of a quoted sentence whose brackets mark the spot.

Why its own module: these are the exact edits a letter most often asks for, and the ones
whose words must be paired right (which quotation is found, which replaces it, which states
the result); the pairing and the joining of inserted words live here together.
"""
from __future__ import annotations

import re

from ...messages import msg
from ...text import clean
from ..content import PH_RE, ellipsis_inside, strip_ellipsis
from ..locations import ordinal
from ..predicate import _v
from .core import _ARROW, _COUNT, _PUNCT_NAMES, _WORDS, Reading, RuleBase, _trim_phrase, comment

# "bổ sung vào khoản 4 cụm từ “X” sau cụm từ “Y”": the part named between the verb and the words
_PART = r"(?:(?:(?:tiểu\s+)?mục|điều|khoản|điểm)\s+[\w.]+\s*,?\s*){0,3}"
# the place said again between the position and the words ("vào sau cụm từ “A” tại điểm này cụm từ “B”")
_HERE = (r"(?:(?:tại|ở|trong|của)\s+(?:(?:(?:tiểu\s+)?mục|điều|khoản|điểm|câu|đoạn)\s+(?:này|đó|trên)|"
         r"(?:(?:điểm|khoản|điều|mục)\s+[\w.]+\s*){1,3})\s*,?\s*)?")


# one cell of a listed row change: '- Cột “Tiếp nhận”: sửa “845” thành “862”', 'cột “Đúng hạn” từ 979 thành 1.003'
_CELL = re.compile(r"-?\s*(?:cột\s+)?[“\"](?P<col>[^“”\"]{1,60})[”\"]\s*:?\s*(?:sửa\s+)?(?:từ\s+)?[“\"]?"
                   r"(?P<old>[^“”\"\s][^“”\"]{0,40}?)[”\"]?\s+(?:thành|là|bằng)\s+[“\"]?(?P<new>[^“”\"\s][^“”\"]{0,60}?)[”\"]?",
                   re.I)


class ChangeRules(RuleBase):
    """Changes of words: the words to find and their replacement."""

    def _pairs(self) -> list[tuple[str, str, int, int]]:
        """(find, replace): “X” ... thành|bằng ... “Y” (the words named first, the request after them:
        "dòng “X” em nghĩ nên sửa thành “Y”"); “X” -> “Y”; "thay dấu chấm phẩy sau cụm từ “X” bằng
        dấu phẩy" (or "bằng từ “Z”")."""
        lx = self.lx
        into = lx.alt("operation.change.into")
        change = lx.alt("operation.change.verbs")
        out = []
        asking = r"(?:(?:[^\W\d]\w*\s+){0,4}?(?:" + lx.alt("request.markers") + r")\s+(?:được\s+)?)?"
        for m in re.finditer(r"⟦(\d+)⟧\s*(?:\([^()]*\)\s*)?,?\s*" + _HERE + asking +
                             r"(?:(?:được\s+)?(?:" + change + r")\s+(?:lại\s+)?)?"
                             r"(?:" + into + r")\s+" + _COUNT + r"(?:(?:cụm\s+từ|từ|chữ|số liệu|con số|câu|nội dung|tên|"
                             r"là)\s+)?(?:là\s+)?:?\s*⟦(\d+)⟧|⟦(\d+)⟧\s*(?:->|→|=>|⇒|-{1,2}>)\s*⟦(\d+)⟧", self.skel, re.I):
            a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            out.append((self.q[int(a)], self.q[int(b)], m.start(), m.end()))
        # "viết “Y” thay cho “X”", "dùng cụm từ “Y” thay vì “X”": the new words named first
        for m in re.finditer(r"(?<![\w])(?:viết|dùng|sử dụng|ghi)\s+(?:là\s+)?" + _COUNT + r"(?:" + _WORDS + r"\s*)?⟦(\d+)⟧\s*,?\s*"
                             r"(?:để\s+)?(?:thay\s+cho|thay\s+vì|thay\s+thế\s+cho)\s+" + _COUNT + r"(?:" + _WORDS +
                             r"\s*)?⟦(\d+)⟧", self.skel, re.I):
            out.append((self.q[int(m.group(2))], self.q[int(m.group(1))], m.start(), m.end()))
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
                # "thời hạn “không quá 05 ngày” là quá dài, đề nghị giảm xuống “không quá 03 ngày”": the
                # value quoted first, then lowered to the one quoted after -- when the two are the same
                # words around another figure
                m = re.search(r"⟦(?P<qa>\d+)⟧[^⟦;]{0,120}?(?<![\w])(?:" + self.lx.alt("operation.raise.verbs") +
                              r")(?![\w])\s+(?:lên|xuống|còn|thành)\s+(?:còn\s+)?(?:⟦(?P<qb>\d+)⟧|(?P<b>\d[\d.,/]*%?"
                              r"(?:\s+[^\W\d]+){0,3}))", self.quiet, re.I)
                shape = lambda t: re.sub(r"\d[\d.,/]*", "#", clean(t).lower())  # noqa: E731
                if m and not m.group("qb"):
                    # "“không quá 05 ngày làm việc” là dài, nên rút xuống còn 03 ngày làm việc": the part of
                    # the quoted value shaped like the new one is what changes
                    old_q, new_v = clean(self.q[int(m.group("qa"))]), clean(m.group("b")).rstrip(" .;,")
                    hit = re.search(re.escape(shape(new_v)).replace("\\#", r"\d[\d.,/]*"), old_q.lower())
                    if not hit or not re.search(r"\d", new_v):
                        return []
                    return [(old_q[hit.start():hit.end()], new_v, m.start(), m.end())]
                if not m or shape(self.q[int(m.group("qa"))]) != shape(self.q[int(m.group("qb"))]) or \
                        not re.search(r"\d", self.q[int(m.group("qa"))]):
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
        ins = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:vào\s+" + _PART + r")?" + _COUNT + r"(?:" + _WORDS +
                        r"\s*)?⟦(?P<new>\d+)⟧\s*(?:vào\s+)?(?:ngay\s+)?(?:phía\s+)?(?P<pos>sau|trước)\s+" + _COUNT +
                        r"(?:" + _WORDS + r"\s*)?⟦(?P<old>\d+)⟧", self.quiet, re.I)
        if not ins:
            # "sau cụm từ “A” đề nghị bổ sung cụm từ “B”": the position named first
            ins = re.search(r"(?<![\w])(?P<pos>sau|trước)\s+" + _COUNT + r"(?:" + _WORDS + r"\s*)?⟦(?P<old>\d+)⟧\s*,?\s*"
                            r"(?:(?:đề nghị|kiến nghị|nên|cần)\s+)?" + _v("operation.add.verbs") +
                            r"\s+(?:thêm\s+)?" + _COUNT + r"(?:" + _WORDS + r"\s*)?⟦(?P<new>\d+)⟧", self.quiet, re.I)
        if not ins:
            # "viết thêm vào sau chữ “A” là “B”", "bổ sung vào sau cụm từ “A” cụm từ “B”": the position
            # right after the verb, then the words (a "là" here names them; it changes nothing)
            ins = re.search(_v("operation.add.verbs") + r"\s+(?:thêm\s+)?(?:vào\s+)?(?:ngay\s+)?(?:phía\s+)?(?P<pos>sau|trước)\s+"
                            + _COUNT + r"(?:" + _WORDS + r"\s*)?⟦(?P<old>\d+)⟧\s*,?\s*" + _HERE + r"(?:(?:là|nội dung)\s*)?:?\s*"
                            r"(?:" + _COUNT + _WORDS + r"\s*)?⟦(?P<new>\d+)⟧", self.quiet, re.I)
            if ins:
                pairs = [p for p in pairs if not (ins.start() <= p[2] < ins.end())]
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

    def end_mark(self):
        """'Sửa dấu chấm ở cuối điểm b thành dấu chấm phẩy': the closing mark of a one-paragraph part
        changed (grounding._phrase_end reads the words it follows)."""
        m = re.search(r"(?:" + self.lx.alt("operation.change.verbs") + r")\s+dấu\s+(?P<a>chấm phẩy|chấm|phẩy|hai chấm)\s+"
                      r"(?:ở\s+|tại\s+)?cuối\s+(?:của\s+)?(?:điểm|khoản|câu|đoạn|dòng|điều)(?:\s+(?:này|\d+\w?|[a-zđ]))?"
                      r"[^⟦]*?\s(?:thành|bằng)\s+dấu\s+(?P<b>chấm phẩy|chấm|phẩy|hai chấm)(?![\w])", self.skel, re.I)
        if not m or not self.target:
            return None
        a, b = _PUNCT_NAMES[m.group("a").lower()], _PUNCT_NAMES[m.group("b").lower()]
        return Reading([{"op": "replace_text", "target": self.target, "find": None, "replace": b, "_phrase_end": a}],
                       "edit", "operation.change: the closing mark of the part (dấu ... ở cuối ... thành dấu ...)")

    def cell_values(self):
        """'(dòng số 4) đề nghị sửa cơ quan chủ trì thành “Sở X” và thời gian hoàn thành từ “Quý III”
        thành “Quý II”', 'Dòng Tổng cộng sửa tương ứng số hồ sơ trực tuyến thành “3.819”', 'Cột Trực
        tuyến là “1.014”': cells of a table's row set to new values, each named by its column's header
        words.  The row and the table come from the letter (this sentence or the one before it in the
        same item); the old value is the cell's own text, read from the draft by grounding
        (tables._cell_value), which makes it a comment when the row, the column or the cell is
        not there once."""
        if not re.search(r"(?i)(?<![\w])(?:dòng|hàng|cột|biểu|bảng|phụ lục)(?![\w])", self.skel + " " + (self.target or "")):
            return None
        # the verb that opens a list of values ("đề nghị sửa tương ứng: ...") before any other ("Do thay đổi nêu trên")
        v = re.search(r"(?<![\w])(?:" + self.lx.alt("operation.change.verbs") + r")(?:\s+(?:lại|tương ứng))?(?:\s+như sau)?\s*$",
                      self.quiet, re.I) if self.u.new_text else None
        cells, blank = [], False
        if v and len(self.u.new_text) == 1:
            # "dòng “Tổng cộng” ... đề nghị sửa tương ứng: số hồ sơ trực tuyến “3.829”, tỷ lệ trực tuyến “50,1%”": the
            # colon's words are each column's words followed by its new value alone
            for piece in re.split(r"\s*[,;]\s+(?:và\s+)?|\s+và\s+", self.u.new_text[0].strip(" .;")):
                m = re.fullmatch(r"(?:cột\s+)?(?P<col>[^\W\d][^“”\":]{1,50}?)\s*:?\s*(?:là\s+)?[“\"](?P<new>[^”\"]+)[”\"]",
                                 piece.strip(), re.I)
                if not m:
                    return None
                cells.append((clean(m.group("col")), None, clean(m.group("new"))))
            blank = True
            rule = "operation.change: table cells by their columns' names (…: cột “...”, ...)"
        else:
            v = re.search(r"(?<![\w])(?:" + self.lx.alt("operation.change.verbs") + r")(?:\s+(?:lại|tương ứng))?\s+", self.quiet,
                          re.I)
            start = v.end() if v else 0
            body = self.skel[start:]
            body = re.sub(r"\s*[,;]?\s*(?:vì|để|do|cho phù hợp|cho khớp|cho đúng)\b.*$", "", body, flags=re.I)
            pieces = [x for x in re.split(r"\s*[,;]\s*(?:và\s+)?|\s+và\s+", body.strip(" .")) if x.strip()]
            for piece in pieces:
                m = re.fullmatch(r"(?:sửa\s+)?(?:cột\s+)?(?P<col>[^\W\d][^⟦]{1,50}?)\s+(?:từ\s+⟦(?P<old>\d+)⟧\s+)?"
                                 r"(?:thành|là|bằng|lên|xuống)\s+⟦(?P<new>\d+)⟧", piece.strip(), re.I)
                if not m or re.match(r"(?i)(?:dòng|hàng)\b", m.group("col")):
                    return None  # not every part of the sentence is "column thành value": not this rule
                cells.append((clean(m.group("col")), self.q[int(m.group("old"))] if m.group("old") else None,
                              clean(self.q[int(m.group("new"))])))
                blank = blank or m.group("old") is None
            rule = "operation.change: table cells by their columns' names (cột ... thành “...”)"
        if not cells or not blank or not self.target:
            return None  # every old value quoted: the change of words reads it
        edits = [{"op": "replace_text", "target": self.target, "find": old, "replace": new, "_col": col,
                  "_cell_value": old is None} for col, old, new in cells]
        return Reading(edits, "edit", rule)

    def value_named(self):
        """'Nhiều ý kiến cho rằng thời hạn 07 ngày làm việc ... là dài. Ban Thường trực đề nghị sửa thời hạn
        này thành “05 ngày làm việc ...”', 'Chỉ tiêu số 1 (... đạt 50%) ... tôi đề nghị nâng lên 60%': a value
        the item names in its own words, set to a new one.  The old value is a figure of the item's
        text with the new one's unit ("ngày làm việc", "%"); grounding keeps the one that stands once at
        the place (grounding._value_named), else the request is a comment."""
        own_q = len(PH_RE.findall(self.skel))  # this sentence's quotations (self.q holds the whole item's)
        if not self.target or own_q > 1:
            return None
        value = r"(?:⟦(?P<q>\d+)⟧|(?:(?P<qual>không quá|tối đa|tối thiểu|ít nhất)\s+)?(?P<v>\d[\d.,]*\s*%|\d[\d.,]*(?:\s+[^\W\d]\w*){1,3}))"
        # "sửa thời hạn này thành ...": the demonstrative points at the value named before; "nâng lên 60%":
        # a figure raised or lowered (never "không nâng lên ...": _v leaves negated verbs out)
        m = re.search(_v("operation.change.verbs") + r"(?:\s+lại)?\s+(?:[^\W\d]\w*\s+){1,4}?(?:này|đó|trên|nêu trên)"
                      r"\s+(?:thành|là|bằng)\s+" + value, self.quiet, re.I) or \
            re.search(_v("operation.raise.verbs") + r"(?:\s+[^\W\d]\w*){0,4}?\s+(?:lên|xuống|còn|xuống còn|lên thành)\s+"
                      + value, self.quiet, re.I)
        if not m or (m.group("q") is None) != (own_q == 0):
            return None
        new = clean(self.q[int(m.group("q"))]) if m.group("q") is not None else clean(m.group("v"))
        shape = re.match(r"(?P<n>\d[\d.,]*)\s*(?P<u>%|(?:[^\W\d]\w*)(?:\s+[^\W\d]\w*){0,2})", new)
        if not shape:
            return None
        unit = shape.group("u")
        item = " ".join([self.u.item.head, *self.u.item.content])
        olds = [c for c in dict.fromkeys(re.findall(r"(?<![\w.,])\d[\d.,]*\s*" + re.escape(unit) + r"(?![\w])", item))
                if re.match(r"\d[\d.,]*", c).group(0) != shape.group("n")]
        if not olds:
            return None
        qual = m.group("qual") if m.group("q") is None else None
        if qual and not re.search(r"(?i)(?<![\w])" + re.escape(qual) + r"\s+" + re.escape(olds[0]), item):
            new = f"{qual} {new}"  # "xuống không quá 03 ngày" where the draft says "05 ngày": the bound is new words too
        return Reading([{"op": "replace_text", "target": self.target, "find": None, "replace": new, "_value_of": olds}],
                       "edit", "operation.change: a value the item names, set to a new one (... này thành “...”)")

    def row_value(self):
        """'đề nghị đưa “Thủ tục về xây dựng” lên “Năm 2025”', 'lùi thời hạn của nhóm “Thủ tục về đất đai”
        sang năm 2026': a table's row named by its words, set to a new value with no column named (never
        "chuyển cơ quan chủ trì từ “A” sang “B”": an old value, changed by the change of words).  The
        cell is the one of that row whose value has the new one's shape ("Năm 2026" -> "Năm 2025"), read
        in the draft by grounding (tables._row_value), which makes it a comment when there is not
        exactly one."""
        if not self.target or self.draft is None:
            return None
        m = re.search(_v("operation.raise.verbs") + r"(?:\s+(?!từ(?![\w]))[^\W\d]\w*){0,8}?\s+⟦(?P<row>\d+)⟧\s+(?:lên|xuống|sang|về)"
                      r"\s+(?:⟦(?P<q>\d+)⟧|(?P<v>(?:năm|quý|tháng)\s+(?:\d{1,4}|[IVX]{1,4})(?![\w])|\d[\d.,/]*\s*%?))",
                      self.quiet, re.I)
        if not m or len(self.q) != (1 if m.group("q") is None else 2) or not self.draft.row_named(self.q[int(m.group("row"))]):
            return None  # only a row the draft's tables have: other words raised are a change of words
        new = clean(self.q[int(m.group("q"))]) if m.group("q") is not None else clean(m.group("v"))
        return Reading([{"op": "replace_text", "target": self.target, "find": None, "replace": new,
                         "_row_value": clean(self.q[int(m.group("row"))])}],
                       "edit", "operation.change: a row named by its words, set to a value (“row” lên/sang “value”)")

    def cell_list(self):
        """'dòng số 4 (...), đề nghị điều chỉnh số liệu như sau: - Cột “Tiếp nhận”: sửa “845” thành “862”;
        - Cột “Tỷ lệ trực tuyến”: ...', or inline 'như sau: cột “Đã giải quyết” từ 986 thành 1.012; cột
        ...': the cells of the row the sentence names, listed after its colon, each by its column.
        Every old value must be that cell's (tables._cell_value), else the change is a comment; the
        list may end with the letter's reason ("Số liệu trên đã được đối chiếu ..."), never with
        another request."""
        if not self.u.new_text or not re.search(r"(?i)(?<![\w])(?:dòng|hàng)(?![\w])", self.skel) or not self.target:
            return None
        if not re.search(r"(?<![\w])(?:" + self.lx.alt("operation.change.verbs") + r")(?![\w])", self.quiet, re.I):
            return None
        pieces = [p.strip(" .;") for t in self.u.new_text for p in re.split(r"\s*;\s*|(?<=[\d%”\"])\.\s+", t)]
        pieces = [p for p in pieces if p]
        cells = []
        for p in pieces:
            m = _CELL.fullmatch(p)
            if not m:
                break
            cells.append((clean(m.group("col")), clean(m.group("old")), clean(m.group("new"))))
        rest = pieces[len(cells):]
        if not cells or any(re.search(r"(?i)(?<![\w])(?:thành|sửa|bổ sung|bỏ|thay)(?![\w])", p) for p in rest):
            return None
        edits = [{"op": "replace_text", "target": self.target, "find": old, "replace": new, "_col": col,
                  "_cell_value": True} for col, old, new in cells]
        return Reading(edits, "edit", "operation.change: a row's cells listed after the colon (cột “...”: “...” thành “...”)")

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
