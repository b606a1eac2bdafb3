"""Read an XLSX workbook sheet with openpyxl in read-only mode, one row at a time.

openpyxl is an optional dependency (``pip install 'sanctionscreen[xlsx]'``).
Cell values become text the way a reader sees them: whole numbers without
``.0``, dates as ISO dates, empty cells as "".
"""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from sanctionscreen.batch.columns import Columns, resolve_columns
from sanctionscreen.batch.rows import InputRow
from sanctionscreen.errors import InputError

if TYPE_CHECKING:
    from sanctionscreen.batch.readers import InputFile
    from sanctionscreen.batch.sources import Source


def cell_text(value: object) -> str:
    """A spreadsheet cell value as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return (
            value.isoformat(sep=" ")
            if value.time() != datetime.time()
            else value.date().isoformat()
        )
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _load_workbook(source: Source) -> Any:
    try:
        openpyxl = importlib.import_module("openpyxl")  # optional: the 'xlsx' extra
    except ImportError:
        raise InputError(
            "reading XLSX files needs openpyxl, which is not installed",
            path=source.name,
            hint="pip install 'sanctionscreen[xlsx]'",
        ) from None
    try:
        return openpyxl.load_workbook(source.stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError, ValueError... on bad files
        raise InputError(
            f"cannot read the file as an XLSX workbook: {error}",
            path=source.name,
            hint="save it from your spreadsheet as .xlsx, or export it as CSV",
        ) from None


def _pick_sheet(workbook: Any, sheet: str | int | None, path: str) -> Any:
    names: list[str] = list(workbook.sheetnames)
    if sheet is None or sheet == "":
        return workbook[names[0]]
    text = str(sheet).strip()
    if text in names:
        return workbook[text]
    if text.isdigit() and 1 <= int(text) <= len(names):
        return workbook[names[int(text) - 1]]
    raise InputError(
        f"no sheet {text!r} in the workbook",
        path=path,
        hint="the sheets are " + ", ".join(repr(n) for n in names) + " (or give a 1-based number)",
    )


def _rows(
    values: Iterator[tuple[Any, ...]], cols: Columns, *, max_length: int
) -> Iterator[InputRow]:
    from sanctionscreen.batch.readers import _make_row

    for number, row in enumerate(values, start=2):
        cells = [cell_text(v) for v in row]
        while len(cells) > len(cols.names) and cells[-1] == "":
            cells.pop()  # read-only sheets pad rows to the widest row
        yield _make_row(number, cells, cols, max_length=max_length, encoding=None)


def open_xlsx(
    source: Source,
    picks: Mapping[str, str | int | None],
    *,
    sheet: str | int | None,
    max_name_length: int,
) -> InputFile:
    """An :class:`InputFile` over one sheet of a workbook; its first row is the header."""
    from sanctionscreen.batch.readers import InputFile

    workbook = _load_workbook(source)
    chosen = _pick_sheet(workbook, sheet, source.name)
    values: Iterator[tuple[Any, ...]] = chosen.iter_rows(values_only=True)
    header_values = next(values, None)
    header = [cell_text(v).strip() for v in header_values or ()]
    while header and header[-1] == "":
        header.pop()
    if not header:
        raise InputError(
            f"sheet {chosen.title!r} has no header row",
            path=source.name,
            row=1,
            hint="the first row must name the columns",
        )
    cols = resolve_columns(header, picks, path=source.name)
    return InputFile(
        name=source.name,
        sha256=source.sha256,
        size=source.size,
        format="xlsx",
        encoding=None,
        columns=cols.names,
        name_column=cols.names[cols.name],
        country_column=cols.label(cols.country),
        address_column=cols.label(cols.address),
        sheet=str(chosen.title),
        _source=source,
        _rows=_rows(values, cols, max_length=max_name_length),
    )
