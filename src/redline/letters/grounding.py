"""Grounding: the instructions checked against the draft they are about.

Why: a letter's numbers are often wrong or missing, and its quotations are the surest
guide to where a change goes.  With a draft (always in `apply`, with --draft in `extract`):

- every target is resolved to its canonical address (``redline.resolve``: numbers, chains,
  a heading's words, "Mục l.2"); what fails goes to ``unresolved`` with the reason and the
  candidates; a bracketed title that names another section is a conflict, never a guess;
- a quoted passage of current text (the words to find, a sentence anchor, a cited "dự thảo
  ghi: “...”") PINS the place when the letter names none (the one section that holds it),
  and CONFIRMS a named place; when the named place does not hold it and exactly one other
  section does, the edit goes there with a note saying so; when no section holds it, the
  edit becomes a comment at the named place (never a tracked change on a guess);
- new text ending in "..." ("the rest as it is") is matched against the start of the
  paragraph it rewrites and becomes a change of that beginning only;
- a rewritten khoản / điểm / Điều whose new text starts with its own label keeps the label
  and renames the heading paragraph.
"""
from __future__ import annotations

import re

from ..errors import ResolveError
from ..messages import msg, render
from ..text import clean, fold
from .content import split_label, strip_ellipsis
from .draft import SPECIAL, Ground, as_comment, draft_outline, norm, resolve_reference  # noqa: F401  (public names)
from .tables import _cell_described, _cell_value, _row_value, _comment_row, _in_cell, _in_table, _new_row, _row_cells, _row_deleted


def _keep_results(g: Ground, e: dict, blocks) -> None:
    """'thay “một cửa liên thông” bằng “một cửa, một cửa liên thông”' where the place already has
    the new words: those are kept as they are (``exclude``), never changed a second time."""
    if e["op"] != "replace_text" or not e.get("find") or not e.get("replace"):
        return
    f, r = norm(e["find"]), norm(e["replace"])
    if f == r or f not in r:
        return
    if any(r in g.block(i) for i in blocks) and e["replace"] not in (e.get("exclude") or []):
        e["exclude"] = list(e.get("exclude") or []) + [e["replace"]]


def _words_of(e: dict) -> str | None:
    """The current text an edit relies on: the words to find, or its sentence anchor."""
    if e.get("find"):
        return e["find"]
    a = e.get("anchor") or {}
    return a.get("sentence") or a.get("sentence_prefix")


def ground(doc: dict, g: "Ground", units_current: dict[int, list[str]] | None = None) -> None:
    """Resolve every edit of ``doc`` in the draft ``g`` reads; edit the document in place."""
    kept = []
    for e in doc["edits"]:
        out = _ground_one(g, e, doc, (units_current or {}).get(e.get("_unit"), []))
        if out is not None:
            kept.append(out)
    doc["edits"] = kept


def _unresolved(e: dict, reason, candidates: list[str] | None = None) -> dict:
    out = {"n": e["n"], "instruction": f"{e['op']} {e.get('target') or '(no place)'}", "reason": render(reason)}
    if candidates:
        out["candidates"] = list(candidates)
    if e.get("quote"):
        out["quote"] = e["quote"]
    if e.get("target"):
        # kept whole, so a person can give it a target and apply it (redline.review)
        out["edit"] = {k: v for k, v in e.items() if not k.startswith("_")}
    if "_unit" in e:
        out["_unit"] = e["_unit"]
    return out


def _adds(quote: str) -> bool:
    """Does the sentence ask for something new to be added (an add verb in the position of an order)?"""
    from .lexicon import lexicon
    from .predicate import order_verbs

    return bool(order_verbs(quote, "operation.add.verbs")) and not lexicon().search("operation.delete.verbs", quote)


