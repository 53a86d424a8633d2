"""The one paragraph alignment core: which old paragraph became which new one.

``redline apply`` pairs the paragraphs of a replaced section with the new ones, and
``redline compare`` pairs every block of two whole documents; both ask here.

Two passes, each cheap where documents are mostly alike:

1. **Equal blocks** (patience diff): blocks whose text occurs exactly once on each side
   are anchors; the longest run of anchors in order (a longest increasing subsequence,
   O(n log n)) is kept, and the gaps between anchors are solved again the same way
   (common prefix and suffix first).  A gap without unique texts falls back to
   ``difflib.SequenceMatcher`` when small, and is left to the second pass otherwise.
2. **Similar blocks** inside each gap of unequal blocks: an edited paragraph pairs with
   its original when their word-diff similarity is at least ``floor`` (0.4), choosing the
   pairs in order that maximise the total similarity.  ``diff.similarity`` rules most
   pairs out with token-count bounds before any character diff.  Small gaps score every
   pair; large ones (a rewritten chapter) score only candidate pairs that share a rare
   word, and the best chain of pairs in order is found in O(k log k).

Blocks of different kinds (a paragraph and a table) never pair, and ``None`` (apply's
tables) pairs with nothing.  Unpaired old blocks come before unpaired new ones in each gap.
"""
from __future__ import annotations

import difflib
from bisect import bisect_left
from collections import Counter, defaultdict
from typing import Sequence

from . import diff as wdiff

FLOOR = 0.4  # least similarity for an edited paragraph to pair with its original
DENSE_PAIRS = 400  # gaps up to this many (old x new) pairs score every pair
MATCHER_PAIRS = 40_000  # gaps without unique texts up to this size use difflib
CANDIDATES = 8  # per new block of a large gap: old blocks scored

Pair = tuple  # (old index | None, new index | None)


def align(old: Sequence[str | None], new: Sequence[str | None], *, floor: float = FLOOR,
          old_kinds: Sequence[str] | None = None, new_kinds: Sequence[str] | None = None) -> list[Pair]:
    """Pair old and new blocks in order: identical ones first, then similar ones (word-diff
    similarity >= ``floor``) inside each gap; ``None`` marks the unpaired side.  A ``None``
    text pairs with nothing; with ``old_kinds`` / ``new_kinds`` only blocks of one kind pair."""
    ok = _keys(old, old_kinds, "o")
    nk = _keys(new, new_kinds, "n")
    out: list[Pair] = []
    for tag, i1, i2, j1, j2 in equal_runs(ok, nk):
        if tag == "equal":
            out.extend((i1 + k, j1 + k) for k in range(i2 - i1))
        elif j1 == j2:
            out.extend((i, None) for i in range(i1, i2))
        elif i1 == i2:
            out.extend((None, j) for j in range(j1, j2))
        else:
            out.extend(_pair_gap(old, new, i1, i2, j1, j2, floor, old_kinds, new_kinds))
    return out


def _keys(texts, kinds, side: str) -> list:
    if kinds is None:
        return [t if t is not None else (side, i) for i, t in enumerate(texts)]
    return [(k, t) if t is not None else (side, i) for i, (t, k) in enumerate(zip(texts, kinds))]


# ---------------------------------------------------------------------------- pass 1: equal blocks

