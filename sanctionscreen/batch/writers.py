"""Write screening results as they come: CSV, JSON lines, or (see ``html_report``) HTML.

Every writer has the same three steps: ``start(header)``, ``write(row)`` for
each row in input order, ``finish(summary)``. CSV and JSON lines carry every
input column of each row (``input``); a JSON lines record also names the kept
columns (``--keep-column``, else the id and city) in ``kept``. CSV cells pass through
:func:`~sanctionscreen.batch.safety.neutralise_cell`; all text passes through
:func:`~sanctionscreen.batch.safety.printable` so unreadable input bytes never
break the output encoding.
"""

from __future__ import annotations

import csv
import json
from typing import Any, Protocol, TextIO

from sanctionscreen.batch.audit import RunSummary
from sanctionscreen.batch.outcome import ScreenedRow, summary_line
from sanctionscreen.batch.safety import neutralise_cell, printable

OUTPUT_FORMATS = ("csv", "jsonl", "html")

RESULT_COLUMNS = (
    "row",
    "decision",
    "score",
    "hit_entity_id",
    "hit_entity_name",
    "hit_list",
    "hit_matched_name",
    "explanation",
    "analyst_decision",
    "note",
)


class Writer(Protocol):
    """Something that writes a run's rows as they come."""

    def start(self, header: dict[str, Any]) -> None:
        """Write what comes before the first row."""

    def write(self, outcome: ScreenedRow) -> None:
        """Write one row."""

    def finish(self, summary: RunSummary) -> None:
        """Write what comes after the last row."""


def row_note(outcome: ScreenedRow) -> str:
    """Why a row could not be screened, what was odd about it, and decisions that lapsed."""
    parts = [outcome.error] if outcome.error else []
    if outcome.input.note:
        parts.append(outcome.input.note)
    parts += [c.text() for c in outcome.citations if not c.applied]
    return "; ".join(printable(p) for p in parts)


def result_columns(input_columns: list[str]) -> list[str]:
    """The result column names, prefixed ``screen_`` where an input column has the same name."""
    taken = {c.casefold() for c in input_columns}
    return [f"screen_{c}" if c.casefold() in taken else c for c in RESULT_COLUMNS]


class CsvWriter:
    """Input columns, then the decision, score, best hit, explanation and citations."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._csv = csv.writer(stream, lineterminator="\r\n")

    def start(self, header: dict[str, Any]) -> None:
        columns = [str(c) for c in header["input"]["columns"]]
        self._csv.writerow([neutralise_cell(c) for c in columns + result_columns(columns)])

    def write(self, outcome: ScreenedRow) -> None:
        best = outcome.best
        show_hit = best is not None and (outcome.decision != "clear" or outcome.citations)
        score = outcome.score
        values: list[object] = [
            *outcome.input.cells,
            outcome.input.row,
            outcome.decision,
            "" if score is None else f"{score:.3f}",
        ]
        if show_hit and best is not None:
            values += [best.entity_id, best.entity_name, best.list, best.matched_name]
            values.append(summary_line(best))
        else:
            values += ["", "", "", "", ""]
        values.append(" | ".join(c.text() for c in outcome.citations if c.applied))
        values.append(row_note(outcome))
        self._csv.writerow([neutralise_cell(v) for v in values])

    def finish(self, summary: RunSummary) -> None:
        self._stream.flush()


def result_record(outcome: ScreenedRow, columns: list[str]) -> dict[str, Any]:
    """One row as the JSON lines report records it, with every hit and its explanation."""
    result = outcome.result
    return {
        "record": "result",
        "row": outcome.input.row,
        "input": dict(zip(columns, (printable(c) for c in outcome.input.cells), strict=False)),
        "kept": {printable(k): printable(v) for k, v in outcome.input.kept},
        "name": None if outcome.input.name is None else printable(outcome.input.name),
        "country": outcome.input.country and printable(outcome.input.country),
        "address": outcome.input.address and printable(outcome.input.address),
        "decision": outcome.decision,
        "screener_decision": None if result is None else result.decision,
        "score": outcome.score,
        "error": outcome.error and printable(outcome.error),
        "note": outcome.input.note and printable(outcome.input.note),
        "citations": [c.as_dict() for c in outcome.citations],
        "hits": [] if result is None else [h.model_dump(mode="json") for h in result.hits],
    }


_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


class JsonlWriter:
    """A header record, one record per row, and a summary record, one JSON object a line."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._columns: list[str] = []

    def _line(self, record: dict[str, Any]) -> None:
        text = json.dumps(record, ensure_ascii=False, sort_keys=False)
        # Valid JSON, but line breaks to str.splitlines and many line-based tools.
        self._stream.write(printable(text.translate(_LINE_BREAKS)) + "\n")

    def start(self, header: dict[str, Any]) -> None:
        self._columns = [str(c) for c in header["input"]["columns"]]
        self._line(header)

    def write(self, outcome: ScreenedRow) -> None:
        self._line(result_record(outcome, self._columns))

    def finish(self, summary: RunSummary) -> None:
        self._line(summary.as_record())
        self._stream.flush()
