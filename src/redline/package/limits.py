"""The safety limits for reading a .docx (``Limits``), with their defaults."""
from __future__ import annotations

from dataclasses import dataclass

from .common import GiB, MiB


@dataclass(frozen=True)
class Limits:
    """Safety limits for reading a .docx.  Defaults fit real government reports with
    photos and scans; raise one with ``dataclasses.replace(Limits(), max_...=...)``
    or ``Limits(max_...=...)``.

    python-docx parses XML with libxml2's default ceilings (nesting 256 levels, one
    text node 10,000,000 bytes), so raising ``max_xml_depth`` above 256 or
    ``max_text_chars`` above 10,000,000 lets a file past redline's checks but
    python-docx will still refuse it (as a ``DocumentError``).
    """

    max_file_bytes: int = 256 * MiB  # the .docx file itself (compressed)
    max_entries: int = 10_000  # zip entries (a big report has a few hundred)
    max_total_bytes: int = 1 * GiB  # all entries, uncompressed
    max_part_bytes: int = 256 * MiB  # one entry, uncompressed (images, embedded files)
    max_xml_part_bytes: int = 128 * MiB  # one XML part, uncompressed (parsed in memory)
    max_ratio: int = 200  # uncompressed : compressed, for non-XML entries over ratio_min_bytes
    ratio_min_bytes: int = 1 * MiB  # smaller entries are not ratio-checked
    max_xml_depth: int = 256  # element nesting in one XML part (libxml2's ceiling: a lower one costs a tree walk)
    max_text_chars: int = 5_000_000  # one text node or attribute value
    max_paragraph_chars: int = 1_000_000  # text in one w:p (a page holds ~3,000)

    def __post_init__(self) -> None:
        for name, value in self.__dict__.items():
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"Limits.{name} must be a positive integer, got {value!r}")


DEFAULT_LIMITS = Limits()
