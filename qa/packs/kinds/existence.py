"""existence: report every occurrence of listed phrases or regexes.

Keys: `phrases` (strings, or tables with `phrase` or `regex`, `suggestion` (a template:
`{match}`, `{1}`, `{name}` are the match and its groups), `note`, and `message`: the item's own
message, for advice that is not a replacement, so the finding has no suggestion),
`patterns` (regexes), `case_sensitive` (default false).
"""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .matcher import Entry
from .template import fill

KEYS = {
    "phrases": (list, []),
    "patterns": (list, []),
    "case_sensitive": (bool, False),
}
ITEM_KEYS = {"phrase": str, "regex": str, "suggestion": str, "note": str, "message": str}
DEFAULT_MESSAGE = "'{match}' reads as machine translation"
NEEDS = ("phrases", "patterns")                     # a rule lists one of these
MESSAGE_FIELDS = ("match", "suggestion", "note")    # besides the groups of the match


def items(spec: dict) -> list[dict]:
    out = []
    for p in spec["phrases"]:
        out.append({"phrase": p} if isinstance(p, str) else dict(p))
    out.extend({"regex": r} for r in spec["patterns"])
    return out


def source_key(spec: dict, index: int) -> str:
    """The key that holds the rule's `index`-th phrase or regex."""
    return "phrases" if index < len(spec["phrases"]) else "patterns"


def templates(spec: dict) -> list[tuple[str, str, tuple[str, ...], list[str] | None]]:
    """(key, template, fields, regexes) of each template of the rule: the fields it may name
    besides the groups of a match of one of `regexes`."""
    table = items(spec)
    out = []
    if spec.get("message"):
        out.append(("message", spec["message"], MESSAGE_FIELDS,
                    [item["regex"] for item in table if "regex" in item]))
    for item in table:
        if item.get("message"):
            out.append(("phrases", item["message"], MESSAGE_FIELDS,
                        [item["regex"]] if "regex" in item else []))
        suggestion = item.get("suggestion")
        if suggestion and "{" in suggestion:
            out.append(("phrases", suggestion, ("match",), [item["regex"]] if "regex" in item else []))
    return out


def entries(code: str, spec: dict, scope: str) -> list[Entry]:
    out = []
    for i, item in enumerate(items(spec)):
        is_regex = "regex" in item
        out.append(Entry(code, i, item["regex"] if is_regex else item["phrase"], is_regex,
                         spec["case_sensitive"], scope))
    return out


def make_check(meta, spec, pack):
    table = items(spec)
    template = spec.get("message") or DEFAULT_MESSAGE
    fix_mode = spec.get("fix", "none")

    def check(doc: Document, opts: RuleOptions):
        for entry, m in pack.matches(doc, meta.code):
            item = table[entry.index]
            suggestion = item.get("suggestion")
            if suggestion and "{" in suggestion:       # a template over the match's groups
                suggestion = fill(suggestion, {"match": m.group(0)}, m)
                if m.group(0)[:1].isupper() and suggestion[:1].islower():
                    suggestion = suggestion[0].upper() + suggestion[1:]    # starts a sentence
            fields = {"match": m.group(0), "suggestion": suggestion or "", "note": item.get("note", "")}
            fix = None if fix_mode == "none" or suggestion is None else suggestion
            yield Hit(m.start(), m.end(), fill(item.get("message") or template, fields, m), suggestion,
                      fix=fix, fix_safety=fix_mode if fix_mode != "none" else "unsafe")
    return check
