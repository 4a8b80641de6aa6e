"""The words of every sentence as flat parallel lists, built once per document.

The duplication and headline rules walk the words of each sentence. Instead of one object
per word, the document gets parallel sequences (`starts`, `ends`: integer arrays; `keys`:
the case-folded words, one string object per distinct key) holding the words of all
sentences in text order, and each sentence an index range into them. Rules scan them with
C-level helpers (`map`, `compress`, slicing) and look at single words only where a cheap
scan found a candidate.

Each key is the case fold of the word as written, worked out once per distinct word; the
words as written are listed only when a rule asks for all of them (`words`). A big
release pays about 20 bytes a word, with no copy of its whole text.

The words are those of `qa.document.segment.WORD` inside each sentence. They are taken
from `Document.words` (one pass over the whole text, shared with other rules); a sentence
whose edge cuts through one of those words (text such as "2021.The" split between the
dots) is tokenised on its own, exactly as `WORD.finditer(text, start, end)` would.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from functools import cached_property
from itertools import count, repeat
from operator import and_

from ..document.model import Document
from ..document.segment import WORD
from .words import Token, tokens


def _shared(strings: list[str]) -> list[str]:
    """The same list with equal strings made one object (memory: 8 bytes a word)."""
    pool: dict[str, str] = {}
    return list(map(pool.setdefault, strings, strings))


class _Folded(dict):
    """Word as written -> its key (casefold works per character, so a word's key is the
    text's key cut at the word's offsets), each distinct key one string object."""

    def __init__(self) -> None:
        super().__init__()
        self.pool: dict[str, str] = {}

    def __missing__(self, word: str) -> str:
        key = word.casefold()
        key = self[word] = self.pool.setdefault(key, key)
        return key


class SentenceWords:
    """Words of all sentences; sentence k owns indexes bounds[k][0] .. bounds[k][1] - 1.

    Per word: two offsets (array), a key (a pointer to a string shared by every word with
    that key), a sentence number and a key number (arrays): about 20 bytes a word."""

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int],
                 bounds: list[tuple[int, int]]) -> None:
        self.text, self.starts, self.ends, self.bounds = text, starts, ends, bounds
        # one string object per distinct key, made from each word as it is cut from the text
        # (a long release repeats its vocabulary; a list of every word is never made)
        words = map(text.__getitem__, map(slice, starts, ends))
        self.keys: list[str] = list(map(_Folded().__getitem__, words))
        self.sentence_of = array("i")         # sentence index of each word
        for index, (lo, hi) in enumerate(bounds):
            self.sentence_of.extend(repeat(index, hi - lo))

    @cached_property
    def words(self) -> list[str]:
        """The words as written (most rules look at a few only: see `word`)."""
        text = self.text
        return _shared([text[s:e] for s, e in zip(self.starts, self.ends)])

    @cached_property
    def ids(self) -> Sequence[int]:
        """A number for each word's key, equal for equal keys (the index of the key's first
        word, so keys[n] is the key numbered n): compared and hashed faster than strings."""
        first: dict[str, int] = {}
        numbers = array("i", map(first.setdefault, self.keys, count()))
        self.__dict__["id_of"] = first
        return numbers

    @cached_property
    def id_of(self) -> dict[str, int]:
        """The number of each key (see `ids`)."""
        self.ids                            # noqa: B018 (numbering the words fills id_of)
        return self.__dict__["id_of"]

    @cached_property
    def codes(self) -> bytes:
        """One byte per word (its key's number modulo 256): lets the `re` module find
        repeated words in C (a back reference compares whole words) and `bytes.find` find
        a word. Different keys can share a byte, so the codes find candidates; compare
        the ids before reporting."""
        return bytes(map(and_, self.ids, repeat(255)))

    def occurrences(self, key: str) -> list[int]:
        """Indexes of the words whose key is `key`."""
        number = self.id_of.get(key)
        if number is None:
            return []
        codes, ids, found = self.codes, self.ids, []
        at = codes.find(number & 255)
        while at >= 0:
            if ids[at] == number:
                found.append(at)
            at = codes.find(number & 255, at + 1)
        return found

    def word(self, i: int) -> str:
        return self.text[self.starts[i]:self.ends[i]]

    def same_sentence(self, i: int, j: int) -> bool:
        """Words i <= j belong to one sentence."""
        return j < self.end_of(i)

    def end_of(self, i: int) -> int:
        """The index after the last word of word i's sentence."""
        return self.bounds[self.sentence_of[i]][1]


def sentence_words(doc: Document) -> SentenceWords:
    """The words of each sentence of the document (computed once, shared by the rules)."""
    return doc.memo("dup.sentence_words", _build)


def _spans(doc: Document) -> tuple[list[int], list[int]]:
    """Starts and ends of `Document.words`, once per document."""
    return doc.word_bounds


def tokens_between(doc: Document, start: int, end: int) -> list[Token]:
    """The tokens of doc.text[start:end], as `qa.text.words.tokens` gives them: cut from
    `Document.words` unless a word crosses an edge of the range."""
    all_starts, all_ends = _spans(doc)
    lo = bisect_left(all_starts, start)
    hi = bisect_left(all_starts, end, lo)
    if (lo and all_ends[lo - 1] > start) or (hi > lo and all_ends[hi - 1] > end):
        return tokens(doc.text, start, end)
    text = doc.text
    words = [text[s:e] for s, e in zip(all_starts[lo:hi], all_ends[lo:hi])]
    return list(map(Token._make, zip(all_starts[lo:hi], all_ends[lo:hi], words,
                                     map(str.casefold, words))))


def _build(doc: Document) -> SentenceWords:
    text = doc.text
    all_starts, all_ends = _spans(doc)
    ranges = []                       # each sentence's words in Document.words, or None
    for sent in doc.sentences:
        lo = bisect_left(all_starts, sent.start)
        hi = bisect_left(all_starts, sent.end, lo)
        if (lo and all_ends[lo - 1] > sent.start) or (hi > lo and all_ends[hi - 1] > sent.end):
            ranges.append(None)       # a word crosses an edge: tokenise the sentence alone
        else:
            ranges.append((lo, hi))
    if _covers_all(ranges, len(all_starts)):
        return SentenceWords(text, all_starts, all_ends, ranges)
    starts: list[int] = []
    ends: list[int] = []
    bounds: list[tuple[int, int]] = []
    for sent, found in zip(doc.sentences, ranges):
        if found is None:
            own = [m.span() for m in WORD.finditer(text, sent.start, sent.end)]
            sent_starts, sent_ends = [s for s, _ in own], [e for _, e in own]
        else:
            sent_starts, sent_ends = all_starts[found[0]:found[1]], all_ends[found[0]:found[1]]
        base = len(starts)
        starts += sent_starts
        ends += sent_ends
        bounds.append((base, len(starts)))
    return SentenceWords(text, starts, ends, bounds)


def _covers_all(ranges: list, words: int) -> bool:
    """The sentences' word ranges follow each other without a gap and hold every word: the
    document's word list is then the sentences' word list as it stands."""
    at = 0
    for found in ranges:
        if found is None or found[0] != at:
            return False
        at = found[1]
    return at == words
