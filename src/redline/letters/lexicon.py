"""The lexicon: the words the letter grammar reads, kept as data in ``lexicon.toml``.

Why a data file: a clerk's IT person adds a phrasing ("theo chúng tôi nên lược bỏ ...") by
adding a phrase to a list, without reading the parser; `redline extract --explain` then
shows the entry that decided each sentence.  A site's own additions live in files named by
the ``REDLINE_LEXICON`` environment variable (same layout; their lists are appended).

``LEXICON.rx("operation.delete.verbs")`` is one compiled pattern for a list: whole words,
case-insensitive, any run of spaces for a space, longest phrase first.  ``LEXICON.which``
says which phrase of which list matched, for the explanation.
"""
from __future__ import annotations

import os
import re
import tomllib
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LetterError
from ..messages import msg


def _merge(base: dict, extra: dict) -> dict:
    """Lists are extended, tables merged, scalars replaced."""
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = list(out[k]) + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


def alternation(phrases: list[str]) -> str:
    """'(?:a|b c)': the phrases longest first, spaces as runs of white space, no word bounds."""
    alts = []
    for p in sorted({p.strip() for p in phrases if p.strip()}, key=lambda s: (-len(s), s)):
        alts.append(r"\s+".join(re.escape(w) for w in p.split()))
    return "(?:" + "|".join(alts) + ")" if alts else r"(?!x)x"


def expand(phrase: str) -> list[str]:
    """A phrase with alternatives in braces, each brace one choice ("không {đồng ý|đồng tình} với ý
    kiến {này|trên}"), as the phrases it stands for; an empty choice drops the slot ("{với |}")."""
    m = re.search(r"\{([^{}]*)\}", phrase)
    if not m:
        return [" ".join(phrase.split())]
    return [x for choice in m.group(1).split("|") for x in expand(phrase[: m.start()] + choice + phrase[m.end():])]


def phrase_pattern(phrases: list[str]) -> str:
    """An alternation of whole-word phrases, longest first, spaces as runs of white space."""
    return r"(?<![\w])" + alternation(phrases) + r"(?![\w])"


class Lexicon:
    def __init__(self, data: dict, sources: list[str]):
        self.data = data
        self.sources = sources
        self._rx: dict[tuple[str, str, str], re.Pattern] = {}

    def get(self, path: str) -> Any:
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"lexicon has no entry '{path}'")
            node = node[part]
        return node

    def phrases(self, *paths: str) -> list[str]:
        out: list[str] = []
        for p in paths:
            for phrase in self.get(p):
                out.extend(expand(phrase))
        return out

    def alt(self, *paths: str) -> str:
        """The bare alternation (no word bounds), to build a larger pattern around.  A list of
        operation verbs never matches where a compound of ``operation.compounds`` stands
        ("chuyển" is no verb in "quy định chuyển tiếp")."""
        return self._not_compound(paths) + alternation(self.phrases(*paths))

    def pattern(self, *paths: str) -> str:
        return r"(?<![\w])" + self.alt(*paths) + r"(?![\w])"

    def _not_compound(self, paths: tuple[str, ...]) -> str:
        if not any(p.startswith("operation.") and p.endswith(".verbs") for p in paths):
            return ""
        return "(?!" + alternation(self.get("operation.compounds")) + r"(?![\w]))"

    def rx(self, *paths: str, before: str = "", after: str = "") -> re.Pattern:
        key = ("|".join(paths), before, after)
        if key not in self._rx:
            self._rx[key] = re.compile(before + self.pattern(*paths) + after, re.I)
        return self._rx[key]

    def search(self, path: str, text: str) -> re.Match | None:
        return self.rx(path).search(text)

    def which(self, path: str, text: str) -> str | None:
        """'operation.delete.verbs: bỏ' for the first phrase of ``path`` found in ``text``."""
        m = self.search(path, text)
        return f"{path}: {' '.join(m.group(0).lower().split())}" if m else None

    @cached_property
    def symbols(self) -> dict[str, str]:
        return {k.upper(): v for k, v in self.get("frame.symbols").items()}

    @cached_property
    def names(self) -> dict[str, str]:
        return dict(self.get("frame.names"))


def _read(path: Path | Any, where: str) -> dict:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LetterError(msg("cannot read the lexicon: {reason}", reason=exc), file=where)


@lru_cache(maxsize=8)
def load(extra: str | None = None) -> Lexicon:
    """The packaged lexicon plus the files in ``extra`` (``os.pathsep``-separated)."""
    base = resources.files("redline.letters").joinpath("lexicon.toml")
    data = _read(base, "lexicon.toml")
    sources = ["lexicon.toml"]
    for name in (extra or "").split(os.pathsep):
        if name.strip():
            p = Path(name.strip())
            data = _merge(data, _read(p, str(p)))
            sources.append(str(p))
    return Lexicon(data, sources)


def lexicon() -> Lexicon:
    """The lexicon in force (REDLINE_LEXICON read at each call, loaded once per value)."""
    return load(os.environ.get("REDLINE_LEXICON") or None)
