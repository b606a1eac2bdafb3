"""The HTML report in a real headless Chromium: it renders, filters, runs no script from data."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import StubScreener

from sanctionscreen.batch.html_report import CSP, SCRIPT
from sanctionscreen.batch.runner import screen_file

SUPPLIERS = (
    "id,name,country\n"
    "1,Korea Heungjin Trading,KP\n"
    "2,<script>alert(1)</script> Heungjin,CN\n"
    '3,"<img src=x onerror=""document.title=\'pwned\'"">",CN\n'
    "4,Samsung Electronics,KR\n"
    "5,,KR\n"
    "6,Dalian Tianbao Logistics,CN\n"
)


def report(tmp_path: Path) -> Path:
    source = tmp_path / "suppliers.csv"
    source.write_text(SUPPLIERS, encoding="utf-8")
    out = tmp_path / "report.html"
    screen_file(source, out, screener=StubScreener(), format="html", country_column="country")
    return out


def test_the_report_escapes_data_and_allows_only_its_own_script(tmp_path: Path) -> None:
    text = report(tmp_path).read_text(encoding="utf-8")
    assert text.count("<script>") == 1 and SCRIPT in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img" not in text
    assert f'content="{CSP}"' in text and "script-src 'sha256-" in text
    assert "dprk" not in text  # the stub's list, not another
    assert "sha256:" + "ab" * 32 in text


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    binary, driver_path = _chromium(), shutil.which("chromedriver")
    if binary is None or driver_path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver must be installed in CI")
        pytest.skip("no chromium/chromedriver found (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_renders_filters_and_runs_no_data_script(tmp_path: Path, browser: object) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import Select

    assert isinstance(browser, WebDriver)
    browser.get(report(tmp_path).as_uri())
    assert browser.title.startswith("sanctionscreen report")
    counts = {
        row.find_element(By.TAG_NAME, "th").text: row.find_element(By.TAG_NAME, "td").text
        for row in browser.find_elements(By.CSS_SELECTOR, "#counts tr")
    }
    assert counts == {"match": "3", "review": "0", "clear": "2", "error": "1"}
    rows = browser.find_elements(By.CSS_SELECTOR, "#flagged tbody tr")
    assert len(rows) == 4
    assert browser.find_element(By.ID, "shown-count").text == "4"  # the report's script ran
    names = [row.find_elements(By.TAG_NAME, "td")[1].text for row in rows]
    assert "<script>alert(1)</script> Heungjin" in names  # shown as text

    Select(browser.find_element(By.ID, "decision-filter")).select_by_value("error")
    visible = [r for r in rows if r.is_displayed()]
    assert [r.find_elements(By.TAG_NAME, "td")[0].text for r in visible] == ["6"]
    assert browser.find_element(By.ID, "shown-count").text == "1"
    Select(browser.find_element(By.ID, "decision-filter")).select_by_value("match")
    assert len([r for r in rows if r.is_displayed()]) == 3

    # No script from the data ran: no alert is open, the title is untouched, and
    # the only script element is the report's own.
    assert browser.execute_script("return document.scripts.length") == 1
    assert not re.search("pwned", browser.title)
    assert browser.find_elements(By.TAG_NAME, "img") == []
    explanation = browser.find_element(By.CSS_SELECTOR, "#flagged pre").text
    assert "match threshold" in explanation
    lists = browser.find_element(By.ID, "lists").text
    assert "test-list" in lists and "2024-05-01" in lists


def test_only_flagged_rows_are_kept_up_to_a_limit(tmp_path: Path) -> None:
    from sanctionscreen.batch.audit import RunSummary
    from sanctionscreen.batch.html_report import HtmlWriter
    from sanctionscreen.batch.readers import open_input
    from sanctionscreen.batch.runner import _outcomes

    source = tmp_path / "many.csv"
    names = [f"Clear Supplier {i}" if i % 10 else f"Heungjin {i}" for i in range(5000)]
    source.write_text("name\n" + "\n".join(names) + "\n", "utf-8")
    out = io.StringIO()
    writer = HtmlWriter(out, max_rows=100)
    writer.start({"input": {"file": "many.csv"}})
    summary = RunSummary()
    with open_input(source) as given:
        for outcome in _outcomes(given.rows(), StubScreener(), None, workers=1, batch_size=500):
            writer.write(outcome)
            summary.add(outcome)
    writer.finish(summary)
    html = out.getvalue()
    assert html.count('data-decision="match"') == 100
    assert 'data-decision="clear"' not in html
    assert "400 more flagged rows are not shown" in html
