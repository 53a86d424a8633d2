"""The whole job, in the order the stages run: read sources -> open -> outline -> plan ->
revise -> save + summary.  Nothing is written until every edit has been planned."""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .sections.outline import build as build_outline
from .edits import EditsFile, check_author, load_edits, parse_edits
from .errors import EditsError, Warning
from .intake import check_draft_path, check_letter
from .messages import Option, detect_language, language, msg
from .messages import render as render_text
from .ooxml import block_text, iter_blocks
from .options import date_option, expect_suffix, language_option
from .plan import Plan, make_plan
from .progress import Progress
from .revise import apply_plan
from .summary import EditView, edit_views, render, status_message

LETTER_SUFFIXES = {".txt", ".docx", ".pdf", ".md"}


@dataclass
class ApplyResult:
    """What `redline apply` did: the plan, where the output went, what was not applied.

    ``lang`` is the language the summary and the messages speak ('vi' / 'en'); ``applied``,
    ``not_applied`` and ``instructions`` count the instructions (an instruction that became a
    comment because it conflicted with an earlier source counts as not applied)."""

    draft: Path
    output: Path | None
    plan: Plan | None
    views: list[EditView]
    sources: list[dict]
    unresolved: list[dict] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    accounting: list[dict] = field(default_factory=list)  # per letter: {"path", "entries"} (letters/accounting.py)
    dry_run: bool = False
    timings: dict[str, float] = field(default_factory=dict)
    lang: str = "en"
    summary: Path | None = None  # where the summary was written, when asked

    @property
    def applied(self) -> int:
        return sum(1 for v in self.views if not v.demoted_from)

    @property
    def not_applied(self) -> int:
        return len(self.unresolved) + sum(1 for v in self.views if v.demoted_from)

    @property
    def instructions(self) -> int:
        return self.applied + self.not_applied

    def render(self, fmt: str = "text", lang: str | None = None) -> str:
        """The summary as 'text', 'markdown', 'json' or 'html', in ``lang`` (default: the run's)."""
        with language(lang or self.lang):
            return render(self, fmt)

    def status_line(self, lang: str | None = None) -> str:
        """The one line a run prints on stderr: where the output went and what was not applied."""
        with language(lang or self.lang):
            return render_text(status_message(self))


def letter_notes(files: list[EditsFile], author: str | None) -> list[Warning]:
    """What reading the letters noticed; a letter with no sender that ``author`` signs for says so."""
    from .letters.extract import NO_SENDER
    from .messages import LANGUAGES

    no_sender = {render_text(NO_SENDER, lang) for lang in LANGUAGES}
    out = []
    for f in files:
        for w in f.warnings:
            if w in no_sender and author:
                out.append(Warning(msg("no sender found in the letter; its changes are attributed to “{author}” "
                                       "({option})", author=author, option=Option("author")), f.path))
            else:
                out.append(Warning(w, f.path))
    return out


def read_sources(draft: Path, sources: list[Any], *, author: str | None, date: str | None,
                 draft_paragraphs: list[str] | None = None) -> list[EditsFile]:
    """Edits files (.json), letters (.txt/.docx/.pdf: extracted, targets resolved against
    the draft), or already-parsed dicts, in command-line order.  A letter that is no letter
    for this draft (another version of it, a draft, nothing readable) is an error here
    (``intake.check_letter``)."""
    files = []
    multi = len(sources) > 1
    for n, src in enumerate(sources, start=1):
        if isinstance(src, EditsFile):
            ef = src
        elif isinstance(src, dict):
            ef = parse_edits(src, where=f"edits #{n}", author=author, date=date, allow_empty=multi)
        else:
            path = Path(src)
            if path.suffix.lower() == ".json":
                ef = load_edits(path, author=author, date=date, allow_empty=multi)
            elif path.suffix.lower() in LETTER_SUFFIXES:
                data = read_letter(path, draft, draft_paragraphs)
                if not data.get("author") and not author:
                    # A letter with no sender (a citizen's, a newspaper's): ask once, clearly.
                    raise EditsError(msg("the letter names no sender (no organisation in its header or signature)"),
                                     file=path, hint=msg("give the office or person with {option}",
                                                         option=Option("author")))
                ef = parse_edits(data, where=str(path), author=author, date=date, allow_empty=True)
            else:
                raise EditsError(msg("unknown source type '{suffix}': expected an edits file (.json) or a letter "
                                     "(.txt, .docx, .pdf)", suffix=path.suffix), file=path)
        name = Path(ef.path).name if ef.path else f"edits #{n}"
        for e in ef.edits:
            e.source = name if multi else None
            if ef.letter is not None:
                # Read out of a letter (now, or earlier by `extract -o` or the review page: the file
                # keeps its "letter" block): what cannot apply is listed and the run goes on, and of
                # two of its own instructions that collide the later becomes a comment.  An edits
                # file written by hand (no "letter" block) stays strict.
                e.strict = False
        files.append(ef)
    if not any(f.edits for f in files) and not any(f.unresolved or f.ignored for f in files):
        raise EditsError(msg("no edits to apply in {sources}", sources=", ".join(str(s) for s in sources)))
    return files


