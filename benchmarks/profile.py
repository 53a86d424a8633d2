"""Where apply's time goes, with pyinstrument: `python benchmarks/profile.py [PARAGRAPHS] [EDITS]`.

Profiles redline.apply on the generated draft and edits file (run benchmarks/run.py once first to
generate them) and writes a text call tree to benchmarks/profile-<P>-<E>.txt.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pyinstrument import Profiler

import redline

HERE = Path(__file__).resolve().parent


def main() -> int:
    paragraphs = sys.argv[1] if len(sys.argv) > 1 else "50000"
    edits = sys.argv[2] if len(sys.argv) > 2 else "1000"
    draft = HERE / "out" / f"draft-{paragraphs}.docx"
    edits_file = HERE / "out" / f"edits-{paragraphs}-{edits}.json"
    if not draft.exists() or not edits_file.exists():
        print(f"missing {draft.name} / {edits_file.name}: run benchmarks/run.py --sizes {paragraphs} --edits {edits}")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        profiler = Profiler(interval=0.001)
        profiler.start()
        redline.apply(draft, edits_file, Path(tmp) / "out.docx")
        profiler.stop()
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    out = HERE / f"profile-{paragraphs}-{edits}.txt"
    out.write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
