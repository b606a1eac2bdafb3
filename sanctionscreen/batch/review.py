"""Turn a reviewed hit in a JSON lines report into a decisions-file entry.

The report's header gives each list's content hash; the row's record gives the
name and country as screened and the hit (listed name matched, score), from which
the entity fingerprint is computed, so the entry pins exactly the supplier and
the listing the reviewer saw.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from sanctionscreen.batch.audit import now_utc
from sanctionscreen.batch.decisions import DecisionEntry, entity_fingerprint
from sanctionscreen.errors import InputError
from sanctionscreen.results import Hit


def _find_row(path: Path, row: int) -> tuple[dict[str, Any], dict[str, Any]]:
    header: dict[str, Any] | None = None
    try:
        handle = path.open(encoding="utf-8")
    except (OSError, UnicodeError, ValueError) as error:
        raise InputError(f"cannot read the report: {error}", path=path) from None
    with handle:
        for line_number, line in enumerate(handle, start=1):
            try:
                record = json.loads(line)
            except ValueError:
                raise InputError(
                    "not a JSON lines report: a line is not JSON", path=path, line=line_number,
                    hint="pass the .jsonl report written by 'sanctionscreen screen --format jsonl'",
                ) from None  # fmt: skip
            kind = record.get("record") if isinstance(record, dict) else None
            if kind == "header":
                header = record
            elif kind == "result" and record.get("row") == row:
                if header is None:
                    break
                return header, record
    if header is None:
        raise InputError("the report has no header record", path=path,
                         hint="pass a report written with --format jsonl")  # fmt: skip
    raise InputError(f"the report has no row {row}", path=path, row=row)


def decision_from_report(
    report: str | Path,
    *,
    row: int,
    entity_id: str,
    decision: Literal["false_positive", "confirmed"],
    by: str,
    reason: str,
    at: str | None = None,
) -> DecisionEntry:
    """The decisions-file entry for the hit on ``entity_id`` in row ``row`` of ``report``."""
    if isinstance(row, bool) or not isinstance(row, int) or row < 1:
        raise InputError(f"the row must be a whole number from 1, not {row!r}")
    if not isinstance(report, (str, Path)) or not str(report).strip():
        raise InputError(f"the report must be a file path, not {report!r:.60}")
    path = Path(report)
    header, record = _find_row(path, row)
    hits = record.get("hits") or []
    chosen = next(
        (h for h in hits if isinstance(h, dict) and h.get("entity_id") == entity_id), None
    )
    if chosen is None:
        listed = ", ".join(repr(h.get("entity_id")) for h in hits) or "none"
        raise InputError(f"row {row} has no hit on entity {entity_id!r}", path=path, row=row,
                         hint=f"the hits of this row are on {listed}")  # fmt: skip
    try:
        hit = Hit.model_validate(chosen)
    except ValidationError:
        raise InputError(f"the hit on {entity_id!r} in row {row} is malformed", path=path,
                         row=row) from None  # fmt: skip
    hashes = {item.get("id"): item.get("content_hash") for item in header.get("lists", [])}
    try:
        return DecisionEntry(
            name=str(record.get("name") or ""),
            entity_id=entity_id,
            list=hit.list,
            country=str(record.get("country") or "") or None,
            matched_name=hit.matched_name,
            score=round(hit.score, 3),
            list_hash=hashes.get(hit.list),
            entity_fingerprint=entity_fingerprint(hit),
            decision=decision,
            by=by,
            at=at or now_utc(),
            reason=reason,
        )
    except ValidationError as error:
        first = error.errors()[0]
        raise InputError(f"cannot record this decision: {first['msg']}", path=path,
                         row=row) from None  # fmt: skip
