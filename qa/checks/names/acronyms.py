"""Acronyms and short forms: where a release defines them and where it uses them.

Definitions recognised:
- "Long Name (ACR)" and "Long Name (“ACR 2021”)": the letters of ACR must appear, in order,
  in the words before the bracket, the first letter at the start of the name's first word
  (the Schwartz-Hearst test); the long form starts at that word.
- "ACR (Long Name)": the same test the other way round.
- "Long Name (hereinafter referred to as “X”)", "(hereinafter X)", "(referred to as X)",
  "(abbreviated as X)": X is the short form of the name before the bracket, whatever its
  letters.

A use is an acronym-like word (two or more capitals: WIOT, IoT, U.S.), with a year written
next to it when there is one ("WIOT 2021", "2021 WIOT"). Words on all-capital lines are not
uses (a shouted headline is not an acronym).
"""
from __future__ import annotations

import re
from functools import cache

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...text.lexicon import GENERIC_ACRONYMS
from .lines import all_caps_lines
from .mentions import mentions
from .records import record
from .store import Use, Uses
from .tokens import acronym_letters, is_acronym, is_year, tokenize

__all__ = ["Acronyms", "Definition", "Use", "Uses", "acronyms", "is_generic"]

MEMO_KEY = "names.acronyms"
_PAREN = r"[(（]([^()（）\n]{1,160})[)）]"     # literal characters only: stdlib `re`
_ASCII_PAREN = r"\(([^()（）\n]{1,160})[)）]"   # the same where no "（" is written
_QUOTES = "\"'“”‘’「」《》"
_SHORT_FORM_INTRO = LazyRegex(
    r"(?:hereinafter|hereafter)\s*(?:(?:referred\s+to|called|named|known|abbreviated)\s+as"
    r"\s+)?|(?:referred\s+to|abbreviated|known|called)\s+as\s+", re.I)
# The first word of every _SHORT_FORM_INTRO (folded the way re.I folds ASCII letters).
_INTRO_WORDS = ("hereinafter", "hereafter", "referred", "abbreviated", "known", "called")
_ACRONYM_SHORT = LazyRegex(
    r"^(?:(?:19|20)\d\d\s+)?[\p{L}][\p{L}\p{N}.&\-]*(?:[\s\-]?(?:19|20)\d\d)?$")
MAX_EXTRA_WORDS = 5


class Definition(record("Definition",
                         "short short_start short_end long_start long_end kind")):
    """A short form and the long form it stands for, with their prose offsets."""

    # short: str  the short form as written: "WIOT 2021", "CAICT"
    # short_start: int
    # short_end: int
    # long_start: int
    # long_end: int
    # kind: str  acronym | reverse | hereinafter
    __slots__ = ()

    @property
    def acronym(self) -> str | None:
        """The acronym word of the short form ('WIOT' of 'WIOT 2021'), if it has one."""
        words = [w for w in self.short.split() if not is_year_text(w)]
        return words[0] if len(words) == 1 and is_acronym(words[0]) else None


class Acronyms(record("Acronyms", "definitions uses")):
    """Every definition and every acronym-like word of a release."""

    # definitions: tuple[Definition, ...]
    # uses: Uses  (read as Use records)
    __slots__ = ()


