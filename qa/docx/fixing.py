"""Fixing a Word document in passes, as ``--fix`` fixes a text file, but inside its runs.

Each pass asks the caller for the fixed text (``plan(text, result)``: the command line's own
fix selection and tidying) and the span of each fix, recovers the edits that make it
(qa.docx.textdiff), groups them by fix and applies them to the package in memory
(``fix_bytes``). A group with an edit the package refuses (a span over differently formatted
runs, a field, a note mark...) is left out whole, so no fix is ever half made, and its reason is
kept for the report. The text of the new package is read back and must be the text planned,
and the document is checked again (``relint``) for the next pass. Passes stop when nothing more
applies, when a text comes back (fixes undoing each other), when fixes keep making the text
longer, or after MAX_PASSES. Nothing is written here: the caller writes ``data`` once.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .fixes import fix_bytes
from .reader import read_docx
from .textdiff import group_edits, locate, text_edits

MAX_PASSES = 10
GROWTH = 1.25           # a pass may make the text at most this much longer (plus GROWTH_SLACK)
GROWTH_SLACK = 256

# plan(text, result) -> (fixed text, fixes applied, [(start, end, label)]: the span each fix
# replaces, labelled with its rule's code)
Plan = Callable[[str, Any], tuple[str, int, list[tuple[int, int, str]]]]


@dataclass
class DocxFixOutcome:
    """What fixing a document came to: its new bytes (the original ones when nothing applied),
    text, check result, the fixes applied, the refusals (one line each, 'LINE:COL: ...'), and
    whether it settled or kept growing (as qa.fixes.FixOutcome)."""

    data: bytes
    text: str
    result: Any
    applied: int = 0
    passes: int = 0
    settled: bool = True
    growing: bool = False
    refusals: list[str] = field(default_factory=list)


def fix_in_passes(data: bytes, text: str, result: Any, plan: Plan,
                  relint: Callable[[Any], Any], max_passes: int = MAX_PASSES) -> DocxFixOutcome:
    """Fix the package ``data`` (whose text is ``text`` and check result ``result``) until no
    fix applies; ``relint(docx_text)`` checks a new version (see the module docstring)."""
    out = DocxFixOutcome(data, text, result)
    seen = {_digest(text)}
    refused: dict[tuple[str, str, str], str] = {}
    while out.passes < max_passes:
        new_text, count, spans = plan(out.text, out.result)
        if count == 0 or new_text == out.text:
            return _done(out, refused, True)
        if len(new_text) > len(out.text) * GROWTH + GROWTH_SLACK:
            out.growing = True
            return _done(out, refused, False)
        applied, fixes, reasons = _apply_groups(out.data, out.text, new_text, spans)
        for key, message in reasons.items():
            refused.setdefault(key, message)
        if applied is None:
            return _done(out, refused, True)
        result, new_data = applied
        if _digest(result.text) in seen:
            return _done(out, refused, False)
        seen.add(_digest(result.text))
        docx_text = read_docx(new_data)
        if docx_text.text != result.text:    # a bug, never input: keep what was there
            refused.setdefault(("", "", "read back"), "the fixed document did not read back as the "
                               "text planned; the fixes of this pass were not applied")
            return _done(out, refused, False)
        out.data, out.text = new_data, result.text
        out.applied += min(fixes, count)
        out.passes += 1
        out.result = relint(docx_text)
    settled = plan(out.text, out.result)[1] == 0
    return _done(out, refused, settled)


def _done(out: DocxFixOutcome, refused: dict, settled: bool) -> DocxFixOutcome:
    out.settled = settled
    out.refusals = list(refused.values())
    return out


def _apply_groups(data: bytes, text: str, new_text: str, fixes: list[tuple[int, int, str]]):
    """((FixResult, new bytes) or None, the number of fixes applied, refusal messages): the
    groups of edits from ``text`` to ``new_text`` (one per fix) applied all or nothing."""
    groups = group_edits(text_edits(text, new_text), fixes, text)
    reasons: dict[tuple[str, str, str], str] = {}
    starts = None
    for _ in range(3):          # leaving out a refused group cannot make another refused
        if not groups:
            return None, 0, reasons
        result, new_data = fix_bytes(data, [e for g, _, _ in groups for e in g], expect_text=text)
        if not result.refused:
            applied = (result, new_data) if new_data is not None else None
            return applied, sum(max(n, 1) for _, n, _ in groups), reasons
        bad = {tuple(e): why for e, why in result.refused}
        kept = []
        for group, count, fix in groups:
            why = next((bad[e] for e in group if e in bad), None)
            if why is None:
                kept.append((group, count, fix))
                continue
            start, end, label = fix
            shown = text[start:end]
            if starts is None:
                starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
            line, col = locate(text, start, starts)
            what = f"{label} fix" if label else "fix"
            reasons.setdefault((label, shown, why), f"{line}:{col}: {what} of {shown!r} not applied: {why}")
        groups = kept
    return None, 0, reasons


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
