"""Speed benchmark: cold run, throughput, scaling and peak memory, side by side with proselint.

    python bench/speed.py [--quick] [--json OUT] [--strict] [--no-proselint] [--shared DIR]

Every figure comes from subprocess runs of the installed command line (start-up included),
so it is what a user or a pre-commit hook sees:

1. cold run: `release-qa --version` and `release-qa check SEED` (median of 15 runs, each
   taken in turn with proselint's). release-qa keeps no cache between runs, so every run is a
   first run; the seed is also checked with the speed layer swapped for the standard library
   (RELEASE_QA_STDLIB=1: dataclasses instead of records, patterns compiled at import);
2. throughput: every WMT23 document plus the seeds in one run, in words per second (the
   checker's own word count), with `--jobs 1` and `--jobs 2` (and all cores when there are
   more than two), median of 9 runs taken in turn with proselint's; also net of the start-up
   time (the seed's cold run), the machine's own ceiling for two processes, and the one-time
   cost a process pays (start-up plus what a first pass over the corpus loads that a second
   pass in the same process does not), which --jobs cannot split;
3. scaling: the seed repeated to 100 KB, 1 MB and 10 MB in one file: wall time, the ratios
   between sizes and the child's peak resident memory (ru_maxrss);
4. the progress display: shown on a terminal (a pty), absent when piped or when CI is set.

proselint 0.16.0 runs the same cold-run, throughput and scaling measurements in the same
session from its own virtualenv (bench/out/venv-proselint, created on first use with pip),
so each result is also a ratio that holds on a noisy machine. `--quick` trims repetitions for
CI smoke runs. Children run without PYTHONDONTWRITEBYTECODE, so both tools start from cached
bytecode as an installed tool does. Exit status: 0, or 1 with --strict when a target fails.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = os.path.join(ROOT, "seeds", "000_f1d4fa1267fc45f6.txt")
PROSELINT_VERSION = "0.16.0"
PROSELINT_VENV = os.path.join(HERE, "out", "venv-proselint")
BIN = "Scripts" if os.name == "nt" else "bin"
SIZES = (("100 KB", 100_000), ("1 MB", 1_000_000), ("10 MB", 10_000_000))
TIMEOUT = 900.0


# ---- running a child and measuring it ---------------------------------------------------
@dataclass
class Timing:
    """Repeated runs of one command: wall times (s), peak memory (KB), exit codes."""

    walls: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)
    codes: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    def to_dict(self) -> dict:
        return {"median_s": self.median, "min_s": min(self.walls), "runs_s": self.walls,
                "peak_rss_kb": max(self.rss_kb), "exit_codes": sorted(set(self.codes))}


def child_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "CI")}
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env


def run_once(cmd: list[str], env: dict) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KB, exit code) of one run; output is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    timer = threading.Timer(TIMEOUT, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss // (1024 if sys.platform == "darwin" else 1)
    return wall, rss, proc.returncode


def measure(cmd: list[str], runs: int, warmup: int = 1) -> Timing:
    return measure_turns([cmd], runs, warmup)[0]


def measure_pair(a: list[str], b: list[str] | None, runs: int, warmup: int = 1,
                 **env_a: str) -> tuple[Timing, Timing | None]:
    """`a` and (when given) `b` in turn; `env_a` is extra environment for `a`."""
    out = measure_turns([a, b] if b else [a], runs, warmup, [env_a, {}])
    return out[0], (out[1] if b else None)


def measure_turns(cmds: list[list[str]], runs: int, warmup: int = 1,
                  extra_env: list[dict] | None = None) -> list[Timing]:
    """Runs of several commands taken in turn (a, b, c, a, b, c, ...), so that a slow spell
    of a noisy machine lands on all of them and their ratios hold."""
    envs = [child_env(**((extra_env or [])[i] if i < len(extra_env or []) else {}))
            for i in range(len(cmds))]
    for _ in range(warmup):
        for cmd, env in zip(cmds, envs):
            run_once(cmd, env)
    out = [Timing() for _ in cmds]
    for _ in range(runs):
        for cmd, env, t in zip(cmds, envs, out):
            wall, rss, code = run_once(cmd, env)
            t.walls.append(wall)
            t.rss_kb.append(rss)
            t.codes.append(code)
    for cmd, t in zip(cmds, out):
        if any(c not in (0, 1) for c in t.codes):
            print(f"warning: {' '.join(cmd[:3])} ... exited {sorted(set(t.codes))}: "
                  "its times are not comparable", file=sys.stderr)
    return out


# ---- the two tools ----------------------------------------------------------------------
RELEASE_QA_VENV = os.path.join(HERE, "out", "venv-release-qa")


def release_qa_command(given: str | None, editable: bool = False) -> list[str]:
    """The checker as users install it: a regular (not editable) install of this checkout in
    its own virtualenv, refreshed on every run (`--editable` uses .venv instead)."""
    if given:
        return given.split()
    if not editable:
        python = os.path.join(RELEASE_QA_VENV, BIN, "python")
        try:
            if not os.path.exists(python):
                subprocess.run([sys.executable, "-m", "venv", "--clear", RELEASE_QA_VENV], check=True)
            subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            "--force-reinstall", "--no-deps", ROOT], check=True)
            subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", ROOT],
                           check=True)
            return [os.path.join(RELEASE_QA_VENV, BIN, "release-qa")]
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"warning: could not install release-qa into {RELEASE_QA_VENV} ({exc}); "
                  "using the development install", file=sys.stderr)
    exe = os.path.join(ROOT, ".venv", BIN, "release-qa")
    if os.path.exists(exe):
        return [exe]
    return [sys.executable, "-m", "qa"]


def proselint_command() -> list[str] | None:
    """proselint in its own virtualenv, installed on first use; None when that fails."""
    exe = os.path.join(PROSELINT_VENV, BIN, "proselint")
    python = os.path.join(PROSELINT_VENV, BIN, "python")
    try:
        if not os.path.exists(exe):
            print(f"installing proselint {PROSELINT_VERSION} into {PROSELINT_VENV} ...",
                  file=sys.stderr)
            subprocess.run([sys.executable, "-m", "venv", "--clear", PROSELINT_VENV], check=True)
            subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            f"proselint=={PROSELINT_VERSION}"], check=True)
        out = subprocess.run([exe, "version"], capture_output=True, text=True, env=child_env())
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"warning: proselint unavailable ({exc}); its columns stay empty", file=sys.stderr)
        return None
    if PROSELINT_VERSION not in out.stdout + out.stderr:
        print(f"warning: {exe} is not proselint {PROSELINT_VERSION}: delete {PROSELINT_VENV}",
              file=sys.stderr)
    return [exe]


def corpus(shared: str) -> list[str]:
    docs = sorted(glob.glob(os.path.join(shared, "data", "wmt23-zhen-dev", "docs", "*.txt")))
    if not docs:
        raise SystemExit(f"no WMT documents under {shared} (pass --shared)")
    return docs + sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt")))


def word_count(rq: list[str], files: list[str]) -> tuple[int, int]:
    """(words, findings) of the files by the checker's own count (FileResult.words)."""
    out = subprocess.run(rq + ["check", "--format", "json", "--jobs", "1", *files],
                         capture_output=True, env=child_env(), cwd=ROOT)
    report = json.loads(out.stdout)
    return (sum(f["words"] for f in report["files"]),
            sum(len(f["findings"]) for f in report["files"]))


