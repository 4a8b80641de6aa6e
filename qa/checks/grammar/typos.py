"""Misspelt words in the headline and in names (GR06), where a dictionary and the release
itself agree on the right spelling:

  - a headline word no dictionary knows, used nowhere else in the release, one edit (a
    letter left out, added, changed, or two swapped) from a word the release writes
    elsewhere ('Changchung' in the headline, 'Changchun' in the body) or from one common
    English word ('Econmy', 'Vehciles', 'Anounces');
  - a capitalised word no dictionary knows, one edit from a capitalised word the release
    writes more often ('Zhang Wenxaing' once, 'Zhang Wenxiang' three times;
    'Internatinal Conference' beside 'International').

Never reported: words the release uses twice or more, acronyms and camel-case brands,
words that are valid pinyin ('Henan' beside 'Hunan' are two provinces), places known to
differ by a letter ('Shanxi' / 'Shaanxi'), British spellings of American dictionary words
('Organisation', 'Centre'), plurals of a word nearby, and the names of the glossaries.

The dictionary is pyspellchecker's English word list (the optional extra
`release-qa[spelling]`), loaded on the first word that needs it; without it the rule finds
nothing.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from ..._speed.regex import re_compile
from ...text.lexicon import DISTINCT_PLACES, within_one_edit
from ...text.pinyin import is_pinyin, is_surname
from ...text.slices import findall_pieces
from ...text.wordsplit import is_word

MIN_LENGTH = 5          # shorter words are too often abbreviations or foreign words
COMMON = 500            # pyspellchecker count above which a word is common English
DOMINANT = 20           # a dictionary correction must be this much likelier than the next
MAX_PEERS = 40          # near-miss candidates compared per word (bounds hostile input)

# ASCII words of letters, not inside a URL, an e-mail address or a file name
_WORD = r"(?<![\w@/.\-'’])[A-Za-z]+(?![\w@/'’\-]|\.[A-Za-z])"
_CAPITALISED = r"(?<![\w@/.\-'’])[A-Z][a-z]{%d,}(?![\w@/'’\-]|\.[A-Za-z])" % (MIN_LENGTH - 1)

_DICTIONARY: list = []
KNOWN_PEER_COUNT = 3        # a listed word is doubted only beside a neighbour written this often


_BETWEEN = ' :,{}\t\r\n'      # what the JSON writes between a key and the next: ': 50, '


class WordList:
    """pyspellchecker's English word list: its words in order, with their counts, read from the
    data the package ships (gzipped JSON of word -> count, keys sorted and lower-cased).

    Looked up by bisection: no dict of its 160,000 words is built. Reading the JSON into a
    dict cost 0.18 s per process; cutting the text at its quotes and checking the order costs
    about 0.05 s, which matters for --jobs, where every worker loads the list for itself."""

    def __init__(self, words: list[str], counts: list) -> None:
        self.words, self._counts = words, counts        # counts: ints, or the JSON between keys
        self._letters: frozenset[str] | None = None

    @classmethod
    def from_counts(cls, counts: dict[str, int]) -> WordList:
        words = sorted(counts)
        return cls(words, [counts[w] for w in words])

    def _at(self, word: str) -> int:
        i = bisect_left(self.words, word)
        return i if i < len(self.words) and self.words[i] == word else -1

    def count(self, word: str) -> int:
        """How often the list's corpus writes `word` (0: not in the list)."""
        i = self._at(word)
        if i < 0:
            return 0
        value = self._counts[i]
        return value if isinstance(value, int) else int(value.strip(_BETWEEN))

    def __contains__(self, word: str) -> bool:
        return self._at(word) >= 0

    def known(self, words) -> set[str]:
        return {w for w in words if w in self}

    def _alphabet(self) -> frozenset[str]:
        """The characters the words are written with, found in bulk: each plain letter (and
        the apostrophe) by one search of the ASCII text, the rest from what remains once those
        are taken out, and from the few words with accents."""
        common = b"abcdefghijklmnopqrstuvwxyz'"
        ascii_text = "".join(self.words).encode("ascii", "ignore")
        used = {chr(c) for c in common if bytes((c,)) in ascii_text}
        used.update(ascii_text.translate(None, common).decode("ascii"))
        used.update("".join(w for w in self.words if not w.isascii()))
        return frozenset(used)

    def edits1(self, word: str) -> set[str]:
        """Every string one deletion, swap of neighbours, change or insertion away from `word`,
        with the letters the list uses (as pyspellchecker's edit_distance_1)."""
        if self._letters is None:
            self._letters = self._alphabet()
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        out = {a + b[1:] for a, b in splits if b}
        out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        out |= {a + c + b[1:] for a, b in splits if b for c in self._letters}
        out |= {a + c + b for a, b in splits for c in self._letters}
        return out


