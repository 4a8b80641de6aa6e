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
  of an official name, or NC02 reports the name.
- two romanised Chinese words of as many different syllables ("Zhejiang" / "Zhenjiang");
- look-alike places listed as distinct (Hunan / Henan, Austria / Australia, Iran / Iraq).
Candidates are blocked by the first two letters of their key; a large block is scored
with rapidfuzz first.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict


from ...findings import Hit
from .compare import close_spelling
from .fuzzy import block_pairs, ratio
from .lazy import LazyPattern
from .lexicon import DISTINCT_PLACES, TITLE_WORDS
from .mentions import mentions
from .romanize import spelling_key
from .tokens import is_acronym

MIN_LENGTH = 4
MAX_LENGTH_GAP = 2
RATIO = 85
# Endings English adds to a stem (not "an" / "en": those differ between transliterations).
ENGLISH_ENDINGS = frozenset("""
e y s es ies al ial ical ic ics ian ese ist ism ists ure ures ary ery ory ity ive ion ions
ment ments ing ed er ers ous or ors ial
""".split()) | {""}


def _proper_words(doc) -> dict[str, list[tuple[int, int]]]:
    """Proper nouns of the release: spelling -> occurrences."""
    lower_words = _lower_words(doc)
    occ: dict[str, list[tuple[int, int]]] = defaultdict(list)
    inside: set[str] = set()
    for w in mentions(doc).words:
        tok = w.token
        word = tok.text[:-2] if tok.text.endswith(("'s", "’s")) else tok.text
        if (len(word) < MIN_LENGTH or not word.isalpha() or is_acronym(word)
                or not word[0].isupper() or word.lower() in lower_words
                or word.lower() in TITLE_WORDS):
            continue
        occ[word].append((tok.start, tok.start + len(word)))
        if not w.sentence_initial and not w.title_case:
            inside.add(word)
    return {w: o for w, o in occ.items() if w in inside}


def _official_names(doc) -> "_Spans":
    """Spans of organisation names (with a head noun or legal suffix): a word inside one
    is part of an official name ('University of Macau' beside 'Macao') or NC02's."""
    return _Spans((m.start, m.end) for m in mentions(doc).names
                  if len(m.tokens) > 1 and (m.head is not None or m.legal))


_LOWER_WORD = LazyPattern(r"(?<![\p{L}\p{N}'’\-])\p{Ll}{4,}(?![\p{L}\p{N}])")


def _lower_words(doc) -> set[str]:
    """Words written in lower case somewhere in the release (common words, not names)."""
    return set(_LOWER_WORD.findall(doc.text))


def same_word(x: str, y: str) -> bool:
    a, b = x.lower(), y.lower()
    if a == b or a.startswith(b) or b.startswith(a):
        return False
    if a in DISTINCT_PLACES and b in DISTINCT_PLACES:
        return False
    if spelling_key(a) == spelling_key(b):
        return True
    if a[:2] != b[:2] or abs(len(a) - len(b)) > MAX_LENGTH_GAP or _inflected(a, b):
        return False
    return ratio(a, b) >= RATIO and close_spelling(a, b)


def _inflected(a: str, b: str) -> bool:
    """Two English forms of one stem: 'Technology' / 'Technologies', 'Agriculture' /
    'Agricultural', 'Industry' / 'Industrial'."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return a[k:] in ENGLISH_ENDINGS and b[k:] in ENGLISH_ENDINGS


def check_spelling_variants(doc, opts):
    words = _proper_words(doc)
    if len(words) < 2:
        return
    official = _official_names(doc)
    blocks: dict[str, list[str]] = defaultdict(list)
    for w in words:
        blocks[spelling_key(w)[:2]].append(w)
    for block in blocks.values():
        if len(block) < 2:
            continue
        for r, c in block_pairs(block, "ratio", RATIO, spelling_key):
            if same_word(block[r], block[c]):
                yield from _variant_hits(doc, block[r], block[c], words, official)


class _Spans:
    """Spans reported by another rule, for a quick 'is this word inside one' test."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def covers(self, span: tuple[int, int]) -> bool:
        k = bisect_right(self.starts, span[0]) - 1
        return k >= 0 and span[1] <= self.ends[k]


def _variant_hits(doc, a: str, b: str, words, official):
    (sa, ea), (sb, eb) = words[a][0], words[b][0]
    major, minor = (a, b) if (len(words[a]), -sa) >= (len(words[b]), -sb) else (b, a)
    ms, me = words[major][0]
    for s, e in words[minor]:
        if official.covers((s, e)):
            continue
        yield Hit(s, e,
                  f"'{minor}' (line {doc.line_of(s)}) and '{major}' (line {doc.line_of(ms)}) "
                  f"look like one name spelt two ways: use one spelling, '{major}'",
                  major, related=((ms, me, f"spelt '{major}'"),))
