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
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        raise UsageError(message)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal width found without importing shutil (and
    bz2, lzma and fnmatch with it): argparse makes a formatter for every option it adds."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_width() if width is None else width)


def _terminal_width() -> int:
    """The width help is wrapped to, as shutil.get_terminal_size finds it: $COLUMNS, else
    the terminal's, else 80 (argparse keeps two columns free)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return (columns or 80) - 2


def _csv(values) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return tuple(out)


def build_parser() -> argparse.ArgumentParser:
    from .formatters import available_formats
    p = _Parser(prog="release-qa", description="Check machine-translated press releases.")
    p.add_argument("--version", action="version", version=f"release-qa {__version__}")
    sub = p.add_subparsers(dest="command")

    c = sub.add_parser("check", help="check files and folders (the default command)")
    c.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    c.add_argument("--format", default="text", choices=available_formats(),
                   help="output format on stdout (default: text)")
    c.add_argument("-o", "--output", action="append", default=[], metavar="FORMAT=FILE",
                   help="also write FORMAT to FILE (repeatable), e.g. -o sarif=out.sarif")
    c.add_argument("--select", action="append", metavar="RULES",
                   help="only these rules: codes, prefixes, names or categories, comma-separated")
    c.add_argument("--ignore", action="append", metavar="RULES", help="skip these rules")
    c.add_argument("--extend-select", action="append", metavar="RULES",
                   help="add rules to the selection (e.g. rules that are off by default)")
    c.add_argument("--min-severity", choices=SEVERITIES, help="report nothing below this severity")
    c.add_argument("--fail-on", choices=SEVERITIES,
                   help="exit 1 on findings at or above this severity (default: warning)")
    c.add_argument("--fail-under", type=float, metavar="SCORE",
                   help="exit 1 when a release scores below SCORE (0-100)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    c.add_argument("--config", metavar="FILE", help="use this config file instead of searching")
    c.add_argument("--isolated", action="store_true", help="ignore every config file")
    c.add_argument("--pack", action="append", default=[], metavar="FILE",
                   help="load an extra rule pack (repeatable)")
    c.add_argument("--glossary", action="append", default=[], metavar="FILE",
                   help="load an extra glossary (repeatable)")
    c.add_argument("--statistics", action="store_true", help="count findings per rule")
    c.add_argument("--stdin-filename", metavar="NAME", help="the name of the text read from -")
    c.add_argument("--encoding", metavar="CODEC", help="read files in this encoding")
    c.add_argument("--input-format", choices=INPUT_FORMATS, help="treat every input as this format")
    c.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="check files in N processes (default: the number of cores)")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    c.add_argument("--no-source", action="store_true", help="do not show source excerpts")
    _add_extensions(c)

    r = sub.add_parser("rules", help="list every rule")
    r.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    e = sub.add_parser("explain", help="print the documentation of a rule")
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


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


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
    _stderr_line("error: ", message)


def _warning(message: str) -> None:
    _stderr_line("warning: ", message)


def _stderr_line(kind: str, message: str) -> None:
    """One line on stderr: spaces squeezed, control characters (from file names or release
    text) escaped, so that no name can move the cursor, recolour the terminal or start a
    GitHub workflow command on a line of its own."""
    from .formatters.safe_text import shown
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"release-qa: {kind}{' '.join(shown(message).split())}\n")
    except (OSError, ValueError):
        pass


def _check(args) -> int:
    from .formatters import FORMATS, FormatOptions, write
    from .runner import Overrides, Runner
    if not args.paths:
        raise UsageError("no files given (pass files, folders, or - for stdin)")
    outputs = []
    for spec in args.output:
        fmt, sep, path = spec.partition("=")
        if not sep or fmt not in FORMATS or not path:
            raise UsageError(f"--output wants FORMAT=FILE with FORMAT one of "
                             f"{', '.join(sorted(FORMATS))}, not {spec!r}")
        outputs.append((fmt, path))
    if not 0 <= args.jobs <= MAX_JOBS:
        raise UsageError(f"--jobs must be from 0 (all cores) to {MAX_JOBS:,}, not {args.jobs:,} "
                         f"(it is lowered to {JOBS_PER_CORE} per core and to one per file anyway)")
    if args.isolated and args.config:
        raise UsageError("--isolated and --config cannot be combined")
    if args.select is not None and not _csv(args.select):
        raise UsageError("--select needs at least one rule selector (--select ALL for every rule)")
    if args.fail_under is not None and not 0 <= args.fail_under <= 100:   # nan fails too
        raise UsageError(f"--fail-under must be a number from 0 to 100, not {args.fail_under:g}")
    overrides = Overrides(
        select=_csv(args.select) if args.select else None, ignore=_csv(args.ignore),
        extend_select=_csv(args.extend_select), fail_on=args.fail_on,
        min_severity=args.min_severity, fail_under=args.fail_under, encoding=args.encoding,
        input_format=args.input_format, packs=tuple(os.path.abspath(p) for p in args.pack),
        glossaries=tuple(os.path.abspath(g) for g in args.glossary))
    for listed in (*overrides.packs, *overrides.glossaries):
        _refuse_special_file(listed)
    pre = getattr(args, "pre_check", None)
    if pre:                      # options of extension modules are checked before any work
        pre(args)
    runner = Runner(overrides, args.config, args.isolated)
    if outputs:
        _refuse_overwriting_inputs([path for _, path in outputs], runner.targets(args.paths))
    cores = os.cpu_count() or 1
    jobs = min(args.jobs or cores, cores * JOBS_PER_CORE)
    with _TerminateOnSigterm():
        report = runner.run(args.paths, jobs=jobs, stdin_name=args.stdin_filename,
                            progress=_progress_printer())
        hook = getattr(args, "post_check", None)
        if hook:
            report = hook(args, report, runner) or report
    shared_shown: set[str] = set()
    for fr in report.files:
        for err in fr.errors:
            if err in runner.shared_errors:     # a config error: once, naming the config file
                if err not in shared_shown:
                    shared_shown.add(err)
                    _error(err)
            else:
                _error(f"{fr.path}: {err}")
        for warning in fr.warnings:
            _warning(f"{fr.path}: {warning}")
    if not report.files:
        _warning(f"no files to check in {' '.join(args.paths)} (folders are searched for .txt, "
                 ".md, .markdown, .html and .htm files unless the config's include/exclude say "
                 "otherwise)")
    if getattr(args, "exit_status", None) is not None:     # the hook printed its output (--diff)
        return args.exit_status
    out = getattr(args, "report_stream", None) or sys.stdout  # stdin --fix: stdout holds the text
    opts = FormatOptions(color=_use_color(args.color, out), show_source=not args.no_source,
                         statistics=args.statistics)
    for fmt, path in outputs:
        _write(path, lambda fh, fmt=fmt: write(fmt, report, FormatOptions(statistics=args.statistics), fh))
    write(args.format, report, opts, out)
    out.flush()
    if args.exit_zero and report.exit_code == 1:
        return 0
    return report.exit_code


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


class _TerminateOnSigterm:
    """While a check runs, SIGTERM raises Terminated (a KeyboardInterrupt to the code it
    interrupts), so that every `finally` runs: forked workers are stopped and a half-written
    temporary file of --fix is removed. The previous handler comes back afterwards."""

    def __enter__(self):
        import signal
        self.previous = None
        try:
            self.previous = signal.signal(signal.SIGTERM, _raise_terminated)
        except (ValueError, OSError):       # not the main thread: leave signals alone
            pass
        return self

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            import signal
            signal.signal(signal.SIGTERM, self.previous)


def _raise_terminated(signum, frame) -> None:
    raise Terminated(signum)


def _write(path: str, emit) -> None:
    """Write one output file: `emit(stream)` writes the format to it."""
    try:
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        with open(path, "a" if path == os.environ.get("GITHUB_STEP_SUMMARY") else "w",
                  encoding="utf-8", errors="backslashreplace") as fh:
            emit(fh)
    except OSError as exc:
        raise QAError(f"cannot write output: {exc.strerror or exc}", path) from None


def _progress_printer():
    """A progress callback writing to stderr on an interactive terminal (never in CI or pipes)."""
    stream = sys.stderr
    if not getattr(stream, "isatty", lambda: False)() or os.environ.get("CI"):
        return None

    shown = [0]      # the count last written: the line changes when a new ten is reached

    def show(done: int, total: int) -> None:
        if total < 20 or shown[0] == total:
            return
        if done == total:
            shown[0] = done
            stream.write("\r\x1b[K")
        elif done // 10 > shown[0] // 10:   # counts may jump when several processes report
            shown[0] = done
            stream.write(f"\rchecked {done}/{total} files")
        else:
            return
        stream.flush()
    return show
