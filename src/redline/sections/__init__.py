"""The outline stage: a draft's body into its tree of addressable sections, and references to them.

``outline.build`` finds the headings (styles, Word's numbering from ``numbering``, typed labels)
and builds the ``Outline``; ``references.resolve`` turns a reference as people write it
("Mục 6.2 của Phần II", "khoản 2 Điều 5") into one ``Section`` or an error with candidates.
"""
