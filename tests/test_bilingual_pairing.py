"""Bilingual mode from the command line: which Chinese original a release is checked against
(beside it, `.en.` releases, `source-dir`, `--source`, XLIFF and TMX), that sources are never
linted as English, what happens when the source is missing, unreadable or in another
encoding, and without the zh extra. Findings come from the test-only rule ZZ91
(tests/test_bilingual_stub.py); positions are checked exactly on both sides."""
from __future__ import annotations

import json
import os
import sys

import pytest

from qa import cli
from qa.bilingual.pairing import Pairer, english_stem, split_source_name
from qa.settings import parse_config
from tests.test_bilingual_stub import stub_rules  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("stub_rules")

EN = "Acme Opens Its Plant\n\nAcme said it would invest 3842 billion yuan in the plant.\n"
ZH = "阿克米工厂开业\n\n阿克米表示，将向该工厂投资3842亿元。\n"
ZH_AT = ZH.index("3842亿")


def write(path, text: str, encoding: str = "utf-8") -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["check", "--isolated", "--select", "ZZ91,PU", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args: str) -> tuple[int, dict, str]:
    code, out, err = run(capsys, "--format", "json", *args)
    return code, json.loads(out), err


def exact(finding: dict, path: str, source_path: str, source_encoding: str = "utf-8") -> None:
    """Both spans are the text they claim, in the files as decoded."""
    with open(path, encoding="utf-8", newline="") as fh:
        en = fh.read()
    assert en[finding["offset"]:finding["end_offset"]] == finding["text"]
    src = finding["source"]
    assert os.path.normpath(src["path"]) == os.path.normpath(source_path)
    with open(source_path, encoding=source_encoding, newline="") as fh:
        zh = fh.read()
    assert zh[src["offset"]:src["end_offset"]] == src["text"]
    before = zh[:src["offset"]]
    assert src["line"] == before.count("\n") + 1
    assert src["column"] == len(before) - (before.rfind("\n") + 1) + 1


def only(report: dict, rule: str = "ZZ91") -> dict:
    found = [f for fr in report["files"] for f in fr["findings"] if f["rule"] == rule]
    assert len(found) == 1, found
    return found[0]


# --- names ------------------------------------------------------------------------------------

def test_names_of_sources_and_releases():
    assert split_source_name("a.zh.txt") == ("a", ".txt")
    assert split_source_name("launch.zh-CN.md") == ("launch", ".md")
    assert split_source_name("launch.ZH_Hans.html") == ("launch", ".html")
    assert split_source_name("zhang.txt") is None and split_source_name("a.zhx.txt") is None
    assert english_stem("launch.en.md") == ("launch", ".md")
    assert english_stem("launch.en-GB.txt") == ("launch", ".txt")
    assert english_stem("open.txt") == ("open", ".txt")


# --- beside the release -----------------------------------------------------------------------

def test_a_release_is_checked_against_name_zh_beside_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN)
    write("a.zh.txt", ZH)
    code, report, err = run_json(capsys, "a.txt")
    assert code == 1 and err == ""
    f = only(report)
    assert f["text"] == "3842 billion" and f["source"]["text"] == "3842亿"
    assert f["source"]["offset"] == ZH_AT
    exact(f, "a.txt", "a.zh.txt")


