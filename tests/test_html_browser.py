"""The HTML report as an editor sees it: opened in a real headless Chromium (Debian's
chromium + chromium-driver, driven by selenium). Every finding's span is highlighted with
exactly the finding's text, the filters hide and show marks, clicking a mark opens its card,
the script raises no error, and a screenshot is saved under the test's tmp_path.

Skipped when no browser is installed, unless RELEASE_QA_REQUIRE_BROWSER=1 (CI), then failed.
"""
from __future__ import annotations

import os
import shutil

import pytest

from qa.formatters import render
from qa.report import Report
from qa.runner import Overrides, Runner
from tests import formatter_cases as fc
from tests.helpers import SEED

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--window-size=1366,900")


def _missing() -> str:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        return "no chromium/chromedriver (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    return ""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    why = _missing()
    if why:
        if os.environ.get("RELEASE_QA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"RELEASE_QA_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS + (f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def seed_and_sample() -> Report:
    """The seed checked with every default rule, plus a release with nested, crossing,
    suppressed, CJK and CRLF findings (test-only rules)."""
    seed = Runner(Overrides(), isolated=True).run([SEED])
    extra = fc.report(("rel/overlaps.txt", fc.SAMPLE + fc.CJK + fc.SUPPRESSED.replace("\n", "\r\n")))
    return Report(seed.files + extra.files, {**seed.rules, **extra.rules}, seed.fail_on, seed.tool_version)


@pytest.fixture(scope="module")
def opened(browser, tmp_path_factory):
    report = seed_and_sample()
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render("html", report), encoding="utf-8")
    browser.get(path.as_uri())
    return browser, report, path


JS_MARKS = """
const out = {};
for (const m of document.querySelectorAll('mark.m')) {
  const id = m.dataset.f;
  const bg = getComputedStyle(m).backgroundColor;
  const o = out[id] || (out[id] = {text: '', highlighted: false, off: m.classList.contains('off')});
  out[id].text += m.textContent;
  if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { o.highlighted = true; }
}
return out;
"""


def findings_by_id(report: Report) -> dict:
    return {f"f{i}-{k}": f for i, fr in enumerate(report.files) for k, f in enumerate(fr.findings)}


def test_every_finding_is_highlighted_with_its_exact_text(opened):
    driver, report, _ = opened
    marks = driver.execute_script(JS_MARKS)
    expected = findings_by_id(report)
    assert sum(1 for f in expected.values() if not f.suppressed) >= 8
    assert set(marks) == set(expected)
    for fid, f in expected.items():
        assert marks[fid]["text"] == f.text, (fid, f.rule, f.line)
        if f.suppressed:
            assert marks[fid]["off"] and not marks[fid]["highlighted"], fid
        elif f.text:
            assert marks[fid]["highlighted"] and not marks[fid]["off"], (fid, f.rule)


def _toggle(driver, selector: str) -> None:
    box = driver.find_element("css selector", selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()


def _state(driver) -> dict:
    return driver.execute_script(JS_MARKS)


def test_filters_hide_and_show_marks(opened):
    driver, report, _ = opened
    expected = {k: f for k, f in findings_by_id(report).items() if not f.suppressed and f.text}
    categories = sorted({f.category for f in expected.values()},
                        key=lambda c: -sum(f.category == c for f in expected.values()))
    cat = categories[0]
    _toggle(driver, f'input[data-cat="{cat}"]')
    state = _state(driver)
    for fid, f in expected.items():
        hidden = f.category == cat
        assert state[fid]["off"] == hidden and state[fid]["highlighted"] != hidden, (fid, f.category)
    rows = driver.execute_script(
        "return [...document.querySelectorAll('tr[data-f]')].map(r => [r.dataset.f, getComputedStyle(r).display]);")
    for fid, display in rows:
        if fid in expected:
            assert (display == "none") == (expected[fid].category == cat), fid
    _toggle(driver, f'input[data-cat="{cat}"]')
    assert any(f.severity == "info" for f in expected.values())
    _toggle(driver, 'input[data-sev="info"]')
    state = _state(driver)
    for fid, f in expected.items():
        assert state[fid]["off"] == (f.severity == "info"), fid
    _toggle(driver, 'input[data-sup="1"]')
    state = _state(driver)
    sup = [k for k, f in findings_by_id(report).items() if f.suppressed]
    assert sup and all(not state[k]["off"] for k in sup)
    driver.get(driver.current_url)      # back to the default view for the other tests


def test_clicking_a_mark_opens_its_card(opened):
    driver, report, _ = opened
    fid, f = next((k, f) for k, f in findings_by_id(report).items() if not f.suppressed and f.text)
    mark = driver.find_element("css selector", f'mark[data-f="{fid}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    card = driver.find_element("id", "card")
    assert card.is_displayed()
    assert " ".join(f.message.split()) in " ".join(card.text.split())
    driver.execute_script("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))")
    assert not card.is_displayed()


def test_no_script_errors_and_a_screenshot(opened, tmp_path):
    driver, _, _ = opened
    driver.get(driver.current_url)
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []
    shot = tmp_path / "report.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("RELEASE_QA_SCREENSHOTS")
    if keep:
        os.makedirs(keep, exist_ok=True)
        shutil.copy(shot, os.path.join(keep, "html-report.png"))
