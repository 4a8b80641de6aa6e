"""Every rule is documented in the shape what / why / example / write instead, and its
examples run: the bad text gives findings on exactly the stated texts, the good text none."""
from __future__ import annotations

import pytest

from tests.helpers import lint, ruleset

RULES = sorted(ruleset().rules.values(), key=lambda r: r.code)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    meta = rule.meta
    assert meta.doc.what.strip(), f"{meta.code}: 'what it finds' is empty"
    assert meta.doc.why.strip(), f"{meta.code}: 'why it matters' is empty"
    assert meta.doc.instead.strip(), f"{meta.code}: 'write instead' is empty"
    assert meta.doc.examples, f"{meta.code}: no examples"
    assert meta.summary.strip()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_examples_run(rule):
    for ex in rule.meta.doc.examples:
        bad = [f.text for f in lint(ex.bad, [rule.code], ex.format, source=ex.source) if not f.suppressed]
        assert bad == list(ex.flags), f"{rule.code}: bad example flags {bad}, docs say {list(ex.flags)}"
        good = [f.text for f in lint(ex.good, [rule.code], ex.format, source=ex.source) if not f.suppressed]
        assert good == [], f"{rule.code}: good example flags {good}"


def test_codes_and_names_are_unique():
    rs = ruleset()
    names = [r.meta.name for r in rs.rules.values()]
    assert len(names) == len(set(names)), "two rules share a name"
