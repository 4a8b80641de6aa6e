"""pattern: a regex with a message template (and optional suggestion and fix templates).

Keys: `pattern` or `patterns`, `suggestion` (template), `fix` (safe | unsafe | none, the
suggestion becomes the replacement), `span` (`match`, `line`, or a group name: what the
finding covers), `case_sensitive` (default true).
"""
from __future__ import annotations

from ...document.model import Document
from ...findings import Hit
from ...rules.context import RuleOptions
from .matcher import Entry
from .template import fill

KEYS = {
    "pattern": (str, ""),
    "patterns": (list, []),
    "suggestion": (str, ""),
    "span": (str, "match"),
    "case_sensitive": (bool, True),
}
ITEM_KEYS: dict = {}
DEFAULT_MESSAGE = "'{0}'"
NEEDS = ("pattern", "patterns")                     # a rule has one of these
MESSAGE_FIELDS = ("match", "suggestion")            # besides the groups of the match


def sources(spec: dict) -> list[str]:
    return ([spec["pattern"]] if spec["pattern"] else []) + list(spec["patterns"])


def source_key(spec: dict, index: int) -> str:
    """The key that holds the rule's `index`-th regex."""
    return "pattern" if spec["pattern"] and index == 0 else "patterns"


def templates(spec: dict) -> list[tuple[str, str, tuple[str, ...], list[str] | None]]:
    """(key, template, fields, regexes) of each template of the rule: the fields it may name
    besides the groups of a match of one of `regexes`."""
    out = []
    if spec.get("message"):
        out.append(("message", spec["message"], MESSAGE_FIELDS, sources(spec)))
    if spec["suggestion"]:
        out.append(("suggestion", spec["suggestion"], ("match",), sources(spec)))
    return out


def entries(code: str, spec: dict, scope: str) -> list[Entry]:
    return [Entry(code, i, src, True, spec["case_sensitive"], scope)
            for i, src in enumerate(sources(spec))]


def make_check(meta, spec, pack):
    template = spec.get("message") or DEFAULT_MESSAGE
    suggestion_t = spec["suggestion"]
    fix_mode = spec.get("fix", "none")
    span = spec["span"]

    def check(doc: Document, opts: RuleOptions):
        for _entry, m in pack.matches(doc, meta.code):
            fields = {"match": m.group(0)}
            suggestion = fill(suggestion_t, fields, m) if suggestion_t else None
            fields["suggestion"] = suggestion or ""
            start, end = m.span()
            if span == "line":
                start, end = pack.line_around(doc, start)
            elif span != "match" and m.groupdict().get(span) is not None:
                start, end = m.span(span)
            fix = None if fix_mode == "none" or suggestion is None else suggestion
            yield Hit(start, end, fill(template, fields, m), suggestion, fix=fix,
                      fix_safety=fix_mode if fix_mode != "none" else "unsafe")
    return check
