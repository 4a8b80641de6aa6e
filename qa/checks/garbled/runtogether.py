"""Lower-case words run together with no capital or digit to show it: 'ofthe', 'tradeand',
'iceandsnow', 'economicdevelopment'.

A token is a candidate when it is not an English word (wordsplit: not in the derived
wordfreq list, nor an inflection of a listed word), is not pinyin, and can be cut into
frequent words. Two kinds are reported:
  - a preposition or conjunction run into an article or determiner ('ofthe', 'inthis'),
    which no real word is;
  - any other cut, when one of its parts is a function word ('tradeand', 'iceandsnow'), or
    both parts are common content words ('economicdevelopment').
A capitalised common word run into a function word ('Universityand', 'Provinceof') is
reported too, when the whole is no word ('Iceland', 'Berlin') and does not recur.
Precision comes first, so a candidate is left alone when the token recurs in the release (a
brand or a term, not a slip), sits in code or a URL, touches a hyphen, or stands among other
words the list lacks (a foreign or technical passage). The split is suggested only when it is
the one clear cut and no common word is one letter away ('iceand' could be 'Iceland'...
though 'ice and' is far likelier when 'Iceland' is rarer than 'ice').
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from ..._speed.regex import re_compile
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text import wordsplit as ws
from ...text.pinyin import syllable_count
from ...text.slices import findall_pieces
from .joins import inside, masked_spans

FIRST_WORDS = frozenset("of in to and on for at by from with as is that into onto".split())
DETERMINERS = frozenset("the this these those their his our".split())
# function words that make a content cut certain ('tradeand', 'reformof')
FUNCTION_PARTS = frozenset("""
and or of in to on at by as is for the with from that this are was were its their has have
had will than
""".split())
CONTENT_ZIPF = 3.5          # both parts of a content-only cut at least this common ...
CONTENT_SUM = 8.5           # ... and together this common ('economic development': 9.4)
CLEAR_MARGIN = 1.0          # the best cut must beat the next by this much (log10) to be suggested
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Verdict(NamedTuple):
    parts: tuple[str, ...]
    sure: bool                  # the split is certain: suggest it
    neighbour: str | None = None    # a common word one letter away, when there is one


def _score(parts: tuple[str, ...]) -> float:
    """log10 of the cut's probability under a unigram model, plus 9 per part."""
    return sum(ws.zipf(p) for p in parts) - 9 * (len(parts) - 1)


def _acceptable(parts: tuple[str, ...]) -> bool:
    if len(parts) == 3:
        return True                 # the middle is a function word (wordsplit.MIDDLE_WORDS)
    if any(p in FUNCTION_PARTS for p in parts):
        return True
    zipfs = [ws.zipf(p) for p in parts]
    return min(zipfs) >= CONTENT_ZIPF and sum(zipfs) >= CONTENT_SUM


def _neighbour(word: str, floor: float) -> str | None:
    """The most common word at least `floor` common one edit away from `word`, if any."""
    best, best_z = None, floor
    n = len(word)
    candidates = set()
    for i in range(n + 1):
        if i < n:
            candidates.add(word[:i] + word[i + 1:])
            if i + 1 < n:
                candidates.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
        for c in _LETTERS:
            candidates.add(word[:i] + c + word[i:])
            if i < n:
                candidates.add(word[:i] + c + word[i + 1:])
    candidates.discard(word)
    for cand in candidates:
        z = ws.zipf(cand)
        if z >= best_z:
            best, best_z = cand, z
    return best


def function_pair(word: str) -> tuple[str, str] | None:
    """('of', 'the') for 'ofthe': a preposition or conjunction run into a determiner."""
    for k in range(2, min(len(word) - 2, 5)):
        if word[:k] in FIRST_WORDS and word[k:] in DETERMINERS:
            return word[:k], word[k:]
    return None


def judge(word: str) -> Verdict | None:
    """Whether a lower-case token is words run together, and which."""
    pair = function_pair(word)
    if pair:
        return Verdict(pair, True)
    if ws.is_word(word) or syllable_count(word):
        return None
    cuts = sorted((c for c in ws.cuts(word) if _acceptable(c)), key=_score, reverse=True)
    if not cuts:
        return None
    best = cuts[0]
    clear = len(cuts) == 1 or _score(cuts[1]) < _score(best) - CLEAR_MARGIN
    neighbour = _neighbour(word, min(ws.zipf(p) for p in best))
    return Verdict(best, clear and neighbour is None, neighbour)


# ---- scanning a release -------------------------------------------------------------------
_TOKEN = re_compile(r"(?<![A-Za-z0-9])[a-z]{5,30}(?![A-Za-z0-9])")
_WORD = re_compile(r"[A-Za-z]+")
# characters that put a token in code, a path, an address or a compound
_BEFORE = frozenset("@#/\\_.-'’&$%=<>{}[]|`*:~+")
_AFTER = frozenset("@/\\_-&=(<>{}[]|`*~+'’")


