"""Plain text: the prose is the file itself (directives blanked), offsets are identity."""
from __future__ import annotations

from ..._speed.regex import re_compile
from ...source import SourceFile
from ...text.furniture import furniture_kind, furniture_prefix
from .. import segment
from ..directives import find_line_directives
from ..invisible import INVISIBLE
from ..lines import LineIndex, PieceLineIndex
from ..model import Document, Span
from ..offsets import OffsetMap
from .builder import ProseBuilder

MAX_TITLE = 500
MAX_FURNITURE_PARAGRAPHS = 8      # furniture lines (or paragraphs) skipped above a headline, at most
_SENTENCE_BREAK = re_compile(r"[.!?]\s+[A-Z]")


def plain_title(text: str) -> Span | None:
    """The headline: a first paragraph of one line and at most two sentences, followed by more
    text. (An overlong headline is still a headline: the title rules say it is too long.)

    Page furniture above it is skipped (qa.text.furniture: a CMS strip, a breadcrumb, a date
    line, whole paragraphs of them or lines heading the headline's paragraph), and so is a
    site's date strip run into the headline's line ("Today is Friday, September 8, 2023 ...")."""
    paras = segment.paragraphs(text)
    for index, (ps, pe) in enumerate(paras[:MAX_FURNITURE_PARAGRAPHS]):
        if index + 1 >= len(paras):
            return None
        lines = segment.lines(text[ps:pe])
        first = next((i for i, (ls, le) in enumerate(lines)
                      if i >= MAX_FURNITURE_PARAGRAPHS or furniture_kind(text[ps + ls:ps + le]) is None),
                     None)
        if first is None:
            continue                    # a paragraph of furniture only: the headline comes later
        if first != len(lines) - 1:
            return None                 # more lines follow: a paragraph of prose, not a headline
        s, e = ps + lines[first][0], ps + lines[first][1]
        s += furniture_prefix(text[s:e])
        return _headline(text, s, e)
    return None


def _headline(text: str, s: int, e: int) -> Span | None:
    if e <= s or e - s > MAX_TITLE:
        return None
    if e - s > 200 and len(_SENTENCE_BREAK.findall(text, s, e)) > 1:
        return None
    return Span(s, e)


def read_plain(src: SourceFile, continued: bool = False, origin: tuple[int, int] | None = None) -> Document:
    """The Document of a plain-text file. For a section of a very long release (qa.sections):
    `continued`, a section after the first (see Document.continued), with no headline;
    `origin`, the (line, column) in the file where the section starts, so that the
    Document's lines and columns are the file's (its offsets stay the section's)."""
    text = src.text
    lines = LineIndex(text) if origin is None else PieceLineIndex(text, *origin)
    directives = find_line_directives(text, lines)
    offsets = OffsetMap.identity_map(len(text))
    if directives or INVISIBLE.search(text):
        # directives are blanked out (same offsets, but that text is no longer the file's) and
        # invisible format characters dropped (qa.document.invisible): rules read across them
        out = ProseBuilder(text)
        pos = 0
        for d in directives:
            out.verbatim(pos, d.start)
            out.synthetic(" " * (d.end - d.start), d.start, d.end)
            pos = d.end
        out.verbatim(pos, len(text))
        text, offsets = out.build()
    doc = Document(path=src.path, source=src.text, text=text, format="text",
                   offsets=offsets, title_span=None if continued else plain_title(text),
                   directives=tuple(directives), encoding=src.encoding, continued=continued)
    doc.__dict__["line_index"] = lines
    return doc
