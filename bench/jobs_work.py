"""Where `--jobs 2` loses against one process, counted in instructions, not seconds.

    python bench/jobs_work.py [--shared DIR] [--release-qa CMD] [--json OUT]

Wall-clock ratios on a shared two-core machine swing by 0.1x from run to run; instruction
counts do not. This runs the dev-corpus check (every WMT23 document plus the seeds, as
bench/speed.py's throughput row) twice under valgrind's callgrind, side by side:

  - `--jobs 1`: J, every instruction of the run;
  - `--jobs 2`, with a dump of the counters just before fork(): P, what the parent does
    before it forks (start-up, imports, rule sets, the first file), then what the parent
    and the child each do after the fork.

From these: D = (P + parent + child) - J, the work the two processes do twice after the fork
(what each loads on first use: pattern compiles, phrase tables, word lists; the results
sent back), and the bound the code itself sets on the speed-up, J / (P + the busier
process), before the machine takes its share (two CPU-bound processes on two cores get
c / 2 of one core each: bench/speed.py measures c). So `--jobs 2` can reach at most
c / 2 x that bound; with P and D as shares of J, the balanced bound is 2 / (1 + p + d).

Takes 3-5 minutes (callgrind runs Python about 50 times slower); needs valgrind. The
release-qa command defaults to bench/speed.py's regular install, refreshed.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from speed import child_env, corpus, release_qa_command  # noqa: E402

FORK_SYMBOL = "_Fork"       # glibc's fork() calls it in the process that forks, once per child


def totals(path: str) -> int:
    """The instruction total of one callgrind output file."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            m = re.match(r"(?:totals|summary):\s*(\d+)", line)
            if m:
                return int(m.group(1))
    raise ValueError(f"{path}: no totals line")


def run(rq: list[str], files: list[str], out: str) -> dict:
    """Both runs at once (one core each); their instruction counts do not depend on that."""
    base = ["valgrind", "--tool=callgrind", "--trace-children=yes"]
    one = subprocess.Popen(base + [f"--callgrind-out-file={out}/one.%p"] + rq
                           + ["check", "--jobs", "1", *files],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env())
    two = subprocess.Popen(base + [f"--dump-before={FORK_SYMBOL}", f"--callgrind-out-file={out}/two.%p"]
                           + rq + ["check", "--jobs", "2", *files],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env())
    codes = (one.wait(), two.wait())
    if any(c not in (0, 1) for c in codes):
        raise SystemExit(f"a run failed (exit {codes})")
    ones = glob.glob(os.path.join(out, "one.*"))
    dumps = sorted(glob.glob(os.path.join(out, "two.*")))
    parts = [p for p in dumps if re.search(r"\.\d+\.\d+$", p)]      # two.PID.1: the parent before the fork
    if len(ones) != 1 or len(parts) != 1 or len(dumps) != 3:
        raise SystemExit(f"unexpected callgrind files: {sorted(os.listdir(out))}")
    parent_pid = parts[0].rsplit(".", 2)[1]
    finals = [p for p in dumps if p not in parts]
    parent = next(p for p in finals if p.endswith("." + parent_pid))
    child = next(p for p in finals if p != parent)
    return {"J": totals(ones[0]), "P": totals(parts[0]), "parent": totals(parent), "child": totals(child)}


def figures(n: dict) -> dict:
    J, P = n["J"], n["P"]
    D = P + n["parent"] + n["child"] - J
    p, d = P / J, D / J
    return {**n, "D": D, "p": p, "d": d,
            "bound": J / (P + max(n["parent"], n["child"])),
            "balanced_bound": 2 / (1 + p + d)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared"))
    ap.add_argument("--release-qa", help="the command to run (default: bench/speed.py's install)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args()
    if not shutil.which("valgrind"):
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    files = corpus(args.shared)
    rq = release_qa_command(args.release_qa)
    with tempfile.TemporaryDirectory(prefix="rq-jobs-work-") as out:
        fig = figures(run(rq, files, out))
    g = 1e9
    print(f"dev corpus, {len(files)} files, instructions (callgrind):")
    print(f"  --jobs 1, whole run                 J = {fig['J'] / g:6.2f} G")
    print(f"  --jobs 2, parent before the fork    P = {fig['P'] / g:6.2f} G  ({fig['p']:.1%} of J)")
    print(f"  --jobs 2, parent after the fork         {fig['parent'] / g:6.2f} G")
    print(f"  --jobs 2, child                         {fig['child'] / g:6.2f} G")
    print(f"  done twice after the fork           D = {fig['D'] / g:6.2f} G  ({fig['d']:.1%} of J)")
    print(f"  bound on --jobs 2 / --jobs 1: {fig['bound']:.3f}x as balanced in this run, "
          f"{fig['balanced_bound']:.3f}x evenly balanced; times c / 2 for the machine")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(fig, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
