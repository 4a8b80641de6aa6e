"""A release's text as HTML rows, one per line, with every finding's exact span marked.

Spans are code-point offsets into the file as given. Marks nest when spans nest; where two
spans cross, the inner mark is closed and reopened, so one finding may own several <mark>
fragments, all carrying its id (`data-f`): in document order their text is exactly the
finding's text, line endings included (kept in hidden `eol` spans; a CR is written as
`&#13;` so that the browser does not turn it into LF). Zero-length findings get an empty
mark that CSS shows as a caret.
"""
from __future__ import annotations

from html import escape

from .._speed.records import record
from .._speed.regex import re_compile

_LINE_END = re_compile(r"\r\n|\r|\n")


@record(frozen=True)
class Span:
    """One finding to mark: its id, offsets and the attributes its marks carry."""

    fid: str
    start: int
    end: int
    attrs: str          # already escaped: ' class="..." title="..."'


def text_html(text: str) -> str:
    """Escaped text for the page, CR kept as a character reference."""
    return escape(text, quote=False).replace("\r", "&#13;")


def _lines(source: str) -> list[tuple[int, int, int]]:
    """(start, end of content, end with line ending) of every line."""
    out, pos = [], 0
    for m in _LINE_END.finditer(source):
        out.append((pos, m.start(), m.end()))
        pos = m.end()
    if pos < len(source) or not out:
        out.append((pos, len(source), len(source)))
    return out


class _Writer:
    """Writes pieces of one line, keeping a stack of open marks ordered outermost first."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.stack: list[Span] = []

    def retarget(self, wanted: list[Span]) -> None:
        keep = 0
        while keep < len(self.stack) and keep < len(wanted) and self.stack[keep] is wanted[keep]:
            keep += 1
        for _ in range(len(self.stack) - keep):
            self.parts.append("</mark>")
        del self.stack[keep:]
        for span in wanted[keep:]:
            self.parts.append(f'<mark data-f="{span.fid}"{span.attrs}>')
            self.stack.append(span)

    def empty_marks(self, spans: list[Span]) -> None:
        for span in spans:
            self.parts.append(f'<mark data-f="{span.fid}"{span.attrs} data-empty="1"></mark>')

    def text(self, chunk: str, eol: bool = False) -> None:
        if chunk:
            body = text_html(chunk)
            self.parts.append(f'<span class="eol">{body}</span>' if eol else body)

    def close(self) -> str:
        self.retarget([])
        html, self.parts = "".join(self.parts), []
        return html


def _order(span: Span) -> tuple:
    return (span.start, -span.end, span.fid)


def marked_lines(source: str, spans: list[Span]) -> list[str]:
    """The inner HTML of each line of `source`, with the spans marked."""
    spans = sorted((s for s in spans if 0 <= s.start <= s.end <= len(source)), key=_order)
    empties = [s for s in spans if s.start == s.end]
    spans = [s for s in spans if s.start < s.end]
    out: list[str] = []
    nxt = ei = 0
    active: list[Span] = []         # spans reaching into the current line, outermost first
    for ls, le, lend in _lines(source):
        last = lend == len(source)
        while nxt < len(spans) and spans[nxt].start < lend:
            active.append(spans[nxt])
            nxt += 1
        active = [s for s in active if s.end > ls]
        here: list[Span] = []
        while ei < len(empties) and (empties[ei].start < lend or last):
            here.append(empties[ei])
            ei += 1
        cuts = {ls, le, lend} | {s.start for s in here}
        cuts.update(p for s in active for p in (s.start, s.end) if ls < p < lend)
        out.append(_line(source, sorted(cuts), le, active, here))
    return out


def _line(source: str, cuts: list[int], le: int, active: list[Span], empties: list[Span]) -> str:
    w = _Writer()
    for i, a in enumerate(cuts):
        at = [s for s in empties if s.start == a]
        if at:
            w.retarget([])
            w.empty_marks(at)
        if i + 1 < len(cuts):
            w.retarget([s for s in active if s.start <= a < s.end])
            w.text(source[a:cuts[i + 1]], eol=a >= le)
    return w.close()
