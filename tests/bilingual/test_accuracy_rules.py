"""The accuracy rules (AC, bilingual mode) end to end: silent without a source, the alignment from
given segment pairs or computed once per document, suggestions that replace the English in
place, GB08 giving way in bilingual mode, linear time, and the bilingual release corpus."""
from __future__ import annotations

import os
import sys
import time

import pytest

from qa._speed.records import replace
from qa.document import document_from_text
from qa.engine import RunConfig, lint_document
from tests.helpers import ROOT, lint, ruleset

AC = [f"AC0{i}" for i in range(1, 9)]
EN = ("Qingdao Port handled 30 million TEUs in 2023, up 4.2% on the year before.\n\n"
      "The port plans to invest 12.5 billion yuan in two automated berths.\n")
ZH = ("青岛港2023年完成集装箱吞吐量3000万标准箱，同比增长4.2%。\n\n"
      "港口计划投资12.5亿元新建两个自动化泊位。\n")


def run(en: str, zh: str | None, select=AC, pairs=None):
    rs = ruleset()
    doc = document_from_text(en)
    if zh is not None:
        doc = replace(doc, source_doc=document_from_text(zh), pairs=pairs)
    return [f for f in lint_document(doc, rs.select(select), RunConfig(glossary=rs.glossary)).findings
            if not f.suppressed]


def test_without_a_source_nothing_changes():
    assert [f for f in lint(EN, AC) if not f.suppressed] == []
    assert run(EN, None) == []


def test_a_wrong_magnitude_names_the_source_and_suggests_in_place():
    found = run(EN, ZH)
    assert [(f.rule, f.text, f.suggestion, f.source.text) for f in found] == [
        ("AC01", "12.5 billion yuan", "1.25 billion yuan", "12.5亿元")]
    assert found[0].message == "12.5亿元 is 1.25 billion yuan; the English says 12.5 billion yuan"


def test_given_pairs_are_the_alignment():
    en = "The port plans to invest 12.5 billion yuan.\n\nTwo berths open next year.\n"
    zh = "港口计划投资12.5亿元。\n\n其中外贸航线新增12条，覆盖东南亚、中东和欧洲的主要港口城市。\n\n明年新建两个泊位。\n"
    def span(text, part):
        return (text.index(part), text.index(part) + len(part))
    e1, e2 = span(en, "The port plans to invest 12.5 billion yuan."), span(en, "Two berths open next year.")
    z1, z3 = span(zh, "港口计划投资12.5亿元。"), span(zh, "明年新建两个泊位。")
    z2 = span(zh, "其中外贸航线新增12条，覆盖东南亚、中东和欧洲的主要港口城市。")
    found = run(en, zh, pairs=((e1, z1), (None, z2), (e2, z3)))
    assert sorted((f.rule, f.text, f.source.text) for f in found) == [
        ("AC01", "12.5 billion yuan", "12.5亿元"),
        ("AC04", "The port plans to invest 12.5 billion yuan.", zh[z2[0]:z2[1]]),
    ]


def test_the_alignment_is_computed_once_per_document():
    from qa.checks.accuracy.bitext import MEMO_KEY, bitext
    doc = replace(document_from_text(EN), source_doc=document_from_text(ZH))
    first = bitext(doc)
    assert doc._cache[MEMO_KEY] is first and bitext(doc) is first
    assert bitext(document_from_text(EN)) is None


def test_a_qualifier_before_the_span_is_kept_or_replaced():
    found = run("More than 3,000 firms took part.\n", "近3000家企业参展。\n")
    assert [(f.text, f.suggestion) for f in found] == [("More than 3,000", "Nearly 3,000")]
    found = run("About 18 million valid applications were received.\n", "共收到约1.8万份有效申请。\n")
    assert [(f.text, f.suggestion) for f in found] == [("18 million", "18,000")]


def test_no_suggestion_when_the_unit_outside_the_span_is_wrong_too():
    found = run("Treatment costs almost $8,000 in total.\n", "治疗费用近8000元。\n")
    assert [(f.rule, f.suggestion) for f in found] == [("AC01", "8,000 yuan")]
    found = run("The fund raised 50 million dollars.\n", "基金募资5000万元。\n")
    assert all(f.suggestion != "50 million" for f in found)


