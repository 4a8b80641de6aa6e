"""Clusters of name forms that are one organisation or event written several ways.

1. Every name mention with a head noun (or a legal suffix) becomes a NameForm; mentions
   with the same form are counted together.
2. Blocking: forms are put in blocks keyed by head class plus, for each distinctive word,
   its first two letters, its last three letters and, for acronyms and romanised words,
   their (syllable) initials. Only forms sharing a block are compared, so the work grows
   with the number of mentions, not its square.
3. Inside a block of more than a dozen forms, rapidfuzz (token-sort ratio of the
   distinctive words, process.extract per form) picks candidate pairs, in a smaller one
   every pair is a candidate; acronym forms meet the forms whose romanised words have
   those initials; each candidate is checked word by word (compare.variant_kind), and
   linked pairs are joined with union-find.
4. A glossary entry, when there is one, overrides: forms of two different entities (or
   listed as `not_same_as`) are never linked; a form of the same entity as the
   cluster's dominant form is left to the glossary rule (NC01).
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache

from ...document.model import Document
from ...text.lexicon import CONNECTORS, DESCRIPTORS
from .acronyms import acronyms
from .compare import NameForm, name_form, variant_kind
from .fuzzy import block_pairs
from .glossary_veto import GlossaryVeto
from .mentions import mentions
from .romanize import syllable_initials
from .store import UNSET, NameShape

MEMO_KEY = "names.clusters"
CANDIDATE_SCORE = 70
MAX_BLOCK = 4000
COMMON_WORD_FORMS = 200     # a word shared by more forms than this does not block


class FormGroup:
    """One written form of a name and where it is written: (start, end) of every mention,
    in text order, flat in one integer array; whether the first one is in the headline."""

    __slots__ = ("form", "spans", "first_in_title", "support")

    def __init__(self, form: NameForm):
        self.form = form
        self.spans = array("q")
        self.first_in_title = False
        self.support = 0        # uses of its defined short form, mentions of longer forms

    def add(self, start: int, end: int, in_title: bool) -> None:
        if not self.spans:
            self.first_in_title = in_title
        self.spans.append(start)
        self.spans.append(end)

    @property
    def first(self) -> tuple[int, int]:
        """(start, end) of the first mention."""
        return self.spans[0], self.spans[1]

    @property
    def count(self) -> int:
        """How many mentions."""
        return len(self.spans) // 2

    def mention_spans(self):
        """(start, end) of every mention, in text order."""
        it = iter(self.spans)
        return zip(it, it)

    @property
    def weight(self) -> int:
        return self.count + self.support


class Cluster:
    """Forms of one name: the groups, how linked pairs differ, glossary entity per group."""

    __slots__ = ("groups", "kinds", "entities")

    def __init__(self, groups: list[FormGroup], kinds: dict[tuple[int, int], str],
                 entities: list[int | None] | None = None):
        self.groups = groups
        self.kinds = kinds          # (group index, group index) -> how they differ
        self.entities = entities or []

    def glossary_covers(self, k: int, anchor: FormGroup | None = None) -> bool:
        """Group k and the anchor (by default the dominant form) are names of one glossary
        entity (NC01's job)."""
        if not self.entities:
            return False
        d = self.groups.index(anchor or self.dominant)
        return self.entities[k] is not None and self.entities[k] == self.entities[d]

    @property
    def dominant(self) -> FormGroup:
        return max(self.groups, key=lambda g: (g.weight, not g.first_in_title, -g.spans[0]))


def clusters(doc: Document, glossary=None) -> list[Cluster]:
    key = f"{MEMO_KEY}:{id(glossary) if glossary is not None and glossary.entities else 0}"
    return doc.memo(key, lambda d: _build(d, glossary))


def weighted_groups(doc: Document) -> list[FormGroup]:
    """Every distinct name form of the release with its mentions and its support (the
    uses of a short form defined for it, the longer names that begin with it); once per
    document."""
    def compute(d: Document) -> list[FormGroup]:
        groups = _form_groups(d)
        _count_defined_uses(d, groups)
        _count_longer_forms(d, groups)
        return groups
    return doc.memo("names.weighted_groups", compute)


def _build(doc: Document, glossary) -> list[Cluster]:
    groups = weighted_groups(doc)
    veto = GlossaryVeto(glossary, groups) if glossary is not None else None
    links = _links(groups, veto)
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        parent[find(i)] = find(j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(groups)):
        members[find(i)].append(i)
    out = []
    for idx in members.values():
        if len(idx) < 2:
            continue
        local = {g: k for k, g in enumerate(idx)}
        kinds = {(local[i], local[j]): k for (i, j), k in links.items() if i in local}
        ents = [veto.entity_of.get(i) for i in idx] if veto else []
        out.append(Cluster([groups[i] for i in idx], kinds, ents))
    out.sort(key=lambda c: min(g.spans[0] for g in c.groups))
    return out


# Name forms by (token texts, legal): a pure function of the words, shared by documents.
_FORMS: dict[tuple, NameForm | None] = {}
MAX_FORMS = 100_000


def _form_groups(doc: Document) -> list[FormGroup]:
    by_key: dict[tuple, FormGroup] = {}
    found = mentions(doc)
    t_start, t_end = found.title_span
    for base, region in zip(found.bases, found.regions):
        for shape in region.names:
            if shape.head is None and not shape.legal:
                continue
            form = shape.form
            if form is UNSET:
                form = shape.form = _name_form(shape)
            if form is None:
                continue
            k = (form.key, form.head_class)
            group = by_key.get(k)
            if group is None:
                group = by_key[k] = FormGroup(form)
            group.add(base + shape.start, base + shape.end, t_start <= base < t_end)
    return list(by_key.values())


def _name_form(shape: NameShape) -> NameForm | None:
    """The form of a name shape; shapes with the same words and legal flag share one."""
    forms = _FORMS
    if len(forms) > MAX_FORMS:
        forms.clear()
    text_key = (tuple([t.text for t in shape.tokens]), shape.legal)
    form = forms.get(text_key, False)
    if form is False:
        form = forms[text_key] = name_form(shape.tokens, shape.legal)
    return form


def _count_defined_uses(doc: Document, groups: list[FormGroup]) -> None:
    """A name given a short form gains the short form's uses (it is the chosen name)."""
    acr = acronyms(doc)
    if not acr.definitions:
        return
    counts = acr.uses.counts()
    index = {(g.form.key, g.form.head_class): k for k, g in enumerate(groups)}
    credited: set[tuple[int, str]] = set()
    for d in acr.definitions:
        word = d.acronym or d.short
        for k in _groups_within(mentions(doc), index, d.long_start, d.long_end):
            if (k, word) not in credited:
                credited.add((k, word))
                groups[k].support += counts.get(word, 0)


def _groups_within(found, index: dict[tuple, int], start: int, end: int) -> list[int]:
    """The groups (indexes, by form key and head class) of the mentions wholly inside
    [start, end): looked up in the regions that start before `end`, from the one holding
    `start` on. A name in no group has no form (_form_groups leaves its shape UNSET, or
    None when nothing distinctive is left)."""
    bases, regions = found.bases, found.regions
    out = []
    r = max(bisect_right(bases, start) - 1, 0)
    while r < len(bases) and bases[r] < end:
        base = bases[r]
        for shape in regions[r].names:
            form = shape.form
            if (form is not UNSET and form is not None and start <= base + shape.start < end
                    and base + shape.end <= end):
                out.append(index[(form.key, form.head_class)])
        r += 1
    return out


def _count_longer_forms(doc: Document, groups: list[FormGroup]) -> None:
    """A longer name that begins with a form supports that form's wording: 'University of
    Brunei Darussalam' counts for 'University of Brunei', not for 'Brunei University'. A
    name that goes on with a complement ('Hong Kong University of Science and Technology')
    is another body and supports nothing."""
    starts: dict[tuple[str, ...], int] = defaultdict(int)
    for g in groups:
        key = g.form.key
        for n in range(2, len(key)):
            if key[n] not in CONNECTORS:
                starts[key[:n]] += g.count
    for g in groups:
        g.support += starts.get(g.form.key, 0)


def _distinctive(form: NameForm) -> list[str]:
    return [w for w in form.modifiers if w not in DESCRIPTORS and len(w) >= 2]


def block_keys(form: NameForm, common: set[str]) -> tuple[set, set, set]:
    """Fuzzy blocks (head class + first two or last three letters of a distinctive word),
    and the acronym keys the form offers (as acronym, or as a romanised word's initials)."""
    fuzzy, as_acronym, as_word = set(), set(), set()
    for w in _distinctive(form):
        if w in form.acronyms:
            as_acronym.add((form.head_class, w.replace(".", "")))
            continue
        if w not in common:
            fuzzy.add((form.head_class, "p:" + w[:2]))
            fuzzy.add((form.head_class, "s:" + w[-3:]))
        initials = syllable_initials(w)
        if initials:
            as_word.add((form.head_class, initials))
    return fuzzy, as_acronym, as_word


@lru_cache(maxsize=65536)
def _plain_block_keys(form: NameForm) -> tuple[set, set, set]:
    """block_keys when no word is common (the usual case), remembered per name form."""
    return block_keys(form, set())


@lru_cache(maxsize=65536)
def _distinctive_text(form: NameForm) -> str:
    return " ".join(_distinctive(form))


def _common_words(groups: list[FormGroup]) -> set[str]:
    counts: dict[str, int] = defaultdict(int)
    for g in groups:
        for w in set(g.form.modifiers):
            counts[w] += 1
    return {w for w, n in counts.items() if n > COMMON_WORD_FORMS}


def _candidate_pairs(groups: list[FormGroup]):
    common = _common_words(groups)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    acr: dict[tuple[str, str], list[int]] = defaultdict(list)
    words: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        fuzzy, as_acronym, as_word = (_plain_block_keys(g.form) if not common
                                      else block_keys(g.form, common))
        for k in fuzzy:
            blocks[k].append(i)
        for k in as_acronym:
            acr[k].append(i)
        for k in as_word:
            words[k].append(i)
    for idx in blocks.values():
        if 2 <= len(idx) <= MAX_BLOCK:
            yield from _fuzzy_candidates(groups, idx)
    for k, idx in acr.items():
        if 2 <= len(idx) <= MAX_BLOCK:
            yield from _fuzzy_candidates(groups, idx)
        for j in words.get(k, ()):
            yield from ((i, j) for i in idx if i != j)


def _links(groups: list[FormGroup], veto) -> dict[tuple[int, int], str]:
    links: dict[tuple[int, int], str] = {}
    seen: set[tuple[int, int]] = set()
    for i, j in _candidate_pairs(groups):
        pair = (min(i, j), max(i, j))
        if pair in seen:
            continue
        seen.add(pair)
        if veto and veto.apart(*pair):
            continue
        kind = variant_kind(groups[pair[0]].form, groups[pair[1]].form)
        if kind:
            links[pair] = kind
    return links


def _fuzzy_candidates(groups: list[FormGroup], idx: list[int]):
    texts = [_distinctive_text(groups[i].form) for i in idx]
    return [(idx[r], idx[c]) for r, c in block_pairs(texts, "token_sort_ratio",
                                                     CANDIDATE_SCORE)]
