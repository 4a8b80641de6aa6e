"""Time grows linearly with the size of a release: checking (every default rule) and rendering
each output format take at most BOUND times longer on FACTOR times the text, so a rule or
formatter doing pairwise work over sentences, names or findings fails here.

No absolute times. The reference is the small text done FACTOR times over, so both timed
stretches last about as long and a busy machine slows both alike; times are CPU times of
this process with the garbage collector paused, the best of a few runs (noise only ever
adds time). Linear work gives a ratio
near 1; the limit is BOUND / FACTOR. A failure names the rules whose own time grew fastest.
"""
from __future__ import annotations

import gc
import math
import time

import pytest

from qa.findings import Finding, Location
from qa.formatters import FormatOptions, available_formats, get_formatter, render
from qa.report import FileResult, Report
from qa.runner import Overrides, Runner, check_source
from qa.source import SourceFile
from tests.helpers import SEED

FACTOR = 10         # the large text is FACTOR copies of the small one
BOUND = 14.0        # linear is FACTOR; quadratic work of even 5% of the small run exceeds this
LIMIT = BOUND / FACTOR
ATTEMPTS = 5        # re-measure before failing: a busy machine must not fail the suite
SMALL_CPU_S = 0.1   # the small text is the seed repeated until checking it takes this long,
MAX_COPIES = 46     # up to ~200 KB: the test lasts seconds however fast or slow the rules are


def seed_repeated(copies: int) -> str:
    with open(SEED, encoding="utf-8") as fh:
        seed = fh.read().strip("\n") + "\n"
    return "\n".join([seed] * copies)


def best_time(fn, runs: int) -> float:
    best = math.inf
    for _ in range(runs):
        gc.collect()
        gc.disable()            # collector pauses land at random; the work itself is measured
        try:
            start = time.process_time()
            fn()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def time_ratio(small, large, runs: int) -> float:
    """Best time of `large` over best time of `small` done FACTOR times, measured in turns;
    measured again while it looks too big."""
    def small_times_factor():
        for _ in range(FACTOR):
            small()
    t_small = t_large = math.inf
    for _ in range(ATTEMPTS):
        for _ in range(runs):
            t_small = min(t_small, best_time(small_times_factor, 1))
            t_large = min(t_large, best_time(large, 1))
        if t_large <= LIMIT * t_small:
            break
    return t_large / t_small


# ---- checking ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def checker():
    """check(text) -> FileResult with every default rule; rule set built once, rules warmed."""
    runner = Runner(Overrides(), isolated=True)
    settings = runner.settings_for("scaling.txt")

    def check(text: str) -> FileResult:
        return check_source(SourceFile("scaling.txt", text, "utf-8", False, "\n"),
                            settings, runner.plan)
    check(seed_repeated(2))          # lazy imports and compiled patterns are not scaling
    check.rules = runner.plan.rules_for(settings)
    return check


def slowest_growth(checker, small: str, large: str) -> str:
    """Per rule: time on the small and large text and the ratio, fastest-growing first."""
    from qa.document import load_document
    from qa.engine import lint_document
    _, rules, config, _ = checker.rules
    rows = []
    for rule in rules:
        times = []
        for text in (small, large):
            src = SourceFile("scaling.txt", text, "utf-8", False, "\n")
            doc = load_document(src)
            times.append(best_time(lambda doc=doc, rule=rule: lint_document(doc, [rule], config), 1))
        rows.append((times[1] / max(times[0], 1e-6), rule.code, *times))
    rows.sort(reverse=True)
    return "\n".join(f"  {code}: {a * 1000:.1f} ms -> {b * 1000:.1f} ms ({r:.1f}x)"
                     for r, code, a, b in rows[:8])


def small_copies(checker) -> int:
    copies = 2
    while copies < MAX_COPIES and best_time(lambda n=copies: checker(seed_repeated(n)), 1) < SMALL_CPU_S:
        copies *= 2
    return min(copies, MAX_COPIES)


def test_checking_time_is_linear_in_the_size(checker):
    copies = small_copies(checker)
    small, large = seed_repeated(copies), seed_repeated(copies * FACTOR)
    out: dict[str, FileResult] = {}
    ratio = time_ratio(lambda: out.__setitem__("small", checker(small)),
                       lambda: out.__setitem__("large", checker(large)), runs=1)
    assert out["small"].errors == [] and out["large"].errors == []      # no rule gave up
    assert out["large"].words == pytest.approx(FACTOR * out["small"].words, rel=0.01)
    assert len(out["large"].findings) >= FACTOR * len(out["small"].findings) * 0.5
    if ratio > LIMIT:
        pytest.fail(f"checking {FACTOR}x the text took {FACTOR * ratio:.1f}x the time (linear "
                    f"{FACTOR}x, bound {BOUND:g}x). Fastest-growing rules (alone, once):\n"
                    f"{slowest_growth(checker, small, large)}")


# ---- rendering --------------------------------------------------------------------------
def synthetic_report(copies: int) -> Report:
    """The seed repeated, with a finding every ~1,000 characters (on a line start)."""
    text = seed_repeated(copies)
    findings, offset = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip() and len(findings) <= offset // 1000:
            end = offset + min(len(line), 12)
            loc = Location(offset, end, number, 1, number, end - offset + 1, text[offset:end])
            findings.append(Finding("XX01", "scaling-probe", "style", "warning",
                                    f"probe on line {number}", loc, suggestion="other words"))
        offset += len(line) + 1
    result = FileResult("scaling.txt", "utf-8", "text", findings, [], False, text, "\n", False,
                        len(text.split()))
    return Report([result], {})


def _formats():
    out = []
    for name in available_formats():
        try:
            get_formatter(name)
        except ImportError:         # a reserved name whose module has not landed yet
            continue
        out.append(name)
    return out


def test_synthetic_report_grows_with_the_text():
    small, large = synthetic_report(10).files[0], synthetic_report(10 * FACTOR).files[0]
    assert len(small.findings) > 30
    assert len(large.findings) == pytest.approx(FACTOR * len(small.findings), rel=0.05)
    assert large.findings[-1].location.offset > 0.99 * len(large.source) - 1000


@pytest.mark.parametrize("fmt", _formats())
def test_rendering_time_is_linear_in_the_size(fmt):
    small, large = synthetic_report(23), synthetic_report(23 * FACTOR)     # ~100 KB and ~1 MB
    options = FormatOptions()
    ratio = time_ratio(lambda: render(fmt, small, options), lambda: render(fmt, large, options),
                       runs=3)
    assert ratio <= LIMIT, (f"{fmt}: {FACTOR}x the findings and text took {FACTOR * ratio:.1f}x "
                            f"the time (linear {FACTOR}x, bound {BOUND:g}x)")
