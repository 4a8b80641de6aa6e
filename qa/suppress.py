"""Inline suppression: which findings the release's own directives silence.

`disable=SEL` silences the selected rules from the directive onwards, `enable=SEL` turns them
back on, `disable-next-line=SEL` silences the next non-blank line, `disable-file` the whole
file. SEL is a comma list of codes, prefixes, names or categories; none means every rule.
"""
from __future__ import annotations

from .rules.selectors import RuleKey, any_selects


def selector_matches(selectors: tuple[str, ...], rule: RuleKey) -> bool:
    """A directive's selectors name `rule` (none: every rule)."""
    return any_selects(selectors, rule, empty_means_all=True)


def _next_content_line(source_lines: list[str], line: int) -> int:
    """The first non-blank line after 1-based `line`."""
    k = line  # index of the following line (0-based)
    while k < len(source_lines) and not source_lines[k].strip():
        k += 1
    return k + 1


class Suppressions:
    """Directives of one document, queried per finding."""

    def __init__(self, directives, source: str, line_index) -> None:
        self.directives = sorted(directives, key=lambda d: d.start)
        self.line_index = line_index
        self._source_lines = None
        self._source = source
        self.used: set[int] = set()

    def _lines(self) -> list[str]:
        if self._source_lines is None:
            self._source_lines = self._source.splitlines()
        return self._source_lines

    def is_suppressed(self, rule: RuleKey, offset: int, line: int) -> bool:
        if not self.directives:
            return False
        disabled = False
        by = None
        for i, d in enumerate(self.directives):
            if d.action == "disable-file" and selector_matches(d.selectors, rule):
                self.used.add(i)
                return True
            if d.action == "disable-next-line":
                end_line = self.line_index.line_of(d.end)
                if _next_content_line(self._lines(), end_line) == line \
                        and selector_matches(d.selectors, rule):
                    self.used.add(i)
                    return True
                continue
            if d.start > offset:
                continue
            if selector_matches(d.selectors, rule):
                if d.action == "disable":
                    disabled, by = True, i
                elif d.action == "enable":
                    disabled, by = False, None
        if disabled and by is not None:
            self.used.add(by)
        return disabled