class RunTogether(NamedTuple):
    start: int
    end: int
    word: str
    verdict: Verdict


def _in_code(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before in _BEFORE or after in _AFTER:
        return True
    # 'node.js', 'example.com': a dot followed by a letter or digit
    return after == "." and end + 1 < len(text) and text[end + 1].isalnum()


def _among_strangers(text: str, start: int, end: int, candidates) -> bool:
    """True when two other words near the token are unknown too, and not run together
    themselves (foreign or technical text)."""
    window = text[max(0, start - 80):start] + " " + text[end:end + 80]
    strangers = 0
    for m in _WORD.finditer(window):
        w = m.group()
        if len(w) >= 4 and w.islower() and w not in candidates and not ws.is_word(w):
            strangers += 1
            if strangers >= 2:
                return True
    return False


def find_run_together(text: str, skip=None) -> Iterator[RunTogether]:
    """Every run-together token of `text` in order; `skip(start)` masks URLs and the like."""
    verdicts: dict[str, Verdict] = {}
    words: set[str] = set()
    for found in findall_pieces(_TOKEN, text):
        words.update(found)
    for word in words:
        v = judge(word)
        if v is not None:
            verdicts[word] = v
    if not verdicts:
        return
    counts: dict[str, int] | None = None
    for m in _TOKEN.finditer(text):
        word = m.group()
        v = verdicts.get(word)
        if v is None or _in_code(text, m.start(), m.end()):
            continue
        if skip is not None and skip(m.start()):
            continue
        if counts is None:
            counts = {}
            for found in findall_pieces(_WORD, text):
                for w in found:
                    lw = w.lower()
                    if lw in verdicts:
                        counts[lw] = counts.get(lw, 0) + 1
        if function_pair(word) is None:
            if counts.get(word, 0) > 1 or _among_strangers(text, m.start(), m.end(), verdicts):
                continue
        yield RunTogether(m.start(), m.end(), word, v)


# ---- a capitalised word run into a function word: 'Universityand', 'Provinceof' ---------------
_CAP_TOKEN = re_compile(r"(?<![A-Za-z0-9])[A-Z][a-z]{4,29}(?![A-Za-z0-9])")
CAPITAL_TAILS = ("and", "of", "the", "for", "with", "from", "in", "to", "on", "at")
CAPITAL_HEAD_ZIPF = 4.0     # the word before the function word: a common one ('University': 4.9)


def capital_join(word: str) -> Verdict | None:
    """('University', 'and') for 'Universityand': a common capitalised word run into a function
    word, where the whole is no word ('Iceland', 'Berlin') and no pinyin."""
    low = word.lower()
    if ws.is_word(low) or syllable_count(low):
        return None
    for tail in CAPITAL_TAILS:
        head = low[:-len(tail)]
        if low.endswith(tail) and len(head) >= 4 and ws.is_word(head) \
                and ws.zipf(head) >= CAPITAL_HEAD_ZIPF:
            return Verdict((word[:len(head)], tail), True)
    return None


def find_capital_joins(text: str, skip=None) -> Iterator[RunTogether]:
    """Each capitalised word run into a function word, unless it recurs (a name) or sits in
    code, an address or a compound."""
    found: dict[str, Verdict | None] = {}
    joins = []
    counts: Counter = Counter()
    for m in _CAP_TOKEN.finditer(text):
        word = m.group()
        counts[word] += 1
        if word not in found:
            found[word] = capital_join(word)
        if found[word] is not None:
            joins.append(m)
    for m in joins:
        word = m.group()
        if counts[word] > 1 or _in_code(text, m.start(), m.end()):
            continue
        if skip is not None and skip(m.start()):
            continue
        yield RunTogether(m.start(), m.end(), word, found[word])


def run_together_words(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    allowed = {w.lower() for w in opts["allow"]}
    # URLs and the like: found only when there is a candidate (masked_spans compiles a pattern)
    skip = lambda start: inside(masked_spans(doc), start)       # noqa: E731
    for r in (*find_run_together(doc.text, skip), *find_capital_joins(doc.text, skip)):
        if r.word in allowed:
            continue
        split = " ".join(r.verdict.parts)
        if r.verdict.sure:
            yield Hit(r.start, r.end, f"'{r.word}' is not a word but '{split}' run together: "
                                      f"write '{split}'", suggestion=split, fix=split)
        elif r.verdict.neighbour:
            yield Hit(r.start, r.end, f"'{r.word}' is not a word: '{split}' run together, or "
                                      f"a misspelling of '{r.verdict.neighbour}'; check it")
        else:
            yield Hit(r.start, r.end, f"'{r.word}' is not a word but words run together "
                                      f"(perhaps '{split}'): put the spaces back")
