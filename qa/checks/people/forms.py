"""Checks on how one person is written across a release: both name orders, two glossary
names of one person, and a given name left in lower case."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import lru_cache

from ..._speed.regex import CompiledPattern, LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.chars import DualRegex, doc_is_plain
from ...text.patterns import literal_pattern
from ...text.pinyin import SURNAMES, syllable_count
from .data import ENGLISH_SURNAMES, ENGLISH_TWO_SYLLABLE
from .names import pinyin_pairs
from .words import surnames

MAX_RELATED = 5


# ---- one person in both name orders -----------------------------------------------------
@lru_cache(maxsize=16)     # per glossary: a Glossary hashes by identity
def _glossary_pairs(glossary) -> frozenset[frozenset]:
    """Name pairs a glossary already declares as forms of one person (PN04 reports those)."""
    out = set()
    for ent in glossary.of_kind("person"):
        for form in ent.forms:
            words = form.split()
            if len(words) == 2:
                out.add(frozenset(words))
    return frozenset(out)


def name_order(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    by_order: dict[tuple[str, str], list] = defaultdict(list)
    for p in pinyin_pairs(doc):
        if p.first != p.second:
            by_order[(p.first, p.second)].append(p)
    declared = _glossary_pairs(opts.glossary)
    for (a, b), occ in by_order.items():
        other = by_order.get((b, a))
        if not other or frozenset((a, b)) in declared:
            continue
        mine_key = (len(occ), -occ[0].start)
        other_key = (len(other), -other[0].start)
        if mine_key > other_key:
            continue                    # this is the order the release prefers
        keep = f"{b} {a}"
        first = other[0]
        for p in occ:
            yield Hit(p.start, p.end,
                      f"'{a} {b}' (line {doc.line_of(p.start)}) and '{keep}' (line "
                      f"{doc.line_of(first.start)}) look like one person in two name orders: "
                      f"use one order throughout (Chinese names: surname first)",
                      suggestion=keep,
                      related=((first.start, first.end, "the other order"),), fix=keep)


# ---- glossary aliases of one person ------------------------------------------------------
@lru_cache(maxsize=16)     # per glossary: a Glossary hashes by identity
def _person_matcher(glossary) -> tuple[CompiledPattern | None, tuple]:
    people = glossary.of_kind("person")
    forms = [(k, f) for k, ent in enumerate(people) for f in ent.forms]
    if not forms:
        return None, people
    forms.sort(key=lambda kf: -len(kf[1]))
    source = "|".join(f"(?P<p{n}>{literal_pattern(f, True)})" for n, (_, f) in enumerate(forms))
    return LazyRegex(source), (people, tuple(forms), _anchors(f for _, f in forms))


def _anchors(forms) -> tuple[str, ...] | None:
    """The text every match of a form starts with: its first word up to any apostrophe
    (literal_pattern lets ' and ’ stand for each other). None when a form has none."""
    out = set()
    for form in forms:
        words = form.split()
        anchor = words[0].replace("’", "'").split("'")[0] if words else ""
        if not anchor:
            return None
        out.add(anchor)
    return tuple(sorted(out))


def _finditer_at_anchors(pattern, text: str, anchors: tuple[str, ...] | None):
    """pattern.finditer(text), trying the pattern only where an anchor starts."""
    if anchors is None:
        yield from pattern.finditer(text)
        return
    starts = set()
    for anchor in anchors:
        k = text.find(anchor)
        while k >= 0:
            starts.add(k)
            k = text.find(anchor, k + 1)
    end = 0
    for k in sorted(starts):
        if k >= end:
            m = pattern.match(text, k)
            if m:
                end = m.end()
                yield m


def glossary_person_aliases(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    pattern, data = _person_matcher(opts.glossary)
    if pattern is None:
        return
    people, forms, anchors = data
    found: dict[int, list] = defaultdict(list)
    for m in _finditer_at_anchors(pattern, doc.text, anchors):
        k, form = forms[int(m.lastgroup[1:])]
        found[k].append((form, m.start(), m.end()))
    for k, occ in found.items():
        used: dict[str, int] = {}
        for form, s, _ in occ:
            used.setdefault(form, s)
        if len(used) < 2:
            continue
        ent = people[k]
        counts = {f: sum(1 for g, _, _ in occ if g == f) for f in used}
        preferred = ent.canonical if ent.canonical in used else max(
            used, key=lambda f: (counts[f], -used[f]))
        others = ", ".join(f"'{f}' (line {doc.line_of(s)})" for f, s in used.items())
        for form, s, e in occ:
            if form == preferred:
                continue
            related = tuple((fs, fs + len(f), f"also written '{f}'") for f, fs in used.items()
                            if f != form)[:MAX_RELATED]
            who = f"{ent.canonical}, {ent.note}" if ent.note else ent.canonical
            yield Hit(s, e, f"{others} name one person ({who}): use one form, '{preferred}'",
                      suggestion=preferred, related=related, fix=preferred)


# ---- a given name in lower case ----------------------------------------------------------
_SURNAME_LOWER = DualRegex(r"(?<![\p{L}\p{N}'’.-])([A-Z][a-z]+) ([a-z]{4,})(?![\p{L}\p{N}'’-])")
_CE = ("me", "ne", "le", "ke", "de", "te", "ge", "se", "re", "ce", "ze", "he", "che", "she", "zhe")


def _looks_english(word: str) -> bool:
    return word in ENGLISH_TWO_SYLLABLE or word.endswith("er") or word.endswith(_CE)


def _sentence_initial(text: str, start: int) -> bool:
    k = start - 1
    while k >= 0 and text[k] in " \t\"'“‘(":
        k -= 1
    return k < 0 or text[k] in ".!?:\n\r"


def _surname_then_lower(doc: Document) -> Iterator:
    """The matches of _SURNAME_LOWER whose first word is a surname: they start at a surname
    followed by a space (matches cannot overlap: each has one capital, its first letter)."""
    text = doc.text
    pattern = _SURNAME_LOWER.pick(doc_is_plain(doc))
    for w in surnames(doc):
        if text[w.end:w.end + 1] == " ":
            m = pattern.match(text, w.start)
            if m:
                yield m


def lower_case_given_name(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    text = doc.text
    for m in _surname_then_lower(doc):
        surname, given = m.group(1), m.group(2)
        if surname not in SURNAMES or syllable_count(given) != 2 or _looks_english(given):
            continue
        if surname in ENGLISH_SURNAMES and _sentence_initial(text, m.start()):
            continue
        fixed = f"{surname} {given.capitalize()}"
        yield Hit(m.start(2), m.end(2),
                  f"'{m.group(0)}': the given name '{given}' is written in lower case; in pinyin "
                  f"both parts of a name are capitalised: '{fixed}'",
                  suggestion=fixed, fix=given.capitalize())
