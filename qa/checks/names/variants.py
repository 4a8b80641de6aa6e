"""NC02: report the minority forms of a clustered name, with the other forms as evidence."""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .cluster import Cluster, FormGroup, clusters

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
        return [h for c in clusters(d, glossary) for h in _cluster_hits(d, c)]
    return doc.memo(f"names.variant_hits:{id(glossary)}", compute)


def _surface(doc: Document, group: FormGroup) -> str:
    start, end = group.first
    return doc.text[start:end]


def _cluster_hits(doc: Document, cluster: Cluster):
    dominant = cluster.dominant
    preferred = _surface(doc, dominant)
    noun = _NOUN.get(dominant.form.head_class, "organisation")
    d_index = cluster.groups.index(dominant)
    for k, group in enumerate(cluster.groups):
        if group is dominant or cluster.glossary_covers(k):
            continue
        kind = cluster.kinds.get((min(k, d_index), max(k, d_index))) or _any_kind(cluster, k)
        others = [g for g in cluster.groups if g is not group]
        evidence = ", ".join(f"'{_surface(doc, g)}' (line {doc.line_of(g.first[0])})"
                             for g in others[:MAX_RELATED])
        related = tuple((*g.first, f"also written '{_surface(doc, g)}'")
                        for g in others[:MAX_RELATED])
        for start, end in group.mention_spans():
            text = doc.text[start:end]
            message = (f"'{text}' (line {doc.line_of(start)}) and {evidence} look like one "
                       f"{noun} ({WHY.get(kind, 'written two ways')}): use one name, "
                       f"'{preferred}'")
            yield Hit(start, end, message, preferred, related=related)


def _any_kind(cluster: Cluster, k: int) -> str | None:
    for (i, j), kind in cluster.kinds.items():
        if k in (i, j):
            return kind
    return None
