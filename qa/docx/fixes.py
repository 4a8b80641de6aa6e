"""Fixes in a .docx: replace spans of its text inside the runs that hold them.

``apply_fixes(src, out, edits)`` takes (start, end, replacement) in ``read_docx(src).text``
offsets. An edit is applied when it lies in one paragraph and covers only text (w:t) whose runs
share one formatting (same w:rPr, same hyperlink, field or tracked-change wrappers); the
replacement goes into the first run, the rest of the covered text is removed from the others.
Otherwise it is refused with a one-line reason. Only the changed w:t contents are rewritten,
in the part's own characters (see rawxml.py); every other zip member is copied unchanged, in
the same order. The output is written atomically, and not at all when no edit applies or when
the source changed while the fixes were made.
"""
from __future__ import annotations

import io
import os
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..atomic_write import write_atomic
from . import model, rawxml
from .reader import Loaded, load
from .walker import RPR, P, W

Edit = tuple[int, int, str]
BAD_REPLACEMENT = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") | frozenset(
    chr(c) for c in range(0x20) if c != 0x09)

SILENT = frozenset(W + n for n in ("rPr", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
                                   "commentRangeEnd", "permStart", "permEnd", "lastRenderedPageBreak"))
PROPERTY_NAMES = {
    "b": "bold", "bCs": "bold", "i": "italic", "iCs": "italic", "u": "underline", "sz": "size",
    "szCs": "size", "color": "colour", "rFonts": "font", "rStyle": "character style",
    "highlight": "highlight", "strike": "strikethrough", "vertAlign": "superscript/subscript",
    "lang": "language", "rPrChange": "tracked formatting change"}


@dataclass
class FixResult:
    """What ``apply_fixes`` did: the edits applied and those refused (with a one-line reason),
    whether ``out_path`` was written, and the text of the output (the source text when nothing
    was written)."""

    applied: list[Edit] = field(default_factory=list)
    refused: list[tuple[Edit, str]] = field(default_factory=list)
    written: bool = False
    text: str = ""


class _Refused(Exception):
    """An edit that cannot be applied; the message is the reason."""


def apply_fixes(src_path: str | os.PathLike[str], out_path: str | os.PathLike[str],
                edits: list[Edit], expect_text: str | None = None, dry_run: bool = False) -> FixResult:
    """Apply ``edits`` to a copy of ``src_path`` written to ``out_path`` (which may be the same
    path, for an in-place fix). With ``expect_text``, nothing is applied unless the file still
    reads as that text (the text the edits' offsets were computed on). With ``dry_run``, every
    edit is planned and checked as for a real run and ``text`` is the text the output would
    have, but nothing is written (for --diff)."""
    loaded = load(src_path)
    result, planned = _plan_all(loaded, edits, expect_text)
    if not result.applied:
        return result
    new_parts = {part: _rewrite(loaded, part, ops) for part, ops in planned.items()}
    if dry_run:
        result.text = _apply_to_text(result.text, result.applied)
        return result
    data = _rezip(loaded.package.data, new_parts)
    from_path = isinstance(src_path, (str, os.PathLike))
    if from_path and _changed(src_path, loaded.package.data):
        result.refused = [(e, "the file changed while the fixes were made") for e in result.applied]
        result.applied = []
        return result
    write_atomic(out_path, data, mode_from=os.fspath(src_path) if from_path else None)
    result.written = True
    result.text = _apply_to_text(result.text, result.applied)
    return result


def fix_bytes(src: str | os.PathLike[str] | bytes, edits: list[Edit],
              expect_text: str | None = None) -> tuple[FixResult, bytes | None]:
    """Apply ``edits`` in memory: (the result, the new package's bytes), the bytes None when no
    edit applies. Nothing is written (``written`` stays False); ``text`` is the new text. For
    callers that fix in passes and write once, with their own checks (the command line)."""
    loaded = load(src)
    result, planned = _plan_all(loaded, edits, expect_text)
    if not result.applied:
        return result, None
    new_parts = {part: _rewrite(loaded, part, ops) for part, ops in planned.items()}
    result.text = _apply_to_text(result.text, result.applied)
    return result, _rezip(loaded.package.data, new_parts)


