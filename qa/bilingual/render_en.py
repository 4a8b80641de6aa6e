"""English renderings of quantities, for the suggestions of the number comparison.

Figures follow wire style: digits with thousands commas below a million ("125,000"), a figure
and a scale word from a million up ("384.2 billion yuan"), full month names ("February 11"),
"percent" unless the English being checked writes "%".  A function returns None rather than
guess when a value cannot be written exactly in that style.
"""

from __future__ import annotations

from decimal import Decimal

from qa.bilingual.quantities import Quantity

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))

#: How a currency is named after the figure.
CURRENCY_WORDS = {
    "CNY": "yuan",
    "USD": "U.S. dollars",
    "SGD": "Singapore dollars",
    "MYR": "ringgit",
    "HKD": "Hong Kong dollars",
    "EUR": "euros",
    "JPY": "yen",
    "GBP": "pounds",
    "KRW": "won",
    "AUD": "Australian dollars",
    "CAD": "Canadian dollars",
    "TWD": "New Taiwan dollars",
    "RUB": "rubles",
    "THB": "baht",
    "CHF": "Swiss francs",
    "INR": "rupees",
    "MOP": "patacas",
    "NZD": "New Zealand dollars",
}

_APPROX_WORDS = {
    "over": "more than",
    "at-least": "at least",
    "about": "about",
    "nearly": "nearly",
    "under": "less than",
    "up-to": "up to",
}

_TIME_WORDS = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
}


def _plain(value: Decimal) -> str:
    """`value` in digits without exponent or trailing zeros, with thousands commas."""
    text = format(value.normalize(), "f")
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
    else:
        whole, frac = text, ""
    whole = f"{int(whole):,}"
    return f"{whole}.{frac}" if frac else whole


def render_number(value: Decimal) -> str | None:
    """125000 -> '125,000'; 3.842e11 -> '384.2 billion'; 1e11 -> '100 billion'; 0.5 -> '0.5'."""
    if value < 0:
        inner = render_number(-value)
        return None if inner is None else f"minus {inner}"
    for size, word in _SCALES:
        if value >= size:
            mantissa = value / size
            text = format(mantissa.normalize(), "f")
            if "." in text and len(text.split(".")[1]) > 3:
                break  # 123,456,789: no short scaled form, write all the digits
            return f"{_plain(mantissa)} {word}"
    if value != value.to_integral_value() and len(format(value.normalize(), "f").split(".")[1]) > 4:
        return None
    return _plain(value)


def render_date(month: int | None, day: int | None, year: int | None = None) -> str | None:
    """2, 11 -> 'February 11'; with a year 'February 11, 2023'; month only 'February 2023'."""
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if month is None:
        return f"the {render_ordinal(day)}" if day is not None and year is None else None
    name = MONTHS[month - 1]
    if day is None:
        return f"{name} {year}" if year is not None else name
    return f"{name} {day}, {year}" if year is not None else f"{name} {day}"


def render_ordinal(value: int) -> str:
    """16 -> '16th', 22 -> '22nd', 11 -> '11th'."""
    if value % 100 in (11, 12, 13):
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def _with_unit(figure: str, quantity: Quantity, percent_sign: bool) -> str | None:
    unit = quantity.unit
    if quantity.kind in ("percent",) or unit == "%":
        return f"{figure}%" if percent_sign else f"{figure} percent"
    if quantity.kind == "percentage-point" or unit == "pp":
        return f"{figure} percentage points"
    if unit in CURRENCY_WORDS:
        return f"{figure} {CURRENCY_WORDS[unit]}"
    if quantity.kind == "duration" and unit in _TIME_WORDS:
        plural = "" if figure == "1" else "s"
        return f"{figure} {_TIME_WORDS[unit]}{plural}"
    return figure


def render_quantity(quantity: Quantity, percent_sign: bool = False) -> str | None:
    """How `quantity` reads in English, or None when no rendering is certain.

    `percent_sign` writes "30%" instead of "30 percent" (to match the English being checked).
    """
    kind = quantity.kind
    if kind == "date":
        return render_date(quantity.month, quantity.day, quantity.year)
    if kind == "weekday":
        return WEEKDAYS[quantity.weekday] if quantity.weekday is not None else None
    if kind == "year":
        return str(quantity.year) if quantity.year is not None else None
    if kind == "decade":
        value = quantity.value
        if value is None or value < 1000:
            return None
        return f"the {int(value)}s"
    if kind == "ordinal":
        return render_ordinal(int(quantity.value)) if quantity.value is not None else None
    if kind == "label":
        return format(quantity.value, "f") if quantity.value is not None else None
    if kind in ("vague", "list-number", "fraction"):
        return None
    if kind == "multiple":
        if quantity.value is None:
            return None
        figure = render_number(quantity.value)
        return None if figure is None else f"{figure} times"
    if kind == "range":
        if quantity.low is None or quantity.high is None:
            return None
        low, high = render_number(quantity.low), render_number(quantity.high)
        if low is None or high is None:
            return None
        text = _with_unit(f"{low} to {high}", quantity, percent_sign)
    else:
        if quantity.value is None:
            return None
        figure = render_number(quantity.value)
        if figure is None:
            return None
        text = _with_unit(figure, quantity, percent_sign)
    if text is not None and quantity.approx is not None:
        text = f"{_APPROX_WORDS[quantity.approx]} {text}"
    return text
