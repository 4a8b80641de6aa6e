"""Runs a check: discover files, find each file's settings, build its rule set, lint it,
collect a Report. Files can be checked in parallel worker processes; results keep the
order of the input, so output is byte-identical whatever the number of jobs.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache, partial
from itertools import chain

from . import sections
from ._speed.records import field, record, replace
from .bilingual.pairing import BILINGUAL_SUFFIXES, Pairer, Pairing
from .discovery import Target, discover
from .document import load_document
from .engine import RunConfig, lint_document
from .errors import ConfigError, InputError, QAError, RulePackError, UsageError
from .report import FileResult, Report
from .ruleset import RuleSet, build_ruleset
from .score import score
from .settings import ConfigFinder, Settings, locate
from .source import SourceFile, decode, read_source, read_stream


@record(frozen=True)
class Overrides:
    """Command-line choices that take precedence over config files."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str | None = None
    min_severity: str | None = None
    fail_under: float | None = None
    encoding: str | None = None
    input_format: str | None = None
    packs: tuple[str, ...] = ()
    glossaries: tuple[str, ...] = ()
    respect_gitignore: bool | None = None
    force_exclude: bool | None = None
    report_unused_directives: bool = False
    source: str | None = None               # --source: the Chinese original of the one release


@record
class Plan:
    """Rule sets and run configs, built once per distinct settings."""

    overrides: Overrides
    _rulesets: dict = field(default_factory=dict)
    _selected: dict = field(default_factory=dict)

    _effective: dict = field(default_factory=dict)
    warnings: dict = field(default_factory=dict)        # config warnings, each once, in order

    def _deprecated(self, path: str | None, code: str, name: str) -> None:
        message = str(locate(path, ("rules", code, name),
                             f"rule option '{name}' is spelt '{option_key(name)}' now, in "
                             "kebab-case like every other key; the old spelling is deprecated"))
        self.warnings.setdefault(message, None)

    def effective(self, s: Settings) -> Settings:
        """The settings of a config file with the command line's choices applied (cached)."""
        hit = self._effective.get(id(s))
        if hit is not None and hit[0] is s:
            return hit[1]
        o = self.overrides
        cli_select = o.select is not None     # as in ruff: it replaces the config's whole selection
        eff = replace(
            s,
            select=o.select if cli_select else s.select,
            ignore=o.ignore if cli_select else s.ignore + o.ignore,
            extend_select=o.extend_select if cli_select else s.extend_select + o.extend_select,
            respect_gitignore=s.respect_gitignore if o.respect_gitignore is None else o.respect_gitignore,
            force_exclude=s.force_exclude if o.force_exclude is None else o.force_exclude,
            fail_on=o.fail_on or s.fail_on,
            min_severity=o.min_severity or s.min_severity,
            packs=s.packs + o.packs,
            glossaries=s.glossaries + o.glossaries)
        self._effective[id(s)] = (s, eff)
        return eff

    def ruleset(self, s: Settings) -> RuleSet:
        key = (s.packs, s.glossaries)
        if key not in self._rulesets:
            self._rulesets[key] = build_ruleset(s.packs, s.glossaries)
        return self._rulesets[key]

    def rules_for(self, s: Settings):
        """(settings, selected rules, engine config, rule set) for effective settings `s`."""
        key = id(s)
        if key not in self._selected:
            rs = self.ruleset(s)
            self._check_config_selectors(rs, s)
            rules = rs.select(s.select, s.ignore, s.extend_select)
            if not rules:
                self._no_rule_left(s)
            options: dict[str, dict] = {}
            for code, opts in s.rule_options:
                rule = _known_rule(rs, code, s, "rules")
                known = {option_key(o.name): o for o in rule.meta.options}
                for name, value in opts:
                    option = known.get(option_key(name))
                    if option is None:
                        raise locate(s.path, ("rules", code, name),
                                     f"unknown option '{name}' for rule {rule.code} "
                                     f"(known: {', '.join(known) or 'none'})")
                    if name != option_key(name):
                        self._deprecated(s.path, code, name)
                    problem = option.validate(value)
                    if problem:
                        raise locate(s.path, ("rules", code, name),
                                     f"option '{option_key(name)}' of rule {rule.code} {problem}")
                    value = tuple(value) if isinstance(value, list) else value
                    options.setdefault(rule.code, {})[option.name] = value
            severity = {_known_rule(rs, c, s, "severity").code: v for c, v in s.severity}
            config = RunConfig(severity, options, (), s.min_severity, rs.glossary)
            self._selected[key] = (s, rules, config, rs)
        return self._selected[key]

    def _no_rule_left(self, s: Settings) -> None:
        """A selection that leaves no rule active is an error, not a silent pass."""
        o = self.overrides
        if o.select is not None:
            raise UsageError(f"--select {','.join(o.select)}"
                             + (f" --ignore {','.join(o.ignore)}" if o.ignore else "")
                             + " leaves no rule active")
        base = next((b for b, eff in self._effective.values() if eff is s), None)
        where = base.path if base is not None and base.path else None
        if o.ignore and not (where and (base.ignore or base.select)):
            raise UsageError(f"--ignore {','.join(o.ignore)} leaves no rule active")
        raise locate(where, ("ignore",) if base is not None and base.ignore else ("select",),
                     "select, ignore and extend-select leave no rule active"
                     + (f" (with --ignore {','.join(o.ignore)})" if o.ignore else ""))

    def _check_config_selectors(self, rs: RuleSet, s: Settings) -> None:
        """An unknown selector of a config file's select/ignore/extend-select is a config
        error at its line (those of the command line stay usage errors)."""
        base = next((b for b, eff in self._effective.values() if eff is s), None)
        if base is None or base.path is None:
            return
        o = self.overrides
        lists = (("select", base.select if o.select is None else None),
                 ("ignore", base.ignore), ("extend-select", base.extend_select))
        for name, selectors in lists:
            for selector in selectors or ():
                try:
                    rs.resolve(selector)
                except UsageError as exc:
                    raise locate(base.path, (name,), exc.message) from None


