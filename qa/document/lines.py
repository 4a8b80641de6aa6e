"""LineIndex: code-point offset <-> (line, column), aware of \\r\\n, \\r and \\n line endings."""
from __future__ import annotations

from bisect import bisect_right

from .._speed.regex import re_compile

_NEWLINE = re_compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of a text, computed once; lookups by binary search.

    Lines and columns are 1-based and count code points; an offset may equal len(text).
    """

    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in _NEWLINE.finditer(text))
        self.length = len(text)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of `offset`, both 1-based."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based (line, column)."""
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """(start, end) of a 1-based line, without its line ending."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else self.length
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end

    @property
    def count(self) -> int:
        return len(self.starts)


class PieceLineIndex(LineIndex):
    """The LineIndex of a piece of a larger text (a section of a long release, qa.sections),
    in the larger text's lines and columns: its first character is at (`line`, `column`)
    there. Offsets stay the piece's own."""

    __slots__ = ("first_line", "first_column")

    def __init__(self, text: str, line: int, column: int) -> None:
        super().__init__(text)
        self.first_line = line - 1
        self.first_column = column - 1

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) + self.first_line

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        column = offset - self.starts[line - 1] + 1
        return line + self.first_line, column + self.first_column if line == 1 else column

    def offset(self, line: int, column: int = 1) -> int:
        line -= self.first_line
        return self.starts[line - 1] + column - 1 - (self.first_column if line == 1 else 0)

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        return super().line_span(line - self.first_line, text)
