"""HTML: prose from the markup, with every position mapped back into the file.

Tokenised by the standard library's `html.parser.HTMLParser` (tolerant, no DOM), with
`convert_charrefs=False` so that entities arrive as events of their own. The parser reports
where each event starts (`getpos()`: line and column, counted on "\\n" only); the reader turns
that into an offset, and takes the event's end from its raw text (a start tag, a run of text),
the next `>` (an end tag) or the start of the next event (a reference, a comment), so the
prose is copied from the file itself and never from the parser's strings.

The parser is fed a same-length copy of the text, defused where CPython's parser (before
3.11.13/3.12.11/3.13.4) rescans the rest of the input for every unterminated construct,
which makes 100 KB of `<a` take 12 s, or breaks down. The input ends at a start of markup
after the last `>` of the file, or at a `<!--` after the last `-->` (as in the HTML standard,
a tag or comment cut off by the end of the file swallows the rest); `<![` becomes `<!x`
(outside SVG and MathML a CDATA section is a bogus comment anyway); an `&#` that is not a
whole character reference is not offered as one (CPython would read all that follows as text).

Script, style, navigation, code and other non-prose elements are dropped; block elements
become paragraph breaks; entities are decoded. The title is the first <h1>, else <title>.
"""
from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

from ...source import SourceFile
from ..directives import directive_in_comment
from ..lines import LineIndex
from ..model import Directive, Document, Span
from .builder import ProseBuilder
from .derived import DerivedMap, IdentityMap

RAW_TEXT = frozenset({"script", "style", "textarea", "xmp", "plaintext"})
DROPPED = frozenset({"head", "nav", "code", "pre", "noscript", "template", "svg", "math",
                     "iframe", "object", "select", "button", "kbd", "samp", "var"}) | RAW_TEXT
BLOCK = frozenset("""
address article aside blockquote body caption center dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu ol p
section summary table tbody td tfoot th thead tr ul title option
""".split())
LIST_END = frozenset({"li", "ul", "ol", "menu"})

_MARKUP_OPEN = re.compile(r"<[A-Za-z!?/]")
_LONE_LT = re.compile(r"<(?![A-Za-z!?/])")
# "&#" that CPython's parser would not take as a whole character reference (it needs the
# character after one): from 3.11.7 down, such an "&#" makes it read the rest as text
_BAD_CHARREF = re.compile(r"&#(?!(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F])")
_HAS_H1 = re.compile(r"<h1[\s>]", re.I)


def defuse(text: str) -> str:
    """The prefix of `text` given to HTMLParser, with the same length as the text it stands
    for: see the module docstring for what is changed and why. A "<" that opens no markup is
    text to the parser too; it is handed over as "x" so that a run of them is one event."""
    cut = _MARKUP_OPEN.search(text, text.rfind(">") + 1)
    end = cut.start() if cut else len(text)
    last_close = text.rfind("-->", 0, end)    # "<!--" at p is closed by a "-->" at p + 4 or later
    open_comment = text.find("<!--", max(last_close - 3, 0), end)
    if open_comment >= 0:
        end = open_comment
    fed = text[:end].replace("<![", "<!x")
    fed = _BAD_CHARREF.sub("x#", fed)
    return _LONE_LT.sub("x", fed)


