"""Corpus-scale benchmark: many releases in one run, one big release, the API and Dask.

    python bench/corpus.py [--sizes 2000,20000] [--big 16] [--linear 1,4,16,64] [--runs 3]
                           [--no-proselint] [--no-dask] [--json OUT] [--shared DIR] [--keep DIR]
                           [--only big]

Every figure comes from subprocess runs of the command line (start-up included) or, for the
API, from a fresh interpreter; the machine is shared and noisy, so runs of the things compared
are taken in turn and medians and ratios are quoted, with the load average before and after.

1. corpus: N release files (~600 words each) generated from the WMT23 dev documents (a headline
   and the text of one document, then the text of a document about another story) in a
   temporary folder, checked with `--format jsonl --files-from LIST` with --jobs 1 and 2:
   words per second (the checker's own count, summed from the output) and peak RSS; the
   parent's RSS is also sampled as the run goes (after 10%, 50% and all of the files), which
   must not grow with the number of files. proselint 0.16 (its own virtualenv, as
   bench/speed.py installs it) checks the same files, named in argv (it has no list option).
2. API: the per-text cost of a reused `Checker.check_text`, of `lint_text` and of a Checker
   built per call (what lint_text cost before), against the command line's per-file cost in
   one batch (the --jobs 1 corpus run net of its start-up, per file), on the same files.
3. one big release: the dev documents concatenated to 16 MB (and, with --linear, 1, 4, 16 and
   64 MB), checked with --format jsonl: seconds and peak RSS per MB of input; proselint on the
   same file (its 1,000-results cap lifted, as bench/speed.py does). `--only big` runs this
   part alone (`--only big --no-proselint --linear 1,4,16,64` for the release-qa figures).
4. Dask: `--dask local --jobs 2` against `--jobs 2` on the same files and format, both
   outputs compared byte for byte (the cluster's start-up included, and also reported alone).
5. a projection for one million releases of 600 words on this machine (2 cores) and on a
   cluster of 32 cores, from the measured rates.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import speed  # noqa: E402 - bench/speed.py: child environment and proselint's virtualenv

RQ = [os.path.join(ROOT, ".venv", "bin", "release-qa")]
PY = os.path.join(ROOT, ".venv", "bin", "python")
TIMEOUT = 7200.0


# ---- the corpus -------------------------------------------------------------------------
def dev_docs(shared: str) -> list[str]:
    docs = sorted(glob.glob(os.path.join(shared, "data", "wmt23-zhen-dev", "docs", "*.txt")))
    if not docs:
        raise SystemExit(f"no WMT documents under {shared} (pass --shared)")
    return docs


def _story(path: str) -> str:
    return os.path.basename(path).split("_zh-en__")[0]


def make_releases(docs: list[str], folder: str, count: int) -> list[str]:
    """`count` release files: release k is the headline and text of one dev document followed by
    the text (headline dropped) of a document about another story, a blank line between."""
    texts = [open(d, encoding="utf-8").read().strip("\n") for d in docs]
    stories = [_story(d) for d in docs]
    os.makedirs(folder, exist_ok=True)
    paths = []
    n = len(texts)
    for k in range(count):
        a = k % n
        b = (a * 7 + 1 + k // n * 13) % n
        while stories[b] == stories[a]:
            b = (b + 1) % n
        body_b = texts[b].split("\n", 1)[1].strip("\n") if "\n" in texts[b] else texts[b]
        path = os.path.join(folder, f"{k // 1000:03d}", f"release-{k:06d}.txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(texts[a] + "\n\n" + body_b + "\n")
        paths.append(path)
    return paths


def make_big(docs: list[str], path: str, megabytes: int) -> str:
    """The dev documents, one after another (a blank line between), to `megabytes` MB."""
    texts = [open(d, encoding="utf-8").read().strip("\n") + "\n\n" for d in docs]
    goal = megabytes * 1_000_000
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        size = i = 0
        while size < goal:
            t = texts[i % len(texts)]
            fh.write(t)
            size += len(t.encode("utf-8"))
            i += 1
    return path


# ---- running a child ----------------------------------------------------------------------
class Run:
    """One run: wall seconds, CPU seconds (user + system, its processes together), peak RSS (KB,
    the largest process), exit code, and the parent's RSS sampled as it went (KB, by elapsed
    fraction). On a shared machine the CPU time says what the work costs, the wall time what
    the neighbours left of it."""

    def __init__(self, wall: float, rss_kb: int, code: int, samples: list[tuple[float, int]],
                 cpu: float = 0.0):
        self.wall, self.rss_kb, self.code, self.samples, self.cpu = wall, rss_kb, code, samples, cpu

    def rss_at(self, fraction: float) -> int:
        if not self.samples:
            return 0
        goal = self.wall * fraction
        return max((kb for t, kb in self.samples if t <= goal), default=self.samples[0][1])


def run(cmd: list[str], stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env: dict | None = None,
        cwd: str = ROOT) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL,
                            env=env or speed.child_env(), cwd=cwd)
    samples: list[tuple[float, int]] = []
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            try:
                with open(f"/proc/{proc.pid}/status", encoding="ascii") as fh:
                    for line in fh:
                        if line.startswith("VmRSS:"):
                            samples.append((time.perf_counter() - start, int(line.split()[1])))
            except OSError:
                return
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    timer = threading.Timer(TIMEOUT, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
        done.set()
    wall = time.perf_counter() - start
    return Run(wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status), samples,
               usage.ru_utime + usage.ru_stime)


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def jsonl_words(path: str) -> tuple[int, int]:
    """(files, words) of a --format jsonl output."""
    files = words = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if "path" in obj:
                files += 1
                words += obj["words"]
    return files, words


# ---- the measurements ---------------------------------------------------------------------
def corpus_runs(paths: list[str], tmp: str, runs: int, pl: list[str] | None, fig: dict) -> dict:
    """--jobs 1 and 2 over a list, proselint over argv; runs taken in turn."""
    n = len(paths)
    listing = os.path.join(tmp, f"list-{n}.txt")
    with open(listing, "w", encoding="utf-8") as fh:
        fh.write("\n".join(paths) + "\n")
    out = os.path.join(tmp, f"out-{n}.jsonl")
    cmds = {f"release-qa --jobs {j}": RQ + ["check", "--isolated", "--format", "jsonl", "--jobs", str(j),
                                            "--files-from", listing] for j in (1, 2)}
    if pl:
        cmds["proselint"] = pl + ["check", *paths]
    walls: dict[str, list[Run]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            if name.startswith("release-qa"):
                with open(out, "wb") as fh:
                    walls[name].append(run(cmd, stdout=fh))
            else:
                walls[name].append(run(cmd))
    files, words = jsonl_words(out)
    res = {"files": n, "files_in_output": files, "words": words, "load_after": load()}
    for name, rs in walls.items():
        wall = statistics.median(r.wall for r in rs)
        last = rs[-1]
        cpu = statistics.median(r.cpu for r in rs)
        res[name] = {"median_s": wall, "runs_s": [r.wall for r in rs], "words_per_s": words / wall,
                     "cpu_s": cpu, "words_per_cpu_s": words / cpu,
                     "peak_rss_mb": max(r.rss_kb for r in rs) / 1024,
                     "parent_rss_mb_at_10_50_100pct": [last.rss_at(f) / 1024 for f in (0.1, 0.5, 1.0)],
                     "exit_codes": sorted({r.code for r in rs})}
    one, two = res["release-qa --jobs 1"], res["release-qa --jobs 2"]
    res["jobs_2_over_1"] = one["median_s"] / two["median_s"]
    if pl:
        res["release-qa_over_proselint"] = res["proselint"]["median_s"] / one["median_s"]
    fig[f"corpus {n}"] = res
    return res


_API = r"""
import json, statistics, sys, time
paths = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
texts = [open(p, encoding="utf-8").read() for p in paths]
import qa
from qa import Checker
t0 = time.perf_counter(); checker = Checker(isolated=True); build = time.perf_counter() - t0
def per(fn, items):
    t = time.perf_counter()
    for x in items:
        fn(x)
    return (time.perf_counter() - t) / len(items)
