"""Signals: SIGTERM to a run with --jobs stops its forked workers with it, a parent killed
outright (SIGKILL) takes its workers along (Linux: PR_SET_PDEATHSIG), and SIGTERM during
--fix's write leaves neither a temporary file nor a changed original."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.helpers import ROOT, SEED
from tests.hostile.common import TIMEOUT, command

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"     # a zombie is dead
    except OSError:
        return False


def _wait_until(condition, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.fixture(scope="module")
def busy(tmp_path_factory):
    """Eight releases of about 600 KB: minutes of work for two processes."""
    folder = tmp_path_factory.mktemp("busy")
    text = open(SEED, encoding="utf-8").read()
    for i in range(8):
        (folder / f"r{i}.txt").write_text(text * (600_000 // len(text)), encoding="utf-8")
    return folder


def _start_with_workers(folder):
    proc = subprocess.Popen(command("--jobs", "2", str(folder)), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    if not _wait_until(lambda: _children(proc.pid), 30):
        proc.kill()
        pytest.fail("no worker was forked")
    return proc, _children(proc.pid)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_workers_die_with_their_parent(busy, how):
    proc, workers = _start_with_workers(busy)
    try:
        proc.send_signal(how)
        proc.wait(timeout=TIMEOUT)
        assert _wait_until(lambda: not any(_alive(w) for w in workers), 3), "orphaned workers run on"
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if how == signal.SIGTERM:
        assert (proc.returncode, err) == (143, "release-qa: error: terminated\n")


_SLOW_FSYNC = r"""
import os, sys, time
def slow(fd):
    open(sys.argv[2], "w").close()          # the fixed text is being written: signal the test
    time.sleep(60)
os.fsync = slow
from qa.cli import main
sys.exit(main(["check", "--isolated", "--fix", sys.argv[1]]))
"""


def test_sigterm_during_the_fix_write_leaves_no_temporary_file(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    original = "Acme opens plant\n\nSales rose\uff0c costs fell.\n".encode()
    path = folder / "r.txt"
    path.write_bytes(original)
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_FSYNC, str(path), str(ready)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert _wait_until(ready.exists, 30), "the fix never started writing"
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert os.listdir(folder) == ["r.txt"], os.listdir(folder)
    assert path.read_bytes() == original
    assert proc.returncode == 143 and err.endswith("release-qa: error: terminated\n"), err


def test_a_worker_hit_before_it_resets_its_handler_leaves_quietly():
    """SIGTERM can reach a worker forked a moment ago, while it still has the parent's
    handler (CI once saw it land in the interpreter's after-fork hook and print a traceback):
    such a worker exits 143 without a word; the parent alone reports."""
    code = ("import os, signal\n"
            "from qa.cli_output import TerminateOnSigterm\n"
            "with TerminateOnSigterm():\n"
            "    pid = os.fork()\n"
            "    if pid == 0:\n"
            "        os.kill(os.getpid(), signal.SIGTERM)\n"
            "        os._exit(0)\n"
            "    _, status = os.waitpid(pid, 0)\n"
            "    print(os.waitstatus_to_exitcode(status))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=TIMEOUT, cwd=ROOT)
    assert (out.stdout, out.stderr) == ("143\n", "")
