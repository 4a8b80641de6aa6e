"""When two organisation or event names are one name written two ways.

A name is reduced to a NameForm: its words in lower case without articles, legal suffixes
("Co., Ltd", a trailing "Corporation") and years, its head noun and the head's class
(Expo, Exposition and Exhibition share one class; Ministry and Department do not).

Two forms are *variants of one name* (`variant_kind`) when, word for word:
- their heads share a class and any years agree;
- every word of one is matched in the other, exactly or by a close spelling
  ("Vision"/"Visionary"/"Envision", "Macao"/"Macau", "China"/"Chinese"), or by the
  syllable initials of a romanised word ("JD" / "Jingdong");
- nothing is left over, except, in company names that also differ in a spelling or an
  acronym, generic descriptors on one side only ("Vision Technology Group" / "Envision
  Group"): "China Mobile" / "China Unicom" and "Science and Technology" / "Science and
  Industry" have words on both sides that do not match, so they stay apart, as do
  "Huawei Technologies" / "Huawei Cloud", "Alibaba Group" / "Ant Group" and "University
  of Hong Kong" / "Hong Kong University of Science and Technology";
- numbers agree, and no two different places match ("Hunan" / "Henan", "Shanxi" /
  "Shaanxi" are listed as distinct; two romanised words made of the same number of
  different syllables ("Zhejiang" / "Zhenjiang") never match);
- and they differ in a way a reader notices: word order ("Brunei University" /
  "University of Brunei"), a spelling, the head word (Exhibition / Exposition), an
  acronym for a word, or a connector (of / for). A mere shortening ("Huawei Technologies"
  -> "Huawei Technologies Co., Ltd") is not a variant, nor is a public body named head
  first and head last ("Ministry of Commerce" / "Commerce Ministry"): normal English.
"""
from __future__ import annotations

from functools import lru_cache

from ...text.lexicon import ARTICLES, DESCRIPTORS, DISTINCT_PLACES, HEAD_CLASS, LEGAL_SUFFIXES, TRAILING_FORMS
from .fuzzy import ratio
from .mentions import head_index
from .records import record
from .romanize import spelling_key, syllable_initials, syllables
from .tokens import Token, is_acronym, is_connector, is_year, make_token

DEMONYM_ENDINGS = ("ese", "ian", "an", "n", "i", "ish")
DROPPABLE_CLASSES = frozenset({"group", "company", "holdings"})
# Public bodies named head first or head last: "Ministry of Commerce" / "Commerce Ministry",
# "Standing Committee of the NPC" / "NPC Standing Committee" are one body in normal English.
IDIOMATIC_ORDER = frozenset({"ministry", "department", "bureau", "commission", "committee",
                             "administration", "office", "agency"})
SPELLING_RATIO = 80.0


class NameForm(record("NameForm", "key content head head_class years acronyms")):
    """A name reduced for comparison (see the module docstring)."""

    # key: tuple[str, ...]  words in lower case, connectors included
    # content: tuple[str, ...]  words without connectors; the head included
    # head: int | None  index of the head in content
    # head_class: str
    # years: tuple[str, ...]
    # acronyms: frozenset[str]  content words written as acronyms (JD, UBD)
    __slots__ = ()

    @property
    def head_word(self) -> str | None:
        return None if self.head is None else self.content[self.head]

    @property
    def modifiers(self) -> tuple[str, ...]:
        return tuple(w for i, w in enumerate(self.content) if i != self.head)


