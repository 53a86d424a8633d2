"""The way back (issue 15): compare OLD NEW --edits, then `redline apply OLD EDITS` gives NEW's text.

NEW is made from a fixture draft by programmatic edits of the kinds drafters make (a word or a
number changed, a paragraph deleted or inserted, a heading renamed, a section deleted, a
paragraph moved), on every fixture draft and on random edits (hypothesis).  The check is
pandoc's reading: Accept All of apply's output == NEW."""
from __future__ import annotations

import copy
import json
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import oracles
import redline
from compare_pairs import check_exact
from conftest import FIXTURES
from redline.ooxml import W, iter_blocks, paragraph_text
from redline.package import open_docx
from redline.text import clean

DRAFTS = sorted((FIXTURES / "drafts").glob("*.docx"))
WORDS = "tỉnh huyện xã cơ quan đơn vị hồ sơ thủ tục dịch vụ trực tuyến chuyển đổi số năm kế hoạch".split()


def set_text(p, text: str) -> None:
    """The paragraph shows ``text`` in one run formatted like its first run."""
    first = next(p.iter(W["r"]), None)
    rpr = copy.deepcopy(first.find(W["rPr"])) if first is not None and first.find(W["rPr"]) is not None else None
    for c in [c for c in p if c.tag != W["pPr"]]:
        p.remove(c)
    r = p.makeelement(W["r"], {})
    if rpr is not None:
        r.append(rpr)
    t = r.makeelement(W["t"], {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
    t.text = text
    r.append(t)
    p.append(r)


LABEL = re.compile(r"^\s*(?:(?:Điều|Chương|Mục|Phần)\s+\S+|[IVXLC]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))(?:\s+|$)")


def reword(rnd: random.Random, text: str) -> str:
    """A few words changed, added or dropped; a typed label ("1.", "a)", "Điều 5.") is left
    alone: people reword a title, and a changed label is a renumbering (apply makes those)."""
    m = LABEL.match(text)
    if m and m.end() >= len(text.rstrip()):  # a label alone ("Chương II"): a word after it
        return text.rstrip() + " " + rnd.choice(WORDS)
    head, text = (text[:m.end()], text[m.end():]) if m else ("", text)
    return head + _reword(rnd, text)


def _reword(rnd: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(rnd.randint(1, 3)):
        i = rnd.randrange(len(words))
        r = rnd.random()
        if r < 0.4:
            words[i] = rnd.choice(WORDS)
        elif r < 0.7:
            words.insert(i, rnd.choice(WORDS))
        elif len(words) > 3:
            del words[i]
    if rnd.random() < 0.3:
        words.append(f"{rnd.randint(2, 999)},{rnd.randint(1, 9)}%")
    return " ".join(words)


def make_new(draft, out, seed: int, n_edits: int) -> None:
    """NEW: ``draft`` with ``n_edits`` random edits of its body paragraphs (tables left alone)."""
    rnd = random.Random(seed)
    doc = open_docx(draft)
    body = doc.element.body
    tree = redline.outline(draft)
    headings = {s.heading: s for s in tree.walk() if s.heading is not None}
    for _ in range(n_edits):
        blocks = list(iter_blocks(body))
        paras = [i for i, b in enumerate(blocks) if b.tag == W["p"] and paragraph_text(b).strip()]
        i = rnd.choice(paras)
        p = blocks[i]
        text = paragraph_text(p)
        r = rnd.random()
        if r < 0.45:
            set_text(p, reword(rnd, text))
        elif r < 0.6:
            p.getparent().remove(p)
        elif r < 0.8:
            twin = copy.deepcopy(p)
            set_text(twin, " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 12))).capitalize() + ".")
            p.addnext(twin)
        elif r < 0.9 and len(paras) > 3:
            j = rnd.choice(paras)
            if blocks[j] is not p:
                blocks[j].addnext(p)  # moved
        elif i in headings and tree.blocks[i] is p:
            set_text(p, text + " " + rnd.choice(WORDS))  # a heading renamed
        else:
            set_text(p, reword(rnd, text))
    doc.save(str(out))


def round_trip(tmp_path, draft, new, *, letter: bool = False, audit: bool = False) -> None:
    """compare's output is exact (compare_pairs.check_exact); compare --edits (and --letter):
    apply(OLD, edits) reads as NEW; with ``letter``, extract(letter) gives back the same edits
    and applying those reads as NEW too."""
    edits, letter_path = tmp_path / "edits.json", tmp_path / "letter.txt"
    result = redline.compare(draft, new, tmp_path / "cmp.docx", edits=edits, force=True,
                             letter=letter_path if letter else None)
    check_exact(draft, new, tmp_path / "cmp.docx", audit=audit)
    assert "unresolved" not in result.edits, result.edits.get("unresolved")
    want = oracles.pandoc_paragraphs(new, "accept")
    applied = tmp_path / "applied.docx"
    redline.apply(draft, edits, applied, force=True)
    assert oracles.pandoc_paragraphs(applied, "accept") == want
    assert oracles.pandoc_paragraphs(applied, "reject") == oracles.pandoc_paragraphs(draft, "reject")
    if not letter:
        return
    back = redline.extract(letter_path, draft=draft)
    text = letter_path.read_text("utf-8")
    assert not back.get("unresolved"), (text, back["unresolved"])
    # a letter names sections, not paragraphs: a phrase replacement comes back without its anchor
    key = lambda e: (e["op"], e["target"], clean(e.get("find") or ""), clean(e.get("replace") or ""),  # noqa: E731
                     json.dumps(e.get("anchor") if e["op"] != "replace_text" else None, sort_keys=True))
    said = [e for e in result.edits["edits"] if e not in result.letter_left_out]
    assert sorted(map(key, back["edits"])) == sorted(map(key, said)), text
    if not result.letter_left_out:
        via_letter = tmp_path / "via-letter.docx"
        redline.apply(draft, back, via_letter, force=True, author="Sở Nội vụ")
        assert oracles.pandoc_paragraphs(via_letter, "accept") == want, text


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_round_trip_on_every_fixture_draft(tmp_path, draft):
    new = tmp_path / "new.docx"
    make_new(draft, new, seed=sum(map(ord, draft.stem)), n_edits=8)
    round_trip(tmp_path, draft, new, audit=True)


@pytest.mark.parametrize("draft", DRAFTS, ids=lambda p: p.stem)
def test_letter_round_trip_on_every_fixture_draft(tmp_path, draft):
    new = tmp_path / "new.docx"
    make_new(draft, new, seed=sum(map(ord, draft.stem)), n_edits=8)
    round_trip(tmp_path, draft, new, letter=True)
    assert "1. " in (tmp_path / "letter.txt").read_text("utf-8")  # the letter says something


@settings(max_examples=12, deadline=None, derandomize=True, database=None)
@given(st.sampled_from(DRAFTS), st.integers(0, 10**6), st.integers(1, 6))
def test_round_trip_on_random_edits(tmp_path_factory, draft, seed, n_edits):
    tmp = tmp_path_factory.mktemp("rt")
    new = tmp / "new.docx"
    make_new(draft, new, seed, n_edits)
    round_trip(tmp, draft, new, letter=True)


@pytest.mark.parametrize("draft_name", ["cchc-typed.docx", "quyetdinh-typed.docx"])
def test_letter_quotes_new_text_that_reads_like_its_own_items(tmp_path, draft_name):
    """New paragraphs that start like a numbered item ("5. ...", "IV. ...") or like a closing
    ("Trên đây là ...") are quoted in the letter, so extract reads them as text, not as the
    letter's next instruction or its end; an article of the decision beside its Quy chế is named
    with its document ("Điều 2 của Quyết định")."""
    draft = FIXTURES / "drafts" / draft_name
    tree = redline.outline(draft)
    doc = open_docx(draft)
    blocks = list(iter_blocks(doc.element.body))
    host = next(s for s in tree.walk() if not s.children and s.end - s.start >= 1 and not s.space)
    last = blocks[host.end - 1]
    for text in ("Trên đây là kết quả bước đầu của công tác này.", "IV. Nội dung được bổ sung thêm.",
                 "5. Các cơ quan báo cáo định kỳ hằng quý."):
        twin = copy.deepcopy(last)
        set_text(twin, text)
        last.addnext(twin)
    new = tmp_path / "new.docx"
    doc.save(str(new))
    round_trip(tmp_path, draft, new, letter=True)
    letter = (tmp_path / "letter.txt").read_text("utf-8")
    assert "“5. Các cơ quan" in letter or "“IV. Nội dung" in letter or "“Trên đây" in letter, letter
    if tree.documents:
        assert re.search(r"Điều \d+ của Quyết định", letter), letter


def test_section_deleted_and_heading_renamed_are_section_edits(tmp_path):
    draft = FIXTURES / "drafts" / "cchc-typed.docx"
    tree = redline.outline(draft)
    doc = open_docx(draft)
    blocks = list(iter_blocks(doc.element.body))
    victim = next(s for s in tree.walk() if s.level == 2 and not s.children)
    for i in range(victim.heading, victim.end):
        blocks[i].getparent().remove(blocks[i])
    renamed = next(s for s in tree.walk() if s.level == 2 and s is not victim)
    p = blocks[renamed.heading]
    set_text(p, paragraph_text(p) + " và chuyển đổi số")
    new = tmp_path / "new.docx"
    doc.save(str(new))
    edits = tmp_path / "edits.json"
    result = redline.compare(draft, new, tmp_path / "cmp.docx", edits=edits)
    ops = {(e["op"], e["target"]) for e in result.edits["edits"]}
    assert ("delete", victim.address) in ops
    assert any(e["target"] == renamed.address and ("heading" in e or e.get("scope") == "heading")
               for e in result.edits["edits"])
    round_trip(tmp_path, draft, new)


# ------------------------------------------------ cases the random round trip found (kept as examples)

def _with_paragraph_text(draft, out, old: str, new: str) -> None:
    import docx

    doc = docx.Document(str(draft))
    p = next(p for p in doc.paragraphs if p.text == old)
    for r in p.runs[1:]:
        r._r.getparent().remove(r._r)
    p.runs[0].text = new
    doc.save(str(out))


def test_a_typed_label_reworded_is_a_change_of_the_heading_words(tmp_path):
    # "Section 1.1 Scope" -> "Part A Scope" is not a renumbering: the edits file says it, exactly
    draft = FIXTURES / "drafts" / "english-report.docx"
    new = tmp_path / "new.docx"
    _with_paragraph_text(draft, new, "Section 1.1 Scope", "Part A Scope")
    round_trip(tmp_path, draft, new)


def test_a_title_after_a_heading_that_was_its_label_alone_is_spaced(tmp_path):
    # legal-vn's "Chương I" holds only its label (its title is the next paragraph)
    draft = FIXTURES / "drafts" / "legal-vn.docx"
    out = tmp_path / "out.docx"
    redline.apply(draft, {"author": "Sở Nội vụ", "edits": [{"op": "replace", "target": "I", "heading": "chung"}]},
                  out)
    assert "Chương I chung" in oracles.pandoc_paragraphs(out, "accept")


def test_a_khoan_label_at_the_head_of_an_article_is_new_text_not_the_articles_own():
    # "2. ..." prepended to Điều 2 of the decision: a khoản's label, never "Điều 2 exists"
    draft = FIXTURES / "drafts" / "quyetdinh-typed.docx"
    letter = ("Kính gửi: Sở Nội vụ\nSở Tư pháp có ý kiến như sau:\n1. Tại Điều 2 của Quyết định, đề nghị bổ sung vào "
              "đầu nội dung: “2. Sở Công Thương lấy ý kiến các cơ quan liên quan.”.\nTrên đây là ý kiến./.")
    from redline.letters.extract import extract_text

    d = extract_text(letter, draft=draft)
    assert [(e["op"], e["target"]) for e in d["edits"]] == [("prepend", "II")]


def test_a_relabelled_heading_is_a_renumbering_a_reworded_label_is_words():
    """Only the number changed ("a)" -> "b)", "Điều 3." -> "Điều 4."): a renumbering, which apply
    makes itself (no edit of its own); the label's words changed: a change of the heading's words."""
    from redline.comparison.edits import _heading

    class Heading:
        address, label_chars = "II.1", 3

    assert _heading(Heading, "a) Phạm vi", "b) Phạm vi") is None
    assert _heading(Heading, "3. Phạm vi", "4. Phạm vi") is None
    assert _heading(Heading, "3. Phạm vi", "3) Phạm vi")["op"] == "replace_text"
