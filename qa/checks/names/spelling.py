"""NC07: one proper noun in two spellings ("Macao" / "Macau", "Thanh" / "Thành",
"Philippines" / "Phillipines").

Candidates are capitalised words used as proper nouns: written with a capital inside a
sentence at least once, and never in lower case in the release. Two spellings are one
word when they share a spelling key (accents, doubled consonants, au/ao) or when they
start with the same two letters, have the same length give or take two, and are close
(Indel ratio >= 85). Never variants:
- one word ending the other ("Korea" / "Korean", "Vietnam" / "Vietnamese"), or two
  English forms of one stem ("Technology" / "Technologies", "Agriculture" /
  "Agricultural");
- a word inside an organisation name ("University of Macau" beside "Macao"): it is part
  of an official name, or NC02 reports the name;
- two words only ever written inside other, different names ("Mohamed bin Zayed" /
  "Mohammed bin Rashid", "Universiti Malaya" / "Universiti Sains Malaysia"), or two parts
  of one long name ("Abdulla Abdullah");
- two romanised Chinese words of as many different syllables ("Zhejiang" / "Zhenjiang");
- look-alike places listed as distinct (Hunan / Henan, Austria / Australia, Iran / Iraq).
Candidates are blocked by the first two letters of their key; a large block is scored
with rapidfuzz first.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import defaultdict
from functools import cache, lru_cache

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.lexicon import DISTINCT_PLACES, SENTENCE_STARTERS, TITLE_WORDS, same_stem
from ...text.pinyin import is_pinyin
from .compare import close_spelling
from .fuzzy import block_pairs, ratio
from .mentions import mentions
from .romanize import spelling_key
from .skeleton import APOSTROPHE, LL, LN, class_chars, skeleton, skeleton_of
from .tokens import is_acronym

MIN_LENGTH = 4
MAX_LENGTH_GAP = 2
RATIO = 85


def _proper_words(doc: Document) -> dict[str, str]:
    """Capitalised words that may be proper nouns, used inside a sentence at least once:
    spelling -> lower case, in order of first use. Whether the lower case is also
    written in the release is checked later, only for words that have a look-alike."""
    lower: dict[str, str] = {}
    inside: set[str] = set()
    store = mentions(doc)
    for region, title_case in zip(store.regions, store.title_case):
        proper = region.proper
        for word, low, initial, _ in (_region_candidates(region) if proper is None
                                      else proper):
            lower[word] = low
            if not initial and not title_case:
                inside.add(word)
    return {w: low for w, low in lower.items() if w in inside}


def _region_candidates(region) -> tuple:
    """(word, lower case, sentence-initial, start in the region) of each word of a region
    that may be a proper noun (_candidate); kept on the region, which is shared by every
    occurrence of it."""
    out = []
    for w in region.words:
        found = _candidate(w.text)
        if found is not None:
            out.append((found[0], found[1], w.sentence_initial, w.start))
    region.proper = out = tuple(out)
    return out


def _occurrences(doc: Document, wanted: set[str]) -> dict[str, array]:
    """Where each wanted proper noun is written: the start of each occurrence (it ends
    len(word) later: a possessive ending is left out), in text order."""
    occ: dict[str, array] = defaultdict(lambda: array("q"))
    store = mentions(doc)
    for base, region in zip(store.bases, store.regions):
        proper = region.proper
        for word, _, _, start in _region_candidates(region) if proper is None else proper:
            if word in wanted:
                occ[word].append(base + start)
    return occ


@lru_cache(maxsize=65536)
def _candidate(text: str) -> tuple[str, str] | None:
    """(word, its lower case) when a capitalised word may be a proper noun: long enough,
    letters only, not an acronym or a personal title; a possessive ending dropped."""
    word = text[:-2] if text.endswith(("'s", "’s")) else text
    if (len(word) < MIN_LENGTH or not word.isalpha() or is_acronym(word)
            or not word[0].isupper() or word.lower() in TITLE_WORDS):
        return None
    return word, word.lower()


def _official_names(doc: Document) -> "_Spans":
    """Spans of organisation names (with a head noun or legal suffix): a word inside one
    is part of an official name ('University of Macau' beside 'Macao') or NC02's."""
    return _Spans((base + n.start, base + n.end)
                  for base, region, _ in mentions(doc).occurrences() for n in region.names
                  if len(n.tokens) > 1 and (n.head is not None or n.legal))


