"""Official English names and the acronyms they go by, read from the glossaries; the acronyms
every reader knows; and the words machine translation uses interchangeably for one Chinese word.

The official names are the canonical names of the glossary's bodies, events and terms (the
built-in ones in qa/packs/builtin/glossaries/ and any the user adds), their acronyms the
acronyms among each entry's `short` forms: one list, so that a name TM01 and NC01 know is the
name the other rules know. The name rules read them to choose what to suggest (an official name
is the name to write, whatever the release uses more often), to spell out an acronym a release
never defines, and to tell a wrong acronym from a right one. Everything here is general
knowledge of official usage (the bodies' own English names), not taken from any test text.
"""
from __future__ import annotations

from functools import cache, lru_cache

from ...rules.context import EMPTY_GLOSSARY, Glossary

# Entity kinds whose canonical names are official names (not people or places).
NAME_KINDS = ("organisation", "event", "publication", "term")

# Acronyms every reader of a Chinese press release knows without a definition, besides
# the lexicon's GENERIC_ACRONYMS (countries, global bodies, business and tech terms).
WELL_KNOWN_ACRONYMS = frozenset("""
DPRK ROK CCP HKSAR SAR WTO WHO UNDP UNEP UNHCR IAEA ILO ICAO IMO ITU WIPO FAO G20 APEC SCO
NBA FIFA UEFA IOC NASA ESA CNN BBC AFP CCTV CGTN CEO CFO CTO COO GDP GNP IPO ETF EV EVs
NEV NEVs SUV SUVs LNG LPG CO2 PM2.5 PhD MBA MD PVC LED LCD OLED AI AR VR IoT ICT IT 5G 4G
6G GPS SIM USB TV PC PCs APP APPs QR DNA RNA HIV COVID COVID-19 SARS MERS ICU CT MRI PCR
ATM VIP FAQ DIY OEM OEMs SME SMEs SOE SOEs R&D B2B B2C ESG VAT CPI PPI PMI FDI ODI USD
RMB CNY HKD EUR JPY GBP TEU TEUs KWH MWH GWH TWH MW GW KW EFLOPS PFLOPS TFLOPS CPU GPU
AM PM BC AD ID
""".split())

# Words machine translation picks among for one Chinese word in a name (会展 exhibition /
# convention, 示范 demonstration / pilot, 园 park / world ...): two otherwise identical long
# names that differ only by such a swap name one body.
INTERCHANGEABLE = (
    frozenset({"exhibition", "exposition", "expo", "convention"}),
    frozenset({"demonstration", "pilot", "experimental"}),
    frozenset({"park", "world", "garden"}),
    frozenset({"zone", "area"}),
    frozenset({"committee", "commission"}),
    frozenset({"association", "society"}),
    frozenset({"bureau", "administration"}),
    frozenset({"centre", "center"}),
    frozenset({"festival", "carnival"}),
    frozenset({"alliance", "league"}),
)


@cache
def _swap_class() -> dict[str, int]:
    return {w: k for k, group in enumerate(INTERCHANGEABLE) for w in group}


def interchangeable(a: str, b: str) -> bool:
    """Two different words (lower case) that translate one Chinese word in a name."""
    cls = _swap_class()
    return a != b and a in cls and cls.get(b) == cls[a]


def _is_acronym(form: str) -> bool:
    """A short form written as an acronym: one word of letters (and '&'), two capitals or more
    ('NDRC', 'MOFCOM', 'SUSTech', 'PolyU')."""
    return (" " not in form and form.replace("&", "").isalpha()
            and sum(c.isupper() for c in form) >= 2)


@lru_cache(maxsize=16)
def official_names(glossary: Glossary | None) -> dict[str, tuple[str, ...]]:
    """Official name -> the acronyms it goes by (empty when none is usual), from `glossary`.
    Cached per glossary (a Glossary is hashed by identity)."""
    out: dict[str, tuple[str, ...]] = {}
    for ent in (glossary or EMPTY_GLOSSARY).entities:
        if ent.kind in NAME_KINDS:
            out[ent.canonical] = tuple(f for f in ent.short if _is_acronym(f))
    return out


@lru_cache(maxsize=16)
def names_by_acronym(glossary: Glossary | None) -> dict[str, tuple[str, ...]]:
    """Acronym -> the official names that go by it (more than one: ambiguous)."""
    out: dict[str, list[str]] = {}
    for name, acrs in official_names(glossary).items():
        for a in acrs:
            out.setdefault(a, []).append(name)
    return {a: tuple(v) for a, v in out.items()}


@lru_cache(maxsize=16)
def official_by_lower(glossary: Glossary | None) -> dict[str, str]:
    """The official names by their lower case (for matching a name as written)."""
    return {name.lower(): name for name in official_names(glossary)}


def official_name(written: str, glossary: Glossary | None) -> str | None:
    """The official name `written` is (any case, a leading 'the' left out), or None."""
    low = " ".join(written.split()).lower()
    if low.startswith("the "):
        low = low[4:]
    return official_by_lower(glossary).get(low)


def expansion_of(acronym: str, glossary: Glossary | None) -> str | None:
    """The one official name an acronym stands for, or None (unknown or ambiguous)."""
    names = names_by_acronym(glossary).get(acronym, ())
    return names[0] if len(names) == 1 else None
