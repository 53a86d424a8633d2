"""Operations: what an instruction asks, read from its verb, its object and its quotations.

Why its own stage, and why rules in this order: each rule below reads one construction of
the grammar (verb from the lexicon + object + the role of each quotation) and either
returns a ``Reading`` or passes.  The first that reads the clause decides, and its name
(with the lexicon entry that matched) is what `extract --explain` prints.

The safety rule is structural, not per example: a tracked change is produced only where the
letter gives exact words -- the words to find and their replacement, the phrase to drop,
the new text (quoted, or after "như sau:"), or a whole unit to drop that it names exactly
("bỏ khoản 3", "bỏ gạch đầu dòng cuối cùng").  An add/change/delete without its exact
words, a hedged request ("xem xét bỏ", "cân nhắc bổ sung"), a request "in the direction of"
something ("theo hướng ..."), a quotation never closed, or an advisory ("làm rõ", "giữ
nguyên") becomes a comment carrying the letter's words.  A phrase the letter asks to ADD is
never a deletion: the add rules run on the add verb, and a quote after it is new text.

Which quotations are which (the heart of reading real letters):

- *current text*: a quotation right after the place ("Khoản 2, Điều 18 ghi: “...”",
  "Điều 27, khoản 1, “...”") or after "tại câu / trong đoạn" -- the draft as it stands;
- *context*: the sentence a word goes into or comes out of ("vào câu “... Y (X), ...”",
  "trong đoạn “...”"); brackets in it mark the word's position;
- *object*: the words an operation acts on ("bỏ cụm từ “X”", "thay “X” bằng “Y”");
- *result*: what the passage becomes ("sửa lại là “...”", "để thành nội dung “...”"): with
  the current text (or the object it adds) it gives one exact replacement.

The package, one module per concern (``rules.Rules`` puts them together and holds the order):

- ``core``: ``Reading``, ``comment`` and ``RuleBase`` -- what every rule reads a clause with
  (masked text, verbs, the place), and the checks every exact change passes (``whole_request``);
- ``statements``: no change asked (announcement, agreement, narrative, hedged);
- ``moves``: text taken from one place to another (move, merge);
- ``insertions``: new sections and new text (new section, insert at an anchor, add);
- ``changes``: a change of words (“X” thành “Y”, a figure raised, words into a bracketed place);
- ``deletions``: what to drop (words, a mark, a sentence, a row, a section);
- ``rewrites``: a place's text or name replaced (rename, rewrite);
- ``requests``: no exact words, a comment (advisory, request, problem);
- ``rules``: ``Rules``, the order the rules are tried in, and ``read``.
"""
# the names the other stages import (extract: Reading, comment, read, weak_request, problem_of;
# grounding: _previous_label)
from .core import Reading, comment  # noqa: F401
from .insertions import _previous_label  # noqa: F401
from .rules import Rules, problem_of, read, weak_request  # noqa: F401
