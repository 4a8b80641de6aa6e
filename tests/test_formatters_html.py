"""The html format, read without a browser: exact mark texts, escaping, self-containment.
(tests/test_html_browser.py opens the same page in a real headless Chromium.)"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from qa.formatters import render
from qa.formatters.html_marks import Span, marked_lines
from tests import formatter_cases as fc

VOID = {"meta", "br", "input", "img", "hr", "link"}


class Page(HTMLParser):
    """Collects the text of every mark by finding id, the tags, attributes and script count."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.marks: dict[str, str] = {}
        self.mark_attrs: dict[str, dict] = {}
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in VOID:
            return
        fid = a.get("data-f") if tag == "mark" else None
        if fid is not None:
            self.marks.setdefault(fid, "")
            self.mark_attrs.setdefault(fid, a)
        self.stack.append((tag, fid))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for _, fid in self.stack:
            if fid is not None:
                self.marks[fid] += data


def page(rep) -> Page:
    p = Page()
    p.feed(render("html", rep))
    p.close()
    assert p.stack == [("html", None)] or p.stack == []
    return p


@pytest.mark.parametrize("name", sorted(fc.variants()))
def test_every_finding_is_marked_with_its_exact_text(name):
    rep = fc.variants()[name]
    p = page(rep)
    expected = {f"f{i}-{k}": f.text for i, fr in enumerate(rep.files) for k, f in enumerate(fr.findings)}
    assert p.marks == expected


def test_nested_and_crossing_spans_are_split_not_lost():
    lines = marked_lines("ab cd ef", [Span("x", 0, 5, ""), Span("y", 3, 8, ""), Span("z", 3, 5, "")])
    assert lines == ['<mark data-f="x">ab <mark data-f="y"><mark data-f="z">cd</mark></mark></mark>'
                     '<mark data-f="y"> ef</mark>']


def test_line_endings_stay_inside_marks():
    src = "one\r\ntwo\rthree\n"
    [l1, l2, l3] = marked_lines(src, [Span("a", 2, 6, ""), Span("e", 9, 9, "")])
    assert l1 == 'on<mark data-f="a">e<span class="eol">&#13;\n</span></mark>'
    assert l2 == '<mark data-f="a">t</mark>wo<span class="eol">&#13;</span>'
    assert l3 == '<mark data-f="e" data-empty="1"></mark>three<span class="eol">\n</span>'


def test_crlf_and_cjk_text_is_kept_exactly():
    p = page(fc.report(("rel/crlf.txt", fc.CRLF), ("rel/cjk.txt", fc.CJK)))
    body = "".join(p.text)
    assert "Acme Group opens.\r\n\r\nAcme Corp said Peking is ready.\r\n" in body
    assert fc.CJK in body


def test_everything_from_the_release_and_rules_is_escaped():
    text = 'He said <script>alert("x")</script> & left Peking.\n'
    out = render("html", fc.report(("rel/<b>.txt", text), ("rel/b.txt", fc.SAMPLE)))
    assert out.count("<script>") == 1                 # the report's own script only
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left" not in out   # text: quotes kept
    assert "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; left" in out
    assert "rel/&lt;b&gt;.txt" in out
    assert "title=\"FX04 fx-escape-me [warning]: 100% wrong: &lt;script&gt;alert(&#x27;x&#x27;)" in out


def test_self_contained():
    out = render("html", fc.sample())
    p = page(fc.sample())
    for tag, attrs in p.tags:
        assert tag not in ("link", "img", "iframe"), tag
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href", "#")
        assert href.startswith("#"), href
    assert "@import" not in out and "url(" not in out
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", out)


def test_score_filters_and_chart():
    p = page(fc.report(("rel/a.txt", fc.SAMPLE), ("rel/clean.txt", fc.CLEAN)))
    out = "".join(p.text)
    assert "0.0/100below 90" in out and "100.0/100pass 90" in out
    boxes = [a for t, a in p.tags if t == "input"]
    assert [b.get("data-sev") for b in boxes if "data-sev" in b] == ["error", "warning", "info"]
    assert [b.get("data-cat") for b in boxes if "data-cat" in b] == \
        ["name-consistency", "style", "terminology", "translationese"]
    assert sum(1 for t, _ in p.tags if t == "rect") == 4


def test_suppressed_marks_start_hidden():
    p = page(fc.report(("rel/s.txt", fc.SUPPRESSED)))
    assert "off" in p.mark_attrs["f0-0"]["class"].split()
    assert [b.get("data-sup") for t, b in p.tags if t == "input"] == ["1"]


def test_fatal_file_and_rule_errors_are_shown():
    out = "".join(page(fc.with_fatal()).text)
    assert "cannot decode as utf-8 at byte 3" in out
    out = render("html", fc.with_rule_error())
    assert "rule FX09 (fx-broken) failed: ValueError: 50% &lt;bad&gt; input\nline 2" in out


def test_no_findings_and_no_files():
    out = "".join(page(fc.report(("rel/clean.txt", fc.CLEAN))).text)
    assert "0 findings in 1 release; the check passes" in out and "no findings" in out
    assert "<nav" not in render("html", fc.report(("rel/clean.txt", fc.CLEAN)))
    page(fc.report())


def test_finding_cards_hold_message_suggestion_related_and_rule_notes():
    out = render("html", fc.sample())
    card = re.search(r'<template id="card-f0-2">(.*?)</template>', out).group(1)
    assert "&#x27;Acme Corp&#x27; and &#x27;Acme Group&#x27; (line 1)" in card
    assert "Write instead: <q>Acme Group</q>" in card
    assert 'See <a href="#r0-L1" data-jump="r0-L1">line 1</a>: <q>Acme Group</q>' in card
    assert "<b>Why it matters.</b> Readers think there are two companies." in card
