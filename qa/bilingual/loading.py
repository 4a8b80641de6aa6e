"""Loading a release together with its Chinese original, for the runner.

`load_paired(src, fmt, pairing)` returns the English Document with `source_doc` set (the
Chinese original as a Document of its own) and, for an XLIFF or TMX file, `pairs` (its
aligned segments as ((en_start, en_end), (zh_start, zh_end)) prose spans; segments with one
side empty are left out). The source is read like a release, by its own name: its format
from its suffix, its encoding detected as for releases (UTF-8 with or without BOM, UTF-16/32
with BOM, GB18030, Big5; `--encoding` names the English files' encoding only, so an English
file in cp1252 does not turn its GBK original into mojibake). A source that cannot be read is
an error of the release, whose English is checked all the same. Without the `zh` extra
(cn2an, pypinyin) no source is read: the note `extra.ZH_EXTRA_NOTE` says so once per run and the
English rules run as usual.

`Paired.attach(result)` records what the reports show of the source on the FileResult:
`result.source_file`, a SourceSide (path, decoded text, encoding, format), and the source's
problem among the result's errors.
"""
from __future__ import annotations

import os

from .._speed.records import record, replace
from ..errors import InputError
from .extra import zh_extra_missing
from .pairing import BILINGUAL_SUFFIXES, SOURCE_SUFFIXES, Pairing


@record(frozen=True)
class SourceSide:
    """What the reports show of a release's Chinese original."""

    path: str
    text: str               # the decoded file, as positions count it
    encoding: str
    format: str             # text | markdown | html | xliff | tmx | docx


@record
class Paired:
    """A release's Document with its source attached (or the reason it is not)."""

    doc: object                        # the English Document, or None when it cannot be read
    side: SourceSide | None = None
    errors: tuple[str, ...] = ()

    def attach(self, result) -> None:
        """Put the source on a FileResult: its errors, and `source_file` for the reports."""
        result.errors.extend(e for e in self.errors if e not in result.errors)
        if self.side is not None:
            result.source_file = self.side


def is_bilingual_file(path: str) -> bool:
    """True for the names of files carrying both sides (XLIFF, TMX)."""
    return path.lower().endswith(BILINGUAL_SUFFIXES)


def _read_text_source(path: str):
    """A Chinese source in plain text, Markdown, HTML or a Word document (NAME.zh.docx, which
    qa.source reads with qa.docx), as a Document (InputError when not)."""
    from ..document import load_document
    from ..source import read_source
    return load_document(read_source(path))


# suffix -> reader(path) -> Document: the hook for source formats (each also in
# pairing.SOURCE_SUFFIXES; ".docx" is among them, read by qa.source like a .docx release).
SOURCE_READERS = {suffix: _read_text_source for suffix in SOURCE_SUFFIXES}


def read_chinese(path: str):
    """The Document of a Chinese source file; every failure is an InputError naming it."""
    suffix = os.path.splitext(path)[1].lower()
    reader = SOURCE_READERS.get(suffix)
    if reader is None:
        raise InputError(f"cannot read a source of this kind ({suffix or 'no suffix'}); "
                         f"sources may be {', '.join(SOURCE_SUFFIXES)}", path)
    return reader(path)


def _with_source(doc, source_doc, pairs=None):
    kept = doc.__dict__.get("line_index")
    out = replace(doc, source_doc=source_doc, pairs=pairs)
    if kept is not None:
        out.__dict__["line_index"] = kept
    return out


def _side(doc) -> SourceSide:
    return SourceSide(doc.path, doc.source, doc.encoding, doc.format)


def load_paired(src, fmt: str | None, pairing: Pairing | None) -> Paired:
    """The release `src` (a decoded SourceFile) as a Document with its source attached: from
    the file itself for XLIFF/TMX, else from `pairing`. Problems with the source are errors
    of the release; the English is checked whatever happens to the source."""
    if pairing is None and is_bilingual_file(src.path) and fmt is None:
        return _load_bilingual_file(src)
    from ..document import load_document
    doc = load_document(src, fmt)
    if pairing is None:
        return Paired(doc)
    if pairing.problem:
        return Paired(doc, errors=(f"source not read: {pairing.problem}",))
    if zh_extra_missing():
        return Paired(doc)
    try:
        source_doc = read_chinese(pairing.path)
    except InputError as exc:
        return Paired(doc, errors=(f"source {pairing.path} not read: {_advice(exc.message)}",))
    return Paired(_with_source(doc, source_doc), _side(source_doc))


def _advice(message: str) -> str:
    """A decoding error of a source, without advice to use --encoding (which names the
    English files' encoding, not the source's)."""
    head, sep, _ = message.partition("; pass --encoding")
    return head + "; save the source as UTF-8" if sep else message


def _load_bilingual_file(src) -> Paired:
    """An XLIFF or TMX file: both sides from the file itself."""
    from ..document.markup import read_bilingual
    try:
        both = read_bilingual(src)
    except InputError as exc:
        return Paired(None, errors=(exc.message,))
    if zh_extra_missing():
        return Paired(both.target)
    pairs = tuple(((p.target.start, p.target.end), (p.source.start, p.source.end))
                  for p in both.pairs if p.target is not None and p.source is not None)
    return Paired(_with_source(both.target, both.source, pairs), _side(both.source))
