#!/usr/bin/env python3
"""Precision and recall of ``redline extract``, per operation, plus the accounting and the
harmful edits (tracked changes the letter did not ask for), on three kinds of set:

- ``fixtures`` (default): every ``fixtures/letters/<name>.(txt|docx|pdf)`` with a
  ``<name>.expected.json`` and the seed letter, each against the draft ``drafts.json`` names;
  ``fixtures:released`` only the eight letters of held-back set 1 (released as development
  material, fixtures/letters/README.md), ``fixtures:earlier`` all the others;
- a folder given as an argument (held-back letters: ``python scripts/evaluate_extract.py
  /work/team/heldout``): the same layout; an expected file may name its draft with a
  ``"draft"`` key (a path relative to the folder, or a file name in fixtures/drafts/);
- ``real``: the hand judgments ``fixtures/letters/real/judgments.json`` (format
  ``redline-real-judgments/1``, see that file's header) scored against the texts in
  ``$REDLINE_REAL_LETTERS`` (skipped, with one line, when that is not set or absent).

"all" is scored over the instruction classes (edits, comments, unresolved); "ignored" is
reported on its own line (an expected file does not list every ignored sentence).  A second
"all" line, when it differs, counts an unresolved instruction right by its words alone: the
expected file's candidate places are a writer's guess of where it might go, which the first
line demands among redline's own suggestions.

Fixture-style sets: an extracted instruction is matched to an expected one by its content,
never by its number "n" (writers number a letter's clauses differently): an edit when its op,
target and payload (find/replace/exclude/anchor/heading/paragraphs/text/scope/occurrence/row/
column/cells; text compared after NFC and one space) equal an expected one's (a change of words
matches with or without the bullet, paragraph or table column that holds them when one side names
none: the same words change); a comment when
its target does (a comment at a table's row also when it lands on the same row in Word, the place
named by the table or by the part holding it); an unresolved instruction when the expected candidates are offered and the
quoted words overlap.  "ignored" is matched by text.  Harmful: an extracted tracked change
(any op but comment) that no expected edit matches.

Real set: each judged unit (a span of the letter) is compared with the units extract made
from the same words: the kind (edit / comment / unresolved / ignored) and, for an edit, the
op, the target (its parts, any order) and the SHA-1 of the normalised words; for a comment,
the target.  ``bổ sung “X” vào sau từ “Y”`` counts as insert_after Y of X whichever way it
is written.  Harmful: a tracked change where the judgment asks for none, or another one.

Usage: python scripts/evaluate_extract.py [SET ...] [--verbose]
       (SET: fixtures, fixtures:released, fixtures:earlier, real, or a folder)
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from redline.letters.extract import extract, extract_text  # noqa: E402
from redline.text import clean, fold  # noqa: E402

LETTERS = ROOT / "fixtures" / "letters"
DRAFTS = ROOT / "fixtures" / "drafts"
DRAFT = DRAFTS / "cchc-typed.docx"
SEED_JSON = ROOT / "fixtures" / "edits" / "seed-letter.json"
JUDGMENTS = LETTERS / "real" / "judgments.json"
PAYLOAD = ("find", "replace", "exclude", "anchor", "heading", "paragraphs", "text", "scope", "occurrence",
           "row", "column", "cells")
KINDS = ("edit", "comment", "unresolved", "ignored")
# Held-back set 1: measured first at P 0.35 / R 0.59 / 3 harmful, then released (fixtures/letters/README.md).
RELEASED = ("bandoc", "dbqh", "email-pnv", "hoiluatgia", "kyson", "phieu", "skhcn", "stp-thamdinh")


class Score:
    def __init__(self, name: str):
        self.name = name
        self.tp: dict[str, int] = defaultdict(int)
        self.fp: dict[str, int] = defaultdict(int)
        self.fn: dict[str, int] = defaultdict(int)
        self.harmful: list[str] = []
        self.accounting: dict[str, int] = defaultdict(int)
        self.letters = 0
        self.senders: list[bool] = []
        self.unresolved_words = 0  # unresolved instructions matched by their words alone (candidates not compared)

    def report(self) -> str:
        out = [f"== {self.name}: {self.letters} letter(s)",
               f"{'op':<14}{'expected':>9}{'extracted':>10}{'right':>7}{'precision':>11}{'recall':>8}"]
        T = F = N = 0
        for op in sorted((set(self.tp) | set(self.fp) | set(self.fn)) - {"ignored"}):
            t, f, n = self.tp[op], self.fp[op], self.fn[op]
            T, F, N = T + t, F + f, N + n
            out.append(f"{op:<14}{t + n:>9}{t + f:>10}{t:>7}{_ratio(t, t + f):>11.2f}{_ratio(t, t + n):>8.2f}")
        out.append(f"{'all':<14}{T + N:>9}{T + F:>10}{T:>7}{_ratio(T, T + F):>11.2f}{_ratio(T, T + N):>8.2f}")
        extra = self.unresolved_words - self.tp["unresolved"]
        if extra > 0:
            # the same, an unresolved instruction right when its words are (the expected file's candidate
            # places, a writer's guess of where it might go, not compared): a second figure, never the first
            t2 = T + extra
            out.append(f"{'all, unres. by words':<14}{T + N:>5}{T + F:>10}{t2:>7}{_ratio(t2, T + F):>11.2f}"
                       f"{_ratio(t2, T + N):>8.2f}   (candidate places not compared)")
        t, f, n = self.tp["ignored"], self.fp["ignored"], self.fn["ignored"]
        out.append(f"{'(ignored)':<14}{t + n:>9}{t + f:>10}{t:>7}{_ratio(t, t + f):>11.2f}{_ratio(t, t + n):>8.2f}"
                   "   (not in all: expected files do not list every ignored sentence)")
        acc = ", ".join(f"{self.accounting[k]} {k}" for k in KINDS)
        out.append(f"accounting: {sum(self.accounting.values())} sentence(s): {acc}")
        if self.senders:
            out.append(f"sender: {sum(self.senders)}/{len(self.senders)} letters read as the judgments expect "
                       "(the header's or signature's organisation, or none)")
        out.append(f"harmful edits (tracked changes the letter did not ask for): {len(self.harmful)}")
        return "\n".join(out)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _norm(v):
    if isinstance(v, str):
        return clean(v)
    if isinstance(v, list):
        return [_norm(x) for x in v]
    if isinstance(v, dict):
        return {k: _norm(x) for k, x in v.items()}
    return v


_LABEL = re.compile(r"^(?:Điều\s+\d+[a-zđ]?\s*[.:]|\d+(?:\.\d+)*\s*[.)]|[a-zđ]\))\s+")


def key(e: dict, anchor: bool = True) -> str:
    fields = {k: _norm(e.get(k)) for k in PAYLOAD if anchor or k not in ("anchor", "column")}
    if e["op"] == "replace" and fields.get("paragraphs"):
        # a rewritten unit's own label ("Điều 2. ...", "1. ...") is its label either way: apply keeps it
        fields["paragraphs"] = [_LABEL.sub("", fields["paragraphs"][0])] + fields["paragraphs"][1:]
    fields["op"] = e["op"]
    fields["target"] = e["target"]
    if e["op"] == "comment":
        # a comment is right at the right place; how its instruction is numbered (2.b or 3) and
        # worded is the letter's, not the reading's
        fields = {"op": "comment", "target": e["target"]}
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------------------- fixture-style sets

def fixture_cases(folder: Path, only=None):
    manifest = folder / "drafts.json"  # {"default": draft, "letters": {stem: draft}} (fixtures/letters/README.md)
    drafts = json.loads(manifest.read_text("utf-8")) if manifest.is_file() else {}
    for exp in sorted(folder.glob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        if only is not None and not only(stem):
            continue
        letter = next((p for p in folder.glob(stem + ".*") if p.suffix in (".txt", ".docx", ".pdf")), None)
        if letter is None:
            continue
        expected = json.loads(exp.read_text("utf-8"))
        draft = expected.get("draft") or drafts.get("letters", {}).get(stem) or drafts.get("default")
        if draft:
            draft = next((p for p in (folder / draft, DRAFTS / draft, ROOT / draft) if p.is_file()), None)
        yield stem, letter, expected, draft or DRAFT
    seed = folder / "seed-letter.txt"
    if folder == LETTERS and seed.is_file() and SEED_JSON.is_file() and (only is None or only("seed-letter")):
        from redline.letters.grounding import draft_outline, resolve_reference

        hand = json.loads(SEED_JSON.read_text("utf-8"))
        tree = draft_outline(DRAFT)
        for e in hand["edits"]:
            e["target"] = resolve_reference(tree, e["target"]).address
        hand.setdefault("unresolved", [])
        hand.setdefault("ignored", [])
        yield "seed-letter", seed, hand, DRAFT


def _overlap(a: str, b: str) -> bool:
    a, b = fold(a or "", expand=False), fold(b or "", expand=False)
    return bool(a and b) and (a in b or b in a)


class Effects:
    """What one tracked change does to the draft: its text after Accept All (paragraphs and
    table cells in order), or None when it does not apply.  Cached per edit."""

    def __init__(self, draft: Path):
        self.draft = draft
        self.cache: dict[str, tuple | None] = {}

    def of(self, e: dict) -> tuple | None:
        k = json.dumps({x: v for x, v in e.items() if x not in ("n", "quote", "note", "author")},
                       ensure_ascii=False, sort_keys=True)
        if k not in self.cache:
            self.cache[k] = self._run({x: v for x, v in e.items() if x not in ("n",)})
        return self.cache[k]

    def _run(self, e: dict) -> tuple | None:
        import tempfile

        import docx
        import redline

        with tempfile.TemporaryDirectory() as tmp:
            out, acc = Path(tmp) / "out.docx", Path(tmp) / "acc.docx"
            try:
                res = redline.apply(self.draft, {"edits": [e]}, out, author="evaluate")
                if not res.applied or res.not_applied:
                    return None
                redline.accept(out, acc)
            except redline.RedlineError:
                return None
            body = docx.Document(str(acc)).element.body
            ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
            return tuple(clean("".join(t.text or "" for t in p.iter(ns + "t"))) for p in body.iter(ns + "p"))

    def anchor(self, e: dict) -> tuple | None:
        """Where a comment lands in Word: the table row its range starts in (a comment at a row,
        whether the place is named by the table or by the part holding it), else its paragraph."""
        return self._placed(e, both=False)

    def span(self, e: dict) -> tuple | None:
        """The paragraphs a comment's range starts and ends in, in Word: "II.1" (the first numbered line
        of Mục II, as the resolver reads "chỉ tiêu số 1") and "II" anchored at that line are one comment."""
        return self._placed(e, both=True)

    def _placed(self, e: dict, both: bool) -> tuple | None:
        """``_anchor`` of the comment at ``e``'s place, cached per place."""
        place = {x: v for x, v in e.items() if x in ("target", "row", "column", "anchor")}
        k = ("span:" if both else "anchor:") + json.dumps(place, ensure_ascii=False, sort_keys=True)
        if k not in self.cache:
            self.cache[k] = self._anchor({"op": "comment", "text": "x", **place}, both=both)
        return self.cache[k]

    def _anchor(self, e: dict, both: bool = False) -> tuple | None:
        import tempfile

        import docx
        import redline

        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "out.docx"
            try:
                res = redline.apply(self.draft, {"edits": [e]}, out, author="evaluate")
                if not res.applied or res.not_applied:
                    return None
            except redline.RedlineError:
                return None
            body = docx.Document(str(out)).element.body
            ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
            start = next(body.iter(ns + "commentRangeStart"), None)
            if start is None:
                return None
            if both:
                end = next(body.iter(ns + "commentRangeEnd"), None)
                paras = list(body.iter(ns + "p"))
                ends = [next((a for a in x.iterancestors(ns + "p")), None) for x in (start, end) if x is not None]
                return tuple(paras.index(p) if p is not None else None for p in ends)
            for tag in ("tr", "p"):
                up = next((a for a in start.iterancestors(ns + tag)), None)
                if up is not None:
                    return tag, list(body.iter(ns + tag)).index(up)
            return None


