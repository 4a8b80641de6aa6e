"""Word forms a sentence cannot take: a comparative after 'more' or a superlative after 'most'
('more safer', 'the most biggest'; GR07), a bare verb in a passive ('were attend by',
'was hold by'; GR08), and a simple past after 'have' ('has became', 'have went'; GR09).

Both are read off a closed list, so nothing is guessed:
- GR07 knows the comparatives and superlatives of common short adjectives ('safer', 'biggest',
  'easier', 'better', 'worst'). 'most' before one is always wrong; 'more' only when nothing
  the comparative could qualify follows it ('more safer than', 'more safer.'): 'more older
  people' means more people who are older, and 'more better-paid jobs' holds a compound.
- GR08 knows verbs whose past participle differs from the bare form and which are no
  adjectives ('attend', 'hold', 'organize'; not 'open' or 'complete', which may stand after
  'be'), followed by 'by', the passive's agent.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..._speed.regex import re_compile

# ---- GR07: 'more safer', 'most biggest' -----------------------------------------------------
_ADJECTIVES = """
safe big large small great high low fast strong easy cheap wide deep long short new old rich
smart clean green close broad clear hard quick slow healthy happy heavy light loud tight simple
early young warm cool hot cold dry wet soft tough busy fine bright thin thick weak calm
fair firm flat fresh full grand harsh huge keen mild near neat nice poor pure rare rough sharp
steep sweet tall tiny vast wise dense lucky costly friendly tidy
""".split()
_IRREGULAR = {"better": "good", "best": "good", "worse": "bad", "worst": "bad"}


def _forms(adjective: str) -> tuple[str, str]:
    """('safer', 'safest') of 'safe', ('bigger', 'biggest') of 'big', ('easier', ...) of 'easy'."""
    if adjective.endswith("e"):
        return adjective + "r", adjective + "st"
    if adjective.endswith("y") and adjective[-2:-1] not in "aeiou":
        return adjective[:-1] + "ier", adjective[:-1] + "iest"
    if (len(adjective) <= 4 and adjective[-1] not in "aeiouwy" and adjective[-2] in "aeiou"
            and adjective[-3:-2] not in "aeiou"):
        return adjective + adjective[-1] + "er", adjective + adjective[-1] + "est"
    return adjective + "er", adjective + "est"


COMPARATIVES = frozenset([_forms(a)[0] for a in _ADJECTIVES] + ["better", "worse"])
SUPERLATIVES = frozenset([_forms(a)[1] for a in _ADJECTIVES] + ["best", "worst"])
# 'a more higher voltage': after 'a', 'more' cannot count the noun (that would be 'more
# higher voltages'), so the comparative is doubled
_AFTER_A = re_compile(r"(?<![\w'’-])[Aa]n?[ \t]+$")
# what may follow a comparative that qualifies nothing after it
_CLOSERS = frozenset("than and or to for in with at as if when because so but".split())

_DOUBLE = (r"(?<![\w'’-])(?P<adverb>[Mm]ore|[Mm]ost)[ \t]+(?P<adjective>[a-z]{4,12})"
           r"(?![\w'’-])(?P<next>[ \t]*(?:[A-Za-z]+|[.,;:!?)\]]|$))?")


def double_comparisons(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the adjective alone) for each 'more' + comparative qualifying nothing and
    each 'most' + superlative."""
    if "more " not in text and "most " not in text and "More " not in text and "Most " not in text:
        return
    for m in re_compile(_DOUBLE, re.MULTILINE).finditer(text):
        adverb, adjective = m.group("adverb").lower(), m.group("adjective")
        if adverb == "most":
            if adjective in SUPERLATIVES:
                yield m.start(), m.end("adjective"), adjective
            continue
        following = (m.group("next") or "").strip()
        if adjective in COMPARATIVES and (not following or not following[0].isalpha()
                                          or following.lower() in _CLOSERS
                                          or _AFTER_A.search(text, max(0, m.start() - 4), m.start())):
            yield m.start(), m.end("adjective"), adjective


