"""The pre-commit hooks (.pre-commit-hooks.yaml): the manifest is valid and selects release
files, and a user's `.pre-commit-config.yaml` naming this checkout (as committed in a shadow
copy of the working tree, as `pre-commit try-repo` does) makes `pre-commit run`, in a
throw-away repository holding a README, a LICENSE, a requirements file and a releases/
folder, pass clean releases and fail a defective one (slow: pre-commit installs the package
and its dependencies from PyPI into its own environment, once for the three runs; try-repo
would install it again for each)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT, write_user_repository

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
    assert (check["entry"], fix["entry"]) == ("release-qa check --force-exclude",
                                              "release-qa check --force-exclude --fix")
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"] is False
        assert set(hook["types_or"]) == {"plain-text", "markdown", "html"}
        pattern = re.compile(hook["files"])
        for name in ("releases/a.txt", "releases/2024/b.md", "press-releases/c.markdown",
                     "site/release/d.html", "Releases/E.HTM", "press_releases/f.txt"):
            assert pattern.search(name), name
        for name in ("README.md", "LICENSE.txt", "requirements.txt", "docs/guide.md", "a.txt",
                     "releases.txt", "releases/notes.txt.bak", "releases/data.json", "setup.py"):
            assert not pattern.search(name), name


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


DEFECTIVE = "Acme opens plant in Hefei\n\nAcme opened a plant in Hefei on Monday.\n\nComments are closed.\n"


def _throwaway_repository(work) -> None:
    """What a user's repository of releases looks like: project files beside the releases."""
    write_user_repository(work)
    _git("init", "-q", ".", cwd=work)
    _git("add", ".", cwd=work)


def _shadow_of_this_checkout(where) -> str:
    """This working tree (uncommitted changes included) committed in a repository of its own:
    its HEAD, for a config's `rev`."""
    shutil.copytree(ROOT, where, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
        ".hypothesis", "out"))
    _git("init", "-q", ".", cwd=where)
    _git("add", "-A", ".", cwd=where)
    _git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "shadow",
         cwd=where)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=where, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_users_config_passes_a_clean_repository_and_fails_a_defective_release(tmp_path):
    work = tmp_path / "press"
    _throwaway_repository(work)
    shadow = tmp_path / "release-qa"
    rev = _shadow_of_this_checkout(shadow)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {shadow.as_posix()}\n  rev: {rev}\n"
        "  hooks:\n  - id: release-qa\n  - id: release-qa-fix\n    stages: [manual]\n",
        encoding="utf-8")
    _git("add", ".", cwd=work)
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
               PRE_COMMIT_COLOR="never")
    clean = _pre_commit("run", "release-qa", "--all-files", cwd=work, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"release-qa\.+Passed", clean.stdout)

    (work / "releases" / "2024" / "plant.txt").write_text(DEFECTIVE, encoding="utf-8")
    _git("add", ".", cwd=work)
    bad = _pre_commit("run", "release-qa", "--all-files", cwd=work, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "releases/2024/plant.txt:5:1: BP01" in bad.stdout
    for other in ("README.md", "LICENSE.txt", "requirements.txt", "docs/howto.md", "battery.txt:"):
        assert other not in bad.stdout

    # the fix hook: safe fixes written, then what remains reported
    pack = work / "releases" / "qa-pack.toml"
    shutil.copy(PACK, pack)
    (work / ".release-qa.toml").write_text('packs = ["releases/qa-pack.toml"]\nselect = ["ZF"]\n',
                                           encoding="utf-8")
    (work / "releases" / "2024" / "plant.txt").write_text("Sales rose，costs fell.\n", encoding="utf-8")
    _git("add", ".", cwd=work)
    fixed = _pre_commit("run", "--hook-stage", "manual", "release-qa-fix", "--all-files", cwd=work,
                        env=env)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "files were modified by this hook" in fixed.stdout
    assert (work / "releases" / "2024" / "plant.txt").read_bytes() == b"Sales rose, costs fell.\n"
