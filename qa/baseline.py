"""Baselines: a file of accepted findings that later runs do not report again.

A team adopting release-qa on a folder of existing releases records today's findings once
(`--baseline FILE --update-baseline`); from then on `--baseline FILE` reports only findings
that are not in it, so a pull request shows just what it introduced. A finding is matched by
its file (the path relative to the baseline's folder, with '/' separators), its rule code
and its fingerprint, which depends on the rule, the flagged text and the sentence around it,
not on the line: inserting, deleting or moving other text (a new finding of the same rule
included) does not bring a recorded finding back or hide a new one.

The file is JSON, sorted, one entry per finding with its line and text for reviewers; only
path, rule and fingerprint are used for matching.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable

from ._speed.records import replace
from .errors import QAError
from .report import FileResult, Report

BASELINE_VERSION = 2                # 1: fingerprints by occurrence number, not by sentence
STDIN = "-"
MAX_BYTES = 64 * 1024 * 1024        # about 300,000 recorded findings


class BaselineError(QAError):
    """A baseline file that cannot be read, parsed or written."""


Key = tuple[str, str, str]          # (path relative to the baseline folder, rule, fingerprint)


def baseline_path(path: str, baseline_file: str) -> str:
    """How `path` (as reported) is written in a baseline stored at `baseline_file`."""
    if path == STDIN:
        return STDIN
    folder = os.path.dirname(os.path.abspath(baseline_file))
    rel = os.path.relpath(os.path.abspath(path), folder)
    return rel.replace(os.sep, "/")


def load(baseline_file: str, any_version: bool = False) -> list[dict]:
    """The entries of a baseline file (BaselineError when missing or malformed, or written
    with another version's fingerprints unless `any_version`; a FIFO, device, a file over
    MAX_BYTES or JSON nested too deeply is refused, not read)."""
    from .source import read_config_text
    if not os.path.lexists(baseline_file):
        raise BaselineError("baseline file not found (create it with --update-baseline)",
                            baseline_file)
    text = read_config_text(baseline_file, BaselineError, MAX_BYTES)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"not valid JSON: {exc.msg}", baseline_file, exc.lineno,
                            exc.colno) from None
    except RecursionError:
        raise BaselineError("not a release-qa baseline (JSON nested too deeply to read)",
                            baseline_file) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BaselineError("not a release-qa baseline (no 'findings' list)", baseline_file)
    for i, e in enumerate(entries):
        if not (isinstance(e, dict) and all(isinstance(e.get(k), str)
                                            for k in ("path", "rule", "fingerprint"))):
            raise BaselineError(f"finding {i + 1} lacks a string path, rule or fingerprint",
                                baseline_file)
    if data.get("version") != BASELINE_VERSION and not any_version:
        raise BaselineError(f"written by an older release-qa (version {data.get('version')!r}, "
                            f"now {BASELINE_VERSION}: findings are now told apart by their "
                            "sentence); record it again with --update-baseline", baseline_file)
    return entries


def keys(entries: list[dict]) -> Counter:
    return Counter((e["path"], e["rule"], e["fingerprint"]) for e in entries)


def entries_for(report: Report, baseline_file: str) -> list[dict]:
    """Today's active findings as baseline entries."""
    out = []
    for fr in report.files:
        rel = baseline_path(fr.path, baseline_file)
        for f in fr.active:
            out.append({"path": rel, "rule": f.rule, "fingerprint": f.fingerprint,
                        "line": f.line, "column": f.column, "text": f.text})
    return out


def update(report: Report, baseline_file: str) -> int:
    """Write the report's findings to the baseline, keeping entries of files not checked now.

    Returns the number of entries written.
    """
    checked = {baseline_path(fr.path, baseline_file) for fr in report.files}
    kept: list[dict] = []
    if os.path.lexists(baseline_file) and _version(baseline_file) == BASELINE_VERSION:
        kept = [e for e in load(baseline_file) if e["path"] not in checked]
    entries = sorted(kept + entries_for(report, baseline_file),
                     key=lambda e: (e["path"], e.get("line", 0), e.get("column", 0),
                                    e["rule"], e["fingerprint"]))
    data = {"version": BASELINE_VERSION, "tool": "release-qa",
            "comment": "Findings accepted as known; release-qa --baseline does not report them.",
            "findings": entries}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        folder = os.path.dirname(os.path.abspath(baseline_file))
        os.makedirs(folder, exist_ok=True)
        from .atomic_write import write_atomic
        if os.path.exists(baseline_file):
            write_atomic(baseline_file, text.encode("utf-8"))
        else:
            with open(baseline_file, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    except OSError as exc:
        raise BaselineError(f"cannot write baseline: {exc.strerror or exc}", baseline_file) from None
    return len(entries)


def _version(baseline_file: str):
    """The version a readable baseline was written with (None when it cannot tell): entries
    of an older version are not kept by `update`, their fingerprints mean nothing now."""
    try:
        load(baseline_file, any_version=True)
        from .source import read_config_text
        return json.loads(read_config_text(baseline_file, BaselineError, MAX_BYTES)).get("version")
    except (BaselineError, ValueError, AttributeError):
        return None


def apply(report: Report, baseline_file: str, entries: list[dict],
          rescore: Callable[[FileResult], object] | None = None) -> tuple[Report, int]:
    """The report without the findings recorded in the baseline, and how many were hidden.

    Each entry hides at most one finding. Suppressed findings (inline directives) stay as
    they are, so formats that show suppressions still do. `rescore(file_result)` gives the
    score of a file whose findings changed (the score counts reported findings only).
    """
    remaining = keys(entries)
    hidden = 0
    files: list[FileResult] = []
    for fr in report.files:
        rel = baseline_path(fr.path, baseline_file)
        kept = []
        for f in fr.findings:
            key = (rel, f.rule, f.fingerprint)
            if not f.suppressed and remaining[key] > 0:
                remaining[key] -= 1
                hidden += 1
                continue
            kept.append(f)
        if len(kept) != len(fr.findings):
            fr = replace(fr, findings=kept)
            if rescore is not None:
                fr.score = rescore(fr)
        files.append(fr)
    return replace(report, files=files), hidden
