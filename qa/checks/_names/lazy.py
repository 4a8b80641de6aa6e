"""Regular expressions compiled on first use, so importing the rules costs no compile time
(start-up time matters: the pre-commit cold run on one release is ~100 ms in total)."""
from __future__ import annotations

from ...pattern_cache import regex_compile

class LazyPattern:
    """A `regex` pattern compiled the first time one of its methods is used."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._args = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = regex_compile(*self._args)
        return getattr(self._compiled, name)
