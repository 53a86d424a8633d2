"""Property-based tests (hypothesis): tests that search, not just enumerate (issue 7).

1. Random drafts, random valid edits.  A draft is drawn as a tree of sections with typed labels
   ("I.", "1.", "1.2.", "a)"; 1-4 levels; bold headings), body paragraphs of Vietnamese-ish
   sentences with numbers ("4.820", "97,5%"), lists ("A, B, C") and bullets ("- "), optionally a
   title block, a preamble and a closing.  Each paragraph is stored the messy way: runs cut at
   random places (also mid-word), bold / italic / size on some runs, some paragraphs in NFD, some
   spaces non-breaking.  Then edits of every op (and every anchor kind) against sections that do
   not contain one another.  For each example:
     * pandoc's Reject All of the output == the draft's text (the model, which is also what pandoc
       reads in the draft);
     * pandoc's Accept All == the text the edits describe, computed here from the document model by
       plain string operations (``Doc.apply_*``), never with redline's code;
     * redline's own reject/accept (``redline.revisions``) agree, where that module exists;
     * ``redline.check(out, original=draft)`` has no findings, once ``redline.check`` exists;
     * on a subset (its own test, fewer examples): openxml-audit finds no new errors, XSD none.
2. Mutated edits files (from fixtures/edits/*.json: wrong types, unknown / missing fields, huge
   strings, nested garbage, broken JSON): ``redline.apply`` either succeeds or raises a
   ``RedlineError`` - never another exception - and leaves no output file when it raises.

Cost is bounded for CI (derandomized, a few dozen examples each, no example database);
``scripts/soak.py --examples N`` runs the same properties longer with fresh seeds.  Environment:
``REDLINE_PROPERTY_EXAMPLES`` (examples per property), ``REDLINE_PROPERTY_SEED`` (a seed: random
instead of derandomized), ``REDLINE_PROPERTY_KEEP`` (folder where a failing example's draft, edits
and output are copied; default /tmp/redline-property-failures).
"""
from __future__ import annotations

import copy
import json
import os
import random
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, Phase, assume, event, given, note, seed, settings
from hypothesis import strategies as st

import oracles
import redline
from conftest import FIXTURES
from redline.errors import ConflictError, RedlineError

EXAMPLES = int(os.environ.get("REDLINE_PROPERTY_EXAMPLES", "0") or 0)
SEED = os.environ.get("REDLINE_PROPERTY_SEED")
SHRINK = os.environ.get("REDLINE_PROPERTY_SHRINK") == "1"  # an example costs ~1 s: CI does not shrink
KEEP = Path(os.environ.get("REDLINE_PROPERTY_KEEP", "/tmp/redline-property-failures"))


