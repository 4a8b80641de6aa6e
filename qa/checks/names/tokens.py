"""Tokens of a sentence as the name detectors see them, and how each token looks.

A token keeps its prose offsets. Abbreviation periods ("Co.", "Ltd.", "U.S.") belong to the
token; a sentence-final period does not.
"""
from __future__ import annotations

from functools import cache, lru_cache

from ..._speed.regex import LazyRegex, re_compile
from ...text.lexicon import CONNECTORS, LEGAL_SUFFIXES
from .records import record
from .skeleton import APOSTROPHE, LN, LNM, L, recent_skeleton

TOKEN = LazyRegex(r"[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’\-&.](?=[\p{L}\p{N}]))*")
YEAR = LazyRegex(r"(?:19|20)\d\d")
POSSESSIVE = ("'s", "’s")


class Token(record("Token", "text start end lower bare")):
    """A word with its prose offsets [start, end), its lower case, and its bare form: lower
    case without a possessive ending or an abbreviation period. Both are worked out once,
    when the token is made: the name detectors ask for them many times."""

    # text: str
    # start: int
    # end: int
    # lower: str
    # bare: str
    __slots__ = ()


def without_possessive(word: str) -> str:
    """The word without a possessive ending, its case kept ("Zpmc's" -> "Zpmc")."""
    return word[:-2] if len(word) > 2 and word.endswith(POSSESSIVE) else word


def bare_of(lower: str) -> str:
    """The bare form of a lower-case word ("group's" -> "group", "co." -> "co")."""
    if lower.endswith(POSSESSIVE):
        lower = lower[:-2]
    return lower.rstrip(".")


def make_token(text: str, start: int, end: int) -> Token:
    low = text.lower()
    return tuple.__new__(Token, (text, start, end, low, bare_of(low)))


@cache
def _token_pattern():
    """TOKEN over the skeleton (see skeleton.py)."""
    return re_compile(rf"[{LN}](?:[{LNM}]|['{APOSTROPHE}\-&.](?=[{LN}]))*")


@cache
def _initials_pattern():
    """Initials with periods between them ("U.S", "P.R.C") over the skeleton."""
    return re_compile(rf"(?:[{L}]\.)+[{L}]")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of text[start:end]; a period after a legal suffix or initials joins the token."""
    sk = recent_skeleton(text)
    out = []
    new = tuple.__new__
    for m in _token_pattern().finditer(sk, start, end):
        s, e = m.span()
        word = text[s:e]
        low = word.lower()
        if e < len(text) and text[e] == "." and (low + "." in LEGAL_SUFFIXES
                                           or _initials_pattern().fullmatch(sk, s, e)):
            e += 1
            word = text[s:e]
            low = word.lower()
        out.append(new(Token, (word, s, e, low, bare_of(low))))
    return out


def is_year(tok: Token) -> bool:
    t = tok.text
    if len(t) != 4:
        return False
    if t.isascii():
        return t[:2] in ("19", "20") and t[2:].isdigit()
    return bool(YEAR.fullmatch(t))


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


@lru_cache(maxsize=65536)
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
