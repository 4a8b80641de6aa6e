"""Readers that turn a decoded file into a Document: plain text, Markdown and HTML."""
from __future__ import annotations

import os

from ...source import SourceFile
from ..model import Document

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FORMATS = ("text", "markdown", "html")


def format_for(path: str) -> str:
    """The input format implied by a file name."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def build_document(src: SourceFile, fmt: str | None = None) -> Document:
    """Parse `src` in its format and return the Document the rules read."""
    fmt = fmt or format_for(src.path)
    if fmt == "html":
        from .html import read_html
        return read_html(src)
    if fmt == "markdown":
        from .markdown import read_markdown
        return read_markdown(src)
    from .plain import read_plain
    return read_plain(src)
