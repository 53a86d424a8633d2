"""Location phrases: where in the draft an instruction goes.

Why its own module: the place is read separately from the operation and the content, so a
clause never borrows another's place by accident.  A clause's place is, in this order:

1. a section reference written in it, chains merged ("điểm a khoản 1 Điều 3", "Mục 6.2 của
   Phần II", "tiểu mục 2.1, mục 2"), completed by a coarser reference written before it in
   the clause or by its group head ("1. Đối với Phần II:" -> "Mục 2" means "Mục 2 Phần II");
2. a named part: the whole draft ("trong toàn bộ dự thảo"), its title ("tên gọi của dự
   thảo"), preamble, closing (``location.special`` in the lexicon);
3. a heading's words ("tại phần đánh giá chung", "nội dung về cải cách thủ tục hành
   chính"): the resolver reads headings like numbers;
4. the previous instruction's place, ONLY when the letter says so ("cũng tại mục này",
   "tại điểm này": ``location.carry``);
5. the place its item set at the start (a lead such as "Khoản 3 Điều 9 dự thảo ghi: “...”.
   Tôi đề nghị ..."), or its group head's.

A quotation that locates by content ("tại nội dung “...”", "... dự thảo ghi: “...”") is
current text: ``Place.current`` keeps it, and grounding uses it to pin or confirm the place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import clean
from .content import PH_RE, unmask
from .lexicon import lexicon
from .predicate import instruction_end, order_verbs, quiet_clauses  # noqa: F401

_NUM = (r"(?:[IVXLC]+(?:\.\d+)*\.?(?![\w])|[lI](?:\.\d+)+\.?(?![\d\w])|\d+(?:\.\d+)*[a-zđ]?\.?(?![\d\w])|"
        r"[a-zđ](?![\w])|thứ\s+(?:nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám))")
_LEVEL_RANK = {"tiết": 1, "điểm": 2, "khoản": 3, "tiểu mục": 3, "mục": 4, "điều": 4, "chương": 5, "phần": 6}
_CHAIN_SEP = re.compile(r"^(?P<list>(?:\s*(?:,|và|hoặc)\s*(?:[a-zđ]|\d+[a-zđ]?)(?![\w.]))*)"
                        r"\s*(?:,\s*|\s+(?:của|thuộc|tại|trong|ở)\s+|\s+)(?:(?:dự thảo|của dự thảo)\s+)?$", re.I)
_ORDINAL_ROMAN = {"nhất": "I", "hai": "II", "ba": "III", "tư": "IV", "bốn": "IV", "năm": "V", "sáu": "VI",
                  "bảy": "VII", "tám": "VIII"}
ORDINAL = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
           "chín": 9, "mười": 10}
_K = r"\d+|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|cuối cùng|cuối|đầu tiên|đầu"


def _one_ref() -> re.Pattern:
    lx = lexicon()
    # not a compound that only holds the word ("thời điểm 31/3/2023", "địa điểm": location.not_after), and no date
    compound = "".join(rf"(?<!{re.escape(w)}\s)" for w in lx.phrases("location.not_after"))
    return re.compile(r"(?<![\w])" + compound + r"(?:(?P<word>" + lx.alt("location.keywords") + r")\s+(?P<num>" + _NUM +
                      r")(?!/\d)|"
                      r"(?P<item>" + lx.alt("location.items") + r")\s+(?P<inum>thứ\s+(?:\d{1,2}|nhất|hai|ba|tư|bốn|năm|"
                      r"sáu|bảy|tám|chín|mười)|số\s+\d{1,2}))(?![\w])", re.I)


@dataclass
class Ref:
    text: str  # as written (without the bracketed title)
    ranks: list[int]
    start: int
    end: int  # end in the skeleton, title included
    title: str | None = None
    doc: str | None = None  # a group head that names only a document ("II. ĐỐI VỚI DỰ THẢO QUY CHẾ")

    @property
    def target(self) -> str:
        if self.doc and not self.text:
            return self.doc
        return f"{self.text} ({self.title})" if self.title else self.text


def document_group(head: str) -> Ref | None:
    """'II. ĐỐI VỚI DỰ THẢO QUY CHẾ', '2. Về nội dung dự thảo Quy chế': a head that names a document
    printed within the draft, and no place in it: its items' places are in that document."""
    m = re.search(r"(?i)\bdự thảo\s+(?P<d>" + lexicon().alt("location.documents") + r")(?![\w])", head)
    if not m or find_refs(*_masked(head)):
        return None
    d = next((x for x in lexicon().phrases("location.documents") if x.lower() == m.group("d").lower()), None)
    return Ref("", [10], 0, 0, doc=d) if d else None


