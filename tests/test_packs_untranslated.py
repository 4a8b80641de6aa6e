"""The untranslated pack (UT): Chinese runs in English text, one finding per run, with the
bracketed gloss after an English name left to the off-by-default UT02."""
from __future__ import annotations

import os

from tests.helpers import ROOT, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_fair_release_default_rules():
    text = read("packs_untranslated_guangzhou_fair.txt")
    assert [x for x in found(text) if x[0].startswith("UT")] == [
        ("UT01", 3, 72, 3, 83, "2023年10月15日"),
        ("UT01", 13, 1, 13, 7, "来源：新华社"),
    ]


def test_gloss_rule_when_selected():
    text = read("packs_untranslated_guangzhou_fair.txt")
    assert found(text, ["UT02"]) == [("UT02", 3, 111, 3, 113, "海尔")]


def test_a_run_takes_its_punctuation_and_digits():
    text = "The logo reads 中国制造，2025 and the tag says 责任编辑：王芳。\n"
    assert found(text, ["UT01"]) == [("UT01", 1, 16, 1, 21, "中国制造，"),
                                     ("UT01", 1, 43, 1, 51, "责任编辑：王芳。")]


def test_a_figure_before_the_run_is_taken_whole():
    # "38.5亿元" once gave '5亿元': the match started after the decimal point
    text = "Revenue was 38.5亿元, up from 1,234.5万元.\n"
    assert [f[-1] for f in found(text, ["UT01"])] == ["38.5亿元", "1,234.5万元"]


def test_only_ascii_brackets_after_a_name_make_a_gloss():
    assert found("Haier（海尔）grew.\n", ["UT01"]) == [("UT01", 1, 6, 1, 10, "（海尔）")]
    assert found("The brand (海尔) grew.\n", ["UT01"]) == []
    assert found("Sales (销售额) grew.\n", ["UT01"]) == []
    assert found("Sales grew (销售额增长了).\n", ["UT01"]) == []


def test_other_scripts_are_not_chinese():
    text = "Café Müller signed with Токио and ソニー, and the “quoted” name stays.\n"
    assert [f for f in lint(text, ["UT"])] == []
