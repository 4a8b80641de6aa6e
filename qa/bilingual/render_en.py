"""English renderings of quantities, for the suggestions of the number comparison.

Figures follow wire style: digits with thousands commas below a million ("125,000"), a figure
and a scale word from a million up ("384.2 billion yuan"), full month names ("February 11"),
"percent" unless the English being checked writes "%".  A function returns None rather than
guess when a value cannot be written exactly in that style.
"""

from __future__ import annotations

from decimal import Decimal

from .numbers_en_words import TIME
from .quantities import Quantity

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

# the duration units an English mention is read into (qa.bilingual.numbers_en_words.TIME)
_DURATION_UNITS = frozenset(TIME.values())


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
    if quantity.kind == "duration" and unit in _DURATION_UNITS:
        plural = "" if figure == "1" else "s"
        return f"{figure} {unit}{plural}"
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


#: Currency symbols written before a figure, per currency code.
SYMBOLS = {"USD": ("US$", "$"), "HKD": ("HK$",), "SGD": ("S$",), "CNY": ("RMB", "CNY", "¥"), "EUR": ("€",),
           "GBP": ("£",), "MYR": ("RM",), "TWD": ("NT$",), "AUD": ("A$",), "CAD": ("C$",), "JPY": ("JPY",)}


def render_in_place(zh: Quantity, en: Quantity, percent_sign: bool = False) -> str | None:
    """A rendering of source mention `zh` that can replace English mention `en` where it stands.

    The replacement follows what the English span holds: a qualifier only when the span opens
    with one (or the English has none before it), a currency symbol when the English uses one
    for the same currency, a unit only when the span holds one. None when no replacement is
    certain: another kind of mention, a unit outside the span that is wrong too, a qualifier
    before the span that is wrong too."""
    if zh.kind in ("date", "ordinal"):
        return render_quantity(zh) if en.kind == zh.kind else None
    if zh.kind not in ("number", "amount", "percent", "percentage-point", "range"):
        return None
    fields = _fields(zh)
    if en.approx is not None and not en.text[:1].isalpha():     # a qualifier before the span
        if en.approx != zh.approx:
            return None
        fields["approx"] = None
    unit_in_span = _unit_in_span(en)
    if zh.unit in CURRENCIES_WRITTEN and not unit_in_span:
        if zh.unit != en.unit:
            return None                                          # the unit outside is wrong too
        fields["unit"], fields["kind"] = None, "number" if zh.kind == "amount" else zh.kind
    elif zh.unit in SYMBOLS and zh.unit == en.unit and zh.value is not None:
        opening = en.text.lstrip("abcdefghijklmnopqrstuvwxyz ")
        symbol = next((s for s in SYMBOLS[zh.unit] if opening.startswith(s)), None)
        figure = render_number(zh.value)
        if symbol is not None and figure is not None:
            prefix = _APPROX_WORDS[fields["approx"]] + " " if fields["approx"] else ""
            return f"{prefix}{symbol}{figure}"
    return render_quantity(Quantity(**fields), percent_sign)


CURRENCIES_WRITTEN = frozenset(CURRENCY_WORDS)


def _unit_in_span(en: Quantity) -> bool:
    """The English mention's text holds its currency (a symbol or a word), percent or points."""
    if en.unit in SYMBOLS and any(s in en.text for s in SYMBOLS[en.unit]):
        return True
    return any(w in _UNIT_WORDS for w in en.text.lower().replace("%", " % ").split())


_UNIT_WORDS = frozenset("yuan dollars dollar euros euro ringgit yen won baht rupees rubles pounds patacas "
                        "renminbi rmb percent points %".split())


def _fields(q: Quantity) -> dict:
    return {name: getattr(q, name) for name in q.__dataclass_fields__}
