"""``redline check``: a structural lint of a redlined .docx, for users and for every test.

Each finding names a defect Word, LibreOffice or a reviewer would trip over, and where it is
(part name and an XPath-like location, or a paragraph number).  Checks:

* ``unreadable``: the file does not open (safe opener / python-docx) - nothing else is checked.
* ``duplicate-id``, ``bad-id``: revision ids (w:ins, w:del, moves, *PrChange, cell revisions) are
  integers, unique across the document's story parts; comment ids unique in comments.xml.
* ``no-author``, ``no-date``, ``bad-date``: every revision has w:author; w:ins / w:del / moves /
  property changes carry a valid ISO 8601 w:date.
* ``deltext-outside-deletion``, ``text-inside-deletion`` (and the instrText pair): w:delText only
  inside w:del / w:moveFrom, w:t never inside w:del (a deleted run that is not marked deleted, or
  the reverse), each judged within its own story: a text box (w:txbxContent) is one, so its
  w:delText needs a w:del inside the box, not only around the run that anchors it.  Word itself keeps moved-away text in w:t inside w:moveFrom, so that is allowed.
* ``deleted-final-mark``: a deleted paragraph mark on the last paragraph of the body, a header or
  footer, or a cell (whose row or cell is not deleted itself): Word never deletes it, so Accept All
  cannot do what the markup says.  (A deleted note or comment ends with one: it goes with its
  reference, so those are not flagged.)  ``merge-into-table``: a deleted mark on a paragraph
  with surviving text right before a table - it has nothing to merge with.
* ``cell-ends-with-table``: a table cell must end with a paragraph (Word repairs the file).
* ``comment-*``: comment ranges and references paired with each other and with comments.xml.
* ``move-*``: move ranges paired (start/end by id, moveFrom/moveTo by name).
* ``original-mismatch`` (with ``original``): rejecting every revision the original did not
  already have gives back the original's text, paragraph by paragraph (tables included), in
  every story part both files have (comments excepted: adding one is not a revision).  A revision counts as the original's when the original has one
  of the same kind, author, date and id.
* ``expected-mismatch`` (with ``expected``, one paragraph a line): Accept All gives that text.

Texts are compared after NFC and whitespace normalisation, with empty paragraphs left out.
"""
from __future__ import annotations

import copy
import difflib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from lxml import etree

from .errors import RedlineError
from .messages import msg, render
from .ooxml import W_NS, paragraph_text


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


@dataclass(frozen=True)
class Finding:
    """One defect: a stable ``code``, a one-line ``message`` and where it is."""

    code: str
    message: Any  # a messages.Message (or plain text from a library)
    location: Any = ""

    def __str__(self) -> str:
        where, text = render(self.location), render(self.message)
        return f"{where}: {self.code}: {text}" if where else f"{self.code}: {text}"


ID, AUTHOR, DATE = w("id"), w("author"), w("date")
RUN_REVISIONS = [w(n) for n in ("ins", "del", "moveFrom", "moveTo")]
PROPERTY_CHANGES = [w(n) for n in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange",
                                   "trPrChange", "tcPrChange", "tblGridChange", "numberingChange")]
CELL_REVISIONS = [w(n) for n in ("cellIns", "cellDel", "cellMerge")]
RANGE_STARTS = [w(n) for n in ("moveFromRangeStart", "moveToRangeStart", "customXmlInsRangeStart",
                               "customXmlDelRangeStart", "customXmlMoveFromRangeStart", "customXmlMoveToRangeStart")]
ALL_REVISIONS = RUN_REVISIONS + PROPERTY_CHANGES + CELL_REVISIONS + RANGE_STARTS
DATED = set(RUN_REVISIONS + PROPERTY_CHANGES)
DELETIONS = {w("del"), w("moveFrom")}
TXBX = w("txbxContent")
P, TBL, TC, TR = w("p"), w("tbl"), w("tc"), w("tr")

_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
STORY_TYPES = {_CT + t for t in ("document.main+xml", "template.main+xml", "header+xml", "footer+xml",
                                 "footnotes+xml", "endnotes+xml", "comments+xml")}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")


