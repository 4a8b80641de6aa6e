"""GitLab Code Quality and reviewdog's rdjson: valid against the shape their documentation
gives (schemas in tests/fixtures/schemas, written from the documented fields), one entry per
active finding, stable fingerprints, UTF-8 byte columns for reviewdog."""
from __future__ import annotations

import json
import os

import jsonschema
import pytest

from qa.formatters import render
from tests import formatter_cases as fc
from tests.helpers import ROOT

SCHEMAS = os.path.join(ROOT, "tests", "fixtures", "schemas")


def _validator(name: str):
    with open(os.path.join(SCHEMAS, name), encoding="utf-8") as fh:
        schema = json.load(fh)
    return jsonschema.Draft202012Validator(schema)


GITLAB = _validator("gitlab-code-quality.schema.json")
RDJSON = _validator("rdjson.schema.json")


@pytest.mark.parametrize("name", sorted(fc.variants()))
def test_every_report_shape_is_valid(name):
    rep = fc.variants()[name]
    gitlab = json.loads(render("gitlab", rep))
    rdjson = json.loads(render("rdjson", rep))
    GITLAB.validate(gitlab)
    RDJSON.validate(rdjson)
    active = sum(len(fr.active) for fr in rep.files)
    assert len(gitlab) == len(rdjson["diagnostics"]) == active
    fingerprints = [issue["fingerprint"] for issue in gitlab]
    assert len(set(fingerprints)) == len(fingerprints)


def test_the_schemas_catch_broken_output():
    issue = json.loads(render("gitlab", fc.sample()))[0]
    for broken in ({**issue, "severity": "warning"}, {k: v for k, v in issue.items() if k != "fingerprint"},
                   {**issue, "location": {"path": "rel/a.txt"}}):
        with pytest.raises(jsonschema.ValidationError):
            GITLAB.validate([broken])
    diag = json.loads(render("rdjson", fc.sample()))
    diag["diagnostics"][0]["location"]["range"]["start"]["column"] = 0
    with pytest.raises(jsonschema.ValidationError):
        RDJSON.validate(diag)


def test_gitlab_issue_shape():
    [issue] = json.loads(render("gitlab", fc.report(("rel/crlf.txt", fc.CRLF), select=("FX01",))))
    assert issue["check_name"] == "FX01" and issue["severity"] == "critical"
    assert issue["location"] == {"path": "rel/crlf.txt", "lines": {"begin": 3, "end": 3}}
    assert issue["description"] == "FX01 Write 'Beijing' instead of 'Peking'"


def test_gitlab_fingerprints_survive_text_added_above():
    def fingerprint(text):
        return json.loads(render("gitlab", fc.report(("a.txt", text), select=("FX01",))))[0]["fingerprint"]
    assert fingerprint("Peking grew.\n") == fingerprint("A new first line.\n\nPeking grew.\n")
    assert fingerprint("Peking grew.\n") != json.loads(render("gitlab", fc.report(
        ("b.txt", "Peking grew.\n"), select=("FX01",))))[0]["fingerprint"]


def test_rdjson_columns_count_utf8_bytes_and_fixes_are_suggestions():
    rep = fc.report(("rel/cjk.txt", fc.CJK), select=("FX01",))
    [d] = json.loads(render("rdjson", rep))["diagnostics"]
    # '北京的 Acme Group 在 Peking': Peking is code point 18, byte 26 (each Han character is 3 bytes)
    assert d["location"]["range"] == {"start": {"line": 1, "column": 26}, "end": {"line": 1, "column": 32}}
    assert d["suggestions"] == [{"range": d["location"]["range"], "text": "Beijing"}]
    assert (d["severity"], d["code"], d["source"]) == ("ERROR", {"value": "FX01"}, {"name": "release-qa"})


def test_rdjson_related_locations_and_crlf_lines():
    rep = fc.report(("rel/crlf.txt", fc.CRLF), select=("FX02",))
    [d] = json.loads(render("rdjson", rep))["diagnostics"]
    assert d["location"]["range"]["start"] == {"line": 3, "column": 1}
    assert d["related_locations"][0]["location"]["range"]["start"] == {"line": 1, "column": 1}


def test_suppressed_findings_are_left_out():
    rep = fc.report(("rel/s.txt", fc.SUPPRESSED))
    assert json.loads(render("gitlab", rep)) == []
    assert json.loads(render("rdjson", rep))["diagnostics"] == []
