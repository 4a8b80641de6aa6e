"""Every clean release in tests/fixtures/releases (files named *clean*: professionally
written, about organisations the rules were not written from, full of look-alike names,
defined acronyms, grammatical doubles and quotations) gives no finding at all, with every
rule that is on by default, at every severity."""
from __future__ import annotations

import glob
import os

import pytest

from tests.helpers import ROOT, lint

CLEAN = sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "releases", "*clean*.txt")))


def test_there_are_many_clean_releases():
    assert len(CLEAN) >= 14


@pytest.mark.parametrize("path", CLEAN, ids=os.path.basename)
def test_clean_release_has_no_finding(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert [(f.rule, f.line, f.column, f.text) for f in lint(text)] == []
