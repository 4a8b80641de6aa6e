"""The Markdown reader (markdown-it-py): what it keeps and drops, and where each kept piece
of prose lies in the file."""
from __future__ import annotations

import pytest

from qa.document import document_from_text


def md(text: str):
    return document_from_text(text, "markdown")


def source_of(doc, phrase: str, nth: int = 0) -> str:
    """The file's text under the nth prose occurrence of `phrase`."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(phrase, start + 1)
    s, e = doc.to_source(start, start + len(phrase))
    return doc.source[s:e]


def test_parenthesis_in_a_link_destination_does_not_leak():
    # the hand-written reader stopped the destination at the first ")" and kept the second
    doc = md("See [the site](http://x.y/a_(b)) today.\n")
    assert doc.text.strip() == "See the site today."
    assert source_of(doc, "the site today") == "the site](http://x.y/a_(b)) today"


@pytest.mark.parametrize("text, prose", [
    ('[Acme](http://x.y "Acme (home)") opens', "Acme opens"),
    ("[plant][p] in [Wuxi][] and [Jiangsu] now", "plant in Wuxi and Jiangsu now"),
    ("[a [nested] label](/u) end", "a [nested] label end"),
    ("[not a link] (x) and [no ref][zz]", "[not a link] (x) and [no ref][zz]"),
    ("[bad](javascript:alert(1)) end", "[bad](javascript:alert(1)) end"),
    ("A ![logo [big]](a.png) and ![x][p] end", "A  and  end"),
    ("[![badge](b.svg)](http://x) done", " done"),
    ("auto <http://a.b/c> and <x@y.z> end", "auto  and  end"),
])
def test_links_keep_their_text_images_and_autolinks_go(text, prose):
    doc = md(text + "\n\n[p]: /p\n[wuxi]: /w\n[Jiangsu]: </j> 'J'\n")
    assert doc.text.strip() == prose.strip()


@pytest.mark.parametrize("text, prose", [
    ("Use `a `` b` here and ``co`de``.", "Use  here and ."),
    ("snake_case_name, 2 * 3 * 4, a*b*c", "snake_case_name, 2 * 3 * 4, abc"),
    ("**bold *both***, ~~gone~~, __under__", "bold both, gone, under"),
    ("Tom &amp; Jerry &copy; &#20013; &nbsp;x &nope;", "Tom & Jerry © 中  x &nope;"),
    ("\\*star\\* \\a c:\\\\dir \\[x\\]", "*star* \\a c:\\dir [x]"),
    ("with <span class=\"x\">inline</span> tag<br>and", "with inline tag and"),
    ("a<b>b</b>c<!-- note -->d", "abcd"),
])
def test_inline_markup(text, prose):
    assert md(text + "\n").text.strip() == prose


def test_positions_of_decoded_and_stripped_pieces():
    doc = md("Tom &amp; Jerry met **Acme** at \\*noon\\*.\n")
    assert source_of(doc, "Tom & Jerry") == "Tom &amp; Jerry"
    assert source_of(doc, "met Acme at") == "met **Acme** at"
    assert source_of(doc, "*noon*") == "*noon\\*"       # the escaped "*" itself, verbatim
    start = doc.text.index("Acme")
    assert doc.offsets.is_verbatim(start, start + 4)
    assert not doc.offsets.is_verbatim(doc.text.index("&"), doc.text.index("&") + 1)


def test_line_breaks_and_crlf():
    doc = md("line one  \r\nline two\\\r\n   line three\r\n\r\nNext para.\r\n")
    assert doc.text == "line one\r\nline two\r\nline three\n\nNext para.\n\n"
    assert doc.position(doc.text.index("line three")) == (3, 4)
    assert doc.position(doc.text.index("Next")) == (5, 1)


def test_headings_title_and_closing_marks():
    doc = md("Intro line\n\n## Heading ##   \n\n# Title #no\n")
    assert doc.slice(doc.title) == "Heading"
    assert "Title #no" in doc.text and "##" not in doc.text
    setext = md("Acme opens\n  a plant\n====\n\nBody.\n")
    assert setext.slice(setext.title) == "Acme opens\na plant"
    assert source_of(setext, "a plant") == "a plant"


def test_title_falls_back_to_a_one_line_first_paragraph():
    doc = md("Acme opens plant\n\nBody text.\n")
    assert doc.slice(doc.title) == "Acme opens plant"
    assert md("Two lines\nof text\n\nBody.\n").title is None


def test_lists_quotes_and_tasks():
    doc = md("> - quoted item\n>   continues\n> - second\n\n1) one\n2) two\n\n- [x] done task\n- [ ] open\n")
    assert [doc.slice(i) for i in doc.list_items] == [
        "quoted item\ncontinues", "second", "one", "two", "done task", "open"]
    assert source_of(doc, "continues") == "continues"
    assert ">" not in doc.text and "[x]" not in doc.text


def test_nested_list_items_are_their_own_text():
    doc = md("- Partners\n  - Haier Group\n  - JD.com\n- Sponsors\n")
    assert [doc.slice(i) for i in doc.list_items] == ["Partners", "Haier Group", "JD.com", "Sponsors"]


def test_front_matter_code_and_reference_definitions_are_dropped():
    doc = md("---\ntitle: draft\n...\n# Real title\n\n    indented code\n\n~~~\nfenced\n~~~\n\n"
             "text\n\n[ref]: http://x 'T'\n")
    assert doc.text.split() == ["Real", "title", "text"]


def test_tables_lose_their_rules_and_pipes():
    doc = md("| Company | City |\n|:--|--:|\n| Acme \\| Co | Wuxi |\n| `x` | [JD](u) |\n")
    assert doc.text.split() == ["Company", "City", "Acme", "|", "Co", "Wuxi", "JD"]
    assert source_of(doc, "Acme | Co") == "Acme \\| Co"
    assert source_of(doc, "Wuxi") == "Wuxi"


def test_html_blocks_are_read_as_html():
    doc = md("<script>\nvar s = 'Comments are closed.';\n</script>\n\n"
             "<p align=\"center\">Centered &amp; bold</p>\n\n<ul><li>Haier Group</li><li>JD</li></ul>\n")
    assert "Comments" not in doc.text
    assert "Centered & bold" in doc.text
    assert source_of(doc, "Centered & bold") == "Centered &amp; bold"
    assert [doc.slice(i) for i in doc.list_items] == ["Haier Group", "JD"]


def test_directives_in_comments_inline_and_as_blocks():
    doc = md("Para <!-- release-qa: disable=BP01 --> text.\n\n<!-- release-qa: disable-next-line=TR -->\n"
             "Next.\n\n> <!-- release-qa: enable=BP01 -->\n")
    assert [(d.action, d.selectors, d.line) for d in doc.directives] == [
        ("disable", ("BP01",), 1), ("disable-next-line", ("TR",), 3), ("enable", ("BP01",), 6)]
    assert "release-qa" not in doc.text


def test_nul_and_tabs_map_exactly():
    doc = md("a\0b *c*\n\n-\titem\twith tab\n\n>\tquoted\n")
    assert doc.text.startswith("a\0b c")
    assert source_of(doc, "item\twith tab") == "item\twith tab"
    assert source_of(doc, "quoted") == "quoted"


def test_a_block_past_the_inline_budget_is_read_as_plain_text():
    from qa.document.markup import markdown
    costly = "[" * (markdown.INLINE_BUDGET // 50 + 1)
    doc = md("Intro *one*.\n\n" + costly + "\n\nAfter *two*.\n")
    assert "Intro one." in doc.text and "After two." in doc.text
    assert costly in doc.text