def repeated_seed(folder: str, size: int) -> str:
    """The seed repeated (a blank line between copies) to at least `size` bytes, in one file."""
    with open(SEED, encoding="utf-8") as fh:
        seed = fh.read().strip("\n") + "\n"
    copies = -(-size // (len(seed.encode("utf-8")) + 1))
    path = os.path.join(folder, f"seed-x{copies}.txt")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join([seed] * copies))
    return path


# ---- the progress display ---------------------------------------------------------------
def stderr_of(cmd: list[str], env: dict, tty: bool) -> str:
    """What `cmd` writes on stderr, which is a pseudo-terminal when `tty` (stdout is a pipe)."""
    if not tty:
        return subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env, cwd=ROOT,
                              timeout=TIMEOUT).stderr.decode("utf-8", "replace")
    import pty
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=slave, env=env, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:         # EIO: every process holding the terminal has exited
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(TIMEOUT)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def progress_checks(rq: list[str], files: list[str]) -> dict[str, bool]:
    """Whether 'checked N/M files' appeared: on a terminal, piped, and on a terminal in CI."""
    cmd = rq + ["check", *files]
    shown = re.compile(r"checked \d+/\d+ files").search
    return {"terminal": bool(shown(stderr_of(cmd, child_env(), True))),
            "piped": bool(shown(stderr_of(cmd, child_env(), False))),
            "terminal, CI=true": bool(shown(stderr_of(cmd, child_env(CI="true"), True)))}


