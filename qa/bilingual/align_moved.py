"""Out-of-order pairs: a headline or dateline that one side moved, found after the monotone
alignment.

The dynamic programming only finds monotone alignments, so a unit moved on one side ends up
unaligned (a 1:0 or 0:1 gap), or swallowed at the edge of a neighbouring bead (the moved English
headline glued to the next sentence in a 2:2). `repair_moved(path, cost, zh_first, en_first,
margin)` looks at each gap g and each unit u of the other side that is itself a gap or sits at the
edge of a bead with two or more units on its side, and pairs g with u when

* they share an anchor, or both stand alone in their paragraph (a headline, a dateline line), and
* the pair saves at least `margin` over the alignment as it is: gap(g) + cost(bead) >=
  cost(g, u) + cost(bead without u) + margin (for two gaps: gap(g) + gap(u) - cost(g, u)).

The best such pair is taken first, then the next among the units still free, and so on. A pair is
marked `moved` when it crosses another bead. Candidates are capped (`MAX_CANDIDATES`) so hostile
input stays linear.
"""
from __future__ import annotations

import bisect

from .align_cost import BeadCost

MAX_CANDIDATES = 4096
# a path bead: [i0, i1, j0, j1, confidence, moved]


def _alone(first: list[int], index: int) -> bool:
    """The unit is the only one of its paragraph."""
    k = bisect.bisect_right(first, index) - 1
    return 0 <= k < len(first) - 1 and first[k] == index and first[k + 1] == index + 1


def _candidates(path, english_side: bool):
    """(bead index, unit index, bead left when the unit leaves) for the units of one side that
    could be taken: gaps, and the first and last units of beads with two or more on that side."""
    lo, hi = (2, 3) if english_side else (0, 1)
    for b, bead in enumerate(path):
        n = bead[hi] - bead[lo]
        other = bead[1] - bead[0] if english_side else bead[3] - bead[2]
        if n == 1 and other == 0:
            yield b, bead[lo], None
        elif n >= 2 and other >= 1:
            first, last = bead[lo], bead[hi] - 1
            for u, rest in ((first, (first + 1, bead[hi])), (last, (bead[lo], last))):
                left = list(bead)
                left[lo], left[hi] = rest
                yield b, u, left


def _best(path, cost: BeadCost, zh_first, en_first, margin: float):
    """The best pair (gain, gap bead index, other bead index, zh unit, en unit, rest of the other
    bead or None), or None."""
    best = None
    counted = 0
    for g, bead in enumerate(path):
        zh_gap = bead[3] == bead[2] and bead[1] - bead[0] == 1
        en_gap = bead[1] == bead[0] and bead[3] - bead[2] == 1
        if not (zh_gap or en_gap) or bead[5]:
            continue
        for b, u, rest in _candidates(path, english_side=zh_gap):
            if b == g or path[b][5]:
                continue
            counted += 1
            if counted > MAX_CANDIDATES:
                return best
            i, j = (bead[0], u) if zh_gap else (u, bead[2])
            if not (cost.zh_keys[i] & cost.en_keys[j]) and not (_alone(zh_first, i) and _alone(en_first, j)):
                continue
            before = (cost.gap(zh_index=i) if zh_gap else cost.gap(en_index=j))
            if rest is None:
                before += cost.gap(en_index=j) if zh_gap else cost.gap(zh_index=i)
                after = cost(i, i + 1, j, j + 1)
            else:
                other = path[b]
                before += cost(other[0], other[1], other[2], other[3])
                after = cost(i, i + 1, j, j + 1) + cost(rest[0], rest[1], rest[2], rest[3])
            gain = before - after
            if gain >= margin and (best is None or gain > best[0]):
                best = (gain, g, b, i, j, rest)
    return best


def _crosses(path, i: int, j: int) -> bool:
    """Some other bead lies before (i, j) on one side and after it on the other."""
    for bead in path:
        if bead[1] > bead[0] and bead[3] > bead[2] and (bead[0], bead[2]) != (i, j):
            if (bead[1] <= i) != (bead[3] <= j):
                return True
    return False


def repair_moved(path, cost: BeadCost, zh_first: list[int], en_first: list[int], margin: float):
    """The path with moved units paired (see the module's docstring), in Chinese order."""
    path = [list(b) for b in path]
    for _ in range(min(len(path), 64)):
        found = _best(path, cost, zh_first, en_first, margin)
        if found is None:
            break
        gain, g, b, i, j, rest = found
        pair = [i, i + 1, j, j + 1, 1.0 - 1.0 / (1.0 + gain), False]
        if rest is None:
            path = [bead for k, bead in enumerate(path) if k not in (g, b)]
        else:
            path[b] = rest
            path = [bead for k, bead in enumerate(path) if k != g]
        path.append(pair)
        path.sort(key=lambda x: (x[0], x[1] - x[0] == 0, x[2]))
        pair[5] = _crosses(path, i, j)
    return [tuple(b) for b in path]
