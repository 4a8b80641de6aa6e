"""The public Python API: a `Checker` built once and used for any number of texts and files.

    from qa import Checker
    checker = Checker(select=["NC", "TR"], isolated=True)     # the settings `release-qa check` takes
    result = checker.check_text(text, path="news/2024-05-01.md")   # a qa.report.FileResult
    result = checker.check_file("releases/acme.txt")
    for result in checker.check_paths(["releases/"], jobs=2):      # streamed, in input order
        ...
    report = checker.report([result])                          # a Report, for qa.formatters

Building the rule set (parsing the packs and glossaries, selecting rules, checking the config)
is the expensive part, so a Checker does it once, when it is made: an unknown selector or a
broken --pack fails there with a QAError. Each check then costs what the command line pays per
file. Problems of one file (it cannot be read, or a config file above it is broken) are that
result's `errors`, as on the command line, never exceptions.

A Checker pickles as its settings (a few strings): unpickling builds the rule set again in the
receiving process, once per process and thread, so it can be shipped to process pools, Dask,
Spark or Ray workers (which need release-qa installed, and any packs, glossaries and config
files at the same paths). A Checker is not meant to be shared by threads: each thread gets its
own when unpickled. Nothing is cached on disk and nothing is kept between checks but the
rule set.

`read_path_list(stream, null=False)` reads a list of paths (one a line, or NUL-separated) as a
stream, for `release-qa check --files-from`.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator

from .errors import QAError, UsageError
from .report import FileResult, Report

_SETTINGS = ("select", "ignore", "extend_select", "fail_on", "min_severity", "fail_under", "encoding",
             "input_format", "packs", "glossaries", "config", "isolated", "respect_gitignore",
             "force_exclude", "report_unused_directives", "source")
MAX_PATH_BYTES = 1 << 16        # a longer line of a path list is an error, not a path


class Checker:
    """The rules of one configuration, built once; see the module docstring.

    Settings, as on the command line: `select`, `ignore`, `extend_select` (selectors: codes,
    prefixes, names or categories, as a list or a comma-separated string), `fail_on`,
    `min_severity`, `fail_under`, `encoding`, `input_format` (text, markdown, html), `packs`
    and `glossaries` (paths), `config` (one config file) or `isolated` (no config file; by
    default config files are found by walking up from each file, as the command line does),
    `respect_gitignore`, `force_exclude`, `report_unused_directives` and `source` (the Chinese
    original, for one release)."""

    def __init__(self, *, select=None, ignore=(), extend_select=(), fail_on: str | None = None,
                 min_severity: str | None = None, fail_under: float | None = None,
                 encoding: str | None = None, input_format: str | None = None, packs=(),
                 glossaries=(), config: str | None = None, isolated: bool = False,
                 respect_gitignore: bool | None = None, force_exclude: bool | None = None,
                 report_unused_directives: bool = False, source: str | None = None) -> None:
        from .runner import Overrides, Runner
        if config and isolated:
            raise UsageError("config and isolated cannot be combined")
        self.settings = {
            "select": _selectors(select) if select is not None else None, "ignore": _selectors(ignore),
            "extend_select": _selectors(extend_select), "fail_on": fail_on,
            "min_severity": min_severity, "fail_under": fail_under, "encoding": encoding,
            "input_format": input_format, "packs": tuple(os.path.abspath(p) for p in packs),
            "glossaries": tuple(os.path.abspath(g) for g in glossaries),
            "config": os.path.abspath(config) if config else None, "isolated": bool(isolated),
            "respect_gitignore": respect_gitignore, "force_exclude": force_exclude,
            "report_unused_directives": bool(report_unused_directives),
            "source": os.path.abspath(source) if source else None}
        overrides = Overrides(**{k: v for k, v in self.settings.items() if k not in ("config", "isolated")})
        self.runner = Runner(overrides, self.settings["config"], self.settings["isolated"])
        plan = self.runner.plan                 # the rule set of the settings themselves, now
        plan.rules_for(plan.effective(self.runner.finder.defaults))

    def __repr__(self) -> str:
        given = ", ".join(f"{k}={v!r}" for k, v in self.settings.items() if v not in (None, (), False))
        return f"Checker({given})"

    def __reduce__(self):
        return _shared, (tuple(self.settings.items()),)

    def check_text(self, text: str, path: str | None = None, format: str | None = None) -> FileResult:
        """Check a release given as a string. `path` names it in the result, picks its
        format by suffix (.md, .html) and its config file (the current folder's without
        it); `format` (text, markdown, html) overrides both."""
        from .runner import check_source
        from .source import SourceFile, dominant_newline
        shown = path or "<text>"
        runner = self.runner
        try:
            settings = runner.settings_for(path or "-")
            src = SourceFile(shown, text, "utf-8", False, dominant_newline(text))
            pairing = runner.pairer.source_for(shown, settings) if path else None
            return check_source(src, settings, runner.plan, format or runner.overrides.input_format,
                                pairing)
        except QAError as exc:
            return FileResult(shown, errors=[str(exc)], fatal=True)

    def check_file(self, path: str) -> FileResult:
        """Check one file, read and decoded as the command line does."""
        from .discovery import Target
        from .runner import _checked
        target = Target(path, "" if os.path.lexists(path) else "no such file or directory")
        return _checked(self.runner, self.runner._prepared(target))

    def check_paths(self, paths: Iterable[str] = (), jobs: int = 1, listed: Iterable[str] | None = None,
                    stream: bool = True) -> Iterator[FileResult]:
        """Each file of `paths` (files and folders, walked as the command line does) and of
        the iterable `listed` (read as it goes), in input order, each as soon as it and those
        before it are done, in `jobs` processes. With `stream` (the default) a result's text
        is not kept (FileResult.source is empty) and memory stays flat however many files."""
        return self.runner.results(list(paths), jobs, listed=listed, stream=stream)

    def report(self, results: Iterable[FileResult]) -> Report:
        """A Report of these results (with this configuration's rules, gates and version), for
        qa.formatters.render(name, report)."""
        return self.runner.report(list(results))


_LOCAL = threading.local()


def _shared(settings: tuple) -> Checker:
    """The Checker of these settings in this process and thread, built on first use."""
    built = getattr(_LOCAL, "checkers", None)
    if built is None:
        built = _LOCAL.checkers = {}
    if settings not in built:
        built[settings] = Checker(**dict(settings))
    return built[settings]


def _selectors(value) -> tuple[str, ...]:
    """Selectors from a list or a comma-separated string (or several), as the command line
    takes them."""
    values = [value] if isinstance(value, str) else list(value or ())
    return tuple(p.strip() for v in values for p in str(v).split(",") if p.strip())


def read_path_list(stream, null: bool = False) -> Iterator[str]:
    """The paths of a binary stream, one a line (a CR before the LF and empty lines are
    dropped) or, with `null`, NUL-separated, read as the stream goes; bytes that are not UTF-8
    are kept as the file system does (os.fsdecode). A line longer than MAX_PATH_BYTES is a
    UsageError: it cannot be a path."""
    sep = b"\0" if null else b"\n"
    rest = b""
    while True:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        parts = (rest + chunk).split(sep)
        rest = parts.pop()
        if len(rest) > MAX_PATH_BYTES:
            raise UsageError(f"a path in the list is longer than {MAX_PATH_BYTES:,} bytes "
                             f"(is it {'NUL' if null else 'line'}-separated?)")
        for part in parts:
            path = _path(part, null)
            if path:
                yield path
    path = _path(rest, null)
    if path:
        yield path


def _path(raw: bytes, null: bool) -> str:
    if not null and raw.endswith(b"\r"):
        raw = raw[:-1]
    if len(raw) > MAX_PATH_BYTES:
        raise UsageError(f"a path in the list is longer than {MAX_PATH_BYTES:,} bytes")
    return os.fsdecode(raw) if raw else ""
