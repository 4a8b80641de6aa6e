"""Bilingual files from CAT tools: XLIFF 1.2, XLIFF 2.x and TMX, read as two Documents.

One file gives the English side (the target of a Chinese-to-English job) and the other side
(the Chinese source), each a Document whose prose is its segments, one paragraph each, and
whose OffsetMap points into the .xlf/.tmx file itself; `pairs` aligns them segment by segment.

The English side is the one whose language tag starts with "en": XLIFF 1.2 `source-language`
and `target-language` on <file> (or `xml:lang` on the <source>/<target> itself), XLIFF 2.x
`srcLang` and `trgLang` on <xliff>, TMX `xml:lang` (or `lang`) on each <tuv>; the other side
is the Chinese one (TMX: a `zh` variant, else the header's `srclang`, else the first other).
Segments: XLIFF 1.2 <trans-unit> (not its <alt-trans> suggestions; none marked
translate="no"), XLIFF 2.x <segment>, TMX <tu>. Inline elements (<g>, <x/>, <pc>, <mrk>,
<hi> ...) are dropped and their text kept; the content of native-code elements (<ph>, <bpt>,
<ept>, <it>, <ut>: tags of the original format, such as "<b>") is dropped too, except the
translatable text of a <sub> inside one.
"""
from __future__ import annotations

import os
from typing import NamedTuple

from ...errors import InputError
from ...source import SourceFile
from ..directives import directive_in_comment
from ..lines import LineIndex
from ..model import Directive, Document, Span
from .builder import ProseBuilder
from .plain import plain_title
from .xml_scan import _REFERENCE, check_xml, decode_reference, scan

XLIFF_SUFFIXES = (".xlf", ".xliff")
TMX_SUFFIXES = (".tmx",)
BILINGUAL_SUFFIXES = XLIFF_SUFFIXES + TMX_SUFFIXES

_CODE = frozenset({"ph", "bpt", "ept", "it", "ut"})
_UNIT = {"xliff1": "trans-unit", "xliff2": "segment", "tmx": "tu"}


class SegmentPair(NamedTuple):
    """One aligned segment: its span in each Document's prose (None when that side is empty)."""

    target: Span | None
    source: Span | None
    id: str


class BilingualDocuments(NamedTuple):
    target: Document          # the English side
    source: Document          # the Chinese (other) side
    pairs: tuple[SegmentPair, ...]


class _Side:
    """The text of one <source>, <target> or <seg> being read."""

    __slots__ = ("role", "lang", "start", "pieces")

    def __init__(self, role: str, lang: str, start: int) -> None:
        self.role = role
        self.lang = lang
        self.start = start
        self.pieces: list[tuple[int, int, str | None]] = []   # (start, end, decoded or None)


class _Unit:
    __slots__ = ("id", "sides")

    def __init__(self, ident: str) -> None:
        self.id = ident
        self.sides: list[_Side] = []


class _Collector:
    """Walks the scan events of one file and collects its units and comments."""

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind
        self.units: list[_Unit] = []
        self.comments: list[tuple[int, int]] = []
        self.langs: set[str] = set()
        self.default = {"source": "", "target": ""}   # languages of the current file
        self.tmx_srclang = ""

    def run(self) -> None:
        unit_name = _UNIT[self.kind]
        stack: list[str] = []
        unit: _Unit | None = None
        parent_id, parent_no, count = "", False, 0      # XLIFF 2: the enclosing <unit>
        tuv_lang = ""
        side: _Side | None = None
        depth = code = sub = 0    # inside the side being read: depth, native code, <sub>
        for event in scan(self.text):
            kind = event[0]
            if kind == "comment":
                self.comments.append((event[1], event[2]))
            elif kind in ("text", "cdata"):
                if side is not None and (code == 0 or sub > 0):
                    self._text(side, event)
            elif kind == "start":
                _, start, end, name, attrs, empty = event
                if side is not None:
                    if not empty:
                        depth += 1
                        stack.append(name)
                        if name in _CODE:
                            code += 1
                        elif name == "sub" and code:
                            sub += 1
                    continue
                parent = stack[-1] if stack else ""
                if not empty:
                    stack.append(name)
                self._context(name, attrs)
                if name == "unit" and self.kind == "xliff2":
                    parent_id, parent_no, count = attrs.get("id", ""), attrs.get("translate") == "no", 0
                elif name == unit_name:
                    count += 1
                    ident = attrs.get("id") or attrs.get("tuid") or ""
                    if self.kind == "xliff2":
                        ident = f"{parent_id}/{ident or count}"
                    no = parent_no if self.kind == "xliff2" else attrs.get("translate") == "no"
                    unit = None if no or empty else _Unit(ident)
                    if unit is not None:
                        self.units.append(unit)
                elif name == "tuv":
                    tuv_lang = attrs.get("lang", "").lower()
                elif unit is not None and not empty and self._is_side(name, parent):
                    lang = attrs.get("lang", "").lower() or (
                        tuv_lang if name == "seg" else self.default.get(name, ""))
                    side = _Side(name, lang, end)
                    unit.sides.append(side)
                    self.langs.add(lang)
                    depth = code = sub = 0
            elif kind == "end":
                name = event[3]
                if stack:
                    stack.pop()
                if side is not None:
                    if depth == 0:
                        side = None
                        continue
                    depth -= 1
                    if name in _CODE and code:
                        code -= 1
                    elif name == "sub" and sub:
                        sub -= 1
                elif name == unit_name:
                    unit = None

    def _context(self, name: str, attrs: dict[str, str]) -> None:
        if name == "xliff" and self.kind == "xliff2":
            self.default = {"source": attrs.get("srcLang", "").lower(),
                            "target": attrs.get("trgLang", "").lower()}
        elif name == "file" and self.kind == "xliff1":
            self.default = {"source": attrs.get("source-language", "").lower(),
                            "target": attrs.get("target-language", "").lower()}
        elif name == "header" and self.kind == "tmx":
            self.tmx_srclang = attrs.get("srclang", "").lower()

    def _is_side(self, name: str, parent: str) -> bool:
        if self.kind == "tmx":
            return name == "seg" and parent == "tuv"
        if self.kind == "xliff2":
            return name in ("source", "target") and parent == "segment"
        return name in ("source", "target") and parent == "trans-unit"

    def _text(self, side: _Side, event: tuple) -> None:
        _, start, end = event
        if event[0] == "cdata" or "&" not in self.text[start:end]:
            side.pieces.append((start, end, None))
            return
        pos = start
        for m in _REFERENCE.finditer(self.text, start, end):
            if m.start() > pos:
                side.pieces.append((pos, m.start(), None))
            side.pieces.append((m.start(), m.end(), decode_reference(m.group())))
            pos = m.end()
        if pos < end:
            side.pieces.append((pos, end, None))