def _ground_one(g: Ground, e: dict, doc: dict, current: list[str]) -> dict | None:
    tree = g.tree
    target = e.get("target")
    words = _words_of(e)
    probe = words or next((c for c in current if len(c) > 8), None)
    if target is None:
        # No place named: the quoted current text pins it, when exactly one section holds it; a
        # request that names its subject by the draft's own words ("Tỷ lệ hồ sơ giải quyết đúng hạn
        # tại Trung tâm ... đề nghị giữ nguyên") is at the one section holding those words.
        subject = None
        if not probe and e["op"] == "comment":
            probe = subject = _subject_words(e.get("quote") or "")
        found = g.sections_holding(strip_ellipsis(probe)[0]) if probe else []
        if subject and not found:
            found = _headed(tree, subject)
        if len(found) == 1:
            e["target"] = found[0].address
            e.setdefault("note", render(msg("no place named: located by the quoted text")))
            return _shape(g, e, found[0])
        reason = (msg("no section named, and the quoted text is in several places") if len(found) > 1 else
                  msg("no section named: the instruction says what to change but not where"))
        doc["unresolved"].append(_unresolved(e, reason, [s.address for s in found] or g.suggest(e.get("quote") or "")))
        return None
    if target in SPECIAL:
        if isinstance(e.get("anchor"), dict) and "_basis" in e["anchor"]:
            return _basis_line(g, e)
        if target == "*" and e["op"] == "comment" and not words and not e.get("_page") and _adds(e.get("quote") or ""):
            # "Đề nghị bổ sung vào dự thảo một chương ...", "Dự thảo Luật cần bổ sung quy định về ...": the
            # whole draft is no place for a new part; where it goes is the person's choice
            doc["unresolved"].append(_unresolved({**e, "target": None}, msg("a new part for the draft, with no place named"),
                                                 g.suggest(e.get("quote") or "")))
            return None
        if target == "*":
            _keep_results(g, e, range(len(tree.blocks)))
        if target == "*" and e.get("_page") and words:
            found = g.sections_holding(words)
            if len(found) == 1:
                e["target"] = found[0].address
            elif not found:
                doc["unresolved"].append(_unresolved(e, msg("page reference: the quoted text is not in the draft")))
                return None
        return e
    try:
        section = _resolve(tree, target)
    except ResolveError as err:
        new_unit = _new_unit(tree, e, target)
        if new_unit is not None:
            return new_unit
        found = g.sections_holding(strip_ellipsis(probe)[0]) if probe else []
        if len(found) == 1 and not err.candidates:
            e["note"] = render(msg("“{target}” is not in the draft ({reason}); located by the quoted text", target=target,
                                    reason=err.message))
            e["target"] = found[0].address
            return _shape(g, e, found[0])
        if getattr(err, "ambiguous", False) and probe:
            # "khoản 3" of several documents: the one candidate that holds the quoted words is meant
            named = [s for s in (resolve_target(tree, c) for c in err.candidates) if s is not None]
            holders = [s for s in named if g.holds(s, strip_ellipsis(probe)[0])]
            inner = [s for s in holders if not any(o is not s and o.address.startswith(s.address + ".") for o in holders)]
            if len(inner) == 1 and all(inner[0].address.startswith(o.address + ".") or o is inner[0] for o in holders):
                holders = inner  # "mục 2.2": II.2 holds the words only through II.2.2, the part meant
                e["note"] = render(msg("“{target}” names several places; the quoted text is in {found}", target=target,
                                        found=holders[0].address))
                e["target"] = holders[0].address
                return _shape(g, e, holders[0])
        doc["unresolved"].append(_unresolved(e, err.message, err.candidates))
        return None
    if section.address == "*" and target != "*":
        return _ground_one(g, {**e, "target": "*"}, doc, current)  # "của Quy chế" in the Quy chế: the whole draft
    if getattr(section, "kind", None) == "document" and e["op"] == "comment" and e.get("_from_group") and not words \
            and _adds(e.get("quote") or ""):
        # "Về dự thảo Quy chế: đề nghị bổ sung quy định về ...": an attached document named only as the
        # items' topic is no place for a new part either (one the letter names, "vào Phụ lục 01", is);
        # the candidates are its own parts
        doc["unresolved"].append(_unresolved({**e, "target": None}, msg("a new part for the draft, with no place named"),
                                             [c for c in g.suggest(e.get("quote") or "", limit=8)
                                              if c.startswith(section.address + ":")][:3]))
        return None
    if e.get("_new"):
        return as_comment(e, msg("{section} exists: a new one in its place is for the drafter", section=section.address))
    conflict = _title_conflict(tree, target, section)
    if conflict is not None:
        doc["unresolved"].append(_unresolved(e, *conflict))
        return None
    e["target"] = section.address
    if probe and e["op"] != "comment":
        probe_words, _cut = strip_ellipsis(probe)
        if probe_words and not g.holds(section, probe_words):
            found = [s for s in g.sections_holding(probe_words) if s is not section]
            if len(found) == 1 and words:
                e["note"] = render(msg("the letter names {named}; the quoted text is in {found}", named=section.address,
                                        found=found[0].address))
                e["target"] = found[0].address
                return _shape(g, e, found[0])
    if e.get("_phrase_end"):
        return _phrase_end(g, e, section)
    if e.get("_value_of"):
        return _value_named(g, e, section)
    if e.get("_sentence_end"):
        return _sentence_end(g, e, section)
    if e["op"] == "append" and not e.get("anchor") and not e.get("cells") and not e.get("_table"):
        e = _next_list_item(g, e, section)
    if isinstance(e.get("anchor"), dict) and "_sentence_k" in e["anchor"]:
        return _nth_sentence(g, e, section)
    if e.get("_cell_described"):
        return _cell_described(g, e, section)
    if e.get("_row_value"):
        return _row_value(g, e, section)
    if e.get("_cell_value") or e.get("_col") and e.get("_table"):
        return _cell_value(g, e, section)
    if e.get("_table") and e.get("find"):
        tabled = _in_table(g, e, section)
        if tabled is not e:
            return tabled  # the table (and the row) the letter names narrow the place
    if e["op"] == "delete" and e.get("_rowdel"):
        return _row_deleted(g, e, section)
    if e["op"] == "comment" and e.get("_table") and e.get("_row") is not None:
        _comment_row(g, e, section)
    if words and e["op"] in ("replace_text", "delete") and not e.get("scope"):
        section = _narrowed(g, section, strip_ellipsis(words)[0])
        e["target"] = section.address
    elif e["op"] == "comment" and not probe and not e.get("row") and section.children:
        # "Tại nội dung đánh giá nguyên nhân về hạ tầng công nghệ thông tin (Mục 3 Phần III)": the one
        # part of the place whose heading the sentence names
        from .lexicon import lexicon

        quote = e.get("quote") or ""
        asked = lexicon().rx("request.markers").search(quote)
        said = " " + fold(quote[: asked.start()] if asked else "") + " "  # the place as the sentence names it
        named = [c for c in section.children if c.title and len(fold(re.sub(r"(?i)^\W*(?:về|đối với)\s+", "", c.title)).split()) >= 3
                 and " " + fold(re.sub(r"(?i)^\W*(?:về|đối với)\s+", "", c.title)).strip(" .:") + " " in said]
        if len(named) == 1:
            section = named[0]
            e["target"] = section.address
    elif e["op"] == "comment" and probe and not e.get("row"):
        # "Đối với Phần III, ... để làm rõ nhận định “cải thiện rõ nét”": the comment goes where the
        # draft's words it quotes are, inside the part named
        section = _narrowed(g, section, strip_ellipsis(probe)[0])
        e["target"] = section.address
    return _shape(g, e, section)


