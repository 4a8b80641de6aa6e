"""Readers that turn a decoded file into a Document: plain text, Markdown and HTML; Word
documents (format "docx", read by qa.docx); and bilingual CAT files (XLIFF, TMX) into a pair
of Documents, English and Chinese."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ...source import SourceFile
from ..model import Document

if TYPE_CHECKING:
    from .bilingual import BilingualDocuments

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".tmx")
FORMATS = ("text", "markdown", "html")

__all__ = ["BILINGUAL_SUFFIXES", "FORMATS", "HTML_SUFFIXES", "MARKDOWN_SUFFIXES", "BilingualDocuments",
           "build_document", "format_for", "read_bilingual"]


def format_for(path: str) -> str:
    """The input format implied by a file name."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def build_document(src: SourceFile, fmt: str | None = None) -> Document:
    """Parse `src` in its format and return the Document the rules read. A Word document
    (`src.docx` set) is always read as one, whatever `fmt` says."""
    if src.docx is not None:
        return _read_docx(src)
    fmt = fmt or format_for(src.path)
    if fmt == "html":
        from .html import read_html
        return read_html(src)
    if fmt == "markdown":
        from .markdown import read_markdown
        return read_markdown(src)
    from .plain import read_plain
    return read_plain(src)


def _read_docx(src: SourceFile) -> Document:
    """A Word document: its text (paragraphs joined by "\n") read as plain text, so offsets
    are the identity and inline directives work as in a .txt, with the title qa.docx found
    (a Title-style paragraph, else the first heading, else the first non-empty paragraph)."""
    from ..._speed.records import replace
    from ..model import Span
    from .plain import read_plain
    doc = read_plain(src)
    title = src.docx.title
    lines = doc.__dict__.get("line_index")
    doc = replace(doc, format="docx", encoding="", title_span=Span(*title) if title else None)
    if lines is not None:
        doc.__dict__["line_index"] = lines
    return doc


def read_bilingual(src: SourceFile) -> BilingualDocuments:
    """The English (target) and Chinese (source) Documents of an XLIFF or TMX file, with the
    aligned segment pairs; TMX by the suffix .tmx (or a <tmx> root), XLIFF otherwise."""
    from .bilingual import read_tmx, read_xliff
    if os.path.splitext(src.path)[1].lower() == ".tmx":
        return read_tmx(src)
    head = src.text[:4096]
    if "<tmx" in head and "<xliff" not in head:
        return read_tmx(src)
    return read_xliff(src)


def __getattr__(name: str):
    if name == "BilingualDocuments":
        from .bilingual import BilingualDocuments
        return BilingualDocuments
    raise AttributeError(name)
