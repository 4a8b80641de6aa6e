"""The hand-made numeric-mismatch labels of the WMT dev data are well formed, and the pair
builder lays the Chinese out line for line with the English.

The format checks run anywhere; the checks against the data itself (files, segments, offsets,
the Chinese fragment) need ../shared and are skipped without it (see tests/helpers.shared).
"""
from __future__ import annotations

import importlib.util
import json
import os
import re

import pytest

from tests.helpers import ROOT, shared

BENCH = os.path.join(ROOT, "bench", "bilingual")
LABELS = os.path.join(BENCH, "numeric_mismatches.jsonl")
DOUBTFUL = os.path.join(BENCH, "numeric_doubtful.jsonl")
KINDS = {"omitted", "wrong-value", "wrong-magnitude", "added", "wrong-date", "wrong-unit",
         "wrong-approximation", "ambiguous"}
FIELDS = {"file", "segment", "line", "kind", "zh", "en", "en_start", "en_end", "why"}
HAN_OR_DIGIT = re.compile(r"[\u3400-\u9fff0-9]")


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(raw) for raw in handle if raw.strip()]


def key(record: dict) -> tuple:
    """What makes two labels the same mismatch: the English span, or for an omission the
    Chinese fragment of its segment."""
    if record["en"] is None:
        return (record["file"], record["segment"], record["zh"], record["kind"])
    return (record["file"], record["en_start"], record["en_end"], record["kind"])


def pairs_module():
    spec = importlib.util.spec_from_file_location("bench_bilingual_pairs", os.path.join(BENCH, "pairs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", [LABELS, DOUBTFUL], ids=["mismatches", "doubtful"])
def test_records_are_well_formed(path):
    records = load(path)
    assert records
    for record in records:
        where = f"{os.path.basename(path)}: {record}"
        assert set(record) == FIELDS, where
        assert record["kind"] in KINDS, where
        assert re.fullmatch(r"docs/[^/]+\.txt", record["file"]), where
        assert isinstance(record["segment"], int) and record["segment"] >= 0, where
        assert isinstance(record["line"], int) and record["line"] >= 1, where
        assert HAN_OR_DIGIT.search(record["zh"]), where
        assert record["why"].strip().endswith("."), where
        if record["kind"] == "omitted":
            assert record["en"] is None and record["en_start"] is None and record["en_end"] is None, where
        else:
            assert isinstance(record["en"], str) and record["en"], where
            assert isinstance(record["en_start"], int) and isinstance(record["en_end"], int), where
            assert record["en_end"] - record["en_start"] == len(record["en"]), where


def test_no_duplicates_within_or_across_the_two_lists():
    sure, doubtful = load(LABELS), load(DOUBTFUL)
    for records in (sure, doubtful):
        keys = [key(r) for r in records]
        assert len(keys) == len(set(keys))
    assert not {key(r) for r in sure} & {key(r) for r in doubtful}


def test_labels_match_the_dev_data():
    data = shared("data", "wmt23-zhen-dev")
    gold = {}
    with open(os.path.join(data, "gold.jsonl"), encoding="utf-8") as handle:
        for raw in handle:
            record = json.loads(raw)
            gold[record["file"]] = record
    texts: dict[str, str] = {}
    for record in load(LABELS) + load(DOUBTFUL):
        where = str(record)
        assert record["file"] in gold, where
        segments = gold[record["file"]]["segments"]
        assert record["segment"] < len(segments), where
        segment = segments[record["segment"]]
        assert segment["line"] == record["line"], where
        assert record["zh"] in segment["source"], where
        if record["en"] is None:
            continue
        if record["file"] not in texts:
            with open(os.path.join(data, record["file"]), encoding="utf-8", newline="") as handle:
                texts[record["file"]] = handle.read()
        text = texts[record["file"]]
        assert text[record["en_start"]:record["en_end"]] == record["en"], where
        assert segment["start"] <= record["en_start"] < record["en_end"] <= segment["end"], where


def test_chinese_layout_mirrors_the_english_lines():
    pairs = pairs_module()
    segments = [{"source": "甲", "starts_paragraph": True}, {"source": "乙乙", "starts_paragraph": True},
                {"source": "丙", "starts_paragraph": False}]
    text, spans = pairs.chinese_layout(segments)
    assert text == "甲\n\n乙乙\n丙\n"
    assert spans == [(1, 0, 1), (3, 3, 5), (4, 6, 7)]
    lines = text.split("\n")
    assert [lines[line - 1] for line, _, _ in spans] == ["甲", "乙乙", "丙"]
    with pytest.raises(ValueError):
        pairs.chinese_layout([{"source": "甲\n乙", "starts_paragraph": True}])


def test_pairs_written_from_the_dev_data(tmp_path):
    data = shared("data", "wmt23-zhen-dev")
    pairs = pairs_module()
    written = pairs.write_pairs(str(tmp_path), data)
    aligned = pairs.alignments(data)
    assert len(written) == len(aligned) == 190
    name = sorted(aligned)[0]
    en_name, zh_name = pairs.pair_names(name)
    en = (tmp_path / en_name).read_text(encoding="utf-8")
    zh = (tmp_path / zh_name).read_text(encoding="utf-8")
    with open(os.path.join(data, "gold.jsonl"), encoding="utf-8") as handle:
        record = next(r for r in map(json.loads, handle) if r["file"] == name)
    for row, segment in zip(aligned[name], record["segments"], strict=True):
        assert zh[row.zh_span[0]:row.zh_span[1]] == segment["source"]
        assert en.split("\n")[row.line - 1] == en[row.en_span[0]:row.en_span[1]]
        assert zh.split("\n")[row.line - 1] == segment["source"]
