"""existence: report every occurrence of listed phrases or regexes.

Keys: `phrases` (strings, or tables with `phrase` or `regex`, `suggestion` (a template:
`{match}`, `{1}`, `{name}` are the match and its groups), `note`),
`patterns` (regexes), `case_sensitive` (default false).
"""
from __future__ import annotations

from ...findings import Hit
from .matcher import Entry
from .template import fill

KEYS = {
    "phrases": (list, []),
    "patterns": (list, []),
    "case_sensitive": (bool, False),
}
ITEM_KEYS = {"phrase": str, "regex": str, "suggestion": str, "note": str}
DEFAULT_MESSAGE = "'{match}' reads as machine translation"


def items(spec: dict) -> list[dict]:
    out = []
    for p in spec["phrases"]:
        out.append({"phrase": p} if isinstance(p, str) else dict(p))
    out.extend({"regex": r} for r in spec["patterns"])
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

    def check(doc, opts):
        for entry, m in pack.matches(doc, meta.code):
            item = table[entry.index]
            suggestion = item.get("suggestion")
            if suggestion and "{" in suggestion:       # a template over the match's groups
                suggestion = fill(suggestion, {"match": m.group(0)}, m)
                if m.group(0)[:1].isupper() and suggestion[:1].islower():
                    suggestion = suggestion[0].upper() + suggestion[1:]    # starts a sentence
            fields = {"match": m.group(0), "suggestion": suggestion or "", "note": item.get("note", "")}
            fix = None if fix_mode == "none" or suggestion is None else suggestion
            yield Hit(m.start(), m.end(), fill(template, fields, m), suggestion,
                      fix=fix, fix_safety=fix_mode if fix_mode != "none" else "unsafe")
    return check