def _narrowed(g: Ground, section, words: str):
    """The most specific place the letter's place and its quoted words together name: the one
    part of ``section`` that holds every occurrence of the words ("Tại Mục III, nhiệm vụ “X” ..."
    -> the item of Mục III that says X)."""
    holders = [s for s in g.sections_holding(words) if s is section or s.address.startswith(section.address + ".")]
    if len(holders) != 1 or holders[0] is section or not g.holds(holders[0], words):
        return section
    return holders[0]


def resolve_target(tree, target: str):
    """The section an (already grounded) target names, or None."""
    if target in SPECIAL and target != "*":
        return getattr(tree, target, None)
    try:
        return _resolve(tree, target)
    except ResolveError:
        return None


def _resolve(tree, target: str):
    """The section a target names.  A chapter (or its Mục) written before an Điều only confirms
    it -- an Điều's number runs through the whole law -- so when the full chain names nothing,
    the chain from the Điều on is tried, and kept when its section lies in that chapter.  A title
    in brackets is checked by ``_title_conflict`` (it may describe the part, or its outer part)."""
    try:
        return resolve_reference(tree, target)
    except ResolveError as err:
        bare = re.sub(r"\s*\([^()]+\)\s*$", "", target)
        if bare != target and re.search(r"\d|\b[IVX]+\b", bare):
            try:
                section = resolve_reference(tree, bare)
            except ResolveError:
                raise err
            if _title_conflict(tree, target, section) is None:
                return section
            raise
        if not re.search(r"\d|\b[IVX]+\b", target) and len(target.split()) >= 2:
            # "Về phương hướng, nhiệm vụ: ..." names the part headed "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG
            # CUỐI NĂM 2022": the one heading that opens with the words; "phần kiến nghị" the one
            # headed "ĐỀ XUẤT, KIẾN NGHỊ": the one whose heading lists them
            key = fold(target)
            for like in (lambda t: re.match(re.escape(key) + r"(?![\w])", fold(t)),
                         lambda t: key in (fold(x) for x in re.split(r"[,;]|\bvà\b", t, flags=re.I))):
                found = [x for x in tree.walk() if like(x.title or "")]
                if len(found) == 1:
                    return found[0]
                if found:
                    break
        m = re.search(r"(?i)\bĐiều\s+\d+[a-zđ]?\b.*$", target)
        lead = target[: m.start()] if m else ""
        if not m or not re.search(r"(?i)\b(?:chương|mục|phần)\s+\S+", lead):
            raise
        try:
            section = resolve_reference(tree, m.group(0).strip(" ,"))
        except ResolveError:
            raise err
        chapter = re.search(r"(?i)\bchương\s+([IVXLC]+|\d+)", lead)
        if chapter and not section.address.split(":")[-1].upper().startswith(chapter.group(1).upper() + "."):
            raise err
        return section


