"""Same-defect pairs across rule families, each settled by `defers_to`: GB02 defers to GB01
('etc. Ltd'), TR04 to GB02 ('etc. and other', through the pack key), NC02 to GR06 (a typo
inside a name), NC11 to NC04 (an acronym defined twice); chains and cycles in the engine; the
pack key's validation; `release-qa explain` showing the pairing."""
from __future__ import annotations

import subprocess
import sys

import pytest

from qa.document import document_from_text
from qa.engine import RunConfig, lint_document
from qa.errors import RulePackError
from qa.findings import Hit
from qa.rules.base import Example, Rule, RuleDoc, RuleMeta
from qa.ruleset import build_ruleset
from tests.helpers import ROOT, SEED, lint, texts

# ---- the pairs -------------------------------------------------------------------------
ETC_LTD = ("Sponsors named\n\nSponsors include Lenovo Group, etc. Ltd, Xiaomi Corporation and "
           "other companies.\n")


def test_etc_ltd_is_the_fragment_rule_s_finding():
    assert texts(ETC_LTD, ["GB01", "GB02"]) == [("GB01", "etc. Ltd")]
    # alone, GB02 still reports it (its fix would leave 'Ltd', so GB01 is the one to keep)
    assert texts(ETC_LTD, ["GB02"]) == [("GB02", "etc.")]


def test_the_seed_s_etc_ltd_is_one_finding():
    with open(SEED, encoding="utf-8") as fh:
        found = [(c, t) for c, t in texts(fh.read()) if c in ("GB01", "GB02", "TR04")]
    assert found == [("GB01", "etc. Ltd")]


ETC_AND_OTHER = "Partners named\n\nThe alliance includes Sunrise Foods, Lakeview Dairy, etc. and other producers.\n"


def test_etc_and_other_is_the_redundant_etc_finding():
    assert [c for c, _ in texts(ETC_AND_OTHER)].count("TR04") == 0
    assert ("GB02", "etc.") in texts(ETC_AND_OTHER)
    assert texts(ETC_AND_OTHER, ["TR04"]) == [("TR04", "etc. and other")]


def test_tr04_keeps_its_other_phrases():
    text = ("Partners named\n\nThe firms will accelerate the pace of cooperation with Sunrise Foods, "
            "Lakeview Dairy, etc. and other producers.\n")
    assert texts(text, ["TR04", "GB02"]) == [("TR04", "accelerate the pace of"), ("GB02", "etc.")]


TYPO = ("Forum opens in Hangzhou\n\nThe Hangzhou International Trade Forum opened on Monday. More "
        "than 300 firms attended the Hangzhou International Trade Forum.\n\nThe Hangzhou "
        "Internatinal Trade Forum will be held again next year.\n")


def test_a_typo_inside_a_name_is_the_misspelling_finding():
    pytest.importorskip("spellchecker")
    assert texts(TYPO, ["NC02", "GR06"]) == [("GR06", "Internatinal")]
    assert texts(TYPO, ["NC02"]) == [("NC02", "Hangzhou Internatinal Trade Forum")]


HIT = ("University team publishes robot arm study\n\nHarbin Institute of Technology (HIT) has long "
       "studied space robots.\n\nHarbin University of Technology (HIT) is one of the first "
       "universities to carry out aerospace research in China.\n")


def test_an_acronym_defined_twice_is_one_finding_naming_both_expansions():
    found = [(f.rule, f.text) for f in _lint(HIT, ["NC04", "NC11"])]
    assert found == [("NC04", "HIT")]
    assert texts(HIT, ["NC11"]) == [("NC11", "HIT")]


def test_an_acronym_that_does_not_fit_is_still_reported_when_defined_once():
    text = ("Platform opens\n\nThe platform is backed by the Ministry of Science and Technology "
            "(MIIT).\n")
    findings = _lint(text, ["NC04", "NC11"])
    assert [(f.rule, f.text, f.suggestion) for f in findings] == [("NC11", "MIIT", "MOST")]


def _lint(text, select):
    return [f for f in lint(text, select) if not f.suppressed]


