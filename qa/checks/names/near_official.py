"""Names of national bodies that miss the official English name by one translated word:
"Ministry of Culture and Travel" (文化和旅游部 is the Ministry of Culture and Tourism),
"Ministry of Housing and Urban-Rural Construction", "Ministry of Ecology and Environmental
Protection", "National Health Committee".

A name is read from a head word ("Ministry of", "National", "State", "General Administration
of") through the capitalised words joined to it by "of", "and" or "for". It is compared, word
by word and inflection aside, with the official names of the glossaries that start with the
same head: it is reported when exactly one official name differs from it by one word that
machine translation picks for the same Chinese word (tourism / travel, development /
construction, commission / committee, security / safety ...) or by one filler word the
official name has dropped ("Protection", "Affairs"). A name that is a glossary form of any
body, a name with a foreign country before or after it ("Japan's Ministry of ...",
"Ministry of ... of Korea") and a name that matches two official names equally are left
alone. The word lists are general knowledge of how these names are mistranslated, not
names taken from any test text.
"""
from __future__ import annotations

from functools import lru_cache

from ..._speed.regex import re_compile
from ...rules.context import EMPTY_GLOSSARY, Glossary
from ...text.lexicon import same_stem
from .official import INTERCHANGEABLE, official_names

# One Chinese word, two English renderings, in names of state bodies (旅游 tourism/travel,
# 建设 development/construction, 安全 security/safety, 管理 administration/management, ...).
SAME_WORD = INTERCHANGEABLE + (
    frozenset({"tourism", "travel"}),
    frozenset({"development", "construction", "building"}),
    frozenset({"security", "safety"}),
    frozenset({"administration", "management"}),
    frozenset({"supervision", "supervisory", "regulation", "regulatory"}),
    frozenset({"affairs", "matters"}),
    frozenset({"information", "informatization", "informatisation"}),
    frozenset({"reform", "reformation"}),
    frozenset({"radio", "broadcasting"}),
    frozenset({"transport", "transportation"}),
)
# Words an official name leaves out that MT adds back, or the other way round.
FILLERS = frozenset({"protection", "affairs"})

HEADS = ("Ministry of", "National", "State", "General Administration of")
_START = re_compile(r"\b(?:Ministry of|National|State|General Administration of)(?= [A-Z])")
_WORD = re_compile(r" (?:(?:of|and|for) )?([A-Z][\w’'-]*)")
_JOINS = ("of", "and", "for")
_STOP_AFTER_JOIN = frozenset({"Ministry", "National", "State", "General", "China", "Chinese", "The"})
_FOREIGN = re_compile(
    r"(?:\b(?!China\b|Beijing\b)[A-Z][a-z]+(?:'s|’s)|\b(?:Japanese|Korean|American|U\.S\.|US|"
    r"British|UK|French|German|Russian|Indian|Vietnamese|Thai|Malaysian|Indonesian|Cambodian|"
    r"Lao|Pakistani|Kazakh|Kazakhstani|Uzbek|Brazilian|Italian|Spanish|Australian|Canadian|"
    r"Saudi|Egyptian|Singaporean|Philippine|Mongolian|Nepalese|Turkish|Iranian|Israeli|"
    r"Ukrainian|Polish|Dutch|Swiss|Swedish|Norwegian|Danish|Finnish|Greek|Mexican|"
    r"Argentine|Chilean|Peruvian|South African|Nigerian|Kenyan|Ethiopian|Serbian|Hungarian)"
    r")\s+$")


def _alike(a: str, b: str) -> bool:
    """One word, inflection aside ('Environmental' / 'Environment', 'Resource' / 'Resources')."""
    return a == b or same_stem(a, b)


@lru_cache(maxsize=4096)
def _classes(word: str) -> frozenset[int]:
    """The SAME_WORD groups a word belongs to, inflection aside (a word can be in two)."""
    return frozenset(k for k, group in enumerate(SAME_WORD) if any(_alike(word, g) for g in group))


def _same_word(a: str, b: str) -> bool:
    """One word, or two renderings of one Chinese word."""
    return _alike(a, b) or bool(_classes(a) & _classes(b))


def _content(words: list[str]) -> tuple[str, ...]:
    low = (w.lower().replace("’", "'") for w in words)
    return tuple(w for w in low if w not in _JOINS and w != "the")


def _one_off(written: tuple[str, ...], official: tuple[str, ...]) -> bool:
    """Inflection aside, one word swapped for its other rendering, or one filler word added or
    dropped."""
    if len(written) == len(official):
        diffs = [(a, b) for a, b in zip(written, official) if not _alike(a, b)]
        return not diffs or len(diffs) == 1 and _same_word(*diffs[0])
    longer, shorter = (written, official) if len(written) > len(official) else (official, written)
    if len(longer) != len(shorter) + 1:
        return False
    return any(any(_alike(w, f) for f in FILLERS)
               and all(map(_alike, longer[:k] + longer[k + 1:], shorter))
               for k, w in enumerate(longer))


@lru_cache(maxsize=16)
def _official_by_head(glossary: Glossary) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Head word -> (official name, its content words) of every official name with that head."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for name in official_names(glossary):
        head = next((h for h in HEADS if name.startswith(h + " ")), None)
        if head is not None:
            out.setdefault(head, []).append((name, _content(name[len(head):].split())))
    return out


@lru_cache(maxsize=16)
def _known_forms(glossary: Glossary) -> frozenset[str]:
    forms = set()
    for ent in glossary.entities:
        forms.update(f.lower() for f in (ent.canonical, *ent.variants, *ent.wrong, *ent.short))
    return frozenset(forms)


def _read_name(text: str, head_end: int) -> list[tuple[str, int]]:
    """The capitalised words after a head (joined by 'of', 'and', 'for'), each with where it
    ends; a join stops before a word that starts another name."""
    words: list[tuple[str, int]] = []
    pos = head_end
    while len(words) < 12:
        m = _WORD.match(text, pos)
        if m is None or (m.group(0) != " " + m.group(1) and m.group(1) in _STOP_AFTER_JOIN):
            break
        word = m.group(1)
        if word.endswith(("'s", "’s")):         # "... Protection's planning institute"
            words.append((word[:-2], m.end() - 2))
            break
        words.append((word, m.end()))
        pos = m.end()
    return words


def near_official_names(text: str, glossary: Glossary | None):
    """(start, end, official name) of each name that misses one official name by one word.

    The words after a head may run on into other capitalised words ("... and Travel Minister
    Hu"): every run from the head is tried, the longest first, and a run that is itself a
    known name (any glossary form) means the name is right."""
    glossary = glossary or EMPTY_GLOSSARY
    if not glossary.entities or not _START.search(text):
        return
    by_head = _official_by_head(glossary)
    known = _known_forms(glossary)
    for m in _START.finditer(text):
        candidates = by_head.get(m.group(0))
        if not candidates or _FOREIGN.search(text[max(0, m.start() - 30):m.start()]):
            continue
        words = _read_name(text, m.end())
        runs = [(words[:k], words[k - 1][1]) for k in range(len(words), 0, -1)]
        if any(text[m.start():end].lower() in known for _, end in runs):
            continue
        for run, end in runs:
            hits = [name for name, official in candidates
                    if _one_off(_content([w for w, _ in run]), official)]
            if len(hits) == 1:
                if hits[0] != text[m.start():end]:
                    yield m.start(), end, hits[0]
                break
