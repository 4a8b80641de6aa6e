"""NC11: an acronym in brackets that does not fit the name before it ("Ministry of Science
and Technology (MIIT)", "Shanghai Stock Exchange (SEHK)").

An acronym fits a name when its letters are, in order, taken from the starts of the
name's words: one letter or the first few letters of a word ("MOFCOM": Ministry OF
COMmerce), the syllable initials of a romanised word ("KMT": Kuomintang), a connector's
first letter ("BOC": Bank Of China) or none; the acronym may start at a later word
("GBA" for the "... Greater Bay Area") and may pass over one content word in two
("RITS": Research Institute of Tsinghua University in Shenzhen). Looser tests (any letters
in order) would pass "MIIT" for the Ministry of Science and Technology.

Checked: a bracketed acronym right after an organisation name (two content words or
more, with a head noun or a legal suffix, or an official name). The suggestion is the
acronym the glossary gives the name (official.py); otherwise there is none. An acronym
whose letters fit is still reported when the glossary gives the name another acronym and
this one to another body ("Chinese Academy of Tropical Agricultural Sciences (CAAS)":
CAAS is the Chinese Academy of Agricultural Sciences, the name is CATAS), or the letters of
the name's own acronym in another order ("Regional Comprehensive Economic Partnership
(RECP)" for RCEP).
"""
from __future__ import annotations

from functools import lru_cache

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.lexicon import CONNECTORS, LEGAL_SUFFIXES, TITLE_WORDS
from .mentions import head_index, mentions
from .official import expansion_of, official_name, official_names
from .romanize import syllable_initials
from .tokens import acronym_letters, is_acronym, tokenize

_BRACKET = LazyRegex(r"[(（]\s*([A-Z][A-Za-z&.\-]{1,11})\s*[)）]")
_FOREIGN = frozenset({"und", "de", "des", "du", "la", "le", "van", "von", "der", "di", "da",
                      "del", "et", "y"})
_SMALL = (CONNECTORS | frozenset(w.rstrip(".") for w in LEGAL_SUFFIXES) | {"in", "at"}
          | _FOREIGN)
_COMPOUND_PARTS = ("vision", "east", "west", "north", "south", "phone", "com", "net", "ware")


def check_acronym_fit(doc: Document, opts: RuleOptions):
    text = doc.text
    if "(" not in text and "（" not in text:
        return
    found = mentions(doc)
    glossary = opts.glossary
    for m in _BRACKET.finditer(text):
        acr = m.group(1)
        if not is_acronym(acr) or not any(c.isupper() for c in acr[1:]):
            continue
        sent = doc.sentence_at(m.start())
        floor = doc.sentences[sent].start if sent is not None else 0
        name = _run_before(text, floor, m.start())
        if name is None:
            continue
        if found.name_before(text, m.start(), floor) is None \
                and not _official_tail(text[name[0]:name[1]], glossary):
            continue                # no name, unless the glossary knows it ('... Partnership')
        whole, name = name, _without_titles(text, *name)
        if name != whole:           # a title word may start the official name ('General Administration ...')
            start = _official_start(text, whole[0], name[0], whole[1], glossary)
            name = (start, name[1]) if start is not None else name
        words = _words(text, *name)
        if not _is_organisation(text[name[0]:name[1]], words, glossary):
            continue
        written = text[name[0]:name[1]]
        known = _official_tail(written, glossary)
        if known and acr in official_names(glossary).get(known, ()):
            continue                # the body's own acronym ('General Administration of Customs (GACC)')
        right = [a for a in official_names(glossary).get(known, ()) if a != acr] if known else []
        owner = expansion_of(acr, glossary)
        s, e = m.span(1)
        swapped = [a for a in right if sorted(a) == sorted(acr)]     # 'RECP' for 'RCEP'
        if swapped:
            yield Hit(s, e,
                      f"'{acr}' has the letters of {swapped[0]}, the acronym of '{written}', "
                      f"in another order: write {swapped[0]}", swapped[0],
                      related=((name[0], name[1], "the name it is given to"),), fix=swapped[0])
            continue
        if right and owner not in (None, known):
            # the letters may fit ('CAAS' in 'Chinese Academy of Tropical Agricultural
            # Sciences'), but the acronym is another body's
            yield Hit(s, e,
                      f"'{acr}' is the acronym of the {owner}, not of '{written}', which is "
                      f"{right[0]}", right[0],
                      related=((name[0], name[1], "the name it is given to"),), fix=right[0])
            continue
        letters = acronym_letters(acr)
        if fits(letters, tuple(words)) or fits(letters, _complement_first(tuple(words))):
            continue
        suggestion = right[0] if right else None
        advice = (f"'{written}' is {suggestion}" if suggestion
                  else "check the acronym the body uses, or leave it out")
        yield Hit(s, e,
                  f"'{acr}' does not fit '{written}': its letters are not the initials of the "
                  f"name's words, so readers will take it for another body; {advice}",
                  suggestion, related=((name[0], name[1], "the name it is given to"),),
                  fix=suggestion)