# ---- the engine: chains and cycles --------------------------------------------------------
_DOC = RuleDoc(what="w", why="y", instead="i", examples=(Example(bad="x", flags=(), good="x"),))


def _rule(code, spans, defers_to=()):
    def check(doc, opts):
        for s, e in spans:
            yield Hit(s, e, f"{code} here")
    return Rule(RuleMeta(code=code, name=f"rule-{code.lower()}", category="style",
                         severity="warning", summary="s", doc=_DOC, defers_to=defers_to), check)


def _codes(rules):
    doc = document_from_text("abcdefghijklmnopqrstuvwxyz\n", "text")
    return sorted((f.rule, f.offset) for f in lint_document(doc, rules, RunConfig()).findings)


def test_a_dropped_finding_silences_nothing():
    # ZZ01 defers to ZZ02, ZZ02 to ZZ03: ZZ02's finding at 4 goes for ZZ03's, so ZZ01's finding
    # at 2, which only ZZ02's overlapped, stays
    rules = [_rule("ZZ01", [(2, 5)], ("ZZ02",)), _rule("ZZ02", [(4, 8)], ("ZZ03",)),
             _rule("ZZ03", [(6, 9)])]
    assert _codes(rules) == [("ZZ01", 2), ("ZZ03", 6)]


def test_a_kept_finding_down_the_chain_still_silences():
    rules = [_rule("ZZ01", [(2, 5)], ("ZZ02",)), _rule("ZZ02", [(4, 8)], ("ZZ03",)),
             _rule("ZZ03", [(20, 22)])]
    assert _codes(rules) == [("ZZ02", 4), ("ZZ03", 20)]


@pytest.mark.parametrize("order", [0, 1])
def test_two_rules_deferring_to_each_other_keep_one_finding(order):
    rules = [_rule("ZZ01", [(2, 5)], ("ZZ02",)), _rule("ZZ02", [(3, 6)], ("ZZ01",))]
    if order:
        rules.reverse()
    assert len(_codes(rules)) == 1


# ---- the pack key -------------------------------------------------------------------------
_PACK = """
[[rule]]
code = "HS01"
name = "house-reported"
kind = "existence"
category = "translationese"
severity = "warning"
what = "w"
why = "y"
instead = "i"
phrases = ["it is reported"]
{extra}
"""


def _pack(tmp_path, extra):
    p = tmp_path / "house.toml"
    p.write_text(_PACK.format(extra=extra), encoding="utf-8")
    return str(p)


def test_a_pack_rule_defers_to_the_rule_it_names(tmp_path):
    path = _pack(tmp_path, 'defers_to = ["TR02"]')
    assert build_ruleset((path,)).rules["HS01"].meta.defers_to == ("TR02",)
    text = "News\n\nIt is reported that sales rose.\n"
    assert texts(text, ["HS01", "TR02"], packs=(path,)) == [("TR02", "It is reported that")]
    assert texts(text, ["HS01"], packs=(path,)) == [("HS01", "It is reported")]


@pytest.mark.parametrize("extra, message", [
    ('defers_to = "TR02"', "'defers_to' must be a list"),
    ("defers_to = [2]", "'defers_to' must list rule codes"),
    ('defers_to = ["tr02"]', "defers_to 'tr02' is not another rule's code"),
    ('defers_to = ["HS01"]', "defers_to 'HS01' is not another rule's code"),
])
def test_a_bad_defers_to_names_the_line(tmp_path, extra, message):
    path = _pack(tmp_path, extra)
    with pytest.raises(RulePackError) as exc:
        build_ruleset((path,))
    assert str(exc.value).startswith(f"{path}:12: {message}")


# ---- explain -------------------------------------------------------------------------------
def test_explain_shows_the_rules_a_rule_defers_to():
    out = subprocess.run([sys.executable, "-m", "qa", "explain", "TR04"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120).stdout
    assert "OVERLAPS\nDefers to GB02 (redundant-etc): where an active finding of that rule" in out
    plain = subprocess.run([sys.executable, "-m", "qa", "explain", "GB01"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120).stdout
    assert "Defers to" not in plain
