"""Checking in several processes changes nothing but the speed: `--jobs 1` and `--jobs 2` give
byte-identical output (JSON, text and streamed JSON Lines, errors included; forked workers or
the standard library's pool) with files in sorted order; a stream comes back in order with a
bounded window read ahead, loses no file when a worker dies and leaves no process behind; the
progress display is told each file once and never shows when piped or in CI."""
from __future__ import annotations

import glob
import json
import os
import subprocess
import sys

import pytest

from tests.helpers import SEED, SHARED

WMT_DOCS = sorted(glob.glob(os.path.join(SHARED, "data", "wmt23-zhen-dev", "docs", "*.txt")))


def _seed() -> str:
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


def _releases() -> dict[str, str]:
    """20 releases by relative path: seed copies (text, Markdown, HTML) and WMT documents."""
    seed = _seed()
    files = {"b-seed.txt": seed, "A-seed.txt": seed, "10-seed.txt": seed, "9-seed.txt": seed,
             "seed.md": "# " + seed, "seed.html": f"<html><body><p>{seed}</p></body></html>",
             "z/sub/deep-seed.txt": seed, "z/seed-crlf.txt": seed.replace("\n", "\r\n")}
    others = WMT_DOCS[::max(1, len(WMT_DOCS) // 12)][:12]
    for i, path in enumerate(others):
        with open(path, encoding="utf-8") as fh:
            files[f"{'m' if i % 2 else 'c'}/wmt-{i:02d}.txt"] = fh.read()
    for i in range(len(others), 12):        # without the shared data: variants of the seed
        files[f"c/variant-{i:02d}.txt"] = seed.replace("the", "the the", i % 3 + 1)
    return files


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("jobs") / "releases"
    for rel, text in reversed(list(_releases().items())):     # created out of sorted order
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return str(root)


def run(args: list[str], cwd: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", *args],
                          cwd=cwd, capture_output=True, timeout=300, env=env)


def expected_order(root: str) -> list[str]:
    """The documented order: paths sorted by their components, as shown (folder/name)."""
    rels = [os.path.relpath(os.path.join(folder, f), root)
            for folder, _, files in os.walk(root) for f in files]
    name = os.path.basename(root)
    return [os.path.join(name, r) for r in sorted(rels, key=lambda r: r.split(os.sep))]


_RUNS: dict[tuple[str, str], subprocess.CompletedProcess] = {}


def check_folder(folder: str, fmt: str, jobs: str) -> subprocess.CompletedProcess:
    """`check --format FMT --jobs N releases` run once per module (the runs are the cost)."""
    if (fmt, jobs) not in _RUNS:
        cwd, name = os.path.split(folder)
        _RUNS[fmt, jobs] = run(["--format", fmt, "--jobs", jobs, name], cwd)
    return _RUNS[fmt, jobs]


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_give_identical_output(folder, fmt):
    one, two = check_folder(folder, fmt, "1"), check_folder(folder, fmt, "2")
    assert one.stderr == b"", one.stderr.decode()
    assert one.returncode in (0, 1)
    assert (two.returncode, two.stderr) == (one.returncode, one.stderr)
    assert two.stdout == one.stdout
    assert len(one.stdout) > 1000


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_files_come_in_sorted_order(folder, jobs):
    name = os.path.basename(folder)
    report = json.loads(check_folder(folder, "json", jobs).stdout)
    paths = [f["path"] for f in report["files"]]
    assert len(paths) == len(_releases()) >= 20
    assert paths == expected_order(folder)
    assert paths[:4] == [os.path.join(name, n) for n in
                         ("10-seed.txt", "9-seed.txt", "A-seed.txt", "b-seed.txt")]
    assert sum(f["words"] for f in report["files"]) > 5000


def test_jobs_report_input_errors_identically(tmp_path):
    root = tmp_path / "mixed"
    root.mkdir()
    for i in range(6):
        (root / f"r{i}.txt").write_text(f"Firm {i} opens plant\n\nComments are closed.\n",
                                        encoding="utf-8")
    (root / "r2-binary.txt").write_bytes(b"Hello \x00\x01\x02\xff world\x00\x00")
    one = run(["--format", "json", "--jobs", "1", "mixed"], str(tmp_path))
    two = run(["--format", "json", "--jobs", "2", "mixed"], str(tmp_path))
    assert one.returncode == 2
    assert b"r2-binary.txt" in one.stderr
    assert (two.returncode, two.stderr, two.stdout) == (one.returncode, one.stderr, one.stdout)


# ---- the progress display ---------------------------------------------------------------
def stderr_on_terminal(args: list[str], cwd: str, env: dict) -> str:
    """stderr of a check whose stderr is a pseudo-terminal (stdout stays a pipe)."""
    import pty
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "qa", "check", "--isolated", *args], cwd=cwd,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
                            env=env)
    os.close(slave)
    chunks = []
    try:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:     # EIO once every process holding the terminal has exited
                break
            if not data:
                break
            chunks.append(data)
    finally:
        proc.wait(timeout=300)
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def env_without_ci(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(extra)
    return env


needs_pty = pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
MANY = 21


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> str:
    """A folder of MANY short releases (the display, not the rules, is under test)."""
    root = tmp_path_factory.mktemp("progress")
    for i in range(MANY):
        (root / f"r{i:02d}.txt").write_text(f"Firm {i} opens plant\n\nShares rose.\n",
                                            encoding="utf-8")
    return str(root)


@pytest.mark.parametrize("jobs,stream", [(1, False), (2, False), (2, True)])
def test_progress_counts_each_file_once(many, jobs, stream):
    """The display itself (shown on a terminal after a second) is tested in test_cli.py; here,
    what it is told: counts that never go back and end at the total, in every mode."""
    from qa.runner import Overrides, Runner
    seen: list[tuple[int, int]] = []
    runner = Runner(Overrides(), isolated=True)
    got = list(runner.results([many], jobs, progress=lambda d, t: seen.append((d, t)), stream=stream))
    assert len(got) == MANY and seen[-1] == (MANY, MANY)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@needs_pty
@pytest.mark.parametrize("ci", ["true", "1"])
def test_no_progress_in_ci_even_on_a_terminal(many, ci):
    assert stderr_on_terminal(["--jobs", "2", "."], many, env_without_ci(CI=ci)) == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_no_progress_when_piped(many, jobs):
    proc = run(["--jobs", jobs, "."], many, env_without_ci())
    assert (proc.returncode, proc.stderr) in ((0, b""), (1, b""))
    assert proc.stdout


# ---- streaming with several processes ----------------------------------------------------
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() here")


def _slow_square(x: int) -> tuple[int, int, int]:
    import time
    time.sleep(0.002)
    return x, x * x, os.getpid()


@needs_fork
def test_a_stream_comes_back_in_order_reading_a_bounded_window_ahead(monkeypatch):
    from qa._speed import parallel
    monkeypatch.setattr(parallel, "AHEAD_FILES", 16)
    read = [0]

    def items():
        for i in range(300):
            read[0] += 1
            yield i
    out = []
    for result in parallel.check_stream(_slow_square, items(), 2, lambda i: 100):
        assert read[0] - len(out) <= 16 + 1           # never more than the window read ahead
        out.append(result)
    assert [r[:2] for r in out] == [(i, i * i) for i in range(300)]
    assert len({r[2] for r in out}) == 2 and os.getpid() in {r[2] for r in out}


@needs_fork
def test_a_stream_loses_no_file_when_a_child_dies():
    from qa._speed import parallel
    parent = os.getpid()

    def check(x):
        if os.getpid() != parent and x % 50 == 7:
            os._exit(3)
        return x, os.getpid()
    got = list(parallel.check_stream(check, iter(range(200)), 3, lambda i: 10))
    assert [g[0] for g in got] == list(range(200))
    assert all(g[1] == parent for g in got if g[0] % 50 == 7)


@needs_fork
def test_closing_a_stream_stops_its_children():
    from qa._speed import parallel
    stream = parallel.check_stream(_slow_square, iter(range(10_000)), 2, lambda i: 10)
    first = [next(stream) for _ in range(300)]
    assert [f[0] for f in first] == list(range(300))
    children = {f[2] for f in first} - {os.getpid()}
    assert children
    stream.close()
    for pid in children:                            # stopped and reaped: not even a zombie
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_streamed_output_is_the_same_with_the_standard_librarys_pool(folder):
    cwd, name = os.path.split(folder)
    env = {**os.environ, "RELEASE_QA_STDLIB": "1"}
    pool = run(["--format", "jsonl", "--jobs", "2", name], cwd, env)
    forked = run(["--format", "jsonl", "--jobs", "2", name], cwd)
    one = run(["--format", "jsonl", "--jobs", "1", name], cwd)
    assert (pool.returncode, pool.stderr, pool.stdout) == (one.returncode, one.stderr, one.stdout)
    assert forked.stdout == one.stdout and one.stdout.count(b"\n") == len(_releases()) + 1
