"""Repeats inside one sentence: a word or phrase written twice in a row, and a content phrase
that comes back three or more times.

The scans work on the flat word lists of `qa.text.tokens`. XOR-ing the word codes (one byte
per word) with themselves shifted by n words, as two big integers, finds in C every
place where a word (or a pair of words) comes back n words later; only those few places
are examined word by word. A sentence is searched for a thrice-repeated phrase only when
some content word occurs that often in it (found by sorting its key numbers), and then
only from the words that do. The cost is linear in the length of the release.
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, islice
from operator import eq

from ..._speed.records import record
from ...document.model import Document
from ...text.tokens import SentenceWords, sentence_words
from ...text.words import STOP_WORDS, blank_gap, doubled_word_allowed, is_content, is_number
from .parallel import parallel_copies, part_starts
from .quotes import in_slogan, quotes


@record(frozen=True, slots=True)
class Repeat:
    """Copies of one word or phrase: `spans` in text order, `phrase` as first written."""

    phrase: str
    spans: tuple[tuple[int, int], ...]


def _echoes(codes: bytes, shift: int, run: int) -> Iterator[int]:
    """Indexes i where codes[i:i + run] == codes[i + shift:i + shift + run]. The codes are
    compared with themselves shifted as two big integers (XOR in C): a zero byte marks an
    equal code."""
    if shift >= len(codes):
        return
    same = int.from_bytes(codes[:-shift], "big") ^ int.from_bytes(codes[shift:], "big")
    same_bytes = same.to_bytes(len(codes) - shift, "big")
    zeros = bytes(run)
    at = same_bytes.find(zeros)
    while at >= 0:
        yield at
        at = same_bytes.find(zeros, at + 1)


def _pair_echoes(codes: bytes, max_shift: int) -> dict[int, list[int]]:
    """Index i -> the shifts n in 2..max_shift (longest first) at which the codes of words i
    and i + 1 come back: a back-to-back repeat of n words can only open at such an i."""
    found: dict[int, list[int]] = {}
    for n in range(max_shift, 1, -1):
        for i in _echoes(codes, n, 2):
            found.setdefault(i, []).append(n)
    return dict(sorted(found.items()))


def doubled_words(doc: Document, allowed: tuple[str, ...]) -> list[Repeat]:
    """'the the': the same word twice (or more) in a row with only white space between; a run
    of copies ('the the the') is one Repeat with a span per copy."""
    text, sw = doc.text, sentence_words(doc)
    starts, ends = sw.starts, sw.ends
    out: list[Repeat] = []
    resume = 0
    for i in _echoes(sw.codes, 1, 1):
        if i < resume or not _doubled(text, sw, i):
            continue
        j = i + 1
        while j + 1 < len(starts) and _doubled(text, sw, j):
            j += 1                       # the run goes on: 'the the the'
        resume = j + 1
        word = sw.word(i)
        if doubled_word_allowed(word, sw.word(i + 1), allowed) or _pseudo_cleft(sw, i) \
                or _cjk(word) or _letter_buttons(text, sw, i, j):
            continue
        out.append(Repeat(word, tuple((starts[k], ends[k]) for k in range(i, j + 1))))
    return out


def _doubled(text: str, sw: SentenceWords, i: int) -> bool:
    """Word i + 1 repeats word i in the same sentence with only white space between."""
    j = i + 1
    return sw.ids[i] == sw.ids[j] and sw.same_sentence(i, j) \
        and blank_gap(text, sw.ends[i], sw.starts[j], True)


def _cjk(word: str) -> bool:
    """A word in Chinese, Japanese or Korean script: doubling is grammar there ('天天',
    '谢谢'), and Chinese left in English copy is UT01's finding."""
    return any("\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" or "\uf900" <= c <= "\ufaff"
               or c >= "\U00020000" for c in word)


def _letter_buttons(text: str, sw: SentenceWords, i: int, j: int) -> bool:
    """Copies i..j are a capital letter repeated as a widget ('Font size: A A A'): three or
    more copies, or two that no lower-case word follows on their line ('A A new plant' is
    a doubled article)."""
    word = sw.word(i)
    if len(word) != 1 or not word.isupper() or not sw.word(j).isupper():
        return False
    if j - i >= 2:
        return True
    after = text[sw.ends[j]:sw.ends[j] + 64].split("\n", 1)[0].lstrip(" \t\u00a0")
    return not after[:1].islower()


