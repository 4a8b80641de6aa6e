"""qa.Checker: built once from the command line's settings, the same results as the command
line, picklable (pools, Dask, Spark, Ray), and the conveniences on top of it."""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import pickle
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

import qa
from qa.api import MAX_PATH_BYTES, Checker, read_path_list
from qa.errors import QAError
from qa.formatters.jsonl import file_dict
from tests.helpers import ROOT, SEED

CLEAN = "Acme Group opens a plant in Chengdu\n\nAcme Group said the plant employs 300 people.\n"
MARKDOWN = "# Acme Group opens a plant\n\nThe the plant employs 300 people.\n"


def _seed() -> str:
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(isolated=True)


def _cli_json(*args: str, cwd: str = ROOT) -> dict:
    out = subprocess.run([sys.executable, "-m", "qa", "check", "--format", "json", *args],
                         capture_output=True, cwd=cwd, timeout=300)
    assert out.returncode in (0, 1), out.stderr.decode()
    return json.loads(out.stdout)


def test_check_file_and_check_text_give_what_the_command_line_reports(checker):
    cli = _cli_json("--isolated", os.path.relpath(SEED, ROOT))["files"][0]
    by_file = checker.check_file(os.path.relpath(SEED, ROOT))
    by_text = checker.check_text(_seed(), path=os.path.relpath(SEED, ROOT))
    assert file_dict(by_file) == cli
    assert file_dict(by_text) == cli
    assert len(by_file.findings) >= 30 and by_file.source == _seed()


def test_check_text_reads_the_format_from_the_path_or_the_argument(checker):
    assert checker.check_text(MARKDOWN).format == "text"
    assert checker.check_text(MARKDOWN, path="news/acme.md").format == "markdown"
    as_md = checker.check_text(MARKDOWN, format="markdown")
    assert (as_md.path, as_md.format) == ("<text>", "markdown")
    assert [f.rule for f in as_md.findings] == ["DU01"]
    assert as_md.findings[0].text == "The the"


def test_problems_of_one_file_are_its_errors_not_exceptions(checker, tmp_path):
    missing = checker.check_file(str(tmp_path / "nope.txt"))
    assert (missing.errors, missing.fatal) == (["no such file or directory"], True)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"Hello \x00\x01\x02\xff world\x00\x00")
    assert checker.check_file(str(binary)).errors == ["binary file, not text"]


def test_settings_are_checked_when_the_checker_is_made(tmp_path):
    with pytest.raises(QAError, match="XX99"):
        Checker(select=["XX99"], isolated=True)
    with pytest.raises(QAError):
        Checker(packs=[str(tmp_path / "missing-pack.toml")], isolated=True)
    with pytest.raises(QAError, match="cannot be combined"):
        Checker(config=str(tmp_path / "x.toml"), isolated=True)


