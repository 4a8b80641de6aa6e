"""Personal names in a release: the people named in each sentence's lists, and every
two-word romanised Chinese name of the document. Shared by the person-name rules through
`doc.memo`, so the sentences are scanned once however many rules ask.

A sentence is split into parts at top-level commas and semicolons, and at "and" before a
capitalised word. A part is a *name item* when it is nothing but a name (optionally after a
courtesy title or a job title written in Title Case), when it is a name followed by a
predicate in lower case ("Du Xiaogang are jointly launching ..."), or, for the first part,
when it ends with a name ("... were given by Wu Hequan"). Items are classified as a Chinese
full name (pinyin surname + pinyin given name), a single word, or another name.

Only sentences that name a Chinese surname or a courtesy title are split: every rule that
reads the lists needs one of them. On plain text (see qa.text.chars) the patterns run in the
stdlib `re`, which finds the same spans faster.
"""
from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

from ...document.model import Document
from ...text.chars import DualRegex, doc_is_plain, is_plain, stdlib
from ...text.pinyin import is_given_name, is_pinyin, is_surname
from .words import sentences_with_name_words, surnames

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Madam|Mdm|Dr|Prof)\.?"
_CAP = r"[A-Z][a-z]+(?:['’](?!s\b)[a-z]+)?(?:-[A-Za-z][a-z]+)?"   # "Ping'an", not "Li's"
_RUN = rf"(?:(?P<hon>{_HONORIFIC})\s+)?(?P<run>{_CAP}(?:[ \t]+{_CAP}){{0,3}})"
_LEAD = DualRegex(r"(?:and|or|as well as|including|includes|such as|namely|with|by|from|&)\s+")
_ITEM_AT_START = DualRegex(rf"{_RUN}(?![\p{{L}}\p{{N}}.'’-])")
_ITEM_AT_END = DualRegex(rf"(?<=\s){_RUN}\s*$")
# a predicate after the name ("... are jointly launching"), not a title's "of ..." / "for ..."
_TAIL_OK = DualRegex(
    r"\s+(?:\(|(?!(?:of|for|at|in|on|to|the|from|with|and|or|de|del|da|von|van|der|le|la)\b)[a-z])")
_AND_SPLIT = DualRegex(
    rf"\s+(?:and|as well as|&)\s+(?=(?:{_HONORIFIC}\s+)?[A-Z])")
_CAP_TOKEN = DualRegex(_CAP)
_SPLITTERS = ",;，；、"
_OPENERS = "([{（【"
_CLOSERS = ")]}）】"
_MARKS = r"[,;，；、(\[{（【)\]}）】]"      # the characters split_parts looks at


class NameItem(namedtuple("NameItem", "part start end tokens kind honorific honorific_start whole",
                          defaults=(None, None, False))):
    """One name standing as an item of a sentence's list."""
    # part: int                    index of the part in its sentence
    # start: int                   span of the name itself (no titles)
    # end: int
    # tokens: tuple[str, ...]      the words of the name
    # kind: str                    chinese | single | other
    # honorific: str | None        "Mr", "Ms", "Dr" ... when written before the name
    # honorific_start: int | None
    # whole: bool                  the part is nothing but this name (and its titles)
    __slots__ = ()


class PeopleList(namedtuple("PeopleList", "sentence parts items")):
    """The name items of one sentence and the parts it was split into."""
    # sentence: int
    # parts: tuple[tuple[int, int], ...]
    # items: tuple[NameItem, ...]
    __slots__ = ()

    def chinese(self, bare_only: bool = True) -> list[NameItem]:
        return [i for i in self.items if i.kind == "chinese" and not (bare_only and i.honorific)]


def split_parts(text: str, start: int, end: int, plain: bool = False) -> list[tuple[int, int]]:
    """Top-level comma/semicolon parts of text[start:end], then split at 'and' + capital.
    `plain`: the text is plain (see qa.text.chars), so the stdlib patterns may be used."""
    raw = []
    depth = 0
    pos = start
    for m in stdlib(_MARKS).finditer(text, start, end):
        ch = m.group()
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth -= 1 if depth else 0
        elif depth == 0:
            raw.append((pos, m.start()))
            pos = m.end()
    raw.append((pos, end))
    # an "and" cut holds no comma or semicolon, so one pass over the sentence finds the
    # cuts of every part
    cuts = [m.span() for m in _AND_SPLIT.pick(plain).finditer(text, start, end)] if (
        _has_and(text, start, end)) else []
    out = []
    k = 0
    for s, e in raw:                # the cuts are in order, each inside one part
        p = s
        while k < len(cuts) and cuts[k][1] <= e:
            out.append((p, cuts[k][0]))
            p = cuts[k][1]
            k += 1
        out.append((p, e))
    return [_trim(text, s, e) for s, e in out]


def _has_and(text: str, start: int, end: int) -> bool:
    """True when text[start:end] has a word _AND_SPLIT cuts at."""
    return any(text.find(word, start, end) >= 0 for word in ("and", "&", "as well as"))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".!?"):
        e -= 1
    return s, e


