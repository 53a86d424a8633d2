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
from .edits import EditsFile, load_edits, parse_edits
from .errors import EditsError, Warning
from .messages import msg
from .plan import Plan, make_plan
from .progress import Progress
from .revise import apply_plan
from .summary import EditView, edit_views, render

LETTER_SUFFIXES = {".txt", ".docx", ".pdf", ".md"}


@dataclass
class ApplyResult:
    """What `redline apply` did: the plan, where the output went, what was not applied."""

    draft: Path
    output: Path | None
    plan: Plan | None
    views: list[EditView]
    sources: list[dict]
    unresolved: list[dict] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    dry_run: bool = False
    timings: dict[str, float] = field(default_factory=dict)

    def render(self, fmt: str = "text") -> str:
        return render(self, fmt)


def read_sources(draft: Path, sources: list[Any], *, author: str | None, date: str | None) -> list[EditsFile]:
    """Edits files (.json), letters (.txt/.docx/.pdf: extracted, targets resolved against
    the draft), or already-parsed dicts, in command-line order."""
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
                from .letters.extract import extract

                data = extract(path, draft=draft)
                ef = parse_edits(data, where=str(path), author=author, date=date, allow_empty=True)
                for e in ef.edits:
                    e.strict = False  # read by rules from prose: list what cannot apply, go on
            else:
                raise EditsError(msg("unknown source type '{suffix}': expected an edits file (.json) or a letter "
                                     "(.txt, .docx, .pdf)", suffix=path.suffix), file=path)
        name = Path(ef.path).name if ef.path else f"edits #{n}"
        for e in ef.edits:
            e.source = name if multi else None
        files.append(ef)
    if not any(f.edits for f in files) and not any(f.unresolved or f.ignored for f in files):
        raise EditsError(msg("no edits to apply in {sources}", sources=", ".join(str(s) for s in sources)))
    return files


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
          limits: Any = None) -> ApplyResult:
    with _collector_paused():
        return _apply(draft, sources, output, author=author, date=date, dry_run=dry_run, force=force,
                      progress=progress, limits=limits)


def _apply(draft: Path, sources: list[Any], output: str | Path | None, *, author: str | None, date: str | None,
           dry_run: bool, force: bool, progress: bool, limits: Any) -> ApplyResult:
    from .package import default_output, open_docx, save_docx

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    out_path = Path(output) if output else default_output(draft)
    files = read_sources(draft, sources, author=author, date=date)
    document = open_docx(draft, limits=limits) if limits is not None else open_docx(draft)
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
    result = ApplyResult(draft=draft, output=None if dry_run else out_path, plan=plan, views=views,
                         sources=[{"path": f.path, "author": f.author, "source": f.source} for f in files],
                         unresolved=unresolved, ignored=ignored, warnings=list(tree.warnings) + list(plan.warnings),
                         dry_run=dry_run, timings=timings)
    if dry_run:
        return result

    t = time.perf_counter()
    dirty = apply_plan(document, plan, progress=bar)
    timings["revise"] = time.perf_counter() - t
    t = time.perf_counter()
    bar("save", 0, 1)
    save_docx(document, out_path, dirty=dirty, force=force, input_path=draft)
    bar("save", 1, 1)
    bar.close()
    timings["save"] = time.perf_counter() - t
    return result
