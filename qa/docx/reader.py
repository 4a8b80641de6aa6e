"""Reading a .docx with python-docx into a ``DocxText`` (see model.py for what it holds).

What is read: the main text (body, headings, tables nested to any depth, text boxes), then the
footnotes, then the endnotes. Headers and footers are not read (letterheads and page numbers
repeat on every page and are not the release's prose), nor existing comments.

``read_docx`` is the public entry; ``load`` also returns what annotating needs (the open
python-docx Document, and for every piece of every paragraph the element it came from).
python-docx is imported on first use only; without it the ImportError says how to install it.
"""
from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from typing import Any

from . import model
from .container import INSTALL_HINT, Package, open_checked
from .errors import DocxError
from .walker import P, StoryWalker, T, W, child_of

RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
HEADING = re.compile(r"heading [1-9]\Z", re.IGNORECASE)
STYLE, PPR, PSTYLE, OUTLINE = W + "style", W + "pPr", W + "pStyle", W + "outlineLvl"


@dataclass
class Loaded:
    """A read .docx kept open: the python-docx Document, the text, each part's root element
    (the notes parts parsed here; python-docx keeps them as bytes), and for each paragraph the
    elements its pieces came from (parallel to ``DocxParagraph.pieces``)."""

    package: Package
    document: Any
    text: model.DocxText
    roots: dict[str, Any]
    notes: dict[str, tuple[Any, str]]   # notes part name -> (python-docx Part, "footnote"/"endnote")
    elements: list[list[Any]]
    paragraph_elements: list[Any]
    cache: dict[str, Any] = field(default_factory=dict)

    def t_elements(self, part: str) -> list[Any]:
        """All w:t elements of a part in document order (``Piece.t_index`` indexes this)."""
        found = self.cache.setdefault("t", {})
        if part not in found:
            found[part] = list(self.roots[part].iter(T))
        return found[part]


def _docx_api() -> Any:
    try:
        import docx
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return docx


def read_docx(src: str | os.PathLike[str] | bytes) -> model.DocxText:
    """The text of a .docx (a path or the file's bytes); raises DocxError for a file it will not
    read and ImportError (with the install command) without python-docx."""
    return load(src).text


def load(src: str | os.PathLike[str] | bytes) -> Loaded:
    """Check, open and walk a .docx; see ``Loaded``."""
    docx = _docx_api()
    package = open_checked(src)
    try:
        document = docx.Document(io.BytesIO(package.data))
    except DocxError:
        raise
    except Exception as exc:  # python-docx raises many kinds for a damaged package
        raise DocxError(f"cannot open as a Word document ({type(exc).__name__}: {exc})",
                        package.label) from None
    main_part = document.part
    main_name = str(main_part.partname).lstrip("/")
    roots: dict[str, Any] = {main_name: document.element}
    notes: dict[str, tuple[Any, str]] = {}
    stories: list[tuple[str, StoryWalker]] = []
    walker = StoryWalker()
    walker.body(document.element.body)
    stories.append((main_name, walker))
    for reltype, kind in ((RT_FOOTNOTES, "footnote"), (RT_ENDNOTES, "endnote")):
        part = _related_part(main_part, reltype)
        if part is None:
            continue
        name = str(part.partname).lstrip("/")
        root = _parse_notes(package, name, part)
        roots[name] = root
        notes[name] = (part, kind)
        walker = StoryWalker()
        walker.notes(root, kind)
        stories.append((name, walker))
    styles = _style_names(document)
    return _assemble(package, document, roots, notes, stories, styles)


def _related_part(part: Any, reltype: str) -> Any:
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


def _parse_notes(package: Package, name: str, part: Any) -> Any:
    """A footnotes/endnotes part's root, parsed with python-docx's parser (entities off) after
    the container check passed it through defusedxml."""
    from docx.oxml.parser import parse_xml

    if name not in package.xml:
        raise DocxError(f"{name} has no XML content type", package.label)
    try:
        return parse_xml(part.blob)
    except Exception as exc:
        raise DocxError(f"{name} is not well-formed XML ({exc})", package.label) from None


