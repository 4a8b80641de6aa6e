"""Editing the text of w:t elements in the raw XML of a part, changing nothing else.

Fixes must leave a part exactly as it was except for the changed text, so the part is not
re-serialised: ``TextSlots`` finds every w:t element in the part's own characters (in document
order, the order lxml's ``iter`` gives), maps each character of its content to the characters of
the file that spell it (literal, entity or character reference) and splices replacements in.
The scan is one linear pass of a tokenizer whose patterns cannot backtrack; anything unusual (a
default WordprocessingML namespace, two prefixes for it, markup inside a w:t, a count that does
not match the parsed tree) makes the part or the element refuse edits rather than guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TOKEN = re.compile(r"""<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>"""
                   r"""|<(/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
DECLARES = re.compile(r"""xmlns(?::([\w.-]+))?\s*=\s*(["'])(.*?)\2""")
REFERENCE = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));")
NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
XML_SPACE = re.compile(r"""\sxml:space\s*=\s*(["'])(.*?)\1""")


class RawXmlError(ValueError):
    """The part or element cannot be edited safely; the message says why, in one line."""


@dataclass(slots=True)
class Slot:
    """One w:t in the raw text: its start tag span and its content span."""

    tag_start: int
    tag_end: int      # just after the start tag's ">"
    end: int          # where "</w:t>" starts


def decode_part(data: bytes) -> tuple[str, str]:
    """(text, codec) of a part in UTF-8 (BOM kept as U+FEFF) or UTF-16 (BOM kept)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
    else:
        codec = "utf-8"
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as exc:
        raise RawXmlError(f"the part is not valid {codec} ({exc.reason})") from None


class TextSlots:
    """The w:t elements of one part located in its raw text."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        prefix = self._prefix(raw)
        name = f"{prefix}:t"
        closing = f"</{name}>"
        slots: list[Slot] = []
        pos = 0
        while True:
            m = TOKEN.search(raw, pos)
            if m is None:
                break
            pos = m.end()
            if m.group(2) != name or m.group(1):
                continue
            if m.group(3).endswith("/"):
                slots.append(Slot(m.start(), m.end(), m.end()))
                continue
            end = raw.find(closing, pos)
            if end < 0:
                raise RawXmlError(f"a <{name}> is never closed")
            slots.append(Slot(m.start(), m.end(), end))
            pos = end + len(closing)
        self.slots = slots

    @staticmethod
    def _prefix(raw: str) -> str:
        prefixes = set()
        for m in DECLARES.finditer(raw):
            if m.group(3) == W_NS:
                if m.group(1) is None:
                    raise RawXmlError("the part uses WordprocessingML as its default namespace")
                prefixes.add(m.group(1))
        if len(prefixes) != 1:
            raise RawXmlError("the part binds WordprocessingML to %d prefixes" % len(prefixes))
        prefix = prefixes.pop()
        for m in DECLARES.finditer(raw):
            if m.group(1) == prefix and m.group(3) != W_NS:
                raise RawXmlError(f"the prefix {prefix!r} is bound to two namespaces")
        return prefix

    def content_map(self, index: int) -> tuple[str, list[int]]:
        """(decoded text, bounds) of slot ``index``: decoded character i is spelt by
        raw[bounds[i]:bounds[i + 1]]; bounds has one entry more than the text."""
        slot = self.slots[index]
        content = self.raw[slot.tag_end:slot.end]
        if "<" in content:
            raise RawXmlError("a w:t holds markup (a comment or CDATA)")
        chars: list[str] = []
        bounds: list[int] = []
        i = 0
        n = len(content)
        while i < n:
            c = content[i]
            bounds.append(slot.tag_end + i)
            if c == "&":
                m = REFERENCE.match(content, i)
                if m is None:
                    raise RawXmlError("a w:t holds an unknown entity reference")
                hexa, dec, named = m.groups()
                chars.append(NAMED[named] if named else chr(int(hexa, 16) if hexa else int(dec)))
                i = m.end()
            elif c == "\r":
                chars.append("\n")  # XML reads CR LF and a lone CR as LF
                i += 2 if content.startswith("\r\n", i) else 1
            else:
                chars.append(c)
                i += 1
        bounds.append(slot.tag_end + n)
        return "".join(chars), bounds

    def needs_preserve(self, index: int) -> bool:
        """Whether the start tag of slot ``index`` lacks xml:space="preserve"."""
        slot = self.slots[index]
        m = XML_SPACE.search(self.raw, slot.tag_start, slot.tag_end)
        if m is None:
            return True
        if m.group(2) != "preserve":
            raise RawXmlError('a w:t has xml:space other than "preserve"')
        return False


def escape(text: str) -> str:
    """Text as w:t content: &, < and > escaped, everything else literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def splice(raw: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping (start, end, new) replacements to ``raw`` in one linear pass."""
    out: list[str] = []
    pos = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            raise RawXmlError("two edits overlap in the raw XML")
        out.append(raw[pos:start])
        out.append(new)
        pos = end
    out.append(raw[pos:])
    return "".join(out)
