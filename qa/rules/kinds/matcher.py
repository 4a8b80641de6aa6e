"""One compiled matcher per pack and scope for all the phrases and regexes of its rules.

Each entry becomes a named group in a single alternation, so a pack of a hundred phrases
costs one scan of the text, not a hundred. Literal phrases get word boundaries and are
tried longest first; regex entries keep their declared order ahead of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

REGEX_TIMEOUT = 2.0     # seconds a pack's matcher may spend on one document

_WORDCHAR = regex.compile(r"[\p{L}\p{N}_]")
SCOPES = ("text", "line", "title", "body")


@dataclass(frozen=True)
class Entry:
    """One phrase or regex of one rule."""

    rule: str                   # rule code
    index: int                  # position in the rule's list, for its per-entry data
    source: str                 # literal phrase or regex source
    is_regex: bool
    case_sensitive: bool
    scope: str = "text"


def literal_pattern(phrase: str, case_sensitive: bool) -> str:
    """A regex for a literal phrase: flexible inner white space, word boundaries at word ends."""
    parts = [regex.escape(p) for p in phrase.split()]
    body = r"\s+".join(parts)
    body = body.replace("’", "['’]").replace(r"\'", "['’]")
    if phrase[:1] and _WORDCHAR.match(phrase[0]):
        body = r"(?<![\p{L}\p{N}_])" + body
    if phrase[-1:] and _WORDCHAR.match(phrase[-1]):
        body += r"(?![\p{L}\p{N}_])"
    return body if case_sensitive else "(?i:" + body + ")"


def entry_pattern(entry: Entry) -> str:
    if entry.is_regex:
        return entry.source if entry.case_sensitive else "(?i:" + entry.source + ")"
    return literal_pattern(entry.source, entry.case_sensitive)


class Matcher:
    """All entries of one scope compiled into one regex."""

    def __init__(self, entries: list[Entry], multiline: bool = False) -> None:
        self.multiline = multiline
        ordered = [e for e in entries if e.is_regex] + sorted(
            (e for e in entries if not e.is_regex), key=lambda e: -len(e.source))
        self.entries = ordered
        self._pattern = None
        self._source = "|".join(f"(?P<qa_e{i}>{entry_pattern(e)})" for i, e in enumerate(ordered))

    @property
    def pattern(self) -> regex.Pattern:
        if self._pattern is None:
            flags = regex.V0 | (regex.MULTILINE if self.multiline else 0)
            self._pattern = regex.compile(self._source, flags)
        return self._pattern

    def finditer(self, text: str, start: int = 0, end: int | None = None
                 ) -> Iterator[tuple[Entry, regex.Match]]:
        end = len(text) if end is None else end
        if not self.entries or end <= start:
            return
        for m in self.pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT):
            yield self.entries[int(m.lastgroup[4:])], m
