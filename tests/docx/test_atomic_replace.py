"""qa.atomic_write.replace_checked: --fix's write rules for a Word document replaced in place."""
from __future__ import annotations

import os

import pytest

from qa import atomic_write as atomic
from qa.atomic_write import WriteRaced, WriteRefused, replace_checked


@pytest.fixture()
def target(tmp_path):
    path = tmp_path / "r.docx"
    path.write_bytes(b"old bytes")
    os.chmod(path, 0o640)
    return path


def _leftovers(folder) -> list[str]:
    return [n for n in os.listdir(folder) if n.startswith(".rqa-")]


def test_replaces_the_file_keeping_its_mode(target):
    replace_checked(target, b"old bytes", b"new bytes")
    assert target.read_bytes() == b"new bytes"
    assert os.stat(target).st_mode & 0o777 == 0o640 and not _leftovers(target.parent)


def test_a_file_that_is_not_what_was_read_is_left_alone(target):
    with pytest.raises(WriteRefused, match="changed on disk since it was read; not fixed"):
        replace_checked(target, b"other bytes", b"new bytes")
    assert target.read_bytes() == b"old bytes"


def test_read_only_and_hard_linked_files_are_left_alone(target, tmp_path):
    os.chmod(target, 0o444)
    with pytest.raises(WriteRefused, match=r"read-only \(mode 0444\)"):
        replace_checked(target, b"old bytes", b"new bytes")
    os.chmod(target, 0o644)
    os.link(target, tmp_path / "other.docx")
    with pytest.raises(WriteRefused, match="2 hard links"):
        replace_checked(target, b"old bytes", b"new bytes")
    assert target.read_bytes() == b"old bytes" and not _leftovers(tmp_path)


def test_a_write_just_before_the_rename_stops_it(target, monkeypatch):
    real_fsync = os.fsync
    done = []

    def fsync_then_write(fd):        # the temporary file is synced: another program writes now
        real_fsync(fd)
        if not done:
            done.append(1)
            with open(target, "ab") as fh:
                fh.write(b" and more")
    monkeypatch.setattr(atomic.os, "fsync", fsync_then_write)
    with pytest.raises(WriteRefused, match="changed on disk while it was being fixed"):
        replace_checked(target, b"old bytes", b"new bytes")
    assert target.read_bytes() == b"old bytes and more" and not _leftovers(target.parent)


def test_a_write_racing_the_rename_is_reported(target, monkeypatch):
    real_replace = os.replace

    def write_then_replace(src, dst):   # after the last check, before the rename
        with open(dst, "ab") as fh:
            fh.write(b"!")
        real_replace(src, dst)
    monkeypatch.setattr(atomic.os, "replace", write_then_replace)
    with pytest.raises(WriteRaced, match="another program wrote to it"):
        replace_checked(target, b"old bytes", b"new bytes")
    assert target.read_bytes() == b"new bytes"


def test_an_interrupt_leaves_no_temporary_file(target, monkeypatch):
    def interrupted(src, dst):
        raise KeyboardInterrupt
    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        replace_checked(target, b"old bytes", b"new bytes")
    assert target.read_bytes() == b"old bytes" and not _leftovers(target.parent)
