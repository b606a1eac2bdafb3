"""A self-contained HTML report for a reviewer: counts, flagged rows with explanations, lists.

Only flagged rows (match, review, error, and rows an analyst decision cleared)
are kept, already rendered, up to ``max_rows``; clear rows are only counted, so
memory stays bounded on large files. Every string from the data goes through
:func:`html.escape`. The one script is the report's own constant text (the
decision filter); a Content-Security-Policy meta allows exactly that script and
that style sheet by their sha256 hashes, so no script from the data can run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from typing import Any, TextIO

from sanctionscreen.batch.audit import RunSummary
from sanctionscreen.batch.outcome import ScreenedRow, hit_text
from sanctionscreen.batch.safety import printable
from sanctionscreen.batch.writers import row_note

MAX_ROWS = 20_000

STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#1a1a1a}
table{border-collapse:collapse;margin:1em 0}
th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;margin:.2em 0;font-size:.9em}
.match{background:#fde0dc}.review{background:#fff4d6}.error{background:#eee}
.clear{background:#e6f4ea}code{word-break:break-all}
"""

SCRIPT = """
(function () {
  var select = document.getElementById("decision-filter");
  var rows = document.querySelectorAll("#flagged tbody tr");
  function apply() {
    var wanted = select.value;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var show = wanted === "all" || rows[i].getAttribute("data-decision") === wanted;
      rows[i].hidden = !show;
      if (show) { shown += 1; }
    }
    document.getElementById("shown-count").textContent = String(shown);
  }
  select.addEventListener("change", apply);
  apply();
})();
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


CSP = (
    "default-src 'none'; "
    f"script-src {_csp_hash(SCRIPT)}; style-src {_csp_hash(STYLE)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def esc(value: object) -> str:
    """Any value as escaped HTML text."""
    return html.escape(printable("" if value is None else str(value)), quote=True)


def _row_html(outcome: ScreenedRow) -> str:
    row = outcome.input
    decision = outcome.decision
    hits = [] if outcome.result is None else list(outcome.result.hits)
    shown = [h for h in hits if h.decision != "clear" or h.entity_id in outcome.cleared]
    explained = "".join(f"<pre>{esc(hit_text(hit))}</pre>" for hit in (shown or hits[:1]))
    cited = "".join(f"<p>{esc(c.text())}</p>" for c in outcome.citations)
    note = row_note(outcome)
    score = "" if outcome.score is None else f"{outcome.score:.3f}"
    return (
        f'<tr class="{esc(decision)}" data-decision="{esc(decision)}">'
        f"<td>{row.row}</td><td>{esc(row.name)}</td><td>{esc(row.country)}</td>"
        f"<td>{esc(decision)}</td><td>{score}</td>"
        f"<td>{explained}{cited}{'<p>' + esc(note) + '</p>' if note else ''}</td></tr>"
    )


class HtmlWriter:
    """Collects flagged rows and counts; writes the whole report when the run finishes."""

    def __init__(self, stream: TextIO, *, max_rows: int = MAX_ROWS) -> None:
        self._stream = stream
        self._max_rows = max_rows
        self._header: dict[str, Any] = {}
        self._rows: list[str] = []
        self._left_out = 0

    def start(self, header: dict[str, Any]) -> None:
        self._header = header

    def write(self, outcome: ScreenedRow) -> None:
        if outcome.decision == "clear" and not outcome.citations:
            return
        if len(self._rows) >= self._max_rows:
            self._left_out += 1
            return
        self._rows.append(_row_html(outcome))

    def _run_info(self, summary: RunSummary) -> str:
        h = self._header
        given = h.get("input", {})
        thresholds = h.get("settings", {}).get("thresholds", {})
        decisions = h.get("decisions")
        items = [
            ("library", f"sanctionscreen {h.get('library_version', '')}"),
            ("input file", given.get("file")),
            ("input sha256", given.get("sha256")),
            ("input format", f"{given.get('format')} ({given.get('encoding') or 'binary'})"),
            ("name column", given.get("name_column")),
            ("thresholds", f"match {thresholds.get('match')}, review {thresholds.get('review')}"),
            ("settings hash", h.get("settings_hash")),
            ("decisions file", None if not decisions else
             f"{decisions['file']} ({decisions['entries']} entries, {decisions['sha256']})"),
            ("started", h.get("started_at")),
            ("ended", summary.ended_at),
            ("duration", f"{summary.duration_seconds:.1f} s"),
        ]  # fmt: skip
        return "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in items)

    def finish(self, summary: RunSummary) -> None:
        counts = "".join(
            f'<tr class="{esc(k)}"><th>{esc(k)}</th><td>{v:,}</td></tr>'
            for k, v in summary.counts.items()
        )
        lists = "".join(
            f"<tr><td>{esc(i['id'])}</td><td>{esc(i['title'])}</td><td>{esc(i['version'])}</td>"
            f"<td><code>{esc(i['content_hash'])}</code></td><td>{i['entities']:,}</td></tr>"
            for i in self._header.get("lists", [])
        )
        options = "".join(
            f'<option value="{d}">{d}</option>'
            for d in ("all", "match", "review", "error", "clear")
        )
        left_out = (
            f"<p>{self._left_out:,} more flagged rows are not shown; "
            "the JSON lines report has every row.</p>"
            if self._left_out
            else ""
        )
        self._stream.write(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f"<title>sanctionscreen report: {esc(self._header.get('input', {}).get('file'))}"
            f"</title>\n<style>{STYLE}</style></head><body>\n"
            "<h1>Screening report</h1>\n"
            f"<p>{esc(summary.text())}</p>\n"
            f'<h2>Decisions</h2><table id="counts">{counts}</table>\n'
            f'<h2>Flagged rows</h2><p><label>Show <select id="decision-filter">{options}'
            '</select></label> <span id="shown-count"></span> rows shown</p>\n'
            '<table id="flagged"><thead><tr><th>row</th><th>name</th><th>country</th>'
            "<th>decision</th><th>score</th><th>why</th></tr></thead><tbody>\n"
            + "\n".join(self._rows)
            + f"\n</tbody></table>{left_out}\n"
            '<h2>Lists screened</h2><table id="lists"><tr><th>id</th><th>title</th>'
            f"<th>version</th><th>content hash</th><th>entities</th></tr>{lists}</table>\n"
            f'<h2>Run</h2><table id="run">{self._run_info(summary)}</table>\n'
            f"<script>{SCRIPT}</script>\n</body></html>\n"
        )
        self._stream.flush()
