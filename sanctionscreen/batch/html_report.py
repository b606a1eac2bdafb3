"""A self-contained HTML report for a reviewer: counts, every row, hits explained, audit facts.

Every row is in the report, as compact JSON in a data block (``html_rows``) that
the report's own script (``sanctionscreen/data/report.js``) filters, sorts,
searches and renders a page at a time, so a 100,000-row file opens quickly.
Flagged rows carry their hits in full, up to ``max_detailed`` rows; later ones
keep the entity and score only. Rows are spooled to a temporary file while the
run goes, so memory stays bounded. The fixed tables (counts, lists, run facts)
are written as escaped HTML (``html_audit``). A Content-Security-Policy meta
allows exactly the report's script and style sheet by their sha256 hashes; the
JSON block is data, never run, and holds no ``<``, ``>`` or ``&``. The kept input
columns (``--keep-column``, else the id and city) get a column each in the rows
table, and the search box searches them.
"""

from __future__ import annotations

import base64
import collections
import functools
import hashlib
import shutil
import tempfile
from importlib import resources
from typing import Any, TextIO

from sanctionscreen.batch.audit import RunSummary
from sanctionscreen.batch.html_audit import (
    decision_counts,
    esc,
    list_counts,
    lists_table,
    run_table,
)
from sanctionscreen.batch.html_rows import row_record, script_json, shown_hits, text
from sanctionscreen.batch.outcome import ScreenedRow
from sanctionscreen.settings import DEFAULT_MATCH, DEFAULT_REVIEW

MAX_DETAILED = 20_000  # rows whose hits keep their full explanations
_SPOOL_BYTES = 16 * 1024 * 1024


@functools.cache
def asset(name: str) -> str:
    """The text of a report asset in ``sanctionscreen/data`` (``report.js``, ``report.css``)."""
    return (resources.files("sanctionscreen") / "data" / name).read_text("utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly ``text`` as an inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def csp() -> str:
    """The report's Content-Security-Policy: its own script and style, nothing else."""
    return (
        "default-src 'none'; "
        f"script-src {csp_hash(asset('report.js'))}; style-src {csp_hash(asset('report.css'))}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


_CONTROLS = """<div class="controls">
<label>Decision <select id="decision-filter"><option value="all">all</option>
<option value="flagged">match and review</option><option value="match">match</option>
<option value="review">review</option><option value="error">error</option>
<option value="clear">clear</option></select></label>
<label>List <select id="list-filter"><option value="">any</option></select></label>
<label>Entity type <select id="type-filter"><option value="">any</option></select></label>
<label>Country <select id="country-filter" title="the supplier's or the listed entity's">
<option value="">any</option></select></label>
<label>Search <input type="search" id="search" placeholder="name, row, entity, list{kept}">
</label>
<label>Sort by <select id="sort"><option value="decision">decision, then score</option>
<option value="score">score, highest first</option><option value="list">list</option>
<option value="entity">listed entity</option><option value="row">row (input order)</option>
</select></label>
<span><b id="shown-count">no</b> rows shown</span>
<span class="pager"><button type="button" id="prev">previous</button><span id="page-info">
</span><button type="button" id="next">next</button></span>
</div>
<noscript><p>This report needs its own script to show the rows.</p></noscript>
<table id="rows"><thead><tr><th>row</th>{kept_heads}<th>name</th><th>country</th>
<th>decision</th><th>score</th><th>best hit (list)</th><th>note</th></tr></thead><tbody><tr>
<td colspan="{width}">The rows are shown by the report's own script, which did not run here
(scripts blocked or turned off): open the file in a browser that runs it, or read the
JSON lines or CSV report of the same run.</td></tr></tbody></table>
"""


class HtmlWriter:
    """Spools every row as JSON and counts per list; writes the whole report when the run ends."""

    def __init__(self, stream: TextIO, *, max_detailed: int = MAX_DETAILED) -> None:
        self._stream = stream
        self._max_detailed = max_detailed
        self._detailed = 0
        self._brief = 0
        self._header: dict[str, Any] = {}
        self._kept: list[str] = []
        # Lives from the first row to ``finish``, which closes it: no ``with`` can span that.
        self._spool: tempfile.SpooledTemporaryFile[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8"
        )
        self._rows = 0
        self._per_list: dict[str, collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )

    def start(self, header: dict[str, Any]) -> None:
        self._header = header
        self._kept = [str(c) for c in header.get("input", {}).get("kept_columns", [])]

    def write(self, outcome: ScreenedRow) -> None:
        explained = bool(shown_hits(outcome))
        brief = explained and self._detailed >= self._max_detailed
        self._detailed += explained and not brief
        self._brief += brief
        record = row_record(outcome, brief=brief, kept=self._kept)
        for hit in record[6]:
            self._per_list[hit["list"]]["cleared" if hit["cleared"] else hit["decision"]] += 1
        self._spool.write(("," if self._rows else "") + script_json(record) + "\n")
        self._rows += 1

    def _head(self, summary: RunSummary) -> str:
        h = self._header
        lists = h.get("lists", [])
        brief = (
            f"<p>{self._brief:,} flagged rows after the first {self._max_detailed:,} show the "
            "entity and score only; the JSON lines report has every explanation.</p>"
            if self._brief else ""
        )
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{csp()}">\n'
            f"<title>sanctionscreen report: {esc(h.get('input', {}).get('file'))}</title>\n"
            f"<style>{asset('report.css')}</style></head><body>\n"
            f'<h1>Screening report</h1>\n<p class="summary">{esc(summary.text())}</p>\n'
            '<div class="tops"><div><h2>Rows per decision</h2>'
            f"{decision_counts(summary)}</div>\n<div><h2>Hits per list</h2>"
            f"{list_counts(lists, self._per_list)}</div></div>\n"
            f"<h2>Rows</h2>{brief}\n{self._legend()}{self._controls()}"
            f'<h2>Lists screened</h2>{lists_table(lists)}\n<h2>Run</h2>{run_table(h, summary)}\n'
        )

    def _controls(self) -> str:
        """The filters and the rows table's head, with a column per kept input column."""
        return _CONTROLS.format(
            kept="".join(", " + esc(name) for name in self._kept),
            kept_heads="".join(f'<th class="kept">{esc(name)}</th>' for name in self._kept),
            width=7 + len(self._kept),
        )

    def _limits(self) -> list[float]:
        thresholds = self._header.get("settings", {}).get("thresholds", {})
        return [float(thresholds.get("review", DEFAULT_REVIEW)),
                float(thresholds.get("match", DEFAULT_MATCH))]

    def _legend(self) -> str:
        review, match = self._limits()
        return (
            '<p class="muted">Each score bar runs from 0 to 1; its two marks are the review '
            f"threshold ({review:g}) and the match threshold ({match:g}). Clear rows carry no hit "
            "(no listed name reached review), unless an analyst's recorded decision cleared "
            "one, which is shown.</p>\n"
        )

    def finish(self, summary: RunSummary) -> None:
        limits = self._limits()
        out = self._stream
        out.write(self._head(summary))
        out.write('<script type="application/json" id="report-data">{"thresholds":')
        out.write(script_json(limits) + ',"kept":' + script_json([text(c) for c in self._kept])
                  + ',"rows":[\n')
        self._spool.seek(0)
        shutil.copyfileobj(self._spool, out)
        self._spool.close()
        out.write(f"]}}</script>\n<script>{asset('report.js')}</script>\n</body></html>\n")
        out.flush()
