"""Word pairs that are wrong wherever they stand: a determiner before 'another' or 'both'
(GR02: 'the another', 'an another', 'the both companies') and a preposition after a verb that
takes none (GR03: 'discuss about', 'mention about', 'emphasize on', 'comprises of', 'lacks
of', 'investigate into', and the preposition 'despite of', 'in spite of' run into 'despite').

Each pattern is one regular expression over the text; what follows the pair is checked so
that a grammatical reading is never reported: 'discussed about 30 proposals' (about = some),
'emphasized on Monday' (on = a date), 'lack of' after an article or adjective (the noun).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import re_compile

_ANOTHER = r"(?<![\w'’\-])(?P<det>[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)[ \t]+(?P<another>another)(?![\w'’\-])"

# a verb that takes its object directly, then the preposition MT adds after it
_REDUNDANT = (r"(?<![\w'’\-])(?P<verb>(?i:discuss(?:es|ed|ing)?|mention(?:s|ed|ing)?|"
              r"emphasi[sz](?:e|es|ed|ing)|comprises?|comprising|investigat(?:e|es|ed|ing)|"
              r"lack(?:s|ed|ing)?|despite))[ \t]+(?P<prep>about|on|of|into)(?![\w'’\-])")
_NUMBERISH = (r"[ \t]+(?:\d|[$€£¥]|(?i:an?[ \t]+(?:dozen|hundred|thousand|million|billion|"
              r"third|quarter|half|few|score)|one|two|three|four|five|six|seven|eight|"
              r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|"
              r"half|several|some)\b)")
_TIME_WORD = (
    r"[ \t]+(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|"
    r"aug\.|sept?\.|oct\.|nov\.|dec\.|\d|the[ \t]+(?:\d|sidelines|occasion|eve|morning|afternoon|"
    r"evening|day|night|phone|basis|part|one)|many|several|numerous|various|multiple|"
    r"occasions?|behalf|several|both|its[ \t]+website|their[ \t]+website|(?:his|her|their)[ \t]+"
    r"(?:visit|trip|way|part|behalf|side))")
_BASE = {"discuss": "discuss", "mention": "mention", "emphasiz": "emphasize",
         "emphasis": "emphasise", "comprise": "comprise", "comprising": "comprise",
         "investigat": "investigate", "lack": "lack", "despite": "despite"}
_PREP_OF = {"discuss": "about", "mention": "about", "emphasize": "on", "emphasise": "on",
            "comprise": "of", "investigate": "into", "lack": "of", "despite": "of"}


def another_errors(text: str, start: int = 0, end: int | None = None
                   ) -> Iterator[tuple[int, int, str]]:
    """(start, end, suggestion) for each 'the another', 'an another', 'this another'."""
    end = len(text) if end is None else end
    for m in re_compile(_ANOTHER).finditer(text, start, end):
        capital = m.group("det")[0].isupper()
        yield m.start(), m.end(), "Another" if capital else "another"


_THE_BOTH = r"(?<![\w'’\-])(?P<det>[Tt]he)[ \t]+(?P<both>both)(?![\w'’\-])(?![ \t]+of\b)"


def both_errors(text: str, start: int = 0, end: int | None = None
                ) -> Iterator[tuple[int, int, str]]:
    """(start, end, suggestion) for each 'the both' ('the both companies'; 'the both of
    them', an informal idiom, is left alone)."""
    end = len(text) if end is None else end
    for m in re_compile(_THE_BOTH).finditer(text, start, end):
        yield m.start(), m.end(), "Both" if m.group("det")[0] == "T" else "both"


def _base(verb: str) -> str | None:
    low = verb.lower()
    for stem, base in _BASE.items():
        if low.startswith(stem):
            return base
    return None


def redundant_prepositions(text: str, start: int = 0, end: int | None = None
                           ) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, the verb as written, the preposition) for each verb followed by a
    preposition it never takes as a verb ('discuss about the plan')."""
    end = len(text) if end is None else end
    for m in re_compile(_REDUNDANT).finditer(text, start, end):
        verb, prep = m.group("verb"), m.group("prep")
        base = _base(verb)
        if base is None or _PREP_OF[base] != prep:
            continue
        after_at = m.end("prep")
        if base in ("discuss", "mention") and re_compile(_NUMBERISH).match(text, after_at):
            continue                    # 'discussed about 30 proposals': about = some
        if base in ("emphasize", "emphasise") and re_compile(_TIME_WORD).match(text, after_at):
            continue                    # 'emphasized on Monday', 'on several occasions'
        if base == "lack" and not _lack_is_verb(text, m.start()):
            continue
        if base == "comprise" and _passive(text, m.start()):
            continue                    # 'is comprised of': accepted by most guides
        yield m.start("verb"), m.end("prep"), verb, prep


def _lack_is_verb(text: str, pos: int) -> bool:
    """'lacks of' and 'lacked of' are verbs; 'lack of' and 'lacking of' only after a subject
    pronoun ('they lack of')."""
    word = text[pos:pos + 7].lower()
    if word.startswith(("lacks", "lacked")):
        return True
    m = re_compile(r"(?i:\b(?:they|we|you|i))[ \t]+$").search(
        text, max(0, pos - 12), pos)
    return m is not None and word.startswith("lack ")


def _passive(text: str, pos: int) -> bool:
    return re_compile(r"(?i:\b(?:is|are|was|were|be|been|being))[ \t]+$").search(
        text, max(0, pos - 10), pos) is not None
