"""`--jobs`: absurd values are refused on one line; large ones are lowered to a few
processes per core and never more than one per file."""
from __future__ import annotations

import contextlib
import io
import os

import pytest

from tests.hostile.common import GOOD, error_lines, run, write


@pytest.fixture()
def eight(tmp_path):
    for i in range(8):                  # enough files for the runner to use processes
        write(tmp_path, f"r{i}.txt", GOOD)
    return tmp_path


@pytest.mark.parametrize("value", [str(10 ** 30), "1000001", "-1"])
def test_absurd_jobs_are_refused(eight, value):
    proc = run("--jobs", value, str(eight), timeout=20)
    err = error_lines(proc)
    assert len(err) == 1 and "--jobs must be from 0 (all cores) to 1,000,000" in err[0], err
    assert proc.returncode == 2 and proc.stdout == b""


def test_many_jobs_are_lowered_to_cores_and_files(eight, monkeypatch):
    from qa._speed import parallel
    from qa.cli import main
    asked = []

    def in_process(check, targets, sizes, jobs, progress=None, offset=0):
        asked.append(jobs)
        return [check(t) for t in targets]
    monkeypatch.setattr(parallel, "check_in_shares", in_process)
    monkeypatch.setattr(parallel, "check_in_pool", lambda *a, **k: pytest.fail("pool used"))
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", "--isolated", "--jobs", "100000", str(eight)])
    assert code == 1
    assert asked and asked[0] <= min(8, 4 * (os.cpu_count() or 1))
