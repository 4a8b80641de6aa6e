"""HTML: prose from the markup, with every position mapped back into the file.

A small tolerant tokenizer (comments, doctype, tags, text) rather than a DOM: it never
fails on malformed markup and it knows the source offset of every character it keeps.
Script, style, navigation, code and other non-prose elements are dropped; block elements
become paragraph breaks; entities are decoded. The title is the first <h1>, else <title>.
"""
from __future__ import annotations

import html as htmllib

import regex

from ...source import SourceFile
from ..lines import LineIndex
from ..directives import directive_in_comment
from ..model import Document, Span
from .builder import ProseBuilder
from ..._speed.regex import regex_compile

_TOKEN = regex_compile(
    r"<!--.*?(?:--!?>|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<![^>]*>?"
    r"|<\?[^>]*>?"
    r"|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    regex.S)
_TAG_NAME = regex_compile(r"</?\s*([A-Za-z][A-Za-z0-9:\-]*)")
_ENTITY = regex_compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_HAS_H1 = regex_compile(r"<h1[\s>]", regex.I)

RAW_TEXT = frozenset({"script", "style", "textarea", "xmp", "plaintext"})
DROPPED = frozenset({"head", "nav", "code", "pre", "noscript", "template", "svg", "math",
                     "iframe", "object", "select", "button", "kbd", "samp", "var"})
BLOCK = frozenset("""
address article aside blockquote body caption center dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu ol p
section summary table tbody td tfoot th thead tr ul title option
""".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
LIST_END = frozenset({"li", "ul", "ol", "menu"})


class _Reader:
    def __init__(self, src: SourceFile) -> None:
        self.src = src.text
        self.out = ProseBuilder(self.src)
        self.lines = LineIndex(self.src)
        self.directives = []
        self.use_title_tag = not _HAS_H1.search(self.src)
        self.title: Span | None = None
        self.h1_start: int | None = None
        self.title_start: int | None = None
        self.items: list[Span] = []
        self.li_start: int | None = None
        self.drop_name: str | None = None    # inside a dropped element of this name
        self.drop_depth = 0

    def run(self) -> None:
        text = self.src
        pos = 0
        n = len(text)
        while pos < n:
            lt = text.find("<", pos)
            if lt < 0:
                self.text_node(pos, n)
                break
            m = _TOKEN.match(text, lt)
            if not m:               # a "<" that starts no tag is text
                nxt = text.find("<", lt + 1)
                end = n if nxt < 0 else nxt
                self.text_node(pos, end)
                pos = end
                continue
            self.text_node(pos, lt)
            pos = self.token(m.start(), m.end())
        self.close_item(n)

    # ---- tokens --------------------------------------------------------------------
    def token(self, start: int, end: int) -> int:
        tok = self.src[start:end]
        if tok.startswith("<!--"):
            d = directive_in_comment(self.src, start, end, self.lines)
            if d:
                self.directives.append(d)
            return end
        if tok.startswith(("<!", "<?")):
            return end
        name_m = _TAG_NAME.match(tok)
        name = name_m.group(1).lower() if name_m else ""
        closing = tok.startswith("</")
        if self.drop_name is not None:
            if name == self.drop_name:
                self.drop_depth += -1 if closing else (0 if tok.endswith("/>") else 1)
                if self.drop_depth <= 0:
                    self.drop_name = None
            elif name == "title" and not closing and self.drop_name == "head":
                return self.title_tag(end)
            return end
        if not closing and name in RAW_TEXT:
            close = regex_compile(r"</" + name + r"\s*>", regex.I).search(self.src, end)
            return close.end() if close else len(self.src)
        if name == "title" and not closing:
            return self.title_tag(end)
        if not closing and name in DROPPED and not tok.endswith("/>"):
            self.drop_name, self.drop_depth = name, 1
            return end
        self.structure(name, closing, start, end)
        return end

    def title_tag(self, end: int) -> int:
        close = regex_compile(r"</title\s*>", regex.I).search(self.src, end)
        stop = close.start() if close else len(self.src)
        if self.use_title_tag and self.title is None:
            self.out.paragraph_break(end, end)
            s = self.out.length
            dropping, self.drop_name = self.drop_name, None
            self.text_node(end, stop)
            self.drop_name = dropping
            if self.out.length > s:
                self.title = Span(s, self.out.length)
            self.out.paragraph_break(stop, stop)
        return close.end() if close else len(self.src)

    def structure(self, name: str, closing: bool, start: int, end: int) -> None:
        if name in LIST_END:
            self.close_item(start)
        if name == "br":
            self.out.line_break(start, end)
            return
        if name in BLOCK:
            self.out.paragraph_break(start, end)
        if name == "h1":
            if not closing and self.h1_start is None and self.title is None:
                self.h1_start = self.out.length
            elif closing and self.h1_start is not None:
                if self.title is None and self.out.length > self.h1_start:
                    self.title = _trim_span(self.out, self.h1_start)
                self.h1_start = None
        if name == "li" and not closing:
            self.li_start = self.out.length

    def close_item(self, at: int) -> None:
        if self.li_start is not None:
            span = _trim_span(self.out, self.li_start)
            if span:
                self.items.append(span)
            self.li_start = None

    def text_node(self, start: int, end: int) -> None:
        if end <= start or self.drop_name is not None:
            return
        pos = start
        for m in _ENTITY.finditer(self.src, start, end):
            self.out.verbatim(pos, m.start(), newline_to_space=True)
            decoded = htmllib.unescape(m.group(0))
            if decoded == m.group(0):
                self.out.verbatim(m.start(), m.end(), newline_to_space=True)
            else:
                self.out.synthetic(decoded.replace("\xa0", " "), m.start(), m.end())
            pos = m.end()
        self.out.verbatim(pos, end, newline_to_space=True)


def _trim_span(out: ProseBuilder, start: int) -> Span | None:
    s, e = out.trimmed(start)
    return Span(s, e) if e > s else None


def read_html(src: SourceFile) -> Document:
    reader = _Reader(src)
    reader.run()
    text, offsets = reader.out.build()
    doc = Document(path=src.path, source=src.text, text=text, format="html", offsets=offsets,
                   title_span=reader.title, list_items=tuple(reader.items),
                   directives=tuple(reader.directives), encoding=src.encoding)
    doc.__dict__["line_index"] = reader.lines
    return doc
