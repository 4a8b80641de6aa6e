"""The rule data itself: no phrase listed twice, no substitution whose target is itself
flagged, glossary entities well formed, every regex compiling, group names unique per
matcher, and the documented precision present on every rule of the packs."""
from __future__ import annotations

import os
import tomllib
from collections import Counter

import pytest

from tests.helpers import ROOT, lint, ruleset

RULES_DIR = os.path.join(ROOT, "qa", "packs", "builtin")
PACKS = ["boilerplate", "translationese", "terminology", "names", "chinese"]


def load(name: str) -> dict:
    with open(os.path.join(RULES_DIR, f"{name}.toml"), "rb") as fh:
        return tomllib.load(fh)


def glossary() -> list[dict]:
    out = []
    folder = os.path.join(RULES_DIR, "glossaries")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".toml"):
            with open(os.path.join(folder, name), "rb") as fh:
                out.extend(tomllib.load(fh).get("entity", []))
    return out


def listed_items(rule: dict) -> list[str]:
    """Every phrase, regex and wrong form a rule lists (literal phrases in lower case)."""
    out = []
    for p in rule.get("phrases", []):
        out.append(p.lower() if isinstance(p, str) else p["phrase"].lower() if "phrase" in p
                   else p["regex"])
    out += rule.get("patterns", []) + ([rule["pattern"]] if rule.get("pattern") else [])
    for s in rule.get("swap", []):
        wrongs = s["wrong"] if isinstance(s["wrong"], list) else [s["wrong"]]
        out += [w if s.get("regex") else w.lower() for w in wrongs]
    return out


def test_no_phrase_listed_twice_across_packs():
    items = [i for name in PACKS for r in load(name)["rule"] for i in listed_items(r)]
    items += [f for e in glossary() for f in [e["canonical"], *e.get("variants", []),
                                               *e.get("wrong", [])]]   # case-sensitive
    assert [i for i, n in Counter(items).items() if n > 1] == []


def test_translationese_has_forty_phrases():
    assert sum(len(listed_items(r)) for r in load("translationese")["rule"]) >= 40


def targets():
    for name in PACKS:
        for r in load(name)["rule"]:
            for s in r.get("swap", []):
                if "{" not in s["right"]:
                    yield r["code"], s["right"]
            for p in r.get("phrases", []):
                if isinstance(p, dict) and "suggestion" in p:
                    yield r["code"], p["suggestion"]
    for e in glossary():
        yield "TM01", e["canonical"]
        yield "NC01", e["canonical"]


@pytest.mark.parametrize("code, target", list(targets()))
def test_no_substitution_target_is_itself_flagged(code, target):
    assert [f.text for f in lint(f"{target}\n", [code])] == []


def test_glossary_entities_are_well_formed():
    entities = glossary()
    assert len(entities) >= 40
    owner: dict[str, str] = {}
    for e in entities:
        names = [e["canonical"], *e.get("variants", []), *e.get("wrong", [])]
        assert len(names) == len(set(names)), e["canonical"]
        if e.get("variants"):
            assert len(set(names)) >= 2
        assert not set(names) & set(e.get("not_same_as", [])), e["canonical"]
        assert e.get("note") and e.get("source"), e["canonical"]
        for n in names:
            assert owner.setdefault(n, e["canonical"]) == e["canonical"], n


def test_every_pack_regex_compiles():
    for pack in ruleset().packs:
        for matcher in pack.matchers.values():
            for p in matcher.patterns:
                assert p.compiled.pattern


def test_every_rule_documents_its_measured_precision():
    rs = ruleset()
    codes = [r["code"] for name in PACKS for r in load(name)["rule"]] + ["EN01", "EN02"]
    for code in codes:
        assert "WMT23" in rs.rules[code].meta.doc.precision, code


def test_high_risk_and_gloss_rules_are_off_by_default():
    rs = ruleset()
    assert not rs.rules["TR09"].meta.enabled
    assert not rs.rules["UT02"].meta.enabled


PLACEHOLDER = ("<", ">", "(", "the organisation's name", "name of", "NAME", "...")


@pytest.mark.parametrize("name", PACKS)
def test_no_suggestion_is_a_placeholder(name):
    """A suggestion is text a writer can put in place of the match (a fix may write it): advice
    such as "name the organisation" goes in the item's own `message` instead, and the finding
    then carries no suggestion."""
    bad = []
    for rule in load(name).get("rule", []):
        for item in rule.get("phrases", []):
            s = item.get("suggestion", "") if isinstance(item, dict) else ""
            if any(p in s for p in PLACEHOLDER):
                bad.append((rule["code"], s))
    assert bad == []


def test_advice_items_report_without_a_suggestion():
    text = "Our company will do a good job of safety and carry out inspection work.\n"
    found = {f.rule: f for f in lint(text, select=["TR05", "TR06", "TR08"])}
    assert set(found) == {"TR05", "TR06", "TR08"}
    for f in found.values():
        assert f.suggestion is None and f.fix is None and "write '" not in f.message
