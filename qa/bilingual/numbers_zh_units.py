"""What a Chinese figure is, read from the words after it: a percentage, points, a multiple, an
amount in a currency, a decade, an anniversary, an ordinal (届), a year or date, a duration, a
list number; and the date readers (年, 月, 日, 号, with a dateline's 电).

`FollowingWords` is the part of the Chinese reader (`numbers_zh`) that does this; `starts` and
`ends` look a word of a table up at a position. Every look is a bounded window: linear.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from qa.bilingual import numbers_zh_words as W
from qa.bilingual.cn_numerals import CN_DIGITS, cn_number
from qa.bilingual.quantities import Quantity, to_decimal

ADDED = "added"  # kind_after's unit when it has already stored the mention itself
_CORE = re.compile(
    rf"(?P<ar>\d+(?:,\d{{3}})*(?:\.\d+)?)|(?P<cn>[{CN_DIGITS}十百千万亿拾佰仟]+"
    rf"(?:点[{CN_DIGITS}]+)?)"
)


@lru_cache(maxsize=None)
def _edges(words: tuple[tuple[str, str], ...]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(w[0] for w, _ in words), frozenset(w[-1] for w, _ in words)


def starts(text: str, pos: int, words: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    if pos >= len(text) or text[pos] not in _edges(words)[0]:
        return None
    for word, meaning in words:
        if text.startswith(word, pos):
            return word, meaning
    return None


def ends(text: str, pos: int, words: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    if pos <= 0 or text[pos - 1] not in _edges(words)[1]:
        return None
    for word, meaning in words:
        if text.endswith(word, max(0, pos - len(word)), pos):
            return word, meaning
    return None


class FollowingWords:
    """Kinds from the following words (mixed into the Chinese reader)."""

    text: str
    out: list[Quantity]

    def kind_after(
        self, start: int, pos: int, value: Decimal | None, percent: bool, words: bool, vague: bool
    ) -> tuple[str | None, str | None, int]:
        """The kind and unit a mention takes from what follows it, and where it ends."""
        text = self.text
        rest = text[pos : pos + 6].lstrip(" ")
        skip = len(text[pos : pos + 6]) - len(rest)
        if percent or rest.startswith("%"):
            return "percent", "%", pos + (0 if percent else skip + 1)
        for word in ("个百分点", "百分点"):
            if text.startswith(word, pos):
                return "percentage-point", "pp", pos + len(word)
        if text.startswith("倍", pos):
            return "multiple", None, pos + 1
        found = starts(text, pos, W.CURRENCIES)
        if found and not (found[0] == "块" and not words):
            return "amount", found[1], pos + len(found[0])
        if re.search(r"(?:人民币|￥|¥)\s?$", text[max(0, start - 4) : start]):
            return "amount", "CNY", pos
        if re.search(r"(?:美元|US\$|\$)\s?$", text[max(0, start - 4) : start]):
            return "amount", "USD", pos
        if text.startswith("年代", pos) and value is not None:
            century = (
                1900 if re.search(r"(?:二十世纪|上世纪|上个世纪)$", text[max(0, start - 5) : start]) else 0
            )
            decade = value + century if value < 100 else value
            self.add(self.make(start, pos + 2, "decade", value=decade, words=words))
            return "decade", ADDED, pos + 2
        if text.startswith("周年", pos):
            return "ordinal", None, pos + 2
        if text.startswith("届", pos):
            return "ordinal", None, pos
        year_like = (
            value is not None
            and value == int(value)
            and (
                (not words and 1000 <= value <= 2200 and "," not in text[start:pos])
                or (words and all(c in CN_DIGITS for c in text[start:pos]) and len(text[start:pos]) == 4)
            )
        )
        if text.startswith("年", pos) and year_like:
            return self.read_date(start, pos + 1, int(value), words)  # type: ignore[arg-type]
        if (
            text.startswith("月", pos)
            and value is not None
            and value == int(value)
            and 1 <= value <= 12
            and not text.startswith("个", pos - 1)
        ):
            return self.read_date(start, pos, None, words)
        if (
            text.startswith(("日", "号"), pos)
            and value is not None
            and value == int(value)
            and 1 <= value <= 31
            and text.startswith("日", pos)
            and not words
        ):
            return self.read_date(start, pos, None, words)
        found = starts(text, pos, W.DURATIONS)
        if found and not text.startswith(
            ("年代", "年度", "年级", "周年", "周边", "天然", "天津", "天气"), pos
        ):
            return "duration", found[1], pos + len(found[0])
        if (
            re.match(r"[、.]", text[pos : pos + 1])
            and self.at_item_start(start)
            and value is not None
            and value <= 50
            and not re.match(r"\.\d", text[pos : pos + 2])
        ):
            return "list-number", None, pos + 1
        if (
            start > 0
            and text[start - 1] in "（("
            and text[pos : pos + 1] in "）)"
            and value is not None
            and value <= 30
            and pos - start <= 2
        ):
            self.add(self.make(start - 1, pos + 1, "list-number", value=value, words=words))
            return "list-number", ADDED, pos + 1
        return "number", None, pos

    def at_item_start(self, start: int) -> bool:
        before = self.text[max(0, start - 2) : start].strip(" \t")
        return start == 0 or before == "" or before[-1] in "\n。；;：:"

    def read_date(
        self, start: int, pos: int, year: int | None, words: bool
    ) -> tuple[str | None, str | None, int]:
        """A date starting at `start`; `pos` is just after 年 (with `year`) or at 月/日."""
        text = self.text
        month = day = None
        if year is not None:
            nxt = _CORE.match(text, pos)
            if nxt is None or not text.startswith("月", self.sp(nxt.end())):
                self.add(self.make(start, pos, "year", value=Decimal(year), year=year, words=words))
                return "year", ADDED, pos
            month_value = cn_number(nxt.group()) if nxt.group("cn") else to_decimal(nxt.group())
            if month_value is None or not 1 <= month_value <= 12:
                self.add(self.make(start, pos, "year", value=Decimal(year), year=year, words=words))
                return "year", ADDED, pos
            month, pos = int(month_value), self.sp(nxt.end())
        if text.startswith("月", pos):
            if month is None:
                figure = text[start:pos].strip()
                month = int(cn_number(figure) or 0) if words else int(figure)
            pos += 1
            nxt = _CORE.match(text, pos)
            if nxt is not None and text.startswith(("日", "号"), self.sp(nxt.end())):
                day_value = cn_number(nxt.group()) if nxt.group("cn") else to_decimal(nxt.group())
                if day_value is not None and 1 <= day_value <= 31:
                    day, pos = int(day_value), self.sp(nxt.end()) + 1
        else:
            day, pos = int(text[start:pos].strip()), pos + 1
        role = "dateline" if re.match(r"\s*(?:电|讯|消息)", text[pos : pos + 4]) else None
        self.add(self.make(start, pos, "date", year=year, month=month, day=day, words=words, role=role))
        return "date", ADDED, pos
