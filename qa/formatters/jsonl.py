"""JSON Lines (`--format jsonl`): one JSON object per line, written as each file is done.

Each checked file is one line holding exactly what the JSON report holds for it (`path`,
`encoding`, `format`, `words`, `score`, `errors`, `findings`, as in
qa/schemas/report.schema.json); the last line holds `version`, `tool` and the run's `summary`
(the one line with no `path`). Lines are in input order. Nothing of a file is kept once its
line is written, so `release-qa check --format jsonl` runs over any number of files in flat
memory, and a consumer can read results while the run goes on. Like the JSON report, the
output is valid UTF-8 (a file name that is not is written with `\\xNN` for each odd byte).
"""
from __future__ import annotations

import json

from .safe_text import json_safe

HUMAN = False
STREAMS = True          # the command line may hand it each file as it is done (FileWriter)


def _dumps(obj) -> str:
    return json_safe(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def _head(fr) -> dict:
    return {"path": fr.path, "encoding": fr.codec, "format": fr.format, "words": fr.words,
            "score": fr.score.to_dict() if fr.score else None, "errors": list(fr.errors)}


def _finding(f, fr) -> dict:
    """A finding's dict; a Word document's adds its paragraph (qa.docx.positions)."""
    if fr.format == "docx":
        from ..docx.positions import finding_dict
        return finding_dict(f, fr.format)
    return f.to_dict()


def file_dict(fr) -> dict:
    """What a file's line holds, as a dict."""
    return {**_head(fr), "findings": [_finding(f, fr) for f in fr.findings if not f.suppressed]}


def write_file(fr, write) -> None:
    """One file's line, finding by finding (a file with a hundred thousand findings is never
    one string or one list of dicts)."""
    write(_dumps(_head(fr))[:-1] + ',"findings":[')
    first = True
    for f in fr.findings:
        if not f.suppressed:
            write(("" if first else ",") + _dumps(_finding(f, fr)))
            first = False
    write("]}\n")


def write_summary(report, write) -> None:
    write(_dumps({"version": report.version,
                  "tool": {"name": "release-qa", "version": report.tool_version},
                  "summary": report.summary}) + "\n")


def stream(report, options, write) -> None:
    for fr in report.files:
        write_file(fr, write)
    write_summary(report, write)


def render(report, options) -> str:
    parts: list[str] = []
    stream(report, options, parts.append)
    return "".join(parts)


class FileWriter:
    """The streaming side: `add(fr)` writes a file's line at once (and flushes it, so a reader
    of a pipe sees each file as it is done); `finish(report)` writes the summary line."""

    def __init__(self, out) -> None:
        self.out = out

    def add(self, fr) -> None:
        write_file(fr, self.out.write)
        self.out.flush()

    def finish(self, report) -> None:
        write_summary(report, self.out.write)
        self.out.flush()
