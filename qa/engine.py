"""The engine: run the selected rules on one Document and turn their Hits into Findings.

No I/O. Per rule: resolved options, a guard so that one broken or runaway rule is reported
without stopping the others, severity overrides, inline suppressions and per-file ignores.
Findings come out sorted, deduplicated (one defect, one finding: see `finish_findings`) and
fingerprinted.
"""
from __future__ import annotations

import zlib
from bisect import bisect_left
from collections.abc import Mapping, Sequence

from ._speed.records import field, record
from .categories import SEVERITY_RANK
from .document.invisible import strip_invisible
from .document.model import Document
from .findings import Edit, Finding, Fix, Hit, Location
from .rules.base import Rule
from .rules.context import EMPTY_GLOSSARY, Glossary, RuleOptions
from .rules.selectors import any_selects
from .suppress import Suppressions


@record(frozen=True)
class RunConfig:
    """What the engine needs from the settings for one file."""

    severity: Mapping[str, str] = field(default_factory=dict)        # code -> severity
    options: Mapping[str, Mapping] = field(default_factory=dict)     # code -> option values
    file_ignores: tuple[str, ...] = ()                               # selectors off for this file
    min_severity: str = "info"
    glossary: Glossary = EMPTY_GLOSSARY


DEFAULT_CONFIG = RunConfig()


@record
class LintOutcome:
    findings: list[Finding]
    errors: list[str]


def _location(doc: Document, start: int, end: int, note: str = "", shared: dict | None = None,
              base: int = 0, places: dict | None = None) -> Location:
    """The Location of a prose span. `base` shifts its offsets from a section of a long
    release (qa.sections) back to the whole file (the section's lines and columns are the
    file's already: see qa.document.lines.PieceLineIndex)."""
    s, e = doc.to_source(start, end)
    line, col = doc.line_index.position(s)
    end_line, end_col = doc.line_index.position(e)
    text = doc.source[s:e]
    if base:
        s, e = s + base, e + base
    if end_line == line:
        end_line = line         # one int object: a long release holds its findings by the ten thousand
    if shared is None:
        return Location(s, e, line, col, end_line, end_col, text, note)
    places = shared if places is None else places
    loc = Location(s, e, line, col, end_line, end_col, shared.setdefault(text, text), note)
    return places.setdefault(loc, loc)


def _finding(doc: Document, rule: Rule, severity: str, hit: Hit, shared: dict | None = None,
             base: int = 0, places: dict | None = None) -> Finding:
    """The Finding of a Hit. `shared` (one dict per file) makes equal texts, messages and
    related places one object each: a long release repeating its sentences has tens of
    thousands of findings pointing at the same few (`places`, when given, holds the places
    instead: one dict per section of a long release). `base`: see `_location`."""
    loc = _location(doc, hit.start, hit.end, "", shared, base, places)
    related = tuple(_location(doc, s, e, note, shared, base, places) for s, e, note in hit.related)
    fix = None
    if hit.fix is not None and (doc.offsets.is_verbatim(hit.start, hit.end)
                                or strip_invisible(loc.text) == doc.text[hit.start:hit.end]):
        replacement = hit.fix
        if doc.format in ("html", "xliff", "tmx"):     # the edit lands in markup: keep it markup
            import html
            replacement = html.escape(replacement, quote=False)
        fix = Fix((Edit(loc.offset, loc.end_offset, replacement),), hit.fix_safety,
                  f"Replace with '{hit.fix}'" if hit.fix else "Delete")
    meta = rule.meta
    source = source_path = None
    if hit.source_span is not None and doc.source_doc is not None:
        src_doc = doc.source_doc
        s, e = hit.source_span
        if 0 <= s <= e <= len(src_doc.text):
            source, source_path = _location(src_doc, s, e), src_doc.path
    message = hit.message if shared is None else shared.setdefault(hit.message, hit.message)
    return Finding(meta.code, meta.name, meta.category, severity, message, loc,
                   hit.suggestion, related, fix, source=source, source_path=source_path)


def fingerprint(finding: Finding, occurrence: int, context: str = "") -> str:
    """Identity of a finding across edits elsewhere in the file: its rule, its text and the
    sentence around it (`context`, see `sentence_context`), plus how many findings with the
    same three came before it (only a repeated sentence makes that more than 0). Nothing
    depends on the line or offset, so inserting, deleting or moving other text, or a new
    finding of the same rule elsewhere, leaves it as it was, as SARIF partialFingerprints are
    meant to be; editing the sentence itself makes it a new finding.

    Two 32-bit checksums of different kinds (64 bits in all): enough to tell the findings of
    one file apart, and zlib is loaded anyway where hashlib would cost a cold start 2 ms."""
    basis = f"{finding.rule}\x1f{' '.join(finding.text.split()).lower()}\x1f{context}\x1f{occurrence}"
    data = basis.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


