"""The cost of aligning Chinese units with English units: length, anchors, move priors, furniture.

A bead pairs zh units [i0, i1) with en units [j0, j1). Its cost (lower is likelier, roughly
-log probability) is the sum of

* the prior cost of its shape (`AlignParams.sentence_moves` / `paragraph_moves`);
* for a bead with both sides: a length term in the manner of Gale and Church, with English
  characters per Chinese character (`ratio`) estimated from the two texts and a heavy-tailed
  (Student t) model of the difference, since translations of news vary more than a normal law
  allows: delta = (len_en / ratio - len_zh) / sqrt(variance * mean length), cost =
  (tail + 1) / 2 * log(1 + delta^2 / tail);
* for a bead with both sides: minus `match_reward` times the weight of the anchors the two sides
  share, plus `miss_penalty` times the weight of those found on one side of the bead only;
* for a gap (one side empty): a unit that is page furniture (`furniture`: "责任编辑：...", "分享到",
  "(Photo by ...)", "Share to", a "(完)" line) costs `furniture_gap` instead of the gap prior;
* for a bead whose two sides hold different kinds of furniture (an editor credit against a share
  bar, or furniture against content only): `furniture_mismatch`.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from .align_dp import INF

Span = tuple[int, int]


def _moves(**costs: float) -> dict[tuple[int, int], float]:
    return {(int(k[1]), int(k[3])): v for k, v in costs.items()}


@dataclass(frozen=True)
class AlignParams:
    """Every tunable number of the aligner, with its meaning.

    ratio: English characters per Chinese character (white space not counted); None estimates it
        from the two texts' total lengths when that lies in [ratio_min, ratio_max] (news
        translations run from about 2.5 to 5: a total outside that says more about material missing
        on one side than about the translation), else takes `ratio_typical` (3.4: the median of
        Chinese news and its English translations); then once more from the confident beads of the
        first alignment.
    ratio_refit: re-align when the ratio of the first alignment's confident beads differs from
        the first estimate by more than this share.
    variance: variance of (English length / ratio - Chinese length) per Chinese character of the
        bead's mean length (about 1.5 for news, from aligned professional and machine translation).
    tail: degrees of freedom of the Student t length model; lower tolerates looser translations.
    match_reward: cost removed per unit of weight of an anchor both sides of a bead share.
    miss_penalty: cost added per unit of weight of an anchor on one side of a bead only.
    sentence_moves / paragraph_moves: prior cost of each bead shape (zh units, en units); a
        shape not listed is not allowed at that level.
    furniture_gap: cost of leaving a unit that looks like page furniture unaligned.
    furniture_mismatch: cost added to a bead whose sides hold different kinds of furniture (or
        furniture on one side only).
    band: initial half-width of the dynamic programming band, in units (doubled when too narrow).
    prune: the dynamic programming drops cells whose cost exceeds the best of their row by more
        than this (their paths are e^-prune times less likely).
    trust: paragraph beads with a posterior at or above this bound the sentence alignment; the
        sentences of the others are aligned together with their neighbours'.
    moved_margin: a unit left unaligned on both sides is paired out of order (a moved headline or
        dateline) only when pairing saves at least this much cost over the two gaps.
    """
    ratio: float | None = None
    ratio_min: float = 2.2
    ratio_max: float = 5.5
    ratio_typical: float = 3.4
    ratio_refit: float = 0.1
    variance: float = 1.5
    tail: float = 3.0
    match_reward: float = 1.5
    miss_penalty: float = 0.4
    sentence_moves: dict[tuple[int, int], float] = field(default_factory=lambda: _moves(
        m1_1=0.0, m1_2=2.5, m2_1=2.5, m2_2=4.0, m1_3=4.5, m3_1=4.5, m1_4=5.5, m4_1=5.5, m1_0=3.5, m0_1=3.5))
    paragraph_moves: dict[tuple[int, int], float] = field(default_factory=lambda: _moves(
        m1_1=0.0, m1_2=2.0, m2_1=2.0, m2_2=3.5, m1_3=3.5, m3_1=3.5, m1_0=3.5, m0_1=3.5))
    furniture_gap: float = 1.0
    furniture_mismatch: float = 3.0
    band: int = 8
    prune: float = 30.0
    trust: float = 0.9
    moved_margin: float = 2.0


def lengths(text: str, spans: list[Span]) -> list[int]:
    """Length of each unit: characters that are not white space."""
    return [max(1, (e - s) - sum(1 for ch in text[s:e] if ch.isspace())) for s, e in spans]


def estimate_ratio(zh_len: list[int], en_len: list[int], params: AlignParams) -> float:
    """The ratio of the texts' lengths when it lies in [ratio_min, ratio_max], else the typical
    ratio (a text much longer on one side is missing material on the other)."""
    if params.ratio:
        return params.ratio
    total_zh, total_en = sum(zh_len), sum(en_len)
    if not total_zh or not total_en:
        return params.ratio_typical
    ratio = total_en / total_zh
    return ratio if params.ratio_min <= ratio <= params.ratio_max else params.ratio_typical


def refit_ratio(path, zh_len: list[int], en_len: list[int], ratio: float, params: AlignParams) -> float:
    """The ratio of the beads of `path` aligned with a posterior of at least 0.5 (the first
    estimate when they hold under 20 Chinese characters)."""
    zh = en = 0
    for i0, i1, j0, j1, post in path:
        if i1 > i0 and j1 > j0 and post >= 0.5:
            zh += sum(zh_len[i0:i1])
            en += sum(en_len[j0:j1])
    if zh < 20:
        return ratio
    return min(params.ratio_max, max(params.ratio_min, en / zh))


def centre_line(zh_len: list[int], en_len: list[int]) -> list[float]:
    """For each zh boundary i (0..n), the en boundary at the same share of the text's length."""
    n, m = len(zh_len), len(en_len)
    cum_en = [0]
    for x in en_len:
        cum_en.append(cum_en[-1] + x)
    total_zh, total_en = sum(zh_len) or 1, cum_en[-1] or 1
    out, acc = [], 0
    for i in range(n + 1):
        target = acc / total_zh * total_en
        j = bisect.bisect_left(cum_en, target)
        if j <= 0:
            out.append(0.0)
        elif j > m:
            out.append(float(m))
        else:
            lo, hi = cum_en[j - 1], cum_en[j]
            out.append(j - 1 + ((target - lo) / (hi - lo) if hi > lo else 0.0))
        if i < n:
            acc += zh_len[i]
    out[-1] = float(m)
    return out


