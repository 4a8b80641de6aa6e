"""OffsetMap: positions in the extracted prose -> positions in the file as given.

Markup readers build the prose piece by piece. A verbatim piece is copied from the file
character for character; any other piece (a decoded entity, a paragraph break standing for
a tag) maps as a whole onto the stretch of markup it came from.
"""
from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """Piecewise map from prose offsets to source offsets (both in code points)."""

    __slots__ = ("_prose", "_src", "_src_end", "_verbatim", "identity", "_length")

    def __init__(self) -> None:
        self._prose: list[int] = []
        self._src: list[int] = []
        self._src_end: list[int] = []
        self._verbatim: list[bool] = []
        self.identity = False
        self._length = 0

    @classmethod
    def identity_map(cls, length: int) -> "OffsetMap":
        m = cls()
        m.identity = True
        m._length = length
        return m

    def add(self, prose_start: int, src_start: int, src_end: int, verbatim: bool) -> None:
        """Record the piece starting at `prose_start`, taken from source [src_start, src_end)."""
        self._prose.append(prose_start)
        self._src.append(src_start)
        self._src_end.append(src_end)
        self._verbatim.append(verbatim)

    def finish(self, prose_length: int) -> "OffsetMap":
        self._length = prose_length
        return self

    def _piece(self, offset: int) -> int:
        return max(bisect_right(self._prose, offset) - 1, 0)

    def start(self, offset: int) -> int:
        """Source offset where the prose character at `offset` begins."""
        if self.identity:
            return offset
        if not self._prose:
            return 0
        k = self._piece(offset)
        if self._verbatim[k]:
            return min(self._src[k] + offset - self._prose[k], self._src_end[k])
        return self._src[k]

    def end(self, offset: int) -> int:
        """Source offset just after the prose character at `offset - 1` (end exclusive)."""
        if self.identity:
            return offset
        if not self._prose:
            return 0
        if offset <= 0:
            return self.start(0)
        k = self._piece(offset - 1)
        if self._verbatim[k]:
            return min(self._src[k] + offset - self._prose[k], self._src_end[k])
        return self._src_end[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the prose span [start, end)."""
        if self.identity:
            return start, end
        s = self.start(start)
        e = self.end(end) if end > start else s
        return s, max(e, s)

    def prose_at(self, src_offset: int) -> int:
        """The prose offset of the source offset `src_offset` (for a source character the prose
        dropped or replaced, the prose offset where its piece starts or the next one does)."""
        if self.identity:
            return src_offset
        k = bisect_right(self._src, src_offset) - 1
        if k < 0:
            return 0
        if src_offset < self._src_end[k]:
            return self._prose[k] + (src_offset - self._src[k] if self._verbatim[k] else 0)
        return self._prose[k + 1] if k + 1 < len(self._prose) else self._length

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when prose[start:end] is copied unchanged from one stretch of the source."""
        if self.identity:
            return True
        if not self._prose or end <= start:
            return False
        k = self._piece(start)
        if not self._verbatim[k]:
            return False
        piece_end = self._prose[k + 1] if k + 1 < len(self._prose) else self._length
        return end <= piece_end
