"""Write qa/packs/builtin/parsed.json: every built-in pack and glossary parsed from its TOML,
with the SHA-256 of the text it was parsed from (qa/packs/builtin_files.py says why). Run it
after editing a built-in pack or glossary; tests/test_packs_loader.py fails while it is stale
(a stale entry is never used: the TOML is parsed instead).

    python scripts/pack_data.py
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def table() -> dict:
    from qa.packs.builtin_files import builtin_glossary_files, builtin_pack_files
    out = {}
    for name, text in [*builtin_pack_files(), *builtin_glossary_files()]:
        out[name] = {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                     "data": tomllib.loads(text)}
    return out


def main() -> int:
    from qa.packs.builtin_files import builtin_root_path
    path = os.path.join(builtin_root_path(), "parsed.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(table(), fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        fh.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
