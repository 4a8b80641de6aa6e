"""Matching the phrases and regexes of a rule pack, fast enough for a pre-commit hook.

Literal phrases (most of every pack) never become regexes: each pack puts them in one
token index, looked up word by word over the document's tokens (shared by every pack), so a
hundred phrases cost one pass over the words and nothing to compile. A phrase matches whole
tokens, with any white space between its words, as a word-bounded regex would.

Regex entries are compiled on first use, and a pattern only runs on a document that holds
one of its required literals (read off the pattern's parse tree), so a release pays for the
few patterns that can match it. Within a pack and scope, matches do not overlap: the
leftmost wins, then the earlier regex entry, then the longer phrase.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from ..._speed.records import field, record
from ..._speed.regex import REGEX_V0, re_compile, regex_compile
from ...document.model import Document
from ...text.patterns import literal_pattern
from ...text.slices import lower
from .. import builtin_triggers
from ..builtin_triggers import MISSING
from ..regex_guard import RUN_BUDGET, Budget
from .triggers import NON_ASCII, required_literals

SCOPES = ("text", "line", "title", "body")

_TOKEN = re_compile(r"[^\W_]+")
_SPACE_RUN = re_compile(r"\s+")
_IGNORECASE = re_compile(r"\(\?[a-zA-Z]*i[a-zA-Z]*[:)\-]")


@record(frozen=True)
class Entry:
    """One phrase or regex of one rule."""

    rule: str                   # rule code
    index: int                  # position in the rule's list, for its per-entry data
    source: str                 # literal phrase or regex source
    is_regex: bool
    case_sensitive: bool
    scope: str = "text"
    origin: str = ""            # "pack.toml:LINE" of a user's regex, for error messages


def entry_pattern(entry: Entry) -> str:
    if entry.is_regex:
        return entry.source if entry.case_sensitive else "(?i:" + entry.source + ")"
    return literal_pattern(entry.source, entry.case_sensitive)


def _norm_gap(gap: str) -> str:
    return _SPACE_RUN.sub(" ", gap).replace("’", "'")


class Found:
    """A match, with the part of the regex Match interface the check kinds use."""

    __slots__ = ("_m", "_shift", "_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str, m=None, shift: int = 0) -> None:
        self._start, self._end, self._text, self._m, self._shift = start, end, text, m, shift

    def start(self, group=0) -> int:
        if self._m is None or group == 0:
            return self._start
        s = self._m.start(group)
        return s + self._shift if s >= 0 else -1

    def end(self, group=0) -> int:
        if self._m is None or group == 0:
            return self._end
        e = self._m.end(group)
        return e + self._shift if e >= 0 else -1

    def span(self, group=0) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, *groups):
        if self._m is None:
            return self._text if not groups or groups == (0,) else None
        return self._m.group(*groups)

    def groups(self, default=None):
        return self._m.groups(default) if self._m is not None else ()

    def groupdict(self, default=None):
        return self._m.groupdict(default) if self._m is not None else {}


# ---- document-side data shared by every pack ------------------------------------------
def doc_lower(doc: Document) -> str:
    """doc.text.lower(), once per document (a slice at a time: see qa.text.slices)."""
    return doc.memo("lower-text", lambda d: lower(d.text))


# ---- literal phrases --------------------------------------------------------------------
_GAP_TOKEN = re_compile(r"([\W_]+)([^\W_]+)")


@record
class _Phrase:
    entry: Entry
    tokens: tuple[str, ...]      # as written, or lower-cased for a case-insensitive phrase
    gaps: tuple[str, ...]        # the separators between tokens, white space normalised
    prefix: str                  # non-token characters before the first token ("(" of "(End)")
    suffix: str
    rank: int                    # longer phrases first

    def match(self, text: str, i: int, first_end: int) -> int:
        """End of the phrase when it stands at text[i:] (its first token is text[i:first_end]),
        else -1. Token by token with one shared regex: no pattern per phrase to compile."""
        exact = self.entry.case_sensitive
        if exact and text[i:first_end] != self.tokens[0]:
            return -1
        pos = first_end
        for gap, token in zip(self.gaps, self.tokens[1:]):
            m = _GAP_TOKEN.match(text, pos)
            if m is None or _norm_gap(m.group(1)) != gap:
                return -1
            word = m.group(2)
            if (word if exact else word.lower()) != token:
                return -1
            pos = m.end()
        return pos


_PLAIN_PHRASE = re_compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


@lru_cache(maxsize=None)
def split_phrase(phrase: str):
    """(tokens, gaps, prefix, suffix) of a phrase, or None when it has no token at all; once
    per phrase and process (packs share phrases), plain ASCII words at once."""
    if _PLAIN_PHRASE.fullmatch(phrase):
        tokens = tuple(phrase.split(" "))
        return tokens, (" ",) * (len(tokens) - 1), "", ""
    spans = [m.span() for m in _TOKEN.finditer(phrase)]
    if not spans:
        return None
    tokens = tuple(phrase[s:e] for s, e in spans)
    gaps = tuple(_norm_gap(phrase[spans[i][1]:spans[i + 1][0]]) for i in range(len(spans) - 1))
    return tokens, gaps, phrase[:spans[0][0]].strip(), phrase[spans[-1][1]:].strip()


_NEXT_TOKEN = re_compile(r"[\W_]{1,8}?([^\W_]+)")


class PhraseIndex:
    """The literal phrases of one pack: one stdlib regex finds every place where a phrase's
    first word stands as a whole word; the word after it picks the candidate phrases, and
    each candidate is then compared there token by token."""

    def __init__(self, entries: list[tuple[Entry, tuple]]) -> None:
        """`entries`: each phrase entry with its split_phrase()."""
        # first word -> second word (None for one-word phrases) -> phrases, longest first
        self.table: dict[str, dict[str | None, list[_Phrase]]] = {}
        for e, (tokens, gaps, prefix, suffix) in entries:
            kept = tokens if e.case_sensitive else tuple(t.lower() for t in tokens)
            second = tokens[1].lower() if len(tokens) > 1 else None
            self.table.setdefault(tokens[0].lower(), {}).setdefault(second, []).append(
                _Phrase(e, kept, gaps, prefix, suffix, -len(e.source)))
        for by_second in self.table.values():
            for cands in by_second.values():
                cands.sort(key=lambda p: p.rank)
        self._first: dict[bool, re.Pattern] = {}

    def first(self, same_length: bool):
        """The regex of all first words: over the lower-cased text (fast: no case folding in
        the engine) when lowering kept every offset, else case-insensitive over the text."""
        if same_length not in self._first:
            alternatives = "|".join(map(re.escape, sorted(self.table, key=lambda w: (-len(w), w))))
            self._first[same_length] = (re_compile(r"\b(?:" + alternatives + r")\b") if same_length else
                                        re_compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.I))
        return self._first[same_length]

    def scan(self, doc: Document) -> Iterator[tuple[Entry, int, int]]:
        if not self.table:
            return
        text = doc.text
        lower = doc_lower(doc)
        same = len(lower) == len(text)
        table = self.table
        for m in self.first(same).finditer(lower if same else text):
            i = m.start()
            by_second = table[m.group().lower()]
            cands = by_second.get(None, [])
            if len(by_second) > 1 or None not in by_second:
                nxt = _NEXT_TOKEN.match(text, m.end())
                if nxt:
                    more = by_second.get(nxt.group(1).lower())
                    if more:
                        cands = sorted(more + cands, key=lambda p: p.rank) if cands else more
            for p in cands:
                e = p.match(text, i, m.end())
                if e < 0:
                    continue
                s = i
                if p.prefix:
                    s -= len(p.prefix)
                    if s < 0 or text[s:i] != p.prefix:
                        continue
                if p.suffix:
                    if text[e:e + len(p.suffix)] != p.suffix:
                        continue
                    e += len(p.suffix)
                yield p.entry, s, e


# ---- regex entries ------------------------------------------------------------------------
@record
class _Pattern:
    entry: Entry
    source: str
    trusted: bool = False        # a built-in pattern: the stdlib engine may run it
    _compiled: object = None
    _triggers: object = field(default=False)
    _exact: object = None

    @property
    def compiled(self):
        """The compiled pattern: the stdlib engine for a trusted pattern it can parse (faster
        to compile and run), else `regex`, whose timeout stops a runaway user pattern."""
        if self._compiled is None:
            if self.trusted:
                try:
                    self._compiled = re_compile(self.source)
                except re.error:
                    pass
            if self._compiled is None:
                self._compiled = regex_compile(self.source, REGEX_V0)
        return self._compiled

    def finditer(self, text: str, start: int = 0, end: int | None = None, budget: Budget | None = None):
        """Matches in text[start:end]. A user's pattern (run by `regex`) spends at most what is
        left of `budget` (one per pattern and document), then raises TimeoutError naming it."""
        end = len(text) if end is None else end
        pattern = self.compiled
        if isinstance(pattern, re.Pattern):
            return pattern.finditer(text, start, end)
        return self._bounded(pattern, text, start, end, budget or Budget())

    def _bounded(self, pattern, text: str, start: int, end: int, budget: Budget):
        try:
            for m in pattern.finditer(text, start, end, timeout=budget.left()):
                yield m
                if budget.spent():
                    raise TimeoutError
        except TimeoutError:
            where = f" ({self.entry.origin})" if self.entry.origin else ""
            raise TimeoutError(f"the regex '{self.entry.source[:60]}'{where} ran over "
                               f"{RUN_BUDGET:g} s on this document") from None

    @property
    def exact_case(self) -> bool:
        """Whether the triggers are to be found in the text as written (else lower-cased)."""
        if self._exact is None:
            self._exact = bool(self.entry.case_sensitive and not _IGNORECASE.search(self.entry.source))
        return self._exact

    @property
    def triggers(self):
        """Literals one of which every match contains (None: no filter); lower-cased unless
        the pattern is case-sensitive (see exact_case)."""
        if self._triggers is False:
            found = MISSING
            if self.trusted:             # a built-in pattern: worked out ahead of time
                found = builtin_triggers.known(self.entry.source, self.exact_case)
            self._triggers = (required_literals(self.entry.source, self.exact_case)
                              if found is MISSING else found)
        return self._triggers


def _lines_holding(doc: Document, haystack: str, triggers) -> list[tuple[int, int]]:
    """The document's trimmed lines that contain one of `triggers` (all lines for None)."""
    lines = doc.lines
    if triggers is None:
        return [(ln.start, ln.end) for ln in lines]
    starts = doc.memo("line-starts", lambda d: [ln.start for ln in d.lines])
    if NON_ASCII in triggers:
        return [(ln.start, ln.end) for ln in lines]
    chosen: set[int] = set()
    for t in triggers:
        k = haystack.find(t)
        while k >= 0:
            i = bisect_right(starts, k) - 1
            if i >= 0 and k + len(t) <= lines[i].end:
                chosen.add(i)
            k = haystack.find(t, k + 1)
    return [(lines[i].start, lines[i].end) for i in sorted(chosen)]


