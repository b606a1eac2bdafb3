"""The HTML report as written: every row in its data, escaped, audit facts, a bounded detail."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from conftest import HOSTILE_SUPPLIERS as SUPPLIERS
from conftest import LIST, StubScreener, report_data

from sanctionscreen.batch.audit import RunSummary
from sanctionscreen.batch.html_report import HtmlWriter, asset, csp, csp_hash
from sanctionscreen.batch.readers import open_input
from sanctionscreen.batch.runner import _outcomes, screen_file


def report(tmp_path: Path, suppliers: str = SUPPLIERS, **stub: Any) -> Path:
    source = tmp_path / "suppliers.csv"
    source.write_text(suppliers, encoding="utf-8")
    out = tmp_path / "report.html"
    screen_file(source, out, screener=StubScreener(**stub), format="html", country_column="country")
    return out


def test_the_report_escapes_data_and_allows_only_its_own_script(tmp_path: Path) -> None:
    page = report(tmp_path, summary="<b onmouseover=x>").read_text(encoding="utf-8")
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script type="application/json" id="report-data">', "<script>"]
    assert f"<script>{asset('report.js')}</script>" in page
    block = page.split('id="report-data">', 1)[1].split("</script>", 1)[0]
    assert not set("<>&") & set(block)  # nothing in the data can close or open an element
    assert "<img" not in page and "<b onmouseover" not in page
    assert f'content="{csp()}"' in page and csp_hash(asset("report.js")) in page
    assert csp_hash(asset("report.css")) in page and "default-src 'none'" in page
    names = [row[3] for row in report_data(page)["rows"]]
    assert "<script>alert(1)</script> Heungjin" in names
    assert 'Acme "onerror=document.title=1 x="' in names
    assert "dprk" not in page  # the stub's list, not another


def test_every_row_is_in_the_data_with_its_decision(tmp_path: Path) -> None:
    rows = report_data(report(tmp_path).read_text("utf-8"))["rows"]
    assert [(r[0], r[1]) for r in rows] == [
        (2, "match"), (3, "match"), (4, "clear"), (5, "clear"),
        (6, "error"), (7, "match"), (8, "clear"),
    ]  # fmt: skip
    error = rows[4]
    assert error[5] == "the name is empty" and error[6] == []
    clear = rows[2]
    assert clear[6] == [] and clear[7] == []  # clear rows stay compact


def test_a_flagged_row_carries_its_hit_in_full(tmp_path: Path) -> None:
    rows = report_data(report(tmp_path).read_text("utf-8"))["rows"]
    hit = rows[0][6][0]
    assert hit["name"] == "Korea Heungjin Trading Company" and hit["list"] == LIST.id
    assert hit["risk"]["designations"] == [["US Treasury OFAC", "DPRK", "", ""]]
    assert hit["thresholds"] == [0.7, 0.85] and hit["score"] == 0.91
    assert "match threshold" in hit["decided_by"] and "match threshold" in hit["text"]


def test_audit_facts_and_counts_are_on_the_page(tmp_path: Path) -> None:
    page = report(tmp_path).read_text("utf-8")
    run = page.split('<table id="run">', 1)[1].split("</table>", 1)[0]
    for fact in ("library", "input sha256", "settings hash", "settings.thresholds.match",
                 "started", "ended", "duration", "suppliers.csv"):  # fmt: skip
        assert fact in run
    assert re.search(r"input sha256</th><td>sha256:[0-9a-f]{64}<", run)
    lists = page.split('<table id="lists">', 1)[1].split("</table>", 1)[0]
    assert "test-list" in lists and "2024-05-01" in lists and "sha256:" + "ab" * 32 in lists
    assert '<tr class="match"><th>match</th><td>3</td>' in page
    assert "<tr><th>test-list</th><td>3</td><td>0</td><td>0</td></tr>" in page


def _write(names: list[str], **writer: Any) -> str:
    out = io.StringIO()
    html = HtmlWriter(out, **writer)
    html.start({"input": {"file": "many.csv"}})
    summary = RunSummary()
    source = io.BytesIO(("name\n" + "\n".join(names) + "\n").encode())
    with open_input("-", stdin=source, input_format="csv") as given:
        for outcome in _outcomes(given.rows(), StubScreener(), None, workers=1, batch_size=500):
            html.write(outcome)
            summary.add(outcome)
    html.finish(summary)
    return out.getvalue()


def test_past_the_detail_limit_flagged_rows_keep_entity_and_score() -> None:
    names = [f"Clear Supplier {i}" if i % 10 else f"Heungjin {i}" for i in range(5000)]
    page = _write(names, max_detailed=100)
    rows = report_data(page)["rows"]
    assert len(rows) == 5000
    hits = [r[6][0] for r in rows if r[6]]
    assert len(hits) == 500 and sum("brief" in h for h in hits) == 400
    assert "text" not in hits[-1] and hits[-1]["name"] == "Korea Heungjin Trading Company"
    assert "400 flagged rows after the first 100" in page


def test_without_its_script_the_page_says_why_no_rows_show(tmp_path: Path) -> None:
    # Where a viewer blocks scripts by policy, <noscript> is not shown either: the
    # table itself says the rows need the script, instead of an empty "0 rows".
    page = report(tmp_path).read_text(encoding="utf-8")
    body = page.split('<table id="rows">', 1)[1].split("</table>", 1)[0]
    assert "which did not run here" in body and "JSON lines or CSV" in body
    assert '<b id="shown-count">0</b>' not in page
    assert "Clear rows carry no hit" in page
