"""Which files a run checks, in an ordinary repository: releases beside a README, a LICENSE, a
requirements file and a changelog, with a .gitignore. Ignored files, project files and
Chinese sources are left out of folder walks (and, with --force-exclude, of files named on
the command line), and -v says which and why."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from qa.cli import main
from qa.discovery import IgnoreLayers, is_chinese_source, not_a_release

RELEASE = "Acme opens plant\n\nShares rose.\n\nComments are closed.\n"


def _write(path, text=RELEASE):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository of releases as a user has it (git init'ed when git is there)."""
    root = tmp_path / "press"
    _write(root / "README.md", "# Our press releases\n\nCopyright 2024 Acme. All rights reserved.\n")
    _write(root / "LICENSE.txt", "MIT License\n\nCopyright (c) 2024 Acme\n")
    _write(root / "requirements.txt", "release-qa==0.1.0\n")
    _write(root / "CHANGELOG.md", "## 1.0\n\n- first\n")
    _write(root / ".github" / "PULL_REQUEST_TEMPLATE.md", "Describe the release.\n")
    _write(root / ".gitignore", "drafts/\n*.tmp.txt\n!keep.tmp.txt\n")
    _write(root / "releases" / "2024" / "launch.txt")
    _write(root / "releases" / "2024" / "launch.zh.txt", "艾克米开设工厂\n")
    _write(root / "releases" / "2024" / "scratch.tmp.txt")
    _write(root / "releases" / "2024" / "keep.tmp.txt")
    _write(root / "releases" / ".ignore", "archive/\n")
    _write(root / "releases" / "archive" / "old.txt")
    _write(root / "drafts" / "next.md")
    if shutil.which("git"):
        subprocess.run(["git", "init", "-q", str(root)], check=True, capture_output=True)
    else:
        (root / ".git").mkdir()
    monkeypatch.chdir(root)
    return root


def checked(capsys, *args) -> tuple[list[str], str]:
    main(["check", "--isolated", "--select", "BP01", "--format", "json", *args])
    out, err = capsys.readouterr()
    return [f["path"].replace(os.sep, "/") for f in json.loads(out)["files"]], err


def test_a_repository_walk_checks_releases_only(repo, capsys):
    paths, err = checked(capsys, ".")
    assert paths == ["releases/2024/keep.tmp.txt", "releases/2024/launch.txt"]   # no './' prefix
    assert err == ""


def test_verbose_says_what_was_left_out_and_why(repo, capsys):
    paths, err = checked(capsys, "-v", ".")
    lines = err.splitlines()
    assert "release-qa: skipped LICENSE.txt: a licence, not a release" in lines
    assert "release-qa: skipped README.md: a README, not a release" in lines
    assert "release-qa: skipped requirements.txt: a requirements or lock file, not a release" in lines
    assert "release-qa: skipped CHANGELOG.md: a changelog, not a release" in lines
    assert "release-qa: skipped .github/: a hidden folder, not releases" in lines
    assert f"release-qa: skipped drafts/: ignored by {repo / '.gitignore'}" in lines
    assert f"release-qa: skipped releases/2024/scratch.tmp.txt: ignored by {repo / '.gitignore'}" \
        in lines
    assert f"release-qa: skipped releases/archive/: ignored by {repo / 'releases' / '.ignore'}" \
        in lines
    assert ("release-qa: skipped releases/2024/launch.zh.txt: a Chinese source (NAME.zh.EXT), "
            "not checked as English") in lines


def test_gitignore_of_folders_above_the_one_walked_applies(repo, capsys):
    _write(repo / "releases" / "drafts" / "x.txt")          # 'drafts/' matches at any depth
    paths, _ = checked(capsys, "releases")
    assert paths == ["releases/2024/keep.tmp.txt", "releases/2024/launch.txt"]


def test_no_respect_gitignore_and_config_keys(repo, capsys):
    paths, _ = checked(capsys, "--no-respect-gitignore", "releases", "drafts")
    assert paths == ["releases/2024/keep.tmp.txt", "releases/2024/launch.txt",
                     "releases/2024/scratch.tmp.txt", "releases/archive/old.txt", "drafts/next.md"]
    (repo / ".release-qa.toml").write_text(
        'respect-gitignore = false\nextend-exclude = ["archive"]\ninclude = ["*.md"]\n',
        encoding="utf-8")
    main(["check", "--select", "BP01", "--format", "json", "."])
    files = [f["path"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert files == ["drafts/next.md"]       # READMEs and changelogs stay out


def test_files_named_on_the_command_line_are_checked_unless_force_exclude(repo, capsys):
    named = ["LICENSE.txt", "drafts/next.md", "releases/2024/launch.txt", "releases/2024/launch.zh.txt"]
    paths, _ = checked(capsys, *named)
    assert paths == named[:3]                  # a Chinese source is never checked as English
    paths, err = checked(capsys, "--force-exclude", "-v", *named)
    assert paths == ["releases/2024/launch.txt"]
    assert "release-qa: skipped LICENSE.txt: a licence, not a release" in err.splitlines()
    assert f"release-qa: skipped drafts/next.md: ignored by {repo / '.gitignore'}" in err.splitlines()


def test_outside_a_repository_only_ignore_files_count(tmp_path, monkeypatch, capsys):
    _write(tmp_path / ".gitignore", "*.txt\n")
    _write(tmp_path / ".ignore", "old/\n")
    _write(tmp_path / "a.txt")
    _write(tmp_path / "old" / "b.txt")
    monkeypatch.chdir(tmp_path)
    assert os.path.exists(tmp_path / "a.txt") and IgnoreLayers.for_walk(str(tmp_path)).in_repo is False
    paths, _ = checked(capsys, ".")
    assert paths == ["a.txt"]


def test_no_files_left_says_how_to_see_why(repo, capsys):
    main(["check", "--isolated", "drafts"])
    err = capsys.readouterr().err
    assert err.startswith("release-qa: warning: no files to check in drafts")
    assert "left out (-v says which and why)" in err


@pytest.mark.parametrize("name, why", [
    ("LICENSE", "a licence"), ("licence.md", "a licence"), ("COPYING.txt", "a licence"),
    ("README.md", "a README"), ("readme.txt", "a README"), ("CHANGELOG.md", "a changelog"),
    ("NEWS", "a changelog"), ("requirements-dev.txt", "a requirements or lock file"),
    ("constraints.txt", "a requirements or lock file"), ("CONTRIBUTING.md", "a project file"),
    ("robots.txt", "a tool's file, not prose"), ("CMakeLists.txt", "a tool's file, not prose"),
])
def test_project_files_are_recognised(name, why):
    assert not_a_release(name) == why


@pytest.mark.parametrize("name", ["news.md", "history.txt", "license-plate-recall.md",
                                  "acme-changes-ceo.txt", "2024-03-readme-launch.md", "security-expo.txt"])
def test_releases_with_look_alike_names_are_kept(name):
    assert not_a_release(name) == ""


def test_chinese_sources_by_name():
    assert is_chinese_source("a/launch.zh.txt") and is_chinese_source("launch.zh-CN.md")
    assert is_chinese_source("launch.ZH_Hans.html")
    assert not is_chinese_source("zh.txt") and not is_chinese_source("launch.zhang.txt")
