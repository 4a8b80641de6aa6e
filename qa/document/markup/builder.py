"""ProseBuilder: assembles extracted prose piece by piece while recording the offset map."""
from __future__ import annotations

from bisect import bisect_right

from ..._speed.regex import re_compile
from ..invisible import INVISIBLE
from ..offsets import OffsetMap

_LINE_BREAK = re_compile(r"\r\n|\r|\n")


class ProseBuilder:
    """Collects prose pieces, each tied to the stretch of source it came from."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._map = OffsetMap()
        self.length = 0
        self._last_src_end = -1      # merge verbatim pieces that continue one another
        self._tail = ""
        self.source_end = 0          # source offset where the last piece ends

    def verbatim(self, start: int, end: int, newline_to_space: bool = False) -> None:
        """Copy source[start:end] unchanged; with `newline_to_space`, each line break becomes
        a synthetic space (so that every verbatim piece is exactly the source's text)."""
        if end <= start:
            return
        if INVISIBLE.search(self.source, start, end):     # dropped: rules read across them
            pos = start
            for m in INVISIBLE.finditer(self.source, start, end):
                self.verbatim(pos, m.start(), newline_to_space)
                pos = m.end()
            self.verbatim(pos, end, newline_to_space)
            return
        if newline_to_space and _LINE_BREAK.search(self.source, start, end):
            pos = start
            for m in _LINE_BREAK.finditer(self.source, start, end):
                self.verbatim(pos, m.start())
                self.synthetic(" ", m.start(), m.end())
                pos = m.end()
            self.verbatim(pos, end)
            return
        piece = self.source[start:end]
        if start != self._last_src_end:
            self._map.add(self.length, start, end, True)
        else:
            self._map._src_end[-1] = end   # extend the previous verbatim piece
        self._last_src_end = end
        self.source_end = end
        self._append(piece)

    def synthetic(self, text: str, start: int, end: int) -> None:
        """Add `text` standing for source[start:end] (an entity, a tag turned into a break)."""
        if not text:
            return
        self._map.add(self.length, start, max(end, start), False)
        self._last_src_end = -1
        self.source_end = max(end, start)
        self._append(text)

    def paragraph_break(self, start: int, end: int) -> None:
        """End the current paragraph, unless the prose already ends with one (or is empty)."""
        if not self.length:
            return
        tail = self._tail
        if tail.endswith("\n\n"):
            return
        self.synthetic("\n" if tail.endswith("\n") else "\n\n", start, end)

    def line_break(self, start: int, end: int) -> None:
        if self.length and not self._tail.endswith("\n"):
            self.synthetic("\n", start, end)

    def _append(self, piece: str) -> None:
        self._starts.append(self.length)
        self._parts.append(piece)
        self.length += len(piece)
        self._tail = (self._tail + piece)[-2:]

    def char_at(self, offset: int) -> str:
        k = bisect_right(self._starts, offset) - 1
        return self._parts[k][offset - self._starts[k]]

    def trimmed(self, start: int, end: int | None = None) -> tuple[int, int]:
        """[start, end) (end defaults to the current length) without surrounding white space."""
        end = self.length if end is None else end
        while start < end and self.char_at(start).isspace():
            start += 1
        while end > start and self.char_at(end - 1).isspace():
            end -= 1
        return start, end

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self._parts)
        return text, self._map.finish(len(text))
