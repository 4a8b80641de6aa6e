"""The pre-commit hooks (.pre-commit-hooks.yaml): the manifest is valid and selects release
files, and `pre-commit try-repo` on this checkout fails on a bad release and passes a clean
one in a scratch git repository (slow: pre-commit installs the package from PyPI)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT

MANIFEST = os.path.join(ROOT, ".pre-commit-hooks.yaml")
PACK = os.path.join(ROOT, "tests", "fixtures", "fixes_pack.toml")

pre_commit = pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")


def _hooks() -> dict:
    import yaml
    with open(MANIFEST, encoding="utf-8") as fh:
        return {h["id"]: h for h in yaml.safe_load(fh)}


def _pre_commit(*args, cwd, env=None):
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


def test_manifest_passes_pre_commits_own_validation():
    proc = _pre_commit("validate-manifest", MANIFEST, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hooks_run_release_qa_on_release_files_in_parallel():
    hooks = _hooks()
    assert set(hooks) == {"release-qa", "release-qa-fix"}
    check, fix = hooks["release-qa"], hooks["release-qa-fix"]
    assert (check["entry"], fix["entry"]) == ("release-qa check", "release-qa check --fix")
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"] is False
        assert set(hook["types_or"]) == {"plain-text", "markdown", "html"}
        pattern = re.compile(hook["files"])
        for name in ("a.txt", "news/b.md", "c.markdown", "d.html", "E.HTM"):
            assert pattern.search(name), name
        for name in ("setup.py", "notes.txt.bak", "data.json"):
            assert not pattern.search(name), name


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_try_repo_fails_a_bad_release_and_passes_a_clean_one(tmp_path):
    work = tmp_path / "releases"
    work.mkdir()
    shutil.copy(PACK, work / "qa-pack.toml")
    (work / ".release-qa.toml").write_text('packs = ["qa-pack.toml"]\nselect = ["ZF"]\n',
                                           encoding="utf-8")
    (work / "bad.txt").write_text("Sales rose，costs fell.\n", encoding="utf-8")
    (work / "clean.txt").write_text("Sales rose, costs fell.\n", encoding="utf-8")
    _git("init", "-q", ".", cwd=work)
    _git("add", ".", cwd=work)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
               PRE_COMMIT_COLOR="never")

    clean = _pre_commit("try-repo", ROOT, "release-qa", "--files", "clean.txt", cwd=work, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"release-qa\.+Passed", clean.stdout)

    # every hook of the manifest: the check fails on bad.txt, the fix hook then repairs it
    bad = _pre_commit("try-repo", ROOT, "--files", "bad.txt", "clean.txt", cwd=work, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.txt:1:11: ZF01" in bad.stdout and "clean.txt:" not in bad.stdout
    assert "files were modified by this hook" in bad.stdout
    assert (work / "bad.txt").read_bytes() == b"Sales rose, costs fell.\n"
    assert (work / "clean.txt").read_bytes() == b"Sales rose, costs fell.\n"
