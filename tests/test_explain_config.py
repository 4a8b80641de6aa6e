"""`release-qa rules` and `release-qa explain` see the rules `check` would run in this folder:
the packs of the config found from the current folder, --config, --pack; none with --isolated."""
from __future__ import annotations

import subprocess
import sys

from tests.test_packs_loader import PACK


def run(args, cwd):
    proc = subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def project(tmp_path):
    (tmp_path / "hs.toml").write_text(PACK, encoding="utf-8")
    (tmp_path / ".release-qa.toml").write_text('packs = ["hs.toml"]\n', encoding="utf-8")
    sub = tmp_path / "drafts"
    sub.mkdir()
    return sub


def test_rules_and_explain_use_the_config_found_from_the_current_folder(tmp_path):
    sub = project(tmp_path)
    code, out, err = run(["rules"], sub)
    assert code == 0, err
    assert any(line.startswith("HS01 ") for line in out.splitlines())
    code, out, err = run(["explain", "HS01"], sub)
    assert code == 0, err
    assert "house-banned-phrase" in out and "Phrases the house style bans." in out


def test_isolated_rules_and_explain_know_only_the_built_in_rules(tmp_path):
    sub = project(tmp_path)
    code, out, _ = run(["rules", "--isolated"], sub)
    assert code == 0 and not any(line.startswith("HS01 ") for line in out.splitlines())
    code, _, err = run(["explain", "--isolated", "HS01"], sub)
    assert code == 2 and err.startswith("release-qa: error:") and "HS01" in err
    code, out, _ = run(["explain", "--isolated", "--pack", "../hs.toml", "HS01"], sub)
    assert code == 0 and "house-banned-phrase" in out
