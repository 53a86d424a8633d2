"""Reading the zip: the central directory and local headers vetted (names, duplicates,
encryption, methods, overlaps, declared sizes and ratios), and each entry inflated as a
stream in ``CHUNK`` pieces against the limits, whatever its headers claim."""
from __future__ import annotations

import re
import struct
import unicodedata
import zipfile
import zlib

from ..errors import DocumentError, LimitError
from ..messages import msg
from .common import CHUNK, fast_zlib, one_line
from .limits import Limits
from .opc import looks_xml

_BAD_NAME = re.compile(r"[\x00-\x1f\x7f\\]|^/|^[A-Za-z]:|(^|/)\.\.?(/|$)|//")
_BAD_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # controls, bidi overrides, surrogates, line breaks
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, fast_zlib.error, EOFError, ValueError, struct.error,
               NotImplementedError, IndexError, OverflowError, UnicodeDecodeError, OSError, RuntimeError)


def count_central_records(data: bytes, where: str, limits: Limits) -> None:
    """Count the central directory's records before ``zipfile`` builds a ZipInfo for
    each (millions of tiny records would take gigabytes); stop past ``max_entries``.
    Anything unparsable is left for ``zipfile`` to report."""
    eocd = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if eocd < 0 or eocd + 22 > len(data):
        return
    size_cd, offset_cd = struct.unpack_from("<II", data, eocd + 12)
    end = eocd
    if eocd >= 20 and data[eocd - 20:eocd - 16] == b"PK\x06\x07":  # zip64 locator
        (z64,) = struct.unpack_from("<Q", data, eocd - 12)
        if z64 + 56 <= len(data) and data[z64:z64 + 4] == b"PK\x06\x06":
            size_cd, offset_cd = struct.unpack_from("<QQ", data, z64 + 40)
            end = z64
    pos = end - size_cd
    if pos < 0:
        return
    count = 0
    while pos + 46 <= end and data[pos:pos + 4] == b"PK\x01\x02":
        count += 1
        if count > limits.max_entries:
            raise LimitError(msg("more than {limit:,} zip entries (Limits.max_entries)", limit=limits.max_entries),
                             where=where)
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        pos += 46 + n + m + k


def check_directory(data: bytes, infos: list[zipfile.ZipInfo], where: str, limits: Limits) -> dict[str, int]:
    """Check the directory and local headers; return where each entry's data starts."""
    if len(infos) > limits.max_entries:
        raise LimitError(msg("{count:,} zip entries, over the {limit:,} limit (Limits.max_entries)", count=len(infos),
                             limit=limits.max_entries), where=where)
    seen: dict[str, str] = {}
    declared = 0
    for info in infos:
        name = info.filename
        if _BAD_NAME.search(name) or not name or any(unicodedata.category(c) in _BAD_CATEGORIES for c in name):
            raise DocumentError(msg("unsafe zip entry name {name!r} (absolute, '..', backslash, control or formatting "
                                    "character)", name=name), where=where)
        folded = name.lower()
        if folded in seen:
            same = seen[folded] == name
            raise DocumentError(msg("duplicate zip entry {name!r}", name=name) if same else
                                msg("duplicate zip entry {name!r} (and {other!r})", name=name, other=seen[folded]),
                                where=where)
        seen[folded] = name
        if info.flag_bits & 0x1:
            raise DocumentError(msg("zip entry {name} is encrypted", name=name), where=where)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DocumentError(msg("zip entry {name} uses compression method {method}; a .docx uses only stored or "
                                    "deflated entries", name=name, method=info.compress_type), where=where)
        cap = limits.max_xml_part_bytes if looks_xml(name) else limits.max_part_bytes
        if info.file_size > cap:
            setting = "max_xml_part_bytes" if cap == limits.max_xml_part_bytes else "max_part_bytes"
            raise LimitError(msg("zip entry {name} expands to {size:,} bytes, over the {limit:,} byte limit "
                                 "(Limits.{setting})", name=name, size=info.file_size, limit=cap, setting=setting),
                             where=where)
        if not looks_xml(name):  # XML is judged by its size alone (see check_ratio)
            check_ratio(name, info.file_size, info.compress_size, where, limits)
        declared += info.file_size
        if declared > limits.max_total_bytes:
            raise LimitError(msg("the zip entries declare more than {limit:,} bytes in all (Limits.max_total_bytes)",
                                 limit=limits.max_total_bytes), where=where)
    # local records must lie inside the file, in order, without overlapping, and name the
    # entry the directory names
    spans = []
    starts: dict[str, int] = {}
    for info in infos:
        start = info.header_offset
        if start < 0 or start + 30 > len(data) or data[start:start + 4] != b"PK\x03\x04":
            raise DocumentError(msg("corrupt zip: no local header for entry {name}", name=info.filename), where=where)
        nlen, xlen = struct.unpack_from("<HH", data, start + 26)
        end = start + 30 + nlen + xlen + info.compress_size
        if end > len(data):
            raise DocumentError(msg("truncated or corrupt zip: entry {name} runs past the end of the file",
                                    name=info.filename), where=where)
        spans.append((start, end, info.filename))
        starts[info.filename] = start + 30 + nlen + xlen
    spans.sort()
    for (s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:]):
        if s2 < e1:
            raise DocumentError(msg("zip entries {n1} and {n2} overlap (a zip-bomb construction)", n1=n1, n2=n2),
                                where=where)
    for info in infos:  # as zipfile checks when it opens an entry
        start = info.header_offset
        flags, nlen = struct.unpack_from("<H", data, start + 6)[0], struct.unpack_from("<H", data, start + 26)[0]
        try:
            local = data[start + 30:start + 30 + nlen].decode("utf-8" if flags & 0x800 else "cp437")
        except UnicodeDecodeError:
            local = None
        if local != info.orig_filename:
            raise DocumentError(msg("corrupt zip: the local header of entry {name} names {local!r}",
                                    name=info.filename, local=local), where=where)
    return starts


