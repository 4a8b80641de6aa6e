"""Romanised Chinese: splitting a word into pinyin (or Wade-Giles) syllables, syllable
initials ("Jingdong" -> "jd", "Kuomintang" -> "kmt"), and a spelling key that merges the
alternations of romanisation ("Macao" / "Macau", doubled consonants, accents).
"""
from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
             "x", "r", "z", "c", "s", "y", "w", "ts", "hs")
_FINALS = ("a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i",
           "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai",
           "ui", "uan", "un", "uang", "ueng", "ue", "v", "ve", "ih", "uei", "ung", "iung")
_MAX_SYLLABLE = 6       # the longest initial + final: zhuang, chuang, shuang


@cache
def _syllable_set() -> frozenset[str]:
    """Every initial + final, and the finals alone (built on first use)."""
    return frozenset([i + f for i in _INITIALS for f in _FINALS] + list(_FINALS))


@lru_cache(maxsize=4096)
def syllables(word: str) -> tuple[str, ...] | None:
    """The syllables of a romanised Chinese word, or None when it does not split into them.

    Prefers the split with the fewest syllables, then the fewest starting with a vowel
    ("Hunan" is hu-nan, not hun-an).
    """
    w = strip_accents(word.lower()).replace("'", "").replace("’", "").replace("-", "")
    if not w.isalpha() or not w.isascii():
        return None
    n = len(w)
    known = _syllable_set()
    # best split of w[i:] as (syllable count, syllables opening with a vowel, next cut)
    best: list[tuple[int, int, int] | None] = [None] * (n + 1)
    best[n] = (0, 0, n)
    for i in range(n - 1, -1, -1):
        vowel = w[i] in "aeiou"
        found = None
        for j in range(min(n, i + _MAX_SYLLABLE), i, -1):
            rest = best[j]
            if rest is not None and w[i:j] in known:
                cost = (rest[0] + 1, rest[1] + vowel, j)
                if found is None or cost[:2] < found[:2]:
                    found = cost
        best[i] = found
    if best[0] is None:
        return None
    parts, i = [], 0
    while i < n:
        j = best[i][2]
        parts.append(w[i:j])
        i = j
    return tuple(parts)


def syllable_initials(word: str) -> str | None:
    """'Jingdong' -> 'jd': the first letters of its syllables, for two or more syllables."""
    parts = syllables(word)
    if not parts or len(parts) < 2:
        return None
    return "".join(p[0] for p in parts)


@lru_cache(maxsize=65536)
def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A key equal for spellings that differ only by romanisation habits.

    Lower case, no accents, apostrophes or hyphens; "au" and "ao" merged; doubled
    consonants single; "ü" and "v" after l/n read as "u".
    """
    w = strip_accents(word.lower().replace("ü", "v"))
    w = "".join(c for c in w if c.isalnum())
    w = w.replace("au", "ao").replace("lv", "lu").replace("nv", "nu")
    out = []
    for c in w:
        if out and c == out[-1] and c not in "aeiou":
            continue
        out.append(c)
    return "".join(out)
