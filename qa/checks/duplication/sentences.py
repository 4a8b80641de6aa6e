"""Sentences repeated or nearly repeated anywhere in a release, in near-linear time.

Each sentence gets a small sketch: its k rarest word pairs and its k rarest content words
(rarity counted over the document; a bottom-k sketch ordered by frequency, then text).
Sentences that share a sketch value land in one block; only sentences within a
block are compared (rapidfuzz Indel ratio on the normalised text, `process.extract`
scoring a sentence against the earlier members of its block at once). Two sentences much
alike in wording share most word pairs, so they share a sketch value with high
probability; unrelated sentences rarely do. A block that grows past BLOCK_CAP (a very
common word pair) is compared in windows of sentences of similar length, since a high
ratio needs similar lengths anyway.

Measured recall of hash-ordered sketches (random sentences of 6-30 words, one to three
words replaced, inserted or deleted, pairs scoring >= 90): word pairs alone with k=4 keep
99.9% of the pairs, pairs plus content words with k=4 keep all 2,330. Ordering by rarity
keeps that recall (tests/test_duplication.py) and keeps blocks small on long files.
"""
from __future__ import annotations

from collections import Counter
from itertools import chain, compress, islice
from operator import not_

from ..._speed.records import record
from ...document.model import Document
from ...text.tokens import SentenceWords, sentence_words
from ...text.words import STOP_WORDS

SKETCH = 4            # sketch values per sentence
BLOCK_CAP = 64        # a larger block is compared in length-sorted windows of this size


@record(frozen=True, slots=True)
class SentenceRepeat:
    sentence: int       # index of the later sentence
    earlier: int        # index of the first sentence it repeats
    score: float        # 100 = identical after normalisation


def _features(sw: SentenceWords, candidates: list[int]) -> dict[int, tuple[set, set]]:
    """Word pairs and content words of each candidate sentence, by key number (see
    `SentenceWords.ids`): a pair is a tuple of two numbers, a word one number."""
    ids = sw.ids
    content = list(map(not_, map(STOP_WORDS.__contains__, sw.keys)))
    bounds = sw.bounds
    out = {}
    for idx in candidates:
        lo, hi = bounds[idx]
        numbers = ids[lo:hi]
        out[idx] = set(zip(numbers, islice(numbers, 1, None))), set(compress(numbers, content[lo:hi]))
    return out


def _shared_sketch(values: set, counts: list[int], text_of) -> list:
    """The values of a sentence's sketch (its SKETCH values rarest in the document, ties
    broken by their text, `text_of(value)`) that another sentence also has; `counts`: how
    many sentences hold each value (a value no other sentence has cannot make a block)."""
    ranked = sorted(zip(counts, map(text_of, values), values))[:SKETCH]
    return [value for n, _, value in ranked if n > 1]


def _blocks(candidates: list[int], sw: SentenceWords) -> list[list[int]]:
    """Sentences grouped by shared sketch values. A sentence's sketch is its SKETCH rarest
    word pairs and SKETCH rarest content words (rarity over this document, ties broken by
    text: a pair orders like its two words joined by a space, since no word holds a
    character below the space): near-identical sentences share their rare features, and
    rare features make small blocks."""
    features = _features(sw, candidates)
    freq = Counter(chain.from_iterable(chain.from_iterable(features.values())))
    keys = sw.keys                      # keys[n] is the key numbered n
    pair_text = lambda pair: (keys[pair[0]], keys[pair[1]])  # noqa: E731
    held_by = freq.__getitem__
    by_value: dict = {}
    for idx, groups in features.items():
        for values, text_of in zip(groups, (pair_text, keys.__getitem__)):
            counts = list(map(held_by, values))
            if counts.count(1) >= SKETCH:
                continue                # the sketch is all values of this sentence alone
            for value in _shared_sketch(values, counts, text_of):
                by_value.setdefault(value, []).append(idx)
    blocks = []
    for members in by_value.values():
        if len(members) < 2:
            continue
        if len(members) <= BLOCK_CAP:
            blocks.append(members)
            continue
        members = sorted(members, key=lambda i: sw.bounds[i][1] - sw.bounds[i][0])
        step = BLOCK_CAP // 2
        for s in range(0, len(members) - step, step):
            blocks.append(members[s:s + BLOCK_CAP])
    return blocks


def _length_compatible(block: list[int], texts: dict[int, str], cutoff: float) -> bool:
    """Some pair of the block is close enough in length to reach the cutoff ratio:
    ratio <= 200 * shorter / (shorter + longer)."""
    sizes = sorted(len(texts[i]) for i in block)
    return any(200 * a / (a + b) >= cutoff for a, b in zip(sizes, sizes[1:]))


