"""Invisible format characters (zero-width spaces, soft hyphens, bidi overrides, tag characters)
cannot hide copy from the rules: phrase rules match across them, EN05 reports each with a safe
fix that deletes it, and positions still point into the file as given."""
from __future__ import annotations

import json

import pytest

from tests.hostile.common import run

HIDDEN = ["\u200b", "\u200c", "\u00ad", "\u2060", "\ufeff", "\u202e", "\u2066", "\U000e0041"]


@pytest.mark.parametrize("char", HIDDEN, ids=lambda c: f"U+{ord(c):04X}")
def test_a_phrase_split_by_an_invisible_character_is_still_found(tmp_path, char):
    text = f"Acme opens plant\n\nIt is re{char}ported that Acme will hire 300 people.\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    proc = run("--format", "json", "--select", "TR02,EN05", str(path))
    report = json.loads(proc.stdout)
    found = {f["rule"]: f for f in report["files"][0]["findings"]}
    assert set(found) == {"TR02", "EN05"}
    for f in found.values():        # positions point into the file as given
        assert text[f["offset"]:f["end_offset"]] == f["text"]
        assert char in f["text"]
    assert found["EN05"]["fix"]["applicability"] == "safe"


def test_fix_deletes_them_and_nothing_else(tmp_path):
    text = "Acme opens plant\n\nSales rose \u202e 5% \u202c this year at Ac\u200bme.\n"
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    run("--fix", "--select", "EN05", str(path))
    assert path.read_text(encoding="utf-8") == "Acme opens plant\n\nSales rose 5% this year at Acme.\n"
