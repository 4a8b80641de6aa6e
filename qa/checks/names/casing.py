"""NC06: one name in two casings.

Two kinds of names are compared:
- single words with capitals inside them ("WeChat" / "Wechat", "IoT" / "IOT"); two forms
  that are only all-capital or plain capitalised ("IT" / "It", "SHARES" / "Shares") are an
  acronym or emphasis beside an ordinary word, not a name in two casings, unless the
  capitalised form reads as initials, not as a word ("CRRC" / "Crrc", "TCL" / "Tcl"): then
  the acronym is the name, and the one to keep;
- organisation names of several words with a head noun ("Shanghai Jiao Tong University" /
  "Shanghai Jiao tong University"), found again anywhere in the text in any casing.

Not case variants: capitals a word has only because it opens a sentence; the headline,
title-case and all-capital lines; personal titles ("Prime Minister Li" / "the prime
minister"); a name written wholly in lower case ("an agricultural bank"), which can be a
plain noun phrase; and a lower-case head noun alone ("an EU summit").

The casing used most is preferred; on a tie, the one with a capital inside a word
(WeChat, IoT), then the one with more capitals, then the first.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.lexicon import CONNECTORS, TITLE_WORDS
from ...text.slices import lower, single_spaced
from .acronym_checks import check_form_mismatch
from .lines import all_caps_lines, in_dateline, title_case_lines
from .mentions import mentions
from .romanisation import is_romanised
from .tokens import TOKEN, Token, bare_of, is_connector, tokenize, without_possessive

FIND_LIMIT = 64


def _is_titlecase(word: str) -> bool:
    return word[:1].isupper() and word[1:] == word[1:].lower()


def _skip_lines(doc: Document) -> set[int]:
    return title_case_lines(doc) | all_caps_lines(doc)


def check_case_variants(doc: Document, opts: RuleOptions):
    skip = _skip_lines(doc)
    taken = {(h.start, h.end) for h in check_form_mismatch(doc, opts)}
    hits = list(_word_variants(doc, skip)) + list(_phrase_variants(doc, skip))
    for h in sorted(hits, key=lambda h: (h.start, h.end)):
        if not any(s <= h.start and h.end <= e for s, e in taken):
            yield h


# ---- single words ----------------------------------------------------------------------
def _word_variants(doc: Document, skip: set[int]):
    found = mentions(doc)
    spelt = _spelt_two_ways({without_possessive(t) for t in found.word_texts()})
    if not spelt:
        return                  # every word has one spelling only: nothing to compare
    by_lower: dict[str, list] = defaultdict(list)
    for base, region, _ in found.occurrences():
        for w in region.words:
            text = without_possessive(w.text)
            if text in spelt:
                by_lower[text.lower()].append((base, w, text))
    for group in by_lower.values():
        occ = []
        for base, w, text in group:
            start = base + w.start
            if (not any(c.isalpha() for c in text) or doc.line_of(start) in skip
                    or found.in_title(base)
                    or (text.isupper() and in_dateline(doc.text, start, start + len(text)))):
                continue
            if w.sentence_initial and _is_titlecase(text) and not reads_as_initials(text):
                continue
            occ.append((text, start, start + len(text)))
        forms = {t for t, _, _ in occ}
        if len(forms) < 2 or _ordinary_pair(forms):
            continue
        yield from _minority_hits(doc, occ)


def _spelt_two_ways(texts: set[str]) -> set[str]:
    """The texts that share their lower case with another text."""
    by_lower: dict[str, list[str]] = defaultdict(list)
    for t in texts:
        by_lower[t.lower()].append(t)
    return {t for group in by_lower.values() if len(group) > 1 for t in group}


def _ordinary_pair(forms: set[str]) -> bool:
    """Only all-capital and plain capitalised forms (IT / It, SHARES / Shares): an acronym
    or emphasis beside an ordinary word, not a name in two casings. A name with inner
    capitals (WeChat, IoT) is what this rule is about, and so is an acronym beside a
    capitalised form no English word could have ('CRRC' / 'Crrc', 'TCL' / 'Tcl')."""
    return (all(f.isupper() or _is_titlecase(f) for f in forms)
            and not _initials_pair(forms))


def _initials_pair(forms: set[str]) -> bool:
    """An all-capital acronym beside capitalised forms that read as initials, not words."""
    caps = [f for f in forms if f.isupper()]
    return bool(caps) and all(f.isupper() or reads_as_initials(f) for f in forms)


_ONSETS = frozenset("""
bl br ch cl cr dr dw fl fr gh gl gn gr kn kr ph pl pr ps qu rh sc sh sk sl sm sn sp sq st sw
th tr tw wh wr
""".split())
_ABBREVIATIONS = frozenset("""
mr mrs ms dr st jr sr mt ft pt ltd hr kg km mm cm ml mw kw gw kwh mwh gwh twh bn mn pct nr
""".split())
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=4096)
def reads_as_initials(word: str) -> bool:
    """A capitalised word no English (or pinyin) word is spelt like: no vowel ('Crrc'), or
    a short word opening with two consonants no English word starts with ('Tcl', 'Sdic')
    that is not a romanised Chinese word. Abbreviations ('Mr', 'Ltd', 'St', 'Kg') are
    words here."""
    low = word.lower()
    if not low.isalpha() or not low.isascii() or len(low) < 2 or low in _ABBREVIATIONS:
        return False
    if not any(c in _VOWELS for c in low):
        return True
    if len(low) > 5 or is_romanised(low):
        return False        # 'Nguyen', 'Zhang', 'Tsinghua': names, not initials
    return low[0] not in _VOWELS and low[1] not in _VOWELS and low[:2] not in _ONSETS


# ---- multi-word names ------------------------------------------------------------------
def _phrase_names(doc: Document, skip: set[int]) -> dict[tuple[str, ...], tuple[int, int, int]]:
    """Organisation names of two words or more, by their words in lower case: (start, end
    of the last word, head index) of the first mention outside the skipped lines."""
    names: dict[tuple[str, ...], tuple[int, int, int]] = {}
    for base, region, title_case in mentions(doc).occurrences():
        if title_case:
            continue
        for shape in region.names:
            if shape.head is None or len(shape.tokens) < 2:
                continue
            key = shape.lower_key
            if key is None:
                key = shape.lower_key = tuple([t.lower for t in shape.tokens])
            if key in names or not _phrase_key_ok(key):
                continue
            if skip and doc.line_of(base + shape.start) in skip:
                continue
            names[key] = (base + shape.start, base + shape.last_end, shape.head)
    return names


@lru_cache(maxsize=65536)
def _phrase_key_ok(key: tuple[str, ...]) -> bool:
    """Two or more words besides connectors, and no personal title."""
    return (sum(1 for w in key if w not in CONNECTORS) >= 2
            and not any(bare_of(w) in TITLE_WORDS for w in key))


def _phrase_variants(doc: Document, skip: set[int]):
    names = _phrase_names(doc, skip)
    if not names:
        return
    text = doc.text
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in names:
        by_first[key[0]].append(key)
    word_by_word = len(by_first) > FIND_LIMIT       # decided before any group is dropped
    _drop_single_cased(text, by_first)
    if not by_first:
        return
    reach = {w: max(len(" ".join(k)) for k in keys) + 8 for w, keys in by_first.items()}
    prefixes = {w: {doc.text[names[k][0]:names[k][1]].lower() for k in keys}
                for w, keys in by_first.items()}
    occ: dict[tuple[str, ...], list[tuple[str, bool, int, int]]] = defaultdict(list)
    for start, first in _word_starts(text, by_first, word_by_word):
        window = text[start:start + reach[first]].lower()
        if not any(window.startswith(p) for p in prefixes[first]):
            continue
        if (skip and doc.line_of(start) in skip) or _in_title(doc, start):
            continue
        toks = tokenize(text, start, min(len(text), start + reach[first]))
        lows = tuple([t.text.lower() for t in toks])
        for key in by_first[first]:
            seq = toks[:len(key)]
            if lows[:len(key)] == key and _contiguous(text, seq):
                occ[key].append((_spelling(seq, names[key][2]),
                                 _opens_sentence(doc, seq[0]), seq[0].start, seq[-1].end))
    for found in occ.values():
        resolved = [o for o in _resolve_openers(found) if not o[0].islower()]
        if len({s for s, _, _ in resolved}) >= 2:
            yield from _minority_hits(doc, resolved)


def _drop_single_cased(text: str, by_first: dict) -> None:
    """Leave out the names (grouped by first word) none of which is written in two casings
    anywhere: every occurrence of such a name is spelt alike. A name is looked for as its
    words joined by single spaces in the lower-cased text with runs of white space made
    single spaces, which finds every occurrence the full search can find, and more.

    The lower case of the single-spaced text is that text: no white space character
    changes in lower case or is skipped when a capital sigma looks at its neighbours, and
    no other character becomes white space (tests/test_names_store.py checks all)."""
    cased = single_spaced(text)
    low = lower(cased)
    if len(low) != len(cased):
        return                      # lower case changed lengths: offsets do not line up
    for first in list(by_first):
        if not any(_two_casings(low, cased, " ".join(key)) for key in by_first[first]):
            del by_first[first]


def _two_casings(low: str, text: str, name: str) -> bool:
    """The lower-case `name` is written in two casings somewhere in the text."""
    k = low.find(name)
    if k < 0:
        return False
    first = text[k:k + len(name)]
    while k >= 0:
        if text[k:k + len(name)] != first:
            return True
        k = low.find(name, k + 1)
    return False


def _word_starts(text: str, wanted, word_by_word: bool) -> list[tuple[int, str]]:
    """(offset, lower-case word) of every word of the text that is in `wanted`, any case.

    A few wanted words are looked up with str.find in the lower-cased text; for many
    (`word_by_word`, decided by the caller from the number of names) every word of the
    text is looked up. Either way the cost grows with the length of the text."""
    low = lower(text)
    if len(low) != len(text):       # a letter whose lower case is longer: go word by word
        return [(m.start(), m.group(0).lower()) for m in TOKEN.finditer(text)
                if m.group(0).lower() in wanted]
    if word_by_word:
        return [(m.start(), m.group(0)) for m in TOKEN.finditer(low) if m.group(0) in wanted]
    out = []
    for word in wanted:
        k = low.find(word)
        while k >= 0:
            end = k + len(word)
            if (k == 0 or not low[k - 1].isalnum()) and (end == len(low)
                                                         or not low[end].isalnum()):
                out.append((k, word))
            k = low.find(word, end)
    return sorted(out)


def _in_title(doc: Document, offset: int) -> bool:
    t = doc.title
    return bool(t and t.start <= offset < t.end)


def _resolve_openers(found):
    """A sentence-opening occurrence takes the casing of a mid-sentence one that differs
    from it only in the first letter (its own when it is also used mid-sentence, else the
    first such one in the text); one that matches none keeps its own."""
    inner = list(dict.fromkeys(s for s, opens, _, _ in found if not opens))
    out = []
    for spelling, opens, start, end in found:
        if opens:
            same = [x for x in inner if x[1:] == spelling[1:]]
            if same:
                spelling = spelling if spelling in same else same[0]
            elif not inner:
                continue
        out.append((spelling, start, end))
    return out


def _contiguous(text: str, seq: list[Token]) -> bool:
    for k in range(1, len(seq)):
        gap = text[seq[k - 1].end:seq[k].start]
        if gap.strip() or "\n\n" in gap:
            return False
    return True


def _spelling(seq: list[Token], head: int | None) -> str:
    """The casing that matters. Connectors do not count, nor does the head noun alone: 'an
    EU summit' is a summit, not a misspelt 'EU Summit'."""
    return " ".join(t.text.lower() if is_connector(t) or k == head else t.text
                    for k, t in enumerate(seq))