CONTEXT_REACH = 240         # code points searched on each side for the sentence's ends
_SENTENCE_END = None


def sentence_context(source: str, start: int, end: int) -> str:
    """The sentence holding source[start:end], normalised: markup tags dropped, case folded,
    every run of punctuation and spaces one space. A sentence ends at . ! ? ; (and their
    full-width forms) or a blank line; at most CONTEXT_REACH code points on each side are
    looked at (cut at a space), so this costs the same for any file."""
    global _SENTENCE_END
    if _SENTENCE_END is None:
        from ._speed.regex import re_compile
        _SENTENCE_END = (re_compile(r"[.!?;。！？；][\"'”’)\]]*(?:\s|$)|\n[ \t]*\r?\n|[。！？；]"),
                         re_compile(r"<[^<>]*>|&#?\w{1,10};"), re_compile(r"[\W_]+"))
    ends, tags, spaces = _SENTENCE_END
    lo = max(0, start - CONTEXT_REACH)
    head = source[lo:start]
    cut = 0
    for m in ends.finditer(head):
        cut = m.end()
    if not cut and lo > 0:
        cut = head.find(" ") + 1
    hi = min(len(source), end + CONTEXT_REACH)
    m = ends.search(source, end, hi)
    if m is not None:
        tail = source[end:m.end()]
    else:
        tail = source[end:hi]
        if hi < len(source) and " " in tail:
            tail = tail[:tail.rindex(" ")]
    text = tags.sub(" ", head[cut:] + source[start:end] + tail)
    return " ".join(spaces.sub(" ", text.casefold()).split())


BIG_DOCUMENT = 1 << 20      # code points; past this, memos are dropped between rule families


def lint_document(doc: Document, rules: Sequence[Rule], config: RunConfig | None = None) -> LintOutcome:
    findings: list[Finding] = []
    errors: list[str] = []
    suppress = Suppressions(doc.directives, doc.source, doc.line_index)
    shared: dict = {}               # see _finding
    check_rules(doc, rules, config, suppress, findings, errors, shared)
    del shared
    return LintOutcome(finish_findings(findings, deferrals(rules), doc.source), errors)


def deferrals(rules: Sequence[Rule]) -> dict[str, tuple[str, ...]]:
    """code -> the codes it defers to, for the rules that declare `defers_to` (see `finish_findings`)."""
    return {r.meta.code: r.meta.defers_to for r in rules if r.meta.defers_to}


def check_rules(doc: Document, rules: Sequence[Rule], config: RunConfig | None, suppress: Suppressions,
                findings: list[Finding], errors: list[str], shared: dict,
                base: int = 0, places: dict | None = None) -> None:
    """Run `rules` on `doc`, appending their Findings (unsorted, marked when `suppress`
    silences them) to `findings` and the rules' failures to `errors`. `shared`, `places`
    and `base`: see `_finding` (a section of a long release, qa.sections, passes where it
    starts in the file as `base` and the whole file's Suppressions)."""
    config = config or DEFAULT_CONFIG
    floor = SEVERITY_RANK[config.min_severity]
    family = None
    for rule in rules:
        meta = rule.meta
        if len(doc.text) >= BIG_DOCUMENT and meta.code[:2] != family:
            if family is not None:      # a very long release: one family's tables at a time
                doc.forget_derived()
            family = meta.code[:2]
        severity = config.severity.get(meta.code, meta.severity)
        if SEVERITY_RANK[severity] < floor:
            continue
        key = meta.key
        if config.file_ignores and any_selects(config.file_ignores, key):
            continue
        values = meta.default_options()
        values.update(config.options.get(meta.code, {}))
        opts = RuleOptions(values, config.glossary)
        try:
            hits = list(rule.check(doc, opts))
        except TimeoutError as exc:
            errors.append(f"rule {meta.code} ({meta.name}) stopped: "
                          f"{exc or 'a regex ran too long (catastrophic backtracking?)'}; "
                          "the other rules ran")
            continue
        except RecursionError:
            errors.append(f"rule {meta.code} ({meta.name}) stopped: input too deeply nested")
            continue
        except Exception as exc:  # a rule bug must not cost the user the other rules
            errors.append(f"rule {meta.code} ({meta.name}) failed: {type(exc).__name__}: {exc}")
            continue
        hits.reverse()
        while hits:                 # each Hit let go once its Finding is made
            hit = hits.pop()
            if not (0 <= hit.start <= hit.end <= len(doc.text)):
                errors.append(f"rule {meta.code} reported an out-of-range span; finding dropped")
                continue
            f = _finding(doc, rule, severity, hit, shared, base, places)
            if suppress.is_suppressed(key, f.offset, f.line):
                f = _replace(f, suppressed=True)
            findings.append(f)


