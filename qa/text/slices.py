"""Whole-text string operations done a slice at a time, for long releases: lower-casing a
text that is not plain ASCII takes CPython a scratch buffer of twelve bytes a character, and
splitting a text into words, or finding all its tokens, makes a string object per word at
once. Slices are cut just after a space, which keeps every result equal to the whole-text
one: no word spans two slices, and the one character whose lower case looks at its
neighbours (capital sigma) stops looking at a space (tests/test_names_store.py checks
both)."""
from __future__ import annotations

SLICE = 1 << 18         # characters handled at a time (a few MB of scratch memory)


def slices(text: str, size: int | None = None):
    """Consecutive pieces of text, each ending just after a space (the last at the end),
    about `size` characters long."""
    size = size or SLICE
    start, n = 0, len(text)
    while start < n:
        cut = text.find(" ", start + size)
        end = n if cut < 0 else cut + 1
        yield text[start:end]
        start = end


def lower(text: str, size: int | None = None) -> str:
    """text.lower()."""
    if len(text) <= (size or SLICE) or text.isascii():
        return text.lower()
    return "".join([piece.lower() for piece in slices(text, size)])


def single_spaced(text: str, size: int | None = None) -> str:
    """Runs of white space (str.isspace) made single spaces; the ends trimmed."""
    if len(text) <= (size or SLICE):
        return " ".join(text.split())
    return " ".join([part for part in (" ".join(piece.split())
                                       for piece in slices(text, size)) if part])


def findall_pieces(pattern, text: str, size: int | None = None):
    """pattern.findall(text), as one list per slice: for a pattern whose matches hold no space
    and whose look-arounds stop at a space, the lists joined are the whole text's list, which
    is never made at once (a string object per word of a big release)."""
    if len(text) <= (size or SLICE):
        yield pattern.findall(text)
        return
    for piece in slices(text, size):
        yield pattern.findall(piece)
