"""What the number comparison needs beyond the values: the words around a figure.

Some source figures are rendered only by an English figure in the right setting:

* 二十大 (the 20th Party Congress) needs an ordinal followed by "Congress": '20th National
  Congress' renders it, 'the 20th seminar' and '20 major principles' do not;
* 上周六 (last Saturday) needs 'last Saturday', or 'Saturday' with a date: a bare 'Saturday' in
  a story reads as this week's or the coming one;
* 去年11月18日 (18 November last year) needs the year or 'last year' near the date;
* a day-only date (10日) takes the month of the story's dateline when its day is not later
  than the dateline's (then '10 August' in a February story is wrong);
* a growth rate marked 环比 (month on month) is not one the English calls 'year-on-year', and
  同比 (year on year) not 'month-on-month'.

`prepare` gives the source mentions these roles, `in_context` tells whether an English mention
renders a source mention in its setting, `context_issues` reports the source mentions the English
renders out of their setting, and `conversion` recognises an English figure in brackets that
converts the figure before it ('70 billion jin (35 million tonnes)'), which is no addition.
Every look at the text is a bounded window around a mention.
"""
from __future__ import annotations

import re
from dataclasses import replace

from qa.bilingual.agreement import agree
from qa.bilingual.quantities import NumberIssue, Quantity
from qa.bilingual.render_en import WEEKDAYS, render_ordinal, render_quantity
from qa.bilingual.story import StoryDate

_CONGRESS_AFTER = re.compile(r"\W*(?:[A-Za-z.'’]+\W+){0,3}?Congress\b")
_NEAR_DATE = re.compile(r"^\W{0,3}(?:\(|,)?\s*(?:\d{1,2}\s+)?"
                        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d{1,2}[/.]\d{1,2})")
_YEAR_CUE = re.compile(r"\b(?:last|previous|past|next|coming|following)\s+year\b"
                       r"|\ba\s+year\s+(?:earlier|before|ago)|\bthe\s+(?:year|previous\s+year)\s+before\b"
                       r"|\b(?:19|20)\d\d\b", re.I)
_PLACE_COMMA = re.compile(r"(?:^|[\n\s(])(?!On\b|By\b|In\b|As\b|Since\b|From\b|Until\b)[A-Z][A-Za-z.'’-]*"
                          r"(?:\s+[A-Z][A-Za-z.'’-]*)*\s*,\s*$")
_AFTER_DATE = re.compile(r"\s*(?:th|st|nd|rd)?\s*[,.]?\s*(?:\(|--|—|–\s|/)")
_OPEN_BRACKET = re.compile(r"\([^()]{0,40}$")
_CLOSE_BRACKET = re.compile(r"[^()]{0,6}\)")
_AGENCY = re.compile(r"Xinhua|China News|Chinanews|News Agency|News Service|Daily|Network|Online|"
                     r"Times|CCTV|CGTN|reporter|correspondent|Press|Agence|Reuters|AFP|AP\b", re.I)
_SENTENCE = re.compile(r"[.;!?](?=\s)")
_RELATIVE_YEAR = {"去年": "last-year", "前年": "last-year", "上年": "last-year", "明年": "next-year"}
_PERIOD_ZH = (("环比", "mom"), ("同比", "yoy"))
_CLAUSE_END = re.compile(r"[,;:]|\d|\.(?!\d)")
_CLAUSE_START = re.compile(r"[,;:]|\d")
_PERIOD_EN = re.compile(r"(year[- ](?:on|over)[- ]year|from a year (?:earlier|ago)|over the same period|yoy|"
                        r"annual)"
                        r"|(month[- ]on[- ]month|from a month (?:earlier|ago)|from the previous month|mom|"
                        r"sequential)", re.I)


def prepare(zh: list[Quantity], zh_text: str, story: StoryDate | None) -> list[Quantity]:
    """The source mentions with the roles their setting gives them (see the module docstring)."""
    out = []
    for z in zh:
        if z.role == "dateline" and zh_text[z.end:z.end + 2].lstrip()[:1] == "电":
            z = replace(z, role="wire-dateline")      # 新华社北京2月10日电: an agency's dateline
        if z.kind == "date" and z.month is None and z.year is None and z.day is not None and story \
                and z.day <= story.day:
            z = replace(z, month=story.month, inferred=True)
        elif z.kind == "date" and z.year is None and z.month is not None:
            before = zh_text[max(0, z.start - 2):z.start]
            if before in _RELATIVE_YEAR and z.role is None:
                z = replace(z, role=_RELATIVE_YEAR[before])
        out.append(z)
    return out


def in_context(z: Quantity, e: Quantity, en_text: str) -> bool:
    """`e`, which agrees with `z` in value, also stands where `z` needs it to."""
    if z.role == "wire-dateline":
        return _dateline(e, en_text)
    if z.role == "congress":
        return e.kind == "ordinal" and bool(_CONGRESS_AFTER.match(en_text, e.end, e.end + 60))
    if z.kind == "weekday" and z.role in ("last-week", "next-week"):
        return e.role == z.role or e.role is None and bool(_NEAR_DATE.match(en_text[e.end:e.end + 16]))
    if z.role in ("last-year", "next-year"):
        if e.kind != "date" or e.year is not None:
            return True
        window = _SENTENCE.split(en_text[max(0, e.start - 90):e.start])[-1] + en_text[e.start:e.end + 40]
        return bool(_YEAR_CUE.search(window))
    return True


