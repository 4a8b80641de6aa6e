"""Command-line options that act on a finished check: `--fix`, `--unsafe-fixes`, `--diff`,
`--baseline FILE` and `--update-baseline`.

`qa.cli` adds these options to `release-qa check` and, after the run, calls `post_check`,
whose Report replaces the run's:

- `--fix` applies safe fixes (and unsafe ones with `--unsafe-fixes`) until nothing changes,
  writes each changed file atomically in its own encoding, and reports what remains. With
  stdin (`-`) the fixed text goes to stdout and the report to stderr.
- `--diff` prints a unified diff of what `--fix` would change, writes nothing, and exits 1
  when there would be changes (0 when not, 2 on input errors).
- `--baseline FILE` hides findings recorded in FILE; with `--update-baseline` it first
  records today's findings there (so that run reports none).
- `--annotate DIR` writes a reviewed copy of each Word document checked, its findings as Word
  comments (qa.docx.cli). Word documents are fixed inside their runs (qa.docx.cli.fix_document).
"""
from __future__ import annotations

import argparse
import sys

from ._speed.records import record, replace
from .errors import UsageError
from .report import FileResult, Report


def add_arguments(c: argparse.ArgumentParser) -> None:
    g = c.add_argument_group("fixes and baselines")
    g.add_argument("--fix", action="store_true", help="apply safe fixes, report what remains")
    g.add_argument("--unsafe-fixes", action="store_true",
                   help="also fixes that may change the meaning")
    g.add_argument("--diff", action="store_true",
                   help="show the fixes as a diff, write nothing")
    g.add_argument("--baseline", metavar="FILE",
                   help="hide findings recorded in FILE")
    g.add_argument("--update-baseline", action="store_true",
                   help="record today's findings in the baseline")
    from .docx.cli import add_arguments as add_docx_arguments
    add_docx_arguments(g)
    c.set_defaults(pre_check=_validate, post_check=post_check)


def _validate(args) -> None:
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if args.update_baseline and not args.baseline:
        raise UsageError("--update-baseline needs --baseline FILE")
    if args.diff and args.update_baseline:
        raise UsageError("--diff writes nothing: it cannot be combined with --update-baseline")
    if getattr(args, "annotate", None) is not None:
        from .docx.cli import validate
        validate(args)


@record
class _Change:
    index: int              # position in report.files
    before: FileResult
    after: FileResult
    text: str
    applied: int
    stdin: bool
    data: tuple | None = None   # a Word document: (bytes read, fixed bytes)


def post_check(args, report: Report, runner) -> Report:
    """Apply fixes and the baseline to a finished run (see the module docstring)."""
    _validate(args)
    if args.fix or args.diff:
        stdin_at = _stdin_positions(args, report, runner)
        changes = _fix_all(args, report, runner, stdin_at)
        if args.diff:
            status = _show_diff(report, changes)
            args.exit_status = 0 if status == 1 and args.exit_zero else status
            return report
        report = _write(changes, report, runner, args)
    if args.baseline:
        report = _baseline(args, report, runner)
    if getattr(args, "annotate", None) is not None:
        from .docx.cli import annotate_report
        report = annotate_report(args, report, runner, _note)
    return report


def _stdin_positions(args, report: Report, runner) -> set[int]:
    """Indexes of report.files read from stdin (results keep the order of the targets)."""
    if "-" not in args.paths:
        return set()
    targets = runner.targets(args.paths)
    if len(targets) == len(report.files):
        return {i for i, t in enumerate(targets) if t.path == "-"}
    shown = args.stdin_filename or "-"
    return {i for i, fr in enumerate(report.files) if fr.path == shown}


def _relinter(fr: FileResult, runner, stdin_name: str | None):
    from .runner import check_source
    from .source import SourceFile, dominant_newline
    settings = runner.settings_for(fr.path)
    fmt = runner.overrides.input_format
    if fmt is None and stdin_name:
        from .document.markup import format_for
        fmt = format_for(stdin_name)

    pairing = runner.pairer.source_for(fr.path, settings)    # bilingual mode: the same original

    def relint(text: str) -> FileResult:
        src = SourceFile(fr.path, text, fr.encoding or "utf-8", fr.bom, dominant_newline(text))
        return check_source(src, settings, runner.plan, fmt, pairing)
    return relint


