"""Bad input, each case as a user meets it: exit status 2 with one line naming the file and
the cause (or 0/1 when the input is valid), and the other files of the run still checked."""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.helpers import ROOT

GOOD = "Acme opens plant in Wuxi\n\nAcme Group opened a plant.\n\nComments are closed.\n"


def run(args, cwd=None, timeout=300):
    proc = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", *args],
                          cwd=cwd or ROOT, capture_output=True, text=True, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def one_error_line(err: str, path, cause: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("release-qa: error: ") and str(path) in lines[0] and cause in lines[0], err
    assert "Traceback" not in err


@pytest.fixture()
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n", b"\n" * 1000])
def test_empty_and_blank_files_are_valid(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    code, out, err = run(["--format", "json", str(p)])
    assert (code, err) == (0, "")
    assert json.loads(out)["files"][0]["findings"] == []


def test_binary_file_alongside_a_good_one(tmp_path, good):
    img = tmp_path / "photo.txt"
    img.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    code, out, err = run(["--select", "BP01", "--format", "json", str(img), str(good)])
    assert code == 2
    one_error_line(err, img, "binary file")
    files = json.loads(out)["files"]
    assert [len(f["findings"]) for f in files] == [0, 1]


def test_nul_bytes_in_text(tmp_path):
    p = tmp_path / "nul.txt"
    p.write_bytes(b"Acme opens plant\n\nShares rose.\x00 Comments are closed.\n")
    code, out, err = run(["--select", "BP01", "--format", "json", str(p)])
    assert code in (0, 1) and err == ""


def test_invalid_utf8_names_the_byte(tmp_path, good):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Shares rose \xc3\x28 and fell \xa0\xa1 again." * 3)
    code, out, err = run([str(bad), str(good)])
    assert code == 2
    one_error_line(err, bad, "not valid UTF-8 (byte 12)")


@pytest.mark.parametrize("encoding, bom, reported", [
    ("gb18030", b"", "gb18030"), ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"), ("utf-8", codecs.BOM_UTF8, "utf-8-sig")])
def test_chinese_and_unicode_encodings_read_correctly(tmp_path, encoding, bom, reported):
    text = "无锡新闻 opens\r\n\r\nThe expo opened，with guests.\r\n\r\nComments are closed.\r\n"
    p = tmp_path / "r.txt"
    p.write_bytes(bom + text.encode(encoding))
    code, out, err = run(["--select", "BP01,PU01", "--format", "json", str(p)])
    assert code == 1, err
    f = json.loads(out)["files"][0]
    assert f["encoding"] == reported         # decoding with it gives the text offsets count
    assert p.read_bytes().decode(reported) == text
    got = [(x["rule"], x["line"], x["column"], x["text"]) for x in f["findings"]]
    assert got == [("PU01", 3, 16, "，"), ("BP01", 5, 1, "Comments are closed.")]


def test_deeply_nested_and_malformed_html(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<div>" * 5000 + "<p>Comments are closed.</p>" + "<span><b><i>" * 2000
                 + "<p unclosed='x Comments <!-- never closed", encoding="utf-8")
    code, out, err = run(["--select", "BP01", "--format", "json", str(p)])
    assert code == 1 and err == ""
    assert [x["text"] for x in json.loads(out)["files"][0]["findings"]] == ["Comments are closed."]


def test_unreadable_file(tmp_path, good, monkeypatch):
    """A file the user may not read: checked in-process, since root reads anything."""
    from qa.runner import Overrides, Runner
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    real_open = open

    def guarded(path, *a, **k):
        if str(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", guarded)
    report = Runner(Overrides(select=("BP01",)), isolated=True).run([str(secret), str(good)])
    assert report.files[0].errors == ["permission denied"]
    assert len(report.files[1].active) == 1
    assert report.exit_code == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path, good):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    code, _, err = run([str(secret), str(good)])
    assert code == 2
    one_error_line(err, secret, "permission denied")


def test_catastrophic_regex_is_stopped_and_reported(tmp_path, good):
    pack = tmp_path / "slow.toml"
    pack.write_text(textwrap.dedent('''
        [[rule]]
        code = "SL01"
        name = "slow-rule"
        kind = "existence"
        category = "style"
        severity = "warning"
        patterns = ['(a|aa)+b']
    '''), encoding="utf-8")
    slow = tmp_path / "slow.txt"
    slow.write_text("Title here\n\n" + "a" * 60 + "\n\nComments are closed.\n", encoding="utf-8")
    code, out, err = run(["--pack", str(pack), "--select", "SL01,BP01", "--format", "json",
                          str(slow), str(good)], timeout=120)
    assert code == 2
    one_error_line(err, slow, "rule SL01 (slow-rule) stopped: the regex '(a|aa)+b'")
    files = json.loads(out)["files"]
    assert [[x["rule"] for x in f["findings"]] for f in files] == [["BP01"], ["BP01"]]


@pytest.mark.slow
def test_folder_of_ten_thousand_small_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"r{i:05d}.txt").write_text(f"Release {i}\n\nShares of firm {i} rose.\n", encoding="utf-8")
    (folder / "r05000.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(["--select", "BP01", "--format", "concise", str(folder)], timeout=900)
    assert code == 1 and err == ""
    assert out.splitlines()[0] == f"{folder / 'r05000.txt'}:5:1: BP01 [warning] " \
        "'Comments are closed.' is a blog's comment notice, not release copy: delete it"
    assert "in 10000 files" in out.splitlines()[-1]


@pytest.mark.slow
def test_two_megabyte_single_line(tmp_path):
    # one line, no paragraph breaks: every rule sees one 2 MB paragraph (time is linear in the
    # size, tests/test_scaling.py and tests/hostile/test_long_runs.py; 5 MB took half a minute
    # of this suite, 20 MB about 2 minutes, for no more insight)
    sentence = ("Acme Group, Haier Group and JD.com signed 20 deals worth 3,000 yuan in Wuxi, "
                "with the IoT industry growing; it is reported that exports rose 12 percent. ")
    p = tmp_path / "huge.txt"
    p.write_text(sentence * (2 * 1024 * 1024 // len(sentence)), encoding="utf-8")
    code, out, err = run(["--format", "json", "--jobs", "1", str(p)], timeout=600)
    assert code in (0, 1) and err == ""
    assert json.loads(out)["files"][0]["words"] > 300_000
