"""The seed's known defects in boilerplate, translationese and terminology (not marked hard)
are all found by the packs, at their spans and in their categories, using the overlap rule of
the gold file's `_about`; the glossary name-consistency rule finds the JD and Envision mixes."""
from __future__ import annotations

import json
import os

import pytest

from tests.helpers import SEED, lint

PACK_PREFIXES = ["BP", "TR", "TM", "NC01", "UT", "PU", "EN"]


def gold() -> tuple[str, dict]:
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read()
    with open(SEED.replace(".txt", ".gold.json"), encoding="utf-8") as fh:
        spec = json.load(fh)[os.path.basename(SEED)]
    return text, spec


def occurrences(text: str, item: dict) -> list[tuple[int, int]]:
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    out = []
    for span in item["spans"]:
        k = text.find(span)
        while k >= 0:
            line = sum(1 for s in line_starts if s <= k)
            if item.get("line") is None or item["line"] == line:
                out.append((k, k + len(span)))
            k = text.find(span, k + 1)
    return out


def is_found(findings, text: str, item: dict) -> bool:
    spans = occurrences(text, item)
    assert spans, f"gold span not in the seed: {item['spans']}"
    return any(f.category in item["cats"] and f.offset < e and s < f.end_offset
               for f in findings for s, e in spans)


TEXT, SPEC = gold()
PLAIN = [i for i in SPEC["expect"] if not i.get("hard")
         and set(i["cats"]) & {"boilerplate", "translationese", "terminology"}]


def test_there_are_plain_items_to_find():
    assert len(PLAIN) == 12


@pytest.mark.parametrize("item", PLAIN, ids=lambda i: i["spans"][0][:40])
def test_plain_gold_item_found(item):
    assert is_found(lint(TEXT, PACK_PREFIXES), TEXT, item)


@pytest.mark.parametrize("span", ["JD Group", "Vision Technology Group",
                                  "World Exhibition for the Internet of Things 2021"])
def test_glossary_name_mixes_found(span):
    [item] = [i for i in SPEC["expect"] if span in i["spans"]]
    assert is_found(lint(TEXT, ["NC01"]), TEXT, item)


def test_neutral_phrases_not_flagged():
    """No finding lies inside an occurrence of a gold "neutral" phrase."""
    neutral = [(k, k + len(n)) for n in SPEC["neutral"] for k in range(len(TEXT))
               if TEXT.startswith(n, k)]
    assert len(neutral) > 8
    flagged = [(f.rule, f.text) for f in lint(TEXT, PACK_PREFIXES) for s, e in neutral
               if s <= f.offset and f.end_offset <= e]
    assert flagged == []