def _best_earlier(blocks, texts: dict[int, str], cutoff: float,
                  allowed) -> dict[int, tuple[int, float]]:
    """For each sentence, the earliest sentence of its blocks that matches at >= cutoff.

    rapidfuzz's `process.extract` scores one sentence against the earlier members of its
    block at once, in C (cdist would need numpy, which release-qa does not otherwise depend
    on). Pairs that `allowed` rules out, and pairs whose letters cannot reach the cutoff
    (see `_may_reach`), are not scored; when none is left, rapidfuzz is not even imported."""
    best: dict[int, tuple[int, float]] = {}
    blocks = [b for b in (sorted(set(b)) for b in blocks) if _length_compatible(b, texts, cutoff)]
    histograms: dict[int, Counter] = {}
    for block in blocks:
        small = len(block) <= SMALL_BLOCK
        for pos in range(1, len(block)):
            later = block[pos]
            choices = {i: texts[i] for i in block[:pos] if allowed(i, later) and (
                not small or _may_reach(i, later, texts, histograms, cutoff))}
            if not choices:
                continue
            from rapidfuzz import fuzz, process
            for _, score, earlier in process.extract(texts[later], choices, scorer=fuzz.ratio,
                                                     score_cutoff=cutoff, limit=None):
                old = best.get(later)
                if old is None or earlier < old[0]:
                    best[later] = (earlier, score)
    return best


SMALL_BLOCK = 16      # pairs of blocks up to this size are checked by letter counts first


def _may_reach(a: int, b: int, texts: dict[int, str], histograms: dict[int, Counter],
               cutoff: float) -> bool:
    """The ratio of texts a and b can reach the cutoff: the ratio is 200 * LCS / (total
    length), and the longest common subsequence holds each character at most as often as
    the rarer text does."""
    for i in (a, b):
        if i not in histograms:
            histograms[i] = Counter(texts[i])
    ha, hb = histograms[a], histograms[b]
    if len(ha) > len(hb):
        ha, hb = hb, ha
    shared = sum(min(n, hb[c]) for c, n in ha.items())
    return 200 * shared / (len(texts[a]) + len(texts[b])) >= cutoff - 1e-9


HEAD_LINES = 3        # one-line paragraphs at the top: headline, deck, sub-headline
HEAD_MAX = 6          # paragraphs a head may hold with page furniture (dateline, credits)
FURNITURE_WORDS = 25  # longest line (in words) taken for furniture rather than prose
_SENTENCE_END = ".!?。！？"
_CLOSERS = "\"'”’»)]）】 \t\r"


def _furniture(text: str, start: int, end: int) -> bool:
    """A paragraph of short lines none of which ends a sentence: a dateline, a time stamp,
    a source or reporter credit, a second headline line ('Release time: 2024-01-08',
    'Reporter: Li Ming', 'Today is Monday, January 8')."""
    for line in text[start:end].split("\n"):
        line = line.rstrip(_CLOSERS)
        if line.endswith(tuple(_SENTENCE_END)) or len(line.split()) > FURNITURE_WORDS:
            return False
    return True


def head_paragraphs(doc: Document) -> int:
    """How many paragraphs form the head, before the lead: the headline; one-line,
    one-sentence paragraphs (deck, subtitle) among the first HEAD_LINES; and paragraphs of
    page furniture (see `_furniture`) among the first HEAD_MAX. A later section of a long
    release (Document.continued) has none."""
    if doc.continued or len(doc.paragraphs) < 2:
        return 0
    count = 0
    text = doc.text
    per_para: dict[int, int] = {}
    for sent in doc.sentences:
        if sent.paragraph > HEAD_MAX:
            break
        per_para[sent.paragraph] = per_para.get(sent.paragraph, 0) + 1
    title = doc.title
    for index, para in enumerate(doc.paragraphs[:HEAD_MAX]):
        titled = index == 0 and title is not None and para.start <= title.start < para.end
        one_line = "\n" not in text[para.start:para.end]
        deck = index < HEAD_LINES and one_line and (per_para.get(index, 0) <= 1 or titled)
        if not (deck or _furniture(text, para.start, para.end)):
            break
        count += 1
    return count


def repeated_sentences(doc: Document, min_words: int, cutoff: float,
                       skip_head: bool = True) -> list[SentenceRepeat]:
    """Each sentence of min_words+ words that matches an earlier one at ratio >= cutoff.

    With skip_head, a head sentence (headline, deck, furniture lines) restated by another
    head sentence or by the lead paragraph that follows the head is not a repeat: that is
    how news opens."""
    sw = sentence_words(doc)
    candidates = [idx for idx, (lo, hi) in enumerate(sw.bounds) if hi - lo >= min_words]
    if len(candidates) < 2:
        return []
    head = head_paragraphs(doc) if skip_head else -1
    sentences = doc.sentences

    def allowed(earlier: int, later: int) -> bool:
        return not (sentences[earlier].paragraph < head and sentences[later].paragraph <= head)

    texts = {i: " ".join(sw.keys[slice(*sw.bounds[i])]) for i in candidates}
    best, unique = _exact_repeats(candidates, texts, allowed)
    for later, found in _best_earlier(_blocks(unique, sw), texts, cutoff, allowed).items():
        if later not in best or found[0] < best[later][0]:
            best[later] = found
    return [SentenceRepeat(later, earlier, score)
            for later, (earlier, score) in sorted(best.items())]


def _exact_repeats(candidates: list[int], texts: dict[int, str], allowed):
    """Identical sentences matched by their text alone; the first copy of each text goes on
    to the fuzzy comparison."""
    groups: dict[str, list[int]] = {}
    for idx in candidates:
        groups.setdefault(texts[idx], []).append(idx)
    best: dict[int, tuple[int, float]] = {}
    for members in groups.values():
        for pos, later in enumerate(members[1:], 1):
            earlier = next((e for e in members[:pos] if allowed(e, later)), None)
            if earlier is not None:
                best[later] = (earlier, 100.0)
    return best, [members[0] for members in groups.values()]
