"""Write the compiled programs of the built-in rules' patterns for the running interpreter's
`re` and `regex` builds into qa/_speed/program_tables/ (qa/_speed/programs.py says why and how
they are used). Run it under each Python you support after changing a pattern; the tests fail
while the running interpreter's table misses a pattern of the built-in rules.

    python scripts/pattern_programs.py [FILE ...]
    python scripts/pattern_programs.py --check     # exit 1 if this build's tables are stale

Which patterns: those compiled while every module is imported and the rule sets (default and
ALL) are built, every module-level lazy pattern, every pattern of the built-in packs, and those
compiled while checking the census texts (the seeds, the releases of bench/releases/dev and
the texts of the rule cases in tests/cases, or the files given) for at least two of them, each
text checked in a fresh fork, so a pattern made from one document's own names is left out. What is stored is
what the engine's own compiler hands to its C constructor, captured as it is handed over.
"""
from __future__ import annotations

import argparse
import gc
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.environ.pop("RELEASE_QA_STDLIB", None)
TABLES = os.path.join(ROOT, "qa", "_speed", "program_tables")
MIN_TEXTS = 2                   # a pattern compiled for fewer census texts is one text's own


def census(texts: list[str]) -> set[tuple[str, str, int]]:
    """(engine, pattern, flags) of the patterns the built-in rules compile (see above)."""
    import qa._speed.regex as memo
    seen: set = set()
    originals = {"re": memo.re_compile, "regex": memo.regex_compile}

    def recorder(engine):
        def compile_and_note(pattern, flags=0):
            if isinstance(pattern, str):
                seen.add((engine, pattern, int(flags)))
            return originals[engine](pattern, flags)
        return compile_and_note
    memo.re_compile, memo.regex_compile = recorder("re"), recorder("regex")
    import pkgutil

    import qa
    for module in pkgutil.walk_packages(qa.__path__, "qa."):    # every module-level pattern
        if ".program_tables." not in module.name and not module.name.endswith("__main__"):
            try:
                __import__(module.name)
            except ImportError:                     # an extra that is not installed
                pass
    checkers = [qa.Checker(isolated=True), qa.Checker(isolated=True, select=["ALL"])]
    for obj in gc.get_objects():
        if isinstance(obj, memo.LazyRegex):
            obj.compiled                            # noqa: B018 - compiles and notes it
    from qa.ruleset import build_ruleset
    for pack in build_ruleset().packs:              # every built-in pack pattern, used or not
        for matcher in pack.matchers.values():
            for p in matcher.patterns:
                p.compiled                          # noqa: B018
            for same_length in (True, False):
                matcher.phrases.first(same_length)
    static, counts = set(seen), {}
    for text in texts:
        for key in _in_fork(lambda t=text: [c.check_text(t) for c in checkers], seen, static):
            counts[key] = counts.get(key, 0) + 1
    return static | {k for k, n in counts.items() if n >= MIN_TEXTS}


