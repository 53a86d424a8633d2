"""References as people write them -> exactly one ``Section``, or a ``ResolveError`` saying why.

``parse_reference(text)`` reads a reference into a ``Reference``: its path components
(keyword + number, outermost first), an optional title (in brackets / quotes, or text after
the number) and special targets.  ``resolve(outline, text)`` finds the section.

Forms understood (case, diacritics and NFC/NFD never matter):

- addresses: "I.4", "II.6.2", "II 6.2", "II/6.2", "Section IV.7", "Mục I.4";
- a path written inside out with "của/thuộc/of/in" or commas, or any order when every
  part has a keyword: "Mục 6.2 của Phần II", "tại Mục 7 Phần IV", "khoản 2 Mục III",
  "điểm 1.1 khoản 1 Mục II", "tiểu mục 6.4, mục 6, Phần II", "điểm b tiểu mục 2.3 Phần II",
  "Part II, 6.2"; a part repeating its parent's number is shortened ("6.4" under "6" -> 4);
- legal: "Chương II", "Điều 5", "khoản 2 Điều 5", "điểm a khoản 2 Điều 5" (an Điều is found
  wherever it is; its khoản/điểm below it);
- a heading's text alone, compared with ``text.fold`` (CCHC = cải cách hành chính...);
  a unique heading that starts with the text also counts;
- a number with its heading: "Mục I.4 (Công tác thông tin, tuyên truyền CCHC)" — the title
  must confirm the number, else the error lists both sections;
- special targets: "*" / "toàn bộ dự thảo" (whole document), "title" / "tiêu đề",
  "preamble" / "phần mở đầu", "closing" / "phần kết".

Resolution is strict first (the address exactly as written, or a keyworded part such as
"Điều 5" / "Chương II" / "Section 1.2" found by kind and number), then relaxed only when the
strict reading finds nothing: a lower-case "l" or a digit in the Roman position ("Mục l.2",
"1.4" -> "I.4"), and a path that is the tail of an address ("6.2" -> "II.6.2").  A relaxed
reading must be unique.  Several matches raise ``ResolveError`` listing the candidates; no
match raises one naming the nearest sections (by address and by title).  Never a guess.

Lookups go through indexes built once per outline (cached on it, each on first use): address,
address tails, kind + number, folded title.  Resolving thousands of references costs one build.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .. import text as _text
from ..errors import ResolveError
from ..messages import joined, msg
from ..model import Outline, Section
from .numbering import to_roman
from .labels import EN_ORDINALS, VN_ORDINALS, key_text, nfc_with_map, norm_component, roman_value

# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------

# folded keyword -> (canonical keyword, rank outer->inner)
KEYWORDS = {
    "phan": ("phan", 0), "part": ("part", 0), "chuong": ("chuong", 0), "chapter": ("chapter", 0),
    "muc": ("muc", 1), "section": ("section", 1), "dieu": ("dieu", 2), "article": ("article", 2),
    "tieu muc": ("tieu muc", 2), "subsection": ("subsection", 2), "muc nho": ("tieu muc", 2),
    "khoan": ("khoan", 3), "clause": ("khoan", 3), "item": ("khoan", 3), "paragraph": ("khoan", 3),
    "diem": ("diem", 4), "point": ("diem", 4), "tiet": ("diem", 4),
    "noi dung": ("item", 3), "nhiem vu": ("item", 3), "muc tieu": ("item", 3), "giai phap": ("item", 3),
    "chi tieu": ("item", 3),
}
TOP_KEYWORDS = {"phan", "part", "chuong", "chapter"}
# keyword -> section kinds it can name directly (kind-anchored lookup)
KIND_GROUPS = {
    "phan": ("phan", "part"), "part": ("part", "phan"), "chuong": ("chuong", "chapter"),
    "chapter": ("chapter", "chuong"), "muc": ("muc",), "section": ("section",),
    "dieu": ("dieu", "article"), "article": ("article", "dieu"), "khoan": ("khoan",),
    "diem": ("diem",),
}
_INNER_FIRST = {"cua", "thuoc", "of", "in", "within", "under", "trong", "thuoc ve"}

SPECIALS = {
    "*": "*", "all": "*", "whole": "*", "whole document": "*", "entire document": "*",
    "toan bo": "*", "toan bo du thao": "*", "toan van": "*", "toan van du thao": "*",
    "ca du thao": "*", "toan bo bao cao": "*", "toan bo van ban": "*",
    "title": "title", "tieu de": "title", "ten bao cao": "title", "ten van ban": "title",
    "ten du thao": "title", "trich yeu": "title",
    "preamble": "preamble", "phan mo dau": "preamble", "mo dau": "preamble",
    "loi mo dau": "preamble", "dat van de": "preamble",
    "closing": "closing", "phan ket": "closing", "phan ket thuc": "closing",
    "doan ket": "closing", "ket thuc": "closing",
    "ten goi": "title", "ten goi cua du thao": "title", "ten goi du thao": "title",
    "ten goi cua van ban": "title", "trich yeu cua du thao": "title",
    "authority": "authority", "co quan ban hanh": "authority", "ten co quan ban hanh": "authority",
    "number": "number", "so ky hieu": "number", "so, ky hieu": "number", "so va ky hieu": "number",
    "date": "date", "dia danh, ngay thang": "date", "dia danh ngay thang": "date", "ngay thang": "date",
    "ngay thang nam": "date", "ngay ban hanh": "date",
    "doc_type": "doc_type", "ten loai van ban": "doc_type", "the loai": "doc_type", "loai van ban": "doc_type",
}
PART_SPECIALS = {"authority", "number", "date", "doc_type"}
# words that name a special part only when no heading has that text
_SOFT_SPECIALS = {"phan mo dau", "mo dau", "loi mo dau", "dat van de", "phan ket", "phan ket thuc",
                  "doan ket", "ket thuc"}

_KW_ALT = "|".join(sorted((k.replace(" ", r"\s+") for k in KEYWORDS), key=len, reverse=True))
_VN_ALT = "|".join(sorted((k.replace(" ", r"\s+") for k in VN_ORDINALS), key=len, reverse=True))
_EN_ALT = "|".join(sorted(EN_ORDINALS, key=len, reverse=True))
_TOK = r"(?:\d{1,4}|[ivxlcdm]{1,7}|[a-z])(?![a-z0-9])"
_COMP_RE = re.compile(
    rf"(?:(?P<kw>{_KW_ALT})\s+)?(?P<num>thu\s+(?:{_VN_ALT}|\d{{1,3}})(?![a-z0-9])|(?:{_EN_ALT})(?![a-z])"
    rf"|{_TOK}(?:\s*[./]\s*{_TOK})*\.?)")
_SEP_RE = re.compile(r"\s*(?:[,;]\s*)?(?:(?P<conn>thuoc\s+ve|cua|thuoc|of|in|within|under|trong)\s+)?")
_LEAD_RE = re.compile(r"\s*(?:(?:tai|o|theo|trong|xem|in|at|see|noi\s+dung|phan\s+noi\s+dung)\s+)+")
_BRACKET_RE = re.compile(r"[(\[]([^()\[\]]+)[)\]]")
_QUOTED_RE = re.compile(r"[\"\u201c\u201d\u00ab\u00bb]([^\"\u201c\u201d\u00ab\u00bb]+)[\"\u201c\u201d\u00ab\u00bb]")


@dataclass(frozen=True)
class Component:
    """One part of a reference: "Mục 6.2" -> keyword "muc", number "6.2", tokens ("6", "2")."""

    keyword: str | None  # canonical folded keyword ("phan", "muc", "tieu muc", "khoan", ...)
    number: str  # as written, cleaned: "6.2", "II", "b", "thứ hai"
    tokens: tuple[str, ...]  # number split at "." and "/"; ordinals become Roman ("II")

    @property
    def rank(self) -> int | None:
        return KEYWORDS[self.keyword][1] if self.keyword else None


@dataclass
class Reference:
    """A parsed reference.  ``components`` go from the outermost part to the innermost."""

    text: str  # as given
    components: list[Component] = field(default_factory=list)
    title: str | None = None  # heading text in brackets/quotes, after the number, or alone
    special: str | None = None  # "*", "title", "preamble", "closing"
    soft_special: bool = False  # a Vietnamese word that is special unless a heading has it
    written: list[Component] | None = None  # the keyworded parts as written, when read inner first
    #                                        they give another path than sorted by rank

    @property
    def address(self) -> str | None:
        """The canonical address the path spells when read from the top ("II.6.2"), if any."""
        return _root_address(self.components, relaxed=False)

    def __str__(self) -> str:
        return self.text


def parse_reference(text: str) -> Reference:
    """Read a reference as people write it.  Never raises; an unreadable reference has no
    components and is treated as a heading text."""
    ref = Reference(text=text)
    t = _text.clean(_text.unquote(_text.clean(text or "")))
    t = t.rstrip(" .,;:")
    whole = t
    maybe_special = t == "*" or (len(t) <= 30 and not any(ch.isdigit() for ch in t))
    folded = (_text.fold(t, expand=False) if t != "*" else "*") if maybe_special else ""
    if folded in SPECIALS:
        ref.special = SPECIALS.get(folded, "*")
        ref.soft_special = folded in _SOFT_SPECIALS
        if not ref.soft_special:
            return ref
        ref.title = t
        return ref
    # title in brackets / quotes
    m = _BRACKET_RE.search(t)
    if m and m.start() > 0:
        ref.title = _text.clean(m.group(1))
        t = _text.clean(t[:m.start()] + " " + t[m.end():])
    else:
        m = _QUOTED_RE.search(t)
        if m and m.start() > 0:
            ref.title = _text.clean(m.group(1))
            t = _text.clean(t[:m.start()] + " " + t[m.end():])
    nfc, _ = nfc_with_map(t)
    key = key_text(nfc)
    pos = 0
    lead = _LEAD_RE.match(key)
    if lead:
        pos = lead.end()
    comps: list[Component] = []
    inner_first = False
    while pos < len(key):
        sep = _SEP_RE.match(key, pos)
        p2 = sep.end() if sep else pos
        m = _COMP_RE.match(key, p2)
        if not m or m.end("num") == m.start("num"):
            break
        end = m.end()
        if end < len(key) and (key[end].isalnum()):
            break
        kw = re.sub(r"\s+", " ", m.group("kw")) if m.group("kw") else None
        comp = _component(kw, nfc[m.start("num"):m.end("num")], m.group("num"), first=not comps)
        if comp is None:
            break
        if comps and sep and sep.group("conn"):
            inner_first = True
        comps.append(comp)
        pos = end
    rest = nfc[pos:].strip(" \t:-\u2013\u2014.,;")
    if comps:
        if rest and ref.title is None:
            ref.title = _text.clean(rest)  # "6.2. Kết quả xây dựng": the heading after the number
        if inner_first:
            comps.reverse()
        elif all(c.keyword for c in comps):
            written = list(comps)
            comps.sort(key=lambda c: c.rank)
            if list(reversed(written)) != comps:  # the inner-first reading differs from the ranked one
                ref.written = written
        ref.components = comps
    else:
        # a heading's text: all of it, brackets and a leading "Tại ..." included (headings
        # start with such words); the resolver also tries it without the preposition
        ref.title = whole
    return ref


def _component(kw: str | None, orig: str, key: str, *, first: bool) -> Component | None:
    keyword = KEYWORDS[kw][0] if kw else None
    number = _text.clean(orig).rstrip(".")
    k = re.sub(r"\s+", " ", key.strip()).rstrip(".")
    m = re.fullmatch(r"thu (.+)", k)
    if m:
        value = int(m.group(1)) if m.group(1).isdigit() else VN_ORDINALS.get(m.group(1))
        return Component(keyword, number, (to_roman(value),)) if value else None
    if k in EN_ORDINALS:
        return Component(keyword, number, (to_roman(EN_ORDINALS[k]),))
    tokens = tuple(p for p in re.split(r"\s*[./]\s*", number) if p)
    if not tokens:
        return None
    if keyword is None:
        # a bare reference must look like a number: digits, an upper-case Roman numeral,
        # a dotted path, or the "l" typo in a dotted path ("l.2")
        head = tokens[0]
        if len(tokens) == 1 and not head.isdigit() and roman_value(head) is None:
            return None
        if not head.isdigit() and roman_value(head) is None and not (
                len(tokens) > 1 and re.fullmatch(r"[IVXLivxl1]+", head)):
            return None
    return Component(keyword, number, tokens)


# --------------------------------------------------------------------------------------------
# Path -> address
# --------------------------------------------------------------------------------------------

def _path_values(components: list[Component], *, relaxed: bool) -> list[list] | None:
    """Normalized number values of each component (``outline.norm_component``: digits and
    upper-case Roman numerals -> int, letters as letters).  The very first token is in the
    Roman position: strictly it must be a number or a Roman numeral; relaxed, "l" / "1" typed
    for "I" and lower-case numerals are read as Roman too."""
    values = []
    for ci, comp in enumerate(components):
        vals = []
        for ti, tok in enumerate(comp.tokens):
            v = norm_component(tok)
            if ci == 0 and ti == 0 and isinstance(v, str):
                if re.fullmatch(r"[IVXLCDMivxlcdm1]+", tok) and roman_value(tok) is None:
                    if not relaxed:
                        return None  # a Roman typo: only the relaxed reading may fix it
                    fixed = roman_value(tok.replace("l", "I").replace("1", "I").upper())
                    if fixed is None:
                        return None
                    v = fixed
            vals.append(v)
        values.append(vals)
    return values


class _Variant(tuple):
    """An address key read from a reference, with the conditions of its shortened parts:
    ``checks`` = ((key length, full values), ...): the section that ends at that length must
    be numbered with the full values ("Section 2.1" under "Part II" is II.1 only if that
    section's own number is 2.1, not when II.1 is a "1." and "2.1" means II.2.1)."""

    checks: tuple = ()


def _variant(values, checks) -> _Variant:
    v = _Variant(values)
    v.checks = tuple(checks)
    return v


def _join(values: list[list], prefix_parent: list | None = None, offset: int = 0) -> list[_Variant]:
    """Flatten component values into address keys.  A component whose leading numbers
    repeat its parent's own may be written in full ("6.4" under "6" -> 4; "Section 2.1" under
    "Part II" -> 1) or be a path below a child ("2.3" under "II" -> 2.3): both readings are
    returned, the shortened one first, with the check that makes it valid (see ``_Variant``).
    ``offset`` is the key length before the first component (an anchor's)."""
    variants: list[tuple[list, list]] = [([], [])]
    parent = prefix_parent
    for vals in values:
        if parent and len(vals) > len(parent) and vals[:len(parent)] == parent:
            short = vals[len(parent):]
            variants = ([(v + short, c + [(offset + len(v) + len(short), tuple(vals))]) for v, c in variants]
                        + [(v + vals, c) for v, c in variants])
        else:
            variants = [(v + vals, c) for v, c in variants]
        parent = vals
    return [_variant(v, c) for v, c in variants]


def _valid(section: Section, variant: _Variant) -> bool:
    """Does ``section`` (found by ``variant``) satisfy the variant's checks?"""
    for length, full in variant.checks:
        s: Section | None = section
        while s is not None and len(address_key(s.address)) > length:
            s = s.parent
        if s is None or len(address_key(s.address)) != length or tuple(section_values(s)) != full:
            return False
    return True


def _format(values) -> str:
    """An address for messages: Roman top level, the rest as numbers / letters."""
    parts = []
    for i, v in enumerate(values):
        parts.append(to_roman(v) if i == 0 and isinstance(v, int) else str(v))
    return ".".join(parts)


def _root_address(components: list[Component], *, relaxed: bool) -> str | None:
    found = _root_keys(components, relaxed=relaxed)
    return _format(found[0]) if found else None


def _root_keys(components: list[Component], *, relaxed: bool) -> list[_Variant]:
    """Every address key (normalized values, see ``address_key``) the path can spell read
    from the top (see ``_join``)."""
    if not components:
        return []
    first = components[0]
    head = first.tokens[0]
    if not relaxed:
        # strictly, the top position takes a Roman numeral, or a number after PHẦN/Part/Chương
        if not (roman_value(head) is not None or first.keyword in TOP_KEYWORDS):
            return []
    values = _path_values(components, relaxed=relaxed)
    if values is None:
        return []
    return _join(values)


# An address's parts are a few hundred distinct tokens ("1", "II", "a") however big the draft;
# reading each once saves most of building ``by_key`` for 20,000 sections.
_component_value = lru_cache(maxsize=4096)(norm_component)


def address_key(address: str) -> tuple:
    """"II.6.2" -> (2, 6, 2); "I.II.1" -> (1, 2, 1); "II.2.3.a" -> (2, 2, 3, "a"); an attached
    document's "Quy chế:II.5" -> (2, 5) (each address space has its own index)."""
    if ":" in address:
        address = address.rsplit(":", 1)[1]
    return tuple(map(_component_value, address.split(".")))


# --------------------------------------------------------------------------------------------
# Index
# --------------------------------------------------------------------------------------------

def section_values(s: Section) -> list:
    comps = getattr(s, "_comps", None)
    if comps is not None:
        return list(comps)
    if not s.number:
        return []
    return [norm_component(t) for t in re.split(r"[./]", s.number) if t]


class _Index:
    """The lookup tables of one outline.  Each table is built on first use: a plan whose
    targets are all canonical addresses ("II.6.2", as ``redline outline`` prints them) needs
    only ``by_address``, and folding every heading of a 50,000-paragraph draft for
    ``by_title`` would cost more than resolving all its references."""

    def __init__(self, outline: Outline):
        self.sections: list[Section] = list(outline.walk())

    @cached_property
    def by_address(self) -> dict[str, list[Section]]:
        """The address as printed."""
        out: dict[str, list[Section]] = {}
        for s in self.sections:
            out.setdefault(s.address, []).append(s)
        return out

    @cached_property
    def _keys(self) -> list[tuple]:
        return [address_key(s.address) for s in self.sections]

    @cached_property
    def by_key(self) -> dict[tuple, list[Section]]:
        """``address_key(address)``."""
        out: dict[tuple, list[Section]] = {}
        for s, key in zip(self.sections, self._keys):
            out.setdefault(key, []).append(s)
        return out

    @cached_property
    def by_tail(self) -> dict[tuple, list[Section]]:
        """Every proper tail of the key."""
        out: dict[tuple, list[Section]] = {}
        for s, key in zip(self.sections, self._keys):
            for k in range(1, len(key)):
                out.setdefault(key[k:], []).append(s)
        return out

    @cached_property
    def by_kind(self) -> dict[tuple, list[Section]]:
        out: dict[tuple, list[Section]] = {}
        for s in self.sections:
            if s.kind:
                out.setdefault((s.kind, tuple(section_values(s))), []).append(s)
        return out

    @cached_property
    def by_title(self) -> dict[str, list[Section]]:
        """The folded title (``text.fold``)."""
        out: dict[str, list[Section]] = {}
        for s in self.sections:
            if s.title:
                out.setdefault(_text.fold(s.title), []).append(s)
        return out

    @cached_property
    def titles(self) -> list[str]:
        return list(self.by_title)


def index(outline: Outline) -> _Index:
    """The lookup tables of ``outline`` (built on first use, then cached on it)."""
    idx = outline.__dict__.get("_resolve_index")
    if idx is None:
        idx = _Index(outline)
        outline.__dict__["_resolve_index"] = idx
    return idx


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

def _unique(items) -> list[Section]:
    seen: set[int] = set()
    out = []
    for s in items:
        if id(s) not in seen:
            seen.add(id(s))
            out.append(s)
    return out


def _strict(idx: _Index, ref: Reference) -> list[Section]:
    found: list[Section] = []
    for key in _root_keys(ref.components, relaxed=False):
        found.extend(s for s in idx.by_key.get(key, []) if _valid(s, key))
    found.extend(_kind_anchored(idx, ref.components))
    return _unique(found)


def _kind_anchored(idx: _Index, components: list[Component]) -> list[Section]:
    first = components[0]
    groups = KIND_GROUPS.get(first.keyword or "")
    if not groups:
        return []
    values = _path_values(components, relaxed=False)
    if values is None:
        return []
    out = []
    for kind in groups:
        for anchor in idx.by_kind.get((kind, tuple(values[0])), []):
            if len(components) == 1:
                out.append(anchor)
                continue
            base = address_key(anchor.address)
            for rest in _join(values[1:], prefix_parent=values[0], offset=len(base)):
                out.extend(s for s in idx.by_key.get(base + tuple(rest), []) if _valid(s, rest))
    return out


def _relaxed(idx: _Index, ref: Reference) -> list[Section]:
    found: list[Section] = []
    for key in _root_keys(ref.components, relaxed=True):
        found.extend(s for s in idx.by_key.get(key, []) if _valid(s, key))
    first = ref.components[0]
    if first.keyword not in TOP_KEYWORDS:
        values = _path_values(ref.components, relaxed=False)
        if values is not None:
            for v in _join(values):
                # a tail: the checks' key lengths count from the section's own top
                found.extend(s for s in idx.by_tail.get(tuple(v), [])
                             if _valid(s, _variant(v, [(len(address_key(s.address)) - len(v) + n, f)
                                                       for n, f in v.checks])))
    return _unique(found)


def _fold_title(title: str) -> str:
    return _text.fold(title)


def _similarity(a: str, b: str) -> float:
    """0..1 likeness of two folded titles."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = sorted((a, b), key=len)
    if (longer.startswith(shorter) or f" {shorter} " in f" {longer} ") and len(shorter) >= 0.6 * len(longer):
        return 0.9
    ta, tb = set(a.split()), set(b.split())
    jac = len(ta & tb) / len(ta | tb)
    # character likeness only vouches for typos: titles sharing stock words ("công tác ...
    # cải cách hành chính") are alike letter by letter but name different things
    ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    return max(jac, ratio if ratio >= 0.9 else 0.0)


def _by_title(idx: _Index, title: str) -> tuple[list[Section], str]:
    """Sections named by ``title``: exact folded match, else the unique heading that starts
    with it (three words or more, covering 60% of it).  Returns (sections, how)."""
    f = _fold_title(title)
    if not f:
        return [], ""
    exact = idx.by_title.get(f)
    if exact:
        return list(exact), "exact"
    if len(f.split()) >= 3:
        pref = [s for key in idx.titles if key.startswith(f + " ") and len(f) >= 0.6 * len(key)
                for s in idx.by_title[key]]
        if pref:
            return pref, "prefix"
    return [], ""


def _display(s: Section) -> str:
    return s.display


def _listing(sections: list[Section]) -> str:
    return "; ".join(_display(s) for s in sections)


def _nearest(idx: _Index, ref: Reference, limit: int = 5) -> list[Section]:
    out: list[Section] = []
    if ref.components:
        want = _root_address(ref.components, relaxed=True) or ""
        parts = want.split(".") if want else []
        # sections sharing the longest address prefix, closest numbers first
        for k in range(len(parts) - 1, -1, -1):
            pool = [s for s in idx.sections
                    if len(s.address.split(".")) == k + 1 and s.address.split(".")[:k] == parts[:k]]
            if pool:
                target = parts[k] if k < len(parts) else ""

                def dist(s: Section, target=target, k=k) -> float:
                    a, b = s.address.split(".")[k], target
                    va, vb = norm_component(a), norm_component(b)
                    if isinstance(va, int) and isinstance(vb, int):
                        return abs(va - vb)
                    return 0 if a == b else 50
                pool.sort(key=dist)
                out.extend(pool[:3])
                break
    if ref.title:
        f = _fold_title(ref.title)
        words = set(f.split())
        scored = []
        for key in idx.titles:
            common = len(words & set(key.split()))
            if common:
                scored.append((-max(_similarity(f, key), common / max(len(words), 1)), key))
        scored.sort()
        for _, key in scored[:3]:
            out.extend(idx.by_title[key])
    return _unique(out)[:limit]


def _parent_of_missing(outline: Outline, idx: "_Index", ref: Reference, space: str) -> Section | None:
    """"khoản 4 Điều 3" where Điều 3 has three khoản: Điều 3, the part that exists -- the first
    place a person looks (and the first candidate offered)."""
    if len(ref.components) < 2:
        return None
    try:
        return _resolve_in(outline, idx, Reference(ref.text, ref.components[:-1]), space)
    except ResolveError:
        return None


def _not_found(idx: _Index, ref: Reference, looked: str | None, parent: Section | None = None) -> ResolveError:
    near = _nearest(idx, ref)
    if parent is not None and not any(s.address.startswith(parent.address + ".") for s in near):
        near = _unique([parent] + near)[:5]  # the nearest by number are not its parts: it comes first
    text = joined(msg("no section matches '{reference}'", reference=ref.text),
                  msg(" (looked for {addresses})", addresses=looked) if looked else None,
                  msg("; the draft has no numbered sections") if not idx.sections else
                  msg("; nearest: {sections}", sections=_listing(near)) if near else None)
    return ResolveError(text, candidates=[s.address for s in near])


def _ambiguous(ref: Reference, found: list[Section], why: str = "") -> ResolveError:
    text = msg("'{reference}' is ambiguous{why}: it matches {count} sections: {sections}", reference=ref.text,
               why=why or "", count=len(found), sections=_listing(found))
    err = ResolveError(text, candidates=[s.address for s in found],
                       hint=msg("write the full address, e.g. {address}", address=found[0].address))
    err.ambiguous = True
    return err


def resolve(outline: Outline, reference: str) -> Section:
    """The one section ``reference`` names in ``outline``; ``ResolveError`` otherwise.

    A document with attached documents (a decision's Quy chế, a Phụ lục) has one address space
    each: a reference naming one ("Điều 5 của Quy chế", "Điều 1 Quyết định") is resolved there;
    one naming none is resolved in every space, and must be found in exactly one."""
    if isinstance(reference, str):
        exact = _all_addresses(outline).get(_text.clean(reference).rstrip("."))
        if exact is not None:
            return exact  # a canonical address, as ``redline outline`` prints it
    text = reference.text if isinstance(reference, Reference) else reference
    from .tables import select, table_section

    rest, space = _split_space(outline, text)
    table = _table_reference(outline, rest, space)
    if table is not None:
        info, tbl, row, column = table
        return table_section(outline, select(info, tbl, row, column))
    if space is not None and not rest:
        return _space_whole(outline, space)
    ref = parse_reference(rest) if (space is not None or not isinstance(reference, Reference)) else reference
    spaces = [space] if space is not None else [""] + [d.name for d in outline.documents]
    if ref.special and space is None:
        spaces = [""]  # "tên gọi của dự thảo", "số, ký hiệu": the main document's
    if len(spaces) == 1:
        return _resolve_in(outline, _space_index(outline, spaces[0]), ref, spaces[0])
    found: list[Section] = []
    errors: list[ResolveError] = []
    for sp in spaces:
        try:
            found.append(_resolve_in(outline, _space_index(outline, sp), ref, sp))
        except ResolveError as exc:
            errors.append(exc)
    ambiguous = [e for e in errors if e.ambiguous]
    if len(found) > 1 and not ambiguous and ref.components and ref.components[-1].keyword in KIND_GROUPS:
        # "Chương II": the space where a Chương II exists, not one whose "2." has that address
        kinds = KIND_GROUPS[ref.components[-1].keyword]
        same = [s for s in found if s.kind in kinds]
        if same:
            found = same
    if len(found) == 1 and not ambiguous:
        return found[0]
    if found or ambiguous:
        every = _unique(found + [s for e in ambiguous for a in e.candidates
                                 for s in [_all_addresses(outline).get(a)] if s is not None])
        err = ResolveError(msg("'{reference}' is ambiguous: it matches {count} sections in different documents: "
                               "{sections}", reference=text, count=len(every), sections=_listing(every)),
                           candidates=[x.address for x in every],
                           hint=msg("name the document, e.g. '{example}'", example=text + " của " + (
                               every[-1].space or outline.name or "Quyết định")))
        err.ambiguous = True
        raise err
    raise errors[0]


def _all_addresses(outline: Outline) -> dict[str, Section]:
    got = outline.__dict__.get("_all_addresses")
    if got is None:
        got = outline.__dict__["_all_addresses"] = outline.by_address()
    return got


def _space_index(outline: Outline, space: str) -> "_Index":
    """The lookup tables of one address space ("" = the main document)."""
    if not outline.documents:
        return index(outline)
    cache = outline.__dict__.setdefault("_space_indexes", {})
    idx = cache.get(space)
    if idx is None:
        idx = cache[space] = _Index(outline)
        idx.sections = [s for s in idx.sections if s.space == space]
    return idx


_SPACE_LEAD = r"(?:\s*[,;:]?\s*(?:(?:cua|thuoc|tai|trong|o|of|in)\s+)?(?:(?:ban\s+)?du\s+thao\s+)?)"


def _space_names(outline: Outline) -> list[tuple[str, str]]:
    """(folded name, space) of every address space a reference may name."""
    out = [(_text.fold(d.name, expand=False), d.name) for d in outline.documents]
    if outline.name:  # "Điều 1 của Quy chế" in a draft that is the Quy chế: its own places
        out.append((_text.fold(outline.name, expand=False), ""))
    return sorted(out, key=lambda x: -len(x[0]))


def _split_space(outline: Outline, text: str) -> tuple[str, str | None]:
    """("Điều 5", "Quy chế") for "Điều 5 của Quy chế"; (text, None) when no space is named."""
    if not outline.documents and not outline.name:
        return text, None
    t = _text.clean(text)
    nfc, _ = nfc_with_map(t)
    key = key_text(nfc)
    for folded, space in _space_names(outline):
        name = re.escape(folded).replace(r"\ ", r"\s+")
        m = re.search(_SPACE_LEAD + name + r"\s*$", key)
        if m:
            return nfc[:m.start()].strip(" ,;:"), space
        m = re.match(r"\s*(?:(?:ban\s+)?du\s+thao\s+)?" + name + r"(?![a-z0-9])\s*[,;:]?", key)
        if m:
            return nfc[m.end():].strip(" ,;:"), space
    return text, None


def _space_whole(outline: Outline, space: str) -> Section:
    if space == "":
        return outline.whole()
    return next(d.whole for d in outline.documents if d.name == space)


_TABLE_RE = re.compile(r"^\s*(?:tai\s+)?(bieu mau|bieu so|bieu|bang so|bang|table)\s*(?:so\s*)?"
                       r"([0-9]{1,3}|[ivxlc]{1,6})(?![a-z0-9])")
_ROW_RE = re.compile(r"(?:^|[,;]\s*|\s)(?:dong|hang|row)\s+(?:(?:so|thu)\s+(?=\d))?(.+?)(?=\s*[,;]\s*(?:cot|column)\b|\s+(?:cot|column)\s|$)")
_COL_RE = re.compile(r"(?:^|[,;]\s*|\s)(?:cot|column)\s+(?:(?:so|thu)\s+(?=[\d(]))?(.+?)\s*$")


def _table_reference(outline: Outline, text: str, space: str | None):
    """(TableInfo, w:tbl, row, column) when ``text`` names a table ("Biểu số 02", "bảng 1",
    "Biểu số 02, dòng huyện Tân Lập, cột Tỷ lệ đúng hạn"), else None."""
    if not outline.tables:
        return None
    t = _text.clean(text)
    nfc, _ = nfc_with_map(t)
    key = key_text(nfc)
    m = _TABLE_RE.match(key)
    if not m:
        # "Phụ lục I, dòng ..., cột ...": the one table of the attached document named
        only = [i for i in outline.tables if i.space == space] if space else []
        if len(only) == 1 and re.match(r"\s*(?:tai\s+)?(?:dong|hang|row|cot|column)\s", key):
            info = only[0]
            row = column = None
            rm = _ROW_RE.search(key)
            if rm:
                row = nfc[rm.start(1):rm.end(1)].strip()
            cm = _COL_RE.search(key)
            if cm:
                column = nfc[cm.start(1):cm.end(1)].strip()
            return info, outline.blocks[info.block], row, column
        return None
    word, num = m.group(1), m.group(2)
    value = int(num) if num.isdigit() else (roman_value(num.upper()) or num)
    kind = "bieu" if word.startswith("bieu") else ("bang" if word.startswith("bang") else "table")
    pool = [i for i in outline.tables if space is None or i.space == space]
    named = [i for i in pool if i.caption_key == (kind, value)]
    if not named and kind != "bieu":
        named = [i for i in pool if i.number == value]
        plain = [i for i in named if not i.caption_key]  # "bảng 1" is the name of a table without a caption
        if len(plain) == 1:
            named = plain
    if not named:
        raise ResolveError(msg("no table matches '{reference}'", reference=text), candidates=[i.name for i in pool],
                           hint=msg("tables: {names}", names="; ".join(
                               f"{i.name} ({i.caption or ', '.join(i.header[:3])})" for i in pool)) if pool else None)
    if len(named) > 1:
        err = ResolveError(msg("'{reference}' is ambiguous: it matches {count} tables: {tables}", reference=text,
                               count=len(named), tables="; ".join(i.name for i in named)),
                           candidates=[i.name for i in named],
                           hint=msg("name the document, e.g. '{example}'",
                                    example=text + " của " + (named[-1].space or outline.name)))
        err.ambiguous = True
        raise err
    info = named[0]
    rest = key[m.end():]
    row = column = None
    rm = _ROW_RE.search(rest)
    if rm:
        row = nfc[m.end() + rm.start(1):m.end() + rm.end(1)].strip()
    cm = _COL_RE.search(rest)
    if cm:
        column = nfc[m.end() + cm.start(1):m.end() + cm.end(1)].strip()
    return info, outline.blocks[info.block], row, column


def _item(outline: Outline, idx: "_Index", ref: Reference) -> Section | None:
    """A numbered item in a section's body ("khoản 2 Mục II", "nội dung thứ 2 của Mục II",
    "II.2"), when no section has that address."""
    from .items import items

    comps = ref.components
    values = _path_values(comps, relaxed=False)
    if values is None or not values[-1]:
        return None
    n = values[-1][-1]
    if not isinstance(n, int) and not (isinstance(n, str) and n.islower() and len(comps) > 1):
        return None  # a lettered item is named with its parent ("điểm a khoản 1 Mục II")
    parents: list[Section] = []
    if len(comps) == 1 and len(comps[0].tokens) == 1:
        if comps[0].keyword != "item":
            return None
        parents = list(idx.sections)  # "nhiệm vụ 3": any section's item 3, if only one has it
    else:
        head = values[:-1] + ([values[-1][:-1]] if len(values[-1]) > 1 else [])
        for key in _join([v for v in head if v]):
            parents.extend(s for s in idx.by_key.get(key, []) if _valid(s, key))
        if not parents and len(comps) > 1:  # the parent may be a section by kind, or an item itself
            try:
                parents = [_resolve_in(outline, idx, parse_reference(" ".join(
                    f"{c.keyword or ''} {c.number}".strip() for c in comps[:-1])), "")]
            except ResolveError:
                parents = []
    found = [it for p in _unique(parents) for it in items(outline, p) if it.number == str(n)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise _ambiguous(ref, found)
    return None


def _resolve_in(outline: Outline, idx: "_Index", ref: Reference, space: str) -> Section:
    """The one section ``ref`` names among one address space's sections."""
    if ref.special:
        if ref.soft_special:
            named, _ = _by_title(idx, ref.title or "")
            if named:
                if len(named) > 1:
                    raise _ambiguous(ref, named)
                return named[0]
        return _special(outline, ref, space)
    if not ref.components:
        return _resolve_title(idx, ref)
    if ref.components[-1].keyword == "item":
        got = _item(outline, idx, ref)
        if got is not None:
            return got
    found = _strict(idx, ref)
    if ref.written and found and not all(_kind_fits(x, ref.components[-1]) for x in found):
        # "mục II Điều 1" read by rank found no Điều: read it as written (Điều 1's part II)
        try:
            return _resolve_in(outline, idx, Reference(ref.text, list(reversed(ref.written)), ref.title), space)
        except ResolveError:
            pass
    looked = " or ".join(_format(k) for k in _root_keys(ref.components, relaxed=True)) or None
    if not found:
        found = _relaxed(idx, ref)
        if len(found) > 1:
            found = _labelled_as_written(ref, found) or found
        if len(found) > 1:
            raise _ambiguous(ref, found, msg(" (no exact address; read loosely)"))
    elif len(found) > 1:
        raise _ambiguous(ref, found)
    if not found:
        got = _item(outline, idx, ref)
        if got is not None:
            return got
        if ref.written:
            # written inner first against the usual order ("mục II Điều 1": Điều 1's part II, in a
            # resolution whose articles hold Roman parts): read as written
            try:
                return _resolve_in(outline, idx, Reference(ref.text, list(reversed(ref.written)), ref.title), space)
            except ResolveError:
                pass
        if ref.title:
            named, _ = _by_title(idx, ref.title)
            if named:
                raise ResolveError(
                    msg("no section matches the number in '{reference}' (looked for {addresses}); its title names "
                        "{sections}", reference=ref.text, addresses=looked, sections=_listing(named)),
                    candidates=[s.address for s in named], hint=msg("check the number"))
        raise _not_found(idx, ref, looked, _parent_of_missing(outline, idx, ref, space))
    section = found[0]
    if ref.title:
        _confirm(idx, ref, section)
    return section


def _labelled_as_written(ref: Reference, found: list[Section]) -> list[Section]:
    """"tiểu mục 2.2" read loosely is II.2.2 (printed "2.2.") or II.2 (Phần II, Mục 2): a tiểu mục
    is a part of a Mục, so the one part whose printed label is the decimal number as written is
    meant.  ("Mục 1.2" stays ambiguous: letters do write "1" for Phần I.)"""
    last = ref.components[-1] if ref.components else None
    number = str(getattr(last, "number", "") or "")
    if getattr(last, "keyword", None) != "tieu muc" or not re.fullmatch(r"\d+(?:\.\d+)+", number):
        return []
    same = [s for s in found if (s.label or "").strip().rstrip(".") == number]
    return same if len(same) == 1 else []


def _kind_fits(section: Section, comp: Component) -> bool:
    """Could ``section`` be what the keyword of ``comp`` names?  "Điều" and "Chương" name only
    articles and chapters; "Mục", "khoản", "điểm" also name plain numbered parts."""
    kinds = KIND_GROUPS.get(comp.keyword or "")
    if not kinds or section.kind in kinds:
        return True
    return section.kind in (None, "item") and comp.keyword not in ("dieu", "article", "chuong", "chapter")


def _confirm(idx: _Index, ref: Reference, section: Section) -> None:
    f = _fold_title(ref.title or "")
    score = _similarity(f, _fold_title(section.title))
    named, how = _by_title(idx, ref.title or "")
    if score >= 0.75 and (how != "exact" or section in named):
        return
    others = [s for s in named if s is not section]
    if not others:
        best = difflib.get_close_matches(f, idx.titles, n=2, cutoff=0.75)
        others = [s for key in best for s in idx.by_title[key] if s is not section]
    candidates = [section] + others
    text = joined(msg("'{reference}': the number names {section}, but the title '{title}' does not match it",
                      reference=ref.text, section=section.display, title=ref.title),
                  msg("; the title names {sections}", sections=_listing(others)) if others else None)
    raise ResolveError(text, candidates=[s.address for s in candidates],
                       hint=msg("correct the number or the title"))


def _resolve_title(idx: _Index, ref: Reference) -> Section:
    named, how = _by_title(idx, ref.title or "")
    if not named:
        nfc, _ = nfc_with_map(ref.title or "")
        lead = _LEAD_RE.match(key_text(nfc))
        if lead:  # "tại Công tác thông tin ..." -> "Công tác thông tin ..."
            named, how = _by_title(idx, nfc[lead.end():])
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise _ambiguous(ref, named, msg(" (several headings have this text)"))
    raise _not_found(idx, ref, None)


# The document parts that are not numbered sections, as messages name them.
PART_NAMES = {"title": msg("title"), "preamble": msg("preamble"), "closing": msg("closing")}


def part_name(special: str):
    """'preamble' -> a message ('preamble' / 'phần mở đầu')."""
    return PART_NAMES.get(special, special)


def _special(outline: Outline, ref: Reference, space: str = "") -> Section:
    if space:
        doc = next(d for d in outline.documents if d.name == space)
        if ref.special == "*":
            return doc.whole
        part = getattr(doc, ref.special, None)
        if part is None:
            raise ResolveError(msg("{document} has no {part} part ('{reference}')", document=space,
                                   part=part_name(ref.special), reference=ref.text), candidates=[],
                               hint=msg("the outline found none; name a section instead"))
        return part
    if ref.special == "*":
        return outline.whole()
    if ref.special in PART_SPECIALS:
        part = outline.parts.get(ref.special)
    else:
        part = getattr(outline, ref.special)
    if part is None:
        raise ResolveError(msg("the draft has no {part} part ('{reference}')", part=part_name(ref.special),
                               reference=ref.text),
                           candidates=[], hint=msg("the outline found none; name a section instead"))
    return part


__all__ = ["resolve", "parse_reference", "Reference", "Component", "index"]

