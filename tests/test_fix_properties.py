"""Every rule's fixes (safe and unsafe), on generated releases and on real ones, leave good
text: applied alone, a fix creates no doubled space, no space before a punctuation mark, no
orphaned comma (', ,', ', .', '(,') and no two words run together that were apart; and the
rule no longer reports that place. Applied all together until stable, the fixes settle and
leave no more doubled spaces, spaces before marks or orphaned commas than the text had.

The rules are whatever the rule set holds (a new fixable rule is tested without being
named here). "Before" is read with full-width and Chinese marks as their English
counterparts, so that '，' before a space and ', ' after the fix count as one comma.
The number of generated examples is set by RELEASE_QA_FUZZ_EXAMPLES (default 40).
"""
from __future__ import annotations

import glob
import os
import re
import unicodedata
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qa.document import document_from_text
from qa.engine import RunConfig, lint_document
from qa.findings import Edit, Finding
from qa.fixes import apply_fixes, fix_until_stable
from tests.helpers import ROOT, SEED, SHARED, ruleset

EXAMPLES = int(os.environ.get("RELEASE_QA_FUZZ_EXAMPLES", "40"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")
SPACE_BEFORE_MARK = re.compile(r"(?<=\w) +[,.;:!?)\]]")
ORPHAN_COMMA = re.compile(r",\s*[,.;:]|^[ \t]*,|\([ \t]*,", re.M)
_MARKS = str.maketrans({"、": ",", "。": ".", "【": "[", "】": "]", "《": "", "》": "", "～": "~"})


def _fixable():
    return tuple(r for r in ruleset().select(["ALL"]) if r.meta.fixable)


@lru_cache(maxsize=None)
def _rules(code: str | None = None):
    rules = _fixable()
    return rules if code is None else tuple(r for r in rules if r.code == code)


def _lint(text: str, code: str | None = None) -> list[Finding]:
    doc = document_from_text(text, "text")
    config = RunConfig(glossary=ruleset().glossary)
    return [f for f in lint_document(doc, _rules(code), config).findings if not f.suppressed]


def _english(s: str) -> str:
    return unicodedata.normalize("NFKC", s).translate(_MARKS)


def _count(pattern: re.Pattern, s: str) -> int:
    return len(pattern.findall(s))


_SEPARATORS = frozenset(" \t\r\n\u3000,;:!?，、。；：！？")


def _joined(old: str, e: Edit) -> list[str]:
    """Seams where the edit puts two word characters side by side that a separator (white
    space or a punctuation mark) kept apart: a word deleted with both its spaces, a space
    replaced by a letter."""
    a, b, rep = e.offset, e.end_offset, e.text
    word = lambda c: c.isalnum()  # noqa: E731
    out = []
    if a > 0 and a < b:
        first = rep[:1] or (old[b] if b < len(old) else "")
        removed = old[a:b] if not rep else old[a]
        if first and word(old[a - 1]) and word(first) and any(c in _SEPARATORS for c in removed):
            out.append("joins the word before it")
    if rep and a < b < len(old) and word(rep[-1]) and word(old[b]) and old[b - 1] in _SEPARATORS:
        out.append("joins the word after it")
    return out


def fix_problems(text: str, finding: Finding) -> list[str]:
    """What is wrong with the text after applying this finding's fix alone (empty: nothing)."""
    fixed, applied = apply_fixes(text, [finding.fix])
    if not applied:
        return []
    # the applied edits, tidied as apply_fixes tidies them: recover them from the result
    lo = min(e.offset for e in finding.fix.edits)
    hi = max(e.end_offset for e in finding.fix.edits)
    grow = len(fixed) - len(text)
    lo = min(lo, _first_difference(text, fixed))
    hi = max(hi, len(text) - _first_difference(text[::-1], fixed[::-1]))
    before = text[max(lo - 3, 0):hi + 3]
    after = fixed[max(lo - 3, 0):hi + grow + 3]
    problems = []
    for name, pattern in (("a doubled space", DOUBLE_SPACE),
                          ("a space before a mark", SPACE_BEFORE_MARK),
                          ("an orphaned comma", ORPHAN_COMMA)):
        if _count(pattern, after) > _count(pattern, _english(before)):
            problems.append(f"leaves {name}: {after!r}")
    for e in finding.fix.edits:
        problems += [f"{p}: {after!r}" for p in _joined(text, e)]
    end = hi + grow                      # the fixed stretch is fixed[lo:end]
    again = [f for f in _lint(fixed, finding.rule)
             if (f.offset <= lo and end <= f.end_offset if end > lo else f.offset < lo < f.end_offset)]
    if again:
        problems.append(f"{finding.rule} still reports {again[0].text!r} there")
    return problems


def _first_difference(a: str, b: str) -> int:
    n = min(len(a), len(b))
    lo, hi = 0, n                         # bisection on common prefix length
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def check_all_fixes(text: str) -> list[str]:
    problems = []
    for finding in _lint(text):
        if finding.fix is not None:
            problems += [f"{finding.rule} {finding.text!r}: {p}" for p in fix_problems(text, finding)]
    return problems


def check_fixed_together(text: str) -> list[str]:
    out = fix_until_stable(text, _Result(_lint(text)), lambda t: _Result(_lint(t)), unsafe=True)
    problems = [] if out.settled else ["the fixes did not settle"]
    for name, pattern in (("doubled spaces", DOUBLE_SPACE), ("spaces before marks", SPACE_BEFORE_MARK),
                          ("orphaned commas", ORPHAN_COMMA)):
        if _count(pattern, out.text) > _count(pattern, _english(text)):
            problems.append(f"more {name} after fixing: {out.text!r}")
    return problems


class _Result:
    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings


# ---- generated releases -----------------------------------------------------------------
WORDS = ("Acme Group Hefei plant opened on Friday exports rose imports fell the partners include "
         "Lanxin Robotics Sunrise Foods Lakeview Dairy of in and with said province new").split()
TRIGGERS = [
    "the the", "in in", "and and and", "The The", "firmâ€™s", "JosÃ©", "ofthe", "tradeand",
    "China2025", "Dec.22", "the 22th", "Сhina Mobile", "《Made in China 2025》", "10～20",
    "（Note）", "Lu youqin", "Ningde Times", "U.S.", "US", "“HBX 2023”",
    "(hereinafter referred to as “HBX 2023”)", "etc.", "etc. and other", "etc. Ltd", "——",
]
SEPARATORS = [" ", " ", " ", ", ", "，", "、", "; ", ": ", "：", " - "]
ENDS = [".", ".", "。", "!", "！", ""]


@st.composite
def releases(draw) -> str:
    head = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=8))).capitalize()
    head += draw(st.sampled_from(["", "", ".", " - Jiangsu News Network", "。", " 《Warm Home》"]))
    body = []
    for _ in range(draw(st.integers(1, 4))):
        pieces = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(TRIGGERS)),
                               min_size=3, max_size=14))
        seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(pieces), max_size=len(pieces)))
        sentence = "".join(p + s for p, s in zip(pieces, seps)).rstrip(" ,;:，、：-")
        body.append(sentence[:1].upper() + sentence[1:] + draw(st.sampled_from(ENDS)))
    return head + "\n\n" + " ".join(body) + "\n"


