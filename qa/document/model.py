"""The Document: one release, built once per file and never changed.

Rules read a Document; none re-reads the file. All spans are offsets into `Document.text`,
the prose extracted from the file (for plain text the file itself); `Document.to_source`
maps them back into the file as given. Paragraphs, sentences, words and enumerations are
computed on first use, so a run whose rules never ask for sentences never splits them.
"""
from __future__ import annotations

from array import array
from collections import namedtuple
from collections.abc import Sequence
from functools import cached_property

from .._speed.records import field, record
from . import segment
from .lines import LineIndex
from .offsets import OffsetMap


class Span(namedtuple("Span", "start end")):
    """A half-open range [start, end) of prose offsets (a tuple: cheap to make by the million)."""
    # start: int
    # end: int
    __slots__ = ()


class SpanSeq(Sequence):
    """A read-only sequence of Spans backed by two integer arrays."""

    __slots__ = ("starts", "ends")

    def __init__(self, starts, ends) -> None:
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return SpanSeq(self.starts[index], self.ends[index])
        return Span(self.starts[index], self.ends[index])

    def __iter__(self):
        return map(Span, self.starts, self.ends)

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (SpanSeq, list, tuple)) else NotImplemented

    __hash__ = None


class Sentence(namedtuple("Sentence", "start end paragraph")):
    # start: int
    # end: int
    # paragraph: int  index into Document.paragraphs
    __slots__ = ()


@record(frozen=True, slots=True)
class Enumeration:
    """The items of one list: a comma series in a sentence, or consecutive markup list items."""

    items: tuple[Span, ...]
    sentence: int | None    # index into Document.sentences; None for markup lists


@record(frozen=True, slots=True)
class Directive:
    """An inline suppression comment: release-qa: disable=CODE, enable=..., disable-next-line=..."""

    action: str             # disable | enable | disable-next-line | disable-file
    selectors: tuple[str, ...]   # empty: every rule
    line: int               # 1-based line of the directive in the file
    start: int              # source offsets of the directive text
    end: int


@record(frozen=True, eq=False)
class Document:
    """A release as the rules see it."""

    path: str
    source: str                     # the decoded file as given
    text: str                       # the prose; equal to `source` for plain text
    format: str                     # text | markdown | html
    offsets: OffsetMap
    title_span: Span | None = None
    list_items: tuple[Span, ...] = ()   # items of markup lists (Markdown "- x", HTML <li>)
    directives: tuple[Directive, ...] = ()
    encoding: str = "utf-8"
    _cache: dict = field(default_factory=dict, repr=False, compare=False)
    # bilingual mode: the Chinese original as a Document of its own, and, for a bilingual file
    # (XLIFF, TMX), the aligned segment pairs as ((en_start, en_end), (zh_start, zh_end)) spans
    # of the two Documents' prose
    source_doc: Document | None = field(default=None, repr=False, compare=False)
    pairs: tuple | None = field(default=None, repr=False, compare=False)
    # a section after the first of a very long release, checked on its own (qa.sections): it
    # starts no release, so it has no headline (title_span None) and no head of the news
    continued: bool = False

    # ---- positions -------------------------------------------------------------------
    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.source)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the prose span [start, end)."""
        return self.offsets.span(start, end)

    def position(self, prose_offset: int) -> tuple[int, int]:
        """(line, column) in the file of a prose offset."""
        return self.line_index.position(self.offsets.start(prose_offset))

    def line_of(self, prose_offset: int) -> int:
        return self.line_index.line_of(self.offsets.start(prose_offset))

    def slice(self, span) -> str:
        """The prose of a Span, Sentence or (start, end) pair."""
        return self.text[span[0]:span[1]]

    # ---- structure -------------------------------------------------------------------
    @cached_property
    def title(self) -> Span | None:
        return self.title_span

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        return tuple(map(Span._make, segment.paragraphs(self.text)))

    @cached_property
    def lines(self) -> tuple[Span, ...]:
        """Non-blank prose lines, trimmed of surrounding white space."""
        return tuple(map(Span._make, segment.lines(self.text)))

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out = []
        for index, para in enumerate(self.paragraphs):
            for s, e in segment.sentences(self.text, para.start, para.end):
                out.append(Sentence(s, e, index))
        return tuple(out)

    @cached_property
    def word_bounds(self) -> tuple[array, array]:
        """(starts, ends) of every word, as compact integer arrays (8 bytes a word)."""
        return segment.word_bounds(self.text)

    @cached_property
    def words(self) -> "SpanSeq":
        """Every word as a Span, made on access from `word_bounds` (a large release has
        millions of words: a tuple of Spans would cost over 100 bytes each)."""
        return SpanSeq(*self.word_bounds)

    @cached_property
    def word_count(self) -> int:
        if "word_bounds" in self.__dict__ and self.text.isascii():  # the same words, counted
            return len(self.word_bounds[0])
        return segment.count_words(self.text)

    @cached_property
    def enumerations(self) -> tuple[Enumeration, ...]:
        out = []
        for index, sent in enumerate(self.sentences):
            for items in segment.enumerations(self.text, sent.start, sent.end):
                out.append(Enumeration(tuple(Span(s, e) for s, e in items), index))
        for run in segment.group_adjacent(self.text, [(i.start, i.end) for i in self.list_items]):
            if len(run) >= 2:
                out.append(Enumeration(tuple(Span(s, e) for s, e in run), None))
        return tuple(out)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing a prose offset, or None."""
        from bisect import bisect_right
        starts = self._cache.get("sentence_starts")
        if starts is None:
            starts = [s.start for s in self.sentences]
            self._cache["sentence_starts"] = starts
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset < self.sentences[k].end:
            return k
        return None

    def forget_derived(self) -> None:
        """Let go of everything computed from the text on demand (memos, paragraphs, lines,
        sentences, words, enumerations) but the line index, the title and the word count.
        Each is computed again, the same, when next asked for: the engine calls this between
        rule families on a very long release, so that one family's tables are not held
        while the next builds its own."""
        self._cache.clear()
        for name in _DERIVED.intersection(self.__dict__):
            del self.__dict__[name]

    def memo(self, key: str, compute):
        """Document-wide value computed once and shared by every rule that asks for it.

        For derived data several rules need (name mentions, acronym definitions): the key
        names the value, `compute(doc)` builds it. Rules stay pure: the value depends on
        the document only.
        """
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = compute(self)
            return value


_DERIVED = frozenset({"paragraphs", "lines", "sentences", "word_bounds", "words", "enumerations"})
