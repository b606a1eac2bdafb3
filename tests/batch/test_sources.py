"""Opening a supplier file or standard input: hashing, errors, and guessing the format."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from sanctionscreen.batch.sources import (
    INPUT_FORMATS,
    Source,
    check_format,
    guess_format,
    open_source,
)
from sanctionscreen.errors import InputError

SUPPLIERS = (
    b"id,name,country\n"
    b"1,Dalian Tianbao Intl Logistics Co Ltd,CN\n"
    b"2,Brightwave Textiles GmbH,DE\n"
    b"3,Korea Shinheung Trading Corp.,KP\n"
)


def sha256(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def opened_bytes(data: bytes) -> Source:
    """A source over ``data`` as if read from standard input (no path, so no suffix)."""
    return open_source("-", stdin=io.BytesIO(data))


def test_open_a_file_hashes_it_and_rewinds(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_bytes(SUPPLIERS)
    source = open_source(path)
    try:
        assert source.name == str(path)
        assert source.path == path
        assert source.size == len(SUPPLIERS)
        assert source.sha256 == sha256(SUPPLIERS)
        assert source.stream.read() == SUPPLIERS  # read again from the start
    finally:
        source.close()
    assert source.stream.closed


def test_open_a_path_given_as_text(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_bytes(SUPPLIERS)
    source = open_source(str(path))
    try:
        assert source.name == str(path)
        assert source.path == path
    finally:
        source.close()


def test_open_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    source = open_source(path)
    try:
        assert source.size == 0
        assert source.sha256 == sha256(b"")
        assert source.stream.read() == b""
    finally:
        source.close()


def test_the_hash_covers_a_file_of_several_chunks(tmp_path: Path) -> None:
    # Over the 1 MiB read size, and not a whole number of chunks.
    data = SUPPLIERS * 30_000
    assert len(data) > 2 * 1024 * 1024
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    source = open_source(path)
    try:
        assert source.size == len(data)
        assert source.sha256 == sha256(data)
        assert source.stream.read(len(SUPPLIERS)) == SUPPLIERS
    finally:
        source.close()


def test_standard_input_is_copied_hashed_and_readable_again() -> None:
    incoming = io.BytesIO(SUPPLIERS)
    source = open_source("-", stdin=incoming)
    try:
        assert source.name == "-"
        assert source.path is None
        assert source.size == len(SUPPLIERS)
        assert source.sha256 == sha256(SUPPLIERS)
        assert source.stream.read() == SUPPLIERS
        source.stream.seek(0)
        assert source.stream.read(2) == b"id"  # seekable, unlike a pipe
    finally:
        source.close()


def test_standard_input_keeps_unreadable_bytes_as_they_are() -> None:
    data = b"name\nCaf\xe9 Brightwave\n\xff\xfe\x00junk\n"
    source = open_source("-", stdin=io.BytesIO(data))
    try:
        assert source.sha256 == sha256(data)
        assert source.stream.read() == data
    finally:
        source.close()


def test_a_missing_file_says_so_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "suppliers-2024.csv"
    with pytest.raises(InputError) as caught:
        open_source(path)
    error = caught.value
    assert error.message == "no such file"
    assert error.path == str(path)
    assert error.hint == "check the path"
    assert str(error) == f"{path}: no such file (check the path)"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        open_source(tmp_path)
    assert caught.value.message == "this is a folder, not a file"
    assert caught.value.path == str(tmp_path)


def test_a_nul_in_the_path_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        open_source("suppliers\x00.csv")
    assert caught.value.message == "the input path holds a NUL character"
    assert caught.value.path == repr("suppliers\x00.csv")  # shown escaped, never raw
    assert "\x00" not in str(caught.value)


def test_a_path_the_system_refuses_gives_the_reason_and_a_short_path(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 5000 + ".csv")  # over NAME_MAX: the OS refuses to open it
    with pytest.raises(InputError) as caught:
        open_source(path)
    error = caught.value
    assert error.message.startswith("cannot open the file: ")
    assert "name too long" in error.message.lower()
    assert error.path is not None and len(error.path) <= 200


@pytest.mark.parametrize("junk", [None, 42, b"suppliers.csv", ["suppliers.csv"]])
def test_a_source_that_is_not_a_path_is_an_input_error(junk: object) -> None:
    with pytest.raises(InputError) as caught:
        open_source(junk)  # type: ignore[arg-type]
    assert caught.value.message == (
        f"the input must be a file path or '-', not {type(junk).__name__}"
    )
    assert caught.value.hint is not None and "CSV" in caught.value.hint


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        (".csv", "csv"), (".CSV", "csv"), (".tsv", "csv"), (".tab", "csv"),
        (".xlsx", "xlsx"), (".XLSM", "xlsx"), (".jsonl", "jsonl"), (".ndjson", "jsonl"),
        (".txt", "text"), (".lst", "text"),
    ],
)  # fmt: skip
def test_a_telling_suffix_decides_over_the_content(
    tmp_path: Path, suffix: str, expected: str
) -> None:
    path = tmp_path / f"suppliers{suffix}"
    path.write_bytes(b'{"name": "Brightwave Textiles GmbH"}\n')  # JSON content on purpose
    source = open_source(path)
    try:
        assert guess_format(source) == expected
    finally:
        source.close()


def test_an_unknown_suffix_is_guessed_from_the_content(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.dat"
    path.write_bytes(SUPPLIERS)
    source = open_source(path)
    try:
        assert guess_format(source) == "csv"
    finally:
        source.close()


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SUPPLIERS, "csv"),
        (b"name;land\nBrightwave Textiles GmbH;DE\n", "csv"),
        (b"name\tcountry\nBrightwave Textiles GmbH\tDE\n", "csv"),
        (b"name|country\n", "csv"),
        (b'{"name": "Korea Shinheung Trading Corp."}\n', "jsonl"),
        (b'  \n\n["Korea Shinheung Trading Corp."]\n', "jsonl"),
        (b"Dalian Tianbao Intl Logistics Co Ltd\nBrightwave Textiles GmbH\n", "text"),
        ("大连天宝国际物流有限公司\n조선신흥무역회사\n".encode(), "text"),
        (b"", "text"),
        (b"\xef\xbb\xbfid,name\n1,Brightwave Textiles GmbH\n", "csv"),
        (b'\xef\xbb\xbf{"name": "Brightwave Textiles GmbH"}\n', "jsonl"),
        (b"\xff\xfe" + "name,country\n".encode("utf-16-le"), "csv"),
        (b"\xfe\xff" + '{"name": "x"}\n'.encode("utf-16-be"), "jsonl"),
        (b"\xff\xfe" + "Brightwave Textiles GmbH\n".encode("utf-16-le"), "text"),
    ],
)
def test_guess_format_from_the_first_bytes(data: bytes, expected: str) -> None:
    source = opened_bytes(data)
    try:
        assert guess_format(source) == expected
    finally:
        source.close()


def test_a_zip_file_is_a_workbook() -> None:
    source = opened_bytes(xlsx_bytes())
    try:
        assert guess_format(source) == "xlsx"
    finally:
        source.close()


def test_only_the_first_line_decides() -> None:
    # A comma on the second line does not make a list of names a CSV file.
    source = opened_bytes(b"Brightwave Textiles GmbH\nDalian Tianbao Intl Logistics Co., Ltd\n")
    try:
        assert guess_format(source) == "text"
    finally:
        source.close()


def test_guessing_leaves_the_stream_where_it_was() -> None:
    source = opened_bytes(SUPPLIERS)
    try:
        source.stream.seek(3)
        guess_format(source)
        assert source.stream.tell() == 3
        assert source.stream.read() == SUPPLIERS[3:]
    finally:
        source.close()


def test_check_format() -> None:
    assert check_format(None) is None
    for fmt in INPUT_FORMATS:
        assert check_format(fmt) == fmt
    assert INPUT_FORMATS == ("csv", "xlsx", "jsonl", "text")


@pytest.mark.parametrize("bad", ["CSV", "xls", "json", "", "tsv"])
def test_an_unknown_format_lists_the_known_ones(bad: str) -> None:
    with pytest.raises(InputError) as caught:
        check_format(bad)
    assert caught.value.message == f"unknown input format {bad!r}"
    assert caught.value.hint == "use one of csv, xlsx, jsonl, text"