checker.check_text(texts[0]); qa.lint_text(texts[0])
reused, lint = [], []
for _ in range(3):
    reused.append(per(checker.check_text, texts))
    lint.append(per(qa.lint_text, texts))
fresh = per(lambda t: Checker(isolated=True).check_text(t), texts[:20])
print(json.dumps({"build_s": build, "check_text_s": statistics.median(reused),
                  "lint_text_s": statistics.median(lint), "new_checker_per_call_s": fresh}))
"""


def api_cost(paths: list[str], tmp: str, cli_per_file: float, fig: dict) -> dict:
    listing = os.path.join(tmp, "api-list.txt")
    with open(listing, "w", encoding="utf-8") as fh:
        fh.write("\n".join(paths) + "\n")
    out = subprocess.run([PY, "-c", _API, listing], capture_output=True, text=True, env=speed.child_env(),
                         cwd=ROOT, timeout=TIMEOUT)
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["cli_per_file_s"] = cli_per_file
    res["check_text_over_cli"] = res["check_text_s"] / cli_per_file
    fig["api"] = res
    return res


def big_file(docs: list[str], tmp: str, sizes: list[int], pl: list[str] | None, fig: dict) -> dict:
    res = {}
    unlimited = os.path.join(tmp, "proselintrc.json")
    with open(unlimited, "w", encoding="utf-8") as fh:
        json.dump({"max_errors": 10 ** 9}, fh)
    for mb in sizes:
        path = make_big(docs, os.path.join(tmp, f"big-{mb}mb.txt"), mb)
        real_mb = os.path.getsize(path) / 1_000_000
        r = run(RQ + ["check", "--isolated", "--format", "jsonl", path])
        row = {"mb": real_mb, "seconds": r.wall, "cpu_s": r.cpu, "peak_rss_mb": r.rss_kb / 1024,
               "mib_per_mb": r.rss_kb / 1024 / real_mb, "load_after": load()}
        if pl and mb == max(sizes):
            p = run(pl + ["check", "--config", unlimited, path])
            row["proselint"] = {"seconds": p.wall, "cpu_s": p.cpu, "peak_rss_mb": p.rss_kb / 1024,
                                "mib_per_mb": p.rss_kb / 1024 / real_mb}
        res[f"{mb} MB"] = row
        os.unlink(path)
    fig["big file"] = res
    return res


def dask_vs_jobs(paths: list[str], tmp: str, runs: int, fig: dict) -> dict | None:
    check = subprocess.run([PY, "-c", "import dask.bag, distributed"], capture_output=True)
    if check.returncode:
        print("note: Dask is not installed here (pip install 'release-qa[dask]'): skipped",
              file=sys.stderr)
        return None
    listing = os.path.join(tmp, "dask-list.txt")
    with open(listing, "w", encoding="utf-8") as fh:
        fh.write("\n".join(paths) + "\n")
    base = RQ + ["check", "--isolated", "--format", "jsonl", "--jobs", "2", "--files-from", listing]
    outs = {"jobs": os.path.join(tmp, "jobs.jsonl"), "dask": os.path.join(tmp, "dask.jsonl")}
    walls: dict[str, list[float]] = {"jobs": [], "dask": []}
    for _ in range(runs):
        for name, cmd in (("jobs", base), ("dask", base + ["--dask", "local"])):
            with open(outs[name], "wb") as fh:
                walls[name].append(run(cmd, stdout=fh).wall)
    with open(outs["jobs"], "rb") as a, open(outs["dask"], "rb") as b:
        same = a.read() == b.read()
    startup = run([PY, "-c", "from distributed import Client, LocalCluster\n"
                   "c = LocalCluster(n_workers=2, threads_per_worker=1, host='127.0.0.1', "
                   "dashboard_address=None); Client(c).close(); c.close()"]).wall
    res = {"files": len(paths), "jobs_2_s": statistics.median(walls["jobs"]),
           "dask_local_2_s": statistics.median(walls["dask"]), "identical_output": same,
           "local_cluster_start_stop_s": startup, "load_after": load()}
    res["dask_over_jobs"] = res["dask_local_2_s"] / res["jobs_2_s"]
    fig["dask"] = res
    return res


PARALLEL_EFFICIENCY = 0.95     # two CPU-bound processes on two free cores: bench/speed.py's ceiling


def projection(fig: dict) -> dict:
    """One million releases of 600 words, from the largest corpus run: as measured here (wall
    time, a shared machine), and from the CPU time a word costs on free cores (2 here, and 32
    in a cluster, each core at that rate times PARALLEL_EFFICIENCY)."""
    runs = [v for k, v in fig.items() if k.startswith("corpus ")]
    if not runs:
        return {}
    big = max(runs, key=lambda r: r["files"])
    words = 1_000_000 * 600
    one, two = big["release-qa --jobs 1"], big["release-qa --jobs 2"]
    res = {"words per release, measured": big["words"] / big["files"],
           "this machine as measured, --jobs 2 (hours)": words / two["words_per_s"] / 3600,
           "2 free cores, from CPU time (hours)": words / (one["words_per_cpu_s"] * 2 * PARALLEL_EFFICIENCY) / 3600,
           "32 free cores, from CPU time (minutes)": words / (one["words_per_cpu_s"] * 32 * PARALLEL_EFFICIENCY) / 60}
    fig["projection"] = res
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2000,20000", help="corpus sizes (files), comma-separated")
    ap.add_argument("--big", type=int, default=16, help="the big release, MB")
    ap.add_argument("--linear", default="", help="also these sizes (MB) of the big release, e.g. 1,4,16,64")
    ap.add_argument("--runs", type=int, default=3, help="runs of each corpus measurement (the largest: 1)")
    ap.add_argument("--no-proselint", action="store_true")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--json", metavar="OUT", help="write every figure to OUT")
    ap.add_argument("--shared", default=os.environ.get("RELEASE_QA_SHARED",
                                                        os.path.join(os.path.dirname(ROOT), "shared")))
    ap.add_argument("--keep", metavar="DIR", help="generate the files here and keep them")
    ap.add_argument("--only", choices=("big",), help="run one part only: 'big', the big release "
                                                       "(with --big and --linear)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    docs = dev_docs(args.shared)
    pl = None if args.no_proselint else speed.proselint_command()
    fig: dict = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                             "cores": os.cpu_count(), "load_before": load()}}
    tmp = args.keep or tempfile.mkdtemp(prefix="qa-corpus-")
    try:
        if args.only == "big":
            _big_only(docs, tmp, args, pl, fig)
            return _done(fig, tmp, args)
        made = make_releases(docs, os.path.join(tmp, "releases"), max(sizes))
        for n in sizes:
            res = corpus_runs(made[:n], tmp, 1 if n == max(sizes) and len(sizes) > 1 else args.runs, pl, fig)
            print(f"{n} files, {res['words']:,} words: " + "; ".join(
                f"{k}: {v['words_per_s']:,.0f} words/s ({v['words_per_cpu_s']:,.0f} per CPU second), "
                f"peak {v['peak_rss_mb']:.0f} MB, parent RSS "
                + "/".join(f"{x:.0f}" for x in v["parent_rss_mb_at_10_50_100pct"]) + " MB at 10/50/100%"
                for k, v in res.items() if isinstance(v, dict)) + f"; jobs 2/1 {res['jobs_2_over_1']:.2f}x",
                flush=True)
        first = fig[f"corpus {sizes[0]}"]
        start = run(RQ + ["check", "--isolated", "--format", "jsonl", made[0]]).wall
        per_file = (first["release-qa --jobs 1"]["median_s"] - start) / first["files"]
        api = api_cost(made[:min(200, len(made))], tmp, per_file, fig)
        print(f"API: check_text {api['check_text_s'] * 1000:.2f} ms, lint_text "
              f"{api['lint_text_s'] * 1000:.2f} ms, a Checker per call {api['new_checker_per_call_s'] * 1000:.1f}"
              f" ms; CLI per file {per_file * 1000:.2f} ms (check_text/CLI {api['check_text_over_cli']:.2f})",
              flush=True)
        _big_only(docs, tmp, args, pl, fig)
        if not args.no_dask:
            d = dask_vs_jobs(made[:sizes[0]], tmp, args.runs, fig)
            if d:
                print(f"Dask local vs --jobs 2, {d['files']} files: {d['dask_local_2_s']:.1f} s vs "
                      f"{d['jobs_2_s']:.1f} s (cluster start and stop {d['local_cluster_start_stop_s']:.1f} s); "
                      f"identical output: {d['identical_output']}", flush=True)
        for k, v in projection(fig).items():
            print(f"projection, 1M releases: {k}: {v:,.1f}")
    except BaseException:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    return _done(fig, tmp, args)


def _big_only(docs: list[str], tmp: str, args, pl: list[str] | None, fig: dict) -> None:
    """Part 3: the big release at --big MB (and the --linear sizes), printed as it goes."""
    big_sizes = sorted({int(s) for s in args.linear.split(",") if s} | {args.big})
    for label, row in big_file(docs, tmp, big_sizes, pl, fig).items():
        print(f"one file of {label}: {row['seconds']:.1f} s ({row['cpu_s']:.1f} s CPU), "
              f"peak {row['peak_rss_mb']:.0f} MB "
              f"({row['mib_per_mb']:.1f} MiB per MB)" + (
                  f"; proselint {row['proselint']['seconds']:.1f} s, {row['proselint']['mib_per_mb']:.1f} "
                  "MiB per MB" if "proselint" in row else ""), flush=True)


def _done(fig: dict, tmp: str, args) -> int:
    """The machine's load after the run, the temporary folder removed, the figures written."""
    fig["machine"]["load_after"] = load()
    print(f"machine: {fig['machine']}")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(fig, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