def _plan_all(loaded: Loaded, edits: list[Edit], expect_text: str | None
              ) -> tuple[FixResult, dict[str, list[tuple[int, int, int, str]]]]:
    """Plan every edit: the result (applied and refused edits, the text they apply to) and the
    w:t operations per part."""
    text = loaded.text.text
    result = FixResult(text=text)
    planned: dict[str, list[tuple[int, int, int, str]]] = {}   # part -> (t_index, a, b, new)
    if expect_text is not None and expect_text != text:
        result.refused = [(tuple(e), "the file changed since it was checked") for e in edits]
        return result, planned
    last: Edit | None = None
    for edit in sorted((tuple(e) for e in edits), key=lambda e: (e[0], e[1])):
        try:
            if last is not None and (edit[0] < last[1] or edit[0] == edit[1] == last[0] == last[1]):
                raise _Refused("it overlaps another edit")
            part, ops = _plan(loaded, edit)
            _check_raw(loaded, part, ops)
        except _Refused as exc:
            result.refused.append((edit, str(exc)))
            continue
        planned.setdefault(part, []).extend(ops)
        result.applied.append(edit)
        last = edit
    return result, planned


def _plan(loaded: Loaded, edit: Edit) -> tuple[str, list[tuple[int, int, int, str]]]:
    """The part and the w:t operations (t_index, start, end, new) that make one edit."""
    start, end, new = edit
    text = loaded.text
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text.text)):
        raise _Refused(f"span {start}-{end} is outside the text (0-{len(text.text)})")
    if "\n" in text.text[start:end]:
        raise _Refused("it spans two paragraphs")
    if not isinstance(new, str) or any(c in BAD_REPLACEMENT for c in new):
        raise _Refused("the replacement holds a line break or a control character")
    index, col = text.locate(start)
    para = text.paragraphs[index]
    stop = end - para.start
    pieces = para.pieces
    starts = loaded.cache.setdefault("starts", {}).get(index)
    if starts is None:
        starts = loaded.cache["starts"][index] = [p.start for p in pieces]
    first = max(bisect_right(starts, col) - 1, 0)
    covered = []
    for i in range(first, bisect_left(starts, stop)):
        if pieces[i].end > col:
            covered.append(i)
    if not covered:  # an insertion: into the text piece that ends here, else the one starting here
        near = [i for i in (first - 1, first, first + 1)
                if 0 <= i < len(pieces) and pieces[i].kind == model.TEXT]
        here = [i for i in near if pieces[i].end == col] + [i for i in near if pieces[i].start == col]
        if not here:
            raise _Refused("there is no run of text at the insertion point")
        covered = here[:1]
    for i in covered:
        piece = pieces[i]
        if piece.kind != model.TEXT:
            raise _Refused(f"it covers a {piece.kind}, which a text fix cannot replace")
        if not piece.editable:
            raise _Refused("the text box has a fallback copy with different text")
    _same_formatting([loaded.elements[index][i] for i in covered])
    ops = []
    for n, i in enumerate(covered):
        piece = pieces[i]
        a = max(col, piece.start) - piece.start
        b = min(stop, piece.end) - piece.start
        for t_index in (piece.t_index, *piece.twins):
            ops.append((t_index, a, b, new if n == 0 else ""))
    return para.part, ops


def _same_formatting(ts: list[Any]) -> None:
    """Refuse when the runs holding these w:t elements differ in formatting or wrappers."""
    from lxml import etree

    first = None
    for t in ts:
        run = t.getparent()
        rpr = run.find(RPR)
        props = {c.tag.rpartition("}")[2]: etree.tostring(c, method="c14n")
                 for c in (rpr if rpr is not None else ())}
        chain = []
        node = run.getparent()
        while node is not None and node.tag != P:
            chain.append(node)
            node = node.getparent()
        if first is None:
            first = (props, chain)
            continue
        if props != first[0]:
            names = sorted({PROPERTY_NAMES.get(k, k) for k in set(props) | set(first[0])
                            if props.get(k) != first[0].get(k)})
            raise _Refused("it spans runs with different formatting (%s); fix it by hand" % ", ".join(names))
        if len(chain) != len(first[1]) or any(a is not b for a, b in zip(chain, first[1], strict=True)):
            raise _Refused("it spans a hyperlink, field, content control or tracked-change boundary")
    for before, after in zip(ts, ts[1:], strict=False):
        if not _adjacent(before, after):
            raise _Refused("it spans hidden or deleted text, a field, a note mark or an object; "
                           "fix it by hand")


