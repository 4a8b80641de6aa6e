"""Invisible format characters: zero-width spaces and joiners, the soft hyphen, bidirectional
controls, a byte-order mark inside the text, word joiners, invisible operators and tag
characters. They change nothing a reader sees but split words for a machine, so copy written
"here\u200binafter" slips past a phrase rule, and a right-to-left override can make a line
display other than it reads. The readers drop them from the prose the rules see (with every
position still pointing into the file) and EN05 reports them.
"""
from __future__ import annotations

import unicodedata

from .._speed.regex import re_compile

# Unicode format characters (Cf) that have no business in English copy; U+200D ZERO WIDTH JOINER
# only between two letters (it also builds emoji sequences, which are left alone)
INVISIBLE = re_compile(
    "[\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\U000e0001\U000e0020-\U000e007f]+|(?<=[^\\W\\d_])\u200d+(?=[^\\W\\d_])")

BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_invisible(text: str) -> bool:
    return INVISIBLE.search(text) is not None


def strip_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)


def describe(run: str) -> str:
    """'U+200B ZERO WIDTH SPACE', or for a run of several, the distinct ones joined."""
    seen = []
    for ch in run:
        if ch not in seen:
            seen.append(ch)
    names = [f"U+{ord(c):04X} {unicodedata.name(c, 'FORMAT CHARACTER')}" for c in seen[:3]]
    more = ", ..." if len(seen) > 3 else ""
    return ", ".join(names) + more
