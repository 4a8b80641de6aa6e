"""XML for the bilingual readers: checked by defusedxml, then scanned with exact offsets.

defusedxml (expat underneath) decides whether the file is well-formed XML and refuses any
document type declaration, and with it every entity declaration and external reference:
no entity is ever expanded and nothing is fetched. Only a file it accepts is scanned, by a
single left-to-right pass of `str.find` calls that yields each tag, text run, CDATA section
and comment with its offsets in the text as given; in a well-formed file without a DTD the
only references are the five predefined entities and character references.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ...errors import InputError

_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.\-]*);")
_NAME_END = re.compile(r"[\s/>]")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class _Discard:
    """An ElementTree parser target that builds nothing: the check needs no tree."""

    def close(self) -> None:
        return None


def check_xml(text: str, path: str) -> None:
    """Raise InputError unless `text` is well-formed XML without a DTD."""
    parser = DefusedXMLParser(target=_Discard(), forbid_dtd=True, forbid_entities=True,
                              forbid_external=True, encoding="utf-8")
    try:
        parser.feed(text.encode("utf-8", "surrogatepass"))
        parser.close()
    except DefusedXmlException:
        raise InputError("the XML declares a document type (DTD); DTDs, entity declarations "
                         "and external references are refused", path) from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        reason = str(exc).split(":")[0]
        raise InputError(f"not well-formed XML ({reason})", path, line) from None


def decode_reference(ref: str) -> str:
    """The character of `&...;` (a predefined entity or a character reference)."""
    body = ref[1:-1]
    if body.startswith("#x"):
        return chr(int(body[2:], 16))
    if body.startswith("#"):
        return chr(int(body[1:]))
    return _PREDEFINED.get(body, ref)


def unescape(value: str) -> str:
    return _REFERENCE.sub(lambda m: decode_reference(m.group()), value) if "&" in value else value


def local(name: str) -> str:
    """An element or attribute name without its namespace prefix."""
    return name.rpartition(":")[2]


def scan(text: str) -> Iterator[tuple]:
    """Events of a well-formed document, in order:

    ("start", start, end, name, attrs, empty)   attrs: local name -> unescaped value
    ("end", start, end, name)
    ("text", start, end)                          raw character data, references included
    ("cdata", start, end)                         the content of a CDATA section
    ("comment", start, end)                       the whole comment, `<!--` to `-->`
    Names are local (no prefix). Processing instructions and the XML declaration are skipped.
    """
    pos, n = 0, len(text)
    find = text.find
    while pos < n:
        lt = find("<", pos)
        if lt < 0:
            lt = n
        if lt > pos:
            yield ("text", pos, lt)
        if lt >= n:
            return
        if text.startswith("<!--", lt):
            end = _until(text, "-->", lt + 4) + 3
            yield ("comment", lt, end)
        elif text.startswith("<![CDATA[", lt):
            close = _until(text, "]]>", lt + 9)
            yield ("cdata", lt + 9, close)
            end = close + 3
        elif text.startswith("<?", lt):
            end = _until(text, "?>", lt + 2) + 2
        elif text.startswith("<!", lt):
            end = _until(text, ">", lt + 2) + 1
        elif text.startswith("</", lt):
            end = _until(text, ">", lt + 2) + 1
            yield ("end", lt, end, local(text[lt + 2:end - 1].strip()))
        else:
            end, event = _start_tag(text, lt)
            yield event
        pos = end


def _until(text: str, marker: str, pos: int) -> int:
    at = text.find(marker, pos)
    return len(text) if at < 0 else at


def _start_tag(text: str, lt: int) -> tuple[int, tuple]:
    n = len(text)
    m = _NAME_END.search(text, lt + 1)
    pos = m.start() if m else n
    name = local(text[lt + 1:pos])
    attrs: dict[str, str] = {}
    while pos < n:
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            break
        ch = text[pos]
        if ch == ">":
            return pos + 1, ("start", lt, pos + 1, name, attrs, False)
        if ch == "/":
            end = _until(text, ">", pos) + 1
            return end, ("start", lt, end, name, attrs, True)
        eq = text.find("=", pos)
        if eq < 0:
            break
        key = local(text[pos:eq].strip())
        q = eq + 1
        while q < n and text[q].isspace():
            q += 1
        if q >= n:
            break
        quote = text[q]
        close = _until(text, quote, q + 1)
        attrs[key] = unescape(text[q + 1:close])
        pos = close + 1
    return n, ("start", lt, n, name, attrs, False)
