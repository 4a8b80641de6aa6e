"""--fix against a hostile file system and hostile packs: writes racing the fix, very long
names, an output file that is an input, read-only files (even for root), hard links, and a
substitution whose replacement contains what it replaces."""
from __future__ import annotations

import contextlib
import io
import os
import stat

import pytest

from qa import atomic_write, fixes
from tests.hostile.common import GOOD, error_lines, run, write

BEFORE = "Acme opens plant\n\nSales rose\uff0c costs fell.\n"
AFTER = "Acme opens plant\n\nSales rose, costs fell.\n"
OTHER = b"Written by another program.\n"


@pytest.fixture()
def release(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(BEFORE.encode())
    return path


def _rewrite(path) -> None:
    fixes.rewrite_file(str(path), BEFORE, AFTER, "utf-8", False)


def test_a_write_during_the_fsync_is_kept_and_the_fix_refused(release, monkeypatch):
    real = os.fsync

    def meddling_fsync(fd):
        real(fd)
        release.write_bytes(OTHER)              # lands after the first check, before the rename
    monkeypatch.setattr(atomic_write.os, "fsync", meddling_fsync)
    with pytest.raises(fixes.WriteRefused, match="changed on disk while it was being fixed"):
        _rewrite(release)
    assert release.read_bytes() == OTHER and os.listdir(release.parent) == ["r.txt"]


def test_a_write_racing_the_rename_is_reported(release, monkeypatch):
    writer = open(release, "r+b")               # another program holds the file open
    real = os.replace

    def racing_replace(src, dst):
        real(src, dst)
        writer.write(OTHER)                     # and writes just after the rename
        writer.flush()
    monkeypatch.setattr(atomic_write.os, "replace", racing_replace)
    try:
        with pytest.raises(fixes.WriteRefused, match="another program wrote to it while --fix"):
            _rewrite(release)
    finally:
        writer.close()
    assert release.read_bytes() == AFTER.encode()


def test_a_racing_write_is_an_error_naming_the_file(release, monkeypatch, capsys):
    from qa.cli import main
    writer = open(release, "r+b")
    real = os.replace

    def racing_replace(src, dst):
        real(src, dst)
        writer.write(OTHER)
        writer.flush()
    monkeypatch.setattr(atomic_write.os, "replace", racing_replace)
    try:
        code = main(["check", "--isolated", "--fix", "--select", "PU", str(release)])
    finally:
        writer.close()
    err = capsys.readouterr().err
    assert f"release-qa: error: {release}: another program wrote to it" in err and code == 2


def test_long_cjk_name_gets_a_short_temporary_file(tmp_path):
    path = write(tmp_path, "\u65b0\u95fb" * 38 + "\u7a3f.txt", BEFORE)      # 77 CJK: 231 bytes
    proc = run("--fix", "--select", "PU", path)
    assert proc.returncode == 0, proc.stderr
    assert open(path, "rb").read() == AFTER.encode() and len(os.listdir(tmp_path)) == 1


@pytest.mark.parametrize("alias", ["hard link", "symbolic link", "dot path"])
def test_output_may_not_overwrite_a_checked_file(tmp_path, alias):
    target = write(tmp_path, "r.txt", GOOD)
    other = os.path.join(str(tmp_path), "report.json")
    if alias == "hard link":
        os.link(target, other)
    elif alias == "symbolic link":
        os.symlink(target, other)
    else:
        other = os.path.join(str(tmp_path), ".", "r.txt")
    proc = run("-o", f"json={other}", target)
    err = error_lines(proc)
    assert len(err) == 1 and "one of the files being checked" in err[0], err
    assert open(target, "rb").read() == GOOD.encode() and proc.returncode == 2


def test_read_only_file_is_not_fixed_even_for_root(release, monkeypatch):
    os.chmod(release, 0o444)
    monkeypatch.setattr(atomic_write.os, "access", lambda *a, **k: True)     # what root is told
    with pytest.raises(fixes.WriteRefused, match=r"read-only \(mode 0444\)"):
        _rewrite(release)
    assert release.read_bytes() == BEFORE.encode()
    assert stat.S_IMODE(os.stat(release).st_mode) == 0o444


def test_hard_links_are_kept_by_refusing(release, capsys):
    from qa.cli import main
    twin = release.parent / "twin.txt"
    os.link(release, twin)
    with contextlib.redirect_stdout(io.StringIO()):
        main(["check", "--isolated", "--fix", "--select", "PU", str(release)])
    assert "has 2 hard links" in capsys.readouterr().err
    assert release.read_bytes() == twin.read_bytes() == BEFORE.encode()
    assert os.stat(release).st_ino == os.stat(twin).st_ino


GROWING_PACK = '''
[pack]
name = "growing"
description = "A substitution whose replacement contains what it replaces."

[[rule]]
code = "ZG01"
name = "grow-acme"
kind = "substitution"
category = "style"
severity = "warning"
summary = "adds a suffix"
what = "Acme."
why = "A test."
instead = "Acme Ltd."
fix = "safe"
swap = [{wrong = "Acme", right = "Acme Acme"}]
'''


def test_a_fix_that_regrows_its_own_pattern_writes_nothing(tmp_path):
    pack = tmp_path / "growing.toml"
    pack.write_text(GROWING_PACK, encoding="utf-8")
    path = write(tmp_path, "r.txt", GOOD)
    proc = run("--pack", str(pack), "--select", "ZG01", "--fix", path)
    assert open(path, "rb").read() == GOOD.encode()
    assert "fixes kept making the text longer" in proc.stderr.decode()
