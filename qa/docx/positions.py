"""Where a finding sits in a Word document, as the JSON reports add it.

A .docx is checked as its paragraphs joined by "\\n" (qa.docx.reader), so a finding's 1-based
line is its paragraph's number and its column the position inside that paragraph's text. The
JSON and JSON Lines reports add, for findings in a .docx only: ``paragraph`` (0-based index, as
``DocxText.paragraphs`` counts), ``paragraph_offset`` and ``paragraph_end_offset`` (code points
inside that paragraph, end exclusive; a span running into the next paragraph ends at the end of
its own). Nothing here reads the file: the finding's line, column and text say it all.
"""
from __future__ import annotations

from typing import Any

DOCX_FORMAT = "docx"


def paragraph_fields(location: Any) -> dict[str, int]:
    """``paragraph``, ``paragraph_offset`` and ``paragraph_end_offset`` of a finding's location
    (anything with ``line``, ``column`` and ``text``)."""
    start = location.column - 1
    text = location.text
    cut = text.find("\n")
    return {"paragraph": location.line - 1, "paragraph_offset": start,
            "paragraph_end_offset": start + (cut if cut >= 0 else len(text))}


def finding_dict(finding: Any, fmt: str | None) -> dict[str, Any]:
    """``finding.to_dict()``, with the paragraph fields when the file is a Word document."""
    out = finding.to_dict()
    if fmt == DOCX_FORMAT:
        out.update(paragraph_fields(finding.location))
    return out
