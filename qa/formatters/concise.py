"""One line per finding, `path:line:col: CODE [severity] message`, for editors, grep and
terminal problem matchers, then the summary line of the text format: nothing at all for a
clean file. With --statistics, the counts per rule instead of the findings. A finding about
the Chinese original (bilingual mode) has a second, indented line: `= source: path:line:col: '…'`."""
from __future__ import annotations

from . import source_ref
from .safe_text import shown
from .style import Style, statistics_table, summary_line

HUMAN = True


def one_line(text: str) -> str:
    """A message on a single line (line breaks become spaces, control characters escaped)."""
    return shown(" ".join(part.strip() for part in text.splitlines() if part.strip()))


def render(report, options) -> str:
    st = Style(options.color)
    out: list[str] = []
    if options.statistics:
        out.extend(statistics_table(report))
    else:
        for fr in report.files:
            for f in fr.active:
                out.append(f"{st.bold(shown(fr.path))}:{f.line}:{f.column}: "
                           f"{st.sev(f.severity, shown(f.rule))} "
                           f"{st.dim('[' + f.severity + ']')} {one_line(f.message)}")
                if f.source is not None:    # bilingual mode: where in the Chinese original
                    out.append(f"  {st.dim('= source:')} {source_ref.text_line(f)}")
    out.append(summary_line(report, st))
    return "\n".join(out) + "\n"
