"""Rule packs as TOML data: strict loading into rules, one matcher per pack and scope.

A pack is a TOML file with an optional `[pack]` table and `[[rule]]` tables, each naming a
`kind` (existence, substitution, pattern, consistency). Unknown keys, wrong types, bad regexes
(regex_check.py), clashing names and duplicate codes fail with `path:line: message`. Glossaries
are loaded by glossary_load.py; the loaded pack at run time is pack.py's Pack.
"""
from __future__ import annotations

import os

from .._speed.records import replace
from ..categories import CATEGORIES, SEVERITIES
from ..errors import RulePackError
from ..rules.base import Example, Option, Rule, RuleDoc, RuleMeta
from ..rules.context import Glossary
from ..tomlpos import Locator, fail, load_toml
from .kinds import KINDS
from .kinds.matcher import SCOPES, Matcher
from .kinds.template import check_template, group_fields, unknown_field
from .pack import Pack
from .regex_check import check_regex

COMMON_KEYS = {
    "code": str, "name": str, "kind": str, "category": str, "severity": str, "message": str,
    "summary": str, "what": str, "why": str, "instead": str, "examples": list, "enabled": bool,
    "scope": str, "fix": str, "fix_safety": str, "precision": str, "aliases": list, "link": str,
    "defers_to": list,
}
PACK_KEYS = {"name": str, "description": str, "source": str}
FIX_MODES = ("none", "safe", "unsafe")


def type_ok(value, expected) -> bool:
    expected = expected if isinstance(expected, tuple) else (expected,)
    return any(isinstance(value, t) and not (t is int and isinstance(value, bool)) for t in expected)


def type_name(expected) -> str:
    expected = expected if isinstance(expected, tuple) else (expected,)
    names = {str: "a string", list: "a list", bool: "a boolean", int: "an integer", dict: "a table"}
    return " or ".join(names.get(t, t.__name__) for t in expected)


def read_text(path: str) -> str:
    """A pack or glossary file's text: a regular file (no FIFO or device), at most 16 MB."""
    from ..source import read_config_text
    return read_config_text(path, RulePackError)


def selector_keys(rules) -> dict[str, tuple[str, str, str]]:
    """What selects each of `rules`: lower-cased code, name and aliases -> (which of the
    three it is, the rule's code, its origin). load_pack takes (and extends) such a table."""
    taken: dict[str, tuple[str, str, str]] = {}
    for rule in rules:
        _take(taken, rule.meta.code, rule.meta.name, rule.meta.aliases, rule.meta.origin)
    return taken


def _take(taken, code, name, aliases, origin) -> None:
    for what, value in (("code", code), ("name", name), *(("alias", a) for a in aliases)):
        taken.setdefault(value.lower(), (what, code, origin))


def load_pack(path: str, glossary: Glossary, seen_codes: dict[str, str],
              text: str | None = None, validate_regexes: bool = True,
              taken: dict | None = None, data: dict | None = None) -> Pack:
    """Load and validate one pack; `seen_codes` maps codes already taken to their origin,
    `taken` (see selector_keys) the codes, names and aliases of the rules loaded before:
    a rule's name or alias may not select another rule.

    Every regex of a user's pack is compiled here so that a bad one fails at load with its
    line; built-in packs skip that (their regexes compile on first use, and a test compiles
    them all), which keeps the start-up of a pre-commit run short.
    """
    text = read_text(path) if text is None else text
    data = load_toml(path, text) if data is None else data
    for key in data:
        if key not in ("pack", "rule"):
            fail(path, text, f"unknown key {key!r} (expected [pack] and [[rule]] tables)", key=key)
    header = data.get("pack", {})
    for key, _value in header.items():
        if key not in PACK_KEYS:
            fail(path, text, f"unknown key {key!r} in [pack]", key=key, table="pack")
    pack = Pack(path, header.get("name", os.path.splitext(os.path.basename(path))[0]), glossary,
                validate=validate_regexes)
    if not isinstance(data.get("rule", []), list):
        fail(path, text, "'rule' must be an array of tables: [[rule]]", key="rule")
    if taken is None:
        taken = {c.lower(): ("code", c, origin) for c, origin in seen_codes.items()}
    by_scope: dict[str, list] = {}
    for i, spec in enumerate(data.get("rule", [])):
        rule, entries = _load_rule(path, text, i, spec, pack, seen_codes, taken)
        pack.rules.append(rule)
        for e in entries:
            by_scope.setdefault(e.scope, []).append(e)
    for scope, entries in by_scope.items():
        pack.matchers[scope] = Matcher(entries, trusted=not validate_regexes)
    return pack


