"""Reading the CSV exports (UK FCDO, OpenSanctions): decoding and header checks."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from sanctionscreen.errors import ListFormatError


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else cp1252 as older exports use."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def header_of(data: bytes) -> list[str]:
    """The first row of a CSV file's bytes, stripped; empty if it has none."""
    text = decode_text(data[:65536])
    try:
        return [cell.strip() for cell in next(csv.reader(io.StringIO(text, newline="")), [])]
    except csv.Error:
        return []


def dict_rows(
    data: bytes, path: Path, *, required: tuple[str, ...]
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(row number, {column: value})`` for each data row; the header must hold ``required``.

    Row 1 is the first row after the header. A row with more or fewer cells than the
    header is a :class:`ListFormatError` naming the row.
    """
    reader = csv.reader(io.StringIO(decode_text(data), newline=""))
    try:
        header = [cell.strip() for cell in next(reader, [])]
    except csv.Error as error:
        raise ListFormatError(f"CSV syntax error in the header: {error}", path=path) from None
    missing = [name for name in required if name not in header]
    if missing:
        raise ListFormatError(
            f"header lacks column(s) {', '.join(map(repr, missing))}; it has {header!r}",
            path=path, row=0, hint="check the file is the export this format expects",
        )
    row = 0
    try:
        for cells in reader:
            if not cells or all(not cell.strip() for cell in cells):
                continue
            row += 1
            if len(cells) != len(header):
                raise ListFormatError(
                    f"{len(cells)} columns where the header has {len(header)}",
                    path=path, row=row,
                    hint="the file is truncated or was edited; download it again",
                )
            yield row, {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
    except csv.Error as error:
        raise ListFormatError(f"CSV syntax error: {error}", path=path, row=row + 1) from None
