"""English numeric mentions: figures, scales, words, currencies, dates, identifiers, linear time."""

import time
from decimal import Decimal

import pytest

from qa.bilingual.numbers_en import en_quantities


def one(text, kind=None):
    found = [q for q in en_quantities(text) if kind is None or q.kind == kind]
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start : q.end] == q.text
    return q


@pytest.mark.parametrize(
    "text,value",
    [
        ("revenue of 21.53 billion yuan", Decimal("21530000000")),
        ("sales of 125,000 units", Decimal(125000)),
        ("a hundred billion yuan", Decimal(10) ** 11),
        ("twenty-five stores", Decimal(25)),
        ("12 thousand people", Decimal(12000)),
        ("S$3.5bn in deals", Decimal(3500000000)),
    ],
)
def test_values(text, value):
    assert one(text).value == value


def test_currencies():
    assert one("about US$50 million").unit == "USD"
    assert one("RM5 million").unit == "MYR"
    assert one("HK$2 billion").unit == "HKD"
    assert one("4,300 U.S. dollars").unit == "USD"
    assert one("RMB 10 million").unit == "CNY"
    assert one("200 euros").unit == "EUR"


def test_ranges_vague_and_approximations():
    q = one("12 million to 14 million yuan")
    assert (q.kind, q.low, q.high, q.unit) == ("range", Decimal(12000000), Decimal(14000000), "CNY")
    q = one("3.70% - 4.20%")
    assert (q.kind, q.unit) == ("range", "%")
    q = one("hundreds of billions of yuan")
    assert (q.kind, q.low, q.high) == ("vague", Decimal(2 * 10**11), Decimal(10**12))
    assert one("more than 920,000 applications").approx == "over"
    assert one("nearly 5,000 people").approx == "nearly"


def test_percent_multiples_fractions():
    assert one("up 30 per cent").kind == "percent"
    assert one("2 percentage points").kind == "percentage-point"
    assert one("19-fold").kind == "multiple"
    assert one("sales doubled").value == Decimal(2)
    assert one("a third of firms").value == Decimal(1) / 3


def test_calendar_and_ordinals():
    q = one("on February 11, 2023")
    assert (q.kind, q.year, q.month, q.day) == ("date", 2023, 2, 11)
    q = one("on 11 February")
    assert (q.month, q.day) == (2, 11)
    assert one("Feb. 11").day == 11
    assert one("2023-02-11").year == 2023
    assert one("in the 1990s").kind == "decade"
    assert one("in the '90s").value == Decimal(90)
    assert one("on Friday").weekday == 4
    assert one("the 16th session").value == Decimal(16)
    assert one("in 2023").kind == "year"
    days = [q.day for q in en_quantities("from February 10 to 19")]
    assert days == [10, 19]


@pytest.mark.parametrize(
    "text",
    ["It may rise", "one of the firms", "the 5G network", "COVID-19 cases", "a G20 summit", "at 13:09:10"],
)
def test_not_figures(text):
    assert [q for q in en_quantities(text) if q.kind != "label"] == []


@pytest.mark.parametrize("unit", ["1", "万", "one ", "1 ", "$1 ", "1-", "March 3, ", "1,000"])
def test_linear(unit):
    def seconds(text):
        start = time.process_time()
        en_quantities(text)
        return time.process_time() - start

    small = min(seconds(unit * (4_000 // len(unit))) for _ in range(3))
    big = min(seconds(unit * (40_000 // len(unit))) for _ in range(3))
    assert big < 25 * max(small, 0.005)
    assert big < 3.0
