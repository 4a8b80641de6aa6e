"""The date a Chinese release is written on, read from its dateline, for the dates it leaves short.

Chinese news gives the full date once, in the dateline ("新华社北京2月10日电", "本报香港12月8日电",
"中新网2月11日电"), and then writes later dates by the day alone ("10日下午", "8日") or relative to
it ("上周六", "昨天"). `story_date(text)` returns that dateline's year (when written), month and day,
or None when the release has no dateline near its top; a timestamp line ("2023-02-11 13:09:10")
near the top serves when there is no dateline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .cn_numerals import cn_number

# how far into the release a dateline may stand (headline, subtitle and credit lines come first)
HEAD = 600
_DATELINE = re.compile(
    r"(?:(?P<y>\d{4}|[〇零一二三四五六七八九]{4})年)?(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})日\s*(?:电|讯|消息)")
_STAMP = re.compile(r"(?<!\d)(?P<y>20\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_FULL = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True, slots=True)
class StoryDate:
    """The date of the release: month and day, and the year when the text gives it."""

    month: int
    day: int
    year: int | None = None


def _number(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    value = cn_number(text)
    return int(value) if value is not None and value == int(value) else None


def story_date(text: str) -> StoryDate | None:
    """The dateline date of Chinese `text`, or None (see the module docstring)."""
    head = text[:HEAD].translate(_FULL)
    for pattern in (_DATELINE, _STAMP):
        match = pattern.search(head)
        if match is None:
            continue
        month, day, year = _number(match.group("m")), _number(match.group("d")), _number(match.group("y"))
        if month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31:
            return StoryDate(month, day, year if year and 1900 <= year <= 2200 else None)
    return None