def score_fixtures(folder: Path, name: str, verbose: bool, only=None) -> Score:
    sc = Score(name)
    for stem, path, expected, draft in fixture_cases(folder, only):
        sc.letters += 1
        got = extract(path, draft=draft)
        for entry in got.get("accounting", []):
            sc.accounting[entry["outcome"]] += 1
        pool = defaultdict(list)
        for e in expected["edits"]:
            pool[key(e)].append(e)
        loose = defaultdict(list)  # a change of words with or without the bullet / paragraph holding them
        for e in expected["edits"]:
            if e["op"] in ("replace_text", "delete") and e.get("find"):
                loose[key(e, anchor=False)].append(e)
        unmatched = []
        for e in got["edits"]:
            k = key(e)
            alike = next((x for x in loose.get(key(e, anchor=False), []) if x in pool.get(key(x), [])
                          and all(not x.get(k) or not e.get(k) or x[k] == e[k] for k in ("anchor", "column"))), None) \
                if e["op"] in ("replace_text", "delete") and e.get("find") else None
            if not pool.get(k) and alike is not None:
                k = key(alike)
            if pool.get(k):
                pool[k].remove(alike if alike is not None and alike in pool[k] else pool[k][-1])
                sc.tp[e["op"]] += 1
            else:
                unmatched.append(e)
        # second pass: a tracked change written another way (a new paragraph as "text" or as
        # "paragraphs", a table by its number or by its section, a cell with or without its
        # column) is right when it changes the draft exactly as an expected one does; a comment
        # at a row, when it lands on the same row
        effects = Effects(draft)
        for e in unmatched:
            twin = None
            if e["op"] != "comment":
                mine = effects.of(e)
                twin = next((x for left in pool.values() for x in left
                             if x["op"] != "comment" and mine is not None and effects.of(x) == mine), None)
            elif e.get("row") is not None:
                # a comment at a table's row, the place named by the table or by the part holding
                # it: the same row in Word
                mine = effects.anchor(e)
                twin = next((x for left in pool.values() for x in left if x["op"] == "comment"
                             and x.get("row") is not None and mine is not None and effects.anchor(x) == mine), None)
            else:
                # a comment whose range covers the same paragraphs in Word as an expected one's, however
                # the two name the place ("II.1" for the first numbered line of Mục II, or "II" at that line)
                mine = effects.span(e)
                twin = next((x for left in pool.values() for x in left if x["op"] == "comment"
                             and x.get("row") is None and mine is not None and effects.span(x) == mine), None)
            if twin is not None:
                pool[key(twin)].remove(twin)
                sc.tp[twin["op"]] += 1
                continue
            sc.fp[e["op"]] += 1
            if e["op"] != "comment":
                sc.harmful.append(f"{stem}: {e['op']} n={e.get('n')} {e['target']}")
            if verbose:
                print(f"  {stem}: unexpected {e['op']} n={e.get('n')} {e['target']}")
        for left in pool.values():
            for e in left:
                sc.fn[e["op"]] += 1
                if verbose:
                    print(f"  {stem}: missed {e['op']} n={e.get('n')} {e['target']}")
        left = list(got["unresolved"])
        loose_left = list(got["unresolved"])
        for u in expected.get("unresolved", []):
            by_words = next((g for g in loose_left if _overlap(g.get("quote"), u.get("quote"))), None)
            if by_words is not None:
                loose_left.remove(by_words)
                sc.unresolved_words += 1
            # by content: the instruction's words, and (at least) the candidates a person chooses from
            hit = next((g for g in left if _overlap(g.get("quote"), u.get("quote"))
                        and set(u.get("candidates", [])) <= set(g.get("candidates", []))), None)
            if hit is not None:
                left.remove(hit)
                sc.tp["unresolved"] += 1
            else:
                sc.fn["unresolved"] += 1
                if verbose:
                    print(f"  {stem}: missed unresolved n={u.get('n')}")
        sc.fp["unresolved"] += len(left)
        if verbose:
            for g in left:
                print(f"  {stem}: unexpected unresolved n={g.get('n')} {g.get('quote', '')[:80]}")
        same = lambda x: re.sub(r"[\"“”]", '"', clean(x))  # noqa: E731  (a sentence as written: any quote marks)
        exp_ign = [same(x) for x in expected.get("ignored", [])]
        for x in got["ignored"]:
            if same(x) in exp_ign:
                exp_ign.remove(same(x))
                sc.tp["ignored"] += 1
            else:
                sc.fp["ignored"] += 1
        sc.fn["ignored"] += len(exp_ign)
    return sc


