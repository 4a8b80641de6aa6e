"""Data flows one way: the import contract of the package, checked by walking the AST."""
from __future__ import annotations

import ast
import os

import pytest

from tests.helpers import ROOT

PKG = os.path.join(ROOT, "qa")

# module prefix -> modules (prefixes) it must never import
FORBIDDEN = {
    "qa.document": ["qa.rules", "qa.checks", "qa.engine", "qa.report", "qa.formatters", "qa.cli",
                    "qa.runner", "qa.packs.load", "qa.settings"],
    "qa.findings": ["qa.rules", "qa.checks", "qa.document", "qa.formatters", "qa.report"],
    "qa.checks": ["qa.formatters", "qa.report", "qa.cli", "qa.runner", "qa.source", "qa.settings",
                  "qa.engine"],
    "qa.rules": ["qa.formatters", "qa.report", "qa.cli", "qa.runner", "qa.source", "qa.settings",
                 "qa.engine"],
    "qa.formatters": ["qa.rules", "qa.checks", "qa.packs.load", "qa.engine", "qa.document", "qa.runner",
                      "qa.cli", "qa.source", "qa.settings"],
    "qa.report": ["qa.rules", "qa.checks", "qa.formatters", "qa.engine", "qa.cli"],
    "qa.engine": ["qa.formatters", "qa.cli", "qa.runner", "qa.source", "qa.settings"],
}


def modules():
    for folder, _, files in os.walk(PKG):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
                yield rel.removesuffix(".__init__"), path


def imports(module: str, path: str) -> set[str]:
    tree = ast.parse(open(path, encoding="utf-8").read())
    out = set()
    package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
                out.add(target)
                if not node.module:
                    out.update(f"{prefix}.{a.name}" for a in node.names)
            else:
                out.add(node.module)
    return out


@pytest.mark.parametrize("module, path", sorted(modules()), ids=lambda x: x if isinstance(x, str) and not x.startswith("/") else "")
def test_import_contract(module, path):
    for prefix, banned in FORBIDDEN.items():
        if module == prefix or module.startswith(prefix + "."):
            for imp in imports(module, path):
                for b in banned:
                    assert not (imp == b or imp.startswith(b + ".")), f"{module} imports {imp}"


def test_every_module_has_a_docstring():
    for module, path in modules():
        tree = ast.parse(open(path, encoding="utf-8").read())
        if module.endswith("__main__"):
            continue
        assert ast.get_docstring(tree), f"{module} has no module docstring"
