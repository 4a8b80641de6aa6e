"""PN09: a Chinese person's given name misspelt in one place ('Zhang Wenxaing' beside 'Zhang
Wenxiang').

A Chinese surname followed by a capitalised word that is no pinyin, where the release writes
the same surname with a given name one edit away (a letter added, dropped, changed, or two
neighbours swapped) that is pinyin: the pinyin one is the name, the other a slip of the
keyboard or of the translation. Two different people of one surname have given names that
are both pinyin, so they never meet this test ('Zhang Wei' and 'Zhang Wen').
"""
from __future__ import annotations

from collections.abc import Iterator

from ..._speed.regex import re_compile
from ...document.model import Document
from ...findings import UNSAFE, Hit
from ...text.lexicon import within_one_edit
from ...text.pinyin import is_pinyin, is_surname

_PAIR = (r"(?<![\w'’-])(?P<surname>[A-Z][a-z]{1,6})[ \t]+(?P<given>[A-Z][a-z]{2,11})"
         r"(?![\w-]|['’](?!s\b))")          # a possessive 's may follow


def misspelt_given_names(doc: Document) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, written, right) of each misspelt given name (the span is the given name)."""
    text = doc.text
    by_surname: dict[str, dict[str, list[int]]] = {}
    for m in re_compile(_PAIR).finditer(text):
        surname = m.group("surname")
        if is_surname(surname):
            by_surname.setdefault(surname, {}).setdefault(m.group("given"), []).append(
                m.start("given"))
    for given in by_surname.values():
        if len(given) < 2:
            continue
        right = [g for g in given if is_pinyin(g.lower(), 2)]
        for g, starts in given.items():
            if is_pinyin(g.lower(), 2):
                continue
            near = [r for r in right if within_one_edit(g.lower(), r.lower())]
            if len(near) == 1:
                for start in starts:
                    yield start, start + len(g), g, near[0]


def misspelt_given_name(doc: Document, opts) -> Iterator[Hit]:
    for start, end, written, right in misspelt_given_names(doc):
        yield Hit(start, end, f"'{written}' is no pinyin, and the release writes this person's "
                              f"given name '{right}' elsewhere: write '{right}'",
                  suggestion=right, fix=right, fix_safety=UNSAFE)
