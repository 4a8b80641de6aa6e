"""NC14: one compound written closed and with a hyphen in one release ("nonfarm" and
"non-farm", "e-commerce" and "ecommerce", "co-operation" and "cooperation").

Only compounds of a prefix that never changes the word's meaning when its hyphen goes
(non-, co-, e-, multi-, pre-, post-, anti-, inter-, sub-, micro-, macro-, semi-, mid-,
cross-, cyber-, bi-, tri-) are compared: "re-sign" / "resign" and "re-form" / "reform" are
different words, and "co-op" / "coop" too. Words of names keep the name's spelling
("Forum for Economic and Trade Co-operation" beside "cooperation"): only words in lower
case, or capitalised because they open a sentence, are compared. The form used more is
kept; on a tie there is no suggestion.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..._speed.regex import LazyRegex
from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .preference import majority

PREFIXES = ("non", "co", "e", "multi", "pre", "post", "anti", "inter", "sub", "micro", "macro",
            "semi", "mid", "cross", "cyber", "bi", "tri")
NOT_SAME = frozenset({"co-op", "e-state", "pre-sent", "pre-position", "bi-annual"})
_WORD = LazyRegex(r"(?<![\w-])[A-Za-z]{4,}(?![\w-])")
_HYPHENED = LazyRegex(r"(?<![\w-])(" + "|".join(PREFIXES) + r")-([a-z]{3,})(?![\w-])", re.I)


def check_compound_variants(doc: Document, opts: RuleOptions):
    text = doc.text
    if "-" not in text:
        return
    found: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for m in _HYPHENED.finditer(text):
        if m.group(0).lower() not in NOT_SAME and _plain_word(doc, m.start()):
            found[(m.group(1) + m.group(2)).lower()].append((m.start(), m.end(), True))
    if not found:
        return
    for m in _WORD.finditer(text):
        closed = m.group(0).lower()
        if closed in found and _plain_word(doc, m.start()):
            found[closed].append((m.start(), m.end(), False))
    for uses in found.values():
        if len({h for _, _, h in uses}) < 2:
            continue
        uses.sort()
        yield from _hits(doc, uses)


def _plain_word(doc: Document, start: int) -> bool:
    """Written in lower case, or with a capital only because it opens a sentence: a word
    of a name ('Forum for Economic and Trade Co-operation') keeps the name's spelling."""
    if doc.text[start].islower():
        return True
    k = doc.sentence_at(start)
    return k is not None and not doc.text[doc.sentences[k].start:start].strip("\"'“‘([ ")


def _hits(doc: Document, uses: list[tuple[int, int, bool]]):
    counts = {True: sum(h for _, _, h in uses), False: sum(not h for _, _, h in uses)}
    keep = majority(counts)
    style = uses[0][2] if keep is None else keep
    anchor = next(u for u in uses if u[2] == style)
    shown = doc.text[anchor[0]:anchor[1]]
    for s, e, hyphened in uses:
        if hyphened == style:
            continue
        written = doc.text[s:e]
        advice = f"write it one way, '{_like(shown, written)}'" if keep is not None else (
            "write it one way throughout")
        yield Hit(s, e,
                  f"'{written}' (line {doc.line_of(s)}) and '{shown}' (line "
                  f"{doc.line_of(anchor[0])}) are one word written closed and with a hyphen: "
                  f"{advice}", _like(shown, written) if keep is not None else None,
                  related=((anchor[0], anchor[1], f"written '{shown}'"),))


def _like(word: str, model: str) -> str:
    """`word` with the capital of `model` at its start, if it has one."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word[:1].lower() + word[1:]
