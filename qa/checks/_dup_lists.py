"""List items: the same item twice in one list, and items that are only a fragment
("etc. Ltd", a bare "Co., Ltd") left when a translation broke a list apart.

Items come from `Document.enumerations` (comma series of 3+ short items, and markup lists).
Two items are the same when they match after case folding, dropping a leading article,
legal suffixes ("Co., Ltd", "Inc.", "Corporation") and punctuation.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ._dup_words import STOP_WORDS

_LEGAL_TAIL = regex.compile(
    r"(?:[\s,]+(?:co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag"
    r"|s\.a|pte|pty|jsc)\.?)+$", regex.I)
_ARTICLE = regex.compile(r"^(?:the|a|an)\s+", regex.I)
_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
# An item that is nothing but a legal suffix, "etc." or "etc." glued to a suffix.
_FRAGMENT = regex.compile(
    r"(?:etc\.?\s*)?(?:co\.?,?\s*)?(?:ltd|limited|inc|corp|co|llc|plc|group)\.?|etc\.?", regex.I)
# "etc." followed by a legal suffix anywhere in a sentence ("..., etc. Ltd, ...").
ETC_SUFFIX = regex.compile(r"\betc\.?,?\s+(?:Co\.?,?\s*)?(?:Ltd|Limited|Inc|Corp|Co|Group)\b\.?")
_OTHER_AFTER = regex.compile(r"\.?,?\s*(?:and|or)\s+(?:other|others|so on)\b", regex.I)
GENERIC_ITEMS = frozenset({"etc", "others", "other", "and so on", "so on", "and others"})


@dataclass(frozen=True, slots=True)
class DuplicateItem:
    first: tuple[int, int]
    repeats: tuple[tuple[int, int], ...]
    size: int                   # items in the list


def item_key(item: str) -> str:
    """The comparison form of a list item: 'The Haier Group Co., Ltd.' -> 'haier group'."""
    s = _LEGAL_TAIL.sub("", item.strip(" \t.;,"))
    s = _ARTICLE.sub("", s)
    return _NON_WORD.sub(" ", s).strip().casefold()


def _comparable(key: str) -> bool:
    """Worth comparing: has letters and is not a function word or a generic tail."""
    return any(c.isalpha() for c in key) and key not in STOP_WORDS and key not in GENERIC_ITEMS


def _alternating(positions: list[int], size: int) -> bool:
    """'Paris, France, Lyon, France': a value repeated every other item qualifies its neighbour."""
    return size >= 4 and all(b - a == 2 for a, b in zip(positions, positions[1:]))


_NAME_TAIL = regex.compile(
    r"(?:\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:of|and|for|the|&|de)\s+|\s+|,\s*(?=(?:Co|Ltd|Inc)\b)))*"
    r"\p{Lu}[\p{L}\p{N}&'’.-]*\.?$")


def _lead_item(doc, enum) -> tuple[int, int] | None:
    """The name that ends the lead-in before a list's first item: in 'supported by Acme
    Co., Ltd., Beta, Gamma' the splitter keeps 'Beta, Gamma' (the first part is too long
    to be an item), but 'Acme Co., Ltd.' belongs to the list too."""
    if enum.sentence is None:
        return None
    first = enum.items[0].start
    sent_start = doc.sentences[enum.sentence].start
    cut = doc.text.rfind(",", sent_start, first)
    while cut > sent_start and regex.match(r",\s*(?:Co|Ltd|Inc)\b", doc.text[cut:first]):
        cut = doc.text.rfind(",", sent_start, cut)      # keep "Co., Ltd." with its name
    if cut <= sent_start:
        return None
    m = _NAME_TAIL.search(doc.text, sent_start, cut)
    if not m or m.start() == sent_start:
        return None
    return m.start(), m.end()


def _items(doc, enum) -> list[tuple[int, int]]:
    items = [(span.start, span.end) for span in enum.items]
    lead = _lead_item(doc, enum)
    return [lead] + items if lead else items


def duplicate_items(doc) -> list[DuplicateItem]:
    """One entry per repeated value per list: the first place and each repeat."""
    out = []
    for enum in doc.enumerations:
        seen: dict[str, list[int]] = {}
        spans = _items(doc, enum)
        for index, span in enumerate(spans):
            key = item_key(doc.slice(span))
            if _comparable(key):
                seen.setdefault(key, []).append(index)
        for key, positions in seen.items():
            if len(positions) < 2 or _alternating(positions, len(spans)):
                continue
            items = [spans[p] for p in positions]
            out.append(DuplicateItem(items[0], tuple(items[1:]), len(spans)))
    return sorted(out, key=lambda d: d.repeats[0])


def fragment_items(doc) -> list[tuple[int, int]]:
    """Items that are only a legal suffix or 'etc.', and 'etc.' glued to a suffix anywhere."""
    spans: set[tuple[int, int]] = set()
    for enum in doc.enumerations:
        last = len(enum.items) - 1
        for index, span in enumerate(enum.items):
            item = doc.slice(span).strip()
            if not _FRAGMENT.fullmatch(item):
                continue
            if item.lower().startswith("etc") and (
                    index == last or _OTHER_AFTER.match(doc.text, span.end, span.end + 30)):
                continue                 # a closing "etc.", or "etc. and other ..." (GB02)
            spans.add((span.start, span.end))
    for sent in doc.sentences:
        for m in ETC_SUFFIX.finditer(doc.text, sent.start, sent.end):
            end = m.end() - 1 if m.group(0).endswith(".") and m.end() == sent.end else m.end()
            if not any(s <= m.start() < e for s, e in spans):
                spans.add((m.start(), end))
    return sorted(spans)