class HtmlExtractor(HTMLParser):
    """Turns the events of one run of HTML into prose, list items and directives.

    `text` is what is parsed (the file for an HTML file; a block's content for an HTML block
    in Markdown) and `where` maps its offsets into the file.
    """

    def __init__(self, out: ProseBuilder, text: str, where: IdentityMap | DerivedMap,
                 lines: LineIndex, *, titles: bool, use_title_tag: bool = False) -> None:
        super().__init__(convert_charrefs=False)
        self.out = out
        self.text = text
        self.where = where
        self.lines = lines
        self.titles = titles
        self.use_title_tag = use_title_tag
        self.directives: list[Directive] = []
        self.items: list[Span] = []
        self.title: Span | None = None
        self._h1_start: int | None = None
        self._title_start: int | None = None
        self._li_start: int | None = None
        self._drop_name: str | None = None
        self._drop_depth = 0
        self._line_starts = [0]
        self._fed = 0
        self._pending: tuple[str, int] | None = None   # a reference or comment not yet ended
        self._run_start = self._run_end = -1     # text not yet emitted (runs of data merge)

    # ---- feeding ---------------------------------------------------------------------
    def run(self, fed: str) -> None:
        """Parse `fed` (a same-length prefix of `text`, see `defuse`) to its end."""
        find = fed.find
        i = find("\n")
        while i >= 0:
            self._line_starts.append(i + 1)
            i = find("\n", i + 1)
        self._fed = len(fed)
        self.feed(fed)
        self.close()
        if self._pending is not None:
            self._flush(len(fed))
        self._emit_run()
        self._close_item()

    def _at(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _flush(self, end: int) -> None:
        """Handle the pending reference or comment, which ends where the next event starts."""
        kind, start = self._pending
        self._pending = None
        if kind == "ref":
            self._reference(start, end)
        else:
            self._comment(start, end)

    def _emit_run(self) -> None:
        if self._run_end > self._run_start and not self._dropping():
            self.where.emit(self.out, self.text, self._run_start, self._run_end, True)
        self._run_start = self._run_end = -1

    def _tag_start(self) -> int:
        start = self._at()
        if self._pending is not None:
            self._flush(start)
        if self._run_end >= 0:
            self._emit_run()
        return start

    # ---- HTMLParser callbacks ----------------------------------------------------------
    def handle_starttag(self, tag, attrs) -> None:
        start = self._tag_start()
        self._start(tag, start, start + len(self.get_starttag_text() or ""), False)

    def handle_startendtag(self, tag, attrs) -> None:
        start = self._tag_start()
        self._start(tag, start, start + len(self.get_starttag_text() or ""), True)

    def handle_endtag(self, tag) -> None:
        start = self._tag_start()
        end = self.text.find(">", start, self._fed)
        self._end(tag, start, end + 1 if end >= 0 else self._fed)

    def handle_comment(self, data) -> None:
        self._pending = ("comment", self._tag_start())

    def handle_entityref(self, name) -> None:
        self._pending = ("ref", self._tag_start())

    def handle_charref(self, name) -> None:
        self._pending = ("ref", self._tag_start())

    def handle_decl(self, decl) -> None:
        self._tag_start()

    def handle_pi(self, data) -> None:
        self._tag_start()

    def unknown_decl(self, data) -> None:
        self._tag_start()

    def handle_data(self, data) -> None:
        start = self._at()
        if self._pending is not None:
            self._flush(start)
        if start != self._run_end:
            if self._run_end >= 0:
                self._emit_run()
            self._run_start = start
        self._run_end = min(start + len(data), self._fed)

    # ---- events --------------------------------------------------------------------------
    def _dropping(self) -> bool:
        return self._drop_name is not None and self._title_start is None

    def _comment(self, start: int, end: int) -> None:
        s, e = self.where.span(start, end)
        d = directive_in_comment(self.out.source, s, e, self.lines)
        if d:
            self.directives.append(d)

    def _reference(self, start: int, end: int) -> None:
        if self._dropping():
            return
        raw = self.text[start:end]
        decoded = htmllib.unescape(raw)
        if decoded == raw:
            self.where.emit(self.out, self.text, start, end, True)
        else:
            s, e = self.where.span(start, end)
            self.out.synthetic(decoded.replace("\xa0", " "), s, e)

    def _start(self, name: str, start: int, end: int, self_closing: bool) -> None:
        if self._drop_name is not None:
            if name == self._drop_name and not self_closing:
                self._drop_depth += 1
            elif name == "title" and not self_closing and self._drop_name == "head":
                self._open_title(start, end)
            return
        if name == "title" and not self_closing:
            self._open_title(start, end)
            return
        if name in DROPPED and not self_closing:
            self._drop_name, self._drop_depth = name, 1
            return
        self._structure(name, False, start, end)

    def _end(self, name: str, start: int, end: int) -> None:
        if name == "title" and self._title_start is not None:
            self._close_title(start, end)
            return
        if self._drop_name is not None:
            if name == self._drop_name:
                self._drop_depth -= 1
                if self._drop_depth <= 0:
                    self._drop_name = None
            return
        self._structure(name, True, start, end)

    def _open_title(self, start: int, end: int) -> None:
        if self.titles and self.use_title_tag and self.title is None:
            s, e = self.where.span(start, end)
            self.out.paragraph_break(s, e)
            self._title_start = self.out.length
        elif self._drop_name is None:
            self._drop_name, self._drop_depth = "title", 1

    def _close_title(self, start: int, end: int) -> None:
        span = _trim_span(self.out, self._title_start)
        self._title_start = None
        if span:
            self.title = span
        s, e = self.where.span(start, end)
        self.out.paragraph_break(s, e)

    def _structure(self, name: str, closing: bool, start: int, end: int) -> None:
        if name in LIST_END:
            self._close_item()
        if name == "br":
            self.out.line_break(*self.where.span(start, end))
            return
        if name in BLOCK:
            self.out.paragraph_break(*self.where.span(start, end))
        if name == "h1" and self.titles:
            if not closing and self._h1_start is None and self.title is None:
                self._h1_start = self.out.length
            elif closing and self._h1_start is not None:
                if self.title is None and self.out.length > self._h1_start:
                    self.title = _trim_span(self.out, self._h1_start)
                self._h1_start = None
        if name == "li" and not closing:
            self._li_start = self.out.length

    def _close_item(self) -> None:
        if self._li_start is not None:
            span = _trim_span(self.out, self._li_start)
            if span:
                self.items.append(span)
            self._li_start = None


def _trim_span(out: ProseBuilder, start: int) -> Span | None:
    s, e = out.trimmed(start)
    return Span(s, e) if e > s else None


def read_html(src: SourceFile) -> Document:
    text = src.text
    lines = LineIndex(text)
    out = ProseBuilder(text)
    reader = HtmlExtractor(out, text, IdentityMap(), lines, titles=True,
                           use_title_tag=not _HAS_H1.search(text))
    reader.run(defuse(text))
    prose, offsets = out.build()
    doc = Document(path=src.path, source=text, text=prose, format="html", offsets=offsets,
                   title_span=reader.title, list_items=tuple(reader.items),
                   directives=tuple(reader.directives), encoding=src.encoding)
    doc.__dict__["line_index"] = lines
    return doc
