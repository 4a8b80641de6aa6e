"""Chinese numeric mentions: values, kinds, spans, idioms, and linear time on hostile input."""

import time
from decimal import Decimal

import pytest

pytest.importorskip("cn2an")

from qa.bilingual.numbers_zh import cn_number, zh_quantities  # noqa: E402


def one(text, kind=None):
    found = [q for q in zh_quantities(text) if kind is None or q.kind == kind]
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start : q.end] == q.text
    return q


@pytest.mark.parametrize(
    "text,value",
    [
        ("营收215.3亿元", Decimal("21530000000")),
        ("销量12.5万辆", Decimal("125000")),
        ("投资3842亿元", Decimal("384200000000")),
        ("共１２００万人", Decimal("12000000")),
        ("达到一千二百万人", Decimal("12000000")),
        ("十二家企业", Decimal("12")),
        ("千亿元级产业集群", Decimal("100000000000")),
        ("5万亿元", Decimal("5000000000000")),
    ],
)
def test_values_with_scale(text, value):
    assert max(one(text).values()) == value


def test_amount_currency_and_figure():
    q = one("海尔集团投资5000万美元")
    assert (q.kind, q.unit, q.figure, q.scale) == ("amount", "USD", Decimal(5000), Decimal(10000))
    assert one("收入达3.5亿令吉").unit == "MYR"
    assert one("人民币300万").unit == "CNY"


def test_ranges():
    q = one("一万六七千人")
    assert (q.kind, q.low, q.high) == ("range", Decimal(16000), Decimal(17000))
    q = one("投资1200万至1400万元")
    assert (q.kind, q.low, q.high, q.unit) == ("range", Decimal(12000000), Decimal(14000000), "CNY")
    q = one("工期3-5天")
    assert (q.low, q.high, q.unit) == (Decimal(3), Decimal(5), "day")
    q = one("预计12至14亿元")
    assert (q.low, q.high) == (Decimal(1200000000), Decimal(1400000000))


def test_shu_is_several_only_before_a_bare_figure():
    # 人数 / 总数 / 指数 end a noun: the figure after them is exact (a held-out release's
    # 购物人数676.5万人次 was read as "several 6.765 million" and 6.765 million flagged as added)
    q = one("购物人数676.5万人次")
    assert (q.text, q.kind, q.value) == ("676.5万", "number", Decimal("6765000"))
    assert one("总数120万").value == Decimal("1200000")
    assert (one("吸引数万人").kind, one("数10万人").kind) == ("vague", "vague")


def test_approximations():
    assert one("超过92万份").approx == "over"
    assert one("十余年").approx == "over"
    assert one("近5000人").approx == "nearly"
    assert one("3000元左右").approx == "about"
    q = one("一百多亿元")
    assert (q.value, q.approx) == (Decimal(10000000000), "over")


def test_percent_points_multiples_fractions():
    assert one("百分之三十").value == Decimal(30)
    assert one("增速3.70 %").kind == "percent"
    q = one("提高2个百分点")
    assert (q.kind, q.unit) == ("percentage-point", "pp")
    q = one("同比增长19倍")
    assert (q.kind, q.value, q.role) == ("multiple", Decimal(19), "increase")
    assert one("营收翻一番").value == Decimal(2)
    assert one("三分之一的企业").value == Decimal(1) / 3


def test_calendar():
    q = one("二〇二三年")
    assert (q.kind, q.year) == ("year", 2023)
    q = one("90年代")
    assert (q.kind, q.value) == ("decade", Decimal(90))
    q = one("2023年2月11日")
    assert (q.kind, q.year, q.month, q.day) == ("date", 2023, 2, 11)
    q = one("1989 年11 月13 日")
    assert (q.year, q.month, q.day) == (1989, 11, 13)
    q = one("新华社上海3月8日电")
    assert (q.kind, q.role, q.month, q.day) == ("date", "dateline", 3, 8)
    assert one("本周五举行").weekday == 4
    assert one("星期日").weekday == 6
    q = one("2023-02-11 13:09:10 来源")
    assert (q.kind, q.year, q.month, q.day) == ("date", 2023, 2, 11)


def test_ordinals_lists_durations():
    q = one("第十六届论坛")
    assert (q.kind, q.value, q.text) == ("ordinal", Decimal(16), "第十六")
    assert one("一、加强领导").kind == "list-number"
    q = one("（三）完善机制")
    assert (q.kind, q.text) == ("list-number", "（三）")
    q = one("两天")
    assert (q.kind, q.value, q.unit) == ("duration", Decimal(2), "day")
    assert one("建馆10周年").kind == "ordinal"
    q = one("十四五规划")
    assert (q.role, q.value) == ("plan", Decimal(14))


@pytest.mark.parametrize(
    "text",
    [
        "一些企业",
        "统一行动",
        "十分重要",
        "万一出现",
        "千方百计",
        "三农问题",
        "一带一路",
        "一方面",
        "第一时间",
        "两岸关系",
        "G20峰会",
        "5G网络",
        "进一步推动",
    ],
)
def test_idioms_and_names_are_not_figures(text):
    assert [q for q in zh_quantities(text) if q.kind != "label"] == []


def test_cn_number_never_raises():
    assert cn_number("一万零五百") == Decimal(10500)
    assert cn_number("两") == Decimal(2)
    assert cn_number("十四五") is None
    assert cn_number("万" * 40) is None
    assert cn_number("") is None


def _seconds(function, text):
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("unit", ["1", "万", "一", "二〇"])
def test_one_megabyte_run_is_fast(unit):
    start = time.process_time()
    zh_quantities(unit * (1_000_000 // len(unit)))
    assert time.process_time() - start < 3.0


@pytest.mark.parametrize("unit", [" 1", "1.", "3月", "百分之", "（", "1,000"])
def test_dense_mentions_scale_linearly(unit):
    small = _seconds(zh_quantities, unit * (4_000 // len(unit)))
    big = _seconds(zh_quantities, unit * (40_000 // len(unit)))
    assert big < 25 * max(small, 0.005)
