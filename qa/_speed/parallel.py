"""Checking many files in several processes (`--jobs`) for qa.runner, results streamed back.

Where the system has fork(), the parent forks `jobs - 1` children once the rule sets are built,
so each starts with them (nothing is imported, no pool set up). Work goes out in batches of
consecutive files: a child holds two (it never waits for the parent), the parent checks files
itself in between, and batches shrink as the end of the input nears, so all finish together.
A child sends each batch's results back pickled on a pipe of its own when the batch is done,
and a byte per file on another (for the progress display); the parent yields results in input
order, each as soon as all earlier ones are out, and reads only a bounded window ahead, so a
run over any number of files holds a bounded number of results. The files of a child that dies
or sends something unreadable are checked by the parent. `check_stream` sizes batches as an
iterator goes; `check_in_shares` gives each process one share of a list, and a process done
early takes files from the back of another's. Without a safe fork()
(Windows, macOS spawn, RELEASE_QA_STDLIB=1) `check_in_pool` does the job with the standard
library's process pool, batch by batch.
"""
from __future__ import annotations

import contextlib
import os
import pickle
import sys
from collections import deque

FILE_OVERHEAD = 2048        # a file costs about this many bytes' worth of work on top of its size
PR_SET_PDEATHSIG = 1        # prctl option (linux/prctl.h): a signal for when the parent dies
F_SETPIPE_SZ = 1031         # fcntl option (linux/fcntl.h): a pipe's buffer size
AHEAD_FILES = 4096          # files read ahead of the last one yielded, at most ...
AHEAD_WEIGHT = 64 << 20     # ... and their weight (bytes plus FILE_OVERHEAD each)
BATCH_FILES = 256           # files in one batch, at most ...
BATCH_WEIGHT = 4 << 20      # ... and its weight
DEPTH = 2                   # batches a child holds: the one it checks and the next
_HEADER = 8                 # bytes of a frame's length


def split(sizes: list[int], parts: int) -> list[list[int]]:
    """Indexes into `sizes` cut into `parts` runs of consecutive files of near-equal weight
    (size plus a per-file overhead): a file goes to the share its middle falls in.

    Consecutive, because files next to each other in a folder are often related (versions
    of one release, its translations by several systems) and share names and phrases; one
    process then pays once for what its caches learn from them."""
    weights = [size + FILE_OVERHEAD for size in sizes]
    total, start, done, shares = sum(weights), 0, 0, []
    for k in range(1, max(1, parts)):
        goal, end = total * k / parts, start
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


