"""Applying fixes: choosing the fixes a run may apply, applying their edits to a text until
nothing changes, showing the change as a unified diff, and writing the result back to the
file atomically in the file's own encoding, byte-order mark and line endings.

Pure functions except `rewrite_file`, which writes a fixed text file through qa.atomic_write. Edits are
code-point offsets into the decoded text (the text keeps its line endings, so untouched
lines come back byte for byte).
"""
from __future__ import annotations

import bisect
import difflib
import hashlib
from collections.abc import Callable, Iterable
from itertools import pairwise

from ._speed.records import record
from .atomic_write import WriteRefused, replace_checked
from .findings import SAFE, Edit, Finding, Fix

MAX_PASSES = 10
GROWTH = 1.25           # a pass may make the text at most this much longer (plus GROWTH_SLACK)
GROWTH_SLACK = 256      # characters, so that short texts may take a few insertions


@record(frozen=True)
class FixOutcome:
    """The text after fixing, the lint result of that text, and how it got there."""

    text: str
    result: object          # the FileResult of `text` (whatever `relint` returns)
    applied: int            # fixes applied over all passes
    passes: int
    settled: bool           # False: fixes kept changing the text (a cycle or MAX_PASSES)
    growing: bool = False   # not settled because fixes kept making the text longer


def applicable(findings: Iterable[Finding], unsafe: bool = False) -> list[Fix]:
    """The fixes of active findings that this run may apply, in file order."""
    out = []
    for f in findings:
        if f.fix is None or f.suppressed or not f.fix.edits:
            continue
        if f.fix.applicability == SAFE or unsafe:
            out.append(f.fix)
    return sorted(out, key=lambda fx: (min(e.offset for e in fx.edits),
                                       max(e.end_offset for e in fx.edits)))


class _Taken:
    """Accepted edits as a sorted list of (offset, end_offset), checked by bisection."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def clashes(self, e: Edit) -> bool:
        """True when `e` overlaps an accepted edit or starts where one starts (the order of
        two insertions at one place would be a guess)."""
        i = bisect.bisect_left(self.spans, (e.offset, -1))
        if i < len(self.spans):
            s, end = self.spans[i]
            if s == e.offset or s < e.end_offset:
                return True
        if i > 0:
            s, end = self.spans[i - 1]
            if e.offset < end:
                return True
        return False

    def add(self, e: Edit) -> None:
        bisect.insort(self.spans, (e.offset, e.end_offset))


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix that neither overlaps an earlier one nor changes nothing.

    A fix is applied whole or not at all; a fix that overlaps one already taken this pass
    is skipped (the next pass sees it again if the finding is still there). Each edit is
    tidied as it is written (see `_tidy`: no doubled space, no space before a mark, no
    orphaned comma), against the text as the edits before it left it. Returns the new text
    and the number of fixes applied.
    """
    taken = _Taken()
    chosen: list[Edit] = []
    applied = 0
    for fix in fixes:
        edits = [e for e in fix.edits if text[e.offset:e.end_offset] != e.text]
        if not edits or any(not 0 <= e.offset <= e.end_offset <= len(text) for e in edits):
            continue
        if _self_overlap(edits) or any(taken.clashes(e) for e in edits):
            continue
        for e in edits:
            taken.add(e)
        chosen.extend(edits)
        applied += 1
    if not chosen:
        return text, 0
    chosen.sort(key=lambda e: (e.offset, e.end_offset))
    out = _Output()
    cursor = 0
    for k, e in enumerate(chosen):
        limit = chosen[k + 1].offset if k + 1 < len(chosen) else len(text)
        out.write(text[cursor:e.offset])
        following = chosen[k + 1].text if k + 1 < len(chosen) else None
        drop, cursor, rep = _tidy(out.tail, text, e, limit, following)
        out.drop(drop)
        out.write(rep)
    out.write(text[cursor:])
    return "".join(out.pieces), applied