def _written_in_lower_case(text: str, sk: str, low: str) -> bool:
    """`low` (four or more small letters) is a word of the text: a common word, not a
    name. A word here is a run of small letters with no letter, digit, apostrophe or
    hyphen before it and no letter or digit after it."""
    if not _small_letters_only(low):
        return False
    before, after = _not_before(), _not_after()
    k = text.find(low)
    while k >= 0:
        e = k + len(low)
        if (k == 0 or sk[k - 1] not in before) and (e == len(sk) or sk[e] not in after):
            return True
        k = text.find(low, k + 1)
    return False


@lru_cache(maxsize=65536)
def _small_letters_only(low: str) -> bool:
    """Four or more letters, all small."""
    return len(low) >= MIN_LENGTH and bool(re.fullmatch(f"[{LL}]+", skeleton_of(low)))


@cache
def _not_before() -> frozenset[str]:
    return class_chars(LN) | {"'", APOSTROPHE, "-"}


@cache
def _not_after() -> frozenset[str]:
    return class_chars(LN)


@lru_cache(maxsize=65536)
def same_word(x: str, y: str) -> bool:
    a, b = x.lower(), y.lower()
    if a == b or a.startswith(b) or b.startswith(a):
        return False
    if a in DISTINCT_PLACES and b in DISTINCT_PLACES:
        return False
    if spelling_key(a) == spelling_key(b):
        return True
    if a[:2] != b[:2] or abs(len(a) - len(b)) > MAX_LENGTH_GAP or same_stem(a, b):
        return False
    return ratio(a, b) >= RATIO and close_spelling(a, b)


def check_spelling_variants(doc: Document, opts: RuleOptions):
    lower = _proper_words(doc)
    if len(lower) < 2:
        return
    blocks = _blocks(doc, lower)
    if not blocks:
        return
    words = _occurrences(doc, {w for b in blocks for w in b})
    official = None
    for block in blocks:
        for r, c in block_pairs(block, "ratio", RATIO, spelling_key):
            if same_word(block[r], block[c]):
                if official is None:
                    official = _official_names(doc)
                if _other_names(doc, words, block[r], block[c]):
                    continue
                yield from _variant_hits(doc, block[r], block[c], words, official)


_PARTICLES = r"(?:bin|bint|ibn|al|el|da|de|di|do|dos|das|van|von|der|du|la|le|y)"
_NEXT = LazyRegex(rf"(?:[ \t]+{_PARTICLES}\b)*[ \t]+([A-Z][\w'’-]*)")
_PREV = LazyRegex(r"([A-Z][\w'’-]*)[ \t]+$")


def _contexts(doc: Document, words, pairs_words: set[str]) -> dict[str, tuple[set, set]]:
    """For each word, the capitalised words written just before and just after it (past
    name particles such as 'bin' or 'van'), None where there is none (a word that opens
    sentences or a personal title before it counts as none)."""
    text = doc.text
    out: dict[str, tuple[set, set]] = {}
    for w in pairs_words:
        before, after = set(), set()
        for s in words.get(w, ()):
            m = _PREV.search(text, max(0, s - 40), s)
            prev = m.group(1).lower() if m else None
            before.add(None if prev in SENTENCE_STARTERS or prev in TITLE_WORDS else prev)
            m = _NEXT.match(text, s + len(w))
            after.add(m.group(1).lower() if m else None)
        out[w] = (before, after)
    return out


def _in_one_name(doc: Document, a: str, b: str) -> bool:
    """Both words written in one run of capitalised words ('Abdulla Abdullah')."""
    def compute(d: Document) -> dict[str, set[int]]:
        runs: dict[str, set[int]] = defaultdict(set)
        k = 0
        for _, region, _ in mentions(d).occurrences():
            for shape in region.names:
                k += 1
                if len(shape.tokens) > 1:
                    for t in shape.tokens:
                        runs[t.text].add(k)
        return runs
    runs = doc.memo("names.word_runs", compute)
    return bool(runs.get(a, set()) & runs.get(b, set()))


