"""Walking WordprocessingML: the text of each paragraph as it prints, piece by piece.

One ``StoryWalker`` walks one part (the document body, the footnotes, the endnotes) in document
order and records every paragraph with its text and, for every character, the element it comes
from. What prints is what is read, after accepting tracked changes:

- w:t text; w:tab/w:ptab as "\\t"; w:br/w:cr (line, page, column breaks) as one space, so a
  soft break never starts a new line; w:noBreakHyphen as U+2011, w:softHyphen as U+00AD, w:sym as
  its character. Line-ending characters inside w:t text also read as a space (one for one).
- hyperlinks, smart tags, custom XML, content controls, w:fldSimple, w:dir/w:bdo: their runs.
- complex fields (w:fldChar begin/separate/end, nested too): the result, not the instruction.
- tracked changes: inserted and moved-to runs are read, deleted and moved-from runs are not.
  (A deleted paragraph mark still ends its paragraph here, so a line is always one w:p.)
- hidden runs (w:vanish) and math are not read; ruby text reads its base, not the annotation.
- text boxes (w:txbxContent): their paragraphs follow the paragraph that anchors them; of an
  mc:AlternateContent only the first branch with text is read, and the w:t elements of the other
  branches are recorded as its twins when their texts are the same (else as locked).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import model

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, R, T, RPR, VAL = W + "p", W + "r", W + "t", W + "rPr", W + "val"
TBL, TXBX, SDT, SDT_CONTENT = W + "tbl", W + "txbxContent", W + "sdt", W + "sdtContent"
FLDCHAR, FLDCHAR_TYPE = W + "fldChar", W + "fldCharType"
ALT, CHOICE, FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
RUBY, RUBY_BASE, VANISH, SYM, CHAR = W + "ruby", W + "rubyBase", W + "vanish", W + "sym", W + "char"

BLOCK_CONTAINERS = frozenset(W + n for n in ("tr", "tc", "sdtContent", "customXml", "ins", "moveTo"))
INLINE_CONTAINERS = frozenset(W + n for n in (
    "hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "dir", "bdo", "sdtContent"))
SINGLE_CHARS = {
    W + "tab": ("\t", model.TAB), W + "ptab": ("\t", model.TAB),
    W + "br": (" ", model.BREAK), W + "cr": (" ", model.BREAK),
    W + "noBreakHyphen": ("\u2011", model.HYPHEN), W + "softHyphen": ("\u00ad", model.HYPHEN),
}
GRAPHICS = frozenset((W + "drawing", W + "pict", W + "object"))
OFF = frozenset(("0", "false", "off"))
# Characters that str.splitlines() treats as line ends: never let one start a new line.
LINE_END = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
SKIPPED_NOTES = frozenset(("separator", "continuationSeparator", "continuationNotice"))

Element = Any  # an lxml element (python-docx's oxml classes are lxml elements)


@dataclass(slots=True)
class RawParagraph:
    """A paragraph as walked: its w:p, container kind, text, and (start, end, kind, element)
    for each piece of the text."""

    element: Element
    kind: str
    text: str
    pieces: list[tuple[int, int, str, Element]]


@dataclass(slots=True)
class _Line:
    parts: list[str] = field(default_factory=list)
    pieces: list[tuple[int, int, str, Element]] = field(default_factory=list)
    boxes: list[Element] = field(default_factory=list)
    pos: int = 0

    def add(self, text: str, kind: str, element: Element) -> None:
        if text:
            self.parts.append(text)
            self.pieces.append((self.pos, self.pos + len(text), kind, element))
            self.pos += len(text)


class StoryWalker:
    """Walks the stories of one part; ``paragraphs`` collects them in document order,
    ``twins`` maps a read w:t to its unread identical copies, ``locked`` holds read w:t elements
    whose unread copies differ."""

    def __init__(self) -> None:
        self.paragraphs: list[RawParagraph] = []
        self.twins: dict[Element, list[Element]] = {}
        self.locked: set[Element] = set()
        self._fields: list[bool] = []   # open complex fields: True once past "separate"
        self._in_instruction = 0        # open fields still in their instruction

    # -- stories -------------------------------------------------------------------------
    def body(self, body: Element) -> None:
        self._reset_fields()
        self.blocks(body, "body")

    def notes(self, root: Element, kind: str) -> None:
        """The w:footnote / w:endnote children of a notes part (separators skipped)."""
        for note in root:
            if note.get(W + "type") in SKIPPED_NOTES:
                continue
            self._reset_fields()
            self.blocks(note, kind)

    def _reset_fields(self) -> None:
        self._fields.clear()
        self._in_instruction = 0

    # -- block level ---------------------------------------------------------------------
    def blocks(self, container: Element, kind: str) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child, kind)
            elif tag == TBL:
                self.blocks(child, "table" if kind == "body" else kind)
            elif tag in BLOCK_CONTAINERS:
                self.blocks(child, kind)
            elif tag == SDT:
                content = child_of(child, SDT_CONTENT)
                if content is not None:
                    self.blocks(content, kind)
            elif tag == ALT:
                branch = self._choose(child)
                if branch is not None:
                    self.blocks(branch, kind)

    def paragraph(self, p: Element, kind: str) -> None:
        line = _Line()
        self._inline(p, line)
        self.paragraphs.append(RawParagraph(p, kind, "".join(line.parts), line.pieces))
        for box in line.boxes:
            self.blocks(box, "textbox")

    # -- inline level --------------------------------------------------------------------
    def _inline(self, container: Element, line: _Line) -> None:
        for child in container:
            tag = child.tag
            if tag == R:
                self._run(child, line)
            elif tag in INLINE_CONTAINERS:
                self._inline(child, line)
            elif tag == SDT:
                content = child_of(child, SDT_CONTENT)
                if content is not None:
                    self._inline(content, line)
            elif tag == ALT:
                branch = self._choose(child)
                if branch is not None:
                    self._inline(branch, line)

    def _run(self, run: Element, line: _Line) -> None:
        self._run_content(run, False, line)

    def _run_content(self, container: Element, hidden: bool, line: _Line) -> None:
        for child in container:
            tag = child.tag
            if tag == T:
                if not (hidden or self._in_instruction):
                    text = child.text or ""
                    if LINE_END.search(text):
                        text = LINE_END.sub(" ", text)
                    line.add(text, model.TEXT, child)
            elif tag == RPR:   # first in a run: whether the run is hidden
                hidden = any(c.tag == VANISH and c.get(VAL, "1").lower() not in OFF for c in child)
            elif tag == FLDCHAR:
                self._field_char(child.get(FLDCHAR_TYPE))
            elif tag in GRAPHICS:
                line.boxes.extend(self._textboxes(child))
            elif tag == ALT:
                branch = self._choose(child)
                if branch is not None:
                    self._run_content(branch, hidden, line)
            elif hidden or self._in_instruction:
                continue
            elif tag in SINGLE_CHARS:
                char, kind = SINGLE_CHARS[tag]
                line.add(char, kind, child)
            elif tag == SYM:
                char = _symbol(child.get(CHAR))
                if char:
                    line.add(char, model.SYMBOL, child)
            elif tag == RUBY:
                base = child_of(child, RUBY_BASE)
                if base is not None:
                    self._inline(base, line)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(False)
            self._in_instruction += 1
        elif kind == "separate" and self._fields and not self._fields[-1]:
            self._fields[-1] = True
            self._in_instruction -= 1
        elif kind == "end" and self._fields:
            if not self._fields.pop():
                self._in_instruction -= 1

    # -- text boxes and alternate content ------------------------------------------------
    def _textboxes(self, graphic: Element) -> list[Element]:
        """The outermost w:txbxContent elements under a drawing, in document order."""
        found = []
        stack = [graphic]
        while stack:
            node = stack.pop()
            tag = node.tag
            if tag == TXBX:
                found.append(node)
                continue
            if tag == ALT:
                branch = self._choose(node)
                children = [branch] if branch is not None else []
            else:
                children = list(node)
            stack.extend(reversed(children))
        return found

    def _choose(self, alt: Element) -> Element | None:
        """The branch of an mc:AlternateContent that is read: the first one with text (else the
        first one). The w:t elements of the other branches become twins (same texts) or lock
        the chosen ones (different texts)."""
        branches = [b for b in alt if b.tag in (CHOICE, FALLBACK)]
        if not branches:
            return None
        chosen = next((b for b in branches if next(b.iter(T, TXBX), None) is not None), branches[0])
        mine = None
        for other in branches:
            if other is chosen:
                continue
            theirs = list(other.iter(T))
            if not theirs:
                continue
            if mine is None:
                mine = list(chosen.iter(T))
            if [t.text for t in mine] == [t.text for t in theirs]:
                for a, b in zip(mine, theirs, strict=True):
                    self.twins.setdefault(a, []).append(b)
            else:
                self.locked.update(mine)
        return chosen


def child_of(element: Element, tag: str) -> Element | None:
    """The first child of ``element`` with this tag, or None (lxml's ``find`` goes through its
    Python path machinery; a filtered child iterator stays in C)."""
    return next(element.iterchildren(tag), None)


def _symbol(code: str | None) -> str:
    """The character of a w:sym w:char value (hex); "" when it is not a usable code point."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
        return LINE_END.sub(" ", chr(value))
    return ""
