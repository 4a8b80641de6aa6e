"""Packaging facts that the slow wheel test would catch late: every package folder is a
package, and every data file matches a package-data pattern."""
from __future__ import annotations

import fnmatch
import os
import tomllib

from tests.helpers import ROOT


def _walk():
    for folder, dirs, files in os.walk(os.path.join(ROOT, "qa")):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        yield folder, files


def test_every_folder_with_modules_is_a_package():
    for folder, files in _walk():
        if any(f.endswith(".py") for f in files):
            assert "__init__.py" in files, f"{os.path.relpath(folder, ROOT)} has modules but no __init__.py"


def test_package_data_patterns_cover_every_data_file():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        patterns = tomllib.load(fh)["tool"]["setuptools"]["package-data"]["*"]
    for folder, files in _walk():
        package = folder
        while not os.path.exists(os.path.join(package, "__init__.py")):
            package = os.path.dirname(package)
        for f in files:
            if f.endswith((".py", ".pyc")):
                continue
            rel = os.path.relpath(os.path.join(folder, f), package).replace(os.sep, "/")
            assert any(fnmatch.fnmatch(rel, p) for p in patterns), f"{rel} in {folder} would not ship"
