"""The HTML report's fixed tables: counts, lists and run facts, escaped."""

from __future__ import annotations

from typing import Any

from sanctionscreen.batch.audit import RunSummary
from sanctionscreen.batch.html_audit import decision_counts, list_counts, lists_table, run_table

HEADER: dict[str, Any] = {
    "library_version": "0.1.0",
    "settings": {"thresholds": {"match": 0.82, "review": 0.7}, "entity_types": None},
    "settings_hash": "sha256:" + "0" * 64,
    "lists": [{"id": "l<1>", "title": "A & B", "version": "2024", "content_hash": "sha256:1",
               "entities": 1200, "names": 3400}],
    "input": {"file": "<x>.csv", "sha256": "sha256:" + "f" * 64, "size": 2048, "format": "csv",
              "encoding": "utf-8", "name_column": "name", "notes": ["read as utf-8"]},
    "decisions": {"file": "d.yaml", "entries": 3, "sha256": "sha256:2"},
    "started_at": "2026-12-03T11:00:00+00:00",
}


def test_run_facts_name_library_settings_input_and_times() -> None:
    table = run_table(HEADER, RunSummary(ended_at="2026-12-03T11:00:05+00:00",
                                         duration_seconds=5.0))  # fmt: skip
    for fact in ("sanctionscreen 0.1.0", "settings.thresholds.match</th><td>0.82",
                 "settings.entity_types</th><td>none", "sha256:" + "f" * 64, "2,048 bytes",
                 "&lt;x&gt;.csv", "read as utf-8", "d.yaml (3 entries, sha256:2)",
                 "2026-12-03T11:00:05+00:00", "5.0 s"):  # fmt: skip
        assert fact in table


def test_lists_and_counts_are_escaped() -> None:
    lists = lists_table(HEADER["lists"])
    assert "l&lt;1&gt;" in lists and "A &amp; B" in lists and "1,200" in lists
    counts = list_counts(HEADER["lists"], {"l<1>": {"match": 2, "cleared": 1}})
    assert "<tr><th>l&lt;1&gt;</th><td>2</td><td>0</td><td>1</td></tr>" in counts
    summary = RunSummary()
    summary.counts["review"] = 1234
    assert '<tr class="review"><th>review</th><td>1,234</td></tr>' in decision_counts(summary)