def _settings(ci_examples: int) -> settings:
    return settings(
        max_examples=EXAMPLES or ci_examples,
        deadline=None,
        derandomize=SEED is None,
        database=None,
        print_blob=True,
        phases=list(Phase) if SHRINK else [Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


def _seeded(fn):
    return seed(int(SEED))(fn) if SEED is not None else fn


# Known bugs the search would keep finding can be steered around here, so a soak run finds
# others (REDLINE_PROPERTY_AVOID_BUGS=1).  None is known now: the last one (a replaced last
# section of the body; see test_replacing_the_last_section_of_the_body_rejects_to_the_draft)
# was fixed, so by default drafts may end right after a section.
AVOID_KNOWN_BUGS = os.environ.get("REDLINE_PROPERTY_AVOID_BUGS") == "1"


# --------------------------------------------------------------------------- vocabulary

WORDS = (
    "cải cách hành chính thủ tục hồ sơ giải quyết trực tuyến dịch vụ cơ quan đơn vị địa phương sở ban "
    "ngành huyện thị xã cấp tỉnh tổ chức bộ máy biên chế viên chức cán bộ đào tạo bồi dưỡng năng lực "
    "chuyên môn nghiệp vụ chính quyền điện tử số hóa dữ liệu hệ thống phần mềm văn bản điều hành chữ ký "
    "kết nối liên thông chia sẻ thông tin người dân doanh nghiệp mức hài lòng phục vụ tiếp nhận trả kết "
    "quả bộ phận một cửa hiện đại kiểm tra giám sát đánh giá chỉ số xếp hạng triển khai thực hiện nhiệm "
    "giải pháp trọng tâm tiếp tục đẩy mạnh nâng cao chất lượng hiệu quả hiệu lực minh bạch công khai "
    "trách người đứng đầu kỷ luật cương tài chính ngân sách cơ chế tự chủ quy trình nội bộ rà soát đơn "
    "giản hóa pháp luật sửa đổi bổ sung tuyên truyền phổ biến nhận thức hạ tầng công nghệ an toàn bảo "
    "mật thiết bị đầu tư nguồn lực kinh phí phối hợp hướng dẫn đôn đốc định kỳ tồn tại hạn chế nguyên "
    "nhân khách quan bài học kinh nghiệm phương hướng"
).split()
# Words a paragraph may start with: nothing that reads as a document type ("Báo cáo", "Kế hoạch"),
# a keyword label ("Phần", "Mục", "Điều", "Chương"), the closing ("Trên đây") or the signature block
# ("Nơi nhận").
FIRST_WORDS = ("Công Việc Kết Nhìn Đồng Ngoài Tiếp Qua Các Hầu Tổng Trong Bên Nhiều Đa Từng Số Riêng "
               "Toàn Hiện").split()
UNITS = ("hồ sơ", "thủ tục", "đơn vị", "lượt", "văn bản")
LETTERS = "abcdđeghiklmn"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
NBSP = "\u00a0"


def norm(text: str) -> str:
    return oracles.norm(text)


# --------------------------------------------------------------------------- the document model


@dataclass(eq=False)
class Para:
    """One paragraph as a reader sees it (NFC, plain spaces).  ``kind``: heading, body, title,
    preamble, closing.  The storage fields say how the .docx holds it."""

    kind: str
    text: str
    sentences: list[str] = field(default_factory=list)  # body paragraphs that are not bullets
    members: list[str] = field(default_factory=list)  # list members ("A, B, C") in the text
    bullet: bool = False
    label: str = ""  # headings: "1.2."
    title: str = ""
    # storage
    cuts: list[int] = field(default_factory=list)
    fmt: list[tuple[bool, bool, int | None]] = field(default_factory=list)  # per run: bold, italic, size
    nfd: bool = False
    nbsp: list[int] = field(default_factory=list)  # offsets of spaces stored as U+00A0
    sep: str = " "  # headings: the character after the label

    def __repr__(self) -> str:
        return f"Para({self.kind}, {self.text!r})"


@dataclass(eq=False)
class Sec:
    address: str
    label: str
    level: int
    heading: Para
    body: list[Para] = field(default_factory=list)
    children: list["Sec"] = field(default_factory=list)
    parent: "Sec | None" = None

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def items(self) -> list[Para]:
        """Every paragraph the section owns, heading first, in document order."""
        out = [self.heading, *self.body]
        for c in self.children:
            out += c.items()
        return out

    def all_body(self) -> list[Para]:
        """Body paragraphs of the section and its subsections (headings excluded)."""
        return [p for p in self.items() if p.kind == "body"]

    def contains(self, other: "Sec") -> bool:
        return other.address == self.address or other.address.startswith(self.address + ".")

    def __repr__(self) -> str:
        return f"Sec({self.address})"


@dataclass(eq=False)
class Doc:
    title: list[Para]
    preamble: list[Para]
    sections: list[Sec]
    closing: list[Para]

    def walk(self):
        for s in self.sections:
            yield from s.walk()

    def paragraphs(self) -> list[Para]:
        out = [*self.title, *self.preamble]
        for s in self.sections:
            out += s.items()
        return out + self.closing

    def lines(self) -> list[str]:
        return oracles.norm_paragraphs(p.text for p in self.paragraphs())

    def describe(self) -> str:
        return "\n".join(f"{p.kind:8} {p.text}" for p in self.paragraphs())


class Counter:
    def __init__(self):
        self.n = 10

    def __call__(self) -> int:
        self.n += 1
        return self.n


# --------------------------------------------------------------------------- strategies: text


def words(r, lo=1, hi=4) -> list[str]:
    return [r.choice(WORDS) for _ in range(r.randint(lo, hi))]


def number(r, counter: Counter) -> str:
    """A figure as reports write it; the counter keeps every sentence of a draft unique."""
    n = counter()
    kind = r.choice(["count", "thousands", "percent"])
    if kind == "count":
        return f"{n} {r.choice(UNITS)}"
    if kind == "thousands":
        return f"{n}.{r.randint(0, 999):03d} {r.choice(UNITS)}"
    return f"{n},{r.randint(1, 9)}%"


def sentence(r, counter: Counter) -> tuple[str, list[str]]:
    """(sentence, its list members): a capitalised sentence ending in '.', one unique figure,
    sometimes a list "gồm A, B, C" at its end."""
    first = r.choice(FIRST_WORDS)
    w = [first, *words(r, 2, 7)]
    w.insert(r.randint(1, len(w)), number(r, counter))
    members: list[str] = []
    if r.randint(0, 3) == 0:
        members = r.sample(WORDS, r.randint(2, 4))
        text = " ".join(w) + " gồm " + ", ".join(members) + "."
    else:
        text = " ".join(w) + "."
    return text, members


def body_para(r, counter: Counter, kind: str = "body") -> Para:
    if kind == "body" and r.randint(0, 3) == 0:
        w = [r.choice(FIRST_WORDS), *words(r, 2, 8)]
        w.insert(r.randint(1, len(w)), number(r, counter))
        text = "- " + " ".join(w) + r.choice([";", ";", "."])
        return Para(kind, text, bullet=True)
    got = [sentence(r, counter) for _ in range(r.randint(1, 3))]
    return Para(kind, " ".join(s for s, _ in got), sentences=[s for s, _ in got],
                members=[m for _, ms in got for m in ms])


def title_text(r, caps: bool = False) -> str:
    w = words(r, 2, 6)
    t = " ".join(w)
    return t.upper() if caps else t[0].upper() + t[1:]


def new_paragraphs(r, counter: Counter, near: list[Para] | None = None) -> list[str]:
    """Texts of new paragraphs: fresh ones, or (to exercise the word diff and the paragraph
    alignment) old ones with a few words changed, some dropped, some added."""
    out = []
    if near and (r.random() < 0.5):
        for p in near:
            choice = r.choice(["keep", "edit", "edit", "drop"])
            if choice == "keep":
                out.append(p.text)
            elif choice == "edit":
                toks = p.text.split(" ")
                for _ in range(r.randint(1, 3)):
                    i = r.randint(0, len(toks) - 1)
                    op = r.choice(["ins", "del", "sub"])
                    if op == "ins":
                        toks.insert(i + 1, r.choice(WORDS))
                    elif op == "del" and len(toks) > 3 and 0 < i < len(toks) - 1:
                        del toks[i]
                    else:
                        toks[i] = r.choice(WORDS) if 0 < i < len(toks) - 1 else toks[i]
                out.append(" ".join(toks))
            if r.randint(0, 4) == 0:
                out.append(body_para(r, counter).text)
        if out:
            return out
    return [body_para(r, counter).text for _ in range(r.randint(1, 3))]


# --------------------------------------------------------------------------- strategies: draft


def storage(r, p: Para, *, heading: bool) -> Para:
    """Decide how the paragraph is stored: run cuts, formatting, NFD, NBSP."""
    n = len(p.text)
    k = r.randint(0, min(6, n - 1))
    p.cuts = sorted(set(r.randint(1, n - 1) for _ in range(k))) if n > 1 else []
    runs = len(p.cuts) + 1
    fmt = []
    for _ in range(runs):
        bold = True if heading else r.randint(0, 4) == 0
        italic = r.randint(0, 5) == 0
        size = r.choice([None, None, None, 26, 28])
        fmt.append((bold, italic, size))
    if not heading and p.kind != "title" and all(b for b, _, _ in fmt):
        fmt[0] = (False, fmt[0][1], fmt[0][2])
    if p.kind == "title":
        fmt = [(True, i, s) for _, i, s in fmt]
    p.fmt = fmt
    p.nfd = r.randint(0, 4) == 0
    spaces = [i for i, c in enumerate(p.text) if c == " "]
    if spaces and r.randint(0, 3) == 0:
        p.nbsp = sorted(set(r.choice(spaces) for _ in range(r.randint(1, 3))))
    return p


def section(r, counter: Counter, level: int, number: str, address: str, parent_num: str,
            max_level: int) -> Sec:
    if level == 1:
        label = number + "."
    elif level == 2:
        label = number + "."
    elif level == 3:
        label = f"{parent_num}.{number}."
    else:
        label = number + ")"
    title = title_text(r, caps=level == 1 and (r.random() < 0.5))
    sep = r.choice([" ", " ", " ", NBSP])
    heading = Para("heading", f"{label} {title}", label=label, title=title, sep=sep)
    storage(r, heading, heading=True)
    sec = Sec(address, label, level, heading)
    n_children = r.randint(1 if level <= 2 else 0, 3) if level < max_level else 0
    lo = 0 if n_children else 1
    sec.body = [storage(r, body_para(r, counter), heading=False)
                for _ in range(r.randint(lo, 3))]
    own = label.rstrip(".)") if level in (2, 3) else ""
    for i in range(1, n_children + 1):
        if level == 1:
            child_num, child_addr = str(i), f"{address}.{i}"
        elif level == 2:
            child_num, child_addr = str(i), f"{address}.{i}"
        else:
            child_num, child_addr = LETTERS[i - 1], f"{address}.{LETTERS[i - 1]}"
        child = section(r, counter, level + 1, child_num, child_addr, own, max_level)
        child.parent = sec
        sec.children.append(child)
    return sec


def drafts(r) -> Doc:
    counter = Counter()
    max_level = r.randint(1, 4)
    n_parts = r.randint(1, 4)
    sections = [section(r, counter, 1, ROMAN[i], ROMAN[i], "", max_level) for i in range(n_parts)]
    title, preamble, closing = [], [], []
    if (r.random() < 0.5):
        title = [Para("title", "BÁO CÁO"), Para("title", title_text(r))]
        for p in title:
            storage(r, p, heading=False)
    if (r.random() < 0.5):
        preamble = [storage(r, body_para(r, counter, "preamble"), heading=False)]
    if r.random() < 0.5 or AVOID_KNOWN_BUGS:
        s, _ = sentence(r, counter)
        closing = [storage(r, Para("closing", "Trên đây là báo cáo " + s[0].lower() + s[1:],
                                     sentences=[]), heading=False)]
    return Doc(title, preamble, sections, closing)


# --------------------------------------------------------------------------- the .docx


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para_xml(p: Para) -> str:
    text = p.text
    if p.kind == "heading" and p.sep != " ":
        cut = len(p.label)
        text = text[:cut] + p.sep + text[cut + 1:]
    if p.nbsp:
        chars = list(text)
        for i in p.nbsp:
            if chars[i] == " ":
                chars[i] = NBSP
        text = "".join(chars)
    pieces = [text[a:b] for a, b in zip([0, *p.cuts], [*p.cuts, len(text)])]
    runs = []
    for piece, (bold, italic, size) in zip(pieces, p.fmt or [(False, False, None)] * len(pieces)):
        if p.nfd:
            piece = unicodedata.normalize("NFD", piece)
        rpr = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "") + (
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
        runs.append(oracles.run(piece, rpr=rpr))
    ppr = {"heading": "<w:keepNext/><w:jc w:val=\"both\"/>", "title": "<w:jc w:val=\"center\"/>"}.get(
        p.kind, '<w:ind w:firstLine="567"/><w:jc w:val="both"/>')
    return oracles.para(*runs, ppr=ppr)


def write_docx(doc: Doc, path: Path) -> Path:
    body = "".join(para_xml(p) for p in doc.paragraphs())
    body += ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
             '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" '
             'w:footer="720" w:gutter="0"/></w:sectPr>')
    return oracles.make_docx(path, body)


# --------------------------------------------------------------------------- expected text
#
# Each edit comes with a function that changes the model as the edit says (issue 3 and 4),
# by plain string and list operations on the paragraphs.  Edits never share a section, so
# each can locate its paragraphs by identity in the current list.

Effect = Callable[[list[Para]], None]


def _new(text: str) -> Para:
    return Para("body", text)


def _index(items: list[Para], p: Para) -> int:
    return next(i for i, q in enumerate(items) if q is p)


def insert_after(p: Para, texts: list[str]) -> Effect:
    def run(items):
        i = _index(items, p) + 1
        items[i:i] = [_new(t) for t in texts]
    return run


def insert_before(p: Para, texts: list[str]) -> Effect:
    def run(items):
        i = _index(items, p)
        items[i:i] = [_new(t) for t in texts]
    return run


def remove(ps: list[Para]) -> Effect:
    def run(items):
        ids = {id(p) for p in ps}
        items[:] = [q for q in items if id(q) not in ids]
    return run


def set_text(p: Para, fn: Callable[[str], str]) -> Effect:
    def run(items):
        p.text = fn(p.text)
    return run


def both(*effects: Effect) -> Effect:
    def run(items):
        for e in effects:
            e(items)
    return run


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|\w+")


def word_hits(text: str, find: str, lo: int = 0, hi: int | None = None, *, case_sensitive=True) -> list[int]:
    """Start offsets of ``find`` in text[lo:hi] as whole words (not preceded / followed by a
    letter or digit where ``find`` starts / ends with one), left to right, non-overlapping."""
    hi = len(text) if hi is None else hi
    hay, needle = (text, find) if case_sensitive else (text.lower(), find.lower())
    out, i = [], lo
    while True:
        i = hay.find(needle, i, hi)
        if i < 0:
            return out
        e = i + len(needle)
        ok_before = i == 0 or not (needle[0].isalnum() and hay[i - 1].isalnum())
        ok_after = e == len(hay) or not (needle[-1].isalnum() and hay[e].isalnum())
        # numbers are single tokens (issue 4): "820" is not in "4.820", nor "97" in "97,5%"
        if needle[0].isdigit() and i >= 2 and hay[i - 1] in ".,/:" and hay[i - 2].isdigit():
            ok_before = False
        if needle[-1].isdigit() and e + 1 < len(hay) and hay[e] in ".,/:" and hay[e + 1].isdigit():
            ok_after = False
        if ok_before and ok_after:
            out.append(i)
            i = e
        else:
            i += 1


def substitute(text: str, hits: list[int], length: int, new: str) -> str:
    for h in sorted(hits, reverse=True):
        text = text[:h] + new + text[h + length:]
    return text


def tidy_delete(text: str, hits: list[int], length: int) -> str:
    """Delete each hit and what it leaves behind (issue 4): a list member takes its separator
    with it; no double space, no space before punctuation."""
    for h in sorted(hits, reverse=True):
        before, after = text[:h], text[h + length:]
        if after.startswith(", "):
            text = before + after[2:]
        elif before.endswith(", ") and (after == "" or after[0] in ".;)"):
            text = before[:-2] + after
        else:
            text = before + after
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r" ([,.;])", r"\1", text)
    return text.strip()


