"""A pull-request report in GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY or a comment.

Totals by severity and category, each release's score, then per release a table of its
findings (line, rule, message, the excerpt with the span in bold, what to write instead),
collapsed in a <details> block when the list is long. Everything taken from a release or a
rule is escaped, and the whole report stays under GitHub's 1 MiB summary limit: rows that
would pass the budget are left out with a note saying how many. File names and text are
shown as the text format shows them (control characters and undecodable bytes escaped), so a
name holding a line break cannot end a table or an HTML block and start markup of its own.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from . import source_ref
from .excerpt import line_bounds
from .safe_text import shown
from .shared import SEVERITY_ORDER, finding_counts, md_escape, plural, repo_path

HUMAN = True

MAX_BYTES = 1024 * 1024 - 24 * 1024     # GitHub's step summary limit, less room for others
OPEN_UP_TO = 10                         # findings lists longer than this start collapsed
CONTEXT = 40
ICONS = {"error": "\u274c", "warning": "\u26a0\ufe0f", "info": "\u2139\ufe0f"}
HEADS = {"error": "Errors", "warning": "Warnings", "info": "Info"}


class Budget:
    """Lines of output that stop being accepted once `limit` UTF-8 bytes would be passed;
    `reserve` keeps room for the lines that close the report."""

    def __init__(self, limit: int, reserve: int = 2048) -> None:
        self.lines: list[str] = []
        self.used = 0
        self.limit = limit - reserve
        self.dropped = 0

    def add(self, *lines: str) -> bool:
        size = sum(len(x.encode("utf-8")) + 1 for x in lines)
        if self.dropped or self.used + size > self.limit:
            self.dropped += 1
            return False
        self.lines.extend(lines)
        self.used += size
        return True

    def force(self, *lines: str) -> None:
        self.lines.extend(lines)
        self.used += sum(len(x.encode("utf-8")) + 1 for x in lines)


def code(text: str) -> str:
    """Inline code that survives pipes and backticks inside it (for tables)."""
    text = " ".join(text.split()).replace("|", "\\|")
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def highlighted_excerpt(source: str, f) -> str:
    """The finding's line around its span, escaped, with the span in bold."""
    if not source:
        return md_escape(shown(f.text))
    ls, le = line_bounds(source, f.offset)
    end = min(f.end_offset, le) if f.end_offset > f.offset else f.offset
    start = max(ls, f.offset - CONTEXT)
    stop = min(le, end + CONTEXT)
    while start > ls and not source[start - 1].isspace() and f.offset - start < CONTEXT + 15:
        start -= 1
    while stop < le and not source[stop].isspace() and stop - end < CONTEXT + 15:
        stop += 1
    before = ("\u2026" if start > ls else "") + md_escape(shown(source[start:f.offset].lstrip()))
    after = md_escape(shown(source[end:stop].rstrip())) + ("\u2026" if stop < le else "")
    span = md_escape(shown(source[f.offset:end])) or md_escape(shown(f.text))
    more = " \u2026" if f.end_offset > le else ""
    return f"{before}<b>{span}</b>{more}{after}"


def _verdict(report) -> str:
    s = report.summary
    n, files = s["findings"], plural(s["files"], "release")
    sev = ", ".join(plural(s["by_severity"][k], k) for k in SEVERITY_ORDER if s["by_severity"][k])
    if report.exit_code == 0:
        head = "\u2705 " + (f"{plural(n, 'finding')} ({sev}) in {files}, none at or above "
                            f"`{report.fail_on}`" if n else f"No findings in {files}")
    else:
        head = "\u274c " + (f"{plural(n, 'finding')} ({sev}) in {files}" if n else f"{files} checked")
    extra = []
    if s["suppressed"]:
        extra.append(f"{s['suppressed']} suppressed in the text")
    if s["files_with_errors"]:
        extra.append(f"{plural(s['files_with_errors'], 'release')} with errors, see Problems")
    return head + (f" ({'; '.join(extra)})" if extra else "") + "."


def _category_table(report) -> list[str]:
    counts: dict[str, Counter] = {}
    for _, f in report.findings():
        counts.setdefault(f.category, Counter())[f.severity] += 1
    if not counts:
        return []
    rows = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    out = ["| Category | " + " | ".join(HEADS[s] for s in SEVERITY_ORDER) + " | Total |",
           "|---|" + "---:|" * (len(SEVERITY_ORDER) + 1)]
    for cat, c in rows:
        out.append(f"| {cat} | " + " | ".join(str(c[s]) for s in SEVERITY_ORDER)
                   + f" | {sum(c.values())} |")
    total = Counter(f.severity for _, f in report.findings())
    out.append("| **All** | " + " | ".join(f"**{total[s]}**" for s in SEVERITY_ORDER)
               + f" | **{sum(total.values())}** |")
    return out


