"""Headline tokens and the evidence for telling a common word from a name.

A capital in a sentence-case headline marks a name; in a title-case headline every
content word has one. Whether a capitalised headline word is a name is decided from the
release itself: a word the body writes in lower case (and never capitalised mid-sentence)
is a common word; a word the body capitalises mid-sentence is a name. Words the body does
not use fall back to a short list of everyday words that are never names on their own.
The body is asked about a word only when a rule needs it (`Usage`), and the headline's
tokens, words and extent are worked out once per document.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import namedtuple
from functools import cache, lru_cache
from operator import attrgetter

from ..._speed.regex import CompiledPattern, regex_compile
from ...document.model import Document
from ...text.tokens import sentence_words, tokens_between
from ...text.words import STOP_WORDS, Token, tokens
from .parts import headline_extent

# Everyday words that slogans and headlines capitalise but that name nothing on their own.
COMMON_WORDS = frozenset("""
digital future smart green new open shared together connect connects connected everything
world life better high quality development innovation innovative intelligent intelligence
technology technologies industry industrial economy economic growth opportunity
opportunities progress win-win cooperation common prosperity dream dreams era age journey
power powered empower empowering energy vision vitality vibrant beautiful happy healthy
safe secure sustainable modern modernization future-oriented global local city cities
people service services value values trust spirit creative creativity culture cultural
launch launches launched open opens opened hold holds held sign signs signed host hosts
hosted start starts started kick kicks unveil unveils unveiled release releases released
celebrate celebrates celebrated reach reaches reached achieve achieves achieved build
builds built create creates created lead leads leading promote promotes promoted boost
boosts boosted drive drives driving accelerate accelerates accelerating deepen deepens
officially successfully grandly jointly fully first next best great grand big bright
leap forward step steps road path way ways heart hearts hand hands mind minds home homes
everyone everybody all-round comprehensive key core strong stronger new-era high-quality
""".split())

# Titles and offices: capitalised before or beside a name even in sentence case.
TITLE_WORDS = frozenset("""
president vice chairman chairwoman chair minister prime premier secretary general director
deputy mayor governor ambassador consul chief executive officer ceo cfo cto founder
professor dr mr mrs ms party committee council congress
""".split())



@cache
def _separators() -> CompiledPattern:
    return regex_compile(r"[:;|!?()\[\]\"“”‘’«»–—︱｜]|\s-+\s|\s-|-\s|,")


_START = attrgetter("start")


class Word(namedtuple("Word", "token kind first")):
    # token: Token
    # kind: str     C capitalised | l lower-case content | s stop word | n neutral
    # first: bool   opens the headline or a part after a separator
    __slots__ = ()


@lru_cache(maxsize=1024)
def _separates(gap: str) -> bool:
    """The text between two headline words holds a separator (most gaps are one space)."""
    return bool(_separators().search(gap))


@lru_cache(maxsize=16384)
def classify(text: str) -> str:
    """C, l, s or n (numbers, acronyms, mixed case such as 'iPhone', single letters)."""
    low = text.casefold()
    if low in STOP_WORDS:
        return "s"
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or any(c.isdigit() for c in text):
        return "n"
    head = text.split("-")[0] or text
    if all(c.isupper() for c in letters):
        return "n"                          # acronym (EU, WIOT) or all capitals
    if head[:1].isupper():
        return "C" if head[1:] == head[1:].lower() else "n"
    return "l" if head == head.lower() else "n"


def span_tokens(doc: Document, start: int, end: int) -> list[Token]:
    """The tokens of doc.text[start:end], once per document and range (the headline rules
    tokenise the headline, or the whole title line, several times)."""
    return doc.memo(f"title.tokens:{start}:{end}", lambda d: tokens_between(d, start, end))


def headline_words(text: str, start: int, end: int, toks: list[Token] | None = None) -> list[Word]:
    """The words of the headline text[start:end] with their case class."""
    out = []
    toks = tokens(text, start, end) if toks is None else toks
    for i, tok in enumerate(toks):
        first = i == 0 or _separates(text[toks[i - 1].end:tok.start])
        out.append(Word(tok, classify(tok.text), first))
    return out


def headline(doc: Document) -> list[Word] | None:
    """The words of the headline (without site tail or pipe label), once per document; None
    when the document has no headline."""
    def compute(d):
        extent = headline_extent(d)
        return None if extent is None else headline_words(d.text, *extent, span_tokens(d, *extent))
    return doc.memo("title.words", compute)


def parts(words: list[Word], text: str) -> list[list[Word]]:
    """The headline cut at separators (colon, dash, pipe, comma, quotes)."""
    out: list[list[Word]] = []
    for w in words:
        if w.first or not out:
            out.append([])
        out[-1].append(w)
    return out


class Usage:
    """How the body (everything but the headline) writes words: in lower case somewhere,
    capitalised mid-sentence somewhere. Worked out for a word the first time a rule asks
    (one scan of that word's occurrences, stopping once both are seen)."""

    def __init__(self, doc: Document) -> None:
        self._text = doc.text
        self._sw = sentence_words(doc)
        self._title_lo, self._title_hi = _title_word_range(doc, self._sw)
        self._known: dict[str, tuple[bool, bool]] = {}
        self._opens: dict[str, bool] = {}

    def writes_lower(self, key: str) -> bool:
        return self._of(key)[0]

    def capitalises(self, key: str) -> bool:
        return self._of(key)[1]

    def opens_sentence_lower(self, key: str) -> bool:
        """The body starts a sentence with the word in lower case ('vivo was founded in
        2009'): a name styled in lower case, which no case style capitalises."""
        known = self._opens.get(key)
        if known is None:
            text, sw = self._text, self._sw
            bounds, sentence_of = sw.bounds, sw.sentence_of
            known = self._opens[key] = any(
                i == bounds[sentence_of[i]][0] and not self._title_lo <= i < self._title_hi
                and text[sw.starts[i]:sw.ends[i]][:1].islower() for i in sw.occurrences(key))
        return known

    def _of(self, key: str) -> tuple[bool, bool]:
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._scan(key)
        return known

    def _scan(self, key: str) -> tuple[bool, bool]:
        text, sw = self._text, self._sw
        starts, ends, sentence_of, bounds = sw.starts, sw.ends, sw.sentence_of, sw.bounds
        lower = capital = False
        for i in sw.occurrences(key):
            if self._title_lo <= i < self._title_hi:
                continue
            kind = classify(text[starts[i]:ends[i]])
            if kind == "l":
                lower = True
            elif kind == "C" and not capital and i > bounds[sentence_of[i]][0] \
                    and not text[ends[i - 1]:starts[i]].strip(" ").endswith((":", "“", '"')):
                capital = True
            if lower and capital:
                break
        return lower, capital


def _title_word_range(doc: Document, sw) -> tuple[int, int]:
    """The word indexes of the sentences that start inside the title (an empty range when
    there is no title)."""
    title = doc.title
    if title is None:
        return 0, 0
    first = bisect_left(doc.sentences, title.start, key=_START)
    last = bisect_left(doc.sentences, title.end, first, key=_START)
    if last <= first:
        return 0, 0
    return sw.bounds[first][0], sw.bounds[last - 1][1]


def headline_usage(doc: Document, words: list[Word] | None = None) -> Usage:
    """Body usage of the words of the headline (the capitalised ones are asked about)."""
    return doc.memo("title.usage", Usage)


def is_common(word: str, usage: Usage, strict: bool = False) -> bool:
    """A capitalised headline word that names nothing: the body writes it in lower case only,
    or (unless `strict`) the body does not use it and it is an everyday word."""
    low = word.casefold()
    if low in TITLE_WORDS or usage.capitalises(low):
        return False
    return (not strict and low in COMMON_WORDS) or usage.writes_lower(low)
