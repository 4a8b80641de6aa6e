"""Rule packs and glossaries as TOML data: strict loading, one matcher per pack and scope.

A pack is a TOML file with an optional `[pack]` table and `[[rule]]` tables, each naming a
`kind` (existence, substitution, pattern, consistency). A glossary is a TOML file of
`[[entity]]` tables (canonical name, accepted variants, wrong names, sister names).
Unknown keys, wrong types, bad regexes and duplicate codes fail with `path:line: message`.
"""
from __future__ import annotations

import os

from .._speed.records import field, record, replace
from .._speed.regex import REGEX_V0, regex_compile
from ..categories import CATEGORIES, SEVERITIES
from ..errors import RulePackError
from ..rules.base import Example, Option, Rule, RuleDoc, RuleMeta
from ..rules.context import Entity, Glossary
from ..tomlpos import Locator, fail, load_toml
from .kinds import KINDS
from .kinds.matcher import SCOPES, Matcher, entry_pattern
from .kinds.template import check_template, group_fields, unknown_field
from .kinds.triggers import can_match_empty
from .regex_guard import size_problem

COMMON_KEYS = {
    "code": str, "name": str, "kind": str, "category": str, "severity": str, "message": str,
    "summary": str, "what": str, "why": str, "instead": str, "examples": list, "enabled": bool,
    "scope": str, "fix": str, "fix_safety": str, "precision": str, "aliases": list, "link": str,
    "defers_to": list,
}
PACK_KEYS = {"name": str, "description": str, "source": str}
ENTITY_KEYS = {"canonical": str, "variants": list, "wrong": list, "not_same_as": list,
               "kind": str, "note": str, "source": str, "zh": (str, list), "short": list}
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
            from .kinds.matcher import Entry
            for k, ent in enumerate(self.glossary.entities):
                for form in ent.forms:
                    self._entities.append(Entry(str(k), 0, form, False, True))
            self._forms_matcher = Matcher(self._entities)
        present: dict[int, set] = {}
        for entry, _m in self._forms_matcher.run(doc):
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
    """A pack or glossary file's text: a regular file (no FIFO or device), at most 16 MB."""
    from ..source import read_config_text
    return read_config_text(path, RulePackError)


def parse_builtin(path: str, text: str) -> dict:
    """Parsed TOML of a built-in file."""
    return load_toml(path, text)


def load_glossary(path: str, text: str | None = None, builtin: bool = False,
                  names: dict | None = None) -> list[Entity]:
    """The entities of one glossary file.

    `names` records the names of the glossaries loaded before (shared across calls), so that
    a canonical name defined twice, or a name one entity accepts and another calls wrong,
    fails here, in whichever file comes second.
    """
    text = read_text(path) if text is None else text
    names = {} if names is None else names
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
        if not item["canonical"].strip():
            fail(path, text, "'canonical' must be a non-empty string", key="canonical", **where)
        kind = item.get("kind", "organisation")
        if kind not in ENTITY_KINDS:
            fail(path, text, f"kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}", key="kind", **where)
        for key in ("variants", "wrong", "not_same_as", "short"):
            if not all(isinstance(v, str) and v.strip() for v in item.get(key, [])):
                fail(path, text, f"{key!r} must list non-empty strings", key=key, **where)
        zh = item.get("zh", [])     # Chinese names, for the bilingual rules
        if not all(isinstance(v, str) and any("\u3400" <= c <= "\u9fff" for c in v)
                   for v in ([zh] if isinstance(zh, str) else zh)):
            fail(path, text, "'zh' must be a Chinese name or a list of them", key="zh", **where)
        origin = f"{path}:{loc.find(table='entity', index=i)}"
        _check_names(path, text, item, origin, names, where)
        out.append(Entity(item["canonical"], tuple(item.get("variants", [])),
                          tuple(item.get("wrong", [])), tuple(item.get("not_same_as", [])), kind,
                          item.get("note", ""), item.get("source", ""), origin,
                          tuple([zh] if isinstance(zh, str) else zh), tuple(item.get("short", []))))
    return out


