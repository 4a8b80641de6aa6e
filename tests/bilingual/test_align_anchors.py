"""Anchors that survive translation: numbers, Latin tokens, pinyin names, punctuation."""
from __future__ import annotations

import time

import pytest

from qa.bilingual.anchors import anchor_sets, chinese_numeral, weights
from qa.bilingual.furniture import furniture_kind


def keys(zh: str, en: str) -> tuple[set[str], set[str]]:
    z, e = anchor_sets(zh, [(0, len(zh))], en, [(0, len(en))])
    return set(z[0]), set(e[0])


@pytest.mark.parametrize("run, value", [
    ("二十三", 23), ("两千五百", 2500), ("三万亿", 3e12), ("二〇二三", 2023), ("十", 10), ("一百零五", 105),
    ("五千万", 5e7), ("两亿三千万", 2.3e8),
])
def test_chinese_numerals(run, value):
    assert chinese_numeral(run) == value


@pytest.mark.parametrize("zh, en, shared", [
    ("售价3.5万元", "priced at 35,000 yuan", {"n:35000"}),
    ("投资1.2亿元", "investing 120 million yuan", {"n:1.2e+08"}),
    ("资产10.5万亿元", "assets of 10.5 trillion yuan", {"n:10.5", "n:1.05e+13"}),
    ("2月10日发布", "released on February 10", {"n:2", "n:10"}),
    ("两千三百名员工", "2,300 employees", {"n:2300"}),
    ("这是第三次", "for the third time", {"n:3"}),
    ("二〇二三年", "in 2023", {"n:2023"}),
    ("增长了百分之十五", "up 15 percent", {"n:15"}),
    ("二十多万人", "more than 200,000 people", {"n:200000"}),
])
def test_numbers_match_across_languages(zh, en, shared):
    z, e = keys(zh, en)
    assert shared <= (z & e)


@pytest.mark.parametrize("zh", ["一些企业", "十分重要", "千万不要", "统一部署", "三亚旅游", "五一假期"])
def test_words_with_numeral_characters_are_not_numbers(zh):
    z, _ = keys(zh, "1 2 3 5 10 1000 10000000 51 3 ten thousand")
    assert not {k for k in z if k.startswith("n:")}


def test_latin_tokens_and_names():
    z, e = keys("华为在深圳发布5G手机，CEO余承东和张雷出席，COVID-19之后首次。",
                "Huawei's CEO Yu Chengdong and Lei Zhang launched a 5G phone in Shenzhen after COVID-19.")
    assert {"l:5g", "l:ceo", "l:covid-19", "p:huawei", "p:shenzhen", "p:yuchengdong", "p:zhanglei"} <= (z & e)


def test_only_keys_found_on_both_sides_are_kept():
    z, e = keys("阿里巴巴收入增长8%", "Tencent revenue rose 9%")
    assert z == set() and e == set()


def test_punctuation_and_site_tails():
    z, e = keys("《规划》发布，你知道吗？-中新网", 'The "Plan" is out, do you know? - China News Network')
    assert {"q:quote", "q:ask", "q:tail"} <= (z & e)


def test_rare_keys_weigh_more():
    zh = [frozenset({"n:5", "p:huawei"}), frozenset({"p:huawei"}), frozenset({"p:huawei"})]
    en = [frozenset({"n:5", "p:huawei"}), frozenset({"p:huawei"}), frozenset({"p:huawei"})]
    w = weights(zh, en)
    assert w["n:5"] == 1.0 and 0.2 < w["p:huawei"] < w["n:5"]


def test_anchor_scan_is_linear_on_hostile_input():
    for text in ["1" * 50_000, "a1" * 25_000, "张" * 50_000, "一" * 50_000, "Zhang " * 10_000]:
        start = time.process_time()
        anchor_sets(text, [(0, len(text))], text, [(0, len(text))])
        assert time.process_time() - start < 3.0


@pytest.mark.parametrize("text, english, kind", [
    ("责任编辑：王芳", False, "editor"), ("【纠错】", False, "nav"), ("（李明 摄）", False, "photo"),
    ("（完）", False, "end"), ("来源：新华网", False, "source"), ("编辑部表示将改进。", False, None),
    ("Editor: Wang Fang", True, "editor"), ("Share to: WeChat | Weibo", True, "nav"),
    ("(Photo by Li Ming)", True, "photo"), ("Copyright 2023 Example Ltd.", True, "rights"),
    ("Editors say the deal is done.", True, None), ("Sources said the talks went well.", True, None),
])
def test_furniture_kinds(text, english, kind):
    assert furniture_kind(text, english) == kind


@pytest.mark.parametrize("text, kind", [
    # English is read by qa.text.furniture: a word that merely begins like a button is content
    ("Next-Generation Chips Roll Out", None), ("Close-up: the new tram", None),
    ("Related-party deals rose.", None), ("WeChat Pay adds a service", None),
    ("Views: 1386", "meta"), ("Monday, March 4, 2024", None),
    # ... and the aligner adds the credit lines a Chinese credit answers (来源, 摄)
    ("Source: National Bureau of Statistics", "source"), ("Photo: Xinhua", "photo"),
    ("A photo taken on May 3 shows the venue of the event.", "photo"),
])
def test_english_furniture_is_the_shared_classifier_plus_credits(text, kind):
    assert furniture_kind(text, True) == kind