def _dateline(e: Quantity, en_text: str) -> bool:
    """The English date stands in a dateline: a place and a comma before it ('HEFEI, March 18'),
    an agency or a dash after it ('(Xinhua) --'), or an agency or reporter near it ('Xinhua News
    Agency reported from Beijing'); a date opening a sentence of the story ('On the morning of
    March 18, ...') is the story's date, not its dateline."""
    before = en_text[max(0, e.start - 60):e.start]
    after = en_text[e.end:e.end + 60]
    return bool(_PLACE_COMMA.search(before) or _AFTER_DATE.match(after)
                or _AGENCY.search(before + " " + after)
                or _OPEN_BRACKET.search(before) and _CLOSE_BRACKET.match(after))


def context_issues(zh_left: list[Quantity], en: list[Quantity], en_left: list[Quantity],
                   en_text: str) -> list[NumberIssue]:
    """Issues for source mentions with a value match in the English but out of their setting;
    the mentions reported are removed from `zh_left` (and the English ones from `en_left`)."""
    issues = []
    for z in list(zh_left):
        found = _misplaced(z, en, en_text)
        if found is None:
            continue
        kind, e, message = found
        issues.append(NumberIssue(kind, z, e, message, None))
        zh_left.remove(z)
        if e in en_left:
            en_left.remove(e)
    return issues


def _misplaced(z: Quantity, en: list[Quantity], en_text: str) -> tuple[str, Quantity, str] | None:
    if z.role in ("congress", "series", "plenary") and z.value is not None:
        what = {"congress": "National Congress", "series": "commentary of its series",
                "plenary": "plenary session"}[z.role]
        right = f"the {render_ordinal(int(z.value))} {what}"
        for e in en:
            if e.kind == "ordinal" and e.value == z.value:
                return ("wrong-value", e, f"{z.text} is {right}; the English puts '{e.text}' on "
                        "another noun")
            if e.kind == "number" and e.value == z.value and e.role != "ordinal":
                return ("wrong-value", e, f"{z.text} is {right}; the English makes it a count "
                        f"('{e.text}')")
        return None
    if z.role == "named" and z.value is not None:
        digits = {int(z.value) // 10 % 10, int(z.value) % 10, int(z.value) % 100}
        for e in en:
            if e.value is not None and int(e.value) in digits or e.kind == "date" and e.month in digits:
                return ("wrong-value", e, f"{z.text} is the year {int(z.value)}; the English says "
                        f"'{e.text}'")
        return None
    if z.kind == "weekday" and z.role in ("last-week", "next-week") and z.weekday is not None:
        day = WEEKDAYS[z.weekday]
        word = "last" if z.role == "last-week" else "next"
        for e in en:
            if e.kind == "weekday" and e.weekday == z.weekday:
                return ("relative-date", e, f"{z.text} is {word} {day}; the English says '{e.text}', "
                        "which reads as this week's (give the date or say "
                        f"'{word} {day}')")
        return None
    if z.role in ("last-year", "next-year"):
        for e in en:
            if agree(z, e) and e.kind == "date":
                word = "last year" if z.role == "last-year" else "next year"
                return ("relative-date", e, f"{z.text} is {render_quantity(z)} {word}; the English "
                        f"says '{e.text}' with no year, which reads as this year's")
    return None


def period_issues(zh: list[Quantity], en: list[Quantity], zh_text: str, en_text: str,
                  pairs: list[tuple[Quantity, Quantity]]) -> list[NumberIssue]:
    """A rate given month on month (环比) that the English calls year-on-year, or the reverse:
    checked on the pairs of mentions that agree in value."""
    issues = []
    for z, e in pairs:
        if z.kind not in ("percent", "percentage-point"):
            continue
        before = zh_text[max(0, z.start - 8):z.start]
        said = next((p for word, p in _PERIOD_ZH if word in before[-6:]), None)
        if said is None:
            continue
        m = _PERIOD_EN.search(_CLAUSE_END.split(en_text[e.end:e.end + 40])[0])
        if m is None:       # the phrase before the figure, unless another figure stands between
            before = _CLAUSE_START.split(en_text[max(0, e.start - 40):e.start])[-1]
            found = list(_PERIOD_EN.finditer(before))
            m = found[-1] if found else None
        if m is None:
            continue
        english = "yoy" if m.group(1) else "mom"
        if english != said:
            right = "month on month" if said == "mom" else "year on year"
            issues.append(NumberIssue("wrong-value", z, e, f"{z.text} is {right} "
                                      f"({'环比' if said == 'mom' else '同比'}); the English says "
                                      f"'{m.group()}'", None))
    return issues


def conversion(e: Quantity, en: list[Quantity], en_text: str) -> bool:
    """`e` stands in brackets right after another figure: a conversion ('(35 million tonnes)')."""
    head = en_text[max(0, e.start - 3):e.start]
    if "(" not in head:
        return False
    opening = e.start - len(head) + head.rindex("(")
    return any(0 <= opening - q.end <= 12 and q is not e for q in en)
