"""The sarif format: valid SARIF 2.1.0 that GitHub code scanning accepts."""
from __future__ import annotations

import json

import jsonschema
import pytest

from qa.formatters import render
from tests import formatter_cases as fc
from tests.helpers import shared

SCHEMA_PATH = shared("schemas", "sarif-schema-2.1.0.json")


@pytest.fixture(scope="module")
def schema():
    with open(SCHEMA_PATH, encoding="utf-8") as fh:
        doc = json.load(fh)
    return jsonschema.validators.validator_for(doc)(doc)


def sarif(rep) -> dict:
    return json.loads(render("sarif", rep))


@pytest.mark.parametrize("name", sorted(fc.variants()))
def test_every_report_shape_is_valid_sarif(schema, name):
    doc = sarif(fc.variants()[name])
    schema.validate(doc)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_exact_result_with_fix_and_fingerprint():
    rep = fc.sample()
    res = sarif(rep)["runs"][0]["results"][1]
    finding = rep.files[0].findings[1]
    assert res == {
        "ruleId": "FX01",
        "ruleIndex": 0,
        "level": "error",
        "message": {"text": "Write 'Beijing' instead of 'Peking'"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "rel/a.txt", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1, "startColumn": 33, "endLine": 1, "endColumn": 39,
                       "charOffset": 32, "charLength": 6, "snippet": {"text": "Peking"}}}}],
        "properties": {"category": "terminology", "name": "fx-swap", "suggestion": "Beijing"},
        "partialFingerprints": {"releaseQa/v2": finding.fingerprint},
        "fixes": [{"description": {"text": "Replace with 'Beijing'"},
                   "artifactChanges": [{"artifactLocation": {"uri": "rel/a.txt", "uriBaseId": "%SRCROOT%"},
                                        "replacements": [{"deletedRegion": {"charOffset": 32, "charLength": 6},
                                                          "insertedContent": {"text": "Beijing"}}]}],
                   "properties": {"applicability": "safe"}}],
    }
    assert len(finding.fingerprint) == 16


def test_levels_related_locations_and_escaped_text():
    results = sarif(fc.sample())["runs"][0]["results"]
    assert [r["level"] for r in results] == ["note", "error", "warning", "error", "warning", "note"]
    related = results[2]["relatedLocations"]
    assert related == [{"id": 1, "physicalLocation": {
        "artifactLocation": {"uri": "rel/a.txt", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 11, "charOffset": 0,
                   "charLength": 10, "snippet": {"text": "Acme Group"}}},
        "message": {"text": related[0]["message"]["text"]}}]
    assert results[4]["message"]["text"] == \
        "100% wrong: <script>alert('x')</script> & \"Peking smart\" | a,b: c\nsecond line"


def test_rules_carry_documentation():
    rules = sarif(fc.sample())["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["FX01", "FX02", "FX03", "FX04"]
    fx01 = rules[0]
    assert fx01["name"] == "fx-swap"
    assert fx01["shortDescription"] == {"text": "an old city name"}
    assert fx01["fullDescription"] == {"text": "Old romanised city names."}
    assert fx01["defaultConfiguration"] == {"level": "error"}
    assert fx01["properties"]["tags"] == ["release-qa", "terminology"]
    assert fx01["help"]["text"] == ("Old romanised city names.\n\nWhy it matters: Readers know the current "
                                    "name.\n\nWrite instead: Write the current name.")
    assert "**Why it matters.** Readers know the current name." in fx01["help"]["markdown"]
    fx04 = rules[3]["help"]["markdown"]           # markup in rule docs is shown, not interpreted
    assert "\\<script\\>alert(1)\\</script\\>" in fx04 and "\\| pipes, \\`backticks\\`, \\*stars\\*" in fx04


def test_fingerprint_is_stable_when_text_is_added_above():
    before = sarif(fc.report(("a.txt", "Peking grew.\n")))["runs"][0]["results"][0]
    after = sarif(fc.report(("a.txt", "A new first line.\n\nPeking grew.\n")))["runs"][0]["results"][0]
    assert before["locations"] != after["locations"]
    assert before["partialFingerprints"] == after["partialFingerprints"]


def test_suppressed_finding_is_kept_with_an_in_source_suppression():
    [res] = sarif(fc.report(("rel/s.txt", fc.SUPPRESSED)))["runs"][0]["results"]
    assert res["ruleId"] == "FX01" and res["suppressions"] == [{"kind": "inSource"}]
    active = sarif(fc.sample())["runs"][0]["results"]
    assert not any("suppressions" in r for r in active)


def test_cjk_columns_and_offsets_are_code_points():
    [res] = sarif(fc.report(("rel/cjk.txt", fc.CJK)))["runs"][0]["results"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"], region["charOffset"], region["charLength"]) == \
        (18, 24, 17, 6)
    assert fc.CJK[17:23] == "Peking"


def test_crlf_offsets_count_both_characters():
    results = sarif(fc.report(("rel/crlf.txt", fc.CRLF)))["runs"][0]["results"]
    region = results[1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["charOffset"]) == (3, 16, 36)
    assert fc.CRLF[36:42] == "Peking"


def test_input_errors_become_notifications():
    run = sarif(fc.with_fatal())["runs"][0]
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert inv["toolExecutionNotifications"] == [{
        "level": "error", "message": {"text": "cannot decode as utf-8 at byte 3"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "rel/broken.txt",
                                                                  "uriBaseId": "%SRCROOT%"}}}]}]
    assert sarif(fc.sample())["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_no_findings_still_lists_the_rules_and_the_score():
    run = sarif(fc.report(("rel/clean.txt", fc.CLEAN)))["runs"][0]
    assert run["results"] == []
    assert len(run["tool"]["driver"]["rules"]) == 4
    assert run["properties"]["scores"] == [{"uri": "rel/clean.txt", "penalty": 0.0, "words": 7,
                                            "score": 100.0, "threshold": 90.0, "passed": True}]


def test_uris_are_relative_with_forward_slashes_and_escaped(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "news" / "my release#1.txt")
    [res] = sarif(fc.report((path, fc.CJK)))["runs"][0]["results"]
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/my%20release%231.txt"


def test_information_uri_is_the_projects_documentation(monkeypatch):
    import importlib.metadata as md
    from email.message import Message

    from qa.formatters import sarif as sarif_module
    meta = Message()
    meta["Project-URL"] = "Source, https://example.org/src"
    meta["Project-URL"] = "Documentation, https://example.org/release-qa#readme"
    monkeypatch.setattr(md, "metadata", lambda name: meta)
    assert sarif_module.information_uri() == "https://example.org/release-qa#readme"
    monkeypatch.setattr(md, "metadata", lambda name: Message())
    assert sarif_module.information_uri() == sarif_module.FALLBACK_DOCS_URI
    assert sarif_module.FALLBACK_DOCS_URI.endswith("#description")   # the README, not a bare page
