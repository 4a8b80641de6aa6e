"""The value model shared by the Chinese and English number readers: one `Quantity` per mention.

A mention is a number as written in one text (its code-point span and its wording) together with
what it means: a kind (amount, percent, date ...), a value normalised to plain units (12.5万 is
125000), the approximation that qualifies it, its unit and, for dates, the calendar fields the
text gives.  Both readers produce the same model so that comparison never needs to know which
language a mention came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

#: Every kind a reader may emit.
KINDS = frozenset(
    {
        "number",  # a bare count or figure: 7 products, 920,000 applications
        "amount",  # money: value with a currency code in `unit`
        "percent",  # value in percent (30 for 30%); `unit` is "%"
        "percentage-point",  # value in points; `unit` is "pp"
        "fraction",  # value as a ratio (0.5 for half, one third)
        "multiple",  # N倍, N times, N-fold, doubled (value N)
        "ordinal",  # 第十六届, 16th, sixteenth (value 16)
        "year",  # 2023年, in 2023 (value and `year` 2023)
        "decade",  # 90年代, the 1990s (value 1990, or 90 when the century is not said)
        "date",  # month and/or day, with year when given
        "weekday",  # 周五, Friday (`weekday` 0 = Monday)
        "range",  # 3-5天, 12 to 14 million: `low`/`high`; `unit` as for the ends
        "list-number",  # 一、 （三） 2.  at the head of a list item
        "duration",  # 两天, 3 years: value with a time unit in `unit`
        "vague",  # 数千亿, hundreds of billions: a `low`/`high` band, never exact
        "label",  # digits inside a name or code (G20, F-22, Hwasong-17): value only
    }
)

#: Words for `approx`.
APPROX = frozenset({"over", "at-least", "about", "nearly", "under", "up-to"})

#: Currency codes the readers know.
CURRENCIES = frozenset(
    {
        "CNY",
        "USD",
        "SGD",
        "MYR",
        "HKD",
        "EUR",
        "JPY",
        "GBP",
        "KRW",
        "AUD",
        "CAD",
        "TWD",
        "RUB",
        "THB",
        "CHF",
        "INR",
        "MOP",
        "NZD",
    }
)

#: Time units of durations.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """One numeric mention in one text.

    `value` is the normalised figure (None for dates and weekdays, which use the calendar fields,
    and for ranges and vague bands, which use `low`/`high`).  `figure` is the number as written
    before any scale word (12.5 for 12.5万 or 12.5 million) and `scale` the power the scale word
    stands for (10**4, 10**9); together they let a comparison tell a wrong scale from a wrong
    number.  `words` is True when the figure is spelled out (十二, twelve) rather than in digits.
    `role` marks mentions whose place in the text matters: "dateline", "increase" (a multiple or
    share after a verb of growth), "plan" (十四五), "list".
    """

    start: int
    end: int
    text: str
    kind: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    approx: str | None = None
    unit: str | None = None
    figure: Decimal | None = None
    scale: Decimal | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    words: bool = False
    role: str | None = None
    qualifier: str | None = None  # the words before the figure that set `approx` (近, 超过, about)
    inferred: bool = False  # `month` taken from the story's dateline (the text gives the day only)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown quantity kind {self.kind!r}")
        if self.approx is not None and self.approx not in APPROX:
            raise ValueError(f"unknown approximation {self.approx!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    @property
    def is_calendar(self) -> bool:
        """True for dates, weekdays, years and decades."""
        return self.kind in ("date", "weekday", "year", "decade")

    def values(self) -> tuple[Decimal, ...]:
        """The figures this mention stands for: its value, or the two ends of a range."""
        if self.value is not None:
            return (self.value,)
        return tuple(v for v in (self.low, self.high) if v is not None)


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


def to_decimal(text: str) -> Decimal | None:
    """A decimal from digits with optional thousands commas and one point; None if malformed."""
    try:
        return Decimal(text.replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def significant_digits(value: Decimal) -> str:
    """The digits of `value` without sign, point, leading or trailing zeros: 215.3e8 -> '2153'."""
    digits = format(abs(value), "f").replace(".", "").strip("0")
    return digits or "0"


def decimal_places(text: str) -> int:
    """How many digits `text` shows after its decimal point (0 when it has none)."""
    point = text.rfind(".")
    if point < 0:
        return 0
    tail = 0
    for char in text[point + 1 :]:
        if not char.isdigit():
            break
        tail += 1
    return tail
