"""Rule packs and glossaries as TOML data: strict loading, one matcher per pack and scope.

A pack is a TOML file with an optional `[pack]` table and `[[rule]]` tables, each naming a
`kind` (existence, substitution, pattern, consistency). A glossary is a TOML file of
`[[entity]]` tables (canonical name, accepted variants, wrong names, sister names).
Unknown keys, wrong types, bad regexes and duplicate codes fail with `path:line: message`.
"""
from __future__ import annotations

import os
from .records import record, field

import regex

from .categories import CATEGORIES, SEVERITIES
from .errors import RulePackError
from .rules.base import Example, Option, Rule, RuleDoc, RuleMeta
from .rules.context import Entity, Glossary
from .rules.kinds import KINDS
from .rules.kinds.matcher import SCOPES, Matcher, entry_pattern
from .rules.kinds.template import check_template
from .tomlpos import Locator, fail, load_toml

COMMON_KEYS = {
    "code": str, "name": str, "kind": str, "category": str, "severity": str, "message": str,
    "summary": str, "what": str, "why": str, "instead": str, "examples": list, "enabled": bool,
    "scope": str, "fix": str, "fix_safety": str, "precision": str, "aliases": list, "link": str,
}
PACK_KEYS = {"name": str, "description": str, "source": str}
ENTITY_KEYS = {"canonical": str, "variants": list, "wrong": list, "not_same_as": list,
               "kind": str, "note": str, "source": str}
ENTITY_KINDS = ("organisation", "event", "person", "term", "place", "publication")
FIX_MODES = ("none", "safe", "unsafe")


@record
class Pack:
    """The rules of one pack file and the matchers they share."""

    path: str
    name: str
    glossary: Glossary
    rules: list[Rule] = field(default_factory=list)
    matchers: dict[str, Matcher] = field(default_factory=dict)
    _entities: list = field(default_factory=list)
    _forms_matcher: Matcher | None = None
    validate: bool = True               # compile every regex at load (user packs)

    def scan(self, doc) -> dict[str, list]:
        """Every match of every rule of the pack in `doc`, by rule code (computed once)."""
        return doc.memo(("pack", id(self)), self._scan)

    def _scan(self, doc) -> dict[str, list]:
        out: dict[str, list] = {}
        for scope, matcher in self.matchers.items():
            for entry, m in matcher.run(doc, scope):
                out.setdefault(entry.rule, []).append((entry, m))
        return out

    def matches(self, doc, code: str) -> list:
        return self.scan(doc).get(code, [])

    def line_around(self, doc, offset: int) -> tuple[int, int]:
        """The trimmed prose line holding `offset`."""
        from bisect import bisect_right
        lines = doc.lines
        starts = doc.memo("line-starts", lambda d: [ln.start for ln in d.lines])
        k = bisect_right(starts, offset) - 1
        if k >= 0 and offset <= lines[k].end:
            return lines[k].start, lines[k].end
        return offset, offset

    def glossary_forms_present(self, doc) -> dict[int, set]:
        """Glossary entity index -> the set of its names that occur in `doc`."""
        return doc.memo(("glossary-forms", id(self.glossary)), self._forms_present)

    def _forms_present(self, doc) -> dict[int, set]:
        if not self._entities:
            from .rules.kinds.matcher import Entry
            for k, ent in enumerate(self.glossary.entities):
                for form in ent.forms:
                    self._entities.append(Entry(str(k), 0, form, False, True))
            self._forms_matcher = Matcher(self._entities)
        present: dict[int, set] = {}
        for entry, m in self._forms_matcher.run(doc):
            present.setdefault(int(entry.rule), set()).add(entry.source)
        return present


# ---- loading ---------------------------------------------------------------------------
def _type_ok(value, expected) -> bool:
    expected = expected if isinstance(expected, tuple) else (expected,)
    return any(isinstance(value, t) and not (t is int and isinstance(value, bool)) for t in expected)


def _tname(expected) -> str:
    expected = expected if isinstance(expected, tuple) else (expected,)
    names = {str: "a string", list: "a list", bool: "a boolean", int: "an integer", dict: "a table"}
    return " or ".join(names.get(t, t.__name__) for t in expected)


def read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise RulePackError("no such file", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"cannot read: {exc}", path) from None


