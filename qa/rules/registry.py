"""The RuleSet: built-in code rules, built-in and user rule packs, and rule selection.

Code rules live in the modules of `qa.checks`, each exporting a `RULES` tuple; data rules
come from TOML packs. A selector is a code ("BP01"), a code prefix ("BP"), a rule name
("web-leftover"), a category ("boilerplate") or "ALL".
"""
from __future__ import annotations

import importlib
import os
from .._speed.records import record, field

from ..categories import CATEGORIES
from ..errors import RulePackError, UsageError
from .base import Rule
from .context import Glossary


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
        sel = selector.strip()
        if sel.upper() == "ALL":
            return set(self.rules)
        rule = self.get(sel)
        if rule:
            return {rule.code}
        if sel.lower() in CATEGORIES:
            return {c for c, r in self.rules.items() if r.meta.category == sel.lower()}
        codes = {c for c in self.rules if c.startswith(sel.upper())} if sel.isalnum() else set()
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
        for sel in selectors:
            s = sel.strip()
            if s.upper() == "ALL" or s.upper() == code or (rule and (
                    s == rule.meta.name or s.lower() == rule.meta.category
                    or s.upper() in rule.meta.aliases)):
                return True
            if s.isalnum() and code.startswith(s.upper()) and not s.lower() in CATEGORIES:
                return True
        return False


def builtin_code_rules() -> list[Rule]:
    """Every rule of every module in qa.checks, in module order."""
    from .. import checks
    out: list[Rule] = []
    for name in _check_modules(checks):
        module = importlib.import_module(f"{checks.__name__}.{name}")
        out.extend(getattr(module, "RULES", ()))
    return out


def _check_modules(package) -> list[str]:
    """Names of the rule modules of a package: its public .py files (or, for a package that
    is not a plain folder, what pkgutil finds)."""
    folder = os.path.dirname(package.__file__ or "")
    if folder and os.path.isdir(folder):
        names = {f[:-3] for f in os.listdir(folder) if f.endswith(".py")}
        names |= {f.split(".")[0] for f in os.listdir(folder) if f.endswith(".pyc")}
    else:
        import pkgutil
        names = {i.name for i in pkgutil.iter_modules(package.__path__)}
    return sorted(n for n in names if not n.startswith("_"))


def build_ruleset(extra_packs=(), extra_glossaries=()) -> RuleSet:
    """Built-in rules plus the user's packs and glossaries (paths)."""
    from ..packs import (builtin_glossary_files, builtin_pack_files, load_glossary, load_pack,
                         selector_keys)
    entities = []
    names: dict = {}            # every glossary's names: no contradictions across files
    for name, text in builtin_glossary_files():
        entities.extend(load_glossary(name, text, builtin=True, names=names))
    for path in extra_glossaries:
        entities.extend(load_glossary(str(path), names=names))
    glossary = Glossary(tuple(entities))
    rs = RuleSet(glossary=glossary)
    for rule in builtin_code_rules():
        rs.add(rule)
    seen = {code: r.meta.origin for code, r in rs.rules.items()}
    taken = selector_keys(rs.rules.values())    # no name or alias may select another rule
    for name, text in builtin_pack_files():
        pack = load_pack(name, glossary, seen, text, validate_regexes=False, taken=taken)
        rs.packs.append(pack)
        for rule in pack.rules:
            rs.add(rule)
    for path in extra_packs:
        pack = load_pack(str(path), glossary, seen, taken=taken)
        rs.packs.append(pack)
        for rule in pack.rules:
            rs.add(rule)
    return rs
