"""The tree builder: the heading candidates of one document become its section tree.

The tree is the stack of open sections.  Each candidate gets a rank (a styled heading its
level's, a khoản / điểm inside an Điều 35 / 37, otherwise its label's); it closes every open
section of the same or a lower rank and becomes a child of the nearest one above.  Weak
candidates must continue their siblings' sequence (``sequence_ok``); gaps, restarts and
late starts are reported as warnings.  ``make_section`` gives each heading its address
(see ``outline``'s docstring, "Addresses") and, for a label-only heading ("Chương I"), takes
the title from the next line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import text as _text
from ..errors import Warning
from ..messages import msg
from ..model import Section
from ..ooxml import W
from .headings import Cand
from .labels import (LEGAL_KINDS, RANK_ARTICLE_ROMAN, RANK_ARTICLE_UPPER, RANK_DIEM, RANK_KHOAN, RANK_ROMAN,
                     RANK_UPPER, Label, format_component, letter_value, ordinal, roman_value, shorten)
from .layout import Body, is_caps
from .numbering import to_roman


@dataclass
class Node:
    section: Section
    rank: int
    comps: list
    shape: str | None


class TreeBuilder:
    """Builds the trees of a body's documents; ``warnings`` collects what it noticed."""

    def __init__(self, body: Body, warnings: list[Warning]):
        self.body = body
        self.rules = body.rules
        self.blocks = body.blocks
        self.texts = body.texts
        self.warnings = warnings

    def tree(self, cands: list[Cand], ranks: dict[int, int], sig: int | None) -> tuple[list[Section], list]:
        """The section tree of one document's candidates: the stack of open sections."""
        rules = self.rules
        stack: list[Node] = []
        tops: list[Section] = []
        heading_set = {c.index for c in cands}
        accepted: list[tuple[Section, Node]] = []
        last_at_rank: dict[int, Any] = {}  # last Roman value / upper-case letter accepted
        reset_done = False
        for c in cands:
            if sig is not None and c.index > sig and not reset_done:
                stack.clear()
                reset_done = True
            label = c.label
            if label is not None and label.shape in ("roman", "upper") and len(label.number) == 1:
                label = self.roman_or_letter(label, last_at_rank)
            kind = label.kind if label is not None else None
            weak = not c.strong
            if c.strong:
                rank = ranks[c.outline_level]
            elif c.clause and any(n.section.kind in LEGAL_KINDS for n in stack):  # inside an Điều
                kind = "khoan" if label.shape == "dec" else "diem"
                rank = RANK_KHOAN if kind == "khoan" else RANK_DIEM
            elif c.cue and label.kind is None and label.shape in ("roman", "upper") and self.in_article(stack, c):
                rank = RANK_ARTICLE_UPPER if label.shape == "upper" else RANK_ARTICLE_ROMAN
            elif c.cue:
                rank = label.rank
            else:
                continue
            k = len(stack)
            while k and stack[k - 1].rank >= rank:
                k -= 1
            parent = stack[k - 1] if k else None
            siblings = parent.section.children if parent else tops
            if weak and rules.check_sequence and label is not None:
                if not self.sequence_ok(c, label, parent, siblings, stack, k, rank):
                    continue
            elif label is not None:
                self.gap_check(c, label, siblings, stack, k, rank)
            del stack[k:]
            section = self.make_section(c, label, kind, parent, siblings, heading_set)
            node = Node(section, rank, label.comps if label else [], label.shape if label else None)
            section._rank = rank  # type: ignore[attr-defined]
            if parent is not None:
                section.parent = parent.section
                parent.section.children.append(section)
            else:
                tops.append(section)
            stack.append(node)
            accepted.append((section, node))
            if label is not None and rank in (RANK_ROMAN, RANK_UPPER, RANK_ARTICLE_ROMAN, RANK_ARTICLE_UPPER):
                last_at_rank[RANK_ROMAN if label.shape == "roman" else RANK_UPPER] = label.comps[-1]
        return tops, [s for s, _ in accepted]

    def in_article(self, stack: list[Node], c: Cand) -> bool:
        """Is this "I." / "A." a part of the open Điều's content?  A resolution's "Điều 1. Thông
        qua Kế hoạch ... với các nội dung chủ yếu sau:" goes on with "I. MỤC TIÊU", "II. NHIỆM
        VỤ": parts of Điều 1, which "Điều 2." closes.  So when the Điều's text (or the paragraph
        before) ends with ":", or the Điều already holds such parts, and it has no khoản yet."""
        article = next((n.section for n in reversed(stack) if n.section.kind in LEGAL_KINDS and
                        n.section.kind in ("dieu", "article")), None)
        if article is None:
            return False
        if any(ch.kind in ("khoan", "diem") for ch in article.children):
            return False
        if article.children:
            return True
        before = [j for j in range(article.heading, c.index) if self.texts.get(j, "").strip()]
        return bool(before) and _text.clean(self.texts[before[-1]]).endswith(":")

    @staticmethod
    def roman_or_letter(label: Label, last_at_rank: dict) -> Label:
        """"I." / "V." / "X." / "L." / "C." / "D." / "M." alone are Roman numerals or capital
        letters: whichever continues the sequence in progress ("L." after "XLIX.", "I." after
        "H."); by default I, V and X are Roman, the others letters."""
        ch = label.number
        as_roman = roman_value(ch)
        as_letter = letter_value(ch)
        prev_roman = last_at_rank.get(RANK_ROMAN)
        prev_letter = last_at_rank.get(RANK_UPPER)
        roman_fits = as_roman is not None and isinstance(prev_roman, int) and as_roman == prev_roman + 1
        letter_fits = as_letter is not None and isinstance(prev_letter, str) \
            and letter_value(prev_letter) is not None and as_letter == letter_value(prev_letter) + 1
        if roman_fits and not letter_fits:
            want = "roman"
        elif letter_fits and not roman_fits:
            want = "upper"
        else:
            want = label.shape
        if want == label.shape:
            return label
        if want == "roman":
            return Label("roman", None, ch, [as_roman], label.display, label.chars, RANK_ROMAN, roman=True)
        return Label("upper", None, ch, [ch], label.display, label.chars, RANK_UPPER)

    def sequence_ok(self, c: Cand, label: Label, parent: Node | None, siblings: list[Section],
                    stack: list[Node], k: int, rank: int) -> bool:
        prev = None
        for s in reversed(siblings):
            if getattr(s, "_rank", None) == rank:
                prev = s
                break
        last = label.comps[-1] if label.comps else None
        if prev is None:
            first_like = last in (1, "a", "A") or label.shape == "kw"
            if label.shape == "dec" and len(label.comps) > 1 and parent is not None:
                first_like = first_like or label.comps[:-1] == parent.comps
            if not first_like and parent is not None and len(label.comps) > 1 \
                    and label.comps[:len(parent.comps)] == parent.comps:
                first_like = True
            if first_like:
                return True
            # A sequence that starts late: accept only a fully bold or capital heading.
            segs_ok = c.cue and (c.text == c.text.upper() or self._all_bold(c))
            if segs_ok:
                self.warnings.append(Warning(
                    msg("'{label}' starts a new level without 1/a before it", label=label.display),
                    msg("block {index}", index=c.index)))
                return True
            return False
        prev_last = prev._comps[-1] if getattr(prev, "_comps", None) else None  # type: ignore[attr-defined]
        a, b = ordinal(prev_last), ordinal(last)
        if a is None or b is None:
            return True
        if b <= a:
            if self._all_bold(c) and not c.clause:
                self.warnings.append(Warning(
                    msg("'{text}' looks like a heading but does not continue '{previous}' (treated as body text)",
                        text=shorten(_text.clean(c.text)), previous=prev.label),
                    msg("block {index}", index=c.index)))
            return False
        if b > a + 1:
            self.warnings.append(Warning(
                msg("numbering gap: '{label}' follows '{previous}'", label=label.display, previous=prev.label),
                msg("block {index}", index=c.index)))
        return True

    def gap_check(self, c, label, siblings, stack, k, rank) -> None:
        prev = None
        for s in reversed(siblings):
            if getattr(s, "_rank", None) == rank and getattr(s, "_comps", None):
                prev = s
                break
        if prev is None or not label.comps:
            return
        a, b = ordinal(prev._comps[-1]), ordinal(label.comps[-1])  # type: ignore[attr-defined]
        if a is not None and b is not None and b != a + 1:
            self.warnings.append(Warning(
                msg("numbering gap: '{label}' follows '{previous}'", label=label.display, previous=prev.label),
                msg("block {index}", index=c.index)))

    def _all_bold(self, c: Cand) -> bool:
        return self.body.all_bold(c.index)

    def make_section(self, c: Cand, label: Label | None, kind: str | None, parent: Node | None,
                     siblings: list[Section], heading_set: set[int]) -> Section:
        if label is not None:
            comps = list(label.comps)
            rel = comps
            if parent is not None:
                pc = parent.comps
                if pc and len(comps) > len(pc) and comps[:len(pc)] == pc:
                    rel = comps[len(pc):]
                parts = [to_roman(v) if label.roman and isinstance(v, int) else format_component(v)
                         for v in rel]
                address = parent.section.address + "." + ".".join(parts)
            else:
                head = comps[0]
                first = to_roman(head) if isinstance(head, int) else str(head)
                address = ".".join([first] + [format_component(v) for v in comps[1:]])
            number, display = label.number, label.display
            label_chars = label.chars if c.num is None else 0
        else:
            comps = []
            pos = len(siblings) + 1
            address = (parent.section.address + "." if parent is not None else "") + f"§{pos}"
            number, display, label_chars = "", "", 0
        title = c.title
        start_override = None
        if not title:
            nxt = self.title_line_after(c.index, heading_set)
            if nxt is not None:
                title = _text.clean(self.texts.get(nxt, ""))
                start_override = nxt + 1
        section = Section(address=address, label=display, title=title,
                          level=(parent.section.level + 1) if parent is not None else 1,
                          heading=c.index, end=len(self.blocks), kind=kind, number=number,
                          label_chars=label_chars)
        section.start_override = start_override
        section._comps = comps  # type: ignore[attr-defined]
        # the heading paragraph carries the section's text: a khoản / điểm, or an article whose
        # text follows its bold label ("Điều 1. Ban hành kèm theo ...")
        section.inline = kind in ("khoan", "diem") or (
            kind in LEGAL_KINDS and c.title == _text.clean(c.raw[label.chars:] if label else c.raw)
            and not self.body.all_bold(c.index) and len(c.title) > 0)
        return section

    def title_line_after(self, index: int, heading_set: set[int]) -> int | None:
        j = index + 1
        if j >= len(self.blocks) or j in heading_set or self.blocks[j].tag != W["p"]:
            return None
        raw = self.texts.get(j, "")
        text = _text.clean(raw)
        if not text or len(text) > self.rules.max_heading_chars:
            return None
        if self.body.all_bold(j) or is_caps(text) or self.body.is_centered(j):
            return j
        return None