def test_a_release_named_en_pairs_with_a_source_of_another_format(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("news/launch.en.md", "# Acme Opens Its Plant\n\nAcme will invest 3842 billion yuan.\n")
    write("news/launch.zh.html", f"<html><body><h1>阿克米工厂开业</h1><p>{ZH.splitlines()[2]}</p></body></html>\n")
    code, report, _ = run_json(capsys, "news")
    f = only(report)
    exact(f, "news/launch.en.md", "news/launch.zh.html")
    assert report["summary"]["files"] == 1          # the source is not a release


def test_the_source_of_the_release_s_own_suffix_is_preferred(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.md", EN)
    write("a.zh.txt", "阿克米投资12亿元。\n")
    write("a.zh.md", ZH)
    _, report, _ = run_json(capsys, "a.md")
    assert only(report)["source"]["path"] == "a.zh.md"


def test_two_candidate_sources_are_an_error_and_the_english_is_still_checked(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN.replace("said", "said，"))
    write("a.zh.txt", ZH)
    write("a.zh-CN.txt", ZH)
    code, report, err = run_json(capsys, "a.txt")
    assert code == 2
    assert "several Chinese sources" in err and "a.zh-CN.txt" in err
    fr = report["files"][0]
    assert [f["rule"] for f in fr["findings"]] == ["PU01"]       # English rules ran
    assert not any("source" in f for f in fr["findings"])


# --- source-dir -------------------------------------------------------------------------------

def test_source_dir_mirrored_and_flat(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(".release-qa.toml", 'source-dir = "zh/"\n')
    write("en/2024/launch.md", EN)
    write("zh/2024/launch.md", ZH)                  # mirrored, the top folder dropped
    write("en/2024/other.txt", EN)
    write("zh/other.zh.txt", ZH)                    # flat, named NAME.zh.EXT
    code = cli.main(["check", "--select", "ZZ91", "--format", "json", "-v", "."])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 1
    assert [os.path.normpath(fr["path"]) for fr in report["files"]] == ["en/2024/launch.md", "en/2024/other.txt"]
    sources = [f["source"]["path"] for fr in report["files"] for f in fr["findings"]]
    assert sources == [os.path.join("zh", "2024", "launch.md"), os.path.join("zh", "other.zh.txt")]
    exact(report["files"][0]["findings"][0], "en/2024/launch.md", "zh/2024/launch.md")
    assert "zh/2024/launch.md: in the configured source-dir" in err


def test_a_release_beside_its_source_wins_over_source_dir(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(".release-qa.toml", 'source-dir = "zh"\n')
    write("a.txt", EN)
    write("a.zh.txt", ZH)
    write("zh/a.txt", "阿克米投资12亿元。\n")
    cli.main(["check", "--select", "ZZ91", "--format", "json", "a.txt"])
    assert only(json.loads(capsys.readouterr().out))["source"]["path"] == "a.zh.txt"


@pytest.mark.parametrize("value", [".", "..", ""])
def test_source_dir_may_not_hold_the_releases(tmp_path, value):
    path = tmp_path / ".release-qa.toml"
    path.write_text(f'source-dir = "{value}"\n', encoding="utf-8")
    with pytest.raises(Exception, match="source-dir"):
        parse_config(str(path))


def test_a_sibling_source_dir_is_fine(tmp_path):
    (tmp_path / "en").mkdir()
    path = tmp_path / "en" / ".release-qa.toml"
    path.write_text('source-dir = "../zh"\n', encoding="utf-8")
    assert parse_config(str(path)).source_dir == str(tmp_path / "zh")


# --- --source ---------------------------------------------------------------------------------

def test_source_option_pairs_one_release(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("release.txt", EN)
    write("originals/yuanwen.txt", ZH)
    code, report, _ = run_json(capsys, "--source", "originals/yuanwen.txt", "release.txt")
    assert code == 1
    exact(only(report), "release.txt", "originals/yuanwen.txt")


def test_source_option_with_two_releases_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN)
    write("b.txt", EN)
    write("yuanwen.txt", ZH)
    code, out, err = run(capsys, "--source", "yuanwen.txt", "a.txt", "b.txt")
    assert code == 2 and out == ""
    assert "--source yuanwen.txt names the source of one release, but 2 are being checked" in err


def test_a_missing_source_is_the_file_s_error_and_the_english_is_checked(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN.replace("said", "said，"))
    code, report, err = run_json(capsys, "--source", "nowhere.txt", "a.txt")
    assert code == 2
    fr = report["files"][0]
    assert fr["errors"] == ["source not read: --source nowhere.txt: no such file"]
    assert [f["rule"] for f in fr["findings"]] == ["PU01"]
    assert err.count("nowhere.txt") == 1


def test_stdin_pairs_by_its_name_or_by_source(tmp_path, monkeypatch, capsys):
    import io
    monkeypatch.chdir(tmp_path)
    write("a.zh.txt", ZH)
    for args in (["--stdin-filename", "a.txt", "-"], ["--source", "a.zh.txt", "-"]):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EN.encode())))
        _, report, _ = run_json(capsys, *args)
        assert only(report)["source"]["text"] == "3842亿"


# --- sources are never English ----------------------------------------------------------------

def test_a_source_is_never_linted_as_english(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN)
    write("a.zh.txt", ZH)
    write("b.zh-CN.md", ZH)
    code, out, err = run(capsys, "--select", "ALL", "--format", "concise", "-v", ".")
    reported = {os.path.normpath(line.split(":", 1)[0]) for line in out.splitlines()[:-1]
                if not line.startswith(" ")}
    assert "a.txt" in reported and not {"a.zh.txt", "b.zh-CN.md"} & reported
    assert "a.zh.txt: a Chinese source" in err and "b.zh-CN.md: a Chinese source" in err
    code, out, err = run(capsys, "a.zh.txt", "b.zh-CN.md")            # named: said once
    assert "Found 0 findings" not in out
    lines = [x for x in err.splitlines() if "Chinese source" in x]
    assert len(lines) == 1 and "2 Chinese sources named on the command line" in lines[0]


# --- bilingual files ----------------------------------------------------------------------------

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="zh-CN" target-language="en-US" datatype="plaintext" original="a.txt">
  <body>
   <trans-unit id="1"><source>阿克米工厂开业</source><target>Acme Opens Its Plant</target></trans-unit>
   <trans-unit id="2"><source>阿克米将投资3842亿元。</source><target>Acme will invest 3842 billion yuan.</target></trans-unit>
  </body>
 </file>
</xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" o-tmf="x"
 adminlang="en" creationtool="t" creationtoolversion="1"/>
<body>
<tu tuid="1"><tuv xml:lang="zh-CN"><seg>阿克米将投资3842亿元。</seg></tuv><tuv xml:lang="en-US"><seg>Acme will invest 3842 billion yuan.</seg></tuv></tu>
</body></tmx>
"""


@pytest.mark.parametrize("name,text", [("a.xlf", XLIFF), ("a.tmx", TMX)])
def test_xliff_and_tmx_are_read_as_aligned_pairs(tmp_path, monkeypatch, capsys, name, text):
    monkeypatch.chdir(tmp_path)
    write(name, text)
    code, report, _ = run_json(capsys, name)
    f = only(report)
    assert f["text"] == "3842 billion" and f["source"]["text"] == "3842亿"
    exact(f, name, name)            # both sides point into the bilingual file itself


def test_source_option_with_a_bilingual_file_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.xlf", XLIFF)
    write("yuanwen.txt", ZH)
    code, out, err = run(capsys, "--source", "yuanwen.txt", "a.xlf")
    assert code == 2 and out == "" and "a.xlf holds its own source" in err


def test_a_bilingual_file_s_pairs_reach_the_rules(tmp_path):
    from qa.bilingual.loading import load_paired
    from qa.source import read_source
    path = tmp_path / "a.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    paired = load_paired(read_source(str(path)), None, None)
    doc = paired.doc
    assert len(doc.pairs) == 2
    (es, ee), (zs, ze) = doc.pairs[1]
    assert doc.text[es:ee] == "Acme will invest 3842 billion yuan."
    assert doc.source_doc.text[zs:ze] == "阿克米将投资3842亿元。"


def test_a_broken_bilingual_file_is_that_file_s_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.xlf", XLIFF.replace("</body>", ""))
    write("b.txt", EN.replace("said", "said，"))
    code, report, err = run_json(capsys, "a.xlf", "b.txt")
    assert code == 2 and "a.xlf" in err
    assert report["files"][0]["errors"] and report["files"][1]["findings"]


# --- the zh extra -------------------------------------------------------------------------------

def test_without_the_zh_extra_one_line_says_how_and_english_rules_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "cn2an", None)
    for name in ("a", "b", "c"):
        write(f"{name}.txt", EN.replace("said", "said，"))
        write(f"{name}.zh.txt", ZH)
    code, report, err = run_json(capsys, ".")
    assert code == 1
    lines = [x for x in err.splitlines() if "release-qa[zh]" in x]
    assert len(lines) == 1 and "pip install 'release-qa[zh]'" in lines[0]
    assert [f["rule"] for fr in report["files"] for f in fr["findings"]] == ["PU01"] * 3


# --- encodings and unreadable sources -------------------------------------------------------------

@pytest.mark.parametrize("encoding,codec", [("gb18030", "gb18030"), ("utf-16", "utf-16"),
                                            ("big5", "big5"), ("utf-8-sig", "utf-8-sig")])
def test_sources_in_other_encodings(tmp_path, monkeypatch, capsys, encoding, codec):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN)
    zh = "阿克米工廠開業\n\n阿克米表示，將向該工廠投資3842億元。\n" if encoding == "big5" else ZH
    write("a.zh.txt", zh, encoding)
    code, report, err = run_json(capsys, "a.txt")
    assert err == ""
    f = only(report)
    assert f["source"]["offset"] == zh.index("3842")
    exact(f, "a.txt", "a.zh.txt", codec)


def test_an_undecodable_source_is_the_file_s_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN.replace("said", "said，"))
    with open("a.zh.txt", "wb") as fh:      # UTF-8 with a stray Latin-1 byte: not guessed
        fh.write(ZH.encode("utf-8") + "caf\u00e9\n".encode("latin-1"))
    code, report, err = run_json(capsys, "--encoding", "utf-8", "a.txt")
    assert code == 2
    (error,) = report["files"][0]["errors"]
    assert error.startswith("source a.zh.txt not read: ") and "save the source as UTF-8" in error
    assert "--encoding" not in error
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["PU01"]


def test_a_binary_source_is_the_file_s_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN)
    with open("a.zh.txt", "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, report, _ = run_json(capsys, "a.txt")
    assert code == 2 and "binary" in report["files"][0]["errors"][0]


# --- no source, nothing changes ---------------------------------------------------------------------

def test_without_a_source_nothing_is_attached(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN)
    write("b.zh.txt", ZH)                   # another release's source
    code, report, err = run_json(capsys, "a.txt")
    assert code == 0 and err == "" and report["files"][0]["findings"] == []
    assert Pairer().source_for("a.txt", None) is None


def test_pairing_looks_at_each_folder_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(50):
        write(f"r{i}.txt", EN)
        write(f"r{i}.zh.txt", ZH)
    listed = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda p=".": listed.append(p) or real(p))
    pairer = Pairer()
    assert all(pairer.source_for(f"r{i}.txt", None).path == f"r{i}.zh.txt" for i in range(50))
    assert listed == ["."]


def test_parallel_workers_pair_too(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for i in range(10):
        write(f"r{i:02}.txt", EN)
        write(f"r{i:02}.zh.txt", ZH)
    outputs = []
    for jobs in ("1", "2"):
        code, out, _ = run(capsys, "--format", "html", "--jobs", jobs, ".")
        outputs.append(out)
    assert outputs[0] == outputs[1] and outputs[0].count('class="pair"') == 10
