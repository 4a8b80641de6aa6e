"""Compare the numbers of one aligned pair of segments: a Chinese source and its English.

`compare_numbers(zh_text, en_text)` extracts the mentions of both sides and reports where they
disagree; `compare_quantities` does the same from mentions already extracted.  A source mention
counts as rendered when some English mention agrees with it (same value within the rounding the
English shows, compatible kind and unit), so one English figure may answer two source mentions of
the same value.  What is left over is paired up, most certain first:

* wrong-magnitude: the same significant digits at another power of ten (12.5万 as "12.5 million",
  3842亿 as "3842 billion"), or a vague band that misses the value (千亿 as "hundreds of billions");
* wrong-value: one left-over source mention and one English mention of the same kind and unit
  (a date, an amount in one currency, a percentage; points against percent);
* omitted / added: salient mentions with no counterpart (dates and datelines, years, amounts,
  percentages, figures in digits);
* ambiguous-multiple: 增长19倍 rendered "19 times", which English readers take either way.

Each issue names the source value and a correct English rendering; a suggestion is given only
when it is certain.  Precision comes first: mentions that English legitimately drops or
restructures (small numbers in words, idioms, relative dates resolved) are never reported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from qa.bilingual.agreement import FIXED_ORDINALS, agree, band_misses, same_digits_other_power
from qa.bilingual.compare_context import context_issues, conversion, in_context, period_issues, prepare
from qa.bilingual.numbers_en import en_quantities
from qa.bilingual.numbers_zh import zh_quantities
from qa.bilingual.quantities import CURRENCIES, NumberIssue, Quantity
from qa.bilingual.render_en import render_in_place, render_number, render_quantity
from qa.bilingual.story import StoryDate

ISSUE_KINDS = (
    "wrong-value",
    "wrong-magnitude",
    "omitted",
    "added",
    "ambiguous-multiple",
    "approximation",
    "relative-date",
)
_QUALIFIER = re.compile(
    r"\b(more than|over|above|about|around|nearly|almost|approximately|roughly|some|up to|at least|"
    r"less than|fewer than|under|close to)\s+\S{0,4}$",
    re.I,
)
_SAME_DAY = re.compile(r"\b(?:same|that|the) day\b|\bon the day\b", re.I)
_RELATIVE_EN = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b", re.I
)
MAX_MENTIONS = 200
_ABOVE = ("over", "at-least")
_BELOW = ("nearly", "under", "up-to")

_RELATIVE_DAYS = tuple(
    """
    当天 当日 今天 今日 昨天 昨日 明天 日前 近日 同日 次日 前一天 本周 上周 下周 周末 当晚 今晨
    此前 目前 今年 去年 明年 本年 当年 同年 前年 上半年 下半年 年初 年底 年末 月初 月底 月末
    """.split()
)
_RELATIVE_YEARS = tuple(
    """
    今年 去年 明年 本年 当年 同年 前年 上年 本届 年初 年底 年末 上半年 下半年 全年 年度
    """.split()
)


def _zh_salient(z: Quantity, zh_text: str) -> bool:
    if z.role == "plan":
        return False
    if z.role in FIXED_ORDINALS:
        return True
    kind = z.kind
    if kind in ("date", "year", "amount", "percent", "percentage-point", "decade"):
        return True
    if kind == "multiple":
        return not z.words
    if kind in ("vague", "fraction", "weekday"):
        return False
    if kind == "list-number":
        return True
    big = max(z.values(), default=Decimal(0))
    if z.words:
        return big >= 100 or z.scale is not None
    return big >= 10 or kind in ("ordinal", "duration") or z.scale is not None


def _en_salient(e: Quantity) -> bool:
    if e.kind in ("amount", "percent", "percentage-point", "year"):
        return True
    if e.kind == "date":
        return e.month is not None and (e.day is not None or e.year is not None)
    if e.kind in ("number", "range") and not e.words:
        return max(e.values(), default=Decimal(0)) >= 10
    return False


def _present_by_value(z: Quantity, en: list[Quantity]) -> bool:
    """A looser test for omissions: the source figure appears in the English in any kind."""
    if z.is_calendar or z.kind in ("percent", "percentage-point", "amount"):
        return False
    values = set(z.values())
    return any(
        values.intersection(e.values())
        for e in en
        if (not e.is_calendar or e.kind == "year") and e.kind not in ("percent", "percentage-point")
    )


def _message(z: Quantity, e: Quantity, en_text: str, percent_sign: bool) -> tuple[str, str | None]:
    """The message for a source mention the English renders wrong, and the replacement of the
    English mention when one is certain (capitalised where the English mention is)."""
    said = _with_qualifier(e, en_text)
    right = render_quantity(z, percent_sign)
    shown = (z.qualifier or "") + z.text if z.qualifier and not z.text.startswith(z.qualifier) else z.text
    if right is None:
        return f"{shown} is not what the English says ({said})", None
    replacement = render_in_place(z, e, percent_sign)
    opening = en_text[: e.start].rstrip()
    if replacement and replacement[:1].islower() and (not opening or opening[-1] in ".!?\"“\n"):
        replacement = replacement[:1].upper() + replacement[1:]
    return f"{shown} is {right}; the English says {said}", replacement


def compare_quantities(
    zh: list[Quantity],
    en: list[Quantity],
    zh_text: str = "",
    en_text: str = "",
    story: StoryDate | None = None,
) -> list[NumberIssue]:
    """Issues between mentions already extracted from a Chinese segment and its English.

    Segments are a sentence or a paragraph; past MAX_MENTIONS mentions on a side (no aligned
    segment has that many) nothing is said, which keeps the pairwise matching bounded.
    """
    if len(zh) > MAX_MENTIONS or len(en) > MAX_MENTIONS:
        return []
    percent_sign = "%" in en_text
    issues: list[NumberIssue] = []
    zh_size, en_size = max(len(zh_text), 1), max(len(en_text), 1)
    zh = prepare(zh, zh_text, story)

    def rendered(z: Quantity, e: Quantity) -> bool:
        if not agree(z, e) or not in_context(z, e, en_text):
            return False
        # a dateline leads its story: a matching date far later in the English renders another mention
        if z.role not in ("dateline", "wire-dateline") or not en_text:
            return True
        return e.start / en_size <= z.start / zh_size + 0.3

    zh_left = [z for z in zh if not any(rendered(z, e) for e in en)]
    en_left = [e for e in en if not any(agree(z, e) for z in zh)]
    zh_left += _dates_left_over(zh, en, zh_left, rendered, zh_text, en_text)
    zh_left.sort(key=lambda q: q.start)
    issues += context_issues(zh_left, en, en_left, en_text)
    issues += period_issues(zh, en, zh_text, en_text, [(z, e) for z in zh for e in en if rendered(z, e)])
    for z in zh:
        for e in en:
            if (
                z.approx
                and e.approx
                and z.value is not None
                and z.value == e.value
                and agree(z, e)
                and (
                    z.approx in _ABOVE
                    and e.approx in _BELOW
                    or z.approx in _BELOW
                    and e.approx in _ABOVE
                    or z.approx == "over"
                    and e.approx == "about"
                    and z.text.rstrip("元万亿人次个家名").endswith(("多", "余"))
                )
            ):
                wide = _with_qualifier_span(e, en_text)
                message, right = _message(z, wide, en_text, percent_sign)
                issues.append(NumberIssue("approximation", z, wide, message, right))
    for z in zh:
        if z.kind == "multiple" and z.role == "increase" and z.value is not None and z.value > 1:
            for e in en:
                if e.kind == "multiple" and e.value == z.value and e.role != "increase":
                    percent = render_number(z.value * 100)
                    issues.append(
                        NumberIssue(
                            "ambiguous-multiple",
                            z,
                            e,
                            f"{z.text} is an increase of {percent}% "
                            f"({render_number(z.value + 1)} times the base); "
                            f"'{e.text}' can be read either way",
                            f"by {percent}%",
                        )
                    )
    for z in list(zh_left):
        pair = next((e for e in en_left if same_digits_other_power(z, e) or band_misses(z, e)), None)
        if pair is not None:
            message, right = _message(z, pair, en_text, percent_sign)
            issues.append(NumberIssue("wrong-magnitude", z, pair, message, right))
            zh_left.remove(z)
            en_left.remove(pair)
    for z in list(zh_left):
        pair = next((e for e in en_left if _other_currency(z, e)), None)
        if pair is not None:
            message, right = _message(z, pair, en_text, percent_sign)
            issues.append(NumberIssue("wrong-value", z, pair, message + " (another currency)", right))
            zh_left.remove(z)
            en_left.remove(pair)
    for z in list(zh_left):
        if z.kind != "date" or z.day is None or z.month is not None:
            continue
        pair = next(
            (e for e in en_left if e.kind == "date" and e.month == e.day == z.day and e.year is None), None
        )
        if pair is None:
            pair = next((e for e in en if e.kind == "number" and not e.words and e.value == z.day), None)
        if pair is not None:
            message, right = _message(z, pair, en_text, percent_sign)
            issues.append(NumberIssue("wrong-value", z, pair, message, right))
            zh_left.remove(z)
            if pair in en_left:
                en_left.remove(pair)
    issues += _ordinals_and_shares(zh_left, en_left, percent_sign, en_text)
    for family in (("amount",), ("percent", "percentage-point"), ("date",), ("multiple",)):
        zs = [z for z in zh_left if _family(z) in family and _zh_salient(z, zh_text)]
        es = [e for e in en_left if _family(e) in family and _en_salient(e)]
        if len(zs) == 1 and len(es) == 1 and _comparable(zs[0], es[0]):
            message, right = _message(zs[0], es[0], en_text, percent_sign)
            issues.append(NumberIssue("wrong-value", zs[0], es[0], message, right))
            zh_left.remove(zs[0])
            en_left.remove(es[0])
    relative_day = any(word in zh_text for word in _RELATIVE_DAYS)
    relative_year = any(word in zh_text for word in _RELATIVE_YEARS)
    weekdays = {e.weekday for e in en if e.kind == "weekday"}
    day_words = bool(weekdays) or bool(_SAME_DAY.search(en_text)) or bool(_RELATIVE_EN.search(en_text))
    for z in zh_left:
        if not _zh_salient(z, zh_text) or _present_by_value(z, en):
            continue
        if z.kind == "date" and (z.month is None or z.inferred) and day_words:
            continue            # 12日 as 'on Tuesday' or 'today': the day may be right, no one can tell
        if z.kind == "date" and _beside_weekday(z, zh, weekdays, zh_text):
            continue            # 上周六（3月9日） as 'on Saturday': the weekday's finding says it
        right = render_quantity(z, percent_sign)
        shown = f" ({right})" if right and right != z.text else ""
        what = (
            "dateline"
            if z.role in ("dateline", "wire-dateline")
            else "code"
            if z.kind == "label"
            else z.kind.replace("-", " ")
        )
        issues.append(
            NumberIssue("omitted", z, None, f"the {what} {z.text}{shown} is missing from the English", right)
        )
    for e in en_left:
        if not _en_salient(e) or conversion(e, en, en_text):
            continue
        if e.kind == "year" and relative_year or e.kind == "date" and relative_day:
            continue
        if any(e.value is not None and e.value in z.values() for z in zh):
            continue
        if any(spelled_in(zh_text, v) for v in e.values()):
            continue
        issues.append(NumberIssue("added", None, e, f"'{e.text}' is not in the Chinese source", None))
    issues.sort(key=lambda i: (i.zh.start if i.zh else 1 << 60, i.en.start if i.en else 1 << 60))
    return issues


def _beside_weekday(z: Quantity, zh: list[Quantity], weekdays: set, zh_text: str) -> bool:
    """The date stands in brackets right after a weekday of another week (上周六) that the English
    gives without its week: the finding on the weekday says what is missing."""
    return any(
        q.kind == "weekday" and q.role in ("last-week", "next-week") and q.weekday in weekdays
        and 0 <= z.start - q.end <= 1
        and zh_text[q.end : z.start] in ("", "（", "(")
        for q in zh
    )


def _with_qualifier_span(e: Quantity, en_text: str) -> Quantity:
    """The English mention widened to the qualifier before it ('almost 8,000 yuan')."""
    m = _QUALIFIER.search(en_text, max(0, e.start - 24), e.start)
    if m is None:
        return e
    return replace(e, start=m.start(1), text=en_text[m.start(1) : e.end])


def _with_qualifier(e: Quantity, en_text: str) -> str:
    """The English mention with the qualifier written before it ('about 8,000 yuan')."""
    m = _QUALIFIER.search(en_text, max(0, e.start - 24), e.start)
    return f"{m.group(1)} {e.text}" if m else e.text


def _dates_left_over(zh, en, zh_left, rendered, zh_text: str, en_text: str) -> list[Quantity]:
    """Source dates that the English renders only with a date already taken by another one
    (the date given twice in the source, once in the English), unless the English refers back
    to a day in words ('the same day', a weekday). Pairs are taken closest in relative position
    first, so the mention left over is the one whose place in the English is empty."""
    if _SAME_DAY.search(en_text) or any(e.kind == "weekday" for e in en):
        return []
    dates = [z for z in zh if z.kind == "date" and z not in zh_left]
    zh_size, en_size = max(len(zh_text), 1), max(len(en_text), 1)
    pairs = sorted(
        (abs(z.start / zh_size - e.start / en_size), a, b)
        for a, z in enumerate(dates)
        for b, e in enumerate(en)
        if rendered(z, e)
    )
    taken_z: set[int] = set()
    taken_e: set[int] = set()
    for _, a, b in pairs:
        if a not in taken_z and b not in taken_e:
            taken_z.add(a)
            taken_e.add(b)
    return [z for a, z in enumerate(dates) if a not in taken_z]


def _ordinals_and_shares(
    zh_left: list[Quantity], en_left: list[Quantity], percent_sign: bool, en_text: str
) -> list[NumberIssue]:
    """One ordinal left on each side (第134届 as '133rd'), and a rise by a share rendered as a
    share of the base (增加近半 as 'half as many as')."""
    issues = []
    pairs = (
        ([z for z in zh_left if z.kind == "ordinal" and z.role is None and (z.value or 0) >= 2],
         [e for e in en_left if e.kind == "ordinal" and (e.value or 0) >= 2]),
        ([z for z in zh_left if z.kind == "fraction" and z.role == "increase"],
         [e for e in en_left if e.kind == "fraction" and e.role == "ratio"]),
    )
    for zs, es in pairs:
        if len(zs) == 1 and len(es) == 1:
            z, e = zs[0], es[0]
            if z.kind == "fraction":
                share = "nearly half" if z.approx == "nearly" else "half"
                message = f"{z.text} is a rise by {share}; the English says '{e.text}', a share of the base"
                right = None
            else:
                message, right = _message(z, e, en_text, percent_sign)
            issues.append(NumberIssue("wrong-value", z, e, message, right))
            zh_left.remove(z)
            en_left.remove(e)
    return issues


def _family(q: Quantity) -> str:
    return (q.role or "number") if q.kind == "range" else q.kind


def _other_currency(z: Quantity, e: Quantity) -> bool:
    if _family(z) not in ("amount", "vague") or _family(e) not in ("amount", "vague"):
        return False
    if not z.unit or not e.unit or z.unit == e.unit or z.unit not in CURRENCIES or e.unit not in CURRENCIES:
        return False
    return agree(z, replace(e, unit=z.unit))


def spelled_in(zh_text: str, value: Decimal) -> bool:
    """1992 and 92 are in 九二共识: a figure the Chinese writes digit by digit."""
    if value != value.to_integral_value() or not 10 <= value < 10000:
        return False
    digits = str(int(value))
    forms = {digits, digits[-2:]} if len(digits) == 4 else {digits}
    return any("".join("〇一二三四五六七八九"[int(d)] for d in form) in zh_text for form in forms)


def _comparable(z: Quantity, e: Quantity) -> bool:
    if z.kind == "date":
        return z.month is not None and z.day is not None and e.month is not None and e.day is not None
    if _family(z) == "amount":
        return z.unit == e.unit and bool(z.values()) and bool(e.values())
    return bool(z.values()) and bool(e.values())


def compare_numbers(zh_text: str, en_text: str) -> list[NumberIssue]:
    """Issues between the numbers of Chinese `zh_text` and its English rendering `en_text`."""
    return compare_quantities(zh_quantities(zh_text), en_quantities(en_text), zh_text, en_text)