def _classify(text: str, m, plain: bool) -> tuple[str, int, int, tuple[str, ...]]:
    """(kind, start, end, tokens) of the name inside a matched run of capitalised words."""
    toks = [(t.start(), t.end(), t.group())
            for t in _CAP_TOKEN.pick(plain).finditer(text, m.start("run"), m.end("run"))]
    if len(toks) >= 2 and is_surname(toks[-2][2]) and is_given_name(toks[-1][2]):
        return "chinese", toks[-2][0], toks[-1][1], (toks[-2][2], toks[-1][2])
    if len(toks) == 1:
        return "single", toks[0][0], toks[0][1], (toks[0][2],)
    return "other", toks[0][0], toks[-1][1], tuple(t[2] for t in toks)


def _item(text: str, index: int, s: int, e: int, first: bool, plain: bool) -> NameItem | None:
    lead = _LEAD.pick(plain).match(text, s, e)
    if lead:
        s = lead.end()
    if not first and not "A" <= text[s:s + 1] <= "Z":
        return None             # _ITEM_AT_START needs a capital here, _ITEM_AT_END is unused
    m = _ITEM_AT_START.pick(plain).match(text, s, e)
    whole = bool(m) and m.end() == e
    if m and not whole:
        end_match = _ITEM_AT_END.pick(plain).search(text, s, e) if first else None
        m = end_match or (m if _TAIL_OK.pick(plain).match(text, m.end(), e) else None)
    elif m is None and first:
        m = _ITEM_AT_END.pick(plain).search(text, s, e)
    if m is None:
        return None
    kind, ns, ne, tokens = _classify(text, m, plain)
    hon = m.group("hon")
    return NameItem(index, ns, ne, tokens, kind, hon.rstrip(".") if hon else None,
                    m.start("hon") if hon else None, whole)


def _sentence_list(doc: Document, index: int, plain: bool | None = None) -> PeopleList | None:
    sent = doc.sentences[index]
    text = doc.text
    if plain is None:
        plain = is_plain(text[sent.start:sent.end])
    parts = split_parts(text, sent.start, sent.end, plain)
    if len(parts) < 2:
        return None
    items = []
    for k, (s, e) in enumerate(parts):
        if e > s:
            item = _item(text, k, s, e, k == 0, plain)
            if item:
                items.append(item)
    if not items:
        return None
    return PeopleList(index, tuple(parts), tuple(items))


def people_lists(doc: Document) -> tuple[PeopleList, ...]:
    """Every sentence of two or more parts that has a name item and names a Chinese surname
    or a courtesy title (computed once per document). The rules decide how many names of
    which kind make a list for them."""
    def compute(d):
        plain = True if doc_is_plain(d) else None       # None: ask sentence by sentence
        out = []
        # a list the rules report has a Chinese name (PN02, PN06) or a courtesy title (PN01)
        for k in sentences_with_name_words(d):
            pl = _sentence_list(d, k, plain)
            if pl:
                out.append(pl)
        return tuple(out)
    return doc.memo("people:lists", compute)


# ---- two-word names anywhere in the text ----------------------------------------------
# Two capitalised words, matched at every capital (overlapping pairs): the first capital is
# consumed and the look-behind checks the character before it, so the engine can skip
# straight to capitals; the rest of the first word is the group "a".
_PAIR = DualRegex(rf"[A-Z](?<![\p{{L}}\p{{N}}'’.-][A-Z])"
                  rf"(?=(?P<a>{_CAP[len('[A-Z]'):]})[ \t](?P<b>{_CAP})(?![\p{{L}}\p{{N}}'’-]))")


class NamePair(namedtuple("NamePair", "start end first second")):
    # start: int
    # end: int
    # first: str
    # second: str
    __slots__ = ()


@lru_cache(maxsize=4096)
def _pair_word(word: str) -> int:
    """0: not part of a pinyin name pair; 1: pinyin of at most two syllables; 2: also a
    Chinese surname."""
    if "-" in word or not is_pinyin(word, 2):
        return 0
    return 2 if is_surname(word) else 1


_PAIR_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'’-")


def _pair_starts(text: str, doc: Document) -> list[int]:
    """Where a kept pair can start: at a surname (the first word), or at a capital of the word
    right before a surname (the second word)."""
    out = set()
    for w in surnames(doc):
        out.add(w.start)
        if w.start >= 2 and text[w.start - 1] in " \t":
            k = w.start - 2
            while k >= 0 and text[k] in _PAIR_WORD_CHARS:
                if "A" <= text[k] <= "Z":
                    out.add(k)
                k -= 1
    return sorted(out)


def pinyin_pairs(doc: Document) -> tuple[NamePair, ...]:
    """Adjacent capitalised word pairs that could be a Chinese name in either order: both words
    pinyin of at most two syllables, at least one a Chinese surname. The pair pattern is
    tried only where such a pair can start (_pair_starts)."""
    def compute(d):
        text = d.text
        pair = _PAIR.pick(doc_is_plain(d))
        out = []
        for start in _pair_starts(text, d):
            m = pair.match(text, start)
            if m is None:
                continue
            a, b = text[start] + m.group("a"), m.group("b")
            kind_a, kind_b = _pair_word(a), _pair_word(b)
            if kind_a and kind_b and (kind_a == 2 or kind_b == 2):
                out.append(NamePair(start, m.end("b"), a, b))
        return tuple(out)
    return doc.memo("people:pinyin-pairs", compute)
