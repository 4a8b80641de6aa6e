"""Severities follow measurement: qa/rules/measured/ (written by
`python bench/accuracy.py --write-measured`) holds every rule's figures on the WMT MQM data
and on clean releases, and these tests hold each rule's severity to them."""
from __future__ import annotations

import json
import os

import pytest

from tests.helpers import ROOT, ruleset

RATED = {"duplication", "name-consistency", "untranslated", "punctuation", "encoding",
         "boilerplate", "garbled", "person-name", "terminology"}
_DIR = os.path.join(ROOT, "qa", "rules", "measured")
MEASURED = {"rules": {}}
for _name in os.listdir(_DIR):
    with open(os.path.join(_DIR, _name), encoding="utf-8") as fh:
        if _name == "_overall.json":
            MEASURED["overall"] = json.load(fh)
        elif _name.endswith(".json"):
            MEASURED["rules"][_name[:-5]] = json.load(fh)
RULES = sorted(ruleset().rules.values(), key=lambda r: r.code)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_measured(rule):
    assert rule.code in MEASURED["rules"], \
        f"{rule.code} has no figures: run `python bench/accuracy.py --write-measured {rule.code}`"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_warnings_meet_the_precision_policy(rule):
    """A warning (or error) raises no false alarm on clean releases, and, in a category MQM
    raters annotate, where it fires at least 3 times on real MT its lift is at least 1.5."""
    m = MEASURED["rules"][rule.code]
    if rule.meta.severity == "info":
        return
    assert m["clean_findings"] == 0, f"{rule.code} fires on clean releases"
    if rule.meta.category in RATED and m["wmt_findings"] >= 3:
        assert m["wmt_lift"] >= 1.5, f"{rule.code}: lift {m['wmt_lift']} < 1.5: make it info"
        assert m["wmt_clean_segments_flagged"] <= 0.03


def test_warnings_together_flag_few_clean_segments():
    overall = MEASURED["overall"]
    assert overall["rated_warnings"]["clean_segments_flagged"] <= 0.03
    assert overall["terminology_inconsistent_hit"] >= 0.3 * overall["terminology_inconsistent_total"]
