"""The checks of the number rules (AC01-AC04): number problems of the document, by kind, as Hits.

Each check reads `number_problems(doc)` (computed once per document) and keeps the kinds its
rule reports; every Hit names the source span (`source_span`), so the report shows the Chinese
beside the English.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions

if TYPE_CHECKING:
    from .numbers import NumberProblem


def number_problems(doc: Document) -> list:
    """The document's number problems (qa.checks.accuracy.numbers, imported on first use: a run
    without a Chinese source never loads the bilingual machinery)."""
    if doc.source_doc is None:
        return []
    from .numbers import number_problems as problems
    return problems(doc)

MISMATCH_KINDS = ("wrong-value", "wrong-magnitude", "approximation", "relative-date")


def _hit(p: NumberProblem, message: str) -> Hit | None:
    span = p.en or p.context
    if span is None:
        return None
    return Hit(span[0], span[1], message, suggestion=p.suggestion if p.en else None, source_span=p.zh)


def _hits(doc: Document, kinds: tuple[str, ...], phrase) -> Iterator[Hit]:
    for p in number_problems(doc):
        if p.kind in kinds:
            hit = _hit(p, phrase(p))
            if hit is not None:
                yield hit


def check_mismatch(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    yield from _hits(doc, MISMATCH_KINDS, lambda p: p.message)


def check_multiple(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    yield from _hits(doc, ("ambiguous-multiple",), lambda p: p.message)


def check_omitted(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    """One finding per English sentence: the figures it leaves out, named together."""
    groups: dict[tuple[int, int], list[NumberProblem]] = {}
    for p in number_problems(doc):
        if p.kind == "omitted" and p.context is not None:
            groups.setdefault(p.context, []).append(p)
    for (start, end), found in groups.items():
        zh = (min(p.zh[0] for p in found), max(p.zh[1] for p in found)) if all(p.zh for p in found) else None
        if len(found) == 1:
            message = found[0].message + " (this sentence translates it)"
        else:
            parts = [p.message.removesuffix(" is missing from the English") for p in found]
            message = ", ".join(parts[:-1]) + " and " + parts[-1] + " are missing from the English " \
                "(this sentence translates them)"
        yield Hit(start, end, message, source_span=zh)


def check_added(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    yield from _hits(doc, ("added",), lambda p: p.message)
