"""Every output format shows a bilingual finding's source span: text and concise a
`= source:` line, SARIF a related location in the source file (listed as an artifact),
Markdown, GitHub, GitLab and JUnit a quote with its place, rdjson a related location, JSON
the `source` object, HTML the original beside the English. The findings come from the
test-only rule ZZ91 (tests/test_bilingual_stub.py)."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest

from qa.formatters import FORMATS, render
from qa.runner import Overrides, Runner
from tests.helpers import shared
from tests.test_bilingual_pairing import EN, XLIFF, ZH, write
from tests.test_bilingual_stub import stub_rules  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("stub_rules")

WHERE = "zh/a.zh.txt:3:14"          # line 3, column 14 of the source: '3842亿'


@pytest.fixture
def report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN)
    write("zh/a.zh.txt", ZH)
    return Runner(Overrides(select=("ZZ91",), source="zh/a.zh.txt"), isolated=True).run(["a.txt"])


def test_the_report_carries_the_source(report):
    (f,) = report.files[0].findings
    assert f.source_path == "zh/a.zh.txt"
    assert (f.source.line, f.source.column, f.source.text) == (3, 14, "3842亿")
    assert report.files[0].source_file.text == ZH


def test_text_and_concise_show_the_source_under_the_finding(report):
    text = render("text", report)
    assert f"  = source: {WHERE}: '3842亿'\n" in text
    lines = render("concise", report).splitlines()
    assert lines[0].startswith("a.txt:3:27: ZZ91 [warning]")
    assert lines[1] == f"  = source: {WHERE}: '3842亿'"


def test_json_has_the_source_object_and_is_schema_valid(report):
    data = json.loads(render("json", report))
    schema = json.loads(resources.files("qa.schemas").joinpath("report.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    src = data["files"][0]["findings"][0]["source"]
    assert src["path"] == "zh/a.zh.txt" and src["text"] == "3842亿"
    assert ZH[src["offset"]:src["end_offset"]] == "3842亿"


def test_sarif_relates_the_source_and_lists_its_artifact(report):
    data = json.loads(render("sarif", report))
    with open(shared("schemas", "sarif-schema-2.1.0.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.validators.validator_for(schema)(schema).validate(data)
    run = data["runs"][0]
    (related,) = run["results"][0]["relatedLocations"]
    where = related["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "zh/a.zh.txt"
    assert where["region"]["startLine"] == 3 and where["region"]["startColumn"] == 14
    assert where["region"]["charOffset"] == ZH.index("3842") and where["region"]["charLength"] == 5
    assert related["message"]["text"] == "source: '3842亿'"
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["zh/a.zh.txt"]


def test_markdown_github_gitlab_and_junit_quote_the_source(report):
    note = f"source: 3842亿 ({WHERE})"
    assert f"<sub>{note}</sub>" in render("markdown", report)
    assert f"%0A{note}" in render("github", report)
    (issue,) = json.loads(render("gitlab", report))
    assert issue["description"].endswith(f"({note})")
    failure = ET.fromstring(render("junit", report)).find(".//failure")
    assert f"source {WHERE}: '3842亿'" in failure.text


def test_rdjson_relates_the_source_in_byte_columns(report):
    (d,) = json.loads(render("rdjson", report))["diagnostics"]
    (rel,) = d["related_locations"]
    assert rel["location"]["path"] == "zh/a.zh.txt"
    start = rel["location"]["range"]["start"]
    assert start == {"line": 3, "column": len("阿克米表示，将向该工厂投资".encode()) + 1}


def test_html_shows_the_original_beside_the_english(report):
    page = render("html", report)
    assert page.count('<div class="pair">') == 1
    assert '<mark data-f="s0-0" class="src s-warning c-accuracy"' in page
    assert '<mark data-f="f0-0" class="m s-warning c-accuracy"' in page
    assert "Chinese original: zh/a.zh.txt" in page and "checked against zh/a.zh.txt" in page


def test_every_format_renders_a_bilingual_report(report):
    for name in FORMATS:
        assert render(name, report)


def test_a_bilingual_file_shows_both_sides_in_one_view(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("a.xlf", XLIFF)
    rep = Runner(Overrides(select=("ZZ91",)), isolated=True).run(["a.xlf"])
    (f,) = rep.files[0].findings
    assert f.source_path == "a.xlf" and XLIFF[f.source.offset:f.source.end_offset] == "3842亿"
    page = render("html", rep)
    assert '<div class="pair">' not in page
    assert '<mark data-f="s0-0"' in page and '<mark data-f="f0-0"' in page
    assert f"  = source: a.xlf:{f.source.line}:{f.source.column}: '3842亿'" in render("text", rep)


def test_without_a_source_the_reports_say_nothing_of_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write("a.txt", EN.replace("said", "said，"))
    rep = Runner(Overrides(select=("ZZ91", "PU")), isolated=True).run(["a.txt"])
    assert rep.files[0].findings and rep.files[0].source_file is None
    for name in FORMATS:
        out = render(name, rep)
        assert "source:" not in out and 'class="pair"' not in out and "mark.src" not in out.split("<style>")[0]
    assert "artifacts" not in json.loads(render("sarif", rep))["runs"][0]
    assert os.path.basename(rep.files[0].path) == "a.txt"