def _pseudo_cleft(sw: SentenceWords, i: int) -> bool:
    """'What it is is a market', 'All we need is is time': the first 'is' ends a 'what' or
    'all' clause and the second links it to the rest, so the doubling is grammatical."""
    if sw.keys[i] not in ("is", "was"):
        return False
    return any(sw.keys[k] in ("what", "all") and sw.same_sentence(k, i)
               for k in range(max(0, i - 8), i))


def _gap(text: str, sw: SentenceWords, i: int) -> str:
    """The punctuation between words i and i + 1, white space ignored."""
    return "".join(text[sw.ends[i]:sw.starts[i + 1]].split())


def _same_run(text: str, sw: SentenceWords, i: int, j: int, n: int) -> bool:
    """Words i.. and j.. (n each) are the same words with the same punctuation between."""
    return sw.keys[i:i + n] == sw.keys[j:j + n] and all(
        _gap(text, sw, i + k) == _gap(text, sw, j + k) for k in range(n - 1))


# "stronger and stronger", "more and more", "again and again": idioms, not loops.
_IDIOM_HEADS = frozenset("more less again over round on through by so".split())


def _idiom(keys: list[str], i: int, n: int) -> bool:
    head = keys[i]
    return n == 2 and keys[i + 1] in ("and", "or") and (head in _IDIOM_HEADS or head.endswith("er"))


def _copies(text: str, sw: SentenceWords, i: int, n: int, hi: int) -> int:
    """How many back-to-back copies of the n words from i start at i (1 when none repeats);
    hi ends the sentence."""
    keys = sw.keys
    k = 1
    while i + (k + 1) * n <= hi and keys[i] == keys[i + k * n] \
            and _same_run(text, sw, i, i + k * n, n) \
            and blank_gap(text, sw.ends[i + k * n - 1], sw.starts[i + k * n], True) \
            and not _restated_on_next_line(text, sw, i + (k - 1) * n, i + k * n):
        k += 1
    return k


def _restated_on_next_line(text: str, sw: SentenceWords, a: int, b: int) -> bool:
    """Copy b opens a new line in capitals where copy a ran on in lower case: 'About the
    Acme Group' / 'The Acme Group is ...', a heading and the sentence under it."""
    gap = text[sw.ends[b - 1]:sw.starts[b]]
    return ("\n" in gap or "\r" in gap) and sw.word(b)[:1].isupper() and sw.word(a)[:1].islower()


def _longest_repeat(text: str, sw: SentenceWords, i: int, sizes: list[int]) -> tuple[int, int]:
    """(words, copies) of the longest phrase repeated back to back from word i; (0, 1)
    when there is none. `sizes`: the phrase lengths worth trying, longest first."""
    hi = sw.end_of(i)
    for size in sizes:
        if 2 * size > hi - i:
            continue
        copies = _copies(text, sw, i, size, hi)
        if copies > 1 and not _idiom(sw.keys, i, size) \
                and not all(is_number(sw.word(j)) for j in range(i, i + size)):
            return size, copies
    return 0, 1


