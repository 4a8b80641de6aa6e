"""--format jsonl and --files-from: one line per file, as it is done, holding exactly what the
JSON report holds for it, then the summary; lists of paths read as the run goes; nothing of a
file kept once its line is written."""
from __future__ import annotations

import gc
import io
import json
import os
import subprocess
import sys
import weakref

import pytest

from qa.report import FileResult
from tests.helpers import ROOT, SEED

GOOD = "Acme Group opens a plant in Chengdu\n\nAcme Group said the plant employs 300 people.\n"


def _seed() -> str:
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("stream")
    seed = _seed()
    files = {"a-seed.txt": seed, "b-good.txt": GOOD, "c/seed.md": "# " + seed,
             "c/twice.txt": seed.replace("the", "the the", 3), "d-binary.txt": None}
    for i in range(8):
        files[f"e/r{i}.txt"] = GOOD.replace("300", f"{300 + i}") + "\nComments are closed.\n"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x00\x01binary\xff" if text is None else text.encode("utf-8"))
    return str(root)


_RUNS: dict[tuple, subprocess.CompletedProcess] = {}


def check(args: list[str], cwd: str, stdin: bytes | None = None):
    """`release-qa check --isolated ARGS` (each distinct run once per module: runs are the cost)."""
    key = (tuple(args), cwd, stdin)
    if key not in _RUNS or any("=" in a or a == "--output-file" for a in args):
        _RUNS[key] = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", *args], cwd=cwd,
                                    input=stdin, capture_output=True, timeout=300)
    return _RUNS[key]