_NUMBERED_LAST = re.compile(r"(?i)^(?P<kind>khoản|điểm|điều|tiểu mục|mục)\s+(?P<num>\d+[a-zđ]?|[a-zđ])\b(?P<rest>.*)$")


_RANK = {"phần": 0, "chương": 0, "mục": 1, "điều": 2, "khoản": 3, "điểm": 4}  # a law's nesting (locations'
#   _LEVEL_RANK puts mục level with điều, as reports number them; a new unit named outside-in is a law's)
_PIECE = re.compile(r"(?i)(phần|chương|mục|điều|khoản|điểm)\s+([\w.]+)")


def _inner_first(target: str) -> str:
    """'Điều 8 Khoản 3' (written from the outside in) as references name the unit: 'Khoản 3 Điều 8'."""
    pieces = list(_PIECE.finditer(target))
    if len(pieces) < 2 or _PIECE.sub("", target).strip(" ,") or \
            any(_RANK[a.group(1).lower()] >= _RANK[b.group(1).lower()] for a, b in zip(pieces, pieces[1:])):
        return target
    return " ".join(f"{p.group(1).capitalize()} {p.group(2)}" for p in reversed(pieces))


def _new_unit(tree, e: dict, target: str) -> dict | None:
    """'bổ sung khoản 3 với nội dung: “3. ...”' where Điều 3 has only khoản 1 and 2: the letter adds
    a new unit -- after the one numbered before it, the new text (its label first) as its heading."""
    if e["op"] not in ("append", "prepend", "replace") or not (e.get("paragraphs") or e.get("text")):
        return None
    title = re.search(r"\s*\(([^()]{3,120})\)\s*$", target)  # "tiểu mục 4 (Sở Văn hóa ...)": its title
    if title:
        target = target[: title.start()]
        if any(_similar(fold(title.group(1)), fold(s.title or "")) for s in tree.walk()):
            return None  # the title names a section the draft has: a wrong number, not a new unit
    target = _inner_first(target.strip())
    m = _NUMBERED_LAST.match(target)
    if not m:
        return None
    try:
        resolve_reference(tree, target)
        return None  # it exists: not a new one
    except ResolveError:
        pass
    from .operations import _previous_label

    prev = _previous_label(m.group("num").lower())
    if prev is None:
        return None
    try:
        before = resolve_reference(tree, f"{m.group('kind')} {prev}{m.group('rest')}")
    except ResolveError:
        return None
    paras = list(e.get("paragraphs") or [e.get("text")])
    label, _ = split_label(paras[0])
    if title:
        num = m.group("num")
        paras.insert(0, f"Điều {num}. {clean(title.group(1))}" if m.group("kind").lower() == "điều" else
                     f"{num}) {clean(title.group(1))}" if m.group("kind").lower() == "điểm" else
                     f"{num}. {clean(title.group(1))}")
    elif label is None or clean(label).lower().replace("điều ", "") != m.group("num").lower():
        kind = m.group("kind").capitalize()
        paras[0] = (f"Điều {m.group('num')}. " if kind == "Điều" else
                    f"{m.group('num')}) " if kind == "Điểm" else f"{m.group('num')}. ") + paras[0]
    out = {"n": e["n"], "op": "insert_after", "target": before.address, "heading": paras[0]}
    if paras[1:]:
        out["paragraphs"] = paras[1:]
    out["quote"] = e.get("quote", "")
    out["note"] = render(msg("“{target}” is not in the draft: a new one after {before}", target=target,
                             before=before.address))
    return {**out, **{k: v for k, v in e.items() if k.startswith("_")}}


