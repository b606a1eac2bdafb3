"""XLSX input through openpyxl in read-only mode."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import openpyxl
import pytest

from sanctionscreen.batch.readers import open_input
from sanctionscreen.errors import InputError


def workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Notes"
    first.append(["nothing here"])
    sheet = book.create_sheet("Suppliers")
    sheet.append(["Vendor No", "Vendor Name", "Country", "Since"])
    sheet.append([1001, "조선신흥무역회사", "KP", datetime.date(2020, 1, 31)])
    sheet.append([1002.0, "@SUM Trading", None, None])
    sheet.append([None, None, None, None])
    sheet.append([1003, "Hitachi Ltd", "JP", None])
    book.save(path)
    return path


def test_reads_a_chosen_sheet_by_name_and_number(tmp_path: Path) -> None:
    path = workbook(tmp_path / "vendors.xlsx")
    for sheet in ("Suppliers", "2"):
        with open_input(path, sheet=sheet, country_column="country") as source:
            assert (source.format, source.sheet, source.name_column) == (
                "xlsx", "Suppliers", "Vendor Name",
            )  # fmt: skip
            rows = list(source.rows())
        assert [(r.row, r.name, r.country) for r in rows] == [
            (2, "조선신흥무역회사", "KP"),
            (3, "@SUM Trading", None),
            (4, None, None),
            (5, "Hitachi Ltd", "JP"),
        ]
        assert rows[0].cells == ("1001", "조선신흥무역회사", "KP", "2020-01-31")
        assert rows[1].cells[0] == "1002"


def test_unknown_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = workbook(tmp_path / "vendors.xlsx")
    with pytest.raises(InputError, match=r"no sheet 'Lieferanten'.*'Notes', 'Suppliers'"):
        open_input(path, sheet="Lieferanten")


def test_a_corrupt_workbook_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="cannot read the file as an XLSX workbook"):
        open_input(path)


def test_missing_openpyxl_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = workbook(tmp_path / "vendors.xlsx")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # what an install without the extra sees
    with pytest.raises(InputError, match=r"pip install 'sanctionscreen\[xlsx\]'"):
        open_input(path)