def _drop_deferred(findings: list[Finding], defers: Mapping[str, tuple[str, ...]]) -> list[Finding]:
    """The findings without those of a deferring rule that an active finding of a rule it
    defers to overlaps (an empty span counts as its first character). Only findings that
    stay count: in a chain (TR04 defers to GB02, GB02 to GB01) a GB02 finding dropped for
    GB01 silences no TR04 finding, and in a cycle the rule met first on the way round is
    resolved against the others' findings as they stand, so one of two rules deferring to
    each other keeps its finding. Linear after sorting: each deferred-to rule's spans, sorted
    by start with a running maximum of their ends, answer "does any overlap [s, e)?" by one
    bisection."""
    wanted = {code for codes in defers.values() for code in codes}
    by_rule: dict[str, list[Finding]] = {}
    for f in findings:
        if f.rule in wanted or f.rule in defers:
            by_rule.setdefault(f.rule, []).append(f)
    if not any(code in by_rule for code in wanted):
        return findings
    kept: dict[str, list[Finding]] = {}         # rule -> its findings that stay
    index: dict[str, tuple[list[int], list[int]]] = {}
    resolving: set[str] = set()

    def spans(code: str) -> tuple[list[int], list[int]]:
        if code not in index:
            pairs = sorted((f.offset, max(f.end_offset, f.offset + 1))
                           for f in survivors(code) if not f.suppressed)
            reach, top = [], -1
            for _, end in pairs:
                top = max(top, end)
                reach.append(top)
            index[code] = ([s for s, _ in pairs], reach)
        return index[code]

    def survivors(code: str) -> list[Finding]:
        if code not in kept:
            own = by_rule.get(code, [])
            if code in defers and own:
                resolving.add(code)
                own = [f for f in own if not covered(f)]
                resolving.discard(code)
            kept[code] = own
        return kept[code]

    def covered(f: Finding) -> bool:
        s, e = f.offset, max(f.end_offset, f.offset + 1)
        for code in defers[f.rule]:
            if code not in by_rule or code in resolving:    # not run here, or a cycle
                continue
            starts, reach = spans(code)
            k = bisect_left(starts, e) - 1          # the spans that start before e
            if k >= 0 and reach[k] > s:
                return True
        return False

    stay = {id(f) for code in defers for f in survivors(code)}
    return [f for f in findings if f.rule not in defers or id(f) in stay]


def _replace(f: Finding, **changes) -> Finding:
    from ._speed.records import replace
    return replace(f, **changes)


def finish_findings(findings: list[Finding], defers: Mapping[str, tuple[str, ...]] | None = None,
            source: str = "") -> list[Finding]:
    """Sort, drop repeats, and fingerprint.

    A rule reporting one span twice keeps one finding. Two rules reporting the same span with
    the same suggestion say one thing twice: the more severe finding stays (on a tie, the
    lower code), so an editor reads each correction once. A rule that declares `defers_to`
    (codes of rules that report the same defect more precisely, or with a fix) loses its
    finding wherever an active finding of one of those rules overlaps it.

    `findings` is emptied (its findings are those returned, or dropped): a big release holds
    one copy of its findings at a time.
    """
    kept = _drop_deferred(findings, defers) if defers else findings
    kept = findings.copy() if kept is findings else kept
    findings.clear()
    best: dict[tuple, Finding] = {}
    for f in kept:
        if f.suppressed or f.suggestion is None:
            continue
        key = (f.offset, f.end_offset, f.suggestion)
        other = best.get(key)
        if other is None or (SEVERITY_RANK[f.severity], other.rule) > (SEVERITY_RANK[other.severity], f.rule):
            best[key] = f
    kept.sort(key=Finding.sort_key)
    seen = set()
    unique = []
    for f in kept:
        key = (f.rule, f.offset, f.end_offset)
        if key in seen:
            continue
        if not f.suppressed and f.suggestion is not None \
                and best[(f.offset, f.end_offset, f.suggestion)] is not f:
            continue
        seen.add(key)
        unique.append(f)
    del kept, best, seen
    # How many findings with the same rule, text and sentence came before each one: findings
    # are grouped by the hash of those three, which are kept only where two findings share a
    # hash (a dict of every finding's key would hold a sentence a finding).
    by_hash: dict[int, Finding | dict] = {}
    for i, f in enumerate(unique):          # each finding replaced by its fingerprinted copy
        context = sentence_context(source, f.offset, f.end_offset) if source else ""
        key = _occurrence_key(f, context)
        h = hash(key)
        first = by_hash.get(h)
        n = 0
        if first is not None:
            if not isinstance(first, dict):
                first = by_hash[h] = {_occurrence_key(first, sentence_context(
                    source, first.offset, first.end_offset) if source else ""): 1}
            n = first.get(key, 0)
            first[key] = n + 1
        unique[i] = _replace(f, fingerprint=fingerprint(f, n, context))
        if first is None:
            by_hash[h] = unique[i]
    return unique


def _occurrence_key(f: Finding, context: str) -> tuple:
    return (f.rule, " ".join(f.text.split()).lower(), context)
