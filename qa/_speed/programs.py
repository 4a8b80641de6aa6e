"""Compiled pattern programs shipped inside the package, for the engine build that made them.

Compiling a pattern is mostly Python code (the parser and code generator of `re` and of
`regex`); the matcher's program it produces depends only on the pattern, its flags and the
engine. For the patterns of the built-in rules, `python scripts/pattern_programs.py` runs that
compiler ahead of time and writes what it handed to the C constructor (`_sre.compile`,
`_regex.compile`) into a module of `program_tables/`, whose index (`BUILDS` in its
`__init__.py`) names the table of each engine build by the build's fingerprint
(`fingerprint()`): the Python version to the micro release, `_sre`'s magic number, the Unicode
data version and the byte order for `re`; the `regex` release, its default version and the
Python minor version for `regex`. Builds whose compilers make the same programs share a table.

    build_re(pattern, flags)      the compiled pattern from the table, or None
    build_regex(pattern, flags)   likewise for the `regex` module

None means compile from source as usual: another engine build, a pattern the table does not
hold (a user's pack, a name found in a document), or an entry that cannot be used: each
program is deflated, so zlib's checksum catches a damaged one, and `_sre` validates what it
is given (`_regex` does not, which is one more reason a table is only ever package code). A
table is package code like any module here: it is never written at run time, and nothing
outside the installed package is read as a program (the hardening rule). An entry is used
once and dropped, so a table costs memory only until its patterns are compiled. With
RELEASE_QA_STDLIB=1 no table is read.
"""
from __future__ import annotations

import sys

from .plain import PLAIN

_TABLES: dict[str, dict | None] = {}        # engine -> its table ({} when none fits)


def fingerprint(engine: str) -> str | None:
    """The key of this process's `re` or `regex` build in the tables' index (None: no table
    can fit, as on another Python implementation)."""
    v = sys.version_info
    if sys.implementation.name != "cpython" or v.releaselevel != "final":
        return None
    if engine == "re":
        import _sre
        import unicodedata
        return (f"re_cp{v.major}{v.minor}_{v.micro}_{_sre.MAGIC}_{_sre.CODESIZE}_"
                f"u{unicodedata.unidata_version.replace('.', '_')}_{sys.byteorder}")
    import regex
    return (f"regex_{regex.__version__.replace('.', '_')}_v{int(regex.DEFAULT_VERSION)}_"
            f"cp{v.major}{v.minor}_{sys.byteorder}")


def table(engine: str) -> dict:
    """The shipped table of `engine` for this build: (pattern, flags) -> constructor arguments
    after the pattern; {} when none ships."""
    got = _TABLES.get(engine)
    if got is None:
        got = {}
        build = None if PLAIN else fingerprint(engine)
        if build is not None:
            from importlib import import_module
            try:
                name = import_module(f"{__package__}.program_tables").BUILDS.get(build)
                if isinstance(name, str) and name.startswith(engine + "_") and name.isidentifier():
                    programs = import_module(f"{__package__}.program_tables.{name}").PROGRAMS
                    if isinstance(programs, dict):
                        got = programs
            except Exception:               # noqa: BLE001 - none for this build, or unreadable
                pass
        _TABLES[engine] = got
    return got


def _entry(engine: str, pattern, flags: int):
    if not isinstance(pattern, str):
        return None
    return table(engine).pop((pattern, flags), None)


def unpacked(code: str) -> list[int]:
    """A stored program's codes: base64 of the deflated 32-bit codes in this byte order."""
    import zlib
    from array import array
    from binascii import a2b_base64
    program = array("I")
    program.frombytes(zlib.decompress(a2b_base64(code)))
    return program.tolist()


def build_re(pattern, flags: int = 0):
    """The `re` pattern built from its shipped program, or None."""
    entry = _entry("re", pattern, flags)
    if entry is None:
        return None
    import _sre
    try:
        final_flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(pattern, final_flags, unpacked(code), groups, dict(groupindex),
                            indexgroup)
    except Exception:                       # noqa: BLE001 - refused: compile from source
        return None


def build_regex(pattern, flags: int = 0):
    """The `regex` pattern built from its shipped program, or None."""
    entry = _entry("regex", pattern, flags)
    if entry is None:
        return None
    from regex import _regex
    try:
        (final_flags, code, group_index, index_group, req_offset, req_chars, req_flags,
         group_count) = entry
        return _regex.compile(pattern, final_flags, unpacked(code), dict(group_index),
                              dict(index_group), {}, [], req_offset, req_chars, req_flags,
                              group_count)
    except Exception:                       # noqa: BLE001 - refused: compile from source
        return None
