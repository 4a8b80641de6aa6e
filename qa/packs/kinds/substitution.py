"""substitution: a wrong form -> the right one, with the right one as suggestion (and fix).

Keys: `swap` (tables with `wrong` (string or list), `right`, optional `note`, `regex`),
`from_glossary` (entity kinds whose glossary `wrong` names are swapped for the canonical
name), `defer_to_consistency` (skip a glossary entity's wrong name when another of its
names occurs too: the consistency rule reports the mix), `case_sensitive`.
"""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .matcher import Entry
from .template import fill

KEYS = {
    "swap": (list, []),
    "from_glossary": (list, []),
    "defer_to_consistency": (bool, False),
    "case_sensitive": (bool, False),
}
ITEM_KEYS = {"wrong": (str, list), "right": str, "note": str, "regex": bool}
DEFAULT_MESSAGE = "Write '{suggestion}' instead of '{match}'"
NEEDS = ("swap", "from_glossary")                   # a rule has one of these
MESSAGE_FIELDS = ("match", "suggestion", "note")    # besides the groups of the match


def swaps(spec: dict, glossary) -> list[dict]:
    """One dict per wrong form: wrong, right, note, regex, entity (glossary index or None),
    accepted (the entity's canonical name and variants: never reported)."""
    out = []
    for item in spec["swap"]:
        wrongs = item["wrong"] if isinstance(item["wrong"], list) else [item["wrong"]]
        for w in wrongs:
            out.append({"wrong": w, "right": item.get("right", ""), "note": item.get("note", ""),
                        "regex": item.get("regex", False), "entity": None, "accepted": ()})
    kinds = set(spec["from_glossary"])
    if kinds and glossary is not None:
        for k, ent in enumerate(glossary.entities):
            if ent.kind in kinds:
                for w in ent.wrong:
                    out.append({"wrong": w, "right": ent.canonical, "note": ent.note,
                                "regex": False, "entity": k,
                                "accepted": (ent.canonical, *ent.variants)})
    return out


def source_key(spec: dict, index: int) -> str:
    return "swap"


def templates(spec: dict) -> list[tuple[str, str, tuple[str, ...], list[str] | None]]:
    """(key, template, fields, regexes) of each template of the rule: the fields it may name
    besides the groups of a match of one of `regexes`. The `right` of a regex swap is a
    template over that swap's groups; glossary swaps are literal."""
    table = swaps(spec, None)
    out = []
    if spec.get("message"):
        out.append(("message", spec["message"], MESSAGE_FIELDS,
                    [s["wrong"] for s in table if s["regex"]]))
    for s in table:
        if s["regex"]:
            out.append(("swap", s["right"], ("match",), [s["wrong"]]))
    return out


def entries(code: str, spec: dict, scope: str, glossary=None) -> list[Entry]:
    return [Entry(code, i, s["wrong"], s["regex"], spec["case_sensitive"], scope)
            for i, s in enumerate(swaps(spec, glossary))]


def make_check(meta, spec, pack):
    table = swaps(spec, pack.glossary)
    template = spec.get("message") or DEFAULT_MESSAGE
    fix_mode = spec.get("fix", "none")
    defer = spec["defer_to_consistency"]

    def check(doc: Document, opts: RuleOptions):
        present = pack.glossary_forms_present(doc) if defer else None
        for entry, m in pack.matches(doc, meta.code):
            item = table[entry.index]
            ent = item["entity"]
            if present is not None and ent is not None and len(present.get(ent, ())) > 1:
                continue
            right = fill(item["right"], {"match": m.group(0)}, m) if item["regex"] else item["right"]
            if m.group(0) == right or m.group(0) in item["accepted"]:
                continue        # the right form, matched by a case-insensitive rule
            fields = {"match": m.group(0), "suggestion": right, "note": item["note"]}
            message = fill(template, fields, m)
            longer = _longer_name(doc.text, m.start(), m.end()) if ent is not None else None
            if longer:          # 'Beijing Jingdong Group Co.': replacing a part garbles the whole
                yield Hit(m.start(), m.end(), f"{message} (it stands inside the longer name "
                                              f"'{longer}': check the whole name)")
                continue
            end = _abbreviation_stop(doc.text, m.end())
            fix = None if fix_mode == "none" else right
            yield Hit(m.start(), end, message, right, fix=fix,
                      fix_safety=fix_mode if fix_mode != "none" else "unsafe")
    return check


def _longer_name(text: str, start: int, end: int) -> str | None:
    """The longer name a match is part of, when a capitalised word is glued to it by one space
    on either side ('Beijing Jingdong Group Co.'), else None. A word opening a sentence does not
    count on the left."""
    left = start
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        k = start - 1
        while k > 0 and not text[k - 1].isspace():
            k -= 1
        word = text[k:start - 1]
        before = text[:k].rstrip()
        opens_sentence = not before or before[-1] in ".!?\n"
        if word[:1].isupper() and not opens_sentence:
            left = k
    right = end
    if end + 1 < len(text) and text[end] == " " and text[end + 1].isupper():
        k = end + 1
        while k < len(text) and not text[k].isspace() and text[k] not in ",;:":
            k += 1
        right = k
    if left == start and right == end:
        return None
    return text[left:right].rstrip(".")


def _abbreviation_stop(text: str, end: int) -> int:
    """The end of a match extended over the full stop of an abbreviation it ends with ('Ltd' in
    'ZTE Co., Ltd. signed'), so a replacement leaves no stray full stop; a full stop that may
    also end the sentence (a capital follows) stays in the text."""
    if text[end:end + 1] == "." and text[end - 1:end].isalpha():
        after = text[end + 1:end + 3]
        if after[:1] == " " and after[1:2].islower():
            return end + 1
    return end
