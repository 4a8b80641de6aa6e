"""Numeric mentions in English text: `en_quantities(text)` -> list of `Quantity`.

Reads figures in digits (with thousands commas) and in words ("twelve", "a hundred billion"),
scale words (million, billion, trillion, bn, mn), vague plurals ("hundreds of billions"),
approximations (over, more than, nearly, about, around, some, almost, up to ...), ranges
("12 to 14 million", "3-5", "between 3 and 5"), percentages and percentage points, multiples
("19 times", "19-fold", "doubled"), currencies (yuan, RMB, US$, S$, RM, HK$, euros ...),
ordinals, years, decades, dates (February 11, Feb. 11, 11 February, 2023-02-11), weekdays,
fractions ("half", "a third") and list numbers.  Identifiers such as 5G, G20 or COVID-19 are not
mentions.  The text is cut into tokens once and read left to right with a bounded look-around.
"""

from __future__ import annotations

import re
from decimal import Decimal

from qa.bilingual import numbers_en_words as W
from qa.bilingual.numbers_en_dates import MonthReading, with_iso_dates
from qa.bilingual.numbers_en_units import FollowingWords
from qa.bilingual.quantities import Quantity, to_decimal

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z]+|['’]\d\ds\b|\S")

class _Tokens:
    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.words = [text[s:e] for s, e in self.spans]
        self.lower = [w.lower() for w in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def low(self, i: int) -> str:
        return self.lower[i] if 0 <= i < len(self.lower) else ""

    def joined(self, i: int) -> bool:
        """True when token i touches token i-1 (no space between)."""
        return 0 < i < len(self.spans) and self.spans[i - 1][1] == self.spans[i][0]


def _is_digits(token: str) -> bool:
    return bool(token) and token[0].isdigit()


class _Reader(MonthReading, FollowingWords):
    def __init__(self, text: str) -> None:
        self.text = text
        self.t = _Tokens(text)
        self.out: list[Quantity] = []
        self.skip: set[int] = set()

    def make(self, i: int, j: int, kind: str, **fields: object) -> Quantity:
        start, end = self.t.spans[i][0], self.t.spans[j - 1][1]
        return Quantity(start=start, end=end, text=self.text[start:end], kind=kind, **fields)  # type: ignore[arg-type]

    def run(self) -> list[Quantity]:
        for match in _CLOCK.finditer(self.text):
            self.skip.update(range(*match.span()))
        i, n = 0, len(self.t)
        while i < n:
            if self.t.spans[i][0] in self.skip:
                i += 1
                continue
            nxt = self.read_at(i)
            i = nxt if nxt > i else i + 1
        return self.out

    def identifier(self, i: int, j: int) -> bool:
        """5G, G20, COVID-19, A380, Mate60: digits glued to letters are names, not figures."""
        t = self.t
        if t.joined(i) and t.words[i - 1][-1:].isalpha() and t.words[i - 1] not in W.CURRENCY_BEFORE:
            return True
        if (
            t.joined(i)
            and t.words[i - 1] == "-"
            and i >= 2
            and t.joined(i - 1)
            and t.words[i - 2][-1:].isalpha()
            and t.words[i - 2].lower() not in W.UNITS
            and t.words[i - 2].lower() not in W.TENS
        ):
            return True
        return (
            j < len(t)
            and t.joined(j)
            and t.words[j][:1].isalpha()
            and t.lower[j] not in W.SCALES
            and t.lower[j] not in ("st", "nd", "rd", "th", "s")
        )

    def figure(self, i: int) -> tuple[Decimal, int, bool] | None:
        """A figure in digits or words at token i: (value, next token, spelled out)."""
        t = self.t
        word = t.low(i)
        if _is_digits(word):
            if len(word) > 24:
                return None  # no figure is that long (and Decimal to int is not linear)
            value = to_decimal(word)
            return (value, i + 1, False) if value is not None else None
        total, current, j, seen = Decimal(0), Decimal(0), i, False
        if word in ("a", "an", "one") and t.low(i + 1) in (
            "hundred",
            "thousand",
            "million",
            "billion",
            "trillion",
            "dozen",
        ):
            current, j, seen = Decimal(1), i + 1, True
        while j < len(t):
            w = t.low(j)
            if w in W.UNITS and not (seen and current % 10):
                current += W.UNITS[w]
            elif w in W.TENS and current % 100 == 0:
                current += W.TENS[w]
            elif w == "-" and seen and t.joined(j) and t.low(j + 1) in W.UNITS and t.low(j - 1) in W.TENS:
                j += 1
                continue
            elif w == "hundred" and seen:
                current = (current or 1) * 100
            elif w in ("thousand", "million", "billion", "trillion") and seen and t.low(j + 1) not in ("of",):
                if t.low(j + 1) in W.UNITS or t.low(j + 1) in W.TENS or t.low(j + 1) == "and":
                    total += (current or 1) * W.SCALES[w]
                    current = Decimal(0)
                else:
                    break  # "two million" keeps its scale for read_scale
            elif w == "and" and seen and (t.low(j + 1) in W.UNITS or t.low(j + 1) in W.TENS):
                pass
            else:
                break
            seen = True
            j += 1
        if not seen:
            return None
        return total + current, j, True

    def approx_before(self, i: int) -> tuple[str | None, int]:
        t = self.t
        for words, meaning in W.APPROX.items():
            k = len(words)
            if i - k >= 0 and tuple(t.lower[i - k : i]) == words:
                return meaning, i - k
        return None, i

    def currency_before(self, i: int) -> tuple[str | None, int]:
        t = self.t
        if i >= 1 and t.words[i - 1] == "$":
            if i >= 2 and t.joined(i - 1) and t.words[i - 2] + "$" in W.CURRENCY_BEFORE:
                return W.CURRENCY_BEFORE[t.words[i - 2] + "$"], i - 2
            return "USD", i - 1
        for k in (1,):
            word = t.words[i - k] if i - k >= 0 else ""
            if word in W.CURRENCY_BEFORE and word != "yuan":
                return W.CURRENCY_BEFORE[word], i - k
        return None, i

    def read_at(self, i: int) -> int:
        t = self.t
        w, lw = t.words[i], t.lower[i]
        if lw in W.MONTHS and w[0].isupper() and (lw != "may" or _is_digits(t.low(i + 1))):
            return self.read_month(i)
        if lw in W.WEEKDAYS and w[0].isupper():
            shift = W.WEEK_SHIFT.get(t.low(i - 1))
            self.out.append(self.make(i, i + 1, "weekday", weekday=W.WEEKDAYS[lw], words=True, role=shift))
            return i + 1
        if (
            lw in W.FRACTIONS
            and lw != "half"
            and t.low(i - 1) in ("a", "one", "two", "three")
            and (
                t.low(i + 1) in ("of", ",", ".", ";", "") or t.low(i - 2) in ("by", "than", "nearly", "about")
            )
        ):
            self.out.append(
                self.make(
                    i - 1,
                    i + 1,
                    "fraction",
                    value=W.FRACTIONS[lw]
                    * (2 if t.low(i - 1) == "two" else 3 if t.low(i - 1) == "three" else 1),
                    words=True,
                )
            )
            return i + 1
        if lw in ("decade", "century") and t.low(i - 1) in ("a", "one", "half"):
            years = Decimal(10 if lw == "decade" else 100) * (Decimal("0.5") if t.low(i - 1) == "half" else 1)
            approx, _ = self.approx_before(i - 1)
            self.out.append(
                self.make(i - 1, i + 1, "duration", value=years, unit="year", words=True, approx=approx)
            )
            return i + 1
        if lw in ("decades", "centuries"):
            unit = Decimal(10 if lw == "decades" else 100)
            self.out.append(
                self.make(i, i + 1, "vague", low=unit * 2, high=unit * 10, unit="year", words=True)
            )
            return i + 1
        if lw in W.ORDINALS and (lw != "second" or t.low(i - 1) == "the"):
            self.out.append(self.make(i, i + 1, "ordinal", value=Decimal(W.ORDINALS[lw]), words=True))
            return i + 1
        if w[:1] in "'’" and len(w) == 4:
            self.out.append(self.make(i, i + 1, "decade", value=Decimal(w[1:3]), words=False))
            return i + 1
        if lw in W.VAGUE and t.low(i + 1) == "of":
            return self.read_vague(i)
        if lw in ("doubled", "tripled", "trebled", "quadrupled"):
            times = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}[lw]
            self.out.append(
                self.make(i, i + 1, "multiple", value=Decimal(times), words=True, role="increase")
            )
            return i + 1
        if lw == "half" and t.low(i + 1) != "-":
            approx, _ = self.approx_before(i)
            role = None
            if t.low(i + 1) == "as" and t.low(i + 2) in ("many", "much", "large", "high", "big") \
                    or t.low(i + 1) in ("the", "that", "of") and t.low(i - 1) not in ("by", "than", "a"):
                role = "ratio"          # half as many as, half the year before: a share, not a rise
            elif t.low(i - 1) in ("by", "of") or t.low(i - 2) in ("by", "of"):
                role = "increase"
            self.out.append(self.make(i, i + 1, "fraction", value=W.FRACTIONS["half"], words=True,
                                      approx=approx, role=role))
            return i + 1
        found = self.figure(i)
        if found is None:
            return i + 1
        value, j, words = found
        if self.identifier(i, j):
            if not words:
                self.out.append(self.make(i, i + 1, "label", value=value))
            return j
        if words and value == 1 and lw in ("one",) and t.low(j) in ("of", "another", "by"):
            return j
        return self.read_number(i, j, value, words)

    def read_number(self, i: int, j: int, value: Decimal, words: bool) -> int:
        t = self.t
        figure = value
        start = i
        approx, a_start = self.approx_before(i)
        currency, c_start = self.currency_before(i)
        if currency is not None:
            start = c_start
            approx, a_start = self.approx_before(c_start)
        scale = Decimal(1)
        if (
            j < len(t)
            and t.low(j) in W.SCALES
            and t.low(j) != "dozen"
            and (t.low(j) in W.BIG or t.low(j) == "hundred" or (t.joined(j) and t.low(j) in ("m", "b", "k")))
        ):
            scale = W.SCALES[t.low(j)]
            j += 1
        value = figure * scale
        fields: dict[str, object] = {"words": words, "approx": approx}
        if scale != 1:
            fields["figure"], fields["scale"] = figure, scale
        kind, unit, j = self.kind_after(i, j, value, currency)
        if kind == "skip":
            return j
        if kind == "number" and scale == 1 and (t.low(i - 1) in W.NUMBERED or t.words[i - 1:i] == ["#"]
                                                or t.low(i - 1) == "." and t.low(i - 2) in ("no", "vol")):
            fields["role"] = "ordinal"      # No. 5, Phase 2, Article 3: a cardinal standing for an ordinal
        if kind == "year":
            self.out.append(self.make(i, j, "year", value=value, year=int(value)))
            return j
        if unit:
            fields["unit"] = unit
        if kind == "ordinal" or kind == "decade":
            fields.pop("approx")
        low_end = self.range_end(j, kind, unit, value)
        if low_end is not None:
            high, high_unit, high_scale, end = low_end
            if scale == 1 and high_scale != 1 and value * high_scale < high:
                value *= high_scale
            if value < high:
                fields.pop("figure", None)
                fields.pop("scale", None)
                fields["role"] = kind if kind != "number" else None
                fields["unit"] = unit or high_unit
                start = a_start if approx else start
                self.out.append(self.make(start, end, "range", low=value, high=high, **fields))
                return end
        self.out.append(self.make(start, j, kind, value=value, **fields))
        return j

    def range_end(
        self, j: int, kind: str, unit: str | None, low: Decimal
    ) -> tuple[Decimal, str | None, Decimal, int] | None:
        """After 'X', an '-Y' / 'to Y' / 'and Y' (after between) of the same kind: (Y, unit, scale, end)."""
        t = self.t
        if kind not in ("number", "amount", "percent", "duration") or j >= len(t):
            return None
        if t.low(j) not in ("-", "–", "to", "and") or (
            t.low(j) == "and" and "between" not in t.lower[max(0, j - 4) : j]
        ):
            return None
        k = j + 1
        spaced = t.low(j) in ("-", "–") and not (t.joined(j) or t.joined(k))
        if t.words[k : k + 1] and t.words[k] in W.CURRENCY_BEFORE and t.words[k] != "yuan":
            k += 1
        elif t.words[k : k + 1] == ["$"]:
            k += 1
        found = self.figure(k)
        if found is None or self.identifier(k, found[1]):
            return None
        high, end, _ = found
        scale = Decimal(1)
        if end < len(t) and t.low(end) in W.BIG:
            scale = W.SCALES[t.low(end)]
            end += 1
        high *= scale
        high_kind, high_unit, end = self.kind_after(k, end, high, None)
        if (
            high_kind not in (kind, "number")
            and kind != "number"
            or (spaced and (kind == "number" or high_kind != kind))
        ):
            return None
        if high_kind == "year":
            return None
        return high, high_unit, scale, end

    def read_vague(self, i: int) -> int:
        t = self.t
        band = W.VAGUE[t.low(i)]
        j = i + 2
        scale = Decimal(1)
        if t.low(j) in ("thousands", "millions", "billions", "trillions"):
            scale = W.VAGUE[t.low(j)]
            j += 1
        low, high = (
            band * scale * (2 if t.low(i) != "dozens" else 1),
            band * scale * (10 if t.low(i) != "dozens" else 100 / 12),
        )
        currency, end = None, j
        if t.low(j) == "of" and t.low(j + 1) in W.CURRENCY_AFTER:
            currency, end = W.CURRENCY_AFTER[t.low(j + 1)], j + 2
        elif t.low(j) == "of" and t.low(j + 1) in ("dollars", "dollar"):
            currency, end = "USD", j + 2
        elif t.low(j) == "of" and t.low(j + 2) in ("dollars", "dollar") and t.low(j + 1) in W.DOLLAR_KINDS:
            currency, end = W.DOLLAR_KINDS[t.low(j + 1)], j + 3
        self.out.append(
            self.make(i, end if currency else j, "vague", low=low, high=high, unit=currency, words=True)
        )
        return j

_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")


def en_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in `text`, in order; spans are code-point offsets into `text`."""
    return with_iso_dates(text, _Reader(text).run())