def _style_names(document: Any) -> dict[str | None, tuple[str, bool]]:
    """styleId -> (name as Word shows it, is a heading); key None is the default style."""
    from docx.styles import BabelFish

    out: dict[str | None, tuple[str, bool]] = {}
    for style in document.styles.element.iterchildren(STYLE):
        if style.get(W + "type") != "paragraph":
            continue
        name_el = child_of(style, W + "name")
        name = BabelFish.internal2ui(name_el.get(W + "val", "")) if name_el is not None else ""
        ppr = child_of(style, PPR)
        outline = child_of(ppr, OUTLINE) if ppr is not None else None
        heading = bool(HEADING.match(name)) or (outline is not None and outline.get(W + "val") != "9")
        entry = (name or style.get(W + "styleId", ""), heading)
        out[style.get(W + "styleId")] = entry
        if style.get(W + "default") in ("1", "true", "on"):
            out[None] = entry
    return out


def _paragraph_style(p: Any, styles: dict[str | None, tuple[str, bool]]) -> tuple[str, bool]:
    ppr = child_of(p, PPR)
    style_id = None
    heading = False
    if ppr is not None:
        pstyle = child_of(ppr, PSTYLE)
        style_id = pstyle.get(W + "val") if pstyle is not None else None
        outline = child_of(ppr, OUTLINE)
        heading = outline is not None and outline.get(W + "val") != "9"
    name, style_heading = styles.get(style_id) or styles.get(None) or (style_id or "", False)
    return name, heading or style_heading


def _assemble(package: Package, document: Any, roots: dict[str, Any], notes: dict[str, tuple[Any, str]],
              stories: list[tuple[str, StoryWalker]], styles: dict) -> Loaded:
    paragraphs: list[model.DocxParagraph] = []
    elements: list[list[Any]] = []
    p_elements: list[Any] = []
    texts: list[str] = []
    offset = 0
    for part, walker in stories:
        root = roots[part]
        t_order = {el: i for i, el in enumerate(root.iter(T))}
        p_order = {el: i for i, el in enumerate(root.iter(P))}
        for raw in walker.paragraphs:
            pieces = tuple(_piece(raw_piece, t_order, walker) for raw_piece in raw.pieces)
            style, heading = _paragraph_style(raw.element, styles)
            kind = raw.kind
            if kind == "body":
                kind = "title" if style == "Title" else "heading" if heading else "body"
            paragraphs.append(model.DocxParagraph(
                index=len(paragraphs), start=offset, end=offset + len(raw.text), kind=kind,
                style=style, part=part, p_index=p_order[raw.element], pieces=pieces))
            elements.append([piece[3] for piece in raw.pieces])
            p_elements.append(raw.element)
            texts.append(raw.text)
            offset += len(raw.text) + 1
    text = "\n".join(texts)
    result = model.DocxText(text=text, paragraphs=tuple(paragraphs), title=_title(paragraphs, text))
    return Loaded(package, document, result, roots, notes, elements, p_elements)


def _piece(raw: tuple[int, int, str, Any], t_order: dict, walker: StoryWalker) -> model.Piece:
    start, end, kind, element = raw
    if kind != model.TEXT:
        return model.Piece(start, end, kind)
    twins = tuple(t_order[t] for t in walker.twins.get(element, ()))
    return model.Piece(start, end, kind, t_order[element], twins, element not in walker.locked)


def _title(paragraphs: list[model.DocxParagraph], text: str) -> tuple[int, int] | None:
    def nonempty(p: model.DocxParagraph) -> bool:
        return bool(text[p.start:p.end].strip())

    for wanted in (lambda p: p.style == "Title", lambda p: p.kind == "heading"):
        for p in paragraphs:
            if wanted(p) and nonempty(p):
                return p.start, p.end
    for p in paragraphs:
        if nonempty(p):
            return p.start, p.end
    return None
