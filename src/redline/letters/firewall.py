"""The harm firewall: the last word on every tracked change a letter's reading proposes.

Why one module at the end: a tracked change the letter did not ask for is the one failure a
clerk does not see (a comment she reads; a wrong revision she may accept).  The rules that read
a letter are many and will meet phrasings nobody wrote them for, so none of them is trusted to
be safe on its own: every candidate change passes these checks against the draft, and one that
is not certain becomes a Word comment carrying the letter's words at its place, with the
reason (docs/letters/grammar.md, "The harm firewall", lists the rules):

1. **words to find** (``replace_text``, ``delete`` of a phrase): found at the target; a short
   phrase (two words or fewer), words to delete, or words inserted next to a phrase must not
   be there several times (which one is meant is not said);
2. **a whole part rewritten** (``replace`` without anchor, heading or cell): the letter said it
   rewrites the part (``_rewrite``: a rewrite phrase with its block of new words) and the new
   words are not much shorter than what they replace (half at least, unless the letter asks to
   shorten: ``rewrite.shorten``) nor open in small letters (a fragment is not a part);
3. **a whole part deleted** (``delete`` without words or anchor): only when the letter names the
   part with its delete verb (``_named``);
4. **an anchor** (a sentence, a paragraph or bullet by its number): found in the target;
5. **new words** (``append``, ``prepend``, ``insert_*``, ``replace`` of an anchor): words that
   open a block, not words cut out of a sentence (small letters, a comma first).

Without a draft only the rules that need none apply, and two more: new text ending in "..."
("the rest as it is") and a common word to drop need the draft to be placed.
"""
from __future__ import annotations

import re

from ..messages import Option, msg, render
from ..text import clean
from .grounding import SPECIAL, Ground, as_comment, norm, resolve_target


def firewall(doc: dict, g: Ground | None) -> None:
    """Check every tracked change of ``doc`` (after grounding); demote the uncertain ones."""
    doc["edits"] = [check(e, g) if e["op"] != "comment" else e for e in doc["edits"]]


def check(e: dict, g: Ground | None) -> dict:
    reason = _fragment(e) or (_without_draft(e) if g is None else _against_draft(e, g))
    return as_comment(e, reason) if reason is not None else e


def _fragment(e: dict) -> object | None:
    """Rules 2 and 5 in the new words themselves: a block, not words cut out of a sentence."""
    if e.get("cells") or e["op"] in ("replace_text", "delete"):
        return None
    new = e.get("paragraphs") or ([e["text"]] if e.get("text") else [])
    if e.get("heading") and not new:
        return None
    first = clean(new[0]) if new else ""
    inline = e.get("text") and (e.get("anchor") or {}).keys() & {"sentence", "sentence_prefix"} and \
        e["op"] in ("insert_after", "insert_before")
    rewrite = e["op"] == "replace" and e.get("_rewrite")  # a clause's new wording may open in small letters
    if first and not inline and not rewrite and (first[:1] in ",;" or first[:1].islower() and
                                                 not re.match(r"[a-zđ]\)\s", first)):
        return msg("the new words are part of a sentence, not a block: left to the drafter")
    if e["op"] == "replace" and not e.get("anchor") and not e.get("heading") and e.get("row") is None \
            and not e.get("_rewrite"):
        return msg("the letter does not say the part is rewritten: left to the drafter")
    if e["op"] == "delete" and not e.get("find") and not e.get("anchor") and e.get("row") is None \
            and not e.get("_named"):
        return msg("the letter does not name the part to delete: left to the drafter")
    return None


def _without_draft(e: dict) -> object | None:
    if e.get("_rest_as_is"):
        return msg("the new text ends with “...”: give {option} to place it", option=Option("draft"))
    if e.get("_common"):
        return msg("“{find}” is a common word: which occurrence is meant needs the draft", find=e["find"])
    return None


def _against_draft(e: dict, g: Ground) -> object | None:
    target = e.get("target")
    if not target or target == "*" or e.get("row") is not None or e.get("cells"):
        return None  # the whole draft (said by the letter), or a table cell the planner finds
    section = resolve_target(g.tree, target)
    if section is None:
        return None  # grounding listed it as unresolved already
    words = e.get("find")
    if words and e["op"] in ("replace_text", "delete"):
        n = g.count_in(section, words, e.get("scope"))
        if n == 0:
            return msg("the quoted text is not in {section}: left to the drafter", section=section.address)
        several = len(norm(words).split()) <= 2 or e["op"] == "delete" or e.get("_insert")
        if n > 1 and several and not e.get("occurrence") and target not in SPECIAL:
            return msg("“{find}” occurs {count} times in {section}: left to the drafter", find=words, count=n,
                       section=section.address)
    anchor = e.get("anchor") or {}
    sentence = anchor.get("sentence") or anchor.get("sentence_prefix")
    if sentence and g.count_in(section, sentence) == 0:
        return msg("the quoted text is not in {section}: left to the drafter", section=section.address)
    if e["op"] == "replace" and not anchor and not e.get("heading") and section.heading is not None:
        new = sum(len(clean(p)) for p in e.get("paragraphs") or [])
        old = sum(len(g.block(i)) for i in g.content_blocks(section, e.get("scope")))
        if new * 2 < old and not e.get("_shorten"):
            return msg("the new words are much shorter than {section}: left to the drafter", section=section.address)
    return None


__all__ = ["firewall", "check", "render"]
