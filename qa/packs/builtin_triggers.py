"""The required literals of the built-in packs' patterns, worked out ahead of time.

Working them out parses every pattern with Python's regex parser, a fifth of a second on each
start. For the built-in packs the answer depends only on the packs, so it is computed by
`python scripts/pack_triggers.py` and shipped beside them as plain JSON data
(`builtin/triggers.json`, pattern and case -> literals); a test recomputes it and fails when it
is stale. A user's pack is never looked up here: its literals are worked out when it is used.
"""
from __future__ import annotations

import os

_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "builtin", "triggers.json")
_TABLE: list = []
MISSING = object()


def key(source: str, exact: bool) -> str:
    return f"{int(exact)}:{source}"


def known(source: str, exact: bool):
    """The stored literals of a built-in pattern (a frozenset, or None: always run), or
    MISSING when the table does not hold it."""
    if not _TABLE:
        try:
            import json
            with open(_FILE, encoding="utf-8") as fh:
                data = json.load(fh)
            _TABLE.append(data if isinstance(data, dict) else {})
        except (OSError, ValueError):
            _TABLE.append({})
    value = _TABLE[0].get(key(source, exact), MISSING)
    if value is MISSING or value is None:
        return value
    if isinstance(value, list) and all(isinstance(x, str) for x in value):
        return frozenset(value)
    return MISSING
