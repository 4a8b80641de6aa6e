"""Lines written in headline style: title case ("Vision Group Opens Plant In Ordos") and
all capitals, and the place of a news dateline ("LHASA, Sept. 3 --"). Names in them carry
capitals of style, not of identity."""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

from ..._speed.regex import LazyRegex, re_compile
from ...document.model import Document
from ...text.lexicon import ARTICLES

MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 400
_TITLE_WORD = LazyRegex(r"(?<![\p{L}])\p{L}{4,}")


@cache
def _ascii_title_word():
    """_TITLE_WORD for ASCII lines (where \\p{L} is [A-Za-z]), on the faster stdlib engine."""
    return re_compile(r"(?<![A-Za-z])[A-Za-z]{4,}")


class TitleCaseLines:
    """Whether a line is written in title case (most longer words capitalised), per line,
    computed the first time a name is found on it. In plain text whose lines all end in
    \n (prose offsets are file offsets), the title-case lines are found up front instead
    (`spans`), long lines skipped unread."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.cache: dict[int, bool] = {}
        text = doc.text
        self.spans: list[tuple[int, int]] | None = None
        if getattr(doc.offsets, "identity", False) and "\r" not in text:
            self.spans = _title_case_spans(text)
            self.starts = [s for s, _ in self.spans]

    def at(self, offset: int) -> bool:
        if self.spans is not None:
            k = bisect_right(self.starts, offset) - 1
            return k >= 0 and offset < self.spans[k][1]
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


def _title_case_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of text (split at \n) in title case. A line longer than
    MAX_TITLE_CHARS without white space at either end cannot be one."""
    out = []
    s = 0
    n = len(text)
    while s <= n:
        e = text.find("\n", s)
        if e < 0:
            e = n
        if (e - s <= MAX_TITLE_CHARS or text[s].isspace() or text[e - 1].isspace()) \
                and is_title_case(text[s:e]):
            out.append((s, e))
        s = e + 1
    return out


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


def title_case_lines(doc: Document) -> set[int]:
    """Lines (1-based) written in title case."""
    return doc.memo("names.title_case_lines", lambda d: {
        d.line_of(span.start) for span in d.lines if is_title_case(d.text[span.start:span.end])})


def all_caps_lines(doc: Document) -> set[int]:
    """Lines (1-based) written in capitals only: a shouted headline, not acronyms."""
    return doc.memo("names.all_caps_lines", _all_caps)


def _all_caps(doc: Document) -> set[int]:
    out = set()
    for span in doc.lines:
        line = doc.text[span.start:span.end]
        if line.isupper() and sum(1 for c in line if c.isalpha()) >= 12:
            out.add(doc.line_of(span.start))
    return out


# the place of a dateline opening a line, in capitals, then a comma, a bracket or a dash
# ('LHASA, Sept. 3 --', 'BEIJING (Xinhua) --', 'NINGBO — ...'), as wire style writes it
_DATELINE_PLACE = LazyRegex(r"[A-Z][A-Z.'’ -]{1,40}(?=,|\s*[(（]|\s+--|\s*[—–])")


def in_dateline(text: str, start: int, end: int) -> bool:
    """text[start:end] is part of a dateline: the place in capitals that opens its line, or an
    agency's credit right before a dash near the start of the line ('Hanoi, VNA - ...')."""
    line = text.rfind("\n", 0, start) + 1
    m = _DATELINE_PLACE.match(text, line)
    if m is not None and start < m.end():
        return True
    return start - line < 40 and text[end:end + 3].lstrip()[:1] in ("-", "–", "—")
