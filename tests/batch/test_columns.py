"""Picking the name, country, address and kept columns of a supplier file."""

from __future__ import annotations

import pytest

from sanctionscreen.batch.columns import (
    KEEP_HEADERS,
    NAME_HEADERS,
    Columns,
    default_kept_columns,
    default_name_column,
    resolve_columns,
)
from sanctionscreen.errors import InputError

HEADERS = ["Supplier ID", "Supplier Name", "Country", "Street Address", "City"]


def test_default_name_column_prefers_the_earliest_known_header() -> None:
    # "name" comes before "supplier name" in NAME_HEADERS, whatever the column order.
    assert default_name_column(["Supplier Name", "Name", "Country"]) == 1
    assert default_name_column(["Vendor", "Company Name"]) == 0  # "vendor" before "company name"
    assert NAME_HEADERS.index("vendor") < NAME_HEADERS.index("company name")


def test_default_name_column_ignores_case_and_spaces() -> None:
    assert default_name_column(["id", "  SUPPLIER_NAME  ", "country"]) == 1


def test_default_name_column_falls_back_to_a_header_containing_name() -> None:
    assert default_name_column(["Nr", "Firmenname", "Land"]) == 1


def test_default_name_column_falls_back_to_the_first_column() -> None:
    assert default_name_column(["Kreditor", "Land"]) == 0
    assert default_name_column([]) == 0


def test_resolve_by_header_is_case_insensitive_and_strips_the_pick() -> None:
    cols = resolve_columns(
        HEADERS, {"column": "  supplier NAME ", "country": "COUNTRY"}, path="suppliers.csv"
    )
    assert cols.name == 1
    assert cols.country == 2
    assert cols.address is None
    assert cols.label(cols.name) == "Supplier Name"
    assert cols.label(cols.country) == "Country"
    assert cols.label(None) is None


def test_resolve_matches_a_header_with_surrounding_spaces() -> None:
    # The module docstring: headers are "compared without case or surrounding spaces";
    # default_name_column strips them, so an explicit pick must find the same column.
    cols = resolve_columns(
        [" Supplier Name ", "Country"], {"column": "Supplier Name"}, path="s.csv"
    )
    assert cols.name == 0


def test_resolve_by_one_based_number() -> None:
    cols = resolve_columns(HEADERS, {"column": 2, "address": "4"}, path="suppliers.csv")
    assert cols.name == 1
    assert cols.address == 3
    assert cols.label(cols.address) == "Street Address"


def test_a_header_that_looks_like_a_number_wins_over_the_position() -> None:
    # A header "2" is found by name before "2" is read as the second column.
    cols = resolve_columns(["1", "2", "name"], {"column": "2"}, path="s.csv")
    assert cols.name == 1
    cols = resolve_columns(["id", "name", "2"], {"column": "2"}, path="s.csv")
    assert cols.name == 2


def test_no_pick_uses_the_default_name_column() -> None:
    for picks in ({}, {"column": None}, {"column": ""}):
        cols = resolve_columns(HEADERS, picks, path="s.csv")
        assert cols.name == 1
        assert cols.country is None and cols.address is None


def test_names_are_a_tuple_and_the_callers_list_is_not_changed() -> None:
    headers = ["name"]
    cols = resolve_columns(headers, {"country": "country"}, path="s.jsonl", keyed=True)
    assert cols.names == ("name", "country")
    assert cols.country == 1
    assert headers == ["name"]


@pytest.mark.parametrize("number", [0, 6, "0", "6", "99999999999999999999"])
def test_a_number_out_of_range_says_how_many_columns_there_are(number: object) -> None:
    with pytest.raises(InputError) as caught:
        resolve_columns(HEADERS, {"column": number}, path="suppliers.csv")  # type: ignore[dict-item]
    error = caught.value
    assert error.path == "suppliers.csv"
    assert error.row == 1
    assert f"name column {int(str(number))} is out of range" in error.message
    assert "the input has 5 columns" in error.message
    assert error.hint == "count columns from 1"


def test_an_unknown_header_lists_the_columns() -> None:
    with pytest.raises(InputError) as caught:
        resolve_columns(HEADERS, {"country": "Land"}, path="suppliers.csv")
    error = caught.value
    assert error.message == "no country column headed 'Land'"
    assert error.hint is not None
    assert error.hint.startswith("the columns are 'Supplier ID', 'Supplier Name', 'Country'")
    assert str(error).startswith("suppliers.csv: row 1: no country column headed 'Land'")


def test_the_list_of_columns_in_an_error_stops_at_thirty() -> None:
    headers = [f"col{i}" for i in range(1, 51)]
    with pytest.raises(InputError) as caught:
        resolve_columns(headers, {"column": "Firma"}, path="wide.csv")
    assert caught.value.hint is not None
    assert "'col30'" in caught.value.hint
    assert "'col31'" not in caught.value.hint


