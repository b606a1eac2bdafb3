"""The HTML report in a real headless Chromium: structured hits, filter, sort, search, pages.

Also checks that nothing from the data runs. With ``SANCTIONSCREEN_WRITE_SCREENSHOT=1``
the example report's screenshot is written to ``docs/report.png``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import HOSTILE_SUPPLIERS as SUPPLIERS
from conftest import StubScreener, make_hit

from sanctionscreen.batch.runner import screen_file
from sanctionscreen.results import Adjustment, Hit, ScreeningResult, UnmatchedWord, WordPair

ROOT = Path(__file__).resolve().parents[2]


class RichStub(StubScreener):
    """The stub's hits with a word alignment and a rule; a second, weaker hit for "Trading"."""

    def screen_one(self, name: str) -> ScreeningResult:
        result = super().screen_one(name)
        hits = list(result.hits)
        if hits and "trading" in name.casefold():
            hits.append(make_hit(name, "heungjin-shipping", "Heungjin Shipping", 0.74))
        return result.model_copy(update={"hits": [self._detailed(h) for h in hits]})

    @staticmethod
    def _detailed(hit: Hit) -> Hit:
        ex = hit.explanation
        pairs = [
            WordPair(query_word=w, listed_word=w, similarity=1.0, weight=0.5, how="same word")
            for w in ex.query.words if w in ex.listed.words
        ]  # fmt: skip
        unmatched = [
            UnmatchedWord(word=w, side="listed", weight=0.2, kind="common")
            for w in ex.listed.words if w not in ex.query.words
        ]  # fmt: skip
        reason = "the country given agrees with the entity's countries"
        rule = Adjustment(rule="country", before=hit.score, after=hit.score, reason=reason)
        score = ex.score.model_copy(update={"adjustments": [rule]})
        update = {"word_pairs": pairs, "unmatched_listed": unmatched, "score": score}
        return hit.model_copy(update={"explanation": ex.model_copy(update=update)})


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def chromium(profile: Path) -> Iterator[Any]:
    """A headless Chromium driven by selenium; a skip (a failure under CI) without one."""
    binary, driver_path = _chromium(), shutil.which("chromedriver")
    if binary is None or driver_path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver must be installed in CI")
        pytest.skip("no chromium/chromedriver found (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1100", f"--user-data-dir={profile}",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    with chromium(tmp_path / "profile") as driver:
        yield driver


def opened(driver: Any, tmp_path: Path, suppliers: str = SUPPLIERS) -> Any:
    """The stub's report of ``suppliers`` open in ``driver``, its script run."""
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(driver, WebDriver)
    source, out = tmp_path / "suppliers.csv", tmp_path / "report.html"
    source.write_text(suppliers, encoding="utf-8")
    screen_file(source, out, screener=RichStub(summary="<b>bold</b>"), format="html",
                country_column="country")  # fmt: skip
    driver.get(out.as_uri())
    assert driver.find_element("css selector", "html").get_attribute("data-ready") == "1"
    return driver


def shown(driver: Any) -> list[str]:
    """Row numbers of the rows on the page, in order."""
    rows = driver.find_elements("css selector", "#rows tbody tr[data-row]")
    return [row.get_attribute("data-row") for row in rows]


def choose(driver: Any, select_id: str, value: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", select_id)).select_by_value(value)


def test_every_flagged_row_shows_its_hits_as_tables(tmp_path: Path, browser: Any) -> None:
    driver = opened(browser, tmp_path)
    flagged = driver.find_elements("css selector", "#rows tr.match[data-row]")
    assert [r.get_attribute("data-row") for r in flagged] == ["2", "3", "7"]
    for row in flagged:
        detail = row.find_element("xpath", "following-sibling::tr[1]")
        assert "detail" in detail.get_attribute("class")
        assert detail.find_elements("css selector", ".hit table.words tbody tr")
        assert detail.find_elements("css selector", ".hit .bar .fill")
        assert "designated by" in detail.text and "US Treasury OFAC" in detail.text
        assert "Rules that acted" in detail.text and "Words with no partner" in detail.text
    blocks = flagged[0].find_elements("xpath", "following-sibling::tr[1]//div[@class='hit match' "
                                      "or @class='hit review']")
    assert [b.find_element("tag name", "h3").text.split(" ", 1)[1][:18] for b in blocks] == [
        "Korea Heungjin Tra", "Heungjin Shipping ",
    ]  # best first  # fmt: skip
    width = driver.execute_script(
        "return document.querySelector('.hit .bar .fill').getBoundingClientRect().width"
    )
    assert width > 10  # the score bar is drawn (its width is set through the CSP)
    details = flagged[0].find_element("xpath", "following-sibling::tr[1]//details")
    details.click()
    assert "match threshold" in details.find_element("tag name", "pre").text


def test_filters_change_the_rows_shown(tmp_path: Path, browser: Any) -> None:
    driver = opened(browser, tmp_path)
    assert shown(driver) == ["2", "3", "7", "6", "4", "5", "8"]  # match, error, clear
    choose(driver, "decision-filter", "error")
    assert shown(driver) == ["6"]
    assert "the name is empty" in driver.find_element("css selector", "#rows tr.error").text
    assert driver.find_element("id", "shown-count").text == "1"
    choose(driver, "decision-filter", "clear")
    assert shown(driver) == ["4", "5", "8"]
    assert not driver.find_elements("css selector", "#rows tr.detail")
    choose(driver, "decision-filter", "all")
    choose(driver, "country-filter", "DE")
    assert shown(driver) == ["8"]
    choose(driver, "country-filter", "KP")  # the supplier's, or a listed entity's
    assert shown(driver) == ["2", "3", "7"]
    choose(driver, "country-filter", "KR")
    assert shown(driver) == ["6", "5"]
    choose(driver, "country-filter", "")
    choose(driver, "list-filter", "test-list")
    assert shown(driver) == ["2", "3", "7"]
    choose(driver, "type-filter", "company")
    assert shown(driver) == ["2", "3", "7"]


def test_sort_and_search(tmp_path: Path, browser: Any) -> None:
    driver = opened(browser, tmp_path)
    choose(driver, "sort", "row")
    assert shown(driver) == ["2", "3", "4", "5", "6", "7", "8"]
    choose(driver, "sort", "score")
    cells = driver.find_elements("css selector", "#rows tr[data-row] td > span.score")
    scores = [float(c.text) for c in cells if c.text]
    assert len(scores) == 3 and scores == sorted(scores, reverse=True)
    assert [c.text for c in cells[3:]] == ["", "", "", ""]  # rows without a score come last
    choose(driver, "sort", "entity")
    assert shown(driver)[:3] == ["7", "2", "3"]  # Dalian before Korea
    search = driver.find_element("id", "search")
    search.send_keys("samsung")
    assert shown(driver) == ["5"]
    search.clear()
    search.send_keys("dalian-tianbao")  # an entity id
    assert shown(driver) == ["7"]


KEPT_SUPPLIERS = (
    "supplier_id,name,city,country,buyer\n"
    "S-1001,Korea Heungjin Trading,Rason,KP,Anna Weber\n"
    "S-1002,Samsung Electronics,Suwon,KR,Ben Okafor\n"
    "S-1003,Siemens AG,,DE\n"
    'S-1004,Acme Trading,"<img src=x onerror=""document.title=1"">",DE,Chen Li\n'
)


def test_kept_columns_are_on_the_page_and_searched(tmp_path: Path, browser: Any) -> None:
    driver = opened(browser, tmp_path, KEPT_SUPPLIERS)
    heads = [th.text for th in driver.find_elements("css selector", "#rows thead th")]
    assert heads[:4] == ["row", "supplier_id", "city", "name"]
    choose(driver, "sort", "row")
    rows = driver.find_elements("css selector", "#rows tbody tr[data-row]")
    kept = [[td.text for td in r.find_elements("css selector", "td.kept")] for r in rows]
    assert kept == [["S-1001", "Rason"], ["S-1002", "Suwon"], ["S-1003", ""],
                    ["S-1004", '<img src=x onerror="document.title=1">']]  # fmt: skip
    assert driver.find_elements("tag name", "img") == [] and driver.title != "1"
    detail = driver.find_element("css selector", "#rows tr.detail td")
    assert detail.get_attribute("colspan") == "9"  # the hits span the kept columns too
    search = driver.find_element("id", "search")
    search.send_keys("suwon")
    assert shown(driver) == ["3"]
    search.clear()
    search.send_keys("s-1003")
    assert shown(driver) == ["4"]


def test_pages_reach_every_row(tmp_path: Path, browser: Any) -> None:
    names = "\n".join(f"Supplier {i},DE" for i in range(230))
    driver = opened(browser, tmp_path, "name,country\n" + names + "\nHeungjin Trading,KP\n")
    assert len(shown(driver)) == 100 and shown(driver)[0] == "232"
    driver.find_element("id", "next").click()
    driver.find_element("id", "next").click()
    assert len(shown(driver)) == 31
    assert "page 3 of 3" in driver.find_element("id", "page-info").text


def test_runs_no_script_from_the_data(tmp_path: Path, browser: Any) -> None:
    driver = opened(browser, tmp_path)
    assert driver.title.startswith("sanctionscreen report")
    assert driver.execute_script("return document.scripts.length") == 2
    assert driver.find_elements("tag name", "img") == []
    assert driver.find_elements("css selector", ".hit b") == []
    names = [c.text for c in driver.find_elements("css selector", "#rows td.name")]
    assert "<script>alert(1)</script> Heungjin" in names
    assert 'Acme "onerror=document.title=1 x="' in names
    assert "<b>bold</b>" in driver.find_element("css selector", ".hit dl").text
    log = driver.get_log("browser")
    refused = [e for e in log if "Content Security Policy" in e["message"]]
    assert refused == []  # the report's own script and style are allowed


def test_the_example_report_renders(tmp_path: Path, browser: Any) -> None:
    from selenium.webdriver.remote.webdriver import WebDriver

    from sanctionscreen import Screener

    assert isinstance(browser, WebDriver)
    out = tmp_path / "report.html"
    screen_file(ROOT / "examples" / "suppliers.csv", out, screener=Screener(), format="html",
                column="supplier_name", country_column="country")  # fmt: skip
    browser.get(out.as_uri())
    flagged = browser.find_elements("css selector", "#rows tr.match[data-row], tr.review[data-row]")
    assert flagged
    for row in flagged:
        detail = row.find_element("xpath", "following-sibling::tr[1]")
        assert detail.find_elements("css selector", ".hit table.words")
    if os.environ.get("SANCTIONSCREEN_WRITE_SCREENSHOT") == "1":
        browser.set_window_size(1400, 1500)
        browser.save_screenshot(str(ROOT / "docs" / "report.png"))
