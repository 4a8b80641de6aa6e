"""Memory on one long release (issue #17 item 4): what the engine lets go of changes no
finding, and the peak per MB of input stays bounded.

The long release is the repository's own releases (tests/fixtures/releases, seeds) written
one after the other until the text passes 1.5 MB, as bench/corpus.py concatenates the WMT
documents: every sentence comes back many times, so it has thousands of findings per MB."""
from __future__ import annotations

import glob
import os
import tracemalloc

import pytest

from qa import engine
from qa.document import document_from_text
from qa.engine import RunConfig, lint_document
from tests.helpers import ROOT, ruleset


def _texts() -> list[str]:
    paths = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "releases", "*.txt")))
    paths += sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))
    return [open(p, encoding="utf-8").read().strip("\n") for p in paths]


def _long_release(chars: int) -> str:
    texts, parts, size = _texts(), [], 0
    while size < chars:
        for t in texts:
            parts.append(t)
            size += len(t) + 2
    return "\n\n".join(parts) + "\n"


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


@pytest.mark.slow
def test_peak_memory_per_megabyte_of_a_long_release_is_bounded():
    """Traced peak while building and linting a 1.5 MB release, after a run on each release
    once (lazily loaded word lists and dictionaries are not per-MB costs): about 18 MiB per
    MB when this test was written, 38 before the work of issue #17 item 4 (Findings sharing
    their texts, per-word tables as arrays, token counts a slice at a time, memos dropped
    between rule families). The bound leaves room for new rules; a return to whole-text
    token lists or lists of ints per word goes past it."""
    _lint("\n\n".join(_texts()) + "\n")
    text = _long_release(1_500_000)
    tracemalloc.start()
    try:
        outcome = _lint(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(outcome.findings) > 5000
    per_mb = peak / 2 ** 20 / (len(text) / 1e6)
    assert per_mb < 28, f"{per_mb:.1f} MiB of traced peak per MB of input"
