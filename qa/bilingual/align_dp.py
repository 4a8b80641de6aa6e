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
run of material present on one side only still aligns; cells whose best cost is far above their
row's best are not extended. Time and memory are O((n + m) * width * len(moves)): linear in the
length of the texts for a fixed band.
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


def _lse(terms: list[float]) -> float:
    """-log(sum(exp(-t))) of costs, computed from the smallest."""
    if len(terms) == 1:
        return terms[0]
    floor = min(terms)
    total = 0.0
    for t in terms:
        if t - floor < 40.0:
            total += math.exp(floor - t)
    return floor - math.log(total)


def _run(n: int, m: int, moves: Sequence[Move], cost: Callable[[int, int, int, int], float],
         lo: list[int], hi: list[int], prune: float) -> tuple[list[PathBead], float]:
    k_moves = len(moves)
    best: list[array] = []
    back: list[bytearray] = []
    fwd: list[array] = []
    costs: list[array] = []             # cost of move k into cell (i, j): costs[i][(j - lo[i]) * K + k]
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
        # the moves into this row: (k, di, dj, row of origin, its first column, its last, its arrays)
        into = [(k, di, dj, i - di, lo[i - di], hi[i - di],
                 b_row if di == 0 else best[i - di], f_row if di == 0 else fwd[i - di])
                for k, (di, dj) in enumerate(moves) if i - di >= 0]
        for j in range(lo_i, hi_i + 1):
            col = j - lo_i
            if i == 0 and j == 0:
                b_row[0] = 0.0
                f_row[0] = 0.0
                continue
            top, top_k = INF, 255
            terms = []
            base = col * k_moves
            for k, _di, dj, pi, plo, phi, pbest, pfwd in into:
                pj = j - dj
                if pj < plo or pj > phi:
                    continue
                prev_best = pbest[pj - plo]
                if prev_best == INF:
                    continue
                c = cost(pi, i, pj, j)
                if c == INF:
                    continue
                c_row[base + k] = c
                v = prev_best + c
                if v < top:
                    top, top_k = v, k
                terms.append(pfwd[pj - plo] + c)
            if top_k == 255:
                continue
            b_row[col] = top
            bp_row[col] = top_k
            f_row[col] = _lse(terms)
        if i < n:                       # cells far costlier than the row's best lead nowhere useful
            limit = min(b_row) + prune
            for col in range(size):
                if b_row[col] > limit:
                    b_row[col] = INF
                    f_row[col] = INF
    if best[n][m - lo[n]] == INF:
        return [], INF
    # backward sums, over the cells the forward pass kept
    bwd: list[array] = [array("d", [INF]) * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    bwd[n][m - lo[n]] = 0.0
    for i in range(n, -1, -1):
        lo_i, f_row, bw_row = lo[i], fwd[i], bwd[i]
        out_of = [(k, dj, lo[i + di], hi[i + di], bwd[i + di], costs[i + di])
                  for k, (di, dj) in enumerate(moves) if i + di <= n]
        for j in range(hi[i], lo_i - 1, -1):
            if f_row[j - lo_i] == INF or (i == n and j == m):
                continue
            terms = []
            for k, dj, nlo, nhi, nbwd, ncost in out_of:
                nj = j + dj
                if nj < nlo or nj > nhi:
                    continue
                after = nbwd[nj - nlo]
                if after == INF:
                    continue
                c = ncost[(nj - nlo) * k_moves + k]
                if c != INF:
                    terms.append(after + c)
            if terms:
                bw_row[j - lo_i] = _lse(terms)
    total = fwd[n][m - lo[n]]
    path: list[PathBead] = []
    i, j = n, m
    while i or j:
        k = back[i][j - lo[i]]
        di, dj = moves[k]
        pi, pj = i - di, j - dj
        c = costs[i][(j - lo[i]) * k_moves + k]
        post = math.exp(min(0.0, total - (fwd[pi][pj - lo[pi]] + c + bwd[i][j - lo[i]])))
        path.append((pi, i, pj, j, post))
        i, j = pi, pj
    path.reverse()
    return path, best[n][m - lo[n]]


def banded_align(n: int, m: int, moves: Sequence[Move], cost: Callable[[int, int, int, int], float],
                 centre: Sequence[float] | None = None, width: int = 24, prune: float = 30.0
                 ) -> list[PathBead]:
    """Beads (i0, i1, j0, j1, posterior) of the cheapest monotone path, in order.

    `moves` are the allowed (di, dj) steps (at most 255, each with di + dj > 0); `cost(i0, i1, j0,
    j1)` is the cost of aligning units [i0, i1) with [j0, j1) (INF forbids it); `centre[i]` for i in
    0..n is the expected column of row i (default: the diagonal); `width` the band's initial
    half-width in units; `prune`: a cell whose best cost exceeds the best of its row by more than
    this is not extended (its paths are e^-prune less likely than the best). Returns [] only when
    no path exists at all.
    """
    if n == 0 and m == 0:
        return []
    if centre is None:
        centre = [i * m / n if n else 0.0 for i in range(n + 1)] if n else [0.0]
    width = max(1, width)
    while True:
        full = width >= max(n, m)
        lo, hi = _bounds(n, m, centre, max(n, m) if full else width)
        path, _ = _run(n, m, moves, cost, lo, hi, prune)
        if full:
            return path
        near_edge = not path or any(
            abs(j1 - centre[i1]) >= width - 2 for _, i1, _, j1, _ in path if (i1, j1) != (n, m))
        if not near_edge:
            return path
        width *= 2
