"""The Markdown summary renders as intended in pandoc's markdown reader and in GitHub-flavoured
Markdown (pandoc's gfm reader, a CommonMark implementation): every ~~deletion~~ and
**insertion** opens and closes, consecutive paragraphs stay separate, nothing becomes a code
block, a list or a citation by accident."""
from __future__ import annotations

import json
import subprocess

import pytest

import redline
from conftest import FIXTURES
from oracles import pandoc_path
from redline.diff import DELETE, EQUAL, INSERT
from redline.summary import md_inline

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"

# Text that trips naive Markdown: markers at the start, emphasis characters, pandoc's
# extensions (math, citations, sub/superscript), an indent that would make a code block.
TRICKY = ["- gạch đầu dòng có *sao* và _gạch dưới_, giá $5 và $6, @tham_chieu, 2^10^ H~2~O",
          "1. mục đánh số ở đầu đoạn",
          "    thụt lề bốn dấu cách",
          "# không phải tiêu đề | không phải bảng | <b>không phải HTML</b> [không phải liên kết](x)"]


def pandoc_blocks(markdown: str, reader: str) -> list:
    proc = subprocess.run([pandoc_path(), "-f", reader, "-t", "json"], input=markdown.encode("utf-8"),
                          capture_output=True, timeout=60, check=True)
    return json.loads(proc.stdout)["blocks"]


def walk(node, kinds: list[str], strs: list[str]) -> None:
    if isinstance(node, dict):
        if "t" in node:
            kinds.append(node["t"])
            if node["t"] == "Str":
                strs.append(node["c"])
        for v in node.values():
            walk(v, kinds, strs)
    elif isinstance(node, list):
        for v in node:
            walk(v, kinds, strs)


def plain(inlines) -> str:
    out = []
    for i in inlines:
        t = i["t"]
        if t == "Str":
            out.append(i["c"])
        elif t in ("Space", "SoftBreak"):
            out.append(" ")
        elif t in ("Strong", "Strikeout", "Emph"):
            out.append(plain(i["c"]))
    return "".join(out)


@pytest.fixture(scope="module")
def summary():
    edits = {"author": "Sở Tư pháp", "edits": [
        {"op": "replace_text", "target": "I.4", "find": "đa dạng", "replace": "đa dạng, phong phú", "n": 1},
        {"op": "replace_text", "target": "I.4", "find": "chuyên mục về CCHC", "replace": "chuyên mục “CCHC”", "n": 2},
        {"op": "append", "target": "II.6.2", "paragraphs": TRICKY, "note": "note: ghi chú    có thụt lề", "n": 3},
    ]}
    result = redline.apply(DRAFT, [edits, FIXTURES / "edits" / "seed-letter.json"], dry_run=True)
    return result, result.render("markdown")


@pytest.mark.parametrize("reader", ["markdown", "gfm"])
def test_markdown_renders_as_intended(summary, reader):
    result, markdown = summary
    blocks = pandoc_blocks(markdown, reader)
    kinds, strs = [], []
    walk(blocks, kinds, strs)
    assert not any("**" in s or "~~" in s for s in strs), [s for s in strs if "**" in s or "~~" in s]
    for bad in ("CodeBlock", "Code", "Math", "Cite", "Superscript", "Subscript", "RawInline", "RawBlock", "Table",
                "OrderedList", "LineBlock", "DefinitionList"):
        assert bad not in kinds, bad
    # every whole inserted / deleted paragraph is its own paragraph, all struck or all strong
    whole = [(line[0][0], line[0][1]) for v in result.views for line in v.lines if len(line) == 1]
    paras = [b["c"] for b in blocks if b["t"] == "Para"]
    shown = [(i[0]["t"], plain(i[0]["c"])) for i in paras if len(i) == 1 and i[0]["t"] in ("Strong", "Strikeout")]
    want = [("Strong" if op == INSERT else "Strikeout", " ".join(t.split())) for op, t in whole]
    if reader == "markdown":  # pandoc's smart typography
        want = [(k, t.replace("...", "…")) for k, t in want]
    assert shown == want
    text = [plain(p) for p in paras]
    # the change inside a sentence: old words struck, new words strong, nothing lost
    line = next(t for t in text if "phong phú" in t)
    assert "hình thức đa dạngdạng, phong phú" in line
    # bullets stay under their list; the edit numbers are headings, not list items
    assert sum(1 for b in blocks if b["t"] == "Header" and b["c"][0] == 3) == len(result.views)


@pytest.mark.parametrize("chunks,expected", [
    ([(EQUAL, "hình thức đa dạng"), (INSERT, ", phong phú"), (EQUAL, ". Báo")],
     "hình thức đa ~~dạng~~**dạng, phong phú**. Báo"),
    ([(EQUAL, "a"), (INSERT, " b"), (EQUAL, " c")], "a **b** c"),
    ([(EQUAL, "về "), (DELETE, "CCHC"), (INSERT, "“CCHC”"), (EQUAL, ".")], "về ~~CCHC~~**“CCHC”**."),
    ([(DELETE, "- x"), (EQUAL, " y")], "~~- x~~ y"),  # not at a line's start: no list
])
def test_md_inline_keeps_delimiters_tight(chunks, expected):
    assert md_inline(chunks) == expected
