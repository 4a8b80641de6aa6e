"""Configuration: `[tool.release-qa]` in pyproject.toml or a `.release-qa.toml`, found by
walking up from each checked file; validated strictly (unknown keys and wrong types name
the key, the file and the line) and returned as a frozen Settings.
"""
from __future__ import annotations

import fnmatch
import os
import re
from .records import record, field
from typing import Any

from .categories import SEVERITIES
from .errors import ConfigError
from .tomlpos import Locator, load_toml

CONFIG_NAMES = (".release-qa.toml", "release-qa.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "node_modules",
                   "__pycache__", "build", "dist", "site-packages", ".mypy_cache",
                   ".pytest_cache", ".ruff_cache")

# key -> (python type, element type for lists / value type for tables)
KEYS: dict[str, tuple[type, type | None]] = {
    "select": (list, str),
    "ignore": (list, str),
    "extend-select": (list, str),
    "fail-on": (str, None),
    "min-severity": (str, None),
    "include": (list, str),
    "exclude": (list, str),
    "extend-exclude": (list, str),
    "packs": (list, str),
    "glossaries": (list, str),
    "per-file-ignores": (dict, list),
    "severity": (dict, str),
    "rules": (dict, dict),
    "score": (dict, None),
}
SCORE_KEYS = {"penalties": dict, "category-weights": dict, "threshold": (int, float),
              "fail-under": (int, float)}
RENAMED = {"ignore-rules": "ignore", "select-rules": "select", "rule-packs": "packs",
           "glossary": "glossaries", "exclude-files": "exclude"}


@record(frozen=True)
class ScoreSettings:
    penalties: dict = field(default_factory=lambda: {"info": 0.0, "warning": 1.0, "error": 5.0})
    category_weights: dict = field(default_factory=dict)
    threshold: float = 90.0
    fail_under: float | None = None


@record(frozen=True)
class Settings:
    path: str | None = None                 # the config file, or None for defaults
    root: str = "."                         # folder that relative paths are resolved against
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str = "warning"
    min_severity: str = "info"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    packs: tuple[str, ...] = ()
    glossaries: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    rule_options: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    score: ScoreSettings = field(default_factory=ScoreSettings)

    def ignores_for(self, path: str) -> tuple[str, ...]:
        """Selectors switched off for one file by per-file-ignores (globs relative to root)."""
        rel = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        out: list[str] = []
        for pattern, selectors in self.per_file_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern):
                out.extend(selectors)
        return tuple(out)

    def options(self) -> dict[str, dict]:
        return {code: dict(opts) for code, opts in self.rule_options}


def _bad(path: str, text: str, key: str, message: str, table: str | None = None):
    line = Locator(text).find(key=key.split(".")[-1], table=table)
    return ConfigError(message, path, line)


# `[tool.release-qa]`, `[tool."release-qa".x]`, `tool.release-qa.x = ...`, or a `[tool]`
# table or `tool = {...}` that may hold it: a pyproject.toml without any of these has no config
_MAY_HOLD_TABLE = re.compile(r"""tool\s*\.\s*["']?release-qa|^\s*\[\s*tool\s*\]|^\s*tool\s*=""",
                             re.MULTILINE)


