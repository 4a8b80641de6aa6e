"""The built wheel carries the rule packs: install it into a fresh venv and load them there."""
from __future__ import annotations

import glob
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT, SEED


@pytest.mark.slow
def test_wheel_installs_and_loads_builtin_rules(tmp_path):
    dist = tmp_path / "dist"
    src = tmp_path / "src"      # a clean copy: no stale build/ folder can leak into the wheel
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis",
        "out"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(dist), str(src)], check=True, capture_output=True, timeout=300)
    [wheel] = glob.glob(str(dist / "release_qa-*.whl"))
    venv = tmp_path / "venv"
    # a venv without its own pip (seeding one costs seconds): this pip installs into it
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = str(venv / "bin" / "python")
    pip = [sys.executable, "-m", "pip", "--python", py]
    subprocess.run([*pip, "install", "-q", wheel], check=True, capture_output=True, timeout=600)
    probe = ("from qa.ruleset import build_ruleset; from qa.packs.builtin_files import builtin_pack_files; "
             "rs = build_ruleset(); "
             "print(len(rs.rules), len(builtin_pack_files()), len(rs.glossary.entities))")
    out = subprocess.run([py, "-c", probe], check=True, capture_output=True, text=True,
                         cwd=str(tmp_path), timeout=120).stdout.split()
    n_rules, n_packs, _ = map(int, out)
    here = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True,
                          cwd=str(tmp_path), timeout=120).stdout.split()
    assert n_rules == int(here[0]) and n_packs == int(here[1]) and n_packs >= 1
    run = subprocess.run([str(venv / "bin" / "release-qa"), "check", SEED], capture_output=True,
                         text=True, cwd=str(tmp_path), timeout=120)
    assert run.returncode == 1 and "BP01" in run.stdout, run.stderr
    files = subprocess.run([*pip, "show", "-f", "release-qa"], capture_output=True,
                           text=True).stdout
    assert "qa/packs/builtin/boilerplate.toml" in files
    assert "qa/schemas/report.schema.json" in files
