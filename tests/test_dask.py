"""--dask ADDRESS and qa.dask.check_bag on a LocalCluster (in this process, on loopback): the
output is byte for byte what --jobs writes, in every format; without Dask, --dask says how to
install it."""
from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys

import pytest

from qa.api import Checker
from qa.formatters.jsonl import file_dict
from tests.helpers import SEED

GOOD = "Acme Group opens a plant in Chengdu\n\nAcme Group said the plant employs 300 people.\n"


def _seed() -> str:
    with open(SEED, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    import logging
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=logging.ERROR) as local:
        with distributed.Client(local) as client:
            yield local, client


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


def in_process(args: list[str], cwd: str) -> tuple[int, bytes, bytes]:
    """`release-qa check ARGS` run here (the cluster's workers are threads of this process)."""
    from qa.cli import main
    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--isolated", *args])
    finally:
        os.chdir(old)
    return code, out.getvalue().encode("utf-8"), err.getvalue().encode("utf-8")


def subprocess_run(args: list[str], cwd: str) -> tuple[int, bytes, bytes]:
    p = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", *args], cwd=cwd,
                       capture_output=True, timeout=300, env={**os.environ, "NO_COLOR": "1"})
    return p.returncode, p.stdout, p.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text"])
def test_dask_output_is_the_jobs_output_byte_for_byte(cluster, folder, fmt):
    local, _ = cluster
    jobs = subprocess_run(["--format", fmt, "--jobs", "2", "--color", "never", "."], folder)
    dask = in_process(["--format", fmt, "--dask", local.scheduler_address, "--color", "never", "."], folder)
    assert jobs[0] == 2 and b"d-binary.txt: binary file, not text" in jobs[2]
    assert dask == jobs
    assert len(jobs[1]) > 2000


def test_dask_with_a_file_list(cluster, folder):
    local, _ = cluster
    names = b"a.txt\nnope.txt\ne/r3.txt\n"
    jobs = subprocess.run([sys.executable, "-m", "qa", "check", "--isolated", "--format", "jsonl",
                           "--files-from", "-"], input=names, cwd=folder, capture_output=True, timeout=300)
    listing = os.path.join(folder, "..", "dask-list.txt")
    with open(listing, "wb") as fh:
        fh.write(names)
    dask = in_process(["--format", "jsonl", "--dask", local.scheduler_address, "--files-from", listing], folder)
    assert dask == (jobs.returncode, jobs.stdout, jobs.stderr)


def test_check_bag_gives_the_checkers_results(cluster):
    import dask.bag as db

    from qa.dask import check_bag
    _, client = cluster
    texts = [_seed(), GOOD, "# Acme\n\nThe the plant.\n"]
    checker = Checker(isolated=True)
    want = [file_dict(checker.check_text(t)) for t in texts]
    assert client.compute(check_bag(db.from_sequence(texts, npartitions=2), isolated=True)).result() == want
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
    monkeypatch.setitem(sys.modules, "distributed", None)       # import distributed fails
    code, out, err = in_process(["--dask", "local", "."], folder)
    assert (code, out) == (2, b"")
    assert err.count(b"\n") == 1 and b"pip install 'release-qa[dask]'" in err
