"""Relative dates ("yesterday morning", "last Friday", "this week"), days of the week alone ("on
Thursday"), and whether a release carries an absolute date ("SHENZHEN, March 4, 2024 --", "on
4 March", "2024-03-04") that anchors them.

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


# Every match of _RELATIVE contains one of these words (in any case). The pattern is run only in
# windows around them: whole white-space-delimited words, _CONTEXT words either side of the word
# that holds the keyword (a match reaches three words back, 'the day before yesterday', and a
# lookahead two words on, 'today was held'). Windows end where a word ends, and the search
# starts at a window's start inside the whole text, so lookbehinds, lookaheads and \b see what
# they see on the whole text; overlapping windows are merged, so the matches are the same.
_KEYWORDS = ("yesterday", "tomorrow", "today", "night", "morning", "afternoon", "evening",
             "week", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_CONTEXT = 4
_SPARSE = 30                # windows only when there is at most one keyword per 30 characters
# Letters IGNORECASE matches with an ASCII letter that str.lower() does not turn into it
# ('İ' also lower-cases to two characters): with any of them the whole text is searched.
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")
_FORWARD = r"\S*(?:\s+\S+){0,%d}" % _CONTEXT      # the rest of a word and the next words


def _windows(text: str) -> list[tuple[int, int]]:
    """Merged (start, end) ranges of `text` outside which _RELATIVE cannot match."""
    if any(c in text for c in _ODD_CASE):
        return [(0, len(text))]
    low = text.lower()
    hits = []
    for word in _KEYWORDS:
        i = low.find(word)
        while i >= 0:
            hits.append(i)
            i = low.find(word, i + len(word))
    if not hits:
        return []
    if len(hits) * _SPARSE > len(text):     # keywords everywhere: windows would cost more
        return [(0, len(text))]
    hits.sort()
    forward = re_compile(_FORWARD)
    backward = low[::-1]
    n = len(text)
    windows: list[tuple[int, int]] = []
    word_end = -1               # end of the word that holds the last hit looked at
    for h in hits:
        if h < word_end:        # same word as the last hit: same window
            continue
        word_end = re_compile(r"\S*").match(text, h).end()
        end = forward.match(text, h).end()
        start = n - forward.match(backward, n - h).end()
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


# 'on Thursday': a single day, not a range or a habit ('Monday to Friday', 'on Mondays').
_ON_WEEKDAY = (rf"\b[Oo]n\s+{WEEKDAY}\b(?![’']s)"
               rf"(?!\s*(?:to|through|till|until|and|or|-|–|—)\s*{WEEKDAY})")


def weekday_dates(text: str) -> list[tuple[int, int]]:
    """Spans of 'on Thursday' naming one day of the week (DT02); linear, as every match
    starts with 'on'."""
    if "day" not in text:
        return []
    return [m.span() for m in re_compile(_ON_WEEKDAY).finditer(text)]


def relative_dates(text: str) -> list[tuple[int, int]]:
    """Spans of the day- and week-level relative dates in `text`."""
    pattern = re_compile(_RELATIVE, re.IGNORECASE)
    return [m.span("after") if m.group("after") else m.span()
            for start, end in _windows(text) for m in pattern.finditer(text, start, end)]
