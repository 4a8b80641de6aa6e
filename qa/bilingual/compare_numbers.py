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

from dataclasses import dataclass, replace
from decimal import Decimal

from qa.bilingual.numbers_en import en_quantities
from qa.bilingual.numbers_zh import zh_quantities
from qa.bilingual.quantities import CURRENCIES, Quantity, significant_digits
from qa.bilingual.render_en import render_number, render_quantity

ISSUE_KINDS = ("wrong-value", "wrong-magnitude", "omitted", "added", "ambiguous-multiple", "approximation")
MAX_MENTIONS = 200
_ABOVE = ("over", "at-least")
_BELOW = ("nearly", "under", "up-to")

_RELATIVE_DAYS = (
    "当天",
    "当日",
    "今天",
    "今日",
    "昨天",
    "昨日",
    "明天",
    "日前",
    "近日",
    "同日",
    "次日",
    "前一天",
    "本周",
    "上周",
    "下周",
    "周末",
    "当晚",
    "今晨",
    "此前",
    "目前",
    "今年",
    "去年",
    "明年",
    "本年",
    "当年",
    "同年",
    "前年",
    "上半年",
    "下半年",
    "年初",
    "年底",
    "年末",
    "月初",
    "月底",
    "月末",
)
_RELATIVE_YEARS = (
    "今年",
    "去年",
    "明年",
    "本年",
    "当年",
    "同年",
    "前年",
    "上年",
    "本届",
    "年初",
    "年底",
    "年末",
    "上半年",
    "下半年",
    "全年",
    "年度",
)


@dataclass(frozen=True, slots=True)
class NumberIssue:
    """One disagreement between the numbers of a Chinese segment and its English."""

    kind: str
    zh: Quantity | None
    en: Quantity | None
    message: str
    suggestion: str | None = None

    @property
    def zh_span(self) -> tuple[int, int] | None:
        return (self.zh.start, self.zh.end) if self.zh is not None else None

    @property
    def en_span(self) -> tuple[int, int] | None:
        return (self.en.start, self.en.end) if self.en is not None else None


def _quantum(q: Quantity) -> Decimal:
    """Half the step of the last digit `q` shows, in the units of its value."""
    shown = q.figure if q.figure is not None else q.value if q.value is not None else q.low
    if shown is None:
        return Decimal(0)
    exponent = shown.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return Decimal(10) ** -places * (q.scale or 1) / 2


def _close(a: Decimal, za: Quantity, b: Decimal, eb: Quantity, loose: bool = True) -> bool:
    if a == b:
        return True
    slack = max(_quantum(za), _quantum(eb)) * Decimal("1.0001")
    if abs(a - b) <= slack:
        return True
    if loose and (za.approx or eb.approx) and max(abs(a), abs(b)) > 0:
        return abs(a - b) / max(abs(a), abs(b)) <= Decimal("0.1")
    return False


def _in_band(value: Decimal, band: Quantity) -> bool:
    low, high = band.low, band.high
    return low is not None and high is not None and low <= value < high


def _calendar_agree(z: Quantity, e: Quantity) -> bool:
    if z.kind == "date":
        if e.kind == "date":
            shared = [
                (getattr(z, f), getattr(e, f))
                for f in ("year", "month", "day")
                if getattr(z, f) is not None and getattr(e, f) is not None
            ]
            if z.month is None and z.year is None and e.month is not None and e.month == e.day:
                return False  # 7日 read as 7月7日: the English month is the day number again
            return bool(shared) and all(a == b for a, b in shared)
        if e.kind == "ordinal" and z.month is None and z.day is not None and e.value is not None:
            return e.value == z.day
        if e.kind == "year" and z.month is None and z.day is None:
            return z.year == e.year
        return False
    if z.kind == "weekday":
        return e.kind == "weekday" and e.weekday == z.weekday
    if z.kind == "year" and e.kind == "range":
        return z.value is not None and z.value in e.values()
    if z.kind in ("year", "decade") and e.value is not None:
        if e.kind == "date":
            return e.year is not None and e.year == z.year
        if z.kind == "decade" or e.kind == "decade":
            return e.kind in ("decade", "year") and int(z.value or 0) % 100 == int(e.value) % 100
        return e.value == z.value
    return False


