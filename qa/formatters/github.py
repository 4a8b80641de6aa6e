"""GitHub Actions workflow commands: one annotation per finding on the changed file.

`::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message`; info
findings become `notice`. Messages escape % CR LF, property values also : and , so that a
message can never end the command early or inject another one; every other line (the score
lines) escapes % CR LF too, so a file name holding a line break cannot start a command of its
own, and control characters (ANSI sequences the log viewer would obey, bidi overrides) are
shown escaped, as in the text format. GitHub shows only about ten
annotations of each kind per step: all are printed (they stay in the log), and when a kind
overflows a final notice says where the rest are: the job log always, the step summary (the
markdown format) only when it holds them all, the summary being cut at GitHub's 1 MiB.
"""
from __future__ import annotations

from collections import Counter

from . import source_ref
from .safe_text import shown
from .shared import message_with_suggestion, repo_path, score_text

HUMAN = False

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_KIND = 10


def escape_data(text: str) -> str:
    """A message as GitHub reads it back: % CR LF escaped (line breaks kept as %0A, which the
    annotation shows as line breaks), other control characters shown escaped."""
    return shown(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props) -> str:
    """`::kind prop=value,...::message` with every part escaped; None values are left out."""
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + fields if fields else ''}::{escape_data(message)}"


def plain_line(text: str) -> str:
    """A log line that is not a command, escaped so that it cannot become one."""
    return escape_data(text)


def annotation(path: str, f) -> str:
    loc = f.location
    message = message_with_suggestion(f)
    if f.source is not None:        # bilingual mode: quote the Chinese original
        message += "\n" + source_ref.note(f, repo_path)
    return command(COMMANDS.get(f.severity, "warning"), message,
                   file=path, line=loc.line, col=loc.column, endLine=loc.end_line,
                   endColumn=loc.end_column, title=f"{f.rule} {f.name}")


def render(report, options) -> str:
    out: list[str] = []
    kinds: Counter = Counter()
    for fr in report.files:
        path = repo_path(fr.path)
        for err in fr.errors:
            out.append(command("error", err, file=path, title="release-qa could not check this file"
                               if fr.fatal else "release-qa rule failure"))
            kinds["error"] += 1
        for f in fr.active:
            out.append(annotation(path, f))
            kinds[COMMANDS.get(f.severity, "warning")] += 1
    for fr in report.files:
        if fr.score and not fr.fatal:
            out.append(plain_line(f"release-qa: {repo_path(fr.path)}: {score_text(fr.score)}"))
    over = [f"{n} {kind}s" for kind, n in sorted(kinds.items()) if n > SHOWN_PER_KIND]
    if over:
        from .markdown import complete
        where = ("All of them are in the job log and in the step summary (release-qa -o "
                 "markdown=$GITHUB_STEP_SUMMARY)." if complete(report) else
                 "All of them are in the job log; the step summary is cut to GitHub's 1 MiB "
                 "limit, so write the whole report with -o json=FILE, -o sarif=FILE or -o "
                 "html=FILE and keep it as an artifact.")
        out.append(command("notice", f"release-qa found {', '.join(over)}; GitHub shows only "
                           f"{SHOWN_PER_KIND} of each kind here. {where}",
                           title="More findings than GitHub shows"))
    return "\n".join(out) + ("\n" if out else "")
