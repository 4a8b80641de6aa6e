"""Every rule has a case file (tests/cases/<CODE>.toml, see tests/rule_cases.py) and gives
exactly the findings its cases state, with the fixes they state."""
from __future__ import annotations

import os

import pytest

from qa.fixes import apply_fixes
from tests.helpers import lint, ruleset
from tests.rule_cases import CASES_DIR, case_files, finding_record, load_cases

FILES = case_files()
CASES = [case for path in FILES.values() for case in load_cases(path)]


def test_every_rule_has_a_case_file_and_every_case_file_a_rule():
    codes = set(ruleset().rules)
    assert sorted(codes - set(FILES)) == [], "rules without tests/cases/<CODE>.toml " \
                                             "(scripts/new_rule.py writes one)"
    assert sorted(set(FILES) - codes) == [], "case files of rules that do not exist"


def _paths(case, key):
    return tuple(os.path.join(CASES_DIR, p) for p in case.get(key, ()))


def _lint_bilingual(case, code):
    """The findings of `code` on the case's text checked against its `source` (bilingual mode)."""
    from qa._speed.records import replace
    from qa.document import document_from_text
    from qa.engine import RunConfig, lint_document

    rs = ruleset(_paths(case, "packs"), _paths(case, "glossaries"))
    doc = document_from_text(case["text"], case.get("format", "text"))
    doc = replace(doc, source_doc=document_from_text(case["source"]))
    config = RunConfig(options={code: case.get("options", {})}, glossary=rs.glossary)
    return lint_document(doc, rs.select([code]), config).findings


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['rule']}-{c['name']}")
def test_case(case):
    code = case["rule"]
    if "source" in case:
        findings = [f for f in _lint_bilingual(case, code) if not f.suppressed]
    else:
        findings = [f for f in lint(case["text"], [code], case.get("format", "text"),
                                    options={code: case.get("options", {})},
                                    packs=_paths(case, "packs"), glossaries=_paths(case, "glossaries"))
                    if not f.suppressed]
    got = [finding_record(f) for f in findings]
    want = [{k: v for k, v in f.items()} for f in case.get("finding", [])]
    assert got == want
    if "fixed" in case:
        fixes = sorted((f.fix for f in findings if f.fix is not None),
                       key=lambda fx: fx.edits[0].offset)
        assert apply_fixes(case["text"], fixes)[0] == case["fixed"]
