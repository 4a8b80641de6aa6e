"""Headline grammar heuristics: past tense where wires use the present, and comma splices.

There is no tagger here, only word shapes: a finite past verb is an -ed word (or a common
irregular past) that follows its subject (a content word, possibly with an adverb between)
and is not preceded by an auxiliary ("was opened", "has reached") or "to". Both checks are
meant for info-level findings.
"""
from __future__ import annotations

from ..._speed.records import record
from ...text.words import STOP_WORDS, Token, is_content, tokens

IRREGULAR_PRESENT = {
    "met": "meets", "held": "holds", "won": "wins", "began": "begins", "became": "becomes",
    "saw": "sees", "took": "takes", "gave": "gives", "said": "says", "told": "tells",
    "went": "goes", "came": "comes", "led": "leads", "rose": "rises", "fell": "falls",
    "grew": "grows", "sold": "sells", "bought": "buys", "built": "builds", "brought": "brings",
    "paid": "pays", "spent": "spends", "sent": "sends", "struck": "strikes", "kept": "keeps",
    "drew": "draws", "broke": "breaks", "spoke": "speaks", "wrote": "writes", "chose": "chooses",
    "lost": "loses", "ran": "runs", "sought": "seeks", "fought": "fights", "flew": "flies",
    "threw": "throws", "unveiled": "unveils", "opened": "opens", "signed": "signs",
    "launched": "launches", "hosted": "hosts", "released": "releases", "reached": "reaches",
    "completed": "completes", "concluded": "concludes", "closed": "closes",
    "visited": "visits", "attended": "attends", "announced": "announces", "passed": "passes",
    "died": "dies", "started": "starts", "kicked": "kicks", "debuted": "debuts",
    "celebrated": "celebrates", "achieved": "achieves", "received": "receives",
    "issued": "issues", "approved": "approves", "entered": "enters", "joined": "joins",
    "marked": "marks", "interacted": "interacts", "replied": "replies", "agreed": "agrees",
    "made": "makes", "found": "finds", "shared": "shares",
}
# -ed words that are usually adjectives or parts of names.
ADJECTIVES_ED = frozenset("""
united limited advanced related based skilled talented dedicated integrated detailed
expected unexpected experienced sophisticated automated listed red bed hundred indeed
naked wicked sacred beloved learned aged wretched rugged crooked ragged blessed
interested concerned involved qualified certified registered licensed armed
""".split())
AUXILIARIES = frozenset("""
is are was were be been being am has have had having get gets got to will would can could
should may might must
""".split())
# verbs that take an object when active: written without one ('Agreement Signed', 'Festival
# Held in Sichuan', 'Contracts Worth 320 Billion Yuan Signed') they are passive participles,
# the wire style for an event, not a past tense
TRANSITIVE = frozenset("""
held signed launched unveiled released issued approved built made established founded
awarded hosted staged convened inaugurated commissioned delivered published adopted
introduced implemented organized organised announced selected named appointed elected
honored honoured recognized recognised sent put completed reached passed received found sold
bought acquired granted presented set
""".split())
# what may follow such a participle: a preposition, an adverb of manner, a day ('Held in
# Xi'an', 'Signed Successfully', 'Launched Monday'); anything else may be its object
PASSIVE_NEXT = frozenset("""
in at on for with between among during by from to into as after before under across amid
through via over near within without successfully officially jointly formally today
yesterday monday tuesday wednesday thursday friday saturday sunday
""".split())
DETERMINERS = frozenset("the a an this that these those its their his her our your".split())
SUBJECTS = DETERMINERS | frozenset("he she it they we i you".split())
# present-tense verbs that open the second half of a wire headline ("X meets Y, urges calm")
HEADLINE_VERBS = frozenset("""
says say urges urge vows warns calls pledges plans seeks adds eyes sees gets wins opens
signs hits faces slams meets backs rejects denies vows launches unveils expects targets
aims hopes pushes eyes cuts raises lifts boosts
""".split())
# words that start a dependent or coordinated part after a comma, not a new clause
LINKERS = frozenset("""
and but or as while with without after before since when where which who including
amid despite through via by for to from in on at of into than then so
""".split())


