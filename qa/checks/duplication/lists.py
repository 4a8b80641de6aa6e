"""List items: the same item twice in one list, and items that are only a fragment
("etc. Ltd", a bare "Co., Ltd") left when a translation broke a list apart.

Items come from `Document.enumerations` (comma series of 3+ short items, and markup lists).
Two items are the same when they match after case folding, dropping a leading article,
legal suffixes ("Co., Ltd", "Inc.", "Corporation") and punctuation.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..._speed.records import record
from ..._speed.regex import re_compile, regex_compile
from ...document.model import Document
from ...text.lexicon import HEAD_CLASS, LEGAL_SUFFIXES
from ...text.words import STOP_WORDS
from .quotes import in_slogan

# Each pattern in two spellings: the `regex` module with Unicode classes, and the `re`
# module with ASCII classes, which gives the same matches on ASCII text (checked over
# every character class and case folding involved) at a fraction of the cost per call.
# Most list items and sentences are ASCII. Patterns compile on first use.
_LEGAL_WORDS = (r"(?:co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|ag"
                r"|s\.a|pte|pty|jsc)")
_SOURCES = {
    "legal_tail": (r"(?:[\s,]+" + _LEGAL_WORDS + r"\.?)+$", True),
    "article": (r"^(?:the|a|an)\s+", True),
    "non_word": (r"[^\p{L}\p{N}]+", r"[^A-Za-z0-9]+", False),
    "ascii_words": (r"[A-Za-z0-9]+", False),    # joined by spaces: "non_word" replaced
    # an item that is nothing but a legal suffix, "etc." or "etc." glued to a suffix
    "fragment": (r"(?:etc\.?\s*)?(?:co\.?,?\s*)?(?:ltd|limited|inc|corp|co|llc|plc|group)\.?"
                 r"|etc\.?", True),
    "suffix_next": (r",\s*(?:Co|Ltd|Inc)\b", False),
    "name_tail": (r"(?:\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:of|and|for|the|&|de)\s+|\s+"
                  r"|,\s*(?=(?:Co|Ltd|Inc)\b)))*\p{Lu}[\p{L}\p{N}&'’.-]*\.?$",
                  r"(?:[A-Z][A-Za-z0-9&'’.-]*(?:\s+(?:of|and|for|the|&|de)\s+|\s+"
                  r"|,\s*(?=(?:Co|Ltd|Inc)\b)))*[A-Z][A-Za-z0-9&'’.-]*\.?$", False),
    # "etc." followed by a legal suffix anywhere in a sentence ("..., etc. Ltd, ...")
    "etc_suffix": (r"\betc\.?,?\s+(?:Co\.?,?\s*)?(?:Ltd|Limited|Inc|Corp|Co|Group)\b\.?", False),
    "other_after": (r"\.?,?\s*(?:and|or)\s+(?:other|others|so on)\b", True),
}


@cache
def _rx(name: str, ascii_only: bool = False):
    """The compiled pattern `name`; with ascii_only, the `re` spelling for ASCII subjects."""
    *sources, ignore_case = _SOURCES[name]
    if ascii_only:
        return re_compile(sources[-1], re.ASCII | (re.I if ignore_case else 0))
    return regex_compile(sources[0], re.I if ignore_case else 0)


_FRAGMENT_FIRST = frozenset("eEcClLiIgGpP")    # etc, co, ltd, limited, inc, corp, group, plc
GENERIC_ITEMS = frozenset({"etc", "others", "other", "and so on", "so on", "and others"})


@record(frozen=True, slots=True)
class DuplicateItem:
    first: tuple[int, int]
    repeats: tuple[tuple[int, int], ...]
    size: int                   # items in the list


@lru_cache(maxsize=4096)
def item_key(item: str) -> str:
    """The comparison form of a list item: 'The Haier Group Co., Ltd.' -> 'haier group'.
    (Cached: lists of sponsors and cities recur across the releases of one run.)"""
    s = item.strip(" \t.;,")
    if not s.isascii():
        s = _rx("article").sub("", _rx("legal_tail").sub("", s))
        return _rx("non_word").sub(" ", s).strip().casefold()
    if _legal_ending(s):
        s = _rx("legal_tail", True).sub("", s)
    if s[:1] in ("t", "T", "a", "A"):
        s = _rx("article", True).sub("", s)
    return " ".join(_rx("ascii_words", True).findall(s)).casefold()


_LEGAL_ENDINGS = ("co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited",
                  "llc", "plc", "gmbh", "ag", "s.a", "pte", "pty", "jsc")


def _legal_ending(s: str) -> bool:
    """The ASCII text s ends with a legal word (then an optional '.' and a final line break,
    as the "legal_tail" pattern allows): a cheap test before running the pattern."""
    s = s[:-1] if s.endswith("\n") else s
    s = s[:-1] if s.endswith(".") else s
    return s.lower().endswith(_LEGAL_ENDINGS)


def _comparable(key: str) -> bool:
    """Worth comparing: has letters and is not a function word or a generic tail."""
    if key in STOP_WORDS or key in GENERIC_ITEMS:
        return False
    if key.isascii():                   # a case-folded ASCII key has a letter iff it has a
        return key.upper() != key       # lower-case one
    return any(c.isalpha() for c in key)


# the last word of an organisation's name (the name detectors' head nouns and legal
# suffixes): such an item names a body, it never qualifies one
_ORG_HEADS = frozenset(HEAD_CLASS) | LEGAL_SUFFIXES


def _alternating(positions: list[int], size: int, key: str, written: str) -> bool:
    """'Paris, France, Lyon, France': a value repeated every other item, after the item it
    qualifies (so never first), a name (capitalised: 'storage tanks and compressors' names
    nothing) and not itself an organisation ('Haier Group'), in a list of pairs (an even
    number of items) or one the value closes. 'universities, hospitals, schools, hospitals
    and parks' is no list of pairs: there 'hospitals' is listed twice."""
    return (size >= 4 and positions[0] >= 1 and written[:1].isupper()
            and key.rsplit(" ", 1)[-1] not in _ORG_HEADS
            and all(b - a == 2 for a, b in zip(positions, positions[1:]))
            and (size % 2 == 0 or positions[-1] == size - 1))


