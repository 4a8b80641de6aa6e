"""Properties of the name rules' fixes, over releases put together at random from sentences
with the defects the rules fix ('US' beside 'U.S.', acronyms never spelled out, not fitting
or defined twice, a year-qualified short form moved, a name field in broken case) and the
look-alikes they must leave alone (hypothesis):

- a fix never cuts a word or a name: it starts and ends at word boundaries, and a
  spelled-out acronym is never spliced into a longer name;
- applying a rule's fixes leaves no doubled spaces, no space before a comma or full stop and
  no orphaned comma or bracket;
- after a rule's fixes the rule no longer fires where every finding had a fix.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.fixes import apply_fixes
from tests.helpers import lint

FIXING = ["NC05", "NC08", "NC09", "NC10", "NC11", "NC12"]
HEADLINES = ["Port opens route to US West Coast", "Port opens route to U.S. West Coast",
             "Trade fair opens in Chengdu", "Route opens"]
SENTENCES = [
    "Ships reach the U.S. in 14 days.",
    "US buyers ordered more.",
    "Exports to the U.S. grew.",
    "Goods reach the U.S., Canada and Mexico.",
    "Trade with the US, Japan and Korea rose.",
    "The United States is the largest market.",
    "Sales reached US$20 million.",
    "The drug was approved by the NMPA on Monday.",
    "The NDRC said growth was stable.",
    "Experts of the NDRC Academy of Macroeconomic Research spoke.",
    "Qingdao Harbour Group (QHG) opened a route.",
    "QHG said the route would run weekly.",
    "The platform is backed by the Ministry of Science and Technology (MIIT).",
    "The company listed on the Shanghai Stock Exchange (SEHK) in May.",
    "The Hong Kong Trade Development Council (HKTDC) helped.",
    "The Chengdu Games Expo 2023 (hereinafter referred to as \u201cCGE 2023\u201d) opened.",
    "2023 CGE drew 300 exhibitors.",
    "The KMT said it would take part, and the Kuomintang agreed.",
    "ZTE and BYD showed new products.",
]
FIELDS = ["Company Name: Global times", "Organization: Harbin ice festival office"]


@st.composite
def releases(draw) -> str:
    head = draw(st.sampled_from(HEADLINES))
    paras = draw(st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
                          min_size=1, max_size=5))
    body = "\n\n".join(" ".join(p) for p in paras)
    tail = draw(st.sampled_from(["", "\n\nMedia contact\n" + draw(st.sampled_from(FIELDS))]))
    return f"{head}\n\n{body}{tail}\n"


def _edits(findings):
    return [e for f in findings if f.fix is not None for e in f.fix.edits]


def _artefacts(text: str) -> list[int]:
    return [len(re.findall(p, text)) for p in (r"  ", r" [,.;:]", r",\s*,", r"\(\s*\)",
                                                 r"\( ", r" \)")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_fixes_keep_words_and_names_whole(text):
    findings = [f for f in lint(text, FIXING) if not f.suppressed]
    for e in _edits(findings):
        before = text[e.offset - 1:e.offset] if e.offset else ""
        after = text[e.end_offset:e.end_offset + 1]
        assert not before.isalnum() and not after.isalnum(), (text, e)
    for f in findings:
        if f.rule == "NC10" and f.fix is not None:
            e = f.fix.edits[0]
            assert not re.match(r"[ \t]+[A-Z]", text[e.end_offset:e.end_offset + 2]), (text, e)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(releases())
def test_fixes_leave_clean_text_and_the_rule_silent(text):
    for code in FIXING:
        findings = [f for f in lint(text, [code]) if not f.suppressed]
        fixes = sorted((f.fix for f in findings if f.fix is not None),
                       key=lambda fx: fx.edits[0].offset)
        if not fixes:
            continue
        fixed, _ = apply_fixes(text, fixes)
        assert all(a <= b for a, b in zip(_artefacts(fixed), _artefacts(text))), \
            (code, text, fixed)
        if all(f.fix is not None for f in findings):
            again = [f for f in lint(fixed, [code]) if not f.suppressed]
            assert again == [], (code, text, fixed, [(f.text, f.message) for f in again])