def test_gb08_asks_for_the_source_and_gives_way_to_ac01():
    en = "JD Logistics invested 3842 billion yuan in 2023.\n"
    alone = [(f.rule, f.suggestion) for f in lint(en, ["GB08"]) if not f.suppressed]
    assert alone == [("GB08", None)]
    assert "384.2 billion" in lint(en, ["GB08"])[0].message
    both = run(en, "京东物流2023年投资3842亿元。\n", ["GB08", "AC"])
    assert [(f.rule, f.text, f.suggestion) for f in both] == [("AC01", "3842 billion yuan", "384.2 billion yuan")]


def test_untranslated_copy_is_one_finding():
    en = "Kanghe Biotech listed today. 公司成立于2012年，专注于肿瘤药物研发。\n"
    zh = "康合生物今日上市。公司成立于2012年，专注于肿瘤药物研发。\n"
    # in bilingual mode AC08 says it (with the source place); UT01 gives way on the same span
    assert [f.rule for f in run(en, zh, ["AC", "UT01"])] == ["AC08"]
    assert [f.rule for f in lint(en, ["AC", "UT01"]) if not f.suppressed] == ["UT01"]
    assert [(f.rule, f.source.text) for f in run(en, zh, ["AC"])] == [("AC08", "公司成立于2012年，专注于肿瘤药物研发。")]


FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def _fixture(name: str) -> tuple[str, str]:
    with open(os.path.join(FIXTURES, name + ".txt"), encoding="utf-8") as en, \
            open(os.path.join(FIXTURES, name + ".zh.txt"), encoding="utf-8") as zh:
        return en.read(), zh.read()


def test_a_clean_pair_with_tricky_figures_passes():
    # 千亿 as 100 billion, 139万亩 as 1.39 million mu, 个百分点 as points, 余/近/约, 上周六（3月9日）
    # as 'Last Saturday (March 9)', 第十届 as 10th, 三成以上 as 'more than 30 percent'
    assert run(*_fixture("yunnan_coffee_clean"), ["AC", "GB08"]) == []


def test_the_same_pair_with_defects():
    found = run(*_fixture("yunnan_coffee_defects"), ["AC", "GB08"])
    assert [(f.rule, f.text, f.suggestion) for f in found] == [
        ("AC03", "Yunnan province grew coffee on about 1.39 million mu in 2023 and produced 146,000 tonnes "
                 "of green beans, about 98 percent of the national total, the provincial department of "
                 "agriculture and rural affairs said on Tuesday.", None),
        ("AC01", "1,086 billion yuan", "108.6 billion yuan"),
        ("AC01", "7.5 percent", "7.5 percentage points"),
        ("AC05", "620 million U.S. dollars", None),
        ("AC01", "Saturday", None),
        ("AC01", "9th", "10th"),
        ("AC01", "48.2 billion yuan", "4.82 billion yuan"),
    ]


def test_time_grows_linearly():
    def seconds(copies: int) -> float:
        start = time.process_time()
        run(EN * copies, ZH * copies)
        return time.process_time() - start
    seconds(1)
    # sixteen times the text: linear is about 16x the time, quadratic 256x; the best of two
    # runs and a wide bound keep a loaded machine from failing it
    small = min(seconds(10) for _ in range(2))
    big = min(seconds(160) for _ in range(2))
    assert big < 40 * max(small, 0.02)


@pytest.mark.skipif(not os.path.isdir(os.path.join(ROOT, "bench", "releases", "bilingual", "dev")),
                    reason="no bilingual release corpus")
def test_bilingual_release_corpus():
    sys.path.insert(0, os.path.join(ROOT, "bench", "bilingual"))
    try:
        from measure import RELEASES, releases
    finally:
        sys.path.pop(0)
    totals = releases(RELEASES, show=False)
    assert totals.get("neutral_overlapped", 0) == 0
    assert totals.get("clean_file_findings", 0) == 0
    assert totals["found"] >= 0.8 * totals["expected"]