LEAD_NAME_CHARS = 160     # the longest lead-in name looked for before a list


def _lead_item(doc: Document, enum) -> tuple[int, int] | None:
    """The name that ends the lead-in before a list's first item: in 'supported by Acme
    Co., Ltd., Beta, Gamma' the splitter keeps 'Beta, Gamma' (the first part is too long
    to be an item), but 'Acme Co., Ltd.' belongs to the list too."""
    if enum.sentence is None:
        return None
    first = enum.items[0].start
    sent_start = doc.sentences[enum.sentence].start
    text = doc.text
    cut = text.rfind(",", sent_start, first)
    while cut > sent_start and _rx("suffix_next", text[cut:first].isascii()).match(text[cut:first]):
        cut = text.rfind(",", sent_start, cut)          # keep "Co., Ltd." with its name
    if cut <= sent_start:
        return None
    lo = max(sent_start, cut - LEAD_NAME_CHARS)      # a name is short: never rescan the sentence
    m = _rx("name_tail", text[lo:cut].isascii()).search(text, lo, cut)
    if not m or m.start() == lo:
        return None
    return m.start(), m.end()


def _items(doc: Document, enum) -> list[tuple[int, int]]:
    items = [(span.start, span.end) for span in enum.items]
    lead = _lead_item(doc, enum)
    items = [lead] + items if lead else items
    out = []
    for s, e in items:
        out.extend(_paired_names(doc.text, s, e))
    return _split_pairs(doc.text, out)


