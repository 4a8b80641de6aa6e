"""Helpers of the hostile-input suite: run the real command line in a subprocess, bounded in
time, with arguments that may be bytes (file names that are not UTF-8)."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import ROOT

TIMEOUT = 60            # seconds for one run; a hang is a failure, not a stuck suite

GOOD = "Acme opens plant in Wuxi\n\nAcme Group opened a plant.\n\nComments are closed.\n"


def command(*args) -> list:
    return [sys.executable, "-m", "qa", "check", "--isolated", *args]


def run(*args, cwd=None, timeout: float = TIMEOUT, stdin=subprocess.DEVNULL, env=None,
        isolated: bool = True) -> subprocess.CompletedProcess:
    """The CLI on `args` (str or bytes); stdout and stderr as bytes."""
    cmd = command(*args) if isolated else [sys.executable, "-m", "qa", "check", *args]
    return subprocess.run(cmd, cwd=cwd or ROOT, capture_output=True, timeout=timeout,
                          stdin=stdin, env=env)


def lines(data: bytes) -> list[str]:
    """Output as strict UTF-8 (invalid UTF-8 fails the test), split on LF only."""
    return data.decode("utf-8").split("\n")


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [x for x in lines(proc.stderr) if x]


def fsname(folder, name: str | bytes) -> bytes:
    """The bytes path of `name` in `folder`."""
    raw = name if isinstance(name, bytes) else os.fsencode(name)
    return os.path.join(os.fsencode(str(folder)), raw)


def write(folder, name: str | bytes, text: str | bytes) -> bytes:
    path = fsname(folder, name)
    with open(path, "wb") as fh:
        fh.write(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path
