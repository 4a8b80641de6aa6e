"""ANSI styling for terminal formats (used only when colour is on) and shared footers."""
from __future__ import annotations

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34",
          "cyan": "36"}
_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


class Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{_CODES[code]}m{text}\x1b[0m" if self.color and text else text

    def bold(self, t: str) -> str:
        return self._wrap("bold", t)

    def dim(self, t: str) -> str:
        return self._wrap("dim", t)

    def red(self, t: str) -> str:
        return self._wrap("red", t)

    def green(self, t: str) -> str:
        return self._wrap("green", t)

    def sev(self, severity: str, t: str) -> str:
        return self._wrap(_SEVERITY_COLOUR.get(severity, "bold"), t)


def summary_line(report, st: Style) -> str:
    s = report.summary
    n = s["findings"]
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    if n == 0 and not s["files_with_errors"]:
        line = st.green(f"All checks passed ({files})")
    else:
        sev = s["by_severity"]
        parts = [f"{sev[k]} {k}{'s' if sev[k] != 1 and k != 'info' else ''}" for k in sev if sev[k]]
        line = f"Found {n} finding{'s' if n != 1 else ''}"
        if parts:
            line += " (" + ", ".join(parts) + ")"
        line += f" in {files}"
    if s["suppressed"]:
        line += f"; {s['suppressed']} suppressed"
    if s["files_with_errors"]:
        line += f"; {s['files_with_errors']} file{'s' if s['files_with_errors'] != 1 else ''} with errors"
    scores = [f.score for f in report.files if f.score and not f.fatal]
    if len(scores) == 1:
        sc = scores[0]
        line += f"; score {sc.value:.1f}/100 ({'pass' if sc.passed else 'below'} {sc.threshold:g})"
    elif scores:
        below = sum(1 for sc in scores if not sc.passed)
        line += f"; {below} of {len(scores)} releases score below their threshold" if below else \
            "; every release scores at or above its threshold"
    failed = failed_gates(report)
    return line + "." + (f" Failed: {failed}." if failed else "")


def failed_gates(report) -> str:
    """The exit gates a run fails, each named with its value ('fail-on warning (3 findings at
    warning or above); fail-under 50 (score 48.7)'), or '' when it passes them (a run with
    file errors exits 2 for them, reported on stderr)."""
    from .safe_text import shown
    from .shared import at_least, plural
    if any(f.errors for f in report.files):
        return ""
    parts = []
    failing = sum(1 for _, f in report.findings() if at_least(f.severity, report.fail_on))
    if failing:
        parts.append(f"fail-on {report.fail_on} ({plural(failing, 'finding')} at "
                     f"{report.fail_on} or above)")
    if report.fail_under is not None:
        scored = [(f.score.value, f.path) for f in report.files if f.score and not f.fatal]
        low = sorted(v for v in scored if v[0] < report.fail_under)
        if len(scored) == 1 and low:
            parts.append(f"fail-under {report.fail_under:g} (score {low[0][0]:.1f})")
        elif low:
            parts.append(f"fail-under {report.fail_under:g} ({len(low)} of {len(scored)} releases "
                         f"below it, the lowest {shown(low[0][1])} at {low[0][0]:.1f})")
    return "; ".join(parts)


def statistics_table(report) -> list[str]:
    from .statistics import table
    return table(report)
