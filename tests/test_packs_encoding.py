"""The encoding rules (EN01 mojibake, EN02 replacement characters): runs found, repaired, and
a safe fix only when the repair round-trips."""
from __future__ import annotations

import os

import pytest

from qa.checks.encoding.rules import repair
from tests.helpers import ROOT, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def read(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_fair_release():
    fs = lint(read("packs_untranslated_guangzhou_fair.txt"), ["EN"])
    assert [(f.rule, f.line, f.column, f.location.end_column, f.text, f.suggestion,
             f.fix.applicability if f.fix else None) for f in fs] == [
        ("EN01", 9, 18, 21, "â€™", "’", "safe"),
        ("EN01", 9, 81, 84, "â€œ", "“", "safe"),
        ("EN01", 9, 89, 92, "â€\x9d", "”", "safe"),
        ("EN01", 9, 121, 123, "Ã©", "é", "safe"),
        ("EN02", 9, 172, 173, "\ufffd", None, None),
    ]
    assert all(f.severity == "error" for f in fs)


def damage(text: str) -> str:
    """UTF-8 bytes read as Windows-1252, the five undefined bytes as Latin-1."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


@pytest.mark.parametrize("good", ["’", "“", "”", "é", "中国", "—", "©", "€", "😀", "Straße"])
def test_repair_undoes_one_and_two_rounds_of_damage(good):
    assert repair(damage(good)) == (good, True)
    assert repair(damage(damage(good))) == (good, True)


def test_mixed_readings_are_repaired_but_not_safe():
    assert repair("â\x80\x99â€™") == ("’’", False)


def test_latin1_reading_is_safe():
    assert repair("â\x80\x99") == ("’", True)
    assert found("it\x92s\n", ["EN01"]) == [("EN01", 1, 3, 1, 4, "\x92")]
    [f] = lint("it\x92s\n", ["EN01"])
    assert f.suggestion == "’"


def test_accented_european_text_is_not_mojibake():
    text = ("Ségolène Royal met José Martínez at the Café Müller in Zürich; « très bien », "
            "she said of the café’s “naïve” façade — São Paulo, Łódź, Ærø, Ísafjörður.\n")
    assert lint(text, ["EN"]) == []


def test_replacement_characters_run_is_one_finding():
    [f] = lint("Zhang Wei \ufffd\ufffd\ufffd spoke.\n", ["EN02"])
    assert (f.text, f.suggestion, f.fix) == ("\ufffd\ufffd\ufffd", None, None)


def test_invisible_characters_are_named_in_the_message():
    [f] = lint("The CEO said \u00e2\u20ac\x9dhello.\n", ["EN01"])
    assert f.message.startswith("'\u00e2\u20ac<U+009D>' is garbled text")