class BeadCost:
    """cost(i0, i1, j0, j1) of one bead, for units with lengths and anchor key sets; `local(a0,
    b0)` gives the same function for the units of a region starting at (a0, b0), as one closure
    (the dynamic programming calls it for every cell and move of its band)."""

    def __init__(self, zh_len: list[int], en_len: list[int], zh_keys: list[frozenset[str]],
                 en_keys: list[frozenset[str]], weights: dict[str, float], ratio: float,
                 moves: dict[tuple[int, int], float], params: AlignParams,
                 zh_kinds: list[frozenset] | None = None, en_kinds: list[frozenset] | None = None):
        self.zh_cum = _cumulative(zh_len)
        self.en_cum = _cumulative(en_len)
        self.zh_keys, self.en_keys, self.w = zh_keys, en_keys, weights
        self.ratio, self.moves, self.p = ratio, moves, params
        # kinds of furniture of each unit (None for content: a paragraph may hold both)
        content = frozenset([None])
        self.zh_kinds = zh_kinds or [content] * len(zh_len)
        self.en_kinds = en_kinds or [content] * len(en_len)
        self.furnished = any(k != content for k in self.zh_kinds + self.en_kinds)
        self.zh_gap = [moves.get((1, 0), INF) if None in k else params.furniture_gap for k in self.zh_kinds]
        self.en_gap = [moves.get((0, 1), INF) if None in k else params.furniture_gap for k in self.en_kinds]
        self.zh_weight = [sum(weights[k] for k in keys) for keys in zh_keys]
        self.en_weight = [sum(weights[k] for k in keys) for keys in en_keys]

    def gap(self, zh_index: int = -1, en_index: int = -1) -> float:
        """Cost of leaving one unit unaligned."""
        return self.zh_gap[zh_index] if zh_index >= 0 else self.en_gap[en_index]

    def __call__(self, i0: int, i1: int, j0: int, j1: int) -> float:
        return self.local(0, 0)(i0, i1, j0, j1)

    def local(self, a0: int, b0: int):
        zc, ec, furnished = self.zh_cum, self.en_cum, self.furnished
        zkind, ekind = self.zh_kinds, self.en_kinds
        zk, ek, w, zw, ew = self.zh_keys, self.en_keys, self.w, self.zh_weight, self.en_weight
        zgap, egap, moves = self.zh_gap, self.en_gap, self.moves
        inv_ratio = 1.0 / self.ratio
        half_var = self.p.variance / 2
        tail = self.p.tail
        half_tail = (tail + 1) / 2
        mismatch, reward, penalty = self.p.furniture_mismatch, self.p.match_reward, self.p.miss_penalty
        log1p = math.log1p

        unions: dict[tuple[int, int, int], tuple[frozenset[str], float]] = {}

        def keys_of(keys, weight, a, b, side):
            if b - a == 1:
                return keys[a], weight[a]
            got = unions.get((side, a, b))
            if got is None:
                out: frozenset[str] = frozenset().union(*keys[a:b])
                got = unions[(side, a, b)] = (out, sum(w[k] for k in out))
            return got

        def cost(i0: int, i1: int, j0: int, j1: int) -> float:
            i0 += a0
            i1 += a0
            j0 += b0
            j1 += b0
            if j1 == j0:
                return zgap[i0] if i1 - i0 == 1 else INF
            if i1 == i0:
                return egap[j0] if j1 - j0 == 1 else INF
            prior = moves.get((i1 - i0, j1 - j0))
            if prior is None:
                return INF
            lz = zc[i1] - zc[i0]
            le = (ec[j1] - ec[j0]) * inv_ratio
            c = prior + half_tail * log1p((le - lz) ** 2 / (half_var * (lz + le)) / tail)
            if furnished and frozenset().union(*zkind[i0:i1]) != frozenset().union(*ekind[j0:j1]):
                c += mismatch
            z, wz = keys_of(zk, zw, i0, i1, 0)
            e, we = keys_of(ek, ew, j0, j1, 1)
            if z and e:
                shared = z & e
                matched = sum(w[k] for k in shared) if shared else 0.0
                return c + penalty * (wz + we - 2 * matched) - reward * matched
            return c + penalty * (wz + we)

        return cost


def _cumulative(values: list[int]) -> list[int]:
    out = [0]
    for x in values:
        out.append(out[-1] + x)
    return out
