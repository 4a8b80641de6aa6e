"""Bilingual pairs: ``NAME.zh.docx`` beside ``NAME.docx`` is that release's Chinese source.

The source is read with the same ``read_docx`` (Chinese text reads as it is, offsets in code
points); a checker pairs the two files by name and does not lint the source as English.
"""
from __future__ import annotations

import os

SOURCE_SUFFIX = ".zh.docx"


def is_chinese_source(path: str | os.PathLike[str]) -> bool:
    """Whether a file is named as a Chinese source (``NAME.zh.docx``, any case)."""
    return os.fspath(path).lower().endswith(SOURCE_SUFFIX)


def chinese_source(path: str | os.PathLike[str]) -> str | None:
    """The Chinese source beside a release ``NAME.docx`` (``NAME.zh.docx``), when it exists."""
    path = os.fspath(path)
    stem, ext = os.path.splitext(path)
    if ext.lower() != ".docx" or is_chinese_source(path):
        return None
    candidate = stem + SOURCE_SUFFIX
    return candidate if os.path.isfile(candidate) else None
