"""The punctuation pack (PU): full-width forms and Chinese punctuation in English text, their
ASCII replacements and fix safety; English curly quotes are never touched."""
from __future__ import annotations

import os

from tests.helpers import ROOT, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def findings(text: str, select=("PU",)):
    return [(f.rule, f.line, f.column, f.location.end_line, f.location.end_column, f.text,
             f.suggestion, f.fix.applicability if f.fix else None)
            for f in lint(text, list(select))]


def apply_fixes(text: str, select=("PU",), safety=("safe",)) -> str:
    edits = sorted((e for f in lint(text, list(select)) if f.fix and f.fix.applicability in safety
                    for e in f.fix.edits), key=lambda e: e.offset, reverse=True)
    for e in edits:
        text = text[:e.offset] + e.text + text[e.end_offset:]
    return text


def test_fair_release():
    assert findings(read("packs_untranslated_guangzhou_fair.txt")) == [
        ("PU01", 3, 162, 3, 163, "，", ", ", "safe"),
        ("PU01", 5, 31, 5, 32, "（", " (", "safe"),
        ("PU01", 5, 43, 5, 44, "）", ")", "safe"),
        ("PU01", 5, 44, 5, 45, "：", ": ", "safe"),
        ("PU02", 5, 88, 5, 89, "、", ", ", "safe"),
        ("PU02", 5, 114, 5, 115, "。", ". ", "safe"),
        ("PU01", 5, 147, 5, 148, "２", "2", "safe"),
        ("PU01", 5, 148, 5, 149, "０", "0", "safe"),
        ("PU03", 7, 22, 7, 41, "《Foreign Trade Law》", "Foreign Trade Law", "unsafe"),
        ("PU03", 7, 57, 7, 58, "～", "–", "unsafe"),
        ("PU02", 11, 1, 11, 3, "\u3000\u3000", "", "safe"),
    ]


def test_safe_fixes_give_clean_english():
    text = "Buyers came from 210 countries（and regions）：the Middle East、Africa。Orders hit ２０ billion.\n"
    assert apply_fixes(text) == (
        "Buyers came from 210 countries (and regions): the Middle East, Africa. Orders hit 20 billion.\n")


def test_every_fullwidth_form_maps_to_ascii():
    for cp in range(0xFF01, 0xFF5E):
        ch = chr(cp)
        [f] = lint(f"x {ch} y\n", ["PU01"])
        assert f.suggestion.strip() == chr(cp - 0xFEE0), ch


def test_curly_quotes_and_english_dashes_are_never_flagged():
    text = "She said “yes” and ‘no’ — twice… in 2023–24.\n"
    assert lint(text, ["PU"]) == []


def test_punctuation_inside_chinese_is_left_to_the_untranslated_rule():
    text = "The sign read 欢迎光临，谢谢！ at the gate.\n"
    assert findings(text) == []
    assert [f.text for f in lint(text, ["UT01"])] == ["欢迎光临，谢谢！"]


def test_braces_survive_the_template():
    [f] = lint("Use ｛x｝ here.\n", ["PU01"])[:1]
    assert f.suggestion == "{"
