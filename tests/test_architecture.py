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


def _imports(module: str, path: str, known: set[str]) -> set[str]:
    """The qa modules `module` imports anywhere in its body (deferred imports included);
    `from .x import name` counts as importing qa...x.name when that is a module, else qa...x."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "qa")
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "qa":
                continue
            for alias in node.names:
                full = f"{target}.{alias.name}"
                out.add(full if full in known else target)
    return {m for m in out if m in known and m != module}


def test_no_import_cycles_between_modules():
    """No two modules import each other, directly or round a loop (a package's __init__, which
    only hands names on, is left out). A cycle means one of them is in the wrong place."""
    found = dict(modules())
    inits = {m for m, p in found.items() if p.endswith("__init__.py")}
    graph = {m: _imports(m, p, set(found)) - inits for m, p in found.items() if m not in inits}
    index, low, stack, on, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(v):                       # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                on.discard(w)
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                cycles.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == []
