"""The HTML summary in a real browser (Debian's headless Chromium, tests/browser.py): what is
not applied sits at the top, inserted and deleted paragraphs are whole, each source is one
compact line, operations are plain words, ins/del look like a redline, nothing overflows and
nothing needs an emoji font."""
from __future__ import annotations

import pytest

import redline
from browser import Chromium, require
from conftest import FIXTURES
from redline.diff import DELETE, INSERT

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
LETTERS = [FIXTURES / "letters" / n for n in ("stp.txt", "cat.txt", "stnmt.txt", "syt.txt")]

require()  # one line when Debian's Chromium is absent (a failure under CI)


@pytest.fixture(scope="module")
def browser():
    with Chromium(width=1000, height=800) as b:
        yield b


@pytest.fixture(scope="module", params=["vi", "en"])
def rendered(request, browser, tmp_path_factory):
    result = redline.apply(DRAFT, [*LETTERS, FIXTURES / "edits" / "seed-letter.json"], dry_run=True,
                           lang=request.param)
    path = tmp_path_factory.mktemp("html") / "summary.html"
    path.write_text(result.render("html"), "utf-8")
    return result, browser.open(path)


def test_not_applied_is_at_the_top_and_visible(rendered):
    result, page = rendered
    assert result.not_applied > 0
    box = page.js("""(() => { const n = document.querySelector('.not-applied').getBoundingClientRect();
        const e = document.querySelector('.edit').getBoundingClientRect();
        return {top: n.top, bottom: n.bottom, height: n.height, edit: e.top,
                items: document.querySelectorAll('.not-applied li').length}; })()""")
    assert box["height"] > 20 and box["bottom"] < box["edit"] and box["top"] < 400
    assert box["items"] == result.not_applied


def test_inserted_and_deleted_paragraphs_are_whole(rendered):
    result, page = rendered
    whole = [(op, " ".join(t.split())) for v in result.views for line in v.lines if len(line) == 1
             for op, t in line]
    shown = page.js("""Array.from(document.querySelectorAll('p.line.inserted, p.line.deleted')).map(
        p => [p.classList.contains('inserted') ? 1 : -1, p.innerText.replace(/\\s+/g, ' ').trim()])""")
    assert [tuple(x) for x in shown] == [(1 if op == INSERT else -1, t) for op, t in whole]
    assert any(len(t) > 400 for _, t in shown)  # long paragraphs too, not cut with "…"
    styles = page.js("""['ins', 'del'].map(t => { const s = getComputedStyle(document.querySelector(t));
        return [s.textDecorationLine, s.color, s.backgroundColor]; })""")
    assert styles[0][0] == "underline" and styles[1][0] == "line-through" and styles[0][1] != styles[1][1]


def test_one_compact_line_per_source(rendered):
    result, page = rendered
    lines = page.js("""Array.from(document.querySelectorAll('li.source')).map(li => {
        const r = li.getBoundingClientRect(); const lh = parseFloat(getComputedStyle(li).lineHeight);
        return {text: li.innerText, lines: Math.round(r.height / lh),
                dept: !!li.querySelector('.department'), num: !!li.querySelector('.number'),
                date: !!li.querySelector('.date')}; })""")
    assert len(lines) == len(result.sources)
    for line in lines:
        assert line["lines"] == 1, line
        assert "(" not in line["text"], line  # no wall of nested parentheses
    letters = [line for line in lines if not line["text"].rstrip().endswith(".json")]
    assert all(line["dept"] and line["num"] and line["date"] for line in letters), letters


def test_plain_words_no_emoji_no_overflow(rendered):
    result, page = rendered
    text = page.js("document.body.innerText")
    for jargon in ("replace_text", "insert_after", "insert_before", "(n=", "append ", "💬"):
        assert jargon not in text, jargon
    assert not any(ord(c) >= 0x1F000 or 0x2600 <= ord(c) < 0x27C0 for c in text)
    assert page.js("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    ops = page.js("Array.from(document.querySelectorAll('.edit .op')).map(e => e.innerText)")
    assert len(ops) == len(result.views) and all(op[:1].isupper() for op in ops)
    assert page.js("document.documentElement.lang") == result.lang
