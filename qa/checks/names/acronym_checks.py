"""NC03-NC05: acronyms used before their definition, defined twice, or written in another
form than defined ("WIOT 2021" / "2021 WIOT" / "IOT 2021").

Normal abbreviation is never reported: a defined acronym used after its definition, an
acronym every reader knows (US, EU, GDP, CEO, IoT, 5G, ...) used anywhere, a bare acronym
standing for its year-qualified form ("WIOT" for "WIOT 2021"), and an acronym opening a
longer name in the sentence that defines it ("the UCI Asia Tour of the Union Cycliste
Internationale (UCI)").
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .acronyms import Definition, Use, acronyms, is_generic
from .tokens import acronym_letters, tokenize

MIN_RELATED_LETTERS = 3
MAX_EXTRA_LETTERS = 2


def _in_title(doc: Document, offset: int) -> bool:
    t = doc.title
    return bool(t and t.start <= offset < t.end)


def _first_definitions(defs) -> dict[str, Definition]:
    first: dict[str, Definition] = {}
    for d in defs:
        if d.acronym:
            first.setdefault(d.acronym, d)
    return first


# ---- NC03 ----------------------------------------------------------------------------
def check_used_before_definition(doc: Document, opts: RuleOptions):
    acr = acronyms(doc)
    first = _first_definitions(acr.definitions)
    for use in acr.uses.of_words(first):
        d = first[use.word]
        if use.word_start >= min(d.long_start, d.short_start):
            continue
        if _in_title(doc, use.word_start) or is_generic(use.word):
            continue
        if _in_name_of_same_sentence(doc, use.word_start, len(use.word), d.short_start):
            continue
        long = doc.text[d.long_start:d.long_end]
        yield Hit(use.word_start, use.word_start + len(use.word),
                  f"'{use.word}' is used here (line {doc.line_of(use.word_start)}) but defined "
                  f"only later, as '{long}' (line {doc.line_of(d.short_start)}): spell it out "
                  f"at its first use and give the acronym there",
                  f"{long} ({use.word})",
                  related=((d.short_start, d.short_end, f"'{use.word}' is defined here"),))


_NEXT_CAPITAL = LazyRegex(r"[ \t]+\p{Lu}")


def _in_name_of_same_sentence(doc: Document, start: int, length: int, defined_at: int) -> bool:
    """The acronym opens a longer name ('the UCI Asia Tour of the Union Cycliste
    Internationale (UCI)') in the very sentence that defines it: a reader meets the
    definition before the sentence ends, and the name is written as its owner writes it."""
    sentence = doc.sentence_at(start)
    return (sentence is not None and sentence == doc.sentence_at(defined_at)
            and _NEXT_CAPITAL.match(doc.text, start + length) is not None)


# ---- NC04 ----------------------------------------------------------------------------
def _long_key(doc: Document, d: Definition) -> str:
    toks = tokenize(doc.text, d.long_start, d.long_end)
    skip = {"the", "a", "an", "co", "co.", "ltd", "ltd.", "inc", "inc.", "limited"}
    return " ".join(t.bare for t in toks if t.lower not in skip)


def check_defined_twice(doc: Document, opts: RuleOptions):
    defs = [d for d in acronyms(doc).definitions if d.acronym]
    by_short: dict[str, list[Definition]] = defaultdict(list)
    by_long: dict[str, list[Definition]] = defaultdict(list)
    for d in defs:
        by_short[d.acronym].append(d)
        by_long[_long_key(doc, d)].append(d)
    for short, group in by_short.items():
        first = group[0]
        for d in group[1:]:
            if _long_key(doc, d) != _long_key(doc, first):
                yield _twice_hit(doc, d, first, f"'{short}' is defined twice with different "
                                 f"expansions: '{_long(doc, first)}' (line "
                                 f"{doc.line_of(first.short_start)}) and '{_long(doc, d)}' "
                                 f"(line {doc.line_of(d.short_start)})")
    for _key, group in by_long.items():
        first = group[0]
        for d in group[1:]:
            if d.acronym != first.acronym:
                yield _twice_hit(doc, d, first, f"'{_long(doc, d)}' is given two acronyms: "
                                 f"'{first.acronym}' (line {doc.line_of(first.short_start)}) "
                                 f"and '{d.acronym}' (line {doc.line_of(d.short_start)})")


def _long(doc: Document, d: Definition) -> str:
    return doc.text[d.long_start:d.long_end]


def _twice_hit(doc: Document, d: Definition, first: Definition, what: str) -> Hit:
    return Hit(d.short_start, d.short_end,
               f"{what}: readers cannot tell which is meant; define each acronym once",
               first.acronym,
               related=((first.short_start, first.short_end, "first definition"),))


# ---- NC05 ----------------------------------------------------------------------------
def related_letters(a: str, b: str) -> bool:
    """Equal, or one inside the other with at most two letters more ('iot' / 'wiot')."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) >= MIN_RELATED_LETTERS and len(long) - len(short) <= MAX_EXTRA_LETTERS
            and short in long)


def check_form_mismatch(doc: Document, opts: RuleOptions):
    acr = acronyms(doc)
    defined = {d.short: d for d in acr.definitions if d.acronym}
    by_year: dict[str, list[Use]] = defaultdict(list)
    for u in acr.uses.with_year():
        if u.year:
            by_year[u.year].append(u)
    for _year, uses in by_year.items():
        for group in _letter_groups(uses):
            yield from _mismatch_hits(doc, group, defined)