def _opens_sentence(doc: Document, tok: Token) -> bool:
    k = doc.sentence_at(tok.start)
    if k is None:
        return False
    s = doc.sentences[k].start
    return not doc.text[s:tok.start].strip("\"'“‘«([ ")


# ---- reporting -----------------------------------------------------------------------
def _brand_case(spelling: str) -> bool:
    """A capital after a small letter inside a word (WeChat, IoT): chosen on purpose."""
    return any(a.islower() and b.isupper() for a, b in zip(spelling, spelling[1:]))

def _minority_hits(doc: Document, occ: list[tuple[str, int, int]]):
    counts: dict[str, int] = defaultdict(int)
    first: dict[str, tuple[int, int]] = {}
    for spelling, s, e in occ:
        counts[spelling] += 1
        first.setdefault(spelling, (s, e))
    initials = _initials_pair(set(counts))
    preferred = max(counts, key=lambda f: (initials and f.isupper(), counts[f], _brand_case(f),
                                           sum(c.isupper() for c in f), -first[f][0]))
    ps, pe = first[preferred]
    shown = doc.text[ps:pe]
    for spelling, s, e in occ:
        if spelling == preferred:
            continue
        text = doc.text[s:e]
        yield Hit(s, e,
                  f"'{text}' (line {doc.line_of(s)}) and '{shown}' (line {doc.line_of(ps)}) "
                  f"are one name in two casings: write it the same way every time, '{shown}'",
                  shown, related=((ps, pe, f"written '{shown}'"),))
