"""Reading supplier files: formats, delimiters, columns, stdin, and rows that are never dropped."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sanctionscreen.batch.readers import BLANK, open_input
from sanctionscreen.errors import InputError


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolon_csv_with_header_column_and_country(tmp_path: Path) -> None:
    path = write(
        tmp_path / "suppliers.csv",
        'Lieferant Nr;Firma;Land\n1;Müller GmbH;DE\n2;"Acme; Ltd";CN\n',
        "cp1252",
    )
    with open_input(path, column="firma", country_column=3) as source:
        assert (source.delimiter, source.encoding, source.name_column) == (";", "cp1252", "Firma")
        rows = list(source.rows())
    assert [(r.row, r.name, r.country) for r in rows] == [
        (2, "Müller GmbH", "DE"),
        (3, "Acme; Ltd", "CN"),
    ]


def test_tab_delimited_and_default_name_column(tmp_path: Path) -> None:
    path = write(
        tmp_path / "vendors.tsv", "vendor_id\tVendor Name\tcity\n7\tDalian Tianbao\tDalian\n"
    )
    with open_input(path) as source:
        assert source.name_column == "Vendor Name"
        assert [r.name for r in source.rows()] == ["Dalian Tianbao"]


def test_ragged_rows_are_kept_and_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path / "ragged.csv", "id,name,country\n1,Alpha Trading,KR,extra\n2\n3,Beta Ltd\n"
    )
    with open_input(path) as source:
        rows = list(source.rows())
    assert [r.row for r in rows] == [2, 3, 4]
    assert rows[0].screenable and "extra cells: 'extra'" in (rows[0].note or "")
    assert rows[0].cells == ("1", "Alpha Trading", "KR")
    assert not rows[1].screenable and "no cell for column 'name'" in (rows[1].problem or "")
    assert rows[2].screenable and rows[2].note == "row 4 has 2 cells, the header has 3"


def test_blank_rows_inside_are_errors_and_trailing_ones_are_counted(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.csv", "id,name\n1,Alpha\n\n,\n2,Beta\n,\n\n")
    with open_input(path) as source:
        rows = list(source.rows())
        assert source.trailing_blank_rows == 2
    assert [(r.row, r.problem == BLANK) for r in rows] == [
        (2, False), (3, True), (4, True), (5, False),
    ]  # fmt: skip


def test_empty_over_long_and_undecodable_names_are_error_rows(tmp_path: Path) -> None:
    long_name = "A" * 501
    data = f"id,name\n1,  \n2,{long_name}\n".encode() + b"3,Bad \xff name\n4,Fine Ltd\n"
    (tmp_path / "bad.csv").write_bytes(data)
    with open_input(tmp_path / "bad.csv", encoding="utf-8") as source:
        rows = list(source.rows())
    assert rows[0].problem == "the name is empty"
    assert "501 characters long, over the limit of 500" in (rows[1].problem or "")
    assert "not valid utf-8" in (rows[2].problem or "")
    assert rows[3].screenable


def test_a_huge_cell_is_an_error_row_and_reading_goes_on(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.csv", "id,name\n1," + "x" * 200_000 + "\n2,Next Ltd\n")
    with open_input(path) as source:
        rows = list(source.rows())
    assert "cannot be read as CSV" in (rows[0].problem or "")
    assert (rows[1].row, rows[1].name) == (3, "Next Ltd")


def test_an_unclosed_quote_is_reported_on_its_row(tmp_path: Path) -> None:
    path = write(tmp_path / "quote.csv", 'id,name\n1,"Alpha Ltd\n2,Beta Ltd\n')
    with open_input(path) as source:
        rows = list(source.rows())
    assert len(rows) == 1 and "line break" in (rows[0].problem or "")


def test_plain_text_one_name_per_line(tmp_path: Path) -> None:
    path = write(tmp_path / "names.txt", "Korea Heungjin Trading\r\n\r\n조선신흥무역회사\r\n")
    with open_input(path) as source:
        assert source.format == "text"
        rows = list(source.rows())
    assert [(r.row, r.name, r.problem) for r in rows] == [
        (1, "Korea Heungjin Trading", None),
        (2, None, BLANK),
        (3, "조선신흥무역회사", None),
    ]


def test_json_lines_keys_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"supplier": "大连天宝国际物流有限公司", "country": "CN"}, ensure_ascii=False),
        "{not json",
        json.dumps({"supplier": 42}),
        json.dumps(["a list"]),
        json.dumps("Plain Name Ltd"),
    ]
    path = write(tmp_path / "s.jsonl", "\n".join(lines) + "\n")
    with open_input(path, column="supplier", country_column="country") as source:
        assert source.columns == ("supplier", "country")
        rows = list(source.rows())
    assert (rows[0].name, rows[0].country) == ("大连天宝国际物流有限公司", "CN")
    assert "not valid JSON" in (rows[1].problem or "")
    assert "not text (got JSON int)" in (rows[2].problem or "")
    assert "not an object" in (rows[3].problem or "")
    assert rows[4].name == "Plain Name Ltd"


def test_stdin_is_read_and_hashed() -> None:
    data = "name\n조선신흥무역회사\nAcme\n".encode("cp949")
    with open_input("-", stdin=io.BytesIO(data), input_format="csv") as source:
        assert source.name == "-" and source.encoding == "cp949"
        assert source.sha256.startswith("sha256:") and source.size == len(data)
        assert [r.name for r in source.rows()] == ["조선신흥무역회사", "Acme"]


def test_format_is_guessed_from_content_on_stdin() -> None:
    with open_input("-", stdin=io.BytesIO(b"Alpha Ltd\nBeta Ltd\n")) as source:
        assert source.format == "text"
    with open_input("-", stdin=io.BytesIO(b'{"name": "Alpha"}\n')) as source:
        assert source.format == "jsonl"


def test_missing_file_and_unknown_column_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_input(tmp_path / "nope.csv")
    path = write(tmp_path / "s.csv", "id,name\n1,Alpha\n")
    with pytest.raises(InputError, match=r"row 1: no name column headed 'supplier'.*'id', 'name'"):
        open_input(path, column="supplier")
    with pytest.raises(InputError, match="name column 5 is out of range"):
        open_input(path, column="5")
    with pytest.raises(InputError, match="no header row"):
        open_input(write(tmp_path / "empty.csv", ""))


def test_rows_stream_and_cannot_be_read_twice(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "name\n" + "".join(f"Supplier {i}\n" for i in range(10)))
    with open_input(path) as source:
        rows = source.rows()
        assert next(rows).name == "Supplier 0"  # a generator: nothing read ahead of need
        assert len(list(rows)) == 9
        with pytest.raises(InputError, match="already read"):
            list(source.rows())