def parse_builtin(path: str, text: str) -> dict:
    """Parsed TOML of a built-in file, from the cache when its text was parsed before."""
    from .cache import checksum, get_cache
    cache = get_cache("toml")
    key = f"{path}:{checksum(text)}"
    data = cache.get(key)
    if data is None:
        data = load_toml(path, text)
        cache.put(key, data)
    return data


def load_glossary(path: str, text: str | None = None, builtin: bool = False) -> list[Entity]:
    """The entities of one glossary file."""
    text = read_text(path) if text is None else text
    data = parse_builtin(path, text) if builtin else load_toml(path, text)
    for key in data:
        if key not in ("glossary", "entity"):
            fail(path, text, f"unknown key {key!r} (expected [glossary] and [[entity]] tables)",
                 key=key)
    out = []
    loc = Locator(text)
    for i, item in enumerate(data.get("entity", [])):
        where = dict(table="entity", index=i)
        for key, value in item.items():
            if key not in ENTITY_KEYS:
                fail(path, text, f"unknown key {key!r} in [[entity]]", key=key, **where)
            if not _type_ok(value, ENTITY_KEYS[key]):
                fail(path, text, f"{key!r} must be {_tname(ENTITY_KEYS[key])}", key=key, **where)
        if "canonical" not in item:
            fail(path, text, "[[entity]] needs a 'canonical' name", **where)
        kind = item.get("kind", "organisation")
        if kind not in ENTITY_KINDS:
            fail(path, text, f"kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}", key="kind", **where)
        for key in ("variants", "wrong", "not_same_as"):
            if not all(isinstance(v, str) and v.strip() for v in item.get(key, [])):
                fail(path, text, f"{key!r} must list non-empty strings", key=key, **where)
        out.append(Entity(item["canonical"], tuple(item.get("variants", [])),
                          tuple(item.get("wrong", [])), tuple(item.get("not_same_as", [])), kind,
                          item.get("note", ""), item.get("source", ""),
                          f"{path}:{loc.find(table='entity', index=i)}"))
    return out


def load_pack(path: str, glossary: Glossary, seen_codes: dict[str, str],
              text: str | None = None, validate_regexes: bool = True) -> Pack:
    """Load and validate one pack; `seen_codes` maps codes already taken to their origin.

    Every regex of a user's pack is compiled here so that a bad one fails at load with its
    line; built-in packs skip that (their regexes compile on first use, and a test compiles
    them all), which keeps the start-up of a pre-commit run short.
    """
    text = read_text(path) if text is None else text
    data = load_toml(path, text) if validate_regexes else parse_builtin(path, text)
    for key in data:
        if key not in ("pack", "rule"):
            fail(path, text, f"unknown key {key!r} (expected [pack] and [[rule]] tables)", key=key)
    header = data.get("pack", {})
    for key, value in header.items():
        if key not in PACK_KEYS:
            fail(path, text, f"unknown key {key!r} in [pack]", key=key, table="pack")
    pack = Pack(path, header.get("name", os.path.splitext(os.path.basename(path))[0]), glossary,
                validate=validate_regexes)
    if not isinstance(data.get("rule", []), list):
        fail(path, text, "'rule' must be an array of tables: [[rule]]", key="rule")
    by_scope: dict[str, list] = {}
    for i, spec in enumerate(data.get("rule", [])):
        rule, entries = _load_rule(path, text, i, spec, pack, seen_codes)
        pack.rules.append(rule)
        for e in entries:
            by_scope.setdefault(e.scope, []).append(e)
    for scope, entries in by_scope.items():
        pack.matchers[scope] = Matcher(entries, trusted=not validate_regexes)
    return pack


