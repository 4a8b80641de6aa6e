"""The built-in packs and glossaries: TOML files shipped in qa/packs/builtin, read as text,
and their parsed form shipped beside them (`builtin/parsed.json`, written by
`python scripts/pack_data.py`): parsing 160 KB of TOML is a tenth of a short run, reading the
same data as JSON a hundredth. Each entry carries the SHA-256 of the TOML text it was parsed
from and is used only when that text is the one read; otherwise the TOML is parsed (so an
edited pack is never read stale). Only the package's own files are read this way."""
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


_PARSED: list = []


def parsed(name: str, text: str) -> dict | None:
    """The shipped parse of a built-in file when it was made from exactly `text`, else None."""
    if not _PARSED:
        try:
            import json
            with open(os.path.join(builtin_root_path(), "parsed.json"), encoding="utf-8") as fh:
                table = json.load(fh)
            _PARSED.append(table if isinstance(table, dict) else {})
        except (OSError, ValueError, TypeError):
            _PARSED.append({})
    entry = _PARSED[0].get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("data"), dict):
        return None
    if entry.get("sha256") != _sha256(text.encode("utf-8")):
        return None
    return entry["data"]


def builtin_root_path() -> str:
    """The built-in folder as a path (a zipped install has none: '' then, and TOML is parsed)."""
    root = builtin_root()
    return root if isinstance(root, str) else ""


def _sha256(data: bytes) -> str:
    """SHA-256 of `data` in hex, from the interpreter's own module where it has one (`_sha256`
    on 3.11, `_sha2` from 3.12): hashlib would load OpenSSL for it, some 4 ms of every run."""
    try:
        from _sha256 import sha256
    except ImportError:
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256
    return sha256(data).hexdigest()
