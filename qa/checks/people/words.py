"""Where a release writes a Chinese surname or a courtesy title: the capitalised words the
person-name rules start from. Found once per document (`doc.memo`) and shared.

A *capitalised word* is a capital followed by the longest run of lower-case ASCII letters
after it ('Li' in "Li's", 'Wang' in "Wang-Li"); every capital that has a lower-case letter
after it starts one. The name patterns of the rules read their words the same way, so a
pattern match whose name word is a surname starts at (or right before) one of these words,
and the rules need to try their patterns only there.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import namedtuple

from ...document.model import Document
from ...text.chars import stdlib
from ...text.pinyin import SURNAMES

COURTESY = ("Mr", "Mrs", "Ms", "Miss", "Madam", "Mdm")
_NAME_WORDS = SURNAMES | frozenset(COURTESY)
CAP_WORD = r"[A-Z][a-z]+"


class NameWord(namedtuple("NameWord", "start end word")):
    # start: int
    # end: int
    # word: str
    __slots__ = ()


def name_words(doc: Document) -> tuple[NameWord, ...]:
    """Every capitalised word of the prose that is a Chinese surname or a courtesy title, in
    text order."""
    def compute(d) -> tuple[NameWord, ...]:
        return tuple(NameWord(m.start(), m.end(), m.group())
                     for m in stdlib(CAP_WORD).finditer(d.text) if m.group() in _NAME_WORDS)
    return doc.memo("people:name-words", compute)


def surnames(doc: Document) -> list[NameWord]:
    return [w for w in name_words(doc) if w.word in SURNAMES]


def sentences_with_name_words(doc: Document) -> list[int]:
    """Indices of the sentences that hold a surname or a courtesy title as a capitalised word
    of their own text (a word cut by the sentence end counts as cut)."""
    text = doc.text
    starts = [w.start for w in name_words(doc)]
    out = []
    for k, sent in enumerate(doc.sentences):
        if "a" <= text[sent.end:sent.end + 1] <= "z":   # a word runs on past the end
            if not _NAME_WORDS.isdisjoint(stdlib(CAP_WORD).findall(text, sent.start, sent.end)):
                out.append(k)
            continue
        i = bisect_left(starts, sent.start)
        if i < len(starts) and starts[i] < sent.end:
            out.append(k)
    return out
