"""Telling what a file is before treating it as a zip: an OLE2 compound file (an encrypted
.docx, a legacy .doc / .xls / .ppt), RTF, PDF, Word 2003 XML - each refused with a message
that says what it is and what to do."""
from __future__ import annotations

import struct

from ..errors import DocumentError
from ..messages import msg

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, where: str) -> None:
    """Refuse what is plainly not a zip, saying what it is."""
    if data.startswith(OLE2_MAGIC):
        explain_ole2(data, where)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        raise DocumentError(msg("an RTF file, not a .docx"), where=where,
                            hint=msg("open it in Word and save it as .docx"))
    if head.startswith(b"%PDF"):
        raise DocumentError(msg("a PDF file, not a .docx"), where=where)
    if head.startswith(b"<") and (b"w:wordDocument" in head or b"pkg:package" in head):
        raise DocumentError(msg("a Word XML (flat XML) file, not a .docx"), where=where,
                            hint=msg("open it in Word and save it as .docx"))
    if b"PK\x05\x06" in data[-66000:] or b"PK\x03\x04" in data[:4096]:
        return  # a zip with something in front (zipfile copes); let the zip checks judge it
    raise DocumentError(msg("not a .docx file (not a zip archive)"), where=where)


def explain_ole2(data: bytes, where: str) -> None:
    names = cfb_stream_names(data)
    if names is None:  # the directory could not be walked: look for the names themselves
        found = {n for n in ("EncryptedPackage", "WordDocument", "Workbook", "PowerPoint Document")
                 if n.encode("utf-16-le") in data}
    else:
        found = set(names)
    if "EncryptedPackage" in found:
        raise DocumentError(msg("a password-protected (encrypted) .docx; redline cannot read it"), where=where,
                            hint=msg("remove the password in Word (File > Info > Protect Document > Encrypt with "
                                     "Password, clear it), save, and try again"))
    if "WordDocument" in found:
        raise DocumentError(msg("a legacy Word 97-2003 document (.doc), not a .docx"), where=where,
                            hint=msg("open it in Word or LibreOffice and save it as .docx"))
    if "Workbook" in found or "Book" in found:
        raise DocumentError(msg("a legacy Excel workbook (.xls), not a Word .docx"), where=where)
    if "PowerPoint Document" in found:
        raise DocumentError(msg("a legacy PowerPoint file (.ppt), not a Word .docx"), where=where)
    raise DocumentError(msg("a legacy Office (OLE2 compound) file, not a .docx"), where=where,
                        hint=msg("if it is a Word 97-2003 .doc, open it in Word and save it as .docx"))


def cfb_stream_names(data: bytes) -> list[str] | None:
    """Names in a compound file's directory, or None when it cannot be walked.

    A minimal, bounded reader of [MS-CFB]: header, FAT (from the header DIFAT and
    the DIFAT chain), then the directory chain.  Every loop is bounded by the number
    of sectors in the file.
    """
    try:
        if len(data) < 512:
            return None
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            return None
        size = 1 << shift
        nsect = max(0, (len(data) - size) // size + 1)  # sector -1 is the header
        first_dir, = struct.unpack_from("<I", data, 0x30)
        first_difat, ndifat = struct.unpack_from("<II", data, 0x44)

        def sector(n: int) -> bytes:
            off = (n + 1) * size
            if n < 0 or off + size > len(data) + size:  # a short last sector is tolerated
                raise ValueError("sector out of range")
            return data[off:off + size]

        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA]
        d, seen = first_difat, 0
        while d < 0xFFFFFFFA and seen <= nsect and seen < ndifat + 1:
            entries = struct.unpack(f"<{size // 4}I", sector(d).ljust(size, b"\xff"))
            fat_sectors.extend(s for s in entries[:-1] if s < 0xFFFFFFFA)
            d, seen = entries[-1], seen + 1
        fat: list[int] = []
        for s in fat_sectors[: nsect + 1]:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(s).ljust(size, b"\xff")))
        names: list[str] = []
        s, steps = first_dir, 0
        while s < 0xFFFFFFFA and steps <= nsect:
            block = sector(s)
            for off in range(0, len(block) - 127, 128):
                entry = block[off:off + 128]
                nlen = struct.unpack_from("<H", entry, 0x40)[0]
                kind = entry[0x42]
                if kind in (1, 2, 5) and 2 <= nlen <= 64:
                    names.append(entry[: nlen - 2].decode("utf-16-le", "replace"))
            if s >= len(fat):
                break
            s, steps = fat[s], steps + 1
        return names or None
    except (struct.error, ValueError, IndexError):
        return None
