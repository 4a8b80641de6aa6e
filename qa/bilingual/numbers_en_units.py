"""What an English figure is, read from the words after it (and a currency before it): an
amount in a currency, a percentage, percentage points, a multiple, an ordinal suffix, a decade,
a duration, a year, a list number, or a plain number.

`FollowingWords` is that part of the English reader (`numbers_en`), mixed into it. Every look is
a bounded window of tokens: linear.
"""

from __future__ import annotations

from decimal import Decimal

from qa.bilingual import numbers_en_words as W


def _is_digits(token: str) -> bool:
    return bool(token) and token[0].isdigit()


class FollowingWords:
    """Kinds from the following words (mixed into the English reader)."""

    t: object
    text: str

    def kind_after(self, i: int, j: int, value: Decimal, currency: str | None) -> tuple[str, str | None, int]:
        t = self.t
        nxt, nxt2 = t.low(j), t.low(j + 1)
        token = t.words[i]
        if currency is not None:
            return "amount", currency, j
        if nxt == "%":
            return "percent", "%", j + 1
        if nxt in ("percent", "pct"):
            return "percent", "%", j + 1
        if nxt == "per" and nxt2 == "cent":
            return "percent", "%", j + 2
        if nxt == "percentage" and nxt2 in ("point", "points"):
            return "percentage-point", "pp", j + 2
        if nxt in ("times", "fold") or (nxt == "-" and nxt2 == "fold"):
            return "multiple", None, j + (2 if nxt == "-" else 1)
        if nxt in W.CURRENCY_AFTER:
            return "amount", W.CURRENCY_AFTER[nxt], j + 1
        if nxt in ("dollars", "dollar") or (
            nxt in ("u", "us", "singapore", "hong", "hk", "australian", "canadian", "new", "american")
            and any(w.startswith("dollar") for w in t.lower[j + 1 : j + 5])
        ):
            k = j
            while t.low(k) not in ("dollars", "dollar"):
                k += 1
            name = " ".join(w for w in t.lower[j:k] if w != ".")
            code = W.DOLLAR_KINDS.get("us" if name == "u s" else name) if name else "USD"
            return ("amount", code, k + 1) if code else ("number", None, j)
        if nxt in ("st", "nd", "rd", "th") and t.joined(j) and _is_digits(token):
            return "ordinal", None, j + 1
        if nxt == "s" and t.joined(j) and _is_digits(token) and len(token) in (2, 4) and value % 10 == 0:
            return "decade", None, j + 1
        unit_word = nxt2 if nxt == "-" and t.joined(j) and t.joined(j + 1) else nxt
        base = unit_word[:-1] if unit_word.endswith("s") else unit_word
        if base in W.TIME:
            if base == "year" and t.low(j + 1 + (nxt == "-")) == "old":
                return "number", None, j
            return "duration", W.TIME[base], j + (2 if nxt == "-" else 1)
        if (
            _is_digits(token)
            and "." not in token
            and "," not in token
            and 1000 <= value <= 2200
            and len(token) == 4
        ):
            if t.low(i - 1) in W.YEAR_BEFORE or nxt in (",", ".", ")", "", ";") or t.low(i - 1) in W.MONTHS:
                return "year", None, j
        if (
            _is_digits(token)
            and t.joined(i) is False
            and self.at_line_start(i)
            and nxt in (".", ")")
            and value <= 50
            and "." not in token
        ):
            return "list-number", None, j + 1
        return "number", None, j

    def at_line_start(self, i: int) -> bool:
        start = self.t.spans[i][0]
        before = self.text[max(0, start - 3) : start]
        return start == 0 or before.rstrip(" \t(").endswith("\n") or before.strip(" \t(") == ""
