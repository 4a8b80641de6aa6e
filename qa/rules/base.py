"""What a rule is: metadata (code, name, category, severity, options, docs) and a pure check.

A check is a function (Document, options) -> iterable of Hits. It reads nothing but the
Document and its options, and formats nothing: the engine turns Hits into Findings.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from .._speed.records import field, record
from .._speed.regex import re_compile
from ..categories import CATEGORIES, SEVERITIES
from .selectors import RuleKey

CODE_RE = re_compile(r"[A-Z]{2,4}[0-9]{2,3}")
NAME_RE = re_compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


@record(frozen=True)
class Option:
    """A rule option: its name, default value, what it does, and the values it accepts."""

    name: str
    default: object
    help: str
    choices: tuple | None = None
    min: float | None = None        # bounds of a numeric option, inclusive
    max: float | None = None

    def validate(self, value: object) -> str | None:
        """An error message when `value` is not acceptable, else None."""
        expected = type(self.default)
        given = value
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if expected is tuple and isinstance(value, list):
            value = tuple(value)
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            return f"must be {_type_name(expected)}, not {_type_name(type(value))}"
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(map(str, self.choices))}"
        if expected in (int, float):
            return self._out_of_range(value, given)
        return None

    def _out_of_range(self, value, given) -> str | None:
        """The error for a number outside [min, max] (nan and infinities never fit)."""
        lo, hi = self.min, self.max
        finite = value == value and value not in (float("inf"), float("-inf"))
        if finite and (lo is None or lo <= value) and (hi is None or value <= hi):
            return None
        if lo is not None and hi is not None:
            return f"must be from {_bound(lo)} to {_bound(hi)}, not {given}"
        if lo is not None:
            return f"must be {_bound(lo)} or more, not {given}"
        if hi is not None:
            return f"must be {_bound(hi)} or less, not {given}"
        return f"must be a finite number, not {given}"


def _bound(x: float | None) -> str:
    return str(int(x)) if isinstance(x, float) and x.is_integer() else str(x)


def _type_name(t: type) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            tuple: "a list", list: "a list", dict: "a table"}.get(t, t.__name__)


@record(frozen=True)
class Example:
    """A runnable example: `bad` must give findings on exactly the `flags` texts, `good` none.
    A bilingual rule's example holds the Chinese original (`source`) both texts translate."""

    bad: str
    flags: tuple[str, ...]
    good: str
    format: str = "text"
    source: str | None = None


@record(frozen=True)
class RuleDoc:
    """Rule documentation in the shape: what it finds / why it matters / example / write instead."""

    what: str
    why: str
    instead: str
    examples: tuple[Example, ...]
    fix_safety: str = ""
    precision: str = ""        # measured figures (WMT dev data, clean releases)
    options_note: str = ""


@record(frozen=True)
class RuleMeta:
    code: str
    name: str
    category: str
    severity: str
    summary: str
    doc: RuleDoc
    options: tuple[Option, ...] = ()
    fixable: str | None = None      # "safe" | "unsafe" | None
    enabled: bool = True            # on unless selected explicitly when False
    aliases: tuple[str, ...] = ()
    origin: str = "builtin"         # "builtin", or the path of the rule pack
    link: str = ""
    # codes of rules that say the same thing more precisely: a finding of this rule is dropped
    # when an active finding of one of them overlaps it (one defect, one finding; see
    # `qa.engine`); when those rules are off or suppressed there, this rule's finding stays
    defers_to: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        problems = []
        if not CODE_RE.fullmatch(self.code):
            problems.append(f"code {self.code!r} is not a prefix of capitals and two or three digits")
        if not NAME_RE.fullmatch(self.name):
            problems.append(f"name {self.name!r} is not kebab-case")
        if self.category not in CATEGORIES:
            problems.append(f"category {self.category!r} is not one of {', '.join(CATEGORIES)}")
        if self.severity not in SEVERITIES:
            problems.append(f"severity {self.severity!r} is not one of {', '.join(SEVERITIES)}")
        bad = [c for c in self.defers_to if not CODE_RE.fullmatch(c) or c == self.code]
        if bad:
            problems.append(f"defers_to {', '.join(map(repr, bad))} is not another rule's code")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def key(self) -> RuleKey:
        """What selectors match of this rule."""
        return RuleKey(self.code, self.name, self.category, self.aliases)

    @property
    def prefix(self) -> str:
        return re.match(r"[A-Z]+", self.code).group(0)

    def default_options(self) -> dict[str, object]:
        return {o.name: o.default for o in self.options}

    def to_dict(self) -> dict:
        """Plain data for reports and formatters (which never import rules)."""
        d = self.doc
        return {
            "code": self.code, "name": self.name, "category": self.category,
            "severity": self.severity, "summary": self.summary, "what": d.what, "why": d.why,
            "instead": d.instead, "fix_safety": d.fix_safety, "precision": d.precision,
            "fixable": self.fixable, "enabled": self.enabled, "origin": self.origin,
            "defers_to": list(self.defers_to),
            "link": self.link,
            "examples": [{"bad": e.bad, "flags": list(e.flags), "good": e.good,
                          "format": e.format, **({"source": e.source} if e.source else {})}
                         for e in d.examples],
            "options": [{"name": o.name, "default": o.default, "help": o.help}
                        for o in self.options],
        }


Check = Callable[[object, Mapping[str, object]], Iterable[object]]


@record(frozen=True)
class Rule:
    meta: RuleMeta
    check: Check = field(compare=False)

    @property
    def code(self) -> str:
        return self.meta.code


def collect_rules(namespace: Mapping[str, object]) -> tuple[Rule, ...]:
    """The Rules bound to names in a module's namespace (`collect_rules(globals())`), in code
    order: a family's rules module ends with `RULES = collect_rules(globals())`, so a rule
    declared (or imported) there is registered without being listed a second time."""
    found = {id(v): v for v in namespace.values() if isinstance(v, Rule)}
    return tuple(sorted(found.values(), key=lambda r: r.meta.code))