def _other_names(doc: Document, words, a: str, b: str) -> bool:
    """Two spellings that are parts of other names: 'Mohamed bin Zayed' and 'Mohammed bin
    Rashid' are two people (the names that follow them differ), 'Universiti Malaya' and
    'Universiti Sains Malaysia' two universities (the names before them always differ);
    two words of one long name ('Abdulla Abdullah') are not one word spelt two ways."""
    (before_a, after_a), (before_b, after_b) = (_contexts(doc, words, {a, b})[w] for w in (a, b))
    named_a, named_b = after_a - {None}, after_b - {None}
    if named_a and named_b and not named_a & named_b:
        return True
    if None not in before_a | before_b and not before_a & before_b:
        return True
    return _in_one_name(doc, a, b)


def _blocks(doc: Document, lower: dict[str, str]) -> list[list[str]]:
    """Proper nouns grouped by the first two letters of their spelling key, leaving out
    words also written in lower case (common words); groups of one are dropped. A word is
    looked up in lower case only when its group has company, and groups come in the order
    of their first word."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for w in lower:
        blocks[spelling_key(w)[:2]].append(w)
    text, sk = doc.text, skeleton(doc)
    out = []
    for block in blocks.values():
        if len(block) < 2:
            continue
        kept = [w for w in block if not _written_in_lower_case(text, sk, lower[w])]
        if len(kept) >= 2:
            out.append(kept)
    order = {w: k for k, w in enumerate(lower)}
    return sorted(out, key=lambda b: order[b[0]])


class _Spans:
    """Spans reported by another rule, for a quick 'is this word inside one' test; the
    overlapping ones merged, kept in integer arrays (a long release has many)."""

    def __init__(self, spans):
        given_s, given_e = array("q"), array("q")
        ordered, last = True, (-1, -1)
        for span in spans:
            given_s.append(span[0])
            given_e.append(span[1])
            ordered = ordered and last <= span
            last = span
        pairs = zip(given_s, given_e) if ordered else sorted(zip(given_s, given_e))
        self.starts, self.ends = starts, ends = array("q"), array("q")
        for s, e in pairs:
            if starts and s <= ends[-1]:
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def covers(self, span: tuple[int, int]) -> bool:
        k = bisect_right(self.starts, span[0]) - 1
        return k >= 0 and span[1] <= self.ends[k]


def _only_in_names(official, words, w: str) -> bool:
    return all(official.covers((s, s + len(w))) for s in words[w])


def _variant_hits(doc: Document, a: str, b: str, words, official):
    """Hits on the spelling to change: the one used less; on a tie, the one that is not a
    pinyin spelling beside one that is ('Wenxaing' / 'Wenxiang'); else the later one, with
    no suggestion. Uses inside an organisation's name are left alone (its own spelling)."""
    sa, sb = words[a][0], words[b][0]
    certain = True
    if len(words[a]) != len(words[b]):
        major, minor = (a, b) if len(words[a]) > len(words[b]) else (b, a)
    elif is_pinyin(a) != is_pinyin(b) and not _only_in_names(official, words, b if is_pinyin(a) else a):
        major, minor = (a, b) if is_pinyin(a) else (b, a)
    else:
        major, minor = (a, b) if sa < sb else (b, a)
        certain = False
    ms = words[major][0]
    me = ms + len(major)
    advice = f"use one spelling, '{major}'" if certain else "use one spelling throughout"
    for s in words[minor]:
        e = s + len(minor)
        if official.covers((s, e)):
            continue
        yield Hit(s, e,
                  f"'{minor}' (line {doc.line_of(s)}) and '{major}' (line {doc.line_of(ms)}) "
                  f"look like one name spelt two ways: {advice}",
                  major if certain else None, related=((ms, me, f"spelt '{major}'"),))
