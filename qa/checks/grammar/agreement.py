"""A plural subject with a singular verb, and the reverse, in the few shapes a word list can
be sure of (GR04):

  - a counted or quantified plural noun opening a clause, then a singular verb: 'The two
    sides agrees', 'Both parties has', 'These enterprises is', 'Several cities plans';
  - a subject pronoun and a verb of the wrong number: 'they has', 'we is', 'he are',
    'she have' (not after an auxiliary: 'does he have' is a question);
  - a singular verb after 'does not', 'did not', 'don't' ...: 'does not needs', 'didn't
    has' (the verb after 'do' is bare, whatever the subject).

Measure phrases take a singular verb ('Two years is a long time', 'Five minutes is
achievable'), so units and amounts are never the noun; a noun after 'of', 'between' or any
other preposition is not the subject ('one of the two sides is'); names ('the Two Sessions
is') are not lower case and are left alone. Only 'is', 'was', 'has', 'does' and a list of
verbs common in releases ('agrees', 'says', 'plans') count as singular verbs, so a noun
that is also a verb ('The two sides' talks') is never read as one.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import re_compile

_QUANTIFIER = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|these|those|"
               "several|many|\\d{1,3}")
# singular verb -> the plural form
_SINGULAR_VERBS = {
    "is": "are", "was": "were", "has": "have", "does": "do",
    "agrees": "agree", "says": "say", "plans": "plan", "hopes": "hope", "believes": "believe",
    "expects": "expect", "wants": "want", "needs": "need", "aims": "aim", "intends": "intend",
    "pledges": "pledge", "vows": "vow", "calls": "call", "urges": "urge", "holds": "hold",
    "signs": "sign", "reaches": "reach", "sees": "see", "shows": "show", "remains": "remain",
    "becomes": "become", "provides": "provide", "covers": "cover", "includes": "include",
    "expresses": "express", "welcomes": "welcome", "looks": "look", "continues": "continue",
    "promises": "promise", "stresses": "stress", "notes": "note", "thinks": "think",
    "knows": "know", "works": "work", "makes": "make", "takes": "take", "gives": "give",
    "goes": "go", "plays": "play", "seeks": "seek", "supports": "support", "shares": "share",
}
_PLURAL_VERBS = {"are": "is", "were": "was", "have": "has", "do": "does"}
# plural nouns that are amounts or names of one thing: 'two years is', 'the news is'
_MEASURES = frozenset("""
years months weeks days hours minutes seconds times percent percentage points yuan dollars
euros pounds tons tonnes kilograms kilos grams meters metres kilometers kilometres miles
feet inches acres hectares square cubic litres liters gallons units degrees rounds votes
sessions games olympics news series species means headquarters politics economics physics
statistics logistics mathematics works crossroads billions millions thousands hundreds
dozens yards steps cents shares stakes rmb mu
""".split())
_CLAUSE_OPENERS = frozenset("that which when while where because if although though since "
                            "but so".split())
_SUBJECT = (r"(?<![\w'’\-])(?P<det>(?:[Tt]he[ \t]+)?)(?P<quant>(?i:" + _QUANTIFIER + r"))[ \t]+"
            r"(?P<noun>[a-z]+s)[ \t]+(?P<verb>[a-z]+)(?![\w'’\-])")
_PRONOUN = (r"(?<![\w'’\-])(?P<pron>[Tt]hey|[Ww]e|[Hh]e|[Ss]he)[ \t]+(?P<verb>is|was|has|does|are|"
            r"were|have|do)(?![\w'’\-])")
_AUXILIARIES = frozenset("""
do does did will would shall should can could may might must to let make made help helps
helped nor neither not
""".split())


def _clause_start(text: str, pos: int) -> bool:
    """The subject at `pos` opens a clause: the text's or a sentence's start, a comma,
    semicolon or colon, or a subordinating word before it."""
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“‘'(":
        k -= 1
    if k < 0 or text[k] in "\n\r.!?:;,":
        return True
    m = re_compile(r"([A-Za-z]+)[ \t]+$").search(text, max(0, pos - 20), pos)
    return m is not None and m.group(1).lower() in _CLAUSE_OPENERS


def _word_before(text: str, pos: int) -> str:
    m = re_compile(r"([A-Za-z']+)[ \t]+$").search(text, max(0, pos - 20), pos)
    return m.group(1).lower() if m else ""


def agreement_errors(text: str, start: int = 0, end: int | None = None
                     ) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, the verb as written, the verb that agrees) for each sure disagreement;
    the span runs from the subject to the verb."""
    end = len(text) if end is None else end
    for m in re_compile(_SUBJECT).finditer(text, start, end):
        verb, noun = m.group("verb"), m.group("noun")
        right = _SINGULAR_VERBS.get(verb)
        if right is None or noun in _MEASURES or noun.endswith(("ss", "us", "is", "'s")):
            continue
        quant = m.group("quant").lower()
        if quant.isdigit() and (verb in ("is", "was", "has") or quant == "1"):
            continue                    # '500 workers is': a number may be read as an amount
        if not _clause_start(text, m.start()):
            continue
        yield m.start(), m.end("verb"), verb, right
    for m in re_compile(_PRONOUN).finditer(text, start, end):
        pron, verb = m.group("pron").lower(), m.group("verb")
        plural_subject = pron in ("they", "we")
        if plural_subject == (verb in _PLURAL_VERBS):
            continue
        if verb == "were" or verb == "do" and not plural_subject:
            continue                    # 'if he were': subjunctive; 'that he do': mandative
        before = _word_before(text, m.start())
        if before in _AUXILIARIES or not plural_subject and before in ("that", "lest"):
            continue                    # 'does he have'; 'asked that he have'
        right = _SINGULAR_VERBS.get(verb) or _PLURAL_VERBS[verb]
        yield m.start(), m.end("verb"), verb, right


_DO_NOT = (r"(?<![\w'’\-])(?P<aux>(?i:does|did|do)[ \t]+not|(?i:doesn|didn|don)['’]t)[ \t]+"
           r"(?P<verb>[a-z]+)(?![\w'’\-])")


def do_support_errors(text: str, start: int = 0, end: int | None = None
                      ) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, the verb as written, its bare form) for each singular verb of the list
    after 'does not', 'did not', 'do not' or their contractions; the span runs from the
    auxiliary to the verb."""
    end = len(text) if end is None else end
    for m in re_compile(_DO_NOT).finditer(text, start, end):
        verb = m.group("verb")
        if verb in ("is", "was", "does"):
            continue
        right = _SINGULAR_VERBS.get(verb)
        if right is not None:
            yield m.start(), m.end("verb"), verb, right