@pytest.mark.parametrize("junk", [True, False, 2.0, b"name", ["name"], ("Name",)])
def test_a_pick_that_is_not_text_or_a_number_is_an_input_error(junk: object) -> None:
    with pytest.raises(InputError) as caught:
        resolve_columns(HEADERS, {"address": junk}, path="s.csv")  # type: ignore[dict-item]
    assert caught.value.message == (
        f"the address column must be a header or a 1-based number, not {junk!r}"
    )
    assert caught.value.path == "s.csv"


def test_a_blank_pick_is_not_a_header() -> None:
    with pytest.raises(InputError, match="no name column headed ''"):
        resolve_columns(HEADERS, {"column": "   "}, path="s.csv")


def test_a_control_character_in_a_pick_is_quoted_in_the_message() -> None:
    with pytest.raises(InputError) as caught:
        resolve_columns(HEADERS, {"column": "Name\x1b[2J"}, path="s.csv")
    assert "'Name\\x1b[2J'" in caught.value.message
    assert "\x1b" not in caught.value.message


def test_a_superscript_digit_is_an_input_error_not_a_crash() -> None:
    # "²".isdigit() is True but int("²") raises ValueError.
    with pytest.raises(InputError):
        resolve_columns(HEADERS, {"column": "²"}, path="s.csv")


def test_json_lines_accept_a_key_the_first_records_lack() -> None:
    cols = resolve_columns(
        ["id", "name"], {"column": "legal_name", "address": "addr"}, path="s.jsonl", keyed=True
    )
    assert cols.names == ("id", "name", "legal_name", "addr")
    assert cols.name == 2
    assert cols.address == 3


def test_json_lines_still_reject_a_number_out_of_range() -> None:
    with pytest.raises(InputError, match="name column 7 is out of range"):
        resolve_columns(["id", "name"], {"column": 7}, path="s.jsonl", keyed=True)


def test_json_lines_reject_a_negative_column_number() -> None:
    # A number is a position, not a key: -1 must not become a column "-1".
    with pytest.raises(InputError):
        resolve_columns(["id", "name"], {"column": -1}, path="s.jsonl", keyed=True)


def test_a_negative_number_is_an_input_error_naming_it() -> None:
    with pytest.raises(InputError, match="column -1 is out of range"):
        resolve_columns(HEADERS, {"column": -1}, path="s.csv")


def test_default_kept_columns_are_the_id_and_city() -> None:
    assert default_kept_columns(["ID", "Name", "City", "Country"]) == (0, 2)
    assert default_kept_columns([" supplier_id ", "Town"]) == (0, 1)
    assert default_kept_columns(["Supplier ID", "Supplier Name"]) == (0,)
    assert default_kept_columns(["Name", "Country"]) == ()
    assert "supplier id" in KEEP_HEADERS


def test_resolve_keeps_the_default_columns_without_keep() -> None:
    cols = resolve_columns(HEADERS, {}, path="s.csv")
    assert cols.kept == (0, 4)
    assert cols.kept_names() == ("Supplier ID", "City")


def test_keep_is_in_the_order_asked_and_each_column_once() -> None:
    cols = resolve_columns(HEADERS, {}, path="s.csv", keep=["city", 1, "CITY", "Country"])
    assert cols.kept == (4, 0, 2)
    assert cols.kept_names() == ("City", "Supplier ID", "Country")


def test_an_empty_keep_keeps_nothing() -> None:
    assert resolve_columns(HEADERS, {}, path="s.csv", keep=[]).kept == ()


def test_an_unknown_kept_column_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        resolve_columns(HEADERS, {}, path="s.csv", keep=["Postcode"])
    assert caught.value.message == "no kept column headed 'Postcode'"
    assert caught.value.hint is not None and "'City'" in caught.value.hint


def test_kept_cells_strip_values_and_fill_missing_cells() -> None:
    cols = Columns(names=("id", "name", "city"), name=1, kept=(0, 2))
    assert cols.kept_cells(["  S-0042 ", "Brightwave Textiles GmbH", " Wuppertal"]) == (
        ("id", "S-0042"),
        ("city", "Wuppertal"),
    )
    # A ragged short row: the city is missing.
    assert cols.kept_cells(["S-0043", "Dalian Tianbao Intl Logistics Co Ltd"]) == (
        ("id", "S-0043"),
        ("city", ""),
    )
    assert cols.kept_cells([]) == (("id", ""), ("city", ""))


def test_columns_are_frozen() -> None:
    cols = Columns(names=("name",), name=0)
    with pytest.raises(AttributeError):
        cols.name = 1  # type: ignore[misc]