def option_key(name: str) -> str:
    """A rule option's name as config files write it: kebab-case (`min-words`); rules may
    declare it in snake_case, and `min_words` in a config is still read, with a warning."""
    return name.replace("_", "-")


def _known_rule(rs: RuleSet, code: str, s: Settings, table: str):
    rule = rs.get(code)
    if rule is None:
        raise locate(s.path, (table, code), f"unknown rule '{code}' in the {table} table")
    return rule


def check_source(src: SourceFile, settings: Settings, plan: Plan, fmt: str | None = None,
                 pairing: Pairing | None = None) -> FileResult:
    s, rules, config, rs = plan.rules_for(settings)
    if src.path != "-":
        config = replace(config, file_ignores=settings.ignores_for(src.path))
    paired = None
    if pairing is not None or (fmt is None and src.path.lower().endswith(BILINGUAL_SUFFIXES)):
        from .bilingual.loading import load_paired  # bilingual mode: the source attached
        paired = load_paired(src, fmt, pairing)
        if paired.doc is None:
            return FileResult(src.path, src.encoding, errors=list(paired.errors), fatal=True)
    if paired is None and sections.applies(src, fmt):       # a very long plain-text file
        doc, outcome = sections.lint_in_sections(src, rules, config)
    else:
        doc = paired.doc if paired is not None else load_document(src, fmt)
        outcome = lint_document(doc, rules, config)
    title = doc.slice(doc.title) if doc.title else None
    result = FileResult(src.path, src.encoding, doc.format, outcome.findings, outcome.errors,
                        False, src.text, src.newline, src.bom, doc.word_count, title)
    result.score = score(result.findings, doc.word_count, settings.score)
    if paired is not None:
        paired.attach(result)
    if doc.directives or "release-qa:" in src.text:
        unused = plan.overrides.report_unused_directives
        result.warnings = directive_warnings(doc, rs, outcome.findings if unused else None,
                                             _ran(rules, config) if unused else None)
    return result


def _ran(rules, config: RunConfig) -> set[str]:
    """Codes of the rules that ran on a file (selected, at or above min-severity, not ignored
    for it): only their directives can be judged unused."""
    from .categories import SEVERITY_RANK
    from .rules.selectors import any_selects
    floor = SEVERITY_RANK[config.min_severity]
    return {r.code for r in rules
            if SEVERITY_RANK[config.severity.get(r.code, r.meta.severity)] >= floor
            and not (config.file_ignores and any_selects(config.file_ignores, r.meta.key))}