@record(frozen=True)
class PastVerb:
    start: int
    end: int
    word: str
    present: str | None


def _past_candidate(word: str) -> bool:
    low = word.casefold()
    if low in IRREGULAR_PRESENT:
        return True
    return (low.endswith("ed") and len(low) >= 5 and not low.endswith("eed")
            and low not in ADJECTIVES_ED and word.isalpha())


def present_of(word: str) -> str | None:
    """The third-person present of a past form, when the spelling rules make it certain."""
    low = word.casefold()
    if low in IRREGULAR_PRESENT:
        return IRREGULAR_PRESENT[low]
    if low.endswith("ied"):
        return low[:-3] + "ies"
    base = low[:-2]
    if base.endswith(("ch", "sh", "ss", "x")):
        return base + "es"
    if base[-1:] in "cgvuz":
        return base + "es"           # announc(e)d -> announces, chang(e)d -> changes
    return None


def _has_subject_before(toks: list[Token], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].key.endswith("ly") and len(toks[j].key) > 4:
        j -= 1                       # "officially opened"
    if j < 0:
        return False
    prev = toks[j].key
    return prev not in AUXILIARIES and prev not in DETERMINERS and prev not in STOP_WORDS \
        and is_content(toks[j].text)


PRESENT_VERBS = HEADLINE_VERBS | frozenset(IRREGULAR_PRESENT.values())


def _passive(text: str, toks: list[Token], i: int, end: int) -> bool:
    """Token i is a transitive verb with no object after it: a passive participle ('Agreement
    Signed', 'Forum Held in Nanjing', 'Deals Signed, Worth ...')."""
    if toks[i].key not in TRANSITIVE:
        return False
    if i + 1 == len(toks):
        return not text[toks[i].end:end].strip(" .!\t")
    gap = text[toks[i].end:toks[i + 1].start]
    return _no_object(toks, i) or any(c in ",:;|–—(" for c in gap) or " - " in gap


def _no_object(toks: list[Token], i: int) -> bool:
    """Nothing that could be an object follows token i: the end, a preposition, an adverb."""
    if i + 1 == len(toks):
        return True
    nxt = toks[i + 1].key
    return nxt in PASSIVE_NEXT or (nxt.endswith("ly") and len(nxt) > 4)


def past_tense_verb(text: str, start: int, end: int,
                    toks: list[Token] | None = None) -> PastVerb | None:
    """The first finite past-tense verb of the headline text[start:end] (whose tokens
    `toks` are, when given), if any. Not a passive participle (see `_passive`), not a
    participle or adjective after the headline's present-tense verb ('Acme unveils upgraded
    phone'), nor one opening a phrase after a comma when that verb follows ('Acme's phone,
    launched Monday, sells out'; but 'Zheng, founder of Shanshan, died ...' is past)."""
    toks = tokens(text, start, end) if toks is None else toks
    # in a Title Case headline every word is capitalised, so a capital after the verb says
    # nothing about names; there an irregular past ("Team Made Major Breakthrough") counts
    content = [t for t in toks if t.key not in STOP_WORDS]
    title_case = len(content) >= 3 and all(t.text[:1].isupper() for t in content)
    for i, tok in enumerate(toks):
        if i == 0 or not _past_candidate(tok.text):
            continue
        before = toks[i - 1].key
        if before in AUXILIARIES or not _has_subject_before(toks, i):
            continue
        if i + 1 < len(toks) and toks[i + 1].key == "by":
            continue                 # "products made by ..." is a participle
        if before.endswith(("'s", "’s")):
            continue                 # "the president's televised speech": an adjective
        if _passive(text, toks, i, end) or any(t.key in PRESENT_VERBS for t in toks[1:i]) \
                or ("," in text[toks[i - 1].end:tok.start]
                    and any(t.key in PRESENT_VERBS for t in toks[i + 1:])):
            continue                 # a participle: the headline's verb is another one
        if tok.text[:1].isupper() and i + 1 < len(toks) and toks[i + 1].text[:1].isupper() \
                and not (title_case and tok.key in IRREGULAR_PRESENT and not tok.key.endswith("ed")):
            continue                 # "Shared Future": part of a capitalised name or slogan
        word = tok.text
        present = present_of(word)
        if present and word[:1].isupper():
            present = present.capitalize()
        return PastVerb(tok.start, tok.end, word, present)
    return None


