"""The HTML report's bilingual view: a release beside its Chinese original.

A release checked against a source file is shown as two panes, the original on the left and
the English on the right, each with its own line numbers; a finding about the source marks
its span in both (English marks are `mark.m`, source marks `mark.src` whose id is the
finding's with `s` for `f`, so the page script ties them together). A bilingual file
(XLIFF, TMX) holds both sides itself: its source spans are marked in the one text view.
Without a source nothing here is used and the page is as before.
"""
from __future__ import annotations

from html import escape

from .html_marks import Span, marked_lines
from .safe_text import shown
from .shared import repo_path
from .source_ref import source_file, where


def esc(text) -> str:
    return escape(str(text), quote=True)


def source_id(fi: int, k: int) -> str:
    """The id of a source mark: the finding's id (`f0-3`) with `s` for `f`."""
    return f"s{fi}-{k}"


def _attrs(f) -> str:
    title = f"{f.rule} {f.name} [{f.severity}], in the source: {f.message}"
    cls = f"src s-{f.severity} c-{f.category}" + (" off" if f.suppressed else "")
    return f' class="{esc(cls)}" title="{esc(title)}" tabindex="0"'


def source_spans(fi: int, fr) -> list[Span]:
    """Marks of the findings' source spans."""
    return [Span(source_id(fi, k), f.source.offset, f.source.end_offset, _attrs(f))
            for k, f in enumerate(fr.findings) if f.source is not None]


def same_file(fr) -> bool:
    """True when the source is the release's own file (XLIFF, TMX)."""
    side = source_file(fr)
    return side is not None and side.path == fr.path


def row_anchor(fi: int, fr, line: int) -> str:
    """The id of the row holding a source line: in the source pane, or in the one view."""
    return f"r{fi}-L{line}" if same_file(fr) else f"r{fi}-zL{line}"


def text_views(fi: int, fr, english_rows: str) -> str:
    """The English text view (its rows given), beside the source pane when the release was
    checked against a source file."""
    side = source_file(fr)
    if side is None or same_file(fr):
        return f'<div class="text" lang="en">{english_rows}</div>'
    rows = [f'<div class="row" id="r{fi}-zL{n}" data-n="{n}"><span class="tx">{html}</span></div>'
            for n, html in enumerate(marked_lines(side.text, source_spans(fi, fr)), 1)]
    zh_head = (f'<div class="pane-h">Chinese original: {esc(shown(repo_path(side.path)))}'
               f' \u00b7 {esc(side.format)} {esc(side.encoding)}</div>')
    en_head = f'<div class="pane-h">English: {esc(shown(repo_path(fr.path)))}</div>'
    return (f'<div class="pair"><div class="text zh" lang="zh">{zh_head}{"".join(rows)}</div>'
            f'<div class="text" lang="en">{en_head}{english_rows}</div></div>')


def meta_note(fr) -> str:
    """' · checked against zh/NAME.zh.txt' for a release's header, or ''."""
    side = source_file(fr)
    if side is None or same_file(fr):
        return ""
    return f" \u00b7 checked against {esc(shown(repo_path(side.path)))}"


def card_line(fi: int, fr, f) -> str:
    """The card's line about the source span: where it is (a link to its row) and its text."""
    anchor = row_anchor(fi, fr, f.source.line)
    return (f'<p class="srcq">Source <a href="#{anchor}" data-jump="{anchor}">'
            f'{esc(shown(where(f, repo_path)))}</a>: <q lang="zh">{esc(f.source.text)}</q></p>')


def list_line(f) -> str:
    """The list row's line quoting the source."""
    return f'<div class="srcq">source: <q lang="zh">{esc(f.source.text)}</q></div>'
