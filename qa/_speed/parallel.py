"""Checking many files in several processes (`--jobs`) for qa.runner.

Where the system has fork(), the files are cut into one share of consecutive files per
process, of near-equal size, and the parent checks one share itself while forked children
check the others. Nothing is imported, no pool or task queue is set
up, and every child starts with the rules the parent has already built, so a second process
adds almost nothing but its half of the work.

Each child writes a byte per file checked on one pipe (the progress display counts them)
and, at the end, its results pickled on another; results go back into their slots, so the
output is the same whatever the number of processes. A child that dies or sends something
unreadable does not lose its files: the parent checks them itself. Where fork() is missing
(Windows, macOS spawn) or unsafe, the standard library's process pool does the same job
(check_in_pool).
"""
from __future__ import annotations

import os
import pickle
import sys

FILE_OVERHEAD = 2048        # a file costs about this many bytes' worth of work on top of its size
PR_SET_PDEATHSIG = 1        # prctl option (linux/prctl.h): a signal for when the parent dies


def split(sizes: list[int], parts: int) -> list[list[int]]:
    """Indexes into `sizes` cut into `parts` runs of consecutive files of near-equal weight
    (size plus a per-file overhead): a file goes to the share its middle falls in.

    Consecutive, because files next to each other in a folder are often related (versions
    of one release, its translations by several systems) and share names and phrases; one
    process then pays once for what its caches learn from them."""
    weights = [size + FILE_OVERHEAD for size in sizes]
    total = sum(weights)
    shares: list[list[int]] = []
    start, done = 0, 0
    for k in range(1, max(1, parts)):
        goal = total * k / parts
        end = start
        while end < len(weights) and done + weights[end] / 2 <= goal:
            done += weights[end]
            end += 1
        shares.append(list(range(start, end)))
        start = end
    shares.append(list(range(start, len(weights))))
    return shares


def can_fork() -> bool:
    """fork() exists and this process runs no other thread (forking then is unsafe); always
    False with RELEASE_QA_STDLIB=1, which takes the standard library's pool instead."""
    from .plain import PLAIN
    if PLAIN or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() <= 1


class _Child:
    __slots__ = ("pid", "share", "ticks", "results", "payload", "done")

    def __init__(self, pid: int, share: list[int], ticks: int, results: int) -> None:
        self.pid, self.share, self.ticks, self.results = pid, share, ticks, results
        self.payload = bytearray()
        self.done = 0


def check_in_pool(work, spec, targets: list, jobs: int, progress=None) -> list:
    """[work(spec, t) for t in targets] in a pool of `jobs` processes from the standard
    library (spawned where fork is missing): what shares do, for every platform. `work` and
    `spec` are pickled to the workers, so `work` builds what it needs from `spec` once per
    process."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial
    results: list = [None] * len(targets)
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(targets), 61))) as pool:
        futures = {pool.submit(partial(work, spec), t): i for i, t in enumerate(targets)}
        from concurrent.futures import as_completed
        for done, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            if progress:
                progress(done, len(targets))
    return results


def check_in_shares(check, targets: list, sizes: list[int], jobs: int, progress=None,
                    offset: int = 0) -> list:
    """[check(t) for t in targets], computed in `jobs` processes (the parent and jobs - 1
    forked children). `progress(done, total)` is called in the parent as files finish."""
    shares = [s for s in split(sizes, max(1, min(jobs, len(targets)))) if s]   # one per file at most
    total = offset + len(targets)
    children: list[_Child] = []
    results: list = [None] * len(targets)
    own_done = 0
    _flush_stdio()
    import gc
    gc.freeze()         # the collector leaves what exists now alone: fewer pages copied
    try:
        for share in shares[1:]:
            children.append(_fork(check, targets, share))
        for i in shares[0] if shares else ():
            results[i] = check(targets[i])
            own_done += 1
            _drain(children, block=False)       # keeps the children's pipes from filling
            if progress:
                progress(offset + own_done + sum(c.done for c in children), total)
        while any(c.ticks >= 0 or c.results >= 0 for c in children):
            _drain(children, block=True)
            if progress:
                progress(offset + own_done + sum(c.done for c in children), total)
        for child in children:
            os.waitpid(child.pid, 0)
            child.pid = 0
            for i, result in _unpickle(child, len(targets)):
                results[i] = result
            for i in child.share:          # a share the child did not deliver: check it here
                if results[i] is None:
                    results[i] = check(targets[i])
    finally:
        _reap(children)
        gc.unfreeze()
    return results


def _fork(check, targets: list, share: list[int]) -> _Child:
    tick_r, tick_w = os.pipe()
    result_r, result_w = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:                            # the child: check the share, report, leave
        status = 1
        try:
            _die_with_parent(parent)
            os.close(tick_r)
            os.close(result_r)
            out = []
            for i in share:
                out.append((i, check(targets[i])))
                os.write(tick_w, b".")
            data = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
            view = memoryview(data)
            while view:
                view = view[os.write(result_w, view):]
            status = 0
        except BaseException:               # noqa: BLE001 - the parent checks the share
            pass
        finally:
            os._exit(status)                # no exit handlers: the parent owns the caches
    os.close(tick_w)
    os.close(result_w)
    os.set_blocking(tick_r, False)
    os.set_blocking(result_r, False)
    return _Child(pid, share, tick_r, result_r)


def _die_with_parent(parent: int) -> None:
    """In a forked child: SIGTERM kills it outright (the parent's handler, which raises, is not
    wanted here), and on Linux the kernel sends it SIGTERM when the parent dies, however the
    parent dies (even by SIGKILL), so no worker outlives its run."""
    import signal
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:              # the parent died before the request took effect
        os._exit(1)


def _drain(children: list[_Child], block: bool) -> None:
    """Read what the children have written; with `block`, wait until one writes."""
    fds = [fd for c in children for fd in (c.ticks, c.results) if fd >= 0]
    if not fds:
        return
    if block:
        import select
        select.select(fds, [], [])
    for child in children:
        for name in ("ticks", "results"):
            fd = getattr(child, name)
            while fd >= 0:
                try:
                    chunk = os.read(fd, 1 << 16)
                except BlockingIOError:
                    break
                if not chunk:               # the child closed it (finished or died)
                    os.close(fd)
                    fd = -1
                    setattr(child, name, -1)
                elif name == "ticks":
                    child.done += len(chunk)
                else:
                    child.payload += chunk


def _unpickle(child: _Child, count: int) -> list:
    try:
        pairs = pickle.loads(bytes(child.payload)) if child.payload else []
        allowed = set(child.share)
        return [(i, r) for i, r in pairs if i in allowed and 0 <= i < count]
    except Exception:                        # noqa: BLE001 - a damaged payload: redo the share
        return []


def _reap(children: list[_Child]) -> None:
    """After an interruption or error: stop and collect children still running."""
    for child in children:
        for fd in (child.ticks, child.results):
            if fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass
        child.ticks = child.results = -1
        if child.pid:
            import signal
            try:
                os.kill(child.pid, signal.SIGTERM)
                os.waitpid(child.pid, 0)
            except (OSError, ChildProcessError):
                pass
            child.pid = 0


def _flush_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