def pick_find(r, text: str, lo: int = 0, hi: int | None = None, *, for_delete: bool = False) -> str | None:
    """1-3 consecutive whole tokens of text[lo:hi] separated by single spaces; sometimes a part
    of a number ("820" of "4.820"), which must then match only where it stands alone."""
    hi = len(text) if hi is None else hi
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]
    if not toks:
        return None
    i = r.randint(0, len(toks) - 1)
    j = i
    for _ in range(r.randint(0, 2)):
        if j + 1 < len(toks) and text[toks[j][1]:toks[j + 1][0]] == " ":
            j += 1
    s, e = toks[i][0], toks[j][1]
    find = text[s:e]
    if i == j and r.randint(0, 3) == 0:
        parts = re.split(r"[.,]", find.rstrip("%"))
        if len(parts) > 1:
            find = r.choice(parts)  # a fragment: usually occurs nowhere as a whole token
            if not word_hits(text, find, lo, hi):
                return None
    if for_delete and text[e:e + 1] == ",":
        return None  # "x A, B": is "x A" a list member?  Not a question for this test.
    return find


# --------------------------------------------------------------------------- strategies: edits


@dataclass
class Planned:
    edit: dict
    effect: Effect
    why: str = ""


def direct_body(sec: Sec) -> list[Para]:
    return list(sec.body)


