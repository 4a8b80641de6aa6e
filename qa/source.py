"""Reading input: bytes to text, the only place that decodes a file.

The text is kept exactly as decoded (line endings untouched, a byte-order mark removed
and remembered), so that every offset a rule reports points into the file as given.
"""
from __future__ import annotations

import codecs
import os
from ._speed.records import record

from .errors import InputError

MAX_BYTES = 256 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# Magic numbers of common binary formats people drop into a folder of releases.
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF",
    b"RIFF", b"\xd0\xcf\x11\xe0", b"BM", b"II*\x00", b"MM\x00*", b"\x1f\x8b",
)


@record(frozen=True)
class SourceFile:
    """A decoded input file."""

    path: str
    text: str
    encoding: str          # the codec name reported to users: utf-8, utf-16-le, gb18030 ...
    bom: bool              # the file started with a byte-order mark (not part of `text`)
    newline: str           # the dominant line ending: "\n", "\r\n" or "\r"


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read."""
    head = data[:8192]
    if any(head.startswith(magic) for magic in _BINARY_MAGIC):
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.10


def decode(data: bytes, path: str = "<bytes>", encoding: str | None = None) -> SourceFile:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16/32 with BOM, or GB18030/GBK."""
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", path) from None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode as {encoding} at byte {exc.start}", path) from None
        bom = text.startswith("\ufeff")
        text = text.removeprefix("\ufeff")
        return SourceFile(path, text, codecs.lookup(encoding).name, bom, dominant_newline(text))
    for bom_bytes, codec, name in _BOMS:
        if data.startswith(bom_bytes):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {name} after its byte-order mark at byte {exc.start}",
                                 path) from None
            return SourceFile(path, text.removeprefix("\ufeff"), name, True, dominant_newline(text))
    try:
        text = data.decode("utf-8")
        return SourceFile(path, text, "utf-8", False, dominant_newline(text))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if looks_binary(data):
        raise InputError("binary file, not text", path)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or not plausible_chinese(text):
        raise InputError(
            f"not valid UTF-8 (byte {utf8_error.start}), UTF-16 or GB18030; "
            "pass --encoding to name the encoding (e.g. --encoding cp1252)", path)
    return SourceFile(path, text, "gb18030", False, dominant_newline(text))


def plausible_chinese(text: str) -> bool:
    """False when a GB18030 decoding looks like a Western 8-bit file read wrongly.

    A Latin-1 or cp1252 file decodes as GB18030 more often than one would like: each accented
    letter pairs with the next byte into one CJK character wedged inside a Latin word
    ("Pok\u00e9mon" -> "Pok" + one Han character + "mon"). Real Chinese text has runs of CJK
    characters, not single ones between Latin letters.
    """
    wedged = total = 0
    for i, ch in enumerate(text):
        if ord(ch) < 0x2E80:
            continue
        total += 1
        if not ch.isalpha():
            continue            # full-width punctuation comes from two GB bytes, not a Latin letter
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
            wedged += 1
    return total == 0 or wedged * 3 < total


def read_source(path: str, encoding: str | None = None) -> SourceFile:
    """Read and decode one file; every failure is an InputError naming the file."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(f"file is {size // (1024 * 1024)} MB, more than the "
                             f"{MAX_BYTES // (1024 * 1024)} MB limit", path)
        with open(path, "rb") as fh:
            data = fh.read()
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError("is a directory", path) from None
    except FileNotFoundError:
        raise InputError("no such file or directory", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path) from None
    if not data.startswith(tuple(bom for bom, _, _ in _BOMS)) and looks_binary(data):
        raise InputError("binary file, not text", path)
    return decode(data, path, encoding)
