"""HTML character references left in the text ('&amp;', '&quot;', '&#8217;', '&nbsp;'): the copy
was taken from a page's source, or escaped twice, and the reference was never turned back into
its character (EN06).

Only references HTML defines are reported ('&amp;' yes, '&foo;' no), and each is given with the
character it stands for. In an HTML or Markdown release the reader has already decoded one level
of references, so what remains in the prose was escaped twice ('&amp;amp;' in the source).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import re_compile

_REFERENCE = r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"


def character_references(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the character) of each HTML character reference in `text`."""
    if "&" not in text:
        return
    # html's table of names is loaded only for a text with an '&'
    import html
    for m in re_compile(_REFERENCE).finditer(text):
        char = html.unescape(m.group())
        if char != m.group() and char.isprintable() or char == "\u00a0":
            yield m.start(), m.end(), char