def read_word_list(raw: bytes) -> WordList:
    """The word list from the decompressed JSON. The quick way: cut the text at its quotes,
    when no key holds an escape, every key is lower case and the keys come sorted (as
    pyspellchecker writes them); otherwise through the json module, folding case as
    pyspellchecker does."""
    text = raw.decode("utf-8")
    if "\\" not in text and raw.lower() == raw:
        parts = text.split('"')
        words, counts = parts[1::2], parts[2::2]
        if (len(words) == len(counts) and all(w == w.lower() for w in words if not w.isascii())
                and words == sorted(words)):
            return WordList(words, counts)
    import json
    folded: dict[str, int] = {}
    for k, v in json.loads(text).items():
        folded[k.lower()] = folded.get(k.lower(), 0) + v
    return WordList.from_counts(folded)


def dictionary() -> WordList | None:
    """pyspellchecker's English word list, or None when it is not installed. Loaded once per
    process, on first use, from the package's folder (found without importing the package,
    whose modules this rule does not use)."""
    if not _DICTIONARY:
        import zlib
        from importlib.util import find_spec
        words = None
        try:
            spec = find_spec("spellchecker")
            folders = spec.submodule_search_locations if spec else None
            if folders:
                with open(os.path.join(folders[0], "resources", "en.json.gz"), "rb") as f:
                    words = read_word_list(zlib.decompress(f.read(), 31))
        except (ImportError, OSError, ValueError, zlib.error):     # a broken install: no list
            words = None
        _DICTIONARY.append(words)
    return _DICTIONARY[0]


_US_SPELLINGS = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ising", "izing"),
                 ("yse", "yze"), ("our", "or"), ("tre", "ter"), ("tres", "ters"), ("ogue", "og"),
                 ("ence", "ense"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"),
                 ("ae", "e"), ("oe", "e"), ("mme", "m"), ("tonne", "ton"))


def british_of(word: str, other: str) -> bool:
    """True when `word` is a British spelling of the American `other` ('centre', 'center')."""
    for uk, us in _US_SPELLINGS:
        k = word.find(uk)
        while k >= 0:
            if word[:k] + us + word[k + len(uk):] == other:
                return True
            k = word.find(uk, k + 1)
    return False


