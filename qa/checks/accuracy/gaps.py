"""Source sentences with no English: the alignment's 1:0 gaps that are real omissions.

An aligner leaves a Chinese sentence unpaired for several reasons, and only one of them is an
omission. A gap is reported only when every test below says the content is missing:

* it is content, not page furniture (an editor credit, a share bar, "（完）": `furniture`), and it
  holds at least `MIN_HAN` Chinese characters (a short clause is too easily folded into another);
* the English of a neighbouring bead does not hold half or more of its anchors (numbers, Latin
  tokens, names in pinyin; of those the English has anywhere) that the neighbour's own Chinese
  lacks: otherwise the translator merged it into that neighbour;
* neither neighbour's English is long enough to hold it too: with the release's ratio of English
  to Chinese characters, a neighbour whose English covers its own Chinese and `MERGE_SHARE` of
  the gap's has probably absorbed it;
* the aligner is confident of the gap (posterior at least `MIN_CONFIDENCE`): an unsure gap is
  more often a sentence cut or joined differently on the two sides than one left out;
* the release is translated as a whole (its English is at least `MIN_RATIO` characters per
  Chinese character): a summary or a partial translation omits everywhere, and saying so
  sentence by sentence helps no one.

`omitted_sentences(doc)` is computed once per document (`doc.memo`).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...bilingual.align_cost import lengths
from ...bilingual.anchors import anchor_sets
from ...bilingual.furniture import furniture_kind
from ...document.model import Document
from .bitext import Bitext, bitext

Span = tuple[int, int]
MEMO_KEY = "accuracy.gaps"
MIN_HAN = 12
MERGE_SHARE = 0.6
MIN_RATIO = 1.0
MIN_CONFIDENCE = 0.6


@dataclass(frozen=True, slots=True)
class Gap:
    """A source sentence (`zh`, source prose span) with no English; `context` is the English
    sentence after which (or, at the top, before which) its translation is missing."""

    bead: int
    zh: Span
    context: Span | None
    text: str
    count: int = 1          # how many source sentences in a row


def omitted_sentences(doc: Document) -> list[Gap]:
    """The source sentences of `doc` that the English leaves out (none without a source)."""
    if bitext(doc) is None:
        return []
    return doc.memo(MEMO_KEY, _compute)


def _han(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _ratio(bt: Bitext) -> float:
    zh = en = 0
    for bead in bt.beads:
        if bead.zh and bead.en:
            zh += sum(lengths(bt.zh_text, list(bead.zh)))
            en += sum(lengths(bt.en_text, list(bead.en)))
    return en / zh if zh else 0.0


def _compute(doc: Document) -> list[Gap]:
    bt = bitext(doc)
    assert bt is not None
    total_zh = sum(sum(lengths(bt.zh_text, list(b.zh))) for b in bt.beads if b.zh) or 1
    total_en = sum(sum(lengths(bt.en_text, list(b.en))) for b in bt.beads if b.en)
    ratio = _ratio(bt)
    if total_en / total_zh < MIN_RATIO or ratio <= 0:
        return []
    candidates = [(i, span) for i, bead in enumerate(bt.beads)
                  if not bead.en and bead.zh and bead.confidence >= MIN_CONFIDENCE for span in bead.zh
                  if _han(bt.zh_text[span[0]:span[1]]) >= MIN_HAN
                  and furniture_kind(bt.zh_text[span[0]:span[1]], False) is None]
    # the anchors of every candidate that the English has anywhere, in one pass over the English
    known = anchor_sets(bt.zh_text, [s for _, s in candidates], bt.en_text, [(0, len(bt.en_text))])[0]
    out: list[Gap] = []
    last = -2
    for (i, span), keys in zip(candidates, known):
        if _merged(bt, i, span, ratio, keys):
            continue
        if out and last in (i - 1, i):
            prev = out[-1]           # a run of omitted sentences is one omission
            zh = (prev.zh[0], span[1])
            out[-1] = Gap(prev.bead, zh, prev.context, bt.zh_text[zh[0]:zh[1]], prev.count + 1)
        else:
            out.append(Gap(i, span, _context(bt, i), bt.zh_text[span[0]:span[1]]))
        last = i
    return out


def _neighbours(bt: Bitext, i: int) -> list[int]:
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(bt.beads) and not (bt.beads[j].zh and bt.beads[j].en):
            j += step
        if 0 <= j < len(bt.beads):
            out.append(j)
    return out


def _merged(bt: Bitext, i: int, span: Span, ratio: float, known: frozenset[str]) -> bool:
    """The gap's content is probably in a neighbouring bead's English: that English is long
    enough to hold it too, or holds at least half of the gap's anchors that the English has at
    all (and that the neighbour's own Chinese lacks)."""
    gap_len = lengths(bt.zh_text, [span])[0]
    for j in _neighbours(bt, i):
        bead = bt.beads[j]
        zh_len = sum(lengths(bt.zh_text, list(bead.zh)))
        en_len = sum(lengths(bt.en_text, list(bead.en)))
        if en_len >= ratio * (zh_len + MERGE_SHARE * gap_len):
            return True
        if not known:
            continue
        gap_keys = anchor_sets(bt.zh_text, [span], bt.en_text, [bead.en_span])[0][0]
        own_keys = anchor_sets(bt.zh_text, [bead.zh_span], bt.en_text, [bead.en_span])[0][0]
        if 2 * len(gap_keys - own_keys) >= len(known):
            return True
    return False


def _context(bt: Bitext, i: int) -> Span | None:
    for j in list(range(i - 1, -1, -1)) + list(range(i + 1, len(bt.beads))):
        if bt.beads[j].en:
            return bt.beads[j].en_span
    return None
