"""The release corpus in bench/releases is well formed: every release has gold, every span is real.

The corpus (see bench/releases/README.md) is measurement data, so its gold must be exact: each
span must occur in its file (on the given line, when one is given), categories and kinds must
come from the fixed lists, neutral look-alikes must not overlap a marked defect, and clean
releases must mark nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent / "bench" / "releases"
HALVES = ("dev", "heldout")
MONO_DIRS = [CORPUS / half for half in HALVES]
BI_DIRS = [CORPUS / "bilingual" / half for half in HALVES]

CATEGORIES = {
    "name-consistency", "duplication", "title", "terminology", "translationese", "boilerplate",
    "untranslated", "punctuation", "encoding", "person-name", "garbled", "style", "grammar",
}
KINDS = {
    "omitted", "wrong-value", "wrong-magnitude", "added",
    "name-inconsistent", "untranslated", "omitted-sentence",
}
CLASSES = {str(n) for n in range(1, 11)}
MONO_ITEM_KEYS = {"cats", "spans", "line", "note", "class", "hard"}
BI_ITEM_KEYS = {"cats", "kind", "spans", "zh_spans", "line", "note"}


def _releases(folders: list[Path]) -> list[Path]:
    return sorted(p for d in folders for p in d.glob("*.txt") if not p.name.endswith(".zh.txt"))


MONO = _releases(MONO_DIRS)
BI = _releases(BI_DIRS)


def _gold(txt: Path) -> dict:
    path = txt.with_name(txt.name[: -len(".txt")] + ".gold.json")
    assert path.is_file(), f"{txt.name} has no gold file"
    data = json.loads(path.read_text(encoding="utf-8"))
    keys = [k for k in data if not k.startswith("_")]
    assert keys == [txt.name], f"{path.name}: top-level key must be {txt.name!r}, found {keys}"
    return data[txt.name]


def _read(path: Path) -> str:
    raw = path.read_bytes()
    assert b"\r" not in raw, f"{path.name}: CR line endings"
    text = raw.decode("utf-8")
    assert text.endswith("\n"), f"{path.name}: must end with a newline"
    assert not text.startswith("\ufeff"), f"{path.name}: no byte-order mark"
    return text


def _occurrences(text: str, span: str) -> list[tuple[int, int, int]]:
    """(start, end, 1-based line) of every occurrence of span in text."""
    found, start = [], text.find(span)
    while start >= 0:
        found.append((start, start + len(span), text.count("\n", 0, start) + 1))
        start = text.find(span, start + 1)
    return found


def _expected_ranges(text: str, items: list[dict], key: str = "spans") -> list[tuple[int, int]]:
    ranges = []
    for item in items:
        for span in item.get(key, []):
            ranges += [(a, b) for a, b, line in _occurrences(text, span) if item.get("line") in (None, line)]
    return ranges


def _check_spans(name: str, text: str, item: dict, key: str = "spans") -> None:
    spans = item.get(key, [])
    assert isinstance(spans, list), f"{name}: {key} must be a list"
    assert all(isinstance(s, str) and s.strip() for s in spans), f"{name}: bad {key}"
    for span in spans:
        occ = _occurrences(text, span)
        assert occ, f"{name}: {key} entry {span!r} does not occur"
        if "line" in item and key == "spans":
            lines = {line for _, _, line in occ}
            assert item["line"] in lines, f"{name}: {span!r} is not on line {item['line']}"


def _check_neutral(name: str, text: str, entry: dict, expected: list[tuple[int, int]]) -> None:
    neutral = entry.get("neutral")
    assert isinstance(neutral, list), f"{name}: neutral must be a list"
    for span in neutral:
        occ = _occurrences(text, span)
        assert occ, f"{name}: neutral {span!r} does not occur"
        for a, b, _ in occ:
            clash = [(x, y) for x, y in expected if a < y and x < b]
            assert not clash, f"{name}: neutral {span!r} overlaps a marked defect"


def test_corpus_is_present():
    assert len(MONO) >= 30 and len(BI) >= 12
    for folder in MONO_DIRS + BI_DIRS:
        for gold in folder.glob("*.gold.json"):
            release = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
            assert release.is_file(), f"{gold.name} has no release"


def test_halves_do_not_share_names():
    for dirs in (MONO_DIRS, BI_DIRS):
        dev, held = ({p.name for p in d.glob("*.txt")} for d in dirs)
        assert not dev & held


@pytest.mark.parametrize("txt", MONO, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_monolingual_release(txt: Path):
    text, entry = _read(txt), _gold(txt)
    lines = text.split("\n")
    assert lines[0].strip(), "line 1 must hold the headline"
    assert lines[1] == "", "paragraphs are separated by blank lines"
    assert 250 <= len(text.split()) <= 700, f"{len(text.split())} words"
    items = entry.get("expect")
    assert isinstance(items, list)
    if txt.stem.endswith("_clean"):
        assert items == [], "a clean release marks no defect"
        assert len(entry["neutral"]) >= 5, "a clean release lists its look-alike traps"
    else:
        assert items, "a release with defects marks them"
    for item in items:
        assert set(item) <= MONO_ITEM_KEYS, f"unknown keys {set(item) - MONO_ITEM_KEYS}"
        assert item["cats"] and set(item["cats"]) <= CATEGORIES, f"bad cats {item['cats']}"
        assert item["class"] in CLASSES, f"bad class {item.get('class')!r}"
        assert isinstance(item["note"], str) and item["note"]
        assert item["spans"], "an item needs spans"
        if "line" in item:
            assert isinstance(item["line"], int) and 1 <= item["line"] <= len(lines)
        _check_spans(txt.name, text, item)
    _check_neutral(txt.name, text, entry, _expected_ranges(text, items))


@pytest.mark.parametrize("txt", BI, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bilingual_pair(txt: Path):
    text, entry = _read(txt), _gold(txt)
    source = txt.with_name(entry["source"])
    assert entry["source"] == txt.name[: -len(".txt")] + ".zh.txt" and source.is_file()
    zh = _read(source)
    assert text.split("\n")[0].strip() and zh.split("\n")[0].strip()
    items = entry["expect"]
    if txt.stem.endswith("_clean"):
        assert items == []
    else:
        assert items
    for item in items:
        assert set(item) <= BI_ITEM_KEYS, f"unknown keys {set(item) - BI_ITEM_KEYS}"
        assert item["cats"] == ["accuracy"]
        assert item["kind"] in KINDS, f"bad kind {item['kind']!r}"
        assert item.get("spans") or item.get("zh_spans"), "an item needs spans or zh_spans"
        if item["kind"] in ("omitted", "omitted-sentence"):
            assert item.get("zh_spans"), "an omission points into the Chinese"
        _check_spans(txt.name, text, item)
        _check_spans(source.name, zh, item, "zh_spans")
    _check_neutral(txt.name, text, entry, _expected_ranges(text, items))
    for pair in entry.get("neutral_pairs", []):
        assert set(pair) == {"zh", "en"} and pair["zh"] in zh and pair["en"] in text, f"bad pair {pair}"


@pytest.mark.parametrize("half", HALVES)
def test_classes_are_spread(half: str):
    releases = [p for p in MONO if p.parent.name == half]
    clean = [p for p in releases if p.stem.endswith("_clean")]
    assert 0.25 <= len(clean) / len(releases) <= 0.45, "about a third of the releases are clean"
    counts = Counter(item["class"] for p in releases for item in _gold(p)["expect"])
    assert set(counts) == CLASSES, f"classes missing: {CLASSES - set(counts)}"
    assert max(counts.values()) <= 3 * min(counts.values()), f"classes unevenly spread: {dict(counts)}"
