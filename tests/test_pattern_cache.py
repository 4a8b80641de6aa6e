"""qa.pattern_cache: stored programs give the same patterns as compiling, and anything
damaged, foreign or unexpected falls back to an ordinary compile."""
from __future__ import annotations

import os
import re

import pytest
import regex

from qa import cache, pattern_cache
from qa.pattern_cache import re_compile, regex_compile

TEXTS = (
    "Jingdong Group (hereinafter referred to as JD) and JD Group signed the deal.\n"
    "THE Ministry of Commerce of Zhejiang said: 2,300 billion yuan ... 北京，上海。",
    "ÉCOLE d'été — naïve résumé; 'quoted' “curly” Mr. Li Qiang, Dr Wang.\r\n\tTabs\tand  spaces",
    "HEREINAFTER referred to as the Expo; Hereinafter called the Fair. Group group GROUP",
    "",
)

RE_PATTERNS = (
    (r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b", 0),
    (r"(?P<name>[A-Z]\w+)\s+(?P<head>Group|Ministry)\b", 0),
    (r"(?<![\w.])(?:hereinafter|hereafter)\s+referred\s+to\s+as\b", re.I),
    (r"^\s*(?P<line>.+?)\s*$", re.M),
    (r"(?x) \d{1,3} (?: , \d{3} )+  # thousands\n", 0),
    (r"(?>\r\n|\r|\n)", 0),
    (r"[a-z]++(?=\s)", 0),
    (r"(?s)Mr\..*?Wang", 0),
    (r"[\u4e00-\u9fff]+", 0),
    (r"(a)|(b)|(?P<c>c)", re.IGNORECASE | re.MULTILINE),
)

REGEX_PATTERNS = (
    (r"(?<![\p{L}\p{N}_])\p{Lu}\p{Ll}+(?![\p{L}\p{N}_])", 0),
    (r"[[\p{L}\p{N}]--\p{Han}]+", regex.V1),
    (r"\p{Han}+", 0),
    (r"(?P<w>\w+)\s+(?P=w)", regex.I),
    (r"(?i)hereinafter\s+(?:referred\s+to\s+as)?", 0),
    (r"(?r)\d+", 0),
    (r"(?:ab|cd){2,}+", regex.V0),
)


def _matches(pattern, text):
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


def _same(a, b) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups,
                                                                   dict(b.groupindex))
    for text in TEXTS:
        assert _matches(a, text) == _matches(b, text)


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder, and no store or switch-off left from earlier tests."""
    monkeypatch.setenv("RELEASE_QA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("RELEASE_QA_NO_CACHE", raising=False)

    def restart():
        """What a new process sees: the stores are saved and forgotten."""
        for store in list(cache._stores.values()):
            store.save()
        cache._stores.clear()
        pattern_cache._off.clear()

    restart()
    yield restart
    restart()


def _stored(folder, engine: str) -> dict:
    files = [f for f in os.listdir(folder) if f.startswith(f"patterns-{engine}-")]
    assert len(files) == 1
    return cache._read(os.path.join(folder, files[0]))


@pytest.mark.parametrize("source,flags", RE_PATTERNS)
def test_a_stored_re_program_gives_the_same_pattern(fresh, tmp_path, source, flags):
    first = re_compile(source, flags)
    _same(first, re.compile(source, flags))
    fresh()
    assert (source, int(flags)) in _stored(tmp_path / "cache", "re")
    second = re_compile(source, flags)                  # from the stored program
    _same(second, re.compile(source, flags))
    assert cache._stores and all(not s._dirty for s in cache._stores.values())


@pytest.mark.parametrize("source,flags", REGEX_PATTERNS)
def test_a_stored_regex_program_gives_the_same_pattern(fresh, tmp_path, source, flags):
    first = regex_compile(source, flags)
    _same(first, regex.compile(source, flags))
    fresh()
    assert any(k[0] == source for k in _stored(tmp_path / "cache", "regex"))
    second = regex_compile(source, flags)
    _same(second, regex.compile(source, flags))


@pytest.mark.parametrize("source", [r"(unclosed", r"(?<=a+)b", r"\p{Han}"])
def test_pattern_errors_are_the_engines_own_and_remembered(fresh, tmp_path, source):
    # the stdlib's refusals are stored too: rules try `re` first and fall back to `regex`
    try:
        re.compile(source)
    except re.error as exc:
        expected = exc
    for _ in range(2):                                  # compiled, then from the store
        with pytest.raises(re.error) as got:
            re_compile(source)
        assert (str(got.value), got.value.msg, got.value.pos, got.value.pattern) == (
            str(expected), expected.msg, expected.pos, expected.pattern)
        fresh()
    assert _stored(tmp_path / "cache", "re")[(source, 0)][0] == "error"
    assert re_compile(r"ok").match("ok")                # and the store still works


def test_regex_errors_are_the_engines_own(fresh, tmp_path):
    with pytest.raises(regex.error, match="missing \\)"):
        regex_compile(r"(unclosed")
    fresh()
    assert not any(n.startswith("patterns-regex") for n in os.listdir(tmp_path / "cache")) \
        if (tmp_path / "cache").exists() else True


def _damage(folder, engine: str, how) -> None:
    files = [f for f in os.listdir(folder) if f.startswith(f"patterns-{engine}-")]
    path = os.path.join(folder, files[0])
    with open(path, "rb") as fh:
        raw = fh.read()
    with open(path, "wb") as fh:
        fh.write(how(raw))


@pytest.mark.parametrize("how", [
    lambda raw: raw[:-7],                                          # cut short
    lambda raw: raw[:-3] + bytes([raw[-3] ^ 0xFF]) + raw[-2:],     # one byte changed
    lambda raw: b"something else entirely",                        # not ours
    lambda raw: b"",
])
@pytest.mark.parametrize("engine", ["re", "regex"])
def test_a_damaged_store_is_dropped_not_trusted(fresh, tmp_path, how, engine):
    compile_, plain = (re_compile, re.compile) if engine == "re" else (regex_compile, regex.compile)
    source = r"(?P<a>\w+)\s+(?P<b>Group)\b"
    compile_(source)
    fresh()
    _damage(tmp_path / "cache", engine, how)
    store_name = next(n for n in os.listdir(tmp_path / "cache") if engine + "-" in n)[:-4]
    assert cache.get_store(store_name).get((source, 0) if engine == "re" else
                                           (source, 0, int(regex.DEFAULT_VERSION))) is None
    _same(compile_(source), plain(source))
    fresh()                                                        # rewritten whole
    assert _stored(tmp_path / "cache", engine)


def test_a_stored_program_the_engine_rejects_is_recompiled(fresh, tmp_path):
    source = r"Group\b"
    re_compile(source)
    fresh()
    store = next(iter(cache._stores.values()), None) or cache.get_store(
        next(n for n in os.listdir(tmp_path / "cache") if n.startswith("patterns-re-"))[:-4])
    flags, code, groups, index, names = store.get((source, 0))
    store.put((source, 0), (flags, [999, 1, 2], groups, index, names))   # checksum is fine
    fresh()
    _same(re_compile(source), re.compile(source))
    fresh()
    assert _stored(tmp_path / "cache", "re")[(source, 0)][1] == code


def test_moved_engine_internals_switch_the_store_off(fresh, tmp_path, monkeypatch):
    def moved(*args):            # as if re._parser or re._compiler changed in a new Python
        raise AttributeError("module 're._compiler' has no attribute '_code'")
    monkeypatch.setattr(pattern_cache, "_re_program", moved)
    _same(re_compile(r"\d+ Group"), re.compile(r"\d+ Group"))
    assert "re" in pattern_cache._off
    _same(re_compile(r"\w+ Group"), re.compile(r"\w+ Group"))     # ordinary compiles from now on
    fresh()
    assert not (tmp_path / "cache").exists()


def test_no_cache_means_ordinary_compiles_and_no_files(fresh, tmp_path, monkeypatch):
    monkeypatch.setenv("RELEASE_QA_NO_CACHE", "1")
    _same(re_compile(r"[A-Z]\w+", re.M), re.compile(r"[A-Z]\w+", re.M))
    _same(regex_compile(r"\p{Lu}\w+"), regex.compile(r"\p{Lu}\w+"))
    fresh()
    assert not (tmp_path / "cache").exists()


def test_flags_may_be_enum_members_or_ints(fresh):
    assert re_compile("a", re.I | re.M).flags == re.compile("a", re.I | re.M).flags
    assert regex_compile("a", regex.I).flags == regex.compile("a", regex.I).flags
    assert re_compile(b"a").pattern == b"a"                # bytes: compiled, not stored


def test_past_the_limit_only_this_runs_entries_are_kept(fresh, tmp_path, monkeypatch):
    monkeypatch.setattr(pattern_cache, "_LIMIT", 3)
    for i in range(5):
        re_compile(f"first{i}")
    fresh()
    for i in range(2):
        re_compile(f"second{i}")
    fresh()
    assert sorted(k[0] for k in _stored(tmp_path / "cache", "re")) == ["second0", "second1"]


def test_regex_flag_values_are_the_regex_modules():
    assert (pattern_cache.REGEX_V0, pattern_cache.REGEX_V1) == (regex.V0, regex.V1)
    assert (pattern_cache._REGEX_DEBUG, pattern_cache._REGEX_LOCALE) == (regex.DEBUG, regex.LOCALE)
    for name in ("I", "M", "S", "X"):          # callers pass re's flags to regex_compile
        assert int(getattr(regex, name)) == int(getattr(re, name))


def test_the_matcher_loaded_alone_is_the_one_the_package_uses_later():
    import subprocess
    import sys
    script = (
        "import sys\n"
        "from qa.pattern_cache import _regex_engine\n"
        "engine = _regex_engine()\n"
        "assert 'regex' not in sys.modules\n"
        "import regex\n"
        "assert regex._main._regex is engine\n"
        "p = engine.compile  # the package compiles through the same matcher\n"
        "print(regex.sub(r'(\\w+) (\\w+)', r'\\2 \\1', 'Group Jingdong'))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "Jingdong Group\n"


def test_a_store_written_by_another_python_is_a_miss(tmp_path, monkeypatch):
    path = str(tmp_path / "store.bin")
    cache._write(path, {"key": [1, 2, 3]})
    assert cache._read(path) == {"key": [1, 2, 3]}
    monkeypatch.setattr(cache, "_FORMAT", cache._FORMAT.replace(b" cache 1 ", b" cache 1 x"))
    assert cache._read(path) == {}


@pytest.mark.parametrize("entry", [("error", "bad"), ("error",), (), 7, "x", (None, [1], 0, {}, ())])
def test_a_malformed_entry_is_compiled_afresh(fresh, tmp_path, entry):
    source = r"Group\b"
    re_compile(source)
    fresh()
    name = next(n for n in os.listdir(tmp_path / "cache") if n.startswith("patterns-re-"))[:-4]
    cache.get_store(name).put((source, 0), entry)
    fresh()
    _same(re_compile(source), re.compile(source))
