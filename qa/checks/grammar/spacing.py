"""A space before a comma, full stop, semicolon, colon, question or exclamation mark or a
closing bracket, or just inside an opening bracket (GR05): 'growth , and', 'the difference
.', '( National School'.

A word joined to the next at a comma with no space ('growth,and') is GB04's. Left alone:
an ellipsis or a leading dot ('.NET', ' .5'), a mark standing alone between two words or
numbers ('2022 ? 2023' is a dash lost to encoding), a mark after a line's start (a list or
table), empty brackets ('[ ]', GB07's), a full stop or comma set off from a web address
('www.example.com .'), and French spacing (a no-break space before ; : ? !).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import re_compile

# white space (not a line break) before a mark that closes, and the mark with what follows
_BEFORE = r"(?<=[^\s])(?P<space>[ \t]+)(?P<mark>[,;:.?!)\]])(?P<after>\S?)"
_CLOSERS = "\"'”’)]"
_INSIDE = r"(?P<mark>[(\[])(?P<space>[ \t]+)(?=[^\W_])"


def spacing_errors(text: str, start: int = 0, end: int | None = None
                   ) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) for each stray space at a punctuation mark."""
    end = len(text) if end is None else end
    for m in re_compile(_BEFORE).finditer(text, start, end):
        mark, after = m.group("mark"), m.group("after")
        if after.isalnum() and mark not in ",;":
            continue                    # ' .NET', ' .5', ' ?The': not a closing mark
        if mark in ".:?!" and after and after not in _CLOSERS:
            continue                    # '...', ' :)', ' ?!'
        if mark in "?!:" and not after and _alone(text, m, mark):
            continue                    # '2022 ? 2023': a lost dash; '3 : 1': a ratio
        before = text[m.start("space") - 1]
        if before in "([" or mark in ".," and _after_address(text, m.start("space")):
            continue                    # '[ ]': an empty box (GB07); 'www.x.com .': kept apart
        fix = mark + (" " if mark in ",;" and after.isalpha() else "")
        yield m.start("space"), m.end("mark"), fix
    for m in re_compile(_INSIDE).finditer(text, start, end):
        k = m.start() - 1
        if k >= 0 and not text[k].isspace() and text[k] not in "\"'“‘":
            continue                    # 'f( x': code
        yield m.start("mark"), m.end("space"), m.group("mark")


def _after_address(text: str, pos: int) -> bool:
    """A web or e-mail address ends at `pos` (a space keeps the mark out of it)."""
    lo = max(0, pos - 200)
    token = text[max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), lo - 1) + 1:pos]
    return "/" in token or "@" in token or token.lower().startswith("www.") or \
        re_compile(r"\.(?:com|cn|org|net|gov|edu|hk|mo|tw)$").search(token.lower()) is not None


def _alone(text: str, m, mark: str) -> bool:
    """The mark stands alone between two words ('?', '!') or two numbers (':')."""
    j = m.end("mark")
    n = len(text)
    while j < n and text[j] in " \t":
        j += 1
    if j == m.end("mark") or j >= n:
        return False
    before = text[m.start("space") - 1]
    if mark == ":":
        return before.isdigit() and text[j].isdigit()
    return text[j].isalnum() and before.isalnum()
