"""Fuzzing: replay every input the fuzzer ever failed on, then fuzz for a bounded time
(RELEASE_QA_FUZZ_SECONDS, default 5; CI sets more)."""
from __future__ import annotations

import glob
import os
import sys

import pytest

from tests.helpers import ROOT

sys.path.insert(0, os.path.join(ROOT, "bench"))
import fuzz  # noqa: E402

SAVED = sorted(glob.glob(os.path.join(ROOT, "tests", "fuzz_regressions", "*.bin")))


@pytest.fixture(scope="module")
def engine():
    from qa.engine import RunConfig
    from qa.ruleset import build_ruleset
    rs = build_ruleset()
    return rs.select(["ALL"]), RunConfig(glossary=rs.glossary)


@pytest.mark.parametrize("path", SAVED, ids=[os.path.basename(p) for p in SAVED])
def test_saved_fuzz_input(path, engine):
    with open(path, "rb") as fh:
        data = fh.read()
    with open(path[:-4] + ".fmt", encoding="ascii") as fh:
        fmt = fh.read().strip()
    fuzz.check(data, fmt, *engine)


def test_bounded_fuzz_run(tmp_path):
    seconds = float(os.environ.get("RELEASE_QA_FUZZ_SECONDS", "5"))
    runs, failures = fuzz.fuzz(seconds, seed=int(os.environ.get("RELEASE_QA_FUZZ_SEED", "1")),
                               out=str(tmp_path))
    assert failures == [], f"after {runs} executions: {failures} (input saved under {tmp_path})"
    assert runs > 10
