"""Making untrusted text safe to show: file names and release text reach terminals, CI logs,
JSON, SARIF, Markdown and HTML, and none of them may be steered by what they copy.

`shown(text)` is the display form used by every human format and every stderr line: control
characters (C0, DEL, C1), line and paragraph separators and the bidirectional controls that
reorder what a reader sees are written as escapes, in the manner of git and ruff (`\\x1b`,
`\\n`, `\\u202e`), and the lone surrogates by which Python carries the bytes of a file name
that is not UTF-8 become `\\xNN` for the byte they stand for. Each escape is plain ASCII, so
its width on a terminal is its length and carets can be lined up under it.

`json_safe(text)` fixes JSON text made with `ensure_ascii=False`: a lone surrogate inside a
string literal becomes the escaped backslash form of `shown`, so the document is valid UTF-8
and a name reads the same in every format. `uri_path(path)` percent-encodes the bytes of a
path (the original bytes of a non-UTF-8 name, not a replacement character).
"""
from __future__ import annotations

import os

from .._speed.regex import re_compile

# C0 and C1 controls, DEL, U+2028/2029, Arabic letter mark, LRM/RLM, the embeddings,
# overrides and isolates, and every surrogate (a str from the OS or a decoder has none
# otherwise).
_UNSAFE = ("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
           "\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:            # a byte of a name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _escape_match(m) -> str:
    return _escape(m.group())


def shown(text: str, keep: str = "") -> str:
    """`text` with every character that could steer a terminal or hide text escaped; the
    characters in `keep` (e.g. "\\n" for a message that may span lines) are left as they are."""
    if text.isascii() and text.isprintable():
        return text
    pattern = re_compile(_UNSAFE)
    if keep:
        return pattern.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)
    return pattern.sub(_escape_match, text)


def has_unsafe(text: str) -> bool:
    """True when `shown(text)` differs from `text`."""
    return not (text.isascii() and text.isprintable()) and re_compile(_UNSAFE).search(text) is not None


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate written as `shown` writes it: the last guard of a
    format, so that a name no one escaped cannot make its output invalid UTF-8."""
    if text.isascii():
        return text
    return re_compile("[\ud800-\udfff]").sub(_escape_match, text)


def json_safe(text: str) -> str:
    """JSON text (made with ensure_ascii=False) without lone surrogates: each becomes the
    JSON-escaped backslash form `shown` gives it (`\\\\xe9`), which decodes to `\\xe9`."""
    if text.isascii():
        return text
    return re_compile("[\ud800-\udfff]").sub(lambda m: "\\" + _escape(m.group()), text)


def uri_path(path: str) -> str:
    """A relative URI reference for `path`: its bytes (a non-UTF-8 name's own bytes)
    percent-encoded where a URI needs it, forward slashes kept."""
    from urllib.parse import quote  # only the URI formats pay for it
    try:
        data = os.fsencode(path)
    except (UnicodeError, TypeError):
        data = path.encode("utf-8", "surrogatepass")
    return quote(data, safe="/:@!$&'()*+,;=-._~")
