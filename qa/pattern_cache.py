"""Compiled regular expressions that outlive the process.

Compiling patterns is the largest single cost of a short run: the built-in rules compile
about 150 patterns (40-50 ms here) every time release-qa starts, for the same few kilobytes
of text. Both engines work the same way: Python code turns the pattern into a program (a
list of integers) and hands it to the engine's C matcher. This module keeps those programs
in the cache folder (qa.cache) and gives a stored program straight to the matcher on later
runs, so a warm start pays microseconds per pattern; when every `regex` pattern comes from
the store, only that module's C extension is loaded, not its Python compiler. A pattern the
standard library refuses is stored as a refusal (rules try `re` first, then `regex`).

    re_compile(pattern, flags)      like re.compile
    regex_compile(pattern, flags)   like regex.compile (no named lists)

Safety. One store per engine build: the interpreter's cache tag and the sre magic number
for `re`; the size and time of the `regex` matcher and compiler files for `regex`. Stores
carry a checksum and are replaced atomically (qa.cache). The standard library validates
every program it is given. Anything unexpected (another Python implementation, an engine
whose internals moved) switches the store off for the process and compiles normally, so the
worst case is the speed of no cache. A pattern whose program depends on the locale, or that
takes named lists, is never stored. RELEASE_QA_NO_CACHE=1 turns the store off.
"""
from __future__ import annotations

import os
import re
import sys
import zlib
from _thread import RLock    # not `threading`: a 1.5 ms import a short run does not need

from .cache import Store, get_store

# For annotations: what re_compile and regex_compile return (regex's Pattern has re's methods).
CompiledPattern = re.Pattern

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
            refusal = None
            try:
                if program[0] != "error":
                    import _sre
                    return _sre.compile(pattern, *program)
                _, msg, pos, named = program      # the stdlib refuses it (callers try regex)
                refusal = re.error(msg, pattern if named else None, pos)
            except Exception:              # a damaged or foreign entry: compile afresh
                store.forget(key)
            if refusal is not None:
                raise refusal
        try:
            compiled, program = _re_program(pattern, flags)
        except re.error as exc:            # the pattern's own mistake: the caller reports it,
            store.put(key, ("error", exc.msg, exc.pos, exc.pattern is not None))  # next run knows
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
# Flags for regex_compile. IGNORECASE, MULTILINE, DOTALL and VERBOSE have the same values in
# both engines (pass re.I and friends); the version flags are the regex module's own
# (tests/test_pattern_cache.py holds these to the module's values).
REGEX_V0 = 0x2000
REGEX_V1 = 0x0100
_REGEX_DEBUG = 0x0200
_REGEX_LOCALE = 0x0004


def _regex_engine():
    """The regex module's C matcher. On a warm start every pattern comes from the store and
    only the matcher is needed, so when the Python package (its parser and code generator,
    10 ms of imports) has not been imported, the extension is loaded alone; the package,
    when something imports it later, finds it in sys.modules and uses the same one."""
    engine = sys.modules.get("regex._regex")
    if engine is not None:
        return engine
    if "regex" not in sys.modules:
        try:
            from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, FileFinder
            from importlib.util import find_spec, module_from_spec
            package = find_spec("regex")
            finder = FileFinder(package.submodule_search_locations[0],
                                (ExtensionFileLoader, EXTENSION_SUFFIXES))
            spec = finder.find_spec("regex._regex")
            engine = module_from_spec(spec)
            sys.modules["regex._regex"] = engine
            spec.loader.exec_module(engine)
            return engine
        except Exception:                  # not an extension here: the ordinary import
            sys.modules.pop("regex._regex", None)
    return _regex_package()._main._regex


def _regex_package():
    """The regex package, imported the ordinary way."""
    import regex
    return regex


def _regex_identity(engine) -> str | None:
    """What the regex programs depend on, without importing the package: the size and
    modification time of its matcher and of its compiler (an upgrade changes both)."""
    try:
        folder = os.path.dirname(engine.__file__)
        parts = []
        for path in (engine.__file__, os.path.join(folder, "_regex_core.py")):
            st = os.stat(path)
            parts.append(f"{st.st_size}.{st.st_mtime_ns}")
        return zlib.crc32("|".join([*parts, engine.__file__]).encode()).to_bytes(4, "big").hex()
    except (AttributeError, TypeError, OSError):
        return None


def _store_for_regex(engine) -> Store | None:
    if "regex" in _off:
        return None
    identity = _regex_identity(engine)
    store = get_store(f"patterns-regex-{identity}-{sys.implementation.cache_tag}", _LIMIT) \
        if identity else None
    if store is None or not store.enabled:
        _off.add("regex")
        return None
    return store


def _default_version() -> int:
    """The version a pattern without V0/V1 gets: the package's DEFAULT_VERSION, which is V0
    unless a program changed it (and only an imported package can have been changed)."""
    regex = sys.modules.get("regex")
    return int(getattr(regex, "DEFAULT_VERSION", REGEX_V0)) if regex else REGEX_V0


def regex_compile(pattern, flags: int = 0):
    """regex.compile(pattern, flags), from a stored program when there is one."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & _REGEX_DEBUG:
        return _regex_package().compile(pattern, flags)
    with _lock:
        engine = _regex_engine()
        store = _store_for_regex(engine)
        if store is None:
            return _regex_package().compile(pattern, flags)
        key = (pattern, flags, _default_version())
        program = store.get(key)
        if program is not None:
            try:
                return engine.compile(pattern, *program)
            except Exception:
                store.forget(key)
        regex = _regex_package()
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
    if int(final_flags) & _REGEX_LOCALE or named_lists or named_list_indexes or len(seen[0]) != 11:
        return compiled, None
    program = (int(final_flags), [int(op) for op in code], dict(group_index),
               dict(index_group), {}, [], int(req_offset),
               tuple(int(c) for c in req_chars) if req_chars is not None else None,
               int(req_flags), int(group_count))
    return compiled, program
