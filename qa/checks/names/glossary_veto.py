"""Glossary evidence for clustering name forms (cluster.py): which glossary entity a form
is a name of, and which forms the glossary declares distinct (`not_same_as`). A glossary is
reduced to compared forms once per glossary: the same one serves every document of a run."""
from __future__ import annotations

from functools import lru_cache

from .compare import name_form
from .tokens import tokenize


class GlossaryVeto:
    """Glossary evidence: which entity a form belongs to, and which are declared distinct."""

    def __init__(self, glossary, groups):
        self.entity_of: dict[int, int] = {}
        self.not_same: dict[int, set[str]] = {}
        forms, not_same = _glossary_forms(glossary)
        for i, g in enumerate(groups):
            e = forms.get(" ".join(g.form.key))
            if e is not None:
                self.entity_of[i] = e
                self.not_same[i] = not_same[e]
        self.keys = {i: " ".join(g.form.key) for i, g in enumerate(groups)}

    def apart(self, i: int, j: int) -> bool:
        ei, ej = self.entity_of.get(i), self.entity_of.get(j)
        if ei is not None and ej is not None and ei != ej:
            return True
        return (self.keys[j] in self.not_same.get(i, ())
                or self.keys[i] in self.not_same.get(j, ()))


@lru_cache(maxsize=8)
def _glossary_forms(glossary) -> tuple[dict[str, int], list[frozenset[str]]]:
    """Compared form -> entity index, and each entity's not_same_as forms; computed once
    per glossary (the same glossary serves every document of a run; a Glossary hashes by
    identity)."""
    forms: dict[str, int] = {}
    for e_idx, ent in enumerate(glossary.entities):
        for f in ent.forms:
            forms.setdefault(_plain(f), e_idx)
    not_same = [frozenset(_plain(n) for n in ent.not_same_as) for ent in glossary.entities]
    return forms, not_same


def _plain(name: str) -> str:
    """A glossary name in the form the detector compares."""
    form = name_form(tuple(tokenize(name, 0, len(name))), True)
    return " ".join(form.key) if form else name.lower()
