"""Repeats inside one sentence: a word or phrase written twice in a row, and a content phrase
that comes back three or more times.

Each scan walks the tokens of each sentence once (a constant number of comparisons per
token), so the cost is linear in the length of the release.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ._dup_words import STOP_WORDS, Token, blank_gap, doubled_word_allowed, is_content, is_number, tokens


@dataclass(frozen=True, slots=True)
class Repeat:
    """Copies of one word or phrase: `spans` in text order, `phrase` as first written."""

    phrase: str
    spans: tuple[tuple[int, int], ...]


def sentence_tokens(doc) -> list[list[Token]]:
    """The tokens of each sentence of the document (computed once, shared by the rules)."""
    return doc.memo("dup.sentence_tokens",
                    lambda d: [tokens(d.text, s.start, s.end) for s in d.sentences])


def doubled_words(doc, allowed: tuple[str, ...]) -> list[Repeat]:
    """'the the': the same word twice with only white space between."""
    text = doc.text
    out = []
    for toks in sentence_tokens(doc):
        for a, b in zip(toks, toks[1:]):
            if a.key == b.key and blank_gap(text, a.end, b.start, True) \
                    and not doubled_word_allowed(a.text, b.text, allowed):
                out.append(Repeat(a.text, ((a.start, a.end), (b.start, b.end))))
    return out


def _gap(text: str, a: Token, b: Token) -> str:
    """The punctuation between two tokens, white space ignored."""
    return "".join(text[a.end:b.start].split())


def _same_run(text: str, toks: list[Token], i: int, j: int, n: int) -> bool:
    """tokens[i:i+n] and tokens[j:j+n] have the same words and the same punctuation between."""
    return all(toks[i + k].key == toks[j + k].key for k in range(n)) and all(
        _gap(text, toks[i + k], toks[i + k + 1]) == _gap(text, toks[j + k], toks[j + k + 1])
        for k in range(n - 1))


# "stronger and stronger", "more and more", "again and again": idioms, not loops.
_IDIOM_HEADS = frozenset("more less again over round on through by so".split())


def _idiom(toks: list[Token], i: int, n: int) -> bool:
    head = toks[i].key
    return n == 2 and toks[i + 1].key in ("and", "or") and (
        head in _IDIOM_HEADS or head.endswith("er"))


def _copies(text: str, toks: list[Token], i: int, n: int) -> int:
    """How many back-to-back copies of tokens[i:i+n] start at i (1 when none repeats)."""
    k = 1
    while i + (k + 1) * n <= len(toks) and toks[i].key == toks[i + k * n].key \
            and _same_run(text, toks, i, i + k * n, n) \
            and blank_gap(text, toks[i + k * n - 1].end, toks[i + k * n].start, True):
        k += 1
    return k


def repeated_phrases(doc, max_words: int) -> list[Repeat]:
    """'real-time monitoring real-time monitoring': a phrase of 2+ words written twice (or
    more) in a row. `spans` holds each copy."""
    text = doc.text
    out = []
    for toks in sentence_tokens(doc):
        i = 0
        while i < len(toks):
            n, k = 0, 1
            for size in range(min(max_words, (len(toks) - i) // 2), 1, -1):
                copies = _copies(text, toks, i, size)
                if copies > 1 and not _idiom(toks, i, size) \
                        and not all(is_number(t.text) for t in toks[i:i + size]):
                    n, k = size, copies
                    break
            if not n:
                i += 1
                continue
            spans = tuple((toks[i + c * n].start, toks[i + c * n + n - 1].end) for c in range(k))
            out.append(Repeat(text[spans[0][0]:spans[0][1]], spans))
            i += k * n
    return out


LEGAL_WORDS = frozenset("co ltd inc corp llc plc limited gmbh pte pty".split())


def _phrase_word(word: str) -> bool:
    return is_content(word) and word.casefold().rstrip(".") not in LEGAL_WORDS


def _ngram_positions(text: str, toks: list[Token], n: int) -> dict[tuple[str, ...], list[int]]:
    """Start indexes of each n-gram that opens and closes on a content word and has only
    white space between its words (a phrase, not a stretch across a comma)."""
    joined = [blank_gap(text, a.end, b.start, False) for a, b in zip(toks, toks[1:])]
    where: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(toks) - n + 1):
        if _phrase_word(toks[i].text) and _phrase_word(toks[i + n - 1].text) \
                and all(joined[i:i + n - 1]):
            where[tuple(t.key for t in toks[i:i + n])].append(i)
    return where


def _non_overlapping(starts: list[int], n: int) -> list[int]:
    kept: list[int] = []
    for s in starts:
        if not kept or s >= kept[-1] + n:
            kept.append(s)
    return kept


def _always_capitalised(toks: list[Token], starts: list[int], n: int) -> bool:
    """Every word of every copy capitalised: a name or title ('Xi Jinping'), which
    name-consistency rules watch; repeating a name is not padding."""
    return all(t.text[:1].isupper() for s in starts for t in toks[s:s + n]
               if t.key not in STOP_WORDS)


def _some_word_repeats(toks: list[Token], min_count: int) -> bool:
    """Cheap filter: some content word occurs min_count times (needed for any phrase to)."""
    counts = Counter(t.key for t in toks)
    return any(c >= min_count and _phrase_word(k) for k, c in counts.items())


def phrase_repeats(doc, min_count: int, min_words: int, max_words: int) -> list[Repeat]:
    """A content phrase of min_words..max_words words found min_count+ times in one sentence.

    Longer phrases win: "global IoT industry" three times is reported once, not also as
    "IoT industry".
    """
    text = doc.text
    out = []
    for toks in sentence_tokens(doc):
        if len(toks) < min_count * min_words or not _some_word_repeats(toks, min_count):
            continue
        covered: set[int] = set()
        for n in range(max_words, min_words - 1, -1):
            for gram, starts in _ngram_positions(text, toks, n).items():
                starts = _non_overlapping(starts, n)
                if len(starts) < min_count or all(s in covered for s in starts) \
                        or _always_capitalised(toks, starts, n):
                    continue
                for s in starts:
                    covered.update(range(s, s + n))
                spans = tuple((toks[s].start, toks[s + n - 1].end) for s in starts)
                out.append(Repeat(text[spans[0][0]:spans[0][1]], spans))
    return sorted(out, key=lambda r: r.spans[0])
