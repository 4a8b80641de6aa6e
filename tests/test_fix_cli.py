"""`release-qa check --fix / --unsafe-fixes / --diff` end to end: exact bytes before and after
for each encoding and line ending, exit codes, stdin, idempotence, files changed meanwhile.

The rules come from tests/fixtures/fixes_pack.toml (ZF01 full-width comma -> ', ' safe,
ZF02 double space -> one safe, ZF03 'carried out' -> 'held' unsafe).
"""
from __future__ import annotations

import codecs
import json
import os
import stat
import subprocess
import sys

import pytest

from qa import atomic_write, cli, fixes
from tests.helpers import ROOT

PACK = os.path.join(ROOT, "tests", "fixtures", "fixes_pack.toml")
BASE = ["check", "--isolated", "--pack", PACK, "--select", "ZF", "-j", "1"]

TEXT = "Sales rose， costs fell.\nThey carried out talks.\n"
FIXED = "Sales rose, costs fell.\nThey carried out talks.\n"
UNSAFE_FIXED = "Sales rose, costs fell.\nThey held talks.\n"


def run(capsys, *args):
    code = cli.main([*BASE, *args])
    out, err = capsys.readouterr()
    return code, out, err


def _bytes(text: str, encoding: str, bom: bytes = b"", newline: str = "\n") -> bytes:
    return bom + text.replace("\n", newline).encode(encoding)


CASES = {
    "utf-8": ("utf-8", b"", "\n"),
    "utf-8-bom": ("utf-8", codecs.BOM_UTF8, "\n"),
    "utf-16-le-bom": ("utf-16-le", codecs.BOM_UTF16_LE, "\n"),
    "gb18030": ("gb18030", b"", "\n"),
    "crlf": ("utf-8", b"", "\r\n"),
    "cr": ("utf-8", b"", "\r"),
}


@pytest.mark.parametrize("case", CASES)
def test_fix_rewrites_exact_bytes_in_the_files_encoding(tmp_path, capsys, case):
    encoding, bom, newline = CASES[case]
    path = tmp_path / "release.txt"
    path.write_bytes(_bytes(TEXT, encoding, bom, newline))
    code, out, err = run(capsys, "--fix", "--format", "json", str(path))
    assert path.read_bytes() == _bytes(FIXED, encoding, bom, newline)
    remaining = [(f["rule"], f["line"], f["column"], f["text"])
                 for f in json.loads(out)["files"][0]["findings"]]
    assert remaining == [("ZF03", 2, 6, "carried out")]
    assert code == 1
    assert "fixed 2 findings in 1 file, 1 remaining" in err


