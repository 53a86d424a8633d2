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
   open a block, not words cut out of a sentence (small letters, a comma first);
6. **the position the letter names** (``position.finer`` in the lexicon: "vào cuối đoạn",
   "sau dòng", "sau câu", ...): new words put at the end or start of a whole part, when the
   letter named a paragraph, sentence or row inside it, are at the wrong place; a sentence for
   "the end of the paragraph" goes there when the part has that paragraph (by its ordinal, or
   its only one);
7. **the new part the letter names** ("bổ sung điểm e) ...", "bổ sung khoản 4"): new words
   that neither carry that label nor become that part are at the wrong place;
8. **a sentence rewritten** (``replace_text`` whose new words are a whole sentence holding the
   short words to find, as "Điều 4 quy định “X”. Theo tôi nên sửa lại là: “<sentence>”"):
   the draft's sentence holding the words is what changes, when the new one shares most of its
   words (the diff core then marks only what differs); otherwise the drafter decides.
9. **a lone value** ("sửa thành “ngày 01 tháng 01 năm 2025”" at a khoản whose text holds one date):
   the value of that shape the part holds is what changes, not the whole part.
10. **two phrases swapped** ("hoán đổi cụm từ “A” lên trước cụm từ “B”", read by the draft as the
   span "B, A" becoming "A, B"): each phrase stands once at the place, so the span is the one meant.

Without a draft only the rules that need none apply, and two more: new text ending in "..."
("the rest as it is") and a common word to drop need the draft to be placed.
"""
from __future__ import annotations

import re

from ..messages import Option, msg, render
from ..text import clean, fold, words_kept
from .content import mask_quotes
from .grounding import SPECIAL, Ground, as_comment, norm, resolve_target
from .lexicon import lexicon


def firewall(doc: dict, g: Ground | None) -> None:
    """Check every tracked change of ``doc`` (after grounding); demote the uncertain ones."""
    doc["edits"] = [check(e, g) if e["op"] != "comment" else e for e in doc["edits"]]


def check(e: dict, g: Ground | None) -> dict:
    if g is not None and e["op"] == "replace_text":
        e = _sentence_rewritten(e, g)
        if e["op"] == "comment":
            return e
    if g is not None and e["op"] == "replace":
        e = _same_shape(e, g)
    reason = _fragment(e) or _position(e) or (_without_draft(e) if g is None else _against_draft(e, g))
    return as_comment(e, reason) if reason is not None else e


def _skeleton(e: dict) -> str:
    """The letter's own words of the instruction (quoted passages masked)."""
    return mask_quotes(e.get("quote") or "")[0]


def _position(e: dict) -> object | None:
    """Rules 6 and 7: the place the letter names inside the part, honoured or not."""
    if e["op"] not in ("append", "prepend") or e.get("anchor") or e.get("row") is not None or e.get("cells"):
        return None
    skel = _skeleton(e)
    finer = [m for m in lexicon().rx("position.finer").finditer(skel)
             if not (e.get("_paragraph_end") and " ".join(m.group(0).lower().split()) == "cuối đoạn")]
    if finer:
        return msg("the letter names a place inside {section} the reading did not find: left to the drafter",
                   section=e["target"])
    m = re.search(r"(?<![\w])(?:" + lexicon().alt("operation.add.verbs") + r")\s+(?:thêm\s+)?(?:một\s+)?"
                  r"(?P<kind>điểm|khoản|tiểu mục|mục|điều)\s+"
                  r"(?P<label>[a-zđ]|\d+(?:\.\d+)*)\b", skel, re.I)
    target = str(e.get("target") or "")
    names_target = m and (fold(f"{m.group('kind')} {m.group('label')}") in fold(target) or
                          target.rsplit(".", 1)[-1].rsplit(":", 1)[-1].lower() == m.group("label").lower())
    if m and not e.get("heading") and not names_target:  # "bổ sung Điều 65 với nội dung": into Điều 65
        new = e.get("paragraphs") or ([e["text"]] if e.get("text") else [])
        label = clean(new[0]).split(" ", 1)[0].rstrip(".):").lower() if new else ""
        if label.replace("điều", "") != m.group("label").lower():
            return msg("the letter names a new part ({part}) the reading did not make: left to the drafter",
                       part=f"{m.group('kind')} {m.group('label')}")
    return None


# A date, a share or a count that new words may stand for alone ("sửa thành “ngày 01 tháng 01 năm
# 2025”"): the one value of the same shape at the place is the one meant.
_SHAPES = (r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", r"\d{1,2}/\d{1,2}/\d{4}",
           r"\d+(?:[.,]\d+)?\s*%", r"\d+\s+ngày(?:\s+làm\s+việc)?", r"năm\s+\d{4}")


def _same_shape(e: dict, g: Ground) -> dict:
    """Rule 9: a part "rewritten" to a lone date, share or count (the letter named the value
    in a sentence before, unquoted) changes the one value of that shape the part holds."""
    new = [clean(p) for p in e.get("paragraphs") or ([e["text"]] if e.get("text") else [])]
    if len(new) != 1 or e.get("anchor") or e.get("heading") or not e.get("target") or e["target"] == "*":
        return e
    value = new[0].rstrip(". ")
    lead = re.match(r"(?i)(?:trong|không quá|tối đa|tối thiểu|ít nhất|chậm nhất|trước|sau|kể từ|từ|đến|vào)\s+", value)
    shape = next((rx for rx in _SHAPES if re.fullmatch(rx, value[lead.end():] if lead else value, re.I)), None)
    if shape and lead:
        # "sửa thành “trong 02 ngày làm việc”": the value with the word that governs it
        shape = re.escape(lead.group(0).strip()).replace(r"\ ", r"\s+") + r"\s+" + shape
    section = resolve_target(g.tree, e["target"]) if shape else None
    if section is None:
        return e
    hits = [m.group(0) for i in g.content_blocks(section, e.get("scope"))
            for m in re.finditer(r"(?<![\w/])" + shape + r"(?![\w/])", g.block(i), re.I)]
    if len(hits) != 1 or clean(hits[0]) == new[0].rstrip(". "):
        return e
    out = {k: v for k, v in e.items() if k not in ("paragraphs", "text", "_rewrite")}
    return {**out, "op": "replace_text", "find": hits[0], "replace": new[0].rstrip(". ")}


