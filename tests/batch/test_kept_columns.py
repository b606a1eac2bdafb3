"""The supplier's own columns (id, city, ``--keep-column``) in each reader, output and report."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import StubScreener, report_data

from sanctionscreen.batch.html_report import HtmlWriter
from sanctionscreen.batch.readers import open_input
from sanctionscreen.batch.runner import screen_file
from sanctionscreen.errors import InputError

# A supplier master export as procurement tools write it; S-1003 has no city, and
# S-1004 stops short of its last cells.
SUPPLIERS = (
    "Supplier ID,name,City,country,buyer\n"
    "S-1001,Korea Heungjin Trading,Pyongyang,KP,Anna Weber\n"
    "S-1002,Samsung Electronics,Suwon,KR,Ben Okafor\n"
    "S-1003,Dalian Tianbao Logistics,,CN,Chen Li\n"
    "S-1004,Siemens AG\n"
    "S-1005,,Hamburg,DE,Anna Weber\n"
)
IDS = ["S-1001", "S-1002", "S-1003", "S-1004", "S-1005"]
CITIES = ["Pyongyang", "Suwon", "", "", "Hamburg"]


def write(tmp_path: Path, text: str = SUPPLIERS, name: str = "suppliers.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def kept_of(path: Path, **options: Any) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    with open_input(path, **options) as source:
        return source.kept_columns, [dict(row.kept) for row in source.rows()]


def test_id_and_city_are_kept_without_asking(tmp_path: Path) -> None:
    columns, kept = kept_of(write(tmp_path))
    assert columns == ("Supplier ID", "City")
    assert [k["Supplier ID"] for k in kept] == IDS
    assert [k["City"] for k in kept] == CITIES  # a missing cell is "", not a crash


@pytest.mark.parametrize("header", ["id", "supplier_id", "VENDOR_ID", " Town "])
def test_every_id_and_city_header_is_kept(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, f"{header},name\nX-7,Acme GmbH\n")
    columns, kept = kept_of(path)
    assert columns == (header.strip(),) and kept == [{header.strip(): "X-7"}]


def test_keep_column_by_header_and_number_replaces_the_default(tmp_path: Path) -> None:
    columns, kept = kept_of(write(tmp_path), keep_columns=["BUYER", "3", "buyer"])
    assert columns == ("buyer", "City")  # each column once, in the order asked
    assert kept[0] == {"buyer": "Anna Weber", "City": "Pyongyang"}
    assert kept[3] == {"buyer": "", "City": ""}
    assert kept_of(write(tmp_path), keep_columns="buyer")[0] == ("buyer",)  # one, not letters


def test_no_column_is_kept_when_none_is_asked_for(tmp_path: Path) -> None:
    columns, kept = kept_of(write(tmp_path), keep_columns=[])
    assert columns == () and kept == [{}] * 5


def test_an_unknown_keep_column_names_the_columns_there_are(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        open_input(write(tmp_path), keep_columns=["cost centre"])
    message = str(caught.value)
    assert "no kept column headed 'cost centre'" in message
    assert "'Supplier ID', 'name', 'City', 'country', 'buyer'" in message
    with pytest.raises(InputError, match="kept column 9 is out of range"):
        open_input(write(tmp_path), keep_columns=[9])


def test_a_plain_text_file_has_no_column_to_keep(tmp_path: Path) -> None:
    path = write(tmp_path, "Korea Heungjin Trading\nSiemens AG\n", "names.txt")
    assert kept_of(path) == ((), [{}, {}])
    with pytest.raises(InputError, match="a plain text file has no columns to keep"):
        open_input(path, keep_columns=["name"])


def test_json_lines_keep_columns(tmp_path: Path) -> None:
    lines = [
        {"id": 17, "name": "Korea Heungjin Trading", "city": "Rason", "buyer": "Anna Weber"},
        {"id": 18, "name": "Siemens AG"},
        "not an object",
    ]
    path = write(tmp_path, "".join(json.dumps(x) + "\n" for x in lines), "suppliers.jsonl")
    assert kept_of(path) == (("id", "city"), [
        {"id": "17", "city": "Rason"}, {"id": "18", "city": ""}, {"id": "", "city": ""},
    ])  # fmt: skip
    assert kept_of(path, keep_columns=["buyer"])[1][:2] == [{"buyer": "Anna Weber"}, {"buyer": ""}]


def test_xlsx_keep_columns(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Vendor_ID", "Vendor Name", "Town", "Buyer"])
    sheet.append([1001, "조선신흥무역회사", "Rason", "Anna Weber"])
    sheet.append([1002, "Hitachi Ltd", None, None])
    book.save(tmp_path / "vendors.xlsx")
    path = tmp_path / "vendors.xlsx"
    assert kept_of(path) == (("Vendor_ID", "Town"), [
        {"Vendor_ID": "1001", "Town": "Rason"}, {"Vendor_ID": "1002", "Town": ""},
    ])  # fmt: skip
    assert kept_of(path, keep_columns=["buyer", "1"]) == (("Buyer", "Vendor_ID"), [
        {"Buyer": "Anna Weber", "Vendor_ID": "1001"}, {"Buyer": "", "Vendor_ID": "1002"},
    ])  # fmt: skip
    with pytest.raises(InputError, match="no kept column headed 'city'"):
        open_input(path, keep_columns=["city"])


def run(tmp_path: Path, fmt: str, **options: Any) -> str:
    out = tmp_path / f"report.{fmt}"
    summary = screen_file(write(tmp_path), out, screener=StubScreener(), format=fmt,
                          country_column="country", **options)  # fmt: skip
    assert summary.rows_read == 5
    return out.read_text("utf-8")


def test_csv_carries_every_input_column(tmp_path: Path) -> None:
    rows = list(csv.DictReader(run(tmp_path, "csv").splitlines()))
    assert [r["row"] for r in rows] == ["2", "3", "4", "5", "6"]  # one output row per input row
    assert [r["Supplier ID"] for r in rows] == IDS and [r["City"] for r in rows] == CITIES
    assert rows[0]["buyer"] == "Anna Weber" and rows[4]["decision"] == "error"
    audit = json.loads((tmp_path / "report.csv.audit.json").read_text("utf-8"))
    assert audit["header"]["input"]["kept_columns"] == ["Supplier ID", "City"]


def test_json_lines_records_carry_kept_and_input(tmp_path: Path) -> None:
    text = run(tmp_path, "jsonl", keep_columns=["buyer", "supplier id"])
    records = [json.loads(line) for line in text.splitlines()]
    assert records[0]["input"]["kept_columns"] == ["buyer", "Supplier ID"]
    results = [r for r in records if r["record"] == "result"]
    assert [r["kept"]["Supplier ID"] for r in results] == IDS
    assert [r["kept"]["buyer"] for r in results] == [
        "Anna Weber", "Ben Okafor", "Chen Li", "", "Anna Weber",
    ]  # fmt: skip
    assert results[0]["input"]["City"] == "Pyongyang" and results[4]["decision"] == "error"


def test_html_report_data_and_table_head_carry_kept_columns(tmp_path: Path) -> None:
    page = run(tmp_path, "html")
    data = report_data(page)
    assert data["kept"] == ["Supplier ID", "City"]
    assert [r[0] for r in data["rows"]] == [2, 3, 4, 5, 6]
    assert [r[8] for r in data["rows"]] == [list(pair) for pair in zip(IDS, CITIES, strict=True)]
    head = page.split('<table id="rows"><thead>', 1)[1].split("</thead>", 1)[0]
    assert '<th>row</th><th class="kept">Supplier ID</th><th class="kept">City</th>' in head
    assert 'colspan="9"' in page


def test_html_escapes_kept_headers_and_values(tmp_path: Path) -> None:
    path = write(tmp_path, 'name,"<b>ref</b>"\nKorea Heungjin Trading,"</script><i>x"\n')
    out = tmp_path / "report.html"
    screen_file(path, out, screener=StubScreener(), format="html", keep_columns=["<b>ref</b>"])
    page = out.read_text("utf-8")
    assert "<b>ref</b>" not in page and "<i>x" not in page
    assert '<th class="kept">&lt;b&gt;ref&lt;/b&gt;</th>' in page
    assert report_data(page)["rows"][0][8] == ["</script><i>x"]


def test_html_writer_without_kept_columns_keeps_seven_columns() -> None:
    import io

    out = io.StringIO()
    writer = HtmlWriter(out)
    writer.start({"input": {"file": "x.csv"}})
    from sanctionscreen.batch.audit import RunSummary

    writer.finish(RunSummary())
    page = out.getvalue()
    assert 'class="kept"' not in page and 'colspan="7"' in page
    assert report_data(page)["kept"] == []
