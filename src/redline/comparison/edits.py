"""The way back: a comparison written as an edits file, in section terms.

``redline apply OLD EDITS.json`` must give NEW's text, so every edit is built in a form
whose effect on OLD is known exactly, from OLD's outline (its texts read before any
revision was written):

- a few words changed in a paragraph: ``replace_text`` inside the section, anchored on
  the paragraph (``{"paragraph": k}``), the phrase widened to whole words until it is
  found where it was changed (``occurrence`` when it recurs); checked here with apply's
  own finder, else the paragraph is replaced whole (``replace`` + anchor + ``text``);
- a heading: ``replace`` with ``heading`` (its label kept), or ``replace_text`` with
  ``"scope": "heading"`` when the label itself changed;
- paragraphs deleted: ``delete`` + anchor; a whole section deleted: ``delete`` of it;
- paragraphs inserted: ``prepend`` after a heading, ``insert_after`` an anchored
  paragraph, ``insert_before`` the next one, or ``append`` at a section's end;
- what the edits format cannot say yet (a table's rows and cells, a change inside a
  paragraph that is not a body paragraph, a picture, equation, link or field changed) goes
  to ``unresolved`` with the reason; a paragraph whose only change is such an object gets no
  edit (replacing it whole would lose its objects).
"""
from __future__ import annotations

from .. import diff as wdiff
from ..match import Finder, displayed_text, normalize
from ..ooxml import W
from ..text import clean

MAX_PHRASES = 3  # more changes than this in one paragraph: the paragraph is replaced whole


def make_edits(result) -> dict:
    from ..plan import Planner

    tree = result.old_outline
    planner = Planner(tree)
    headings = {s.heading: s for s in tree.walk() if s.heading is not None}
    direct = _direct_sections(tree, planner)
    new_texts = _new_texts(result)
    edits: list[dict] = []
    unresolved: list[dict] = []
    changes = result.changes
    deleted_sections = _deleted_sections(tree, changes, result.old_texts)
    skip = {i for s in deleted_sections for i in range(s.heading, s.end)}
    for s in deleted_sections:
        edit = {"op": "delete", "target": s.address, "note": f"section {s.display} deleted"}
        if s.label_chars and s.kind in ("dieu", "article", "khoan", "diem"):
            edit["renumber"] = False  # NEW's numbers are what they are: apply must not move the ones after it
        edits.append(edit)
    k = 0
    while k < len(changes):
        c = changes[k]
        if c.old is None:  # a run of inserted blocks after OLD block c.after
            run = []
            while k < len(changes) and changes[k].old is None:
                run.append(changes[k])
                k += 1
            texts = [new_texts[x.new] for x in run if x.kind == "p" and clean(new_texts[x.new])]
            if any(x.kind == "t" for x in run):
                unresolved.append({"instruction": "insert a table", "reason": "tables cannot be inserted by an "
                                   "edits file yet"})
            if texts:
                e = _insertion(tree, planner, direct, headings, run[0].after, texts, skip)
                if e is None:
                    unresolved.append({"instruction": "insert: " + " / ".join(texts)[:200],
                                       "reason": "no paragraph or section to anchor the insertion on"})
                else:
                    edits.append(e)
            continue
        k += 1
        if c.old in skip or c.status == "equal":
            continue
        if c.kind == "t":
            unresolved.append({"instruction": f"table changed near block {c.old}",
                               "reason": "table rows and cells cannot be edited by an edits file yet"})
            continue
        old_raw = result.old_texts[c.old]
        if c.status in ("deleted", "moved-from"):
            if not clean(old_raw):
                continue
            if c.old in headings:
                s = headings[c.old]
                edits.append({"op": "replace_text", "target": s.address, "scope": "heading",
                              "find": old_raw.strip(), "replace": ""})
                continue
            where = direct.get(c.old)
            if where is None:
                unresolved.append({"instruction": "delete: " + clean(old_raw)[:200],
                                   "reason": "not a body paragraph of a section"})
                continue
            edits.append({"op": "delete", "target": where[0], "anchor": {"paragraph": where[1]}})
            continue
        new_raw = new_texts[c.new]
        if c.old in headings:
            e = _heading(headings[c.old], old_raw, new_raw)
            if e is None:
                unresolved.append({"instruction": f"heading: {clean(old_raw)[:100]} -> {clean(new_raw)[:100]}",
                                   "reason": "its typed label changed; apply keeps labels (it renumbers by itself)"})
            else:
                edits.append(e)
            continue
        if _objects(c.old_text) != _objects(c.new_text):
            unresolved.append({"instruction": f"change: {clean(old_raw)[:100]} -> {clean(new_raw)[:100]}",
                               "reason": "a picture, equation, link or field changed: an edits file carries text "
                                         "only"})
            if normalize(old_raw) == normalize(new_raw):
                continue  # the text is the same: replacing the paragraph would only lose its objects
        where = direct.get(c.old)
        if where is None:
            unresolved.append({"instruction": f"change: {clean(old_raw)[:100]} -> {clean(new_raw)[:100]}",
                               "reason": "not a body paragraph of a section"})
            continue
        edits.extend(_paragraph(where, old_raw, new_raw))
    out = {"author": result.author, "date": result.date,
           "source": f"redline compare {result.old.name} {result.new.name}", "edits": edits}
    if unresolved:
        out["unresolved"] = unresolved
    return out


