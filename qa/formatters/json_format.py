"""The JSON contract: one object with `version`, `files` and `summary`.

Every finding carries rule, name, category, severity, message, 1-based line/column and
end_line/end_column, 0-based offset/end_offset (end exclusive) in code points of the file as
given (for HTML and Markdown, of the markup), the text at that span, suggestion, related
locations, fix and fingerprint. The schema is qa/schemas/report.schema.json.
"""
from __future__ import annotations

import json

HUMAN = False


def report_dict(report) -> dict:
    files = []
    for fr in report.files:
        files.append({
            "path": fr.path,
            "encoding": fr.encoding,
            "format": fr.format,
            "words": fr.words,
            "score": fr.score.to_dict() if fr.score else None,
            "errors": list(fr.errors),
            "findings": [f.to_dict() for f in fr.active],
        })
    return {
        "version": report.version,
        "tool": {"name": "release-qa", "version": report.tool_version},
        "files": files,
        "summary": report.summary,
    }


def render(report, options) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
