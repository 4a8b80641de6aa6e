"""reviewdog's Diagnostic Format (rdjson), so reviewdog can post the findings as review
comments on GitHub, GitLab, Gitea or Bitbucket (`reviewdog -f=rdjson`).

One object: `source` (the tool), `diagnostics` with one entry per active finding:
`message`, `severity` (ERROR, WARNING, INFO), `code` (the rule code), `location` (`path`
and a `range` whose columns count UTF-8 bytes from 1, as the format asks: positions in the
report count code points, so each is converted on its line), `related_locations` (the other
places of the same defect) and, for findings with a fix, `suggestions` (the replacement
text for each edited range, which reviewdog offers as a suggested change).
"""
from __future__ import annotations

import json
from bisect import bisect_right

from . import source_ref
from .safe_text import json_safe
from .shared import message_with_suggestion, repo_path

HUMAN = False

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
SOURCE = {"name": "release-qa"}


class _Lines:
    """Byte positions in one file's text, from code-point offsets (line starts found once)."""

    def __init__(self, text: str) -> None:
        import re
        self.text = text
        self.starts = [0]
        self.starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))

    def position(self, offset: int) -> dict:
        line = bisect_right(self.starts, offset)
        start = self.starts[line - 1]
        prefix = self.text[start:offset]
        return {"line": line, "column": len(prefix.encode("utf-8", "surrogatepass")) + 1}

    def range(self, offset: int, end: int) -> dict:
        return {"start": self.position(offset), "end": self.position(end)}


def _location(path: str, lines: _Lines, loc) -> dict:
    return {"path": path, "range": lines.range(loc.offset, loc.end_offset)}


def diagnostic(path: str, lines: _Lines, f, source_lines: _Lines | None = None) -> dict:
    d = {
        "message": message_with_suggestion(f),
        "location": _location(path, lines, f.location),
        "severity": SEVERITIES.get(f.severity, "WARNING"),
        "source": SOURCE,
        "code": {"value": f.rule},
    }
    if f.related:
        d["related_locations"] = [{"message": r.note or f"'{r.text}'", "location": _location(path, lines, r)}
                                  for r in f.related]
    if f.source is not None and source_lines is not None:     # bilingual mode: the Chinese original
        d.setdefault("related_locations", []).append(
            {"message": source_ref.note(f, repo_path),
             "location": _location(repo_path(f.source_path or ""), source_lines, f.source)})
    if f.fix is not None and f.fix.edits:
        d["suggestions"] = [{"range": lines.range(e.offset, e.end_offset), "text": e.text}
                            for e in f.fix.edits]
    return d


def render(report, options) -> str:
    diagnostics = []
    for fr in report.files:
        if not fr.active:
            continue
        path = repo_path(fr.path)
        lines = _Lines(fr.source or "")
        side = source_ref.source_file(fr)
        source_lines = _Lines(side.text) if side is not None else None
        diagnostics.extend(diagnostic(path, lines, f, source_lines) for f in fr.active)
    data = {"source": SOURCE, "diagnostics": diagnostics}
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
