"""English dates for the number reader (`numbers_en`): month names with their day and year
("February 11", "Feb. 11, 2023", "11 February", "Oct. 23-27") and ISO dates ("2023-02-11").

`MonthReading` is the part of the reader that reads from a month name; `with_iso_dates` puts
the ISO dates of a text among the mentions already read (replacing what the reader made of
their digits). Both look at a bounded window around each match: linear.
"""

from __future__ import annotations

import re

from qa.bilingual import numbers_en_words as W
from qa.bilingual.quantities import Quantity

_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _is_digits(token: str) -> bool:
    return bool(token) and token[0].isdigit()


class MonthReading:
    """Reads a date from a month name at token i (mixed into the English reader)."""

    t: object
    out: list[Quantity]

    def read_month(self, i: int) -> int:
        t = self.t
        month = W.MONTHS[t.low(i)]
        j = i + 1
        if t.words[j : j + 1] == ["."] and t.joined(j):
            j += 1
        day = year = None
        if (
            j < len(t)
            and _is_digits(t.low(j))
            and "." not in t.low(j)
            and 1 <= int(t.low(j).replace(",", "")) <= 31
            and len(t.low(j)) <= 2
        ):
            day, j = int(t.low(j)), j + 1
            if t.low(j) in ("st", "nd", "rd", "th") and t.joined(j):
                j += 1
        if j + 1 < len(t) and (t.low(j) == "," or day is None) and _is_digits(t.low(j + (t.low(j) == ","))):
            k = j + (t.low(j) == ",")
            if len(t.low(k)) == 4 and 1000 <= int(t.low(k)) <= 2200:
                year, j = int(t.low(k)), k + 1
        start = i
        if (
            day is None
            and i >= 2
            and _is_digits(t.low(i - 1))
            and len(t.low(i - 1)) <= 2
            and t.low(i - 1).isdigit()
            and 1 <= int(t.low(i - 1)) <= 31
        ):
            day, start = int(t.low(i - 1)), i - 1
            if self.out and self.out[-1].start == t.spans[i - 1][0]:
                self.out.pop()
        if day is None and year is None and t.words[i] == "March" and t.low(i + 1) in ("on", "to", "through"):
            return i + 1
        self.out.append(self.make(start, j, "date", month=month, day=day, year=year, words=True))
        k = j + 1
        if (
            day is not None
            and t.low(j) in ("-", "–", "to", "and", "through")
            and _is_digits(t.low(k))
            and t.low(k).isdigit()
            and day < int(t.low(k)) <= 31
            and t.low(k + 1) not in W.MONTHS
        ):
            end = k + 1 + (t.low(k + 1) in ("st", "nd", "rd", "th") and t.joined(k + 1))
            self.out.append(self.make(k, end, "date", month=month, day=int(t.low(k)), year=year, words=True))
            return end
        return j


def with_iso_dates(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` with the ISO dates of `text` in place of the mentions inside them."""
    dates: list[Quantity] = []
    for match in _ISO_DATE.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            dates.append(
                Quantity(
                    start=match.start(),
                    end=match.end(),
                    text=match.group(),
                    kind="date",
                    year=year,
                    month=month,
                    day=day,
                )
            )
    if dates:
        covered = bytearray(len(text))
        for q in dates:
            covered[q.start : q.end] = b"\x01" * (q.end - q.start)
        found = [q for q in found if not covered[q.start]] + dates
        found.sort(key=lambda q: q.start)
    return found