@pytest.mark.parametrize("case", ["gb18030", "crlf", "utf-16-le-bom"])
def test_unsafe_fixes_apply_the_rest(tmp_path, capsys, case):
    encoding, bom, newline = CASES[case]
    path = tmp_path / "release.txt"
    path.write_bytes(_bytes(TEXT, encoding, bom, newline))
    code, out, err = run(capsys, "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes() == _bytes(UNSAFE_FIXED, encoding, bom, newline)
    assert code == 0 and "All checks passed" in out


def test_fixing_twice_equals_fixing_once(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_bytes(TEXT.encode())
    run(capsys, "--fix", str(path))
    once = path.read_bytes()
    code, out, err = run(capsys, "--fix", str(path))
    assert path.read_bytes() == once == FIXED.encode()
    assert code == 1 and "fixed" not in err


def test_fix_keeps_the_file_mode(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_bytes(TEXT.encode())
    os.chmod(path, 0o604)
    run(capsys, "--fix", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o604
    assert sorted(os.listdir(tmp_path)) == ["release.txt"]


def test_fix_touches_only_files_with_fixes(tmp_path, capsys):
    bad, clean = tmp_path / "a.txt", tmp_path / "b.txt"
    bad.write_bytes(TEXT.encode())
    clean.write_bytes(b"Costs fell.\n")
    before = os.stat(clean).st_mtime_ns
    code, out, err = run(capsys, "--fix", str(tmp_path))
    assert bad.read_bytes() == FIXED.encode() and clean.read_bytes() == b"Costs fell.\n"
    assert os.stat(clean).st_mtime_ns == before
    assert "fixed 2 findings in 1 file, 1 remaining" in err


def test_diff_shows_the_change_writes_nothing_and_exits_1(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_bytes(TEXT.encode())
    code, out, err = run(capsys, "--diff", str(path))
    assert code == 1
    assert out == (f"--- {path}\n+++ {path}\n@@ -1,2 +1,2 @@\n-Sales rose， costs fell.\n"
                   "+Sales rose, costs fell.\n They carried out talks.\n")
    assert path.read_bytes() == TEXT.encode()
    assert "would fix 2 findings in 1 file" in err


def test_diff_with_unsafe_fixes_and_exit_zero(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_bytes(TEXT.encode())
    code, out, err = run(capsys, "--diff", "--unsafe-fixes", "--exit-zero", str(path))
    assert code == 0
    assert out.endswith("@@ -1,2 +1,2 @@\n-Sales rose， costs fell.\n-They carried out talks.\n"
                        "+Sales rose, costs fell.\n+They held talks.\n")


def test_diff_of_a_clean_file_is_empty_and_exits_0(tmp_path, capsys):
    path = tmp_path / "release.txt"
    path.write_bytes(FIXED.encode())
    assert run(capsys, "--diff", str(path))[:2] == (0, "")


def test_file_changed_while_fixing_is_left_alone_with_a_warning(tmp_path, capsys, monkeypatch):
    path = tmp_path / "release.txt"
    path.write_bytes(TEXT.encode())
    real = fixes.fix_until_stable

    def meddle(*args, **kwargs):
        path.write_bytes(TEXT.encode() + b"Edited meanwhile.\n")
        return real(*args, **kwargs)
    monkeypatch.setattr(fixes, "fix_until_stable", meddle)
    code, out, err = run(capsys, "--fix", "--format", "json", str(path))
    assert path.read_bytes() == TEXT.encode() + b"Edited meanwhile.\n"
    assert f"warning: {path}: changed on disk since it was read" in err
    rules = [f["rule"] for f in json.loads(out)["files"][0]["findings"]]
    assert rules == ["ZF01", "ZF03"] and code == 1


def test_failed_write_reports_the_file_as_it_is(tmp_path, capsys, monkeypatch):
    path = tmp_path / "release.txt"
    path.write_bytes(TEXT.encode())

    def fail(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic_write.os, "replace", fail)
    code, out, err = run(capsys, "--fix", "--format", "json", str(path))
    assert path.read_bytes() == TEXT.encode() and os.listdir(tmp_path) == ["release.txt"]
    assert "No space left on device; the file is unchanged" in err
    assert code == 1


@pytest.mark.parametrize("args, message", [
    (["--unsafe-fixes"], "--unsafe-fixes needs --fix or --diff"),
    (["--update-baseline"], "--update-baseline needs --baseline FILE"),
])
def test_option_misuse_is_a_usage_error(tmp_path, capsys, args, message):
    path = tmp_path / "release.txt"
    path.write_bytes(TEXT.encode())
    code, out, err = run(capsys, *args, str(path))
    assert code == 2 and message in err
    assert path.read_bytes() == TEXT.encode()


def _stdin(data: bytes, *args):
    cmd = [sys.executable, "-m", "qa", *BASE, *args, "-"]
    return subprocess.run(cmd, input=data, capture_output=True, cwd=ROOT, timeout=60)


def test_fix_on_stdin_prints_the_fixed_text_in_its_encoding():
    data = _bytes(TEXT, "gb18030", newline="\r\n")
    proc = _stdin(data, "--fix", "--stdin-filename", "release.txt", "--no-source")
    assert proc.stdout == _bytes(FIXED, "gb18030", newline="\r\n")
    assert b"release.txt:2:6: ZF03" in proc.stderr
    assert proc.returncode == 1


def test_fix_on_stdin_with_nothing_to_fix_echoes_the_input():
    proc = _stdin(codecs.BOM_UTF8 + b"Costs fell.\n", "--fix")
    assert proc.stdout == codecs.BOM_UTF8 + b"Costs fell.\n"
    assert proc.returncode == 0


def test_diff_on_stdin():
    proc = _stdin(TEXT.encode(), "--diff", "--stdin-filename", "in.txt")
    assert proc.stdout.decode().startswith("--- in.txt\n+++ in.txt\n@@ -1,2 +1,2 @@\n")
    assert proc.returncode == 1


def test_fix_in_html_changes_only_verbatim_text(tmp_path, capsys):
    path = tmp_path / "release.html"
    path.write_text("<html><head><title>Sales rose，again</title></head><body>\n"
                    "<p>Sales rose，costs fell &#65292;again.</p>\n</body></html>\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "--fix", "--format", "json", str(path))
    assert path.read_text(encoding="utf-8") == (
        "<html><head><title>Sales rose, again</title></head><body>\n"
        "<p>Sales rose, costs fell &#65292;again.</p>\n</body></html>\n")
    remaining = [(f["line"], f["column"], f["text"])
                 for f in json.loads(out)["files"][0]["findings"]]
    assert remaining == [(2, 27, "&#65292;")] and code == 1
