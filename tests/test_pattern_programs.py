"""The compiled pattern programs shipped for each engine build (qa/_speed/programs.py): current
for the running interpreter, used for the built-in rules' patterns, never for another build,
refused programs and plain mode fall back to compiling, and a pattern built from its program
behaves as the one compiled from source."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from qa._speed import programs
from tests.helpers import ROOT, SEED

SCRIPT = os.path.join(ROOT, "scripts", "pattern_programs.py")


def _fresh_table(engine: str) -> dict:
    """This build's table as shipped (the process may have used, and dropped, entries)."""
    import importlib

    from qa._speed import program_tables
    name = program_tables.BUILDS.get(programs.fingerprint(engine))
    if name is None:
        pytest.skip(f"no table ships for this build ({programs.fingerprint(engine)})")
    return dict(importlib.reload(importlib.import_module(f"qa._speed.program_tables.{name}")).PROGRAMS)


def test_this_builds_tables_hold_every_built_in_pattern_as_its_compiler_makes_it():
    # after changing a pattern: `python scripts/pattern_programs.py` under each Python
    out = subprocess.run([sys.executable, SCRIPT, "--check"], capture_output=True, text=True,
                         cwd=ROOT, timeout=600)
    if out.returncode == 3:
        pytest.skip(out.stdout.strip())
    assert out.returncode == 0, out.stdout + out.stderr


def test_tables_ship_for_the_interpreters_ci_runs_and_each_build_names_one():
    from qa._speed.program_tables import BUILDS
    folder = os.path.join(ROOT, "qa", "_speed", "program_tables")
    tables = {f[:-3] for f in os.listdir(folder) if f.endswith(".py") and f != "__init__.py"}
    assert {b.split("_")[1] for b in BUILDS if b.startswith("re_")} >= {"cp311", "cp312", "cp313"}
    assert {b.split("_")[-2] for b in BUILDS if b.startswith("regex_")} >= {"cp311", "cp312", "cp313"}
    assert set(BUILDS.values()) == tables                    # no table that no build reads
    for build, table in BUILDS.items():
        assert re.fullmatch(r"(re|regex)_[0-9a-z_]+", build)
        assert re.fullmatch(r"(re|regex)_[0-9a-f]{12}", table) and table.split("_")[0] == build.split("_")[0]


@pytest.mark.parametrize("engine", ["re", "regex"])
def test_a_pattern_built_from_its_program_behaves_as_compiled_from_source(engine):
    import regex
    table = _fresh_table(engine)
    build = programs.build_re if engine == "re" else programs.build_regex
    compile_ = re.compile if engine == "re" else regex.compile
    with open(SEED, encoding="utf-8") as fh:
        text = fh.read() + "\n" + "Dr.Wang of JD Group said:”We Will”, said Ltd. Co. 2023年 12.5万"
    saved = dict(programs._TABLES)
    try:
        programs._TABLES[engine] = dict(table)
        for (pattern, flags) in table:
            built, source = build(pattern, flags), compile_(pattern, flags)
            assert built is not None, pattern
            assert (built.pattern, built.flags, built.groups, built.groupindex) == \
                   (source.pattern, source.flags, source.groups, source.groupindex), pattern
            spans = [(m.span(), m.groups()) for m in source.finditer(text)]
            assert [(m.span(), m.groups()) for m in built.finditer(text)] == spans, pattern
    finally:
        programs._TABLES.clear()
        programs._TABLES.update(saved)


@pytest.fixture
def tables():
    """programs._TABLES, restored after the test."""
    saved = dict(programs._TABLES)
    yield programs._TABLES
    programs._TABLES.clear()
    programs._TABLES.update(saved)


@pytest.fixture
def script():
    sys.path.insert(0, os.path.dirname(SCRIPT))
    try:
        import pattern_programs
        yield pattern_programs
    finally:
        sys.path.pop(0)


def test_an_entry_is_used_once_then_dropped_and_an_unknown_pattern_is_compiled(tables, script):
    tables["re"] = {}
    assert programs.build_re(r"\bunknown pattern\b") is None       # not shipped: compile it
    pattern, flags = r"(?P<word>[a-z]+)-(\d+)", int(re.I)
    tables["re"] = {(pattern, flags): script.capture_re(pattern, flags)}
    built = programs.build_re(pattern, flags)
    assert built is not None and built.groupindex == re.compile(pattern, flags).groupindex
    assert built.match("Abc-12").groups() == ("Abc", "12")
    assert tables["re"] == {}                                         # dropped once used
    assert programs.build_re(pattern, flags) is None


def test_a_damaged_or_refused_program_falls_back_to_compiling_from_source(tables, script):
    from qa._speed.regex import re_compile, regex_compile
    pattern = r"fallback-(\d+)"
    good = script.capture_re(pattern, 0)
    refused = (good[0], script._packed([1, 2, 3, 999999]), *good[2:])    # _sre validates it
    damaged = (good[0], good[1][:-8] + "AAAAAAAA", *good[2:])            # zlib's checksum fails
    for entry in (refused, damaged, ("not", "an", "entry")):
        tables["re"] = {(pattern, 0): entry}
        assert programs.build_re(pattern) is None
        tables["re"] = {(pattern, 0): entry}
        assert re_compile.__wrapped__(pattern).match("fallback-12").group(1) == "12"
    rpattern = r"\p{L}+-fallback"
    good = script.capture_regex(rpattern, 0)
    tables["regex"] = {(rpattern, 0): (good[0], good[1][:-8] + "AAAAAAAA", *good[2:])}
    assert regex_compile.__wrapped__(rpattern).match("Ab-fallback")


def test_another_build_reads_no_table(tables, monkeypatch):
    tables.clear()
    monkeypatch.setattr(programs, "fingerprint", lambda engine: f"{engine}_cp2_0_0_other_build")
    assert programs.table("re") == {} and programs.table("regex") == {}
    tables.clear()
    monkeypatch.setattr(programs, "fingerprint", lambda engine: None)   # not CPython
    assert programs.table("re") == {}


_RUN = r"""
import contextlib, io, sys
from qa._speed import programs
shipped = len(programs.table("re")) + len(programs.table("regex"))
from qa.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", "--isolated", sys.argv[1]])
print(shipped, shipped - len(programs.table("re")) - len(programs.table("regex")))
"""


def test_a_run_builds_the_built_in_patterns_from_the_tables_and_plain_mode_reads_none():
    def run(**env) -> tuple[int, int]:
        out = subprocess.run([sys.executable, "-c", _RUN, SEED], capture_output=True, text=True,
                             cwd=ROOT, timeout=120, env={**os.environ, **env})
        assert out.returncode == 0, out.stderr
        return tuple(map(int, out.stdout.split()))
    shipped, used = run(RELEASE_QA_STDLIB="0")
    if not shipped:
        pytest.skip("no table ships for this build")
    assert used >= 100                          # the seed's check compiled them from the table
    assert run(RELEASE_QA_STDLIB="1") == (0, 0)
