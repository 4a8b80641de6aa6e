"""English word frequencies, and the words a run-together token can be cut into.

`wordlists/english.txt` is a compact list derived from wordfreq's large English list (see
its header for the source, the licence and how it is built): every word of Zipf frequency 3
or more (once per million words; these may be parts of a split) with its frequency, and the
rarer words (Zipf 1 to 3) that could themselves be cut into such parts: "johnson" is a word,
not "john son". Words no split could reach are left out, which keeps the list small; the
list is read on first use only.

`cuts(word)` lists every way of cutting a word into two parts, or three with a short
function word in the middle ('ice and snow'), whose parts pass the loose test `is_part`;
the builder (wordlist_build.py) uses the same function, so every real word a cut could
reach is in the list. Stricter tests belong to the callers.
"""
from __future__ import annotations

import os
from collections.abc import Callable

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wordlists", "english.txt")

PART_ZIPF = 3.0                 # the least frequency of a part of a cut ...
SHORT_PART_ZIPF = {3: 4.0, 4: 3.5}  # ... higher for short parts: 'ret', 'ver', 'sig' are
                                    # abbreviations and syllables more often than words
MIN_KNOWN_LENGTH = 5            # shorter words are never cut, so never listed as known
# two-letter words that may be a part ('ofthe', 'inchina'); others ('ms', 'de') are too
# often abbreviations and syllables
SHORT_PARTS = frozenset("of in to on at by as is or".split())
# short words that may stand between two others in a three-part cut ('iceandsnow')
MIDDLE_WORDS = frozenset("and or of in to on at by as for the with from".split())

# Words that also make closed compounds with whatever follows or precedes them
# ('interprovincial', 'provincewide', 'agritech'): a cut never starts or ends with one.
BOUND_HEADS = frozenset("""
re de un non pre anti co sub inter intra multi micro macro mini mega eco bio geo hydro nano
photo post semi super tele trans ultra auto agri agro aero cyber electro thermo petro neuro
meta poly mono uni extra counter over under out fore mid self cross hyper infra pro neo
omni tech fin med info data smart cloud net web green off be dis mis en em im il ir up down
back under after with e i
""".split())
BOUND_TAILS = frozenset("""
wide like fold less free proof ward wards wise ship ships man men woman women based side
sides ware wear work works way ways hood scape scapes tech care line lines port ports land
lands house houses room rooms book books mark marks craft power chain field fields yard
yards shop shops food foods zone zones able ism isms ist ists ness ment ments age ages ize
ise ion ions ed ing ings er ers est ly dom doms ful ship ships style styles time times
""".split())

_words: dict[str, float] | None = None
_known: frozenset[str] | None = None


def _load() -> None:
    global _words, _known
    with open(DATA, encoding="utf-8") as fh:
        text = fh.read()
    words: dict[str, float] = {}
    known: frozenset[str] = frozenset()
    for section in text.split("\n@")[1:]:          # the header holds no line starting '@'
        band, _, body = section.partition("\n")
        if band == "0":
            known = frozenset(body.split())
        else:
            words.update(dict.fromkeys(body.split(), int(band) / 10))
    _words, _known = words, known


def zipf(word: str) -> float:
    """Zipf frequency of a lower-case word (log10 of its count per billion words), 0.0 for a
    word below PART_ZIPF."""
    if _words is None:
        _load()
    return _words.get(word, 0.0)


def is_listed(word: str) -> bool:
    """True when the lower-case word is in the list (frequent, or rare but real)."""
    if _words is None:
        _load()
    return word in _words or word in _known


def stems(word: str) -> list[str]:
    """The words an inflected form may come from ('livestreamers' -> 'livestreamer')."""
    out = []
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("ers", ""), ("er", ""), ("er", "e"), ("ly", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            out.append(word[:len(word) - len(suffix)] + repl)
    return out


def is_word(word: str) -> bool:
    """A listed word, or an inflection of one."""
    return is_listed(word) or any(is_listed(s) for s in stems(word))


def is_part(word: str, zipf_of: Callable[[str], float] = zipf) -> bool:
    """A word that may be a part of a cut: frequent enough for its length; two letters only
    from SHORT_PARTS."""
    if len(word) < 3:
        return word in SHORT_PARTS
    return zipf_of(word) >= SHORT_PART_ZIPF.get(len(word), PART_ZIPF)


def cuts(word: str, zipf_of: Callable[[str], float] = zipf) -> list[tuple[str, ...]]:
    """Every cut of `word` into two parts, or into three with a MIDDLE_WORDS word in the
    middle, whose parts pass `is_part`, whose head is not in BOUND_HEADS and whose tail is
    not in BOUND_TAILS. Quadratic in the length of the word: callers pass words of at most
    a few dozen letters."""
    out: list[tuple[str, ...]] = []
    n = len(word)
    for k in range(1, n):
        head = word[:k]
        if head in BOUND_HEADS or not is_part(head, zipf_of):
            continue
        tail = word[k:]
        if tail not in BOUND_TAILS and is_part(tail, zipf_of):
            out.append((head, tail))
        for j in range(k + 2, min(n, k + 5)):
            mid, tail = word[k:j], word[j:]
            if mid in MIDDLE_WORDS and tail not in BOUND_TAILS and is_part(tail, zipf_of):
                out.append((head, mid, tail))
    return out
