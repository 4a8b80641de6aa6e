"""A Chinese name written wholly in lower case ('li jianguo said', 'according to wang fang').

Two lower-case words, a pinyin surname and a one- or two-syllable pinyin given name, are
reported only where the text says a person stands there: a speech verb right after the
name, 'according to', 'said' or a job title right before it, or a comma and a job title
after it.
English words that spell pinyin ('he', 'long', 'fan', 'an ai model') are filtered twice:
the given name may not be an English word, and the context must name a person. A pair
after another lower-case word that is neither a function word nor a title may be the end of
a longer name ('leong weng kei') and is left alone, as is one before a third pinyin word. One regex
pass over the text finds the candidates; each is then checked in constant time.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.chars import stdlib
from ...text.pinyin import SURNAMES, syllable_count
from ...text.words import STOP_WORDS
from .data import ENGLISH_ONE_SYLLABLE, ENGLISH_TWO_SYLLABLE


class _Re:
    """A fixed pattern compiled in the stdlib `re` on first use (see qa.text.chars.stdlib)."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source

    def __getattr__(self, name: str):
        return getattr(stdlib(self.source), name)


_LOWER_SURNAMES = sorted({s.lower() for s in SURNAMES}, key=lambda s: (-len(s), s))
# a lower-case surname and the lower-case word after it, not inside a longer token
_PAIR = _Re(
    r"(?<![\w'’@./\\-])(?P<sur>" + "|".join(_LOWER_SURNAMES) + r")[ \t](?P<given>[a-z]{1,12})"
    r"(?![\w'’@-])")
_SPEECH = _Re(
    r"[ \t]+(?:said|says|stated|noted|added|told|explained|stressed|emphasi[sz]ed|pointed out"
    r"|remarked|announced|introduced|urged|revealed|commented|disclosed|believes|believed)\b")
_TITLES = (r"chairman|chairwoman|chairperson|president|director|secretary|governor|mayor"
           r"|minister|premier|professor|prof\.|dr\.|mr\.|mrs\.|ms\.|dean|academician"
           r"|spokesperson|spokesman|spokeswoman|manager|ceo|founder|researcher|engineer"
           r"|ambassador|consul|commissioner|reporter|correspondent|principal|doctor")
_TITLE_BEFORE = _Re(r"(?i:\b(?:according to|said|says|" + _TITLES + r"))[ \t]+$")
_TITLE_AFTER = _Re(
    r",[ \t]+(?:(?:the|a|an)[ \t]+)?(?i:(?:deputy|vice|executive|general|party|chief|head"
    r"|" + _TITLES + r"))\b")
_LEAD_WORD = _Re(r"said|says|told|asked|" + _TITLES)
_WORD_BEFORE = _Re(r"(?<![\w'’-])([a-z]+)[ \t]+$")
_WORD_AFTER = _Re(r"[ \t]+([a-z]+)(?![\w'’-])")
_LOOK = 40          # characters of context read on each side


def _looks_english(word: str) -> bool:
    """An English word that happens to spell one or two pinyin syllables."""
    return (word in ENGLISH_ONE_SYLLABLE or word in ENGLISH_TWO_SYLLABLE or word.endswith("er")
            or (syllable_count(word) == 2 and word.endswith(("e", "es", "ed"))))


def _name_part(word: str) -> bool:
    """A lower-case word that could continue a pinyin name (so the pair is not the whole)."""
    return 0 < syllable_count(word) <= 2 and not _looks_english(word)


def _context(text: str, start: int, end: int) -> str | None:
    """What tells that text[start:end] names a person, or None."""
    after = text[end:end + _LOOK]
    before = text[max(0, start - _LOOK):start]
    if _SPEECH.match(after):
        return "a speech verb follows it"
    if _TITLE_AFTER.match(after):
        return "a job title follows it"
    m = _TITLE_BEFORE.search(before)
    if m:
        lead = m.group(0).strip().lower()
        if lead.startswith("according"):
            return "it follows 'according to'"
        return "it follows 'said'" if lead.startswith("sa") else "a job title stands before it"
    return None


def lower_case_full_name(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    text = doc.text
    for m in _PAIR.finditer(text):
        surname, given = m.group("sur"), m.group("given")
        n = syllable_count(given)
        if not 1 <= n <= 2 or _looks_english(given):
            continue
        prev = _WORD_BEFORE.search(text[max(0, m.start() - _LOOK):m.start()])
        if prev and prev.group(1) not in STOP_WORDS and not _LEAD_WORD.fullmatch(prev.group(1)):
            continue            # 'leong weng kei', 'xin li jianguo': the name may start earlier
        nxt = _WORD_AFTER.match(text, m.end())
        if nxt and _name_part(nxt.group(1)):
            continue            # 'wang xiao ming': the given name goes on
        why = _context(text, m.start(), m.end())
        if why is None:
            continue
        fixed = f"{surname.capitalize()} {given.capitalize()}"
        yield Hit(m.start(), m.end(),
                  f"'{m.group(0)}' is a Chinese name ({why}) written in lower case: both the "
                  f"surname and the given name take a capital, '{fixed}'",
                  suggestion=fixed, fix=fixed)
