"""The findings snapshot (tests/snapshots/findings.txt) holds every finding over the seeds, the
test releases and the WMT dev documents: a refactoring leaves it unchanged, a deliberate
change to detection rewrites it with `python scripts/snapshot_findings.py --update`."""
from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT


def test_findings_match_the_snapshot():
    proc = subprocess.run([sys.executable, "scripts/snapshot_findings.py"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