# ---- what to check next ------------------------------------------------------------------
class _Feed:
    """Items of an iterator, read on demand, numbered and weighed, handed out in order: to the
    parent one at a time, to a child a batch sized to what remains. Nothing is read more than
    AHEAD_FILES items (or AHEAD_WEIGHT) past the oldest item not yet yielded."""

    def __init__(self, items, weigh, jobs: int) -> None:
        self.items, self.weigh, self.jobs = iter(items), weigh, jobs
        self.queue: deque = deque()         # (index, item, weight) read, not handed out
        self.queued = self.read = self.ahead = 0    # their weight; items read; weight not yielded
        self.weights: dict[int, int] = {}
        self.exhausted = False

    def _take(self, first_open: int, goal: int) -> list:
        while not self.exhausted and self.read - first_open < AHEAD_FILES and self.ahead < AHEAD_WEIGHT:
            item = next(self.items, _END)
            if item is _END:
                self.exhausted = True
                break
            w = self.weights[self.read] = self.weigh(item) + FILE_OVERHEAD
            self.queue.append((self.read, item, w))
            self.read += 1
            self.queued += w
            self.ahead += w
        out: list = []
        weight = 0
        while self.queue and len(out) < BATCH_FILES and (not out or weight + self.queue[0][2] <= goal):
            i, item, w = self.queue.popleft()
            self.queued -= w
            weight += w
            out.append((i, item))
        return out

    def done(self, index: int) -> None:
        self.ahead -= self.weights.pop(index, 0)

    def batch(self, first_open: int, child=None) -> list:
        """While much remains, a full batch; near the end, a share of what remains that
        leaves the other processes as much to do (the parent's own batches alike)."""
        return self._take(first_open, min(BATCH_WEIGHT, self.queued // (2 * self.jobs)))


_END = object()


class _Shares:
    """The plan of check_in_shares: process k owns share k (the parent share 0) and takes it
    from the front, the parent a file at a time, a child in batches of 1 / (2 x processes) of
    what is left of its share (a child holds DEPTH batches, so more than half stays unsent
    with two processes). A process whose share is done takes from the back of the share with
    the most weight left: the parent a file, a child the same part of what is left there.
    Fixed shares left one process idle at the end whenever its share proved lighter than its
    size said (on the dev corpus the child waited 40-80 ms of a 1.4 s run).

    Near the end a child is given a file only while that brings what it holds closer to what
    each other process has left to take: with a whole batch queued behind the one it checks,
    it used to hold three files when the parent had one, and the parent waited 10-45 ms."""

    def __init__(self, items: list, shares: list[list[int]], weights: list[int]) -> None:
        self.items, self.weights = items, weights
        self.left = [deque(s) for s in shares]          # share k: indexes not handed out
        self.weight = [sum(weights[i] for i in s) for s in shares]
        self.owner: dict[int, int] = {}                 # id(child) -> its share

    def done(self, index: int) -> None:
        pass

    def batch(self, first_open: int, child=None) -> list:
        k = 0 if child is None else self.owner.setdefault(id(child), len(self.owner) + 1)
        held = sum(self.weights[i] for i in child.share) if child is not None else 0
        if k < len(self.left) and self.left[k]:
            return self._take(k, child is not None, front=True, held=held)
        victim = max(range(len(self.left)), key=self.weight.__getitem__)
        if not self.left[victim]:
            return []
        return self._take(victim, child is not None, front=False, held=held)

    def _take(self, k: int, many: bool, front: bool, held: int = 0) -> list:
        share, got = self.left[k], []
        goal = self.weight[k] / (2 * len(self.left)) if many else 0
        rest, others = sum(self.weight), max(1, len(self.left) - 1)
        taken = 0
        while share and (not got or taken < goal):
            i = share[0] if front else share[-1]
            w = self.weights[i]
            if many and (held + taken + w / 2) * others >= rest - taken - w / 2:
                break                   # the others would then have less left than it holds
            share.popleft() if front else share.pop()
            taken += w
            got.append(i)
        self.weight[k] -= taken
        return [(i, self.items[i]) for i in sorted(got)]


# ---- the children ------------------------------------------------------------------------
class _Child:
    __slots__ = ("pid", "share", "ticks", "results", "tasks", "payload", "outbox", "done", "open")

    def __init__(self, pid: int, share, ticks: int, results: int, tasks: int = -1) -> None:
        self.pid, self.ticks, self.results, self.tasks = pid, ticks, results, tasks
        self.share = share if isinstance(share, dict) else dict.fromkeys(share)  # index -> item out
        self.payload = bytearray()          # result frames received, not yet decoded
        self.outbox = bytearray()           # task frames not yet written
        self.done = self.open = 0           # files finished; batches given, not returned


def _frame(obj) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(_HEADER, "little") + data


def _frames_end(buf: bytearray) -> tuple[int, int]:
    """The length and number of the complete frames at the start of `buf`."""
    end = count = 0
    while len(buf) - end >= _HEADER:
        size = int.from_bytes(buf[end:end + _HEADER], "little")
        if len(buf) - end - _HEADER < size:
            break
        end, count = end + _HEADER + size, count + 1
    return end, count


def _unpickle(child: _Child, count: int) -> list:
    """(index, result) pairs of the complete frames in the child's payload, for files it was
    given; [] for a damaged payload (its files are then checked again by the parent)."""
    try:
        data, pairs, at = bytes(child.payload[:_frames_end(child.payload)[0]]), [], 0
        while at < len(data):
            size = int.from_bytes(data[at:at + _HEADER], "little")
            pairs.extend(pickle.loads(data[at + _HEADER:at + _HEADER + size]))
            at += _HEADER + size
        return [(i, r) for i, r in pairs if i in child.share and 0 <= i < count]
    except Exception:                        # noqa: BLE001 - a damaged payload: redo the files
        return []


def _fork(check) -> _Child:
    """A child that checks the batches written to its task pipe until the pipe closes."""
    (task_r, task_w), (tick_r, tick_w), (result_r, result_w) = os.pipe(), os.pipe(), os.pipe()
    try:                                    # a larger buffer (Linux): a child seldom waits to write
        import fcntl
        fcntl.fcntl(result_w, F_SETPIPE_SZ, 1 << 20)
    except (ImportError, OSError, ValueError):
        pass
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:                            # the child: check batches, report, leave
        status = 1
        try:
            _die_with_parent(parent)
            for fd in (task_w, tick_r, result_r):
                os.close(fd)
            with os.fdopen(task_r, "rb") as tasks:
                while True:
                    head = tasks.read(_HEADER)
                    if len(head) < _HEADER:
                        break
                    out = []
                    for i, item in pickle.loads(tasks.read(int.from_bytes(head, "little"))):
                        out.append((i, check(item)))
                        os.write(tick_w, b".")
                    view = memoryview(_frame(out))
                    while view:
                        view = view[os.write(result_w, view):]
            status = 0
        except BaseException:               # noqa: BLE001 - the parent checks the files
            pass
        finally:
            os._exit(status)                # no exit handlers: the parent owns the caches
    for fd in (task_r, tick_w, result_w):
        os.close(fd)
    for fd in (tick_r, result_r, task_w):
        os.set_blocking(fd, False)
    return _Child(pid, {}, tick_r, result_r, task_w)


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


# ---- the parent --------------------------------------------------------------------------
def check_stream(check, items, jobs: int, weigh=None, progress=None, total: int | None = None):
    """check(item) for each item, in `jobs` processes (the parent and jobs - 1 forked children),
    yielded in input order as soon as ready; `weigh(item)` estimates the work in bytes (a file's
    size); `progress(done, total)` is called in the parent as files finish if `total` is given."""
    feed = _Feed(items, weigh or (lambda item: 0), max(1, jobs))
    yield from _schedule(check, feed, max(1, jobs) - 1, progress, total, 0)


def check_in_shares(check, targets: list, sizes: list[int], jobs: int, progress=None,
                    offset: int = 0) -> list:
    """[check(t) for t in targets] in `jobs` processes, each checking one share of consecutive
    files of near-equal size (the parent the first); `progress(done, total)` as files finish."""
    shares = [s for s in split(sizes, max(1, min(jobs, len(targets)))) if s]   # one per file at most
    plan = _Shares(targets, shares, [size + FILE_OVERHEAD for size in sizes])
    return list(_schedule(check, plan, len(shares) - 1, progress, offset + len(targets), offset))


def _schedule(check, plan, children_wanted: int, progress, total, offset: int):
    results: dict[int, object] = {}
    next_out = own_done = 0
    redo: deque = deque()                   # files a failed child gave back
    children: list[_Child] = []
    for stream in (sys.stdout, sys.stderr):     # nothing buffered is written twice
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    import gc
    gc.freeze()         # the collector leaves what exists now alone: fewer pages copied
    try:
        own = deque(plan.batch(0)) if children_wanted else deque()   # the first file is checked
        if own:                                       # before forking: what it loads lazily is
            i, item = own.popleft()                   # then loaded once
            results[i], own_done = check(item), 1
        children = [_fork(check) for _ in range(children_wanted)]
        while True:
            for child in children:
                _hand_out(child, plan, next_out)
            _drain(children, False, results, redo)
            while next_out in results:
                plan.done(next_out)
                yield results.pop(next_out)
                next_out += 1
            if not own and not redo:                # the parent's own consecutive batch
                own.extend(plan.batch(next_out))
            item = redo.popleft() if redo else own.popleft() if own else None
            if item is not None:
                results[item[0]] = check(item[1])
                own_done += 1
            elif any(c.share for c in children):
                _drain(children, True, results, redo)
            else:
                break
            if progress and total is not None:
                progress(offset + own_done + sum(c.done for c in children), total)
        if progress and total is not None:      # every result is in (a last tick may be unread)
            progress(offset + next_out, total)
        for child in children:              # no more work: each child leaves at end of input
            _close(child, "tasks")
        for child in children:
            os.waitpid(child.pid, 0)
            child.pid = 0
    finally:                                # after an error: stop the children still running
        for child in children:
            for name in ("ticks", "results", "tasks"):
                _close(child, name)
            if child.pid:
                import signal
                with contextlib.suppress(OSError):
                    os.kill(child.pid, signal.SIGTERM)
                    os.waitpid(child.pid, 0)
        gc.unfreeze()


def _hand_out(child: _Child, plan, first_open: int) -> None:
    """Top a live child up to DEPTH batches."""
    while child.results >= 0 and child.tasks >= 0 and child.open < DEPTH:
        batch = plan.batch(first_open, child)
        if not batch:
            break
        child.share.update(batch)
        child.outbox += _frame(batch)
        child.open += 1
    _flush(child)


def _flush(child: _Child) -> None:
    while child.outbox and child.tasks >= 0:
        try:
            del child.outbox[:os.write(child.tasks, child.outbox)]
        except BlockingIOError:
            return
        except OSError:                     # the child is gone: its files come back at EOF
            return child.outbox.clear()


def _drain(children: list[_Child], block: bool, results: dict, redo: deque) -> None:
    """Read what the children have written (with `block`, first wait until one writes or can
    take more work); returned results go into `results`, and the files of a child that ended,
    or whose results were lost, into `redo`."""
    fds = [fd for c in children for fd in (c.ticks, c.results) if fd >= 0]
    if not fds:
        return
    if block:
        import select
        select.select(fds, [c.tasks for c in children if c.outbox and c.tasks >= 0], [])
    for child in children:
        _flush(child)
        for name in ("ticks", "results"):
            fd = getattr(child, name)
            while fd >= 0:
                try:
                    chunk = os.read(fd, 1 << 20)
                except BlockingIOError:
                    break
                if not chunk:               # the child closed it (finished or died)
                    fd = _close(child, name)
                elif name == "ticks":
                    child.done += len(chunk)
                else:
                    child.payload += chunk
        end, count = _frames_end(child.payload)
        if end:
            returned = _unpickle(child, 1 << 62)
            child.open -= count
            del child.payload[:end]
            for i, result in returned:
                if child.share.pop(i, _END) is not _END:
                    results[i] = result
        if child.share and (child.results < 0 or child.open <= 0):   # never coming: redo here
            redo.extend(sorted(child.share.items()))
            child.share.clear()
        if child.results < 0:
            _close(child, "tasks")
            child.outbox.clear()


def _close(child: _Child, name: str) -> int:
    if getattr(child, name) >= 0:
        with contextlib.suppress(OSError):
            os.close(getattr(child, name))
        setattr(child, name, -1)
    return -1


# ---- the standard library's pool ---------------------------------------------------------
def check_in_pool(work, spec, items, jobs: int, weigh=None, progress=None, total: int | None = None):
    """The results of work(spec, batch) for consecutive batches of the items, in a standard
    library pool of `jobs` processes, yielded in input order as batches finish. `work` and
    `spec` are pickled to the workers: `work` builds what it needs from `spec` once a process."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial
    jobs = max(1, min(jobs, 61))
    feed, pending, done = _Feed(items, weigh or (lambda item: 0), jobs), deque(), 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        run = partial(work, spec)
        while True:
            while len(pending) < 2 * jobs:
                batch = feed.batch(done)
                if not batch:
                    break
                pending.append((batch, pool.submit(run, [item for _, item in batch])))
            if not pending:
                break
            batch, future = pending.popleft()
            for (i, _), result in zip(batch, future.result()):
                feed.done(i)
                done += 1
                yield result
            if progress and total is not None:
                progress(done, total)