def _masked(text: str):
    from .content import mask_quotes

    return mask_quotes(text)


# A reference to another document ("khoản 1 Điều 10 Nghị định số 43/2017/NĐ-CP", "Điều 7 Luật
# Đầu tư"): not a place in the draft.
_EXTERNAL = re.compile(r"^\s*,?\s*(?:của\s+)?(?:(?:Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|Luật|Bộ luật)\s+"
                       r"(?:số\s+\d|[A-ZĐÀ-Ỹ]\w*\s+\w)|(?:Hiến pháp|Luật|Nghị định|Thông tư)\s+hiện hành)")


def find_refs(skel: str, quotes: list[str]) -> list[Ref]:
    """Section references in a skeleton (quotes masked), chains merged ("Mục 6.2 của Phần II");
    a reference to another document is not one of them; one in a document printed within the
    draft names it ("Điều 3 dự thảo Quyết định", "Điều 6 của Quy chế")."""
    refs = [r for r in _find_refs(skel, quotes) if not _EXTERNAL.match(skel[r.end:r.end + 60])]
    doc = re.compile(r"\s*,?\s*(?:của\s+)?(?:(?i:dự thảo)\s+)?(?P<d>" + lexicon().alt("location.documents") +
                     r")(?![\w])(?!\s+(?:số|này|hiện hành))")
    # "Về dự thảo Quyết định: tại Điều 2, ...": the document a topic label names holds the places
    label = re.match(r"\W*(?:về|đối với|tại)\s+(?:(?:nội dung\s+)?(?:của\s+)?(?i:dự thảo)\s+)?(?P<d>" +
                     lexicon().alt("location.documents") + r")(?![\w])[^:⟦]{0,40}:", skel, re.I)
    for r in refs:
        m = doc.match(skel[r.end:])
        if m and r.title is None:
            r.text = f"{r.text} của {m.group('d')[:1].upper()}{m.group('d')[1:].lower()}"
            r.end += m.end()
        elif label and r.start > label.end() and " của " not in r.text:
            r.text = f"{r.text} của {label.group('d')[:1].upper()}{label.group('d')[1:].lower()}"
    return refs