def _split_pairs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An item 'X and Y' left whole (the list's other items hold an 'and' of their own:
    'hardware and tools, daily necessities, ..., daily necessities and garden supplies'), split
    in two when X is another item of the list, of two words or more and in lower case, which
    then is listed twice. A one-word X stays whole ('research, ..., research and development'),
    and so does a name ('Harbin Ice, Harbin Ice and Snow World', 'Ministry of Culture and
    Tourism')."""
    keys = None
    out = []
    for s, e in spans:
        item = text[s:e]
        if item.count(" and ") == 1:
            left = item.split(" and ")[0]
            key = item_key(left)
            keys = keys if keys is not None else [item_key(text[a:b]) for a, b in spans]
            head = left.split(" ", 1)[1] if left.startswith(("the ", "a ", "an ")) else left
            if head[:1].islower() and " " in key and keys.count(key) >= 1:
                out.extend(_cut_at_and(s, e, left))
                continue
        out.append((s, e))
    return out


@cache
def _name_word():
    return re_compile(r"[A-Z][A-Za-z0-9&'’.-]*")


def _paired_names(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """An item 'Wuliangye and Xijiu' left whole when the list goes on after it ('..., Yanghe,
    Wuliangye and Xijiu, as well as wineries from France'): two one-word names, split in
    two. Longer names stay whole, since 'and' may be part of one ('Harbin Ice and Snow
    World', 'Ministry of Culture and Tourism')."""
    item = text[s:e]
    if item.count(" and ") != 1 or not item.isascii():
        return [(s, e)]
    left, right = item.split(" and ")
    if not all(_name_word().fullmatch(h) for h in (left, right)):
        return [(s, e)]
    return _cut_at_and(s, e, left)


def _cut_at_and(s: int, e: int, left: str) -> list[tuple[int, int]]:
    """The item text[s:e], 'left and ...', as its two parts."""
    cut = s + len(left)
    return [(s, cut), (cut + len(" and "), e)]


def duplicate_items(doc: Document) -> list[DuplicateItem]:
    """One entry per repeated value per list: the first place and each repeat."""
    out = []
    text = doc.text
    for enum in doc.enumerations:
        seen: dict[str, list[int]] = {}
        spans = _items(doc, enum)
        for index, (start, end) in enumerate(spans):
            key = item_key(text[start:end])
            if _comparable(key):
                seen.setdefault(key, []).append(index)
        for key, positions in seen.items():
            if len(positions) < 2 or _alternating(positions, len(spans), key,
                                                  text[spans[positions[0]][0]:spans[positions[0]][1]]):
                continue
            items = [spans[p] for p in positions]
            if in_slogan(doc, items[0][0], items[-1][1]):
                continue                 # '"Dare to leap, dare to leap"': a chant
            out.append(DuplicateItem(items[0], tuple(items[1:]), len(spans)))
    return sorted(out, key=lambda d: d.repeats[0])


NAME_ITEM_WORDS = 8


def _names_item(item: str) -> bool:
    """The item is a name in capitals ('Xiaomi', 'Bank of China'), as the organisations of a
    list are: a bare 'etc.' followed by one is a list broken in the middle, while 'etc.'
    followed by a clause ('..., defence, etc., requires planning') closes its list."""
    return 0 < len(item.split()) <= NAME_ITEM_WORDS and bool(
        _rx("name_tail", item.isascii()).fullmatch(item))


def fragment_items(doc: Document) -> list[tuple[int, int]]:
    """Items that are only a legal suffix or 'etc.' (a bare 'etc.' only when a name follows
    it in the list), and 'etc.' glued to a suffix anywhere."""
    spans: set[tuple[int, int]] = set()
    for enum in doc.enumerations:
        last = len(enum.items) - 1
        for index, span in enumerate(enum.items):
            item = doc.slice(span).strip()
            ascii_only = item.isascii()
            if ascii_only and item[:1] not in _FRAGMENT_FIRST:
                continue                 # every fragment opens with one of these letters
            if not _rx("fragment", ascii_only).fullmatch(item):
                continue
            if item.lower().startswith("etc") and (
                    index == last or _rx("other_after").match(doc.text, span.end, span.end + 30)
                    or (item.lower().rstrip(".") == "etc"
                        and not _names_item(doc.slice(enum.items[index + 1]).strip()))):
                continue                 # a closing "etc.", or "etc. and other ..." (GB02)
            spans.add((span.start, span.end))
    text = doc.text
    if "etc" not in text:
        return sorted(spans)             # the pattern below needs a lower-case "etc"
    for sent in doc.sentences:
        if text.find("etc", sent.start, sent.end) < 0:
            continue
        for m in _rx("etc_suffix").finditer(text, sent.start, sent.end):
            end = m.end() - 1 if m.group(0).endswith(".") and m.end() == sent.end else m.end()
            if not any(s <= m.start() < e for s, e in spans):
                spans.add((m.start(), end))
    return sorted(spans)
