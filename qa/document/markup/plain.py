"""Plain text: the prose is the file itself (directives blanked), offsets are identity."""
from __future__ import annotations

from ..._speed.regex import re_compile
from ...source import SourceFile
from .. import segment
from ..directives import find_line_directives
from ..lines import LineIndex
from ..model import Document, Span
from ..offsets import OffsetMap
from .builder import ProseBuilder

MAX_TITLE = 500
_SENTENCE_BREAK = re_compile(r"[.!?]\s+[A-Z]")


def plain_title(text: str) -> Span | None:
    """The headline: a first paragraph of one line and at most two sentences, followed by more
    text. (An overlong headline is still a headline: the title rules say it is too long.)"""
    paras = segment.paragraphs(text)
    if len(paras) < 2:
        return None
    s, e = paras[0]
    if e - s > MAX_TITLE or any(c in "\r\n" for c in text[s:e]):
        return None
    if e - s > 200 and len(_SENTENCE_BREAK.findall(text, s, e)) > 1:
        return None
    return Span(s, e)


def read_plain(src: SourceFile) -> Document:
    text = src.text
    lines = LineIndex(text)
    directives = find_line_directives(text, lines)
    offsets = OffsetMap.identity_map(len(text))
    if directives:
        # the directives are blanked out: same offsets, but that text is no longer the file's
        out = ProseBuilder(text)
        pos = 0
        for d in directives:
            out.verbatim(pos, d.start)
            out.synthetic(" " * (d.end - d.start), d.start, d.end)
            pos = d.end
        out.verbatim(pos, len(text))
        text, offsets = out.build()
    doc = Document(path=src.path, source=src.text, text=text, format="text",
                   offsets=offsets, title_span=plain_title(text),
                   directives=tuple(directives), encoding=src.encoding)
    doc.__dict__["line_index"] = lines
    return doc