def directive_warnings(doc, rs: RuleSet, findings=None, ran: set[str] | None = None) -> list[str]:
    """'line N: ...' for each directive selector that names no rule, each comment that looks
    like a directive but is not one (both would otherwise suppress nothing in silence), and
    each directive that does not do what it seems to (see qa.suppress.directive_problems);
    with `findings` and `ran`, also each directive that silenced nothing."""
    from .document.directives import ACTIONS, malformed_directives
    from .suppress import directive_problems
    out = []
    for d in doc.directives:
        for sel in d.selectors:
            try:
                rs.resolve(sel)
            except QAError:
                out.append((d.start, f"line {d.line}: '{sel}' in a release-qa directive names "
                                     "no rule (see `release-qa rules`)"))
    for start, comment in malformed_directives(doc.source, doc.directives):
        out.append((start, f"line {doc.line_index.line_of(start)}: '{comment}' is not a "
                           f"directive ({', '.join(a + '=' for a in ACTIONS if a != 'disable-file')}"
                           " or disable-file)"))

    def resolve(selector: str) -> set[str]:
        try:
            return rs.resolve(selector)
        except QAError:
            return set()

    def key_of(code: str):
        rule = rs.rules.get(code)
        return rule.meta.key if rule is not None else None
    out.extend(directive_problems(doc.directives, doc.source, doc.line_index, resolve,
                                  set(rs.rules), findings, key_of, ran))
    return [message for _, message in sorted(out)]


class Runner:
    def __init__(self, overrides: Overrides | None = None, config: str | None = None,
                 isolated: bool = False) -> None:
        overrides = overrides or Overrides()
        self.overrides = overrides
        self.config, self.isolated = config, isolated
        self.finder = ConfigFinder(config, isolated)
        self.plan = Plan(overrides)
        self.pairer = Pairer(overrides.source)      # each release's Chinese original, if any
        self.shared_errors: set[str] = set()    # config errors shared by the files under them
        self.skipped: list[tuple[str, str]] = []

    @property
    def config_warnings(self) -> list[str]:
        """Warnings about config files (deprecated spellings), each once."""
        return list(self.plan.warnings)

    def settings_for(self, path: str) -> Settings:
        base = self.finder.for_path(os.getcwd() if path == "-" else path)
        return self.plan.effective(base)

    def check_target(self, target: Target, stdin_name: str | None = None) -> FileResult:
        shown = stdin_name or "-" if target.path == "-" else target.path
        if target.missing:
            return FileResult(shown, errors=[target.missing], fatal=True)
        settings = self.settings_for(stdin_name or target.path)
        try:
            if target.path == "-":
                stdin = getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
                src = decode(read_stream(stdin, shown), shown, self.overrides.encoding)
            else:
                src = read_source(target.path, self.overrides.encoding)
        except InputError as exc:
            return FileResult(shown, errors=[exc.message], fatal=True)
        fmt = self.overrides.input_format
        if fmt is None and target.path == "-" and stdin_name:
            from .document.markup import format_for
            fmt = format_for(stdin_name)
        return check_source(src, settings, self.plan, fmt, self.pairer.source_for(shown, settings))

    def targets(self, paths) -> list[Target]:
        """The files to check; files left out (ignored, not releases, Chinese sources) are
        listed in `self.skipped` as (path, reason), for --verbose."""
        self.skipped = []
        found = discover(paths, self.settings_for, self.finder.defaults, self.skipped)
        # bilingual mode: Chinese sources are left out, compared with their English instead
        return self.pairer.english_targets(found, paths, self.settings_for, self.skipped,
                                           self.plan.warnings)

    def run(self, paths, jobs: int = 1, stdin_name: str | None = None, progress=None) -> Report:
        """Check every target; a broken config file (or a pack or glossary it names) is the
        error of the files under it, which are not checked, and the others are."""
        return self.report(list(self.results(paths, jobs, stdin_name, progress)))

    def results(self, paths=(), jobs: int = 1, stdin_name: str | None = None, progress=None,
                listed=None, stream: bool = False, remote=None) -> Iterator[FileResult]:
        """Each FileResult in input order, yielded once it and all before it are done: files of
        `paths`, then of the iterable `listed`, read as it goes (a path listed twice is checked
        twice). With `stream` nothing of a result (nor its text, for excerpts) is kept once
        yielded and processes take batches sized as they go: memory stays flat however many
        files. `remote(runner, items, jobs, keep_source, progress, total)`, when given, checks the
        items elsewhere and yields their results in order (`--dask`: qa.dask.cluster)."""
        targets = self.targets(paths)
        total = len(targets) if listed is None else None      # progress is shown when known
        more = (t for p in listed or () for t in self._listed(p))
        items = (self._prepared(t, stdin_name) for t in chain(targets, more))
        check = partial(_checked, self, stdin_name=stdin_name, keep_source=not stream)
        if remote is not None:
            yield from remote(self, items, jobs, not stream, progress, total)
            return
        head, ended, worth = _look_ahead(items)
        items, jobs = chain(head, items), min(jobs, len(head)) if ended else jobs
        if jobs > 1 and worth and "-" not in paths:
            yield from self._check_many(check, items, jobs, progress, total, stream)
            return
        for i, item in enumerate(items, 1):
            yield check(item)
            if progress and total is not None:
                progress(i, total)

    def _listed(self, path: str) -> list[Target]:
        kept = self.skipped                     # targets() starts a new list each time
        found = self.targets([os.path.join(".", path) if path == "-" else path])
        kept.extend(self.skipped)
        self.skipped = kept
        return found

    def _prepared(self, t: Target, stdin_name: str | None = None) -> Target | FileResult:
        """The target, or its result if it cannot be checked (missing, under a broken config);
        rule sets are built here, in the parent, before any worker starts."""
        shown = stdin_name or t.path if t.path == "-" else t.path
        if t.missing:
            return FileResult(shown, errors=[t.missing], fatal=True)
        try:
            self.plan.rules_for(self.settings_for(shown))
        except (ConfigError, RulePackError) as exc:
            if self._from_command_line(exc):
                raise
            self.shared_errors.add(str(exc))
            return FileResult(shown, errors=[str(exc)], fatal=True)
        return t

    def _from_command_line(self, exc: QAError) -> bool:
        """True for an error of --config or of a --pack/--glossary given on the command line:
        it concerns every file, so the run stops with it."""
        if self.config or not exc.path:
            return True
        path = os.path.abspath(str(exc.path))
        return path in self.overrides.packs or path in self.overrides.glossaries

    def _check_many(self, check, items, jobs: int, progress, total, stream: bool):
        """Items checked in processes: a list in one share per process, a stream in batches."""
        from ._speed import parallel
        if not parallel.can_fork():
            spec = (self.overrides, self.config, self.isolated, not stream)
            yield from parallel.check_in_pool(_pool_worker, spec, items, jobs, _size, progress, total)
        elif stream:
            yield from parallel.check_stream(check, items, jobs, _size, progress, total)
        else:
            items = list(items)
            yield from parallel.check_in_shares(check, items, [_size(t) for t in items], jobs, progress)

    def report(self, results: list[FileResult]) -> Report:
        from .version import __version__
        rules: dict[str, dict] = {}
        fail_on = self.overrides.fail_on
        for s, selected, _, _ in self.plan._selected.values():
            fail_on = fail_on or s.fail_on
            for r in selected:
                rules.setdefault(r.code, r.meta.to_dict())
        fail_under = self.overrides.fail_under
        if fail_under is None:
            unders = [s.score.fail_under for s, *_ in self.plan._selected.values()
                      if s.score.fail_under is not None]
            fail_under = min(unders) if unders else None
        return Report(results, dict(sorted(rules.items())), fail_on or "warning", __version__,
                      fail_under)


