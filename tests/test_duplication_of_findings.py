"""One defect, one finding: a rule that declares `defers_to` loses its finding where an active
finding of a rule it defers to overlaps it (qa/engine.py `_drop_deferred`)."""
from __future__ import annotations

import pytest

from qa.document import document_from_text
from qa.engine import RunConfig, lint_document
from qa.findings import Hit
from qa.rules.base import Example, Rule, RuleDoc, RuleMeta
from tests.helpers import found, texts

_DOC = RuleDoc(what="w", why="y", instead="i", examples=(Example(bad="x", flags=(), good="x"),))


def _rule(code: str, spans, defers_to=()) -> Rule:
    def check(doc, opts):
        for s, e in spans:
            yield Hit(s, e, f"{code} here")
    return Rule(RuleMeta(code=code, name=f"rule-{code.lower()}", category="style",
                         severity="warning", summary="s", doc=_DOC, defers_to=defers_to), check)


def _codes(text: str, rules) -> list[tuple[str, int, int]]:
    doc = document_from_text(text, "text")
    return [(f.rule, f.offset, f.end_offset) for f in lint_document(doc, rules, RunConfig()).findings
            if not f.suppressed]


TEXT = "abcdefghijklmnopqrstuvwxyz\n"


def test_a_deferring_finding_overlapped_by_the_other_rule_is_dropped():
    rules = [_rule("ZZ01", [(2, 5), (10, 12), (20, 20)], defers_to=("ZZ02",)),
             _rule("ZZ02", [(4, 8), (20, 22)])]
    # (2, 5) overlaps (4, 8); the empty span at 20 counts as its first character
    assert _codes(TEXT, rules) == [("ZZ02", 4, 8), ("ZZ01", 10, 12), ("ZZ02", 20, 22)]


@pytest.mark.parametrize("other", [(5, 8), (0, 2), (12, 14)])
def test_touching_is_not_overlapping(other):
    rules = [_rule("ZZ01", [(2, 5), (10, 12)], defers_to=("ZZ02",)), _rule("ZZ02", [other])]
    assert [c for c in _codes(TEXT, rules) if c[0] == "ZZ01"] == [("ZZ01", 2, 5), ("ZZ01", 10, 12)]


def test_deferring_is_one_way_and_needs_the_other_rule_to_run():
    both = [_rule("ZZ01", [(2, 5)]), _rule("ZZ02", [(2, 5)], defers_to=("ZZ03",))]
    assert _codes(TEXT, both) == [("ZZ01", 2, 5), ("ZZ02", 2, 5)]
    alone = [_rule("ZZ01", [(2, 5)], defers_to=("ZZ02",))]
    assert _codes(TEXT, alone) == [("ZZ01", 2, 5)]


def test_a_suppressed_finding_does_not_silence_the_rule_that_defers_to_it():
    text = "Acme opens 《Warm Home》 range\n\nText.\n"
    assert texts(text, ["TI03", "PU03"]) == [("PU03", "《Warm Home》")]
    quiet = "<!-- release-qa: disable-next-line=PU03 -->\n" + text
    assert texts(quiet, ["TI03", "PU03"], fmt="markdown") == [("TI03", "《"), ("TI03", "》")]


def test_defers_to_names_other_rules():
    with pytest.raises(ValueError, match="defers_to"):
        _rule("ZZ01", [], defers_to=("ZZ01",))
    with pytest.raises(ValueError, match="defers_to"):
        _rule("ZZ01", [], defers_to=("not a code",))


# ---- the pairs found across the test releases, the dev releases and the WMT documents ----
def test_book_title_marks_in_a_headline_are_one_finding_with_its_fix():
    text = "Acme Unveils 《Warm Home》 Heat Pump Range\n\nAcme said the range ships in May.\n"
    assert texts(text) == [("PU03", "《Warm Home》")]
    # without the punctuation pack's rule the headline rule still reports the marks
    assert texts(text, ["TI03"]) == [("TI03", "《"), ("TI03", "》")]


def test_chinese_in_a_headline_is_one_untranslated_finding():
    text = "Apparel stocks fall - 经济观察网\n\nShares fell on Monday.\n"
    assert [c for c, _ in texts(text)].count("TI03") == 0
    assert ("UT01", "经济观察网") in texts(text)


def test_a_looped_phrase_is_one_finding():
    text = ("Acme news\n\nThe system offers real-time water monitoring real-time water monitoring "
            "real-time water monitoring for the city.\n")
    assert [c for c, _ in texts(text, ["DU05"])] == ["DU05"]
    assert [c for c, _ in texts(text, ["DU02", "DU03", "DU05"])] == ["DU02"]


def test_a_deferring_rule_keeps_its_findings_elsewhere():
    text = ("Acme news\n\nExhibitors include Haier Group, Midea Group, Gree Electric, Haier Group "
            "and TCL.\n")
    assert found(text, ["DU02", "DU03"]) == [("DU03", 3, 61, 3, 72, "Haier Group")]
