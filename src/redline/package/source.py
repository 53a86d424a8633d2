"""``SourcePackage``: the vetted original .docx, kept for a byte-for-byte save."""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .common import fast_zlib
from .opc import content_type_for
from .zipread import raw_data


@dataclass
class SourcePackage:
    """The vetted original .docx, kept for a byte-for-byte save.

    ``data`` is the whole zip exactly as read from disk; ``infos`` its entries in
    archive order (``zipfile.ZipInfo``); ``content_types`` maps lower-cased part
    names (``/word/document.xml``) and ``ext:<extension>`` to content types.
    ``kind`` is "docx" or "dotx"; ``always_dirty`` names entries a merged save must
    take from python-docx whatever the caller says (the retyped
    ``[Content_Types].xml`` of a template).
    """

    path: Path
    data: bytes
    infos: list[zipfile.ZipInfo]
    main_part: str  # zip name of the main document part, e.g. "word/document.xml"
    content_types: dict[str, str] = field(default_factory=dict)
    kind: str = "docx"
    always_dirty: frozenset[str] = frozenset()
    _by_name: dict[str, zipfile.ZipInfo] | None = field(default=None, init=False, repr=False, compare=False)

    def names(self) -> list[str]:
        return [i.filename for i in self.infos]

    def has(self, name: str) -> bool:
        return name in self._index()

    def info(self, name: str) -> zipfile.ZipInfo:
        return self._index()[name]  # KeyError for a name not in the zip

    def _index(self) -> dict[str, zipfile.ZipInfo]:
        # one dict for the whole package: a report with thousands of images looks entries up
        # thousands of times (a linear search, or a zipfile re-reading the directory each
        # time, made loading quadratic)
        if self._by_name is None:
            self._by_name = {i.filename: i for i in self.infos}
        return self._by_name

    def read(self, name: str) -> bytes:
        """The decompressed bytes of one entry (vetted at open: size and CRC checked)."""
        info = self.info(name)
        raw = raw_data(self.data, info)
        if info.compress_type == zipfile.ZIP_STORED:
            return raw
        return fast_zlib.decompressobj(-15).decompress(raw, info.file_size)

    def raw(self, name: str) -> bytes:
        """The compressed bytes of one entry, exactly as stored in the file."""
        return raw_data(self.data, self.info(name))

    def content_type(self, name: str) -> str | None:
        return content_type_for(self.content_types, name)

