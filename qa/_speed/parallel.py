"""Checking many files in several processes (`--jobs`) for qa.runner, results streamed back.

Where the system has fork(), the parent forks `jobs - 1` children once, after the rule sets are
built, so every child starts with them; nothing is imported and no pool is set up. Work goes
out in batches of consecutive files: each child is handed a batch (and the next one, so it
never waits for the parent), the parent checks files itself between handing out batches, and
batch sizes shrink as the end of the input comes into sight, so the processes finish
together. A child returns each batch's results, pickled, on its own pipe as soon as the batch
is done, and a byte per file on another (the progress display counts them); the parent puts
results back into input order and yields each as soon as every earlier one has been yielded.
Only a bounded window of files is read ahead of the last one yielded, so a run over any
number of files holds a bounded number of results. A child that dies or sends something
unreadable does not lose its files: the parent checks them itself.

`check_stream` takes an iterator and sizes batches as it goes; `check_in_shares` takes a list
and hands each process one share of consecutive files of near-equal size. Where fork() is
missing (Windows, macOS spawn) or unsafe, `check_in_pool` does the same job with the standard
library's process pool, batch by batch.
"""
from __future__ import annotations

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


# ---- what to check next ------------------------------------------------------------------
class _Feed:
    """Items read from an iterator on demand, numbered, weighed, handed out in order: to a
    child a batch sized to what remains, to the parent one item at a time. Nothing is read
    more than AHEAD_FILES items (or AHEAD_WEIGHT) past the oldest item not yet yielded."""

    def __init__(self, items, weigh, jobs: int) -> None:
        self.items = iter(items)
        self.weigh = weigh
        self.jobs = jobs
        self.queue: deque = deque()         # (index, item, weight) read, not handed out
        self.queued = 0                     # their weight
        self.read = 0                       # items read so far
        self.ahead = 0                      # weight handed out or queued, not yet yielded
        self.weights: dict[int, int] = {}
        self.exhausted = False

    def _fill(self, first_open: int) -> None:
        while not self.exhausted and self.read - first_open < AHEAD_FILES and self.ahead < AHEAD_WEIGHT:
            try:
                item = next(self.items)
            except StopIteration:
                self.exhausted = True
                break
            w = self.weigh(item) + FILE_OVERHEAD
            self.queue.append((self.read, item, w))
            self.weights[self.read] = w
            self.read += 1
            self.queued += w
            self.ahead += w

    def done(self, index: int) -> None:
        self.ahead -= self.weights.pop(index, 0)

    def one(self, first_open: int):
        self._fill(first_open)
        if not self.queue:
            return None
        i, item, w = self.queue.popleft()
        self.queued -= w
        return i, item

    def batch(self, first_open: int, child=None) -> list:
        """Consecutive items for a child: while much remains, a full batch; near the end, a
        share of what remains that leaves the other processes as much to do."""
        self._fill(first_open)
        goal = min(BATCH_WEIGHT, max(1, self.queued // (2 * self.jobs)))
        out: list = []
        weight = 0
        while self.queue and len(out) < BATCH_FILES and (not out or weight + self.queue[0][2] <= goal):
            i, item, w = self.queue.popleft()
            self.queued -= w
            weight += w
            out.append((i, item))
        return out


class _Shares:
    """A fixed plan (check_in_shares): the parent checks share 0, child k share k."""

    def __init__(self, items: list, shares: list[list[int]]) -> None:
        self.items = items
        self.own = deque(shares[0] if shares else ())
        self.rest = deque(s for s in shares[1:] if s)
        self.exhausted = True

    def done(self, index: int) -> None:
        pass

    def one(self, first_open: int):
        if not self.own:
            return None
        i = self.own.popleft()
        return i, self.items[i]

    def batch(self, first_open: int, child=None) -> list:
        if child is None or child.given or not self.rest:
            return []
        return [(i, self.items[i]) for i in self.rest.popleft()]


# ---- the children ------------------------------------------------------------------------
class _Child:
    __slots__ = ("pid", "share", "ticks", "results", "tasks", "payload", "outbox", "done", "given",
                 "open")

    def __init__(self, pid: int, share, ticks: int, results: int, tasks: int = -1) -> None:
        self.pid, self.ticks, self.results, self.tasks = pid, ticks, results, tasks
        # index -> item of every file handed to the child and not yet returned
        self.share = share if isinstance(share, dict) else dict.fromkeys(share)
        self.payload = bytearray()          # result frames received, not yet decoded
        self.outbox = bytearray()           # task frames not yet written
        self.done = 0                       # files the child has said it finished
        self.given = 0                      # batches handed to it
        self.open = 0                       # ... and not yet returned


def _frame(obj) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(_HEADER, "little") + data


def _frames_end(buf: bytearray) -> int:
    """The length of the complete frames at the start of `buf`."""
    end = 0
    while len(buf) - end >= _HEADER:
        size = int.from_bytes(buf[end:end + _HEADER], "little")
        if len(buf) - end - _HEADER < size:
            break
        end += _HEADER + size
    return end


def _unpickle(child: _Child, count: int) -> list:
    """(index, result) pairs of the complete frames in the child's payload, for files it was
    given; [] for a damaged payload (its files are then checked again by the parent)."""
    try:
        end = _frames_end(child.payload)
        view = memoryview(child.payload)[:end]
        pairs, at = [], 0
        while at < end:
            size = int.from_bytes(view[at:at + _HEADER], "little")
            pairs.extend(pickle.loads(view[at + _HEADER:at + _HEADER + size]))
            at += _HEADER + size
        view.release()
        return [(i, r) for i, r in pairs if i in child.share and 0 <= i < count]
    except Exception:                        # noqa: BLE001 - a damaged payload: redo the files
        return []


def _fork(check) -> _Child:
    """A child that checks the batches written to its task pipe until the pipe closes."""
    task_r, task_w = os.pipe()
    tick_r, tick_w = os.pipe()
    result_r, result_w = os.pipe()
    _widen(result_w)
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
                    batch = pickle.loads(tasks.read(int.from_bytes(head, "little")))
                    out = []
                    for i, item in batch:
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


def _widen(fd: int) -> None:
    """A larger pipe buffer (Linux), so a child rarely waits for a busy parent to read."""
    try:
        import fcntl
        fcntl.fcntl(fd, F_SETPIPE_SZ, 1 << 20)
    except (ImportError, OSError, ValueError):
        pass


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
    """check(item) for every item of the iterable, computed in `jobs` processes (the parent and
    jobs - 1 forked children), yielded in input order as soon as each is ready.
    `weigh(item)` estimates an item's work in bytes (its file size); `progress(done, total)`
    is called in the parent as files finish when `total` is given."""
    feed = _Feed(items, weigh or (lambda item: 0), max(1, jobs))
    yield from _schedule(check, feed, max(1, jobs) - 1, progress, total, 0)


def check_in_shares(check, targets: list, sizes: list[int], jobs: int, progress=None,
                    offset: int = 0) -> list:
    """[check(t) for t in targets], computed in `jobs` processes, each checking one share of
    consecutive files of near-equal size (the parent the first). `progress(done, total)` is
    called in the parent as files finish."""
    shares = [s for s in split(sizes, max(1, min(jobs, len(targets)))) if s]   # one per file at most
    plan = _Shares(targets, shares)
    return list(_schedule(check, plan, len(shares) - 1, progress, offset + len(targets), offset))


def _schedule(check, plan, children_wanted: int, progress, total, offset: int):
    results: dict[int, object] = {}
    next_out = 0
    own_done = 0
    redo: deque = deque()                   # files a failed child gave back
    children: list[_Child] = []
    _flush_stdio()
    import gc
    gc.freeze()         # the collector leaves what exists now alone: fewer pages copied
    try:
        children = [_fork(check) for _ in range(children_wanted)]
        while True:
            for child in children:
                _hand_out(child, plan, next_out)
            _drain(children, False, results, redo)
            while next_out in results:
                plan.done(next_out)
                yield results.pop(next_out)
                next_out += 1
            item = redo.popleft() if redo else plan.one(next_out)
            if item is not None:
                results[item[0]] = check(item[1])
                own_done += 1
            elif any(c.share for c in children):
                _drain(children, True, results, redo)
            else:
                break
            if progress and total is not None:
                progress(offset + own_done + sum(c.done for c in children), total)
        for child in children:              # no more work: each child leaves at end of input
            _close(child, "tasks")
        for child in children:
            os.waitpid(child.pid, 0)
            child.pid = 0
    finally:
        _reap(children)
        gc.unfreeze()


def _hand_out(child: _Child, plan, first_open: int) -> None:
    """Top a live child up to DEPTH batches."""
    if child.results < 0 or child.tasks < 0:
        return
    while child.open < DEPTH:
        batch = plan.batch(first_open, child)
        if not batch:
            break
        child.share.update(batch)
        child.outbox += _frame(batch)
        child.given += 1
        child.open += 1
    _flush(child)


def _flush(child: _Child) -> None:
    while child.outbox and child.tasks >= 0:
        try:
            n = os.write(child.tasks, child.outbox)
        except BlockingIOError:
            return
        except OSError:                     # the child is gone: its files come back at EOF
            child.outbox.clear()
            return
        del child.outbox[:n]


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
        end = _frames_end(child.payload)
        if end:
            returned = _unpickle(child, 1 << 62)
            at = 0
            while at < end:
                at += _HEADER + int.from_bytes(child.payload[at:at + _HEADER], "little")
                child.open -= 1
            del child.payload[:end]
            for i, result in returned:
                if i in child.share:
                    del child.share[i]
                    results[i] = result
        if child.share and (child.results < 0 or child.open <= 0):   # never coming: redo here
            redo.extend(sorted(child.share.items()))
            child.share.clear()
        if child.results < 0:
            _close(child, "tasks")
            child.outbox.clear()


def _close(child: _Child, name: str) -> int:
    fd = getattr(child, name)
    if fd >= 0:
        try:
            os.close(fd)
        except OSError:
            pass
        setattr(child, name, -1)
    return -1


def _reap(children: list[_Child]) -> None:
    """Close the pipes, and stop and collect children still running (after an interruption
    or error; after a normal end they have left already)."""
    for child in children:
        for name in ("ticks", "results", "tasks"):
            _close(child, name)
        if child.pid:
            import signal
            try:
                os.kill(child.pid, signal.SIGTERM)
                os.waitpid(child.pid, 0)
            except (OSError, ChildProcessError):
                pass
            child.pid = 0


# ---- the standard library's pool ---------------------------------------------------------
def check_in_pool(work, spec, items, jobs: int, weigh=None, progress=None, total: int | None = None):
    """work(spec, batch) -> results, for consecutive batches of the items, in a pool of `jobs`
    processes from the standard library (spawned where fork is missing); each result yielded
    in input order as soon as its batch and every earlier one are done. `work` and `spec` are
    pickled to the workers, so `work` builds what it needs from `spec` once per process."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial
    jobs = max(1, min(jobs, 61))
    feed = _Feed(items, weigh or (lambda item: 0), jobs)
    pending: deque = deque()
    done = 0
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


def _flush_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
