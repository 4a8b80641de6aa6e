"""An MQM-style quality score per release: penalty points per 1,000 words, out of 100.

Each unsuppressed finding costs the penalty of its severity (default: info 0, warning 1,
error 5) times its category weight (default 1). The score is 100 minus the penalty per
1,000 words, floored at 0; a release passes at or above the threshold (default 90). This is
an "issue score" in MQM terms: it counts what the checker found, not confirmed errors.
"""
from __future__ import annotations

from ._speed.records import record


@record(frozen=True)
class Score:
    penalty: float
    words: int
    value: float
    threshold: float
    passed: bool

    def to_dict(self) -> dict:
        return {"penalty": round(self.penalty, 2), "words": self.words,
                "score": round(self.value, 1), "threshold": self.threshold, "passed": self.passed}


def score(findings, words: int, settings) -> Score:
    """The score of one release from its findings and word count under ScoreSettings."""
    penalty = 0.0
    for f in findings:
        if f.suppressed:
            continue
        penalty += settings.penalties.get(f.severity, 0.0) * settings.category_weights.get(f.category, 1.0)
    per_k = penalty * 1000.0 / max(words, 1)
    value = max(0.0, 100.0 - per_k)
    return Score(penalty, words, value, settings.threshold, value >= settings.threshold)