def agree(z: Quantity, e: Quantity) -> bool:
    """True when English mention `e` renders Chinese mention `z` (values within rounding)."""
    if z.kind == "label" or e.kind == "label":
        return z.value is not None and z.value in e.values() or e.value is not None and e.value in z.values()
    if z.is_calendar or e.kind in ("date", "weekday"):
        return (
            _calendar_agree(z, e)
            if z.is_calendar
            else (
                e.kind == "date"
                and z.kind in ("ordinal", "number")
                and z.value is not None
                and e.day == z.value
            )
        )
    if z.kind == "vague" or e.kind == "vague":
        if z.kind == "vague" and e.kind == "vague":
            return z.low is not None and e.low is not None and z.low < (e.high or 0) and e.low < (z.high or 0)
        band, other = (z, e) if z.kind == "vague" else (e, z)
        return any(_in_band(v, band) for v in other.values())
    if z.unit and e.unit and z.unit != e.unit and not (z.kind == "duration" or e.kind == "duration"):
        return False
    zk, ek = z.kind, e.kind
    if zk == "percentage-point" or ek == "percentage-point":
        if zk != ek:
            return False
    if "fraction" in (zk, ek) or {zk, ek} == {"percent", "multiple"}:
        return _ratio_agree(z, e)
    if zk == "percent" and ek != "percent" and not (ek == "range" and e.unit == "%"):
        return False
    if zk == "multiple" and ek != "multiple":
        return False
    if zk == "multiple" and z.role == "increase" and e.role == "increase" and z.value is not None:
        return e.value in (z.value, z.value + 1)
    if zk == "range" or ek == "range":
        if zk == "range" and ek == "range":
            return bool(
                z.low is not None
                and e.low is not None
                and z.high is not None
                and e.high is not None
                and _close(z.low, z, e.low, e)
                and _close(z.high, z, e.high, e)
            )
        rng, one = (z, e) if zk == "range" else (e, z)
        return one.value is not None and any(
            _close(v, rng, one.value, one, loose=False) for v in rng.values()
        )
    if z.value is None or e.value is None:
        return False
    return _close(z.value, z, e.value, e)


def _as_ratio(q: Quantity) -> Decimal | None:
    if q.value is None:
        return None
    if q.kind == "fraction":
        return q.value
    if q.kind == "percent":
        return q.value / 100
    return None


def _ratio_agree(z: Quantity, e: Quantity) -> bool:
    if {z.kind, e.kind} == {"percent", "multiple"}:
        multiple, percent = (z, e) if z.kind == "multiple" else (e, z)
        return (
            multiple.value is not None
            and percent.value is not None
            and multiple.role == "increase"
            and percent.value == multiple.value * 100
        )
    a, b = _as_ratio(z), _as_ratio(e)
    if a is None or b is None:
        return False
    slack = Decimal("0.06") if (z.approx or e.approx) else Decimal("0.005")
    return abs(a - b) <= slack


def _same_digits_other_power(z: Quantity, e: Quantity) -> bool:
    if z.value is None or e.value is None or z.value == e.value or z.value <= 0 or e.value <= 0:
        return False
    if z.kind not in ("number", "amount") or e.kind not in ("number", "amount"):
        return False
    if z.unit and e.unit and z.unit != e.unit:
        return False
    if z.scale is None and e.scale is None:
        return False
    if significant_digits(z.value) != significant_digits(e.value):
        return False
    ratio = max(z.value, e.value) / min(z.value, e.value)
    return ratio in (Decimal(10) ** k for k in range(1, 7)) and max(z.value, e.value) >= 1000


def _band_misses(z: Quantity, e: Quantity) -> bool:
    if e.kind != "vague" or z.value is None or z.kind not in ("number", "amount") or z.approx:
        return False
    if z.unit and e.unit and z.unit != e.unit or e.low is None or e.high is None or e.low < 1000:
        return False
    return not _in_band(z.value, e) and e.low / 10 <= z.value < e.high * 10


def _zh_salient(z: Quantity, zh_text: str) -> bool:
    if z.role == "plan":
        return False
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
    return any(values.intersection(e.values()) for e in en if not e.is_calendar or e.kind == "year")


