"""Word documents (.docx): read their text, write a reviewed copy with comments, fix in runs.

    read_docx(path_or_bytes) -> DocxText          the text, paragraph by paragraph (line = paragraph)
    annotate(src, out, [(start, end, text)]) -> int   a copy with one Word comment per span
    apply_fixes(src, out, [(start, end, new)]) -> FixResult   edits made inside the runs
    chinese_source(path) -> str | None               NAME.zh.docx beside NAME.docx, its source

Offsets are code points into ``DocxText.text``. python-docx is needed (the ``docx`` extra) and is
imported on first use; every file it will not read raises ``DocxError`` with one line. The names
are loaded on first use too, so that a run which only meets one of them (a JSON report asking
for paragraph positions, a check reading a document) loads only the modules it needs.
"""
from __future__ import annotations

import importlib

_WHERE = {
    "annotate": "annotate", "DocxError": "errors", "FixResult": "fixes", "apply_fixes": "fixes",
    "DocxParagraph": "model", "DocxText": "model", "Piece": "model",
    "chinese_source": "pairs", "is_chinese_source": "pairs", "read_docx": "reader",
}

__all__ = ["DocxError", "DocxParagraph", "DocxText", "FixResult", "Piece", "annotate", "apply_fixes",
           "chinese_source", "is_chinese_source", "read_docx"]


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
