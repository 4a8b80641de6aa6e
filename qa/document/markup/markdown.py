"""Markdown: prose from CommonMark (plus GFM tables and strikethrough), parsed by
markdown-it-py, with every position mapped back into the file.

Front matter, fenced and indented code, reference definitions and tables' rule lines are
dropped; heading, list and quote markers (and task boxes) are stripped; HTML blocks are read
as HTML; inline code and images are dropped, links keep their text, emphasis markers and
inline tags disappear, escapes and entities are decoded; HTML comments are read for
directives. Blocks, list items and headings end a paragraph; table cells and rows end a line.
The title is the first heading (or, with none, a one-line first paragraph).

markdown-it-py places blocks by line (markdown_lines.py); inline tokens are laid back onto
their block's content by markdown_inline.py. Inline parsing costs markdown-it-py up to
~50 microseconds per markup character (an unclosed "["), so each document has a budget of
inline parsing (INLINE_BUDGET, about 1.5 s of the worst markup): a block that would take more
than is left is read as plain text. No release comes near it (a megabyte of ordinary Markdown
spends a fraction); a hostile file would otherwise take a minute per megabyte. Blocks without
any inline markup character are split into text and line breaks directly, as markdown-it-py
would split them. markdown-it-py's nesting limit (maxNesting 20, the CommonMark preset's)
stands: blocks nested deeper (lists more than nine levels deep) are not read.
"""
from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

from ...source import SourceFile
from ..directives import directive_in_comment
from ..lines import LineIndex
from ..model import Directive, Document, Span
from .builder import ProseBuilder
from .derived import DerivedMap, IdentityMap
from .html import HtmlExtractor, defuse
from .markdown_inline import InlineWalker
from .markdown_lines import SourceLines, block_map, row_cells
from .plain import plain_title

# What one character of inline markup can cost (markdown-it-py's inline parse and the walk
# over its tokens), in microseconds, measured on the worst input for each: an unclosed "["
# (a link label scanned to maxNesting), an entity (a token of its own), an emphasis
# delimiter, the rest. A document gets INLINE_BUDGET of it, ~1.5 s at most; a release with
# a link every line and an entity in every sentence spends a few percent of it.
_COSTS = (("[", 50), ("&", 17), ("*", 5), ("_", 5), ("~", 5), ("<", 4), ("`", 4), ("\\", 2))
INLINE_BUDGET = 1_500_000
_MARKUP = re.compile(r"[!&*<\[\\_`~]")
_TASK_BOX = re.compile(r"\[[ xX]\][ \t]+(?=\S)")
_BLOCKS = ("paragraph", "blockquote", "bullet_list", "ordered_list", "list_item", "heading", "table")
_OPENS = frozenset(b + "_open" for b in _BLOCKS)
_CLOSES = frozenset(b + "_close" for b in _BLOCKS)
_LEAVES = frozenset({"hr", "code_block", "fence"})
_CELL_END = frozenset({"th_close", "td_close", "tr_close"})


@cache
def parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough; inline parsing is left to the reader, and
    escapes and entities stay tokens of their own (no text_join) so their source is known."""
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable(["inline", "text_join"])
    return md


class _Tok:
    """A text or line-break token made without markdown-it-py (same fields the walker reads)."""

    __slots__ = ("type", "content", "markup", "info", "children")

    def __init__(self, kind: str, content: str = "") -> None:
        self.type = kind
        self.content = content
        self.markup = ""
        self.info = ""
        self.children = None


def plain_tokens(content: str) -> list[_Tok]:
    """The tokens markdown-it-py makes of content with no inline markup character: text and
    soft or hard line breaks (two trailing spaces), next lines' indentation skipped."""
    out: list[_Tok] = []
    lines = content.split("\n")
    last = len(lines) - 1
    for j, line in enumerate(lines):
        if j:
            line = line.lstrip(" \t")
        brk = None
        if j < last:
            if line.endswith("  "):
                line, brk = line.rstrip(" "), "hardbreak"
            else:
                line, brk = (line[:-1] if line.endswith(" ") else line), "softbreak"
        if line:
            out.append(_Tok("text", line))
        if brk:
            out.append(_Tok(brk))
    return out


def _front_matter_lines(lines: SourceLines) -> int:
    """Number of lines of a front matter block (`---` ... `---` or `...`) at the top, or 0."""
    if lines.count < 2 or lines.line(0).rstrip() != "---":
        return 0
    for k in range(1, lines.count):
        if lines.line(k).rstrip() in ("---", "..."):
            return k + 1
    return 0


