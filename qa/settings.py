"""Configuration: `[tool.release-qa]` in pyproject.toml or a `.release-qa.toml`, found by
walking up from each checked file; validated strictly (unknown keys and wrong types name
the key, the file and the line) and returned as a frozen Settings.
"""
from __future__ import annotations

import fnmatch
import math
import os
import re

from ._speed.records import field, record
from ._speed.regex import re_compile
from .categories import CATEGORIES, SEVERITIES
from .errors import ConfigError, QAError
from .tomlpos import key_line, load_toml

CONFIG_NAMES = (".release-qa.toml", "release-qa.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.docx")
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
    "extend-include": (list, str),
    "exclude": (list, str),
    "extend-exclude": (list, str),
    "respect-gitignore": (bool, None),
    "force-exclude": (bool, None),
    "source-dir": (str, None),
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
    respect_gitignore: bool = True          # .gitignore, .ignore and .git/info/exclude
    force_exclude: bool = False             # filter files named on the command line too
    source_dir: str | None = None           # bilingual mode: the folder of Chinese originals (absolute)
    packs: tuple[str, ...] = ()
    glossaries: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    rule_options: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()
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


def locate(path: str | None, keys, message: str) -> ConfigError:
    """A ConfigError at the line of `keys` in the config file `path`, read again to find it
    (for errors found after parsing, such as an unknown rule code: the error path only)."""
    line = None
    if path:
        from .source import read_config_text
        try:
            line = key_line(read_config_text(path, ConfigError), keys,
                            os.path.basename(path) == "pyproject.toml")
        except QAError:
            pass
    return ConfigError(message, path, line)


# `[tool.release-qa]`, `[tool."release-qa".x]`, `tool.release-qa.x = ...`, or a `[tool]`
# table or `tool = {...}` that may hold it: a pyproject.toml without any of these has no config
_MAY_HOLD_TABLE = re_compile(r"""tool\s*\.\s*["']?release-qa|^\s*\[\s*tool\s*\]|^\s*tool\s*=""",
                             re.MULTILINE)


def parse_config(path: str, text: str | None = None) -> Settings | None:
    """Settings from one config file; None for a pyproject.toml without [tool.release-qa]."""
    if text is None:
        from .source import read_config_text  # no FIFOs or devices, a size cap
        text = read_config_text(path, ConfigError)
    is_pyproject = os.path.basename(path) == "pyproject.toml"
    if is_pyproject and not _MAY_HOLD_TABLE.search(text):
        return None             # no way of writing [tool.release-qa] occurs: skip the parse
    try:
        data = load_toml(path, text, ConfigError)
    except RecursionError:
        raise ConfigError("invalid TOML: arrays or tables nested too deeply to read", path) from None

    def bad(message: str, *keys: str) -> ConfigError:
        return ConfigError(message, path, key_line(text, keys, is_pyproject))

    if is_pyproject:
        data = data.get("tool", {}).get("release-qa")
        if data is None:
            return None
        if not isinstance(data, dict):
            raise bad("[tool.release-qa] must be a table")
    elif isinstance(data.get("tool"), dict) and "release-qa" in data["tool"]:
        raise bad(f"{os.path.basename(path)} takes the keys at top level, without a "
                  "[tool.release-qa] table (that table is for pyproject.toml)", "tool", "release-qa")
    root = os.path.dirname(os.path.abspath(path))
    values: dict[str, object] = {}
    for key, value in data.items():
        if key in RENAMED:
            raise bad(f"'{key}' was renamed to '{RENAMED[key]}'", key)
        if key not in KEYS:
            raise bad(f"unknown key '{key}' (known: {', '.join(sorted(KEYS))})", key)
        kind, inner = KEYS[key]
        if not isinstance(value, kind):
            raise bad(f"'{key}' must be a {kind.__name__}, not {type(value).__name__}", key)
        if kind is list and inner and not all(isinstance(v, inner) for v in value):
            raise bad(f"'{key}' must list {inner.__name__} values", key)
        values[key] = value
    for key in ("fail-on", "min-severity"):
        if key in values and values[key] not in SEVERITIES:
            raise bad(f"'{key}' must be one of {', '.join(SEVERITIES)}", key)
    severity = values.get("severity", {})
    for code, sev in severity.items():
        if sev not in SEVERITIES:
            raise bad(f"severity of {code} must be one of {', '.join(SEVERITIES)}", "severity", code)
    for glob, sels in values.get("per-file-ignores", {}).items():
        if not isinstance(sels, list) or not all(isinstance(s, str) for s in sels):
            raise bad(f"per-file-ignores['{glob}'] must list rule selectors", "per-file-ignores", glob)
    rules = values.get("rules", {})
    for code, opts in rules.items():
        if not isinstance(opts, dict):
            raise bad(f"rules.{code} must be a table of options", "rules", code)
    score = _score(bad, values.get("score", {}))

    def rel(items):
        return tuple(os.path.normpath(os.path.join(root, p)) for p in items)

    for key in ("packs", "glossaries"):     # a FIFO or device here would hang the pack loader
        for listed in rel(values.get(key, ())):
            kind = _special(listed)
            if kind:
                raise bad(f"'{key}' names {listed}, which is {kind}, not a regular file", key)

    return Settings(
        path=path, root=root,
        select=tuple(values["select"]) if "select" in values else None,
        ignore=tuple(values.get("ignore", ())),
        extend_select=tuple(values.get("extend-select", ())),
        fail_on=values.get("fail-on", "warning"),
        min_severity=values.get("min-severity", "info"),
        include=tuple(values.get("include", DEFAULT_INCLUDE)) + tuple(values.get("extend-include", ())),
        exclude=tuple(values.get("exclude", DEFAULT_EXCLUDE)) + tuple(values.get("extend-exclude", ())),
        respect_gitignore=values.get("respect-gitignore", True),
        force_exclude=values.get("force-exclude", False),
        source_dir=_source_dir(bad, root, values.get("source-dir")),
        packs=rel(values.get("packs", ())), glossaries=rel(values.get("glossaries", ())),
        per_file_ignores=tuple((g, tuple(s)) for g, s in values.get("per-file-ignores", {}).items()),
        severity=tuple(severity.items()),
        rule_options=tuple((code, tuple(opts.items())) for code, opts in rules.items()),
        score=score)


