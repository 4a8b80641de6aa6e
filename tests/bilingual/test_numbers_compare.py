"""compare_numbers on pairs written for these tests, about organisations outside the WMT data."""

import pytest

pytest.importorskip("cn2an")

from qa.bilingual.compare_numbers import compare_numbers  # noqa: E402
from qa.bilingual.render_en import render_date, render_number  # noqa: E402

CLEAN = [
    (
        "宁德时代2023年营收达4009亿元，同比增长22%。",
        "CATL's revenue reached 400.9 billion yuan in 2023, up 22% year on year.",
    ),
    ("马来西亚国家石油公司投资1.2万亿令吉。", "Petronas will invest 1.2 trillion ringgit."),
    (
        "新加坡航空公司上半年载客量超过1500万人次。",
        "Singapore Airlines carried more than 15 million passengers in the first half.",
    ),
    ("蚂蚁集团的1.2万名员工参与了活动。", "Some 12,000 Ant Group employees took part."),
    ("两国企业签署了一系列合作协议。", "Companies from both countries signed a series of agreements."),
    (
        "中新社北京3月8日电 比亚迪第十六届供应商大会在深圳举行。",
        "BEIJING, March 8 (CNS) -- BYD's 16th supplier conference was held in Shenzhen.",
    ),
    (
        "会议十分重要，一带一路合作将进一步深化，万一出现风险要千方百计化解。",
        "The meeting is very important; Belt and Road cooperation will deepen, and any risk must be defused.",
    ),
    ("华为Mate 60销量突破100万台。", "Sales of Huawei's Mate 60 passed one million units."),
    ("这一比例约为50%。", "The share is about half."),
    ("投资额翻了一番。", "Investment doubled."),
    (
        "“十四五”期间，腾讯将投入500亿元。",
        "During the 14th Five-Year Plan, Tencent will invest 50 billion yuan.",
    ),
    ("项目将于本周五启动。", "The project will be launched on Friday."),
    ("海尔集团在90年代进入美国市场。", "Haier Group entered the U.S. market in the 1990s."),
    ("2月10日至19日举行。", "It runs from February 10 to 19."),
    ("营收为215.3亿元。", "Revenue was 21.5 billion yuan."),
]


@pytest.mark.parametrize("zh,en", CLEAN)
def test_clean_pairs_have_no_issue(zh, en):
    assert compare_numbers(zh, en) == []


def issue(zh, en):
    found = compare_numbers(zh, en)
    assert len(found) == 1, found
    item = found[0]
    if item.zh is not None:
        assert zh[item.zh.start : item.zh.end] == item.zh.text
    if item.en is not None:
        assert en[item.en.start : item.en.end] == item.en.text
    return item


def test_wrong_magnitude_of_wan():
    item = issue("小米汽车交付12.5万辆。", "Xiaomi delivered 12.5 million cars.")
    assert item.kind == "wrong-magnitude"
    assert item.suggestion == "125,000"
    assert item.message == "12.5万 is 125,000; the English says 12.5 million"
    assert item.en.text == "12.5 million"


def test_wrong_magnitude_of_yi():
    item = issue("京东物流投资3842亿元。", "JD Logistics invested 3842 billion yuan.")
    assert (item.kind, item.suggestion) == ("wrong-magnitude", "384.2 billion yuan")
    item = issue("营收为215.3亿元。", "Revenue was 2.153 billion yuan.")
    assert (item.kind, item.suggestion) == ("wrong-magnitude", "21.53 billion yuan")
    item = issue("打造千亿元级产业集群。", "It will build a cluster worth hundreds of billions of yuan.")
    assert (item.kind, item.suggestion) == ("wrong-magnitude", "100 billion yuan")


def test_omitted_dateline():
    item = issue("新华社杭州5月20日电 阿里巴巴发布财报。", "Alibaba released its results.")
    assert (item.kind, item.suggestion, item.en) == ("omitted", "May 20", None)
    assert "dateline" in item.message


def test_added_amount_in_brackets():
    item = issue("联想集团宣布扩建工厂。", "Lenovo announced a factory expansion (worth 3 billion yuan).")
    assert (item.kind, item.zh, item.en.text) == ("added", None, "3 billion yuan")


def test_wrong_date_and_currency_and_points():
    item = issue("格力电器6月18日召开股东大会。", "Gree held its shareholder meeting on June 28.")
    assert (item.kind, item.suggestion) == ("wrong-value", "June 18")
    item = issue("星展银行向项目提供5000万新元贷款。", "DBS lent 50 million U.S. dollars to the project.")
    assert (item.kind, item.suggestion) == ("wrong-value", "50 million Singapore dollars")
    item = issue("毛利率提高2个百分点。", "The gross margin rose 2%.")
    assert (item.kind, item.suggestion) == ("wrong-value", "2 percentage points")


def test_day_read_as_month():
    item = issue("大疆7日发布新品。", "DJI released new products on July 7.")
    assert (item.kind, item.suggestion) == ("wrong-value", "the 7th")


def test_ambiguous_multiple_is_never_wrong():
    item = issue("拼多多海外收入同比增长19倍。", "Pinduoduo's overseas revenue rose 19 times year on year.")
    assert item.kind == "ambiguous-multiple"
    assert item.suggestion == "by 1,900%"
    assert compare_numbers("拼多多海外收入同比增长19倍。", "Overseas revenue rose by 1,900%.") == []


def test_contrary_approximation():
    item = issue("治疗费用8000多元。", "Treatment costs almost 8,000 yuan.")
    assert (item.kind, item.suggestion) == ("approximation", "more than 8,000 yuan")


def test_renderings():
    from decimal import Decimal

    assert render_number(Decimal(125000)) == "125,000"
    assert render_number(Decimal("3.842e11")) == "384.2 billion"
    assert render_date(2, 11) == "February 11"
    assert render_date(2, 11, 2023) == "February 11, 2023"


def test_misaligned_or_empty_text_is_safe():
    assert compare_numbers("", "") == []
    assert compare_numbers("没有数字。", "") == []
    big_zh = "营收215.3亿元，" * 2000
    big_en = "revenue of 21.53 billion yuan, " * 2000
    assert compare_numbers(big_zh, big_en) == []
