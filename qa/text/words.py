"""Word-level helpers for the duplication and headline rules: tokens, stop words, doubles.

Tokens are the words of `qa.document.segment.WORD` (letters and digits with inner
apostrophes, dots, hyphens and ampersands), so "real-time" and "U.S" are one token each.
"""
from __future__ import annotations

from collections import namedtuple

from ..document.segment import WORD

# English function words: articles, pronouns, auxiliaries, prepositions, conjunctions.
STOP_WORDS = frozenset("""
a an the and or but nor so yet for of to in on at by as from with into onto upon over under
about above below after before between among through during without within across along
around against toward towards via per than then that this these those there here which who
whom whose what when where why how whether if while because although though since until
unless also not no only just very more most less least much many some any each every all
both either neither other another such same own few several is are was were be been being
am has have had having do does did doing will would shall should can could may might must
it its it's they them their theirs he him his she her hers we us our ours you your yours i
me my mine one ones itself themselves himself herself ourselves etc
""".split())

# Words whose doubling is grammatical ("she had had enough", "he said that that plan").
GRAMMATICAL_DOUBLES = ("had", "that")
# Reduplicated interjections and idioms that are written with a space.
REDUPLICATIVES = frozenset("bye ha tut chop knock yeah no so pooh boo hush".split())


class Token(namedtuple("Token", "start end text key")):
    # start: int
    # end: int
    # text: str
    # key: str    the case-folded text
    __slots__ = ()


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of text[start:end]."""
    spans = [m.span() for m in WORD.finditer(text, start, end)]
    words = [text[s:e] for s, e in spans]
    return list(map(Token._make, zip(*zip(*spans), words, map(str.casefold, words)))) if spans else []


def is_number(word: str) -> bool:
    return any(map(str.isdigit, word)) and not any(map(str.isalpha, word))


def is_content(word: str) -> bool:
    """A word that carries meaning: not a function word, not a bare number, 2+ letters."""
    low = word.casefold()
    return low not in STOP_WORDS and not is_number(word) and sum(map(str.isalpha, word)) >= 2


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def blank_gap(text: str, end: int, start: int, same_sentence: bool) -> bool:
    """True when text[end:start] is white space only, with a line break only inside a sentence
    (a hard-wrapped paragraph), never between a heading or list item and the next line."""
    gap = text[end:start]
    if gap.strip(" \t\u00a0\u3000\r\n"):
        return False
    return same_sentence or not any(c in "\r\n" for c in gap)


def doubled_word_allowed(first: str, second: str, allowed: tuple[str, ...]) -> bool:
    """A doubling that is grammatical, a number pair, a reduplicated name or an interjection."""
    low = second.casefold()
    if low in allowed or low in REDUPLICATIVES or is_number(second):
        return True
    # "Lang Lang", "Bora Bora", "Xiang Xiang": capitalised doubles of content words are names
    return is_capitalised(first) and is_capitalised(second) and low not in STOP_WORDS