# ---------------------------------------------------------------------------- the real set

_QUOTE_MARKS = "\"'“”‘’«»„"


def norm_words(text: str) -> str:
    """The judgments' normalisation (fixtures/letters/real/README.md), before hashing."""
    t = unicodedata.normalize("NFC", text or "")
    t = re.sub(r"[\s\u00a0\u200b\u2060\ufeff]+", " ", t).strip()
    prev = None
    while prev != t:
        prev = t
        t = t.strip().strip(_QUOTE_MARKS).strip()
        t = re.sub(r"^(?:…|\.\.\.)\s*", "", t)
        t = re.sub(r"\s*(?:…|\.\.\.)$", "", t)
    return re.sub(r"[.;]$", "", t).strip()


def sha(text: str) -> str:
    return hashlib.sha1(norm_words(text).encode("utf-8")).hexdigest()


_NUMBERED = re.compile(r"\b(phan|chuong|muc|tieu muc|dieu|khoan|diem|tiet)\s+"
                       r"([ivxlc]+(?:\.\d+)*|\d+(?:\.\d+)*[a-z]?|[a-z])(?![\w])")
_GENERIC = re.compile(r"^(?:(?:phan|muc|noi dung|doan|tai|o|trong|ve)\s+)+")


def target_key(t: str | None) -> str:
    """'điểm đ khoản 3 Điều 4', 'Điều 4, Khoản 3, Điểm đ' and 'Chương II, Điều 4, khoản 3, điểm đ'
    are one place (an Điều's number runs through the whole law, so a chapter or part written
    before it only confirms it); a place named by its heading's words keeps its words."""
    if not t:
        return ""
    t = re.sub(r"\([^()]*\)\s*$", "", t)
    f = fold(t, expand=False)
    parts = dict(_NUMBERED.findall(f))
    if parts:
        if "dieu" in parts:
            parts.pop("chuong", None)
            parts.pop("phan", None)
        return " ".join(sorted(f"{k}:{v.strip('.')}" for k, v in parts.items()))
    return _GENERIC.sub("", f)


