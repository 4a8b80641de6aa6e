"""Chinese ranges: two mentions joined by 至, 到, -, ~ ("1200万至1400万", "3-5天", "9月29日至10月6日").

`merge_ranges(text, raw, found)` joins such a pair into one `range` mention when the ends agree in
kind (the second lends the first its scale and unit: 1200至1400万 is 12 to 14 million), and gives a
day-only second date the month and year of the first ("10月23日至27日"). One pass over the
mentions in order: linear.
"""

from __future__ import annotations

import re

from qa.bilingual.quantities import Quantity

_RANGE_LINK = re.compile(r"\s*(?:至|到|-|~|—|–|－|～|－)\s*")


def merge_ranges(text: str, raw: str, found: list[Quantity]) -> list[Quantity]:
    """Join 'A 至 B' into one range when the ends agree in kind (B lends A its scale and unit)."""
    merged: list[Quantity] = []
    for q in found:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.value is not None
            and q.value is not None
            and prev.kind in ("number", q.kind)
            and q.kind in ("number", "amount", "percent", "duration")
            and _RANGE_LINK.fullmatch(text, prev.end, q.start)
            and prev.approx is None
        ):
            low = prev.value
            if (
                prev.kind == "number"
                and q.scale is not None
                and prev.scale is None
                and low * q.scale <= q.value
            ):
                low = low * q.scale
            if low < q.value:
                merged[-1] = Quantity(
                    start=prev.start,
                    end=q.end,
                    text=raw[prev.start : q.end],
                    kind="range",
                    low=low,
                    high=q.value,
                    unit=q.unit,
                    approx=q.approx,
                    words=q.words,
                    role=q.kind,
                )
                continue
        if (
            prev is not None
            and q.kind == "date"
            and q.month is None
            and prev.kind == "date"
            and prev.month is not None
            and _RANGE_LINK.fullmatch(text, prev.end, q.start)
        ):
            q = Quantity(
                start=q.start,
                end=q.end,
                text=q.text,
                kind="date",
                year=prev.year,
                month=prev.month,
                day=q.day,
                words=q.words,
                role=q.role,
            )
        merged.append(q)
    return merged