def _pool_worker(spec: tuple, batch: list) -> list[FileResult]:
    """A batch checked in a pool process (spawned: the runner is built there, once)."""
    return [_checked(_worker(*spec[:3]), item, keep_source=spec[3]) for item in batch]


@lru_cache(maxsize=1)
def _worker(overrides: Overrides, config: str | None, isolated: bool) -> Runner:
    return Runner(overrides, config, isolated)


def _checked(runner: Runner, item: Target | FileResult, stdin_name: str | None = None,
             keep_source: bool = True) -> FileResult:
    """One item's result (a FileResult is its own): a config or input error is the file's own
    error. Without `keep_source` the text is dropped."""
    if isinstance(item, FileResult):
        return item
    try:
        result = runner.check_target(item, stdin_name)
    except QAError as exc:
        return FileResult(item.path, errors=[str(exc)], fatal=True)
    if not keep_source:
        result.source = ""
    return result


PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 256 * 1024


def _look_ahead(items) -> tuple[list, bool, bool]:
    """(first items, whether they are all, whether processes, which cost a start, are worth it)."""
    head: list = []
    size = 0
    for item in items:
        if len(head) >= PARALLEL_MIN_FILES or size >= PARALLEL_MIN_BYTES:
            return head + [item], False, True
        head.append(item)
        size += _size(item)
    return head, True, len(head) >= 2 and (len(head) >= PARALLEL_MIN_FILES or size >= PARALLEL_MIN_BYTES)


def _size(target) -> int:
    with suppress(OSError):
        return os.path.getsize(target.path) if isinstance(target, Target) and target.path != "-" else 0
    return 0
