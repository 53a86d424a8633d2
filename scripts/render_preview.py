#!/usr/bin/env python3
"""Render the first page of a .docx (tracked changes shown) to PNG through LibreOffice.

    python scripts/render_preview.py OUT.redline.docx preview.png [--page 1|changes] [--dpi 100]

``--page changes`` picks the first page that shows a tracked change (found by looking for the
text of the document's first insertion or deletion in the PDF with pdftotext), so the picture
shows a redline even when the first page has none.

LibreOffice (headless, a throw-away profile so a running LibreOffice is not disturbed) exports
the document to PDF as it lays it out, insertions and deletions marked in colour as a reviewer
sees them; pdftoppm (poppler-utils) rasterises the page.  Needs ``soffice`` and ``pdftoppm`` on
PATH (Debian: apt-get install --no-install-recommends libreoffice-writer poppler-utils).
Exit 0 on success, 2 with a one-line message otherwise.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 180  # seconds for LibreOffice; a first start builds its profile


class RenderError(Exception):
    pass


def to_pdf(docx: Path, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RenderError("LibreOffice (soffice) not found; apt-get install --no-install-recommends libreoffice-writer")
    profile = Path(tempfile.mkdtemp(prefix="redline-render-profile-"))
    try:
        proc = subprocess.run(
            [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck",
             f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf:writer_pdf_Export",
             "--outdir", str(outdir), str(docx)],
            capture_output=True, timeout=TIMEOUT, start_new_session=True)
    except subprocess.TimeoutExpired:
        raise RenderError(f"LibreOffice took more than {TIMEOUT}s to convert {docx}") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (docx.stem + ".pdf")
    if proc.returncode != 0 or not pdf.exists():
        detail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()
        raise RenderError(f"LibreOffice could not convert {docx}: {detail[-1] if detail else 'no output'}")
    return pdf


def to_png(pdf: Path, png: Path, page: int = 1, dpi: int = 100) -> Path:
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise RenderError("pdftoppm not found; apt-get install --no-install-recommends poppler-utils")
    stem = png.with_suffix("")
    proc = subprocess.run([pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                           str(pdf), str(stem)], capture_output=True, timeout=120)
    out = stem.with_suffix(".png")
    if proc.returncode != 0 or not out.exists():
        raise RenderError(f"pdftoppm failed on page {page}: {proc.stderr.decode('utf-8', 'replace').strip()}")
    if out != png:
        out.replace(png)
    return png


def changed_texts(docx: Path) -> list[str]:
    """Texts of the main document's insertions and deletions, in order (at least two words each)."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for rev in root.iter(w + "ins", w + "del"):
        text = " ".join("".join(t.text or "" for t in rev.iter(w + "t", w + "delText")).split())
        if len(text.split()) >= 2:
            out.append(text)
    return out


def page_with_changes(pdf: Path, docx: Path) -> int:
    """The first PDF page on which the first few words of a change appear; 1 if none is found."""
    pdftotext = shutil.which("pdftotext")
    texts = changed_texts(docx)
    if not pdftotext or not texts:
        return 1
    proc = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, timeout=120)
    pages = proc.stdout.decode("utf-8", "replace").split("\f")
    flat = [" ".join(p.split()) for p in pages]
    for text in texts:
        probe = " ".join(text.split()[:4])
        for i, page in enumerate(flat, start=1):
            if probe in page:
                return i
    return 1


def render(docx: Path, png: Path, page: int | str = 1, dpi: int = 100) -> Path:
    """Write page ``page`` (a number, or "changes") of ``docx`` as a PNG to ``png``; returns ``png``."""
    docx, png = Path(docx).resolve(), Path(png).resolve()
    if not docx.is_file():
        raise RenderError(f"{docx}: no such file")
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="redline-render-") as tmp:
        pdf = to_pdf(docx, Path(tmp))
        number = page_with_changes(pdf, docx) if page == "changes" else int(page)
        # write the PNG beside the temp PDF first, so a failure never leaves half a picture behind
        tmp_png = Path(tmp) / "page.png"
        to_png(pdf, tmp_png, page=number, dpi=dpi)
        shutil.move(str(tmp_png), png)
    return png


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docx", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--page", default="1", help='page number, or "changes" for the first page with a '
                                                  'tracked change (default 1)')
    ap.add_argument("--dpi", type=int, default=100, help="resolution (default 100)")
    args = ap.parse_args(argv)
    if args.page != "changes" and not args.page.isdigit():
        ap.error('--page takes a page number or "changes"')
    try:
        out = render(args.docx, args.png, page=args.page, dpi=args.dpi)
    except RenderError as exc:
        print(f"render_preview: error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
