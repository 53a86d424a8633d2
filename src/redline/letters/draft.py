"""The draft as the letter reader sees it: its outline, its text as grounding compares it
(``norm``: NFC, one space, one quote style), where words stand in it (``Ground``: which parts hold
them, how often; candidates for a placeless request come from suggest.py), and ``as_comment`` --
what every check turns a change it cannot trust into.

Why its own module: grounding, the table readings and the harm firewall all read the draft the
same way; they share this view rather than each other's internals.
"""
from __future__ import annotations

import re
import unicodedata

from ..messages import render
from ..text import QUOTES, clean, fold
from .content import strip_ellipsis


SPECIAL = {"*", "title", "preamble", "closing"}


_QUOTE_TABLE = str.maketrans(QUOTES) if isinstance(QUOTES, dict) else None


def draft_outline(draft):
    """The draft's outline (a path, or an Outline already built)."""
    from ..model import Outline

    if isinstance(draft, Outline):
        return draft
    from ..package import open_docx
    from ..sections.outline import build

    return build(open_docx(draft))


def resolve_reference(tree, reference: str):
    from ..sections.references import resolve

    return resolve(tree, reference)


def norm(text: str) -> str:
    """Text as compared for grounding: NFC, one space, one quote style."""
    t = clean(text)
    if _QUOTE_TABLE is not None:
        t = t.translate(_QUOTE_TABLE)
    return t


class Ground:
    def __init__(self, tree):
        self.tree = tree
        self._norm: dict[int, str] = {}

    def block(self, i: int) -> str:
        if i not in self._norm:
            self._norm[i] = norm(self.tree.text(i))
        return self._norm[i]

    def section_blocks(self, s) -> range:
        lo = s.heading if s.heading is not None else s.start
        return range(lo, s.end)

    def content_blocks(self, s, scope: str | None = None) -> range:
        """The blocks a change of words searches (plan.paragraphs_in): a khoản's own paragraph
        and its body; a titled part's body, not its heading (unless ``scope`` is "heading")."""
        if s.heading is None:
            return range(s.start, s.end)
        if scope == "heading":
            return range(s.heading, s.heading + 1)
        return range(s.heading if s.inline else s.start, s.lead_end if scope == "lead" else s.end)

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Candidate places for a request that names none (letters/suggest.py)."""
        from .suggest import suggest

        return suggest(self, text, limit)

    def paragraphs(self, s) -> list[int]:
        """The blocks of ``s`` a change of words searches that are paragraphs with text."""
        return [i for i in self.content_blocks(s) if self.tree.blocks[i].tag.endswith("}p") and self.block(i).strip()]

    def holds(self, s, words: str) -> bool:
        w = norm(words)
        return any(w in self.block(i) for i in self.section_blocks(s))

    def sections_holding(self, words: str) -> list:
        """The deepest sections whose text holds ``words`` (one per hit block)."""
        w = norm(words)
        if not w:
            return []
        hits = [i for i in range(len(self.tree.blocks)) if w in self.block(i)]
        out = []
        for h in hits:
            best = None
            for s in self.tree.walk():
                if (s.heading is not None and s.heading <= h < s.end) and (best is None or s.level > best.level):
                    best = s
            if best is None:
                for special in (self.tree.title, self.tree.preamble, self.tree.closing):
                    if special is not None and h in special.span or (special is not None and special.heading == h):
                        best = special
            if best is not None and best not in out:
                out.append(best)
        return out

    def rows(self, t) -> list[list[str]]:
        """The cells' text of table ``t`` (one of the outline's tables), row by row."""
        from ..ooxml import W
        from ..sections.tables import cell_text, row_cells

        return [[norm(cell_text(tc)) for tc in row_cells(tr)] for tr in self.tree.blocks[t.block].findall(W["tr"])]

    def row_named(self, words: str) -> bool:
        """Is there a table row with a cell of exactly these words (the way a letter names a row)?"""
        key = fold(words)
        return any(fold(c) == key for t in getattr(self.tree, "tables", []) or [] for r in self.rows(t)[t.header_rows:]
                   for c in r)

    def found(self, words: str) -> bool:
        """Are ``words`` the draft's current text (anywhere in it)?  A quotation's "..." and the
        letter's own closing mark are not its words."""
        if not hasattr(self, "_all"):
            self._all = "\n".join(self.block(i) for i in range(len(self.tree.blocks)))
        w = norm(strip_ellipsis(words)[0])
        return len(w) >= 2 and (w in self._all or w.rstrip(".;,:") in self._all and len(w.rstrip(".;,:")) >= 2)

    def count_in(self, s, words: str, scope: str | None = None) -> int:
        """How many times ``words`` stand as words where a change at ``s`` searches; words in
        small letters also where they open a sentence ("Hồ sơ ..."), words with a capital only
        as written."""
        w = norm(words)
        if not w:
            return 0
        # whole words: a bound where the words begin or end with a letter ("; người dân ..." follows one)
        rx = re.compile((r"(?<![\w])" if re.match(r"\w", w) else "") + re.escape(w) + (r"(?![\w])" if re.search(r"\w$", w) else ""),
                        0 if w != w.lower() else re.I)
        return sum(len(rx.findall(self.block(i))) for i in self.content_blocks(s, scope))

    def count(self, words: str) -> int:
        w = norm(words)
        return sum(self.block(i).count(w) for i in range(len(self.tree.blocks))) if w else 0


def as_comment(e: dict, note) -> dict:
    note = render(note)
    out = {k: v for k, v in e.items() if k in ("n", "target", "quote") or k.startswith("_")}
    out["op"] = "comment"
    out["text"] = e.get("quote") or ""
    out["note"] = note
    return {"n": out.pop("n"), "op": "comment", "target": out.pop("target"), "text": out.pop("text"),
            "quote": out.pop("quote", ""), "note": note, **out}
