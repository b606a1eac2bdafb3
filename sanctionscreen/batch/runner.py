"""Screen a whole supplier file: read rows, screen them in batches, apply decisions, write results.

:func:`screen_file` streams: rows are read, screened ``batch_size`` at a time and
written in input order, so memory does not grow with the file. Rows whose name
cannot be screened skip the screener and are written with decision ``error``.
A file output is written to a temporary file beside it and renamed when the run
is done (:mod:`sanctionscreen.batch.output`), so an interrupted run never leaves a
report that looks complete.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from sanctionscreen.batch.audit import RunSummary, now_utc, run_header
from sanctionscreen.batch.decisions import DecisionBook, load_decisions
from sanctionscreen.batch.html_report import HtmlWriter
from sanctionscreen.batch.outcome import ScreenedRow
from sanctionscreen.batch.output import open_output, target_of
from sanctionscreen.batch.progress import Progress
from sanctionscreen.batch.readers import open_input
from sanctionscreen.batch.rows import InputRow
from sanctionscreen.batch.safety import printable
from sanctionscreen.batch.writers import OUTPUT_FORMATS, CsvWriter, JsonlWriter, Writer
from sanctionscreen.errors import ConfigurationError, InputError, SanctionscreenError
from sanctionscreen.results import ListInfo, ScreeningResult
from sanctionscreen.settings import Settings

BATCH_SIZE = 1000


class ScreenerLike(Protocol):
    """What the runner needs of a :class:`sanctionscreen.Screener`."""

    @property
    def settings(self) -> Settings: ...

    @property
    def lists_info(self) -> list[ListInfo]: ...

    def screen_many(
        self, names: Iterable[str | tuple[str, str | None]], *, workers: int = 1
    ) -> Iterator[ScreeningResult]: ...


def _outcomes(
    rows: Iterator[InputRow],
    screener: ScreenerLike,
    book: DecisionBook | None,
    *,
    workers: int,
    batch_size: int,
) -> Iterator[ScreenedRow]:
    hashes = {info.id: info.content_hash for info in screener.lists_info}
    if workers > 1:
        # Each screen_many call with workers starts a process pool: batches grow to amortise it.
        batch_size *= 10 * workers
    while batch := list(itertools.islice(rows, batch_size)):
        todo: list[str | tuple[str, str | None]] = [
            (row.name, row.country) for row in batch if row.screenable and row.name is not None
        ]
        results = iter(screener.screen_many(todo, workers=workers) if todo else ())
        for row in batch:
            if not row.screenable:
                yield ScreenedRow(input=row, decision="error", error=row.problem)
                continue
            result = next(results, None)
            if result is None:
                raise SanctionscreenError(
                    "the screener returned fewer results than names given", row=row.row
                )
            if book is not None:
                yield book.apply(row, result, hashes)
            else:
                yield ScreenedRow(
                    input=row, decision=result.decision, result=result, error=result.error
                )


def _writer(fmt: str, stream: TextIO) -> Writer:
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "jsonl":
        return JsonlWriter(stream)
    return HtmlWriter(stream)


def screen_file(
    source: str | Path,
    output: str | Path | TextIO,
    *,
    screener: ScreenerLike,
    format: str = "csv",
    input_format: str | None = None,
    column: str | int | None = None,
    country_column: str | int | None = None,
    address_column: str | int | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    decisions: str | Path | DecisionBook | None = None,
    workers: int = 1,
    progress: bool | None = None,
    batch_size: int = BATCH_SIZE,
    stdin: BinaryIO | None = None,
    header: bool | None = None,
    keep_columns: Sequence[str | int] | None = None,
) -> RunSummary:
    """Screen every row of ``source`` and write ``format`` (csv, jsonl, html) to ``output``.

    ``output`` is a path, ``-`` for standard output, or an open text stream.
    ``progress`` None shows a counter on stderr only when it is a terminal.
    ``header`` says whether a CSV input's first row is its header (None: guessed).
    ``keep_columns`` names input columns carried to every output and the report
    (None: the id and city columns); the audit header lists them as
    ``input.kept_columns``.
    Returns the run summary; raises :class:`InputError` if the input cannot be read.
    """
    if format not in OUTPUT_FORMATS:
        raise ConfigurationError(f"unknown output format {format!r}",
                                 hint="use one of " + ", ".join(OUTPUT_FORMATS))  # fmt: skip
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ConfigurationError(f"workers must be a whole number of at least 1, not {workers!r}")
    if isinstance(output, (str, Path)) and str(output) != "-":
        target_of(output)  # a folder or unwritable place fails before any row is read
    book = load_decisions(decisions) if isinstance(decisions, (str, Path)) else decisions
    started, clock = now_utc(), time.monotonic()
    summary = RunSummary(started_at=started)
    with open_input(
        source, input_format=input_format, column=column, country_column=country_column,
        address_column=address_column, encoding=encoding, sheet=sheet,
        max_name_length=screener.settings.max_name_length, stdin=stdin, header=header,
        keep_columns=keep_columns,
    ) as input_file:  # fmt: skip
        summary.input_notes = list(input_file.notes)
        if column is None and len(input_file.columns) > 1:
            summary.input_notes.append(
                f"name column {input_file.name_column!r} chosen from the header "
                "(--column picks another)")
        out = open_output(output, input_file._source.path if input_file._source else None)
        bar = Progress(enabled=progress)
        try:
            writer = _writer(format, out.stream)
            audit = run_header(
                input_file=input_file, settings=screener.settings,
                lists=screener.lists_info, decisions=book, started_at=started,
            )  # fmt: skip
            writer.start(audit)
            rows = input_file.rows()
            for outcome in _outcomes(rows, screener, book, workers=workers, batch_size=batch_size):
                writer.write(outcome)
                summary.add(outcome)
                bar.update(summary.rows_read, summary.flagged)
            summary.trailing_blank_rows = input_file.trailing_blank_rows
            summary.ended_at = now_utc()
            summary.duration_seconds = round(time.monotonic() - clock, 3)
            writer.finish(summary)
        except BaseException as error:
            out.discard()
            if isinstance(error, KeyboardInterrupt):
                error.summary = summary  # type: ignore[attr-defined]  # for the summary line
                raise
            if isinstance(error, UnicodeError):
                raise InputError(f"the input cannot be read as {input_file.encoding}: {error}",
                                 path=input_file.name, hint="give the right --encoding") from None
            if isinstance(error, OSError) and not isinstance(error, BrokenPipeError):
                where = error.filename or (output if isinstance(output, (str, Path)) else None)
                raise InputError(f"the run stopped: {error.strerror or error}",
                                 path=where) from None
            raise
        finally:
            bar.close()
        out.commit()
        if format == "csv" and out.target is not None:
            _write_audit(out.target, audit, summary)
    return summary


def _write_audit(report: Path, audit: dict[str, Any], summary: RunSummary) -> None:
    """A CSV report's audit facts, which CSV has no place for: ``<report>.audit.json``."""
    sidecar = open_output(report.with_name(report.name + ".audit.json"))
    try:
        text = json.dumps({"header": audit, "summary": summary.as_record()},
                          ensure_ascii=False, indent=1)
        sidecar.stream.write(printable(text) + "\n")  # unreadable bytes of a header cell
    except BaseException:
        sidecar.discard()
        raise
    sidecar.commit()
