"""Markdown: prose from CommonMark-style markup, with every position mapped into the file.

Line-oriented: front matter, fenced and indented code, reference definitions, tables'
rule lines and HTML comments are dropped; heading, list and quote markers are stripped;
inline code and images are dropped, links keep their text, emphasis markers and inline
tags disappear, escapes and entities are decoded. Headings and list items end a paragraph.
The title is the first heading (or, with none, a one-line first paragraph).
"""
from __future__ import annotations

import html as htmllib

import regex

from ...source import SourceFile
from ..directives import directive_in_comment
from ..lines import LineIndex
from ..model import Document, Span
from .builder import ProseBuilder
from .plain import plain_title
from ..._speed.regex import regex_compile

_LINE = regex_compile(r"([^\r\n]*)(\r\n|\r|\n|\Z)")
_FENCE = regex_compile(r" {0,3}(`{3,}|~{3,})")
_ATX = regex_compile(r" {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = regex_compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_SETEXT = regex_compile(r" {0,3}(=+|-+)[ \t]*$")
_HRULE = regex_compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_LIST = regex_compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)")
_QUOTE = regex_compile(r"[ \t]{0,3}>[ \t]?")
_REFDEF = regex_compile(r" {0,3}\[[^\]]+\]:\s*\S+")
_PIPE = regex_compile(r"(?<!\\)\|")
_TABLE_RULE = regex_compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_INLINE = regex_compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<image>!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?)"
    r"|(?P<link>\[(?P<ltext>[^\]]*)\](?:\((?P<url>[^)]*)\)|\[[^\]]*\]))"
    r"|(?P<auto><(?:https?|ftp|mailto):[^>\s]*>)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<esc>\\[!-/:-@\[-`{-~])"
    r"|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6});)"
    r"|(?P<emph>(?<![\s*])\*{1,3}|\*{1,3}(?![\s*])|(?<![\p{L}\p{N}_])_{1,3}(?=\S)"
    r"|(?<=\S)_{1,3}(?![\p{L}\p{N}_])|~~)"
)


