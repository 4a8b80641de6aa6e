"""A regex compiled on first use. Compiling with the `regex` module costs up to a few
milliseconds per pattern; module-level patterns of rules that do not run (or find no
candidate) should not add that to every start-up."""
from __future__ import annotations

from ..pattern_cache import CompiledPattern, regex_compile


class LazyRegex:
    """Behaves like a compiled pattern (finditer, search, match, ...); compiles when first used."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled = None

    @property
    def compiled(self) -> CompiledPattern:
        if self._compiled is None:
            self._compiled = regex_compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)
