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


# ---- shapes with a byte lost, and UTF-8 read as GBK ------------------------------------------
def gbk_damage(text: str) -> str:
    """UTF-8 bytes read as GBK, as a Chinese Windows program shows them (bad pairs as U+FFFD)."""
    return text.encode("utf-8").decode("gbk", errors="replace")


def test_closing_quote_whose_last_byte_was_dropped():
    # Windows-1252 has no character for 0x9D, the last byte of ”: a decoder that drops it
    # leaves 'â€' before a comma, a space or a full stop
    for after in (",", " ", ".", "\n"):
        fs = lint(f"He called it â€œfreeâ€{after} and left.\n", ["EN01"])
        assert [(f.text, f.suggestion) for f in fs] == [("â€œ", "“"), ("â€", "”")], after
        assert fs[1].fix.applicability == "unsafe"


def test_collapsed_no_break_space():
    [f] = lint("The hall covers 56,000Â square meters.\n", ["EN01"])
    assert (f.text, f.suggestion) == ("Â", None)
    assert lint("ROMÂNIA and CÂMPINA are names in capitals.\n", ["EN01"]) == []


def test_utf8_read_as_gbk_is_repaired_exactly_where_it_can_be():
    text = gbk_damage("The expo’s hall opened. “We are ready,” she said.") + "\n"
    fs = lint(text, ["EN"])
    assert [(f.rule, f.text, f.suggestion) for f in fs] == [
        ("EN01", "鈥檚", "’s"), ("EN01", "鈥淲", "“W"), ("EN01", "鈥\ufffd", None)]
    assert [f.fix.applicability for f in fs[:2]] == ["safe", "safe"]


def test_gbk_replacement_characters_are_lost_text():
    [f] = lint("The 锟斤拷 pavilion reopens.\n", ["EN02"])
    assert f.text == "锟斤拷" and "2 characters" in f.message


def test_real_chinese_is_not_gbk_mojibake():
    assert lint("The fair (广交会) opened in 广州。\n", ["EN01", "EN02", "EN03"]) == []


# ---- EN03: '?' for a lost character --------------------------------------------------------
@pytest.mark.parametrize("text, flagged, suggestion", [
    ("Shenzhen?s economy grew.", "Shenzhen?s", "Shenzhen's"),
    ("The firm’s plan and Ningbo?s port.", "Ningbo?s", "Ningbo’s"),     # the release's apostrophe
    ("They don?t agree.", "don?t", "don't"),
    ("In the 2022 ? 2023 season.", "?", None),
    ("In 2022?2023.", "?", None),
    ("Mao Xiaoyun?said so.", "?", None),
    ("Zhang?Wei spoke.", "?", None),
    ("The Pok?mon deal.", "?", None),
    ("They visited the ? project.", "?", None),
    ("The ?? group signed.", "??", None),
    ("Zhang San (??) spoke.", "??", None),
    ("The Guiyang ? Gui'an line opened.", "?", None),           # a lost dash between two names
    ("Delegates from Shanghai ? Hangzhou came.", "?", None),
])
def test_lost_characters(text, flagged, suggestion):
    [f] = lint(text + "\n", ["EN03"])
    assert (f.text, f.suggestion) == (flagged, suggestion)


@pytest.mark.parametrize("text", [
    "Why? Because demand rose.", "Why?Because.", "What is next? The firm will grow.", "(How?)",
    "Is it 5?", "Revenue in 2023? 2023 revenue was 5 billion yuan.", "See www.example.com/a?id=3&b=2.",
    "Ask: \"Ready?\"", "Really?? Yes.", "Q: How long? A: 30 hours.", "公司? 是的",
    "Sales rose in Beijing ? The firm grew.", "Is it Tom ? Jerry asked.", "Was it Tom ? Yes.",
])
def test_question_marks_are_left_alone(text):
    assert lint(text + "\n", ["EN03"]) == []


# ---- EN04: wire copy broken at every full stop ---------------------------------------------
def paragraphs(*sentences: str) -> str:
    return "".join(s + "\n\n" for s in sentences)


BROKEN = paragraphs(
    "West China Hospital Completes 1,000th Robotic Liver Surgery",
    "CHENGDU, May 20, 2024 -- The hospital has completed its 1,000th robot-assisted liver operation.",
    "The operation removed a tumour from a 61-year-old patient.",
    "It took three hours and the patient lost little blood.",
    "The hospital began robotic liver surgery in 2016.",
    "Its team now performs about 200 such operations a year.",
    "\"Robots let us work where the hand cannot reach,\" said Professor Yan Lunan.",
    "\"Patients leave hospital three days earlier.\"",
    "He said the team will train surgeons from 20 hospitals.",
    "The hospital has also opened a transplant ward with 40 beds.",
    "Patients from Tibet and Qinghai make up a tenth of its liver patients.")


def test_broken_wire_copy_is_one_finding_on_the_second_paragraph():
    [f] = lint(BROKEN, ["EN04"])
    assert (f.severity, f.text, f.line) == ("info", "The operation removed a tumour from a 61-year-old patient.", 5)
    assert "10 one-sentence paragraphs in a row (lines 3-21)" in f.message


def test_wire_copy_whose_paragraphs_stand_alone_is_not_flagged():
    # the same layout, but no paragraph points back to the one before it
    standalone = paragraphs("Guangzhou Metro Opens Line 18 Extension", *(
        f"The line carried {n} thousand passengers on day {n}." for n in range(1, 12)))
    assert lint(standalone, ["EN04"]) == []
    assert lint(paragraphs(*BROKEN.split("\n\n")[:8]), ["EN04"]) == []      # too short a body


def test_lost_character_scan_is_linear():
    import time
    text = ("Zhang?Wei a?b 2022 ? 2023 " * 5_000) + "\n"
    start = time.process_time()
    assert len(lint(text, ["EN03"])) == 15_000
    assert time.process_time() - start < 5


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_runs_before_a_comma_or_a_no_break_space_are_found(fmt):
    # the full three- and two-byte runs are found whatever follows them; what was missed was the
    # run whose last byte had been dropped ('â€' before a space: see above)
    text = "The firmâ€™, he said, and JosÃ©\u00a0Li agreed.\n"
    assert [(f.text, f.suggestion) for f in lint(text, ["EN01"], fmt)] == [("â€™", "’"), ("Ã©", "é")]
