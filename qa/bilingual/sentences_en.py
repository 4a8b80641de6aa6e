"""English sentence segmentation with code-point spans, for aligning a translation with its source.

A small, self-contained splitter (the aligner must not depend on the checker's internals):
`sentences(text, start, end)` returns the (start, end) spans, trimmed, of the sentences of
text[start:end]. A sentence ends after . ! ? (or a run of them, or an ellipsis), with the closing
quotes and brackets that follow, when white space and a capital, a digit, an opening quote or
bracket, or a Han character come next, and the period is not that of an abbreviation ("Mr.",
"Co., Ltd.", "U.S.", "No. 5", "Feb. 10", an initial) or the number of a list item ("1. ", "b. ").
Every line is a unit of its own (headlines, list items, credits), unless the paragraph looks
hard-wrapped. One regex scan per line: linear.
"""
from __future__ import annotations

import re

# abbreviations that never end a sentence: a name or a number always follows
_NEVER_FINAL = frozenset(
    "mr mrs ms dr prof st no nos vol fig approx gen lt col capt sgt gov sen rep rev hon pres "
    "messrs op pp art para vs e.g i.e cf".split())
# abbreviations that end a sentence only when a usual sentence opener follows
_MAY_FINAL = frozenset(
    "co ltd inc corp llc plc etc jr sr bros dept univ u.s u.k u.n e.u p.r.c a.m p.m "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_OPENERS = frozenset(
    "The A An It Its He She They We I In On At As This That These Those There But And Also However "
    "Meanwhile According After Before During Since When While With For From His Her Their Our By To "
    "Last Next Some Many Most All Both Each Other Such Then Now Today If Although So Thus Moreover "
    "Furthermore Besides Still Yet".split())

# a terminator run (matched only from its first character, possessively: no re-scans), closers,
# then white space and what may open a sentence
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s++[\"'“‘«(\[]?(\w))")
_LINE = re.compile(r"[^\r\n]+")
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z]|\.(?=[A-Za-z]))*)$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘«(\[]?([A-Za-z]+)")
_SPACE = " \t\f\v\r\n\u3000\u00a0\u200b\ufeff"
_LIST_NUMBER = re.compile(r"\s*(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\.")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _opens(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or "\u4e00" <= ch <= "\u9fff"


def _abbreviation(text: str, period: int, after: int) -> bool:
    """The period at `period` closes an abbreviation and does not end the sentence."""
    m = _WORD_BEFORE.search(text, max(0, period - 16), period)
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if low in _NEVER_FINAL or (len(word) == 1 and word.isupper()):
        return True
    if low in _MAY_FINAL or (len(word) >= 3 and word[1] == "." and word.replace(".", "").isupper()):
        nxt = _NEXT_WORD.match(text, after)
        return not (nxt and nxt.group(1) in _OPENERS)
    return False


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _END.finditer(text, start, end):
        if not _opens(m.group(1)):
            continue
        if _LIST_NUMBER.fullmatch(text, start, m.end()):
            continue                    # "1. Two new majors": a list item's number
        if text[m.start()] == "." and not text.startswith("...", m.start()) and _abbreviation(
                text, m.start(), m.end()):
            continue
        s, e = _trim(text, pos, m.end())
        if e > s:
            out.append((s, e))
        pos = m.end()
    s, e = _trim(text, pos, end)
    if e > s:
        out.append((s, e))
    return out


def _is_wrapped(lines: list[tuple[int, int]], text: str) -> bool:
    """Hard-wrapped prose: lines of 40-100 characters, half of them running on mid-sentence."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if not all(40 <= e - s <= 100 for s, e in body):
        return False
    return sum(1 for s, e in body if text[e - 1] not in ".!?:;\"”") * 2 >= len(body)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of text[start:end] as (start, end) code-point spans, trimmed, in order."""
    end = len(text) if end is None else end
    lines = []
    for m in _LINE.finditer(text, start, end):
        s, e = _trim(text, m.start(), m.end())
        if e > s:
            lines.append((s, e))
    if not lines:
        return []
    if _is_wrapped(lines, text):
        return _split_line(text, lines[0][0], lines[-1][1])
    out: list[tuple[int, int]] = []
    for s, e in lines:
        out.extend(_split_line(text, s, e))
    return out