def _headed(tree, words: str) -> list:
    """The one section whose heading the words name ("... tại Trung tâm Phục vụ hành chính công
    tỉnh" names the part headed "a) Tại Trung tâm Phục vụ hành chính công tỉnh")."""
    key = fold(words)
    out = []
    for s in tree.walk():
        title = fold(re.sub(r"^(?:tại|về|đối với)\s+", "", s.title or "", flags=re.I))
        if len(title.split()) >= 4 and re.search(r"(?<![\w])" + re.escape(title) + r"(?![\w])", key):
            out.append(s)
    deepest = [s for s in out if not any(o is not s and o.address.startswith(s.address + ".") for o in out)]
    return deepest if len(deepest) == 1 else []


def _basis_line(g: Ground, e: dict) -> dict:
    """"vào sau căn cứ thứ nhất": the k-th line of the preamble that opens with "Căn cứ" is the
    anchor (its words, as the planner finds a sentence); no such line: a comment."""
    k = e["anchor"]["_basis"]
    pre = getattr(g.tree, "preamble", None)
    lines = [clean(g.tree.text(i)) for i in (range(pre.start, pre.end) if pre is not None else ())]
    lines = [t for t in lines if re.match(r"(?i)căn cứ\b", t)]
    if not 1 <= k <= len(lines):
        return as_comment(e, msg("the preamble has no căn cứ line {k}: left to the drafter", k=k))
    e["anchor"] = {"sentence": lines[k - 1]}
    return e


def _subject_words(quote: str) -> str | None:
    """The words a request opens with, before its verb of asking: the draft's own words naming
    what it is about ("Tỷ lệ hồ sơ giải quyết đúng và trước hạn ... đề nghị giữ nguyên")."""
    m = re.match(r"^\W*(?P<s>[^,;:“”\"]{25,160}?)\s+(?:đề nghị|kiến nghị|cần|nên|phải)\b", quote, re.I)
    if m and re.match(r"(?i)(?:trong\s+)?(?:trường hợp|nếu|khi|giả sử)\b", m.group("s")):
        return None  # "Trường hợp Trung tâm tiếp nhận hồ sơ ngoài giờ thì cần ...": a condition, not a subject
    return m.group("s").strip() if m else None


def _shrink(g: Ground, e: dict, section) -> dict:
    """An insertion or a deletion read out of a quoted sentence ("thêm “X” vào câu “... Y (X) ...”")
    carries the whole sentence as its context; the draft says how little of it finds the place
    once: the words just before the change (two at least), else just after."""
    f, r = e["find"].split(" "), e["replace"].split(" ")
    p = 0
    while p < min(len(f), len(r)) and f[p] == r[p]:
        p += 1
    q = 0
    while q < min(len(f), len(r)) - p and f[-1 - q] == r[-1 - q]:
        q += 1
    if p + q != len(f) and p + q != len(r):
        return e  # words replaced, not only added or dropped
    if p + q < 3:
        return e

    def once(words: list[str]) -> bool:
        w = norm(" ".join(words))
        return sum(len(re.findall(r"(?<![\w])" + re.escape(w) + r"(?![\w])", g.block(i)))
                   for i in g.content_blocks(section, e.get("scope"))) == 1

    if p >= 2:
        for k in range(2, p + 1):
            if once(f[p - k:len(f) - q]):
                return {**e, "find": " ".join(f[p - k:len(f) - q]), "replace": " ".join(r[p - k:len(r) - q])}
    elif q >= 2:
        for k in range(2, q + 1):
            if once(f[p:len(f) - q + k]):
                return {**e, "find": " ".join(f[p:len(f) - q + k]), "replace": " ".join(r[p:len(r) - q + k])}
    return e


