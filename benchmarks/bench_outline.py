"""How much the outline costs on top of opening a large draft with python-docx.

    python benchmarks/bench_outline.py [--paragraphs 50000] [--repeat 3] [--keep FILE]

Generates a realistic draft (title block, Roman parts, "1." items, "1.1." sub-items,
"a)" points — four heading levels, bold, typed labels split over several runs — with body
paragraphs, "- " bullets and a few tables), then times python-docx ``Document(path)`` alone
and ``Document(path)`` + ``redline.outline.build``, and prints both and their ratio.  Also
times resolving a few thousand references against the result.  Not a test.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import docx  # noqa: E402

from redline.sections.outline import build  # noqa: E402
from redline.sections.references import resolve  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WORDS = ("cải cách hành chính thủ tục hồ sơ dịch vụ công trực tuyến cơ quan nhà nước tỉnh "
         "huyện xã kết quả thực hiện nhiệm vụ kế hoạch năm 2022 chỉ số đánh giá công chức "
         "viên chức chuyển đổi số hạ tầng kỹ thuật nền tảng dữ liệu").split()


def run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text: str, *, bold: bool = False, split: bool = False, center: bool = False,
         rnd: random.Random | None = None) -> str:
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else '<w:pPr><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>'
    if split and rnd is not None and len(text) > 4:
        cuts = sorted(rnd.sample(range(1, len(text)), k=min(3, len(text) - 1)))
        pieces = [text[a:b] for a, b in zip([0] + cuts, cuts + [len(text)])]
        runs = "".join(run(p, bold) for p in pieces)
    else:
        runs = run(text, bold)
    return f"<w:p>{ppr}{runs}</w:p>"


def sentence(rnd: random.Random, n: int) -> str:
    words = [rnd.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    if rnd.random() < 0.3:
        words.insert(rnd.randrange(len(words)), f"{rnd.randint(1, 9)}.{rnd.randint(100, 999)}")
    if rnd.random() < 0.2:
        words.insert(rnd.randrange(len(words)), "2021 - 2030")
    return " ".join(words) + "."


def table(rnd: random.Random) -> str:
    rows = "".join("<w:tr>" + "".join(f"<w:tc><w:p>{run(str(rnd.randint(1, 999)))}</w:p></w:tc>"
                                      for _ in range(4)) + "</w:tr>" for _ in range(4))
    return f"<w:tbl><w:tblPr/>{rows}</w:tbl>"


def generate(paragraphs: int, seed: int = 1) -> tuple[bytes, list[str]]:
    """document.xml body for about ``paragraphs`` paragraphs, and the list of addresses."""
    rnd = random.Random(seed)
    out = [para("UBND TỈNH HÀ TĨNH", bold=True, center=True), para("BÁO CÁO", bold=True, center=True),
           para("Sơ kết công tác cải cách hành chính", bold=True, center=True),
           para("Thực hiện Kế hoạch số 486/KH-UBND ngày 29/12/2021 của UBND tỉnh, báo cáo như sau:")]
    addresses = []
    count = len(out)
    roman = 0
    while count < paragraphs:
        roman += 1
        r = _roman(roman)
        out.append(para(f"{r}. " + sentence(rnd, 6).upper().rstrip("."), bold=True, split=True, rnd=rnd))
        addresses.append(r)
        count += 1
        for i in range(1, 11):
            out.append(para(f"{i}. " + sentence(rnd, 7).rstrip("."), bold=True, split=True, rnd=rnd))
            addresses.append(f"{r}.{i}")
            count += 1
            for j in range(1, 6):
                out.append(para(f"{i}.{j}. " + sentence(rnd, 8).rstrip("."), bold=True, split=True, rnd=rnd))
                addresses.append(f"{r}.{i}.{j}")
                count += 1
                for k in "abc":
                    out.append(para(f"{k}) " + sentence(rnd, 5).rstrip("."), bold=True, split=True, rnd=rnd))
                    addresses.append(f"{r}.{i}.{j}.{k}")
                    count += 1
                    for _ in range(rnd.randint(3, 7)):
                        out.append(para(sentence(rnd, rnd.randint(15, 60)), split=rnd.random() < 0.3, rnd=rnd))
                        count += 1
                    for _ in range(rnd.randint(0, 4)):
                        out.append(para("- " + sentence(rnd, rnd.randint(8, 25))))
                        count += 1
                    if rnd.random() < 0.05:
                        out.append(table(rnd))
                if count >= paragraphs:
                    break
            if count >= paragraphs:
                break
    out.append(para("Trên đây là báo cáo sơ kết công tác cải cách hành chính./."))
    out.append(para("Nơi nhận:", bold=True))
    body = "".join(out)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    return xml.encode("utf-8"), addresses


def _roman(n: int) -> str:
    from redline.sections.numbering import to_roman
    return to_roman(n)


def write_docx(path: Path, document_xml: bytes) -> None:
    template = io.BytesIO()
    docx.Document().save(template)
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = document_xml if item.filename == "word/document.xml" else zin.read(item.filename)
            zout.writestr(item, data)


def best(fn, repeat: int) -> tuple[float, object]:
    """Best wall-clock time of ``repeat`` runs (and the last result)."""
    return best_of(fn, repeat, time.perf_counter)


def best_cpu(fn, repeat: int) -> tuple[float, object]:
    """Best CPU time of this process: steadier than wall-clock on a busy machine."""
    return best_of(fn, repeat, time.process_time)


def best_of(fn, repeat: int, clock) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = clock()
        result = fn()
        times.append(clock() - t0)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="also save the generated draft here")
    args = ap.parse_args()

    xml, addresses = generate(args.paragraphs)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.docx"
        write_docx(path, xml)
        t_open, doc = best(lambda: docx.Document(str(path)), args.repeat)
        t_both, outline = best(lambda: build(docx.Document(str(path))), args.repeat)
        t_build, outline = best(lambda: build(doc), args.repeat)
        c_open, _ = best_cpu(lambda: docx.Document(str(path)), args.repeat)
        c_build, _ = best_cpu(lambda: build(doc), args.repeat)
    n_par = sum(1 for b in outline.blocks if b.tag.endswith("}p"))
    n_sec = sum(1 for _ in outline.walk())
    got = [s.address for s in outline.walk()]
    refs = addresses[:: max(1, len(addresses) // 5000)][:5000]
    t0 = time.perf_counter()
    for a in refs:
        resolve(outline, "Mục " + a)
    t_resolve = time.perf_counter() - t0

    print(f"draft: {n_par} paragraphs, {len(outline.blocks)} blocks, {n_sec} sections/headings "
          f"({'addresses as generated' if got == addresses else 'ADDRESSES DIFFER FROM THE GENERATOR'})")
    print(f"python-docx open          : {t_open:7.3f} s")
    print(f"open + outline            : {t_both:7.3f} s")
    print(f"outline alone (build)     : {t_build:7.3f} s   (+{t_both - t_open:.3f} s over open)")
    print(f"ratio (open+outline)/open : {t_both / t_open:7.2f}")
    print(f"CPU time: open {c_open:.3f} s, outline {c_build:.3f} s, ratio {(c_open + c_build) / c_open:.2f}"
          + (f"   (load average {os.getloadavg()[0]:.1f}: wall-clock figures are inflated)"
             if hasattr(os, "getloadavg") and os.getloadavg()[0] > (os.cpu_count() or 1) else ""))
    print(f"resolve {len(refs)} references : {t_resolve:7.3f} s "
          f"({1e6 * t_resolve / max(1, len(refs)):.0f} µs each, index built once)")


if __name__ == "__main__":
    main()
