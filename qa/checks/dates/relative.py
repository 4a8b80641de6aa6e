"""Relative dates ("yesterday morning", "last Friday", "this week") and whether a release carries
an absolute date ("SHENZHEN, March 4, 2024 --", "on 4 March", "2024-03-04") that anchors them.

A release is read days or weeks after it is written, on sites that show no date of their own; a
day named relative to the writing is then a wrong day. Only day- and week-level expressions are
taken ("this year" is usually still true), "today" only where it dates an event ("opened
today", "earlier today"), not where it means "nowadays" ("today's consumers"), and "yesterday"
and "tomorrow" not where they are figures of speech ("the factory of tomorrow", "tomorrow's
engineers").
"""
from __future__ import annotations

import re

from ..._speed.regex import re_compile
from ...text.patterns import MONTH, WEEKDAY

# An absolute day: "March 4", "4 March", "Sept. 8, 2023", "2024-03-04", "2024/3/4", "2024年3月4日".
_ABSOLUTE = (rf"\b{MONTH}\s?\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:percent|per cent|%))"
             rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}"
             r"|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\d{4}年\d{1,2}月\d{1,2}日")

_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_EVENT_VERBS = (r"(?:announced|said|signed|opened|launched|released|unveiled|held|reported|introduced|"
                r"issued|published|began|started|kicked off|closed|ended|inaugurated|hosted|"
                r"convened|officially opened|was held|were held|was launched|was opened|"
                r"was signed|was released)")
_RELATIVE = (
    r"\b(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))\b"
    rf"|(?<!\bof\s)\b(?:yesterday|tomorrow){_PART}\b(?![’']s)"
    r"|\b(?:this\s+(?:morning|afternoon|evening)|tonight|last\s+night)\b"
    rf"|\b(?:last|this|next|this\s+coming|this\s+past)\s+{WEEKDAY}\b"
    r"|\b(?:last|this|next)\s+(?:week|weekend)\b"
    r"|\b(?:earlier|later)\s+today\b"
    rf"|\b{_EVENT_VERBS}\s+(?P<after>today)\b|\btoday(?=\s+{_EVENT_VERBS}\b)"
)


def has_absolute_date(text: str) -> bool:
    """True when the text names a day by its date anywhere (a dateline, "on March 4")."""
    return re_compile(_ABSOLUTE).search(text) is not None


def relative_dates(text: str) -> list[tuple[int, int]]:
    """Spans of the day- and week-level relative dates in `text`."""
    return [m.span("after") if m.group("after") else m.span()
            for m in re_compile(_RELATIVE, re.IGNORECASE).finditer(text)]
