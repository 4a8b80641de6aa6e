"""What reading a .docx gives: the text, its paragraphs with their spans, and the pieces of
each paragraph that lead back to the runs in the file.

``DocxText.text`` is the paragraphs' texts joined by "\\n", so line N of the text (1-based) is
paragraph N - 1 of ``paragraphs`` and a column is a position inside that paragraph. Inside a
paragraph every character comes from exactly one element of the file (see ``Piece``), so
positions map one to one onto the runs.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

# Piece kinds: what element of a run a stretch of paragraph text comes from.
TEXT = "text"          # w:t: the piece is that element's whole text
TAB = "tab"            # w:tab, w:ptab: "\t"
BREAK = "break"        # w:br (line, page or column break), w:cr: " " (one space)
HYPHEN = "hyphen"      # w:noBreakHyphen: U+2011; w:softHyphen: U+00AD
SYMBOL = "symbol"      # w:sym: the character its w:char attribute names

# Paragraph kinds.
KINDS = ("title", "heading", "body", "table", "textbox", "footnote", "endnote")


class Piece(NamedTuple):
    """A stretch of one paragraph's text that comes from one element of a run.

    ``start``/``end`` are offsets in the paragraph's text (end exclusive). ``t_index`` is, for a
    TEXT piece, the ordinal of its w:t element among all w:t elements of the paragraph's part in
    document order (deleted text is w:delText, not counted); -1 for other kinds. ``twins`` are the
    t_index values of identical copies of the same text that a reader may show instead (the
    fallback copy of a text box); ``editable`` is False where such a copy exists but differs.
    """

    start: int
    end: int
    kind: str
    t_index: int = -1
    twins: tuple[int, ...] = ()
    editable: bool = True


@dataclass(frozen=True, slots=True)
class DocxParagraph:
    """One paragraph: its place in ``DocxText.text`` and how to find its runs again.

    ``index`` is 0-based (the report's line is index + 1). ``start``/``end`` is its span in
    ``DocxText.text`` (the "\\n" after it is not included). ``kind`` is one of KINDS: a paragraph
    of the main text is title, heading or body by its style; one in a table cell (nested tables
    too), a text box, a footnote or an endnote takes that kind. ``style`` is the paragraph style's
    name as Word shows it ("Normal", "Heading 1", "Title"). ``part`` is the zip member holding it
    ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml") and ``p_index`` the ordinal of
    its w:p among all w:p elements of that part in document order.
    """

    index: int
    start: int
    end: int
    kind: str
    style: str
    part: str
    p_index: int
    pieces: tuple[Piece, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class DocxText:
    """The text of a .docx as the linter sees it.

    ``text``: paragraph texts in document order joined by "\\n": the main text (body paragraphs,
    headings, tables, each text box right after the paragraph that anchors it), then footnotes,
    then endnotes. ``title``: the (start, end) span of the first non-empty Title-style paragraph,
    else of the first heading, else of the first non-empty paragraph; None for an empty file.
    """

    text: str
    paragraphs: tuple[DocxParagraph, ...]
    title: tuple[int, int] | None
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.paragraphs))

    def locate(self, offset: int) -> tuple[int, int]:
        """(paragraph index, offset inside that paragraph) of an offset into ``text``.

        An offset on the "\\n" between two paragraphs (or at the very end) is the end of the
        paragraph before it. Raises IndexError outside 0..len(text).
        """
        if not 0 <= offset <= len(self.text) or not self.paragraphs:
            raise IndexError(f"offset {offset} is outside the text (0..{len(self.text)})")
        i = bisect_right(self._starts, offset) - 1
        return i, offset - self.paragraphs[i].start

    def line_column(self, offset: int) -> tuple[int, int]:
        """The report's 1-based (line, column) of an offset: line = paragraph index + 1."""
        i, col = self.locate(offset)
        return i + 1, col + 1

    def paragraph_at(self, offset: int) -> DocxParagraph:
        """The paragraph an offset falls in (see ``locate``)."""
        return self.paragraphs[self.locate(offset)[0]]