def _find_refs(skel: str, quotes: list[str]) -> list[Ref]:
    singles = []
    for m in _one_ref().finditer(skel):
        if m.group("item") and m.group("inum").lower().startswith("số") and \
                m.group("item").lower() in ("nhiệm vụ", "nội dung"):
            continue  # "nhiệm vụ số 4": a row of a plan's table of tasks (the table hints read it)
        if m.group("item"):
            # "mục tiêu thứ nhất", "nội dung thứ 3": a numbered item in a section's body, named as the
            # letter names it (the resolver reads the ordinal and the heading it belongs to)
            ordinal = m.group("inum").split()[-1].lower()
            k = ordinal if ordinal.isdigit() else str(ORDINAL.get(ordinal, 1))
            singles.append((m.start(), m.end(), "khoản", k, m.group("item") + " thứ"))
            continue
        word = re.sub(r"\s+", " ", m.group("word").lower())
        num = m.group("num").rstrip(".")
        if num.lower().startswith("thứ"):
            ordinal = num.split()[-1].lower()
            num = _ORDINAL_ROMAN.get(ordinal, num) if word == "phần" else str(ORDINAL.get(ordinal, num))
        if len(num) == 1 and num.isalpha() and num.islower() and word not in ("điểm", "tiết"):
            continue
        if num.lower() in ("l", "ll", "lll") or (num[:1] in "lI" and "." in num and not re.fullmatch(r"[IVXLC]+(\.\d+)*", num)):
            run = re.match(r"[lI]+", num).group(0)
            num = "I" * len(run) + num[len(run):]  # "Mục l.2", "mục lll.2": lower-case L typed for the Roman I
        if re.fullmatch(r"[IVXLC]+(\.\d+)*|\d+(\.\d+)*[a-zđ]?|[a-zđ]", num) is None:
            continue
        singles.append((m.start(), m.end(), word, num, m.group("word")))
    refs: list[Ref] = []
    for start, end, word, num, written in singles:
        if refs and start < refs[-1].end:
            continue  # inside the bracket just read as a level of the chain
        rank = _LEVEL_RANK.get(word, 4)
        piece = f"{written[:1].upper()}{written[1:]} {num}"
        chain = _CHAIN_SEP.match(skel[refs[-1].end:start]) if refs else None
        titled = refs[-1].title is not None if refs else False
        if chain and titled and rank < min(refs[-1].ranks) and re.fullmatch(r"[\s,]*", skel[refs[-1].end:start]):
            # "Phần thứ ba (Đánh giá chung), mục 3": the title named the outer part; the chain
            # goes on inward (the title is not the inner part's, so it no longer checks it)
            refs[-1].title, titled = None, False
        if chain and not titled and (
                rank > refs[-1].ranks[-1] or rank < refs[-1].ranks[-1] and rank < min(refs[-1].ranks)
                and not re.search(r"\b(?:của|thuộc|tại|trong|ở)\b", chain.group(0))):
            # "khoản 2 Điều 5" (inner first) or "Điều 4, khoản 3, điểm đ" (outer first); a list
            # ("các điểm a, b, khoản 1") keeps its first member.
            sep = skel[refs[-1].end:start][len(chain.group("list")):]
            sep = ", " if "," in sep else (" " + sep.strip() + " " if sep.strip() else " ")
            if refs[-1].text.endswith(tuple(f" thứ {d}" for d in "0123456789")) and sep == " ":
                sep = " của "  # "Nội dung thứ 3 Mục II": the third item of Mục II
            prev = refs[-1]
            if written.endswith(" thứ") and sep.strip() in ("", ","):
                prev.text = piece + " của " + prev.text  # "Mục II, chỉ tiêu số 3": the third item of Mục II
            else:
                prev.text = prev.text + sep + piece
            prev.ranks.append(rank)
            prev.end = end
        else:
            refs.append(Ref(piece, [rank], start, end))
        # A bracketed title right after: "Mục I.4 (Công tác thông tin, tuyên truyền CCHC)".
        tail = skel[end:]
        t = re.match(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", tail)
        inner = _one_ref().fullmatch(t.group(1).strip()) if t else None
        if inner and inner.group("word"):
            # "Chương II (Mục 2), Điều 7": the bracket names a level between, not a title
            refs[-1].text += f", {inner.group('word')[:1].upper()}{inner.group('word')[1:].lower()} " \
                             f"{inner.group('num').rstrip('.')}"
            refs[-1].ranks.append(refs[-1].ranks[-1] - 0.5)
            refs[-1].end = end + t.end()
            continue
        if t and len(t.group(1)) > 3 and not re.match(r"\s*(?:trang|dòng|sửa đổi|bổ sung|mới|cũ)\b", t.group(1), re.I):
            refs[-1].title = clean(unmask(t.group(1), quotes))
            refs[-1].end = end + t.end()
        else:
            q = re.match(r"\s*⟦(\d+)⟧", tail)
            if q and int(q.group(1)) < len(quotes) and quotes[int(q.group(1))][:1].isupper() and len(
                    quotes[int(q.group(1))].split()) <= 12 and not quotes[int(q.group(1))].rstrip().endswith(
                    (".", ";")) and not re.match(
                    r"\s*⟦\d+⟧\s*(?:thành|bằng|là)\b", tail) and word in ("mục", "phần", "tiểu mục", "chương", "điều"):
                refs[-1].title = clean(quotes[int(q.group(1))])
                refs[-1].end = end + q.end()
    # "Mục l.1 Phần I" (typed for Mục I.1): the Roman part already names the Phần.
    for r in refs:
        m = re.fullmatch(r"(?i)(mục|tiểu mục)\s+([IVX]+)\.(\d+(?:\.\d+)*)\s*,?\s*(?:của\s+|thuộc\s+)?phần\s+([IVX]+)", r.text)
        if m and m.group(2).upper() == m.group(4).upper():
            r.text = f"{m.group(1)} {m.group(2).upper()}.{m.group(3)}"
            r.ranks = r.ranks[:1]
    # "Mục 4 và Mục 5 Phần IV": the first takes the context the second carries.
    for a, b in zip(refs, refs[1:]):
        if len(a.ranks) == 1 and len(b.ranks) > 1 and b.ranks[0] == a.ranks[0] and a.title is None and \
                re.fullmatch(r"\s*(?:và|,|hoặc)\s*", skel[a.end:b.start]):
            tail = b.text.split(" ", 2)[2] if b.text.count(" ") >= 2 else ""
            tail = re.sub(r"^(?:,\s*|của\s+|thuộc\s+|tại\s+|trong\s+)", "", tail)
            if tail:
                a.text = f"{a.text} {tail}"
                a.ranks = list(b.ranks)
    return refs


def combine(child: str | None, child_ranks: list[int] | None, group: "Ref | None") -> str | None:
    """A sub-item's reference inside its group's: 'Mục 2' under 'Phần II' -> 'Mục 2 Phần II'."""
    if group is None:
        return child
    if child is None:
        return group.target
    if group.doc and not group.text:
        return child if " của " in child else f"{child} của {group.doc}"
    if child_ranks and max(child_ranks) < min(group.ranks) and not re.search(r"[IVX]+\.\d", child):
        m = re.match(r"^(.*?)(\s*\([^()]*\))?$", child)
        base, title = m.group(1), (m.group(2) or "")
        return f"{base} {group.text}{title}"
    return child


def complete(ref: Ref, skel: str, quotes: list[str], group: "Ref | None") -> str:
    """A reference finer than one written earlier in the clause ("Đối với Phần IV, ... vào trước
    Mục 7") or than the group's takes that as its context."""
    before = [r for r in find_refs(skel[: ref.start], quotes) if min(r.ranks) > max(ref.ranks)]
    if before and not re.search(r"[IVX]+\.\d", ref.text):
        ctx = before[-1]
        return f"{ref.text} {ctx.text}" + (f" ({ref.title})" if ref.title else "")
    return combine(ref.target, ref.ranks, group)


# ---------------------------------------------------------------------------- the place of a clause

@dataclass
class Place:
    target: str | None = None
    rule: str | None = None  # which lexicon entry / rule decided
    refs: list[Ref] = field(default_factory=list)
    special: str | None = None
    page: re.Match | None = None
    own: bool = False  # named in this clause (not carried, not inherited)
    current: list[int] = field(default_factory=list)  # quotes that are the draft's current text
    cited: list[str] = field(default_factory=list)  # current text quoted by the sentence before, at this place
    by_content: bool = False  # "tại nội dung “...”": the quote is the place
    carried: bool = False  # referred back to ("quy định này", "cũng tại mục này")
    bracketed: bool = False  # named only in brackets ("(điểm g khoản 4a)"): a citation in passing
    also: list[str] = field(default_factory=list)  # "tại Điều 1 và Điều 2": the places named with it


def special_of(skel: str) -> tuple[str, str] | None:
    lx = lexicon()
    for name in ("whole", "title", "preamble", "closing"):
        for m in lx.rx(f"location.special.{name}").finditer(skel):
            if name == "title" and re.match(r"\s+(?:cũ\s+)?của\s+(?:một số\s+|các\s+|những\s+)?(?:" +
                                            lx.alt("location.keywords") + r"|hiến pháp|luật|nghị định)(?![\w])",
                                            skel[m.end():], re.I):
                continue  # "tiêu đề của một số khoản", "tên gọi của Chương I": a part's name, not the draft's
            return ("*" if name == "whole" else name), f"location.special.{name}: {m.group(0).lower()}"
    return None


def heading_words(skel: str) -> tuple[str, str] | None:
    """'tại phần đánh giá chung' -> ('đánh giá chung', rule); 'nội dung về X' -> X."""
    lx = lexicon()
    # "Về phương hướng, nhiệm vụ: đề nghị ...": a topic label opening the sentence names the part
    # by its heading, unless it names an aspect of the whole draft ("Về hình thức:", "Về bố cục:").
    m = re.match(r"\W*(?:về|đối với)\s+(?P<t>(?!⟦)(?!(?:nội dung|phần|tiểu mục|mục)(?![\w]))[^\W\d][^:;,⟦()]{2,80}?)"
                 r"\s*(?::\s*(?=\S)|,\s*(?=(?:" +
                 lx.pattern("request.markers") + r")\s))", skel, re.I) or \
        re.match(r"\W*(?:về|đối với)\s+(?P<t>(?!⟦)[^\W\d][^:;⟦()]{2,80}?)\s*:\s*(?=\S)", skel, re.I)
    if m and not re.match(r"(?:" + lx.pattern("location.aspects") + r")\s*$", m.group("t"), re.I) and \
            not re.search(r"(?<![\w])(?:dự thảo|" + lx.pattern("location.documents") + r")(?![\w])", m.group("t"), re.I) and \
            not lx.rx("location.keywords", after=r"\s+[\dIVX]").search(m.group("t")) and \
            len(m.group("t").split()) >= 2:
        return clean(m.group("t")), f"location.by_heading: {m.group(0).split()[0].strip().lower()} ...:"
    # ("bổ sung một chương quy định về X", "thêm 01 điều quy định về ...": a new part, not a place)
    rx = re.compile(r"(?<!một\s)(?<!01\s)(?<!thêm\s)(?:" + lx.pattern("location.by_heading") + r")\s+(?P<t>(?![\dIVX]+\b)(?!thứ\b)(?!⟦)"
                    r"[^\W\d][^,:;⟦()]{2,100}?)\s*(?=[,:;(]|\s(?:" + lx.pattern("request.markers") + r")\s|$)", re.I)
    m = rx.search(skel)
    if not m:
        # "Ngoài ra, phần kiến nghị em thấy nên bổ sung ...": a clause that opens with the part its
        # heading's words name (up to the speaker or the request)
        stop = r"(?:em|tôi|chúng tôi|chúng em|mình|thì|" + lx.pattern("request.markers") + r")"
        m = re.match(r"\W*(?:(?:ngoài ra|riêng|còn|đối với|tại|ở|trong)\s*,?\s+)?(?:phần|mục)\s+(?P<t>(?![\dIVX]+\b)"
                     r"(?!thứ\b)(?!⟦)[^\W\d][^,:;⟦()]{2,80}?)\s*(?=[,:;(]|\s" + stop + r"\s)", skel, re.I)
    if not m:
        # "chỉnh sửa gọn lại phần mục tiêu chủ yếu ...": a part named by its heading, as the object
        m = re.search(r"(?<![\w])(?<!một\s)(?<!các\s)(?<!những\s)phần\s+(?!(?:lớn|nào|trăm|này|đó|trên|dưới|sau|tiếp|"
                      r"còn lại|mở đầu|kết luận)\b)(?P<t>(?![\dIVX]+\b)(?!thứ\b)(?!⟦)[^\W\d][^,:;⟦()]{2,100}?)\s*(?=[,:;(]|$)",
                      skel, re.I)
        if not m or not order_verbs(skel[: m.start()], "operation.add.verbs", "operation.delete.verbs",
                                    "operation.change.verbs"):
            return None
    words = clean(m.group("t"))
    if lx.rx("location.keywords", after=r"\s+[\dIVX]").search(words) or len(words.split()) < 2:
        return None
    if re.match(r"(?:này|trên|dưới|sau|đó|kết luận|mở đầu)\b", words, re.I):
        return None
    return words, f"location.by_heading: {clean(m.group(0)[: m.start('t') - m.start()]).lower() or 'phần'}"


def carried(skel: str) -> str | None:
    m = lexicon().rx("location.carry").search(skel)
    return f"location.carry: {m.group(0).lower()}" if m else None


def page_of(skel: str) -> re.Match | None:
    return re.search(r"\btrang\s+(?P<page>\d+)(?:\s*,?\s*dòng\s+(?:thứ\s+)?(?P<line>\d+|\w+)"
                     r"(?:\s+từ\s+(?:trên|dưới)\s+(?:xuống|lên))?)?", skel, re.I)


def current_quotes(skel: str) -> tuple[list[int], bool]:
    """Quotes that cite the draft's current text: after "tại nội dung" (the place itself) or
    after "ghi:", "quy định:" (what the draft says there)."""
    lx = lexicon()
    out, by_content = [], False
    for m in re.finditer(r"(?:" + lx.pattern("location.by_content") + r")\s*:?\s*⟦(\d+)⟧", skel, re.I):
        out.append(int(m.group(1)))
        by_content = True
    for m in re.finditer(r"(?:" + lx.pattern("location.cites") + r")\s*:?\s*⟦(\d+)⟧", skel, re.I):
        out.append(int(m.group(1)))
    # "Điều 27, khoản 1, “...”", "tại điều 36 khoản 2: “...”", "khoản 1, Điều 61 “...”": the quote
    # right after the place is its current text.
    for r in find_refs(skel, []):
        m = re.match(r"\s*(?:,|:)?\s*(?:(?:của\s+)?dự thảo(?:\s+\w+)?\s*|nội dung\s*)?(?:,|:)?\s*⟦(\d+)⟧", skel[r.end:])
        if m and int(m.group(1)) not in out and not re.match(r"\s*⟦\d+⟧\s*(?:thành|bằng)\b", skel[r.end:]):
            out.append(int(m.group(1)))
    return out, by_content


def _placed(skel: str, refs: list[Ref]) -> Ref:
    """The reference that is the clause's place: one written as a place ("tại Điều 3", "vào Mục
    2", or first in the clause) beats one cited in a purpose or a reason ("để thực hiện khoản 2
    Điều 153", "phù hợp với khoản 3", "theo Điều 5") or a comparison ("trùng với Điều 17").
    Ties: the first."""
    return max(refs, key=lambda r: (_score(skel, r), -r.start))


def _score(skel: str, r: Ref) -> int:
    before = skel[max(0, r.start - 40): r.start]
    clause = re.split(r"[,;:]", skel[: r.start])[-1]
    points = 0
    if re.search(r"(?:^|[^\w])(?:tại|ở|trong|đối với|thuộc|vào|cũng tại)\s+(?:các\s+)?$", before, re.I):
        points += 2
    if not re.sub(r"(?i)^\W*(?:cụ thể|ngoài ra|đồng thời|tôi|chúng tôi)?\W*", "", skel[: r.start]).strip():
        points += 2
    if re.search(r"\b(?:để|nhằm|do|vì|bởi|cho phù hợp|phù hợp với)\b", clause, re.I):
        points -= 2
    if re.search(r"\b(?:theo|với|căn cứ)\s+(?:quy định\s+)?(?:tại\s+)?(?:các\s+)?$", before, re.I):
        points -= 1
    if re.search(r"\b(?:trùng|giống|tương tự|so|khác|như|thống nhất)(?:\s+với)?\s+(?:quy định\s+)?(?:tại\s+)?$",
                 before, re.I):
        points -= 3  # "trùng với Điều 17": compared with, not the place
    if re.search(r"\b(?:được|đã được|đang được)\s+(?:sử dụng|quy định|nêu|ghi|đề cập|viện dẫn)\s+(?:tại|ở|trong)\s+$", before, re.I):
        points -= 2  # "khái niệm X được sử dụng tại khoản 2 Điều 8 ...": where the words are cited, not the place
    if re.search(r"\b(?:bổ sung|thêm|đưa|chèn)\s+(?:thêm\s+)?vào\s+$", before, re.I):
        points += 1  # "đề nghị bổ sung vào Điều 3 một khoản": the order's destination
    return points


def names_place(skel: str, quotes: list[str]) -> bool:
    """Does the clause name a place of its own (not a carried one)?"""
    return bool(find_refs(skel, quotes) or special_of(skel) or heading_words(skel) or current_quotes(skel)[1])


_LEVEL_WORDS = {"điểm": 2, "khoản": 3, "điều": 4, "mục": 4, "tiểu mục": 3, "phần": 6, "chương": 5}


def truncate(target: str, carry_rule: str) -> str:
    """'khoản 1, Điều 27' referred back to as "điều này" -> 'Điều 27' (the level the phrase names)."""
    word = next((w for w in sorted(_LEVEL_WORDS, key=len, reverse=True) if re.search(
        r"\b" + w + r"\s+(?:này|trên|nói trên)\b", carry_rule, re.I)), None)
    if word is None:
        return target
    level = _LEVEL_WORDS[word]
    pieces = re.findall(r"(?i)(tiểu mục|phần|chương|mục|điều|khoản|điểm|tiết)\s+([^\s,()]+)", target)
    if not pieces:
        return target
    keep = [(w, n) for w, n in pieces if _LEVEL_WORDS.get(w.lower(), 4) >= level]
    if not keep or len(keep) == len(pieces):
        return target
    keep.sort(key=lambda p: _LEVEL_WORDS.get(p[0].lower(), 4))
    return " ".join(f"{w[:1].upper()}{w[1:].lower()} {n}" for w, n in keep)


def coarser(target: str, rank: float) -> str | None:
    """The parts of a place coarser than ``rank`` ("Điểm a Khoản 2 Điều 5", 2 -> "Khoản 2 Điều 5")."""
    pieces = re.findall(r"(?i)(tiểu mục|phần|chương|mục|điều|khoản|điểm|tiết)\s+([^\s,()]+)", target)
    keep = [(w, n) for w, n in pieces if _LEVEL_RANK.get(w.lower(), 4) > rank]
    if not keep:
        return None
    keep.sort(key=lambda p: _LEVEL_RANK.get(p[0].lower(), 4))
    return " ".join(f"{w[:1].upper()}{w[1:].lower()} {n}" for w, n in keep)


def _pieces(target: str) -> set[tuple[str, str]]:
    """The (level, number) pieces of a place, to compare two places ("Khoản 2 Điều 5" holds "Điều 5")."""
    return {(w.lower(), n.lower()) for w, n in re.findall(r"(?i)(tiểu mục|phần|chương|mục|điều|khoản|điểm|tiết)\s+([^\s,()]+)",
                                                           target)}


def whole_subject(skel: str) -> str | None:
    """'Dự thảo cần bảo đảm ...', 'kế hoạch cần có ...': the draft as the subject of a request."""
    lx = lexicon()
    m = re.search(r"(?:^|[^\w])(?P<s>" + lx.alt("location.special.subjects") + r")(?![\w])(?:\s+[^\s,;:⟦]+){0,8}?\s+"
                  r"(?:cũng\s+)?(?:cần|phải|nên|xem lại)(?![\w])", skel, re.I)
    if not m:
        return None
    return f"location.special.subjects: {m.group('s').lower()}"


_ROW_FIRST = re.compile(r"(?i)^\W*(?:tại\s+|ở\s+)?(?:dòng|hàng)\s+(?:⟦\d+⟧|[^\W\d][^,;:⟦]{0,40}?)\s+(?:của|tại|trong|thuộc)\s+"
                        r"(?P<t>(?:biểu|bảng)(?:\s+(?:số\s+)?\d+)?)(?P<this>\s+(?:này|trên))?(?![\w])")


def _row_of_table(skel: str, previous: str | None) -> tuple[str, str, bool] | None:
    """(target, rule, own) of a clause that opens with a table's row: "Dòng “X” của Biểu số 01",
    or "Dòng X của biểu (này)" -- the table the letter named just before."""
    m = _ROW_FIRST.match(skel)
    if not m:
        return None
    t = " ".join(m.group("t").split())
    if re.search(r"\d", t):
        return t[:1].upper() + t[1:], f"location.table: {t.lower()}", True
    if previous and re.search(r"(?i)(?:biểu|bảng)", previous):
        return previous, f"location.table: {t.lower()} (the one named before)", True
    return None


def place_of(skel: str, quotes: list[str], *, group: Ref | None, previous: str | None,
             lead: "Place | None", context: str | None = None) -> Place:
    """The place of one clause (see the module docstring for the order)."""
    lead_table = _row_of_table(skel, previous)
    if lead_table is not None:
        # "Dòng “Tổng cộng” của Biểu số 01 và số liệu tại tiểu mục 1 Mục I ...": the sentence's
        # subject is the row; "Dòng Tổng cộng của biểu ..." is the row of the table just named
        p = Place(refs=[], page=page_of(skel))
        p.current, p.by_content = current_quotes(skel)
        p.target, p.rule, p.own = lead_table
        return p
    all_refs = find_refs(skel, quotes)
    end = instruction_end(skel)
    refs = [r for r in all_refs if r.start < end] or []
    p = Place(refs=all_refs, page=page_of(skel))
    p.current, p.by_content = current_quotes(skel)
    own_words = quiet_clauses(skel[:end])  # a place named only in "Để tránh ..., " or "(...)" is not this clause's
    special = special_of(own_words)
    carry = carried(skel)
    if refs:
        main = _placed(skel, refs)
        verb = lexicon().rx("operation.add.verbs", "operation.delete.verbs", "operation.change.verbs",
                            "advisory.verbs", "request.markers").search(skel)
        stop = verb.start() if verb else len(skel)
        as_context = re.search(r"(?:^|[^\w])(?:tại|ở|trong|thuộc)\s+(?:các\s+)?$", skel[max(0, main.start - 20):main.start],
                               re.I)
        for r in refs[refs.index(main) + 1:]:
            placed = re.search(r"(?:^|[^\w])(?:tại|ở|trong|vào|thuộc|đối với)\s+(?:các\s+)?$", skel[max(0, r.start - 25):r.start],
                               re.I)
            right_after = re.fullmatch(r"\s*,\s*", skel[main.end:r.start])  # "Tại Mục II (...), mục tiêu thứ nhất"
            if max(r.ranks) < min(main.ranks) and (r.start < stop and (placed or right_after) or as_context):
                main = r  # "Đối với Phần II, tại Mục 3, đề nghị ...", "Tại chương II, ... nhập chung Điều 17"
                break
        if carry and _score(skel, main) < 0 and previous:
            p.target, p.rule, p.carried = truncate(previous, carry), carry, True
            return p
        target = complete(main, skel, quotes, group)
        if group is None and context and target == main.target:
            outer = coarser(context, max(main.ranks))
            if outer and max(main.ranks) < 4 or outer and re.fullmatch(r"(?i)(?:tiểu\s+)?mục\s+\S+", main.text):
                # "trong Khoản 1" after a sentence on Điều 15; "tiểu mục 2.2" after Mục 2 Phần II;
                # "mục 4" after "Đối với Phần thứ nhất: tại mục 3 ..." in the same item (a Mục is
                # numbered afresh in each Phần; an Điều is not, so it is never completed so)
                target = f"{main.target} {outer}"
        elif group is not None and not group.doc and context and max(main.ranks) < 4 and \
                target == combine(main.target, main.ranks, group):
            # "a) Điểm b khoản 2 mới dừng ở ... Đề nghị sửa điểm b như sau: ..." under "2. Về ... (Điều 5)":
            # the bare point is the one just named, inside the group's place
            outer = coarser(context, max(main.ranks))
            mine, theirs = _pieces(outer or ""), _pieces(group.text)
            if theirs and theirs < mine:
                target = f"{main.target} {outer}"
        p.target, p.own = target, True
        last = main
        for r in refs[refs.index(main) + 1:]:
            if r.ranks != main.ranks or not re.fullmatch(r"\s*(?:,\s*(?:và\s+)?|và\s+)", skel[last.end:r.start]):
                break
            p.also.append(complete(r, skel, quotes, group))
            last = r
        p.rule = f"location.ref: {main.text}"
        p.bracketed = skel[: main.start].count("(") > skel[: main.start].count(")")
        return p
    if special:
        p.special = special[0]
        p.target, p.rule, p.own = special[0], special[1], True
        return p
    table = re.search(r"(?i)(?<![\w])(?P<t>(?:biểu|bảng)\s+(?:số\s+)?\d+)(?![\w])", own_words)
    if table:
        # "Tại Biểu số 01, dòng “Xây dựng”, ...": a table the draft captions or counts ("bảng 1")
        t = " ".join(table.group("t").split())
        p.target, p.rule, p.own = t[:1].upper() + t[1:], f"location.table: {t.lower()}", True
        return p
    annex = re.search(r"(?i)(?:^\W*|(?:^|[^\w])(?:tại|trong|ở|của|vào)\s+)(?P<a>phụ lục(?:\s+(?:số\s+)?(?:\d+|[IVX]+))?)"
                      r"(?![\w])", own_words)
    if annex:
        # "tại Phụ lục": a document printed within the draft (the resolver knows its name)
        p.target, p.rule, p.own = annex.group("a")[:1].upper() + annex.group("a")[1:], "location.documents: phụ lục", True
        return p
    hw = heading_words(own_words)
    if hw:
        p.target, p.rule, p.own = hw[0], hw[1], True
        return p
    if carry and previous:
        p.target, p.rule, p.carried = truncate(previous, carry), carry, True
        return p
    if p.by_content:
        p.rule, p.own = "location.by_content", True
        return p
    ws = whole_subject(skel)
    if ws:
        p.special = "*"
        p.target, p.rule, p.own = "*", ws, True
        return p
    if lead is not None and lead.target:
        p.target, p.rule = lead.target, "location.lead: " + (lead.rule or "")
        p.cited = list(lead.cited)
        return p
    if group is not None:
        p.target, p.rule = group.target, f"location.group: {group.text}"
        return p
    if carry:
        p.rule = carry + " (no previous place)"
    return p


# ---------------------------------------------------------------------------- places inside a section

def _ordinal(k: str) -> int | str:
    k = k.lower()
    if k.isdigit():
        return int(k)
    if k.startswith("cuối"):
        return "last"
    if k.startswith("đầu"):
        return 1
    return ORDINAL.get(k, 1)


def bullet_rx() -> re.Pattern:
    return re.compile(r"(?:ý\s+)?(?:" + lexicon().pattern("location.anchor.bullet") + r")\s+(?:thứ\s+)?(?P<k>"
                      + _K + r")\b", re.I)


def para_rx() -> re.Pattern:
    return re.compile(r"(?:" + lexicon().pattern("location.anchor.paragraph") + r")\s+(?:thứ\s+)?(?P<k>"
                      + _K + r")\b", re.I)


def sentence_rx() -> re.Pattern:
    return re.compile(r"\b(?P<pos>(?:ngay\s+)?(?:sau|trước)\s+)?(?:câu|đoạn|nội dung|đoạn văn)\s*:?\s*⟦(?P<q>\d+)⟧",
                      re.I)


def ordinal(k: str) -> int | str:
    return _ordinal(k)


def quote_indexes(skel: str) -> list[int]:
    return [int(q) for q in PH_RE.findall(skel)]
