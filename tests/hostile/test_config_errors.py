"""A config error in one folder is the error of the files under that config only: it is
reported once, those files are not checked, every other file is, and the run exits 2."""
from __future__ import annotations

import json

import pytest

from tests.hostile.common import GOOD, error_lines, run, write

BROKEN = {
    "unknown key": ('colour = "red"\n', ".release-qa.toml:1: unknown key 'colour'"),
    "bad toml": ("select = [\n", ".release-qa.toml"),
    "unknown rule": ('[severity]\nZZ99 = "error"\n', ".release-qa.toml:2: unknown rule 'ZZ99'"),
    "missing pack": ('packs = ["nope.toml"]\n', "nope.toml"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_config_stops_only_its_own_files(tmp_path, kind):
    config, message = BROKEN[kind]
    broken = tmp_path / "broken"
    (broken / "sub").mkdir(parents=True)
    (broken / ".release-qa.toml").write_text(config, encoding="utf-8")
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        write(broken, name, GOOD)
    fine = tmp_path / "fine"
    fine.mkdir()
    write(fine, "d.txt", GOOD)
    proc = run("--format", "json", str(broken), str(fine), isolated=False)
    err = error_lines(proc)
    assert len(err) == 1 and message in err[0], err          # once, not once per file
    files = json.loads(proc.stdout)["files"]
    assert [f["path"].split("/")[-1] for f in files] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [len(f["errors"]) for f in files] == [1, 1, 1, 0]
    assert len(files[3]["findings"]) == 1 and proc.returncode == 2


def test_a_good_config_below_a_broken_one_still_applies(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".release-qa.toml").write_text("colour = 1\n", encoding="utf-8")
    (tmp_path / "sub" / ".release-qa.toml").write_text('ignore = ["BP01"]\n', encoding="utf-8")
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path / "sub", "b.txt", GOOD)
    proc = run("--format", "json", str(tmp_path), isolated=False)
    files = json.loads(proc.stdout)["files"]
    assert [(len(f["errors"]), len(f["findings"])) for f in files] == [(1, 0), (0, 0)]
    assert proc.returncode == 2