# ------------------------------------------------------------------------------------------
# reading


class _Doc:
    """The story parts of a .docx, parsed (document first, then the others by name)."""

    def __init__(self, path: Path):
        from .package import vet_docx

        source = vet_docx(path)  # DocumentError for anything unsafe or broken
        self.path = path
        names = [n for n in source.names() if source.content_type(n) in STORY_TYPES]
        names.sort(key=lambda n: (n != source.main_part, n))
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        self.parts: dict[str, etree._Element] = {n: etree.fromstring(source.read(n), parser) for n in names}
        self.main = source.main_part
        self.comments = next((r for r in self.parts.values() if r.tag == w("comments")), None)
        self.comments_name = next((n for n, r in self.parts.items() if r.tag == w("comments")), None)


def where(part: str, el: etree._Element) -> str:
    """'word/document.xml /w:body/w:p[3]/w:ins[1]' (1-based indexes among same-named siblings)."""
    steps = []
    node = el
    while node is not None and node.getparent() is not None:
        parent = node.getparent()
        same = [c for c in parent if c.tag == node.tag]
        q = etree.QName(node)
        name = ("w:" if q.namespace == W_NS else "") + q.localname
        steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        node = parent
    return f"{part} /" + "/".join(reversed(steps))


def _blocks(container: etree._Element) -> list[etree._Element]:
    """Block-level paragraphs and tables of a container, looking through sdt / customXml."""
    out = []
    for c in container:
        if c.tag in (P, TBL):
            out.append(c)
        elif c.tag == w("sdt"):
            content = c.find(w("sdtContent"))
            if content is not None:
                out.extend(_blocks(content))
        elif c.tag == w("customXml"):
            out.extend(_blocks(c))
    return out


def story_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    for b in _blocks(container):
        if b.tag == P:
            yield b
        else:
            for tr in b.findall(TR):
                for tc in tr.findall(TC):
                    yield from story_paragraphs(tc)


def _stories(root: etree._Element) -> list[etree._Element]:
    """The containers of a part's stories: the body, or each comment / note, or the header."""
    if root.tag == w("document"):
        body = root.find(w("body"))
        return [body] if body is not None else []
    if root.tag in (w("comments"), w("footnotes"), w("endnotes")):
        return list(root)
    return [root]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def part_paragraphs(root: etree._Element) -> list[str]:
    """Normalised non-empty paragraph texts of a part (revisions as stored: shown if inserted)."""
    out = []
    for story in _stories(root):
        for p in story_paragraphs(story):
            t = _norm(paragraph_text(p, "current"))
            if t:
                out.append(t)
    return out


# ------------------------------------------------------------------------------------------
# the checks


def check(path: Path, original: Path | None = None, expected: str | None = None) -> list[Finding]:
    """Lint ``path``; see the module docstring.  An empty list means clean."""
    path = Path(path)
    try:
        doc = _Doc(path)
        _opens_with_python_docx(path)
    except RedlineError as exc:
        return [Finding("unreadable", exc.message if hasattr(exc, "message") else str(exc), str(path))]
    except Exception as exc:  # python-docx or lxml refusing the package
        return [Finding("unreadable", f"{type(exc).__name__}: {exc}", str(path))]
    findings: list[Finding] = []
    findings += _ids(doc)
    findings += _attribution(doc)
    findings += _deleted_text(doc)
    findings += _paragraph_marks(doc)
    findings += _tables(doc)
    findings += _comments(doc)
    findings += _moves(doc)
    if original is not None:
        findings += _against_original(doc, Path(original))
    if expected is not None:
        findings += _against_expected(doc, expected)
    return findings


def _opens_with_python_docx(path: Path) -> None:
    from .package import open_docx

    open_docx(path)