def lines(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def test_jsonl_holds_what_the_json_report_holds(folder):
    as_json = check(["--format", "json", "."], folder)
    as_jsonl = check(["--format", "jsonl", "--jobs", "1", "."], folder)
    assert (as_jsonl.returncode, as_jsonl.stderr) == (as_json.returncode, as_json.stderr) == \
        (2, b"release-qa: error: d-binary.txt: binary file, not text\n")
    report, got = json.loads(as_json.stdout), lines(as_jsonl.stdout)
    assert got[:-1] == report["files"]
    assert got[-1] == {"version": report["version"], "tool": report["tool"], "summary": report["summary"]}
    assert all(line.count(b"\n") == 0 for line in as_jsonl.stdout.splitlines())


def test_jsonl_lines_follow_the_schema(folder):
    jsonschema = pytest.importorskip("jsonschema")
    with open(os.path.join(ROOT, "qa", "schemas", "report.schema.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    got = lines(check(["--format", "jsonl", "--jobs", "1", "."], folder).stdout)
    part = {k: schema[k] for k in ("$schema", "$defs") if k in schema}
    for line in got[:-1]:
        jsonschema.validate(line, {**part, "$ref": "#/$defs/file"})
    jsonschema.validate(got[-1]["summary"], {**part, "$ref": "#/$defs/summary"})


def test_jsonl_is_the_same_whatever_the_jobs(folder):
    one = check(["--format", "jsonl", "--jobs", "1", "."], folder)
    other = check(["--format", "jsonl", "--jobs", "2", "."], folder)
    assert (other.returncode, other.stderr, other.stdout) == (one.returncode, one.stderr, one.stdout)


def test_files_from_lists_by_line_by_nul_and_on_stdin(folder):
    names = sorted(os.path.relpath(os.path.join(d, f), folder)
                   for d, _, fs in os.walk(folder) for f in fs if f.endswith(".txt"))
    listing = os.path.join(folder, "..", "list.txt")
    with open(listing, "w", encoding="utf-8") as fh:
        fh.write("\r\n".join(names) + "\r\n\r\n")
    by_file = check(["--format", "jsonl", "--files-from", listing], folder)
    assert [x["path"] for x in lines(by_file.stdout)[:-1]] == names
    by_nul = check(["--format", "jsonl", "--files-from", "-", "--null"], folder,
                   stdin=b"\0".join(n.encode() for n in names) + b"\0")
    assert by_nul.stdout == by_file.stdout
    assert by_nul.stderr == by_file.stderr == b"release-qa: error: d-binary.txt: binary file, not text\n"
    both = check(["--format", "jsonl", "a-seed.txt", "--files-from", "-"], folder, stdin=b"a-seed.txt\n")
    paths = [x["path"] for x in lines(both.stdout)[:-1]]
    assert paths == ["a-seed.txt", "a-seed.txt"]            # a listed path is checked as listed
    missing = check(["--format", "concise", "--files-from", "-"], folder, stdin=b"b-good.txt\nnope.txt\n")
    assert missing.returncode == 2
    assert missing.stderr == b"release-qa: error: nope.txt: no such file or directory\n"


def test_files_from_usage_errors(folder):
    for args, message in ((["--null", "."], b"--null needs --files-from"),
                          (["--files-from", "-", "-"], b"cannot also be a file to check"),
                          (["--files-from", "no-such-list.txt"], b"no-such-list.txt")):
        out = check(args, folder, stdin=b"")
        assert out.returncode == 2 and message in out.stderr, out.stderr
        assert out.stderr.count(b"\n") == 1 and out.stdout == b""


def test_output_file_is_written_whole_at_the_end(folder, tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    out = check(["--format", "jsonl", "--output-file", str(target), "."], folder)
    assert out.stdout == b"" and out.returncode == 2
    assert target.read_bytes() == check(["--format", "jsonl", "--jobs", "1", "."], folder).stdout
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]       # no temporary left
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_a_listed_file_that_is_an_output_stops_the_run_before_anything_is_written(folder, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text(GOOD, encoding="utf-8")
    for args in (["--format", "jsonl", "--output-file", str(victim)],
                 ["--format", "jsonl", "-o", f"json={victim}"]):
        out = check([*args, "--files-from", "-"], folder, stdin=f"b-good.txt\n{victim}\n".encode())
        assert out.returncode == 2 and b"one of the files being checked" in out.stderr
        assert victim.read_text(encoding="utf-8") == GOOD


def test_other_outputs_collect_the_run_and_jsonl_comes_out_the_same(folder, tmp_path):
    streamed = check(["--format", "jsonl", "--jobs", "1", "."], folder)
    collected = check(["--format", "jsonl", "-o", f"sarif={tmp_path / 'x.sarif'}", "."], folder)
    assert collected.stdout == streamed.stdout and (tmp_path / "x.sarif").stat().st_size > 1000


def test_a_streamed_run_keeps_nothing_of_a_file_once_written(monkeypatch):
    """The command line's streaming loop holds a file's result only while writing its line."""
    from qa import cli_stream
    alive: list[weakref.ref] = []
    most = [0]

    def results():
        for i in range(50):
            fr = FileResult(f"r{i}.txt", "utf-8", "text", words=10, source="x" * 1000)
            alive.append(weakref.ref(fr))
            gc.collect(0)       # a result holds no cycle: the young generation is enough
            most[0] = max(most[0], sum(r() is not None for r in alive))
            yield fr

    class Runner:
        shared_errors: set = set()

        def report(self, files):
            from qa.report import Report
            return Report(files, {}, "warning", "0", None)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    report = cli_stream._streamed(results(), Runner(), None)
    assert most[0] <= 2 and report.summary["files"] == 50 and report.exit_code == 0
    assert out.getvalue().count("\n") == 50


def test_the_summary_and_exit_code_come_from_counts(folder):
    for extra in (["--fail-on", "info"], ["--fail-under", "99"]):
        a = check(["--format", "json", *extra, "b-good.txt", "c/twice.txt"], folder)
        b = check(["--format", "jsonl", *extra, "b-good.txt", "c/twice.txt"], folder)
        assert b.returncode == a.returncode
        assert lines(b.stdout)[-1]["summary"] == json.loads(a.stdout)["summary"]
