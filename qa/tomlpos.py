"""Reading TOML for humans: parse errors and bad keys reported as path:line: message.

tomllib gives no positions for keys, so a bad key or value is located in the raw text:
`Locator` finds the n-th `[[table]]` header of a rule pack, then the first line in that
section assigning the key (or holding the offending value); `key_line` finds a config key
path however it is written (under a table header, as a dotted key, in an inline table).
"""
from __future__ import annotations

import re

from ._speed.regex import re_compile
from .errors import ConfigError, RulePackError

_AT = re_compile(r"\(at line (\d+), column (\d+)\)")
_ASSIGN = re_compile(r"^\s*(?:[A-Za-z0-9_\-]+|\"[^\"]*\"|'[^']*')\s*=")
_HEADER = re_compile(r"^\s*\[\[?([^\[\]#]+?)\]\]?\s*(?:#.*)?$")     # [table] or [[table]]


def load_toml(path: str, text: str, error=RulePackError) -> dict[str, object]:
    """Parse TOML text; a syntax error becomes `error` with the file's line and column."""
    import tomllib  # only when a file is really parsed
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise error("invalid TOML: arrays or tables nested too deeply", path) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _AT.search(msg)
        line = int(m.group(1)) if m else None
        column = int(m.group(2)) if m else None
        if "(at end of document)" in msg:
            line = text.count("\n") + 1
            msg = msg.replace("(at end of document)", "at the end of the file")
        raise error("invalid TOML: " + _AT.sub("", msg).strip(), path, line, column) from None


class Locator:
    """Finds the line of a key or value in a TOML file."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self._cache: dict[str, list[tuple[int, int]]] = {}

    def _sections(self, table: str) -> list[tuple[int, int]]:
        """(first, last) 0-based line ranges of each `[[table]]` (or `[table]`) section."""
        if table not in self._cache:
            self._cache[table] = self._find_sections(table)
        return self._cache[table]

    def _find_sections(self, table: str) -> list[tuple[int, int]]:
        starts = []
        for i, line in enumerate(self.lines):
            m = _HEADER.match(line)
            if m and m.group(1).strip().strip("\"'") == table:
                starts.append(i)
        out = []
        for i in starts:
            j = i + 1
            while j < len(self.lines):
                m = _HEADER.match(self.lines[j])
                if m and not m.group(1).strip().startswith(table + "."):
                    break
                j += 1
            out.append((i, j - 1))
        return out

    def find(self, key: str | None = None, table: str | None = None, index: int = 0,
             value: str | None = None) -> int | None:
        """1-based line of `key =` (or of `value`) in the index-th section `table` (or anywhere);
        with both, the line holding `value` within the (multi-line) assignment of `key`, else
        the line of `key =`."""
        if table:
            sections = self._sections(table)
            if index >= len(sections):
                return None
            first, last = sections[index]
        else:
            first, last = 0, len(self.lines) - 1
        key_re = _assigns((key,)) if key else None
        if key_re and value is not None:        # the value within that key's assignment
            for i in range(first, last + 1):
                if key_re.match(self.lines[i]):
                    for j in range(i, last + 1):
                        if j > i and (_ASSIGN.match(self.lines[j]) or _HEADER.match(self.lines[j])):
                            break
                        if value in self.lines[j]:
                            return j + 1
                    return i + 1
            return first + 1 if table else None
        for i in range(first, last + 1):
            line = self.lines[i]
            if value is not None and value in line:
                return i + 1
            if value is None and key_re and key_re.match(line):
                return i + 1
        return first + 1 if table else None


def fail(path: str, text: str, message: str, *, key: str | None = None,
         table: str | None = None, index: int = 0, value: str | None = None,
         error=RulePackError) -> None:
    """Raise `error` at the line of the offending key or value."""
    line = Locator(text).find(key, table, index, value)
    raise error(message, path, line)


__all__ = ["ConfigError", "Locator", "RulePackError", "fail", "load_toml"]


_KEY_PART = re_compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([^.\s"']+))\s*""")


def _key_parts(dotted: str) -> tuple[str, ...]:
    """The parts of a TOML dotted key or table name: `tool . "release-qa"` -> (tool, release-qa)."""
    return tuple(next(g for g in m.groups() if g is not None)
                 for m in _KEY_PART.finditer(dotted) if any(g is not None for g in m.groups()))


def _assigns(parts: tuple[str, ...]) -> re.Pattern:
    """A line assigning the dotted key `parts` (each part bare or quoted)."""
    alts = [r"""\s*(?:"{0}"|'{0}'|{0})\s*""".format(re.escape(p)) for p in parts]
    return re_compile("^" + r"\.".join(alts) + "=")


def key_line(text: str, keys, pyproject: bool = False) -> int | None:
    """1-based line of the key path `keys` (below the release-qa table) in config text.

    The key may sit under a `[table]` header for any prefix of its path, be written as a
    dotted key, or be inside an inline table: the line naming the deepest part wins (the
    line of `DU04 = {threshold = 5}` for rules.DU04.threshold); None when nothing names it."""
    full = (("tool", "release-qa") if pyproject else ()) + tuple(keys)
    lines = text.splitlines()
    sections: list[tuple[tuple[str, ...], int]] = [((), -1)]
    for i, line in enumerate(lines):
        m = _HEADER.match(line)
        if m:
            sections.append((_key_parts(m.group(1)), i))
    best, depth = None, 0
    for n, (table, start) in enumerate(sections):
        if full[:len(table)] != table:
            continue
        if len(table) == len(full):              # the header names the key itself
            if len(table) > depth:
                best, depth = start + 1, len(table)
            continue
        end = sections[n + 1][1] if n + 1 < len(sections) else len(lines)
        rest = full[len(table):]
        for k in range(len(rest), 0, -1):
            if len(table) + k <= depth:
                break
            pattern = _assigns(rest[:k])
            hit = next((i for i in range(start + 1, end) if pattern.match(lines[i])), None)
            if hit is not None:
                best, depth = hit + 1, len(table) + k
                break
    return best