def _source_dir(bad, root: str, value: str | None) -> str | None:
    """`source-dir` as an absolute folder; it may not hold the config's own folder (every
    release would then be a source)."""
    if value is None:
        return None
    folder = os.path.normpath(os.path.join(root, value))
    if not value.strip() or root == folder or root.startswith(folder.rstrip(os.sep) + os.sep):
        raise bad(f"'source-dir' names {value!r}, this file's folder or one above it: the "
                  "folder of Chinese originals must not hold the English releases", "source-dir")
    return folder


def _special(path: str) -> str:
    """What `path` is when it exists but is not a regular file ('a FIFO (named pipe)', ...)."""
    from .source import special_kind
    try:
        return special_kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return ""


def _number(value: object) -> bool:
    """A finite int or float (not a boolean, not nan or inf)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _score(bad, data: dict) -> ScoreSettings:
    for key, value in data.items():
        if key not in SCORE_KEYS:
            raise bad(f"unknown key 'score.{key}' (known: {', '.join(SCORE_KEYS)})", "score", key)
        if not isinstance(value, SCORE_KEYS[key]) or isinstance(value, bool):
            raise bad(f"'score.{key}' has the wrong type", "score", key)
        if key in ("threshold", "fail-under") and not (_number(value) and 0 <= value <= 100):
            raise bad(f"'score.{key}' must be a number from 0 to 100, not {value}", "score", key)
    penalties = dict(ScoreSettings().penalties)
    for sev, pts in data.get("penalties", {}).items():
        if sev not in SEVERITIES or not isinstance(pts, (int, float)) or isinstance(pts, bool):
            raise bad("score.penalties maps info/warning/error to numbers", "score", "penalties", sev)
        if not (_number(pts) and pts >= 0):
            raise bad(f"score.penalties.{sev} must be 0 or more, not {pts}",
                      "score", "penalties", sev)
        penalties[sev] = float(pts)
    weights = data.get("category-weights", {})
    for category, weight in weights.items():
        if category not in CATEGORIES:
            raise bad(f"unknown category '{category}' in score.category-weights "
                      f"(known: {', '.join(CATEGORIES)})", "score", "category-weights", category)
        if not isinstance(weight, (int, float)) or isinstance(weight, bool):
            raise bad("score.category-weights maps categories to numbers",
                      "score", "category-weights", category)
        if not (_number(weight) and weight >= 0):
            raise bad(f"score.category-weights.{category} must be 0 or more, "
                      f"not {weight}", "score", "category-weights", category)
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
            if not os.path.exists(explicit):
                raise ConfigError("config file not found", explicit)
            parsed = parse_config(explicit)
            self._default = parsed or Settings(path=explicit, root=os.path.dirname(os.path.abspath(explicit)))

    @property
    def defaults(self) -> Settings:
        """The settings of a file under no config file (or of every file, with --config)."""
        return self._default

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
        """The config of `folder` itself, or None; a config that cannot be read or is wrong
        raises its ConfigError (remembered: every file under it gets the same error)."""
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if candidate not in self._by_file:
                try:
                    if os.path.isdir(candidate) or not os.path.exists(candidate):
                        continue        # a FIFO or device is not skipped: parse_config refuses it
                except (OSError, ValueError):
                    continue
                try:
                    self._by_file[candidate] = parse_config(candidate)
                except ConfigError as exc:
                    self._by_file[candidate] = exc
            found = self._by_file[candidate]
            if isinstance(found, ConfigError):
                raise found
            if found is not None:
                return found
        return None