def _check_names(path, text, item, origin, names, where) -> None:
    """Fail on a canonical name defined before, and on a name that one entity accepts
    (canonical, variant or short form) and another (or the same) lists as wrong; then record the
    entity's names in `names`: ("canonical" | "accepted" | "wrong", name) -> (canonical, origin)."""
    canonical = item["canonical"]

    def bad(message, key, name):
        quoted = f'"{name}"' if f'"{name}"' in text else f"'{name}'"
        fail(path, text, message, key=key, value=quoted, **where)

    if ("canonical", canonical) in names:
        _, first = names[("canonical", canonical)]
        fail(path, text, f"duplicate canonical name {canonical!r} (already defined at {first})",
             key="canonical", **where)
    names[("canonical", canonical)] = (canonical, origin)
    for key in ("canonical", "variants", "short"):
        for name in [canonical] if key == "canonical" else item.get(key, []):
            if ("wrong", name) in names:
                wrong_for, there = names[("wrong", name)]
                bad(f"{name!r} is listed as wrong for {wrong_for!r} and as a name of "
                    f"{canonical!r} ({there})", key, name)
            names.setdefault(("accepted", name), (canonical, origin))
    for name in item.get("wrong", []):
        if ("accepted", name) in names:
            accepted_by, there = names[("accepted", name)]
            bad(f"{name!r} is listed as wrong for {canonical!r} and as a name of "
                f"{accepted_by!r} ({there})", "wrong", name)
        wrong_for, there = names.setdefault(("wrong", name), (canonical, origin))
        if wrong_for != canonical:
            bad(f"{name!r} is listed as wrong for {canonical!r} and for {wrong_for!r} ({there})",
                "wrong", name)


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
              taken: dict | None = None) -> Pack:
    """Load and validate one pack; `seen_codes` maps codes already taken to their origin,
    `taken` (see selector_keys) the codes, names and aliases of the rules loaded before:
    a rule's name or alias may not select another rule.

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
        if not _type_ok(value, expected):
            bad(f"{key!r} must be {_tname(expected)}", key=key)
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
                compiled[e.source] = _check_regex(e, lambda message, e=e: bad(
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


_GROUP_OPENING = regex_compile(r"\(\?P?<([^\W\d]\w*)>")


def _check_regex(entry, bad):
    """The compiled regex of a user's entry; `bad` is called when it does not compile, names
    one group twice (the `regex` module allows it; the second group then shadows the first)
    or can match empty text (empty findings at every position)."""
    import regex
    problem = size_problem(entry.source)
    if problem:
        bad(f"regex {entry.source[:60]!r}{'...' if len(entry.source) > 60 else ''} {problem}")
    try:
        compiled = regex_compile(entry_pattern(entry), REGEX_V0)
    except regex.error as exc:
        bad(f"bad regex {entry.source!r}: {exc}")
    name = _duplicate_group(entry.source)
    if name:
        bad(f"bad regex {entry.source!r}: group name {name!r} is used twice")
    empty = can_match_empty(entry.source)
    if empty is None:           # syntax of the regex module only: try it on a few texts
        empty = any(m.start() == m.end() for probe in ("", " ", "a", "A1 b.", "\n", "中文")
                    for m in compiled.finditer(probe))
    if empty:
        bad(f"bad regex {entry.source!r}: can match empty text")
    return compiled


def _duplicate_group(source: str) -> str | None:
    """A group name that two groups of `source` share. Each `(?P<name>` written twice or more
    is renamed after its first occurrence; when the renamed pattern compiles with more than
    one of the names, they were real groups (not text in a class or after a backslash)."""
    import regex
    openings = [m.group(1) for m in _GROUP_OPENING.finditer(source)]
    for name in sorted({n for n in openings if openings.count(n) > 1}):
        count = 0

        def rename(m, name=name):
            nonlocal count
            if m.group(1) != name:
                return m.group(0)
            count += 1
            return m.group(0) if count == 1 else m.group(0)[:-1] + f"_qa_dup{count}>"
        try:
            renamed = regex_compile(_GROUP_OPENING.sub(rename, source), REGEX_V0)
        except regex.error:
            continue
        if sum(g == name or g.startswith(name + "_qa_dup") for g in renamed.groupindex) > 1:
            return name
    return None


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


