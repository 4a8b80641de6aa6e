"""DT01's keyword windows: relative_dates finds exactly what the whole-text pattern finds, on
prose built from the pattern's own words, with odd case-folding letters, and with keywords
everywhere (where the whole text is searched)."""
from __future__ import annotations

import random
import re

import pytest

from qa.checks.dates import relative

_WORDS = ["the", "day", "before", "after", "yesterday", "Tomorrow", "of", "morning", "evening",
          "night", "tonight", "this", "last", "next", "coming", "past", "Friday", "SUNDAY",
          "week", "weekend", "earlier", "later", "today", "was", "held", "officially", "opened",
          "kicked", "off", "announced", "'s", "’s", "yesterday’s", "(today", ",", "today.",
          "of\u00a0", "x", "TODAY", "\u017f", "\u0130", "Yeſterday", "weeK"]
_GAPS = [" ", "  ", "\n", "\t", "\u3000", "", "-", " \n \n "]


def _whole_text(text: str) -> list[tuple[int, int]]:
    return [m.span("after") if m.group("after") else m.span()
            for m in re.compile(relative._RELATIVE, re.IGNORECASE).finditer(text)]


@pytest.mark.parametrize("sparse", [0, relative._SPARSE])
def test_windows_find_what_the_whole_text_finds(monkeypatch, sparse):
    monkeypatch.setattr(relative, "_SPARSE", sparse)     # 0: windows even for dense keywords
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(1, 14)))
        assert relative.relative_dates(text) == _whole_text(text), text


def test_windows_in_prose():
    filler = "The plant makes parts for cars and ships them abroad. " * 30
    text = (filler + "It was officially opened\n today was held. " + filler +
            "The day  before yesterday's meeting, the day before yesterday morning, "
            "this   coming Friday. " + filler + "the factory of tomorrow")
    assert relative.relative_dates(text) == _whole_text(text)
    assert len(relative.relative_dates(text)) == 4