# ---- the measurements -------------------------------------------------------------------
@dataclass
class Row:
    name: str
    rq: str
    pl: str = "-"
    ratio: str = "-"
    target: str = "-"
    ok: bool | None = None          # None: information only (or not measurable)

    @property
    def result(self) -> str:
        if self.ok is None:
            return "" if self.target == "-" else "n/a"
        return "PASS" if self.ok else "FAIL"


def ms(s: float) -> str:
    return f"{s * 1000:.0f} ms"


def secs(s: float) -> str:
    return f"{s:.2f} s"


def wps(w: float) -> str:
    return f"{w:,.0f} w/s"


def times(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}x"


def interpreter(cmd: list[str]) -> str:
    sibling = os.path.join(os.path.dirname(cmd[0]), "python")
    return sibling if os.path.exists(sibling) else sys.executable


def cold(rq, pl, runs: int, fig: dict) -> list[Row]:
    """Start-up and the pre-commit case, each release-qa run taken in turn with proselint's.
    There is no cache (nothing is read back between runs), so each run is a first run; the
    seed is also checked with the speed layer swapped for the standard library."""
    rows = []
    cases = (("python -c pass (interpreter)", [interpreter(rq), "-c", "pass"],
              [interpreter(pl), "-c", "pass"] if pl else None, "-", None, {}),
             ("--version (cold)", rq + ["--version"], pl + ["version"] if pl else None,
              "< 60 ms", lambda a, r: a < 0.060, {}),
             ("check seed (cold)", rq + ["check", SEED], pl + ["check", SEED] if pl else None,
              "<= 0.7x", lambda a, r: None if r is None else r <= 0.7, {}),
             ("check seed (cold, RELEASE_QA_STDLIB=1)", rq + ["check", SEED],
              pl + ["check", SEED] if pl else None, "-", None, {"RELEASE_QA_STDLIB": "1"}))
    for name, rq_cmd, pl_cmd, target, judge, env in cases:
        a, b = measure_pair(rq_cmd, pl_cmd, runs, **env)
        r = a.median / b.median if b else None
        fig[name] = {"release-qa": a.to_dict(), "proselint": b.to_dict() if b else None}
        rows.append(Row(name, ms(a.median), ms(b.median) if b else "-", times(r), target,
                        judge(a.median, r) if judge else None))
    return rows


