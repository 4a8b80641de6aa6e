"""Align a Chinese release with its English translation: which English sentences translate which
Chinese sentences.

`align(zh_text, en_text)` works in two levels. Paragraphs (blocks between blank lines, or the
spans given) are aligned first, allowing 1:1, 1:2, 2:1, 2:2, 1:3, 3:1 and 1:0 / 0:1 beads; then the
sentences (`sentences_zh`, `sentences_en`) are aligned inside each paragraph bead whose posterior
reaches `AlignParams.trust`, and inside pooled runs of the doubtful ones with their neighbours, so
merged, split, dropped or added paragraphs do not mislead the sentence level. Finally a unit left
unaligned on one side is paired out of order when it clearly translates a unit of the other that
is unaligned too or sits at the edge of a bead (`align_moved`: a headline or dateline moved).
Costs: `align_cost` (length, anchors, priors, furniture); search:
`align_dp` (banded, linear in the length of the texts).

The `Alignment` answers which zh span(s) an en offset translates and the reverse, and lists the
gaps: Chinese sentences with no English (1:0) and English sentences with no Chinese (0:1).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import sentences_en, sentences_zh
from .align_cost import AlignParams, BeadCost, centre_line, estimate_ratio, lengths, refit_ratio
from .align_dp import banded_align
from .align_moved import repair_moved
from .anchors import anchor_sets, weights
from .furniture import furniture_kind

Span = tuple[int, int]
_BLANK = re.compile(r"\n[ \t\f\v\r\u3000\u00a0]*(?=\n)|\r[ \t\f\v\u3000\u00a0]*(?=\r)")
_SPACE = " \t\f\v\r\n\u3000\u00a0\u200b\ufeff"


@dataclass(frozen=True)
class Bead:
    """Chinese sentences `zh` and the English sentences `en` that translate them (spans into the
    texts given; one side empty for a gap), with the aligner's confidence in [0, 1] and whether the
    bead was paired out of order (`moved`)."""
    zh: tuple[Span, ...]
    en: tuple[Span, ...]
    confidence: float
    moved: bool = False

    @property
    def kind(self) -> str:
        return f"{len(self.zh)}:{len(self.en)}"

    @property
    def is_gap(self) -> bool:
        return not self.zh or not self.en

    @property
    def zh_span(self) -> Span | None:
        return (self.zh[0][0], self.zh[-1][1]) if self.zh else None

    @property
    def en_span(self) -> Span | None:
        return (self.en[0][0], self.en[-1][1]) if self.en else None


class Alignment:
    """The beads of an alignment, in document order, with look-ups by offset."""

    def __init__(self, zh_text: str, en_text: str, beads: list[Bead], ratio: float):
        self.zh_text, self.en_text, self.ratio = zh_text, en_text, ratio
        self.beads: tuple[Bead, ...] = tuple(beads)
        self._zh_units = sorted((s, e, b) for b, bead in enumerate(beads) for s, e in bead.zh)
        self._en_units = sorted((s, e, b) for b, bead in enumerate(beads) for s, e in bead.en)
        self._zh_starts = [u[0] for u in self._zh_units]
        self._en_starts = [u[0] for u in self._en_units]

    @staticmethod
    def _find(units: list[tuple[int, int, int]], starts: list[int], offset: int) -> int | None:
        k = bisect.bisect_right(starts, offset) - 1
        if k >= 0 and units[k][0] <= offset < units[k][1]:
            return units[k][2]
        return None

    def bead_at_en(self, offset: int) -> Bead | None:
        """The bead of the English sentence holding `offset` (None between sentences)."""
        b = self._find(self._en_units, self._en_starts, offset)
        return None if b is None else self.beads[b]

    def bead_at_zh(self, offset: int) -> Bead | None:
        """The bead of the Chinese sentence holding `offset` (None between sentences)."""
        b = self._find(self._zh_units, self._zh_starts, offset)
        return None if b is None else self.beads[b]

    def zh_for_en(self, offset: int) -> tuple[Span, ...]:
        """The Chinese sentence spans that the English sentence at `offset` translates; () for an
        English sentence with no Chinese, or an offset outside every sentence."""
        bead = self.bead_at_en(offset)
        return bead.zh if bead else ()

    def en_for_zh(self, offset: int) -> tuple[Span, ...]:
        """The English sentence spans that translate the Chinese sentence at `offset`."""
        bead = self.bead_at_zh(offset)
        return bead.en if bead else ()

    @property
    def gaps(self) -> tuple[Bead, ...]:
        """Beads with one side empty: 1:0 (not translated) and 0:1 (added in English)."""
        return tuple(b for b in self.beads if b.is_gap)

    @property
    def omitted(self) -> tuple[Span, ...]:
        """Chinese sentences with no English counterpart."""
        return tuple(b.zh[0] for b in self.beads if not b.en)

    @property
    def added(self) -> tuple[Span, ...]:
        """English sentences with no Chinese counterpart."""
        return tuple(b.en[0] for b in self.beads if not b.zh)


def paragraphs(text: str) -> list[Span]:
    """Blocks of `text` separated by blank lines, trimmed of white space."""
    out, pos = [], 0
    cuts = [m.start() for m in _BLANK.finditer(text)] + [len(text)]
    for cut in cuts:
        s, e = pos, cut
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if e > s:
            out.append((s, e))
        pos = cut
    return out


def _split(text: str, paras: list[Span], splitter) -> tuple[list[Span], list[int]]:
    """Sentence spans of every paragraph, and for each paragraph the index of its first sentence."""
    units: list[Span] = []
    first: list[int] = []
    for s, e in paras:
        first.append(len(units))
        units.extend(splitter(text, s, e) or [(s, e)])
    first.append(len(units))
    return units, first


def _union(sets, a: int, b: int) -> frozenset[str]:
    out: frozenset[str] = frozenset()
    for x in range(a, b):
        out = out | sets[x]
    return out


def align(zh_text: str, en_text: str, zh_paragraphs: list[Span] | None = None,
          en_paragraphs: list[Span] | None = None, params: AlignParams | None = None) -> Alignment:
    """Align `zh_text` with its translation `en_text` (see the module's docstring).

    `zh_paragraphs` / `en_paragraphs`: paragraph spans when the caller knows them (from markup);
    by default blocks between blank lines. Raises `anchors.MissingDependency` (an ImportError
    naming `pip install 'release-qa[zh]'`) when pypinyin is missing.
    """
    p = params or AlignParams()
    zh_paras = list(zh_paragraphs) if zh_paragraphs is not None else paragraphs(zh_text)
    en_paras = list(en_paragraphs) if en_paragraphs is not None else paragraphs(en_text)
    zh_units, zh_first = _split(zh_text, zh_paras, sentences_zh.sentences)
    en_units, en_first = _split(en_text, en_paras, sentences_en.sentences)
    zh_keys, en_keys = anchor_sets(zh_text, zh_units, en_text, en_units)
    zh_len, en_len = lengths(zh_text, zh_units), lengths(en_text, en_units)
    zh_furn = [frozenset([furniture_kind(zh_text[s:e], False)]) for s, e in zh_units]
    en_furn = [frozenset([furniture_kind(en_text[s:e], True)]) for s, e in en_units]
    sides = _Sides(zh_len, en_len, zh_keys, en_keys, zh_furn, en_furn, zh_first, en_first)
    ratio = estimate_ratio(zh_len, en_len, p)
    path, sent_cost = _align_pass(sides, ratio, p)
    if p.ratio is None:
        refit = refit_ratio(path, zh_len, en_len, ratio, p)
        if abs(refit / ratio - 1) > p.ratio_refit:
            ratio = refit
            path, sent_cost = _align_pass(sides, ratio, p)
    path = [(*b, False) for b in path]
    path = _gaps_in_order(repair_moved(path, sent_cost, zh_first, en_first, p.moved_margin))
    beads = [Bead(tuple(zh_units[i0:i1]), tuple(en_units[j0:j1]), round(conf, 4), moved)
             for i0, i1, j0, j1, conf, moved in path]
    return Alignment(zh_text, en_text, beads, ratio)


@dataclass(frozen=True)
class _Sides:
    """What the aligner knows of the units of both texts."""
    zh_len: list[int]
    en_len: list[int]
    zh_keys: list[frozenset[str]]
    en_keys: list[frozenset[str]]
    zh_furn: list[frozenset]   # per unit, {its kind of furniture} or {None} for content
    en_furn: list[frozenset]
    zh_first: list[int]       # per paragraph, the index of its first unit (and the total at the end)
    en_first: list[int]


def _align_pass(d: _Sides, ratio: float, p: AlignParams):
    """Paragraphs, then sentences inside the paragraph beads; returns the sentence path (i0, i1,
    j0, j1, confidence) and the sentence cost model."""
    zf, ef = d.zh_first, d.en_first
    nz, ne = len(zf) - 1, len(ef) - 1
    sent_cost = BeadCost(d.zh_len, d.en_len, d.zh_keys, d.en_keys, weights(d.zh_keys, d.en_keys), ratio,
                         p.sentence_moves, p, d.zh_furn, d.en_furn)
    zp_len = [sum(d.zh_len[zf[k]:zf[k + 1]]) for k in range(nz)]
    ep_len = [sum(d.en_len[ef[k]:ef[k + 1]]) for k in range(ne)]
    zp_keys = [_union(d.zh_keys, zf[k], zf[k + 1]) for k in range(nz)]
    ep_keys = [_union(d.en_keys, ef[k], ef[k + 1]) for k in range(ne)]
    zp_furn = [frozenset().union(*d.zh_furn[zf[k]:zf[k + 1]]) for k in range(nz)]
    ep_furn = [frozenset().union(*d.en_furn[ef[k]:ef[k + 1]]) for k in range(ne)]
    para_cost = BeadCost(zp_len, ep_len, zp_keys, ep_keys, weights(zp_keys, ep_keys), ratio,
                         p.paragraph_moves, p, zp_furn, ep_furn)
    para_path = banded_align(nz, ne, list(p.paragraph_moves), para_cost.local(0, 0),
                             centre_line(zp_len, ep_len), p.band, p.prune)

    # regions: trusted paragraph beads alone, doubtful ones pooled with their neighbours
    doubtful = [post < p.trust for _, _, _, _, post in para_path]
    regions: list[tuple[int, int, int, int, float]] = []
    k = 0
    while k < len(para_path):
        if not doubtful[k] and not (k + 1 < len(para_path) and doubtful[k + 1]):
            i0, i1, j0, j1, post = para_path[k]
            regions.append((zf[i0], zf[i1], ef[j0], ef[j1], post))
            k += 1
            continue
        start = k
        while k + 1 < len(para_path) and (doubtful[k] or doubtful[k + 1]):
            k += 1
        regions.append((zf[para_path[start][0]], zf[para_path[k][1]], ef[para_path[start][2]],
                        ef[para_path[k][3]], 1.0))
        k += 1

    path: list[tuple[int, int, int, int, float]] = []
    for a0, a1, b0, b1, trust in regions:
        local = banded_align(a1 - a0, b1 - b0, list(p.sentence_moves), sent_cost.local(a0, b0),
                             centre_line(d.zh_len[a0:a1], d.en_len[b0:b1]), p.band, p.prune)
        path.extend((a0 + i0, a0 + i1, b0 + j0, b0 + j1, post * trust) for i0, i1, j0, j1, post in local)
    return path, sent_cost


def _gaps_in_order(path):
    """In a run of gaps, the Chinese ones (1:0) first: the order of adjacent gaps is arbitrary."""
    out, run = [], []
    for bead in path + [None]:
        if bead is not None and (bead[0] == bead[1] or bead[2] == bead[3]) and not bead[5]:
            run.append(bead)
            continue
        run.sort(key=lambda b: (b[0] == b[1], b[0], b[2]))
        out.extend(run)
        run = []
        if bead is not None:
            out.append(bead)
    return out
