"""Reports for the output format tests, made by the real checker.

The rules come from tests/fixtures/formatters/pack.toml (codes FX01-FX04, a test-only pack):
a safe fix, related locations, nested and crossing spans, and a message full of characters
every format must escape. Selecting them explicitly keeps the tests stable while other
rules land.
"""
from __future__ import annotations

import os
from functools import lru_cache

from qa.report import FileResult, Report
from qa.runner import Overrides, Runner, check_source
from qa.source import SourceFile, dominant_newline
from tests.helpers import ROOT

PACK = os.path.join(ROOT, "tests", "fixtures", "formatters", "pack.toml")

# FX03 'the city of Peking' holds FX01 'Peking'; FX04 'Peking smart' crosses FX03 'smart city'.
SAMPLE = ("Acme Group opens in the city of Peking\n"
          "\n"
          "Acme Corp said the Peking smart city plan is ready.\n")
SUPPRESSED = ("Acme Group opens today.\n"
              "<!-- release-qa: disable-next-line=FX01 -->\n"
              "The Peking office opens in May.\n")
CJK = "北京的 Acme Group 在 Peking 开业。\n"
CRLF = "Acme Group opens.\r\n\r\nAcme Corp said Peking is ready.\r\n"
CLEAN = "Acme Group opens an office in Beijing.\n"


@lru_cache(maxsize=None)
def runner(select=("FX",)) -> Runner:
    """A runner for the selected rules (built once: building rule sets is the slow part)."""
    return Runner(Overrides(select=tuple(select), packs=(PACK,)), isolated=True)


def file_result(r: Runner, path: str, text: str) -> FileResult:
    src = SourceFile(path, text, "utf-8", False, dominant_newline(text))
    return check_source(src, r.settings_for("."), r.plan, None)


def report(*files: tuple[str, str], select=("FX",), fail_under=None) -> Report:
    """A Report over (path, text) pairs, checked with the selected rules."""
    r = runner(tuple(select))
    results = [file_result(r, path, text) for path, text in files]
    rep = r.report(results)
    rep.fail_under = fail_under
    return rep


def sample() -> Report:
    return report(("rel/a.txt", SAMPLE))


def with_fatal() -> Report:
    """A good release and one that could not be read."""
    rep = report(("rel/a.txt", SAMPLE))
    rep.files.append(FileResult("rel/broken.txt", errors=["cannot decode as utf-8 at byte 3"],
                                fatal=True))
    return rep


def with_rule_error() -> Report:
    """A release checked, but one rule failed on it."""
    rep = report(("rel/a.txt", SAMPLE))
    rep.files[0].errors.append("rule FX09 (fx-broken) failed: ValueError: 50% <bad> input\nline 2")
    return rep


def variants() -> dict[str, Report]:
    """Every report shape each format must handle."""
    return {
        "sample": sample(),
        "no-findings": report(("rel/clean.txt", CLEAN)),
        "no-files": report(),
        "fatal": with_fatal(),
        "rule-error": with_rule_error(),
        "suppressed": report(("rel/s.txt", SUPPRESSED)),
        "cjk": report(("rel/cjk.txt", CJK)),
        "crlf": report(("rel/crlf.txt", CRLF)),
        "several": report(("rel/a.txt", SAMPLE), ("rel/cjk.txt", CJK), ("rel/clean.txt", CLEAN)),
    }