class _Reader:
    def __init__(self, src: SourceFile) -> None:
        self.text = src.text
        self.index = LineIndex(self.text)
        self.lines = SourceLines(self.text)
        self.out = ProseBuilder(self.text)
        self.md = parser()
        self.env: dict = {}
        self.directives: list[Directive] = []
        self.items: list[Span] = []
        self.title: Span | None = None
        self.budget = INLINE_BUDGET

    # ---- blocks --------------------------------------------------------------------------
    def run(self) -> None:
        skip = _front_matter_lines(self.lines)
        md_input = self.text
        if skip:
            md_input = "\n" * skip + self.text[self.lines.starts[skip]:] if skip < self.lines.count \
                else "\n" * skip
        tokens = self.md.parse(md_input, self.env)
        opened: list[list[int] | None] = []     # maps of the open blocks
        items: list[list] = []                   # open list items: [level, waiting for text]
        heading_start: int | None = None
        atx = False
        cells: list = []
        cell = 0
        for tok in tokens:
            kind = tok.type
            closed = None
            if tok.nesting == 1:
                opened.append(tok.map)
            elif tok.nesting == -1 and opened:
                closed = opened.pop()
            if kind in _OPENS:
                self._break(tok.map, first=True)
            elif kind in _CLOSES:
                self._break(closed, first=False)
            if kind == "inline":
                item = items[-1] if items and items[-1][1] and tok.level == items[-1][0] + 2 else None
                start = self.out.length
                if cells:
                    content, where = cells[cell] if cell < len(cells) else ("", DerivedMap())
                    cell += 1
                    self._inline(tok.content, where if content == tok.content else DerivedMap())
                elif tok.map:
                    self._inline(tok.content, block_map(self.lines, tok.content, tok.map[0], atx),
                                 task=item is not None)
                if item is not None:
                    item[1] = False
                    span = self.out.trimmed(start)
                    if span[1] > span[0]:
                        self.items.append(Span(*span))
            elif kind == "heading_open":
                heading_start, atx = self.out.length, tok.markup.startswith("#")
            elif kind == "heading_close":
                span = self.out.trimmed(heading_start if heading_start is not None else self.out.length)
                if self.title is None and span[1] > span[0]:
                    self.title = Span(*span)
                heading_start, atx = None, False
            elif kind == "list_item_open":
                items.append([tok.level, True])
            elif kind == "list_item_close":
                if items:
                    items.pop()
            elif kind == "tr_open":
                cells, cell = (row_cells(self.lines, tok.map[0]) if tok.map else []), 0
            elif kind in _CELL_END:
                self.out.line_break(self.out.source_end, self.out.source_end)
                if kind == "tr_close":
                    cells, cell = [], 0
            elif kind == "html_block" and tok.map:
                self._break(tok.map, first=True)
                self._html(tok.content, tok.map[0])
                self._break(tok.map, first=False)
            elif kind in _LEAVES and tok.map:
                self._break(tok.map, first=False)
        if self.title is None:
            self.title = plain_title(self.out.build()[0])

    def _break(self, where: list[int] | None, first: bool) -> None:
        if not where:
            at = self.out.source_end
        elif first:
            at = self.lines.starts[min(where[0], self.lines.count - 1)]
        else:
            at = self.lines.ends[min(max(where[1] - 1, 0), self.lines.count - 1)]
        self.out.paragraph_break(at, at)

    # ---- content -------------------------------------------------------------------------
    def _inline(self, content: str, where: DerivedMap, task: bool = False) -> None:
        """Add the prose of one inline block; `task`: the first of a list item, whose task
        box ("[ ] ", "[x] ") is dropped."""
        start = 0
        if task:
            box = _TASK_BOX.match(content)
            start = box.end() if box else 0
        rest = content[start:] if start else content
        if not rest:
            return
        if not _MARKUP.search(rest):
            if "\n" not in rest:          # one text token, as markdown-it-py would make
                where.emit(self.out, content, start, len(content))
                return
            children = plain_tokens(rest)
        else:
            cost = sum(rest.count(c) * w for c, w in _COSTS)
            if cost > self.budget:
                children = plain_tokens(rest)
            else:
                self.budget -= cost
                children = []
                self.md.inline.parse(rest, self.md, self.env, children)
        InlineWalker(self.md, self.env, self.out, content, where, self._comment).run(children, start)

    def _html(self, content: str, first: int) -> None:
        base = self.lines.starts[min(first, self.lines.count - 1)]
        if self.lines.norm.startswith(content, base):      # the block is a slice of the file
            where: DerivedMap | IdentityMap = IdentityMap(base)
        else:
            where = block_map(self.lines, content, first)
        block = HtmlExtractor(self.out, content, where, self.index, titles=False)
        block.run(defuse(content))
        self.directives.extend(block.directives)
        self.items.extend(block.items)

    def _comment(self, start: int, end: int) -> None:
        d = directive_in_comment(self.text, start, end, self.index)
        if d:
            self.directives.append(d)


def read_markdown(src: SourceFile) -> Document:
    reader = _Reader(src)
    reader.run()
    text, offsets = reader.out.build()
    doc = Document(path=src.path, source=src.text, text=text, format="markdown",
                   offsets=offsets, title_span=reader.title, list_items=tuple(reader.items),
                   directives=tuple(sorted(reader.directives, key=lambda d: d.start)),
                   encoding=src.encoding)
    doc.__dict__["line_index"] = reader.index
    return doc
