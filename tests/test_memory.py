"""Memory on one long release (issue #17 item 4): what the engine lets go of changes no
finding, and the peak per MB of input stays bounded when a long release is checked in
sections.

The long release is the repository's own releases (tests/fixtures/releases, seeds) written
one after the other, as bench/corpus.py concatenates the WMT documents: every sentence comes
back many times, so it has thousands of findings per MB."""
from __future__ import annotations

import glob
import itertools
import os
import tracemalloc

from qa import engine, sections
from qa.document import document_from_text
from qa.engine import RunConfig, lint_document
from qa.source import SourceFile
from tests.helpers import ROOT, ruleset


def _texts() -> list[str]:
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "releases", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    return [open(p, encoding="utf-8").read().strip("\n") for p in paths]


def _lint(text: str):
    rs = ruleset()
    return lint_document(document_from_text(text, "text"), rs.select(), RunConfig(glossary=rs.glossary))


def _dicts(outcome) -> list[dict]:
    return [f.to_dict() for f in outcome.findings]


def test_forgetting_derived_tables_between_rule_families_changes_no_finding(monkeypatch):
    """On a long release the engine drops each family's memos before the next family runs;
    every table is then computed again where asked for, and the findings (fingerprints
    included) are those of a run that keeps everything."""
    texts = _texts()[:12]
    kept = [_dicts(_lint(t)) for t in texts]
    monkeypatch.setattr(engine, "BIG_DOCUMENT", 0)
    assert [_dicts(_lint(t)) for t in texts] == kept


def test_forget_derived_keeps_line_index_and_recomputes_the_rest():
    doc = document_from_text(_texts()[0], "text")
    sentences, bounds, index = doc.sentences, doc.word_bounds, doc.line_index
    doc.memo("test.value", lambda d: len(d.sentences))
    doc.forget_derived()
    assert "sentences" not in doc.__dict__ and "word_bounds" not in doc.__dict__
    assert not doc._cache
    assert doc.line_index is index
    assert doc.sentences == sentences and doc.word_bounds == bounds


def test_a_long_release_checked_in_sections_costs_little_more_per_megabyte(monkeypatch):
    """Traced peak while checking a long release in sections (qa/sections.py; the sections
    made small here, so that a short text has many): what each further MB costs is its text
    (two bytes a code point here), its findings and the section tables of the moment, about
    6 MiB per MB when this test was written, where checking it whole costs about 33 (and
    about 18 at 1.5 MB: each rule's tables are those of the whole text). A run on each
    release once comes first (lazily loaded word lists and dictionaries are not per-MB
    costs); the difference between two lengths takes out what every run costs."""
    monkeypatch.setattr(sections, "SECTION_CHARS", 16384)
    texts = _texts()
    _lint("\n\n".join(texts) + "\n")
    rs = ruleset()
    peaks = []
    for chars in (60_000, 180_000):
        text = _cycled(texts, chars)
        tracemalloc.start()
        try:
            src = SourceFile("<long>", text, "utf-8", False, "\n")
            _, outcome = sections.lint_in_sections(src, rs.select(), RunConfig(glossary=rs.glossary))
            peaks.append((len(text), tracemalloc.get_traced_memory()[1]))
        finally:
            tracemalloc.stop()
        assert len(outcome.findings) > chars / 400
    (short, low), (long, high) = peaks
    per_mb = (high - low) / 2 ** 20 / ((long - short) / 1e6)
    assert per_mb < 10, f"{per_mb:.1f} MiB of traced peak per further MB of input"


def _cycled(texts: list[str], chars: int) -> str:
    """The releases one after another, from the first again, to at least `chars` code points."""
    parts, size = [], 0
    for t in itertools.cycle(texts):
        if size >= chars:
            break
        parts.append(t)
        size += len(t) + 2
    return "\n\n".join(parts) + "\n"