def section_sentences(sec: Sec) -> list[tuple[Para, int, int, str]]:
    out = []
    for p in sec.all_body():
        if p.bullet:
            continue
        pos = 0
        for s in p.sentences:
            a = p.text.index(s, pos)
            out.append((p, a, a + len(s), s))
            pos = a + len(s)
    return out


def anchor_for(r, sec: Sec, pick: int) -> tuple[dict, Para, int, int, bool] | None:
    """(anchor, paragraph, start, end, is_sentence) for a random anchor kind in ``sec``."""
    kinds = []
    body = direct_body(sec)
    if body:
        kinds.append("paragraph")
    if any(p.bullet for p in body):
        kinds.append("bullet")
    sents = section_sentences(sec)
    if sents:
        kinds += ["sentence", "sentence_prefix"]
    if not kinds:
        return None
    wanted = ANCHOR_KINDS[pick % len(ANCHOR_KINDS)]
    kind = wanted if wanted in kinds else kinds[pick % len(kinds)]
    if kind in ("paragraph", "bullet"):
        pool = body if kind == "paragraph" else [p for p in body if p.bullet]
        if (r.random() < 0.5):
            k = r.randint(1, len(pool))
            value, p = k, pool[k - 1]
        else:
            value, p = "last", pool[-1]
        return {kind: value}, p, 0, len(p.text), False
    p, a, b, s = r.choice(sents)
    if kind == "sentence":
        value = s if (r.random() < 0.5) else s.rstrip(".")
        return {"sentence": value}, p, a, b, True
    toks = s.split(" ")
    for n in range(2, len(toks) + 1):
        prefix = " ".join(toks[:n])
        if sum(1 for _, _, _, t in sents if t.startswith(prefix)) == 1:
            break
    else:
        return None
    return {"sentence_prefix": prefix + r.choice(["…", "...", ""])}, p, a, b, True


# Hypothesis draws small choices far from uniformly (index 0 comes up several times as often as
# the others), so the op, the anchored op and the anchor kind come from one drawn number spread
# over the edits of an example (``pick``), which keeps every op in play in a short CI run.
OPS = ["anchored", "replace_text", "delete_find", "append_text", "prepend_text", "replace", "replace_lead",
       "rename", "append", "prepend", "insert_after", "insert_before", "delete", "anchored"]
NEEDS_BODY = {"append_text", "prepend_text", "replace_text", "delete_find"}
ANCHORED_OPS = ["insert_after", "insert_before", "append", "prepend", "delete", "replace", "replace_text"]
ANCHOR_KINDS = ["paragraph", "bullet", "sentence", "sentence_prefix"]


