"""Inline suppression in plain text, Markdown and HTML."""
from __future__ import annotations

from tests.helpers import lint

LEFT = "Comments are closed."


def active(text, fmt="text"):
    return [(f.rule, f.line) for f in lint(text, ["BP01"], fmt) if not f.suppressed]


def suppressed(text, fmt="text"):
    return [(f.rule, f.line) for f in lint(text, ["BP01"], fmt) if f.suppressed]


def test_disable_and_enable_in_plain_text():
    text = (f"{LEFT}\n\nrelease-qa: disable=BP01\n\n{LEFT}\n\n"
            f"release-qa: enable=BP01\n\n{LEFT}\n")
    assert active(text) == [("BP01", 1), ("BP01", 9)]
    assert suppressed(text) == [("BP01", 5)]


def test_directive_lines_are_not_prose():
    text = "# release-qa: disable=boilerplate\nShares rose.\n"
    findings = lint(text, None)
    assert all("release-qa" not in f.text for f in findings)


def test_disable_next_line_by_name_and_category():
    text = f"<!-- release-qa: disable-next-line=web-leftover -->\n{LEFT}\n\n{LEFT}\n"
    assert active(text) == [("BP01", 4)]
    text = f"<!-- release-qa: disable-next-line=boilerplate -->\n\n{LEFT}\n"
    assert active(text) == []


def test_disable_file_and_bare_disable():
    assert active(f"release-qa: disable-file\n{LEFT}\n") == []
    assert active(f"release-qa: disable\n{LEFT}\n") == []
    assert active(f"release-qa: disable=TR\n{LEFT}\n") == [("BP01", 2)]


def test_markdown_and_html_comments():
    md = f"# Title\n\n<!-- release-qa: disable=BP -->\n{LEFT}\n<!-- release-qa: enable=BP -->\n\n{LEFT}\n"
    assert active(md, "markdown") == [("BP01", 7)]
    html = (f"<h1>T</h1><p>{LEFT}</p>\n<!-- release-qa: disable-next-line=BP01 -->\n"
            f"<p>{LEFT}</p>\n<p>{LEFT}</p>\n")
    assert active(html, "html") == [("BP01", 1), ("BP01", 4)]


def test_a_prose_mention_is_not_a_directive():
    text = f"The manual says release-qa: disable=BP01 works.\n\n{LEFT}\n"
    assert active(text) == [("BP01", 3)]


def test_trailing_html_comment_in_plain_text():
    text = f"Shares rose. <!-- release-qa: disable-next-line=BP01 -->\n{LEFT}\n\n{LEFT}\n"
    assert active(text) == [("BP01", 4)]
    assert suppressed(text) == [("BP01", 2)]
    # the comment is not prose: nothing reports its text
    assert all("release-qa" not in f.text for f in lint(text, None))


def test_directives_naming_no_rule_and_misspelt_directives_are_warned_about():
    from qa.document import document_from_text
    from qa.runner import directive_warnings
    from tests.helpers import ruleset
    text = (f"Title here\n\n<!-- release-qa: disable=XX99,BP01 -->\n{LEFT}\n\n"
            f"<!-- release-qa: disabel=BP01 -->\n{LEFT}\n\n"
            "The manual says release-qa: disable=BP01 works.\n")
    doc = document_from_text(text, "markdown")
    assert directive_warnings(doc, ruleset()) == [
        "line 3: 'XX99' in a release-qa directive names no rule (see `release-qa rules`)",
        "line 6: '<!-- release-qa: disabel=BP01 -->' is not a directive (disable=, enable=, "
        "disable-next-line= or disable-file)"]
    assert directive_warnings(document_from_text(f"<!-- release-qa: disable=BP -->\n{LEFT}\n"),
                              ruleset()) == []
