"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` lists every rule of the run (documentation built from the
rule's what / why / write instead), each result points at its rule by id and index, with a
region in 1-based lines and code-point columns (`columnKind` unicodeCodePoints, end column
exclusive) plus the code-point offset and length. The finding's fingerprint (stable across
edits elsewhere in the file) is the partial fingerprint that code scanning tracks alerts by.
Findings silenced in the release itself are kept, marked with an in-source suppression.
Input errors become tool execution notifications. Artifact URIs percent-encode the bytes of
the path (a name that is not UTF-8 keeps its own bytes: `caf%E9.txt`), and no text in the
document carries a lone surrogate (see safe_text.json_safe), so it is always valid UTF-8.
"""
from __future__ import annotations

import json

from .safe_text import json_safe, uri_path
from .shared import fenced, md_escape, message_with_suggestion, repo_path

HUMAN = False

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FALLBACK_DOCS_URI = "https://pypi.org/project/release-qa/#description"   # the README there
FINGERPRINT_KEY = "releaseQa/v2"    # v2: rule, text and sentence (v1: occurrence number)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def information_uri() -> str:
    """The project's documentation, as the installed package declares it (a `Documentation`
    project URL, else the home page), else the README as the package index shows it."""
    try:
        from importlib.metadata import PackageNotFoundError, metadata
        meta = metadata("release-qa")
    except (ImportError, PackageNotFoundError, OSError, ValueError):
        return FALLBACK_DOCS_URI
    urls = {}
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("documentation", "docs", "homepage", "home"):
        if urls.get(label, "").startswith("https://"):
            return urls[label]
    home = meta.get("Home-page") or ""
    return home if home.startswith("https://") else FALLBACK_DOCS_URI


def artifact_uri(path: str) -> str:
    """A relative URI reference with forward slashes (characters outside URIs escaped)."""
    return uri_path(repo_path(path))


def _message(text: str) -> dict:
    return {"text": text}


def rule_descriptor(code: str, meta: dict) -> dict:
    what = meta.get("what") or meta.get("summary") or code
    why = meta.get("why", "")
    instead = meta.get("instead", "")
    text_parts = [what, f"Why it matters: {why}" if why else "",
                  f"Write instead: {instead}" if instead else ""]
    md = [f"**What it finds.** {md_escape(what)}"]
    if why:
        md.append(f"**Why it matters.** {md_escape(why)}")
    for ex in meta.get("examples", [])[:2]:
        md.append("**Example.**\n\n" + fenced(ex.get("bad", "")))
        if ex.get("good"):
            md.append("**Better.**\n\n" + fenced(ex["good"]))
    if instead:
        md.append(f"**Write instead.** {md_escape(instead)}")
    if meta.get("precision"):
        md.append(f"**Measured precision.** {md_escape(meta['precision'])}")
    d = {
        "id": code,
        "name": meta.get("name", code),
        "shortDescription": _message(meta.get("summary") or what),
        "fullDescription": _message(what),
        "help": {"text": "\n\n".join(p for p in text_parts if p), "markdown": "\n\n".join(md)},
        "defaultConfiguration": {"level": LEVELS.get(meta.get("severity", "warning"), "warning")},
        "properties": {"tags": [t for t in ("release-qa", meta.get("category")) if t],
                       "category": meta.get("category", "")},
    }
    if meta.get("link"):
        d["helpUri"] = meta["link"]
    return d


def region(loc) -> dict:
    return {"startLine": loc.line, "startColumn": loc.column, "endLine": loc.end_line,
            "endColumn": loc.end_column, "charOffset": loc.offset,
            "charLength": loc.end_offset - loc.offset}


def physical(uri: str, loc, snippet: bool = True) -> dict:
    reg = region(loc)
    if snippet and loc.text:
        reg["snippet"] = {"text": loc.text}
    return {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                                 "region": reg}}


def result(uri: str, f, index: int) -> dict:
    text = message_with_suggestion(f)
    r = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": _message(text),
        "locations": [physical(uri, f.location)],
        "properties": {"category": f.category, "name": f.name},
    }
    if f.fingerprint:
        r["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.suggestion:
        r["properties"]["suggestion"] = f.suggestion
    if f.related:
        r["relatedLocations"] = [
            {"id": i, **physical(uri, loc), "message": _message(loc.note or f"'{loc.text}'")}
            for i, loc in enumerate(f.related, 1)]
    if f.source is not None:        # bilingual mode: the span of the Chinese original
        r.setdefault("relatedLocations", []).append(
            {"id": len(f.related) + 1, **physical(artifact_uri(f.source_path or ""), f.source),
             "message": _message(f"source: '{f.source.text}'")})
    if f.fix:
        r["fixes"] = [_fix(uri, f.fix, f.location)]
    if f.suppressed:
        r["suppressions"] = [{"kind": "inSource"}]
    return r


def _fix(uri: str, fix, loc) -> dict:
    replacements = [{"deletedRegion": {"charOffset": e.offset, "charLength": e.end_offset - e.offset},
                     "insertedContent": {"text": e.text}} for e in fix.edits]
    return {"description": _message(fix.title or "Apply the suggestion"),
            "artifactChanges": [{"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                                 "replacements": replacements}],
            "properties": {"applicability": fix.applicability}}


def _rules(report) -> tuple[list[dict], dict[str, int]]:
    metas = dict(report.rules)
    for fr in report.files:
        for f in fr.findings:       # a finding whose rule is missing still gets a descriptor
            metas.setdefault(f.rule, {"name": f.name, "category": f.category,
                                      "severity": f.severity, "summary": f.name})
    codes = sorted(metas)
    return [rule_descriptor(c, metas[c]) for c in codes], {c: i for i, c in enumerate(codes)}


def _notifications(report) -> list[dict]:
    out = []
    for fr in report.files:
        for err in fr.errors:
            out.append({"level": "error", "message": _message(err),
                        "locations": [{"physicalLocation": {"artifactLocation": {
                            "uri": artifact_uri(fr.path), "uriBaseId": "%SRCROOT%"}}}]})
    return out


def _scores(report) -> list[dict]:
    return [{"uri": artifact_uri(fr.path), **fr.score.to_dict()}
            for fr in report.files if fr.score and not fr.fatal]


def sarif_dict(report) -> dict:
    rules, index = _rules(report)
    results = []
    for fr in report.files:
        uri = artifact_uri(fr.path)
        results.extend(result(uri, f, index[f.rule]) for f in fr.findings)
    notes = _notifications(report)
    driver = {"name": "release-qa", "informationUri": information_uri(), "rules": rules}
    if report.tool_version:
        driver["version"] = driver["semanticVersion"] = report.tool_version
    invocation = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    doc = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"scores": _scores(report)},
        }],
    }
    sources = _source_artifacts(report)
    if sources:
        doc["runs"][0]["artifacts"] = sources
    return doc


def _source_artifacts(report) -> list[dict]:
    """The Chinese originals the findings point into (bilingual mode), each listed once."""
    out: dict[str, dict] = {}
    for fr in report.files:
        for f in fr.findings:
            if f.source is not None and f.source_path:
                uri = artifact_uri(f.source_path)
                about = _message(f"the Chinese original of {repo_path(fr.path)}")
                out.setdefault(uri, {"location": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                                     "description": about})
    return list(out.values())


def render(report, options) -> str:
    return json_safe(json.dumps(sarif_dict(report), ensure_ascii=False, indent=2)) + "\n"
