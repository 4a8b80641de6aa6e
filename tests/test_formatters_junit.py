"""The junit format: one testsuite per release, one testcase per rule, valid escaped XML."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from qa.formatters import render
from qa.formatters.junit import clean
from tests import formatter_cases as fc


def parse(rep) -> ET.Element:
    return ET.fromstring(render("junit", rep).encode("utf-8"))


def test_exact_output_for_a_small_report():
    out = render("junit", fc.report(("rel/crlf.txt", fc.CRLF), select=("FX01", "FX02", "FX03")))
    assert out == """<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="release-qa" tests="3" failures="2" errors="0" time="0">
  <testsuite name="rel/crlf.txt" file="rel/crlf.txt" tests="3" failures="2" errors="0" skipped="0" time="0">
    <properties>
      <property name="score" value="0.0" />
      <property name="threshold" value="90" />
      <property name="words" value="9" />
    </properties>
    <testcase name="FX01 fx-swap" classname="release-qa.rel_crlf_txt" file="rel/crlf.txt" time="0">
      <failure message="1 finding: line 3: Write 'Beijing' instead of 'Peking'" type="error">rel/crlf.txt:3:16: FX01 [error] Write 'Beijing' instead of 'Peking'
    text: 'Peking'</failure>
    </testcase>
    <testcase name="FX02 fx-mixed-names" classname="release-qa.rel_crlf_txt" file="rel/crlf.txt" time="0">
      <failure message="1 finding: line 3: 'Acme Corp' and 'Acme Group' (line 1) name the same thing: use one name, 'Acme Group'" type="warning">rel/crlf.txt:3:1: FX02 [warning] 'Acme Corp' and 'Acme Group' (line 1) name the same thing: use one name, 'Acme Group'
    text: 'Acme Corp'
    see rel/crlf.txt:1:1: 'Acme Group'</failure>
    </testcase>
    <testcase name="FX03 fx-stock-phrase" classname="release-qa.rel_crlf_txt" file="rel/crlf.txt" time="0" />
  </testsuite>
</testsuites>
"""


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


def test_findings_below_the_fail_level_pass_with_output():
    root = parse(fc.sample())
    fx03 = root.find(".//testcase[@name='FX03 fx-stock-phrase']")
    assert fx03.find("failure") is None
    assert fx03.find("system-out").text.splitlines()[0] == \
        "rel/a.txt:1:21: FX03 [info] 'the city of Peking' reads as machine translation"


def test_markup_in_messages_is_escaped_and_round_trips():
    out = render("junit", fc.sample())
    assert "<script>" not in out
    failure = parse(fc.sample()).find(".//testcase[@name='FX04 fx-escape-me']/failure")
    assert failure.get("message") == ("1 finding: line 3: 100% wrong: <script>alert('x')</script> & "
                                      "\"Peking smart\" | a,b: c\nsecond line")


def test_control_characters_are_replaced():
    assert clean("a\x00b\x1bc\td\ne") == "a\ufffdb\ufffdc\td\ne"
    text = "Peking\x0b grew.\n"
    root = parse(fc.report(("rel/ctl.txt", text)))
    assert root.find(".//failure") is not None


def test_input_and_rule_errors_are_error_cases():
    root = parse(fc.with_fatal())
    broken = root.find("testsuite[@name='rel/broken.txt']")
    [case] = broken.findall("testcase")
    assert case.get("name") == "read and check the release"
    assert case.find("error").text == "cannot decode as utf-8 at byte 3"
    assert broken.find("properties/property") is None
    err = parse(fc.with_rule_error()).find(".//testcase[@name='rules run']/error")
    assert err.get("type") == "rule-error" and err.text.endswith("<bad> input\nline 2")


def test_suppressed_findings_do_not_fail():
    root = parse(fc.report(("rel/s.txt", fc.SUPPRESSED)))
    assert root.get("failures") == "0"


def test_no_findings_all_rules_pass():
    root = parse(fc.report(("rel/clean.txt", fc.CLEAN)))
    assert (root.get("tests"), root.get("failures")) == ("4", "0")


def test_score_threshold_case_only_with_fail_under():
    root = parse(fc.report(("rel/a.txt", fc.SAMPLE), fail_under=50))
    case = root.find(".//testcase[@name='score at least 50']")
    assert case.find("failure").get("message") == "score 0.0 is below 50"
    assert parse(fc.sample()).find(".//testcase[@name='score at least 50']") is None


def test_cjk_text_is_kept():
    root = parse(fc.report(("rel/cjk.txt", fc.CJK)))
    assert root.find(".//failure").text.startswith("rel/cjk.txt:1:18: FX01 [error]")
