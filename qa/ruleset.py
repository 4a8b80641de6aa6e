"""The RuleSet of a run: the built-in code rules, the built-in and user rule packs, the
glossaries, and selection. The one module that brings rules (qa.checks) and packs
(qa.packs) together; the engine and everything below it know only qa.rules.
"""
from __future__ import annotations

from ._speed.records import field, record
from .errors import RulePackError, UsageError
from .rules.base import Rule
from .rules.context import Glossary
from .rules.selectors import any_selects, resolve


@record
class RuleSet:
    rules: dict[str, Rule] = field(default_factory=dict)     # code -> rule, in load order
    glossary: Glossary = field(default_factory=Glossary)
    packs: list = field(default_factory=list)

    def add(self, rule: Rule) -> None:
        if rule.code in self.rules:
            raise RulePackError(f"duplicate rule code {rule.code} "
                                f"(already defined in {self.rules[rule.code].meta.origin})",
                                rule.meta.origin)
        self.rules[rule.code] = rule

    def get(self, key: str) -> Rule | None:
        """A rule by code, alias or name."""
        if key in self.rules:
            return self.rules[key]
        upper = key.upper()
        for rule in self.rules.values():
            if rule.code == upper or rule.meta.name == key or upper in rule.meta.aliases:
                return rule
        return None

    def resolve(self, selector: str) -> set[str]:
        """Codes matched by one selector; UsageError when it matches nothing."""
        codes = resolve(selector, (r.meta.key for r in self.rules.values()))
        if not codes:
            raise UsageError(f"unknown rule selector {selector!r} (see `release-qa rules`)")
        return codes

    def select(self, select=None, ignore=(), extend_select=()) -> list[Rule]:
        """The rules a run uses, in code order."""
        if select:
            chosen: set[str] = set()
            for s in select:
                chosen |= self.resolve(s)
        else:
            chosen = {c for c, r in self.rules.items() if r.meta.enabled}
        for s in extend_select:
            chosen |= self.resolve(s)
        for s in ignore:
            chosen -= self.resolve(s)
        return [self.rules[c] for c in sorted(chosen)]

    def matches(self, code: str, selectors) -> bool:
        """True when the rule `code` is named by any of `selectors` (unknown ones match nothing)."""
        rule = self.rules.get(code)
        return rule is not None and any_selects(selectors, rule.meta.key)


def build_ruleset(extra_packs=(), extra_glossaries=()) -> RuleSet:
    """Built-in rules plus the user's packs and glossaries (paths)."""
    from .checks import code_rules
    from .packs.builtin_files import builtin_glossary_files, builtin_pack_files, parsed
    from .packs.glossary_load import load_glossary
    from .packs.load import load_pack, selector_keys
    entities = []
    names: dict = {}            # every glossary's names: no contradictions across files
    for name, text in builtin_glossary_files():
        entities.extend(load_glossary(name, text, names=names, data=parsed(name, text)))
    for path in extra_glossaries:
        entities.extend(load_glossary(str(path), names=names))
    glossary = Glossary(tuple(entities))
    rs = RuleSet(glossary=glossary)
    for rule in code_rules():
        rs.add(rule)
    seen = {code: r.meta.origin for code, r in rs.rules.items()}
    taken = selector_keys(rs.rules.values())    # no name or alias may select another rule
    for name, text in builtin_pack_files():
        pack = load_pack(name, glossary, seen, text, validate_regexes=False, taken=taken,
                         data=parsed(name, text))
        rs.packs.append(pack)
        for rule in pack.rules:
            rs.add(rule)
    for path in extra_packs:
        pack = load_pack(str(path), glossary, seen, taken=taken)
        rs.packs.append(pack)
        for rule in pack.rules:
            rs.add(rule)
    for rule in rs.rules.values():
        unknown = [c for c in rule.meta.defers_to if c not in rs.rules]
        if unknown:
            raise RulePackError(f"rule {rule.code} defers to {', '.join(unknown)}, which no rule has "
                                "(see `release-qa rules`)", rule.meta.origin)
    return rs