def repeated_phrases(doc: Document, max_words: int) -> list[Repeat]:
    """'real-time monitoring real-time monitoring': a phrase of 2+ words written twice (or
    more) in a row. `spans` holds each copy.

    Scans each sentence from its first word; after a repeat it goes on after the last copy.
    Only a word that comes back n words later together with the next word (n from 2 to
    max_words) can open a repeat of n words, so only those words are tried."""
    if max_words < 2:
        return []
    text, sw = doc.text, sentence_words(doc)
    longest = max((hi - lo for lo, hi in sw.bounds), default=0)
    out = []
    resume = 0
    for i, sizes in _pair_echoes(sw.codes, min(max_words, longest // 2)).items():
        if i < resume:
            continue
        n, k = _longest_repeat(text, sw, i, sizes)
        if not n:
            continue
        spans = tuple((sw.starts[i + c * n], sw.ends[i + c * n + n - 1]) for c in range(k))
        resume = i + k * n
        if not in_slogan(doc, spans[0][0], spans[-1][1]):   # '"Go Harbin Go Harbin"'
            out.append(Repeat(text[spans[0][0]:spans[0][1]], spans))
    return out


LEGAL_WORDS = frozenset("co ltd inc corp llc plc limited gmbh pte pty".split())


@lru_cache(maxsize=16384)
def _phrase_word(word: str) -> bool:
    return is_content(word) and word.casefold().rstrip(".") not in LEGAL_WORDS


def _joined(text: str, sw: SentenceWords, i: int) -> bool:
    """Only spaces or tabs (no line break, no punctuation) between words i and i + 1."""
    return not text[sw.ends[i]:sw.starts[i + 1]].strip(" \t\u00a0\u3000")


def _ngram_positions(text: str, sw: SentenceWords, opens: list[int], hi: int,
                     n: int) -> dict[tuple[str, ...], list[int]]:
    """Start indexes of each n-gram that opens and closes on one of the words `opens` (content
    words frequent enough in the sentence) and has only white space between its words (a
    phrase, not a stretch across a comma)."""
    can_open = set(opens)
    where: dict[tuple[str, ...], list[int]] = {}
    for i in opens:
        last = i + n - 1
        if last < hi and last in can_open and all(_joined(text, sw, j) for j in range(i, last)):
            where.setdefault(tuple(sw.keys[i:i + n]), []).append(i)
    return where


def _non_overlapping(starts: list[int], n: int) -> list[int]:
    kept: list[int] = []
    for s in starts:
        if not kept or s >= kept[-1] + n:
            kept.append(s)
    return kept


def _always_capitalised(sw: SentenceWords, starts: list[int], n: int) -> bool:
    """Every word of every copy capitalised: a name or title ('Xi Jinping'), which
    name-consistency rules watch; repeating a name is not padding."""
    return all(sw.word(t)[:1].isupper() for s in starts for t in range(s, s + n)
               if sw.keys[t] not in STOP_WORDS)


def _unquoted(doc: Document, sw: SentenceWords, starts: list[int], n: int) -> list[int]:
    """The copies outside quotations: quoted words (a slogan, what a speaker said) are not
    the writer's to reword."""
    q = quotes(doc)
    if not q.spans:
        return starts
    return [s for s in starts if q.around(sw.starts[s], sw.ends[s + n - 1]) is None]


def _frequent_words(sw: SentenceWords, lo: int, hi: int, min_count: int) -> list[int]:
    """Indexes of the sentence's content words whose key occurs min_count+ times in it (a
    phrase found min_count times opens and closes on such words); none when no phrase word
    is that frequent."""
    ordered = sorted(sw.ids[lo:hi])
    # in sorted order a key found min_count times equals the key min_count - 1 places on
    repeated = list(compress(ordered, map(eq, ordered, islice(ordered, max(min_count - 1, 0), None))))
    if not repeated or not any(map(_phrase_word, map(sw.keys.__getitem__, repeated))):
        return []
    frequent = set(repeated)
    return [i for i in compress(range(lo, hi), map(frequent.__contains__, sw.ids[lo:hi]))
            if _phrase_word(sw.word(i))]


def phrase_repeats(doc: Document, min_count: int, min_words: int, max_words: int) -> list[Repeat]:
    """A content phrase of min_words..max_words words found min_count+ times in one sentence.

    Longer phrases win: "global IoT industry" three times is reported once, not also as
    "IoT industry".
    """
    text, sw = doc.text, sentence_words(doc)
    out = []
    for lo, hi in sw.bounds:
        if hi - lo < min_count * min_words:
            continue
        opens = _frequent_words(sw, lo, hi, min_count)
        if not opens:
            continue
        covered: set[int] = set()
        parts: list[int] | None = None
        for n in range(max_words, min_words - 1, -1):
            for starts in _ngram_positions(text, sw, opens, hi, n).values():
                starts = _non_overlapping(starts, n)
                if len(starts) < min_count or all(s in covered for s in starts) \
                        or _always_capitalised(sw, starts, n):
                    continue
                starts = _unquoted(doc, sw, starts, n)
                if len(starts) < min_count:
                    continue
                parts = parts or part_starts(text, sw, lo, hi)
                parallel = parallel_copies(text, sw, parts, lo, starts, n)
                for s in starts:
                    covered.update(range(s, s + n))
                if parallel:
                    continue
                spans = tuple((sw.starts[s], sw.ends[s + n - 1]) for s in starts)
                out.append(Repeat(text[spans[0][0]:spans[0][1]], spans))
    return sorted(out, key=lambda r: r.spans[0])
