"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI).

One <testsuite> per release, one <testcase> per rule that ran: it fails with one <failure>
listing every finding of the rule at or above the fail level; findings below it are listed
in <system-out> of a passing case. A release that could not be read, or a rule that broke,
gives an <error> case. The score is a suite property (and a failing case when the run has a
--fail-under threshold the release misses). Text that XML 1.0 cannot carry (control
characters) is replaced, everything else is escaped by the XML writer.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .._speed.regex import re_compile
from .safe_text import shown
from .shared import at_least, message_with_suggestion, plural, repo_path, worst

HUMAN = False

_NOT_XML = re_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """`text` without characters XML 1.0 forbids (each becomes U+FFFD)."""
    return _NOT_XML.sub("\ufffd", text)


def _el(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    e = ET.SubElement(parent, tag, {k: clean(str(v)) for k, v in attrs.items()})
    if text is not None:
        e.text = clean(text)
    return e


def _describe(path: str, f) -> str:
    lines = [f"{path}:{f.line}:{f.column}: {f.rule} [{f.severity}] "
             f"{message_with_suggestion(f)}", f"    text: {f.text!r}"]
    lines.extend(f"    see {path}:{r.line}:{r.column}: {r.text!r}" for r in f.related[:3])
    return "\n".join(lines)


def _rule_case(suite, path: str, classname: str, code: str, meta: dict, findings, fail_on: str):
    case = _el(suite, "testcase", name=f"{code} {meta.get('name', '')}".strip(),
               classname=classname, file=path, time="0")
    failing = [f for f in findings if at_least(f.severity, fail_on)]
    passing = [f for f in findings if not at_least(f.severity, fail_on)]
    if failing:
        first = failing[0]
        _el(case, "failure", "\n".join(_describe(path, f) for f in failing),
            message=f"{plural(len(failing), 'finding')}: line {first.line}: {first.message}",
            type=worst(f.severity for f in failing))
    if passing:
        _el(case, "system-out", "\n".join(_describe(path, f) for f in passing))
    return bool(failing)


def _suite(root, report, fr, codes: list[str]) -> None:
    path = shown(repo_path(fr.path))        # a name's undecodable bytes as \xNN, as elsewhere
    classname = "release-qa." + re.sub(r"[^\w-]+", "_", path).strip("_")
    suite = _el(root, "testsuite", name=path, file=path)
    props = _el(suite, "properties")
    if fr.score and not fr.fatal:
        _el(props, "property", name="score", value=f"{fr.score.value:.1f}")
        _el(props, "property", name="threshold", value=f"{fr.score.threshold:g}")
        _el(props, "property", name="words", value=fr.words)
    tests = failures = errors = 0
    for err in fr.errors:
        case = _el(suite, "testcase", name="read and check the release" if fr.fatal else "rules run",
                   classname=classname, file=path, time="0")
        _el(case, "error", err, message=err, type="input-error" if fr.fatal else "rule-error")
        tests, errors = tests + 1, errors + 1
    if not fr.fatal:
        by_rule: dict[str, list] = {}
        for f in fr.active:
            by_rule.setdefault(f.rule, []).append(f)
        for code in sorted(set(codes) | set(by_rule)):
            meta = report.rules.get(code) or {"name": by_rule[code][0].name}
            failed = _rule_case(suite, path, classname, code, meta, by_rule.get(code, []), report.fail_on)
            tests, failures = tests + 1, failures + failed
        if fr.score and report.fail_under is not None:
            case = _el(suite, "testcase", name=f"score at least {report.fail_under:g}",
                       classname=classname, file=path, time="0")
            tests += 1
            if fr.score.value < report.fail_under:
                _el(case, "failure", f"score {fr.score.value:.1f}/100",
                    message=f"score {fr.score.value:.1f} is below {report.fail_under:g}", type="score")
                failures += 1
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    suite.set("time", "0")


def render(report, options) -> str:
    root = ET.Element("testsuites", name="release-qa")
    codes = sorted(report.rules)
    for fr in report.files:
        _suite(root, report, fr, codes)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key)) for s in root)))
    root.set("time", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
