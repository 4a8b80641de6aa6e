"""Where markdown-it-py's block content lies in the file.

markdown-it-py maps each block to a range of lines and hands over its content: the lines
without container markers (`>`, list markers, indentation), joined by "\\n", trimmed at both
ends, and for a heading without its `#` marks. Each line of the content is therefore the end
of its line in the file (the last line may have lost trailing white space, a heading's last
line its closing `#` run), which places it in one comparison; table cells are split from
their row the way markdown-it-py splits them. The result is a DerivedMap per block.
"""
from __future__ import annotations

import re

from .derived import DerivedMap

try:        # the white space markdown-it-py trims content with
    from markdown_it.common.utils import MD_TRIM_CHARS as _TRIM
except ImportError:     # pragma: no cover - older releases trimmed ASCII white space
    _TRIM = " \t\n\v\f\r"

_EOL = re.compile(r"\r\n|\r|\n")
_QUOTE_PREFIX = re.compile(r"(?:[ \t]*>)*[ \t]*")
_PIPE = re.compile(r"\|")


class SourceLines:
    """The file's lines: where each starts, where its text ends and where the next starts.

    Comparisons use `norm`, the text with NUL as U+FFFD, as markdown-it-py sees it; nothing
    is copied from `norm`.
    """

    def __init__(self, text: str) -> None:
        self.norm = text.replace("\0", "\ufffd") if "\0" in text else text
        self.starts = [0]
        self.ends: list[int] = []
        for m in _EOL.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))
        self.count = len(self.starts)

    def line(self, index: int) -> str:
        return self.norm[self.starts[index]:self.ends[index]]

    def eol(self, index: int) -> tuple[int, int]:
        end = self.ends[index]
        return end, self.starts[index + 1] if index + 1 < self.count else end


def block_map(lines: SourceLines, content: str, first: int, heading: bool = False) -> DerivedMap:
    """Map the content of a block whose first line is `first` (a paragraph, heading or HTML block)."""
    where = DerivedMap()
    pieces = content.split("\n")
    last = len(pieces) - 1
    d = 0
    for j, piece in enumerate(pieces):
        index = first + j
        if index >= lines.count:
            break
        core = piece.lstrip(" \t")
        if core:
            col = _place(lines.line(index), core, j == last, heading)
            if col is not None:
                where.add(d + len(piece) - len(core), lines.starts[index] + col, len(core))
        d += len(piece)
        if j < last:
            eol_start, eol_end = lines.eol(index)
            if eol_end > eol_start:
                where.add(d, eol_start, 1, eol_end - eol_start)
            d += 1
    return where


def _place(line: str, core: str, last: bool, heading: bool) -> int | None:
    """Column where `core` ends the line (or its trimmed end), or None."""
    ends = [_atx_end(line)] if heading else []
    ends.append(len(line))
    if last or heading:
        ends.append(len(line.rstrip(_TRIM)))
        ends.append(len(line.rstrip()))
    n = len(core)
    for end in ends:
        if end >= n and line.startswith(core, end - n):
            return end - n
    return None


def _atx_end(line: str) -> int:
    """End of an ATX heading's text: before a closing `#` run that follows white space."""
    end = len(line.rstrip(" \t"))
    k = end
    while k > 0 and line[k - 1] == "#":
        k -= 1
    if 0 < k < end and line[k - 1] in " \t":
        end = k
    return len(line[:end].rstrip(_TRIM))


def row_cells(lines: SourceLines, index: int) -> list[tuple[str, DerivedMap]]:
    """The cells of a table row as markdown-it-py splits them: (text, where) each."""
    line = lines.line(index)
    base = lines.starts[index]
    lo = _QUOTE_PREFIX.match(line).end()
    hi = len(line.rstrip(_TRIM))
    while lo < hi and line[lo] in _TRIM:
        lo += 1
    if "\\" not in line[lo:hi]:
        return _simple_cells(line, lo, hi, base)
    cells: list[list[tuple[int, int]]] = []
    runs: list[tuple[int, int]] = []
    last = lo
    for m in _PIPE.finditer(line, lo, hi):
        i = m.start()
        if i > lo and line[i - 1] == "\\":        # an escaped pipe: the backslash goes
            runs.append((last, i - 1))
            last = i
        else:
            runs.append((last, i))
            cells.append(runs)
            runs = []
            last = i + 1
    runs.append((last, hi))
    cells.append(runs)
    texts = ["".join(line[a:b] for a, b in runs) for runs in cells]
    if texts and texts[0] == "":
        texts.pop(0)
        cells.pop(0)
    if texts and texts[-1] == "":
        texts.pop()
        cells.pop()
    return [_trimmed_cell(text, runs, base) for text, runs in zip(texts, cells)]


def _trimmed_cell(text: str, runs: list[tuple[int, int]], base: int) -> tuple[str, DerivedMap]:
    lead = len(text) - len(text.lstrip(_TRIM))
    stop = len(text.rstrip(_TRIM))
    where = DerivedMap()
    d = 0          # offset in the untrimmed text
    for a, b in runs:
        s, e = max(d, lead), min(d + b - a, stop)
        if e > s:
            where.add(s - lead, base + a + s - d, e - s)
        d += b - a
    return text[lead:stop], where


def _simple_cells(line: str, lo: int, hi: int, base: int) -> list[tuple[str, DerivedMap]]:
    """row_cells for a row without backslashes: every pipe separates cells."""
    parts = line[lo:hi].split("|")
    starts = []
    at = lo
    for part in parts:
        starts.append(at)
        at += len(part) + 1
    if parts and parts[0] == "":
        parts.pop(0)
        starts.pop(0)
    if parts and parts[-1] == "":
        parts.pop()
        starts.pop()
    out = []
    for part, at in zip(parts, starts):
        text = part.strip(_TRIM)
        where = DerivedMap()
        if text:
            where.add(0, base + at + len(part) - len(part.lstrip(_TRIM)), len(text))
        out.append((text, where))
    return out
