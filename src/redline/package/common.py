"""What every module of the package layer shares: size units, the chunk size of streamed
inflation, the deflate library, and one-line messages."""
from __future__ import annotations

try:  # zlib-ng: the same deflate streams as zlib, inflated and deflated 2-3x faster (README: dependencies)
    from zlib_ng import zlib_ng as fast_zlib
except ImportError:  # pragma: no cover - a platform without its wheels: the standard library
    import zlib as fast_zlib

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB
CHUNK = 64 * KiB  # inflate and write in pieces of this size: memory stays bounded


def one_line(exc: object) -> str:
    """An exception (or any text) as one line of at most 300 characters, for a message."""
    return " ".join(str(exc).split())[:300]
