"""scripts/new_rule.py: a scaffolded rule loads, and the case-file test finds its case file."""
from __future__ import annotations

import shutil
import subprocess
import sys

from tests.helpers import ROOT


def test_scaffolded_rules_load(tmp_path):
    for part in ("qa", "scripts", "tests"):
        shutil.copytree(f"{ROOT}/{part}", tmp_path / part,
                        ignore=shutil.ignore_patterns("__pycache__", "fixtures", "snapshots"))
    run = lambda *a: subprocess.run([sys.executable, *a], cwd=tmp_path, capture_output=True,  # noqa: E731
                                    text=True, timeout=120)
    for args in (("code", "GB98", "split-range", "--family", "garbled"),
                 ("pack", "TR98", "wordy-opener", "--pack", "translationese")):
        proc = run("scripts/new_rule.py", *args)
        assert proc.returncode == 0, proc.stderr
    probe = ("from qa.ruleset import build_ruleset; rs = build_ruleset(); "
             "print(rs.get('GB98').meta.category, rs.get('TR98').meta.category)")
    proc = run("-c", probe)
    assert proc.stdout.split() == ["garbled", "translationese"], proc.stderr
    assert (tmp_path / "tests" / "cases" / "GB98.toml").exists()
    again = run("scripts/new_rule.py", "code", "GB98", "split-range", "--family", "garbled")
    assert again.returncode != 0 and "exists" in again.stderr