def _score_cell(fr) -> str:
    if fr.fatal:
        return "\u274c not checked"
    if not fr.score:
        return "\u2013"
    sc = fr.score
    mark = "\u2705" if sc.passed else "\u274c"
    return f"{mark} {sc.value:.1f} ({'pass' if sc.passed else 'below'} {sc.threshold:g})"


def _problem(error: str) -> str:
    return md_escape(shown(error, keep="\n"))     # md_escape puts line breaks on one line


def _path(fr) -> str:
    return shown(repo_path(fr.path))


def _release_row(fr) -> str:
    c = finding_counts(fr.active)
    if fr.fatal:
        return f"| {code(_path(fr))} | {_score_cell(fr)} |" + " \u2013 |" * (len(SEVERITY_ORDER) + 1)
    return (f"| {code(_path(fr))} | {_score_cell(fr)} | {fr.words} | "
            + " | ".join(str(c[s]) for s in SEVERITY_ORDER) + " |")


def _finding_row(fr, f) -> str:
    rule = f"{ICONS.get(f.severity, '')} {code(shown(f.rule))} {md_escape(shown(f.name))}"
    msg = md_escape(shown(f.message, keep="\n"), "<br>")
    if f.related:
        seen = "; ".join(f"line {r.line} {code(shown(r.text))}" for r in f.related[:3])
        msg += f"<br><sub>see {seen}</sub>"
    if f.source is not None:        # bilingual mode: quote the Chinese original
        msg += f"<br><sub>{md_escape(shown(source_ref.note(f, repo_path)))}</sub>"
    fix = md_escape(shown(f.suggestion, keep="\n"), "<br>") if f.suggestion else ""
    return f"| {f.line}:{f.column} | {rule} | {msg} | {highlighted_excerpt(fr.source, f)} | {fix} |"


def _file_section(b: Budget, fr) -> int:
    """Add one release's findings; returns how many rows did not fit."""
    active = fr.active
    path = escape(_path(fr))        # inside an HTML block: HTML escapes, not Markdown ones
    score = f", score {fr.score.value:.1f}" if fr.score and not fr.fatal else ""
    opened = " open" if len(active) <= OPEN_UP_TO else ""
    head = [f"<details{opened}>",
            f"<summary><b>{path}</b>: {plural(len(active), 'finding')}{score}</summary>", "",
            "| Line | Rule | Message | Excerpt | Write instead |", "|---:|---|---|---|---|"]
    if not b.add(*head):
        return len(active)
    left = 0
    for f in active:
        if not b.add(_finding_row(fr, f)):
            left += 1
    b.force("", "</details>", "")
    return left


def render(report, options) -> str:
    lines, _ = _build(report)
    return "\n".join(lines).rstrip("\n") + "\n"


def complete(report) -> bool:
    """True when the summary holds every finding and row (nothing cut for the size limit)."""
    return not _build(report)[1]


def _build(report) -> tuple[list[str], list[str]]:
    """The summary's lines, and what was cut from it to fit ('3 findings', ...)."""
    b = Budget(MAX_BYTES)
    b.add("## release-qa report", "", _verdict(report), "")
    cats = _category_table(report)
    if cats:
        b.add("### Findings by category", "", *cats, "")
    b.add("### Releases", "", "| Release | Score | Words | " + " | ".join(HEADS[s] for s in SEVERITY_ORDER)
          + " |", "|---|---|---:|" + "---:|" * len(SEVERITY_ORDER))
    left_files = sum(1 for fr in report.files if not b.add(_release_row(fr)))
    b.force("")
    problems = [(fr, err) for fr in report.files for err in fr.errors]
    if problems:
        listed = b.add("### Problems", "")
        left_files += sum(1 for fr, err in problems
                          if not (listed and b.add(f"- {code(_path(fr))}: {_problem(err)}")))
        b.force("")
    checked = [fr for fr in report.files if fr.active]
    left = 0
    if checked:
        if b.add("### Findings", ""):
            left = sum(_file_section(b, fr) for fr in checked)
        else:
            left = sum(len(fr.active) for fr in checked)
    missing = [plural(left, "finding")] * bool(left) + [plural(left_files, "table row")] * bool(left_files)
    if missing:
        b.force(f"> [!NOTE]\n> The report was cut to stay under GitHub's 1 MiB summary limit: "
                f"{' and '.join(missing)} not shown. The JSON, SARIF or HTML output has them all.", "")
    return b.lines, missing