def _letter_groups(uses: list[Use]) -> list[list[Use]]:
    """Uses whose letters are related, grouped (compared once per distinct spelling)."""
    groups: list[list[Use]] = []
    letters_of: list[set[str]] = []
    for u in uses:
        letters = acronym_letters(u.word)
        for g, seen in zip(groups, letters_of):
            if letters in seen or any(related_letters(letters, x) for x in seen):
                g.append(u)
                seen.add(letters)
                break
        else:
            groups.append([u])
            letters_of.append({letters})
    return groups


def _mismatch_hits(doc: Document, group: list[Use], defined: dict[str, Definition]):
    forms = Counter(u.text_form for u in group)
    if len(forms) < 2 or all(is_generic(u.word) for u in group):
        return
    chosen = [f for f in forms if f in defined]
    order = {}
    for u in group:
        order.setdefault(u.text_form, u.start)
    preferred = chosen[0] if chosen else max(forms, key=lambda f: (forms[f], -order[f]))
    d = defined.get(preferred)
    first_pref = next(u for u in group if u.text_form == preferred)
    anchor = (d.short_start, d.short_end) if d else (first_pref.start, first_pref.end)
    how = "defined" if d else "written"
    for u in group:
        if u.text_form == preferred or (d and d.short_start <= u.start < d.short_end):
            continue
        yield Hit(u.start, u.end,
                  f"'{u.text_form}' (line {doc.line_of(u.start)}) is another form of "
                  f"'{preferred}', {how} on line {doc.line_of(anchor[0])}: use the same form "
                  f"every time", preferred,
                  related=((anchor[0], anchor[1], f"{how} as '{preferred}'"),),
                  fix=preferred)


# ---- NC12 ----------------------------------------------------------------------------
def check_defined_again(doc: Document, opts: RuleOptions):
    """The same acronym defined a second time with the same name: from then on the short
    form alone is enough."""
    first: dict[str, Definition] = {}
    for d in acronyms(doc).definitions:
        if not d.acronym or d.kind != "acronym":
            continue
        f = first.setdefault(d.acronym, d)
        if f is d or _long_key(doc, f) != _long_key(doc, d) or _in_about(doc, d.long_start):
            continue
        end = _bracket_end(doc.text, d.short_end)
        if end is None:
            continue
        written = doc.text[d.long_start:end]
        yield Hit(d.long_start, end,
                  f"'{written}' defines '{d.acronym}' again (first defined on line "
                  f"{doc.line_of(f.short_start)}): after the first definition write "
                  f"'{d.acronym}' alone", d.acronym,
                  related=((f.long_start, f.short_end, "first definition"),), fix=d.acronym)
    for start, end, acronym, earlier in lower_case_definitions_again(doc):
        written = doc.text[start:end]
        yield Hit(start, end,
                  f"'{written}' defines '{acronym}' again (first defined on line "
                  f"{doc.line_of(earlier[0])}): after the first definition write '{acronym}' alone",
                  acronym, related=((*earlier, "first definition"),),
                  fix=acronym)


# a lower-case term defined by its initials: 'autonomous underwater vehicle (AUV)'
_LOWER_DEFINITION = LazyRegex(r"(?<![A-Za-z-])((?:[a-z]+[ -]){1,7}[a-z]+)[ \t]*[(（]([A-Z]{2,7})[)）]")


def lower_case_definitions_again(doc: Document):
    """(start, end, acronym, (start, end) of the first) for each lower-case term defined a
    second time with the same words and the acronym of their initials."""
    text = doc.text
    if "(" not in text and "（" not in text:
        return
    first: dict[tuple[str, str], tuple[int, int]] = {}
    for m in _LOWER_DEFINITION.finditer(text):
        acronym = m.group(2)
        words = m.group(1).replace("-", " ").split()[-len(acronym):]
        if len(words) != len(acronym) or "".join(w[0] for w in words).upper() != acronym:
            continue
        start = m.end(1) - len(" ".join(words))
        while start > m.start(1) and text[start - 1] not in " \t":
            start -= 1              # 'high-speed rail (HSR)': the hyphenated word whole
        key = (" ".join(words), acronym)
        if key not in first:
            first[key] = (start, m.end())
        elif not _in_about(doc, start):
            yield start, m.end(), acronym, first[key]


def _in_about(doc: Document, offset: int) -> bool:
    """In an 'About X' section: the boilerplate that introduces the issuer restates its
    full name by design."""
    text = doc.text
    start = text.rfind("\n\n", 0, offset)
    start = 0 if start < 0 else start + 2
    if text.startswith("About ", start):
        return True
    prev = text.rfind("\n\n", 0, max(0, start - 2))
    heading = text[prev + 2 if prev >= 0 else 0:max(0, start - 2)].strip()
    return heading.startswith("About ") and len(heading) < 80 and "\n" not in heading


def _bracket_end(text: str, pos: int) -> int | None:
    """The offset just after the bracket that closes a definition's short form."""
    k = pos
    while k < len(text) and k < pos + 3 and text[k] in "\"'”’ ":
        k += 1
    return k + 1 if k < len(text) and text[k] in ")）" else None
