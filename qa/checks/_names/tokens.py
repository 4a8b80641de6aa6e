"""Tokens of a sentence as the name detectors see them, and how each token looks.

A token keeps its prose offsets. Abbreviation periods ("Co.", "Ltd.", "U.S.") belong to the
token; a sentence-final period does not.
"""
from __future__ import annotations

from collections import namedtuple


from .lazy import LazyPattern
from .lexicon import CONNECTORS, LEGAL_SUFFIXES

TOKEN = LazyPattern(r"[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-&.](?=[\p{L}\p{N}]))*")
YEAR = LazyPattern(r"(?:19|20)\d\d")
INITIALS = LazyPattern(r"(?:\p{L}\.)+\p{L}")
POSSESSIVE = ("'s", "’s")


class Token(namedtuple("Token", "text start end")):
    """A word with its prose offsets [start, end)."""

    # text: str
    # start: int
    # end: int
    __slots__ = ()

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """Lower case, without a possessive ending or an abbreviation period."""
        low = self.text.lower()
        if low.endswith(POSSESSIVE):
            low = low[:-2]
        return low.rstrip(".")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end]; a period after a legal suffix or initials joins the token."""
    out = []
    for m in TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = m.group(0)
        if e < len(text) and text[e] == "." and (word.lower() + "." in LEGAL_SUFFIXES
                                           or INITIALS.fullmatch(word)):
            e += 1
            word = text[s:e]
        out.append(Token(word, s, e))
    return out


def is_year(tok: Token) -> bool:
    return bool(YEAR.fullmatch(tok.text))


def is_connector(tok: Token) -> bool:
    return tok.lower in CONNECTORS


def is_capitalised(tok: Token) -> bool:
    """Starts with a capital, or is a number joined to letters (5G), or iPhone-style."""
    t = tok.text
    if t[0].isupper():
        return True
    if t[0].isdigit():
        return any(c.isalpha() for c in t)
    return t[0].islower() and any(c.isupper() for c in t[1:])


def is_acronym(word: str) -> bool:
    """Two or more capitals making up (nearly) all of a short word: WIOT, IoT, U.S., CAICT."""
    letters = [c for c in word if c.isalpha()]
    if not 2 <= len(letters) <= 10:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper >= len(letters) - 1 and letters[0].isupper()


def acronym_letters(word: str) -> str:
    """The letters of an acronym, lower case: 'U.S.' -> 'us', 'IoT' -> 'iot'."""
    return "".join(c for c in word if c.isalpha()).lower()
