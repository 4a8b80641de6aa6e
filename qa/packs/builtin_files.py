"""The built-in packs and glossaries: TOML files shipped in qa/packs/builtin, read as text."""
from __future__ import annotations

import os


def builtin_root():
    """The folder of built-in packs and glossaries (qa/packs/builtin).

    The package's own folder when it is installed as files (the usual case: no pathlib
    import on the start-up path); importlib.resources otherwise (a zipped install)."""
    from . import builtin as data
    folder = os.path.dirname(data.__file__ or "")
    if folder and os.path.isdir(folder):
        return folder
    from importlib import resources
    return resources.files("qa.packs.builtin")


def _toml_files(sub: str, label: str) -> list[tuple[str, str]]:
    root = builtin_root()
    if isinstance(root, str):
        folder = os.path.join(root, sub) if sub else root
        if not os.path.isdir(folder):
            return []
        out = []
        for name in sorted(os.listdir(folder)):
            if name.endswith(".toml"):
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    out.append((f"{label}{name}", fh.read()))
        return out
    node = root / sub if sub else root
    if not node.is_dir():
        return []
    return sorted((f"{label}{p.name}", p.read_text("utf-8")) for p in node.iterdir()
                  if p.name.endswith(".toml"))


def builtin_pack_files() -> list[tuple[str, str]]:
    """(name, text) of each built-in pack, sorted by name."""
    return _toml_files("", "packs/")


def builtin_glossary_files() -> list[tuple[str, str]]:
    return _toml_files("glossaries", "packs/glossaries/")