def throughput(rq, pl, files: list[str], runs: int, fig: dict) -> list[Row]:
    words, findings = word_count(rq, files)
    fig["corpus"] = {"files": len(files), "words": words, "findings": findings}
    jobs = [1, 2] + ([0] if (os.cpu_count() or 1) > 2 else [])
    cmds = [rq + ["check", "--jobs", str(j), *files] for j in jobs]
    timed = measure_turns(cmds + ([pl + ["check", *files]] if pl else []), runs)
    t = dict(zip(jobs, timed))
    p = timed[len(jobs)] if pl else None
    fig["throughput"] = {"release-qa": {f"jobs {j}": t[j].to_dict() for j in jobs},
                         "proselint": p.to_dict() if p else None}
    w = {j: words / t[j].median for j in jobs}
    wp = words / p.median if p else None
    r1 = w[1] / wp if wp else None
    rows = [Row("throughput --jobs 1", wps(w[1]), wps(wp) if wp else "-", times(r1),
                ">= 1.5x (aim 100k)", None if r1 is None else r1 >= 1.5),
            Row("throughput --jobs 2 (vs --jobs 1)", wps(w[2]), "-", times(w[2] / w[1]),
                ">= 1.8x", w[2] / w[1] >= 1.8)]
    if 0 in jobs:
        rows.append(Row(f"throughput --jobs 0 ({os.cpu_count()} cores)", wps(w[0]), "-",
                        times(w[0] / w[1])))
    ceiling = parallel_ceiling(interpreter(rq), runs)
    fig["throughput"]["machine_ceiling_2_processes"] = ceiling
    rows.append(Row("  the machine's own: 2 CPU loops vs 1", "-", "-", times(ceiling)))
    start_rq = fig["check seed (cold)"]["release-qa"]["median_s"]
    start_pl = fig["check seed (cold)"]["proselint"]["median_s"] if p else None
    net = {j: words / max(t[j].median - start_rq, 1e-3) for j in jobs}
    net_pl = words / max(p.median - start_pl, 1e-3) if p else None
    rows.append(Row("  net of start-up, --jobs 1", wps(net[1]), wps(net_pl) if p else "-",
                    times(net[1] / net_pl if p else None)))
    rows.append(Row("  net of start-up, --jobs 2 (vs 1)", wps(net[2]), "-",
                    times(net[2] / net[1])))
    one_time = one_time_loading(interpreter(rq), files, runs)
    if one_time is not None:
        first, later = one_time
        fixed = first - later + start_rq          # start-up, and what the first pass loads
        fig["throughput"]["one_time_loading"] = {"first_pass_cpu_s": first,
                                                 "later_pass_cpu_s": later, "fixed_s": fixed}
        rows.append(Row("  one-time cost: start-up + 1st pass - 2nd pass", secs(fixed), "-",
                        f"{fixed / (fixed + later):.0%}"))
    fig["throughput"]["words_per_s"] = {"release-qa": {f"jobs {j}": w[j] for j in jobs},
                                        "proselint": wp, "net_release-qa": net[1],
                                        "net_proselint": net_pl}
    return rows


def scaling(rq, pl, runs: int, quick: bool, fig: dict) -> list[Row]:
    rows, res = [], {}
    with tempfile.TemporaryDirectory(prefix="qa-speed-") as tmp:
        unlimited = os.path.join(tmp, "proselintrc.json")     # by default proselint stops
        with open(unlimited, "w", encoding="utf-8") as fh:     # after 1,000 results a file
            json.dump({"max_errors": 10 ** 9}, fh)
        for label, size in SIZES:
            path = repeated_seed(tmp, size)
            a = measure(rq + ["check", path], runs, warmup=0)
            b = (measure(pl + ["check", "--config", unlimited, path], 1, warmup=0)
                 if pl and not (quick and size > 1_000_000) else None)
            res[label] = (a, b)
            rows.append(Row(f"seed repeated to {label}, one file", secs(a.median),
                            secs(b.median) if b else "-",
                            times(a.median / b.median if b else None)))
    fig["scaling"] = {k: {"release-qa": a.to_dict(), "proselint": b.to_dict() if b else None}
                      for k, (a, b) in res.items()}
    for big, small, target in (("1 MB", "100 KB", "-"), ("10 MB", "1 MB", "<= 12x")):
        (a1, b1), (a0, b0) = res[big], res[small]
        r = a1.median / a0.median
        rp = b1.median / b0.median if b1 and b0 else None
        rows.append(Row(f"time {big} / {small}", times(r), times(rp), "-", target,
                        r <= 12 if target != "-" else None))
    a, b = res["10 MB"]
    mb = max(a.rss_kb) / 1024
    rows.append(Row("peak memory at 10 MB", f"{mb:.0f} MB",
                    f"{max(b.rss_kb) / 1024:.0f} MB" if b else "-", "-", "< 500 MB", mb < 500))
    return rows


_PASSES = """
import sys, time
from qa import Checker
files = [f for f in sys.argv[1:] if ".zh." not in f]   # sources: the command line pairs them
checker = Checker()
for _ in range(2):
    start = time.process_time()
    for path in files:
        checker.check_file(path)
    print(time.process_time() - start)
"""


def one_time_loading(python: str, files: list[str], runs: int) -> tuple[float, float] | None:
    """CPU seconds of a first and a second pass over the corpus in one process (medians over
    `runs` processes, at most 5). The difference is what each process loads once, on first
    use (patterns compiled, word lists, cn2an and pypinyin): with start-up, the fixed cost a
    worker of --jobs pays again for what it needs (shared work W is split, F is not)."""
    firsts, laters = [], []
    for _ in range(min(runs, 5)):
        out = subprocess.run([python, "-c", _PASSES, *files], capture_output=True, text=True,
                             env=child_env(), cwd=ROOT, timeout=TIMEOUT)
        if out.returncode != 0:
            return None
        first, later = map(float, out.stdout.split())
        firsts.append(first)
        laters.append(later)
    return statistics.median(firsts), statistics.median(laters)


