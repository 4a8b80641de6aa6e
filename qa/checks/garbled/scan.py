"""Find where a garbled-fragment pattern can match before running it.

Most garbled patterns need a rare pair of characters ('aA' in 'provinceIssued', a digit and
'th' in '22th'). `char_classes` maps the prose to one byte per character (lower-case ASCII
letter 'a', capital 'A', ASCII digit '0', ASCII white space ' ', any non-ASCII character
'x', other ASCII characters as themselves), where `bytes.find` locates such pairs at C
speed. `word_windows` turns the places found into the runs of non-space characters around
them: a pattern that never matches white space, and whose look-arounds accept white space
and the ends of the text alike, finds exactly the same matches when run on those windows
only as on the whole text.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ...document.model import Document

_WHITE_SPACE = b" \t\n\v\f\r"           # what the `regex` module's \s matches in ASCII


def _class_table() -> bytes:
    table = bytearray(range(256))
    for lo, hi, cls in ((b"a", b"z", b"a"), (b"A", b"Z", b"A"), (b"0", b"9", b"0")):
        for k in range(lo[0], hi[0] + 1):
            table[k] = cls[0]
    for k in _WHITE_SPACE:
        table[k] = ord(" ")
    table[ord("?")] = ord("x")          # encode() writes '?' for every non-ASCII character
    return bytes(table)


_TABLE: bytes | None = None


def char_classes(doc: Document) -> bytes:
    """One class byte per character of the prose (see the module docstring)."""
    def compute(d) -> bytes:
        global _TABLE
        if _TABLE is None:
            _TABLE = _class_table()
        return d.text.encode("ascii", "replace").translate(_TABLE)
    return doc.memo("garbled:classes", compute)


def find_all(classes: bytes, needles: Iterable[bytes]) -> list[int]:
    """Start offsets of every occurrence of each needle (unsorted, may repeat)."""
    out = []
    for needle in needles:
        k = classes.find(needle)
        while k >= 0:
            out.append(k)
            k = classes.find(needle, k + 1)
    return out


MAX_WINDOW = 400   # a run of non-space characters longer than this is not prose (base64, a URL
                   # list, a table exported without separators): no garbled pattern looks into it


def word_windows(classes: bytes, offsets: Iterable[int]) -> list[tuple[int, int]]:
    """The runs of non-space characters holding the offsets, in text order, each once
    (each run is looked up once, however many offsets fall in it). Runs longer than
    MAX_WINDOW are left out, which keeps every pattern run inside them linear in the text."""
    out: list[tuple[int, int]] = []
    last_end = -1
    for k in sorted(offsets):
        if k < last_end:
            continue
        end = classes.find(b" ", k)
        end = end if end >= 0 else len(classes)
        start = classes.rfind(b" ", 0, k) + 1
        last_end = end
        if end - start <= MAX_WINDOW:
            out.append((start, end))
    return out


def finditer_in(pattern, text: str, windows: list[tuple[int, int]]) -> Iterator:
    """`pattern.finditer` over each window of `text` in turn."""
    for s, e in windows:
        yield from pattern.finditer(text, s, e)