def edit_for(r, doc: Doc, sec: Sec, counter: Counter, op_index: int, pick: int) -> Planned | None:
    """One valid edit on ``sec`` and its effect on the model."""
    body = sec.all_body()
    op = OPS[op_index % len(OPS)]
    if op in NEEDS_BODY and not body:
        op = "replace"
    target = sec.address
    if op == "replace":
        texts = new_paragraphs(r, counter, near=sec.items()[1:])
        edit = {"op": "replace", "target": target, "paragraphs": texts}
        effects = []
        if r.randint(0, 3) == 0:
            title = title_text(r)
            edit["heading"] = title
            effects.append(set_text(sec.heading, lambda t, title=title: f"{sec.label} {title}"))
        olds = sec.items()[1:]
        effects += [insert_after(sec.heading, texts), remove(olds)]
        return Planned(edit, both(*effects), "replace all")
    if op == "replace_lead":
        texts = new_paragraphs(r, counter, near=sec.body)
        if (r.random() < 0.5) and len(texts) == 1:
            edit = {"op": "replace", "target": target, "scope": "lead", "text": texts[0]}
        else:
            edit = {"op": "replace", "target": target, "scope": "lead", "paragraphs": texts}
        return Planned(edit, both(insert_after(sec.heading, texts), remove(list(sec.body))), "replace lead")
    if op == "rename":
        title = title_text(r)
        return Planned({"op": "replace", "target": target, "heading": title},
                       set_text(sec.heading, lambda t: f"{sec.label} {title}"), "rename")
    if op in ("append", "prepend"):
        texts = [body_para(r, counter).text for _ in range(r.randint(1, 2))]
        where = sec.items()[-1] if op == "append" else sec.heading
        return Planned({"op": op, "target": target, "paragraphs": texts}, insert_after(where, texts), op)
    if op in ("append_text", "prepend_text"):
        add = " ".join(words(r, 1, 5))
        if op == "append_text":
            return Planned({"op": "append", "target": target, "text": add},
                           set_text(body[-1], lambda t: t + " " + add), op)
        return Planned({"op": "prepend", "target": target, "text": add},
                       set_text(body[0], lambda t: add + " " + t), op)
    if op in ("insert_after", "insert_before"):
        heading = f"{sec.label} {title_text(r)}"
        texts = [body_para(r, counter).text for _ in range(r.randint(0, 2))]
        edit = {"op": op, "target": target, "heading": heading}
        if texts:
            edit["paragraphs"] = texts
        if op == "insert_after":
            return Planned(edit, insert_after(sec.items()[-1], [heading, *texts]), op)
        return Planned(edit, insert_before(sec.heading, [heading, *texts]), op)
    if op == "delete":
        return Planned({"op": "delete", "target": target}, remove(sec.items()), "delete section")
    if op == "replace_text":
        heading_scope = r.randint(0, 4) == 0
        pool = [sec.heading] if heading_scope else body
        p = r.choice(pool)
        lo = len(p.label) + 1 if heading_scope else 0
        find = pick_find(r, p.text, lo)
        if find is None:
            return None
        case_sensitive = r.randint(0, 4) != 0
        hits = {id(q): word_hits(q.text, find, len(q.label) + 1 if heading_scope else 0,
                                 case_sensitive=case_sensitive) for q in pool}
        n = sum(len(h) for h in hits.values())
        replace = " ".join(words(r, 0, 3))
        if (r.random() < 0.5):
            replace = (find + " " + replace).strip() if (r.random() < 0.5) else (replace + " " + find).strip()
        edit = {"op": "replace_text", "target": target, "find": find, "replace": replace}
        if heading_scope:
            edit["scope"] = "heading"
        if not case_sensitive:
            edit["case_sensitive"] = False
        if n > 1 and (r.random() < 0.5):
            k = r.randint(1, n)
            edit["occurrence"] = k
            flat = [(q, h) for q in pool for h in hits[id(q)]]
            q, h = flat[k - 1]
            hits = {id(x): ([h] if x is q else []) for x in pool}
        effects = [set_text(q, lambda t, hs=hits[id(q)], ln=len(find): substitute(t, hs, ln, replace))
                   for q in pool if hits[id(q)]]
        return Planned(edit, both(*effects), "replace_text")
    if op == "delete_find":
        p = r.choice(body)
        if p.members and (r.random() < 0.5):
            find = r.choice(p.members)
        else:
            find = pick_find(r, p.text, 2 if p.bullet else 0, for_delete=True)
        if find is None:
            return None
        # every occurrence in the section goes; each must be a question this test can answer
        for q in body:
            for h in word_hits(q.text, find):
                if q.text[h + len(find):h + len(find) + 1] == "," and find not in q.members:
                    return None
        effects = [set_text(q, lambda t, f=find: tidy_delete(t, word_hits(t, f), len(f))) for q in body]
        return Planned({"op": "delete", "target": target, "find": find}, both(*effects), "delete find")
    # anchored edits
    got = anchor_for(r, sec, pick // len(ANCHORED_OPS))
    if got is None:
        return None
    anchor, p, a, b, is_sentence = got
    aop = ANCHORED_OPS[pick % len(ANCHORED_OPS)]
    edit = {"op": aop, "target": target, "anchor": anchor}
    after = aop in ("insert_after", "append")
    if aop in ("insert_after", "insert_before", "append", "prepend"):
        if (r.random() < 0.5):
            add = " ".join(words(r, 1, 5))
            edit["text"] = add
            if after:
                return Planned(edit, set_text(p, lambda t: t[:b] + " " + add + t[b:]), f"anchored {aop} text")
            return Planned(edit, set_text(p, lambda t: t[:a] + add + " " + t[a:]), f"anchored {aop} text")
        texts = [body_para(r, counter).text for _ in range(r.randint(1, 2))]
        edit["paragraphs"] = texts
        return Planned(edit, (insert_after if after else insert_before)(p, texts), f"anchored {aop} paragraphs")
    if aop == "delete":
        if is_sentence:
            return Planned(edit, set_text(p, lambda t: t[:a] + " " + t[b:]), "anchored delete sentence")
        return Planned(edit, remove([p]), "anchored delete paragraph")
    if aop == "replace":
        if is_sentence:
            new, _ = sentence(r, counter)
            edit["text"] = new
            return Planned(edit, set_text(p, lambda t: t[:a] + new + t[b:]), "anchored replace sentence")
        if (r.random() < 0.5):
            texts = new_paragraphs(r, counter, near=[p])
            edit["paragraphs"] = texts
            return Planned(edit, both(insert_after(p, texts), remove([p])), "anchored replace paragraphs")
        new = new_paragraphs(r, counter, near=[p])[0]
        edit["text"] = new
        return Planned(edit, set_text(p, lambda t: new), "anchored replace text")
    find = pick_find(r, p.text, a, b)
    if find is None:
        return None
    hits = word_hits(p.text, find, a, b)
    hits = [h for h in hits if h + len(find) <= b]
    replace = " ".join(words(r, 1, 3))
    edit.update(find=find, replace=replace)
    return Planned(edit, set_text(p, lambda t: substitute(t, hits, len(find), replace)), "anchored replace_text")


def special_edit(r, doc: Doc, part: str, counter: Counter) -> Planned | None:
    """replace_text on the preamble, the closing or the whole document ("*")."""
    if part == "*":
        pool = [p for p in doc.paragraphs() if p.kind in ("body", "preamble", "closing")]
    else:
        pool = getattr(doc, part)
    if not pool:
        return None
    p = r.choice(pool)
    find = pick_find(r, p.text)
    if find is None:
        return None
    if part == "*":  # the whole document: headings too (their titles: a find is never a label)
        pool = [p for p in doc.paragraphs() if p.kind in ("body", "preamble", "closing", "heading")]
    replace = " ".join(words(r, 1, 3))
    hits = {id(q): word_hits(q.text, find) for q in pool}
    effects = [set_text(q, lambda t, hs=hits[id(q)]: substitute(t, hs, len(find), replace)) for q in pool
               if hits[id(q)]]
    return Planned({"op": "replace_text", "target": part, "find": find, "replace": replace}, both(*effects),
                   f"replace_text {part}")


def _mix(a: int, b: int) -> int:
    """A well-spread number from two small ones (splitmix64's finaliser)."""
    z = (a * 0x9E3779B97F4A7C15 + b * 0xBF58476D1CE4E5B9 + 0x94D049BB133111EB) % 2**64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) % 2**64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) % 2**64
    return z ^ (z >> 31)


def edit_sets(r, doc: Doc) -> list[Planned]:
    """1-8 edits on sections none of which contains another (so none may conflict); the k-th
    takes the op ``OPS[offset + 5k]``, so one example mixes several ops."""
    counter = Counter()
    counter.n = 5000
    offset = r.randint(0, 10**6)
    if _mix(offset, 99) % 10 == 3:
        got = special_edit(r, doc, "*", counter)
        if got is not None:
            return [got]
    secs = list(doc.walk())
    order = r.sample(secs, len(secs))
    chosen: list[Sec] = []
    want = 1 + _mix(offset, 97) % 8
    for s in order:
        if len(chosen) >= want:
            break
        if any(c.contains(s) or s.contains(c) for c in chosen):
            continue
        chosen.append(s)
    planned = []
    for k, s in enumerate(chosen):
        got = edit_for(r, doc, s, counter, offset + 5 * k, _mix(offset, k))
        if got is not None:
            planned.append(got)
    for part in ("preamble", "closing"):
        if _mix(offset, 98) % 4 == (part == "closing"):
            got = special_edit(r, doc, part, counter)
            if got is not None:
                planned.append(got)
    return planned


