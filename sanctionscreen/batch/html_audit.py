"""The HTML report's fixed tables: counts per decision and per list, lists screened, run facts.

The facts come from the audit header (:func:`sanctionscreen.batch.audit.run_header`)
and the run summary; every value goes through :func:`esc`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from sanctionscreen.batch.audit import RunSummary
from sanctionscreen.batch.html_rows import text

DECISIONS = ("match", "review", "error", "clear")


def esc(value: object) -> str:
    """Any value as escaped HTML text (control and bidi characters escaped too)."""
    return html.escape(text(value), quote=True)


def _rows(items: Iterable[tuple[str, object]]) -> str:
    return "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in items)


def decision_counts(summary: RunSummary) -> str:
    """A table of rows per decision."""
    cells = "".join(
        f'<tr class="{d}"><th>{d}</th><td>{summary.counts.get(d, 0):,}</td></tr>'
        for d in DECISIONS
    )
    return f'<table id="counts"><tr><th>decision</th><th>rows</th></tr>{cells}</table>'


def list_counts(lists: Iterable[Mapping[str, Any]], counts: Mapping[str, Mapping[str, int]]) -> str:
    """A table of rows with a shown hit on each list, per decision of the hit."""
    head = "".join(f"<th>{d}</th>" for d in DECISIONS[:2]) + "<th>cleared by decision</th>"
    body = "".join(
        f"<tr><th>{esc(i['id'])}</th>"
        + "".join(
            f"<td>{counts.get(str(i['id']), {}).get(k, 0):,}</td>"
            for k in ("match", "review", "cleared")
        )
        + "</tr>"
        for i in lists
    )
    return f'<table id="list-counts"><tr><th>list</th>{head}</tr>{body}</table>'


def lists_table(lists: Iterable[Mapping[str, Any]]) -> str:
    """Every list screened, with version, entity and name counts and content hash."""
    body = "".join(
        f"<tr><td>{esc(i.get('id'))}</td><td>{esc(i.get('title'))}</td>"
        f"<td>{esc(i.get('version'))}</td><td>{i.get('entities', 0):,}</td>"
        f"<td>{i.get('names', 0):,}</td><td><code>{esc(i.get('content_hash'))}</code></td></tr>"
        for i in lists
    )
    return (
        '<table id="lists"><tr><th>id</th><th>title</th><th>version</th><th>entities</th>'
        f"<th>names</th><th>content hash</th></tr>{body}</table>"
    )


def _flat(prefix: str, value: object) -> list[tuple[str, object]]:
    """Nested settings as ``thresholds.match``-style keys."""
    if isinstance(value, Mapping):
        return [item for k, v in value.items() for item in _flat(f"{prefix}.{k}", v)]
    return [(prefix, "none" if value is None else value)]


def run_table(header: Mapping[str, Any], summary: RunSummary) -> str:
    """Library, settings and their hash, input file and its sha256, decisions file, times."""
    given = header.get("input") or {}
    decisions = header.get("decisions")
    items: list[tuple[str, object]] = [
        ("library", f"sanctionscreen {header.get('library_version', '')}"),
        ("input file", given.get("file")),
        ("input sha256", given.get("sha256")),
        ("input size", f"{given.get('size') or 0:,} bytes"),
        ("input format", f"{given.get('format')} ({given.get('encoding') or 'binary'})"),
        ("name column", given.get("name_column")),
        ("country column", given.get("country_column")),
        *(("input note", note) for note in given.get("notes") or ()),
        ("settings hash", header.get("settings_hash")),
        *_flat("settings", header.get("settings") or {}),
        ("decisions file", "none" if not decisions else
         f"{decisions['file']} ({decisions['entries']} entries, {decisions['sha256']})"),
        ("started", header.get("started_at")),
        ("ended", summary.ended_at),
        ("duration", f"{summary.duration_seconds:.1f} s"),
    ]  # fmt: skip
    return f'<table id="run">{_rows(items)}</table>'
