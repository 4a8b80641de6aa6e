"""The Chinese source of a bilingual finding as the reports name and quote it.

A finding about the English checked against its Chinese original carries `source` (a
Location in the source file) and `source_path`; a release checked against one carries
`source_file` on its FileResult (path, decoded text, encoding, format), for the reports that
show the whole original. Everything here reads those fields only and is unused (and the
output unchanged) without a source.
"""
from __future__ import annotations

from .safe_text import shown

QUOTE_LIMIT = 60        # characters of source text quoted on one line


def source_file(fr):
    """The release's Chinese original (a SourceSide), or None."""
    return fr.source_file


def where(f, path_of=lambda p: p) -> str:
    """'zh/NAME.zh.txt:3:12': the source file and the 1-based line and column of the span."""
    return f"{path_of(f.source_path or '')}:{f.source.line}:{f.source.column}"


def quote(f, limit: int = QUOTE_LIMIT) -> str:
    """The source text of the span on one line, cut to `limit` characters with '…'."""
    text = " ".join(f.source.text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def note(f, path_of=lambda p: p) -> str:
    """'source: 3842亿元 (zh/NAME.zh.txt:3:12)', unescaped: each format escapes it its way."""
    return f"source: {quote(f)} ({where(f, path_of)})"


def text_line(f) -> str:
    """"zh/NAME.zh.txt:3:12: '3842亿元'", the form of the text format's related lines."""
    return shown(f"{where(f)}: '{quote(f)}'")