def _ids(doc: _Doc) -> list[Finding]:
    out = []
    seen: dict[str, tuple[str, etree._Element]] = {}
    for part, root in doc.parts.items():
        for el in root.iter(*ALL_REVISIONS):
            rid = el.get(ID)
            if rid is None or not re.fullmatch(r"-?\d+", rid):
                out.append(Finding("bad-id", msg("revision id {id!r} is not an integer", id=rid), where(part, el)))
                continue
            if rid in seen:
                first = where(*seen[rid])
                out.append(Finding("duplicate-id", msg("revision id {id} already used at {first}", id=rid, first=first),
                                   where(part, el)))
            else:
                seen[rid] = (part, el)
    if doc.comments is not None:
        counts = Counter(c.get(ID) for c in doc.comments.iter(w("comment")))
        for cid, n in counts.items():
            if n > 1:
                out.append(Finding("duplicate-id", msg("comment id {id} used {count} times", id=cid, count=n),
                                   doc.comments_name))
    return out


def _attribution(doc: _Doc) -> list[Finding]:
    out = []
    for part, root in doc.parts.items():
        for el in root.iter(*ALL_REVISIONS):
            name = etree.QName(el).localname
            if el.tag == w("tblGridChange"):  # CT_TblGridChange has only an id
                continue
            if not el.get(AUTHOR):
                out.append(Finding("no-author", msg("w:{name} has no w:author", name=name), where(part, el)))
            if el.tag in DATED:
                date = el.get(DATE)
                if date is None:
                    out.append(Finding("no-date", msg("w:{name} has no w:date", name=name), where(part, el)))
                elif not _valid_date(date):
                    out.append(Finding("bad-date", msg("w:{name} has an invalid w:date {date!r}", name=name, date=date),
                                       where(part, el)))
    return out


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    v = value.replace("Z", "+00:00")
    v = re.sub(r"\.(\d{1,6})\d*", r".\1", v)  # fromisoformat takes at most microseconds
    try:
        datetime.fromisoformat(v)
    except ValueError:
        return False
    return True


def _deleted_text(doc: _Doc) -> list[Finding]:
    out = []
    pairs = ((w("delText"), w("t"), "w:delText", "w:t"), (w("delInstrText"), w("instrText"), "w:delInstrText",
                                                           "w:instrText"))
    for part, root in doc.parts.items():
        for deleted_tag, live_tag, dname, lname in pairs:
            for el in root.iter(deleted_tag, live_tag):
                ancestors = _story_ancestors(el)
                in_deletion = bool(ancestors & DELETIONS)
                if el.tag == live_tag:  # Word keeps moved-away text in w:t; only w:del needs w:delText
                    in_deletion = w("del") in ancestors
                if el.tag == deleted_tag and not in_deletion:
                    out.append(Finding("deltext-outside-deletion",
                                       msg("{element} {text!r} is not inside w:del or w:moveFrom", element=dname,
                                           text=(el.text or "")[:40]), where(part, el)))
                elif el.tag == live_tag and in_deletion:
                    out.append(Finding("text-inside-deletion",
                                       msg("{element} {text!r} inside a deletion (should be {deleted})", element=lname,
                                           text=(el.text or "")[:40], deleted=dname), where(part, el)))
    return out


def _story_ancestors(el: etree._Element) -> set[str]:
    """The tags of ``el``'s ancestors within its own story: up to the part's root, or to the
    w:txbxContent of the text box it sits in.  A text box's paragraphs are a story of their
    own: a w:del around the run that anchors the box deletes the shape, not the text in it,
    so w:delText in the box needs a w:del of its own (pandoc's Reject All drops it otherwise)."""
    tags = set()
    for a in el.iterancestors():
        if a.tag == TXBX:
            break
        tags.add(a.tag)
    return tags


def _mark(p: etree._Element, tags: Iterable[str]) -> etree._Element | None:
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    if rpr is None:
        return None
    for c in rpr:
        if c.tag in tags:
            return c
    return None


def _survives(p: etree._Element) -> bool:
    """Has the paragraph text that Accept All keeps?"""
    for t in p.iter(w("t")):
        if t.text and not any(a.tag in DELETIONS for a in t.iterancestors()):
            return True
    return False