def equal_runs(a: Sequence, b: Sequence) -> list[tuple[str, int, int, int, int]]:
    """Opcodes like ``SequenceMatcher.get_opcodes`` ("equal" / "replace" / "delete" /
    "insert", i1, i2, j1, j2) from a patience diff of two key lists."""
    matches: list[tuple[int, int, int]] = []  # (i, j, length) runs of equal keys, in order
    stack = [(0, len(a), 0, len(b))]
    while stack:
        i1, i2, j1, j2 = stack.pop()
        # common prefix and suffix
        while i1 < i2 and j1 < j2 and a[i1] == b[j1]:
            matches.append((i1, j1, 1))
            i1 += 1
            j1 += 1
        tail = []
        while i1 < i2 and j1 < j2 and a[i2 - 1] == b[j2 - 1]:
            i2 -= 1
            j2 -= 1
            tail.append((i2, j2, 1))
        matches.extend(tail)
        if i1 == i2 or j1 == j2:
            continue
        anchors = _unique_anchors(a, b, i1, i2, j1, j2)
        if anchors:
            prev_i, prev_j = i1, j1
            for i, j in anchors:
                stack.append((prev_i, i, prev_j, j))
                matches.append((i, j, 1))
                prev_i, prev_j = i + 1, j + 1
            stack.append((prev_i, i2, prev_j, j2))
        elif (i2 - i1) * (j2 - j1) <= MATCHER_PAIRS:
            sm = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2], autojunk=False)
            matches.extend((i1 + x, j1 + y, n) for x, y, n in sm.get_matching_blocks() if n)
        # else: a large gap of repeated texts; the similarity pass pairs what is alike
    matches.sort()
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for mi, mj, n in matches:
        if mi > i or mj > j:
            tag = "replace" if mi > i and mj > j else ("delete" if mi > i else "insert")
            ops.append((tag, i, mi, j, mj))
        if ops and ops[-1][0] == "equal" and ops[-1][2] == mi and ops[-1][4] == mj:
            _, a1, _, b1, _ = ops[-1]
            ops[-1] = ("equal", a1, mi + n, b1, mj + n)
        else:
            ops.append(("equal", mi, mi + n, mj, mj + n))
        i, j = mi + n, mj + n
    if i < len(a) or j < len(b):
        tag = "replace" if i < len(a) and j < len(b) else ("delete" if i < len(a) else "insert")
        ops.append((tag, i, len(a), j, len(b)))
    return ops


def _unique_anchors(a, b, i1, i2, j1, j2) -> list[tuple[int, int]]:
    """Keys occurring once in a[i1:i2] and once in b[j1:j2], as (i, j) pairs forming the
    longest chain increasing in both (patience sorting)."""
    ca = Counter(a[i1:i2])
    cb = Counter(b[j1:j2])
    where_b = {b[j]: j for j in range(j1, j2) if cb[b[j]] == 1 and ca.get(b[j]) == 1}
    if not where_b:
        return []
    seq = [(i, where_b[a[i]]) for i in range(i1, i2) if a[i] in where_b]
    # longest increasing subsequence of the j's, in order of i
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_at: list[int] = []  # index in seq of that chain's end
    back = [-1] * len(seq)
    for k, (_, j) in enumerate(seq):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    chain = []
    k = tail_at[-1]
    while k >= 0:
        chain.append(seq[k])
        k = back[k]
    return chain[::-1]


# ---------------------------------------------------------------------------- pass 2: similar blocks

def _pair_gap(old, new, i1, i2, j1, j2, floor, old_kinds=None, new_kinds=None) -> list[Pair]:
    n, m = i2 - i1, j2 - j1

    def same_kind(a: int, b: int) -> bool:
        return old_kinds is None or old_kinds[i1 + a] == new_kinds[j1 + b]

    olds = [wdiff.Tokens.of(t) if t is not None else None for t in old[i1:i2]]
    news = [wdiff.Tokens.of(t) if t is not None else None for t in new[j1:j2]]
    if n * m <= DENSE_PAIRS:
        # each text tokenized once; below the floor a bound is enough (the pair cannot be
        # chosen), so the costly diff runs only for pairs that may be alike
        scored = [(a, b, wdiff.similarity(olds[a], news[b], floor=floor))
                  for a in range(n) for b in range(m)
                  if olds[a] is not None and news[b] is not None and same_kind(a, b)]
        return _dense(n, m, i1, j1, {(a, b): s for a, b, s in scored if s >= floor})
    scored = []
    for a, b in _candidates(olds, news):
        if same_kind(a, b):
            s = wdiff.similarity(olds[a], news[b], floor=floor)
            if s >= floor:
                scored.append((a, b, s))
    return _chain(n, m, i1, j1, scored)