def _whole_sentence_in(g: Ground, section, sentence: str) -> bool:
    """Is ``sentence`` a whole sentence (or the start of one, as a sentence prefix) somewhere in
    the section: after a block's start or a full stop, and ending the block or at a full stop?"""
    w = norm(sentence).rstrip(" .!?")
    rx = re.compile(r"(?:^|[.!?…]\s+)" + re.escape(w) + r"[.!?…]?(?:\s|$)")
    return any(rx.search(g.block(i)) for i in g.content_blocks(section))


def _one_paragraph_named(g: Ground, section, k: int | str | None) -> bool:
    """Rule 6 for a sentence at the end of a paragraph: a part without subparts whose paragraph
    the letter names by its ordinal, or ("vào cuối đoạn") has only one."""
    if section.children:
        return False
    paras = [i for i in g.content_blocks(section) if i != section.heading and g.block(i)
             and g.tree.blocks[i].tag.endswith("}p")] or \
        ([section.heading] if section.inline and section.heading is not None else [])
    return len(paras) == 1 if k is None else k == "last" or 1 <= k <= len(paras)


def _sentence_rewritten(e: dict, g: Ground) -> dict:
    """Rule 8: short words to find, new words a whole sentence holding them."""
    find, new = norm(e.get("find") or ""), norm(e.get("replace") or "")
    if not find or not new or find.lower() not in new.lower() or len(new) < 3 * len(find) \
            or len(new.split()) < 12 or not new[:1].isupper() or new[-1:] not in ".;" or find[:1].isupper():
        return e
    target = e.get("target")
    section = resolve_target(g.tree, target) if target and target != "*" else None
    if section is None:
        return e
    for i in g.content_blocks(section, e.get("scope")):
        block = g.block(i)
        if find not in block:
            continue
        sentence = next((x for x in re.split(r"(?<=[.;!?])\s+", block) if find in x), block)
        if sentence != find and words_kept(sentence, new) >= 0.6 and g.count_in(section, sentence, e.get("scope")) == 1:
            return {**e, "find": sentence}
        break
    return as_comment(e, msg("the new words rewrite more than the quoted words: left to the drafter"))


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
    if e.get("_paragraph_end") and not e.get("anchor"):
        return msg("the letter names a place inside {section} the reading did not find: left to the drafter",
                   section=e["target"])
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
    if e.get("_paragraph_end") and not _one_paragraph_named(g, section, (e.get("anchor") or {}).get("paragraph")):
        return msg("the letter names a place inside {section} the reading did not find: left to the drafter",
                   section=section.address)
    words = e.get("find")
    if words and e["op"] in ("replace_text", "delete"):
        n = g.count_in(section, words, e.get("scope"))
        if n == 0:
            return msg("the quoted text is not in {section}: left to the drafter", section=section.address)
        several = len(norm(words).split()) <= 2 or e["op"] == "delete" or e.get("_insert")
        if n > 1 and several and not e.get("occurrence") and target not in SPECIAL:
            return msg("“{find}” occurs {count} times in {section}: left to the drafter", find=words, count=n,
                       section=section.address)
    for phrase in e.get("_swap") or ():  # rule 10: each of two phrases swapped stands once at the place
        n = g.count_in(section, phrase, e.get("scope"))
        if n != 1:
            return msg("“{find}” occurs {count} times in {section}: left to the drafter", find=phrase, count=n,
                       section=section.address) if n else \
                msg("the quoted text is not in {section}: left to the drafter", section=section.address)
    anchor = e.get("anchor") or {}
    sentence = anchor.get("sentence") or anchor.get("sentence_prefix")
    if sentence and g.count_in(section, sentence) == 0:
        return msg("the quoted text is not in {section}: left to the drafter", section=section.address)
    if anchor.get("sentence") and not _whole_sentence_in(g, section, sentence):
        # "bỏ câu “X”" where X is a clause of a longer sentence ("X; Y."): not a sentence apply
        # can find; a deletion takes the words (and their separator), anything else is a comment
        if e["op"] == "delete" and g.count_in(section, sentence) == 1:
            e.pop("anchor")
            e["find"] = sentence
            return None
        return msg("“{find}” is part of a sentence in {section}, not a whole one: left to the drafter",
                   find=sentence, section=section.address)
    if e["op"] == "replace" and not anchor and not e.get("heading") and (section.heading is not None or
                                                                       target in ("preamble", "closing")):
        # (the preamble too: one new "Căn cứ ..." line never replaces all its lines)
        new = sum(len(clean(p)) for p in e.get("paragraphs") or [])
        old = sum(len(g.block(i)) for i in g.content_blocks(section, e.get("scope")))
        if new * 2 < old and not e.get("_shorten"):
            return msg("the new words are much shorter than {section}: left to the drafter", section=section.address)
    return None


__all__ = ["firewall", "check", "render"]
