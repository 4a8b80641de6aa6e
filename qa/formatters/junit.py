"""JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI).

One <testsuite> (release-qa) with one <testcase> per release, as CI test views list files: a
release with findings at or above the fail level (or a score under the run's --fail-under)
fails with one <failure> listing each of them on its own line; findings below the fail level
and the score are in <system-out>. A release that could not be read, or on which a rule
broke, gets an <error>. Text that XML 1.0 cannot carry (control characters) is replaced,
everything else is escaped by the XML writer.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .._speed.regex import re_compile
from . import source_ref
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
    if f.source is not None:        # bilingual mode: the span of the Chinese original
        lines.append(f"    source {source_ref.where(f, repo_path)}: {f.source.text!r}")
    return "\n".join(lines)


def _case(suite, report, fr) -> tuple[int, int]:
    """The testcase of one release; returns (failures, errors) it adds."""
    path = shown(repo_path(fr.path))        # a name's undecodable bytes as \xNN, as elsewhere
    case = _el(suite, "testcase", name=path, classname="release-qa", file=path, time="0")
    errors = 0
    for err in fr.errors:
        _el(case, "error", err, message=err, type="input-error" if fr.fatal else "rule-error")
        errors += 1
    if fr.fatal:
        return 0, errors
    failing = [f for f in fr.active if at_least(f.severity, report.fail_on)]
    passing = [f for f in fr.active if not at_least(f.severity, report.fail_on)]
    low = fr.score is not None and report.fail_under is not None and fr.score.value < report.fail_under
    if failing or low:
        parts = [plural(len(failing), "finding") + f" at {report.fail_on} or above"] if failing else []
        if low:
            parts.append(f"score {fr.score.value:.1f} is below {report.fail_under:g}")
        lines = [_describe(path, f) for f in failing]
        if low:
            lines.append(f"{path}: score {fr.score.value:.1f}/100 is below --fail-under "
                         f"{report.fail_under:g}")
        _el(case, "failure", "\n".join(lines), message="; ".join(parts),
            type=worst(f.severity for f in failing) if failing else "score")
    out = []
    if fr.score:
        out.append(f"score {fr.score.value:.1f}/100 (threshold {fr.score.threshold:g}), "
                   f"{fr.words} words")
    out.extend(_describe(path, f) for f in passing)
    if out:
        _el(case, "system-out", "\n".join(out))
    return int(bool(failing or low)), errors


def render(report, options) -> str:
    root = ET.Element("testsuites", name="release-qa")
    suite = _el(root, "testsuite", name="release-qa")
    failures = errors = 0
    for fr in report.files:
        f, e = _case(suite, report, fr)
        failures, errors = failures + f, errors + e
    for el in (root, suite):
        el.set("tests", str(len(report.files)))
        el.set("failures", str(failures))
        el.set("errors", str(errors))
        el.set("time", "0")
    suite.set("skipped", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
