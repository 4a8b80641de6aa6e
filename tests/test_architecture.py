"""The package's shape: the import contract (import-linter), small modules, one docstring each."""
from __future__ import annotations

import ast
import os

from tests.helpers import ROOT

PKG = os.path.join(ROOT, "qa")

def modules():
    for folder, _, files in os.walk(PKG):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
                yield rel.removesuffix(".__init__"), path


def test_import_contract():
    # the contracts are in pyproject.toml [tool.importlinter]; lint-imports checks them
    import shutil
    import subprocess
    import sys
    exe = shutil.which("lint-imports", path=os.path.dirname(sys.executable)) or shutil.which("lint-imports")
    assert exe, "import-linter is part of the test extra"
    proc = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_modules_stay_small():
    for module, path in modules():
        with open(path, encoding="utf-8") as fh:
            n = sum(1 for _ in fh)
        assert n < 500, f"{module} has {n} lines: split it by what its parts do"


def test_every_module_has_a_docstring():
    for module, path in modules():
        tree = ast.parse(open(path, encoding="utf-8").read())
        if module.endswith("__main__"):
            continue
        assert ast.get_docstring(tree), f"{module} has no module docstring"