def _nth_sentence(g: Ground, e: dict, section) -> dict:
    """"câu thứ hai" of a part (its sentences counted across its paragraphs): that sentence's words
    are the anchor; a part with sub-parts, or no such sentence, is a comment."""
    from ..match import sentences

    k = e["anchor"]["_sentence_k"]
    said = []  # the part's sentences in order, across its paragraphs
    for i in g.paragraphs(section):
        raw = clean(g.tree.text(i))
        said.extend(raw[a:b] for a, b in sentences(raw))
    if section.children or not 1 <= k <= len(said) or said.count(said[k - 1]) != 1:
        return as_comment(e, msg("the part is not one paragraph: which sentence is meant is left to the drafter"))
    e["anchor"] = {"sentence": said[k - 1]}
    return e


def _next_list_item(g: Ground, e: dict, section) -> dict:
    """'bổ sung vào cuối danh mục văn bản ... văn bản sau: “4. Quyết định số ...”' where the part's list
    "1. ... 3. ..." is followed by more text: the new item goes after item 3, not at the part's end."""
    paras = list(e.get("paragraphs") or [e.get("text") or ""])
    label, _ = split_label(paras[0])
    if not label or not label.isdigit() or int(label) < 2:
        return e
    blocks = g.paragraphs(section)
    before = [i for i in blocks if re.match(rf"{int(label) - 1}[.)]\s", clean(g.tree.text(i)))]
    if len(before) != 1 or before[0] == blocks[-1]:
        return e  # no such item, several, or it is the part's last paragraph: the end is right
    words = clean(g.tree.text(before[0])).split()
    prefix = next((" ".join(words[:k]) for k in range(4, min(len(words), 12) + 1)
                   if g.count_in(section, " ".join(words[:k])) == 1), None)
    if prefix is None:
        return e
    out = {x: v for x, v in e.items() if x != "text"}
    return {**out, "op": "insert_after", "anchor": {"sentence_prefix": prefix}, "paragraphs": paras}


def _followed(words: str, new: str) -> str:
    """``words`` with ``new`` after them: a space between, none before a comma or semicolon."""
    return words + ("" if new[:1] in ",;" else " ") + new


def _sentence_end(g: Ground, e: dict, section) -> dict:
    """Words for the end of a sentence the letter quotes: the sentence (its closing mark left where it
    is) stands once at the place, and the words follow it."""
    said = e["_sentence_end"].rstrip(" .;:")
    if len(said.split()) < 3 or g.count_in(section, said) != 1:
        return as_comment(e, msg("the quoted text is not in {section}: left to the drafter", section=section.address))
    new = e["replace"]
    out = {x: v for x, v in e.items() if x != "_sentence_end"}
    return {**out, "find": said, "replace": _followed(said, new)}


def _value_named(g: Ground, e: dict, section) -> dict:
    """A value the letter names in its words and sets to a new one: the one of its figures that stands
    exactly once at the place is the words changed; none or several, a comment."""
    held = [v for v in e["_value_of"] if g.count_in(section, v) == 1]
    if len(held) != 1:
        return as_comment(e, msg("the value to change is not found once in {section}: left to the drafter",
                                 section=section.address))
    out = {x: v for x, v in e.items() if x != "_value_of"}
    return {**out, "find": held[0]}


def _phrase_end(g: Ground, e: dict, section) -> dict:
    """Words for the end of a part that is one paragraph, before its closing mark: the change is
    the paragraph's last words (as few as find them once) followed by the new ones."""
    why = msg("the part is not one paragraph: where the words go is left to the drafter")
    paras = g.paragraphs(section)
    if section.children or len(paras) != 1:
        return as_comment(e, why)
    text = clean(g.tree.text(paras[0])).rstrip()
    words = text.rstrip(".;:").split()
    new = e["replace"]
    mark = e["_phrase_end"] if isinstance(e["_phrase_end"], str) else None
    if mark is not None:
        # the closing mark changed: it must be the one the letter names
        if not text.endswith(mark) or text.endswith(mark * 2):
            return as_comment(e, why)
        words[-1] = words[-1] + mark
    # as few of the paragraph's last words as find them once (a closing mark alone: one word will do)
    find = next((f for f in (" ".join(words[-k:]) for k in range(1 if mark else 2, min(len(words), 12) + 1))
                 if g.count_in(section, f) == 1), None)
    if find is None:
        return as_comment(e, why)
    out = {x: v for x, v in e.items() if x != "_phrase_end"}
    if mark is not None:
        return {**out, "find": find, "replace": find[: -len(mark)] + new}
    return {**out, "find": find, "replace": _followed(find, new)}


