"""Personal names in a release: the people named in each sentence's lists, and every
two-word romanised Chinese name of the document. Shared by the person-name rules through
`doc.memo`, so the sentences are scanned once however many rules ask.

A sentence is split into parts at top-level commas and semicolons, and at "and" before a
capitalised word. A part is a *name item* when it is nothing but a name (optionally after a
courtesy title or a job title written in Title Case), when it is a name followed by a
predicate in lower case ("Du Xiaogang are jointly launching ..."), or, for the first part,
when it ends with a name ("... were given by Wu Hequan"). Items are classified as a Chinese
full name (pinyin surname + pinyin given name), a single word, or another name.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from ._lazy_regex import LazyRegex
from ._pinyin import is_given_name, is_pinyin, is_surname

COURTESY = ("Mr", "Mrs", "Ms", "Miss", "Madam", "Mdm")
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Madam|Mdm|Dr|Prof)\.?"
_CAP = r"[A-Z][a-z]+(?:['’](?!s\b)[a-z]+)?(?:-[A-Za-z][a-z]+)?"   # "Ping'an", not "Li's"
_RUN = rf"(?:(?P<hon>{_HONORIFIC})\s+)?(?P<run>{_CAP}(?:[ \t]+{_CAP}){{0,3}})"
_LEAD = LazyRegex(r"(?:and|or|as well as|including|includes|such as|namely|with|by|from|&)\s+")
_ITEM_AT_START = LazyRegex(rf"{_RUN}(?![\p{{L}}\p{{N}}.'’-])")
_ITEM_AT_END = LazyRegex(rf"(?<=\s){_RUN}\s*$")
# a predicate after the name ("... are jointly launching"), not a title's "of ..." / "for ..."
_TAIL_OK = LazyRegex(
    r"\s+(?:\(|(?!(?:of|for|at|in|on|to|the|from|with|and|or|de|del|da|von|van|der|le|la)\b)[a-z])")
_AND_SPLIT = LazyRegex(
    rf"\s+(?:and|as well as|&)\s+(?=(?:{_HONORIFIC}\s+)?[A-Z])")
_CAP_TOKEN = LazyRegex(_CAP)
_SPLITTERS = ",;，；、"


class NameItem(NamedTuple):
    """One name standing as an item of a sentence's list."""

    part: int                           # index of the part in its sentence
    start: int                          # span of the name itself (no titles)
    end: int
    tokens: tuple[str, ...]             # the words of the name
    kind: str                           # chinese | single | other
    honorific: str | None = None        # "Mr", "Ms", "Dr" ... when written before the name
    honorific_start: int | None = None
    whole: bool = False                 # the part is nothing but this name (and its titles)


class PeopleList(NamedTuple):
    """The name items of one sentence and the parts it was split into."""

    sentence: int
    parts: tuple[tuple[int, int], ...]
    items: tuple[NameItem, ...]

    def chinese(self, bare_only: bool = True) -> list[NameItem]:
        return [i for i in self.items if i.kind == "chinese" and not (bare_only and i.honorific)]


def split_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level comma/semicolon parts of text[start:end], then split at 'and' + capital."""
    raw = []
    depth = 0
    pos = start
    for i in range(start, end):
        ch = text[i]
        if ch in "([{（【":
            depth += 1
        elif ch in ")]}）】" and depth:
            depth -= 1
        elif ch in _SPLITTERS and depth == 0:
            raw.append((pos, i))
            pos = i + 1
    raw.append((pos, end))
    out = []
    for s, e in raw:
        p = s
        for m in _AND_SPLIT.finditer(text, s, e):
            out.append((p, m.start()))
            p = m.end()
        out.append((p, e))
    return [_trim(text, s, e) for s, e in out]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".!?"):
        e -= 1
    return s, e


def _classify(text: str, m: regex.Match) -> tuple[str, int, int, tuple[str, ...]]:
    """(kind, start, end, tokens) of the name inside a matched run of capitalised words."""
    toks = [(t.start(), t.end(), t.group()) for t in _CAP_TOKEN.finditer(text, m.start("run"),
                                                                           m.end("run"))]
    if len(toks) >= 2 and is_surname(toks[-2][2]) and is_given_name(toks[-1][2]):
        return "chinese", toks[-2][0], toks[-1][1], (toks[-2][2], toks[-1][2])
    if len(toks) == 1:
        return "single", toks[0][0], toks[0][1], (toks[0][2],)
    return "other", toks[0][0], toks[-1][1], tuple(t[2] for t in toks)


def _item(text: str, index: int, s: int, e: int, first: bool) -> NameItem | None:
    lead = _LEAD.match(text, s, e)
    if lead:
        s = lead.end()
    m = _ITEM_AT_START.match(text, s, e)
    whole = bool(m) and m.end() == e
    if m and not whole:
        end_match = _ITEM_AT_END.search(text, s, e) if first else None
        m = end_match or (m if _TAIL_OK.match(text, m.end(), e) else None)
    elif m is None and first:
        m = _ITEM_AT_END.search(text, s, e)
    if m is None:
        return None
    kind, ns, ne, tokens = _classify(text, m)
    hon = m.group("hon")
    return NameItem(index, ns, ne, tokens, kind, hon.rstrip(".") if hon else None,
                    m.start("hon") if hon else None, whole)


def _sentence_list(doc, index: int) -> PeopleList | None:
    sent = doc.sentences[index]
    text = doc.text
    parts = split_parts(text, sent.start, sent.end)
    if len(parts) < 2:
        return None
    items = []
    for k, (s, e) in enumerate(parts):
        if e > s:
            item = _item(text, k, s, e, k == 0)
            if item:
                items.append(item)
    if not items:
        return None
    return PeopleList(index, tuple(parts), tuple(items))


def people_lists(doc) -> tuple[PeopleList, ...]:
    """Every sentence of two or more parts that has a name item (computed once per document).
    The rules decide how many names of which kind make a list for them."""
    def compute(d):
        out = []
        for k in range(len(d.sentences)):
            pl = _sentence_list(d, k)
            if pl:
                out.append(pl)
        return tuple(out)
    return doc.memo("people:lists", compute)


# ---- two-word names anywhere in the text ----------------------------------------------
_PAIR = LazyRegex(rf"(?<![\p{{L}}\p{{N}}'’.-])({_CAP})[ \t]({_CAP})(?![\p{{L}}\p{{N}}'’-])")


class NamePair(NamedTuple):
    start: int
    end: int
    first: str
    second: str


def pinyin_pairs(doc) -> tuple[NamePair, ...]:
    """Adjacent capitalised word pairs that could be a Chinese name in either order: both words
    pinyin of at most two syllables, at least one a Chinese surname."""
    def compute(d):
        out = []
        for m in _PAIR.finditer(d.text, overlapped=True):
            a, b = m.group(1), m.group(2)
            if "-" in a + b or not (is_pinyin(a, 2) and is_pinyin(b, 2)):
                continue
            if is_surname(a) or is_surname(b):
                out.append(NamePair(m.start(), m.end(), a, b))
        return tuple(out)
    return doc.memo("people:pinyin-pairs", compute)
