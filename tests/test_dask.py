"""--dask ADDRESS and qa.dask.check_bag on a LocalCluster (its workers threads of one process, on
loopback): the output is byte for byte what --jobs writes, in every format; without Dask,
--dask says how to install it. The cluster runs in a process of its own, so this one keeps
no Dask threads (forking workers for --jobs needs a process without threads)."""
from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

import pytest

from qa.api import Checker
from qa.formatters.jsonl import file_dict
from tests.helpers import ROOT, SEED

GOOD = "Acme Group opens a plant in Chengdu\n\nAcme Group said the plant employs 300 people.\n"

_CLUSTER = r"""
import logging, sys
from distributed import LocalCluster
with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()                     # until the test closes stdin
"""

_BAG = r"""
import json, sys
import dask.bag as db
from distributed import Client
from qa.dask import check_bag
texts = json.loads(sys.stdin.read())
with Client(sys.argv[1]) as client:
    print(json.dumps(client.compute(check_bag(db.from_sequence(texts, npartitions=2), isolated=True)).result()))
"""


def _seed() -> str:
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def address():
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    proc = subprocess.Popen([sys.executable, "-c", _CLUSTER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("tcp://127.0.0.1:"), line
        yield line
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("dask")
    seed = _seed()
    files = {"a.txt": seed, "b/b.md": "# " + seed, "b/good.txt": GOOD, "c.txt": seed.replace("the", "the the", 2),
             "d-binary.txt": None}
    for i in range(9):
        files[f"e/r{i}.txt"] = GOOD.replace("300", str(300 + i)) + "\nComments are closed.\n"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x00\x01binary\xff" if text is None else text.encode("utf-8"))
    return str(root)


def check(args: list[str], cwd: str, stdin: bytes | None = None) -> tuple[int, bytes, bytes]:
    p = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", "--color", "never", *args],
                       cwd=cwd, input=stdin, capture_output=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_dask_output_is_the_jobs_output_byte_for_byte(address, folder, fmt):
    jobs = check(["--format", fmt, "--jobs", "2", "."], folder)
    dask = check(["--format", fmt, "--dask", address, "."], folder)
    assert jobs[0] == 2 and b"d-binary.txt: binary file, not text" in jobs[2]
    assert dask == jobs
    assert len(jobs[1]) > 2000


def test_dask_with_a_file_list(address, folder):
    names = b"a.txt\nnope.txt\ne/r3.txt\n"
    jobs = check(["--format", "jsonl", "--files-from", "-"], folder, names)
    dask = check(["--format", "jsonl", "--dask", address, "--files-from", "-"], folder, names)
    assert dask == jobs and jobs[0] == 2


def test_check_bag_on_the_cluster_gives_the_checkers_results(address):
    texts = [_seed(), GOOD, "# Acme\n\nThe the plant.\n"]
    want = [file_dict(Checker(isolated=True).check_text(t)) for t in texts]
    out = subprocess.run([sys.executable, "-c", _BAG, address], input=json.dumps(texts), text=True,
                         capture_output=True, cwd=ROOT, timeout=300)
    assert json.loads(out.stdout) == want, out.stderr[-2000:]


def test_check_bag_takes_texts_pairs_and_dicts():
    db = pytest.importorskip("dask.bag")
    from qa.dask import check_bag
    texts = [_seed(), GOOD, "# Acme\n\nThe the plant.\n"]
    pairs = db.from_sequence([("x.md", texts[2]), ("y.txt", texts[1])], npartitions=1)
    got = check_bag(pairs, isolated=True, as_dicts=False).compute(scheduler="sync")
    assert [(r.path, r.format) for r in got] == [("x.md", "markdown"), ("y.txt", "text")]
    dicts = db.from_sequence([{"text": texts[1], "path": "z.txt"}], npartitions=1)
    assert check_bag(dicts, isolated=True).compute(scheduler="sync")[0]["path"] == "z.txt"
    only = check_bag(db.from_sequence(texts, npartitions=1), select="DU01", isolated=True)
    assert {f["rule"] for r in only.compute(scheduler="sync") for f in r["findings"]} == {"DU01"}
    with pytest.raises(Exception, match="XX99"):
        check_bag(db.from_sequence(texts), select="XX99", isolated=True)


def test_without_dask_the_option_says_how_to_install_it(folder, monkeypatch):
    from qa.cli import main
    monkeypatch.setitem(sys.modules, "distributed", None)       # import distributed fails
    monkeypatch.chdir(folder)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--isolated", "--dask", "local", "."])
    assert (code, out.getvalue()) == (2, "")
    assert err.getvalue().count("\n") == 1 and "pip install 'release-qa[dask]'" in err.getvalue()


def test_dask_cannot_read_stdin(folder):
    code, out, err = check(["--dask", "local", "-"], folder, b"Acme opens a plant.\n")
    assert (code, out) == (2, b"") and b"stdin" in err and err.count(b"\n") == 1


def test_checking_leaves_no_thread_behind():
    """Dask is never imported by a run without --dask; the tests above left no thread here."""
    import threading
    assert threading.active_count() == 1