_RUN_WORDS = frozenset({"of", "and", "for", "the", "&", "in", "on"}) | _FOREIGN
MAX_RUN = 16


def _run_before(text: str, floor: int, pos: int) -> tuple[int, int] | None:
    """The capitalised words (with the small words that join them) just before `pos`:
    the whole name, across the 'and' that the name detector splits lists at
    ('Industrial and Commercial Bank of China')."""
    toks = tokenize(text, max(floor, pos - 300), pos)
    if not toks or text[toks[-1].end:pos].strip():
        return None
    k = len(toks)
    while k > 0 and len(toks) - k < MAX_RUN:
        t = toks[k - 1]
        if not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower in _RUN_WORDS):
            break
        if k < len(toks) and text[t.end:toks[k].start].strip(" "):
            break                   # punctuation between: another phrase
        k -= 1
    while k < len(toks) and (toks[k].lower in _RUN_WORDS or toks[k].lower in ("a", "an")):
        k += 1
    if k >= len(toks):
        return None
    return toks[k].start, toks[-1].end


def _without_titles(text: str, start: int, end: int) -> tuple[int, int]:
    """The run without a leading personal title and what joins it ('Representatives of the
    China Chamber ...' -> 'China Chamber ...')."""
    toks = tokenize(text, start, end)
    k = 0
    while k < len(toks) - 1 and (toks[k].bare in TITLE_WORDS or toks[k].lower in _RUN_WORDS):
        k += 1
    return (toks[k].start, end) if toks else (start, end)


def _official_tail(written: str, glossary) -> str | None:
    """The official name the run ends with, if any ('the China Chamber of International
    Commerce' -> 'China Chamber of International Commerce')."""
    words = written.split()
    for k in range(len(words)):
        found = official_name(" ".join(words[k:]), glossary)
        if found:
            return found
    return None


def _official_start(text: str, lo: int, stripped: int, end: int, glossary) -> int | None:
    """Where an official name ending at `end` starts, when it starts before `stripped`
    (the run without its leading title words), else None."""
    for t in tokenize(text, lo, stripped):
        if t.text[:1].isupper() and official_name(text[t.start:end], glossary):
            return t.start
    return None


def _complement_first(words: tuple[str, ...]) -> tuple[str, ...]:
    """'university of hong kong' read as 'hong kong university' (acronyms such as HKU
    follow that order)."""
    if "of" not in words:
        return words
    k = words.index("of")
    return words[k + 1:] + words[:k]


def _words(text: str, start: int, end: int) -> list[str]:
    """The name's words in lower case, hyphenated words split ('urban-rural'); a legal
    suffix is kept as a small word ('Limited' in 'CATL')."""
    out = []
    for t in tokenize(text, start, end):
        if t.lower in LEGAL_SUFFIXES:
            out.append(t.lower.rstrip("."))
            continue
        for part in t.bare.replace("’", "'").split("-"):
            part = part[:-2] if part.endswith("'s") else part
            if part:
                out.append(part)
    return out


def _is_organisation(written: str, words: list[str], glossary) -> bool:
    content = [w for w in words if w not in CONNECTORS]
    if official_name(written, glossary):
        return True
    toks = tokenize(written, 0, len(written))
    return len(content) >= 2 and (head_index(toks) is not None
                                  or any(t.lower in LEGAL_SUFFIXES for t in toks))


def _chunks(word: str) -> set[str]:
    """The letter groups one word may give an acronym."""
    out = {word[:k] for k in range(1, min(len(word), 6) + 1)}
    initials = syllable_initials(word)
    if initials:
        out.update(initials[:k] for k in range(2, len(initials) + 1))
    for part in _COMPOUND_PARTS:
        k = word.find(part, 2)
        if k > 0:
            out.add(word[0] + part[0])
    return out


@lru_cache(maxsize=8192)
def fits(letters: str, words: tuple[str, ...]) -> bool:
    """The acronym's letters can be read off the starts of the words (see the module
    docstring); the acronym may begin at any word."""
    content = sum(1 for w in words if w not in _SMALL)
    allowed = max(1, content // 2)
    n = len(letters)
    # states: (letters used, content words passed over) at the word about to be read
    for begin in range(len(words)):
        if words[begin] in _SMALL:
            continue
        states = {(0, 0)}
        for w in words[begin:]:
            nxt = set()
            chunks = _chunks(w)
            for used, skipped in states:
                if used == n:
                    nxt.add((used, skipped + (w not in _SMALL)))
                    continue
                nxt.add((used, skipped + (w not in _SMALL and used > 0)))
                for c in chunks:
                    if letters.startswith(c, used):
                        nxt.add((used + len(c), skipped))
            states = {s for s in nxt if s[1] <= allowed}
            if not states:
                break
        if any(used == n for used, _ in states):
            return True
    return False