# ---- GR08: 'were attend by' -------------------------------------------------------------------
PARTICIPLES = {
    "attend": "attended", "organize": "organized", "organise": "organised", "hold": "held",
    "host": "hosted", "sponsor": "sponsored", "support": "supported", "launch": "launched",
    "sign": "signed", "chair": "chaired", "approve": "approved", "build": "built",
    "release": "released", "invite": "invited", "award": "awarded", "undertake": "undertaken",
    "conduct": "conducted", "initiate": "initiated", "establish": "established",
    "publish": "published", "issue": "issued", "guide": "guided", "co-organize": "co-organized",
    "co-organise": "co-organised", "co-host": "co-hosted", "co-sponsor": "co-sponsored",
    "lead": "led", "preside": "presided", "receive": "received", "visit": "visited",
    "witness": "witnessed", "welcome": "welcomed", "praise": "praised", "develop": "developed",
    "design": "designed", "produce": "produced", "fund": "funded",
}
_AUXILIARIES = "was|were|is|are|be|been|being"
_ADVERBS = "also|jointly|successfully|officially|warmly|personally|strongly"
_PASSIVE = (rf"(?<![\w'’-])(?P<aux>{_AUXILIARIES})[ \t]+(?:(?:{_ADVERBS})[ \t]+)?"
            rf"(?P<verb>{'|'.join(sorted(PARTICIPLES, key=len, reverse=True))})"
            r"[ \t]+by(?![\w'’-])")


def _with_participle(m: re.Match, table: dict[str, str]) -> str:
    """The match with its verb replaced by the participle the table gives."""
    return (m.string[m.start():m.start("verb")] + table[m.group("verb")]
            + m.string[m.end("verb"):m.end()])


def bare_passives(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the words as they should read) for 'were attend by' and the like; the span
    runs from the auxiliary to 'by'."""
    if " by" not in text:
        return
    for m in re_compile(_PASSIVE, re.IGNORECASE).finditer(text):
        verb = m.group("verb")
        if verb != verb.lower():
            continue                    # 'was Host by': a name or a heading, not a verb
        yield m.start(), m.end(), _with_participle(m, PARTICIPLES)


# ---- GR09: 'has became' -----------------------------------------------------------------------
PAST_FOR_PARTICIPLE = {
    "became": "become", "began": "begun", "went": "gone", "took": "taken", "wrote": "written",
    "gave": "given", "ate": "eaten", "came": "come", "ran": "run", "did": "done", "drove": "driven",
    "grew": "grown", "knew": "known", "rode": "ridden", "sang": "sung", "swam": "swum",
    "threw": "thrown", "woke": "woken", "wore": "worn", "undertook": "undertaken",
    "overcame": "overcome", "forgot": "forgotten", "froze": "frozen", "hid": "hidden",
    "shook": "shaken", "stole": "stolen", "broke": "broken", "chose": "chosen", "drew": "drawn",
    "flew": "flown", "mistook": "mistaken", "forbade": "forbidden",
    "withdrew": "withdrawn", "outgrew": "outgrown", "forgave": "forgiven", "foresaw": "foreseen",
}
_PERFECT_ADVERBS = ("also|already|now|recently|just|since|not|never|successfully|jointly|"
                    "officially|finally|gradually|long|ever|steadily")
_PERFECT = (r"(?<![\w'’-])(?P<aux>[Hh]as|[Hh]ave|[Hh]ad|[Hh]aving)[ \t]+"
            rf"(?:(?:{_PERFECT_ADVERBS})[ \t]+)?"
            rf"(?P<verb>{'|'.join(sorted(PAST_FOR_PARTICIPLE, key=len, reverse=True))})(?![\w'’-])")


def past_for_participles(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the words as they should read) for 'has became', 'have went' and the like;
    the span runs from the auxiliary to the verb."""
    if "ha" not in text and "Ha" not in text:
        return
    for m in re_compile(_PERFECT).finditer(text):
        yield m.start(), m.end(), _with_participle(m, PAST_FOR_PARTICIPLE)