def _split_hyphens(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """'China-ASEAN' as 'China' 'ASEAN' (each part capitalised), so that it meets 'China
    ASEAN' word for word; 'Hong Kong-based' or 'e-commerce' stay whole."""
    out = []
    for t in tokens:
        parts = t.text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            out.append(t)
            continue
        at = t.start
        for p in parts:
            out.append(make_token(p, at, at + len(p)))
            at += len(p) + 1
    return tuple(out)


def name_form(tokens: tuple[Token, ...], legal: bool) -> NameForm | None:
    """The comparable form of a name's tokens, or None when nothing distinctive remains."""
    if any("-" in t.text for t in tokens):
        tokens = _split_hyphens(tokens)
    words = [t for t in tokens if not is_year(t)]
    years = tuple(t.text for t in tokens if is_year(t))
    while words and words[0].lower in ARTICLES:
        words = words[1:]
    while words and (words[-1].bare in TRAILING_FORMS or words[-1].lower in LEGAL_SUFFIXES
                     or is_connector(words[-1])):
        legal = legal or not is_connector(words[-1])
        words = words[:-1]
    words = [t for t in words if t.lower not in LEGAL_SUFFIXES and t.lower != "the"]
    if not words:
        return None
    key = tuple(t.bare for t in words)
    content_toks = [t for t in words if not is_connector(t)]
    content = tuple(t.bare for t in content_toks)
    at = head_index(words)      # read with its connectors: 'Institute of Technology'
    head = None if at is None else content_toks.index(words[at])
    if head is None and not legal:
        return None
    head_class = HEAD_CLASS[content[head]] if head is not None else "company"
    if len(content) - (head is not None) < 1:
        return None
    acr = frozenset(t.bare for t in content_toks if is_acronym(t.text))
    return NameForm(key, content, head, head_class, years, acr)


@lru_cache(maxsize=65536)
def variant_kind(a: NameForm, b: NameForm) -> str | None:
    """How a and b differ when they are one name written two ways; None when they are not."""
    if a.key == b.key or a.head_class != b.head_class:
        return None
    if a.years and b.years and set(a.years) != set(b.years):
        return None
    match = _match(a.modifiers, b.modifiers, a.acronyms | b.acronyms)
    if match is None:
        return None
    pairs, left_a, left_b, kinds = match
    if left_a or left_b:
        if not _may_drop(a, left_a + left_b, kinds):
            return None
    if not any(a.modifiers[i] not in DESCRIPTORS for i, _ in pairs):
        return None
    if a.head_word != b.head_word and a.head is not None and b.head is not None:
        kinds.add("spelling" if close_spelling(a.head_word, b.head_word) else "head")
    order = _order(a, b, pairs)
    if order != sorted(order):
        kinds.add("order")
    if not kinds and not left_a and not left_b and _connectors(a) != _connectors(b):
        kinds.add("connector")
    if kinds == {"order"} and a.head_class in IDIOMATIC_ORDER and _head_swap(a, b):
        return None
    return _main_kind(kinds)


def _head_swap(a: NameForm, b: NameForm) -> bool:
    """One form puts its head first ('Ministry of Commerce'), the other last ('Commerce
    Ministry'), the other words in the same order."""
    def rest(f: NameForm) -> tuple[str, ...]:
        return tuple(w for i, w in enumerate(f.content) if i != f.head)
    if a.head is None or b.head is None or rest(a) != rest(b):
        return False
    ends = {a.head == 0, b.head == 0}
    last = {a.head == len(a.content) - 1, b.head == len(b.content) - 1}
    return ends == {True, False} and last == {True, False}


def _may_drop(a: NameForm, left: list[str], kinds: set[str]) -> bool:
    """Words one name has and the other lacks are allowed only when they are generic
    descriptors of a company, and the names also differ in a spelling or an acronym
    ('Vision Technology Group' / 'Envision Group'). Institutions are told apart by such
    words ('University of Hong Kong' / 'Hong Kong University of Science and Technology')."""
    return (a.head_class in DROPPABLE_CLASSES and all(w in DESCRIPTORS for w in left)
            and bool(kinds & {"spelling", "acronym"}))


def _connectors(f: NameForm) -> tuple[str, ...]:
    return tuple(w for w in f.key if w not in f.content)


def _main_kind(kinds: set[str]) -> str | None:
    for k in ("acronym", "order", "head", "spelling", "connector"):
        if k in kinds:
            return k
    return None


def _match(ma: tuple[str, ...], mb: tuple[str, ...], acronyms: frozenset[str]):
    """Pair the words of ma with those of mb: exact, then close spellings and acronyms."""
    if _numbers(ma) != _numbers(mb):
        return None
    if sorted(ma) == sorted(mb):
        return _same_words(ma, mb)
    free_b = list(range(len(mb)))
    pairs: list[tuple[int, int]] = []
    rest_a = []
    for i, w in enumerate(ma):
        j = next((j for j in free_b if mb[j] == w), None)
        if j is None:
            rest_a.append(i)
        else:
            pairs.append((i, j))
            free_b.remove(j)
    kinds: set[str] = set()
    left_a = []
    for i in rest_a:
        found = None
        for j in free_b:
            how = token_relation(ma[i], mb[j], acronyms)
            if how:
                found = (j, how)
                break
        if found is None:
            left_a.append(ma[i])
            continue
        pairs.append((i, found[0]))
        free_b.remove(found[0])
        kinds.add(found[1])
    left_b = [mb[j] for j in free_b]
    return pairs, left_a, left_b, kinds


def _same_words(ma: tuple[str, ...], mb: tuple[str, ...]):
    free = {}
    for j, w in enumerate(mb):
        free.setdefault(w, []).append(j)
    pairs = [(i, free[w].pop(0)) for i, w in enumerate(ma)]
    return pairs, [], [], set()


def _numbers(words: tuple[str, ...]) -> list[str]:
    return sorted(w for w in words if any(c.isdigit() for c in w))


def _order(a: NameForm, b: NameForm, pairs: list[tuple[int, int]]) -> list[int]:
    """Positions in b's content of a's matched words and head, in a's order."""
    to_b = {}
    mod_a = [i for i in range(len(a.content)) if i != a.head]
    mod_b = [j for j in range(len(b.content)) if j != b.head]
    for i, j in pairs:
        to_b[mod_a[i]] = mod_b[j]
    if a.head is not None and b.head is not None:
        to_b[a.head] = b.head
    return [to_b[i] for i in sorted(to_b)]


@lru_cache(maxsize=65536)
def token_relation(x: str, y: str, acronyms: frozenset[str] = frozenset()) -> str | None:
    """'spelling' or 'acronym' when two different words can stand for one; else None."""
    if x == y:
        return None
    if x in acronyms or y in acronyms:
        acr, word = (x, y) if x in acronyms else (y, x)
        if word not in acronyms and syllable_initials(word) == acr.replace(".", ""):
            return "acronym"
        return None
    if not (x.isalpha() and y.isalpha()) or min(len(x), len(y)) < 4:
        return None
    if x in DISTINCT_PLACES and y in DISTINCT_PLACES:
        return None
    if spelling_key(x) == spelling_key(y):
        return "spelling"
    if _demonym(x, y):
        return "spelling"
    return "spelling" if close_spelling(x, y) else None


def close_spelling(x: str, y: str) -> bool:
    """Similar enough to be one word misspelt or re-transliterated (not a different place)."""
    if ratio(x, y) < SPELLING_RATIO:
        return False
    if not (x[0] == y[0] or x in y or y in x):
        return False
    sx, sy = syllables(x), syllables(y)
    if sx and sy and len(sx) == len(sy) > 1 and sx != sy:
        return False       # two different romanised words (Zhejiang / Zhenjiang)
    return True


def _demonym(x: str, y: str) -> bool:
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if not long.startswith(short[:-1]):
        return False
    return any(long == short + e or long == short[:-1] + e for e in DEMONYM_ENDINGS)
