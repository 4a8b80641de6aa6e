"""One line per finding, `path:line:col: CODE [severity] message`, for editors, grep and
terminal problem matchers; then each release's score (when there are several) and the
summary line of the text format."""
from __future__ import annotations

from .safe_text import shown
from .shared import score_text
from .style import Style, statistics_table, summary_line

HUMAN = True


def one_line(text: str) -> str:
    """A message on a single line (line breaks become spaces, control characters escaped)."""
    return shown(" ".join(part.strip() for part in text.splitlines() if part.strip()))


def render(report, options) -> str:
    st = Style(options.color)
    out: list[str] = []
    for fr in report.files:
        for f in fr.active:
            out.append(f"{st.bold(shown(fr.path))}:{f.line}:{f.column}: "
                       f"{st.sev(f.severity, shown(f.rule))} "
                       f"{st.dim('[' + f.severity + ']')} {one_line(f.message)}")
    scored = [fr for fr in report.files if fr.score and not fr.fatal]
    if out:
        out.append("")
    if len(scored) > 1:      # the summary line carries the score of a single release
        out.extend(f"{shown(fr.path)}: {score_text(fr.score)}" for fr in scored)
        out.append("")
    if options.statistics:
        out.extend(statistics_table(report))
    out.append(summary_line(report, st))
    return "\n".join(out) + "\n"
