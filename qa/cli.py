"""The command line: `release-qa check`, `release-qa rules`, `release-qa explain CODE`.

Exit codes: 0 nothing at or above the fail level, 1 findings, 2 a usage, input or config
error, 143 stopped by SIGTERM. Every error is one line on stderr, never a traceback, with
control characters of names and text escaped.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .categories import SEVERITIES
from .errors import QAError, Terminated, UsageError
from .version import __version__

COMMANDS = ("check", "rules", "explain")
MAX_JOBS = 1_000_000        # a larger --jobs is a mistake, not a machine
JOBS_PER_CORE = 4           # --jobs is lowered to this many processes per core
INPUT_FORMATS = ("text", "markdown", "html")


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        from .cli_output import HelpFormatter
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        raise UsageError(message)


MAIN_EPILOG = """examples:
  release-qa check releases/               check every release in a folder
  release-qa releases/2024/launch.md       'check' is the default command
  release-qa check --format concise -o sarif=qa.sarif releases/
  release-qa check --diff releases/        what --fix would change
  release-qa rules                         every rule, and whether it is on
  release-qa explain NC02                  one rule: what, why, example, fix

Exit status: 0 clean, 1 findings (or a score under --fail-under), 2 errors.
Configuration: [tool.release-qa] in pyproject.toml or .release-qa.toml."""

CHECK_EPILOG = """examples:
  release-qa check releases/
  release-qa check -v .              README, LICENSE, ignored files: left out
  release-qa check --select PU,EN --fix releases/
  release-qa check --format github -o markdown=$GITHUB_STEP_SUMMARY releases/"""


def _csv(values) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def build_parser() -> argparse.ArgumentParser:
    from .formatters import available_formats
    p = _Parser(prog="release-qa", epilog=MAIN_EPILOG,
                description="A linter for machine-translated (Chinese to English) press releases.")
    p.add_argument("--version", action="version", version=f"release-qa {__version__}")
    sub = p.add_subparsers(dest="command", title="commands", metavar="COMMAND")

    c = sub.add_parser("check", help="check files and folders (the default command)",
                       usage="release-qa check [options] PATH...", epilog=CHECK_EPILOG,
                       description="Check press releases; report each finding at its line and column.")
    c.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    out = c.add_argument_group("report")
    out.add_argument("--format", dest="format", default="text", choices=available_formats(),
                     metavar="FMT", help="text, concise, json, sarif, github, gitlab, ...")
    out.add_argument("--output-format", dest="format", choices=available_formats(),
                     help=argparse.SUPPRESS)            # ruff's name for --format
    out.add_argument("-o", "--output", action="append", default=[], metavar="FILE",
                     help="report to FILE; FMT=FILE: also FMT to FILE")
    out.add_argument("--output-file", metavar="FILE", help=argparse.SUPPRESS)   # ruff's -o FILE
    out.add_argument("--statistics", action="store_true", help="counts per rule only")
    out.add_argument("--no-source", action="store_true", help="no source excerpts")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto", metavar="WHEN",
                     help="auto (a terminal only), always, never")
    out.add_argument("-v", "--verbose", action="store_true", help="also list files left out, and why")
    sel = c.add_argument_group("rules and gates")
    sel.add_argument("--select", action="append", metavar="RULES",
                     help="only these (replaces the config's selection)")
    sel.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules")
    sel.add_argument("--extend-select", action="append", metavar="RULES", help="add these rules")
    sel.add_argument("--min-severity", choices=SEVERITIES, metavar="SEV",
                     help="report nothing below: info, warning, error")
    sel.add_argument("--fail-on", choices=SEVERITIES, metavar="SEV",
                     help="exit 1 on findings at or above (warning)")
    sel.add_argument("--fail-under", type=float, metavar="SCORE",
                     help="exit 1 when a release scores below")
    sel.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    sel.add_argument("--report-unused-directives", action="store_true",
                     help="warn about directives that silenced nothing")
    files = c.add_argument_group("files and config")
    files.add_argument("--config", metavar="FILE", help="this config file, no search")
    files.add_argument("--isolated", action="store_true", help="ignore every config file")
    files.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false",
                       default=None, help="check files .gitignore/.ignore exclude")
    files.add_argument("--respect-gitignore", dest="respect_gitignore", action="store_true",
                       help=argparse.SUPPRESS)
    files.add_argument("--force-exclude", dest="force_exclude", action="store_true", default=None,
                       help="filter named files too (for hooks)")
    files.add_argument("--no-force-exclude", dest="force_exclude", action="store_false",
                       help=argparse.SUPPRESS)
    files.add_argument("--pack", action="append", default=[], metavar="FILE", help="an extra rule pack")
    files.add_argument("--glossary", action="append", default=[], metavar="FILE", help="an extra glossary")
    files.add_argument("--stdin-filename", metavar="NAME", help="the name of the text read from -")
    files.add_argument("--encoding", metavar="CODEC", help="read files in this encoding")
    files.add_argument("--input-format", choices=INPUT_FORMATS, metavar="FMT",
                       help="text, markdown or html for every input")
    files.add_argument("--source", metavar="FILE",
                       help="the Chinese original (bilingual mode)")
    files.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                       help="processes (default: the number of cores)")
    files.add_argument("--files-from", metavar="FILE",
                       help="also check the paths in FILE, one a line (- for stdin), read as the run goes")
    # no -0 alias: an option that looks like a negative number makes argparse read --jobs -1
    # and --fail-under -5 as options, turning their clear messages into "expected one argument"
    files.add_argument("--null", action="store_true", help="--files-from paths are NUL-separated")
    files.add_argument("--dask", metavar="ADDRESS",
                       help="check on a Dask cluster: its scheduler address, or local (release-qa[dask])")
    _add_extensions(c)

    r = sub.add_parser("rules", help="list every rule", description="List every rule.")
    r.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    e = sub.add_parser("explain", help="print the documentation of a rule",
                       description="Print the documentation of a rule.")
    e.add_argument("rule", metavar="CODE", help="a rule code or name")
    e.add_argument("--format", choices=("text", "markdown"), default="text")
    for sp in (r, e):      # the rules of the config `check` would use here, plus these
        sp.add_argument("--config", metavar="FILE", help="this config file, not the one found")
        sp.add_argument("--isolated", action="store_true", help="ignore config files")
        sp.add_argument("--pack", action="append", default=[], metavar="FILE")
        sp.add_argument("--glossary", action="append", default=[], metavar="FILE")
    return p


def _add_extensions(c: argparse.ArgumentParser) -> None:
    """Options provided by optional modules (fixes, baselines), when present."""
    try:
        from .cli_fix import add_arguments
    except ImportError:
        return
    add_arguments(c)


def run() -> None:
    """The console script: main(), then exit without tearing the interpreter down.

    Freeing every module, pattern and cache at exit costs a short run 10-30 ms, a fifth of a
    pre-commit check; the output is flushed and the exit handlers (the parse cache is saved
    by one) are run first, so nothing is lost."""
    for stream in (sys.stdout, sys.stderr):     # a character no codec takes is shown, not fatal
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    import atexit
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:        # another Python: leave the normal way
        sys.exit(code)
    run_exit_handlers()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:          # started with stdout closed (`release-qa check x >&-`)
        _error("standard output is closed: there is nowhere to write the report")
        return 2
    if argv in (["--version"], ["-V"]):
        print(f"release-qa {__version__}")
        return 0
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version", "-V"):
        argv.insert(0, "check")
    try:
        args = build_parser().parse_args(argv)
        if args.command == "rules":
            from .explain import list_rules
            sys.stdout.write(list_rules(args))
            return 0
        if args.command == "explain":
            from .explain import explain_rule
            sys.stdout.write(explain_rule(args))
            return 0
        if args.command is None:
            build_parser().print_help()
            return 2
        return _check(args)
    except QAError as exc:
        _error(str(exc))
        return 2
    except Terminated:
        _error("terminated")
        return 128 + 15
    except KeyboardInterrupt:
        _error("interrupted")
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:
        _error(f"{getattr(exc, 'filename', '') or ''}{': ' if getattr(exc, 'filename', None) else ''}"
               f"{exc.strerror or exc}")
        return 2
    except Exception as exc:    # a bug: still one line, unless a developer asks for the trace
        if os.environ.get("RELEASE_QA_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} "
               "(set RELEASE_QA_DEBUG=1 for the traceback, and please report it)")
        return 2


def _error(message: str) -> None:
    from .cli_output import error
    error(message)


def _warning(message: str) -> None:
    from .cli_output import warning
    warning(message)


def _stderr_line(kind: str, message: str) -> None:
    from .cli_output import stderr_line
    stderr_line(kind, message)


def _outputs(args) -> tuple[list[tuple[str, str]], str | None]:
    """(format, file) pairs of `-o FMT=FILE`, and the file the report goes to instead of
    stdout (`-o FILE` or `--output-file FILE`, as in ruff), if any."""
    from .formatters import FORMATS
    extra: list[tuple[str, str]] = []
    main_file = args.output_file
    for spec in args.output:
        fmt, sep, path = spec.partition("=")
        if sep and fmt in FORMATS:
            if not path:
                raise UsageError(f"-o {spec}: a file name is missing after '='")
            extra.append((fmt, path))
        elif spec in FORMATS:
            raise UsageError(f"-o {spec}: write -o {spec}=FILE for a {spec} file, or "
                             f"--output-format {spec} for stdout (--output wants FORMAT=FILE or FILE)")
        elif main_file is not None:
            raise UsageError(f"-o {spec}: the report already goes to {main_file}; "
                             "write other formats with -o FMT=FILE")
        elif not spec:
            raise UsageError("-o needs FMT=FILE or FILE")
        else:
            main_file = spec
    return extra, main_file


def _check(args) -> int:
    from .cli_output import TerminateOnSigterm, progress_printer, use_color, write_file
    from .cli_stream import check_run
    from .formatters import FormatOptions, write
    from .runner import Overrides, Runner
    if not args.paths and not args.files_from:
        raise UsageError("no files given (pass files, folders, or - for stdin; "
                         "release-qa check releases/ checks a folder)")
    outputs, main_file = _outputs(args)
    if not 0 <= args.jobs <= MAX_JOBS:
        raise UsageError(f"--jobs must be from 0 (all cores) to {MAX_JOBS:,}, not {args.jobs:,} "
                         f"(it is lowered to {JOBS_PER_CORE} per core and to one per file anyway)")
    if args.isolated and args.config:
        raise UsageError("--isolated and --config cannot be combined")
    if args.select is not None and not _csv(args.select):
        raise UsageError("--select needs at least one rule selector (--select ALL for every rule)")
    if args.fail_under is not None and not 0 <= args.fail_under <= 100:   # nan fails too
        raise UsageError(f"--fail-under must be a number from 0 to 100, not {args.fail_under:g}")
    if args.statistics and args.format not in STATISTICS_FORMATS:
        raise UsageError(f"--statistics prints counts as text or JSON, not {args.format} "
                         "(use --format text, concise or json)")
    overrides = Overrides(
        select=_csv(args.select) if args.select else None, ignore=_csv(args.ignore),
        extend_select=_csv(args.extend_select), fail_on=args.fail_on,
        min_severity=args.min_severity, fail_under=args.fail_under, encoding=args.encoding,
        input_format=args.input_format, packs=tuple(os.path.abspath(p) for p in args.pack),
        glossaries=tuple(os.path.abspath(g) for g in args.glossary),
        respect_gitignore=args.respect_gitignore, force_exclude=args.force_exclude,
        report_unused_directives=args.report_unused_directives, source=args.source)
    for listed in (*overrides.packs, *overrides.glossaries):
        _refuse_special_file(listed)
    pre = getattr(args, "pre_check", None)
    if pre:                      # options of extension modules are checked before any work
        pre(args)
    runner = Runner(overrides, args.config, args.isolated)
    targets = [*outputs, *((("", main_file),) if main_file else ())]
    if targets:
        _refuse_overwriting_inputs([path for _, path in targets], runner.targets(args.paths))
    cores = os.cpu_count() or 1
    jobs = min(args.jobs or cores, cores * JOBS_PER_CORE)
    with TerminateOnSigterm():                  # --format jsonl streams (qa.cli_stream)
        report, streamed = check_run(args, runner, jobs, outputs, main_file, progress_printer(),
                                     _refuse_overwriting_inputs)
        hook = getattr(args, "post_check", None)
        if hook:
            report = hook(args, report, runner) or report
    if args.verbose:
        for path, why in runner.skipped:
            _stderr_line("", f"skipped {path}: {why}")
    _print_problems(report, runner)
    if not report.summary["files"]:
        left = f"; {len(runner.skipped)} left out (-v says which and why)" \
            if runner.skipped and not args.verbose else ""
        _warning(f"no files to check in {' '.join(args.paths)} (folders are searched for .txt, "
                 ".md, .markdown, .html, .htm and .docx files unless the config's include/exclude say "
                 f"otherwise{left})")
    if getattr(args, "exit_status", None) is not None:     # the hook printed its output (--diff)
        return args.exit_status
    for fmt, path in outputs:
        write_file(path, lambda fh, fmt=fmt: write(fmt, report, FormatOptions(), fh))
    if main_file and not streamed:
        write_file(main_file, lambda fh: _emit(args, report, fh, args.color == "always"))
    elif not main_file:
        out = getattr(args, "report_stream", None) or sys.stdout  # stdin --fix: stdout holds the text
        _emit(args, report, out, use_color(args.color, out))
        out.flush()
    if args.exit_zero and report.exit_code == 1:
        return 0
    return report.exit_code


STATISTICS_FORMATS = ("text", "full", "concise", "json")


def _emit(args, report, out, color: bool) -> None:
    """The report in the chosen format (or, with --statistics, the counts per rule)."""
    from .formatters import FormatOptions, write
    if args.statistics and args.format == "json":
        from .formatters.statistics import as_json
        out.write(as_json(report))
        return
    write(args.format, report, FormatOptions(color=color, show_source=not args.no_source,
                                             statistics=args.statistics), out)


def _print_problems(report, runner) -> None:
    """Input, config and rule errors, and per-file warnings, on stderr (a config error once)."""
    from .cli_stream import print_file_problems
    shared_shown: set[str] = set()
    for fr in report.files:
        print_file_problems(fr, runner, shared_shown)
    for warning in getattr(runner, "config_warnings", ()):
        _warning(warning)


def _refuse_special_file(path: str) -> None:
    """A --pack or --glossary that is a FIFO or device would hang or flood the loader."""
    from .source import special_kind
    try:
        kind = special_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return                  # missing: the pack loader says so
    if kind and kind != "a directory":
        raise UsageError(f"{path}: is {kind}, not a regular file; not read")


def _refuse_overwriting_inputs(outputs: list[str], targets) -> None:
    """`-o FMT=FILE` must not replace a file being checked (the same file by device and inode,
    whatever the name)."""
    existing = {}
    for path in outputs:
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            continue
        if os.path.isfile(path):
            existing[(st.st_dev, st.st_ino)] = path
    if not existing:
        return
    for t in targets:
        if t.path == "-" or t.missing:
            continue
        try:
            st = os.stat(t.path)
        except (OSError, ValueError):
            continue
        hit = existing.get((st.st_dev, st.st_ino))
        if hit:
            raise UsageError(f"-o {hit}: that is {t.path}, one of the files being checked; "
                             "choose another output file")
