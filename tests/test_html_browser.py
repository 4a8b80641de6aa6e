"""The HTML report as an editor sees it: opened in a real headless Chromium (Debian's
`chromium` package, driven over the DevTools protocol by tests/chromium_pipe.py, standard
library only). Every finding's span is highlighted with exactly the finding's text, the
filters hide and show marks when clicked with the mouse, clicking a mark opens its card,
the page raises no script error, and a screenshot is saved under the test's tmp_path
(and copied to $RELEASE_QA_SCREENSHOTS when that is set).

Skipped when Chromium is not installed, unless RELEASE_QA_REQUIRE_BROWSER=1 (CI): then failed.
"""
from __future__ import annotations

import json
import os
import shutil

import pytest

from qa.formatters import render
from qa.report import Report
from qa.runner import Overrides, Runner
from tests import formatter_cases as fc
from tests.chromium_pipe import Chromium, require_chromium
from tests.helpers import SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    binary = require_chromium()
    chrome = Chromium(binary, str(tmp_path_factory.mktemp("chromium-profile")))
    yield chrome
    chrome.close()


def seed_and_sample() -> Report:
    """The seed checked with every default rule, plus a release with nested, crossing,
    suppressed, CJK and CRLF findings (test-only rules)."""
    seed = Runner(Overrides(), isolated=True).run([SEED])
    extra = fc.report(("rel/overlaps.txt", fc.SAMPLE + fc.CJK + fc.SUPPRESSED.replace("\n", "\r\n")))
    return Report(seed.files + extra.files, {**seed.rules, **extra.rules}, seed.fail_on, seed.tool_version)


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    report = seed_and_sample()
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render("html", report), encoding="utf-8")
    browser.open(path.as_uri())
    return browser, report, path.as_uri()


MARKS = """(() => {
  const out = {};
  for (const m of document.querySelectorAll('mark.m')) {
    const bg = getComputedStyle(m).backgroundColor;
    const o = out[m.dataset.f] || (out[m.dataset.f] = {text: '', highlighted: false, off: false});
    o.text += m.textContent;
    o.off = o.off || m.classList.contains('off');
    if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') o.highlighted = true;
  }
  return out;
})()"""
ROWS = "[...document.querySelectorAll('tr[data-f]')].map(r => [r.dataset.f, getComputedStyle(r).display])"


def findings_by_id(report: Report) -> dict:
    return {f"f{i}-{k}": f for i, fr in enumerate(report.files) for k, f in enumerate(fr.findings)}


def visible(report: Report) -> dict:
    return {k: f for k, f in findings_by_id(report).items() if not f.suppressed and f.text}


def test_every_finding_is_highlighted_with_its_exact_text(page):
    chrome, report, _ = page
    marks = chrome.js(MARKS)
    expected = findings_by_id(report)
    assert len(visible(report)) >= 8
    assert set(marks) == set(expected)
    for fid, f in expected.items():
        assert marks[fid]["text"] == f.text, (fid, f.rule, f.line)
        if f.suppressed:
            assert marks[fid]["off"] and not marks[fid]["highlighted"], fid
        elif f.text:
            assert marks[fid]["highlighted"] and not marks[fid]["off"], (fid, f.rule)


def test_category_and_severity_filters_hide_and_show_marks(page):
    chrome, report, url = page
    expected = visible(report)
    counts: dict[str, int] = {}
    for f in expected.values():
        counts[f.category] = counts.get(f.category, 0) + 1
    cat = max(sorted(counts), key=counts.get)
    chrome.click(f'input[data-cat="{cat}"]')
    marks, rows = chrome.js(MARKS), dict(chrome.js(ROWS))
    for fid, f in expected.items():
        hidden = f.category == cat
        assert marks[fid]["off"] == hidden and marks[fid]["highlighted"] != hidden, (fid, f.category)
        assert (rows[fid] == "none") == hidden, fid
    chrome.click(f'input[data-cat="{cat}"]')
    assert any(f.severity == "info" for f in expected.values())
    chrome.click('input[data-sev="info"]')
    marks = chrome.js(MARKS)
    for fid, f in expected.items():
        assert marks[fid]["off"] == (f.severity == "info"), fid
    chrome.click('input[data-sup="1"]')
    marks = chrome.js(MARKS)
    suppressed = [k for k, f in findings_by_id(report).items() if f.suppressed]
    assert suppressed and all(marks[k]["highlighted"] for k in suppressed)
    chrome.open(url)                    # back to the default view


def test_clicking_a_mark_opens_its_card_and_escape_closes_it(page):
    chrome, report, _ = page
    fid, f = next(iter(visible(report).items()))
    chrome.click(f'mark[data-f="{fid}"]')
    card = chrome.js("(() => { const c = document.getElementById('card'); "
                     "return [c.hidden, c.innerText]; })()")
    assert card[0] is False
    assert " ".join(f.message.split()) in " ".join(card[1].split())
    chrome.key("Escape")
    assert chrome.js("document.getElementById('card').hidden") is True


def test_clicking_a_list_row_jumps_to_the_mark(page):
    chrome, report, _ = page
    fid = list(visible(report))[-1]
    chrome.click(f'tr[data-f="{fid}"] td.pos')
    inside = chrome.js(f"""(() => {{
        const r = document.querySelector('mark[data-f={json.dumps(fid)}]').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
    }})()""")
    assert inside
    assert chrome.js("document.getElementById('card').hidden") is False
    chrome.key("Escape")


def test_no_script_errors_and_a_screenshot(page, tmp_path):
    chrome, _, url = page
    chrome.open(url)
    assert chrome.errors() == []
    shot = tmp_path / "report.png"
    chrome.screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    keep = os.environ.get("RELEASE_QA_SCREENSHOTS")
    if keep:
        os.makedirs(keep, exist_ok=True)
        shutil.copy(shot, os.path.join(keep, "html-report.png"))