def _load_rule(path, text, i, spec, pack, seen_codes, taken):
    where = dict(table="rule", index=i)

    def bad(message, key=None, value=None):
        fail(path, text, message, key=key, value=value, **where)

    kind_name = spec.get("kind")
    if kind_name not in KINDS:
        bad(f"kind {kind_name!r} is not one of {', '.join(KINDS)}" if kind_name else
            "[[rule]] needs a 'kind'", key="kind")
    kind = KINDS[kind_name]
    for key, value in spec.items():
        expected = COMMON_KEYS.get(key) or (kind.KEYS[key][0] if key in kind.KEYS else None)
        if expected is None:
            bad(f"unknown key {key!r} for a {kind_name} rule", key=key)
        if not type_ok(value, expected):
            bad(f"{key!r} must be {type_name(expected)}", key=key)
    for key in ("code", "name", "category", "severity"):
        if key not in spec:
            bad(f"[[rule]] needs a {key!r}")
    code = spec["code"]
    if code in seen_codes:
        bad(f"duplicate rule code {code} (already defined in {seen_codes[code]})", key="code")
    aliases = spec.get("aliases", [])
    if not all(isinstance(a, str) and a.strip() for a in aliases):
        bad("'aliases' must list non-empty strings", key="aliases")
    _check_clashes(code, spec["name"], aliases, taken, bad)
    defers_to = spec.get("defers_to", [])
    if not all(isinstance(c, str) for c in defers_to):
        bad("'defers_to' must list rule codes", key="defers_to")
    if spec["category"] not in CATEGORIES:
        bad(f"category {spec['category']!r} is not one of {', '.join(CATEGORIES)}", key="category")
    if spec["severity"] not in SEVERITIES:
        bad(f"severity {spec['severity']!r} is not one of {', '.join(SEVERITIES)}", key="severity")
    scope = spec.get("scope", "text")
    if scope not in SCOPES:
        bad(f"scope {scope!r} is not one of {', '.join(SCOPES)}", key="scope")
    fix_mode = spec.get("fix", "none")
    if fix_mode not in FIX_MODES:
        bad(f"fix {fix_mode!r} is not one of {', '.join(FIX_MODES)}", key="fix")
    for key in ("message", "suggestion"):
        if isinstance(spec.get(key), str) and (err := check_template(spec[key])):
            bad(err, key=key)
    full = {k: spec.get(k, default) for k, (_, default) in kind.KEYS.items()}
    full.update({k: spec[k] for k in ("message", "fix") if k in spec})
    if not any(full[k] for k in kind.NEEDS):
        bad(f"{kind_name} rule has no {' or '.join(kind.NEEDS)}",
            key=next((k for k in kind.NEEDS if k in spec), None))
    _check_items(kind, full, bad)
    templates = kind.templates(full)
    for key, template, _, _ in templates:
        if err := check_template(template):
            bad(err, key=key, value=template)
    takes_glossary = "from_glossary" in kind.KEYS
    entries = (kind.entries(code, full, scope, pack.glossary) if takes_glossary
               else kind.entries(code, full, scope))
    if pack.validate:           # built-in packs are checked by the test suite, not on every run
        compiled = {}
        locator = Locator(text)
        for k, e in enumerate(entries):
            if e.is_regex:
                compiled[e.source] = check_regex(e, lambda message, e=e: bad(
                    message, key=kind.source_key(full, e.index), value=e.source or None))
                line = locator.find(kind.source_key(full, e.index), "rule", i, e.source or None)
                entries[k] = replace(e, origin=f"{path}:{line}" if line else path)
        for key, template, fields, regexes in templates:
            known = [*fields, *(group_fields([compiled[r] for r in regexes])
                                if regexes is not None else [])]
            if err := unknown_field(template, known):
                bad(err, key=key, value=template)
    try:
        meta = RuleMeta(
            code=code, name=spec["name"], category=spec["category"], severity=spec["severity"],
            summary=spec.get("summary", spec["name"].replace("-", " ")),
            doc=RuleDoc(spec.get("what", ""), spec.get("why", ""), spec.get("instead", ""),
                        _examples(spec.get("examples", []), bad), spec.get("fix_safety", ""),
                        spec.get("precision", "")),
            options=(Option("disabled-phrases", (), "phrases of this rule not to report"),),
            fixable=None if fix_mode == "none" else fix_mode,
            enabled=spec.get("enabled", True), aliases=tuple(aliases),
            origin=path, link=spec.get("link", ""), defers_to=tuple(defers_to))
    except ValueError as exc:
        bad(str(exc), key="defers_to" if "defers_to" in str(exc) else "code")
    seen_codes[code] = path
    _take(taken, code, spec["name"], aliases, path)
    check = kind.make_check(meta, full, pack)
    return Rule(meta, _with_disabled_phrases(check)), entries