def _part_rewrite(g: Ground, e: dict, section) -> tuple[dict, object]:
    """'Ở Điều 3, khái niệm “hồ sơ điện tử” nên sửa thành: “Hồ sơ điện tử là ...”': new text with no
    labels for a unit that has numbered parts is one part's new words, never the whole unit's.  It
    changes the one part it opens like; when none (or several) does, it is a comment."""
    new = e.get("paragraphs") or ([e["text"]] if e.get("text") else [])
    if e["op"] != "replace" or not new or e.get("anchor") or e.get("scope") or \
            any(split_label(p)[0] is not None for p in new):
        return e, section
    if not section.children:
        # one new paragraph for a part of several: the one paragraph it opens like, only
        body = [i for i in range(section.start, section.end)
                if g.tree.blocks[i].tag.endswith("}p") and g.block(i).strip()]
        words = norm(new[0]).split()[:3]
        like = [k for k, i in enumerate(body, 1) if len(words) == 3 and norm(g.block(i)).split()[:3] == words]
        if len(new) == 1 and len(body) > 1 and len(like) == 1:
            e["anchor"] = {"paragraph": like[0]}
            e.setdefault("note", render(msg("the new words are those of paragraph {k} of {section}", k=like[0],
                                             section=section.address)))
        return e, section
    words = norm(new[0]).split()[:3]
    if section.inline and section.heading is not None and len(new) == 1 and len(words) == 3 and \
            norm(split_label(g.block(section.heading))[1] or "").split()[:3] == words:
        e["scope"] = "lead"  # the khoản's own sentence before its điểm: the điểm stay
        return e, section
    like = []
    for child in section.children:
        if child.heading is None:
            continue
        _label, text = split_label(g.block(child.heading))
        if len(words) == 3 and norm(text or "").split()[:3] == words:
            like.append(child)
    if len(like) == 1 and len(new) == 1:
        e["target"] = like[0].address
        e.setdefault("note", render(msg("the new words are those of {part}, one part of {section}", part=like[0].address,
                                         section=section.address)))
        return _part_rewrite(g, e, like[0])
    return as_comment(e, msg("{section} has {count} parts and the new text names none of them: left to the drafter",
                              section=section.address, count=len(section.children))), section


def _own_again(g: Ground, e: dict, section) -> dict | None:
    """'bổ sung khoản 3 Điều 5 như sau: “3. ...”' where khoản 3 exists: new words under the khoản's own
    label are its new wording when they open like it (a rewrite), else a comment (a new khoản 3 and
    the renumbering of the others is for the drafter)."""
    if e["op"] not in ("append", "prepend") or section.heading is None or not (e.get("paragraphs") or e.get("text")):
        return None
    paras = list(e.get("paragraphs") or [e["text"]])
    label, rest = split_label(paras[0])
    own = (section.number or "").rstrip(".)").lower()
    if label is None or not own or clean(label).rstrip(".)").lower().replace("điều ", "") != own:
        return None
    if clean(label).lower().startswith("điều") != (getattr(section, "kind", "") == "dieu"):
        return None  # "2. ..." at the head of Điều 2 is a khoản's label, not the Điều's own
    _l, text = split_label(g.block(section.heading))
    if section.inline and norm(rest or "").split()[:3] == norm(text or "").split()[:3]:
        out = {k: v for k, v in e.items() if k != "text"}
        return {**out, "op": "replace", "paragraphs": [rest] + paras[1:], "_rewrite": True,
                "note": render(msg("the new wording of {section}", section=section.address))}
    return as_comment(e, msg("{section} exists: a new one in its place is for the drafter", section=section.address))


def _next_part(g: Ground, e: dict, section) -> dict | None:
    """'bổ sung vào Điều 7 một khoản mới: “4. ...”' where Điều 7 ends with khoản 3: the new words
    are its next part, after the last one (in the draft's own numbering, typed or Word's)."""
    if e["op"] != "append" or not section.children or not (e.get("paragraphs") or e.get("text")):
        return None
    paras = list(e.get("paragraphs") or [e["text"]])
    label, _rest = split_label(paras[0])
    last = section.children[-1]
    if label is None:
        return None
    from .operations import _previous_label

    num = clean(label).rstrip(".)").lower()
    if _previous_label(num) != (last.number or "").rstrip(".)").lower():
        return None
    out = {"n": e["n"], "op": "insert_after", "target": last.address, "heading": paras[0]}
    if paras[1:]:
        out["paragraphs"] = paras[1:]
    out["quote"] = e.get("quote", "")
    out["note"] = render(msg("a new part after {part}", part=last.address))
    return {**out, **{k: v for k, v in e.items() if k.startswith("_")}}


