"""Inline suppression directives: `release-qa: disable=CODE`, `enable=CODE`,
`disable-line=CODE` (the directive's own line), `disable-next-line=CODE` and `disable-file`,
written in an HTML comment (text, Markdown, HTML) or on a line of their own in plain text.
Selectors are codes, prefixes, rule names or categories, separated by commas; none means
every rule.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .._speed.regex import re_compile
from .lines import LineIndex
from .model import Directive

ACTIONS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_BODY = r"release-qa:\s*(?P<action>" + "|".join(ACTIONS) + ")" \
        r"(?:\s*=\s*(?P<sel>[\w.\-]+(?:\s*,\s*[\w.\-]+)*))?"


@cache
def _in_comment():
    return re_compile(r"<!--\s*" + _BODY + r"\s*-->")


@cache
def _on_line():
    return re_compile(r"(?m)^[ \t]*(?:<!--|#|//|%|;)?[ \t]*" + _BODY
                      + r"[ \t]*(?:-->)?[ \t]*(?=\r\n|\r|\n|\Z)")


def _make(m: re.Match, lines: LineIndex) -> Directive:
    sel = m.group("sel")
    selectors = tuple(s.strip() for s in sel.split(",")) if sel else ()
    return Directive(m.group("action"), selectors, lines.line_of(m.start()), m.start(), m.end())


def find_line_directives(source: str, lines: LineIndex) -> list[Directive]:
    """Directives in plain text: on lines of their own, or in an HTML comment anywhere on a
    line (`... text <!-- release-qa: disable-next-line=TR -->`)."""
    if "release-qa:" not in source:
        return []
    found = [_make(m, lines) for m in _on_line().finditer(source)]
    taken = [(d.start, d.end) for d in found]
    for m in _in_comment().finditer(source):
        if not any(a <= m.start() < b for a, b in taken):
            found.append(_make(m, lines))
    return sorted(found, key=lambda d: d.start)


def directive_in_comment(source: str, start: int, end: int, lines: LineIndex) -> Directive | None:
    """The directive in the comment source[start:end], if it is one."""
    if "release-qa:" not in source[start:end]:
        return None
    m = _in_comment().fullmatch(source, start, end)
    return _make(m, lines) if m else None


@cache
def _comment_opening():
    return re_compile(r"<!--\s*release-qa:")


def malformed_directives(source: str, directives) -> list[tuple[int, str]]:
    """(offset, comment text) of HTML comments that start 'release-qa:' but are not a
    directive ('release-qa: disabel=BP01'): a typo would otherwise pass in silence."""
    if "release-qa:" not in source:
        return []
    spans = sorted((d.start, d.end) for d in directives)
    starts = [a for a, _ in spans]
    out = []
    pos = 0
    opening = _comment_opening()
    while (m := opening.search(source, pos)) is not None:     # linear: each comment read once
        close = source.find("-->", m.end())
        if close < 0:
            break                                  # unterminated: no further comment either
        end = close + 3
        k = bisect_right(starts, m.start()) - 1
        if not (k >= 0 and spans[k][0] <= m.start() < spans[k][1]):
            out.append((m.start(), " ".join(source[m.start():end].split())))
        pos = end
    return out
