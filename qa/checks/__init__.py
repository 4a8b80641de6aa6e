"""Built-in rules written in code: one folder per family, named for what the family checks.

Each family folder declares its rules in `rules.py` (one `CODE = Rule(RuleMeta(...), check)`
per rule, collected with `RULES = collect_rules(globals())`) and keeps the scanning those
rules need in the modules beside it; text utilities several families share live in qa.text.
Code rules exist only where data cannot do the job (name clustering, duplication, headline
analysis, people's names, language); phrase lists are TOML packs in qa/packs/.
"""
from __future__ import annotations

import importlib

FAMILIES = ("accuracy", "dates", "duplication", "encoding", "garbled", "grammar", "language", "names",
            "people", "title")


def code_rules() -> list:
    """Every code rule of every family, family by family in code order."""
    out = []
    for family in FAMILIES:
        out.extend(importlib.import_module(f"{__name__}.{family}").RULES)
    return out
