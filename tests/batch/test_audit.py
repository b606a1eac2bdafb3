"""The audit trail of a run: the header record and the summary of counts."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import LIST, make_hit

import sanctionscreen
from sanctionscreen.batch.audit import (
    FORMAT_VERSION,
    TIME_FIELDS,
    RunSummary,
    now_utc,
    run_header,
)
from sanctionscreen.batch.decisions import DecisionBook, DecisionEntry
from sanctionscreen.batch.outcome import Citation, ScreenedRow
from sanctionscreen.batch.readers import InputFile, open_input
from sanctionscreen.batch.rows import InputRow
from sanctionscreen.results import Decision, ListInfo, ScreeningResult
from sanctionscreen.settings import Settings

SUPPLIERS = (
    "id,name,country\n"
    "1,Dalian Tianbao Intl Logistics Co Ltd,CN\n"
    "2,Brightwave Textiles GmbH,DE\n"
    "3,Korea Shinheung Trading Corp.,KP\n"
)
OTHER_LIST = ListInfo(
    id="un-sc", title="UN Security Council", version="2024-04-30", source="un.xml",
    source_date="2024-04-30", content_hash="sha256:" + "cd" * 32, entities=700, names=1900,
)  # fmt: skip


@pytest.fixture
def input_file(tmp_path: Path) -> Iterator[InputFile]:
    path = tmp_path / "suppliers.csv"
    path.write_text(SUPPLIERS, encoding="utf-8")
    opened = open_input(path, country_column="country")
    yield opened
    opened.close()


def header(input_file: InputFile, **changes: object) -> dict[str, object]:
    options: dict[str, object] = {
        "input_file": input_file,
        "settings": Settings(),
        "lists": [LIST, OTHER_LIST],
        "decisions": None,
        "started_at": "2024-05-02T09:30:00+00:00",
    }
    options.update(changes)
    return run_header(**options)  # type: ignore[arg-type]


def test_now_utc_is_iso_8601_in_utc_to_the_second() -> None:
    before = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    stamp = now_utc()
    after = datetime.datetime.now(datetime.timezone.utc)
    parsed = datetime.datetime.fromisoformat(stamp)
    assert stamp.endswith("+00:00")
    assert parsed.utcoffset() == datetime.timedelta(0)
    assert parsed.microsecond == 0 and "." not in stamp
    assert before <= parsed <= after


def test_header_names_the_library_settings_and_start(input_file: InputFile) -> None:
    record = header(input_file)
    assert record["record"] == "header"
    assert record["format_version"] == FORMAT_VERSION == 1
    assert record["library"] == "sanctionscreen"
    assert record["library_version"] == sanctionscreen.__version__
    assert record["settings"] == Settings().model_dump(mode="json")
    assert record["settings_hash"] == Settings().fingerprint()
    assert record["started_at"] == "2024-05-02T09:30:00+00:00"
    assert record["decisions"] is None


def test_header_lists_give_id_version_and_content_hash(input_file: InputFile) -> None:
    lists = header(input_file)["lists"]
    assert lists == [
        {"id": info.id, "title": info.title, "version": info.version,
         "content_hash": info.content_hash, "entities": info.entities, "names": info.names}
        for info in (LIST, OTHER_LIST)
    ]  # fmt: skip
    assert header(input_file, lists=[])["lists"] == []


def test_header_describes_the_input_file(input_file: InputFile, tmp_path: Path) -> None:
    described = header(input_file)["input"]
    assert isinstance(described, dict)
    data = (tmp_path / "suppliers.csv").read_bytes()
    assert described["file"] == str(tmp_path / "suppliers.csv")
    assert described["sha256"] == "sha256:" + hashlib.sha256(data).hexdigest()
    assert described["size"] == len(data)
    assert described["format"] == "csv"
    assert described["delimiter"] == ","
    assert described["sheet"] is None
    assert described["columns"] == ["id", "name", "country"]
    assert described["name_column"] == "name"
    assert described["country_column"] == "country"
    assert described["address_column"] is None
    assert described["notes"] == list(input_file.notes)
    assert described["encoding"] == input_file.encoding


def test_header_is_json_and_the_same_for_the_same_run(input_file: InputFile,
                                                       tmp_path: Path) -> None:  # fmt: skip
    again = open_input(tmp_path / "suppliers.csv", country_column="country")
    try:
        first = header(input_file)
        second = header(again, started_at="2024-05-03T10:00:00+00:00")
    finally:
        again.close()
    assert json.loads(json.dumps(first)) == first
    del first["started_at"], second["started_at"]
    assert first == second


def test_header_changes_with_the_settings(input_file: InputFile) -> None:
    stricter = Settings(max_hits=3)
    record = header(input_file, settings=stricter)
    assert record["settings_hash"] == stricter.fingerprint()
    assert record["settings_hash"] != header(input_file)["settings_hash"]
    assert record["settings"]["max_hits"] == 3  # type: ignore[index]


def test_header_names_the_decisions_file(input_file: InputFile) -> None:
    entry = DecisionEntry(
        name="Korea Shinheung Trading Corp.", entity_id="korea-heungjin",
        decision="false_positive", by="J. Kim", at="2024-05-02", reason="different company",
        entity_fingerprint="sha256:" + "12" * 32,
    )  # fmt: skip
    book = DecisionBook(file="decisions.yaml", sha256="sha256:" + "ef" * 32, entries=[entry])
    assert header(input_file, decisions=book)["decisions"] == {
        "file": "decisions.yaml",
        "sha256": "sha256:" + "ef" * 32,
        "entries": 1,
    }
    assert header(input_file, decisions=DecisionBook())["decisions"] == {
        "file": "", "sha256": "", "entries": 0
    }  # fmt: skip


def row(number: int, name: str | None = "Brightwave Textiles GmbH", *,
        note: str | None = None) -> InputRow:  # fmt: skip
    return InputRow(row=number, name=name, cells=(name or "",), note=note)


def outcome(number: int, decision: Decision, *, citations: tuple[Citation, ...] = (),
            note: str | None = None, error: str | None = None,
            screened: bool = True) -> ScreenedRow:  # fmt: skip
    name = "Korea Shinheung Trading Corp."
    hit = make_hit(name, "korea-heungjin", "Korea Heungjin Trading Company", 0.91)
    result = None
    if screened:
        result = ScreeningResult(
            query=name, decision=decision, hits=[] if decision in ("clear", "error") else [hit],
            error=error if decision == "error" else None, lists=[LIST],
        )  # fmt: skip
    return ScreenedRow(input=row(number, name, note=note), decision=decision, result=result,
                       error=error, citations=citations)  # fmt: skip


def cite(*, decision: str = "false_positive", applied: bool = True) -> Citation:
    return Citation(decision=decision, entity_id="korea-heungjin", list=LIST.id, by="J. Kim",
                    at="2024-05-02", reason="checked", file="decisions.yaml", entry=1,
                    applied=applied)  # fmt: skip


def test_a_new_summary_counts_nothing() -> None:
    summary = RunSummary()
    assert summary.counts == {"match": 0, "review": 0, "clear": 0, "error": 0}
    assert summary.flagged == 0
    assert summary.exit_code() == 0
    assert summary.text() == "0 rows read, 0 screened: match 0, review 0, clear 0, error 0 in 0.0 s"
    # Each summary has its own counts.
    RunSummary().counts["match"] = 5
    assert RunSummary().counts["match"] == 0


def test_add_counts_decisions_and_screened_rows() -> None:
    summary = RunSummary()
    summary.add(outcome(2, "match"))
    summary.add(outcome(3, "review"))
    summary.add(outcome(4, "clear"))
    summary.add(outcome(5, "error", error="the screener failed: timeout"))  # a result, an error
    summary.add(outcome(6, "error", error="the name is empty", screened=False))
    assert summary.rows_read == 5
    assert summary.screened == 3
    assert summary.counts == {"match": 1, "review": 1, "clear": 1, "error": 2}
    assert summary.flagged == 2
    assert summary.unscreened == [(5, "the screener failed: timeout"), (6, "the name is empty")]


def test_an_error_without_a_reason_still_gets_one() -> None:
    summary = RunSummary()
    summary.add(outcome(9, "error", screened=False))
    assert summary.unscreened == [(9, "no reason given")]


def test_add_counts_citations() -> None:
    summary = RunSummary()
    summary.add(outcome(2, "clear", citations=(cite(),)))  # cleared by a false positive
    summary.add(outcome(3, "match", citations=(cite(decision="confirmed"),)))
    summary.add(outcome(4, "review", citations=(cite(applied=False),)))  # listing changed
    summary.add(outcome(5, "review", citations=(cite(decision="confirmed", applied=False),)))
    assert summary.cleared_by_decision == 1
    assert summary.confirmed_by_decision == 1
    assert summary.decisions_no_longer_applying == 2


def test_noted_rows_are_counted_and_numbered() -> None:
    summary = RunSummary()
    summary.add(outcome(2, "clear", note="the row has 4 cells, the header 3"))
    summary.add(outcome(3, "clear"))
    summary.add(outcome(4, "match", note="the row has 2 cells, the header 3"))
    assert summary.noted_rows == 2
    assert summary.noted_row_numbers == [2, 4]


def test_row_numbers_are_kept_for_the_first_hundred_but_counts_stay_exact() -> None:
    summary = RunSummary()
    for number in range(2, 252):
        summary.add(outcome(number, "error", error="the name is empty", screened=False,
                            note="ragged"))  # fmt: skip
    assert summary.counts["error"] == 250
    assert summary.noted_rows == 250
    assert len(summary.unscreened) == 100
    assert summary.unscreened[-1] == (101, "the name is empty")
    assert summary.noted_row_numbers == list(range(2, 102))


@pytest.mark.parametrize(
    ("counts", "review", "match", "never"),
    [
        ({}, 0, 0, 0),
        ({"clear": 3}, 0, 0, 0),
        ({"review": 1}, 1, 0, 0),
        ({"match": 1}, 1, 1, 0),
        ({"match": 1, "error": 1}, 2, 2, 2),
        ({"error": 1}, 2, 2, 2),
    ],
)
def test_exit_code(counts: dict[str, int], review: int, match: int, never: int) -> None:
    summary = RunSummary()
    summary.counts.update(counts)
    assert summary.exit_code() == review
    assert summary.exit_code(fail_on="review") == review
    assert summary.exit_code(fail_on="match") == match
    assert summary.exit_code(fail_on="never") == never


def test_as_record_is_json_with_every_count() -> None:
    summary = RunSummary(started_at="2024-05-02T09:30:00+00:00",
                         ended_at="2024-05-02T09:31:05+00:00", duration_seconds=65.2)  # fmt: skip
    summary.add(outcome(2, "match", note="ragged"))
    summary.add(outcome(3, "clear", citations=(cite(),)))
    summary.trailing_blank_rows = 4
    summary.input_notes.append("the encoding was guessed as cp1252 (confidence 0.62)")
    record = summary.as_record()
    assert json.loads(json.dumps(record)) == record
    assert record == {
        "record": "summary",
        "rows_read": 2,
        "screened": 2,
        "counts": {"match": 1, "review": 0, "clear": 1, "error": 0},
        "cleared_by_decision": 1,
        "confirmed_by_decision": 0,
        "decisions_no_longer_applying": 0,
        "noted_rows": 1,
        "noted_row_numbers": [2],
        "trailing_blank_rows": 4,
        "input_notes": ["the encoding was guessed as cp1252 (confidence 0.62)"],
        "started_at": "2024-05-02T09:30:00+00:00",
        "ended_at": "2024-05-02T09:31:05+00:00",
        "duration_seconds": 65.2,
    }
    record["counts"]["match"] = 99
    record["noted_row_numbers"].append(7)
    assert summary.counts["match"] == 1
    assert summary.noted_row_numbers == [2]


def test_only_the_time_fields_differ_between_two_runs() -> None:
    records = []
    for started, seconds in (("2024-05-02T09:30:00+00:00", 1.5), ("2024-06-01T00:00:00+00:00", 9)):
        summary = RunSummary(started_at=started, ended_at=started, duration_seconds=seconds)
        for number, decision in enumerate(("match", "clear", "review"), start=2):
            summary.add(outcome(number, decision))  # type: ignore[arg-type]
        records.append(summary.as_record())
    assert TIME_FIELDS == ("started_at", "ended_at", "duration_seconds")
    assert {k for k in records[0] if records[0][k] != records[1][k]} == set(TIME_FIELDS)


def test_text_groups_thousands_and_says_the_duration() -> None:
    summary = RunSummary(rows_read=12_345, screened=12_340, duration_seconds=83.46)
    summary.counts.update({"match": 3, "review": 1_024, "clear": 11_313, "error": 5})
    assert summary.text() == (
        "12,345 rows read, 12,340 screened: match 3, review 1,024, clear 11,313, error 5 in 83.5 s"
    )


def test_text_mentions_decisions_odd_rows_blank_rows_and_notes() -> None:
    summary = RunSummary(cleared_by_decision=2, decisions_no_longer_applying=1,
                         trailing_blank_rows=3, duration_seconds=0.04)  # fmt: skip
    for number in range(2, 14):
        summary.add(outcome(number, "clear", note="ragged"))
    summary.input_notes += ["the first row was taken as the header", "encoding guessed: cp1252"]
    lines = summary.text().splitlines()
    assert lines[1:] == ["the first row was taken as the header", "encoding guessed: cp1252"]
    assert lines[0] == (
        "12 rows read, 12 screened: match 0, review 0, clear 12, error 0"
        "; 2 hits cleared by recorded decisions"
        "; 1 recorded decisions no longer apply"
        "; 12 odd rows (e.g. ragged: rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)"
        "; 3 blank rows at the end ignored"
        " in 0.0 s"
    )


def test_an_unknown_fail_on_is_refused() -> None:
    from sanctionscreen.batch.audit import RunSummary
    from sanctionscreen.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="fail_on must be one of match, review, never"):
        RunSummary().exit_code(fail_on="matches")
