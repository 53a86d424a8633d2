"""Writing zips: the original package with some entries replaced, added or dropped, every
other entry copied raw, byte for byte (zipfile, recompressing, only when zip64 is needed)."""
from __future__ import annotations

import io
import struct
import time
import zipfile

from .common import fast_zlib
from .source import SourcePackage
from .zipread import raw_data


class Streamed:
    """A replacement body that writes itself in pieces: ``write_to(sink)`` calls
    ``sink.write(chunk)``.  The writer deflates each piece as it comes, so a large part is
    never held whole: a million-hit document.xml is 350 MB serialised, and libxml2's
    buffer grows to about twice that before it is copied into one bytes object (13% of
    that run's peak memory, for an entry that deflates to 6 MB)."""

    def write_to(self, sink) -> None:
        raise NotImplementedError

    def getvalue(self) -> bytes:
        buf = io.BytesIO()
        self.write_to(buf)
        return buf.getvalue()


Body = bytes | Streamed


def merge_bytes(source: SourcePackage, *, drop: set[str] = frozenset(), append: list | None = None,
                 replacements: dict[str, Body] | None = None) -> bytes:
    """Build a zip: each original entry copied raw, replaced by given bytes (deflated
    afresh) or dropped; then the ``append`` entries, from ``replacements``."""
    replacements = replacements or {}
    w = ZipWriter()
    for info in source.infos:
        name = info.filename
        if name in replacements:
            w.add_bytes(info, replacements[name])
        elif name in drop:
            continue
        else:
            w.add_raw(info, raw_data(source.data, info))
    for ninfo in append or []:
        w.add_bytes(ninfo, replacements[ninfo.filename])
    return w.finish()


def merge_zipfile(source: SourcePackage, *, drop: set[str], append: list, replacements: dict[str, Body]) -> bytes:
    """The same merge through ``zipfile`` (recompressing), for packages that need zip64."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source.data)) as oz, zipfile.ZipFile(out, "w", allowZip64=True) as wz:
        for info in source.infos:
            name = info.filename
            if name in drop and name not in replacements:
                continue
            body = replacements.get(name)
            if body is None:
                body = oz.read(info)
            elif isinstance(body, Streamed):  # zip64 packages (over 4 GB) only: held whole
                body = body.getvalue()
            clone = clone_info(info)
            # what redline writes it deflates (a stored original part stays stored only when copied)
            clone.compress_type = zipfile.ZIP_DEFLATED if name in replacements else info.compress_type
            wz.writestr(clone, body)
        for ninfo in append:
            body = replacements[ninfo.filename]
            wz.writestr(clone_info(ninfo), body.getvalue() if isinstance(body, Streamed) else body)
    return out.getvalue()


class ZipWriter:
    """A minimal zip writer that copies compressed data raw (no zip64: falls back)."""

    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.central: list[bytes] = []
        self.fallback: list[tuple[zipfile.ZipInfo, bytes, bool]] = []

    def add_bytes(self, info: zipfile.ZipInfo, body: Body) -> None:
        sink = _Deflater()
        if isinstance(body, Streamed):
            body.write_to(sink)
        else:
            sink.write(body)
        raw = sink.finish()
        clone = clone_info(info)
        clone.compress_type = zipfile.ZIP_DEFLATED
        clone.CRC = sink.crc & 0xFFFFFFFF
        clone.file_size = sink.size
        clone.compress_size = len(raw)
        self.add_raw(clone, raw)

    def add_raw(self, info: zipfile.ZipInfo, raw: bytes) -> None:
        i = clone_info(info)
        name = i.filename.encode("utf-8")
        flags = i.flag_bits & ~0x08  # sizes go in the local header: no data descriptor
        if any(b > 0x7F for b in name):
            flags |= 0x800
        else:
            flags &= ~0x800
        extra = _strip_zip64(i.extra)
        offset = self.out.tell()
        if max(offset, i.compress_size, i.file_size) >= 0xFFFFFFFF or len(self.central) >= 0xFFFF:
            raise NeedZip64()
        y, mo, d, h, mi, s = i.date_time
        dostime = (h << 11) | (mi << 5) | (s // 2)
        dosdate = (max(y, 1980) - 1980) << 9 | (mo << 5) | d
        version = max(i.extract_version, 20)
        self.out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", version, flags, i.compress_type, dostime,
                                   dosdate, i.CRC, i.compress_size, i.file_size, len(name), len(extra)))
        self.out.write(name)
        self.out.write(extra)
        self.out.write(raw)
        self.central.append(
            struct.pack("<4sBBHHHHHIIIHHHHHII", b"PK\x01\x02", i.create_version, i.create_system, version, flags,
                        i.compress_type, dostime, dosdate, i.CRC, i.compress_size, i.file_size, len(name),
                        len(extra), len(i.comment), 0, i.internal_attr, i.external_attr, offset)
            + name + extra + i.comment)

    def finish(self) -> bytes:
        start = self.out.tell()
        for rec in self.central:
            self.out.write(rec)
        size = self.out.tell() - start
        if start >= 0xFFFFFFFF or size >= 0xFFFFFFFF:
            raise NeedZip64()
        n = len(self.central)
        self.out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, n, n, size, start, 0))
        return self.out.getvalue()


class _Deflater:
    """A file-like sink that deflates (raw, level 6) and checksums what is written to it.

    Small writes are gathered into pieces of ``PIECE`` bytes before they are deflated:
    zlib-ng's output depends on the size of the pieces it is given when they are small
    (libxml2 writes 4 KB at a time, and those deflate to a few bytes more, differently
    from the whole part at once); pieces of a megabyte deflate as the whole does (checked
    on the benchmark shapes' parts), and hold little memory."""

    PIECE = 1 << 20

    def __init__(self) -> None:
        self._c = fast_zlib.compressobj(6, fast_zlib.DEFLATED, -15)
        self._out: list[bytes] = []
        self._pending = bytearray()
        self.crc = 0
        self.size = 0

    def write(self, chunk) -> int:
        n = len(chunk)
        self.crc = fast_zlib.crc32(chunk, self.crc)
        self.size += n
        if not self._pending and n >= self.PIECE:
            self._out.append(self._c.compress(chunk))
            return n
        self._pending += chunk
        if len(self._pending) >= self.PIECE:
            self._out.append(self._c.compress(self._pending))
            self._pending = bytearray()
        return n

    def finish(self) -> bytes:
        if self._pending:
            self._out.append(self._c.compress(self._pending))
            self._pending = bytearray()
        self._out.append(self._c.flush())
        return b"".join(self._out)


class NeedZip64(Exception):
    """The merged package needs zip64; not produced by the raw writer."""


def clone_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    c = zipfile.ZipInfo(info.filename, info.date_time)
    for attr in ("compress_type", "comment", "extra", "create_system", "create_version", "extract_version",
                 "flag_bits", "internal_attr", "external_attr", "CRC", "compress_size", "file_size"):
        setattr(c, attr, getattr(info, attr, 0))
    return c


def _strip_zip64(extra: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i + 4 <= len(extra):
        hid, ln = struct.unpack_from("<HH", extra, i)
        if hid != 0x0001:
            out += extra[i:i + 4 + ln]
        i += 4 + ln
    return bytes(out)


def now_dos() -> tuple[int, int, int, int, int, int]:
    t = time.localtime()
    return (max(t.tm_year, 1980), t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)
