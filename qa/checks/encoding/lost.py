"""A literal "?" standing for a character lost in conversion ("Shenzhen?s economy", "Zhang?Wei",
"2022 ? 2023", "the ? project", "the ?? hospital").

A converter that cannot write a character (a curly apostrophe, a dash, a middle dot, a Chinese
name) in the target encoding writes "?" instead. Only shapes a question mark never takes in
English are reported: between two letters of one word, between two numbers with the same
spacing on both sides, between lower-case words or two capitalised names ("Guiyang ?
Gui'an") with spaces on both sides, and runs of "??" standing alone. A "?" ending a
question ("Why? Because ...", "(How?)", "Is it 5?") is left alone, and so are web
addresses ("index.php?id=3"), which carry "?" on purpose.
"""
from __future__ import annotations

from ..._speed.regex import re_compile
from ...findings import Hit
from ...text.lexicon import SENTENCE_STARTERS

# Words that open a question of one word ("Why?Because" is a missing space, not a lost letter).
_QUESTION_WORDS = frozenset("""why how what who whom whose where when which really right yes no ok okay
sure seriously huh eh so and or""".split())
_CONTRACTIONS = ("s", "re", "ll", "ve", "d")
_ADDRESS_MARKS = ("/", "=", "&", "www.", "http", ".php", ".asp", ".htm")
_RUN_BEFORE = " \t\n(（\"“"
_RUN_AFTER = " \t\r\n)）,.;:\"”"
REACH = 40              # characters read on each side of a '?'


def _latin(ch: str) -> bool:
    """A letter of the Latin alphabet, accented or not (not a Han character: '鈥?' is mojibake)."""
    return ch.isalpha() and ch < "\u0250"


def _word_at(text: str, start: int, end: int, step: int) -> str:
    """The Latin letters running from `start` in direction `step` (1 or -1), at most REACH."""
    out = []
    i = start
    while 0 <= i < end and len(out) < REACH and _latin(text[i]):
        out.append(text[i])
        i += step
    return "".join(out if step > 0 else reversed(out))


def _token(text: str, start: int, end: int) -> str:
    """The run of non-space characters around text[start:end] (at most 200 either side)."""
    s = start
    while s > 0 and start - s < 200 and not text[s - 1].isspace():
        s -= 1
    e = end
    while e < len(text) and e - end < 200 and not text[e].isspace():
        e += 1
    return text[s:e]


def _apostrophe(text: str) -> str:
    """The apostrophe the release uses: curly when it has more curly ones than straight."""
    return "’" if text.count("’") > text.count("'") else "'"


def _spaced_names(text: str, s: int, e: int) -> bool:
    """'Guiyang ? Gui'an': capitalised names on both sides of a spaced '?' (a lost dash or
    middle dot between them); not when the word after opens a sentence ('in Beijing ? The
    plan', a question mark wrongly spaced)."""
    before = _word_at(text, s - 2, len(text), -1)
    after = _word_at(text, e + 1, len(text), 1)
    if not (len(before) > 1 and len(after) > 1 and before[0].isupper() and after[0].isupper()
            and before[1:].islower() and after[1:].islower()):
        return False
    if {before.lower(), after.lower()} & (SENTENCE_STARTERS | _QUESTION_WORDS):
        return False
    lo = max(0, s - 200)
    head = max(max(text.rfind(c, lo, s) for c in ".!?\n"), lo - 1) + 1   # the sentence so far
    sentence = text[head:s]
    opener = _word_at(text, head + len(sentence) - len(sentence.lstrip()), s, 1).lower()
    return opener not in _QUESTION_OPENERS


# the first words of a question ('Is it Tom ? Yes'): there the '?' ends it, spaced wrongly
_QUESTION_OPENERS = frozenset("""is are was were do does did can could will would shall should
may might must has have had why how what who whom whose where when which""".split())


def _kind(text: str, s: int, e: int) -> str | None:
    """What the run of '?' at text[s:e] stands for, or None for a question mark."""
    n = len(text)
    prev = text[s - 1] if s > 0 else " "
    nxt = text[e] if e < n else " "
    if e - s > 1:
        if (prev in _RUN_BEFORE and nxt in _RUN_AFTER) or (_latin(prev) and _latin(nxt)):
            return "run"
        return None
    after = _word_at(text, e, n, 1)
    before = _word_at(text, s - 1, n, -1)
    bounded = e + len(after) >= n or not text[e + len(after)].isalnum()
    if _latin(prev) and bounded and (after in _CONTRACTIONS or (after == "t" and prev == "n")
                                       or (after == "m" and before == "I")):
        return "apos"
    if prev.isdigit() and nxt.isdigit():
        return "range"
    if prev == nxt == " " and 2 <= s and e + 1 < n:
        left, right = text[s - 2], text[e + 1]
        if left.isdigit() and right.isdigit():
            return "range"
        if _latin(left) and _latin(right) and left.islower() and right.islower():
            return "gap"
        if _latin(left) and _latin(right) and _spaced_names(text, s, e):
            return "gap"
        return None
    if _latin(prev) and _latin(nxt) and nxt.isupper() and after[1:2].islower():
        if before[:1].isupper() and before[1:].islower() and before.lower() not in _QUESTION_WORDS:
            return "name"
        return None
    if _latin(prev) and _latin(nxt) and nxt.islower():
        return "inner"
    return None


def scan(text: str):
    """Hits for each '?' (or run of them) that stands for a lost character."""
    if "?" not in text:
        return
    apostrophe = None
    for m in re_compile(r"\?+").finditer(text):
        start, end = m.span()
        kind = _kind(text, start, end)
        if kind is None:
            continue
        if kind != "range" and any(mark in _token(text, start, end) for mark in _ADDRESS_MARKS):
            continue
        if kind == "apos":
            apostrophe = apostrophe or _apostrophe(text)
            before = _word_at(text, start - 1, len(text), -1)
            after = _word_at(text, end, len(text), 1)
            right = before + apostrophe + after
            yield Hit(start - len(before), end + len(after),
                      f"'?' stands for a lost apostrophe: write '{right}'", right, fix=right,
                      fix_safety="unsafe")
        elif kind == "range":
            yield Hit(start, end, "'?' between two numbers stands for a lost character, most "
                      "likely a dash ('2022–2023'): retype it from the original", None)
        elif kind == "run":
            yield Hit(start, end, f"'{m.group(0)}' stands for characters lost in conversion (a name "
                      "or a term the target encoding could not hold): retype them from the original",
                      None)
        else:
            yield Hit(start, end, "'?' inside a word or between words stands for a character lost in "
                      "conversion (an accented letter, a dash, a middle dot, a quotation mark): "
                      "retype it from the original", None)