def check_ratio(name: str, size: int, csize: int, where: str, limits: Limits) -> None:
    """Refuse an entry that expands more than ``max_ratio`` times (past ``ratio_min_bytes``).

    Only for entries that are not XML.  An image or an embedded file that expands 200
    times is a zip bomb; XML that does is often legitimate (200,000 empty paragraphs, a
    long table of repeated cells: deflate reaches 1,000:1 on them, and redline's own
    outputs of such drafts must read back).  An XML part's cost is bounded instead by
    ``max_xml_part_bytes`` and ``max_total_bytes``, counted on the bytes really inflated,
    chunk by chunk, so a lying or huge XML entry is still stopped in bounded memory."""
    if size > limits.ratio_min_bytes and size > limits.max_ratio * max(csize, 1):
        raise LimitError(msg("zip entry {name} expands {ratio:,} times ({csize:,} -> {size:,} bytes), over the "
                             "{limit}:1 limit (Limits.max_ratio): a zip bomb?", name=name, ratio=size // max(csize, 1),
                             csize=csize, size=size, limit=limits.max_ratio), where=where)


def read_entry(raw: bytes | memoryview, info: zipfile.ZipInfo, where: str, limits: Limits, *, is_xml: bool,
                total: list[int]) -> bytes:
    """Inflate one entry's stored bytes ``raw`` as a stream in ``CHUNK``-sized pieces,
    counting the bytes really produced against the limits (declared sizes can lie) and
    checking the CRC; memory stays O(CHUNK) whatever the entry claims.

    Only then, for an XML part (at most ``max_xml_part_bytes``), inflate it again whole
    and return it; other entries return b"".
    """
    name = info.filename
    cap = limits.max_xml_part_bytes if is_xml else limits.max_part_bytes
    cap_name = "max_xml_part_bytes" if is_xml else "max_part_bytes"
    if info.file_size > cap:
        raise LimitError(msg("zip entry {name} expands to {size:,} bytes, over the {limit:,} byte limit "
                             "(Limits.{setting})", name=name, size=info.file_size, limit=cap, setting=cap_name),
                         where=where)
    stored = info.compress_type == zipfile.ZIP_STORED
    n = crc = 0
    try:
        inflate = None if stored else fast_zlib.decompressobj(-15)
        for chunk in chunks(raw) if stored else inflated_chunks(inflate, raw):
            n += len(chunk)
            total[0] += len(chunk)
            crc = fast_zlib.crc32(chunk, crc)
            if n > cap:
                raise LimitError(msg("zip entry {name} expands past {limit:,} bytes (Limits.{setting})", name=name,
                                     limit=cap, setting=cap_name), where=where)
            if n > info.file_size:
                raise DocumentError(msg("corrupt zip: entry {name} is larger than its declared size", name=name),
                                    where=where)
            if total[0] > limits.max_total_bytes:
                raise LimitError(msg("the zip entries expand to more than {limit:,} bytes (Limits.max_total_bytes)",
                                     limit=limits.max_total_bytes), where=where)
            if not is_xml:
                check_ratio(name, n, info.compress_size, where, limits)
        if inflate is not None and not inflate.eof:
            raise DocumentError(msg("corrupt zip entry {name}: its compressed data ends early", name=name), where=where)
        if n != info.file_size:
            raise DocumentError(msg("corrupt zip: entry {name} is {size:,} bytes, not the {declared:,} it declares",
                                    name=name, size=n, declared=info.file_size), where=where)
        if crc & 0xFFFFFFFF != info.CRC:
            raise DocumentError(msg("corrupt zip entry {name}: bad CRC-32", name=name), where=where)
        if not is_xml:
            return b""
        return bytes(raw) if stored else fast_zlib.decompressobj(-15).decompress(raw, info.file_size)
    except fast_zlib.error as exc:
        raise DocumentError(msg("corrupt zip entry {name}: {reason}", name=name, reason=one_line(exc)), where=where)


def chunks(raw: bytes | memoryview):
    for off in range(0, len(raw), CHUNK):
        yield raw[off:off + CHUNK]


def inflated_chunks(inflate, raw: bytes | memoryview):
    """What ``inflate`` makes of ``raw``, at most ``CHUNK`` bytes at a time, fed ``CHUNK``
    compressed bytes at a time (so neither side ever holds more than a chunk)."""
    for piece in chunks(raw):
        while piece and not inflate.eof:
            out = inflate.decompress(piece, CHUNK)
            piece = inflate.unconsumed_tail
            if out:
                yield out
        if inflate.eof:
            return
    while not inflate.eof:  # output still held for input already taken
        out = inflate.decompress(b"", CHUNK)
        if not out:
            return
        yield out



def raw_data(data: bytes, info: zipfile.ZipInfo) -> bytes:
    off = info.header_offset
    if data[off:off + 4] != b"PK\x03\x04":
        raise ValueError(f"no local header for {info.filename}")
    nlen, xlen = struct.unpack_from("<HH", data, off + 26)
    start = off + 30 + nlen + xlen
    return data[start:start + info.compress_size]
