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
        "line 3: 'disable=XX99,BP01' is never re-enabled: it keeps BP01 silent to the end of the "
        "file; add 'release-qa: enable=XX99,BP01' where it should stop, or write 'disable-file'",
        "line 6: '<!-- release-qa: disabel=BP01 -->' is not a directive (disable-next-line=, "
        "disable-line=, disable=, enable= or disable-file)"]
    closed = f"<!-- release-qa: disable=BP -->\n{LEFT}\n<!-- release-qa: enable=boilerplate -->\n"
    assert directive_warnings(document_from_text(closed), ruleset()) == []


def warnings(text, fmt="text", **kw):
    from qa.document import document_from_text
    from qa.runner import directive_warnings
    from tests.helpers import ruleset
    return directive_warnings(document_from_text(text, fmt), ruleset(), **kw)


def test_disable_line_silences_its_own_line_only():
    text = f"{LEFT} <!-- release-qa: disable-line=BP01 -->\n\n{LEFT}\n"
    assert active(text) == [("BP01", 3)] and suppressed(text) == [("BP01", 1)]
    md = f"# T\n\n{LEFT} <!-- release-qa: disable-line=boilerplate -->\n\n{LEFT}\n"
    assert active(md, "markdown") == [("BP01", 5)]
    html = f"<h1>T</h1>\n<p>{LEFT}</p> <!-- release-qa: disable-line -->\n<p>{LEFT}</p>\n"
    assert active(html, "html") == [("BP01", 3)]
    assert warnings(text) == []


def test_a_trailing_disable_is_flagged_with_the_fix_to_use_disable_line():
    text = f"Shares rose. <!-- release-qa: disable=BP01 -->\n\n{LEFT}\n"
    assert active(text) == []           # what it does: silence the rest of the file
    assert warnings(text) == [
        "line 1: 'disable=BP01' after text on the same line silences BP01 from there to the end "
        "of the file, not this line: write 'disable-line=BP01'"]


def test_an_unclosed_disable_is_flagged_and_a_closed_one_or_disable_file_is_not():
    unclosed = f"Title here\n\nrelease-qa: disable=boilerplate\n{LEFT}\n"
    [message] = warnings(unclosed)
    assert message.startswith("line 3: 'disable=boilerplate' is never re-enabled: it keeps BP01, ")
    assert message.endswith("add 'release-qa: enable=boilerplate' where it should stop, or write "
                            "'disable-file'")
    closed = f"release-qa: disable=BP\n{LEFT}\nrelease-qa: enable=boilerplate\n\n{LEFT}\n"
    assert warnings(closed) == []
    assert warnings(f"release-qa: disable-file\n{LEFT}\n") == []


def test_a_disable_line_on_a_line_of_its_own_is_flagged():
    assert warnings(f"release-qa: disable-line=BP01\n{LEFT}\n") == [
        "line 1: 'disable-line=BP01' stands on a line of its own and silences nothing: put it at "
        "the end of the line it is for, or write 'disable-next-line'"]


def test_unused_directives_are_reported_only_when_asked_and_only_for_rules_that_ran():
    from tests.helpers import lint as run_rules
    text = (f"Title here\n\n{LEFT} <!-- release-qa: disable-line=BP01,TR02 -->\n\n"
            "Shares rose. <!-- release-qa: disable-line=BP -->\n")
    findings = run_rules(text, ["BP01", "TR02"])
    assert warnings(text) == []
    assert warnings(text, findings=findings, ran={"BP01", "TR02"}) == [
        "line 3: 'disable-line=BP01,TR02' silenced nothing for TR02 (remove TR02)",
        "line 5: 'disable-line=BP' silenced nothing for BP (remove it)"]
    # TR02 did not run: its selector cannot be judged
    assert warnings(text, findings=findings, ran={"BP01"}) == [
        "line 5: 'disable-line=BP' silenced nothing for BP (remove it)"]


def test_report_unused_directives_on_the_command_line(tmp_path):
    import subprocess
    import sys
    release = tmp_path / "r.txt"
    release.write_text(f"Title here\n\n{LEFT} <!-- release-qa: disable-line=BP01 -->\n\n"
                       "Shares rose. <!-- release-qa: disable-line=BP01 -->\n", encoding="utf-8")
    args = [sys.executable, "-m", "qa", "check", "--isolated", "--select", "BP01", str(release)]
    quiet = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    loud = subprocess.run([*args, "--report-unused-directives"], capture_output=True, text=True,
                          timeout=60)
    assert loud.returncode == 0
    assert loud.stderr == (f"release-qa: warning: {release}: line 5: 'disable-line=BP01' silenced "
                           "nothing for BP01 (remove it)\n")
