"""Chinese numerals that are not read by their measure word: set phrases with a number in them.

`special_mentions(text)` finds them before the general reader runs (which then skips their
characters) and returns (start, end, kind, fields) for each:

* 翻番, 翻两番: a multiple (2, 4 times) after growth;
* 近半, 过半, 一半: half (with "nearly"); after a verb of growth (增加近半) it is an increase by
  half, not half of something;
* 十四五 and the like: the Nth five-year plan (an ordinal that English names "14th");
* 二十大, 十九大 ...: the Nth National Congress of the Party (an ordinal whose noun is the
  congress: "20th National Congress", never "20 major" or "the 20th seminar");
* 三中全会: the Nth plenary session;
* 四论 at the head of a title: the fourth commentary of a series;
* N成: N tenths (九成 is 90 percent);
* year names written digit by digit (九二共识: the 1992 Consensus).

Every pattern is a bounded regex scanned once: linear in the text.
"""
from __future__ import annotations

import re
from decimal import Decimal

_DIGITS = "一二三四五六七八九"
_GROWTH_BEFORE = ("增长", "增加", "提高", "提升", "上涨", "上升", "增", "涨", "扩大", "多")

# year names: the name, how its numeral is written in it, and the year
YEAR_NAMES = {"九二共识": ("九二", 1992), "八二宪法": ("八二", 1982), "九二南巡": ("九二", 1992),
              "九八抗洪": ("九八", 1998)}

_SPECIAL = re.compile(
    r"(?P<double>翻了?[一两三]?番)"
    r"|(?P<half>(?:[近过逾]|一)半)(?![年天月小个])"
    r"|(?P<plan>十[一二三四五六七八九]五)(?=规划|时期|期间|开局|发展|以来|[”\"）)，。、]|$)"
    r"|(?<![第\d一二三四五六七八九十])(?P<congress>十[二三四五六七八九]|二十[一二三四五六七八九]?|三十)大"
    r"(?=精神|报告|代表|以来|召开|胜利|闭幕|开幕|期间|提出|作出|做出|部署|强调|明确|确立|擘画|描绘|"
    r"决策|的|上|后|前|[，。、”）)》]|$)"
    r"|(?P<plenary>[一二三四五六七八九])中全会"
    r"|(?:(?<=^)|(?<=[—\-－：:“《\s]))(?P<series>[一二三四五六七八九十])论(?=[\u4e00-\u9fff])"
    r"|(?<![一二三四五六七八九十])(?P<tenths>[一二三四五六七八九])成(?![员为立功本果熟就交都长年分品型像不效绩是了])"
    r"|(?P<named>" + "|".join(YEAR_NAMES) + r")"
)


def special_mentions(text: str) -> list[tuple[int, int, str, dict]]:
    """(start, end, kind, fields) of every set phrase of `text` holding a number."""
    out: list[tuple[int, int, str, dict]] = []
    for m in _SPECIAL.finditer(text):
        start, end = m.span()
        group = m.lastgroup
        if group == "double":
            times = {"两": 4, "三": 8}.get(text[end - 2], 2)
            out.append((start, end, "multiple", {"value": Decimal(times), "words": True, "role": "increase"}))
        elif group == "half":
            growth = any(text.endswith(g, max(0, start - 3), start) for g in _GROWTH_BEFORE)
            out.append((start, end, "fraction", {"value": Decimal("0.5"), "words": True,
                                                  "approx": "nearly" if text[start] == "近" else None,
                                                  "role": "increase" if growth else None}))
        elif group == "plan":
            out.append((start, end, "ordinal", {"value": Decimal(11 + _DIGITS.index(text[start + 1])),
                                                "words": True, "role": "plan"}))
        elif group == "congress":
            out.append((start, end, "ordinal", {"value": _value(m.group("congress")), "words": True,
                                                "role": "congress"}))
        elif group == "plenary":
            out.append((start, start + 1, "ordinal", {"value": Decimal(_DIGITS.index(text[start]) + 1),
                                                      "words": True, "role": "plenary"}))
        elif group == "series":
            out.append((start, end, "ordinal", {"value": _value(m.group("series")), "words": True,
                                                "role": "series"}))
        elif group == "tenths":
            out.append((start, end, "percent", {"value": Decimal(10 * (_DIGITS.index(text[start]) + 1)),
                                                "words": True, "unit": "%"}))
        else:
            numeral, year = YEAR_NAMES[m.group("named")]
            at = start + m.group("named").index(numeral)
            out.append((at, at + len(numeral), "year", {"value": Decimal(year), "year": year, "words": True,
                                                        "role": "named"}))
    return out


def _value(numeral: str) -> Decimal:
    """十二 -> 12, 二十 -> 20, 二十一 -> 21, 三十 -> 30, 四 -> 4 (the numerals of these phrases)."""
    total, current = 0, 0
    for ch in numeral:
        if ch == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _DIGITS.index(ch) + 1
    return Decimal(total + current)
