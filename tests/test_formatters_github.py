"""The github format: workflow commands that become annotations on the pull request."""
from __future__ import annotations

from qa.formatters import render
from qa.formatters.github import command, escape_data, escape_property
from tests import formatter_cases as fc


def test_exact_output_for_a_small_report():
    assert render("github", fc.sample()) == (
        "::notice file=rel/a.txt,line=1,col=21,endLine=1,endColumn=39,title=FX03 fx-stock-phrase"
        "::'the city of Peking' reads as machine translation\n"
        "::error file=rel/a.txt,line=1,col=33,endLine=1,endColumn=39,title=FX01 fx-swap"
        "::Write 'Beijing' instead of 'Peking'\n"
        "::warning file=rel/a.txt,line=3,col=1,endLine=3,endColumn=10,title=FX02 fx-mixed-names"
        "::'Acme Corp' and 'Acme Group' (line 1) name the same thing: use one name, 'Acme Group'\n"
        "::error file=rel/a.txt,line=3,col=20,endLine=3,endColumn=26,title=FX01 fx-swap"
        "::Write 'Beijing' instead of 'Peking'\n"
        "::warning file=rel/a.txt,line=3,col=20,endLine=3,endColumn=32,title=FX04 fx-escape-me"
        "::100%25 wrong: <script>alert('x')</script> & \"Peking smart\" | a,b: c%0Asecond line\n"
        "::notice file=rel/a.txt,line=3,col=27,endLine=3,endColumn=37,title=FX03 fx-stock-phrase"
        "::'smart city' reads as machine translation\n"
        "release-qa: rel/a.txt: score 0.0/100 (below 90)\n")


def test_escaping_of_messages_and_properties():
    assert escape_data("100%\r\nnext: a,b") == "100%25%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command("warning", "x\n::error::injected", file="dir,1/a:b.txt", title="T, with: colon")
    assert line == "::warning file=dir%2C1/a%3Ab.txt,title=T%2C with%3A colon::x%0A::error::injected"
    assert "\n" not in line


def test_suggestion_is_added_when_the_message_lacks_it():
    out = render("github", fc.report(("rel/crlf.txt", fc.CRLF)))
    # FX01's message already names 'Beijing'; FX02's names it too: nothing added
    assert "Write instead" not in out
    assert out.count("\n") == 3


def test_no_findings_prints_only_the_score():
    assert render("github", fc.report(("rel/clean.txt", fc.CLEAN))) == \
        "release-qa: rel/clean.txt: score 100.0/100 (pass 90)\n"
    assert render("github", fc.report()) == ""


def test_input_and_rule_errors_are_error_annotations():
    out = render("github", fc.with_fatal()).splitlines()
    assert "::error file=rel/broken.txt,title=release-qa could not check this file" \
           "::cannot decode as utf-8 at byte 3" in out
    out = render("github", fc.with_rule_error())
    assert "::error file=rel/a.txt,title=release-qa rule failure::rule FX09 (fx-broken) failed: " \
           "ValueError: 50%25 <bad> input%0Aline 2\n" in out


def test_suppressed_findings_are_not_annotated():
    assert "::" not in render("github", fc.report(("rel/s.txt", fc.SUPPRESSED)))


def test_cjk_and_crlf_positions():
    assert render("github", fc.report(("rel/cjk.txt", fc.CJK))).startswith(
        "::error file=rel/cjk.txt,line=1,col=18,endLine=1,endColumn=24,")
    lines = render("github", fc.report(("rel/crlf.txt", fc.CRLF))).splitlines()
    assert lines[1].startswith("::error file=rel/crlf.txt,line=3,col=16,endLine=3,endColumn=22,")


def test_overflow_notice_when_more_than_ten_of_a_kind():
    eleven = "".join(f"Line {i} names Peking.\n" for i in range(11))
    out = render("github", fc.report(("rel/many.txt", eleven))).splitlines()
    assert sum(ln.startswith("::error ") for ln in out) == 11
    assert out[-1] == ("::notice title=More findings than GitHub shows::release-qa found 11 errors; "
                       "GitHub shows only 10 of each kind here. All of them are in the job log and in "
                       "the step summary (release-qa -o markdown=$GITHUB_STEP_SUMMARY).")
    ten = "".join(f"Line {i} names Peking.\n" for i in range(10))
    assert "More findings" not in render("github", fc.report(("rel/ten.txt", ten)))


def test_absolute_paths_inside_the_working_folder_become_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = str(tmp_path / "sub" / "a.txt")
    out = render("github", fc.report((path, fc.CJK)))
    assert out.startswith("::error file=sub/a.txt,")


def test_the_overflow_notice_does_not_promise_a_summary_that_was_cut(monkeypatch):
    from qa.formatters import markdown
    eleven = "".join(f"Line {i} names Peking.\n" for i in range(11))
    monkeypatch.setattr(markdown, "MAX_BYTES", 2600)     # a summary too small for every finding
    rep = fc.report(("rel/many.txt", eleven))
    assert not markdown.complete(rep)
    notice = render("github", rep).splitlines()[-1]
    assert "in the step summary" not in notice
    assert notice.endswith("All of them are in the job log; the step summary is cut to GitHub's "
                           "1 MiB limit, so write the whole report with -o json=FILE, -o sarif=FILE "
                           "or -o html=FILE and keep it as an artifact.")
