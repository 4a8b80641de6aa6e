"""When an English mention renders a Chinese one: `agree(zh, en)` compares two `Quantity`s of an
aligned pair (values within the rounding either side shows, compatible kinds, units and calendar
fields), and the tests of a wrong power of ten or a vague band that misses the value.

Used by `compare_numbers`; no reading of text here, only the value model.
"""

from __future__ import annotations

from decimal import Decimal

from qa.bilingual.quantities import CURRENCIES, Quantity, significant_digits

#: Ordinals whose English must be an ordinal: the Nth Party Congress (二十大), the Nth commentary
#: of a series (四论), the Nth plenary session (三中全会).
FIXED_ORDINALS = ("congress", "series", "plenary")


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


def in_band(value: Decimal, band: Quantity) -> bool:
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
        if e.kind == "ordinal" and (z.month is None or z.inferred) and z.day is not None \
                and e.value is not None:
            return e.value == z.day
        if e.kind == "year" and z.month is None and z.day is None:
            return z.year == e.year
        return False
    if z.kind == "weekday":
        return e.kind == "weekday" and e.weekday == z.weekday
    if z.kind == "year" and e.kind == "range":
        return z.value is not None and z.value in e.values()
    if z.role == "named":   # 九二 in 九二共识: '1992', "'92" or '92', never a duration or a date
        return e.kind in ("year", "number", "decade", "label") and e.value in (z.value, (z.value or 0) % 100)
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
    if z.unit in CURRENCIES and e.unit in CURRENCIES and z.unit != e.unit:
        return False            # 上万元 is not 'tens of thousands of dollars'
    if z.kind == "vague" or e.kind == "vague":
        if z.kind == "vague" and e.kind == "vague":
            return z.low is not None and e.low is not None and z.low < (e.high or 0) and e.low < (z.high or 0)
        band, other = (z, e) if z.kind == "vague" else (e, z)
        return any(in_band(v, band) for v in other.values())
    if z.unit and e.unit and z.unit != e.unit and not (z.kind == "duration" or e.kind == "duration"):
        return False
    zk, ek = z.kind, e.kind
    if zk == "ordinal" and z.role in FIXED_ORDINALS:
        # 二十大, 四论, 三中全会: only an ordinal renders them ('20 major' is a count)
        return ek == "ordinal" and e.value == z.value or ek == "number" and e.role == "ordinal" \
            and e.value == z.value
    if zk == "ordinal" and ek == "ordinal":
        return e.value == z.value
    if zk == "percentage-point" or ek == "percentage-point":
        if zk != ek:
            return False
    if "fraction" in (zk, ek) or {zk, ek} == {"percent", "multiple"}:
        return _ratio_agree(z, e)
    if zk == "percent" and ek != "percent" and not (ek == "range" and e.unit == "%"):
        return False
    if ek == "percent" and zk not in ("percent", "range"):
        return False            # 超过100家 is not '100%'
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


def close_match(z: Quantity, e: Quantity) -> bool:
    """`agree`, with numbers held to the rounding the English shows (not the source's): 1万 agrees
    with '7,000' (a figure of one significant digit) but 7,000 is no rendering of it."""
    if not agree(z, e):
        return False
    if z.is_calendar or e.is_calendar or z.value is None or e.value is None:
        return True
    gap = abs(z.value - e.value)
    return gap <= _quantum(e) * Decimal("1.0001") or (
        bool(z.approx or e.approx) and gap <= Decimal("0.1") * max(abs(z.value), abs(e.value))
    )


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
    if z.role == "increase" and e.role == "ratio":
        return False            # 增加近半 (up by nearly half) is not 'half as many as'
    slack = Decimal("0.06") if (z.approx or e.approx) else Decimal("0.005")
    return abs(a - b) <= slack


def same_digits_other_power(z: Quantity, e: Quantity) -> bool:
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


def band_misses(z: Quantity, e: Quantity) -> bool:
    if e.kind != "vague" or z.value is None or z.kind not in ("number", "amount") or z.approx:
        return False
    if z.unit and e.unit and z.unit != e.unit or e.low is None or e.high is None or e.low < 1000:
        return False
    return not in_band(z.value, e) and e.low / 10 <= z.value < e.high * 10