def same_target(mine: str | None, want) -> bool:
    """A judged target may list several acceptable places; a heading's words match when one
    holds the other ("phần mục tiêu chủ yếu" and "mục tiêu chủ yếu nhiệm kỳ ...")."""
    wants = want if isinstance(want, list) else [want]
    a = target_key(mine)
    for w in wants:
        b = target_key(w)
        if a == b:
            return True
        if ":" not in a and ":" not in b and w not in ("*", "title", "preamble", "closing") and a and b \
                and (a in b or b in a):
            return True
    return False


_TOKEN = re.compile(r"\w+|[^\w\s]")


class Words:
    """A string as word and punctuation tokens that keep their place in it (so a run of tokens
    is cut back out of the string with its own spacing)."""

    def __init__(self, text: str):
        self.text = norm_words(text)
        self.spans = [m.span() for m in _TOKEN.finditer(self.text)]
        self.tokens = [self.text[a:b] for a, b in self.spans]

    def cut(self, i: int, j: int) -> str:
        """Tokens i..j-1 as written, without separators at the ends."""
        if i >= j:
            return ""
        return self.text[self.spans[i][0]:self.spans[j - 1][1]].strip(" ,;:")


def _edges(a: list[str], b: list[str]) -> tuple[int, int]:
    """Lengths of the common token prefix and suffix of a and b (not overlapping)."""
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