# --------------------------------------------------------------------------- running one example


def _note(text: str) -> None:
    """hypothesis.note inside a test; nothing outside one (scripts/soak.py --replay prints)."""
    from hypothesis.errors import InvalidArgument

    try:
        note(text)
    except InvalidArgument:
        pass


def keep_failure(tmp: Path, name: str) -> Path:
    dest = KEEP / name
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(tmp, dest)
    return dest


def expected_lines(doc: Doc, planned: list[Planned]) -> list[str]:
    items = doc.paragraphs()
    for pl in planned:
        pl.effect(items)
    return oracles.norm_paragraphs(p.text for p in items)


def run_example(doc: Doc, planned: list[Planned], *, audit: bool = False) -> None:
    original = doc.lines()
    edits = {"author": "Sở Thông tin và Truyền thông", "date": "2022-07-15T08:00:00Z",
             "edits": [p.edit for p in planned]}
    _note("draft:\n" + "\n".join(original))
    _note("edits: " + json.dumps(edits["edits"], ensure_ascii=False, indent=1))
    with tempfile.TemporaryDirectory(prefix="redline-prop-") as tmp_:
        tmp = Path(tmp_)
        draft = write_docx(doc, tmp / "draft.docx")
        expected = expected_lines(doc, planned)  # changes the model: after the draft is written
        (tmp / "edits.json").write_text(json.dumps(edits, ensure_ascii=False, indent=1), "utf-8")
        (tmp / "expected.txt").write_text("\n".join(expected) + "\n", "utf-8")
        out = tmp / "out.docx"
        try:
            redline.apply(draft, tmp / "edits.json", out)
        except ConflictError as exc:  # sections never contain each other: a conflict is a bug
            where = keep_failure(tmp, f"conflict-{abs(hash(json.dumps(edits))) % 10**8}")
            raise AssertionError(f"unexpected conflict ({where}): {exc}") from None
        except RedlineError as exc:
            where = keep_failure(tmp, f"error-{abs(hash(json.dumps(edits))) % 10**8}")
            raise AssertionError(f"valid edits refused ({where}): {exc}") from None
        problems = []
        rejected = oracles.pandoc_paragraphs(out, "reject")
        if rejected != original:
            drafted = oracles.pandoc_paragraphs(draft, "reject")
            if drafted != original:
                problems.append("GENERATOR: pandoc does not read the draft as the model says:\n"
                                + _diff(original, drafted))
            else:
                problems.append("Reject All != the draft:\n" + _diff(original, rejected))
        accepted = oracles.pandoc_paragraphs(out, "accept")
        if accepted != expected:
            problems.append("Accept All != the intended text:\n" + _diff(expected, accepted))
        if oracles.docx_paragraphs(out, "reject") != rejected:
            problems.append("redline.revisions reject_all disagrees with pandoc:\n"
                            + _diff(rejected, oracles.docx_paragraphs(out, "reject")))
        if oracles.docx_paragraphs(out, "accept") != accepted:
            problems.append("redline.revisions accept_all disagrees with pandoc:\n"
                            + _diff(accepted, oracles.docx_paragraphs(out, "accept")))
        findings = redline.check(out, original=draft)
        if findings:
            problems.append("redline.check findings: " + "; ".join(map(str, findings)))
        if audit:
            errors = oracles.new_audit_errors(out, draft)
            if errors:
                problems.append("openxml-audit: " + "; ".join(errors[:5]))
            xsd = oracles.xsd_errors(out)
            if xsd:
                problems.append("XSD: " + "; ".join(xsd[:5]))
        if problems:
            where = keep_failure(tmp, f"fail-{abs(hash(json.dumps(edits))) % 10**8}")
            raise AssertionError(f"kept in {where}\n" + "\n".join(problems))


def _diff(want: list[str], got: list[str]) -> str:
    import difflib

    return "\n".join(difflib.unified_diff(want, got, "expected", "actual", lineterm="", n=1))


# --------------------------------------------------------------------------- the properties


def make_example(doc_seed: int, edits_seed: int) -> tuple[Doc, list[Planned]]:
    """The draft and the edits of one example, from two seeds (``scripts/soak.py --replay``)."""
    doc = drafts(random.Random(doc_seed))
    return doc, edit_sets(random.Random(edits_seed), doc)


# Text and structure come from Python's random, seeded by hypothesis: an example costs ~1 s of
# redline and pandoc, so what matters is many different examples, not shrinking (CI does not
# shrink; a failing example is kept on disk and named by its two seeds).
SEEDS = st.integers(0, 2**64 - 1)


class Example(tuple):
    """(doc, planned) with a short repr: the seeds that rebuild it."""

    seeds: tuple[int, int]

    def __repr__(self) -> str:
        return f"make_example{self.seeds}"


@st.composite
def examples(draw):
    doc_seed, edits_seed = draw(SEEDS), draw(SEEDS)
    doc, planned = make_example(doc_seed, edits_seed)
    assume(planned)
    ex = Example((doc, planned))
    ex.seeds = (doc_seed, edits_seed)
    return ex


@_seeded
@_settings(40)
@given(examples())
def test_random_edits_on_random_drafts(example):
    doc, planned = example
    for pl in planned:
        event(pl.why)
    run_example(doc, planned)


@_seeded
@_settings(6)
@given(examples())
def test_random_edits_are_schema_valid(example):
    doc, planned = example
    run_example(doc, planned, audit=True)


# --------------------------------------------------------------------------- what the search found
#
# Minimal examples of bugs the properties found, kept as plain tests.


def _apply_one(tmp_path, paragraphs: list[str], edit: dict) -> list[str]:
    body = oracles.para(oracles.run("I. Kết quả thực hiện", rpr="<w:b/>"))
    body += "".join(oracles.para(t) for t in paragraphs)
    draft = oracles.make_docx(tmp_path / "draft.docx", body)
    out = tmp_path / "out.docx"
    redline.apply(draft, {"author": "A", "edits": [{"target": "I", **edit}]}, out)
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    return oracles.pandoc_paragraphs(out, "accept")[1:]


def test_a_number_fragment_is_not_found_inside_a_number(tmp_path):
    # replace_text "820" -> "900" changed "4.820" into "4.900" (match.find_all)
    got = _apply_one(tmp_path, ["Đã giải quyết 4.820 hồ sơ, đạt 97,5% và 820 lượt."],
                     {"op": "replace_text", "find": "820", "replace": "900"})
    assert got == ["Đã giải quyết 4.820 hồ sơ, đạt 97,5% và 900 lượt."]


