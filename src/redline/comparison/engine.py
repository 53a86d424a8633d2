"""The whole comparison: open both -> outline both -> compare the stories -> save + summary.

OLD's package is the output: styles, numbering, headers, footers, comments, settings and
any earlier tracked changes stay as they are; the differences are written into it as
native revisions by one author at one date.  NEW is read as its accepted text (Word's
compare does the same); OLD is compared through its current view (its earlier insertions
shown, deletions hidden) and its earlier revisions are kept around the new ones, so Reject
All gives OLD's original text and Accept All NEW's accepted text.  Both facts are reported
as warnings when they apply.

Compared: the body (paragraphs, tables, nested tables, text boxes), footnotes and
endnotes.  Headers and footers are OLD's (a difference is reported, not revised).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Warning
from ..messages import msg
from ..ooxml import W, qn

DEFAULT_AUTHOR = "redline compare"


@dataclass
class CompareResult:
    """What ``redline.compare`` did: where the output went, what changed where."""

    old: Path
    new: Path
    output: Path | None
    author: str
    date: str
    changes: list = field(default_factory=list)  # blocks.BlockChange for the body's blocks
    old_outline: object = None
    new_outline: object = None
    notes_compared: int = 0
    boxes_compared: int = 0
    moves: int = 0
    warnings: list[Warning] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    edits: dict | None = None  # the way back (comparison.edits), when asked for
    letter: str | None = None
    letter_left_out: list[dict] = field(default_factory=list)  # edits the letter could not say
    old_accepted: bool = False  # OLD's earlier revisions were accepted first (see the warnings)
    old_texts: dict = field(default_factory=dict)  # OLD's block texts before the comparison (edits, letter)

    @property
    def report(self):
        """The section-aware summary model (comparison.report.Report)."""
        from .report import build

        if getattr(self, "_report", None) is None:
            self._report = build(self)
        return self._report

    lang: str = "en"  # the language the summary and messages speak (default: OLD's)

    def render(self, fmt: str = "text", lang: str | None = None) -> str:
        """The summary as 'text', 'markdown', 'json' or 'html', in ``lang`` (default: the run's)."""
        from ..messages import language
        from ..summary import render_compare

        with language(lang or self.lang):
            return render_compare(self, fmt)


def compare(old: str | Path, new: str | Path, output: str | Path | None = None, *, author: str | None = None,
            date: str | None = None, formatting: bool = True, moves: bool = True, force: bool = False,
            edits: str | Path | None = None, letter: str | Path | None = None, dry_run: bool = False,
            limits=None, lang: str | None = None, summary: str | Path | None = None,
            summary_format: str = "text") -> CompareResult:
    """Compare OLD with NEW; write OLD with the differences as tracked changes to ``output``
    (default ``<OLD>.compare.docx`` beside OLD); optionally the way back (``edits``: an
    edits file that ``redline apply OLD`` turns into NEW; ``letter``: the same as the body
    of a comment letter) and the summary (``summary``, as ``summary_format``, in ``lang``:
    default OLD's language).  Every file goes through the guarded writer, all or none: never
    over OLD or NEW."""
    import gc

    was = gc.isenabled()
    gc.disable()  # a large run builds many long-lived objects and little cyclic garbage
    try:
        return _compare(Path(old), Path(new), output, author=author, date=date, formatting=formatting,
                        moves=moves, force=force, edits=edits, letter=letter, dry_run=dry_run, limits=limits,
                        lang=lang, summary=summary, summary_format=summary_format)
    finally:
        if was:
            gc.enable()


def _compare(old: Path, new: Path, output, *, author, date, formatting, moves, force, edits, letter, dry_run,
             limits, lang=None, summary=None, summary_format="text") -> CompareResult:
    from ..edits import normalize_date, now_iso
    from ..markup import Meta
    from ..options import language_option
    from ..package import check_outputs, docx_bytes, open_docx, write_outputs
    from ..revise import Reviser
    from ..revisions import accept_all
    from . import outlines
    from .blocks import Comparer, Options, Story, serialise
    from .notes import Notes
    from .read import Reader, Signatures
    from .textboxes import Boxes
    from .transplant import Transplant

    timings: dict[str, float] = {}
    t = time.perf_counter()
    out_path = Path(output) if output else old.with_name(old.stem + ".compare.docx")
    # every output judged before any work: never OLD or NEW, never an existing file unasked
    check_outputs([None if dry_run else out_path, edits, letter, summary], inputs=[old, new], force=force)
    chosen_lang = language_option(lang)
    meta = Meta(author or DEFAULT_AUTHOR, normalize_date(date, "--date") if date else now_iso())
    opened = [open_docx(p, limits=limits) if limits is not None else open_docx(p) for p in (old, new)]
    old_doc, new_doc = opened
    timings["load"] = time.perf_counter() - t

    t = time.perf_counter()
    warnings: list[Warning] = []
    old_body, new_body = old_doc.element.body, new_doc.element.body
    earlier = sum(1 for _ in old_body.iter(W["ins"], W["del"], W["moveFrom"], W["moveTo"]))
    old_accepted = False
    if earlier and _structural_revisions(old_body):
        # a paragraph mark, row or cell revision changes which paragraphs exist: OLD's current
        # view cannot be compared paragraph by paragraph, so OLD is taken as accepted, as Word does
        old_accepted = True
        n = accept_all(old_doc.element)
        warnings.append(Warning(msg("OLD holds {count} tracked {count:plural:change:changes}, some on paragraph "
                                    "marks or table rows: accepted before comparing (as Word does); Reject All "
                                    "gives OLD's accepted text", count=n), where=str(old)))
    elif earlier:
        warnings.append(Warning(msg("OLD holds {count} tracked {count:plural:change:changes}: compared as its current "
                                    "text (insertions shown, deletions hidden); they are kept in the output",
                                    count=earlier), where=str(old)))
    accepted = accept_all(new_doc.element) if _has_revisions(new_body) else 0
    # each body's blocks serialised once: the outlines and the pairing both compare them
    serialised = (serialise(old_body), serialise(new_body))
    tree_old, tree_new = outlines.both(old_doc, new_doc, *serialised)
    old_texts: dict[int, str] = {}
    if edits is not None or letter is not None:
        # the texts as stored, before any revision is written: the edits are made of them
        from ..match import displayed_text
        from ..ooxml import block_text

        for i, b in enumerate(tree_old.blocks):
            tree_old.text(i)
            old_texts[i] = displayed_text(b) if b.tag == W["p"] else block_text(b)
    timings["outline"] = time.perf_counter() - t

    t = time.perf_counter()
    transplant = Transplant(old_doc, new_doc, warnings)
    rv = Reviser(old_body)
    cmp = Comparer(rv, meta, Options(formatting=formatting, moves=moves), transplant)
    sig = Signatures()
    cmp.notes = Notes(cmp, old_doc, new_doc, sig, transplant)
    cmp.boxes = Boxes(cmp)
    transplant.notes = cmp.notes
    accepted += cmp.notes.accepted
    if accepted:
        warnings.append(Warning(msg("NEW holds {count} tracked {count:plural:change:changes}: compared as its "
                                    "accepted text, as Word does", count=accepted), where=str(new)))
    rv.start_ids(*cmp.notes.roots())
    story = Story(Reader(sig, _targets(old_doc.part)), Reader(sig, _targets(new_doc.part)), old_doc.part,
                  new_doc.part, transplant)
    record: list = []
    cmp.compare_container(story, old_body, new_body, record=record, known=serialised)
    cmp.finish()
    _headers_differ(old_doc, new_doc, warnings)
    timings["compare"] = time.perf_counter() - t

    result = CompareResult(old, new, None if dry_run else out_path, meta.author, meta.date, record, tree_old,
                           tree_new, cmp.notes.compared, cmp.boxes.compared, cmp.moves, warnings, timings)
    result.old_accepted = old_accepted
    result.old_texts = old_texts
    if chosen_lang is None:
        from ..messages import detect_language

        chosen_lang = detect_language(" ".join(tree_old.text(i) for i in range(min(200, len(tree_old.blocks)))))
    result.lang = chosen_lang
    if edits is not None or letter is not None:
        from .edits import make_edits

        result.edits = make_edits(result)
        if letter is not None:
            from .letter import make_letter

            result.letter, result.letter_left_out = make_letter(result)
    if dry_run:  # nothing written but the summary, when asked
        if summary is not None:
            write_outputs([(summary, result.render(summary_format))], inputs=[old, new], force=force)
        return result
    t = time.perf_counter()
    dirty = {old_doc.part.partname.lstrip("/")} | transplant.dirty | cmp.notes.finish()
    outputs: list = [(out_path, docx_bytes(old_doc, dirty=dirty, where=str(out_path)))]
    if edits is not None:
        import json

        outputs.append((edits, json.dumps(result.edits, ensure_ascii=False, indent=2) + "\n"))
    if letter is not None:
        outputs.append((letter, result.letter))
    if summary is not None:
        outputs.append((summary, result.render(summary_format)))
    write_outputs(outputs, inputs=[old, new], force=force)  # all or none
    timings["save"] = time.perf_counter() - t
    return result


def _structural_revisions(body) -> bool:
    """Revisions that add or remove paragraphs, rows or cells (marks, w:trPr, cell changes)."""
    from ..revisions import MARKER_PARENTS

    marks = (W["ins"], W["del"], W["moveFrom"], W["moveTo"], qn("w:cellIns"), qn("w:cellDel"), qn("w:cellMerge"))
    return any(el.tag.endswith(("cellIns", "cellDel", "cellMerge")) or el.getparent().tag in MARKER_PARENTS
               for el in body.iter(*marks))


def _has_revisions(root) -> bool:
    from ..revisions import PROPERTY_CHANGES

    tags = (W["ins"], W["del"], W["moveFrom"], W["moveTo"], *PROPERTY_CHANGES)
    return next(root.iter(*tags), None) is not None


def _targets(part) -> dict[str, str]:
    out = {}
    for rid, rel in part.rels.items():
        out[rid] = rel.target_ref if rel.is_external else str(rel.target_part.partname)
    return out


def _headers_differ(old_doc, new_doc, warnings: list[Warning]) -> None:
    """Headers and footers stay OLD's; say so when NEW's read differently."""
    def texts(doc) -> list[str]:
        out = []
        for s in doc.sections:
            for hf in (s.header, s.footer):
                try:
                    if not hf.is_linked_to_previous:
                        out.append("\n".join(p.text for p in hf.paragraphs))
                except Exception:  # a header python-docx cannot model: nothing to compare
                    pass
        return out

    try:
        if texts(old_doc) != texts(new_doc):
            warnings.append(Warning(msg("headers or footers differ: they are not compared, OLD's are kept")))
    except Exception:
        pass
