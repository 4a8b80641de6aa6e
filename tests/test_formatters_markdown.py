"""The markdown format: a pull-request report for $GITHUB_STEP_SUMMARY or a PR comment."""
from __future__ import annotations

import re

from qa.formatters import markdown, render
from qa.formatters.shared import md_escape
from tests import formatter_cases as fc


def test_exact_output_for_a_small_report():
    assert render("markdown", fc.report(("rel/crlf.txt", fc.CRLF))) == """\
## release-qa report

\u274c 2 findings (1 error, 1 warning) in 1 release.

### Findings by category

| Category | Errors | Warnings | Info | Total |
|---|---:|---:|---:|---:|
| name-consistency | 0 | 1 | 0 | 1 |
| terminology | 1 | 0 | 0 | 1 |
| **All** | **1** | **1** | **0** | **2** |

### Releases

| Release | Score | Words | Errors | Warnings | Info |
|---|---|---:|---:|---:|---:|
| `rel/crlf.txt` | \u274c 0.0 (below 90) | 9 | 1 | 1 | 0 |

### Findings

<details open>
<summary><b>rel/crlf.txt</b>: 2 findings, score 0.0</summary>

| Line | Rule | Message | Excerpt | Write instead |
|---:|---|---|---|---|
| 3:1 | \u26a0\ufe0f `FX02` fx-mixed-names | 'Acme Corp' and 'Acme Group' (line 1) name the same thing: use one name, 'Acme Group'<br><sub>see line 1 `Acme Group`</sub> | <b>Acme Corp</b> said Peking is ready. | Acme Group |
| 3:16 | \u274c `FX01` fx-swap | Write 'Beijing' instead of 'Peking' | Acme Corp said <b>Peking</b> is ready. | Beijing |

</details>
"""


def test_markup_in_messages_is_escaped():
    out = render("markdown", fc.sample())
    row = [ln for ln in out.splitlines() if "FX04" in ln and ln.startswith("|")][0]
    assert "100% wrong: \\<script\\>alert('x')\\</script\\> \\& \"Peking smart\" \\| a,b: c<br>second line" in row
    assert "<script>" not in out
    cells = re.split(r"(?<!\\)\|", row)
    assert len(cells) == 7           # five cells: the pipe in the message does not split the row


def test_md_escape():
    assert md_escape("a*b_c`d[e](f)<g>|h&i#j!k~l\\m") == \
        "a\\*b\\_c\\`d\\[e\\](f)\\<g\\>\\|h\\&i\\#j\\!k\\~l\\\\m"
    assert md_escape("one\r\ntwo\nthree", "<br>") == "one<br>two<br>three"


def test_scores_and_totals_for_several_releases():
    out = render("markdown", fc.report(("rel/a.txt", fc.SAMPLE), ("rel/clean.txt", fc.CLEAN)))
    assert "| `rel/a.txt` | \u274c 0.0 (below 90) | 18 | 2 | 2 | 2 |" in out
    assert "| `rel/clean.txt` | \u2705 100.0 (pass 90) | 7 | 0 | 0 | 0 |" in out
    assert "| **All** | **2** | **2** | **2** | **6** |" in out
    assert "rel/clean.txt</b>" not in out          # no findings section for a clean release


def test_no_findings():
    out = render("markdown", fc.report(("rel/clean.txt", fc.CLEAN)))
    assert "\u2705 No findings in 1 release." in out
    assert "### Findings" not in out
    assert render("markdown", fc.report()).startswith("## release-qa report\n\n\u2705 No findings in 0 releases.")


def test_fatal_and_rule_errors_are_listed_as_problems():
    out = render("markdown", fc.with_fatal())
    assert "| `rel/broken.txt` | \u274c not checked | \u2013 | \u2013 | \u2013 | \u2013 |" in out
    assert "### Problems\n\n- `rel/broken.txt`: cannot decode as utf-8 at byte 3\n" in out
    out = render("markdown", fc.with_rule_error())
    assert "- `rel/a.txt`: rule FX09 (fx-broken) failed: ValueError: 50% \\<bad\\> input line 2" in out
    assert "(1 release with errors, see Problems)" in out


def test_suppressed_findings_are_counted_not_listed():
    out = render("markdown", fc.report(("rel/s.txt", fc.SUPPRESSED)))
    assert "\u2705 No findings in 1 release (1 suppressed in the text)." in out
    assert "FX01" not in out


def test_cjk_excerpt():
    out = render("markdown", fc.report(("rel/cjk.txt", fc.CJK)))
    assert "| 1:18 | \u274c `FX01` fx-swap | Write 'Beijing' instead of 'Peking' | " \
           "\u5317\u4eac\u7684 Acme Group \u5728 <b>Peking</b> \u5f00\u4e1a\u3002 | Beijing |" in out


def test_long_lists_are_collapsed():
    text = "".join(f"Line {i} names Peking.\n" for i in range(11))
    assert "<details>\n<summary><b>rel/many.txt</b>: 11 findings" in render("markdown", fc.report(("rel/many.txt", text)))
    text = "".join(f"Line {i} names Peking.\n" for i in range(10))
    assert "<details open>\n<summary><b>rel/ten.txt</b>: 10 findings" in render("markdown", fc.report(("rel/ten.txt", text)))


def test_output_stays_under_the_summary_limit():
    text = "".join(f"Line {i} of the plan names Peking and Acme Corp beside Acme Group.\n" for i in range(3000))
    rep = fc.report(("rel/big.txt", text))
    total = len(rep.files[0].active)
    out = render("markdown", rep)
    assert len(out.encode("utf-8")) <= 1024 * 1024
    shown = sum(1 for ln in out.splitlines() if re.match(r"\| \d+:\d+ \|", ln))
    note = re.search(r"summary limit: (\d+) findings not shown", out)
    assert note and shown + int(note.group(1)) == total and shown > 1000
    assert out.rstrip().endswith("The JSON, SARIF or HTML output has them all.")
    assert "</details>" in out


def test_small_budget_cuts_table_rows_too(monkeypatch):
    monkeypatch.setattr(markdown, "MAX_BYTES", 3000)
    files = [(f"rel/r{i}.txt", fc.SAMPLE) for i in range(40)]
    out = render("markdown", fc.report(*files))
    assert len(out.encode("utf-8")) <= 3000
    assert re.search(r"summary limit: 240 findings and \d+ table rows not shown", out)


def test_paths_in_the_html_summary_use_html_escapes():
    out = render("markdown", fc.report(("rel/a_<b>.txt", fc.CJK)))
    assert "<summary><b>rel/a_&lt;b&gt;.txt</b>: 1 finding, score 0.0</summary>" in out
    assert "| `rel/a_<b>.txt` |" in out
