"""The source's figures by value, for asking whether any figure of the whole source agrees with an
English one (is an English figure added, or only moved?) in time independent of the source's size.

`SourceIndex(mentions, zh_text)` files every source mention under its exact values and its
calendar fields, keeps the plain figures sorted for a window look-up (a figure within a factor of
two, where rounding and qualifiers can make two figures agree), and collects the runs of Chinese
digits written one by one (九二 in 九二共识) that a year or figure may spell. `explains(e)` checks
only the mentions these look-ups return, at most `WINDOW` of them per value.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from decimal import Decimal

from ...bilingual.agreement import close_match
from ...bilingual.quantities import Quantity

WINDOW = 64
_DIGIT_RUN = re.compile("[〇一二三四五六七八九]{2,}")
_DIGITS = "〇一二三四五六七八九"


class SourceIndex:
    """Every source mention, findable by value and by calendar field."""

    def __init__(self, mentions: list[Quantity], zh_text: str) -> None:
        self.exact: dict[Decimal, list[Quantity]] = defaultdict(list)
        self.fields: dict[tuple[str, int], list[Quantity]] = defaultdict(list)
        plain = []
        for q in mentions:
            for v in q.values():
                self.exact[v].append(q)
                if not q.is_calendar:
                    plain.append((v, len(plain), q))
            for name in ("year", "month", "day", "weekday"):
                value = getattr(q, name)
                if value is not None:
                    self.fields[(name, value)].append(q)
        plain.sort(key=lambda item: (item[0], item[1]))
        self.keys = [v for v, _, _ in plain]
        self.plain = [q for _, _, q in plain]
        self.spelled: set[str] = set()
        for m in _DIGIT_RUN.finditer(zh_text):
            run = m.group()[:8]
            for size in (2, 4):
                self.spelled.update(run[k:k + size] for k in range(len(run) - size + 1))

    def _candidates(self, e: Quantity) -> list[Quantity]:
        found: list[Quantity] = []
        for v in e.values():
            found += self.exact.get(v, [])
            if v > 0:
                lo = bisect.bisect_left(self.keys, v / 2)
                hi = bisect.bisect_right(self.keys, v * 2)
                if hi - lo > WINDOW:
                    at = bisect.bisect_left(self.keys, v)
                    lo, hi = max(lo, at - WINDOW // 2), min(hi, at + WINDOW // 2)
                found += self.plain[lo:hi]
        for name in ("year", "month", "day", "weekday"):
            value = getattr(e, name)
            if value is not None:
                found += self.fields.get((name, value), [])[:WINDOW]
        return found

    def explains(self, e: Quantity) -> bool:
        """Some source mention agrees with English mention `e`, or the source spells its figure."""
        for q in self._candidates(e):
            if close_match(q, e) or e.value is not None and e.value in q.values():
                return True
        return any(self._spells(v) for v in e.values())

    def _spells(self, value: Decimal) -> bool:
        if value != value.to_integral_value() or not 10 <= value < 10000:
            return False
        digits = str(int(value))
        forms = {digits, digits[-2:]} if len(digits) == 4 else {digits}
        return any("".join(_DIGITS[int(d)] for d in form) in self.spelled for form in forms)
