"""Rule selectors: the one way a rule is named, on the command line (--select, --ignore,
--extend-select), in config (select, ignore, per-file-ignores, severity tables) and in
inline directives (`release-qa: disable=...`).

A selector is "ALL", a code ("TR03") or legacy alias, a code prefix ("TR"), a rule name
("hereinafter") or a category ("translationese"). Matching is case-insensitive for codes,
prefixes and categories, exact for names.
"""
from __future__ import annotations

from collections.abc import Iterable

from .._speed.records import record
from ..categories import CATEGORIES


@record(frozen=True)
class RuleKey:
    """What a selector can match of a rule."""

    code: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()


def selects(selector: str, rule: RuleKey) -> bool:
    """True when one selector names `rule`."""
    s = selector.strip()
    up = s.upper()
    if up == "ALL" or up == rule.code or up in rule.aliases or s == rule.name:
        return True
    if s.lower() in CATEGORIES:
        return s.lower() == rule.category
    return s.isalnum() and rule.code.startswith(up)


def any_selects(selectors: Iterable[str], rule: RuleKey, empty_means_all: bool = False) -> bool:
    """True when any of `selectors` names `rule` (an empty list: `empty_means_all`)."""
    selectors = tuple(selectors)
    if not selectors:
        return empty_means_all
    return any(selects(s, rule) for s in selectors)


def resolve(selector: str, rules: Iterable[RuleKey]) -> set[str]:
    """The codes one selector names among `rules`; empty when it names none."""
    return {r.code for r in rules if selects(selector, r)}
