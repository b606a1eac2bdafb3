"""The audit trail of a run: the header record (what, against what, how) and the summary.

The header names the library version, the settings and their hash, each list's
id, version and content hash, the input file and its sha256, the decisions file
and the start time. Apart from ``started_at``, ``ended_at`` and
``duration_seconds``, the same input, lists and settings give the same records.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sanctionscreen.batch.outcome import ScreenedRow
from sanctionscreen.errors import ConfigurationError
from sanctionscreen.results import ListInfo

if TYPE_CHECKING:
    from sanctionscreen.batch.decisions import DecisionBook
    from sanctionscreen.batch.readers import InputFile
    from sanctionscreen.settings import Settings

FORMAT_VERSION = 1
TIME_FIELDS = ("started_at", "ended_at", "duration_seconds")
FAIL_ON = ("match", "review", "never")  # what rows fail a run (``RunSummary.exit_code``)
_KEEP_NOTED = 100  # row numbers of odd rows kept for the summary; the count is always exact


def now_utc() -> str:
    """The current time in UTC, ISO 8601 to the second."""
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def run_header(
    *,
    input_file: InputFile,
    settings: Settings,
    lists: Sequence[ListInfo],
    decisions: DecisionBook | None,
    started_at: str,
) -> dict[str, Any]:
    """The header record written first in the JSON lines report and shown in the HTML report."""
    from sanctionscreen import __version__

    return {
        "record": "header",
        "format_version": FORMAT_VERSION,
        "library": "sanctionscreen",
        "library_version": __version__,
        "settings": settings.model_dump(mode="json"),
        "settings_hash": settings.fingerprint(),
        "lists": [
            {
                "id": info.id,
                "title": info.title,
                "version": info.version,
                "content_hash": info.content_hash,
                "entities": info.entities,
                "names": info.names,
            }
            for info in lists
        ],
        "input": {
            "file": input_file.name,
            "sha256": input_file.sha256,
            "size": input_file.size,
            "format": input_file.format,
            "encoding": input_file.encoding,
            "delimiter": input_file.delimiter,
            "sheet": input_file.sheet,
            "columns": list(input_file.columns),
            "name_column": input_file.name_column,
            "country_column": input_file.country_column,
            "address_column": input_file.address_column,
            "kept_columns": list(input_file.kept_columns),
            "notes": list(input_file.notes),
        },
        "decisions": None
        if decisions is None
        else {
            "file": decisions.file,
            "sha256": decisions.sha256,
            "entries": len(decisions.entries),
        },
        "started_at": started_at,
    }


@dataclass
class RunSummary:
    """Counts of a run: rows read and screened, decisions, and rows worth a second look."""

    rows_read: int = 0
    screened: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: {"match": 0, "review": 0, "clear": 0, "error": 0}
    )
    cleared_by_decision: int = 0
    confirmed_by_decision: int = 0
    decisions_no_longer_applying: int = 0
    noted_rows: int = 0  # ragged rows and the like: screened, but reported
    noted_row_numbers: list[int] = field(default_factory=list)
    unscreened: list[tuple[int, str]] = field(default_factory=list)  # (row, why), first rows
    trailing_blank_rows: int = 0
    input_notes: list[str] = field(default_factory=list)  # InputFile.notes
    started_at: str = ""
    ended_at: str = ""
    duration_seconds: float = 0.0

    def add(self, outcome: ScreenedRow) -> None:
        """Count one output row."""
        self.rows_read += 1
        if outcome.result is not None and outcome.result.decision != "error":
            self.screened += 1
        self.counts[outcome.decision] += 1
        for citation in outcome.citations:
            if not citation.applied:
                self.decisions_no_longer_applying += 1
            elif citation.decision == "false_positive":
                self.cleared_by_decision += 1
            else:
                self.confirmed_by_decision += 1
        if outcome.decision == "error" and len(self.unscreened) < _KEEP_NOTED:
            self.unscreened.append((outcome.input.row, outcome.error or "no reason given"))
        if outcome.input.note:
            self.noted_rows += 1
            if len(self.noted_row_numbers) < _KEEP_NOTED:
                self.noted_row_numbers.append(outcome.input.row)

    @property
    def flagged(self) -> int:
        """Rows that matched or need review."""
        return self.counts["match"] + self.counts["review"]

    def exit_code(self, *, fail_on: str = "review") -> int:
        """2 if any row could not be screened, else 1 if a row fails the run, else 0.

        ``fail_on`` says which rows fail it: ``"review"`` a match or a row for review,
        ``"match"`` a match only, ``"never"`` none.
        """
        if fail_on not in FAIL_ON:
            raise ConfigurationError(f"fail_on must be one of {', '.join(FAIL_ON)}, not "
                                     f"{fail_on!r}")
        if self.counts["error"]:
            return 2
        if fail_on == "never":
            return 0
        if fail_on == "match":
            return 1 if self.counts["match"] else 0
        return 1 if self.flagged else 0

    def as_record(self) -> dict[str, Any]:
        """The summary record written last in the JSON lines report."""
        return {
            "record": "summary",
            "rows_read": self.rows_read,
            "screened": self.screened,
            "counts": dict(self.counts),
            "cleared_by_decision": self.cleared_by_decision,
            "confirmed_by_decision": self.confirmed_by_decision,
            "decisions_no_longer_applying": self.decisions_no_longer_applying,
            "noted_rows": self.noted_rows,
            "noted_row_numbers": list(self.noted_row_numbers),
            "trailing_blank_rows": self.trailing_blank_rows,
            "input_notes": list(self.input_notes),
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "duration_seconds": self.duration_seconds,
        }

    def text(self) -> str:
        """The summary in one line, for the terminal."""
        counts = ", ".join(f"{k} {v:,}" for k, v in self.counts.items())
        line = f"{self.rows_read:,} rows read, {self.screened:,} screened: {counts}"
        if self.cleared_by_decision:
            line += f"; {self.cleared_by_decision:,} hits cleared by recorded decisions"
        if self.decisions_no_longer_applying:
            line += f"; {self.decisions_no_longer_applying:,} recorded decisions no longer apply"
        if self.noted_rows:
            shown = ", ".join(str(n) for n in self.noted_row_numbers[:10])
            line += f"; {self.noted_rows:,} odd rows (e.g. ragged: rows {shown})"
        if self.trailing_blank_rows:
            line += f"; {self.trailing_blank_rows:,} blank rows at the end ignored"
        line += f" in {self.duration_seconds:.1f} s"
        return "\n".join([line, *self.input_notes])
