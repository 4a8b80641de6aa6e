"""Properties that hold for any input, checked with hypothesis: the checker never raises,
every finding's offsets lie in the file and slice out its text, line and column agree with
the offset, every format's output is valid, and the same input gives the same output.

The number of examples is set by RELEASE_QA_FUZZ_EXAMPLES (CI raises it for a bounded fuzz
run); failures hypothesis finds are kept as explicit regression cases below.
"""
from __future__ import annotations

import json
import os
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from qa import lint_text
from qa.document import document_from_text
from qa.errors import InputError
from qa.formatters import FormatOptions, render
from qa.source import decode

EXAMPLES = int(os.environ.get("RELEASE_QA_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SCHEMA = json.loads(resources.files("qa.schemas").joinpath("report.schema.json").read_text("utf-8"))

PIECES = [
    "Haier Group", "JD Group", "Jingdong Group", ", ", ". ", "\n", "\r\n", "\r", "\n\n", "  ",
    "Co., Ltd", "Mr. ", "U.S.", "No. 1", "(Photo by Hu Xiao)", "Comments are closed.",
    "hereinafter referred to as", "“WIOT 2021”", "2021 WIOT", "无锡", "，", "、", "。", "　",
    "â€œ", "e\u0301", "\U0001F600", "<p>", "</p>", "<h1>", "</h1>", "<!-- release-qa: disable=BP -->",
    "<script>x</script>", "&amp;", "&#x4e2d;", "&nope", "# ", "- ", "**", "`code`", "[a](b)",
    "```\n", "<", ">", "\t", "\x00", "\ufeff", "Ministry of Commerce of Hubei Province",
    "the the", "IoT industry", "Digital Future Smart connects everything",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
FORMATS = st.sampled_from(["text", "markdown", "html"])


def check_invariants(text: str, fmt: str):
    report = lint_text(text, fmt)
    [fr] = report.files
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" or (c == "\r" and text[i + 1:i + 2] != "\n")]
    for f in fr.findings:
        loc = f.location
        assert 0 <= loc.offset <= loc.end_offset <= len(text)
        assert text[loc.offset:loc.end_offset] == loc.text
        assert starts[loc.line - 1] + loc.column - 1 == loc.offset
        assert starts[loc.end_line - 1] + loc.end_column - 1 == loc.end_offset
        for r in f.related:
            assert text[r.offset:r.end_offset] == r.text
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.offset <= e.end_offset <= len(text)
    assert not [e for e in fr.errors if "failed" in e], fr.errors
    return report


@SETTINGS
@given(TEXT, FORMATS)
@example("<div>" * 300 + "x", "html")
@example("a\rb\r\nc\n" * 3 + "Comments are closed.", "text")
@example("\ud800 lone surrogate \udfff", "text")
def test_any_text_in_any_format(text, fmt):
    report = check_invariants(text, fmt)
    out = render("json", report)
    jsonschema.validate(json.loads(out), SCHEMA)
    assert render("json", lint_text(text, fmt)) == out          # deterministic
    render("text", report, FormatOptions(color=True))


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_fail_cleanly(data):
    try:
        src = decode(data, "x.txt")
    except InputError as exc:
        assert str(exc).startswith("x.txt: ")
        return
    assert document_from_text(src.text, "text").sentences is not None


@SETTINGS
@given(TEXT)
def test_document_structure_is_within_bounds(text):
    for fmt in ("text", "markdown", "html"):
        doc = document_from_text(text, fmt)
        n = len(doc.text)
        for span in (*doc.paragraphs, *doc.sentences, *doc.words, *doc.lines):
            assert 0 <= span.start <= span.end <= n
        for enum in doc.enumerations:
            for item in enum.items:
                assert 0 <= item.start < item.end <= n
        if doc.title:
            s, e = doc.to_source(doc.title.start, doc.title.end)
            assert 0 <= s <= e <= len(text)
