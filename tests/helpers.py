"""Test helpers: run the real engine on a string and get exact findings back."""
from __future__ import annotations

import os
import shutil
from functools import lru_cache

from qa.document import document_from_text
from qa.engine import RunConfig, lint_document
from qa.ruleset import build_ruleset

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("RELEASE_QA_SHARED") or os.path.join(ROOT, "..", "shared")
SEED = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.txt")
CLEAN = os.path.join(ROOT, "tests", "fixtures", "releases", "probe_clean_byd_battery.txt")


def write_user_repository(work) -> None:
    """A repository of releases as a user has it (`work`, a pathlib.Path): README, LICENSE and
    requirements beside releases/2024/battery.txt (a clean release), and a docs/ folder whose
    page reads like furniture."""
    (work / "releases" / "2024").mkdir(parents=True)
    (work / "docs").mkdir()
    (work / "README.md").write_text("# Acme press releases\n\nCopyright 2024 Acme Corp. All rights "
                                    "reserved.\n", encoding="utf-8")
    (work / "LICENSE.txt").write_text("MIT License\n\nCopyright (c) 2024 Acme Corp\n", encoding="utf-8")
    (work / "requirements.txt").write_text("release-qa\n", encoding="utf-8")
    (work / "docs" / "howto.md").write_text("# How to\n\nComments are closed.\n", encoding="utf-8")
    shutil.copy(CLEAN, work / "releases" / "2024" / "battery.txt")


def shared(*parts: str) -> str:
    """A path in ../shared (the SARIF schema, the WMT data). Without it the tests that need it
    are skipped with the reason, unless RELEASE_QA_REQUIRE_SHARED is set (CI sets it), when
    its absence is an error."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        message = (f"{path} not found: put the shared material beside the checkout or set "
                   "RELEASE_QA_SHARED")
        if os.environ.get("RELEASE_QA_REQUIRE_SHARED"):
            raise FileNotFoundError(message)
        import pytest
        pytest.skip(message, allow_module_level=True)
    return path


@lru_cache(maxsize=None)
def ruleset(packs: tuple = (), glossaries: tuple = ()):
    return build_ruleset(packs, glossaries)


def lint(text: str, select=None, fmt: str = "text", options=None, severity=None,
         packs: tuple = (), glossaries: tuple = (), source: str | None = None):
    """All findings (Finding objects, suppressed ones included) of the selected rules; with
    `source`, the text is checked against that Chinese original (bilingual mode)."""
    rs = ruleset(tuple(packs), tuple(glossaries))
    rules = rs.select(select)
    doc = document_from_text(text, fmt)
    if source is not None:
        from qa._speed.records import replace
        doc = replace(doc, source_doc=document_from_text(source, "text", "<source>"))
    config = RunConfig(severity=severity or {}, options=options or {}, glossary=rs.glossary)
    return lint_document(doc, rules, config).findings


def found(text: str, select=None, fmt: str = "text", **kw) -> list[tuple]:
    """(code, line, column, end_line, end_column, text) of each active finding, in order."""
    return [(f.rule, f.line, f.column, f.location.end_line, f.location.end_column, f.text)
            for f in lint(text, select, fmt, **kw) if not f.suppressed]


def texts(text: str, select=None, fmt: str = "text", **kw) -> list[tuple[str, str]]:
    """(code, text) of each active finding, in order."""
    return [(f.rule, f.text) for f in lint(text, select, fmt, **kw) if not f.suppressed]
