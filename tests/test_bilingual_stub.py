"""A test-only accuracy rule, ZZ91, for the bilingual input and report tests: it reports the
first amount of the English against the first amount of the Chinese source, with the source
span, so that pairing and every output format can be tested end to end before (and
independently of) the real accuracy rules. `stub_rules` adds it to every rule set a Runner
builds."""
from __future__ import annotations

import re

import pytest

import qa.runner
from qa.findings import Hit
from qa.rules.base import Rule, RuleDoc, RuleMeta

EN_AMOUNT = re.compile(r"\d[\d,.]*(?: (?:billion|million|thousand))?")
ZH_AMOUNT = re.compile(r"\d[\d.]*[万亿]?")


def _check(doc, options):
    source = doc.source_doc
    if source is None:
        return
    en, zh = EN_AMOUNT.search(doc.text), ZH_AMOUNT.search(source.text)
    if en and zh:
        yield Hit(en.start(), en.end(), f"'{en.group()}' against the source's '{zh.group()}'",
                  source_span=(zh.start(), zh.end()))


STUB = Rule(RuleMeta(code="ZZ91", name="stub-source-amount", category="accuracy",
                     severity="warning", summary="test only: an amount against the source's",
                     doc=RuleDoc("An amount.", "Tests.", "Nothing.", ())), _check)

_BUILT: dict = {}
_REAL = qa.runner.build_ruleset


def _with_stub(packs=(), glossaries=()):
    key = (tuple(packs), tuple(glossaries))
    if key not in _BUILT:
        rs = _REAL(packs, glossaries)
        rs.add(STUB)
        _BUILT[key] = rs
    return _BUILT[key]


@pytest.fixture
def stub_rules(monkeypatch):
    """Every Runner made in the test has ZZ91 (select it with --select ZZ91)."""
    monkeypatch.setattr(qa.runner, "build_ruleset", _with_stub)


def test_the_stub_reports_nothing_without_a_source():
    from qa.document import document_from_text
    assert list(_check(document_from_text("It cost 12 million yuan.\n"), None)) == []