def _shape(g: Ground, e: dict, section) -> dict:
    """Final touches that need the draft: a rewritten unit's own label; 'the rest as it is'; the
    context of an insertion read out of a quoted sentence, cut to what finds it once; new words
    the place already has are kept."""
    if e.get("_rest_as_is"):
        return _rest_as_is(g, e, section)
    if e["op"] in ("replace_text", "delete") and e.get("find") and not e.get("scope") and section.heading is not None \
            and not section.inline and g.count_in(section, e["find"]) == 0 \
            and g.count_in(section, e["find"], "heading") == 1:
        # "Tại tên tiểu mục 6.4, đề nghị sửa cụm từ “...”": words only the part's heading holds
        e["scope"] = "heading"
    if _new_row(g, e, section):
        return _row_cells(g, e, section) or as_comment(
            e, msg("a new row of the table in {section}: its cells are for the drafter", section=section.address))
    cell = _in_cell(g, e, section)
    if cell is not None:
        return cell
    nxt = _next_part(g, e, section) or _own_again(g, e, section)
    if nxt is not None:
        if nxt["op"] == "replace":
            return _shape(g, nxt, section)
        return nxt
    _keep_results(g, e, g.content_blocks(section, e.get("scope")))
    e, section = _part_rewrite(g, e, section)
    if e["op"] == "comment":
        return e
    if e["op"] == "replace_text" and e.get("_context"):
        e = _shrink(g, e, section)
    if e.get("_table") and e.get("find"):
        e = _in_table(g, e, section)
    if e["op"] == "replace" and e.get("paragraphs") and not e.get("anchor") and section.kind in (
            "khoan", "diem", "dieu") and section.heading is not None:
        label, rest = split_label(e["paragraphs"][0])
        own = (section.number or "").rstrip(".")
        if label is not None and fold(label).replace("dieu ", "") == fold(own):
            e["heading"] = rest
            more = e["paragraphs"][1:]
            if more:
                e["paragraphs"] = more
            else:
                e.pop("paragraphs")
    return e


def _rest_as_is(g: Ground, e: dict, section) -> dict:
    """New text ending in "...": change the beginning of the paragraph it starts like."""
    e.pop("_rest_as_is", None)
    new = e.get("paragraphs") or [e.get("text", "")]
    prefix, _ = strip_ellipsis(new[-1])
    words = norm(prefix).split()
    if len(new) == 1 and len(words) >= 3:
        first = " ".join(words[:3])
        last = " ".join(words[-2:])
        for i in g.section_blocks(section):
            t = g.block(i)
            at = t.find(first)
            if at < 0:
                continue
            end = t.find(last, at)
            if end < 0:
                continue
            old = t[at:end + len(last)]
            if old != norm(prefix):
                return {"n": e["n"], "op": "replace_text", "target": section.address, "find": old,
                        "replace": norm(prefix), "quote": e.get("quote", ""),
                        "note": render(msg("the new text ends with “...”: only its beginning changes")),
                        **{k: v for k, v in e.items() if k.startswith("_")}}
            break
    return as_comment(e, msg("the new text ends with “...” and its beginning was not found: left to the drafter"))


def _title_conflict(tree, target: str, section) -> tuple[str, list[str]] | None:
    """A bracketed title that names another section than the number does."""
    m = re.search(r"\(([^()]+)\)\s*$", target)
    if not m:
        return None
    want = fold(m.group(1))
    up = section
    while up is not None:
        # "khoản 2 Mục II (Mục tiêu)": the title may be the chain's outer part's
        if not want or _similar(want, fold(up.title)):
            return None
        up = up.parent
    others = [s.address for s in tree.walk() if s is not section and _similar(want, fold(s.title))]
    return (f"the number names {section.display} but the title in brackets is “{m.group(1)}”",
            [section.address] + others)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) >= 0.7 * min(len(wa), len(wb))