class _Output:
    """The fixed text as it is written, with its last characters at hand for tidying."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.tail = ""

    def write(self, s: str) -> None:
        if s:
            self.pieces.append(s)
            self.tail = (self.tail + s[-16:])[-16:]

    def drop(self, n: int) -> None:
        while n > 0 and self.pieces:
            last = self.pieces.pop()
            if len(last) > n:
                self.pieces.append(last[:-n])
            n -= min(n, len(last))
        self.tail = "".join(self.pieces[-16:])[-16:]


_BLANK = " \t"
_CLOSING = ",.;:!?)]}”’"
_OPENING = "([{“‘"


def _tidy(written: str, text: str, e: Edit, limit: int,
          following: str | None = None) -> tuple[int, int, str]:
    """How to write edit e so that it leaves the spacing around it as English wants it:
    (characters to take back from what is written before it, where in `text` to go on
    after it, the replacement). `written` ends with what the fixed text holds before the
    edit (earlier edits included); `limit` is where the next edit starts, which this one
    never reaches past, and `following` that edit's replacement (what the fixed text will
    hold there).

    A deletion between two blanks takes one of them ('Group, etc. and' -> 'Group, and'),
    one before a closing mark or a line end takes the blank before it, one after an opening
    mark or a line start the blank after it, and one that would leave two commas (or a
    comma before a full stop) together takes the first comma. A deleted word whose final
    '.' also ended the sentence leaves a full stop ('energy, etc.' -> 'energy.'). A
    replacement opening with a comma, colon or full stop takes the space before it ('Hefei
    、Wuhu' -> 'Hefei, Wuhu'). Only blanks, that comma and that full stop are ever added to
    the edit; the replacement text itself is the rule's."""
    a, b, rep = e.offset, e.end_offset, e.text
    left = written[-1:] or "\n"
    if rep:
        opens_with_mark = rep[:1] in (",", ".", ";", ":") and left == " "
        return int(opens_with_mark and written[-2:-1] not in ("", " ", "\t", "\n")), b, rep
    k = len(written) - len(written.rstrip(_BLANK))      # blanks written just before
    before = written[-k - 1:len(written) - k] or "\n"
    j = b
    while j < min(b + 8, limit) and text[j] in _BLANK:
        j += 1
    known = j < limit or limit == len(text)             # the next edit does not start there
    after = (text[j] if j < len(text) else "\n") if known else ""
    if not known and j == limit and following:
        after = following.lstrip(_BLANK)[:1]        # the next edit writes what comes next
    right = (text[b] if b < len(text) else "\n") if b < limit or b == len(text) else ""
    if b - a > 1 and text[b - 1] == "." and text[b - 2].isalnum() and before not in ".!?\n" \
            and (after in ("\r", "\n") or (j > b and after.isupper())):
        # the deleted '.' was also the full stop: keep one, after the list's comma goes
        return k + (before == ","), b, "."
    if before == "," and after and after in ",.;:!?":
        return k + 1, b, rep             # ', ,' or ', .': the list's comma goes with the item
    if left in _BLANK and right and right in _BLANK and b < limit:
        return 0, b + 1, rep
    if left in _BLANK and right and (right in _CLOSING or right in "\r\n"):
        return 1, b, rep
    if (left == "\n" or left in _OPENING) and right and right in _BLANK and b < limit:
        return 0, b + 1, rep
    return 0, b, rep


def _self_overlap(edits: list[Edit]) -> bool:
    ordered = sorted(edits, key=lambda e: (e.offset, e.end_offset))
    return any(b.offset < a.end_offset or b.offset == a.offset for a, b in pairwise(ordered))


def fix_until_stable(text: str, result, relint: Callable[[str], object], unsafe: bool = False,
                     max_passes: int = MAX_PASSES) -> FixOutcome:
    """Apply fixes, lint again, and repeat until no applicable fix changes the text.

    `result` is the lint result (a FileResult) of `text`; `relint(text)` lints a new text.
    Stops early, unsettled, when a pass would bring back a text seen before (two rules
    undoing each other) or would make the text more than GROWTH times longer (a replacement
    that contains what it replaces, applied again and again), and after `max_passes` passes;
    `growing` says the text was still getting longer when it stopped.
    """
    seen = {_digest(text)}
    applied = passes = 0
    grew = False
    while passes < max_passes:
        fixes = applicable(result.findings, unsafe)
        new_text, n = apply_fixes(text, fixes) if fixes else (text, 0)
        if n == 0:
            return FixOutcome(text, result, applied, passes, True)
        if _digest(new_text) in seen:
            return FixOutcome(text, result, applied, passes, False)
        if len(new_text) > len(text) * GROWTH + GROWTH_SLACK:
            return FixOutcome(text, result, applied, passes, False, True)
        grew = len(new_text) > len(text)
        seen.add(_digest(new_text))
        text, applied, passes = new_text, applied + n, passes + 1
        result = relint(text)
    settled = apply_fixes(text, applicable(result.findings, unsafe))[1] == 0
    return FixOutcome(text, result, applied, passes, settled, grew and not settled)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of one file (`--- path` / `+++ path`), empty when nothing changed."""
    if before == after:
        return ""
    old = _diff_lines(before)
    new = _diff_lines(after)
    out = []
    for line in difflib.unified_diff(old, new, fromfile=path, tofile=path, lineterm="\n"):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def _diff_lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """The bytes of `text` in the file's encoding, with its byte-order mark when it had one."""
    prefix = "\ufeff".encode(encoding) if bom else b""
    return prefix + text.encode(encoding)


def rewrite_file(path: str, original: str, fixed: str, encoding: str, bom: bool) -> None:
    """Write `fixed` over `path`, which must still hold `original` (raise WriteRefused if not).

    The check and the bytes use the encoding and BOM the file was read with, so text outside
    the edits comes back byte for byte; a file whose bytes cannot be reproduced that way (or
    that changed since it was read) is left alone. The rest of the rules (read-only files and
    hard links left alone, a write racing the rename reported as WriteRaced) are those of
    `qa.atomic_write.replace_checked`, which every fixed file goes through.
    """
    try:
        expected = encode(original, encoding, bom)
        data = encode(fixed, encoding, bom)
    except (UnicodeEncodeError, LookupError) as exc:
        raise WriteRefused(f"the fixed text cannot be written as {encoding}: {exc}") from None
    replace_checked(path, expected, data, kind="text",
                    stale_note=f" (or its bytes do not round-trip through {encoding})")
