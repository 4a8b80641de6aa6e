"""NC13: the headline names an event one way and the body another ("Xining Plateau Goods Expo
Opens" over a release about the "Qinghai Xining Green Products Fair").

Reported when the headline's event name (a name whose head is an event noun: Expo, Fair,
Forum, Festival, Summit, ...) never occurs in the body, and the body's main event of the
same kind (the only one, or one named at least twice, counting a short form defined for
it, and more often than any other of that kind) shares a distinctive word with it (a
place) while the headline's name has a distinctive word the body's lacks. A headline
that only shortens the body's name ("Xining Products Fair Opens") is fine, and a pair that
is one name written two ways is NC02's. The suggestion is the body's name, unless the
body writes it after a bracket ("China (Shunde) International ...") and the name found
is only its tail.
"""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from ...text.lexicon import DESCRIPTORS
from .cluster import FormGroup, weighted_groups
from .compare import token_relation, variant_kind
from .swaps import GENERIC

EVENT_CLASSES = frozenset({"expo", "forum", "summit", "conference", "congress", "convention",
                           "symposium", "festival", "games", "championship", "competition",
                           "awards", "week", "show"})


ORDINALS = frozenset("""
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
annual inaugural edition session
""".split())


def _distinct(words) -> set[str]:
    """Words that tell names apart: not generic, not ordinals or numbers, not a web site
    glued to the name ('...China-Chinanews.com': the site tail is TI04's)."""
    return {w for w in words if w not in DESCRIPTORS and w not in GENERIC and len(w) > 2
            and w not in ORDINALS and not w[:1].isdigit() and "." not in w}


def _in_title(doc: Document, group: FormGroup) -> bool:
    t = doc.title
    return bool(t) and all(t.start <= s < t.end for s, _ in group.mention_spans())


def check_headline_name(doc: Document, opts: RuleOptions):
    if doc.title is None:
        return
    groups = [g for g in weighted_groups(doc) if g.form.head_class in EVENT_CLASSES]
    heads = [g for g in groups if _in_title(doc, g)]
    if not heads:
        return
    body = [g for g in groups if not _in_title(doc, g)]
    for t in heads:
        same = [g for g in body if g.form.head_class == t.form.head_class]
        if not same:
            continue
        main = max(same, key=lambda g: g.weight)
        if len(same) > 1 and (main.weight < 2
                              or sum(1 for g in same if g.weight == main.weight) > 1):
            continue
        if variant_kind(t.form, main.form) is not None or not _differs(t, main):
            continue
        ms, me = main.first
        name = doc.text[ms:me]
        whole = not doc.text[max(0, ms - 3):ms].rstrip().endswith((")", "）", "-"))
        for s, e in t.mention_spans():
            yield Hit(s, e,
                      f"the headline calls the event '{doc.text[s:e]}', the body '{name}' "
                      f"(line {doc.line_of(ms)} and after): readers look for the headline's "
                      f"name in the text; use the body's name in the headline",
                      name if whole else None, related=((ms, me, "the name the body uses"),))


def _differs(t: FormGroup, main: FormGroup) -> bool:
    """They share a distinctive word and the headline's has one the body's lacks."""
    tw, mw = _distinct(t.form.modifiers), _distinct(main.form.modifiers)
    if not tw & mw:
        return False
    extra = [w for w in tw - mw if not any(token_relation(w, m) for m in mw)]
    return bool(extra)
