"""Corpus sweep: every .docx under shared/corpus is outlined, given an append to its last
section (or to the body, when it has none) and a replace_text of a word it contains, and
the result is proved with pandoc (Reject All = the original) and `redline check`.

    python scripts/corpus_sweep.py [CORPUS_DIR]     # prints the figures for the README

A document redline cannot handle must be refused with a RedlineError (a clear message),
never a traceback; tests/test_corpus_sweep.py runs the same function on every file.
"""
from __future__ import annotations

import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import oracles  # noqa: E402
import redline  # noqa: E402
from redline.errors import RedlineError  # noqa: E402

# Documents where pandoc, not redline, is wrong: checked with `redline check` (which
# rejects our revisions itself) instead of pandoc's Reject All.
PANDOC_LIMITS = {
    "codeblock.docx": "pandoc drops revisions inside a SourceCode-style code block (both Accept and Reject)",
}
APPENDED = "Đoạn bổ sung của redline (corpus sweep)."
import importlib.util  # noqa: E402
_HAVE_CHECK = importlib.util.find_spec("redline.lint") is not None
WORD = re.compile(r"[^\W\d_]{5,}")


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.docx") if not p.name.startswith("~$"))


def pick_word(tree, shown: list[str]) -> str | None:
    """A word of five letters or more that occurs once in the body text, in a paragraph
    pandoc shows as body text (not moved into the metadata, like a Title)."""
    counts: Counter = Counter()
    for i in range(len(tree.blocks)):
        counts.update(WORD.findall(tree.text(i)))
    visible = Counter(w for p in shown for w in WORD.findall(p))
    for i in range(len(tree.blocks)):
        for w in WORD.findall(tree.text(i)):
            if counts[w] == 1 and visible[w] == 1:
                return w
    return None


def new_findings(out: Path, original: Path) -> list[str]:
    """`redline check` findings on the output that the original did not already have
    (many corpus documents carry revisions without dates, duplicate ids, ...)."""
    if not _HAVE_CHECK:
        return []
    def key(f):
        return f.code, re.sub(r" at \S+", "", str(f.message))

    before = Counter(key(f) for f in redline.check(original))
    found = []
    for f in redline.check(out, original=original):
        if before[key(f)]:
            before[key(f)] -= 1
        else:
            found.append(str(f))
    return found


def sweep_one(path: Path, workdir: Path) -> tuple[str, str]:
    """('passed' | 'refused' | 'failed', detail)."""
    try:
        tree = redline.outline(path)
    except RedlineError as exc:
        return "refused", str(exc)
    sections = list(tree.walk())
    target = sections[-1].address if sections else "*"
    edits = [{"op": "append", "target": target, "paragraphs": [APPENDED]}]
    try:
        shown = oracles.pandoc_paragraphs(path, "accept")
    except AssertionError:
        shown = []
    word = pick_word(tree, shown)
    if word:
        edits.append({"op": "replace_text", "target": "*", "find": word, "replace": word.upper() + "X"})
    out = workdir / (path.stem + ".redline.docx")
    try:
        redline.apply(path, {"author": "redline sweep", "date": "2024-01-01T00:00:00Z", "edits": edits}, out,
                      force=True)
    except RedlineError as exc:
        return "refused", str(exc)
    problems = []
    try:
        original_text = oracles.pandoc_paragraphs(path, "reject")
    except AssertionError:
        original_text = None  # pandoc itself cannot read this input: only redline check applies
    if original_text is None or path.name in PANDOC_LIMITS:
        findings = new_findings(out, path)
        return ("failed", "; ".join(findings)) if findings else ("passed", "pandoc cannot read input")
    if oracles.pandoc_paragraphs(out, "reject") != original_text:
        problems.append("pandoc Reject All differs from the original")
    accepted = oracles.pandoc_paragraphs(out, "accept")
    if APPENDED not in accepted and not sections:
        problems.append("appended paragraph missing after Accept All")
    if word and not any(word.upper() + "X" in p for p in accepted):
        problems.append(f"replacement of {word!r} missing after Accept All")
    problems.extend(new_findings(out, path))
    return ("failed", "; ".join(problems)) if problems else ("passed", "")


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(os.environ.get("REDLINE_SHARED", ROOT.parent / "shared")) / "corpus"
    results = Counter()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in corpus_files(corpus):
            status, detail = sweep_one(path, Path(tmp))
            results[status] += 1
            if status != "passed":
                lines.append(f"{status:8} {path.relative_to(corpus)}: {detail}")
    print("\n".join(lines))
    total = sum(results.values())
    print(f"documents: {total}, passed: {results['passed']}, refused: {results['refused']}, "
          f"failed: {results['failed']}")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