def read_letter(path: Path, draft: Any, draft_paragraphs: list[str] | None = None) -> dict:
    """A letter's edits document: extracted, its targets resolved against ``draft`` (a path or
    an outline already built); refused when it is no letter for this draft, given the draft's
    paragraphs (``intake.check_letter``)."""
    from .letters.extract import extract
    from .letters.source import letter_paragraphs

    data = extract(path, draft=draft)
    if draft_paragraphs is not None:
        check_letter(str(path), letter_paragraphs(path), draft_paragraphs, edits=len(data["edits"]),
                     unresolved=len(data.get("unresolved", [])), ignored=list(data.get("ignored", [])))
    return data


def draft_paragraphs(document: Any, limit: int | None = None) -> list[str]:
    """The draft's non-empty body paragraphs (tables as one block each), the first ``limit``."""
    out = []
    for block in iter_blocks(document.element.body):
        text = block_text(block)
        if text.strip():
            out.append(text)
            if limit is not None and len(out) >= limit:
                break
    return out


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector for one run.  A run on a large draft builds
    hundreds of thousands of long-lived objects (element proxies, the outline, the plan)
    and almost no cyclic garbage, so the collector's full passes over them only cost time
    (about 4% of a 50,000-paragraph run); reference counting still frees the rest."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def apply(draft: Path, sources: list[Any], output: str | Path | None = None, *, author: str | None = None,
          date: str | None = None, dry_run: bool = False, force: bool = False, progress: bool = False,
          limits: Any = None, lang: str | None = None, summary: str | Path | None = None,
          summary_format: str = "text") -> ApplyResult:
    """The whole run (see ``redline.apply`` for the arguments).  Option values and output
    paths are checked first; the draft is opened next, so that everything after it (errors
    included) speaks the draft's language unless ``lang`` says otherwise.  ``summary`` names
    a file for the summary (as ``summary_format``), written with the .docx: both or neither."""
    from .package import check_outputs, default_output

    lang = language_option(lang)
    with language(lang):
        date = date_option(date)
        if author is not None:  # by the edits file's rule for authors, before any work
            check_author(author, option=Option("author"))
        check_draft_path(draft)
        out_path = expect_suffix(output, (".docx",)) if output else default_output(draft)
        # every output path is judged before any work: never an input, never an existing file unasked
        inputs = [draft, *(s for s in sources if isinstance(s, (str, Path)))]
        check_outputs([None if dry_run else out_path, summary], inputs=inputs, force=force)
        with _collector_paused():
            return _apply(draft, sources, out_path, author=author, date=date, dry_run=dry_run, force=force,
                          progress=progress, limits=limits, lang=lang, summary=summary, summary_format=summary_format,
                          inputs=inputs)


def _apply(draft: Path, sources: list[Any], out_path: Path, *, author: str | None, date: str | None,
           dry_run: bool, force: bool, progress: bool, limits: Any, lang: str | None, summary: str | Path | None,
           summary_format: str, inputs: list) -> ApplyResult:
    from .package import docx_bytes, open_docx, write_outputs

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    document = open_docx(draft, limits=limits) if limits is not None else open_docx(draft)
    lang = lang or detect_language("\n".join(draft_paragraphs(document, limit=200)))
    with language(lang):
        letters = any(not isinstance(s, (dict, EditsFile)) and Path(s).suffix.lower() in LETTER_SUFFIXES
                      for s in sources)
        files = read_sources(draft, sources, author=author, date=date,
                             draft_paragraphs=draft_paragraphs(document) if letters else None)
        timings["load"] = time.perf_counter() - t0

        t = time.perf_counter()
        tree = build_outline(document)
        edits = [e for f in files for e in f.edits]
        for i, e in enumerate(edits, start=1):
            if len(files) > 1:
                e.index = i
        bar = Progress(progress)
        plan = make_plan(tree, edits, progress=bar)
        views = edit_views(plan.edits)
        timings["plan"] = time.perf_counter() - t

        unresolved, ignored = [], []
        for f in files:
            tag = Path(f.path).name if f.path and len(files) > 1 else None
            unresolved.extend({**u, **({"from": tag} if tag else {})} for u in f.unresolved)
            ignored.extend(f.ignored)
        for u in plan.skipped:
            u.pop("edit", None)
            u.pop("error", None)
            src = u.pop("source", None)
            unresolved.append({**u, **({"from": src} if src else {})})
        letter_warnings = letter_notes(files, author)
        result = ApplyResult(draft=draft, output=None if dry_run else out_path, plan=plan, views=views,
                             sources=[{"path": f.path, "author": f.author, "source": f.source, "letter": f.letter}
                                      for f in files],
                             unresolved=unresolved, ignored=ignored,
                             warnings=list(tree.warnings) + list(plan.warnings) + letter_warnings,
                             accounting=[{"path": f.path, "entries": f.accounting} for f in files if f.accounting],
                             dry_run=dry_run, timings=timings, lang=lang)
        result.summary = Path(summary) if summary is not None else None
        if dry_run:
            if summary is not None:
                write_outputs([(summary, result.render(summary_format))], inputs=inputs, force=force)
            return result

        t = time.perf_counter()
        dirty = apply_plan(document, plan, progress=bar)
        timings["revise"] = time.perf_counter() - t
        t = time.perf_counter()
        bar("save", 0, 1)
        outputs = [(out_path, docx_bytes(document, dirty=dirty, where=str(out_path)))]
        if summary is not None:
            outputs.append((summary, result.render(summary_format)))
        write_outputs(outputs, inputs=inputs, force=force)
        bar("save", 1, 1)
        bar.close()
        timings["save"] = time.perf_counter() - t
        return result
