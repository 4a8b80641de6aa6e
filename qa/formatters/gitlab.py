"""GitLab Code Quality: the JSON a merge request widget and diff view read (as ruff's
`--output-format gitlab`), a subset of the Code Climate issue format.

A JSON array with one object per active finding: `description` (the message and what to
write instead), `check_name` (the rule code), `fingerprint` (unique in the report and stable
across edits elsewhere in the file, so GitLab can tell new findings from fixed ones),
`severity` (Code Climate's scale: error -> critical, warning -> major, info -> info) and
`location` (`path` from the repository root, `lines.begin` and `lines.end`). Suppressed
findings and input errors are not issues; errors are reported on stderr as for every format.
"""
from __future__ import annotations

import json
import zlib

from . import source_ref
from .safe_text import json_safe
from .shared import message_with_suggestion, repo_path

HUMAN = False

SEVERITIES = {"error": "critical", "warning": "major", "info": "info"}


def fingerprint(path: str, finding) -> str:
    """The finding's own fingerprint (unique in its file) tied to the file, as hex."""
    data = f"{path}\x1f{finding.rule}\x1f{finding.fingerprint}".encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{finding.fingerprint or ''}"


def issue(path: str, f) -> dict:
    loc = f.location
    return {
        "type": "issue",
        "check_name": f.rule,
        "description": f"{f.rule} {message_with_suggestion(f)}".replace("\n", " ")
        + (f" ({source_ref.note(f, repo_path)})" if f.source is not None else ""),
        "categories": ["Style"],
        "severity": SEVERITIES.get(f.severity, "major"),
        "fingerprint": fingerprint(path, f),
        "location": {"path": path, "lines": {"begin": loc.line, "end": loc.end_line}},
    }


def render(report, options) -> str:
    issues = []
    for fr in report.files:
        path = repo_path(fr.path)
        issues.extend(issue(path, f) for f in fr.active)
    return json_safe(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"
