"""Compiling regular expressions: one in-process memo for both engines, and lazy patterns.

    re_compile(pattern, flags)      re.compile, remembered for the life of the process
    regex_compile(pattern, flags)   regex.compile (the `regex` module), remembered likewise
    LazyRegex(pattern, flags)       a `regex` pattern compiled on its first use

Nothing is kept between runs: no compiled program is ever written or read back from outside
the installed package. Patterns of the built-in rules come from the programs the package ships
for this engine build (programs.py) when it ships them; every other pattern is compiled from
its source text in the process that uses it. Module-level patterns of rules that do not run
(or find no candidate) stay uncompiled through LazyRegex, which keeps a short run short.

With RELEASE_QA_STDLIB=1 (qa._speed.plain) LazyRegex compiles at once, so the suite can check
that laziness changes no result.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .plain import PLAIN
from .programs import build_re, build_regex

# What re_compile and regex_compile return (regex's Pattern has re's methods).
CompiledPattern = re.Pattern

# The regex module's own version flags, without importing it (tests hold them to its values).
REGEX_V0 = 0x2000
REGEX_V1 = 0x0100


@lru_cache(maxsize=None)
def re_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), compiled once per process (from its shipped program when
    the package holds one for this engine: programs.py)."""
    return build_re(pattern, int(flags)) or re.compile(pattern, int(flags))


@lru_cache(maxsize=None)
def regex_compile(pattern: str, flags: int = 0):
    """regex.compile(pattern, flags), compiled once per process (likewise)."""
    compiled = build_regex(pattern, int(flags))
    if compiled is None:
        import regex
        compiled = regex.compile(pattern, int(flags))
    return compiled


class LazyRegex:
    """Behaves like a compiled pattern (finditer, search, match, ...); compiles when first used."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled = regex_compile(source, flags) if PLAIN else None

    @property
    def compiled(self) -> CompiledPattern:
        if self._compiled is None:
            self._compiled = regex_compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)
