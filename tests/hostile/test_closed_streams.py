"""Closed standard streams: a closed stdout or stdin is one line and exit status 2, never a
traceback; a reader that goes away early (`| head`) ends the run quietly, as before."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT
from tests.hostile.common import GOOD, TIMEOUT, write


def _shell(script: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", script, sys.executable, *args], cwd=ROOT,
                          capture_output=True, timeout=TIMEOUT)


def test_closed_stdout(tmp_path):
    path = write(tmp_path, "good.txt", GOOD)
    proc = _shell('"$0" -m qa check --isolated "$1" >&-', path)
    err = proc.stderr.decode("utf-8").splitlines()
    assert err == ["release-qa: error: standard output is closed: there is nowhere to write the report"]
    assert proc.returncode == 2


def test_closed_stdin():
    proc = _shell('"$0" -m qa check --isolated - <&-')
    err = proc.stderr.decode("utf-8").splitlines()
    assert err == ["release-qa: error: -: standard input is closed"], err
    assert proc.returncode == 2


def test_broken_pipe_stays_quiet(tmp_path):
    path = write(tmp_path, "many.txt", "Title\n\n" + "Sales rose\uff0c costs fell.\n" * 4000)
    proc = subprocess.Popen([sys.executable, "-m", "qa", "check", "--isolated", "--format", "json",
                             path], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()             # the reader goes away with most of the report unread
    err = proc.stderr.read()
    proc.wait(timeout=TIMEOUT)
    assert err == b"" and proc.returncode in (0, 1)