def parse_config(path: str, text: str | None = None) -> Settings | None:
    """Settings from one config file; None for a pyproject.toml without [tool.release-qa]."""
    if text is None:
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read: {exc}", path) from None
    is_pyproject = os.path.basename(path) == "pyproject.toml"
    if is_pyproject and not _MAY_HOLD_TABLE.search(text):
        return None             # no way of writing [tool.release-qa] occurs: skip the parse
    data = load_toml(path, text, ConfigError)
    table = "tool.release-qa" if is_pyproject else None
    if is_pyproject:
        data = data.get("tool", {}).get("release-qa")
        if data is None:
            return None
        if not isinstance(data, dict):
            raise ConfigError("[tool.release-qa] must be a table", path)
    root = os.path.dirname(os.path.abspath(path))
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in RENAMED:
            raise _bad(path, text, key, f"'{key}' was renamed to '{RENAMED[key]}'", table)
        if key not in KEYS:
            raise _bad(path, text, key, f"unknown key '{key}' (known: {', '.join(sorted(KEYS))})", table)
        kind, inner = KEYS[key]
        if not isinstance(value, kind):
            raise _bad(path, text, key, f"'{key}' must be a {kind.__name__}, not {type(value).__name__}", table)
        if kind is list and inner and not all(isinstance(v, inner) for v in value):
            raise _bad(path, text, key, f"'{key}' must list {inner.__name__} values", table)
        values[key] = value
    for key in ("fail-on", "min-severity"):
        if key in values and values[key] not in SEVERITIES:
            raise _bad(path, text, key, f"'{key}' must be one of {', '.join(SEVERITIES)}", table)
    severity = values.get("severity", {})
    for code, sev in severity.items():
        if sev not in SEVERITIES:
            raise _bad(path, text, code, f"severity of {code} must be one of {', '.join(SEVERITIES)}")
    for glob, sels in values.get("per-file-ignores", {}).items():
        if not isinstance(sels, list) or not all(isinstance(s, str) for s in sels):
            raise _bad(path, text, glob, f"per-file-ignores['{glob}'] must list rule selectors")
    rules = values.get("rules", {})
    for code, opts in rules.items():
        if not isinstance(opts, dict):
            raise _bad(path, text, code, f"rules.{code} must be a table of options")
    score = _score(path, text, values.get("score", {}))

    def rel(items):
        return tuple(os.path.normpath(os.path.join(root, p)) for p in items)

    return Settings(
        path=path, root=root,
        select=tuple(values["select"]) if "select" in values else None,
        ignore=tuple(values.get("ignore", ())),
        extend_select=tuple(values.get("extend-select", ())),
        fail_on=values.get("fail-on", "warning"),
        min_severity=values.get("min-severity", "info"),
        include=tuple(values.get("include", DEFAULT_INCLUDE)),
        exclude=tuple(values.get("exclude", DEFAULT_EXCLUDE)) + tuple(values.get("extend-exclude", ())),
        packs=rel(values.get("packs", ())), glossaries=rel(values.get("glossaries", ())),
        per_file_ignores=tuple((g, tuple(s)) for g, s in values.get("per-file-ignores", {}).items()),
        severity=tuple(severity.items()),
        rule_options=tuple((code, tuple(opts.items())) for code, opts in rules.items()),
        score=score)


def _score(path: str, text: str, data: dict) -> ScoreSettings:
    for key, value in data.items():
        if key not in SCORE_KEYS:
            raise _bad(path, text, key, f"unknown key 'score.{key}' (known: {', '.join(SCORE_KEYS)})")
        if not isinstance(value, SCORE_KEYS[key]) or isinstance(value, bool):
            raise _bad(path, text, key, f"'score.{key}' has the wrong type")
    penalties = dict(ScoreSettings().penalties)
    for sev, pts in data.get("penalties", {}).items():
        if sev not in SEVERITIES or not isinstance(pts, (int, float)):
            raise _bad(path, text, "penalties", "score.penalties maps info/warning/error to numbers")
        penalties[sev] = float(pts)
    weights = data.get("category-weights", {})
    if not all(isinstance(v, (int, float)) for v in weights.values()):
        raise _bad(path, text, "category-weights", "score.category-weights maps categories to numbers")
    return ScoreSettings(penalties, {k: float(v) for k, v in weights.items()},
                         float(data.get("threshold", 90.0)),
                         float(data["fail-under"]) if "fail-under" in data else None)


class ConfigFinder:
    """Finds the config of a file by walking up from its folder; caches per folder."""

    def __init__(self, explicit: str | None = None, isolated: bool = False) -> None:
        self.explicit = explicit
        self.isolated = isolated
        self._by_dir: dict[str, Settings] = {}
        self._by_file: dict[str, Settings] = {}
        self._default = Settings(root=os.getcwd())
        if explicit:
            if not os.path.isfile(explicit):
                raise ConfigError("config file not found", explicit)
            parsed = parse_config(explicit)
            self._default = parsed or Settings(path=explicit, root=os.path.dirname(os.path.abspath(explicit)))

    def for_path(self, path: str) -> Settings:
        if self.explicit or self.isolated:
            return self._default
        start = os.path.dirname(os.path.abspath(path)) if not os.path.isdir(path) else os.path.abspath(path)
        return self._for_dir(start)

    def _for_dir(self, folder: str) -> Settings:
        chain = []
        current = folder
        while True:
            if current in self._by_dir:
                found = self._by_dir[current]
                break
            chain.append(current)
            found = self._in_dir(current)
            if found is not None:
                break
            parent = os.path.dirname(current)
            if parent == current:
                found = self._default
                break
            current = parent
        for d in chain:
            self._by_dir[d] = found
        return found

    def _in_dir(self, folder: str) -> Settings | None:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if candidate not in self._by_file:
                    parsed = parse_config(candidate)
                    if parsed is None:
                        continue
                    self._by_file[candidate] = parsed
                return self._by_file[candidate]
        return None