@SETTINGS
@given(releases())
def test_each_fix_leaves_good_text_on_generated_releases(text):
    assert check_all_fixes(text) == []


@SETTINGS
@given(releases())
# a deletion right before another edit: ', etc.' then '，' -> ', ' once left 'other,, Acme'
@example("Acme acme acme\n\nEtc. and other, etc.，Acme.\n")
def test_all_fixes_together_leave_good_text_on_generated_releases(text):
    assert check_fixed_together(text) == []


# ---- real releases ------------------------------------------------------------------------
def _real() -> list[str]:
    paths = [SEED, *sorted(glob.glob(os.path.join(ROOT, "tests", "fixtures", "releases", "*.txt"))),
             *sorted(glob.glob(os.path.join(ROOT, "bench", "releases", "dev", "*.txt")))]
    wmt = sorted(glob.glob(os.path.join(SHARED, "data", "wmt23-zhen-dev", "docs", "*.txt")))
    return paths + wmt[::10]              # one WMT document in ten: every story, many systems


@pytest.mark.parametrize("path", _real(), ids=os.path.basename)
def test_each_fix_leaves_good_text_on_real_releases(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert check_all_fixes(text) == []
    assert check_fixed_together(text) == []


# ---- the checks themselves ---------------------------------------------------------------
def test_the_checks_see_what_they_look_for():
    text = "Sales rose at Acme, etc. and others.\n"
    at = text.index("etc.")
    assert _count(DOUBLE_SPACE, text[:at] + text[at + 4:]) == 1
    assert _joined("Acme Group", Edit(4, 5, "")) == ["joins the word before it"]
    assert _joined("Acme Group", Edit(4, 5, "-")) == []
    assert _joined("Acme Group", Edit(4, 5, "x")) == ["joins the word before it",
                                                      "joins the word after it"]
    assert _joined("ChÃ¢teau", Edit(2, 4, "â")) == []
    assert _count(ORPHAN_COMMA, "A, , B") == 1 and _count(ORPHAN_COMMA, "A, B.") == 0
    assert _count(SPACE_BEFORE_MARK, "Hefei , Wuhu") == 1
    assert _count(SPACE_BEFORE_MARK, _english("Hefei 、Wuhu")) == 1
