"""Inputs nested deeper than Python's recursion limit: a folder 1,500 levels deep, a config
with deeply nested TOML, a baseline with deeply nested JSON. Each is handled or reported as
that input's error, and the run goes on."""
from __future__ import annotations

import json
import os

import pytest

from tests.hostile.common import GOOD, error_lines, run, write

DEPTH = 1500


@pytest.fixture()
def deep(tmp_path):
    """tmp_path/top.txt and a release DEPTH folders down; removed without recursion."""
    write(tmp_path, "top.txt", GOOD)
    bottom = str(tmp_path)
    for _ in range(DEPTH):              # os.makedirs itself recurses
        bottom = os.path.join(bottom, "d")
        os.mkdir(bottom)
    write(bottom, "deep.txt", GOOD)
    yield tmp_path, bottom
    os.unlink(os.path.join(bottom, "deep.txt"))
    folder = bottom
    while folder != str(tmp_path):
        os.rmdir(folder)
        folder = os.path.dirname(folder)


def test_folder_1500_levels_deep(deep):
    root, bottom = deep
    proc = run("--format", "json", str(root))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == b""
    files = json.loads(proc.stdout)["files"]
    expected = [os.path.join(bottom, "deep.txt"), os.path.join(str(root), "top.txt")]
    assert [f["path"] for f in files] == expected
    assert all(len(f["findings"]) == 1 for f in files)


def test_deeply_nested_toml_config_is_that_configs_error(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / ".release-qa.toml").write_text("select = " + "[" * 5000 + "]" * 5000 + "\n")
    write(site, "a.txt", GOOD)
    other = tmp_path / "other"
    other.mkdir()
    write(other, "b.txt", GOOD)
    proc = run("--format", "json", str(site), str(other), isolated=False)
    err = error_lines(proc)
    assert len(err) == 1, err
    assert ".release-qa.toml: invalid TOML: arrays or tables nested too deeply" in err[0]
    files = json.loads(proc.stdout)["files"]
    assert [len(f["findings"]) for f in files] == [0, 1] and proc.returncode == 2


def test_deeply_nested_baseline_is_that_baselines_error(tmp_path):
    good = write(tmp_path, "good.txt", GOOD)
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"findings": ' + "[" * 100000 + "]" * 100000 + "}")
    proc = run("--baseline", str(baseline), good)
    err = error_lines(proc)
    assert len(err) == 1 and f"{baseline}: not a release-qa baseline (JSON nested too deeply" in err[0], err
    assert "internal error" not in err[0] and proc.returncode == 2
