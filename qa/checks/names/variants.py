"""NC02: report the forms of a name other than the one to keep, with the other forms as
evidence: clusters of near-identical forms (cluster.py), one name in two romanisations
(romanised.py) and one word swapped for another translation (swaps.py).

The form to keep, and so the suggestion, is the one the glossary knows; else the one used
clearly more often (its mentions, the uses of a short form defined
for it, the longer names that begin with it), or, on a tie, the one such a full name or
short form backs. When nothing decides, the forms after the first are reported with no
suggestion: a wrong suggestion is worse than none.
"""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .cluster import Cluster, FormGroup, clusters
from .preference import accepted_form, majority
from .romanised import romanisation_hits
from .swaps import swap_hits

MAX_RELATED = 5
WHY = {
    "order": "the same words in another order",
    "spelling": "one word spelt differently",
    "head": "another word for the same kind of body or event",
    "acronym": "initials in place of a word",
    "connector": "another linking word",
}
_NOUN = {
    **{k: "event" for k in ("expo", "forum", "summit", "conference", "congress",
                            "convention", "symposium", "festival", "games", "championship",
                            "competition", "awards", "week", "show")},
    **{k: "institution" for k in ("university", "college", "school", "academy", "institute",
                                  "laboratory", "centre", "hospital", "museum", "library")},
    **{k: "public body" for k in ("department", "ministry", "bureau", "administration",
                                  "agency", "office", "government", "commission",
                                  "committee", "council", "court", "procuratorate")},
    "media": "publication",
}


def check_name_variants(doc: Document, opts: RuleOptions):
    return name_variant_hits(doc, opts)


def name_variant_hits(doc: Document, opts: RuleOptions) -> list[Hit]:
    """NC02's hits, computed once per document (NC07 leaves their words alone)."""
    glossary = getattr(opts, "glossary", None)

    def compute(d) -> list[Hit]:
        hits = [h for c in clusters(d, glossary) for h in _cluster_hits(d, c, glossary)]
        taken = [(h.start, h.end) for h in hits]
        for h in romanisation_hits(d, glossary) + swap_hits(d):
            if not any(s < h.end and h.start < e for s, e in taken):
                hits.append(h)
                taken.append((h.start, h.end))
        return sorted(hits, key=lambda h: (h.start, h.end))
    return doc.memo(f"names.variant_hits:{id(glossary)}", compute)


def _surface(doc: Document, group: FormGroup) -> str:
    start, end = group.first
    return doc.text[start:end]


def _keeper(doc: Document, cluster: Cluster, glossary) -> tuple[FormGroup, bool]:
    """The form to keep and whether it is certain enough to suggest: the one form the
    glossary or the official names accept, else a clear majority by weight, else among
    the forms tied for most weight the only one backed by a full name that begins with it
    or a short form defined for it; else the dominant form (first used), not suggested."""
    known = [g for g in cluster.groups if accepted_form(_surface(doc, g), glossary)]
    if len(known) == 1:
        return known[0], True
    if known:
        return cluster.dominant, False
    best = majority({k: g.weight for k, g in enumerate(cluster.groups)})
    if best is not None:
        return cluster.groups[best], True
    top = max(g.weight for g in cluster.groups)
    backed = [g for g in cluster.groups if g.weight == top and g.support > 0]
    if len(backed) == 1:
        return backed[0], True      # its wording is the full name's (or a defined one's)
    return cluster.dominant, False


def _cluster_hits(doc: Document, cluster: Cluster, glossary):
    keeper, certain = _keeper(doc, cluster, glossary)
    preferred = _surface(doc, keeper)
    noun = _NOUN.get(keeper.form.head_class, "organisation")
    d_index = cluster.groups.index(keeper)
    for k, group in enumerate(cluster.groups):
        if group is keeper or cluster.glossary_covers(k, keeper):
            continue
        kind = cluster.kinds.get((min(k, d_index), max(k, d_index))) or _any_kind(cluster, k)
        others = [g for g in cluster.groups if g is not group]
        evidence = ", ".join(f"'{_surface(doc, g)}' (line {doc.line_of(g.first[0])})"
                             for g in others[:MAX_RELATED])
        related = tuple((*g.first, f"also written '{_surface(doc, g)}'")
                        for g in others[:MAX_RELATED])
        advice = (f"use one name, '{preferred}'" if certain
                  else "use one name throughout (check which one the body uses in English)")
        for start, end in group.mention_spans():
            text = doc.text[start:end]
            message = (f"'{text}' (line {doc.line_of(start)}) and {evidence} look like one "
                       f"{noun} ({WHY.get(kind, 'written two ways')}): {advice}")
            yield Hit(start, end, message, preferred if certain else None, related=related)


def _any_kind(cluster: Cluster, k: int) -> str | None:
    for (i, j), kind in cluster.kinds.items():
        if k in (i, j):
            return kind
    return None