class Matcher:
    """The entries of one pack and scope: a phrase index plus lazily compiled patterns.

    Built on first use: a pack whose rules a run does not select costs its entries only."""

    def __init__(self, entries: list[Entry], trusted: bool = False) -> None:
        self.entries = list(entries)
        self._trusted = trusted
        self._index: tuple | None = None
        self._all_literals = None

    def _built(self) -> tuple:
        """(phrase index, patterns, pattern rank by entry id), made once."""
        if self._index is None:
            literal, patterns = [], []
            for e in self.entries:
                parts = None if e.is_regex else split_phrase(e.source)
                if parts is not None:
                    literal.append((e, parts))
                else:
                    patterns.append(_Pattern(e, entry_pattern(e), self._trusted))
            self._index = (PhraseIndex(literal), patterns,
                           {id(p.entry): i for i, p in enumerate(patterns)})
        return self._index

    @property
    def phrases(self) -> PhraseIndex:
        return self._built()[0]

    @property
    def patterns(self) -> list:
        return self._built()[1]

    @property
    def _order(self) -> dict:
        return self._built()[2]

    def _literals(self) -> tuple[list, list[str], list[str]]:
        """(each pattern with its triggers and case, exact-case literals, lower-case
        literals) of all patterns, computed once."""
        if self._all_literals is None:
            rows = [(p, p.triggers, p.exact_case) for p in self.patterns]
            exact = {x for _, triggers, ex in rows if triggers and ex for x in triggers}
            lower = {x for _, triggers, ex in rows if triggers and not ex for x in triggers}
            self._all_literals = (rows, sorted(exact), sorted(lower))
        return self._all_literals

    def candidates(self, text: str, lower_text: str) -> list[_Pattern]:
        """The patterns whose required literals occur in the text (as written or lower-cased)."""
        return [p for p, _ in self._candidates(text, lower_text)]

    def _candidates(self, text: str, lower_text: str) -> list[tuple[_Pattern, set[str]]]:
        """The candidate patterns, each with the literals of its case found in the text."""
        if not self.patterns:
            return []
        rows, exact, lower = self._literals()
        present_exact = {t for t in exact if t in text}
        present_lower = {t for t in lower if t in lower_text}
        if not text.isascii():
            present_exact.add(NON_ASCII)
            present_lower.add(NON_ASCII)
        return [(p, present_exact if ex else present_lower) for p, triggers, ex in rows
                if triggers is None or not triggers.isdisjoint(present_exact if ex else present_lower)]

    def run(self, doc: Document, scope: str = "text") -> list[tuple[Entry, Found]]:
        """Non-overlapping matches in the part of the document the scope names, in order."""
        text = doc.text
        lo, hi = 0, len(text)
        if scope == "title":
            if doc.title is None:
                return []
            lo, hi = doc.title.start, doc.title.end
        elif scope == "body":
            lo = doc.title.end if doc.title else 0
        found: list[tuple[int, int, int, Entry, Found]] = []
        for entry, s, e in self.phrases.scan(doc):
            if lo <= s and e <= hi and not (scope == "line" and ("\n" in text[s:e] or "\r" in text[s:e])):
                found.append((s, 0, -(e - s), entry, Found(s, e, text[s:e])))
        lower = doc_lower(doc)
        for p, present in self._candidates(text[lo:hi] if scope == "title" else text,
                                           lower[lo:hi] if scope == "title" else lower):
            rank = self._order[id(p.entry)]
            budget = Budget()          # one per pattern and document, all lines together
            if scope == "line":        # each trimmed line on its own: ^ and $ are its ends
                triggers = p.triggers  # only those found in the text need looking for by line
                if triggers is not None and NON_ASCII not in triggers:
                    triggers = [t for t in triggers if t in present]
                for a, b in _lines_holding(doc, text if p.exact_case else lower, triggers):
                    for m in p.finditer(text[a:b], budget=budget):
                        found.append((m.start() + a, -1, rank, p.entry,
                                      Found(m.start() + a, m.end() + a, m.group(), m, a)))
                continue
            for m in p.finditer(text, lo, hi, budget=budget):
                found.append((m.start(), -1, rank, p.entry, Found(m.start(), m.end(), m.group(), m)))
        found.sort(key=lambda f: f[:3])
        out = []
        last_end = -1
        for s, _, _, entry, f in found:
            if s < last_end:
                continue
            out.append((entry, f))
            last_end = f.end() if f.end() > s else s + 1
        return out

