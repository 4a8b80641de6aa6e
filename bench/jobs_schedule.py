"""How evenly `--jobs 2` shares the dev corpus at the end of a run, away from the machine's noise.

Times each file's check in one warm process (the median of three passes), then replays the
scheduler of qa._speed.parallel (its own `split` and `_Shares`, the parent checking a file at a
time and topping the child up to DEPTH batches between its files, the child returning each
batch when done) with those times, and again 200 times with each file's time drawn within
+-25% of it. It reports how long the parent waits for the child's last batches, how long the
child waits before the parent's end, and the 2-process speed-up this leaves, start-up and the
report's formatting left out. Compare two checkouts by running it in each.

    python bench/jobs_schedule.py [--shared ../shared] [--json OUT]
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))


def file_times(files: list[str]) -> list[float]:
    import qa
    checker = qa.Checker()
    for path in files[:3]:                      # what the first files load
        checker.check_file(path)
    passes = []
    for _ in range(3):
        row = []
        for path in files:
            start = time.perf_counter()
            checker.check_file(path)
            row.append(time.perf_counter() - start)
        passes.append(row)
    return [sorted(col)[1] for col in zip(*passes)]


class _Child:
    def __init__(self) -> None:
        self.share: dict = {}
        self.open = 0
        self.free = 0.0


def replay(times: list[float], sizes: list[int]) -> tuple[float, float, float]:
    """(time of both processes, the parent's wait, the child's wait) for one run."""
    from qa._speed import parallel as par
    shares = [s for s in par.split(sizes, 2) if s]
    plan = par._Shares(list(range(len(times))), shares, [s + par.FILE_OVERHEAD for s in sizes])
    own = list(plan.batch(0))
    now = times[own.pop(0)[0]]                  # the first file is checked before the fork
    child, pending, waited = _Child(), [], 0.0
    child.free = now

    def hand_out() -> None:
        while child.open < par.DEPTH:
            batch = plan.batch(0, child)
            if not batch:
                return
            child.share.update(batch)
            child.open += 1
            child.free = max(child.free, now) + sum(times[i] for i, _ in batch)
            pending.append((child.free, batch))

    def drain() -> None:
        for done in [p for p in pending if p[0] <= now]:
            pending.remove(done)
            child.open -= 1
            for i, _ in done[1]:
                child.share.pop(i)
    while True:
        hand_out()
        drain()
        if not own:
            own.extend(plan.batch(0))
        if own:
            now += times[own.pop(0)[0]]
        elif child.share:
            nxt = min(p[0] for p in pending)
            waited += nxt - now
            now = nxt
            drain()
        else:
            break
    end = max(now, child.free)
    return end, waited, end - child.free


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared"))
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    docs = os.path.join(args.shared, "data", "wmt23-zhen-dev", "docs")
    files = sorted(glob.glob(os.path.join(docs, "*.txt"))) + sorted(
        glob.glob(os.path.join(args.shared, "seeds", "*.txt")))
    if not files:
        print(f"error: no dev documents under {docs}", file=sys.stderr)
        return 2
    sizes = [os.path.getsize(f) for f in files]
    times = file_times(files)
    end, waited, idle = replay(times, sizes)
    rows = []
    for seed in range(200):
        rnd = random.Random(seed)
        drawn = [t * rnd.uniform(0.75, 1.25) for t in times]
        e, w, i = replay(drawn, sizes)
        rows.append((sum(drawn) / e, w, i))
    out = {"files": len(files), "one_process_s": sum(times), "measured": {
        "speedup": sum(times) / end, "parent_waits_ms": waited * 1000, "child_waits_ms": idle * 1000},
        "drawn": {"speedup": statistics.mean(r[0] for r in rows),
                  "parent_waits_ms": statistics.mean(r[1] for r in rows) * 1000,
                  "child_waits_ms": statistics.mean(r[2] for r in rows) * 1000}}
    print(f"dev corpus, {len(files)} files, {sum(times):.2f} s of checking in one process")
    for name in ("measured", "drawn"):
        row = out[name]
        label = "measured times" if name == "measured" else "times drawn +-25%, mean of 200"
        print(f"  {label:32} speed-up {row['speedup']:.3f}x; the parent waits "
              f"{row['parent_waits_ms']:.1f} ms, the child {row['child_waits_ms']:.1f} ms")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
