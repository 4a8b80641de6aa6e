"""The fast paths of the language, garbled and person-name rules (qa.text.chars,
_garbled_scan): which text counts as plain, the stdlib translation of a `regex` pattern,
and the fast counts agreeing with the `regex` ones on plain text."""
from __future__ import annotations

import pytest

from qa.checks.garbled.scan import char_classes, find_all, word_windows
from qa.checks.language.langid import plain_counts, unicode_counts
from qa.document import document_from_text
from qa.text.chars import DualRegex, is_neutral, is_plain, plain_source

PLAIN_TEXTS = [
    "The plant will supply battery packs to base stations from next year.",
    "“Don’t wait,” he said – the well-known firm’s 2nd plant (Ningbo) opens in May; "
    "sales: 3.5%.",
    "Wang’s team, O'Neil's lab and the A-share market \u00b7 ¥5 \u2026 don't-stop 1990s.",
    "x\x1cy and z\x1fw end-of-line\r\nnext, line\twith tab",
]


@pytest.mark.parametrize("ch, neutral", [
    ("“", True), ("’", True), ("–", True), ("·", True), ("¥", True), ("，", True),
    ("é", False), ("中", False), ("²", False), ("\u00a0", False), ("\u3000", False),
    ("\u0301", False), ("о", False), ("Ⅷ", False), ("⺀", False),   # a Han radical (So)
])
def test_neutral_characters(ch, neutral):
    assert is_neutral(ch) is neutral


def test_plain_text():
    assert all(is_plain(t) for t in PLAIN_TEXTS)
    assert not is_plain("Pham Minh Trần spoke.")
    assert not is_plain("Ningbo (宁波) grew.")


def test_plain_source_translates_unicode_classes():
    assert plain_source(r"(?<![\p{L}\p{N}'’-])[a-z]+\s+\d\w") == (
        r"(?<![A-Za-z0-9'’-])[a-z]+[ \t\n\r\f\v]+[0-9][A-Za-z0-9_]")
    assert plain_source(r"[^\s<>\"]+\\p") == r"[^ \t\n\r\f\v<>\"]+\\p"
    for refused in (r"\p{Han}", r"\S", r"[\W]", r"\D"):
        with pytest.raises(ValueError):
            plain_source(refused)


@pytest.mark.parametrize("source", [
    r"(?<![\p{L}\p{N}'’-])[a-z]+(?:['’][a-z]+)?(?![\p{L}\p{N}-])",
    r"(?<![\p{L}\p{N}'’.-])([A-Z][a-z]+) ([a-z]{4,})(?![\p{L}\p{N}'’-])",
    r"\s+(?:and|as well as|&)\s+(?=(?:(?:Mr|Ms)\.?\s+)?[A-Z])",
    r"\b\w+\b",
])
def test_both_engines_agree_on_plain_text(source):
    pattern = DualRegex(source)
    for text in PLAIN_TEXTS + ["Wang Zhijun and Ms. Li met Lu youqin, CEO."]:
        full = [m.span() for m in pattern.full().finditer(text)]
        assert [m.span() for m in pattern.plain().finditer(text)] == full


def test_fast_counts_equal_unicode_counts_on_plain_text():
    for text in PLAIN_TEXTS:
        assert plain_counts(text) == unicode_counts(text)


def test_char_classes_and_word_windows():
    text = "Made in China2025, by Mr.Li\tand Café.\nOn Dec.22 ok"
    classes = char_classes(document_from_text(text))
    assert classes == b"Aaaa aa Aaaaa0000, aa Aa.Aa aaa Aaax. Aa Aaa.00 aa"
    offsets = find_all(classes, (b"a0", b"a.A", b"a.0", b"x."))
    assert [text[s:e] for s, e in word_windows(classes, offsets)] == [
        "China2025,", "Mr.Li", "Café.", "Dec.22"]