def _case_like(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


class _Words:
    """The release's words: how often each is written (lower-cased), and the words one edit
    from a few words of interest, through an index of single-letter deletions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.count: Counter = Counter()
        for found in findall_pieces(re_compile(_WORD), text):
            self.count.update(map(str.lower, found))
        self._index: dict[str, list[str]] = {}

    def index_for(self, words: list[str]) -> None:
        """Index the release's words that may be one edit from one of `words`: the same first
        letter, a length at most one apart."""
        shapes = {(w[0], n) for w in words for n in (len(w) - 1, len(w), len(w) + 1)}
        index: defaultdict[str, list[str]] = defaultdict(list)
        for w in self.count:
            if (w[0], len(w)) in shapes:
                for key in _deletes(w):
                    bucket = index[key]
                    if len(bucket) < MAX_PEERS:
                        bucket.append(w)
        self._index = index

    def peers(self, low: str) -> list[str]:
        """Indexed words of the release one edit from `low`, with its first letter."""
        seen: set[str] = set()
        out = []
        for key in _deletes(low):
            for w in self._index.get(key, ()):
                if w not in seen:
                    seen.add(w)
                    if w[0] == low[0] and within_one_edit(low, w):
                        out.append(w)
        return out

    def beside(self, low: str) -> set[str]:
        """The capitalised words written just before or after `low` ('Zhang' of 'Zhang
        Wenxiang'), marked '<' and '>'."""
        pattern = (r"(?:([A-Z][a-z]+)[ \t]+)?(?<![A-Za-z])(?i:" + low +
                   r")(?![A-Za-z])(?:[ \t]+([A-Z][a-z]+))?")
        out = set()
        for m in re.finditer(pattern, self.text):
            if m.group(1):
                out.add("<" + m.group(1))
            if m.group(2):
                out.add(">" + m.group(2))
        return out


def _deletes(word: str) -> Iterable[str]:
    yield word
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]


def _shaped(word: str, known: Iterable[str]) -> bool:
    """A word worth a look: long enough, letters in one case pattern (not an acronym or a
    brand in camel case), not a glossary word. (Pinyin is left out by the caller, except a
    listed word beside its more frequent English neighbour.)"""
    return len(word) >= MIN_LENGTH and word[1:].islower() and word.lower() not in known


def _plausible_pair(word: str, right: str) -> bool:
    """`right` may correct `word`: not its plural, not its American spelling, not a second
    place that differs by a letter."""
    if right == word + "s" or word == right + "s" or right == word + "es":
        return False
    if british_of(word, right) or british_of(right, word):
        return False
    return not (word in DISTINCT_PLACES and right in DISTINCT_PLACES)


def misspellings(text: str, title: tuple[int, int] | None, glossary_words: frozenset[str]
                 ) -> Iterator[tuple[int, int, str, str, tuple[int, int] | None]]:
    """(start, end, word, correction, where the release writes the correction or None)."""
    words = _Words(text)
    title_start, title_end = title if title is not None else (0, 0)
    candidates = []         # (start, end, word, in the headline)
    for m in re_compile(_WORD).finditer(text, title_start, title_end):
        w = m.group()
        if (w[0].isupper() or w.islower()) and words.count[w.lower()] == 1:
            candidates.append((m.start(), m.end(), w, True))
    for m in re_compile(_CAPITALISED).finditer(text):
        if words.count[m.group().lower()] == 1 and not title_start <= m.start() < title_end:
            candidates.append((m.start(), m.end(), m.group(), False))
    candidates = [c for c in candidates if _shaped(c[2], glossary_words)]
    # the shared word list knows most words: the dictionary is loaded for the rest only, and
    # for a listed word the release writes otherwise more often, one edit away (the web-made
    # list has common misspellings: 'satelite' beside 'satellite' nine times), and so is a word
    # that reads as pinyin ('Quantun', quan-tun, beside 'quantum'): there it is no name
    known = [c for c in candidates if is_word(c[2].lower()) or is_pinyin(c[2].lower(), 4)]
    candidates = [c for c in candidates if not is_word(c[2].lower()) and not is_pinyin(c[2].lower(), 4)]
    if not candidates and not known:
        return
    words.index_for([c[2].lower() for c in candidates + known])
    # only in the headline, and never a place or a surname ('Hunan' is no slip for 'human',
    # 'Chang' none for 'change')
    known = [c for c in known if c[3] and c[2].lower() not in DISTINCT_PLACES
             and not is_surname(c[2]) and any(
                 words.count[p] >= KNOWN_PEER_COUNT and words.count[p] > words.count[c[2].lower()]
                 and not is_pinyin(p, 4) for p in words.peers(c[2].lower()))]
    # a name is only ever corrected to a word of the release one edit away: without such a
    # peer (and outside the headline) nothing can be reported, so the dictionary is not needed
    candidates = [c for c in candidates if c[3] or words.peers(c[2].lower())] + known
    candidates.sort()
    if not candidates:
        return
    spell = dictionary()
    if spell is None:
        return
    candidates = [c for c in candidates if c[2].lower() not in spell]
    for s, e, w, headline in sorted(candidates):
        low = w.lower()
        fix = _from_release(low, words, spell)
        if fix is None and headline:
            fix = _from_dictionary(low, spell)
        if fix and _plausible_pair(low, fix):
            yield s, e, w, _case_like(w, fix), _first(text, fix) if words.count[fix] else None


def _first(text: str, low: str) -> tuple[int, int] | None:
    m = re.search(r"(?<![A-Za-z])(?i:" + low + r")(?![A-Za-z])", text)
    return m.span() if m else None


def _from_release(low: str, words: _Words, spell) -> str | None:
    """The one word of the release, one edit from `low` and with the same first letter, that
    is a dictionary word, is written more often than `low`, or is pinyin where `low` is not
    and stands beside the same capitalised word ('Zhang Wenxiang', 'Zhang Wenxaing')."""
    found = [p for p in words.peers(low)
             if p in spell or words.count[p] > words.count[low]
             or is_pinyin(p, 4) and words.beside(p) & words.beside(low)]
    return found[0] if len(found) == 1 else None


def _from_dictionary(low: str, spell) -> str | None:
    """The common English word one edit from `low`, when one is far likelier than any other."""
    counted = ((spell.count(c), c) for c in spell.edits1(low) if c[0] == low[0])
    ranked = sorted((pair for pair in counted if pair[0]), reverse=True)
    if not ranked or ranked[0][0] < COMMON:
        return None
    if len(ranked) > 1 and ranked[1][0] * DOMINANT > ranked[0][0]:
        return None
    return ranked[0][1]