def _dense(n: int, m: int, i1: int, j1: int, score: dict) -> list[Pair]:
    """Monotone alignment maximising total similarity over the allowed pairs (a full table:
    for small gaps, where it is cheapest and decides ties as it always has)."""
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            options = [(best[a][b + 1], 1), (best[a + 1][b], 2)]  # on a tie, old text goes first
            s = score.get((a, b))
            if s is not None:
                options.append((best[a + 1][b + 1] + s, 3))
            best[a][b], move[a][b] = max(options)
    out: list[Pair] = []
    a = b = 0
    while a < n or b < m:
        if a == n:
            out.append((None, j1 + b)); b += 1
        elif b == m:
            out.append((i1 + a, None)); a += 1
        elif move[a][b] == 3:
            out.append((i1 + a, j1 + b)); a += 1; b += 1
        elif move[a][b] == 2:
            out.append((i1 + a, None)); a += 1
        else:
            out.append((None, j1 + b)); b += 1
    return out


def _candidates(olds, news) -> list[tuple[int, int]]:
    """Pairs worth scoring in a large gap: for each new block, the old blocks sharing the
    most of its rarer words (a word in more than a tenth of the gap's old blocks says
    little), plus the old block at the same relative position."""
    n, m = len(olds), len(news)
    index: dict[str, list[int]] = defaultdict(list)
    for a, t in enumerate(olds):
        if t is not None:
            for w in set(t.words):
                index[w].append(a)
    common = max(8, n // 10)
    out = set()
    for b, t in enumerate(news):
        if t is None:
            continue
        shared: Counter = Counter()
        for w in set(t.words):
            hits = index.get(w)
            if hits and len(hits) <= common:
                shared.update(hits)
        out.update((a, b) for a, _ in shared.most_common(CANDIDATES))
        out.add((min(n - 1, b * n // m), b))
    return sorted(out)


def _chain(n: int, m: int, i1: int, j1: int, scored: list[tuple[int, int, float]]) -> list[Pair]:
    """The chain of pairs increasing in both indexes with the largest total score (a
    weighted longest increasing subsequence over the scored pairs, with a max-Fenwick tree
    over the new index), then the unpaired blocks of each gap in between, old ones first."""
    size = m + 1
    tree_val = [0.0] * (size + 1)
    tree_at = [-1] * (size + 1)

    def query(j: int) -> tuple[float, int]:  # best chain ending at a new index < j
        best, at = 0.0, -1
        while j > 0:
            if tree_val[j] > best:
                best, at = tree_val[j], tree_at[j]
            j -= j & -j
        return best, at

    def update(j: int, val: float, at: int) -> None:
        j += 1
        while j <= size:
            if val > tree_val[j]:
                tree_val[j], tree_at[j] = val, at
            j += j & -j

    scored = sorted(scored)
    total = [0.0] * len(scored)
    back = [-1] * len(scored)
    k = 0
    while k < len(scored):
        # pairs of one old block are settled together, so two of them never chain
        group_end = k
        while group_end < len(scored) and scored[group_end][0] == scored[k][0]:
            group_end += 1
        for g in range(k, group_end):
            best, at = query(scored[g][1])
            total[g], back[g] = best + scored[g][2], at
        for g in range(k, group_end):
            update(scored[g][1], total[g], g)
        k = group_end
    end = max(range(len(scored)), key=total.__getitem__, default=-1)
    chosen = []
    while end >= 0:
        chosen.append(scored[end][:2])
        end = back[end]
    chosen.reverse()
    out: list[Pair] = []
    a = b = 0
    for pa, pb in chosen + [(n, m)]:
        out.extend((i1 + x, None) for x in range(a, pa))
        out.extend((None, j1 + y) for y in range(b, pb))
        if pa < n:
            out.append((i1 + pa, j1 + pb))
        a, b = pa + 1, pb + 1
    return out


__all__ = ["align", "equal_runs", "FLOOR"]
