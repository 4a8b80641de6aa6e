"""The command line's large-run path: `--files-from`, `--null`, `--dask` and the streaming of
`--format jsonl` (qa.cli calls `check_run`).

With `--format jsonl` (and no other output, `--statistics`, `--fix`, `--diff` or
`--baseline`, which need every result at the end) each file's line is written as soon as the
file and those before it are done, its errors and warnings go to stderr at once, and only
counts are kept, so memory stays flat however many files a run checks. `--output-file` is
then written to a temporary file beside it and renamed at the end: a run stopped half-way
leaves the old file. Every other format collects the results as before.

Paths listed by `--files-from` are read as the run goes (a file, a pipe, or `-` for stdin; a
line each, or NUL-separated with `--null`), so a list of any length never sits in memory or
in argv; each file read from such a list is checked, as it comes, not to be a file the run
writes (outputs are written at the end, so nothing is lost when that stops the run).
"""
from __future__ import annotations

import os
import sys

from .errors import UsageError


def check_run(args, runner, jobs: int, outputs, main_file: str | None, progress, refuse_overwriting):
    """(the Report, whether it was streamed) of `release-qa check` with these arguments."""
    stream = args.format == "jsonl" and not outputs and not args.statistics and not any(
        getattr(args, flag, None) for flag in ("fix", "diff", "baseline", "annotate"))
    if args.dask and "-" in args.paths:
        raise UsageError("--dask: the workers cannot read this process's stdin; name the files")
    results = runner.results(args.paths, jobs, args.stdin_filename, progress, path_list(args),
                             stream, dask_remote(args.dask))
    written = [path for _, path in outputs] + ([main_file] if main_file else [])
    if args.files_from and written:
        results = _guarded(results, written, refuse_overwriting)
    if not stream:
        return runner.report(list(results)), False
    return _streamed(results, runner, main_file), True


def path_list(args):
    """The paths of --files-from, read as the run goes (None without it)."""
    from .api import read_path_list
    if not args.files_from:
        if args.null:
            raise UsageError("--null needs --files-from FILE")
        return None
    if args.files_from == "-":
        if "-" in args.paths:
            raise UsageError("--files-from - reads stdin, which cannot also be a file to check")
        stream = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
        if stream is None:
            raise UsageError("--files-from -: standard input is closed")
        return read_path_list(stream, args.null)
    return _closing(open(args.files_from, "rb"), args.null)


def _closing(stream, null: bool):
    from .api import read_path_list
    with stream:
        yield from read_path_list(stream, null)


def dask_remote(address: str | None):
    """What checks the files on the --dask cluster at `address`, once it is sure Dask can be
    used (a one-line error saying how to install it otherwise); None without --dask."""
    if address is None:
        return None
    from functools import partial

    from .dask import require
    require()
    from .dask.cluster import check_on_cluster
    return partial(check_on_cluster, address)


def _guarded(results, written: list[str], refuse_overwriting):
    from .discovery import Target
    for fr in results:
        if not fr.fatal:
            refuse_overwriting(written, [Target(fr.path)])
        yield fr


def _streamed(results, runner, main_file: str | None):
    """Each file's line written as it is done, its problems said, counts kept; the Report
    returned holds only the counts (its summary line is written by qa.cli, or here for
    --output-file)."""
    import tempfile

    from ._speed.records import replace
    from .formatters.jsonl import FileWriter
    from .report import Tally
    tally, shown = Tally(), set()
    tmp = tempfile.NamedTemporaryFile("w", encoding="utf-8", errors="backslashreplace", delete=False,
                                      prefix=".rqa-", suffix=".tmp",
                                      dir=os.path.dirname(os.path.abspath(main_file))) if main_file else None
    try:
        writer = FileWriter(tmp or sys.stdout)
        for fr in results:
            writer.add(fr)
            tally.add(fr)
            print_file_problems(fr, runner, shown)
        report = replace(runner.report([]), tally=tally)
        if tmp is not None:
            writer.finish(report)
            tmp.close()
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(tmp.name, 0o666 & ~mask)       # as a file opened for writing would be
            os.replace(tmp.name, main_file)
            tmp = None
        return report
    finally:
        if tmp is not None:
            tmp.close()
            os.unlink(tmp.name)


def print_file_problems(fr, runner, shared_shown: set[str]) -> None:
    """A file's input, config and rule errors and its warnings on stderr (a config error once,
    naming the config file)."""
    from .cli_output import error, warning
    for err in fr.errors:
        if err in runner.shared_errors:
            if err not in shared_shown:
                shared_shown.add(err)
                error(err)
        else:
            error(f"{fr.path}: {err}")
    for message in fr.warnings:
        warning(f"{fr.path}: {message}")
