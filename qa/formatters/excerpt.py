"""Source excerpts for human formats: the line of a finding, cut around the span."""
from __future__ import annotations

import unicodedata

from .safe_text import shown

CONTEXT = 40


def width(text: str) -> int:
    """Terminal columns of `text` (wide East Asian characters take two)."""
    if text.isascii():          # no wide or combining characters: most lines of a release
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def line_bounds(source: str, offset: int) -> tuple[int, int]:
    """(start, end) of the line holding `offset`, ends excluded; searches stay within the line
    (a file with only LF or only CR endings must not be scanned to its other end per finding)."""
    nl = source.rfind("\n", 0, offset)
    start = max(nl, source.rfind("\r", nl + 1, offset)) + 1
    end = source.find("\n", offset)
    end = len(source) if end < 0 else end
    cr = source.find("\r", offset, end)
    return start, (cr if cr >= 0 else end)


def excerpt(source: str, offset: int, end_offset: int, context: int = CONTEXT) -> tuple[str, str]:
    """(text, marker): the finding's line cut to the span plus context, and a caret line."""
    ls, le = line_bounds(source, offset)
    end_offset = min(end_offset, le) if end_offset > offset else offset
    cut_start = max(ls, offset - context)
    cut_end = min(le, max(end_offset, offset + 1) + context)
    # do not cut words in half
    while cut_start > ls and not source[cut_start - 1].isspace() and offset - cut_start < context + 15:
        cut_start -= 1
    while cut_end < le and not source[cut_end].isspace() and cut_end - end_offset < context + 15:
        cut_end += 1
    prefix = "…" if cut_start > ls else ""
    suffix = "…" if cut_end < le else ""
    before = prefix + _visible(source[cut_start:offset])      # control characters escaped:
    inside = _visible(source[offset:end_offset])               # the carets go under what is shown
    after = _visible(source[end_offset:cut_end]) + suffix
    return before + inside + after, " " * width(before) + "^" * max(1, width(inside))


def _visible(text: str) -> str:
    return shown(text.replace("\t", " "))
