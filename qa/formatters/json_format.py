"""The JSON contract: one object with `version`, `files` and `summary`.

Every finding carries rule, name, category, severity, message, 1-based line/column and
end_line/end_column, 0-based offset/end_offset (end exclusive) in code points of the file as
given (for HTML and Markdown, of the markup), the text at that span, suggestion, related
locations, fix and fingerprint. The schema is qa/schemas/report.schema.json.

The output is always valid UTF-8: a file name that is not (Python carries its bytes as lone
surrogates) is written with each such byte as the four characters `\\xNN`, the form every
human format shows too.
"""
from __future__ import annotations

import json

from .safe_text import json_safe

HUMAN = False


def report_dict(report) -> dict:
    files = []
    for fr in report.files:
        files.append({
            "path": fr.path,
            "encoding": fr.codec,
            "format": fr.format,
            "words": fr.words,
            "score": fr.score.to_dict() if fr.score else None,
            "errors": list(fr.errors),
            "findings": [_finding(f, fr) for f in fr.active],
        })
    return {
        "version": report.version,
        "tool": {"name": "release-qa", "version": report.tool_version},
        "files": files,
        "summary": report.summary,
    }


def _finding(f, fr) -> dict:
    """A finding's dict; a Word document's adds its paragraph (qa.docx.positions)."""
    if fr.format == "docx":
        from ..docx.positions import finding_dict
        return finding_dict(f, fr.format)
    return f.to_dict()


def _dump(obj, level: int) -> str:
    """json.dumps(obj, indent=2) as it reads nested `level` deep in the whole document."""
    text = json.dumps(obj, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level) if level else text


def stream(report, options, write) -> None:
    """Write the report piece by piece (the same text as `render`): a release with a hundred
    thousand findings never has them all as dicts or one string at once."""
    raw_write = write

    def write(text: str) -> None:
        raw_write(json_safe(text))
    write('{\n  "version": ' + _dump(report.version, 1) + ',\n  "tool": '
          + _dump({"name": "release-qa", "version": report.tool_version}, 1) + ',\n  "files": ')
    if not report.files:
        write("[]")
    else:
        write("[\n")
        for i, fr in enumerate(report.files):
            head = {"path": fr.path, "encoding": fr.codec, "format": fr.format,
                    "words": fr.words, "score": fr.score.to_dict() if fr.score else None,
                    "errors": list(fr.errors)}
            write("    {\n" + "".join(f"      {json.dumps(k)}: {_dump(v, 3)},\n" for k, v in head.items())
                  + '      "findings": ')
            active = fr.active
            if not active:
                write("[]")
            else:
                write("[\n")
                last = len(active) - 1
                for k, f in enumerate(active):
                    write("        " + _dump(_finding(f, fr), 4) + (",\n" if k < last else "\n"))
                write("      ]")
            write("\n    }" + (",\n" if i < len(report.files) - 1 else "\n"))
        write("  ]")
    write(',\n  "summary": ' + _dump(report.summary, 1) + "\n}\n")


def render(report, options) -> str:
    parts: list[str] = []
    stream(report, options, parts.append)
    return "".join(parts)
