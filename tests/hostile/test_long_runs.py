"""Text no release is made of, but that reaches a linter anyway (a pasted base64 block, a URL list,
a table exported without separators, a page of one repeated character): every rule stays linear,
so 1 MB of it is checked in seconds and in bounded memory."""
from __future__ import annotations

import os
import random

import pytest

from tests.hostile.common import run


def _letters(n: int, alphabet: str, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


SHAPES = {
    "letters": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "base64": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"),
    "han": lambda n: _letters(n, "中国发展经济合作会议企业"),
    "digits-and-dots": lambda n: _letters(n, "0123456789.,"),
    "one-character": lambda n: "a" * n,
    "words-no-stops": lambda n: (" ".join(_letters(7, "abcdefgh", seed=i) for i in range(n // 8)))[:n],
}


# words without stops are checked at the speed of prose (every word a candidate for the
# spelling and name rules): half a megabyte of them shows the same as one, in half the time
BIG = {"words-no-stops": 500_000}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_megabyte_of_it_is_checked_in_linear_time(tmp_path, shape):
    times = []
    big = BIG.get(shape, 1_000_000)
    for size in (big // 4, big):
        path = tmp_path / f"{shape}-{size}.txt"
        path.write_text("A headline\n\n" + SHAPES[shape](size) + "\n", encoding="utf-8")
        before = os.times()
        proc = run("--exit-zero", "--format", "concise", str(path), timeout=120)
        after = os.times()
        # the child's CPU time: what the work costs, whatever else the machine is running
        times.append(after.children_user - before.children_user
                     + after.children_system - before.children_system)
        assert proc.returncode == 0, proc.stderr[-500:]
    small_s, big_s = times
    assert big_s < 40, f"{big:,} characters took {big_s:.1f} s"
    # four times the text may cost at most about eight times the time (noise and start-up aside)
    assert big_s < 8 * max(small_s, 0.5), f"{big // 4:,}: {small_s:.1f} s, {big:,}: {big_s:.1f} s"
