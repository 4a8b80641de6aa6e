"""NC02, romanisation: one name written in pinyin and in an older or Cantonese spelling
("Qinghua University" / "Tsinghua University", "Guizhou Maotai Group" / "Kweichow
Moutai").

Two names are compared when, after a trailing legal or group word is set aside ("Group",
"Co., Ltd"), they share their first and last words except for one run of capitalised
words in the middle, and those runs are one Chinese name in two romanisations
(romanisation.same_name). A name of one word is never compared: "Tsingtao" (the beer)
beside "Qingdao" (the city), or "Amoy" beside "Xiamen", may name different things.

Names are blocked by their shape (the words outside a romanised run, and the run's
syllable count), so the work grows with the number of distinct names.
"""
from __future__ import annotations

from collections import defaultdict

from ...document.model import Document
from ...findings import Hit
from ...text.lexicon import CONNECTORS, LEGAL_SUFFIXES
from .mentions import mentions
from .preference import accepted_form, same_entity
from .romanisation import is_romanised, letters, same_name, syllable_count

MAX_RUN = 4             # words in a romanised run
MAX_BUCKET = 200        # names compared pairwise inside one block
_TAIL = frozenset({"group", "company", "corporation", "holdings", "holding"}) | LEGAL_SUFFIXES


class _Name:
    """One distinct name as written: its words, where it is written, the romanised run."""

    __slots__ = ("words", "spans", "run", "tail")

    def __init__(self, words: tuple[str, ...], tail: int):
        self.words = words          # the words as written (possessive left out)
        self.tail = tail            # how many trailing legal/group words
        self.spans: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
        self.run: tuple[int, int] | None = None

    @property
    def core(self) -> tuple[str, ...]:
        return self.words[:len(self.words) - self.tail]


def _word(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _collect(doc: Document) -> dict[tuple[str, ...], _Name]:
    names: dict[tuple[str, ...], _Name] = {}
    for base, region, _ in mentions(doc).occurrences():
        for shape in region.names:
            toks = shape.tokens
            if len(toks) < 2 or not any(is_romanised(_word(t.text)) for t in toks):
                continue
            words = tuple(_word(t.text).rstrip(".") if t.lower in LEGAL_SUFFIXES
                          else _word(t.text) for t in toks)
            key = tuple(w.lower() for w in words)
            name = names.get(key)
            if name is None:
                tail = 0
                while tail < len(key) - 1 and key[len(key) - 1 - tail].rstrip(".,") in _TAIL:
                    tail += 1
                name = names[key] = _Name(words, tail)
            offs = tuple((base + t.start, base + t.start + len(_word(t.text))) for t in toks)
            name.spans.append((offs[0][0], offs[-1][1], offs))
    return names


def _runs(core: tuple[str, ...]):
    """(start, end) of each run of romanised capitalised words in a name's core words."""
    k = 0
    while k < len(core):
        if _rom(core[k]):
            j = k
            while j < len(core) and j - k < MAX_RUN and _rom(core[j]):
                j += 1
            yield k, j
            k = j
        else:
            k += 1


def _rom(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in CONNECTORS and is_romanised(word)


def _blocks(names: dict[tuple[str, ...], _Name]):
    """Names by the words before and after a romanised run and the run's syllable count:
    candidates share a block."""
    blocks: dict[tuple, list[tuple[_Name, tuple[int, int]]]] = defaultdict(list)
    for name in names.values():
        core = tuple(w.lower() for w in name.core)
        for s, e in _runs(name.core):
            count = syllable_count(letters("".join(core[s:e])))
            blocks[(core[:s], core[e:], count)].append((name, (s, e)))
    return [b for b in blocks.values() if 2 <= len(b) <= MAX_BUCKET]


def romanisation_hits(doc: Document, glossary) -> list[Hit]:
    names = _collect(doc)
    if len(names) < 2:
        return []
    out: list[Hit] = []
    done: set[tuple[str, ...]] = set()
    for block in _blocks(names):
        for i, (a, ra) in enumerate(block):
            for b, rb in block[i + 1:]:
                if a is b:
                    continue
                xa = letters("".join(a.core[ra[0]:ra[1]]))
                xb = letters("".join(b.core[rb[0]:rb[1]]))
                if not (same_name(xa, xb) or same_name(xb, xa)):
                    continue
                out.extend(_pair_hits(doc, glossary, (a, ra), (b, rb), done))
    out.sort(key=lambda h: (h.start, h.end))
    return out


def _surface(doc: Document, name: _Name) -> str:
    s, e, _ = name.spans[0]
    return doc.text[s:e]


def _pair_hits(doc: Document, glossary, first, second, done: set):
    """Hits on the mentions of the form to change: the one the glossary or the official
    names do not know, else the one used less; on a tie the later one, with no suggestion."""
    (a, _), (b, _) = first, second
    if same_entity(_surface(doc, a), _surface(doc, b), glossary):
        return
    known_a = accepted_form(_surface(doc, a), glossary) is not None
    known_b = accepted_form(_surface(doc, b), glossary) is not None
    certain = True
    if known_a != known_b:
        keep, drop = (first, second) if known_a else (second, first)
    elif len(a.spans) != len(b.spans):
        keep, drop = (first, second) if len(a.spans) > len(b.spans) else (second, first)
    else:
        keep, drop = (first, second) if a.spans[0][0] < b.spans[0][0] else (second, first)
        certain = False
    (kn, kr), (dn, dr) = keep, drop
    if dn.words in done:
        return
    done.add(dn.words)
    ks, ke, koffs = kn.spans[0]
    keep_run = doc.text[koffs[kr[0]][0]:koffs[kr[1] - 1][1]]
    shown = doc.text[ks:ke]
    for s, e, offs in dn.spans:
        text = doc.text[s:e]
        rs, r_end = offs[dr[0]][0], offs[dr[1] - 1][1]
        run = doc.text[rs:r_end]
        suggestion = doc.text[s:rs] + keep_run + doc.text[r_end:e] if certain else None
        advice = (f"use one, '{suggestion}'" if suggestion
                  else "use the one its owner uses in English")
        yield Hit(s, e,
                  f"'{text}' (line {doc.line_of(s)}) and '{shown}' (line {doc.line_of(ks)}) "
                  f"look like one name in two romanisations ('{run}' and '{keep_run}', pinyin "
                  f"beside an older or Cantonese spelling): {advice}",
                  suggestion, related=((ks, ke, f"also written '{shown}'"),))