def _check_clashes(code, name, aliases, taken, bad) -> None:
    """A rule's code, name and aliases must not select a rule loaded before."""
    for what, key, value in (("code", "code", code), ("name", "name", name),
                             *(("alias", "aliases", a) for a in aliases)):
        other = taken.get(value.lower())
        if other is None or (what == "code" and other[0] == "code"):
            continue            # a code taken twice is the duplicate-code error
        other_what, other_code, origin = other
        where = "built-in" if origin == "builtin" else origin
        bad(f"{what} {value!r} clashes with the {other_what} of rule {other_code} ({where})", key=key)


def _with_disabled_phrases(check):
    def run(doc, opts):
        skip = {p.lower() for p in opts.get("disabled-phrases", ())}
        for hit in check(doc, opts):
            if not skip or doc.text[hit.start:hit.end].lower() not in skip:
                yield hit
    return run


def _check_items(kind, full, bad) -> None:
    for list_key in ("phrases", "swap", "groups"):
        if list_key not in kind.KEYS:
            continue
        for item in full[list_key]:
            if isinstance(item, str) and list_key == "phrases":
                if not item.strip():
                    bad("empty phrase", key=list_key)
                continue
            if not isinstance(item, dict):
                bad(f"items of {list_key!r} must be tables", key=list_key)
            for key, value in item.items():
                if key not in kind.ITEM_KEYS:
                    bad(f"unknown key {key!r} in an item of {list_key!r}", key=key)
                if not type_ok(value, kind.ITEM_KEYS[key]):
                    bad(f"{key!r} in {list_key!r} must be {type_name(kind.ITEM_KEYS[key])}", key=key)
        if list_key == "phrases":
            for item in full[list_key]:
                if isinstance(item, dict) and ("phrase" in item) == ("regex" in item):
                    bad("a phrase table needs exactly one of 'phrase' and 'regex'", key="phrases")
                if isinstance(item, dict) and "phrase" in item and not item["phrase"].strip():
                    bad("empty phrase", key="phrases")
        if list_key == "swap":
            for item in full[list_key]:
                if "wrong" not in item:
                    bad("a swap table needs 'wrong'", key="swap")
                if item["wrong"] == []:
                    bad("a swap needs at least one 'wrong' form", key="swap")
                wrongs = item["wrong"] if isinstance(item["wrong"], list) else [item["wrong"]]
                if not all(isinstance(w, str) and w.strip() for w in wrongs):
                    bad("'wrong' in 'swap' must list non-empty strings", key="swap")
        if list_key == "groups":
            for item in full[list_key]:
                if "preferred" not in item:
                    bad("a group needs 'preferred'", key="groups")
                if not item["preferred"].strip():
                    bad("'preferred' in 'groups' must be a non-empty string", key="groups")
                for key in ("variants", "wrong"):
                    if not all(isinstance(v, str) and v.strip() for v in item.get(key, [])):
                        bad(f"{key!r} in 'groups' must list non-empty strings", key="groups")
    for key in ("patterns",):
        if key in kind.KEYS and not all(isinstance(p, str) for p in full[key]):
            bad(f"{key!r} must list strings", key=key)


def _examples(items, bad) -> tuple[Example, ...]:
    out = []
    for item in items:
        if not isinstance(item, dict) or not {"bad", "good"} <= set(item):
            bad("each example needs 'bad' and 'good' (and 'flags')", key="examples")
        unknown = set(item) - {"bad", "good", "flags", "format", "source"}
        if unknown:
            bad(f"unknown key {sorted(unknown)[0]!r} in an example", key="examples")
        flags = item.get("flags", [])
        out.append(Example(item["bad"], tuple(flags if isinstance(flags, list) else [flags]),
                           item["good"], item.get("format", "text"), item.get("source")))
    return tuple(out)


