"""Banded dynamic programming for monotone alignment of two sequences, with bead posteriors.

`banded_align(n, m, moves, cost, centre, width)` finds the cheapest monotone path from (0, 0) to
(n, m) through a grid whose steps ("moves") consume di units of the first sequence and dj of the
second, and returns its beads with their posterior probability under the model that the costs
define (cost = -log probability, up to a constant): a forward and a backward sum over all paths in
the band (log-sum-exp), so a bead that many other paths avoid at little extra cost gets a low
posterior, one that every plausible path takes a posterior near 1.

Only cells near the expected path are visited: for row i, the columns within `width` of
`centre[i]` (a monotone guess such as "the same share of the text's length"). When the best path
comes within two cells of the band's edge the band is doubled and the search run again, so a long
run of material present on one side only still aligns. Time and memory are O((n + m) * width *
len(moves)): linear in the length of the texts for a fixed band.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence

INF = float("inf")
Move = tuple[int, int]
# a bead of the best path: (i0, i1, j0, j1, posterior)
PathBead = tuple[int, int, int, int, float]


def _bounds(n: int, m: int, centre: Sequence[float], width: int) -> tuple[list[int], list[int]]:
    lo, hi = [0] * (n + 1), [0] * (n + 1)
    for i in range(n + 1):
        c = centre[i]
        lo[i] = max(0, min(m, math.floor(c - width)))
        hi[i] = max(0, min(m, math.ceil(c + width)))
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):           # keep the band connected and monotone
        lo[i] = max(lo[i - 1], min(lo[i], hi[i - 1]))
    for i in range(n - 1, -1, -1):
        hi[i] = min(hi[i + 1], max(hi[i], lo[i + 1]))
    return lo, hi


def _run(n: int, m: int, moves: Sequence[Move], cost: Callable[[int, int, int, int], float],
         lo: list[int], hi: list[int]) -> tuple[list[PathBead], float]:
    k_moves = len(moves)
    best: list[array] = []
    back: list[bytearray] = []
    fwd: list[array] = []
    costs: list[array] = []             # cost of move k into cell (i, j): costs[i][(j - lo[i]) * K + k]
    exp, log = math.exp, math.log
    for i in range(n + 1):
        lo_i, hi_i = lo[i], hi[i]
        size = hi_i - lo_i + 1
        b_row = array("d", [INF]) * size
        f_row = array("d", [INF]) * size
        bp_row = bytearray([255]) * size
        c_row = array("d", [INF]) * (size * k_moves)
        best.append(b_row)
        fwd.append(f_row)
        back.append(bp_row)
        costs.append(c_row)
        for j in range(lo_i, hi_i + 1):
            col = j - lo_i
            if i == 0 and j == 0:
                b_row[0] = 0.0
                f_row[0] = 0.0
                continue
            top, top_k = INF, 255
            terms = []
            for k, (di, dj) in enumerate(moves):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev_best = best[pi][pj - lo[pi]]
                if prev_best == INF:
                    continue
                c = cost(pi, i, pj, j)
                if c == INF:
                    continue
                c_row[col * k_moves + k] = c
                v = prev_best + c
                if v < top:
                    top, top_k = v, k
                terms.append(fwd[pi][pj - lo[pi]] + c)
            if top_k == 255:
                continue
            b_row[col] = top
            bp_row[col] = top_k
            floor = min(terms)
            f_row[col] = floor - log(sum(exp(floor - t) for t in terms))
    if best[n][m - lo[n]] == INF:
        return [], INF
    # backward sums
    bwd: list[array] = [array("d", [INF]) * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    bwd[n][m - lo[n]] = 0.0
    for i in range(n, -1, -1):
        lo_i = lo[i]
        for j in range(hi[i], lo_i - 1, -1):
            if i == n and j == m:
                continue
            terms = []
            for k, (di, dj) in enumerate(moves):
                ni, nj = i + di, j + dj
                if ni > n or nj < lo[ni] or nj > hi[ni]:
                    continue
                after = bwd[ni][nj - lo[ni]]
                if after == INF:
                    continue
                c = costs[ni][(nj - lo[ni]) * k_moves + k]
                if c == INF:
                    continue
                terms.append(after + c)
            if terms:
                floor = min(terms)
                bwd[i][j - lo_i] = floor - log(sum(exp(floor - t) for t in terms))
    total = fwd[n][m - lo[n]]
    path: list[PathBead] = []
    i, j = n, m
    while i or j:
        k = back[i][j - lo[i]]
        di, dj = moves[k]
        pi, pj = i - di, j - dj
        c = costs[i][(j - lo[i]) * k_moves + k]
        post = exp(min(0.0, total - (fwd[pi][pj - lo[pi]] + c + bwd[i][j - lo[i]])))
        path.append((pi, i, pj, j, post))
        i, j = pi, pj
    path.reverse()
    return path, best[n][m - lo[n]]


def banded_align(n: int, m: int, moves: Sequence[Move], cost: Callable[[int, int, int, int], float],
                 centre: Sequence[float] | None = None, width: int = 24) -> list[PathBead]:
    """Beads (i0, i1, j0, j1, posterior) of the cheapest monotone path, in order.

    `moves` are the allowed (di, dj) steps (at most 255, each with di + dj > 0); `cost(i0, i1, j0,
    j1)` is the cost of aligning units [i0, i1) with [j0, j1) (INF forbids it); `centre[i]` for i in
    0..n is the expected column of row i (default: the diagonal); `width` the band's initial
    half-width in units. Returns [] only when no path exists at all.
    """
    if n == 0 and m == 0:
        return []
    if centre is None:
        centre = [i * m / n if n else 0.0 for i in range(n + 1)] if n else [0.0]
    width = max(1, width)
    while True:
        full = width >= max(n, m)
        lo, hi = _bounds(n, m, centre, max(n, m) if full else width)
        path, _ = _run(n, m, moves, cost, lo, hi)
        if full:
            return path
        near_edge = not path or any(
            abs(j1 - centre[i1]) >= width - 2 for _, i1, _, j1, _ in path if (i1, j1) != (n, m))
        if not near_edge:
            return path
        width *= 2
