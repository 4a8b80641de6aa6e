"""HTML and Markdown readers: prose extracted from the markup, every position mapped back."""
from __future__ import annotations

import pytest

from qa.document import document_from_text

HTML = """<!DOCTYPE html>
<html><head><title>Acme - News</title><style>p{color:red}</style>
<script>var s = "Comments are closed.";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<h1>Acme Group opens plant in Wuxi</h1>
<p>Acme&nbsp;Group &amp; partners opened a <b>new</b> plant.
It is reported that output rose.</p>
<ul><li>Haier Group</li><li>JD.com</li></ul>
<pre><code>Comments are closed.</code></pre>
<p>Contact: <a href="mailto:x@y.z">Send e-mail</a></p>
</body></html>
"""

MARKDOWN = """---
title: draft
---
# Acme Group opens *new* plant

Acme Group &amp; partners opened a **new** plant, see [the site](http://x.y) and `code`.
It is reported that output rose.

```
Comments are closed.
```

    indented code block

- Haier Group
- JD.com

| Company | City |
|---|---|
| Acme | Wuxi |
"""


def roundtrip(doc, phrase):
    """Source span of the first prose occurrence of `phrase`."""
    start = doc.text.index(phrase)
    s, e = doc.to_source(start, start + len(phrase))
    return doc.source[s:e]


def test_html_drops_script_style_nav_code_and_keeps_prose():
    doc = document_from_text(HTML, "html")
    assert "var s" not in doc.text and "color:red" not in doc.text
    assert "Home" not in doc.text and "Comments are closed" not in doc.text
    assert doc.slice(doc.title) == "Acme Group opens plant in Wuxi"
    assert [doc.slice(i) for i in doc.list_items] == ["Haier Group", "JD.com"]
    assert "Acme Group & partners opened a new plant." in doc.text


def test_html_positions_map_into_the_markup():
    doc = document_from_text(HTML, "html")
    assert roundtrip(doc, "It is reported that") == "It is reported that"
    assert roundtrip(doc, "a new plant") == "a <b>new</b> plant"
    assert roundtrip(doc, "Group & partners") == "Group &amp; partners"
    assert roundtrip(doc, "Send e-mail") == "Send e-mail"
    s = doc.text.index("It is reported")
    assert doc.position(s) == (7, 1)


def test_html_title_falls_back_to_title_element():
    doc = document_from_text("<html><head><title>Acme opens plant</title></head>"
                             "<body><p>Body text here.</p></body></html>", "html")
    assert doc.slice(doc.title) == "Acme opens plant"
    assert roundtrip(doc, "Acme opens plant") == "Acme opens plant"


@pytest.mark.parametrize("markup", [
    "<p>unclosed <b>bold <i>italic</p><div><p>x", "<<<>>>&&&;<p>a</p>",
    "<!-- never closed", "<script>never closed", "<p " + "a='1' " * 50,
    "<div>" * 500 + "deep" + "</div>" * 500,
])
def test_malformed_html_never_fails(markup):
    doc = document_from_text(markup, "html")
    for s in doc.sentences:
        a, b = doc.to_source(s.start, s.end)
        assert 0 <= a <= b <= len(markup)


def test_markdown_strips_markup_and_drops_code():
    doc = document_from_text(MARKDOWN, "markdown")
    assert doc.slice(doc.title) == "Acme Group opens new plant"
    assert "Comments are closed" not in doc.text and "indented code" not in doc.text
    assert "draft" not in doc.text and "code" not in doc.text.replace("Acme", "")
    assert "see the site and" in doc.text
    assert [doc.slice(i) for i in doc.list_items] == ["Haier Group", "JD.com"]
    assert "Wuxi" in doc.text and "|" not in doc.text


def test_markdown_positions_map_into_the_markup():
    doc = document_from_text(MARKDOWN, "markdown")
    assert roundtrip(doc, "opens new plant") == "opens *new* plant"
    assert roundtrip(doc, "a new plant") == "a **new** plant"
    assert roundtrip(doc, "see the site") == "see [the site"
    assert roundtrip(doc, "Group & partners") == "Group &amp; partners"
    s = doc.text.index("It is reported")
    assert doc.position(s) == (7, 1)


def test_markdown_setext_heading_and_crlf():
    text = "Acme opens plant\r\n================\r\n\r\nBody text.\r\n"
    doc = document_from_text(text, "markdown")
    assert doc.slice(doc.title) == "Acme opens plant"
    assert doc.position(doc.text.index("Body")) == (4, 1)
