"""NC02, one word swapped: a long name written twice with one word exchanged for another
translation of the same Chinese word ("Shenzhen World Exhibition Centre" / "Shenzhen World
Convention Centre", "... Medical Tourism Pilot Zone" / "... Medical Tourism Demonstration
Zone", "Harbin Ice and Snow World" / "Harbin Ice and Snow Park").

Only words listed as interchangeable translations (official.INTERCHANGEABLE) are swapped;
every other word must be the same, apart from a leading place word the shorter form
leaves out ("Hainan Boao Lecheng ..." / "Boao Lecheng ..."). The words the two names share
must include three content words, one of them distinctive (not a generic descriptor such
as International or Development), so "National Pilot Zone" / "National Demonstration
Zone" stay apart. The word to keep is the one used more often in the release with the
word next to it ("Pilot Zone" three times, "Demonstration Zone" once); on a tie there is
no suggestion.
"""
from __future__ import annotations

from collections import defaultdict

from ...document.model import Document
from ...findings import Hit
from ...text.lexicon import ARTICLES, CONNECTORS, DESCRIPTORS, LEGAL_SUFFIXES
from .mentions import mentions
from .official import INTERCHANGEABLE, interchangeable
from .preference import majority
from .tokens import without_possessive

MIN_SHARED = 3
MAX_BUCKET = 50
GENERIC = DESCRIPTORS | frozenset("""
national state china chinese new world international provincial municipal city county
district central people's people high-tech economic trade pilot demonstration zone area park
centre center expo exhibition convention
""".split())
_SLOT = {w: f"<{k}>" for k, group in enumerate(INTERCHANGEABLE) for w in group}


class _Entry:
    __slots__ = ("words", "slot", "spans")

    def __init__(self, words: tuple[str, ...], slot: int):
        self.words = words          # the name's words as written
        self.slot = slot            # index of the swappable word
        self.spans: list[tuple[int, int, int, int]] = []    # name start, end, word start, end


def _bare(word: str) -> str:
    return without_possessive(word).lower()


def _collect(doc: Document):
    buckets: dict[tuple, list[_Entry]] = defaultdict(list)
    entries: dict[tuple[tuple[str, ...], int], _Entry] = {}
    for base, region, _ in mentions(doc).occurrences():
        for shape in region.names:
            toks = [t for t in shape.tokens if t.lower not in LEGAL_SUFFIXES]
            while toks and toks[0].lower in ARTICLES:
                toks = toks[1:]
            low = tuple(_bare(t.text) for t in toks)
            content = [w for w in low if w not in CONNECTORS]
            if len(content) < MIN_SHARED + 1:
                continue
            for i, w in enumerate(low):
                if w not in _SLOT or not toks[i].text[:1].isupper():
                    continue
                key = (tuple(t.text for t in toks), i)
                entry = entries.get(key)
                if entry is None:
                    entry = entries[key] = _Entry(key[0], i)
                    slotted = low[:i] + (_SLOT[w],) + low[i + 1:]
                    buckets[slotted].append(entry)
                    if len(content) > MIN_SHARED + 1 and i > 0 and low[0] not in CONNECTORS:
                        buckets[slotted[1:]].append(entry)      # a leading place word left out
                t = toks[i]
                entry.spans.append((base + toks[0].start, base + toks[-1].end,
                                    base + t.start, base + t.end))
    return buckets


def _distinctive(words: tuple[str, ...]) -> bool:
    content = [w for w in words if w not in CONNECTORS and not w.startswith("<")]
    return len(content) >= MIN_SHARED and any(w not in GENERIC and len(w) > 2 for w in content)


def swap_hits(doc: Document) -> list[Hit]:
    out: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    for key, entries in _collect(doc).items():
        words = {_bare(e.words[e.slot]) for e in entries}
        if len(words) < 2 or len(entries) > MAX_BUCKET or not _distinctive(key):
            continue
        if not all(interchangeable(a, b) for a in words for b in words if a != b):
            continue
        for hit in _bucket_hits(doc, entries):
            if (hit.start, hit.end) not in seen:
                seen.add((hit.start, hit.end))
                out.append(hit)
    out.sort(key=lambda h: (h.start, h.end))
    return out


def _neighbours(doc: Document) -> dict[tuple[str, str], int]:
    """How often each pair of neighbouring words is written inside the release's names
    (lower case), counted once per document."""
    def compute(d: Document) -> dict[tuple[str, str], int]:
        pairs: dict[tuple[str, str], int] = defaultdict(int)
        for _, region, _ in mentions(d).occurrences():
            for shape in region.names:
                words = [_bare(t.text) for t in shape.tokens]
                for a, b in zip(words, words[1:]):
                    pairs[(a, b)] += 1
        return pairs
    return doc.memo("names.neighbour_pairs", compute)


def _context_counts(doc: Document, entries: list[_Entry]) -> dict[str, int]:
    """How often each swapped word is written with the word after it in the name (or the
    word before it, at the end of a name) in the release's names."""
    pairs = _neighbours(doc)
    counts: dict[str, int] = {}
    for e in entries:
        w = _bare(e.words[e.slot])
        if w in counts:
            continue
        if e.slot + 1 < len(e.words):
            counts[w] = pairs.get((w, _bare(e.words[e.slot + 1])), 0)
        else:
            counts[w] = pairs.get((_bare(e.words[e.slot - 1]), w), 0)
    return counts


def _bucket_hits(doc: Document, entries: list[_Entry]):
    counts = _context_counts(doc, entries)
    keep = majority(counts)
    first = min(entries, key=lambda e: e.spans[0][0])
    anchor_word = keep or _bare(first.words[first.slot])
    anchor = next(e for e in entries if _bare(e.words[e.slot]) == anchor_word)
    a_start, a_end, ws, we = anchor.spans[0]
    kept = doc.text[ws:we]
    shown = doc.text[a_start:a_end]
    for e in entries:
        word = _bare(e.words[e.slot])
        if word == anchor_word:
            continue
        for s, end, ws_, we_ in e.spans:
            text = doc.text[s:end]
            swapped = doc.text[ws_:we_]
            suggestion = (doc.text[s:ws_] + _like(kept, swapped) + doc.text[we_:end]
                          if keep else None)
            advice = (f"keep the word used most, '{suggestion}'" if suggestion
                      else "check the official name and use it throughout")
            yield Hit(s, end,
                      f"'{text}' (line {doc.line_of(s)}) and '{shown}' (line "
                      f"{doc.line_of(a_start)}) look like one name with one word translated two "
                      f"ways ('{swapped}' / '{kept}'): {advice}",
                      suggestion, related=((a_start, a_end, f"also written '{shown}'"),))


def _like(word: str, model: str) -> str:
    """`word` in the case of `model` (a capital when the model has one)."""
    if model.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word