def _adjacent(a: Any, b: Any) -> bool:
    """Whether only markup that prints nothing (bookmarks, proofing marks, comment ranges, run
    properties) lies between w:t ``a`` and the next piece's w:t ``b`` (siblings' runs)."""
    run_a, run_b = a.getparent(), b.getparent()
    between = list(a.itersiblings())
    if run_a is not run_b:
        node = run_a.getnext()
        while node is not None and node is not run_b:
            between.append(node)
            node = node.getnext()
        if node is None:
            return False
        between.extend(b.itersiblings(preceding=True))
    else:
        between = []
        node = a.getnext()
        while node is not None and node is not b:
            between.append(node)
            node = node.getnext()
    return all(isinstance(n.tag, str) and n.tag in SILENT for n in between)


def _check_raw(loaded: Loaded, part: str, ops: list[tuple[int, int, int, str]]) -> None:
    """Refuse an edit whose w:t elements cannot be found or read back exactly in the raw part."""
    try:
        slots = _slots(loaded, part)
        for t_index, _, _, _ in ops:
            decoded, _ = slots.content_map(t_index)
            if decoded != (loaded.t_elements(part)[t_index].text or ""):
                raise rawxml.RawXmlError("a w:t reads differently in the raw XML")
    except rawxml.RawXmlError as exc:
        raise _Refused(f"{part}: {exc}") from None


def _slots(loaded: Loaded, part: str) -> rawxml.TextSlots:
    cache = loaded.cache.setdefault("slots", {})
    if part not in cache:
        if part not in loaded.package.xml:
            raise rawxml.RawXmlError("the part's bytes were not found in the zip")
        raw, _ = rawxml.decode_part(loaded.package.xml[part])
        slots = rawxml.TextSlots(raw)
        if len(slots.slots) != len(loaded.t_elements(part)):
            raise rawxml.RawXmlError("the raw XML and the parsed part disagree on the w:t count")
        cache[part] = slots
    return cache[part]


def _rewrite(loaded: Loaded, part: str, ops: list[tuple[int, int, int, str]]) -> bytes:
    """The part's bytes with the operations spliced in."""
    slots = _slots(loaded, part)
    by_t: dict[int, list[tuple[int, int, str]]] = {}
    for t_index, a, b, new in ops:
        by_t.setdefault(t_index, []).append((a, b, new))
    splices = []
    for t_index, changes in by_t.items():
        decoded, bounds = slots.content_map(t_index)
        result = decoded
        for a, b, new in sorted(changes, reverse=True):
            result = result[:a] + new + result[b:]
        for a, b, new in changes:
            splices.append((bounds[a], bounds[b], rawxml.escape(new)))
        if result != result.strip() and slots.needs_preserve(t_index):
            slot = slots.slots[t_index]
            at = slot.tag_end - 1
            splices.append((at, at, ' xml:space="preserve"'))
    raw, codec = rawxml.decode_part(loaded.package.xml[part])
    return rawxml.splice(raw, splices).encode(codec)


def _rezip(data: bytes, new_parts: dict[str, bytes]) -> bytes:
    """The package with some members' contents replaced; every other member is copied with
    the same name, order, timestamp, compression and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type
            copy.external_attr = info.external_attr
            copy.create_system = info.create_system
            copy.comment = info.comment
            body = new_parts.get(info.filename)
            dst.writestr(copy, src.read(info) if body is None else body)
        dst.comment = src.comment
    return out.getvalue()


def _changed(path: str | os.PathLike[str], data: bytes) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(data) + 1) != data
    except OSError:
        return True


def _apply_to_text(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(text[pos:start])
        out.append(new)
        pos = end
    out.append(text[pos:])
    return "".join(out)
