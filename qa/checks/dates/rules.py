"""Date rules (DT01, DT02): relative dates, and days of the week alone, in a release that
never gives its own date.

The scanning lives beside this file in relative.py.
"""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.base import Example, Rule, RuleDoc, RuleMeta, collect_rules
from ...rules.context import RuleOptions
from .relative import has_absolute_date, relative_dates, weekday_dates


def _undated(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` when the release names no day by its date anywhere, else none. Whether it does
    is looked up once per document, for DT01 and DT02 alike."""
    if not spans or doc.memo("dates:has-absolute", lambda d: has_absolute_date(d.text)):
        return []
    return spans


def check_relative_date(doc: Document, opts: RuleOptions):
    text = doc.text
    for start, end in _undated(doc, relative_dates(text)):
        said = text[start:end]
        yield Hit(start, end,
                  f"'{said}' counts from the day the release was written, but the release gives no "
                  "date (no dateline, no 'March 4'): it is read days later, so write the date "
                  "('On March 4, ...') or add a dated dateline", None)


RELATIVE_DATE = Rule(RuleMeta(
    code="DT01", name="relative-date", category="style", severity="warning",
    summary="'yesterday', 'last Friday', 'this week' in a release that gives no date",
    doc=RuleDoc(
        what=("Days and weeks named relative to the writing ('yesterday morning', 'the day "
              "before yesterday', 'this morning', 'last Friday', 'next Monday', 'this week', "
              "'tomorrow', 'opened today') in a release that names no day anywhere: no dated "
              "dateline ('SHENZHEN, March 4, 2024 --'), no 'on March 4', no '2024-03-04'. "
              "Year-level words ('this year', 'last year') and 'today' meaning 'nowadays' are "
              "left alone."),
        why=("A release is read, republished and archived days after it was written, by readers "
             "who cannot tell which day 'yesterday' was; Chinese MT renders 昨天 and 上周五 "
             "literally, and the copy loses the date the original page showed."),
        instead=("Write the date ('On March 4, the ...'), or give the release a dated dateline "
                 "('CHANGSHA, March 5, 2024 --'), after which 'on Monday' style references are "
                 "clear."),
        examples=(Example("Yesterday afternoon, the province held a farming conference.\n",
                          ("Yesterday afternoon",),
                          "CHANGSHA, March 5, 2024 -- Yesterday afternoon, the province held a "
                          "farming conference.\n"),),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 18 findings in the two documents that give "
                   "no date ('last night', 'yesterday evening', 'Reuters reported today'), every one "
                   "a day named relative to an unstated day (raters mark meaning, not this, so the "
                   "scorer's 44% and lift 1.13 say nothing; style is not a rated category). "
                   "bench/releases/dev: 5 of 5 marked relative dates found, 0 false alarms; "
                   "releases written for the rule: 4 findings, 0 false alarms ('today's buyers', "
                   "'the market of tomorrow', 'this year', dated releases pass); clean releases: "
                   "0 findings."))),
    check_relative_date)

def check_weekday_alone(doc: Document, opts: RuleOptions):
    text = doc.text
    for start, end in _undated(doc, weekday_dates(text)):
        said = text[start:end]
        yield Hit(start, end,
                  f"'{said}' names a day of the week, but the release gives no date (no dateline, "
                  "no 'March 4'): a reader cannot tell which week; write the date ('on March 4') "
                  "or add a dated dateline", None)


WEEKDAY_ALONE = Rule(RuleMeta(
    code="DT02", name="weekday-without-date", category="style", severity="info",
    summary="'on Thursday' in a release that gives no date",
    doc=RuleDoc(
        what=("A day of the week standing for a date ('On Thursday, the company signed ...') in a "
              "release that names no day anywhere: no dated dateline, no 'on March 4', no "
              "'2024-03-04'. Ranges and habits ('Monday to Friday', 'on Mondays') are left "
              "alone, and so is every weekday once the release gives a date."),
        why=("Chinese releases date events by the weekday (周四) under a dated page; the English "
             "copy that loses the page's date leaves 'on Thursday' pointing at no week in "
             "particular. It is informational: news style uses the weekday beside a dateline, "
             "and a release may be dated by where it is published."),
        instead=("Write the date ('On March 4, the ...'), or give the release a dated dateline "
                 "('CHANGSHA, March 5, 2024 --'), after which 'on Thursday' is clear."),
        examples=(Example("On Thursday, the company delivered 20 buses to Santiago.\n",
                          ("On Thursday",),
                          "ZHENGZHOU, March 5, 2026 -- On Thursday, the company delivered 20 "
                          "buses to Santiago.\n"),),
        precision=("WMT23 zh-en dev (bench/accuracy.py): 29 findings in 3 undated news documents "
                   "(each in the output of several systems), every one a weekday with no week; "
                   "raters mark meaning, not this, so the scorer's 24% says nothing (style is not "
                   "a rated category), and news copy stripped of its dateline reads this way, "
                   "hence info. Release sets (bench/releases, all five English "
                   "sets and the pairs): 2 weekdays in undated releases, both marked defects, both "
                   "found; 0 findings on the clean releases."))),
    check_weekday_alone)

RULES = collect_rules(globals())
