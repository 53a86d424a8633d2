"""Text boxes: the paragraphs inside a drawing or VML shape (w:txbxContent).

A text box is one unit of its paragraph's text (read.py), so it lines up like a word.
When two line up, their contents are compared as containers of blocks, like the body.
Word stores a text box twice (the DrawingML shape in mc:Choice, the VML fallback in
mc:Fallback); both copies are compared with NEW's copies in the same order, so either one
a reader picks shows the same revisions.
"""
from __future__ import annotations

from lxml import etree

from .read import TXBX


class Boxes:
    def __init__(self, cmp):
        self.cmp = cmp
        self.compared = 0

    def compare(self, story, old_obj: etree._Element, new_obj: etree._Element) -> bool:
        olds, news = list(old_obj.iter(TXBX)), list(new_obj.iter(TXBX))
        if len(news) != len(olds) and news:
            news = (news * len(olds))[:len(olds)]  # one NEW copy for every OLD copy
        changed = False
        for o, n in zip(olds, news):
            if etree.tostring(o) != etree.tostring(n):
                self.compared += 1
                changed = self.cmp.compare_container(story, o, n) or changed
        return changed