def canonical(e: dict) -> list[dict]:
    """An extracted edit in every form the judgments may write the same change in.

    A replacement "f" -> "r" (our replace_text) is also: the same change with more or less
    unchanged context around it; an insertion of the added words after any run of words that
    ends right before them (before: starts right after them); a deletion of the dropped words;
    and "the target's text becomes r" (a rewrite of the provision the letter quoted).  Each is
    the same document after the edit, so each is the same edit (README: another op reaching the
    same result is correct; the hashes are the strict check)."""
    out = {"op": e["op"], "target": target_key(e.get("target"))}
    if e["op"] == "replace_text":
        f, r = Words(e["find"]), Words(e["replace"])
        forms = [{**out, "find_sha1": sha(e["find"]), "replace_sha1": sha(e["replace"])},
                 {"op": "replace", "target": out["target"], "text_sha1": sha(e["replace"])}]
        nf, nr = len(f.tokens), len(r.tokens)
        p, s = _edges(f.tokens, r.tokens)
        for k in range(0, min(p, 10) + 1):
            for m in range(0, min(s, 10) + 1):
                forms.append({**out, "find_sha1": sha(f.cut(p - k, nf - s + m)),
                              "replace_sha1": sha(r.cut(p - k, nr - s + m))})
        dropped, added = f.cut(p, nf - s), r.cut(p, nr - s)
        if added and not dropped:
            for k in range(1, p + 1):
                forms.append({"op": "insert_after", "target": out["target"], "anchor_sha1": sha(f.cut(p - k, p)),
                              "text_sha1": sha(added)})
            for k in range(1, s + 1):
                forms.append({"op": "insert_before", "target": out["target"],
                              "anchor_sha1": sha(f.cut(nf - s, nf - s + k)), "text_sha1": sha(added)})
        if dropped and not added:
            forms.append({"op": "delete", "target": out["target"], "find_sha1": sha(dropped)})
        return forms
    if e.get("find"):
        out["find_sha1"] = sha(e["find"])
    anchor = e.get("anchor") or {}
    if anchor.get("sentence") or anchor.get("sentence_prefix"):
        out["anchor_sha1"] = sha(anchor.get("sentence") or anchor.get("sentence_prefix"))
    words = e.get("text") or "\n".join(e.get("paragraphs") or []) or e.get("heading")
    if words and e["op"] != "delete":
        out["text_sha1"] = sha(words)
    return [out]


