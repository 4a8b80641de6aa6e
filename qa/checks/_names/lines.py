"""Lines written in headline style: title case ("Vision Group Opens Plant In Ordos") and
all capitals. Names in them carry capitals of style, not of identity."""
from __future__ import annotations

import re
from functools import cache

from .lazy import LazyPattern
from .lexicon import ARTICLES

MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 400
_TITLE_WORD = LazyPattern(r"(?<![\p{L}])\p{L}{4,}")


@cache
def _ascii_title_word():
    """_TITLE_WORD for ASCII lines (where \\p{L} is [A-Za-z]), on the faster stdlib engine."""
    return re.compile(r"(?<![A-Za-z])[A-Za-z]{4,}")


class TitleCaseLines:
    """Whether a line is written in title case (most longer words capitalised), per line,
    computed the first time a name is found on it."""

    def __init__(self, doc):
        self.doc = doc
        self.cache: dict[int, bool] = {}

    def at(self, offset: int) -> bool:
        line = self.doc.line_of(offset)
        if line not in self.cache:
            self.cache[line] = self._check(offset)
        return self.cache[line]

    def _check(self, offset: int) -> bool:
        text = self.doc.text
        s = text.rfind("\n", 0, offset) + 1
        e = text.find("\n", offset)
        e = len(text) if e < 0 else e
        return is_title_case(text[s:e])


def is_title_case(line: str) -> bool:
    """Headline style: most longer words capitalised and no sentence-final stop (a body
    sentence full of names still ends with one)."""
    line = line.strip()
    if len(line) > MAX_TITLE_CHARS or line.rstrip("\"'”’)").endswith((".", "!", "?", "。")):
        return False
    found = (_ascii_title_word().findall(line) if line.isascii()
             else _TITLE_WORD.findall(line))
    words = [w for w in found if w.lower() not in ARTICLES]
    return (3 <= len(words) <= MAX_TITLE_WORDS
            and sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words))


def title_case_lines(doc) -> set[int]:
    """Lines (1-based) written in title case."""
    return doc.memo("names.title_case_lines", lambda d: {
        d.line_of(span.start) for span in d.lines if is_title_case(d.text[span.start:span.end])})


def all_caps_lines(doc) -> set[int]:
    """Lines (1-based) written in capitals only: a shouted headline, not acronyms."""
    return doc.memo("names.all_caps_lines", _all_caps)


def _all_caps(doc) -> set[int]:
    out = set()
    for span in doc.lines:
        line = doc.text[span.start:span.end]
        if line.isupper() and sum(1 for c in line if c.isalpha()) >= 12:
            out.add(doc.line_of(span.start))
    return out
