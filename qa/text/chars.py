"""Which characters a text holds, so rules can take a fast path that finds exactly the same
things as their `regex` patterns.

The rule patterns are written with the `regex` module's Unicode classes (\\p{L}, \\p{N},
\\p{Latin} ...). On text whose non-ASCII characters are all *neutral* (punctuation, symbols:
curly quotes, dashes, full-width commas) those classes reduce to ASCII ranges, and a stdlib
`re` pattern written with explicit ASCII classes ([A-Za-z], [0-9], [ \\t\\n\\r\\f\\v]) matches
the same spans, several times faster. Such text is called *plain* here; rules keep their
`regex` pattern for the rest (a stray Chinese character, an accented name).

A character is neutral when neither engine counts it as a letter, digit, number, mark, word
character or space, and it belongs to none of the scripts the rules look for. The verdict is
cached per character, so a release costs one scan for its distinct non-ASCII characters.
"""
from __future__ import annotations

from functools import lru_cache

from .._speed.regex import re_compile, regex_compile
from ..document.model import Document

# a character the `regex` module treats as anything but punctuation or a symbol
_NOT_NEUTRAL_REGEX = (r"[\p{L}\p{N}\p{M}\w\s\d\p{Latin}\p{Han}\p{Hiragana}\p{Katakana}"
                      r"\p{Hangul}\p{Cyrillic}\p{Greek}]")
_NOT_NEUTRAL_RE = r"[\w\s\d]"
_NON_ASCII = r"[^\x00-\x7f]"


@lru_cache(maxsize=None)
def _compiled(source: str, engine: str):
    if engine == "regex":
        return regex_compile(source)
    return re_compile(source)


def stdlib(source: str):
    """`source` compiled in the stdlib `re` (once; for fixed patterns of the rules)."""
    return _compiled(source, "re")


def non_ascii(text: str) -> frozenset[str]:
    """The distinct non-ASCII characters of `text`."""
    if text.isascii():
        return frozenset()
    return frozenset(_compiled(_NON_ASCII, "re").findall(text))


@lru_cache(maxsize=8192)
def is_neutral(ch: str) -> bool:
    """True when both regex engines see `ch` as punctuation or a symbol only."""
    return not (_compiled(_NOT_NEUTRAL_REGEX, "regex").match(ch)
                or _compiled(_NOT_NEUTRAL_RE, "re").match(ch))


def is_plain(text: str) -> bool:
    """True when every non-ASCII character of `text` is neutral (see the module docstring)."""
    return text.isascii() or all(map(is_neutral, non_ascii(text)))


def doc_non_ascii(doc: Document) -> frozenset[str]:
    """The distinct non-ASCII characters of the document's prose (computed once)."""
    return doc.memo("lang:non-ascii", lambda d: non_ascii(d.text))


def doc_is_plain(doc: Document) -> bool:
    """`is_plain` for the whole prose of a document (computed once)."""
    return doc.memo("lang:plain", lambda d: all(map(is_neutral, doc_non_ascii(d))))


def has_char(doc: Document, pattern: str) -> bool:
    """True when one of the document's non-ASCII characters matches a `regex` class."""
    rx = _compiled(pattern, "regex")
    return any(rx.match(ch) for ch in doc_non_ascii(doc))


# ---- one pattern, two engines ------------------------------------------------------------
# what each `regex` class means on plain text, inside a character class
_PLAIN_CLASSES = {r"\p{L}": "A-Za-z", r"\p{N}": "0-9", r"\d": "0-9", r"\w": "A-Za-z0-9_",
                  r"\s": r" \t\n\r\f\v"}


def plain_source(source: str) -> str:
    r"""The stdlib translation of a `regex` pattern for plain text: \p{L}, \p{N}, \d, \w and \s
    become explicit ASCII classes. Other \p{..} classes and the negated \D \W \S are refused
    (they have no such translation)."""
    out = []
    in_class = False
    k = 0
    while k < len(source):
        ch = source[k]
        if ch == "\\":
            token = source[k:k + 2]
            if token == r"\p" or token == r"\P":
                token = source[k:source.index("}", k) + 1]
            if token in _PLAIN_CLASSES:
                ascii_class = _PLAIN_CLASSES[token]
                out.append(ascii_class if in_class else f"[{ascii_class}]")
            elif token[1] in "pPDWS":
                raise ValueError(f"no plain translation for {token!r}")
            else:
                out.append(token)
            k += len(token)
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        k += 1
    return "".join(out)


class DualRegex:
    r"""A `regex` pattern with \p{..} classes, and its stdlib translation for plain text
    (`plain_source`); each is compiled on first use. `pick(plain)` returns the one to use."""

    __slots__ = ("source", "verbose", "ignorecase", "_full", "_plain")

    def __init__(self, source: str, verbose: bool = False, ignorecase: bool = False) -> None:
        self.source = source
        self.verbose = verbose
        self.ignorecase = ignorecase
        self._full = None
        self._plain = None

    def full(self):
        if self._full is None:
            import re  # the flags have the same values in both engines
            flags = (re.X if self.verbose else 0) | (re.I if self.ignorecase else 0)
            self._full = regex_compile(self.source, flags)
        return self._full

    def plain(self):
        if self._plain is None:
            import re
            flags = (re.X if self.verbose else 0) | (re.I if self.ignorecase else 0)
            self._plain = re_compile(plain_source(self.source), flags)
        return self._plain

    def pick(self, plain: bool):
        return self.plain() if plain else self.full()
