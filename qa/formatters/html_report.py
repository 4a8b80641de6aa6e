"""One self-contained HTML file an editor opens: every release's text with each finding
highlighted where it is, its message, suggestion and rule notes on hover and on click,
filters by severity and category, a summary chart (inline SVG) and each release's score.

No external assets: the CSS and script (report.css, report.js beside this module) are
inlined, and every string from a release or a rule is escaped. The page works offline;
without script the marks still show and their tooltips still work. File names and error
messages are shown as the text format shows them (control characters and the bytes of a name
that is not UTF-8 escaped); the release's own text is kept as it is, for the marks to fit.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from importlib import resources

from . import html_source
from .html_marks import Span, marked_lines
from .safe_text import shown, without_surrogates
from .shared import SEVERITY_ORDER, finding_counts, plural, repo_path

HUMAN = True

COLOURS = {"error": "#cf222e", "warning": "#bf8700", "info": "#0969da"}


def esc(text) -> str:
    return escape(str(text), quote=True)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text("utf-8")


def _fid(fi: int, k: int) -> str:
    return f"f{fi}-{k}"


def _mark_attrs(f) -> str:
    title = f"{f.rule} {f.name} [{f.severity}]: {f.message}"
    if f.suggestion:
        title += f"\nWrite instead: {f.suggestion}"
    cls = f"m s-{f.severity} c-{f.category}" + (" sup off" if f.suppressed else "")
    return f' class="{esc(cls)}" title="{esc(title)}" tabindex="0"'


def _text_view(fi: int, fr) -> str:
    spans = [Span(_fid(fi, k), f.offset, f.end_offset, _mark_attrs(f))
             for k, f in enumerate(fr.findings)]
    if html_source.same_file(fr):       # XLIFF, TMX: the source spans are in this text too
        spans += html_source.source_spans(fi, fr)
    rows = [f'<div class="row" id="r{fi}-L{n}" data-n="{n}"><span class="tx">{html}</span></div>'
            for n, html in enumerate(marked_lines(fr.source, spans), 1)]
    return html_source.text_views(fi, fr, "".join(rows))    # beside its source, if it has one


def _card(fi: int, k: int, f, rule: dict, fr=None) -> str:
    parts = [f'<div class="card-h"><span class="badge s-{esc(f.severity)}">{esc(f.severity)}</span> '
             f'<code>{esc(f.rule)}</code> {esc(f.name)} <span class="cat">{esc(f.category)}</span>'
             + (' <span class="badge sup">suppressed</span>' if f.suppressed else "") + "</div>",
             f'<p class="msg">{esc(f.message)}</p>']
    if f.suggestion:
        parts.append(f'<p class="sugg">Write instead: <q>{esc(f.suggestion)}</q></p>')
    for r in f.related[:5]:
        note = f" ({esc(r.note)})" if r.note else ""
        parts.append(f'<p class="rel">See <a href="#r{fi}-L{r.line}" data-jump="r{fi}-L{r.line}">'
                     f'line {r.line}</a>: <q>{esc(r.text)}</q>{note}</p>')
    if f.source is not None:
        parts.append(html_source.card_line(fi, fr, f))
    about = [f"<p><b>{head}</b> {esc(rule[key])}</p>" for key, head in
             (("what", "What it finds."), ("why", "Why it matters."), ("instead", "Write instead."))
             if rule.get(key)]
    if about:
        parts.append(f'<details class="about"><summary>About {esc(f.rule)}</summary>'
                     f'{"".join(about)}</details>')
    return f'<template id="card-{_fid(fi, k)}">{"".join(parts)}</template>'


def _finding_rows(fi: int, fr, rules: dict) -> tuple[str, str]:
    rows, cards = [], []
    for k, f in enumerate(fr.findings):
        fid = _fid(fi, k)
        cls = "off sup" if f.suppressed else ""
        fix = f'<div class="sugg">\u2192 {esc(f.suggestion)}</div>' if f.suggestion else ""
        if f.source is not None:
            fix += html_source.list_line(f)
        rows.append(
            f'<tr data-f="{fid}" data-sev="{esc(f.severity)}" data-cat="{esc(f.category)}" '
            f'data-sup="{int(f.suppressed)}" class="{cls}" tabindex="0">'
            f'<td class="pos">{f.line}:{f.column}</td>'
            f'<td class="rule"><span class="dot s-{esc(f.severity)}" title="{esc(f.severity)}"></span>'
            f'<code>{esc(f.rule)}</code></td>'
            f'<td><div class="msg">{esc(f.message)}</div>{fix}</td></tr>')
        cards.append(_card(fi, k, f, rules.get(f.rule, {}), fr))
    table = ('<table class="list"><thead><tr><th>Where</th><th>Rule</th><th>Finding</th></tr>'
             f'</thead><tbody>{"".join(rows)}</tbody></table>')
    return table, "".join(cards)


def _score_badge(fr) -> str:
    if fr.fatal:
        return '<div class="score below" title="could not be checked">\u2013</div>'
    if not fr.score:
        return ""
    sc = fr.score
    verdict = "pass" if sc.passed else "below"
    return (f'<div class="score {verdict}" title="{verdict} (threshold {sc.threshold:g}): '
            f'{sc.penalty:g} penalty points over {sc.words} words">'
            f'{sc.value:.1f}<small>/100</small><span>{verdict} {sc.threshold:g}</span></div>')


def _counts_line(findings) -> str:
    c = finding_counts(findings)
    return " ".join(f'<span class="badge s-{s}">{plural(c[s], s)}</span>' for s in SEVERITY_ORDER if c[s]) \
        or '<span class="badge ok">no findings</span>'


def _problem(error: str) -> str:
    return shown(error, keep="\n")       # a line break in HTML text is only a space


def _shown_path(fr) -> str:
    return shown(repo_path(fr.path))


def _section(fi: int, fr, rules: dict) -> str:
    path = esc(_shown_path(fr))
    silenced = len(fr.findings) - len(fr.active)
    head = (f'<header class="rel-h">{_score_badge(fr)}<div><h2>{path}</h2>'
            f'<div class="meta">{fr.words} words \u00b7 {esc(fr.format or "")} '
            f'{esc(fr.codec or "")} \u00b7 {_counts_line(fr.active)}'
            + (f" \u00b7 {silenced} suppressed" if silenced else "") + html_source.meta_note(fr)
            + "</div></div></header>")
    problems = "".join(f'<p class="problem">{esc(_problem(e))}</p>' for e in fr.errors)
    if fr.fatal:
        return f'<section class="release" id="rel{fi}">{head}{problems}</section>'
    table, cards = _finding_rows(fi, fr, rules)
    side = f'<aside class="side">{table}</aside>' if fr.findings else ""
    return (f'<section class="release" id="rel{fi}">{head}{problems}'
            f'<div class="body">{_text_view(fi, fr)}{side}</div>{cards}</section>')


def _chart(report) -> str:
    by_cat: dict[str, Counter] = {}
    for _, f in report.findings():
        by_cat.setdefault(f.category, Counter())[f.severity] += 1
    if not by_cat:
        return ""
    rows = sorted(by_cat.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    top = max(sum(c.values()) for _, c in rows)
    label_w, bar_w, row_h = 150, 320, 24
    out = [f'<svg class="chart" role="img" aria-label="findings by category" width="{label_w + bar_w + 50}" '
           f'height="{row_h * len(rows) + 4}" xmlns="http://www.w3.org/2000/svg">']
    for i, (cat, c) in enumerate(rows):
        y = i * row_h + 2
        out.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{esc(cat)}</text>')
        x = float(label_w)
        for sev in SEVERITY_ORDER:
            if c[sev]:
                w = bar_w * c[sev] / top
                out.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" '
                           f'fill="{COLOURS[sev]}"><title>{esc(cat)}: {plural(c[sev], sev)}</title></rect>')
                x += w
        out.append(f'<text x="{x + 6:.1f}" y="{y + 16}">{sum(c.values())}</text>')
    out.append("</svg>")
    return "".join(out)


def _chip(attr: str, value: str, label: str, checked: bool = True, cls: str = "chip") -> str:
    on = " checked" if checked else ""
    return f'<label class="{cls}"><input type="checkbox" {attr}="{esc(value)}"{on}> {esc(label)}</label>'


def _filters(report) -> str:
    sev = Counter(f.severity for _, f in report.findings())
    cat = Counter(f.category for _, f in report.findings())
    suppressed = sum(1 for fr in report.files for f in fr.findings if f.suppressed)
    if not sev and not suppressed:
        return ""
    boxes = [_chip("data-sev", s, f"{s} ({sev[s]})", cls=f"chip s-{s}") for s in SEVERITY_ORDER if sev[s]]
    if suppressed:
        boxes.append(_chip("data-sup", "1", f"suppressed ({suppressed})", checked=False))
    cats = [_chip("data-cat", c, f"{c} ({n})") for c, n in sorted(cat.items())]
    return ('<nav class="filters" aria-label="filters">'
            f'<span class="group"><b>Severity</b> {"".join(boxes)}</span>'
            f'<span class="group"><b>Category</b> {"".join(cats)}</span>'
            '<span class="shown" aria-live="polite"></span></nav>')


def _index(report) -> str:
    if len(report.files) < 2:
        return ""
    rows = "".join(f'<tr><td><a href="#rel{i}">{esc(_shown_path(fr))}</a></td>'
                   f'<td>{_score_badge(fr)}</td><td>{_counts_line(fr.active)}</td></tr>'
                   for i, fr in enumerate(report.files))
    return ('<table class="index"><thead><tr><th>Release</th><th>Score</th><th>Findings</th></tr>'
            f'</thead><tbody>{rows}</tbody></table>')


def _summary(report) -> str:
    s = report.summary
    verdict = "fails" if report.exit_code else "passes"
    text = (f'{plural(s["findings"], "finding")} in {plural(s["files"], "release")}; the check '
            f'{verdict} (fails at {esc(report.fail_on)})')
    if s["suppressed"]:
        text += f'; {s["suppressed"]} suppressed'
    if s["files_with_errors"]:
        text += f'; {plural(s["files_with_errors"], "release")} with errors'
    return (f'<div class="summary"><div><p class="verdict {verdict}">{text}.</p>'
            f'<p class="legend">{_counts_line([f for _, f in report.findings()])}</p></div>'
            f'{_chart(report)}</div>')


def render(report, options) -> str:
    paths = [_shown_path(fr) for fr in report.files]
    title = f"release-qa: {paths[0]}" if len(paths) == 1 else f"release-qa: {len(paths)} releases"
    sections = "".join(_section(i, fr, report.rules) for i, fr in enumerate(report.files))
    version = f" {esc(report.tool_version)}" if report.tool_version else ""
    return without_surrogates(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="release-qa{version}"><title>{esc(title)}</title>'
        f'<style>{_asset("report.css")}</style></head><body>'
        f'<header class="top"><h1>release-qa report</h1>{_summary(report)}</header>'
        f'{_filters(report)}{_index(report)}<main>{sections}</main>'
        '<div id="card" class="card" role="dialog" hidden></div>'
        f'<script>{_asset("report.js")}</script></body></html>\n')
