"""Language rules (LG01, LG02): exact findings, the cheap pre-test, and langdetect staying
unimported on clean English."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from qa.checks.language.langid import looks_english, profile, script_language
from tests.helpers import ROOT, found, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")


def release(name: str) -> str:
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        return fh.read()


def test_mixed_release_exact_findings():
    text = release("language_mixed.txt")
    german = ("Die neue Anlage soll im nächsten Jahr mehr als zweitausend Tonnen Batterien "
              "herstellen und schafft dreihundert Arbeitsplätze in der Region.")
    assert found(text, ["LG"]) == [
        ("LG01", 5, 1, 5, 1 + len(german), german),
        ("LG02", 9, 40, 9, 45, "Сhina"),
    ]
    assert "German" in lint(text, ["LG01"])[0].message


def test_chinese_paragraph_is_left_to_ut01():
    chinese = "宁波市副市长在开幕式上表示，该项目将推动本地新能源产业链发展。"
    text = release("language_mixed.txt")
    assert [(f.rule, f.text) for f in lint(text, ["LG01", "UT01"])
            if f.line == 7] == [("UT01", chinese)]


def test_japanese_and_korean_paragraphs():
    text = ("Greenfield Energy opened its plant.\n\n"
            "新しい工場は来年から電池の生産を開始し、地域に三百人の雇用を生み出す予定です。\n\n"
            "새 공장은 내년부터 배터리를 생산하며 지역에 삼백 개의 일자리를 만들 예정입니다.")
    assert [(f.line, f.message.split(" (")[0]) for f in lint(text, ["LG01"])] == [
        (3, "This paragraph is in Japanese"), (5, "This paragraph is in Korean")]


def test_pinyin_paragraph():
    text = ("Greenfield Energy opened its plant.\n\n"
            "zhongguo xinxi tongxin yanjiuyuan jintian zai beijing fabu le niandu baogao")
    [f] = lint(text, ["LG01"])
    assert f.line == 3 and "pinyin" in f.message


def test_pinyin_with_tone_marks_and_a_vietnamese_paragraph():
    text = ("Greenfield Energy opened its lab.\n\n"
            "Zhè xiàng chéngguǒ wèi wǒguó kōngjiān zhàn de zài guǐ wéihù tígōngle xīn de jìshù "
            "zhīchí, jùyǒu zhòngyào de yìngyòng qiánjǐng.\n\n"
            "Việt Nam là một quốc gia nằm ở cực Đông của bán đảo Đông Dương, giáp với Lào và "
            "Campuchia.\n")
    got = [(f.line, f.message.split(" (")[0]) for f in lint(text, ["LG01"])]
    assert got == [(3, "This paragraph is in romanised Chinese"),
                   (5, "This paragraph is in Vietnamese")]


def test_accented_english_with_few_plain_words_still_passes():
    text = ("Nestlé opens café in Zürich\n\nThe café of Nestlé in Zürich opened on Monday with "
            "crème brûlée for José Müller and Frédéric Gaël.\n")
    assert found(text, ["LG01"]) == []


@pytest.mark.parametrize("text", [
    "Kurz gesagt: nein danke.",                       # under 40 characters: not judged
    "Law unions again rally against government pension reform bill",   # a headline
    "Wang Zhijun, Hu Guangjie, Wu Hequan, Du Xiaogang, Zhou Jiong, Zhang Lei, Lu Runqing",
    "Company Name: Global Times\nCity: Wuxi\nCountry: China\nE-mail: press@example.com",
    "The exhibition drew 120,000 visitors, and 48 companies signed contracts worth 3.1 "
    "billion yuan, the organizers said on Sunday.",
    "Ningbo (宁波) is one of the busiest ports in the world, and its container volume keeps rising.",
])
def test_english_and_unjudged_paragraphs_pass(text):
    assert found(text, ["LG01"]) == []


def test_cheap_test_on_profiles():
    english = "The plant will supply battery packs to base stations and to electric bus makers."
    assert looks_english(profile(english), len(english), 0.15, 5)
    french = ("La nouvelle usine produira plus de deux mille tonnes de batteries par an à partir "
              "de l'année prochaine, selon la direction.")
    assert not looks_english(profile(french), len(french), 0.15, 5)
    assert script_language("東京でのイベントは来月開催されます。") == "ja"
    assert script_language("서울에서 열린 행사에 참석했다") == "ko"
    assert script_language("该项目将推动产业链发展") == "zh"


def test_clean_release_never_imports_langdetect():
    code = ("import sys; from tests.helpers import found\n"
            "for path in ('seeds/000_f1d4fa1267fc45f6.txt',\n"
            "             'tests/fixtures/releases/people_clean.txt'):\n"
            "    found(open(path, encoding='utf-8').read(), ['LG'])\n"
            "print('langdetect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_langdetect_is_deterministic():
    text = ("Le gouvernement provincial a annoncé hier un nouveau plan pour soutenir les petites "
            "entreprises exportatrices de la région.")
    first = [f.message for f in lint(text, ["LG01"])]
    assert first and all([f.message for f in lint(text, ["LG01"])] == first for _ in range(3))


# ---- LG02 ----------------------------------------------------------------------------------
def test_mixed_script_fix_is_safe_latin():
    text = "Visitors from \u041dong K\u043eng arrived."     # Cyrillic En, Cyrillic o
    got = [(f.text, f.fix.edits[0].text, f.fix.applicability) for f in lint(text, ["LG02"])]
    assert got == [("\u041dong", "Hong", "safe"), ("K\u043eng", "Kong", "safe")]


@pytest.mark.parametrize("text", [
    "Levels of TGFβ and IL-6 fell; particles of 2.5 μm were filtered.",
    "The α-synuclein study and the Ω-3 supplement trial continue.",
    "Москва and Αθήνα are written in their own scripts here.",
])
def test_mixed_script_passes_real_greek_and_whole_words(text):
    assert found(text, ["LG02"]) == []