def test_a_rejected_hit_does_not_hide_an_overlapping_one(tmp_path):
    # "a a" first matched inside "xa a" (not a whole word), and the search went on after it
    got = _apply_one(tmp_path, ["Mã xa a a được giữ."], {"op": "replace_text", "find": "a a", "replace": "b"})
    assert got == ["Mã xa b được giữ."]


def test_deleting_the_last_words_of_a_bullet_keeps_its_semicolon(tmp_path):
    # the terminating ";" was taken for a list separator and deleted with the phrase (plan.tidy_deletion)
    got = _apply_one(tmp_path, ["- Hiện có 84 văn bản chất học ban;", "- Tổng số 12 hồ sơ."],
                     {"op": "delete", "find": "chất học ban"})
    assert got == ["- Hiện có 84 văn bản;", "- Tổng số 12 hồ sơ."]


# --------------------------------------------------------------------------- mutated edits files
#
# Start from a fixture edits file, break it in one to four ways, apply it to the typed fixture
# draft.  Either it applies (and the output exists) or it raises a RedlineError and no output
# file is left; any other exception is a bug.

EDIT_FIXTURES = sorted((FIXTURES / "edits").glob("*.json"))
MUTATION_DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
EDIT_FIELDS = ["op", "target", "paragraphs", "text", "heading", "scope", "find", "replace", "occurrence",
               "exclude", "case_sensitive", "anchor", "comment", "author", "date", "n", "note", "quote"]
TOP_FIELDS = ["$schema", "author", "date", "source", "letter", "edits", "unresolved", "ignored"]
OPS_ALL = ["replace", "append", "prepend", "insert_after", "insert_before", "delete", "replace_text", "comment"]
GOOD_TARGETS = ["I", "I.1", "I.4", "II", "II.6.2", "III", "IV.7", "title", "preamble", "closing", "*"]
TARGETS = ["I.4", "II.6.2", "IV.7", "Mục 6.2 của Phần II", "II.99", "Mục 9", "Phần XX", "*", "title",
           "preamble", "closing", "I", "", " ", "I.4.", "khoản 1 Mục III", "\u0000", "Mục I.4\n\nMục II"]
# Kept below Python's recursion limit here: deeper nesting is its own test (see below).
MAX_DEPTH = 300
ODD_TEXT = ["Cải cách", "Cải cách".replace("ả", "a\u0309"), "a\u00a0b", "“trích dẫn”", "«x»", "🙂 emoji 𝔘",
            "\u200bzero\u200dwidth\u00ad", "עברית", "tab\there", "line\nbreak", "&<>\"'", "]]>", "  ", "x" * 5000]


def xml_ok(text: str) -> bool:
    """Characters XML 1.0 allows (what a .docx can hold)."""
    return all(c in "\t\n\r" or "\x20" <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd" or c >= "\U00010000"
               for c in text)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)

scalars = (st.none() | st.booleans() | st.integers(-2**70, 2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30))
json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=4)
                           | st.dictionaries(st.text(max_size=12), c, max_size=4), max_leaves=12)


def nested(depth: int, kind: str):
    v: object = "x"
    for _ in range(depth):
        v = [v] if kind == "list" else {"a": v}
    return v


@st.composite
def odd_values(draw):
    """A value of any type, often one that breaks a field: huge strings, deep nesting, numbers
    out of range, lookalike strings."""
    kind = draw(st.sampled_from(["json", "json", "huge", "deep", "number", "text", "anchor"]))
    if kind == "json":
        return draw(json_values)
    if kind == "huge":
        return draw(st.sampled_from(["x", "Mục ", "đ\u0300", "\u00a0", "“"])) * draw(
            st.sampled_from([2001, 20001, 200001, 300000]))
    if kind == "deep":
        return nested(draw(st.integers(2, MAX_DEPTH)), draw(st.sampled_from(["list", "dict"])))
    if kind == "number":
        return draw(st.sampled_from([0, -1, 1, 2**31, 2**63, 10**30, 1.5, -0.0, float("inf"), True, False]))
    if kind == "anchor":
        key = draw(st.sampled_from(["paragraph", "bullet", "sentence", "sentence_prefix", "paragraphs", ""]))
        return {key: draw(st.sampled_from([1, 0, -3, "last", "first", 999, 1.5, True, "", "x", None, []]))}
    return draw(st.text(max_size=60))


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, path + (i,))


def _get(value, path):
    for p in path:
        value = value[p]
    return value


