"""Small helpers shared by the report formats: paths as CI tools want them, score phrases,
plurals, and the order in which severities are listed."""
from __future__ import annotations

import os

from ..categories import SEVERITIES, SEVERITY_RANK
from ..categories import severity_at_least as at_least  # noqa: F401 - for the formats

SEVERITY_ORDER = tuple(reversed(SEVERITIES))     # the order reports list them: most serious first


def worst(severities) -> str:
    """The most serious of some severities."""
    return max(severities, key=SEVERITY_RANK.__getitem__)


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 finding', '2 findings' ('info' stays 'info')."""
    if n == 1 or word == "info":
        return f"{n} {word}"
    return f"{n} {many or word + 's'}"


def repo_path(path: str) -> str:
    """`path` relative to the working folder when it lies inside it, with forward slashes.

    CI annotations and code scanning match files by their path from the repository root,
    which is where a CI job runs the checker.
    """
    if path in ("-", "") or path.startswith("<"):
        return path
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:          # another drive on Windows
            rel = path
        if not rel.startswith(".."):
            path = rel
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def score_text(score) -> str:
    """'score 96.9/100 (pass 90)' for a Score, as the text format's footer words it."""
    verdict = "pass" if score.passed else "below"
    return f"score {score.value:.1f}/100 ({verdict} {score.threshold:g})"


def finding_counts(findings) -> dict[str, int]:
    """Active findings by severity, most serious first."""
    counts = {s: 0 for s in SEVERITY_ORDER}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return counts


def message_with_suggestion(finding) -> str:
    """The message, followed by what to write instead unless the message already says it."""
    s = finding.suggestion
    if not s or s in finding.message:
        return finding.message
    return f"{finding.message}\nWrite instead: {s}"


_MD_SPECIAL = set("\\`*_[]<>|~&#!")


def md_escape(text: str, newline: str = " ") -> str:
    """Text shown literally in Markdown (GitHub flavour), on one line: every character that
    could start markup is backslash-escaped, line breaks become `newline`."""
    out = []
    for line_no, line in enumerate(text.splitlines() or [""]):
        if line_no:
            out.append(newline)
        out.append("".join("\\" + c if c in _MD_SPECIAL else c for c in line))
    return "".join(out)


def fenced(text: str, info: str = "text") -> str:
    """A fenced code block holding `text` verbatim (the fence outgrows any backtick run)."""
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"
