"""The Report: everything a formatter needs, as plain data (no rule objects, no I/O)."""
from __future__ import annotations

from collections import Counter
from ._speed.records import record, field

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

    def findings(self):
        for f in self.files:
            yield from ((f, x) for x in f.active)

    @property
    def summary(self) -> dict:
        by_sev = Counter()
        by_cat = Counter()
        by_rule = Counter()
        suppressed = 0
        for fr in self.files:
            for f in fr.findings:
                if f.suppressed:
                    suppressed += 1
                    continue
                by_sev[f.severity] += 1
                by_cat[f.category] += 1
                by_rule[f.rule] += 1
        return {
            "files": len(self.files),
            "files_with_findings": sum(1 for f in self.files if f.active),
            "files_with_errors": sum(1 for f in self.files if f.errors),
            "findings": sum(by_sev.values()),
            "suppressed": suppressed,
            "by_severity": {s: by_sev.get(s, 0) for s in reversed(SEVERITIES)},
            "by_category": {c: by_cat.get(c, 0) for c in CATEGORIES},
            "by_rule": dict(sorted(by_rule.items())),
            "fail_on": self.fail_on,
            "exit_code": self.exit_code,
        }

    @property
    def exit_code(self) -> int:
        if any(f.errors for f in self.files):
            return 2
        if any(severity_at_least(x.severity, self.fail_on) for _, x in self.findings()):
            return 1
        if self.fail_under is not None and any(
                f.score and f.score.value < self.fail_under for f in self.files if not f.fatal):
            return 1
        return 0
