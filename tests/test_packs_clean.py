"""Professionally written releases give no finding of warning or above from the packs and the
encoding rules: three carriers named as distinct companies, a national Ministry and a
provincial Department named correctly, acronyms defined once, "had had", contact blocks,
a closing "###" or "ENDS" before the About section."""
from __future__ import annotations

import glob
import os

import pytest

from tests.helpers import ROOT, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")
CLEAN = sorted(glob.glob(os.path.join(RELEASES, "packs_clean_*.txt")))
MINE = ["BP", "TR", "TM", "NC01", "UT", "PU", "EN"]


def test_there_are_clean_releases():
    assert len(CLEAN) >= 2


@pytest.mark.parametrize("path", CLEAN, ids=os.path.basename)
def test_no_warnings_on_clean_release(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    serious = [(f.rule, f.line, f.text) for f in lint(text, MINE) if f.severity != "info"]
    assert serious == []


@pytest.mark.parametrize("path", CLEAN, ids=os.path.basename)
def test_no_info_either_on_clean_release(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert [(f.rule, f.text) for f in lint(text, MINE)] == []