@st.composite
def mutated_edits(draw):
    """(how to pass it, value or bytes, description)."""
    data = json.loads(draw(st.sampled_from(EDIT_FIXTURES)).read_text("utf-8"))
    done = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["set", "delete", "add", "op", "target", "field", "edits", "top",
                                     "good_target", "good_text", "occurrence", "anchor", "dup", "drop"]))
        edits = data.get("edits") if isinstance(data, dict) else None
        edit = None
        if isinstance(edits, list) and edits:
            edit = edits[draw(st.integers(0, len(edits) - 1))]
        if kind == "set":
            paths = list(_paths(data))
            path = draw(st.sampled_from(paths))
            if not path:
                data = draw(odd_values())
            else:
                _get(data, path[:-1])[path[-1]] = draw(odd_values())
            done.append(f"set {path}")
        elif kind == "delete":
            dicts = [p for p in _paths(data) if isinstance(_get(data, p), dict) and _get(data, p)]
            if dicts:
                d = _get(data, draw(st.sampled_from(dicts)))
                key = draw(st.sampled_from(sorted(d, key=str)))
                del d[key]
                done.append(f"delete {key}")
        elif kind == "add" and isinstance(edit, dict):
            key = draw(st.sampled_from(EDIT_FIELDS + ["paragraph", "Op", "targets", "anchors", "x" * 300]))
            edit[key] = draw(odd_values())
            done.append(f"add {key}")
        elif kind == "op" and isinstance(edit, dict):
            edit["op"] = draw(st.sampled_from(OPS_ALL + ["Replace", "replce", "", "delete "]))
            done.append(f"op {edit['op']}")
        elif kind == "target" and isinstance(edit, dict):
            edit["target"] = draw(st.sampled_from(TARGETS) | st.text(max_size=40))
            done.append(f"target {edit['target']!r}")
        elif kind == "field" and isinstance(edit, dict):
            key = draw(st.sampled_from(EDIT_FIELDS))
            edit[key] = draw(odd_values())
            done.append(f"field {key}")
        elif kind == "edits" and isinstance(data, dict):
            data["edits"] = draw(st.sampled_from([[], {}, None, "edits", [None], [[]], [{}]]))
            done.append("edits")
        elif kind == "good_target" and isinstance(edit, dict):  # valid, maybe not for this op
            edit["target"] = draw(st.sampled_from(GOOD_TARGETS))
            done.append(f"good_target {edit['target']}")
        elif kind == "good_text" and isinstance(edit, dict):
            key = draw(st.sampled_from(["text", "paragraphs", "heading", "find", "replace", "comment"]))
            text = draw(st.sampled_from(ODD_TEXT))
            edit[key] = [text, draw(st.sampled_from(ODD_TEXT))] if key == "paragraphs" else text
            done.append(f"good_text {key}")
        elif kind == "occurrence" and isinstance(edit, dict):
            edit["occurrence"] = draw(st.integers(1, 6))
            done.append("occurrence")
        elif kind == "anchor" and isinstance(edit, dict):
            key = draw(st.sampled_from(["paragraph", "bullet", "sentence", "sentence_prefix"]))
            edit["anchor"] = {key: draw(st.integers(1, 4) | st.just("last")) if key in ("paragraph", "bullet")
                              else draw(st.sampled_from(ODD_TEXT[:4] + ["Công tác"]))}
            done.append(f"anchor {key}")
        elif kind == "dup" and isinstance(edits, list) and edit is not None:
            edits.append(copy.deepcopy(edit))
            done.append("dup")
        elif kind == "drop" and isinstance(edits, list) and len(edits) > 1:
            edits.pop(draw(st.integers(0, len(edits) - 1)))
            done.append("drop")
        elif kind == "top" and isinstance(data, dict):
            key = draw(st.sampled_from(TOP_FIELDS + ["edit", "Author"]))
            data[key] = draw(odd_values())
            done.append(f"top {key}")
    # KNOWN BUG (see test_xml_incompatible_characters_in_an_edit_are_an_edits_error): characters XML
    # cannot hold (NUL, other C0 controls, U+FFFE/FFFF, lone surrogates) are not caught by
    # validation and escape from the writer as ValueError.  Left out here until that is fixed.
    assume(all(xml_ok(t) for t in _strings(data)))
    route = draw(st.sampled_from(["file", "file", "dict", "bytes"]))
    if route == "dict" and not isinstance(data, dict):
        route = "file"
    if route == "dict":
        return "dict", data, done
    raw = json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")
    if route == "bytes":
        how = draw(st.sampled_from(["truncate", "flip", "insert", "utf16", "bom", "latin1"]))
        if how == "truncate":
            raw = raw[:draw(st.integers(0, len(raw)))]
        elif how == "flip" and raw:
            i = draw(st.integers(0, len(raw) - 1))
            raw = raw[:i] + bytes([raw[i] ^ (1 << draw(st.integers(0, 7)))]) + raw[i + 1:]
        elif how == "insert":
            i = draw(st.integers(0, len(raw)))
            raw = raw[:i] + draw(st.binary(min_size=1, max_size=8)) + raw[i:]
        elif how == "utf16":
            raw = raw.decode("utf-8").encode("utf-16")
        elif how == "bom":
            raw = b"\xef\xbb\xbf" + raw
        else:
            raw = raw.decode("utf-8").encode("latin-1", "replace")
        done.append(f"bytes {how}")
        try:  # the same known bug, reached through a flipped byte of a \\u escape
            assume(all(xml_ok(t) for t in _strings(json.loads(raw.decode("utf-8-sig")))))
        except (ValueError, RecursionError):
            pass
    return "file", raw, done


def apply_mutated(route, value, tmp: Path):
    out = tmp / "out.docx"
    if route == "dict":
        source = value
    else:
        source = tmp / "edits.json"
        source.write_bytes(value)
    try:
        redline.apply(MUTATION_DRAFT, source, out)
    except RedlineError as exc:
        assert not out.exists(), f"an output file was left after: {exc}"
        assert str(exc).strip(), "an error without a message"
        return exc
    assert out.exists()
    return None


@_seeded
@_settings(30)
@given(mutated_edits())
def test_mutated_edits_files_fail_cleanly(mutation):
    route, value, done = mutation
    note(f"mutations: {done}")
    with tempfile.TemporaryDirectory(prefix="redline-mut-") as tmp:
        try:
            err = apply_mutated(route, value, Path(tmp))
        except RedlineError:
            raise
        except Exception as exc:  # noqa: BLE001 - the property: nothing but RedlineError escapes
            keep = KEEP / f"mutation-{abs(hash(repr(done))) % 10**8}"
            keep.mkdir(parents=True, exist_ok=True)
            (keep / ("edits.json" if route != "dict" else "edits.repr")).write_bytes(
                value if route != "dict" else repr(value).encode())
            raise AssertionError(f"{type(exc).__name__} escaped (kept in {keep}): {exc}") from exc
        event("applied" if err is None else type(err).__name__)


def test_deeply_nested_edits_file_is_an_edits_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"author": "A", "edits": [{"op": "delete", "target": "I.4", "note": '
                    + "[" * 100000 + "]" * 100000 + "}]}", "utf-8")
    with pytest.raises(RedlineError):
        redline.apply(MUTATION_DRAFT, path, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("bad", ["a\x00b", "a\x0bb", "a\uffffb", "a\ud800b"])
def test_xml_incompatible_characters_in_an_edit_are_an_edits_error(tmp_path, bad):
    with pytest.raises(RedlineError):
        redline.apply(MUTATION_DRAFT, {"author": "A", "edits": [{"op": "append", "target": "I.4",
                                                                 "paragraphs": [bad]}]}, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_replacing_the_last_section_of_the_body_rejects_to_the_draft(tmp_path):
    body = oracles.para(oracles.run("I. Kết quả", rpr="<w:b/>")) + oracles.para("Đoạn một cũ.")
    draft = oracles.make_docx(tmp_path / "draft.docx", body)
    out = tmp_path / "out.docx"
    redline.apply(draft, {"author": "A", "edits": [{"op": "replace", "target": "I",
                                                    "paragraphs": ["Nội dung mới hoàn toàn khác."]}]}, out)
    assert oracles.pandoc_paragraphs(out, "accept") == ["I. Kết quả", "Nội dung mới hoàn toàn khác."]
    assert oracles.pandoc_paragraphs(out, "reject") == ["I. Kết quả", "Đoạn một cũ."]
