"""Loud no-ops: what the user handed in is not what it should be.

``redline apply`` used to accept anything that parsed: the draft and the letter swapped gave
"0 edits applied, 40 ignored" and a file attributed to "Báo Cáo"; a second draft passed as a
source, or a letter from which nothing at all was read, wrote a copy of the draft with exit 0.
Here each such case becomes an error that says what probably happened.  The checks run on the
pipeline's level, after a letter has been read, and look only at plain text (the source's
paragraphs, the draft's), so they do not depend on how letters are parsed.

The signs, from what drafts and letters are:

- a comment letter asks: most of its numbered items carry instruction language ("đề nghị",
  "sửa", "bổ sung", "thay", "bỏ", "propose", "replace", ...), and it opens with "Kính gửi" /
  "V/v" or the English "Dear" / "Re:";
- a draft states: many numbered headings ("I.", "1.2.", "Điều 5", "Chương II") whose text asks
  for nothing;
- another version of the draft shares most of its paragraphs with the draft, word for word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import LetterError, UsageError
from .messages import msg
from .text import clean, fold

MIN_PARAGRAPH = 30  # characters: shorter paragraphs (headings, dates) say little about sameness
SAME_VERSION_SHARE = 0.5  # this share of the source's long paragraphs found verbatim in the draft
DRAFT_HEADINGS = 5  # numbered headings a draft-like text has at least ...
DRAFT_INSTRUCTION_SHARE = 0.2  # ... while fewer than this share of its numbered items ask for a change

_HEADING = re.compile(r"^(?:(?:phần|chương|mục|điều|part|chapter|section|article)\s+[\w.]+"
                      r"|[ivxlc]+[.)]\s|\d+(?:\.\d+)*[.)]?\s|[a-zđ][)]\s)", re.IGNORECASE)
_INSTRUCTION = re.compile(r"\b(?:de nghi|kien nghi|sua|bo sung|thay|xoa|dieu chinh|viet lai|chinh sua|"
                          r"propose|suggest|replace|delete|remove|insert|add|amend|change|reword)\b")
_AGREEMENT = re.compile(r"\b(?:thong nhat|nhat tri|dong y|khong co y kien|agree|agrees|no comment|no objection)\b")
_LETTER_FRAME = re.compile(r"^(?:kinh gui|v v|ve viec|dear|re)\b")


@dataclass
class Evidence:
    """What the plain-text signs say about a text."""

    paragraphs: int
    headings: int  # numbered heading-like paragraphs
    asking: int  # numbered paragraphs with instruction language
    framed: bool  # opens like a letter (Kính gửi, V/v, Dear, Re:)

    @property
    def looks_like_a_draft(self) -> bool:
        return (self.headings >= DRAFT_HEADINGS and not self.framed
                and self.asking < DRAFT_INSTRUCTION_SHARE * self.headings)

    @property
    def looks_like_a_letter(self) -> bool:
        return self.framed or (self.headings > 0 and self.asking >= 0.5 * self.headings)


def evidence(paragraphs: list[str]) -> Evidence:
    paras = [clean(p) for p in paragraphs if p and p.strip()]
    headings = asking = 0
    for p in paras:
        if _HEADING.match(p):
            headings += 1
            if _INSTRUCTION.search(fold(p, expand=False)):
                asking += 1
    framed = any(_LETTER_FRAME.match(fold(p, expand=False)) for p in paras[:25])
    return Evidence(len(paras), headings, asking, framed)


def shared_share(source: list[str], draft: list[str]) -> float:
    """The share of the source's long paragraphs that the draft has word for word."""
    long = [clean(p) for p in source if len(clean(p)) >= MIN_PARAGRAPH]
    if not long:
        return 0.0
    have = {clean(p) for p in draft if len(clean(p)) >= MIN_PARAGRAPH}
    return sum(1 for p in long if p in have) / len(long)


def check_draft_path(draft: Path) -> None:
    """A letter or an edits file given where the draft belongs (``apply letter.txt draft.docx``)."""
    suffix = Path(draft).suffix.lower()
    if suffix in (".txt", ".pdf", ".md", ".json"):
        raise UsageError(msg("{name} is a letter or an edits file, not a draft: the draft (.docx) comes first, "
                             "then the sources", name=Path(draft).name), file=draft)


def check_letter(name: str, source: list[str], draft: list[str], *, edits: int, unresolved: int,
                 ignored: list[str]) -> None:
    """Raise ``LetterError`` when the letter ``name`` (its paragraphs ``source``) is no letter
    for ``draft`` (the draft's paragraphs), given what was read from it: ``edits`` and
    ``unresolved`` instructions, and the ``ignored`` statements that asked for no change.

    A letter that only agrees ("Thống nhất với dự thảo") is a letter; one in which nothing
    reads as an instruction or an agreement is not."""
    share = shared_share(source, draft)
    if share >= SAME_VERSION_SHARE:
        raise LetterError(msg("this is another version of the draft ({share:.0%} of its paragraphs are the "
                              "draft's, word for word), not a comment letter", share=share), file=name,
                          hint=msg("give comment letters or edits files as sources; two versions of a draft are "
                                   "compared, not applied"))
    if edits:
        return
    src = evidence(source)
    if src.looks_like_a_draft:
        if evidence(draft).looks_like_a_letter:
            raise LetterError(msg("this looks like a draft ({headings} numbered headings, none asking for a "
                                  "change), and the draft looks like a comment letter: are they swapped?",
                                  headings=src.headings), file=name,
                              hint=msg("the draft comes first: redline apply DRAFT.docx LETTER"))
        raise LetterError(msg("this looks like a draft ({headings} numbered headings, none asking for a change), "
                              "not a comment letter", headings=src.headings), file=name,
                          hint=msg("give the comment letter that asks for changes to the draft"))
    agrees = any(_AGREEMENT.search(fold(t, expand=False)) for t in ignored)
    if not unresolved and not agrees:
        raise LetterError(msg("nothing was read from this letter: none of its {count} paragraphs names a place "
                              "in the draft and asks for a change", count=src.paragraphs), file=name,
                          hint=msg("is it the comment letter? Its instructions read like "
                                   "\u201cTại Mục I.4, đề nghị sửa ... thành ...\u201d"))
