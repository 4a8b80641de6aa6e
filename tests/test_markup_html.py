"""The HTML reader (html.parser with a defused copy of the file): what it keeps and drops,
where each piece of prose lies in the file, and the constructs CPython's parser mishandles."""
from __future__ import annotations

import pytest

from qa.document import document_from_text
from qa.document.markup.html import defuse


def html(text: str):
    return document_from_text(text, "html")


def source_of(doc, phrase: str) -> str:
    start = doc.text.index(phrase)
    s, e = doc.to_source(start, start + len(phrase))
    return doc.source[s:e]


def test_entities_are_decoded_and_map_onto_the_reference():
    doc = html("<p>Tom&nbsp;&amp;&#32;Jerry &copy2023 &#x4e2d; &bogus; AT&T</p>")
    assert doc.text.strip() == "Tom & Jerry ©2023 中 &bogus; AT&T"
    assert source_of(doc, "Tom & Jerry") == "Tom&nbsp;&amp;&#32;Jerry"
    assert source_of(doc, "中") == "&#x4e2d;"
    assert source_of(doc, "&bogus;") == "&bogus;"


def test_a_broken_character_reference_does_not_turn_the_rest_into_text():
    # CPython's parser up to 3.11.12 reads everything after "&#" + non-digit as text
    doc = html("<p>AT&#T and &#12a x</p><script>var secret;</script><p>after</p>")
    assert "secret" not in doc.text and "<p>" not in doc.text
    assert doc.text.split() == ["AT&#T", "and", "&#12a", "x", "after"]


@pytest.mark.parametrize("markup, prose", [
    ("<p>a</p><!-- never closed <p>b</p>", "a"),
    ("<p>a</p><!-- c --><p>b</p>", "a b"),
    ("<p>a<![CDATA[x]]>b</p>", "ab"),
    ("<p>Text</p><a href='x", "Text"),
    ("<p>Text</p><p>more <b", "Text more"),
    ("<p>1 < 2 and 3 <= 4</p>", "1 < 2 and 3 <= 4"),
    ("<p>a</p><![if gte mso 9]><p>b</p><![endif]>", "a b"),
])
def test_unterminated_and_odd_constructs(markup, prose):
    assert " ".join(html(markup).text.split()) == prose


def test_dropped_elements_blocks_items_and_breaks():
    doc = html("<html><head><title>Site</title><style>p{}</style></head><body>"
               "<nav><a>Home</a></nav><h1>Acme opens plant</h1><p>one\r\ntwo<br>three</p>"
               "<pre>Comments are closed.</pre><ul><li>Haier<li>JD</ul><code>x</code>"
               "<textarea>typed</textarea><button>Send</button></body></html>")
    assert doc.slice(doc.title) == "Acme opens plant"
    assert doc.text.split() == ["Acme", "opens", "plant", "one", "two", "three", "Haier", "JD"]
    assert "one two\nthree" in doc.text
    assert [doc.slice(i) for i in doc.list_items] == ["Haier", "JD"]


def test_line_breaks_in_text_are_synthetic_spaces():
    doc = html("<p>one\r\ntwo\rthree\nfour</p>")
    assert "one two three four" in doc.text
    s = doc.text.index("one")
    assert not doc.offsets.is_verbatim(s, s + 7)
    assert doc.offsets.is_verbatim(s, s + 3)
    assert doc.position(doc.text.index("four")) == (4, 1)


def test_title_element_when_there_is_no_h1():
    doc = html("<head><title>Acme &amp; Co open plant</title></head><p>Body.</p>")
    assert doc.slice(doc.title) == "Acme & Co open plant"
    assert source_of(doc, "Acme & Co") == "Acme &amp; Co"


def test_directives_in_comments():
    doc = html("<p>x</p><!-- release-qa: disable=BP01 -->\n<p>y</p><!-- note -->")
    assert [(d.action, d.selectors, d.line) for d in doc.directives] == [("disable", ("BP01",), 1)]


@pytest.mark.parametrize("text", [
    "<p>a</p><!-- x", "<a<a<a", "&#x;<![CDATA[<p>", "<<<<p>", "x<!--a-->y<!--b", "<!-->a<p>b",
    "<p>\0</p>", "&#", "<",
])
def test_defuse_keeps_length_and_only_what_it_must(text):
    fed = defuse(text)
    assert len(fed) <= len(text)
    for a, b in zip(fed, text):
        assert a == b or (a == "x" and b in "[<&")
