"""Write qa/packs/builtin/triggers.json: the required literals of every built-in pack pattern
(qa/packs/builtin_triggers.py says why). Run it after changing a built-in pack's patterns;
tests/test_packs_loader.py fails while the file is stale.

    python scripts/pack_triggers.py
"""
from __future__ import annotations

import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def table() -> dict:
    from qa.packs.builtin_triggers import key
    from qa.packs.kinds.triggers import required_literals
    from qa.ruleset import build_ruleset
    out = {}
    for pack in build_ruleset().packs:
        for matcher in pack.matchers.values():
            for p in matcher.patterns:
                found = required_literals(p.entry.source, p.exact_case)
                out[key(p.entry.source, p.exact_case)] = None if found is None else sorted(found)
    return dict(sorted(out.items()))


def main() -> int:
    from qa.packs.builtin_triggers import _FILE
    with open(_FILE, "w", encoding="utf-8") as fh:
        json.dump(table(), fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")
    print(f"wrote {os.path.relpath(_FILE, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
