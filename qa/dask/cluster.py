"""`release-qa check --dask ADDRESS`: the run's files checked on a Dask cluster.

The client (this process) finds the files and judges what it can alone (a missing file, a
broken config), cuts the stream into batches of consecutive files, and keeps at most two
batches per worker thread in flight; each batch is one task, in which a worker checks its
files with a runner built from the run's settings once per worker process and thread. Results
come back batch by batch and are yielded in input order, each as soon as it and those before
it are back, so the formats, the output and the memory of the client are those of a local
run. Relative paths are resolved against the client's folder.
"""
from __future__ import annotations

import os
import threading
from collections import deque

from ..errors import QAError

BATCH_FILES = 64            # files in one task, at most ...
BATCH_BYTES = 1 << 20       # ... and their size; smaller when the run is short
LOCAL = "local"


def check_on_cluster(address: str, runner, items, jobs: int, keep_source: bool, progress=None,
                     total: int | None = None):
    """The FileResults of the items (targets, or results the client already has), checked on
    the cluster at `address` ('local': one started here with `jobs` workers), in input order."""
    client, cluster = _connect(address, jobs)
    try:
        threads = max(1, sum(client.nthreads().values()))
        per_batch = BATCH_FILES if total is None else max(1, min(BATCH_FILES, -(-total // (4 * threads))))
        spec = (runner.overrides, os.path.abspath(runner.config) if runner.config else None,
                runner.isolated, keep_source, os.getcwd())
        pending: deque = deque()
        batches = _batches(items, per_batch)
        done = 0
        while True:
            while len(pending) < 2 * threads:
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append(client.submit(_check_batch, spec, batch, pure=False))
            if not pending:
                break
            for result in pending.popleft().result():
                done += 1
                yield result
            if progress and total is not None:
                progress(done, total)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(address: str, jobs: int):
    """(client, the cluster started here or None)."""
    import logging

    from distributed import Client, LocalCluster
    cluster = None
    try:
        if address == LOCAL:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None,
                                   silence_logs=logging.ERROR)
            return Client(cluster), cluster
        return Client(address, timeout="10s"), None
    except (OSError, ValueError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise QAError(f"--dask {address}: cannot reach the scheduler ({exc})") from None


def _batches(items, per_batch: int):
    """Consecutive items, `per_batch` of them or BATCH_BYTES of files at most a batch."""
    batch: list = []
    size = 0
    for item in items:
        batch.append(item)
        size += _size(item)
        if len(batch) >= per_batch or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _size(item) -> int:
    from ..discovery import Target
    try:
        return os.path.getsize(item.path) if isinstance(item, Target) else 0
    except OSError:
        return 0


_LOCAL = threading.local()


def _check_batch(spec: tuple, batch: list) -> list:
    """On a worker: the results of a batch (a runner built once per process and thread)."""
    from ..discovery import Target
    from ..runner import Runner, _checked
    overrides, config, isolated, keep_source, cwd = spec
    runners = getattr(_LOCAL, "runners", None)
    if runners is None:
        runners = _LOCAL.runners = {}
    key = (overrides, config, isolated)
    if key not in runners:
        runners[key] = Runner(overrides, config, isolated)
    runner = runners[key]
    out = []
    here = os.getcwd() == cwd
    for item in batch:
        if here or not isinstance(item, Target) or os.path.isabs(item.path):
            out.append(_checked(runner, item, keep_source=keep_source))
            continue
        result = _checked(runner, Target(os.path.join(cwd, item.path), item.missing, item.is_source),
                          keep_source=keep_source)
        result.path = item.path             # shown as the client names it
        out.append(result)
    return out