def _load_rule(path, text, i, spec, pack, seen_codes):
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
        if not _type_ok(value, expected):
            bad(f"{key!r} must be {_tname(expected)}", key=key)
    for key in ("code", "name", "category", "severity"):
        if key not in spec:
            bad(f"[[rule]] needs a {key!r}")
    code = spec["code"]
    if code in seen_codes:
        bad(f"duplicate rule code {code} (already defined in {seen_codes[code]})", key="code")
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
    _check_items(kind, full, bad)
    takes_glossary = "from_glossary" in kind.KEYS
    entries = (kind.entries(code, full, scope, pack.glossary) if takes_glossary
               else kind.entries(code, full, scope))
    for e in entries:
        if not pack.validate or not e.is_regex:
            continue            # built-in packs are checked by the test suite, not on every run
        try:
            regex.compile(entry_pattern(e))
        except regex.error as exc:
            bad(f"bad regex {e.source!r}: {exc}", value=e.source if e.source in text else None,
                key=None if e.source in text else "patterns")
    try:
        meta = RuleMeta(
            code=code, name=spec["name"], category=spec["category"], severity=spec["severity"],
            summary=spec.get("summary", spec["name"].replace("-", " ")),
            doc=RuleDoc(spec.get("what", ""), spec.get("why", ""), spec.get("instead", ""),
                        _examples(spec.get("examples", []), bad), spec.get("fix_safety", ""),
                        spec.get("precision", "")),
            options=(Option("disabled-phrases", (), "phrases of this rule not to report"),),
            fixable=None if fix_mode == "none" else fix_mode,
            enabled=spec.get("enabled", True), aliases=tuple(spec.get("aliases", [])),
            origin=path, link=spec.get("link", ""))
    except ValueError as exc:
        bad(str(exc), key="code")
    seen_codes[code] = path
    check = kind.make_check(meta, full, pack)
    return Rule(meta, _with_disabled_phrases(check)), entries


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
                if not _type_ok(value, kind.ITEM_KEYS[key]):
                    bad(f"{key!r} in {list_key!r} must be {_tname(kind.ITEM_KEYS[key])}", key=key)
        if list_key == "phrases":
            for item in full[list_key]:
                if isinstance(item, dict) and ("phrase" in item) == ("regex" in item):
                    bad("a phrase table needs exactly one of 'phrase' and 'regex'", key="phrases")
        if list_key == "swap":
            for item in full[list_key]:
                if "wrong" not in item:
                    bad("a swap table needs 'wrong'", key="swap")
        if list_key == "groups":
            for item in full[list_key]:
                if "preferred" not in item:
                    bad("a group needs 'preferred'", key="groups")
    for key in ("patterns",):
        if key in kind.KEYS and not all(isinstance(p, str) for p in full[key]):
            bad(f"{key!r} must list strings", key=key)


def _examples(items, bad) -> tuple[Example, ...]:
    out = []
    for item in items:
        if not isinstance(item, dict) or not {"bad", "good"} <= set(item):
            bad("each example needs 'bad' and 'good' (and 'flags')", key="examples")
        unknown = set(item) - {"bad", "good", "flags", "format"}
        if unknown:
            bad(f"unknown key {sorted(unknown)[0]!r} in an example", key="examples")
        flags = item.get("flags", [])
        out.append(Example(item["bad"], tuple(flags if isinstance(flags, list) else [flags]),
                           item["good"], item.get("format", "text")))
    return tuple(out)


# ---- built-in data -----------------------------------------------------------------------
def builtin_root():
    """The folder of built-in packs (the top-level rules/ folder, shipped as qa.rules_data).

    The package's own folder when it is installed as files (the usual case: no pathlib
    import on the start-up path); importlib.resources otherwise (a zipped install)."""
    import qa.rules_data as data
    folder = os.path.dirname(data.__file__ or "")
    if folder and os.path.isdir(folder):
        return folder
        return resources.files("qa.rules_data")


def _toml_files(sub: str, label: str) -> list[tuple[str, str]]:
    root = builtin_root()
    if isinstance(root, str):
        folder = os.path.join(root, sub) if sub else root
        if not os.path.isdir(folder):
            return []
        out = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".toml"):
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    out.append((f"{label}{name}", fh.read()))
        return out
    node = root / sub if sub else root
    if not node.is_dir():
        return []
    return sorted((f"{label}{p.name}", p.read_text("utf-8")) for p in node.iterdir()
                  if p.name.endswith(".toml"))


def builtin_pack_files() -> list[tuple[str, str]]:
    """(name, text) of each built-in pack, sorted by name."""
    return _toml_files("", "rules/")


def builtin_glossary_files() -> list[tuple[str, str]]:
    return _toml_files("glossaries", "rules/glossaries/")
