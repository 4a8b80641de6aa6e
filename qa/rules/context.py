"""RuleOptions: the resolved options a check receives, plus the shared glossary."""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from .._speed.records import field, record


@record(frozen=True)
class Entity:
    """One organisation, event or person: its canonical name and the other names it goes by."""

    canonical: str
    variants: tuple[str, ...] = ()      # accepted alternative names (short forms, tickers)
    wrong: tuple[str, ...] = ()         # known wrong renderings
    not_same_as: tuple[str, ...] = ()   # similar names of other entities: never merge
    kind: str = "organisation"          # organisation | event | person | term
    note: str = ""
    source: str = ""
    origin: str = ""                    # path:line of the glossary entry
    zh: tuple[str, ...] = ()            # Chinese names (bilingual mode: the source's term)
    short: tuple[str, ...] = ()         # accepted short forms and acronyms, never reported

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.canonical, *self.variants, *self.wrong)


@record(frozen=True, eq=False)
class Glossary:
    """The entities of every loaded glossary. Compared and hashed by identity: rules cache
    derived tables per glossary, and hashing hundreds of entities per lookup is waste."""

    entities: tuple[Entity, ...] = ()

    def of_kind(self, *kinds: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.entities if e.kind in kinds)

    @property
    def key(self) -> tuple:
        return tuple(e.origin for e in self.entities)


EMPTY_GLOSSARY = Glossary()


@record(frozen=True)
class RuleOptions(Mapping):
    """A read-only mapping of option values, with the glossary every rule may consult."""

    values: Mapping[str, object] = field(default_factory=dict)
    glossary: Glossary = EMPTY_GLOSSARY

    def __getitem__(self, key: str) -> object:
        return self.values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __hash__(self) -> int:
        return id(self)