def _message(z: Quantity, said: str, percent_sign: bool) -> tuple[str, str | None]:
    right = render_quantity(z, percent_sign)
    if right is None:
        return f"{z.text} is not what the English says ({said})", None
    return f"{z.text} is {right}; the English says {said}", right


def compare_quantities(
    zh: list[Quantity], en: list[Quantity], zh_text: str = "", en_text: str = ""
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

    def rendered(z: Quantity, e: Quantity) -> bool:
        if not agree(z, e):
            return False
        # a dateline leads its story: a matching date far later in the English renders another mention
        return z.role != "dateline" or not en_text or e.start / en_size <= z.start / zh_size + 0.3

    zh_left = [z for z in zh if not any(rendered(z, e) for e in en)]
    en_left = [e for e in en if not any(agree(z, e) for z in zh)]
    for z in zh:
        for e in en:
            if (
                z.approx
                and e.approx
                and z.value is not None
                and z.value == e.value
                and agree(z, e)
                and (z.approx in _ABOVE and e.approx in _BELOW or z.approx in _BELOW and e.approx in _ABOVE)
            ):
                message, right = _message(z, e.text, percent_sign)
                issues.append(NumberIssue("approximation", z, e, message, right))
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
        pair = next((e for e in en_left if _same_digits_other_power(z, e) or _band_misses(z, e)), None)
        if pair is not None:
            message, right = _message(z, pair.text, percent_sign)
            issues.append(NumberIssue("wrong-magnitude", z, pair, message, right))
            zh_left.remove(z)
            en_left.remove(pair)
    for z in list(zh_left):
        pair = next((e for e in en_left if _other_currency(z, e)), None)
        if pair is not None:
            message, right = _message(z, pair.text, percent_sign)
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
            message, right = _message(z, pair.text, percent_sign)
            issues.append(NumberIssue("wrong-value", z, pair, message, right))
            zh_left.remove(z)
            if pair in en_left:
                en_left.remove(pair)
    for family in (("amount",), ("percent", "percentage-point"), ("date",), ("multiple",)):
        zs = [z for z in zh_left if _family(z) in family and _zh_salient(z, zh_text)]
        es = [e for e in en_left if _family(e) in family and _en_salient(e)]
        if len(zs) == 1 and len(es) == 1 and _comparable(zs[0], es[0]):
            message, right = _message(zs[0], es[0].text, percent_sign)
            issues.append(NumberIssue("wrong-value", zs[0], es[0], message, right))
            zh_left.remove(zs[0])
            en_left.remove(es[0])
    relative_day = any(word in zh_text for word in _RELATIVE_DAYS)
    relative_year = any(word in zh_text for word in _RELATIVE_YEARS)
    for z in zh_left:
        if not _zh_salient(z, zh_text) or _present_by_value(z, en):
            continue
        right = render_quantity(z, percent_sign)
        shown = f" ({right})" if right else ""
        what = (
            "dateline" if z.role == "dateline" else "code" if z.kind == "label" else z.kind.replace("-", " ")
        )
        issues.append(
            NumberIssue("omitted", z, None, f"the {what} {z.text}{shown} is missing from the English", right)
        )
    for e in en_left:
        if not _en_salient(e):
            continue
        if e.kind == "year" and relative_year or e.kind == "date" and relative_day:
            continue
        if any(e.value is not None and e.value in z.values() for z in zh):
            continue
        if any(_spelled_in(zh_text, v) for v in e.values()):
            continue
        issues.append(NumberIssue("added", None, e, f"'{e.text}' is not in the Chinese source", None))
    issues.sort(key=lambda i: (i.zh.start if i.zh else 1 << 60, i.en.start if i.en else 1 << 60))
    return issues


def _family(q: Quantity) -> str:
    return (q.role or "number") if q.kind == "range" else q.kind


def _other_currency(z: Quantity, e: Quantity) -> bool:
    if _family(z) not in ("amount", "vague") or _family(e) not in ("amount", "vague"):
        return False
    if not z.unit or not e.unit or z.unit == e.unit or z.unit not in CURRENCIES or e.unit not in CURRENCIES:
        return False
    return agree(z, replace(e, unit=z.unit))


def _spelled_in(zh_text: str, value: Decimal) -> bool:
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