def test_selectors_as_a_list_or_a_comma_separated_string():
    a = Checker(select="DU,TR01", isolated=True).check_text(_seed())
    b = Checker(select=["DU", "TR01"], isolated=True).check_text(_seed())
    assert [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
    assert {f.rule for f in a.findings} <= {"DU01", "DU02", "DU03", "DU04", "DU05", "TR01"}
    assert a.findings


def test_config_files_are_found_from_the_path_unless_isolated(tmp_path):
    (tmp_path / ".release-qa.toml").write_text('select = ["DU01"]\n', encoding="utf-8")
    path = str(tmp_path / "acme.txt")
    found = Checker().check_text(_seed() + "\nThe the end.\n", path=path)
    assert {f.rule for f in found.findings} == {"DU01"}
    isolated = Checker(isolated=True).check_text(_seed() + "\nThe the end.\n", path=path)
    assert len({f.rule for f in isolated.findings}) > 5
    explicit = Checker(config=str(tmp_path / ".release-qa.toml")).check_text(_seed())
    assert {f.rule for f in explicit.findings} <= {"DU01"}


def test_a_broken_config_above_a_file_is_that_files_error(tmp_path):
    (tmp_path / ".release-qa.toml").write_text("select = [\n", encoding="utf-8")
    result = Checker().check_text(CLEAN, path=str(tmp_path / "acme.txt"))
    assert result.fatal and ".release-qa.toml" in result.errors[0]


def test_a_checker_pickles_as_its_settings_and_is_rebuilt_once_per_process(checker):
    data = pickle.dumps(checker)
    assert len(data) < 1000                       # settings, not rule sets
    again, twice = pickle.loads(data), pickle.loads(data)
    assert again is twice                         # one rule set per process and thread
    assert again.settings == checker.settings
    assert [f.to_dict() for f in again.check_text(_seed()).findings] == \
        [f.to_dict() for f in checker.check_text(_seed()).findings]
    assert repr(Checker(select=["NC"], isolated=True)) == "Checker(select=('NC',), isolated=True)"


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_checker_works_in_a_process_pool(checker, method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    texts = [_seed(), CLEAN, MARKDOWN]
    here = [[f.to_dict() for f in checker.check_text(t).findings] for t in texts]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        there = [[f.to_dict() for f in r.findings] for r in pool.map(checker.check_text, texts)]
    assert there == here


def test_check_paths_streams_results_in_input_order(checker, tmp_path):
    for i in range(12):
        (tmp_path / f"r{i:02d}.txt").write_text(CLEAN.replace("300", str(300 + i)), encoding="utf-8")
    names = [f"r{i:02d}.txt" for i in range(12)]
    consumed: list[str] = []

    def listed():
        for name in names:
            consumed.append(name)
            yield str(tmp_path / name)
    results = checker.check_paths(listed=listed())
    first = next(results)
    assert first.path.endswith("r00.txt") and first.source == ""    # streamed: no text kept
    assert len(consumed) < len(names)             # read as it goes
    rest = list(results)
    assert [os.path.basename(r.path) for r in [first, *rest]] == names
    both = list(checker.check_paths([str(tmp_path)], jobs=2))
    assert [os.path.basename(r.path) for r in both] == names


def test_lint_text_and_lint_paths_stay_conveniences():
    report = qa.lint_text(_seed())
    assert report.summary["findings"] == len(Checker(isolated=True).check_text(_seed()).active)
    from qa.api import _shared
    assert _shared((("select", None), ("ignore", ()), ("isolated", True))) is \
        _shared((("select", None), ("ignore", ()), ("isolated", True)))
    selected = qa.lint_text(_seed(), select=["DU"])
    assert set(selected.summary["by_rule"]) <= {"DU01", "DU02", "DU03", "DU04", "DU05"}
    paths = qa.lint_paths([SEED], isolated=True)
    assert paths.files[0].source == _seed() and paths.summary["findings"] == report.summary["findings"]


def test_import_qa_stays_light():
    out = subprocess.run([sys.executable, "-c", "import qa, sys; print(sorted(m for m in sys.modules "
                          "if m.startswith('qa')))"], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "['qa', 'qa.version']"


# ---- path lists (--files-from) -------------------------------------------------------------
def test_path_lists_by_line_or_nul():
    data = b"a.txt\r\nb c.txt\n\n  d.txt\nlast"
    assert list(read_path_list(io.BytesIO(data))) == ["a.txt", "b c.txt", "  d.txt", "last"]
    assert list(read_path_list(io.BytesIO(b"a\nb.txt\0c.txt\0\0"), null=True)) == ["a\nb.txt", "c.txt"]
    assert list(read_path_list(io.BytesIO(b"caf\xe9.txt\n"))) == [os.fsdecode(b"caf\xe9.txt")]


def test_path_lists_across_chunks_and_too_long_lines():
    names = [f"folder/release-{i:06d}.txt" for i in range(5000)]        # > one 64 KiB chunk
    assert list(read_path_list(io.BytesIO("\n".join(names).encode()))) == names
    with pytest.raises(QAError, match="longer than"):
        list(read_path_list(io.BytesIO(b"x" * (MAX_PATH_BYTES + 10))))
    with pytest.raises(QAError, match="NUL"):
        list(read_path_list(io.BytesIO(b"a\n" * 40000), null=True))