def _in_fork(work, seen: set, static: set) -> list:
    """The keys noted while `work()` runs in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        status = 1
        try:
            work()
            with os.fdopen(write, "w", encoding="utf-8") as out:
                json.dump(sorted(seen - static), out)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as got:
        data = got.read()
    os.waitpid(pid, 0)
    return [tuple(k) for k in json.loads(data or "[]")]


def _handed_over(module, compile_pattern) -> tuple | None:
    """The arguments `compile_pattern()` hands to `module.compile` (the engine's C constructor),
    caught on their way in; None when the engine refuses the pattern."""
    got, real = [], module.compile

    def note(*args):
        got.append(args)
        return real(*args)
    module.compile = note
    try:
        compile_pattern()
    except Exception:                       # noqa: BLE001 - re tries a pattern regex compiles
        return None
    finally:
        module.compile = real
    return got[0] if len(got) == 1 else None


def capture_re(pattern: str, flags: int):
    """The arguments after the pattern that `re` hands to _sre.compile, or None."""
    import _sre
    import re._compiler
    args = _handed_over(_sre, lambda: re._compiler.compile(pattern, flags))
    if args is None:
        return None
    _, final_flags, code, groups, groupindex, indexgroup = args
    return (int(final_flags), _packed(code), int(groups), tuple(sorted(dict(groupindex).items())),
            tuple(indexgroup))


def capture_regex(pattern: str, flags: int):
    """The arguments after the pattern that `regex` hands to _regex.compile, or None (named
    lists and locale-dependent patterns are left to compile at run time)."""
    import regex
    from regex import _main, _regex
    args = _handed_over(_regex, lambda: _main._compile(pattern, flags, False, {}, False))
    if args is None:
        return None
    (_, final_flags, code, group_index, index_group, named_lists, named_list_indexes,
     req_offset, req_chars, req_flags, group_count) = args
    if named_lists or named_list_indexes or final_flags & regex.LOCALE:
        return None
    return (int(final_flags), _packed(code), tuple(sorted(group_index.items())),
            tuple(sorted(index_group.items())), int(req_offset),
            None if req_chars is None else tuple(req_chars), int(req_flags), int(group_count))


def _packed(code) -> str:
    """The program as qa._speed.programs.unpacked() reads it: 32-bit codes in this machine's
    byte order, deflated, in base64 (a fifth of the size of the plain bytes)."""
    import base64
    import zlib
    from array import array
    return base64.b64encode(zlib.compress(array("I", code).tobytes(), 9)).decode("ascii")


HEADER = '''"""Generated by scripts/pattern_programs.py: do not edit. Compiled programs of the built-in
rules' patterns for the engine builds that __init__.py maps here (qa/_speed/programs.py)."""
# ruff: noqa
'''
INDEX_HEADER = '''"""Shipped compiled programs of the built-in rules' patterns (qa/_speed/programs.py):
the table each engine build reads. Generated by scripts/pattern_programs.py: do not edit."""

'''


def shipped(name: str) -> dict:
    """The PROGRAMS of table module `name`, as shipped (read afresh)."""
    import importlib
    module = importlib.import_module(f"qa._speed.program_tables.{name}")
    return dict(importlib.reload(module).PROGRAMS)


def builds() -> dict[str, str]:
    """The index: engine build -> table module."""
    import importlib
    index = importlib.import_module("qa._speed.program_tables")
    return dict(getattr(importlib.reload(index), "BUILDS", {}))


def write(engine: str, keys: list[tuple[str, int]]) -> str:
    """Write this build's table of `engine`, or map the build to a shipped table that holds
    the same programs (several Pythons often share one), and drop tables no build reads."""
    import hashlib

    from qa._speed.programs import fingerprint
    capture = capture_re if engine == "re" else capture_regex
    entries = {}
    for pattern, flags in sorted(keys):
        entry = capture(pattern, flags)
        if entry is not None:
            entries[(pattern, flags)] = entry
    index = builds()
    name = None
    for other in sorted(set(index.values())):
        if other.startswith(engine + "_"):
            held = shipped(other)
            if held.keys() == entries.keys() and all(same_program(held[k], e, engine)
                                                     for k, e in entries.items()):
                name = other
                break
    if name is None:
        body = "PROGRAMS = {\n" + "".join(f"    {k!r}: {e!r},\n" for k, e in entries.items()) + "}\n"
        name = f"{engine}_{hashlib.sha256(body.encode()).hexdigest()[:12]}"
        with open(os.path.join(TABLES, f"{name}.py"), "w", encoding="utf-8") as fh:
            fh.write(HEADER + body)
    index[fingerprint(engine)] = name
    with open(os.path.join(TABLES, "__init__.py"), "w", encoding="utf-8") as fh:
        fh.write(INDEX_HEADER + "BUILDS = {\n" + "".join(
            f"    {b!r}: {t!r},\n" for b, t in sorted(index.items())) + "}\n")
    for file in os.listdir(TABLES):
        if file.endswith(".py") and file != "__init__.py" and file[:-3] not in index.values():
            os.remove(os.path.join(TABLES, file))
    return os.path.join(TABLES, f"{name}.py")


def same_program(stored, made, engine: str) -> bool:
    """Whether a stored entry is what the compiler makes now. `re` makes the same bytes every
    time; `regex` lists the members of a set (its first-character check) in an order that
    differs between processes, so there the program must hold the same codes, in any order,
    beside equal flags, groups and required string (tests/test_pattern_programs.py also holds
    both to the same matches)."""
    if made is None or stored is None:
        return stored is made
    if engine == "re" or stored == made:
        return stored == made
    from qa._speed.programs import unpacked
    codes = [sorted(unpacked(entry[1])) for entry in (stored, made)]
    return codes[0] == codes[1] and stored[0] == made[0] and stored[2:] == made[2:]


def check() -> int:
    """0 when each table of this build holds every pattern the rules compile without a text
    and every entry is what the engine's compiler makes now; 1 (and what is wrong) if not;
    3 when no table ships for either engine of this build (one engine's table is checked
    without the other's: an older regex release still has its re table checked)."""
    from qa._speed.programs import fingerprint
    keys, status, checked = census([]), 0, 0
    for engine in ("re", "regex"):
        capture = capture_re if engine == "re" else capture_regex
        name = builds().get(fingerprint(engine))
        if name is None:
            print(f"no table for this build: {fingerprint(engine)}")
            continue
        checked += 1
        programs = shipped(name)                # afresh: the census used (and dropped) entries
        missing = [(p, f) for e, p, f in keys if e == engine and (p, f) not in programs
                   and capture(p, f) is not None]
        wrong = [k for k, entry in programs.items() if not same_program(entry, capture(*k), engine)]
        for what, rows in (("missing", missing), ("not what the compiler makes", wrong)):
            for pattern, flags in rows[:20]:
                print(f"{name}: {what}: {pattern[:100]!r} (flags {flags})")
            if rows:
                status = 1
                print(f"{name}: {len(rows)} {what}: run `python scripts/pattern_programs.py`")
    return status if checked else 3


def census_texts(paths: list[str]) -> list[str]:
    """The texts of the given files, or the default census texts."""
    if not paths:
        import tomllib
        paths = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))
                       + glob.glob(os.path.join(ROOT, "bench", "releases", "dev", "*.txt")))
        cases = []
        for name in sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "*.toml"))):
            with open(name, "rb") as fh:
                cases += [c["text"] for c in tomllib.load(fh).get("case", []) if "text" in c]
    else:
        cases = []
    texts = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    return texts + cases


def main(argv=None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # regex's compiler walks sets of strings: its first-set checks come out in hash order,
        # equivalent in any order but the same bytes only under one seed
        env = dict(os.environ, PYTHONHASHSEED="0")
        args = sys.argv[1:] if argv is None else list(argv)
        os.execve(sys.executable, [sys.executable, os.path.abspath(__file__), *args], env)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("texts", nargs="*", help="census texts (default: see above)")
    ap.add_argument("--check", action="store_true", help="check this build's tables, write nothing")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    if not hasattr(os, "fork"):
        print("error: the census forks a process per text; run it where fork() exists", file=sys.stderr)
        return 2
    keys = census(census_texts(args.texts))
    for engine in ("re", "regex"):
        chosen = [(p, f) for e, p, f in keys if e == engine]
        path = write(engine, chosen)
        print(f"wrote {os.path.relpath(path, ROOT)} ({len(chosen)} patterns, "
              f"{os.path.getsize(path) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
