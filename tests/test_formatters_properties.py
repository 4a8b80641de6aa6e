"""Every format stays valid for any text (hypothesis): SARIF validates against the schema,
JUnit parses as XML, the HTML marks hold exactly each finding's text, GitHub commands stay
one line each, and Markdown stays under its size limit. The rules are the test-only FX pack
plus BP01, so the test does not change as other rules land."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.formatters import render
from tests import formatter_cases as fc
from tests.helpers import shared
from tests.test_formatters_html import Page

EXAMPLES = int(os.environ.get("RELEASE_QA_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
with open(shared("schemas", "sarif-schema-2.1.0.json"), encoding="utf-8") as fh:
    _SCHEMA = json.load(fh)
SARIF = jsonschema.validators.validator_for(_SCHEMA)(_SCHEMA)     # built once: validate() rebuilds it

PIECES = ["Peking", "the city of Peking", "smart city", "Peking smart", "Acme Group", "Acme Corp",
          "Comments are closed.", "\n", "\r\n", "\r", "\n\n", " ", "北京", "。", "<script>", "&amp;",
          "%0A", "::error::", "|", "`", "*", "\t", "\x0b", "<!-- release-qa: disable-next-line=FX01 -->\n",
          "release-qa: disable=FX03\n", "\U0001F600", "e\u0301", "]]>", "-->"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=30).map("".join)


@SETTINGS
@given(TEXT)
def test_every_format_is_valid_for_any_text(text):
    rep = fc.report(("rel/any.txt", text), select=("FX", "BP01"))
    fr = rep.files[0]
    SARIF.validate(json.loads(render("sarif", rep)))
    ET.fromstring(render("junit", rep).encode("utf-8"))
    page = Page()
    page.feed(render("html", rep))
    assert page.marks == {f"f0-{k}": f.text for k, f in enumerate(fr.findings)}
    github = render("github", rep).splitlines()
    assert len(github) == len(fr.active) + len(fr.errors) + 1 + (len(fr.active) > 10)
    assert len(render("markdown", rep).encode("utf-8")) < 1024 * 1024
    concise = render("concise", rep).splitlines()
    assert sum(1 for ln in concise if ln.startswith("rel/any.txt:") and " [" in ln) == len(fr.active)
