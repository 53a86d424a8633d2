"""Rules for a place's text or name replaced: rename ("đổi tên ... thành “...”") and rewrite
("sửa đổi như sau: ...", "sửa lại là “...”", "thay thế bằng nội dung sau").

Why its own module: a rewrite replaces more than it names, so it needs the most care to
stay exact -- a cited current text narrows it to a replacement of words, a fragment (“…”)
is exact only against the fragment it rewrites, a part described rather than quoted is a
comment, and a unit's own label stays its label.
"""
from __future__ import annotations

import re

from ...messages import msg
from ...text import clean
from ..content import PH_RE, ellipsis_inside, is_open, strip_ellipsis
from ..locations import bullet_rx, find_refs, ordinal, para_rx, sentence_rx
from ..predicate import _v, quiet
from .core import Reading, RuleBase, comment


# "căn cứ thứ hai": the k-th line of the preamble that opens with "Căn cứ"
_BASIS = re.compile(r"(?<![\w])căn\s+cứ\s+thứ\s+(?P<k>\w+)", re.I)

class RewriteRules(RuleBase):
    """Renames and rewrites: the place's name or text becomes the new one."""

    def _quoted_before(self, verb: re.Match, text: list[str], used: set[int]) -> list[str]:
        """"việc dẫn chiếu “X” là chưa chính xác ...; đề nghị sửa thành “Y”": a quotation before
        the verb, with no cue word that calls it current text, is current text when the draft
        holds it (the firewall then checks it is found once where the change acts)."""
        if self.draft is None or re.search(_v("operation.add.verbs", "operation.delete.verbs", "operation.move.verbs"),
                                           quiet(self.masked)[: verb.start()], re.I):
            return []  # "bỏ cụm từ “X” và sửa lại là: “Y”": the quotation is another verb's
        before = {int(k) for k in re.findall(r"⟦(\d+)⟧", self.skel[: verb.start()])}
        new = " ".join(clean(t).lower() for t in text)
        # a term the new words hold ("khái niệm “hồ sơ điện tử” nên sửa thành: “Hồ sơ điện tử là ...”")
        # names the unit to rewrite; it is not the words replaced
        return [self.q[k] for k in sorted(before) if k not in used and self.q[k] not in text
                and clean(self.q[k]).lower() not in new
                and len(self.q[k].split()) >= 2 and self.draft.found(self.q[k])]

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
        nth = re.search(r"(?<![\w])câu\s+thứ\s+(?P<k>\w+)", self.skel, re.I)
        if nth and not anchor and target and target != "*" and len(text) == 1 and isinstance(ordinal(nth.group("k")), int):
            # "sửa câu thứ hai thành: “...”": that sentence of the part's one paragraph, written anew
            # (grounding._nth_sentence reads which it is; apply makes the smallest redline)
            return Reading([{"op": "replace", "target": target, "anchor": {"_sentence_k": ordinal(nth.group("k"))},
                             "text": clean(text[0])}], "edit", rule + " + câu thứ k")
        basis = _BASIS.search(self.skel) or (
            # "Về căn cứ ban hành: tại căn cứ thứ hai, ... Đề nghị sửa thành “Căn cứ ...”": the line the item named
            _BASIS.search(self.u.item.head) if target == "preamble" else None)
        if basis and target == "preamble" and len(text) == 1 and re.match(r"(?i)căn cứ\b", clean(text[0])) and \
                isinstance(ordinal(basis.group("k")), int):
            # "sửa căn cứ thứ hai thành “Căn cứ Nghị định số ...”": that line of the preamble, written anew
            return Reading([{"op": "replace", "target": "preamble", "anchor": {"_basis": ordinal(basis.group("k"))},
                             "text": clean(text[0])}], "edit", rule + " + the k-th căn cứ line")
        if v and not anchor and self._described_object(v):
            # "sửa số hiệu văn bản tại ý thứ 2 thành “...”": a part described, not the place itself
            described = comment(target, self.u, rule + " + a part described, not quoted",
                                msg("what to change is described, not quoted: left to the drafter"))
            obj = re.match(r"[^⟦:;.]*?(?=\s*(?:\b(?:thành|là|bằng)\b|:|⟦))", self.skel[v.end():], re.I)
            if target and len(text) == 1 and obj and not self.place.current:
                # "sửa thời hạn báo cáo tiến độ đầu tư hạ tầng tại bảng ở Điều 6 thành “...”": the words
                # may name one cell of the place's table, its row by a cell's words and its column by
                # the header's (grounding reads it in the draft, tables._cell_described; else the comment)
                return Reading([{"op": "replace_text", "target": target, "replace": clean(text[0]),
                                 "_cell_described": obj.group(0), "_note": described.edits[0]["note"]}],
                               "edit", rule + " + a cell described by its row and column")
            return described
        if any(is_open(t) for t in text):
            return comment(target, self.u, rule + " + quotation never closed",
                           msg("the quoted words are not closed: left to the drafter"))
        if not target:
            return None
        cited = self._cited(used | ({own_k} if own_k is not None else set())) or self._quoted_before(verb, text, used)
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
        from ..content import split_label

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
