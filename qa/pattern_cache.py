"""Compiled regular expressions that outlive the process.

Compiling patterns is the largest single cost of a short run: the built-in rules compile
about 150 patterns (30-40 ms on a laptop) every time release-qa starts, for the same few
kilobytes of text. Both engines work the same way: Python code turns the pattern into a
program (a list of integers) and hands it to the engine's C matcher. This module keeps
those programs in the cache folder (qa.cache.cache_dir) and gives a stored program straight
to the matcher on later runs, so a warm start pays microseconds per pattern.

    re_compile(pattern, flags)      like re.compile
    regex_compile(pattern, flags)   like regex.compile (no named lists)

Safety. One file per engine and engine version (the interpreter's cache tag and the sre
magic number for `re`, the `regex` version for `regex`); the file carries a checksum and is
replaced atomically. The standard library validates every program it is given. Anything
unexpected (another Python implementation, an engine whose internals moved) switches the
store off for the process and compiles normally, so the worst case is the speed of no
cache. A pattern whose program depends on the locale, or that takes named lists, is never
stored. RELEASE_QA_NO_CACHE=1 turns the store off.
"""
from __future__ import annotations

import re
import sys
from _thread import RLock    # not `threading`: a 1.5 ms import a short run does not need

from .cache import Store, get_store

_LIMIT = 5000                # programs kept; past it, those a run did not use are dropped
_lock = RLock()
_off: set[str] = set()       # engines whose programs are not stored in this process


# ---- the standard library's re ----------------------------------------------------------


def _store_for_re() -> Store | None:
    if "re" in _off:
        return None
    try:
        import _sre
        store = get_store(f"patterns-re-{sys.implementation.cache_tag}-{_sre.MAGIC}", _LIMIT)
    except (ImportError, AttributeError):
        store = None
    if store is None or not store.enabled:
        _off.add("re")
        return None
    return store


def re_compile(pattern, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from a stored program when there is one."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    with _lock:
        store = _store_for_re()
        if store is None:
            return re.compile(pattern, flags)
        key = (pattern, flags)
        program = store.get(key)
        if program is not None:
            try:
                import _sre
                return _sre.compile(pattern, *program)
            except Exception:              # a damaged or foreign entry: compile afresh
                store.forget(key)
        try:
            compiled, program = _re_program(pattern, flags)
        except re.error:                   # the pattern's own mistake: the caller reports it
            raise
        except Exception:                  # the engine's internals are not what we expect
            _off.add("re")
            return re.compile(pattern, flags)
        store.put(key, program)
        return compiled


def _re_program(pattern: str, flags: int):
    """Compile with the standard library's own parser and code generator, keeping the
    arguments it gives the matcher: (pattern object, stored program)."""
    import _sre
    from re import _compiler, _parser
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
               tuple(indexgroup))
    compiled = _sre.compile(pattern, *program)
    return compiled, program


# ---- the regex module -------------------------------------------------------------------
def _store_for_regex(regex_module) -> Store | None:
    if "regex" in _off:
        return None
    version = getattr(regex_module, "__version__", None)
    store = get_store(f"patterns-regex-{version}-{sys.implementation.cache_tag}", _LIMIT)
    if not version or not hasattr(regex_module, "_regex") or not store.enabled:
        _off.add("regex")
        return None
    return store


def regex_compile(pattern, flags: int = 0):
    """regex.compile(pattern, flags), from a stored program when there is one."""
    import regex
    flags = int(flags)
    if not isinstance(pattern, str) or flags & regex.DEBUG:
        return regex.compile(pattern, flags)
    with _lock:
        store = _store_for_regex(regex)
        if store is None:
            return regex.compile(pattern, flags)
        key = (pattern, flags, int(regex.DEFAULT_VERSION))
        program = store.get(key)
        if program is not None:
            try:
                return regex._regex.compile(pattern, *program)
            except Exception:
                store.forget(key)
        try:
            compiled, program = _regex_program(regex, pattern, flags)
        except regex.error:                # the pattern's own mistake: the caller reports it
            raise
        except Exception:                  # the engine's internals are not what we expect
            _off.add("regex")
            return regex.compile(pattern, flags)
        if program is not None:
            store.put(key, program)
        return compiled


def _regex_program(regex, pattern: str, flags: int):
    """Compile with regex.compile, keeping the arguments it gives its matcher:
    (pattern object, stored program or None when the program may not be stored)."""
    from regex import _main
    engine = _main._regex
    seen: list[tuple] = []

    class _Recorder:
        """Stands in for the C module during one compile and notes what it is given."""

        def __getattr__(self, name):
            return getattr(engine, name)

        @staticmethod
        def compile(*args):
            seen.append(args)
            return engine.compile(*args)

    _main._regex = _Recorder()
    try:
        compiled = _main._compile(pattern, flags, False, {}, False)
    finally:
        _main._regex = engine
    if len(seen) != 1:
        return compiled, None
    (_pattern, final_flags, code, group_index, index_group, named_lists, named_list_indexes,
     req_offset, req_chars, req_flags, group_count) = seen[0][:11]
    if int(final_flags) & regex.LOCALE or named_lists or named_list_indexes or len(seen[0]) != 11:
        return compiled, None
    program = (int(final_flags), [int(op) for op in code], dict(group_index),
               dict(index_group), {}, [], int(req_offset),
               tuple(int(c) for c in req_chars) if req_chars is not None else None,
               int(req_flags), int(group_count))
    return compiled, program