def _paragraph_marks(doc: _Doc) -> list[Finding]:
    out = []
    for part, root in doc.parts.items():
        # notes and comments go with their reference: a deleted note ends with a deleted mark
        stories = _stories(root) if root.tag in (w("document"), w("hdr"), w("ftr")) else []
        containers = list(stories) + list(root.iter(TC))
        for cont in containers:
            blocks = _blocks(cont)
            if not blocks:
                continue
            last = blocks[-1]
            if last.tag == P and _mark(last, DELETIONS) is not None:
                row_deleted = False
                if cont.tag == TC:
                    trpr = cont.getparent().find(w("trPr")) if cont.getparent() is not None else None
                    row_deleted = trpr is not None and trpr.find(w("del")) is not None
                    cell_deleted = cont.find(f"{w('tcPr')}/{w('cellDel')}") is not None
                    row_deleted = row_deleted or cell_deleted
                if not row_deleted:
                    what = "cell" if cont.tag == TC else etree.QName(cont).localname
                    out.append(Finding("deleted-final-mark",
                                       msg("the last paragraph mark of a {what} is marked deleted; Word never deletes "
                                           "it (Accept All keeps it)", what=what), where(part, last)))
            for b, nxt in zip(blocks, blocks[1:]):
                if b.tag == P and nxt.tag == TBL and _mark(b, DELETIONS) is not None and _survives(b):
                    out.append(Finding("merge-into-table",
                                       msg("a paragraph with text left after Accept All has its mark deleted but is "
                                           "followed by a table: it has nothing to merge with"), where(part, b)))
    return out


def _tables(doc: _Doc) -> list[Finding]:
    out = []
    for part, root in doc.parts.items():
        for tc in root.iter(TC):
            blocks = _blocks(tc)
            if not blocks:
                out.append(Finding("empty-cell", msg("a table cell without a paragraph"), where(part, tc)))
            elif blocks[-1].tag != P:
                out.append(Finding("cell-ends-with-table", msg("a table cell must end with a paragraph"),
                                   where(part, tc)))
        for tbl in root.iter(TBL):
            if tbl.find(TR) is None:
                out.append(Finding("empty-table", msg("a table without rows"), where(part, tbl)))
    return out


def _comments(doc: _Doc) -> list[Finding]:
    out = []
    defined = {c.get(ID): c for c in doc.comments.iter(w("comment"))} if doc.comments is not None else {}
    starts: dict[str, list] = defaultdict(list)
    ends: dict[str, list] = defaultdict(list)
    refs: dict[str, list] = defaultdict(list)
    order: dict[int, int] = {}
    for part, root in doc.parts.items():
        if root.tag == w("comments"):
            continue
        for i, el in enumerate(root.iter(w("commentRangeStart"), w("commentRangeEnd"), w("commentReference"))):
            order[id(el)] = i
            bucket = {w("commentRangeStart"): starts, w("commentRangeEnd"): ends, w("commentReference"): refs}[el.tag]
            bucket[el.get(ID)].append((part, el))
    for cid in sorted(set(starts) | set(ends) | set(refs), key=lambda s: (len(s or ""), s or "")):
        s, e, r = starts.get(cid, []), ends.get(cid, []), refs.get(cid, [])
        anchor = where(*(s or e or r)[0])
        if cid not in defined:
            out.append(Finding("comment-missing", msg("comment id {id} is used but comments.xml has no such comment",
                                                      id=cid), anchor))
        if not r:
            out.append(Finding("comment-no-reference", msg("comment {id} has a range but no w:commentReference", id=cid),
                               anchor))
        if len(s) != len(e) or len(s) > 1:
            out.append(Finding("comment-range-unpaired",
                               msg("comment {id} has {starts} commentRangeStart and {ends} commentRangeEnd", id=cid,
                                   starts=len(s), ends=len(e)), anchor))
        elif s and s[0][0] == e[0][0] and order[id(s[0][1])] > order[id(e[0][1])]:
            out.append(Finding("comment-range-reversed", msg("comment {id}'s range ends before it starts", id=cid),
                               anchor))
        if len(r) > 1:
            out.append(Finding("comment-reference-repeated", msg("comment {id} is referenced {count} times", id=cid,
                                                                 count=len(r)), anchor))
    for cid, c in defined.items():
        if cid not in refs:
            out.append(Finding("comment-orphaned", msg("comment {id} is never referenced in the document", id=cid),
                               where(doc.comments_name, c)))
    return out


