"""Limits on user-written regular expressions, checked before a pattern is compiled or run.

Compiling is not interruptible: `(?:a{1000}){1000}` is thirty characters that the regex engine
turns into a program of a million steps (gigabytes once nested once more). So a pack pattern is
refused at load when it is too long or when its nested counted repetitions multiply past a
bound. Running is bounded per document: one pattern may spend `RUN_BUDGET` seconds on one
document in all (not per line), after which the rule stops with an error naming the pack's file
and line, and the other rules go on.
"""
from __future__ import annotations

import time

from .._speed.regex import re_compile

MAX_PATTERN_LENGTH = 5_000
MAX_REPETITION = 50_000          # product of nested {m,n} bounds along any path
RUN_BUDGET = 2.0                 # seconds one pattern may spend on one document

_COUNTED = re_compile(r"\{(\d*)(?:,(\d*))?\}")


def size_problem(source: str) -> str | None:
    """Why `source` is too big to compile safely, or None."""
    if len(source) > MAX_PATTERN_LENGTH:
        return f"is {len(source):,} characters long (at most {MAX_PATTERN_LENGTH:,})"
    bound = repetition_bound(source)
    if bound > MAX_REPETITION:
        return (f"repeats up to {bound:,} times through nested counted repetitions "
                f"(at most {MAX_REPETITION:,}): compiling it would take too much memory")
    return None


def repetition_bound(source: str) -> int:
    """The largest product of counted repetitions ({m}, {m,n}, {m,}) nested inside one another
    along any path of groups: one pass, linear in the pattern. (Loops such as * and + do not
    grow a compiled program; counted repetitions of groups are unrolled and do.)"""
    frames = [1]                  # per open group: the largest product found inside it so far
    last_group = None             # the inner product of the group that just closed
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i, last_group = i + 2, None
            continue
        if c == "[":              # a character class: skip to its end
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                j += 1
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            i, last_group = j + 1, None
            continue
        if c == "(":
            frames.append(1)
            i, last_group = i + 1, None
            continue
        if c == ")" and len(frames) > 1:
            inner = frames.pop()
            frames[-1] = max(frames[-1], inner)
            i, last_group = i + 1, inner
            continue
        if c == "{":
            m = _COUNTED.match(source, i)
            if m and (m.group(1) or m.group(2)):
                lo = int(m.group(1) or 0)
                hi = int(m.group(2)) if m.group(2) else lo
                count = max(lo, hi, 1)
                frames[-1] = max(frames[-1], (last_group or 1) * count)
                i, last_group = m.end(), None
                continue
        i, last_group = i + 1, None
    return max(frames)


class Budget:
    """The time left to one pattern on one document."""

    __slots__ = ("deadline",)

    def __init__(self, seconds: float = RUN_BUDGET) -> None:
        self.deadline = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left (at least a millisecond, so a call can fail with the engine's timeout)."""
        return max(0.001, self.deadline - time.monotonic())

    def spent(self) -> bool:
        return time.monotonic() >= self.deadline
