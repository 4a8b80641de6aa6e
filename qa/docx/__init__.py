"""Word documents (.docx): read their text, write a reviewed copy with comments, fix in runs.

    read_docx(path_or_bytes) -> DocxText          the text, paragraph by paragraph (line = paragraph)
    annotate(src, out, [(start, end, text)]) -> int   a copy with one Word comment per span
    apply_fixes(src, out, [(start, end, new)]) -> FixResult   edits made inside the runs
    chinese_source(path) -> str | None               NAME.zh.docx beside NAME.docx, its source

Offsets are code points into ``DocxText.text``. python-docx is needed (the ``docx`` extra) and is
imported on first use; every file it will not read raises ``DocxError`` with one line.
"""
from __future__ import annotations

from .annotate import annotate
from .errors import DocxError
from .fixes import FixResult, apply_fixes
from .model import DocxParagraph, DocxText, Piece
from .pairs import chinese_source, is_chinese_source
from .reader import read_docx

__all__ = ["DocxError", "DocxParagraph", "DocxText", "FixResult", "Piece", "annotate", "apply_fixes",
           "chinese_source", "is_chinese_source", "read_docx"]