def _moves(doc: _Doc) -> list[Finding]:
    out = []
    names: dict[str, Counter] = {"moveFrom": Counter(), "moveTo": Counter()}
    for part, root in doc.parts.items():
        for kind in ("moveFrom", "moveTo"):
            start_ids = {}
            for el in root.iter(w(kind + "RangeStart")):
                start_ids[el.get(ID)] = el
                names[kind][el.get(w("name"))] += 1
            end_ids = {el.get(ID): el for el in root.iter(w(kind + "RangeEnd"))}
            for rid in set(start_ids) ^ set(end_ids):
                el = start_ids.get(rid) if rid in start_ids else end_ids[rid]
                out.append(Finding("move-range-unpaired",
                                   msg("w:{kind}Range id {id} has no matching end", kind=kind, id=rid)
                                   if rid in start_ids else
                                   msg("w:{kind}Range id {id} has no matching start", kind=kind, id=rid),
                                   where(part, el)))
    for name in set(names["moveFrom"]) ^ set(names["moveTo"]):
        have = "moveFrom" if name in names["moveFrom"] else "moveTo"
        out.append(Finding("move-unpaired", msg("move {name!r} has a {have} range but no {missing} range", name=name,
                                                have=have, missing="moveTo" if have == "moveFrom" else "moveFrom"),
                           doc.main))
    return out


# ------------------------------------------------------------------------------------------
# against the original and the expected text


def _revision_keys(root: etree._Element) -> Counter:
    """Who and when, not the id: a writer that splits an earlier reviewer's w:ins in two
    (to insert inside it) gives the second half a new id but keeps its author and date."""
    return Counter((el.tag, el.get(AUTHOR), el.get(DATE)) for el in root.iter(*ALL_REVISIONS))


def _settled(root: etree._Element, accept: bool, select=None) -> etree._Element:
    from .revisions import accept_all, reject_all

    root = copy.deepcopy(root)
    (accept_all if accept else reject_all)(root, select=select)
    return root


def _diff(ours: list[str], theirs: list[str], part: str, code: str, what: Any) -> list[Finding]:
    if ours == theirs:
        return []
    sm = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        want = theirs[i1] if i1 < len(theirs) else "(nothing)"
        got = ours[j1] if j1 < len(ours) else "(nothing)"
        more = sum(max(b - a, d - c) for t, a, b, c, d in sm.get_opcodes() if t != "equal")
        return [Finding(code, msg("{what}: paragraph {number} is {got!r}, expected {want!r} ({count} "
                                  "{count:plural:paragraph differs:paragraphs differ})", what=what, number=j1 + 1,
                                  got=_short(got), want=_short(want), count=more),
                        f"{part} paragraph {j1 + 1}")]
    return []


def _short(s: str, n: int = 70) -> str:
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _against_original(doc: _Doc, original: Path) -> list[Finding]:
    try:
        orig = _Doc(original)
    except RedlineError as exc:
        return [Finding("unreadable", msg("the original: {reason}", reason=exc.message), str(original))]
    out = []
    for part, root in doc.parts.items():
        if part not in orig.parts or root.tag == w("comments"):  # comments are added, not revised
            continue
        before = _revision_keys(orig.parts[part])
        added = lambda el, before=before: (el.tag, el.get(AUTHOR), el.get(DATE)) not in before  # noqa: E731
        restored = _settled(root, False, select=added)
        for accept in (False, True):
            ours = part_paragraphs(_settled(restored, accept))
            theirs = part_paragraphs(_settled(orig.parts[part], accept))
            out += _diff(ours, theirs, part, "original-mismatch",
                         msg("rejecting the revisions the original did not have does not give it back (with every "
                             "revision accepted)") if accept else
                         msg("rejecting the revisions the original did not have does not give it back (with every "
                             "revision rejected)"))
            if out:
                break
    return out


def _against_expected(doc: _Doc, expected: str) -> list[Finding]:
    want = [t for t in (_norm(line) for line in expected.splitlines()) if t]
    got = part_paragraphs(_settled(doc.parts[doc.main], True))
    return _diff(got, want, doc.main, "expected-mismatch",
                 msg("the text after Accept All differs from the expected text"))
