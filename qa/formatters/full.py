"""Human output in the manner of ruff's full format: location, code, message, the source
excerpt with a caret under the exact span, and what to write instead."""
from __future__ import annotations

from . import source_ref
from .excerpt import excerpt
from .safe_text import shown
from .style import Style, statistics_table, summary_line

HUMAN = True


def _finding_lines(fr, f, st: Style, options) -> list[str]:
    path = shown(fr.path)           # names and text from a release never reach the terminal raw
    out = [f"{st.bold(path)}:{f.line}:{f.column}: {st.sev(f.severity, shown(f.rule))} "
           f"{shown(f.message)} {st.dim('[' + f.severity + ']')}"]
    if options.show_source and fr.source:
        text, marker = excerpt(fr.source, f.offset, f.end_offset)
        gutter = " " * len(str(f.line))
        out.append(f"{st.dim(gutter + ' |')}")
        out.append(f"{st.dim(str(f.line) + ' |')} {text}")
        out.append(f"{st.dim(gutter + ' |')} {st.sev(f.severity, marker)}")
    if f.suggestion:
        out.append(f"  {st.green('= write instead:')} {shown(f.suggestion)}")
    for r in f.related[:3]:
        note = f" ({shown(r.note)})" if r.note else ""
        out.append(f"  {st.dim('= see')} {path}:{r.line}:{r.column}: '{shown(r.text)}'{note}")
    if f.source is not None:        # bilingual mode: the span of the Chinese original
        out.append(f"  {st.dim('= source:')} {source_ref.text_line(f)}")
    if options.show_source:
        out.append("")
    return out


def stream(report, options, write) -> None:
    """Write finding by finding (a huge release never becomes one string)."""
    st = Style(options.color)
    for fr in report.files if not options.statistics else ():    # --statistics: counts only
        for f in fr.active:
            write("\n".join(_finding_lines(fr, f, st, options)) + "\n")
    tail = statistics_table(report) if options.statistics else []
    tail.append(summary_line(report, st))
    write("\n".join(tail) + "\n")


def render(report, options) -> str:
    parts: list[str] = []
    stream(report, options, parts.append)
    return "".join(parts)
