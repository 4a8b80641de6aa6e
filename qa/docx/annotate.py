"""A reviewed copy of a .docx: each finding becomes a Word comment anchored on its span.

``annotate(src, out, comments)`` reads ``src`` (never changing it), cuts runs at the span edges
(each half keeps its formatting), lets python-docx add the comments (author "release-qa",
initials "QA") and writes ``out`` atomically. A span is anchored inside one paragraph: one that
runs past the end of its paragraph is clipped there; one that starts on the "\n" between two
paragraphs starts at the next one. An empty span is widened to the character after it (or
before it, at the end of a paragraph); in an empty paragraph the comment marks the empty
paragraph. Comments anchor in the body, tables and text boxes. A span in a footnote or endnote
is anchored on the note's reference mark in the text, and its comment quotes the span (a
comment inside a note stops LibreOffice from opening the file); a note without a reference
mark does not print, and a span in it gets no comment.
"""
from __future__ import annotations

import io
import os
import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from ..atomic_write import write_atomic
from .errors import DocxError
from .reader import Loaded, load
from .runsplit import cut_at, run_of
from .walker import R, StoryWalker, W

AUTHOR = "release-qa"
INITIALS = "QA"
# Characters XML 1.0 cannot hold (comment text comes from messages, which quote the release).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def annotate(src_path: str | os.PathLike[str] | bytes, out_path: str | os.PathLike[str],
             comments: Iterable[tuple[int, int, str]], expect_text: str | None = None) -> int:
    """Write a copy of ``src_path`` (a path, or the file's bytes) to ``out_path`` with one Word
    comment per (start, end, text) (offsets into ``read_docx(src_path).text``); return the
    number of comments added. With ``expect_text``, a document that no longer reads as that
    text (the text the offsets were computed on) raises DocxError and nothing is written."""
    given_bytes = isinstance(src_path, (bytes, bytearray))
    if not given_bytes and os.path.abspath(src_path) == os.path.abspath(out_path):
        raise ValueError("annotate writes a copy: out_path must differ from src_path")
    loaded = load(src_path)
    if expect_text is not None and loaded.text.text != expect_text:
        raise DocxError("changed since it was checked; no reviewed copy written", loaded.package.label)
    anchors = [_anchor(loaded, start, end) + (text,) for start, end, text in comments]
    in_notes = _note_references(loaded)
    main_part = next(iter(loaded.roots))
    notes = [loaded.text.paragraphs[a[0]].part != main_part for a in anchors]
    _cut(loaded, [a for a, note in zip(anchors, notes, strict=True) if not note])
    runs = _runs_after_cut(loaded, anchors, notes, in_notes)
    document = loaded.document
    from docx.text.run import Run

    count = 0
    for (index, start, end, text), note, (first, last) in zip(anchors, notes, runs, strict=True):
        if first is None:
            continue
        if note:
            para = loaded.text.paragraphs[index]
            quote = loaded.text.text[para.start + start:para.start + end]
            text = f"In the {para.kind} here, \u201c{quote}\u201d: {text}"
        document.add_comment([Run(first, None), Run(last, None)], text=NOT_XML.sub("", text),
                             author=AUTHOR, initials=INITIALS)
        count += 1
    buf = io.BytesIO()
    document.save(buf)
    write_atomic(out_path, buf.getvalue())
    return count


def _anchor(loaded: Loaded, start: int, end: int) -> tuple[int, int, int]:
    """(paragraph index, start, end inside it) of a span, clipped and widened as documented."""
    text = loaded.text
    n = len(text.text)
    if not text.paragraphs:
        raise ValueError("the document has no paragraph to anchor a comment on")
    start = min(max(int(start), 0), n)
    end = min(max(int(end), start), n)
    index, col = text.locate(start)
    para = text.paragraphs[index]
    if start == para.end and end > start and index + 1 < len(text.paragraphs):
        index, col = index + 1, 0
        para = text.paragraphs[index]
    length = para.end - para.start
    stop = min(end - para.start, length)
    if stop <= col:
        if length == 0:
            return index, 0, 0
        col = min(col, length - 1)
        stop = col + 1
    return index, col, stop


def _cut(loaded: Loaded, anchors: list[tuple[int, int, int, str]]) -> None:
    """Cut runs at every anchor edge, right to left in each paragraph, so that the elements
    recorded for earlier edges stay valid."""
    edges: dict[int, set[int]] = {}
    for index, start, end, _ in anchors:
        if end > start:
            edges.setdefault(index, set()).update((start, end))
    for index, offsets in edges.items():
        pieces = loaded.text.paragraphs[index].pieces
        elements = loaded.elements[index]
        starts = [piece.start for piece in pieces]
        for offset in sorted(offsets, reverse=True):
            i = bisect_right(starts, offset) - 1
            if i >= 0 and offset < pieces[i].end:
                cut_at(elements[i], offset - pieces[i].start)


def _runs_after_cut(loaded: Loaded, anchors: list[tuple[int, int, int, str]], notes: list[bool],
                    in_notes: dict[Any, Any]) -> list[tuple[Any, Any]]:
    """(first run, last run) of each anchor, found by walking the cut document again; for a
    span in a note, the run of the note's reference mark (None when there is none)."""
    fresh = _walk_again(loaded)
    edges: dict[int, tuple[dict[int, Any], dict[int, Any]]] = {}
    out: list[tuple[Any, Any]] = []
    for (index, start, end, _), note in zip(anchors, notes, strict=True):
        raw = fresh[index]
        if note:
            run = in_notes.get(_note_of(raw.element))
            out.append((run, run))
        elif end == start:
            out.append(_empty_paragraph_run(raw.element))
        else:
            if index not in edges:
                edges[index] = ({s: e for s, _, _, e in raw.pieces}, {t: e for _, t, _, e in raw.pieces})
            by_start, by_end = edges[index]
            out.append((run_of(by_start[start]), run_of(by_end[end])))
    return out


def _note_of(p: Any) -> tuple[str, str] | None:
    """("footnote"|"endnote", id) of the note holding paragraph ``p``."""
    node = p.getparent()
    while node is not None:
        kind = node.tag.rpartition("}")[2] if isinstance(node.tag, str) else ""
        if kind in ("footnote", "endnote"):
            return kind, node.get(W + "id", "")
        node = node.getparent()
    return None


def _note_references(loaded: Loaded) -> dict[tuple[str, str], Any]:
    """("footnote"|"endnote", id) -> the run of its first reference mark in the main text."""
    out: dict[tuple[str, str], Any] = {}
    for kind in ("footnote", "endnote"):
        for ref in loaded.document.element.body.iter(W + kind + "Reference"):
            run = ref.getparent()
            if run is not None and run.tag == R:
                out.setdefault((kind, ref.get(W + "id", "")), run)
    return out


def _walk_again(loaded: Loaded) -> list[Any]:
    walker = StoryWalker()
    walker.body(loaded.document.element.body)
    for name, (_, kind) in loaded.notes.items():
        walker.notes(loaded.roots[name], kind)
    fresh = walker.paragraphs
    old = [loaded.text.text[p.start:p.end] for p in loaded.text.paragraphs]
    if [p.text for p in fresh] != old:
        raise RuntimeError("cutting runs changed the document's text")  # a bug, never input
    return fresh


def _empty_paragraph_run(p: Any) -> tuple[Any, Any]:
    """A new empty run at the end of an empty paragraph, for a comment on the paragraph."""
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    p.append(run)
    return run, run
