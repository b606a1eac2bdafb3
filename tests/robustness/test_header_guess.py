"""A headerless CSV input loses no row: its first row is a header only when it looks like one
(issue 18)."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionscreen.batch.header import choose_header, names_a_column

Cli = Callable[..., tuple[int, str, str]]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_two_names_on_stdin_are_two_rows(monkeypatch: pytest.MonkeyPatch, cli: Cli) -> None:
    _stdin(monkeypatch, b"Office 39, Ltd\nAcme Bakery\n")
    code, out, err = cli("screen", "-")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["row"], r["decision"]) for r in rows] == [("1", "match"), ("2", "clear")]
    assert err.startswith("2 rows read, 2 screened")
    assert "first row read as data" in err and code == 1


def test_no_header_and_header_override_the_guess(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("Acme Bakery,GB\nProfinet,RU\n", encoding="utf-8")
    _, out, err = cli("screen", str(path), "--header")
    assert [r["Acme Bakery"] for r in csv.DictReader(io.StringIO(out))] == ["Profinet"]
    assert "first row read as the header (--header)" in err
    path.write_text("name,country\nProfinet,RU\n", encoding="utf-8")
    _, out, err = cli("screen", str(path), "--no-header")
    assert [r["column 1"] for r in csv.DictReader(io.StringIO(out))] == ["name", "Profinet"]
    assert "first row read as data (--no-header)" in err


@pytest.mark.parametrize("row", [["supplier_id", "name", "country"], ["VendorName", "Land"],
                                 ["Lieferant", "Ort"], ["Company Name", "Country Code"]])
def test_headers_of_real_exports_are_headers(row: list[str]) -> None:
    assert choose_header(row, {}, given=None).is_header


@pytest.mark.parametrize("row", [["Office 39", " Ltd"], ["Acme Bakery", "GB"],
                                 ["Korea Trading Company"], ["ООО «Профинет»", "RU"]])
def test_suppliers_are_not_headers(row: list[str]) -> None:
    assert not choose_header(row, {}, given=None).is_header


def test_a_column_named_by_its_header_means_a_header() -> None:
    assert choose_header(["Kreditorname", "Sitz"], {"column": "Kreditorname"}, given=None).is_header
    assert not names_a_column("Acme Company Ltd")
