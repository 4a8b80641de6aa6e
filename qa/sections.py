"""A very long plain-text release checked in sections, so that memory stays bounded.

A press release is under 100 KB; a plain-text file of more than SECTION_THRESHOLD code points
(a dump of many releases, a book) is checked a section at a time: sections of at most
SECTION_CHARS code points, of about equal size, cut where a paragraph ends (after a run of
blank lines; failing that after a line end, then after a space). Each section is a Document
of its own, built, checked and let go before the next, so the rules' tables (words,
sentences, name mentions) are those of one section, never of the whole file.

What concerns the file stays whole: its positions (a section's Document counts lines and
columns as the file does, so the lines rules name in their messages are the file's, and each
Finding's offsets are shifted back to the file's: an unsectioned run reports the same), its inline
directives (found once in the whole file and applied with file offsets: a `disable` in the
first section holds in the last), the sorting, deduplication, deferral and fingerprints of
the findings (qa.engine `finish_findings`, run once over them all), the headline (the first
section's), the word count and so the score. What changes: a rule that compares parts of a
release (one name written two ways, a repeated sentence, a relative date with no date
anywhere) compares within a section, and a section after the first starts no release (no
headline, no head: Document.continued). Markup (HTML, Markdown), Word documents and bilingual
checks are never sectioned: their offsets map through the markup of the whole file.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .engine import LintOutcome, RunConfig, check_rules, deferrals, finish_findings
from .source import SourceFile

if TYPE_CHECKING:
    from .document import Document
    from .rules.base import Rule

SECTION_THRESHOLD = 1 << 20     # code points: a longer plain-text file is checked in sections
SECTION_CHARS = 1 << 18         # code points a section holds at most (256 Ki)

# a line end followed by one or more blank lines (as qa.document.segment separates paragraphs)
_BLANK_RUN = r"(?>\r\n|\r|\n)(?:[ \t\f\v\u3000\u00a0]*(?>\r\n|\r|\n))+"


def applies(src: SourceFile, fmt: str | None) -> bool:
    """True when `src` is checked in sections: plain text longer than SECTION_THRESHOLD."""
    from .document.markup import format_for
    return (src.docx is None and len(src.text) > SECTION_THRESHOLD
            and (fmt or format_for(src.path)) == "text")


def cuts(text: str, size: int | None = None) -> list[int]:
    """The offsets where sections start (0 first): sections of at most `size` code points
    (SECTION_CHARS), of about equal length, each but the last ending after a run of blank
    lines where there is one in the second half of its length."""
    size = size or SECTION_CHARS
    out = [0]
    start, n = 0, len(text)
    while n - start > size:
        left = n - start
        goal = start + _ceil(left, _ceil(left, size))       # an equal share of what is left
        start = _cut(text, start + (goal - start) // 2, goal)
        if start >= n:          # a line end at the very end: nothing left for another section
            break
        out.append(start)
    return out


def _ceil(a: int, b: int) -> int:
    return -(-a // b)


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a section that ends in (lo, hi]: after the last blank-line run that ends
    there, else after the last line end, else after the last space, else at `hi`."""
    from ._speed.regex import re_compile
    blank_run = re_compile(_BLANK_RUN)
    last = None
    for last in blank_run.finditer(text, lo, hi):       # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        whole = blank_run.match(text, last.start())        # the run may go on past hi
        return whole.end() if whole is not None and whole.end() < len(text) else last.end()
    at = max(text.rfind("\n", lo, hi), text.rfind("\r", lo, hi))
    if at >= 0:
        return at + 2 if text.startswith("\r\n", at) else at + 1
    at = text.rfind(" ", lo, hi)
    return at + 1 if at >= 0 else hi


def lint_in_sections(src: SourceFile, rules: Sequence[Rule],
                     config: RunConfig | None = None) -> tuple[Document, LintOutcome]:
    """(the whole file as a Document, the findings of all its sections).

    The Document returned holds the file's text, line index, directives, headline and word
    count, for the report and the directive warnings; no rule reads it (its prose is the
    file, directives not blanked out)."""
    from array import array

    from .document import Document
    from .document.directives import find_line_directives
    from .document.lines import LineIndex
    from .document.markup.plain import read_plain
    from .document.offsets import OffsetMap
    from .document.segment import count_words
    from .suppress import Suppressions
    text = src.text
    lines = LineIndex(text)
    lines.starts = array("q", lines.starts)     # 8 bytes a line, not 36: bisect reads it alike
    directives = tuple(find_line_directives(text, lines))
    suppress = Suppressions(directives, text, lines)
    findings: list = []
    errors: list[str] = []
    strings: dict = {}          # equal texts and messages one object each, file-wide
    title = None
    starts = cuts(text)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        part = SourceFile(src.path, text[start:end], src.encoding, src.bom, src.newline)
        doc = read_plain(part, k > 0, lines.position(start))     # the file's lines and columns
        if k == 0:
            title = doc.title_span
        check_rules(doc, rules, config, suppress, findings, errors, strings, start, {})
        del doc, part           # one section's Document, tables and memos at a time
    del strings
    whole = Document(path=src.path, source=text, text=text, format="text",
                     offsets=OffsetMap.identity_map(len(text)), title_span=title,
                     directives=directives, encoding=src.encoding)
    whole.__dict__["line_index"] = lines
    whole.__dict__["word_count"] = count_words(text)
    return whole, LintOutcome(finish_findings(findings, deferrals(rules), text), list(dict.fromkeys(errors)))
