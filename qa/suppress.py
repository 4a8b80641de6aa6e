"""Inline suppression: which findings the release's own directives silence, and what is
wrong with the directives themselves.

`disable=SEL` silences the selected rules from the directive onwards, `enable=SEL` turns them
back on, `disable-line=SEL` silences the directive's own line, `disable-next-line=SEL` the
next non-blank line, `disable-file` the whole file. SEL is a comma list of codes, prefixes,
names or categories (matched by `qa.rules.selectors`, as on the command line and in config);
none means every rule.

`directive_problems` warns about directives that do not do what they seem to: a `disable`
that is never re-enabled (it silences the rest of the file), a `disable` after text on the
same line (it does not silence that line: `disable-line` does), a `disable-line` alone on its
line (there is nothing to silence), and, when asked (`--report-unused-directives`), each
directive or selector that silenced nothing among the rules that ran.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from .rules.selectors import RuleKey, any_selects, selects


def selector_matches(selectors: tuple[str, ...], rule: RuleKey) -> bool:
    """A directive's selectors name `rule` (none: every rule)."""
    return any_selects(selectors, rule, empty_means_all=True)


def _which(selectors: tuple[str, ...], rule: RuleKey) -> str | None:
    """The first of `selectors` naming `rule` ('' when there are none: every rule), or None."""
    if not selectors:
        return ""
    return next((s for s in selectors if selects(s, rule)), None)


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
        self.used_selectors: set[tuple[int, str]] = set()   # (directive index, selector or '')

    def _lines(self) -> list[str]:
        if self._source_lines is None:
            self._source_lines = self._source.splitlines()
        return self._source_lines

    def suppressor(self, rule: RuleKey, offset: int, line: int) -> tuple[int, str] | None:
        """(index of the directive, its selector naming `rule`, '' for none) that silences a
        finding of `rule` at `offset` on `line`, or None."""
        by = None
        for i, d in enumerate(self.directives):
            if d.action in ("disable-file", "disable-line", "disable-next-line"):
                if d.action == "disable-line":
                    hit = self.line_index.line_of(d.start) == line
                elif d.action == "disable-next-line":
                    hit = _next_content_line(self._lines(), self.line_index.line_of(d.end)) == line
                else:
                    hit = True
                sel = _which(d.selectors, rule) if hit else None
                if sel is not None:
                    return i, sel
                continue
            if d.start > offset:
                continue
            sel = _which(d.selectors, rule)
            if sel is not None:
                by = (i, sel) if d.action == "disable" else None
        return by

    def is_suppressed(self, rule: RuleKey, offset: int, line: int) -> bool:
        if not self.directives:
            return False
        found = self.suppressor(rule, offset, line)
        if found is None:
            return False
        self.used.add(found[0])
        self.used_selectors.add(found)
        return True


def shown(d) -> str:
    """A directive as written: 'disable-line=TR02,BP' or 'disable-file'."""
    return d.action + ("=" + ",".join(d.selectors) if d.selectors else "")


def _has_text_beside(source: str, line_index, d) -> bool:
    """True when the directive's line holds text outside the directive (and its comment)."""
    start, end = line_index.line_span(line_index.line_of(d.start), source)
    rest = (source[start:d.start] + " " + source[d.end:end]).replace("<!--", " ").replace("-->", " ")
    return bool(rest.strip(" \t#/%;"))


def directive_problems(directives, source: str, line_index, resolve: Callable[[str], set[str]],
                       all_codes: set[str], findings: Iterable | None = None,
                       key_of: Callable[[str], RuleKey | None] | None = None,
                       ran: set[str] | None = None) -> list[tuple[int, str]]:
    """(offset, message) for each directive that does not do what it seems to (see the module
    docstring). `resolve(selector)` gives the codes a selector names (empty when none);
    `findings`, `key_of(code)` and `ran` (codes of the rules that ran) are needed only to
    report directives that silenced nothing."""
    ds = sorted(directives, key=lambda d: d.start)

    def codes(d) -> set[str]:
        if not d.selectors:
            return set(all_codes)
        out: set[str] = set()
        for sel in d.selectors:
            out |= resolve(sel)
        return out

    out: list[tuple[int, str]] = []
    enabled_after: set[str] = set()          # codes some later `enable` turns back on
    for d in reversed(ds):
        if d.action == "enable":
            enabled_after |= codes(d)
            continue
        line = d.line
        beside = _has_text_beside(source, line_index, d)
        if d.action == "disable" and beside:
            sels = ",".join(d.selectors) or "every rule"
            out.append((d.start, f"line {line}: '{shown(d)}' after text on the same line silences "
                                 f"{sels} from there to the end of the file, not this line: write "
                                 f"'disable-line{'=' + ','.join(d.selectors) if d.selectors else ''}'"))
        elif d.action == "disable" and codes(d) - enabled_after:
            left = sorted(codes(d) - enabled_after)
            what = ", ".join(left[:5]) + (f" and {len(left) - 5} more" if len(left) > 5 else "")
            out.append((d.start, f"line {line}: '{shown(d)}' is never re-enabled: it keeps {what} "
                                 "silent to the end of the file; add 'release-qa: enable="
                                 f"{','.join(d.selectors) or '...'}' where it should stop, or "
                                 "write 'disable-file'"))
        elif d.action == "disable-line" and not beside:
            out.append((d.start, f"line {line}: '{shown(d)}' stands on a line of its own and "
                                 "silences nothing: put it at the end of the line it is for, or "
                                 "write 'disable-next-line'"))
    if findings is not None and key_of is not None:
        out.extend(_unused(ds, source, line_index, resolve, findings, key_of, ran or set()))
    return sorted(out)


def _unused(ds, source, line_index, resolve, findings, key_of, ran: set[str]) -> list[tuple[int, str]]:
    """Directives (or their selectors) that silenced no finding of a rule that ran."""
    sup = Suppressions(ds, source, line_index)
    for f in findings:
        if f.suppressed:
            key = key_of(f.rule)
            if key is not None:
                sup.is_suppressed(key, f.offset, f.line)
    out = []
    for i, d in enumerate(ds):
        if d.action == "enable" or not ran:
            continue
        if not d.selectors:
            if (i, "") not in sup.used_selectors:
                out.append((d.start, f"line {d.line}: '{shown(d)}' silenced nothing (remove it)"))
            continue
        idle = [s for s in d.selectors if (i, s) not in sup.used_selectors and resolve(s) & ran]
        if idle:
            what = "it" if len(idle) == len(d.selectors) else ", ".join(idle)
            out.append((d.start, f"line {d.line}: '{shown(d)}' silenced nothing for "
                                 f"{', '.join(idle)} (remove {what})"))
    return out
