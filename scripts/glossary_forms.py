"""Write qa/checks/names/glossary_forms.json: the compared form of every name in the built-in
glossaries (qa/checks/names/glossary_veto.py says why). Run it after changing a built-in
glossary or how names are reduced; tests/test_names_engine.py fails while the file is stale.

    python scripts/glossary_forms.py
"""
from __future__ import annotations

import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def table() -> dict:
    from qa.checks.names.glossary_veto import plain_form
    from qa.ruleset import build_ruleset
    names = set()
    for entity in build_ruleset().glossary.entities:
        names.update(entity.forms)
        names.update(entity.not_same_as)
    return {name: plain_form(name) for name in sorted(names)}


def main() -> int:
    from qa.checks.names.glossary_veto import SHIPPED
    with open(SHIPPED, "w", encoding="utf-8") as fh:
        json.dump(table(), fh, ensure_ascii=False, indent=0, sort_keys=True)
        fh.write("\n")
    print(f"wrote {os.path.relpath(SHIPPED, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