def edit_matches(e: dict, want: dict) -> bool:
    want_c = {k: v for k, v in want.items() if k not in ("kind", "target")}
    for form in canonical(e):
        if all(form.get(k) == v for k, v in want_c.items()) and (
                "target" not in want or same_target(e.get("target"), want["target"])):
            return True
    return False


def _chunks(text: str) -> list[str]:
    t = fold(text, expand=False)
    return [t[i:i + 30] for i in range(0, max(1, len(t) - 29), 15)] if len(t) >= 30 else [t]


def units_of_spans(body: str, judged: list[dict], entries: list[dict]) -> list[list[dict]]:
    """For each judged span, the accounting entries (extracted units) made from its words.

    An entry belongs to the span(s) holding most of its words, and a short span belongs to the
    entry whose words hold it whole: a quotation repeated in two sentences does not tie the
    second sentence's edit to the first."""
    spans = [fold(body[j["span"][0]:j["span"][1]], expand=False) for j in judged]
    mine: list[list[dict]] = [[] for _ in judged]
    for a in entries:
        chunks = _chunks(a["text"])
        hits = [sum(1 for c in chunks if c and c in s) for s in spans]
        best = max(hits, default=0)
        if best * 3 < len(chunks):
            best = 0  # a few words in common (a quotation repeating a cited law) do not make it that span's
        whole = fold(a["text"], expand=False)
        for i, h in enumerate(hits):
            if best and h == best or len(spans[i]) >= 12 and spans[i] in whole:
                mine[i].append(a)
    return mine


