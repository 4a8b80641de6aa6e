"""How the name mentions and acronym uses of a release are kept: compactly, since a long
release holds tens of thousands of capitalised words.

The text is cut into name regions (regions.py); what a region holds (its capitalised words
and its names) depends only on the region's text and a few facts about where it stands, so
one analysis of it (`RegionNames`, with offsets relative to the region's start) serves every
occurrence of it, in this release and in the next ones of a run (mentions.py caches them).
A release keeps, per region that holds anything, only its start offset (an integer array),
a reference to the shared analysis and one byte saying whether its line is in title case.

Rules walk `Mentions.occurrences()` and add the region's start to the relative offsets they
need; `Mention` and `Word` records with absolute offsets are made only when asked for
(`iter_names`, `iter_words`, `mention`), for the few names a rule reports or for tests.

Acronym uses (acronyms.py) are kept the same way: each as its word (the string the shared
analysis already holds) and three offsets in integer arrays, the few with a year beside
them keeping the year on the side; `Use` records are made when the uses are read.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter

from .records import record
from .tokens import Token, bare_of

_new = tuple.__new__
UNSET = object()            # NameShape.form not worked out yet


class Mention(record("Mention", "tokens head legal sentence_initial title_case in_title")):
    """One occurrence of a name with absolute offsets: its tokens, its head noun and where
    it stands (made on request from a NameShape and the start of its region)."""

    # tokens: tuple[Token, ...]
    # head: int | None  index of the head noun in tokens
    # legal: bool  carries a legal suffix (Co., Ltd, Inc)
    # sentence_initial: bool
    # title_case: bool  in a headline-style line where every word is capitalised
    # in_title: bool
    __slots__ = ()

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return name_end(self.tokens)


class Word(record("Word", "token sentence_initial title_case in_title")):
    """A capitalised word with absolute offsets and where it stands (made on request)."""

    # token: Token
    # sentence_initial: bool
    # title_case: bool
    # in_title: bool
    __slots__ = ()


class WordShape(record("WordShape", "text start end sentence_initial acronym")):
    """A capitalised word or acronym of a region; start and end relative to the region."""

    # text: str
    # start: int
    # end: int
    # sentence_initial: bool
    # acronym: bool  tokens.is_acronym(text)
    __slots__ = ()


def name_end(tokens) -> int:
    """Where a name ends: after its last token, a possessive ending left out."""
    last = tokens[-1]
    return last.end - 2 if last.text.endswith(("'s", "’s")) else last.end


class NameShape:
    """A name of a region: its tokens (offsets relative to the region), head noun index,
    legal suffix and whether it opens a sentence; `start`, `end` (possessive left out) and
    `last_end` (end of the last token) are relative too. `form` and `lower_key` are filled
    by the rules that need them, once per shape (a pure function of the tokens)."""

    __slots__ = ("tokens", "head", "legal", "sentence_initial", "start", "end", "last_end",
                 "form", "lower_key")

    def __init__(self, tokens: tuple[Token, ...], head: int | None, legal: bool,
                 sentence_initial: bool):
        self.tokens = tokens
        self.head = head
        self.legal = legal
        self.sentence_initial = sentence_initial
        self.start = tokens[0].start
        self.end = name_end(tokens)
        self.last_end = tokens[-1].end
        self.form = UNSET
        self.lower_key = None


class RegionNames:
    """What one region holds: its capitalised words (and, among them, the acronyms) and its
    names, in text order."""

    __slots__ = ("words", "acronyms", "names", "proper")

    def __init__(self, words: tuple[WordShape, ...], names: tuple[NameShape, ...]):
        self.words = words
        self.acronyms = tuple([w for w in words if w.acronym]) if words else ()
        self.names = names
        self.proper = None      # filled by spelling.py: its candidate words, once per region


EMPTY = RegionNames((), ())


class Mentions:
    """The names and capitalised words of a release: per region holding any, its start
    (`bases`, increasing), its shared analysis (`regions`) and whether its line is in title
    case (`title_case`, one byte each)."""

    __slots__ = ("bases", "regions", "title_case", "title_span")

    def __init__(self, title_span: tuple[int, int]):
        self.bases = array("q")
        self.regions: list[RegionNames] = []
        self.title_case = bytearray()
        self.title_span = title_span

    def occurrences(self):
        """(region start, RegionNames, title case 0/1) of every region, in text order."""
        return zip(self.bases, self.regions, self.title_case)

    def in_title(self, base: int) -> bool:
        """Whether the region starting at `base` starts in the headline."""
        return self.title_span[0] <= base < self.title_span[1]

    def word_texts(self) -> set[str]:
        """The texts of every capitalised word and acronym."""
        return {w.text for r in self.regions for w in r.words}

    def name_before(self, text: str, pos: int, floor: int) -> tuple[int, int] | None:
        """(start, end) of the name that ends just before `pos`, with only white space
        between, starting at `floor` or later: the last such name of the last region
        starting before `pos` (a name further back has that region's words in between)."""
        r = bisect_left(self.bases, pos) - 1
        if r < 0:
            return None
        base = self.bases[r]
        for shape in reversed(self.regions[r].names):
            end = base + shape.end
            if end > pos:
                continue
            if text[end:pos].strip():
                return None
            start = base + shape.start
            if floor <= start:
                return start, end
        return None

    # ---- records with absolute offsets, made on request --------------------------------
    def mention(self, base: int, shape: NameShape, title_case: bool) -> Mention:
        toks = tuple([_new(Token, (t.text, base + t.start, base + t.end, t.lower, t.bare))
                      for t in shape.tokens])
        return _new(Mention, (toks, shape.head, shape.legal, shape.sentence_initial,
                              bool(title_case), self.in_title(base)))

    def iter_names(self):
        """Every name as a Mention, in text order."""
        for base, found, tc in self.occurrences():
            for shape in found.names:
                yield self.mention(base, shape, tc)

    def iter_words(self, acronyms_only: bool = False):
        """Every capitalised word (or only the acronyms) as a Word, in text order."""
        for base, found, tc in self.occurrences():
            for w in (found.acronyms if acronyms_only else found.words):
                low = w.text.lower()
                tok = _new(Token, (w.text, base + w.start, base + w.end, low, bare_of(low)))
                yield _new(Word, (tok, w.sentence_initial, bool(tc), self.in_title(base)))


# ---- acronym uses --------------------------------------------------------------------
class Use(record("Use", "word start end word_start year year_first")):
    """An acronym-like word in the text, with the year written beside it if any."""

    # word: str
    # start: int  of the whole use, year included
    # end: int
    # word_start: int
    # year: str | None
    # year_first: bool
    __slots__ = ()

    @property
    def text_form(self) -> str:
        if not self.year:
            return self.word
        return f"{self.year} {self.word}" if self.year_first else f"{self.word} {self.year}"


class Uses:
    """Every acronym use of a release, in text order, read as Use records."""

    __slots__ = ("words", "starts", "ends", "word_starts", "years", "year_first", "_one")

    def __init__(self):
        self.words: list[str] = []
        self.starts = array("q")
        self.ends = array("q")
        self.word_starts = array("q")
        self.years: list[str | None] = []       # one string per distinct year (see _one)
        self.year_first = bytearray()
        self._one: dict[str, str] = {}

    def append(self, word: str, start: int, end: int, word_start: int, year: str | None,
               year_first: bool) -> None:
        self.words.append(word)
        self.starts.append(start)
        self.ends.append(end)
        self.word_starts.append(word_start)
        self.years.append(year if year is None else self._one.setdefault(year, year))
        self.year_first.append(year_first)

    def __len__(self) -> int:
        return len(self.words)

    def _use(self, i: int) -> Use:
        return _new(Use, (self.words[i], self.starts[i], self.ends[i], self.word_starts[i],
                          self.years[i], bool(self.year_first[i])))

    def __iter__(self):
        return map(self._use, range(len(self.words)))

    def of_words(self, wanted) -> list[Use]:
        """The uses whose word is in `wanted`, in text order."""
        if not wanted:
            return []
        return [self._use(i) for i, w in enumerate(self.words) if w in wanted]

    def with_year(self) -> list[Use]:
        """The uses with a year beside them, in text order."""
        return [self._use(i) for i, year in enumerate(self.years) if year is not None]

    def counts(self) -> Counter:
        """How many times each word is used."""
        return Counter(self.words)
