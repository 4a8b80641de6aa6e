"""The concise format: one `path:line:col: CODE [severity] message` line per finding."""
from __future__ import annotations

from qa.formatters import FormatOptions, render
from tests import formatter_cases as fc


def test_exact_output_for_a_small_report():
    assert render("concise", fc.sample()) == (
        "rel/a.txt:1:21: FX03 [info] 'the city of Peking' reads as machine translation\n"
        "rel/a.txt:1:33: FX01 [error] Write 'Beijing' instead of 'Peking'\n"
        "rel/a.txt:3:1: FX02 [warning] 'Acme Corp' and 'Acme Group' (line 1) name the same thing:"
        " use one name, 'Acme Group'\n"
        "rel/a.txt:3:20: FX01 [error] Write 'Beijing' instead of 'Peking'\n"
        "rel/a.txt:3:20: FX04 [warning] 100% wrong: <script>alert('x')</script> & \"Peking smart\""
        " | a,b: c second line\n"
        "rel/a.txt:3:27: FX03 [info] 'smart city' reads as machine translation\n"
        "Found 6 findings (2 errors, 2 warnings, 2 info) in 1 file; score 0.0/100 (below 90). "
        "Failed: fail-on warning (4 findings at warning or above).\n")


def test_a_message_with_a_line_break_stays_on_one_line():
    lines = render("concise", fc.sample()).splitlines()
    assert [ln for ln in lines if "FX04" in ln][0].endswith("| a,b: c second line")
    assert not any(ln == "second line" for ln in lines)


def test_no_findings():
    assert render("concise", fc.report(("rel/clean.txt", fc.CLEAN))) == (
        "All checks passed (1 file); score 100.0/100 (pass 90).\n")
    assert render("concise", fc.report()) == "All checks passed (0 files).\n"


def test_fatal_file_counts_in_the_summary():
    out = render("concise", fc.with_fatal())
    assert out.endswith("in 2 files; 1 file with errors; score 0.0/100 (below 90).\n")
    assert "rel/broken.txt" not in out       # input errors go to stderr (the CLI prints them)


def test_suppressed_finding_is_not_listed_but_counted():
    assert render("concise", fc.report(("rel/s.txt", fc.SUPPRESSED))) == (
        "All checks passed (1 file); 1 suppressed; score 100.0/100 (pass 90).\n")


def test_cjk_columns_count_code_points():
    # '北京的 Acme Group 在 Peking': Peking starts at code point 18 (terminal width would say 21)
    assert render("concise", fc.report(("rel/cjk.txt", fc.CJK))).splitlines()[0] == \
        "rel/cjk.txt:1:18: FX01 [error] Write 'Beijing' instead of 'Peking'"


def test_crlf_lines_and_columns():
    lines = render("concise", fc.report(("rel/crlf.txt", fc.CRLF))).splitlines()
    assert [ln.split(" ")[0] for ln in lines[:2]] == ["rel/crlf.txt:3:1:", "rel/crlf.txt:3:16:"]
    assert not any("\r" in ln for ln in lines)


def test_clean_files_print_nothing_and_one_summary_line_ends_the_output():
    out = render("concise", fc.report(("rel/a.txt", fc.SAMPLE), ("rel/clean.txt", fc.CLEAN)))
    assert "rel/clean.txt" not in out
    lines = out.splitlines()
    assert all(ln.startswith("rel/a.txt:") for ln in lines[:-1])
    assert lines[-1] == ("Found 6 findings (2 errors, 2 warnings, 2 info) in 2 files; 1 of 2 releases "
                         "score below their threshold. Failed: fail-on warning (4 findings at warning "
                         "or above).")


def test_colour_only_when_asked():
    plain = render("concise", fc.sample())
    coloured = render("concise", fc.sample(), FormatOptions(color=True))
    assert "\x1b[" not in plain
    assert "\x1b[31mFX01\x1b[0m" in coloured


def test_statistics_prints_counts_only():
    out = render("concise", fc.sample(), FormatOptions(statistics=True))
    assert out.splitlines()[:4] == ["2  FX01  fx-swap [error]", "2  FX03  fx-stock-phrase [info]",
                                    "1  FX02  fx-mixed-names [warning]",
                                    "1  FX04  fx-escape-me [warning]"]
    assert "rel/a.txt:" not in out and out.splitlines()[-1].startswith("Found 6 findings")


def test_line_bounds_with_every_line_ending():
    from qa.formatters.excerpt import line_bounds
    text = "ab\ncd\r\nef\rgh"
    assert [line_bounds(text, o) for o in (0, 4, 8, 11)] == [(0, 2), (3, 5), (7, 9), (10, 12)]


def test_a_failed_fail_under_names_the_lowest_release():
    out = render("concise", fc.report(("rel/a.txt", fc.SAMPLE), ("rel/clean.txt", fc.CLEAN), fail_under=50))
    assert out.splitlines()[-1].endswith("Failed: fail-on warning (4 findings at warning or above); "
                                         "fail-under 50 (1 of 2 releases below it, the lowest "
                                         "rel/a.txt at 0.0).")