def _finite(toks: list[Token], present: bool = False) -> bool:
    """The part has a finite-looking verb after its first word (with `present`, also a
    third-person -s form after a content word: 'Iran commemorates ...')."""
    for i, tok in enumerate(toks[1:], 1):
        low = tok.key
        if low in ("is", "are", "was", "were", "has", "have", "will", "says", "said"):
            return True
        if present and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s")) \
                and len(low) >= 5 and tok.text.islower() and _has_subject_before(toks, i) \
                and toks[i - 1].text[:1].isupper():
            return True
        if _past_candidate(tok.text) and _has_subject_before(toks, i) and toks[i - 1].key not in AUXILIARIES \
                and not (tok.key in TRANSITIVE and _no_object(toks, i)):
            return True                  # (a passive participle, 'Deals Signed', is not finite)
    return False


_CLAUSE_STOPS = ",:;|–—"


def _clause_bounds(text: str, start: int, end: int, comma: int) -> tuple[int, int]:
    """The part before the comma back to the previous separator, and the part after it up to
    the next one: the two candidate clauses. (A separator is one of _CLAUSE_STOPS, or a
    hyphen then a space before the comma, a space then a hyphen after it.)"""
    left = max([start] + [text.rfind(c, start, comma) + 1 for c in _CLAUSE_STOPS])
    dash = text.rfind("- ", max(start - 1, 0), comma)
    if dash >= 0:
        left = max(left, dash + 2)
    stops = [at for at in (text.find(c, comma + 1, end) for c in _CLAUSE_STOPS) if at >= 0]
    dash = text.find(" -", comma + 1, end + 1)
    right = min(stops + ([dash] if dash >= 0 else []) + [end])
    return left, max(right, comma + 1)


def comma_splice(text: str, start: int, end: int, tokenize=None) -> tuple[int, int] | None:
    """The comma (as a 1-character span) joining two independent clauses in the headline:
    each side has three or more words and a finite verb, and the right side opens with a
    subject rather than a verb (or adverb and verb) or a linking word. `tokenize(lo, hi)`
    gives the tokens of text[lo:hi] (default: `tokens`)."""
    tokenize = tokenize or (lambda lo, hi: tokens(text, lo, hi))
    k = text.find(",", start, end)
    while k >= 0:
        found = _splice_at(text, start, end, k, tokenize)
        if found:
            return found
        k = text.find(",", k + 1, end)
    return None


def _splice_at(text: str, start: int, end: int, k: int, tokenize) -> tuple[int, int] | None:
    """The comma at k when it splices two clauses (see `comma_splice`)."""
    lo, hi = _clause_bounds(text, start, end, k)
    left, right = tokenize(lo, k), tokenize(k + 1, hi)
    if len(left) < 3 or len(right) < 3:
        return None
    head = right[0]
    if head.key in LINKERS or head.key in HEADLINE_VERBS \
            or (head.key in STOP_WORDS and head.key not in SUBJECTS):
        return None
    verbish = [_past_candidate(t.text) or t.key.endswith("ing") for t in right[:2]]
    adverb = head.key.endswith("ly") or head.key in ("once", "also", "then", "still", "now")
    if verbish[0] or (adverb and verbish[1]):
        return None                       # "..., once led ...": the verb shares the subject
    if _finite(left, present=True) and _finite(right):
        return k, k + 1
    return None