def _fix_all(args, report: Report, runner, stdin_at: set[int]) -> list[_Change]:
    from .fixes import fix_until_stable
    changes = []
    for i, fr in enumerate(report.files):
        if fr.fatal:
            continue
        stdin = i in stdin_at
        if fr.format == "docx":     # fixed inside its runs, written as a whole package
            if stdin:
                _warn(f"{fr.path}: a Word document read from stdin cannot be fixed; name the file")
                continue
            from .docx.cli import fix_document
            done = fix_document(fr, runner, args.unsafe_fixes, _warn)
            if done is not None:
                changes.append(_Change(i, fr, done[1], done[0], done[2], False, done[3]))
            continue
        relint = _relinter(fr, runner, args.stdin_filename if stdin else None)
        out = fix_until_stable(fr.source, fr, relint, unsafe=args.unsafe_fixes)
        if out.growing:             # a replacement holding what it replaces: write nothing
            _warn(f"{fr.path}: fixes kept making the text longer (a replacement that contains "
                  "the text it replaces?); not fixed")
            continue
        if not out.settled:
            _warn(f"{fr.path}: fixes kept changing the text after {out.passes} passes "
                  "(rules undoing each other?); check the result")
        if out.applied or stdin:
            changes.append(_Change(i, fr, out.result, out.text, out.applied, stdin))
    return changes


def _show_diff(report: Report, changes: list[_Change]) -> int:
    from .fixes import unified_diff
    fixed = files = 0
    for ch in changes:
        diff = unified_diff(_diff_path(ch.before.path), ch.before.source, ch.text)
        if diff:
            sys.stdout.write(diff)
            fixed += ch.applied
            files += 1
    sys.stdout.flush()
    if fixed:
        _note(f"would fix {_count(fixed, 'finding')} in {_count(files, 'file')}")
    if any(fr.errors for fr in report.files):
        return 2
    return 1 if files else 0


def _write(changes: list[_Change], report: Report, runner, args) -> Report:
    from .atomic_write import WriteRaced, WriteRefused
    from .fixes import rewrite_file
    files = list(report.files)
    fixed = written = 0
    for ch in changes:
        fr = ch.before
        if ch.stdin:
            _print_stdin(ch.text, fr)
            args.report_stream = sys.stderr
        else:
            try:
                if ch.data is not None:
                    from .docx.cli import write_document
                    write_document(fr.path, *ch.data)
                else:
                    rewrite_file(fr.path, fr.source, ch.text, fr.encoding or "utf-8", fr.bom)
            except WriteRaced as exc:       # written, but another program's write was lost
                files[ch.index] = replace(ch.after, errors=[*ch.after.errors, str(exc)])
                fixed += ch.applied
                written += 1
                continue
            except WriteRefused as exc:
                _warn(f"{fr.path}: {exc}")
                continue
        files[ch.index] = ch.after
        fixed += ch.applied
        written += 1 if ch.applied else 0
    if fixed:
        remaining = sum(len(f.active) for f in files)
        _note(f"fixed {_count(fixed, 'finding')} in {_count(written, 'file')}, "
              f"{remaining} remaining")
    return runner.report(files)


def _print_stdin(text: str, fr: FileResult) -> None:
    """The fixed text on stdout, in the encoding (and BOM) it came in."""
    from .fixes import encode
    try:
        data = encode(text, fr.encoding or "utf-8", fr.bom)
    except (UnicodeEncodeError, LookupError):
        _warn(f"{fr.path}: the fixed text cannot be written as {fr.encoding}; printed as UTF-8")
        data = text.encode("utf-8", "surrogateescape")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _baseline(args, report: Report, runner) -> Report:
    from . import baseline
    from .score import score
    if args.update_baseline:
        n = baseline.update(report, args.baseline)
        _note(f"baseline {args.baseline}: {_count(n, 'finding')} recorded")
    entries = baseline.load(args.baseline)

    def rescore(fr: FileResult):
        return score(fr.findings, fr.words, runner.settings_for(fr.path).score)
    report, hidden = baseline.apply(report, args.baseline, entries, rescore)
    if hidden and not args.update_baseline:
        _note(f"{_count(hidden, 'finding')} in the baseline not shown")
    return report


def _diff_path(path: str) -> str:
    """The name in a diff header, quoted the way git quotes it when it holds a quote, a
    backslash or a character that could steer a terminal or end the header line."""
    from .formatters.safe_text import has_unsafe, shown
    if not (has_unsafe(path) or '"' in path or "\\" in path):
        return path
    return '"' + shown(path.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _note(message: str) -> None:
    from .cli_output import stderr_line
    stderr_line("", message)


def _warn(message: str) -> None:
    from .cli_output import stderr_line
    stderr_line("warning: ", message)