def _kind(text: str, path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    head = text[:4096]
    if suffix in TMX_SUFFIXES or ("<tmx" in head and "<xliff" not in head):
        return "tmx"
    i = head.find("<xliff")
    tag = head[i:head.find(">", i)] if i >= 0 else ""
    two = 'version="2' in tag or "version='2" in tag or "urn:oasis:names:tc:xliff:document:2" in tag
    return "xliff2" if two else "xliff1"


def _english(lang: str) -> bool:
    return lang.startswith("en")


def _pick(unit: _Unit, kind: str, srclang: str) -> tuple[_Side | None, _Side | None]:
    """(English side, other side) of a unit."""
    english = next((s for s in unit.sides if _english(s.lang)), None)
    others = [s for s in unit.sides if not _english(s.lang)]
    if kind == "tmx":
        other = next((s for s in others if s.lang.startswith("zh")), None) \
            or next((s for s in others if srclang and s.lang == srclang), None)
        return english, other or (others[0] if others else None)
    return english, others[0] if others else None


def _read(src: SourceFile, kind: str) -> BilingualDocuments:
    text = src.text
    check_xml(text, src.path)
    collector = _Collector(text, kind)
    collector.run()
    if collector.units and not any(_english(lang) for lang in collector.langs):
        tags = ", ".join(sorted(lang or "(none)" for lang in collector.langs))
        raise InputError(f"no English side: the language tags are {tags}", src.path)
    lines = LineIndex(text)
    target_out, source_out = ProseBuilder(text), ProseBuilder(text)
    pairs = []
    for unit in collector.units:
        english, other = _pick(unit, kind, collector.tmx_srclang)
        pairs.append(SegmentPair(_paragraph(target_out, english), _paragraph(source_out, other), unit.id))
    directives: list[Directive] = []
    for start, end in collector.comments:
        d = directive_in_comment(text, start, end, lines)
        if d:
            directives.append(d)
    fmt = "tmx" if kind == "tmx" else "xliff"
    target = _document(src, target_out, fmt, lines, directives)
    source = _document(src, source_out, fmt, lines, directives)
    return BilingualDocuments(target, source, tuple(pairs))


def _paragraph(out: ProseBuilder, side: _Side | None) -> Span | None:
    if side is None or not side.pieces:
        return None
    out.paragraph_break(side.start, side.start)
    begin = out.length
    for start, end, decoded in side.pieces:
        if decoded is None:
            out.verbatim(start, end)
        else:
            out.synthetic(decoded, start, end)
    s, e = out.trimmed(begin)
    return Span(s, e) if e > s else None


def _document(src: SourceFile, out: ProseBuilder, fmt: str, lines: LineIndex,
              directives: list[Directive]) -> Document:
    prose, offsets = out.build()
    doc = Document(path=src.path, source=src.text, text=prose, format=fmt, offsets=offsets,
                   title_span=plain_title(prose), directives=tuple(directives), encoding=src.encoding)
    doc.__dict__["line_index"] = lines
    return doc


def read_xliff(src: SourceFile) -> BilingualDocuments:
    """Read an XLIFF 1.2 or 2.x file (the version from its <xliff> element)."""
    kind = _kind(src.text, src.path)
    return _read(src, "xliff1" if kind == "tmx" else kind)


def read_tmx(src: SourceFile) -> BilingualDocuments:
    """Read a TMX file."""
    return _read(src, "tmx")