def score_real(name: str, verbose: bool) -> Score | None:
    folder = os.environ.get("REDLINE_REAL_LETTERS")
    if not folder or not Path(folder).is_dir() or not JUDGMENTS.is_file():
        print(f"== {name}: skipped (set REDLINE_REAL_LETTERS to the folder of the real letters' texts)")
        return None
    data = json.loads(JUDGMENTS.read_text("utf-8"))
    sc = Score(name)
    senders = {s["id"]: s.get("expected_sender") for s in data["sources"]}
    by_id = defaultdict(list)
    for j in data["judgments"]:
        by_id[j["id"]].append(j)
    for sid, judged in by_id.items():
        path = Path(folder) / f"{sid}.txt"
        if not path.is_file():
            continue
        sc.letters += 1
        raw = unicodedata.normalize("NFC", path.read_text("utf-8"))
        body = raw.split("\n", 1)[1] if "\n" in raw else ""
        got = extract_text(body)
        want_sender = senders.get(sid)
        sc.senders.append(fold(got.get("author") or "", expand=False) == fold(want_sender or "", expand=False))
        if verbose and not sc.senders[-1]:
            print(f"  {sid}: sender {got.get('author')!r}, want {want_sender!r}")
        for entry in got.get("accounting", []):
            sc.accounting[entry["outcome"]] += 1
        edits_by_quote = defaultdict(list)
        for e in got["edits"]:
            edits_by_quote[clean(e.get("quote", ""))].append(e)
        used_edits: set[int] = set()
        owned = units_of_spans(body, judged, got.get("accounting", []))
        # A judged span cut short (it ends inside the citation before the request): an entry in
        # no span whose edit is exactly one a judgment wants belongs to that judgment.
        placed = {id(a) for m in owned for a in m}
        for a in got.get("accounting", []):
            if id(a) in placed:
                continue
            for e in edits_by_quote.get(clean(a["text"]), []):
                for j, m in zip(judged, owned):
                    if e["op"] != "comment" and j["expected"]["kind"] == "edit" and edit_matches(e, j["expected"]):
                        m.append(a)
                        break
        for j, mine in zip(judged, owned):
            want = j["expected"]
            kinds = [a["outcome"] for a in mine] or ["ignored"]
            kind = next(k for k in KINDS if k in kinds)
            edits = [e for a in mine for e in edits_by_quote.get(clean(a["text"]), [])]
            for e in edits:
                used_edits.add(id(e))
            right = False
            if want["kind"] == "edit":
                right = any(e["op"] != "comment" and edit_matches(e, want) for e in edits)
            elif want["kind"] == "comment":
                right = kind == "comment" and (not want.get("target") or any(
                    e["op"] == "comment" and same_target(e.get("target"), want["target"])
                    for e in edits))
            elif want["kind"] == "unresolved":
                # README: "a request with no place in the draft. A comment on `*` is acceptable".
                right = kind == "unresolved" or kind == "comment" and all(
                    e.get("target") == "*" for e in edits if e["op"] == "comment")
            else:
                right = kind == want["kind"]
            label = want.get("op", want["kind"]) if want["kind"] == "edit" else want["kind"]
            mine_label = next((e["op"] for e in edits if e["op"] != "comment"), kind) if kind == "edit" else kind
            if right:
                sc.tp[label] += 1
            else:
                sc.fn[label] += 1
                sc.fp[mine_label] += 1
                if verbose:
                    print(f"  {sid} n={j['n']}: want {json.dumps(want, ensure_ascii=False)[:120]}, got {mine_label}"
                          + "".join(f"\n      got {e['op']} {e.get('target')}" for e in edits))
            for e in edits:
                if e["op"] != "comment" and not (want["kind"] == "edit" and edit_matches(e, want)):
                    sc.harmful.append(f"{sid} n={j['n']}: {e['op']} {e.get('target')}")
        for e in got["edits"]:
            if id(e) not in used_edits and e["op"] != "comment":
                sc.harmful.append(f"{sid}: {e['op']} {e.get('target')} (no judged unit)")
    return sc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=["fixtures", "real"],
                    help="fixtures, fixtures:released, fixtures:earlier, real, or a folder of letters")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    for s in args.sets:
        if s == "fixtures":
            sc = score_fixtures(LETTERS, "fixture letters", args.verbose)
        elif s == "fixtures:released":
            sc = score_fixtures(LETTERS, "fixture letters: held-back set 1 (released)", args.verbose,
                                lambda stem: stem in RELEASED)
        elif s == "fixtures:earlier":
            sc = score_fixtures(LETTERS, "fixture letters: the earlier ones", args.verbose,
                                lambda stem: stem not in RELEASED)
        elif s == "real":
            sc = score_real("real letters (hand judgments)", args.verbose)
        else:
            sc = score_fixtures(Path(s), f"letters in {s}", args.verbose)
        if sc is not None:
            print(sc.report())
            if args.verbose:
                for h in sc.harmful:
                    print(f"  harmful: {h}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
