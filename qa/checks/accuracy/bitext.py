"""The English release and its Chinese source, aligned once per document for every accuracy rule.

`bitext(doc)` returns None when the Document has no source (monolingual mode: the accuracy rules
then do nothing). Otherwise it aligns the two prose texts, sentence by sentence, and keeps the
result in `doc.memo`:

* when the Document carries given segment pairs (`doc.pairs`, from an XLIFF or TMX file), each
  pair is a region of its own: a pair with both sides is aligned inside (so a sentence dropped
  within a segment is still seen), a pair with only a Chinese side is an omission, one with only
  an English side an addition;
* otherwise `qa.bilingual.align.align` runs on the two prose texts with their paragraphs.

Beads are in document order with spans into `doc.text` (English) and `doc.source_doc.text`
(Chinese). `neighbours(i)` gives the beads around bead i, for rules that must not blame a figure
that the translation merely moved into the next sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...document.model import Document

Span = tuple[int, int]
MEMO_KEY = "accuracy.bitext"
# how many beads on each side count as the neighbourhood of a bead
REACH = 1


@dataclass(frozen=True, slots=True)
class Bead:
    """Chinese sentences `zh` (source prose spans) and the English sentences `en` (prose spans)
    that translate them; one side is empty for a gap. `confidence` is the aligner's posterior."""

    zh: tuple[Span, ...]
    en: tuple[Span, ...]
    confidence: float
    given: bool = False          # from the file's own segment pairs

    @property
    def zh_span(self) -> Span | None:
        return (self.zh[0][0], self.zh[-1][1]) if self.zh else None

    @property
    def en_span(self) -> Span | None:
        return (self.en[0][0], self.en[-1][1]) if self.en else None


class Bitext:
    """An English Document, its source Document and their beads."""

    def __init__(self, doc: Document, source: Document, beads: list[Bead]) -> None:
        self.doc, self.source = doc, source
        self.en_text, self.zh_text = doc.text, source.text
        self.beads: tuple[Bead, ...] = tuple(beads)

    def neighbours(self, index: int, reach: int = REACH) -> range:
        """Indices of the beads within `reach` of bead `index` (itself included)."""
        return range(max(0, index - reach), min(len(self.beads), index + reach + 1))

    def en_of(self, index: int) -> str:
        span = self.beads[index].en_span
        return self.en_text[span[0]:span[1]] if span else ""

    def zh_of(self, index: int) -> str:
        span = self.beads[index].zh_span
        return self.zh_text[span[0]:span[1]] if span else ""


def bitext(doc: Document) -> Bitext | None:
    """The aligned pair of `doc` and its source, computed once per document; None without one."""
    if doc.source_doc is None:
        return None
    return doc.memo(MEMO_KEY, _build)


def _build(doc: Document) -> Bitext:
    source = doc.source_doc
    if doc.pairs:
        beads = _from_pairs(doc, source, doc.pairs)
    else:
        beads = _aligned(source.text, doc.text, [tuple(p) for p in source.paragraphs],
                         [tuple(p) for p in doc.paragraphs], (0, 0))
    return Bitext(doc, source, beads)


def _aligned(zh_text: str, en_text: str, zh_paras: list[Span], en_paras: list[Span],
             shift: tuple[int, int], given: bool = False) -> list[Bead]:
    from ...bilingual.align import align
    result = align(zh_text, en_text, zh_paras, en_paras)
    dz, de = shift
    return [Bead(tuple((s + dz, e + dz) for s, e in b.zh), tuple((s + de, e + de) for s, e in b.en),
                 b.confidence, given) for b in result.beads]


def _span(value) -> Span | None:
    if value is None:
        return None
    start, end = int(value[0]), int(value[1])
    return (start, end) if end > start else None


def _from_pairs(doc: Document, source: Document, pairs) -> list[Bead]:
    """Beads from the file's segment pairs: ((en_start, en_end), (zh_start, zh_end)) each."""
    beads: list[Bead] = []
    for pair in pairs:
        en, zh = _span(pair[0]), _span(pair[1])
        if en is None and zh is None:
            continue
        if en is None or zh is None:
            beads.append(Bead((zh,) if zh else (), (en,) if en else (), 1.0, True))
            continue
        zh_text, en_text = source.text[zh[0]:zh[1]], doc.text[en[0]:en[1]]
        inner = _aligned(zh_text, en_text, [(0, len(zh_text))], [(0, len(en_text))],
                         (zh[0], en[0]), True)
        beads.extend(inner or [Bead((zh,), (en,), 1.0, True)])
    return beads
