"""Quoted stretches of a release: the words a speaker said or a slogan as written, which an
editor may not reword, so repetition inside them is not the writer's to remove.

A quotation opens and closes on one line: curly double quotes, straight double quotes (paired
in order of appearance), corner brackets 「」『』 and guillemets. Single quotes are left out:
the same characters are apostrophes. One pass over the quote marks of the text (found by a
regex, so the cost is linear and in C for the text between them).
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

from ..._speed.regex import re_compile
from ...document.model import Document

_PAIRS = {"“": "”", "「": "」", "『": "』", "«": "»"}
_MARKS = '“”"「」『』«»'
SLOGAN_WORDS = 12     # a quotation this short is a slogan or a chant, quoted as written
_CLOSERS = frozenset(_PAIRS.values())


@cache
def _marks():
    return re_compile('[“”"「」『』«»\\n]')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the content of each quotation (marks excluded), in text order and not
    nested: an inner quotation is part of the outer one."""
    out: list[tuple[int, int]] = []
    opener = ""
    start = 0
    for m in _marks().finditer(text):
        c = m.group()
        if c == "\n":
            opener = ""                  # an unclosed quotation ends with its line
        elif not opener:
            if c in _PAIRS or c == '"':
                opener, start = c, m.end()
        elif (opener == '"' and c == '"') or (opener != '"' and c == _PAIRS.get(opener)):
            out.append((start, m.start()))
            opener = ""
        elif c not in _CLOSERS and c != '"':
            continue                     # an inner opener: the outer quotation goes on
    return out


class Quotes:
    """Which spans of a document lie inside one quotation."""

    def __init__(self, doc: Document) -> None:
        self.spans = quoted_spans(doc.text)
        self._starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The quotation holding text[start:end] whole, or None."""
        k = bisect_right(self._starts, start) - 1
        if k >= 0 and end <= self.spans[k][1]:
            return self.spans[k]
        return None


def quotes(doc: Document) -> Quotes:
    """The quotations of `doc`, found once per document."""
    return doc.memo("duplication.quotes", Quotes)


def in_slogan(doc: Document, start: int, end: int) -> bool:
    """text[start:end] (quote marks at its ends aside) lies in one quotation of SLOGAN_WORDS
    words or fewer: a slogan or a chant, whose repetitions are meant."""
    text = doc.text
    while start < end and text[start] in _MARKS:
        start += 1
    while end > start and text[end - 1] in _MARKS:
        end -= 1
    around = quotes(doc).around(start, end)
    return around is not None and len(text[around[0]:around[1]].split()) <= SLOGAN_WORDS
