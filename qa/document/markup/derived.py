"""Where the characters of a string derived from the file lie in the file.

A parser often hands back text that is not a slice of the file: markdown-it joins a
paragraph's lines without their quote markers or indentation and writes every line ending
as "\\n"; a table cell loses the backslash of an escaped pipe. A DerivedMap records, run by
run, which stretch of the file each stretch of such a string was copied from, and emits any
part of the string into a ProseBuilder: copied runs verbatim (the prose then holds the file's
own characters), anything else as a synthetic piece tied to the nearest file position.
"""
from __future__ import annotations

from bisect import bisect_right

from .builder import ProseBuilder


class IdentityMap:
    """The derived string is a slice of the file starting at `base` (or a same-length copy)."""

    __slots__ = ("base",)

    def __init__(self, base: int = 0) -> None:
        self.base = base

    def locate(self, offset: int) -> int:
        return self.base + offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.base + start, self.base + end

    def emit(self, out: ProseBuilder, derived: str, start: int, end: int,
             newline_to_space: bool = False) -> None:
        out.verbatim(self.base + start, self.base + end, newline_to_space)


class DerivedMap:
    """Runs of a derived string, each copied from one stretch of the source.

    A run is (derived start, derived length, source start, source length). Runs of equal
    lengths are character-for-character copies. A run whose lengths differ stands for a line
    ending: the derived "\\n" for the file's "\\r\\n" (markdown-it normalises line endings).
    Characters outside every run (indentation markdown-it re-created from a tab, say) have
    no place of their own.
    """

    __slots__ = ("_d", "_dlen", "_s", "_slen")

    def __init__(self) -> None:
        self._d: list[int] = []
        self._dlen: list[int] = []
        self._s: list[int] = []
        self._slen: list[int] = []

    def add(self, derived_start: int, source_start: int, length: int,
            source_length: int | None = None) -> None:
        """Record a run; runs must be added in increasing derived order."""
        if length <= 0:
            return
        self._d.append(derived_start)
        self._dlen.append(length)
        self._s.append(source_start)
        self._slen.append(length if source_length is None else source_length)

    def __bool__(self) -> bool:
        return bool(self._d)

    def _run(self, offset: int) -> int:
        return bisect_right(self._d, offset) - 1

    def locate(self, offset: int) -> int:
        """Source offset of the derived character at `offset` (or of the nearest run)."""
        if not self._d:
            return 0
        k = self._run(offset)
        if k < 0:
            return self._s[0]
        if offset < self._d[k] + self._dlen[k]:
            if self._dlen[k] == self._slen[k]:
                return self._s[k] + offset - self._d[k]
            return self._s[k]
        return self._s[k] + self._slen[k]          # in the gap after run k

    def locate_end(self, offset: int) -> int:
        """Source offset just after the derived character at `offset - 1`."""
        if not self._d or offset <= 0:
            return self.locate(0)
        k = self._run(offset - 1)
        if k < 0:
            return self._s[0]
        if offset - 1 < self._d[k] + self._dlen[k]:
            if self._dlen[k] == self._slen[k]:
                return self._s[k] + offset - self._d[k]
            return self._s[k] + self._slen[k]
        nxt = k + 1
        return self._s[nxt] if nxt < len(self._d) else self._s[k] + self._slen[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.locate(start)
        if end <= start:
            return s, s
        return s, max(s, self.locate_end(end))

    def emit(self, out: ProseBuilder, derived: str, start: int, end: int,
             newline_to_space: bool = False) -> None:
        """Add derived[start:end] to the prose, copying from the source wherever it can."""
        if end <= start:
            return
        if not self._d:
            out.synthetic(derived[start:end], 0, 0)
            return
        k = max(self._run(start), 0)
        pos = start
        n = len(self._d)
        while pos < end:
            if k >= n or pos < self._d[k]:
                gap_end = min(end, self._d[k]) if k < n else end
                anchor = self.locate(pos)
                out.synthetic(derived[pos:gap_end], anchor, anchor)
                pos = gap_end
                continue
            run_end = self._d[k] + self._dlen[k]
            if pos >= run_end:
                k += 1
                continue
            stop = min(end, run_end)
            src = self._s[k]
            if self._dlen[k] == self._slen[k]:
                out.verbatim(src + pos - self._d[k], src + stop - self._d[k], newline_to_space)
            elif newline_to_space:
                out.synthetic(" ", src, src + self._slen[k])
            else:
                out.verbatim(src, src + self._slen[k])
            pos = stop
