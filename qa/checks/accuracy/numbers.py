"""Numbers, dates and amounts of the English checked against the Chinese source, bead by bead.

For every aligned bead (see `bitext`) the number core (`qa.bilingual.compare_numbers`) compares
the mentions of the two sides. Its issues are then checked against the neighbourhood, because
translators move figures between sentences and aligners make mistakes:

* an omitted source figure is dropped when the English of a neighbouring bead renders it;
* an added English figure is dropped when any source mention in the whole release agrees with it;
* a wrong value or magnitude is dropped when either figure is accounted for by a neighbouring
  bead (then the pairing, not the translation, is at fault).

Source figures in a sentence with no English at all (a 1:0 gap) are left to the omission rule
when it reports that sentence. Results are computed once per document (`doc.memo`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...bilingual.agreement import agree
from ...bilingual.compare_context import in_context
from ...bilingual.compare_numbers import NumberIssue, compare_quantities
from ...bilingual.furniture import furniture_kind
from ...bilingual.numbers_en import en_quantities
from ...bilingual.numbers_zh import zh_quantities
from ...bilingual.quantities import Quantity
from ...bilingual.story import StoryDate, story_date
from ...document.model import Document
from .bitext import Bitext, bitext
from .gaps import omitted_sentences
from .source_index import SourceIndex

Span = tuple[int, int]
MEMO_KEY = "accuracy.numbers"
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class NumberProblem:
    """One number issue in document coordinates: `en` in the English prose, `zh` in the source
    prose; `context` is the English sentence(s) the issue belongs to (for omissions)."""

    kind: str
    en: Span | None
    zh: Span | None
    context: Span | None
    message: str
    suggestion: str | None
    zh_text: str = ""
    en_text: str = ""


@dataclass
class _Side:
    zh: list[Quantity]
    en: list[Quantity]


def number_problems(doc: Document) -> list[NumberProblem]:
    """Every number issue of `doc` against its source (none without a source)."""
    if bitext(doc) is None:
        return []
    return doc.memo(MEMO_KEY, _compute)


def _shift(q: Quantity, offset: int) -> Span:
    return (q.start + offset, q.end + offset)


def _compute(doc: Document) -> list[NumberProblem]:
    bt = bitext(doc)
    assert bt is not None
    sides = [_mentions(bt, i) for i in range(len(bt.beads))]
    index = SourceIndex([z for side in sides for z in side.zh], bt.zh_text)
    story = story_date(bt.zh_text)
    reported_gaps = {g.bead for g in omitted_sentences(doc)}
    out: list[NumberProblem] = []
    for i, bead in enumerate(bt.beads):
        if not bead.zh and not bead.en or i in reported_gaps:
            continue
        zh_seg, en_seg = bt.zh_of(i), bt.en_of(i)
        issues = compare_quantities(sides[i].zh, sides[i].en, zh_seg, en_seg, story)
        for issue in issues:
            if _explained(issue, i, bt, sides, index):
                continue
            out.append(_problem(issue, i, bt))
    out.sort(key=lambda p: (p.en or p.context or (0, 0), p.zh or (0, 0)))
    return out


def _mentions(bt: Bitext, i: int) -> _Side:
    return _Side(zh_quantities(bt.zh_of(i)) if bt.beads[i].zh else [],
                 en_quantities(bt.en_of(i)) if bt.beads[i].en else [])


def _explained(issue: NumberIssue, i: int, bt: Bitext, sides: list[_Side], index: SourceIndex) -> bool:
    """The issue is accounted for outside its bead (a figure moved, or a misalignment)."""
    # a headline restates the body (and is reworded freely): look through the whole release
    near = [j for j in (range(len(bt.beads)) if i == _headline(bt) else bt.neighbours(i)) if j != i]
    z, e = issue.zh, issue.en
    if issue.kind in ("ambiguous-multiple", "approximation"):
        return False
    if issue.kind == "added":
        if _in_furniture(bt, i, e):
            return True
        return index.explains(e)
    if issue.kind == "omitted":
        if z is not None and _HAN.search(z.text) and z.text in bt.en_of(i):
            return True         # copied untranslated with its sentence: UT01 / AC08 report the copy
        return z is not None and any(agree(z, q) for j in near for q in sides[j].en)
    # a wrong value: the English figure may render a source figure of a neighbouring sentence
    en_text = bt.en_of(i)
    return e is not None and any(agree(q, e) and in_context(q, e, en_text) for j in near for q in sides[j].zh)


def _in_furniture(bt: Bitext, i: int, e: Quantity) -> bool:
    """The English mention stands in page furniture (a credit, a caption, a copyright line)."""
    start = bt.beads[i].en_span[0] + e.start
    for s, t in bt.beads[i].en:
        if s <= start < t:
            return furniture_kind(bt.en_text[s:t], True) is not None
    return False


def _headline(bt: Bitext) -> int | None:
    """The bead of the source's headline: the first bead, when the source opens with a one-line
    paragraph."""
    if not bt.beads or not bt.beads[0].zh or not bt.source.paragraphs:
        return None
    first = bt.source.paragraphs[0]
    return 0 if "\n" not in bt.zh_text[first[0]:first[1]] and len(bt.source.paragraphs) > 1 else None


def _anchor(bt: Bitext, i: int) -> Span | None:
    """The English sentence(s) of bead i, or of the nearest bead before (else after) with English."""
    order = [i] + [j for j in range(i - 1, -1, -1)] + [j for j in range(i + 1, len(bt.beads))]
    for j in order:
        span = bt.beads[j].en_span
        if span is not None:
            return span
    return None


def _problem(issue: NumberIssue, i: int, bt: Bitext) -> NumberProblem:
    bead = bt.beads[i]
    zs = bead.zh_span[0] if bead.zh_span else 0
    es = bead.en_span[0] if bead.en_span else 0
    zh = _shift(issue.zh, zs) if issue.zh is not None else None
    en = _shift(issue.en, es) if issue.en is not None else None
    return NumberProblem(issue.kind, en, zh, _anchor(bt, i), issue.message, issue.suggestion,
                         issue.zh.text if issue.zh else "", issue.en.text if issue.en else "")


__all__ = ["NumberProblem", "StoryDate", "number_problems"]
