"""Rule packs are untrusted input too: a pack that is not a regular file, too big, nested too
deeply, a pattern whose compiled program would explode, and a pattern that backtracks line after
line each end in one line naming the pack (and its line), within a bounded time."""
from __future__ import annotations

import os
import time

import pytest

from tests.hostile.common import GOOD, error_lines, run

PACK = """[[rule]]
code = "ZZ01"
name = "zz-slow"
kind = "existence"
category = "style"
severity = "warning"
message = "'{{match}}'"
patterns = [{regex}]
"""


def _pack(tmp_path, regex: str):
    path = tmp_path / "pack.toml"
    path.write_text(PACK.format(regex=regex), encoding="utf-8")
    return path


def _release(tmp_path, text=GOOD):
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pattern_whose_program_would_explode_is_refused_at_load(tmp_path):
    pack = _pack(tmp_path, "'(?:(?:a{300}){300}){300}'")
    t = time.monotonic()
    proc = run("--pack", str(pack), str(_release(tmp_path)))
    assert time.monotonic() - t < 30
    assert proc.returncode == 2
    [line] = error_lines(proc)
    assert f"{pack}:8:" in line and "nested counted repetitions" in line


def test_a_backtracking_pattern_is_stopped_per_document_not_per_line(tmp_path):
    # 60 lines, each making the pattern backtrack for about half a second: with a budget per
    # line the run would take 30 s; the budget is per pattern and document (2 s)
    pack = _pack(tmp_path, r"'(x|xx)+\d'")
    release = _release(tmp_path, "Title line\n\n" + ("x" * 27 + "\n") * 60)
    t = time.monotonic()
    proc = run("--pack", str(pack), str(release), timeout=120)
    took = time.monotonic() - t
    assert took < 15, took
    err = [x for x in error_lines(proc) if "ZZ01" in x]
    assert err and "ran over" in err[0] and f"{pack}:8" in err[0]


@pytest.mark.parametrize("kind", ["fifo", "device", "deep", "huge"])
def test_a_pack_that_cannot_be_read_safely_is_one_line(tmp_path, kind):
    if kind == "fifo":
        pack = tmp_path / "pack.toml"
        os.mkfifo(pack)
    elif kind == "device":
        pack = "/dev/zero"
    elif kind == "deep":
        pack = tmp_path / "pack.toml"
        pack.write_text("a = " + "[" * 100_000 + "]" * 100_000 + "\n")
    else:
        pack = tmp_path / "pack.toml"
        with open(pack, "wb") as fh:
            fh.truncate(17 * 1024 * 1024)
    proc = run("--pack", str(pack), str(_release(tmp_path)))
    assert proc.returncode == 2
    [line] = error_lines(proc)
    assert line.startswith("release-qa: error: ") and str(pack) in line
