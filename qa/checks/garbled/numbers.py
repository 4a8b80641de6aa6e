"""Checks on numbers damaged in translation: wrong ordinal suffixes, broken digit grouping,
empty placeholders, and Chinese number units carried over (万, 亿)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.chars import has_char, stdlib
from .scan import char_classes, find_all, finditer_in, word_windows


def _windows(doc: Document, needles: tuple[bytes, ...], wide: tuple[bytes, ...]) -> list[tuple[int, int]]:
    """The words of the prose holding a needle (see scan.py); `wide` needles are
    added when the prose has non-ASCII digits, which \\d matches too."""
    classes = char_classes(doc)
    if wide and b"x" in classes and has_char(doc, r"\d"):
        needles += wide
    return word_windows(classes, find_all(classes, needles))


# ---- "22th" --------------------------------------------------------------------------------
_ORDINAL = LazyRegex(r"(?<![\p{L}\p{N}])(?<!\d[.,])(?P<n>\d+)(?P<suf>st|nd|rd|th)(?![\p{L}\p{N}])")


def ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def wrong_ordinal(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    # a digit before a lower-case letter ('22th'): the only places _ORDINAL can match
    for m in finditer_in(_ORDINAL, doc.text, _windows(doc, (b"0a",), (b"xa",))):
        right = ordinal_suffix(int(m.group("n")))
        if m.group("suf") == right:
            continue
        fixed = m.group("n") + right
        yield Hit(m.start(), m.end(),
                  f"'{m.group()}' has the wrong ordinal ending: write '{fixed}'",
                  suggestion=fixed, fix=fixed)


# ---- "3000,20", "1,000,20", "12,3456" -----------------------------------------------------
_GROUPED = LazyRegex(r"(?<![\p{N}.,])(?P<num>\d+(?:,\d+)+)(?![\p{N}]|[.,]\d)")
_YEAR = LazyRegex(r"(?:19|20)\d\d")


def _bad_grouping(num: str) -> bool:
    groups = num.split(",")
    head, rest = groups[0], groups[1:]
    if _YEAR.fullmatch(head) or (len(rest) == 1 and _YEAR.fullmatch(rest[0])):
        return False        # "2020,2021" or "May 5,2020": a missing space, not a number
    if len(groups) == 2 and len(head) <= 3 and len(rest[0]) <= 2:
        return False        # "3,5": a decimal comma or "1,2" in a list: too ambiguous
    return len(head) > 3 or any(len(g) != 3 for g in rest)


def malformed_number(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    # a comma between digits: the only places _GROUPED can match
    windows = _windows(doc, (b"0,0",), (b"x,0", b"0,x", b"x,x"))
    for m in finditer_in(_GROUPED, doc.text, windows):
        num = m.group("num")
        if not _bad_grouping(num):
            continue
        yield Hit(m.start(), m.end(),
                  f"'{num}' is not a well-formed number: English groups digits in threes "
                  f"('3,000'); this looks like two numbers run together or a figure damaged in "
                  f"conversion; check the source and write the figure out")


# ---- "<>", "()" ------------------------------------------------------------------------------
# ASCII brackets only: full-width ones are PU01/PU03's, whose fixes turn them into these
_EMPTY = r"(?:<\s*>|\(\s*\)|\[\s*\])"
# not right after a word: "always()" and "list[]" are code, not a lost name
_PLACEHOLDER = LazyRegex(rf"(?<![\w.]){_EMPTY}(?:\s*[,，、]\s*{_EMPTY})*")
# in the stdlib `re`, whose \s is a superset of the `regex` module's: an opening bracket,
# white space and a closing one; no such thing, no placeholder
_EMPTY_GATE = r"[(<\[]\s*[)>\]]"


def empty_placeholder(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if not stdlib(_EMPTY_GATE).search(doc.text):
        return
    for m in _PLACEHOLDER.finditer(doc.text):
        if not doc.offsets.is_verbatim(m.start(), m.end()):
            continue            # markup inside the brackets (Markdown `code`, an HTML tag)
        yield Hit(m.start(), m.end(),
                  f"'{m.group()}' is an empty placeholder: something (a name, a figure, a link) "
                  f"was lost in conversion; put it back or delete the brackets")


# ---- "1000 billion yuan", "2.5 ten thousand" -----------------------------------------------
_SCALE = LazyRegex(r"""
    (?<![\p{N}.,])(?P<billions>(?:\d{4,}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?)\s+billion\b
  | (?<![\p{N}.,])(?P<units>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)
    \s+(?P<unit>ten\s+thousand|hundred\s+million)\b
""", re.X | re.I)
# in the stdlib `re`: an ASCII digit or any non-ASCII character (for \d beyond ASCII; written
# as a negated class, which compiles fast), white space and a unit word. Every match of _SCALE
# holds one: the stdlib's \s and case-insensitive matching accept at least what the `regex`
# module's do
_SCALE_GATE = r"[^\x00-\x2f\x3a-\x7f]\s+(?i:billion|ten\s+thousand|hundred\s+million)"


def _readings(billions: str) -> tuple[str, str]:
    """'3842' -> ('384.2 billion', '3.842 trillion'): the figure as 亿 and as 万亿 (or billions)."""
    value = float(billions.replace(",", ""))
    return f"{value / 10:,.6g} billion", f"{value / 1000:,.6g} trillion"


def number_scale(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    if not stdlib(_SCALE_GATE).search(doc.text):
        return
    for m in _SCALE.finditer(doc.text):
        if m.group("billions"):
            # 3842亿 is 384.2 billion, 3842万亿 3.842 trillion: only the source can tell which,
            # so nothing is suggested (in bilingual mode AC01 compares it with the source)
            as_yi, as_trillions = _readings(m.group("billions"))
            figure = m.group("billions")
            yield Hit(m.start(), m.end(),
                      f"'{m.group()}': a count of thousands of billions is usually a Chinese unit "
                      f"converted wrongly, and only the source can tell which: if it says "
                      f"{figure}亿, English says '{as_yi}'; if the figure is right, "
                      f"'{as_trillions}'; check the Chinese original (bilingual mode compares the "
                      "figure with it)")
        else:
            unit = " ".join(m.group("unit").lower().split())
            factor = 10_000 if unit == "ten thousand" else 100_000_000
            value = float(m.group("units").replace(",", "")) * factor
            better = (f"{value:,.0f}" if value < 1_000_000 else
                      f"{value / 1_000_000:,.6g} million" if value < 1_000_000_000 else
                      f"{value / 1_000_000_000:,.6g} billion")
            yield Hit(m.start(), m.end(),
                      f"'{m.group()}' carries a Chinese number unit into English ('{unit}' for "
                      f"{'万' if factor == 10_000 else '亿'}): write '{better}'",
                      suggestion=better)