class _Reader:
    def __init__(self, src: SourceFile) -> None:
        self.src = src.text
        self.out = ProseBuilder(self.src)
        self.lines = LineIndex(self.src)
        self.directives = []
        self.title: Span | None = None
        self.items: list[Span] = []

    def run(self) -> None:
        text = self.src
        lines = [(m.start(1), m.end(1), m.end(2)) for m in _LINE.finditer(text) if m.end(2) > m.start(1)]
        i = self._front_matter(lines)
        fence = None
        prev_blank = True
        while i < len(lines):
            s, e, nl = lines[i]
            line = text[s:e]
            if fence:
                if regex.match(r" {0,3}" + regex.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", line):
                    fence = None
                    self.out.paragraph_break(s, e)
                i += 1
                continue
            fm = _FENCE.match(line)
            if fm:
                fence = fm.group(1)
                self.out.paragraph_break(s, e)
                i += 1
                continue
            stripped = line.strip()
            if not stripped:
                self.out.paragraph_break(s, nl)
                prev_blank = True
                i += 1
                continue
            if stripped.startswith("<!--"):
                cstart = s + line.index("<!--")
                close = text.find("-->", cstart + 4)
                cend = len(text) if close < 0 else close + 3
                if cend >= s + len(line.rstrip()):
                    # a comment that fills the rest of its line(s): drop the lines it covers
                    self._comment(cstart, cend)
                    i += 1
                    while i < len(lines) and lines[i][0] < cend:
                        i += 1
                    continue
            if prev_blank and line.startswith(("    ", "\t")) and not self._in_list(i, lines):
                i += 1          # indented code block
                continue
            if _REFDEF.match(line):
                i += 1
                continue
            if _HRULE.match(line):
                self.out.paragraph_break(s, e)
                prev_blank = False
                i += 1
                continue
            if _TABLE_RULE.match(line) and "|" in line:
                i += 1
                continue
            # setext heading: this line followed by === or ---
            if i + 1 < len(lines) and _SETEXT.match(text[lines[i + 1][0]:lines[i + 1][1]]) \
                    and not _LIST.match(line) and not _QUOTE.match(line):
                self._heading(s, e)
                i += 2
                prev_blank = False
                continue
            self._block_line(s, e, nl)
            prev_blank = False
            i += 1
        if self.title is None:
            text_out, _ = self.out.build()
            self.title = plain_title(text_out)

    def _front_matter(self, lines) -> int:
        if not lines or self.src[lines[0][0]:lines[0][1]].rstrip() != "---":
            return 0
        for k in range(1, len(lines)):
            if self.src[lines[k][0]:lines[k][1]].rstrip() in ("---", "..."):
                return k + 1
        return 0

    def _in_list(self, i: int, lines) -> bool:
        k = i - 1
        while k >= 0:
            s, e, _ = lines[k]
            line = self.src[s:e]
            if line.strip():
                return bool(_LIST.match(line)) or line.startswith(("    ", "\t"))
            k -= 1
        return False

    def _comment(self, start: int, end: int) -> None:
        d = directive_in_comment(self.src, start, end, self.lines)
        if d:
            self.directives.append(d)

    def _heading(self, s: int, e: int) -> None:
        self.out.paragraph_break(s, s)
        start = self.out.length
        self._inline(s, e)
        span = self.out.trimmed(start)
        if self.title is None and span[1] > span[0]:
            self.title = Span(*span)
        self.out.paragraph_break(e, e)

    def _block_line(self, s: int, e: int, nl: int) -> None:
        text = self.src
        q = _QUOTE.match(text, s, e)
        while q:
            s = q.end()
            q = _QUOTE.match(text, s, e)
        m = _ATX.match(text, s, e)
        if m:
            close = _ATX_CLOSE.search(text, m.end(), e)
            self._heading(m.end(), close.start() if close else e)
            return
        m = _LIST.match(text, s, e)
        if m:
            self.out.paragraph_break(s, m.end())
            start = self.out.length
            self._inline(m.end(), e)
            span = self.out.trimmed(start)
            if span[1] > span[0]:
                self.items.append(Span(*span))
            self.out.line_break(e, nl)
            return
        if "|" in text[s:e] and text[s:e].strip().startswith("|"):
            self._table_row(s, e)
            self.out.line_break(e, nl)
            return
        self._inline(s, e)
        if e < nl:
            self.out.verbatim(e, nl)

    def _table_row(self, s: int, e: int) -> None:
        pos = s
        for m in _PIPE.finditer(self.src, s, e):
            if m.start() > pos:
                self._inline(pos, m.start())
                self.out.line_break(m.start(), m.end())
            pos = m.end()
        if pos < e:
            self._inline(pos, e)

    def _inline(self, s: int, e: int) -> None:
        text = self.src
        pos = s
        for m in _INLINE.finditer(text, s, e):
            self.out.verbatim(pos, m.start())
            kind = m.lastgroup
            if kind == "link":
                self._inline(m.start("ltext"), m.end("ltext"))
            elif kind == "comment":
                self._comment(m.start(), m.end())
            elif kind == "esc":
                self.out.verbatim(m.start() + 1, m.end())
            elif kind == "entity":
                self.out.synthetic(htmllib.unescape(m.group(0)).replace("\xa0", " "),
                                   m.start(), m.end())
            elif kind in ("code", "image", "auto", "tag"):
                # keep words apart where the dropped piece separated them
                if m.start() > s and not text[m.start() - 1].isspace() and m.end() < e \
                        and not text[m.end()].isspace():
                    self.out.synthetic(" ", m.start(), m.end())
            pos = m.end()
        self.out.verbatim(pos, e)


def read_markdown(src: SourceFile) -> Document:
    reader = _Reader(src)
    reader.run()
    text, offsets = reader.out.build()
    doc = Document(path=src.path, source=src.text, text=text, format="markdown",
                   offsets=offsets, title_span=reader.title, list_items=tuple(reader.items),
                   directives=tuple(reader.directives), encoding=src.encoding)
    doc.__dict__["line_index"] = reader.lines
    return doc
