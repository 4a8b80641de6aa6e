"""Checks on a regex of a user's pack when the pack is loaded: it must be small enough to compile
safely (regex_guard), compile, name each group once and never match empty text. Built-in packs
skip these at run time (a test compiles them all)."""
from __future__ import annotations

from .._speed.regex import REGEX_V0, regex_compile
from .kinds.matcher import entry_pattern
from .kinds.triggers import can_match_empty
from .regex_guard import size_problem

_GROUP_OPENING = regex_compile(r"\(\?P?<([^\W\d]\w*)>")


def check_regex(entry, bad):
    """The compiled regex of a user's entry; `bad` is called when it does not compile, names
    one group twice (the `regex` module allows it; the second group then shadows the first)
    or can match empty text (empty findings at every position)."""
    import regex
    problem = size_problem(entry.source)
    if problem:
        bad(f"regex {entry.source[:60]!r}{'...' if len(entry.source) > 60 else ''} {problem}")
    try:
        compiled = regex_compile(entry_pattern(entry), REGEX_V0)
    except regex.error as exc:
        bad(f"bad regex {entry.source!r}: {exc}")
    name = _duplicate_group(entry.source)
    if name:
        bad(f"bad regex {entry.source!r}: group name {name!r} is used twice")
    empty = can_match_empty(entry.source)
    if empty is None:           # syntax of the regex module only: try it on a few texts
        empty = any(m.start() == m.end() for probe in ("", " ", "a", "A1 b.", "\n", "中文")
                    for m in compiled.finditer(probe))
    if empty:
        bad(f"bad regex {entry.source!r}: can match empty text")
    return compiled


def _duplicate_group(source: str) -> str | None:
    """A group name that two groups of `source` share. Each `(?P<name>` written twice or more
    is renamed after its first occurrence; when the renamed pattern compiles with more than
    one of the names, they were real groups (not text in a class or after a backslash)."""
    import regex
    openings = [m.group(1) for m in _GROUP_OPENING.finditer(source)]
    for name in sorted({n for n in openings if openings.count(n) > 1}):
        count = 0

        def rename(m, name=name):
            nonlocal count
            if m.group(1) != name:
                return m.group(0)
            count += 1
            return m.group(0) if count == 1 else m.group(0)[:-1] + f"_qa_dup{count}>"
        try:
            renamed = regex_compile(_GROUP_OPENING.sub(rename, source), REGEX_V0)
        except regex.error:
            continue
        if sum(g == name or g.startswith(name + "_qa_dup") for g in renamed.groupindex) > 1:
            return name
    return None
