"""Inline Markdown: markdown-it-py's inline tokens laid back onto the text they came from.

markdown-it-py gives block tokens a line map but inline tokens no position at all. Each
inline token, though, says what it consumed: a text token's content is a slice of the block's
content, an emphasis token's markup is its delimiter run, an escape or entity keeps its raw
form in `markup`, raw HTML keeps its source. `InlineWalker` walks the tokens with one cursor
over the block's content, checks each token against the content at the cursor and moves the
cursor past it, so positions are exact and the walk is linear. The two constructs whose extent
no token records, a link's or image's `](destination "title")` or `[label]` tail and a code
span's closing backticks, are measured with markdown-it-py's own helpers, as its link rule
measures them. Should a token ever not match (a markdown-it-py release that behaves otherwise),
the rest of the block is still added, as synthetic text tied to the block's place in the file.

Text and decoded escapes and entities are kept; emphasis markers vanish; links keep their
text; code spans, images, autolinks and raw HTML tags are dropped (with a space where they
separated two words, and for a tag only if it is one that separates words: <br>, <p> ...);
HTML comments are read for directives.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from .builder import ProseBuilder
from .derived import DerivedMap
from .html import BLOCK

_BACKTICKS = re.compile(r"`+")
_LINK_SPACE = " \t\n"
_SCHEME_REFUSABLE = re.compile(r"[\x00-\x20]*(?:vbscript|javascript|file|data)[\x00-\x20]*:", re.I)
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_SEPARATING = BLOCK | {"br", "hr", "img"}      # tags that stand between words, not inside one
_DELIMITED = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})


class Misaligned(Exception):
    """A token that does not match the content at the cursor."""


class InlineWalker:
    """Adds the prose of one inline block (its tokens over its content) to a ProseBuilder."""

    def __init__(self, md: MarkdownIt, env: dict, out: ProseBuilder, content: str, where: DerivedMap,
                 on_comment: Callable[[int, int], None]) -> None:
        self.md = md
        self.env = env
        self.out = out
        self.content = content
        self.where = where
        self.on_comment = on_comment
        self._state: StateInline | None = None

    def run(self, tokens: Sequence, start: int = 0) -> None:
        """Add the prose of `tokens`, the tokens of content[start:]."""
        try:
            self._walk(tokens, start, True)
        except Misaligned as exc:
            self._rest(tokens, exc.args[0])

    # ---- the walk ----------------------------------------------------------------------
    def _walk(self, tokens: Sequence, pos: int, emit: bool) -> int:
        content = self.content
        skip_to_close = False          # inside an autolink: its text is dropped
        for index, tok in enumerate(tokens):
            kind = tok.type
            if skip_to_close:
                if kind == "link_close":
                    skip_to_close = False
                continue
            try:
                if kind == "text":
                    text = tok.content
                    if not content.startswith(text, pos):
                        raise Misaligned(index)
                    if emit:
                        self.where.emit(self.out, content, pos, pos + len(text))
                    pos += len(text)
                elif kind == "softbreak" or kind == "hardbreak":
                    pos = self._line_break(pos, emit)
                elif kind == "text_special":
                    pos = self._special(tok, pos, emit)
                elif kind in _DELIMITED:
                    if not content.startswith(tok.markup, pos):
                        raise Misaligned(index)
                    pos += len(tok.markup)
                elif kind == "link_open":
                    if tok.markup == "autolink":
                        end = content.find(">", pos) if content.startswith("<", pos) else -1
                        if end < 0:
                            raise Misaligned(index)
                        pos = self._dropped(pos, end + 1, emit)
                        skip_to_close = True
                    else:
                        if not content.startswith("[", pos):
                            raise Misaligned(index)
                        pos += 1
                elif kind == "link_close":
                    if not content.startswith("]", pos):
                        raise Misaligned(index)
                    pos = self._link_tail(pos, image=False)
                elif kind == "image":
                    if not content.startswith("![", pos):
                        raise Misaligned(index)
                    label_end = self._walk(tok.children or (), pos + 2, False)
                    if not content.startswith("]", label_end):
                        raise Misaligned(index)
                    pos = self._dropped(pos, self._link_tail(label_end, image=True), emit)
                elif kind == "code_inline":
                    pos = self._dropped(pos, self._code_end(tok.markup, pos), emit)
                elif kind == "html_inline":
                    raw = tok.content
                    if not content.startswith(raw, pos):
                        raise Misaligned(index)
                    name = _TAG_NAME.match(raw)
                    if raw.startswith("<!--") and emit:
                        self.on_comment(*self.where.span(pos, pos + len(raw)))
                    if name and name.group(1).lower() in _SEPARATING:
                        pos = self._dropped(pos, pos + len(raw), emit)
                    else:
                        pos += len(raw)
                else:
                    raise Misaligned(index)
            except Misaligned:
                raise Misaligned(index) from None
        return pos

    def _line_break(self, pos: int, emit: bool) -> int:
        content = self.content
        n = len(content)
        while pos < n and content[pos] == " ":
            pos += 1
        if pos < n and content[pos] == "\\":
            pos += 1
        if pos >= n or content[pos] != "\n":
            raise Misaligned(-1)
        if emit:
            self.where.emit(self.out, content, pos, pos + 1)
        pos += 1
        while pos < n and content[pos] in " \t":
            pos += 1
        return pos

    def _special(self, tok, pos: int, emit: bool) -> int:
        raw = tok.markup
        if not self.content.startswith(raw, pos):
            raise Misaligned(-1)
        end = pos + len(raw)
        if emit:
            if tok.info == "escape" and tok.content == raw[1:]:
                self.where.emit(self.out, self.content, pos + 1, end)
            elif tok.content == raw:
                self.where.emit(self.out, self.content, pos, end)
            else:
                s, e = self.where.span(pos, end)
                self.out.synthetic(tok.content.replace("\xa0", " "), s, e)
        return end

    def _dropped(self, start: int, end: int, emit: bool) -> int:
        """Skip content[start:end]; where it separated two words, a space keeps them apart."""
        content = self.content
        if emit and start > 0 and end < len(content) and not content[start - 1].isspace() \
                and not content[end].isspace():
            s, e = self.where.span(start, end)
            self.out.synthetic(" ", s, e)
        return end

    def _code_end(self, marker: str, pos: int) -> int:
        if not marker or not self.content.startswith(marker, pos):
            raise Misaligned(-1)
        for m in _BACKTICKS.finditer(self.content, pos + len(marker)):
            if len(m.group()) == len(marker):
                return m.end()
        raise Misaligned(-1)

    # ---- link and image tails, measured as markdown-it-py's link rule measures them ----
    def _link_tail(self, label_end: int, image: bool) -> int:
        """End of `](dest "title")`, `][label]`, `][]` or `]` after a label ending at label_end."""
        content = self.content
        n = len(content)
        pos = label_end + 1
        if pos < n and content[pos] == "(":
            pos = self._skip_space(pos + 1)
            if pos >= n:
                raise Misaligned(-1)
            helpers = self.md.helpers
            res = helpers.parseLinkDestination(content, pos, n)
            if res.ok or image:
                if res.ok and self._valid(res.str):
                    pos = res.pos
                start = pos
                pos = self._skip_space(pos)
                res = helpers.parseLinkTitle(content, pos, n)
                if pos < n and start != pos and res.ok:
                    pos = self._skip_space(res.pos)
            if pos < n and content[pos] == ")":
                return pos + 1
            if image:
                raise Misaligned(-1)
            pos += 1
        if pos < n and content[pos] == "[":
            end = self.md.helpers.parseLinkLabel(self._inline_state(), pos)
            if end >= 0:
                return end + 1
        return label_end + 1

    def _valid(self, dest: str) -> bool:
        """markdown-it-py's validateLink(normalizeLink(dest)); normalising (slow: URL parsing,
        punycode) cannot turn a destination into one with a refused scheme, so only those
        that start like one are normalised."""
        if not _SCHEME_REFUSABLE.match(dest):
            return True
        return bool(self.md.validateLink(self.md.normalizeLink(dest)))

    def _skip_space(self, pos: int) -> int:
        content = self.content
        n = len(content)
        while pos < n and content[pos] in _LINK_SPACE:
            pos += 1
        return pos

    def _inline_state(self) -> StateInline:
        if self._state is None:
            self._state = StateInline(self.content, self.md, self.env, [])
        return self._state

    # ---- fallback ----------------------------------------------------------------------
    def _rest(self, tokens: Sequence, index: int) -> None:
        """Add the text of tokens[index:] as one synthetic piece over the rest of the block."""
        index = max(index, 0)
        parts: list[str] = []
        skip = False
        for tok in tokens[index:]:
            if skip:
                skip = tok.type != "link_close"
                continue
            if tok.type in ("text", "text_special"):
                parts.append(tok.content.replace("\xa0", " "))
            elif tok.type in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif tok.type == "link_open" and tok.markup == "autolink":
                skip = True
        text = "".join(parts)
        if text:
            start, end = self.where.span(0, len(self.content))
            self.out.synthetic(text, start, end)