def _objects(comparison_text: str) -> list[str]:
    """The objects of a block's comparison text (read.py folds each picture, equation, link or
    field into one private-use character of plane 16, by content)."""
    return [ch for ch in comparison_text if ord(ch) >= 0x100000]


# ---------------------------------------------------------------------------- where things are

def _direct_sections(tree, planner) -> dict[int, tuple[str, int]]:
    """For every anchorable paragraph of OLD: (section address, k) such that the edit
    ``{"target": address, "anchor": {"paragraph": k}}`` lands on it (apply counts the
    non-empty body paragraphs before the first subsection)."""
    out: dict[int, tuple[str, int]] = {}
    parts = [s for s in (tree.title, tree.preamble, tree.closing) if s is not None] + list(tree.walk())
    for s in parts:
        for k, i in enumerate(planner.body_paragraphs(s, direct=True), start=1):
            out.setdefault(i, (s.address, k))
    whole = tree.whole()
    for k, i in enumerate(planner.body_paragraphs(whole, direct=True), start=1):
        out.setdefault(i, ("*", k))
    return out


def _new_texts(result) -> dict[int, str]:
    blocks = result.new_outline.blocks
    return _LazyTexts(blocks)


class _LazyTexts(dict):
    def __init__(self, blocks):
        super().__init__()
        self.blocks = blocks

    def __missing__(self, i: int) -> str:
        el = self.blocks[i]
        t = displayed_text(el) if el.tag == W["p"] else ""
        self[i] = t
        return t


def _deleted_sections(tree, changes, texts: dict) -> list:
    """Sections whose every block with text (heading included) was deleted, outermost first:
    deleting the section leaves the same text (its empty paragraphs show nothing)."""
    gone = {c.old for c in changes if c.old is not None and c.status in ("deleted", "moved-from")}
    gone |= {i for i, b in enumerate(tree.blocks) if b.tag == W["p"] and not clean(texts.get(i, "x"))}
    out = []
    covered: set[int] = set()
    for s in tree.walk():
        if s.heading is None or s.heading in covered:
            continue
        if all(i in gone for i in range(s.heading, s.end)):
            out.append(s)
            covered.update(range(s.heading, s.end))
    return out


# ---------------------------------------------------------------------------- edits

def _heading(s, old_raw: str, new_raw: str) -> dict | None:
    """A renamed heading: its label kept (apply never rewrites a typed label of its own accord;
    a renumbering it makes itself when sections are inserted or deleted); a label reworded is a
    change of the heading's words; None when the heading is emptied."""
    if s.label_chars and new_raw[:s.label_chars] == old_raw[:s.label_chars]:
        return {"op": "replace", "target": s.address, "heading": new_raw[s.label_chars:]}
    if not s.label_chars:
        return {"op": "replace", "target": s.address, "heading": new_raw}
    from ..sections.labels import parse_label

    def form(label):  # the label with its number taken out: ("kw", "dieu", "Điều #."), ("letter", None, "#)")
        return label and (label.shape, label.kind, label.display.replace(label.number, "#", 1))

    old_form = form(parse_label(old_raw))
    renumbered = old_form is not None and old_form == form(parse_label(new_raw))
    if old_raw.strip() and new_raw.strip() and not renumbered:
        # the typed label itself reworded ("Section 1.1 Scope" -> "Part A Scope"): not a
        # renumbering, so the whole heading's words change (scope "heading" may touch its label)
        return {"op": "replace_text", "target": s.address, "scope": "heading", "find": old_raw.strip(),
                "replace": new_raw.strip()}
    return None


