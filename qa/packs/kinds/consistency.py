"""consistency: groups of names for one thing; when a release uses two of them, every
occurrence of a form other than the preferred one is reported.

Keys: `groups` (tables with `preferred` and `variants`), `from_glossary` (entity kinds
whose canonical, variant and wrong names form a group), `case_sensitive` (default true).
The preferred form is the group's preferred (canonical) name when the release uses it,
else the accepted name the release uses most (first used on a tie).
"""
from __future__ import annotations

from collections import Counter

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .matcher import Entry
from .template import fill

KEYS = {
    "groups": (list, []),
    "from_glossary": (list, []),
    "case_sensitive": (bool, True),
}
ITEM_KEYS = {"preferred": str, "variants": list, "wrong": list, "note": str}
DEFAULT_MESSAGE = "'{match}' and {others} name the same thing: use one name, '{suggestion}'"
MAX_RELATED = 5
NEEDS = ("groups", "from_glossary")                 # a rule has one of these
MESSAGE_FIELDS = ("match", "suggestion", "others", "line", "canonical", "note")


def groups(spec: dict, glossary) -> list[dict]:
    out = [{"preferred": g["preferred"], "accepted": [g["preferred"], *g.get("variants", [])],
            "wrong": list(g.get("wrong", [])), "note": g.get("note", "")} for g in spec["groups"]]
    kinds = set(spec["from_glossary"])
    if kinds and glossary is not None:
        for ent in glossary.entities:
            if ent.kind in kinds:
                out.append({"preferred": ent.canonical, "accepted": [ent.canonical, *ent.variants],
                            "wrong": list(ent.wrong), "note": ent.note})
    return out


def forms(spec: dict, glossary) -> list[tuple[int, str]]:
    return [(g, f) for g, grp in enumerate(groups(spec, glossary)) for f in grp["accepted"] + grp["wrong"]]


def source_key(spec: dict, index: int) -> str:
    return "groups"


def templates(spec: dict) -> list[tuple[str, str, tuple[str, ...], list[str] | None]]:
    """(key, template, fields, regexes) of each template of the rule: the message only, filled
    without a match (no groups, no `{0}`)."""
    return [("message", spec["message"], MESSAGE_FIELDS, None)] if spec.get("message") else []


def entries(code: str, spec: dict, scope: str, glossary=None) -> list[Entry]:
    return [Entry(code, i, f, False, spec["case_sensitive"], scope)
            for i, (_, f) in enumerate(forms(spec, glossary))]


def make_check(meta, spec, pack):
    table = groups(spec, pack.glossary)
    form_of = forms(spec, pack.glossary)
    template = spec.get("message") or DEFAULT_MESSAGE

    def check(doc: Document, opts: RuleOptions):
        by_group: dict[int, list] = {}
        for entry, m in pack.matches(doc, meta.code):
            g, form = form_of[entry.index]
            by_group.setdefault(g, []).append((form, m.start(), m.end()))
        for g, occ in by_group.items():
            used = Counter(form for form, _, _ in occ)
            if len(used) < 2:
                continue
            grp = table[g]
            preferred = _preferred(grp, occ, used)
            first = {}
            for form, s, e in occ:
                first.setdefault(form, (s, e))
            for form, s, e in occ:
                if form == preferred:
                    continue
                related = tuple((fs, fe, "another name used for it") for f, (fs, fe) in first.items()
                                if f != form)[:MAX_RELATED]
                others = ", ".join(f"'{f}' (line {doc.line_of(fs)})" for f, (fs, _) in first.items()
                                   if f != form)
                fields = {"match": doc.text[s:e], "suggestion": preferred, "others": others,
                          "line": doc.line_of(s), "canonical": grp["preferred"], "note": grp["note"]}
                yield Hit(s, e, fill(template, fields), preferred, related=related)
    return check


def _preferred(grp: dict, occ: list, used: Counter) -> str:
    if grp["preferred"] in used:
        return grp["preferred"]
    accepted = [f for f in grp["accepted"] if f in used]
    if not accepted:
        return grp["preferred"]
    order = {form: i for i, (form, _, _) in reversed(list(enumerate(occ)))}
    return max(accepted, key=lambda f: (used[f], -order[f]))
