"""A stand-in of a release's text for the stdlib `re` engine, which scans 2-3 times faster
than `regex` but has no Unicode category classes (\\p{Lu}, \\p{L}, \\p{N}, \\p{M}).

Every character outside printable ASCII is replaced by one ASCII control character that
stands for its class, so a stdlib pattern written over the classes below finds exactly
the spans the `regex` pattern finds in the original (offsets are unchanged: one character
for one). The class of a character is decided by `regex` itself, so both engines agree on
every character, whatever their Unicode versions:

    class (as `regex` sees it)          stands for it   in the patterns
    letter, capital (Lu)                \\x04            LU, L, LN, LNM, W
    letter, small (Ll)                  \\x03            LL, L, LN, LNM, W
    other letter (Lo, Lm, Lt)           \\x01            L, LN, LNM, W
    mark (M)                            \\x02            LNM, W
    number that is a word character     \\x05            N, LN, LNM, W
    other number (No: "²")              \\x06            N, LN, LNM
    other word character ("‿")          \\x07            W
    white space                         \\x0b            S
    anything else                       \\x0e

Three characters the patterns name keep a mark of their own: the right single quotation
mark (\\x10, an apostrophe inside words), the no-break space (\\x08, white space) and the
full-width colon (\\x11). ASCII is kept as it is, apart from control characters other than
tab, line feed, vertical tab, form feed and carriage return.
"""
from __future__ import annotations

from ..._speed.regex import re_compile, regex_compile
from ...document.model import Document

# Character classes over the skeleton (text inside [...]).
LU = "A-Z\x04"
LL = "a-z\x03"
L = "A-Za-z\x01\x03\x04"
N = "0-9\x05\x06"
LN = "A-Za-z0-9\x01\x03-\x06"
LNM = "A-Za-z0-9\x01-\x06"
W = "A-Za-z0-9_\x01-\x05\x07"        # \w of `regex`, for word boundaries
S = " \t\n\r\x0b\x0c\x08"             # \s of `regex`
APOSTROPHE = "\x10"
NBSP = "\x08"
FULL_COLON = "\x11"

_SPECIAL = {"\u2019": APOSTROPHE, "\u00a0": NBSP, "\uff1a": FULL_COLON}
_BY_GROUP = ("\x04", "\x03", "\x01", "\x02", "\x05", "\x06", "\x0b", "\x07")
_OTHER = "\x0e"
_CLASS_SOURCE = (r"(\p{Lu})|(\p{Ll})|(\p{L})|(\p{M})|(?=\w)(\p{N})|(\p{N})|(\s)|(\w)")
_TABLE: dict[int, str] = {}
_state: dict[str, object] = {}


def class_chars(cls: str) -> frozenset[str]:
    """The skeleton characters of a class above ("A-Za-z0-9\x01..."), as a set."""
    pattern = re_compile(f"[{cls}]")
    return frozenset(c for c in map(chr, range(128)) if pattern.fullmatch(c))


def skeleton(doc: Document) -> str:
    """The skeleton of doc.text, computed once per document."""
    return doc.memo("names.skeleton", lambda d: recent_skeleton(d.text))


# The text last asked for and its skeleton, one for long texts and one for short ones (a
# glossary name tokenised between two pieces of a long release must not make the release's
# skeleton be computed, and held, twice). Each a tuple, read and replaced whole.
_recent: list[tuple] = [(None, None), (None, None)]
LONG_TEXT = 1 << 16


def recent_skeleton(text: str) -> str:
    """skeleton_of(text), remembered for the last text asked for: tokenising one text
    piece by piece computes its skeleton once."""
    slot = len(text) >= LONG_TEXT
    last = _recent[slot]
    if last[0] is text:
        return last[1]
    sk = skeleton_of(text)
    _recent[slot] = (text, sk)
    return sk


def skeleton_of(text: str) -> str:
    if text.isascii() and not _ascii_controls().search(text):
        return text
    return _to_map().sub(_replace, text)


def _replace(m) -> str:
    run = m.group()
    table = _TABLE
    for c in set(run):
        if ord(c) not in table:
            table[ord(c)] = _class_mark(c)
    return run.translate(table)


def _class_mark(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    pattern = _state.get("classes")
    if pattern is None:
        pattern = _state["classes"] = regex_compile(_CLASS_SOURCE)
    m = pattern.fullmatch(c)
    return _BY_GROUP[m.lastindex - 1] if m else _OTHER


def _to_map():
    pattern = _state.get("to_map")
    if pattern is None:
        pattern = _state["to_map"] = re_compile(r"[^\t\n\x0b\x0c\r\x20-\x7e]+")
    return pattern


def _ascii_controls():
    pattern = _state.get("controls")
    if pattern is None:
        pattern = _state["controls"] = re_compile(r"[\x00-\x08\x0e-\x1f\x7f]")
    return pattern
