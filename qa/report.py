"""The Report: everything a formatter needs, as plain data (no rule objects, no I/O)."""
from __future__ import annotations

from collections import Counter

from ._speed.records import field, record
from .categories import CATEGORIES, SEVERITIES, severity_at_least
from .findings import Finding
from .score import Score

REPORT_VERSION = "1.0"


_BOM_CODECS = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16",
               "utf-32-le": "utf-32", "utf-32-be": "utf-32"}


@record
class FileResult:
    path: str
    encoding: str | None = None
    format: str | None = None
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)      # input errors and rule failures
    fatal: bool = False                                   # the file could not be read at all
    source: str = ""                                      # the decoded text, for excerpts
    newline: str = "\n"
    bom: bool = False
    words: int = 0
    title: str | None = None
    score: Score | None = None
    warnings: list[str] = field(default_factory=list)    # e.g. a directive naming no rule
    source_file: object = None      # bilingual mode: the Chinese original (path, text, encoding, format)

    @property
    def codec(self) -> str | None:
        """The codec that turns the file's bytes into the text every offset counts: with a
        byte-order mark, the one that drops it (utf-8-sig, utf-16, utf-32), since positions
        do not count the mark, as editors do not."""
        if not self.bom or not self.encoding:
            return self.encoding
        return _BOM_CODECS.get(self.encoding, self.encoding)

    @property
    def active(self) -> list[Finding]:
        """Findings not silenced by an inline directive."""
        return [f for f in self.findings if not f.suppressed]


@record
class Report:
    files: list[FileResult]
    rules: dict[str, dict]                  # code -> rule metadata (RuleMeta.to_dict())
    fail_on: str = "warning"
    tool_version: str = ""
    fail_under: float | None = None
    version: str = REPORT_VERSION
    tally: Tally | None = None      # a streamed run: counts only, `files` is empty

    def findings(self):
        for f in self.files:
            yield from ((f, x) for x in f.active)

    def _counts(self) -> Tally:
        if self.tally is not None:
            return self.tally
        tally = Tally()
        for fr in self.files:
            tally.add(fr)
        return tally

    @property
    def summary(self) -> dict:
        return self._counts().summary(self.fail_on, self.fail_under)

    @property
    def exit_code(self) -> int:
        return self._counts().exit_code(self.fail_on, self.fail_under)


class Tally:
    """The counts of a run, kept as each file finishes: all the summary and the exit status
    need. A streamed run (`--format jsonl`) keeps only this, never the files' results, so its
    memory does not grow with the number of files."""

    __slots__ = ("files", "with_findings", "with_errors", "suppressed", "by_severity",
                 "by_category", "by_rule", "lowest_score")

    def __init__(self) -> None:
        self.files = self.with_findings = self.with_errors = self.suppressed = 0
        self.by_severity: Counter = Counter()
        self.by_category: Counter = Counter()
        self.by_rule: Counter = Counter()
        self.lowest_score: float | None = None      # of the files that could be read

    def add(self, fr: FileResult) -> None:
        self.files += 1
        active = 0
        for f in fr.findings:
            if f.suppressed:
                self.suppressed += 1
                continue
            active += 1
            self.by_severity[f.severity] += 1
            self.by_category[f.category] += 1
            self.by_rule[f.rule] += 1
        self.with_findings += active > 0
        self.with_errors += bool(fr.errors)
        if fr.score is not None and not fr.fatal and (
                self.lowest_score is None or fr.score.value < self.lowest_score):
            self.lowest_score = fr.score.value

    def summary(self, fail_on: str, fail_under: float | None = None) -> dict:
        by_sev = self.by_severity
        return {
            "files": self.files,
            "files_with_findings": self.with_findings,
            "files_with_errors": self.with_errors,
            "findings": sum(by_sev.values()),
            "suppressed": self.suppressed,
            "by_severity": {s: by_sev.get(s, 0) for s in reversed(SEVERITIES)},
            "by_category": {c: self.by_category.get(c, 0) for c in CATEGORIES},
            "by_rule": dict(sorted(self.by_rule.items())),
            "fail_on": fail_on,
            "exit_code": self.exit_code(fail_on, fail_under),
        }

    def exit_code(self, fail_on: str, fail_under: float | None = None) -> int:
        if self.with_errors:
            return 2
        if any(n and severity_at_least(s, fail_on) for s, n in self.by_severity.items()):
            return 1
        if fail_under is not None and self.lowest_score is not None and self.lowest_score < fail_under:
            return 1
        return 0
