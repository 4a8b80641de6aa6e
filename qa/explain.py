"""`release-qa rules` and `release-qa explain CODE`: rule documentation from rule metadata."""
from __future__ import annotations

import json
import textwrap

from .errors import UsageError


def _ruleset(args):
    """Built-in rules plus the packs and glossaries of the config that `check` would use for
    the current folder (or `--config FILE`; none with `--isolated`), plus `--pack/--glossary`."""
    import os

    from .ruleset import build_ruleset
    from .settings import ConfigFinder
    packs = [os.path.abspath(p) for p in getattr(args, "pack", []) or []]
    glossaries = [os.path.abspath(g) for g in getattr(args, "glossary", []) or []]
    s = ConfigFinder(getattr(args, "config", None), getattr(args, "isolated", False)).for_path(os.getcwd())
    return build_ruleset(tuple(s.packs) + tuple(packs), tuple(s.glossaries) + tuple(glossaries))


def list_rules(args) -> str:
    rs = _ruleset(args)
    metas = [r.meta for r in sorted(rs.rules.values(), key=lambda r: r.code)]
    if args.format == "json":
        return json.dumps([m.to_dict() for m in metas], ensure_ascii=False, indent=2) + "\n"
    if args.format == "markdown":
        lines = ["| Code | Name | Category | Severity | On | Fix | Finds |", "|---|---|---|---|---|---|---|"]
        for m in metas:
            lines.append(f"| {m.code} | {m.name} | {m.category} | {m.severity} | "
                         f"{'yes' if m.enabled else 'no'} | {m.fixable or ''} | {m.summary} |")
        return "\n".join(lines) + "\n"
    width = max(len(m.name) for m in metas)
    lines = []
    for m in metas:
        flag = " " if m.enabled else "-"
        fix = " (fix)" if m.fixable else ""
        lines.append(f"{m.code:<6}{flag} {m.name:<{width}}  {m.category:<16} {m.severity:<8} "
                     f"{m.summary}{fix}")
    lines.append("")
    lines.append(f"{len(metas)} rules; '-' marks rules that are off unless selected. "
                 "`release-qa explain CODE` shows one in full.")
    return "\n".join(lines) + "\n"


def measured_figures() -> dict:
    """qa/rules/measured/<CODE>.json: each built-in rule's figures on the WMT data and clean
    releases (written by `python bench/accuracy.py --write-measured`), by code."""
    from importlib import resources
    out = {}
    try:
        for entry in resources.files("qa.rules").joinpath("measured").iterdir():
            if entry.name.endswith(".json") and not entry.name.startswith("_"):
                out[entry.name[:-5]] = json.loads(entry.read_text("utf-8"))
    except (OSError, ValueError):
        pass
    return out


def describe_measured(m: dict | None) -> str:
    """One paragraph of measured figures, for the rule's documentation."""
    if not m:
        return ""
    parts = []
    n = m.get("wmt_findings", 0)
    if n:
        lift = m.get("wmt_lift")
        parts.append(f"WMT23 zh-en MQM dev data (real MT output): {n} finding{'s' if n != 1 else ''}, "
                     f"precision {100 * m['wmt_precision']:.0f}% against a chance rate of "
                     f"{100 * m['wmt_base_rate']:.0f}% (lift {lift if lift is not None else '-'}), "
                     f"{m['wmt_per_1k_words']} per 1,000 words, "
                     f"{100 * m['wmt_clean_segments_flagged']:.1f}% of error-free segments flagged.")
    else:
        parts.append("WMT23 zh-en MQM dev data (real MT output): no findings.")
    c = m.get("clean_findings", 0)
    parts.append(f"Professionally written releases (tests/fixtures/releases/*clean*): "
                 f"{c} finding{'s' if c != 1 else ''}.")
    return " ".join(parts)


def explain_rule(args) -> str:
    rs = _ruleset(args)
    rule = rs.get(args.rule)
    if rule is None:
        raise UsageError(f"unknown rule {args.rule!r} (see `release-qa rules`)")
    return render_doc(rule.meta, markdown=args.format == "markdown",
                      measured=describe_measured(measured_figures().get(rule.code)),
                      names={code: r.meta.name for code, r in rs.rules.items()})


def describe_defers(meta, names: dict[str, str] | None = None) -> str:
    """One paragraph on the rules this rule defers to (RuleMeta.defers_to), or ''."""
    if not meta.defers_to:
        return ""
    names = names or {}
    codes = ", ".join(f"{c} ({names[c]})" if c in names else c for c in meta.defers_to)
    one = len(meta.defers_to) == 1
    return (f"Defers to {codes}: where an active finding of {'that rule' if one else 'one of them'} "
            "overlaps one of this rule's, only that finding is reported (one defect, one "
            f"finding); with {'that rule' if one else 'them'} off or suppressed there, this "
            "rule's finding stays.")


def render_doc(meta, markdown: bool = False, measured: str = "",
               names: dict[str, str] | None = None) -> str:
    d = meta.doc
    h = (lambda t: f"## {t}") if markdown else (lambda t: t.upper())

    def para(t: str) -> str:
        return t if markdown else "\n".join(textwrap.fill(p, 88) for p in t.split("\n"))

    out = [f"# {meta.code} {meta.name}" if markdown else f"{meta.code} {meta.name}",
           "", f"Category: {meta.category}. Severity: {meta.severity}. "
           f"{'On by default' if meta.enabled else 'Off unless selected'}. "
           f"Fix: {meta.fixable or 'none'}.", ""]
    out += [h("What it finds"), para(d.what or meta.summary), ""]
    out += [h("Why it matters"), para(d.why), ""]
    if d.examples:
        out.append(h("Example"))
        for ex in d.examples:
            if ex.source:
                out.append("Chinese original:")
                out.append(f"```\n{ex.source}\n```" if markdown else _indent(ex.source))
                out.append("English:")
            out.append(f"```\n{ex.bad}\n```" if markdown else _indent(ex.bad))
            if ex.flags:
                out.append("flags: " + ", ".join(f"'{f}'" for f in ex.flags))
        out.append("")
    out += [h("Write instead"), para(d.instead), ""]
    for ex in d.examples:
        out.append(f"```\n{ex.good}\n```" if markdown else _indent(ex.good))
    out.append("")
    if d.fix_safety:
        out += [h("Fix safety"), para(d.fix_safety), ""]
    if meta.defers_to:
        out += [h("Overlaps"), para(describe_defers(meta, names)), ""]
    if meta.options:
        out.append(h("Options"))
        for o in meta.options:
            out.append(f"- {o.name.replace('_', '-')} (default {o.default!r}): {o.help}")
        out.append("")
    if d.precision or measured:
        out += [h("Measured precision"), para(" ".join(x for x in (measured, d.precision) if x)), ""]
    return "\n".join(out)


def _indent(text: str) -> str:
    """An example block: every line indented by four spaces (blank lines stay empty)."""
    return textwrap.indent(text.rstrip("\n"), "    ")
