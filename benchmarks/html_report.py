"""How long a large HTML report takes to first render in headless Chromium.

Run after ``pip install -e '.[dev]'`` with Debian's chromium and chromium-driver::

    .venv/bin/python benchmarks/html_report.py [--rows 100000]

For 2% and for 100% flagged rows it prints the file size, the time from navigation to
the report's first page of rows (the ``report-rendered`` performance mark its script
sets) and the time of three changes in a row (filter to clear, sort by score, search);
the figures are in ``docs/batch-screening.md``.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from sanctionscreen import Screener
from sanctionscreen.batch.runner import screen_file

ROOT = Path(__file__).resolve().parents[1]
WORDS = "acme blue river north star green valley bright coastal pacific metro united".split()
FORMS = ("Co. Ltd.", "GmbH", "Inc.", "LLC", "S.A.", "Pte Ltd")
TIMED_CHANGES = """
var start = performance.now();
function change(id, value) {
  var node = document.getElementById(id);
  node.value = value;
  node.dispatchEvent(new Event(id === "search" ? "input" : "change"));
}
change("decision-filter", "clear"); change("sort", "score"); change("search", "pacific");
return performance.now() - start;
"""


def suppliers(path: Path, rows: int, flagged_every: int) -> None:
    """``rows`` made-up clean names, with a name of the example file every ``flagged_every``."""
    with (ROOT / "examples" / "suppliers.csv").open(encoding="utf-8") as given:
        listed = [(r["supplier_name"], r["country"]) for r in csv.DictReader(given)]
    pick = random.Random(19)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["name", "country"])
        for i in range(rows):
            if i % flagged_every == 0:
                writer.writerow(listed[(i // flagged_every) % len(listed)])
            else:
                words = " ".join(pick.sample(WORDS, 2)).title()
                writer.writerow([f"{words} {i} {pick.choice(FORMS)}", pick.choice("CN DE US KR")])


def measure(folder: Path, rows: int, flagged_every: int, driver: webdriver.Chrome) -> str:
    source, out = folder / f"suppliers-{flagged_every}.csv", folder / f"report-{flagged_every}.html"
    suppliers(source, rows, flagged_every)
    summary = screen_file(source, out, screener=Screener(), format="html",
                          country_column="country", progress=False)
    driver.get(out.as_uri())
    rendered = driver.execute_script(
        "return performance.getEntriesByName('report-rendered')[0].startTime")
    changes = driver.execute_script(TIMED_CHANGES)
    return (f"{rows:,} rows ({summary.text().splitlines()[0]}): "
            f"{out.stat().st_size / 1e6:.1f} MB, first render {rendered / 1000:.2f} s, "
            f"filter to clear, sort by score, search: {changes / 1000:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        parser.error("needs chromium and chromedriver (apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory() as scratch:
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1100",
                     f"--user-data-dir={scratch}/profile"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        try:
            for flagged_every in (50, 1):
                print(measure(Path(scratch), args.rows, flagged_every, driver), flush=True)
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