def is_year_text(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


@cache
def _generic_letters() -> frozenset[str]:
    return frozenset(acronym_letters(a) for a in GENERIC_ACRONYMS)


def is_generic(word: str) -> bool:
    return acronym_letters(word) in _generic_letters() or word in GENERIC_ACRONYMS


def acronyms(doc: Document) -> Acronyms:
    return doc.memo(MEMO_KEY, _analyse)


def _analyse(doc: Document) -> Acronyms:
    return Acronyms(tuple(_definitions(doc)), _uses(doc))


# ---- definitions ---------------------------------------------------------------------
def _definitions(doc: Document) -> list[Definition]:
    out = []
    text = doc.text
    # A pattern that starts with one literal is searched for much faster.
    for m in re.finditer(_PAREN if "（" in text else _ASCII_PAREN, text):
        inner_start, inner_end = m.span(1)
        sent = doc.sentence_at(m.start())
        floor = doc.sentences[sent].start if sent is not None else 0
        d = (_short_form_definition(doc, m, floor)
             or _acronym_definition(text, m, floor)
             or _reverse_definition(text, m, floor))
        if d:
            out.append(d)
    return out


def _strip_quotes(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in _QUOTES or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in _QUOTES or text[e - 1].isspace()):
        e -= 1
    return s, e


def _short_form_definition(doc: Document, m, floor: int) -> Definition | None:
    text = doc.text
    s, e = m.span(1)
    if not text[s:s + 11].casefold().startswith(_INTRO_WORDS):
        return None                 # cheap test first: the pattern is compiled on first use
    intro = _SHORT_FORM_INTRO.match(text, s, e)
    if not intro or intro.end() == s:
        return None
    ss, se = _strip_quotes(text, intro.end(), e)
    if text[ss:ss + 4].lower() == "the ":
        ss += 4
    if se <= ss:
        return None
    long = _name_before(doc, m.start(), floor)
    if long is None:
        return None
    return Definition(text[ss:se], ss, se, long[0], long[1], "hereinafter")


def _name_before(doc: Document, pos: int, floor: int) -> tuple[int, int] | None:
    """The name mention that ends just before `pos` (only white space between)."""
    return mentions(doc).name_before(doc.text, pos, floor)


def _acronym_definition(text: str, m, floor: int) -> Definition | None:
    ss, se = _strip_quotes(text, *m.span(1))
    short = text[ss:se]
    if not _ACRONYM_SHORT.match(short):
        return None
    word = next((w for w in short.replace("-", " ").split() if not is_year_text(w)), "")
    if not is_acronym(word):
        return None
    start = long_form_start(acronym_letters(word), text, floor, m.start())
    if start is None:
        return None
    end = m.start()
    while end > start and text[end - 1].isspace():
        end -= 1
    return Definition(short, ss, se, start, end, "acronym")


def _reverse_definition(text: str, m, floor: int) -> Definition | None:
    """'ITU (International Telecommunication Union)'."""
    toks = tokenize(text, _after_last_space(text, floor, m.start()), m.start())
    if not toks or text[toks[-1].end:m.start()].strip() or not is_acronym(toks[-1].text):
        return None
    acr = toks[-1]
    ls, le = _strip_quotes(text, *m.span(1))
    if long_form_start(acronym_letters(acr.text), text, ls, le) != ls:
        return None
    return Definition(acr.text, acr.start, acr.end, ls, le, "reverse")


def long_form_start(letters: str, text: str, floor: int, end: int) -> int | None:
    """Start of the words before `end` whose letters spell `letters` (Schwartz-Hearst)."""
    if len(letters) < 2:
        return None
    words = _last_tokens(text, floor, end, min(len(letters) + MAX_EXTRA_WORDS, 2 * len(letters)))
    if not words:
        return None
    base = words[0].start
    window = text[base:end].lower()
    starts = {w.start - base for w in words}
    li = len(window) - 1
    for k in range(len(letters) - 1, -1, -1):
        c = letters[k]
        while li >= 0 and (window[li] != c or (k == 0 and li not in starts)):
            li -= 1
        if li < 0:
            return None
        li -= 1
    li += 1
    while li not in starts:
        li -= 1
    start = base + li
    return start if text[start].isupper() else None


def _after_last_space(text: str, floor: int, end: int) -> int:
    """Where to start tokenising to get the last word of text[floor:end] and what follows
    it: just after the last space before that word (no token holds a space, so the tokens
    from there are those of tokenising from floor)."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return max(floor, text.rfind(" ", floor, end) + 1)


def _last_tokens(text: str, floor: int, end: int, count: int) -> list:
    """The last `count` tokens of text[floor:end], tokenising only as far back as needed
    (from just after a space, which no token holds)."""
    start = end
    for _ in range(count + 1):
        start = text.rfind(" ", floor, start)
        if start < 0:
            break
    if start >= 0:
        words = tokenize(text, start + 1, end)
        if len(words) >= count:
            return words[-count:]
    return tokenize(text, floor, end)[-count:]


# ---- uses ----------------------------------------------------------------------------
def _uses(doc: Document) -> Uses:
    shouted = all_caps_lines(doc)
    out = Uses()
    text = doc.text
    for base, found, _ in mentions(doc).occurrences():
        for w in found.acronyms:
            w_start = base + w.start
            if is_year(w) or doc.line_of(w_start) in shouted:
                continue
            word = w.text[:-2] if w.text.endswith(("'s", "’s")) else w.text   # "HPL's"
            start, end, year, first = w_start, w_start + len(word), None, False
            after = _year_next(text, end)
            before = _year_prev(text, w_start)
            if after:
                end, year = after
            elif before:
                start, year, first = before[0], text[before[0]:before[1]], True
            out.append(word, start, end, w_start, year, first)
    return out


_YEAR_AFTER = LazyRegex(r"[ \-]?((?:19|20)\d\d)(?![\p{L}\p{N}])")
_YEAR_BEFORE = LazyRegex(r"(?<![\p{L}\p{N}])((?:19|20)\d\d)[ \-]?$")


def _year_next(text: str, pos: int) -> tuple[int, str] | None:
    m = _YEAR_AFTER.match(text, pos)
    return (m.end(), m.group(1)) if m else None


def _year_prev(text: str, pos: int) -> tuple[int, int] | None:
    m = _YEAR_BEFORE.search(text, max(0, pos - 6), pos)
    return m.span(1) if m else None
