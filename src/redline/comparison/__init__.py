"""``redline compare OLD NEW``: the differences between two documents as tracked changes.

One small module per concern, in the order the engine uses them::

    read.py        both documents into comparable blocks; a paragraph into units
    blocks.py      two containers of blocks: align (align.py), then insert / delete / pair
    paragraphs.py  two paired paragraphs: word-level revisions in place
    formatting.py  w:rPrChange / w:pPrChange where the text is the same
    tables.py      rows inserted / deleted as row revisions; cells compared
    notes.py       footnotes and endnotes
    textboxes.py   text boxes
    moves.py       whole paragraphs moved: w:moveFrom / w:moveTo
    transplant.py  NEW's content made to mean the same in OLD's package
    report.py      the section-aware summary
    edits.py       the way back: an edits file ``redline apply OLD`` turns into NEW
    letter.py      the same as the body of a comment letter
    engine.py      the whole comparison: open, outline, compare, save

Every revision is written through ``markup.py``, as apply's are.
"""
from .engine import CompareResult, compare  # noqa: F401

__all__ = ["compare", "CompareResult"]