def _paragraph(where: tuple[str, int], old_raw: str, new_raw: str) -> list[dict]:
    target, k = where
    phrases = _phrases(old_raw, new_raw)
    if phrases is not None:
        return [{"op": "replace_text", "target": target, "anchor": {"paragraph": k}, "find": f, "replace": r,
                 **({"occurrence": n} if n else {})} for f, r, n in phrases]
    return [{"op": "replace", "target": target, "anchor": {"paragraph": k}, "text": new_raw}]


def _phrases(old_raw: str, new_raw: str):
    """(find, replace, occurrence or None) triples that turn ``old_raw`` into ``new_raw``
    under apply's finder, or None when the paragraph is better replaced whole."""
    from ..plan import word_changes

    changes = word_changes(old_raw, new_raw)
    if not changes or len(changes) > MAX_PHRASES:
        return None
    if sum(e - s for s, e, _ in changes) > 0.5 * len(old_raw):
        return None
    tokens = _token_spans(old_raw)
    out = []
    for s, e, text in changes:
        # widen to whole words, and to at least one word (an insertion takes its neighbour)
        a, b = s, e
        while a is not None and not _has_word(old_raw[a:b]):
            a, b = _neighbour(old_raw, tokens, a, b)
        if a is not None and not text:  # a pure deletion: take a neighbouring word, so it has a replacement
            a, b = _neighbour(old_raw, tokens, a, b)
        if a is None:
            return None
        find = old_raw[a:b]
        lead = len(find) - len(find.lstrip())
        trail = len(find) - len(find.rstrip())
        a, b = a + lead, b - trail
        find = old_raw[a:b]
        replace = old_raw[a:s] + text + old_raw[e:b] if a <= s and e <= b else None
        if replace is None or not find:
            return None
        spans, _ = Finder(find).find(old_raw)
        if (a, b) not in spans:
            return None
        n = spans.index((a, b)) + 1 if len(spans) > 1 else None
        out.append((find, replace, n, a, b))
    # the phrases must not overlap, and together they must give the new text
    out.sort(key=lambda t: t[3])
    result, pos = [], 0
    for find, replace, _, a, b in out:
        if a < pos:
            return None
        result.append(old_raw[pos:a])
        result.append(replace)
        pos = b
    result.append(old_raw[pos:])
    if normalize("".join(result)) != normalize(new_raw):
        return None
    return [(f, r, n) for f, r, n, _, _ in out]


def _neighbour(raw: str, tokens, a: int, b: int) -> tuple[int | None, int | None]:
    """The span a:b widened to the nearest word before it (else after it); (None, None)
    when there is none."""
    left = max((t for t in tokens if t[1] <= a and _has_word(raw[t[0]:t[1]])), default=None, key=lambda t: t[1])
    if left is not None:
        return left[0], b
    right = min((t for t in tokens if t[0] >= b and _has_word(raw[t[0]:t[1]])), default=None, key=lambda t: t[0])
    return (a, right[1]) if right is not None else (None, None)


def _token_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for tok in wdiff.tokenize(text):
        out.append((pos, pos + len(tok)))
        pos += len(tok)
    return out


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _insertion(tree, planner, direct, headings, after: int | None, texts: list[str], skip: set[int]) -> dict | None:
    """An edit that puts new paragraphs right after OLD block ``after`` (None: at the start)."""
    blocks = tree.blocks
    if after is not None and after in headings:
        return {"op": "prepend", "target": headings[after].address, "paragraphs": texts}
    nxt = 0 if after is None else after + 1
    in_title = tree.title is not None and after in tree.title.span
    if in_title and nxt < len(blocks) and nxt in direct and nxt not in skip:
        # new text after the title goes before what follows it: inserted after the title it
        # would take the title's style (and be read as part of the title)
        target, k = direct[nxt]
        return {"op": "insert_before", "target": target, "anchor": {"paragraph": k}, "paragraphs": texts}
    if after is not None and after in direct:
        target, k = direct[after]
        return {"op": "insert_after", "target": target, "anchor": {"paragraph": k}, "paragraphs": texts}
    if nxt < len(blocks) and nxt in direct and nxt not in skip:
        target, k = direct[nxt]
        return {"op": "insert_before", "target": target, "anchor": {"paragraph": k}, "paragraphs": texts}
    if after is not None:
        deepest = None
        for s in [tree.title, tree.preamble, tree.closing, *tree.walk()]:
            if s is not None and s.end - 1 == after and after >= s.start:
                deepest = s  # walk() is depth first: the last match is the deepest
        if deepest is not None:
            return {"op": "append", "target": deepest.address, "paragraphs": texts}
        if after == len(blocks) - 1:
            return {"op": "append", "target": "*", "paragraphs": texts}
    return None
