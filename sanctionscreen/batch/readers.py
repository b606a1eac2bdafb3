"""Read supplier files as a stream of rows: CSV, XLSX, JSON lines or one name per line.

:func:`open_input` opens a path (or ``-`` for standard input), finds format,
encoding, delimiter and columns, and returns an :class:`InputFile` whose
``rows()`` generator yields one :class:`~sanctionscreen.batch.rows.InputRow`
per row of the file, in order, numbered as a spreadsheet numbers them. No row
is dropped: a row that cannot be screened carries a ``problem``. Blank rows
after the last non-blank row are counted (``trailing_blank_rows``), not yielded.
Each row carries its kept columns (``--keep-column``, else the id and city
columns) as ``InputRow.kept``; a plain text file has no columns to keep.
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from sanctionscreen.batch.columns import Columns, default_kept_columns, resolve_columns
from sanctionscreen.batch.encoding import text_stream
from sanctionscreen.batch.header import choose_header
from sanctionscreen.batch.rows import InputRow, describe_cell, name_problem
from sanctionscreen.batch.sources import (
    InputFormat,
    Source,
    check_format,
    guess_format,
    open_source,
)
from sanctionscreen.errors import InputError

DELIMITERS = (",", ";", "\t", "|")
BLANK = "the row is blank: nothing to screen"


@dataclass
class InputFile:
    """An opened input: what it is, its columns, and its rows (read once, as a stream)."""

    name: str
    sha256: str
    size: int
    format: InputFormat
    encoding: str | None
    columns: tuple[str, ...]
    name_column: str
    country_column: str | None = None
    address_column: str | None = None
    sheet: str | None = None
    delimiter: str | None = None
    kept_columns: tuple[str, ...] = ()  # the headers of the columns each row keeps
    trailing_blank_rows: int = 0
    # How the file was read where that was a guess (a low-confidence encoding, whether
    # the first row is a header): said in the run summary and the audit header.
    notes: list[str] = field(default_factory=list)
    _source: Source | None = field(default=None, repr=False)
    _rows: Iterator[InputRow] | None = field(default=None, repr=False)

    def rows(self) -> Iterator[InputRow]:
        """Every row, in file order; trailing blank rows are counted, not yielded."""
        if self._rows is None:
            raise InputError("the rows of this input were already read", path=self.name)
        rows, self._rows = self._rows, None
        pending: list[InputRow] = []
        for row in rows:
            if row.problem == BLANK:
                pending.append(row)  # blank rows in a run: kept only until the next data row
                continue
            yield from pending
            pending.clear()
            yield row
        self.trailing_blank_rows = len(pending)

    def close(self) -> None:
        """Close the file."""
        if self._source is not None:
            self._source.close()

    def __enter__(self) -> InputFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter that appears most often in the header line (outside quotes)."""
    outside, quoted = [], False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(char)
    text = "".join(outside)
    counts = {sep: text.count(sep) for sep in DELIMITERS}
    best = max(DELIMITERS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _make_row(
    number: int, cells: list[str], cols: Columns, *, max_length: int, encoding: str | None
) -> InputRow:
    width = len(cols.names)
    if not any(cell.strip() for cell in cells):
        return _unread_row(number, cols, BLANK)
    note = None
    if len(cells) != width:
        note = f"row {number} has {len(cells)} cells, the header has {width}"
        if len(cells) > width:
            note += "; extra cells: " + ", ".join(describe_cell(c) for c in cells[width:])
    padded = tuple(cells[:width]) + ("",) * (width - len(cells))

    def cell(index: int | None) -> str | None:
        return cells[index].strip() if index is not None and index < len(cells) else None

    name = cell(cols.name)
    if name is None:
        problem: str | None = f"the row has no cell for column {cols.names[cols.name]!r}"
    else:
        problem = name_problem(name, max_length=max_length, encoding=encoding)
    return InputRow(
        row=number,
        name=name,
        cells=padded,
        country=cell(cols.country) or None,
        address=cell(cols.address) or None,
        problem=problem,
        note=note,
        kept=cols.kept_cells(padded),
    )


def _unread_row(number: int, cols: Columns, problem: str) -> InputRow:
    """A row with no cells read (blank, or unreadable): every cell and kept value ""."""
    cells = ("",) * len(cols.names)
    return InputRow(row=number, name=None, cells=cells, problem=problem,
                    kept=cols.kept_cells(cells))


def _csv_rows(
    reader: Iterator[list[str]], cols: Columns, *, max_length: int, encoding: str | None,
    first_row: int = 2,
) -> Iterator[InputRow]:
    number = first_row - 1  # row 1 is the header, if there is one
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield _unread_row(number, cols, f"the row cannot be read as CSV: {error}")
            continue
        yield _make_row(number, cells, cols, max_length=max_length, encoding=encoding)


def _text_rows(
    lines: Iterator[str], *, max_length: int, encoding: str | None
) -> Iterator[InputRow]:
    cols = Columns(names=("name",), name=0)
    for number, line in enumerate(lines, start=1):
        cells = [line.rstrip("\r\n")]
        yield _make_row(number, cells, cols, max_length=max_length, encoding=encoding)


def _json_cell(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _jsonl_rows(
    lines: Iterator[str], keys: tuple[str, ...], cols: Columns, *, max_length: int
) -> Iterator[InputRow]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            yield _unread_row(number, cols, BLANK)
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            yield _unread_row(number, cols, f"line {number} is not valid JSON: {error}")
            continue
        if isinstance(record, str):
            record = {keys[cols.name]: record}
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield _unread_row(number, cols, f"line {number} is a JSON {kind}, not an object")
            continue
        values = [record.get(key) for key in keys]
        row = _make_row(
            number, [_json_cell(v) for v in values], cols, max_length=max_length, encoding=None
        )
        raw_name = values[cols.name]
        if row.problem is None and raw_name is not None and not isinstance(raw_name, str):
            row = InputRow(
                row=number, name=None, cells=row.cells, kept=row.kept,
                problem=f"the name is not text (got JSON {type(raw_name).__name__})",
            )  # fmt: skip
        yield row


def _first_jsonl_keys(stream: BinaryIO, encoding: str) -> list[str]:
    start = stream.tell()
    text, _ = text_stream(stream, encoding=encoding)
    keys: list[str] = []
    try:
        for _, line in zip(range(1000), text, strict=False):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                keys.extend(k for k in record if k not in keys)
    finally:
        text.detach()
    stream.seek(start)
    return keys


def open_input(
    source: str | Path,
    *,
    input_format: str | None = None,
    column: str | int | None = None,
    country_column: str | int | None = None,
    address_column: str | int | None = None,
    encoding: str | None = None,
    sheet: str | int | None = None,
    max_name_length: int = 500,
    stdin: BinaryIO | None = None,
    header: bool | None = None,
    keep_columns: Sequence[str | int] | None = None,
) -> InputFile:
    """Open a supplier file (or ``-``) for screening; :class:`InputError` if it cannot be read.

    ``column`` names the name column by header or 1-based index; without it, a
    column headed like "name" or "supplier" is used, else the first column.
    ``header`` says whether a CSV file's first row is its header; None guesses
    (:mod:`sanctionscreen.batch.header`) and records the choice in ``notes``.
    ``keep_columns`` names the columns each row carries to the outputs
    (``InputRow.kept``); None keeps the id and city columns. A plain text file has
    none to name: naming one there is an :class:`InputError`.
    """
    fmt = check_format(input_format)
    if isinstance(keep_columns, str):
        keep_columns = [keep_columns]  # one column given as a bare header, not its letters
    opened = open_source(source, stdin=stdin)
    try:
        fmt = fmt or guess_format(opened)
        picks = {"column": column, "country": country_column, "address": address_column}
        if fmt == "xlsx":
            from sanctionscreen.batch.xlsx import open_xlsx

            opened_xlsx = open_xlsx(opened, picks, sheet=sheet, max_name_length=max_name_length)
            return _keeping(opened_xlsx, keep_columns)
        notes: list[str] = []
        text, used = text_stream(opened.stream, encoding=encoding, doubts=notes)
        make: Callable[[Columns], Iterator[InputRow]]
        delimiter = None
        if fmt == "csv":
            header_line = text.readline()
            if not header_line.strip():
                raise InputError(
                    "the file has no header row", path=opened.name, row=1,
                    hint="the first row must name the columns",
                )  # fmt: skip
            delimiter = _sniff_delimiter(header_line)
            first = next(csv.reader([header_line], delimiter=delimiter), [])
            header_picks = {**picks, **{f"keep {i}": k for i, k in enumerate(keep_columns or ())}}
            choice = choose_header(first, header_picks, given=header)
            notes.append(choice.why)
            if choice.is_header:
                columns, first_row = first, 2
                reader = csv.reader(text, delimiter=delimiter)
            else:
                columns, first_row = [f"column {i}" for i in range(1, len(first) + 1)], 1
                reader = csv.reader(itertools.chain([header_line], text), delimiter=delimiter)

            def make(cols: Columns) -> Iterator[InputRow]:
                return _csv_rows(reader, cols, max_length=max_name_length, encoding=used,
                                 first_row=first_row)

        elif fmt == "jsonl":
            text.detach()
            columns = _first_jsonl_keys(opened.stream, used) or ["name"]
            text, used = text_stream(opened.stream, encoding=used)

            def make(cols: Columns) -> Iterator[InputRow]:
                return _jsonl_rows(text, cols.names, cols, max_length=max_name_length)

        else:
            if keep_columns:
                raise InputError(
                    "a plain text file has no columns to keep: it holds one name a line",
                    path=opened.name, hint="drop --keep-column, or screen a CSV file",
                )  # fmt: skip
            columns = ["name"]

            def make(cols: Columns) -> Iterator[InputRow]:
                return _text_rows(text, max_length=max_name_length, encoding=used)

        cols = resolve_columns(
            [h.strip() for h in columns], picks, path=opened.name, keyed=fmt == "jsonl",
            keep=keep_columns,
        )
        return InputFile(
            name=opened.name, sha256=opened.sha256, size=opened.size, format=fmt,
            encoding=used, columns=cols.names, name_column=cols.names[cols.name],
            country_column=cols.label(cols.country), address_column=cols.label(cols.address),
            delimiter=delimiter, kept_columns=cols.kept_names(), notes=notes, _source=opened,
            _rows=make(cols),
        )  # fmt: skip
    except BaseException:
        opened.close()
        raise


def _keeping(input_file: InputFile, keep: Sequence[str | int] | None) -> InputFile:
    """``input_file`` (an XLSX sheet, whose reader keeps the id and city) with ``keep`` kept."""
    headers = list(input_file.columns)
    cols = resolve_columns(headers, {}, path=input_file.name, keep=keep)
    input_file.kept_columns = cols.kept_names()
    rows = input_file._rows
    if rows is not None and cols.kept != tuple(default_kept_columns(headers)):
        input_file._rows = (replace(row, kept=cols.kept_cells(row.cells)) for row in rows)
    return input_file
