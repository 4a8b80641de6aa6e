"""Packaging facts that the slow wheel test would catch late: every package is listed."""
from __future__ import annotations

import os
import tomllib

from tests.helpers import ROOT


def test_every_package_folder_is_listed_in_pyproject():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        listed = set(tomllib.load(fh)["tool"]["setuptools"]["packages"])
    found = set()
    for folder, dirs, files in os.walk(os.path.join(ROOT, "qa")):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        if any(f.endswith(".py") for f in files):
            rel = os.path.relpath(folder, ROOT).replace(os.sep, ".")
            assert "__init__.py" in files, f"{rel} has modules but no __init__.py"
            found.add(rel)
    assert found <= listed, f"missing from pyproject packages: {sorted(found - listed)}"
    assert "qa.rules_data" in listed


def test_rule_data_patterns_cover_the_rules_folder():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        patterns = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["qa.rules_data"]
    import fnmatch
    for folder, dirs, files in os.walk(os.path.join(ROOT, "rules")):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for f in files:
            if f.endswith((".pyc", ".py")):
                continue
            rel = os.path.relpath(os.path.join(folder, f), os.path.join(ROOT, "rules")).replace(os.sep, "/")
            assert any(fnmatch.fnmatch(rel, p) for p in patterns), f"rules/{rel} would not ship"
