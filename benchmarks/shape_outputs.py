"""Proof that a change to the apply pipeline leaves its outputs alone: the SHA-256 of every
entry of apply's .docx (its XML and its deflated bytes as stored) and of the text and JSON
summaries, for the cost shapes at mid sizes.

    python benchmarks/shape_outputs.py save     # before the change
    python benchmarks/shape_outputs.py check    # after it: "identical", or what differs

The hashes are kept in benchmarks/out/shapes/hashes.json (gitignored).  A part redline adds
(word/comments.xml) carries the time of the run in its zip header, which is not hashed.
"""
from __future__ import annotations

import hashlib
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import shapes  # noqa: E402

CASES = [("spread-hits", 30_000), ("paragraph-hits", 1_000), ("paragraph-edits", 1_000), ("comments", 1_000)]


def hashes() -> dict:
    import redline
    from redline.package import Limits
    from redline.package.zipread import raw_data

    limits = Limits(max_paragraph_chars=10_000_000, max_text_chars=10_000_000 - 1)
    got = {}
    for shape, n in CASES:
        draft, edits = shapes.build(shape, n, shapes.OUT)
        out = shapes.OUT / f"{shape}-{n}.out.docx"  # one fixed path: the summaries name it
        result = redline.apply(str(draft), [str(edits)], str(out), force=True, limits=limits)
        data = out.read_bytes()
        h = got[f"{shape}-{n}"] = {}
        with zipfile.ZipFile(out) as z:
            for info in z.infolist():
                h[info.filename] = hashlib.sha256(z.read(info)).hexdigest()
                h["deflated:" + info.filename] = hashlib.sha256(raw_data(data, info)).hexdigest()
        h["summary"] = hashlib.sha256(result.render("text").encode()).hexdigest()
        js = json.loads(result.render("json"))
        js.pop("timings", None)
        h["json"] = hashlib.sha256(json.dumps(js, sort_keys=True).encode()).hexdigest()
    return got


def main(mode: str) -> None:
    ref = shapes.OUT / "hashes.json"
    got = hashes()
    if mode == "save":
        ref.write_text(json.dumps(got, indent=1))
        print(f"saved {ref}")
        return
    old = json.loads(ref.read_text())
    bad = [(case, name) for case in old for name in old[case] if old[case][name] != got.get(case, {}).get(name)]
    print("identical" if not bad else f"DIFFERENT: {bad}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "check")