_LOOP = """
import os, sys
def loop():
    s = 0
    for i in range(4_000_000):
        s += i * i % 7
n = int(sys.argv[1])
kids = []
for _ in range(n - 1):
    pid = os.fork()
    if pid == 0:
        loop()
        os._exit(0)
    kids.append(pid)
loop()
for pid in kids:
    os.waitpid(pid, 0)
"""


def parallel_ceiling(python: str, runs: int) -> float | None:
    """What two processes gain on this machine at best: the same pure-Python loop run once,
    and twice side by side (2 x one / two; 2.0 on two free cores). A figure for --jobs 2 is
    read against it: shared caches, memory bandwidth and neighbours on a virtual machine
    take their share before any start-up cost does."""
    if not hasattr(os, "fork"):
        return None
    one, two = measure_turns([[python, "-c", _LOOP, "1"], [python, "-c", _LOOP, "2"]], runs)
    return 2 * one.median / two.median


def progress(rq, files: list[str], fig: dict) -> list[Row]:
    seen = progress_checks(rq, files)
    fig["progress"] = seen
    want = {"terminal": True, "piped": False, "terminal, CI=true": False}
    return [Row(f"progress display, {case}", "shown" if shown else "absent", "-", "-",
                "shown" if want[case] else "absent", shown == want[case])
            for case, shown in seen.items()]


# ---- output -----------------------------------------------------------------------------
def print_table(rows: list[Row]) -> None:
    head = ("measurement", "release-qa", "proselint", "ratio", "target", "result")
    cells = [head] + [(r.name, r.rq, r.pl, r.ratio, r.target, r.result) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    for n, c in enumerate(cells):
        print("  ".join(x.ljust(w) if i == 0 else x.rjust(w)
                        for i, (x, w) in enumerate(zip(c, widths))).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def machine(rq, pl) -> dict:
    version = subprocess.run(rq + ["--version"], capture_output=True, text=True).stdout.strip()
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cores": os.cpu_count(), "release-qa": version,
            "proselint": PROSELINT_VERSION if pl else None,
            "date": time.strftime("%Y-%m-%d %H:%M:%S")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (CI smoke run)")
    ap.add_argument("--json", metavar="OUT", help="write every figure as JSON here")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    ap.add_argument("--no-proselint", action="store_true", help="skip the comparison")
    ap.add_argument("--shared", help="the shared folder (default ../shared)")
    ap.add_argument("--release-qa", metavar="CMD", help="the command to run (default: a regular "
                    "install of this checkout in bench/out/venv-release-qa)")
    ap.add_argument("--editable", action="store_true",
                    help="time the development install in .venv instead")
    args = ap.parse_args(argv)
    shared = args.shared or os.environ.get("RELEASE_QA_SHARED") or os.path.join(ROOT, "..", "shared")
    rq = release_qa_command(args.release_qa, args.editable)
    pl = None if args.no_proselint else proselint_command()
    files = corpus(os.path.abspath(shared))
    runs = {"cold": 5, "corpus": 2, "scaling": 1} if args.quick else \
        {"cold": 15, "corpus": 9, "scaling": 3}
    fig: dict = {"machine": machine(rq, pl), "runs": runs}
    rows = cold(rq, pl, runs["cold"], fig)
    rows += throughput(rq, pl, files, runs["corpus"], fig)
    rows += scaling(rq, pl, runs["scaling"], args.quick, fig)
    rows += progress(rq, files, fig)
    m, c = fig["machine"], fig["corpus"]
    print(f"{m['release-qa']} vs proselint {m['proselint'] or '(skipped)'}; Python {m['python']}, "
          f"{m['cores']} cores; corpus {c['files']} files, {c['words']:,} words, "
          f"{c['findings']} findings; medians of {runs['cold']} (cold), {runs['corpus']} "
          f"(corpus), {runs['scaling']} (scaling) runs")
    print_table(rows)
    fig["rows"] = [{**r.__dict__, "result": r.result} for r in rows]
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(fig, fh, indent=1)
    return 1 if args.strict and any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
