"""The HTML report of a bilingual check in headless Chromium (as tests/test_html_browser.py):
the Chinese original beside the English, both spans of a finding highlighted with exactly
their text, a click on either opening the finding's card and outlining the other, a list row
bringing the source span into view in its own pane, filters hiding both sides, an XLIFF file
marked in one view, and an English-only release beside them unchanged. Skipped without
Chromium unless RELEASE_QA_REQUIRE_BROWSER=1."""
from __future__ import annotations

import os
import shutil

import pytest

from qa.formatters import render
from qa.runner import Overrides, Runner
from tests.chromium_pipe import Chromium, require_chromium
from tests.test_bilingual_pairing import EN, XLIFF, write
from tests.test_bilingual_stub import _with_stub

pytestmark = pytest.mark.slow

# the amount far down the original, so that its pane must scroll to show it
ZH_LONG = "阿克米工厂开业\n\n" + "阿克米介绍了工厂的情况。\n\n" * 60 \
    + "阿克米表示，将向该工厂投资3842亿元。\n"

SOURCE_MARKS = """(() => {
  const out = {};
  for (const m of document.querySelectorAll('mark.src')) {
    const bg = getComputedStyle(m).backgroundColor;
    const o = out[m.dataset.f] || (out[m.dataset.f] = {text: '', highlighted: false});
    o.text += m.textContent;
    if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') o.highlighted = true;
  }
  return out;
})()"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    binary = require_chromium()
    folder = tmp_path_factory.mktemp("bilingual")
    here = os.getcwd()
    os.chdir(folder)
    mp = pytest.MonkeyPatch()
    mp.setattr("qa.runner.build_ruleset", _with_stub)
    try:
        write("bi/a.txt", EN.replace("said", "said，"))
        write("bi/a.zh.txt", ZH_LONG)
        write("en/b.txt", "Acme opens，today.\n")
        write("x/c.xlf", XLIFF)
        report = Runner(Overrides(select=("ZZ91", "PU")), isolated=True).run(["bi", "en", "x/c.xlf"])
    finally:
        mp.undo()
        os.chdir(here)
    path = folder / "report.html"
    path.write_text(render("html", report), encoding="utf-8")
    chrome = Chromium(binary, str(tmp_path_factory.mktemp("chromium-profile")))
    chrome.open(path.as_uri())
    yield chrome, report, path.as_uri()
    chrome.close()


def sourced(report):
    """{source mark id: finding} of every finding with a source span."""
    return {f"s{i}-{k}": f for i, fr in enumerate(report.files) for k, f in enumerate(fr.findings)
            if f.source is not None}


def test_both_spans_are_highlighted_with_their_exact_text(page):
    chrome, report, _ = page
    expected = sourced(report)
    assert len(expected) == 2                      # the text pair and the XLIFF file
    marks = chrome.js(SOURCE_MARKS)
    assert set(marks) == set(expected)
    for sid, f in expected.items():
        assert marks[sid] == {"text": f.source.text, "highlighted": True}, sid
    english = chrome.js("[...document.querySelectorAll('mark.m')].map(m => [m.dataset.f, m.textContent])")
    fids = {"f" + sid[1:] for sid in expected}
    assert {fid for fid, _ in english} >= fids
    assert chrome.js("document.querySelectorAll('.pair').length") == 1   # the XLIFF has one view
    assert chrome.js("document.querySelectorAll('.pair .zh .row').length") == ZH_LONG.count("\n")


def test_clicking_the_source_span_opens_the_card_and_outlines_both(page):
    chrome, report, url = page
    sid, f = next(iter(sourced(report).items()))
    chrome.click(f'mark.src[data-f="{sid}"]')
    card = chrome.js("(() => { const c = document.getElementById('card'); return [c.hidden, c.innerText]; })()")
    assert card[0] is False and f.message in card[1] and "3842亿" in card[1]
    outlined = chrome.js("[...document.querySelectorAll('mark.pairon')].map(m => m.dataset.f)")
    assert sorted(outlined) == sorted([sid, "f" + sid[1:]])
    chrome.key("Escape")
    assert chrome.js("document.querySelectorAll('mark.pairon').length") == 0
    chrome.open(url)


def test_a_list_row_brings_the_source_span_into_its_pane(page):
    chrome, report, url = page
    sid, _ = next(iter(sourced(report).items()))
    visible = f"""(() => {{
        const m = document.querySelector('mark.src[data-f="{sid}"]');
        const pane = m.closest('.text').getBoundingClientRect(), r = m.getBoundingClientRect();
        return r.top >= pane.top && r.bottom <= pane.bottom;
    }})()"""
    assert chrome.js(visible) is False             # far down its pane at first
    chrome.click(f'tr[data-f="f{sid[1:]}"] td.pos')
    assert chrome.js(visible) is True
    chrome.key("Escape")
    chrome.open(url)


def test_filters_hide_both_sides(page):
    chrome, report, url = page
    chrome.click('input[data-cat="accuracy"]')
    marks = chrome.js(SOURCE_MARKS)
    assert all(not m["highlighted"] for m in marks.values())
    off = chrome.js("[...document.querySelectorAll('mark.src')].every(m => m.classList.contains('off'))")
    assert off is True
    chrome.click('input[data-cat="accuracy"]')
    assert all(m["highlighted"] for m in chrome.js(SOURCE_MARKS).values())
    chrome.open(url)


def test_no_script_errors_and_a_screenshot(page, tmp_path):
    chrome, _, url = page
    chrome.open(url)
    chrome.click('tr[data-f="f0-1"] td.pos') if chrome.js("!!document.querySelector('tr[data-f=\"f0-1\"]')") \
        else None
    assert chrome.errors() == []
    shot = tmp_path / "bilingual.png"
    chrome.screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    keep = os.environ.get("RELEASE_QA_SCREENSHOTS")
    if keep:
        os.makedirs(keep, exist_ok=True)
        shutil.copy(shot, os.path.join(keep, "html-report-bilingual.png"))
