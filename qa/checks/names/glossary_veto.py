"""Glossary evidence for clustering name forms (cluster.py): which glossary entity a form
is a name of, and which forms the glossary declares distinct (`not_same_as`). A glossary is
reduced to compared forms once per glossary: the same one serves every document of a run.

The compared forms of the built-in glossaries' names are worked out ahead of time by
`python scripts/glossary_forms.py` and shipped as plain JSON (`glossary_forms.json`: name ->
form); tests/test_names_engine.py recomputes them and fails while the file is stale. Reducing
the 525 built-in names took 11-13 ms of every run's first document. A name the file does not
hold (a user's glossary) is reduced when it is met.
"""
from __future__ import annotations

import os
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
    shipped = _shipped().get(name)
    return shipped if isinstance(shipped, str) else plain_form(name)


def plain_form(name: str) -> str:
    """_plain, worked out (scripts/glossary_forms.py writes the built-in names' forms)."""
    form = name_form(tuple(tokenize(name, 0, len(name))), True)
    return " ".join(form.key) if form else name.lower()


SHIPPED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "glossary_forms.json")


@lru_cache(maxsize=1)
def _shipped() -> dict:
    """The built-in names' forms shipped beside this module ({} when missing or damaged)."""
    import json
    try:
        with open(SHIPPED, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
