"""The junit format: one testcase per release (its failure lists the findings), valid escaped XML."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from qa.formatters import render
from qa.formatters.junit import clean
from tests import formatter_cases as fc


def parse(rep) -> ET.Element:
    return ET.fromstring(render("junit", rep).encode("utf-8"))


def test_exact_output_for_a_small_report():
    out = render("junit", fc.report(("rel/crlf.txt", fc.CRLF), ("rel/clean.txt", fc.CLEAN),
                                     select=("FX01", "FX02", "FX03")))
    assert out == """<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="release-qa" tests="2" failures="1" errors="0" time="0">
  <testsuite name="release-qa" tests="2" failures="1" errors="0" time="0" skipped="0">
    <testcase name="rel/crlf.txt" classname="release-qa" file="rel/crlf.txt" time="0">
      <failure message="2 findings at warning or above" type="error">rel/crlf.txt:3:1: FX02 [warning] 'Acme Corp' and 'Acme Group' (line 1) name the same thing: use one name, 'Acme Group'
    text: 'Acme Corp'
    see rel/crlf.txt:1:1: 'Acme Group'
rel/crlf.txt:3:16: FX01 [error] Write 'Beijing' instead of 'Peking'
    text: 'Peking'</failure>
      <system-out>score 0.0/100 (threshold 90), 9 words</system-out>
    </testcase>
    <testcase name="rel/clean.txt" classname="release-qa" file="rel/clean.txt" time="0">
      <system-out>score 100.0/100 (threshold 90), 7 words</system-out>
    </testcase>
  </testsuite>
</testsuites>
"""


def test_one_testcase_per_release_whatever_the_number_of_rules():
    root = parse(fc.report(("rel/a.txt", fc.SAMPLE), ("rel/cjk.txt", fc.CJK)))
    assert [c.get("name") for c in root.iter("testcase")] == ["rel/a.txt", "rel/cjk.txt"]
    assert [len(c.findall("failure")) for c in root.iter("testcase")] == [1, 1]


@pytest.mark.parametrize("name", sorted(fc.variants()))
def test_every_report_shape_is_well_formed_with_consistent_counts(name):
    root = parse(fc.variants()[name])
    assert root.tag == "testsuites"
    for suite in root:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        assert int(suite.get("errors")) == sum(1 for c in cases if c.find("error") is not None)
    assert int(root.get("tests")) == sum(int(s.get("tests")) for s in root)


def test_findings_below_the_fail_level_are_in_the_output():
    case = parse(fc.sample()).find(".//testcase[@name='rel/a.txt']")
    out = case.find("system-out").text.splitlines()
    assert out[1] == "rel/a.txt:1:21: FX03 [info] 'the city of Peking' reads as machine translation"
    assert "FX03" not in case.find("failure").text


def test_markup_in_messages_is_escaped_and_round_trips():
    out = render("junit", fc.sample())
    assert "<script>" not in out
    failure = parse(fc.sample()).find(".//testcase[@name='rel/a.txt']/failure")
    assert ("rel/a.txt:3:20: FX04 [warning] 100% wrong: <script>alert('x')</script> & "
            "\"Peking smart\" | a,b: c\nsecond line") in failure.text


def test_control_characters_are_replaced():
    assert clean("a\x00b\x1bc\td\ne") == "a\ufffdb\ufffdc\td\ne"
    text = "Peking\x0b grew.\n"
    root = parse(fc.report(("rel/ctl.txt", text)))
    assert root.find(".//failure") is not None


def test_input_and_rule_errors_are_errors_of_the_release():
    root = parse(fc.with_fatal())
    [case] = root.findall(".//testcase[@name='rel/broken.txt']")
    assert case.find("error").text == "cannot decode as utf-8 at byte 3"
    assert case.find("error").get("type") == "input-error" and case.find("failure") is None
    err = parse(fc.with_rule_error()).find(".//testcase[@name='rel/a.txt']/error")
    assert err.get("type") == "rule-error" and err.text.endswith("<bad> input\nline 2")


def test_suppressed_findings_do_not_fail():
    root = parse(fc.report(("rel/s.txt", fc.SUPPRESSED)))
    assert root.get("failures") == "0"


def test_no_findings_the_release_passes():
    root = parse(fc.report(("rel/clean.txt", fc.CLEAN)))
    assert (root.get("tests"), root.get("failures")) == ("1", "0")


def test_a_score_under_fail_under_fails_the_release():
    failure = parse(fc.report(("rel/clean.txt", fc.CLEAN + "Peking.\n"), select=("FX03",),
                              fail_under=50)).find(".//failure")
    assert failure is None          # FX03 found nothing: score 100
    failure = parse(fc.report(("rel/a.txt", fc.SAMPLE), fail_under=50)).find(".//failure")
    assert failure.get("message") == "4 findings at warning or above; score 0.0 is below 50"
    assert failure.text.endswith("rel/a.txt: score 0.0/100 is below --fail-under 50")
    assert "below --fail-under" not in render("junit", fc.sample())


def test_cjk_text_is_kept():
    root = parse(fc.report(("rel/cjk.txt", fc.CJK)))
    assert root.find(".//failure").text.startswith("rel/cjk.txt:1:18: FX01 [error]")
